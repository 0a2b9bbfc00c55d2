"""The office's database on a PostgreSQL server: setup, the refusals of opening, the same
schema as a migrated SQLite file, and writers that race on the same rows."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select

from minutes_app.core.exchange.importing import import_exchange
from minutes_app.core.exchange.reading import read_exchange
from minutes_app.core.tasks import actions as task_actions
from minutes_app.db.engine import HEAD_REVISION, Database, DatabaseRefused
from minutes_app.db.models import Task
from minutes_app.db.search_index import KINDS, TRIGGERS, index_rows, trigger_name
from minutes_app.db.server import (
    ServerAddress,
    ServerError,
    is_connection_lost,
    server_engine,
)
from minutes_app.db.server_setup import setup_server
from minutes_app.db.versions import StaleRecord
from tests.stores import schema_differences

pytestmark = pytest.mark.postgresql


def _sql(url: str, statement: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url, autocommit=True) as connection:
        cursor = connection.execute(statement)
        return cursor.fetchall() if cursor.description else []


def _tables(url: str) -> set[str]:
    rows = _sql(
        url,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    )
    return {str(r[0]) for r in rows}


@pytest.fixture
def server(pg_url: str) -> Iterator[Database]:
    assert setup_server(ServerAddress.parse(pg_url)) == "created"
    db = Database.open(pg_url)
    yield db
    db.close()


def test_setup_makes_the_schema_the_models_describe(pg_url: str) -> None:
    assert setup_server(ServerAddress.parse(pg_url)) == "created"
    engine = server_engine(ServerAddress.parse(pg_url))
    try:
        with engine.connect() as connection:
            differences = schema_differences(connection)
    finally:
        engine.dispose()
    assert differences == []
    assert _sql(pg_url, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert {k.table for k in KINDS} | {"search_dirty"} <= _tables(pg_url)
    triggers = {str(r[0]) for r in _sql(pg_url, "SELECT tgname FROM pg_trigger")}
    assert {trigger_name(table, event) for table, event, _ in TRIGGERS} <= triggers


def test_setup_again_changes_nothing(pg_url: str) -> None:
    address = ServerAddress.parse(pg_url)
    assert setup_server(address) == "created"
    before = _sql(pg_url, "SELECT count(*) FROM pg_class")
    assert setup_server(address) == "current"
    assert _sql(pg_url, "SELECT count(*) FROM pg_class") == before


def test_two_setups_at_once_do_the_work_once(pg_url: str) -> None:
    results: list[str] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(setup_server(ServerAddress.parse(pg_url)))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == ["created", "current"]


def test_setup_refuses_a_database_of_another_program(pg_url: str) -> None:
    _sql(pg_url, "CREATE TABLE invoices (id integer)")
    with pytest.raises(DatabaseRefused) as refused:
        setup_server(ServerAddress.parse(pg_url))
    assert refused.value.reason == "foreign"
    assert _tables(pg_url) == {"invoices"}


def test_setup_refuses_a_newer_schema(server: Database, pg_url: str) -> None:
    _sql(pg_url, "UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseRefused) as refused:
        setup_server(ServerAddress.parse(pg_url))
    assert refused.value.reason == "newer"
    assert _sql(pg_url, "SELECT version_num FROM alembic_version") == [("9999",)]


@pytest.mark.parametrize(
    ("prepare", "reason"),
    [
        ("", "not_set_up"),
        ("CREATE TABLE invoices (id integer)", "foreign"),
        ("SETUP; UPDATE alembic_version SET version_num = '9999'", "newer"),
        ("SETUP; UPDATE alembic_version SET version_num = '0006'", "server_old"),
    ],
)
def test_a_client_refuses_what_it_cannot_use_and_changes_nothing(
    pg_url: str, prepare: str, reason: str
) -> None:
    if prepare.startswith("SETUP; "):
        setup_server(ServerAddress.parse(pg_url))
        prepare = prepare.removeprefix("SETUP; ")
    if prepare:
        _sql(pg_url, prepare)
    tables = _tables(pg_url)
    with pytest.raises(DatabaseRefused) as refused:
        Database.open(pg_url)
    assert refused.value.reason == reason
    assert refused.value.path == pg_url
    assert _tables(pg_url) == tables
    if reason == "server_old":
        assert "server-setup" in str(refused.value)
        assert _sql(pg_url, "SELECT version_num FROM alembic_version") == [("0006",)]


def test_an_unreachable_server_is_said_in_plain_words(pg_cluster: object) -> None:
    with pytest.raises(ServerError) as refused:
        Database.open("postgresql://postgres@127.0.0.1:9/minutes")
    assert refused.value.reason == "unreachable"
    assert "cannot be reached" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_a_password_in_the_url_is_used_but_never_shown() -> None:
    address = ServerAddress.parse(
        "postgresql://clerk:s3cret@db.example:5433/office?sslmode=require"
    )
    assert address.password == "s3cret"
    assert "s3cret" not in str(address) and "s3cret" not in repr(address)
    assert str(address) == "postgresql://clerk@db.example:5433/office?sslmode=require"
    assert address.connect_arguments()["password"] == "s3cret"
    assert address.database == "office"


def test_a_login_that_needs_a_password_is_told_so(pg_cluster: object, pg_url: str) -> None:
    setup_server(ServerAddress.parse(pg_url))
    name = pg_url.rsplit("/", 1)[1]
    _sql(pg_url, "DROP ROLE IF EXISTS minutes_pw")
    _sql(pg_url, "CREATE ROLE minutes_pw LOGIN PASSWORD 'right horse'")
    try:
        _sql(pg_url, f"GRANT CONNECT ON DATABASE {name} TO minutes_pw")
        _sql(pg_url, "GRANT SELECT ON alembic_version TO minutes_pw")
        url = pg_url.replace("postgres@", "minutes_pw@")
        with pytest.raises(ServerError) as refused:
            Database.open(url)
        assert refused.value.reason == "password"
        with pytest.raises(ServerError) as wrong:
            Database.open(url, password="wrong")
        assert wrong.value.reason == "password"
        Database.open(url, password="right horse").close()
    finally:
        _sql(pg_url, f"REVOKE ALL ON DATABASE {name} FROM minutes_pw")
        _sql(pg_url, "REVOKE ALL ON alembic_version FROM minutes_pw")
        _sql(pg_url, "DROP ROLE minutes_pw")


def test_records_written_and_read_back_with_their_search_rows(
    server: Database, example_json: Path
) -> None:
    import_exchange(server, read_exchange(example_json.read_bytes()))
    with server.reading() as session:
        tasks = session.query(Task).order_by(Task.id).all()
        assert len(tasks) == 3
        assert all(isinstance(t.assigned_on, dt.date) for t in tasks)
        task_ids = [t.id for t in tasks]
    with server.engine.connect() as connection:
        rows = index_rows(connection.connection.dbapi_connection)
    assert [r[0] for r in rows["task"]] == task_ids
    assert "quan triet quy dinh 96" in str(rows["task"]).lower()
    assert _sql(str(server.server), "SELECT count(*) FROM search_dirty") == [(0,)]


def test_a_writer_who_read_an_older_version_is_refused_while_the_other_waits(
    server: Database, example_json: Path
) -> None:
    import_exchange(server, read_exchange(example_json.read_bytes()))
    with server.reading() as session:
        task = session.query(Task).filter(Task.status != "done").order_by(Task.id).first()
        assert task is not None
        task_id, read = task.id, task.version
    # Another clerk holds the task's row lock in an open transaction and changes it.
    other = psycopg.connect(str(server.server))
    other.execute(
        "UPDATE task SET version = version + 1, updated_by = 'khác' WHERE id = %s", (task_id,)
    )
    outcome: list[BaseException | None] = []

    def act() -> None:
        try:
            task_actions.add_progress(server, [task_id], "đã họp", by="tôi", read={task_id: read})
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=act)
    thread.start()
    thread.join(1.0)
    assert thread.is_alive(), "the second writer must wait for the first's row lock"
    other.commit()
    other.close()
    thread.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], StaleRecord)
    assert outcome[0].by == "khác"
    with server.reading() as session:
        assert session.get(Task, task_id).version == read + 1  # type: ignore[union-attr]


def test_server_setup_on_the_command_line(pg_url: str, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "minutes_app", *args],
            capture_output=True,
            text=True,
            check=False,
        )

    first = run("server-setup", pg_url)
    assert first.returncode == 0, first.stderr
    assert "created" in first.stdout
    again = run("server-setup", pg_url)
    assert again.returncode == 0 and "nothing changed" in again.stdout
    not_a_server = run("server-setup", str(tmp_path / "x.sqlite3"))
    assert not_a_server.returncode == 1 and "not a PostgreSQL address" in not_a_server.stderr
    assert not (tmp_path / "x.sqlite3").exists()
    gone = run("--db", pg_url.rsplit("/", 1)[0] + "/no_such_db", "tasks")
    assert gone.returncode == 1
    assert len(gone.stderr.strip().splitlines()) == 1


def test_a_lost_server_breaks_one_write_whole_and_the_next_after_it_is_back_succeeds(
    pg_cluster: Any, server: Database, example_json: Path
) -> None:
    import_exchange(server, read_exchange(example_json.read_bytes()))
    with server.reading() as session:
        task_id = session.query(Task.id).filter(Task.status == "open").order_by(Task.id).scalar()
    pg_cluster.stop()
    try:
        with pytest.raises(Exception) as lost:
            task_actions.add_progress(server, [task_id], "giữa chừng", by="tôi")
        assert is_connection_lost(lost.value)
        assert not is_connection_lost(ValueError("x"))
    finally:
        pg_cluster.start()
    # The pool's connections died with the server: the next write gets a fresh one.
    task_actions.add_progress(server, [task_id], "sau khi có lại", by="tôi")
    notes = _sql(
        str(server.server),
        f"SELECT note FROM task_event WHERE task_id = {int(task_id)} AND kind = 'progress'",
    )
    assert notes == [("sau khi có lại",)]


def test_setup_refuses_a_database_that_cannot_keep_vietnamese(pg_cluster: Any) -> None:
    name = "minutes_latin1_test"
    pg_cluster.sql(f"DROP DATABASE IF EXISTS {name}")
    pg_cluster.sql(
        f"CREATE DATABASE {name} ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
    )
    try:
        url = pg_cluster.url(name)
        with pytest.raises(DatabaseRefused) as refused:
            setup_server(ServerAddress.parse(url))
        assert refused.value.reason == "not_utf8"
        assert "LATIN1" in str(refused.value)
        assert _tables(url) == set()
    finally:
        pg_cluster.drop_database(name)


def test_writers_take_turns_and_one_kept_waiting_too_long_is_busy(
    server: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from minutes_app.db import server as server_module
    from minutes_app.db.locks import is_busy
    from minutes_app.db.models import Unit

    monkeypatch.setattr(server_module, "BUSY_TIMEOUT_MS", 300)
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with server.transaction() as session:
            session.add(Unit(name="Huyện ủy Chợ Đồn"))
            session.flush()
            holding.set()
            release.wait(10)

    first = threading.Thread(target=hold)
    first.start()
    assert holding.wait(10)
    try:
        with pytest.raises(Exception) as waited, server.transaction() as session:
            session.add(Unit(name="Huyện ủy Chợ Mới"))
        assert is_busy(waited.value)
        assert not is_connection_lost(waited.value)  # a lock not had: the server is there
    finally:
        release.set()
        first.join(10)
    with server.transaction() as session:
        session.add(Unit(name="Huyện ủy Chợ Mới"))
    with server.reading() as session:
        names = sorted(session.scalars(select(Unit.name)))
    assert names == ["Huyện ủy Chợ Mới", "Huyện ủy Chợ Đồn"]
