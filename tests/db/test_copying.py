"""copy-db and a server's backup: a whole database into an empty one and back, all or nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import stat
import threading
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from minutes_app.cli import main
from minutes_app.core.exchange.importing import import_exchange
from minutes_app.core.exchange.reading import read_exchange
from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.search import search
from minutes_app.db import copying
from minutes_app.db.backup import backup_database
from minutes_app.db.copying import (
    CopyCancelled,
    CopyFailed,
    CopyRefused,
    TableCount,
    copied_tables,
    copy_database,
    failure_words,
)
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    Absence,
    Conference,
    Instruction,
    IssuedPaper,
    Person,
    Setting,
    Task,
    TaskEvent,
    Unit,
)
from minutes_app.db.search_index import index_rows
from minutes_app.db.server import ServerAddress
from minutes_app.db.server_setup import setup_server


@pytest.fixture
def server(pg_url: str) -> Iterator[Database]:
    """A database server-setup has just made, empty."""
    assert setup_server(ServerAddress.parse(pg_url)) == "created"
    db = Database.open(pg_url)
    yield db
    db.close()


@pytest.fixture
def source(tmp_path: Path, example_json: Path) -> Path:
    """An SQLite file holding the exchange example and the demo data."""
    path = tmp_path / "source.sqlite3"
    db = Database.open(path)
    import_exchange(db, read_exchange(example_json.read_bytes()))
    load_samples(db)
    with db.transaction() as session:  # a row in every table, a time with its microseconds
        conference = session.scalars(select(Conference).order_by(Conference.id)).first()
        person = session.scalars(select(Person).order_by(Person.id)).first()
        task = session.scalars(select(Task).order_by(Task.id)).first()
        assert conference is not None and person is not None and task is not None
        session.add(Setting(key="office.name", value="Ban Tổ chức Tỉnh ủy"))
        session.add(
            Absence(conference_id=conference.id, position=1, person_id=person.id, reason="Ốm")
        )
        session.add(
            IssuedPaper(
                conference_id=conference.id,
                position=1,
                kind="notice",
                number="12-TB/BTCTU",
                issued_on=dt.date(2024, 5, 6),
                signer_id=person.id,
            )
        )
        session.add(
            TaskEvent(task_id=task.id, at=dt.datetime(2024, 5, 6, 7, 8, 9, 120), kind="note")
        )
        last = session.scalars(select(Conference).order_by(Conference.id.desc())).first()
        assert last is not None
        last.deleted_at = dt.datetime(2024, 6, 1, 10, 0)  # in the trash
    db.close()
    return path


def exported(location: str | Path, tmp_path: Path) -> bytes:
    """``export-json`` of the database at ``location``, as written."""
    out = tmp_path / f"export-{uuid.uuid4().hex}.json"
    assert main(["--db", str(location), "export-json", str(out)]) == 0
    return out.read_bytes()


def rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, as SQLAlchemy reads it (days and times as values)."""
    with db.core_reading() as connection:
        return {
            t.name: [tuple(r) for r in connection.execute(select(t).order_by(*t.primary_key))]
            for t in copied_tables()
        }


def stored(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the file as SQLite holds it (days and times as text),
    but the conferences' created_at and updated_at: SQLite's CURRENT_TIMESTAMP writes
    them without the microseconds the app writes (the same time, read as a value)."""
    with sqlite3.connect(path) as connection:
        held = {}
        for t in copied_tables():
            names = [c.name for c in t.columns if (t.name, c.name) not in _SERVER_DEFAULT_TIMES]
            columns = ", ".join(f'"{n}"' for n in names)
            keys = ", ".join(f'"{c.name}"' for c in t.primary_key)
            held[t.name] = connection.execute(
                f'SELECT {columns} FROM "{t.name}" ORDER BY {keys}'
            ).fetchall()
    connection.close()
    return held


def schema(path: Path) -> set[tuple[str, str, str, str]]:
    """The tables, indexes and triggers of the file, as their CREATE statements."""
    with closing(sqlite3.connect(path)) as connection:
        return set(connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))


_SERVER_DEFAULT_TIMES = {("conference", "created_at"), ("conference", "updated_at")}


def made(folder: Path) -> list[str]:
    """The files in ``folder`` but the source and what SQLite keeps beside it."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("source.sqlite3"))


def server_counts(db: Database) -> dict[str, int]:
    assert db.server is not None
    with db.server.connect() as connection:
        tables = [t.name for t in copied_tables()]
        tables += ["search_dirty", "search_task", "search_conference", "search_unit"]
        return {n: connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in tables}


def test_a_file_goes_to_a_server_and_back_unchanged(
    source: Path, server: Database, tmp_path: Path
) -> None:
    before = exported(source, tmp_path)
    back = tmp_path / "back.sqlite3"
    file_db = Database.open(source)

    there = copy_database(file_db, server)
    again = copy_database(server, Database(back))

    assert there.matches and again.matches
    assert all(t.source > 0 for t in there.tables if t.table != "office_user")  # no users
    assert [(t.table, t.source) for t in again.tables] == [
        (t.table, t.source) for t in there.tables
    ]
    assert exported(server.where, tmp_path) == before
    assert exported(back, tmp_path) == before
    # Every value of every table: ids, uids, versions, the tasks' history, settings.
    original = rows(file_db)
    assert rows(server) == original
    back_db = Database.open(back)
    assert rows(back_db) == original
    assert stored(back) == stored(source)  # the same text in the file, days and times too
    assert schema(back) == schema(source)  # the indexes made again after the rows
    assert original["task_event"] and original["setting"] is not None
    assert {r[2] for r in original["conference"]} != {None}  # uids travel (column 2)
    file_db.close()
    back_db.close()


def test_a_unit_whose_parent_has_a_larger_id_is_copied_either_way(
    source: Path, server: Database, tmp_path: Path
) -> None:
    """A unit whose parent has a larger id: the server checks a COPY's references at its
    end, a file at COMMIT (rows go in id order)."""
    with sqlite3.connect(source) as connection:
        last = connection.execute("SELECT max(id) FROM unit").fetchone()[0]
        connection.execute("UPDATE unit SET parent_id = ? WHERE id = 1", (last,))
        connection.execute("UPDATE unit SET parent_id = NULL WHERE id = ?", (last,))
    connection.close()
    file_db = Database.open(source)
    copy_database(file_db, server)
    back = Database(tmp_path / "back.sqlite3")
    copy_database(server, back)
    assert rows(back)["unit"] == rows(file_db)["unit"]
    assert rows(back)["unit"][0][3] == last  # unit 1's parent_id


def test_search_finds_the_same_on_the_copies(
    source: Path, server: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(copying, "BATCH", 7)  # the index built a few records at a time
    file_db = Database.open(source)
    copy_database(file_db, server)
    back = Database(tmp_path / "back.sqlite3")
    copy_database(server, back)
    with file_db.engine.connect() as a, server.engine.connect() as b:
        expected = index_rows(a.connection.dbapi_connection)
        assert all(expected.values())
        assert index_rows(b.connection.dbapi_connection) == expected
        a.rollback()
        b.rollback()
    for query in ("ba be", "quy dinh 96", "Thành ủy"):
        found = [h.to_json() for h in search(file_db, query)]
        assert found
        assert [h.to_json() for h in search(back, query)] == found
    assert server_counts(server)["search_dirty"] == 0


def test_after_a_copy_into_a_server_new_records_get_new_ids(source: Path, server: Database) -> None:
    file_db = Database.open(source)
    copy_database(file_db, server)
    largest = {
        t.name: max((r[0] for r in rows(server)[t.name]), default=0)
        for t in copied_tables()
        if t.autoincrement_column is not None
    }
    with server.transaction() as session:
        unit = Unit(name="Đơn vị mới sau khi sao chép")
        conference = Conference(title="Hội nghị mới", date=dt.date(2024, 5, 6))
        instruction = Instruction(conference=conference, position=1, text="Làm ngay")
        task = Task(
            instruction=instruction, title="Việc mới", lead_unit=unit, assigned_on=conference.date
        )
        session.add_all([unit, conference, instruction, task])
        session.flush()
        session.add(TaskEvent(task_id=task.id, at=dt.datetime(2024, 5, 6, 8), kind="created"))
    with server.reading() as session:
        assert session.scalar(select(func.max(Unit.id))) == largest["unit"] + 1
        assert session.scalar(select(func.max(Conference.id))) == largest["conference"] + 1
        assert session.scalar(select(func.max(Task.id))) == largest["task"] + 1
        assert session.scalar(select(func.max(TaskEvent.id))) == largest["task_event"] + 1


def test_a_copy_into_a_server_with_records_is_refused_and_changes_nothing(
    source: Path, server: Database, tmp_path: Path
) -> None:
    with server.transaction() as session:
        session.add(Unit(name="Đã có sẵn"))
    before = server_counts(server)
    with pytest.raises(CopyRefused) as refused:
        copy_database(Database.open(source), server)
    assert refused.value.reason == "dest_not_empty"
    assert "not empty" in str(refused.value) and "unit" in str(refused.value)
    assert server_counts(server) == before


def test_a_copy_into_an_existing_file_is_refused_and_changes_nothing(
    source: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "there.sqlite3"
    dest.write_bytes(b"what was there")
    with pytest.raises(CopyRefused) as refused:
        copy_database(Database.open(source), Database(dest))
    assert refused.value.reason == "dest_exists"
    assert dest.read_bytes() == b"what was there"
    assert made(tmp_path) == ["there.sqlite3"]


def _bad_day(source: Path) -> int:
    """A task whose deadline SQLite keeps and a server refuses (30 February)."""
    with sqlite3.connect(source) as connection:
        task_id = int(connection.execute("SELECT max(id) FROM task").fetchone()[0]) - 3
        connection.execute("UPDATE task SET deadline = '2999-02-30' WHERE id = ?", (task_id,))
    connection.close()
    return task_id


def test_a_row_the_server_refuses_undoes_the_whole_copy(
    source: Path, server: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(copying, "BATCH", 7)
    task_id = _bad_day(source)
    empty = server_counts(server)
    with pytest.raises(CopyFailed) as failed:
        copy_database(Database.open(source), server)
    said = str(failed.value)
    assert failed.value.reason == "refused"
    assert f"refused a record of task (id {task_id})" in said
    assert "2999-02-30" in said and "is as it was" in said
    vietnamese = failure_words(failed.value, "vi")
    assert f"không nhận một bản ghi của bảng task (id {task_id})" in vietnamese
    assert "2999-02-30" in vietnamese and vietnamese.endswith("vẫn như trước.")
    assert server_counts(server) == empty
    assert all(n == 0 for n in empty.values())


@pytest.mark.parametrize("kind", ["file", "server"])
def test_a_cancel_at_the_second_batch_leaves_the_destination_as_it_was(
    kind: str, source: Path, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(copying, "BATCH", 10)
    if kind == "server":
        setup_server(ServerAddress.parse(pg_url))
        dest = Database.open(pg_url)
    else:
        dest = Database(tmp_path / "out" / "copy.sqlite3")
        (tmp_path / "out").mkdir()
    stop = threading.Event()
    told: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        told.append((done, total))
        if done > 0:
            stop.set()  # after the first batch
        return True

    with pytest.raises(CopyCancelled):
        copy_database(Database.open(source), dest, progress=progress, stop=stop)
    assert told[:2] == [(0, told[0][1]), (10, told[0][1])]
    assert len(told) == 2
    if kind == "server":
        assert set(server_counts(dest).values()) == {0}
        dest.close()
    else:
        assert list((tmp_path / "out").iterdir()) == []


def test_progress_saying_no_cancels_too(source: Path, tmp_path: Path) -> None:
    dest = tmp_path / "copy.sqlite3"
    with pytest.raises(CopyCancelled):
        copy_database(Database.open(source), Database(dest), progress=lambda d, t: d < 100)
    assert not dest.exists()
    assert made(tmp_path) == []


def test_progress_reaches_its_total(source: Path, tmp_path: Path) -> None:
    told: list[tuple[int, int]] = []
    copy_database(
        Database.open(source),
        Database(tmp_path / "copy.sqlite3"),
        progress=lambda d, t: told.append((d, t)) is None,
    )
    assert told[-1][0] == told[-1][1]
    assert [d for d, _ in told] == sorted(d for d, _ in told)


@pytest.mark.parametrize("kind", ["file", "server"])
def test_the_source_is_read_in_one_snapshot(
    kind: str, source: Path, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record written to the source while the copy reads it is not in the copy, and
    the counts still match."""
    monkeypatch.setattr(copying, "BATCH", 10)
    if kind == "server":
        setup_server(ServerAddress.parse(pg_url))
        origin = Database.open(pg_url)
        copy_database(Database.open(source), origin)
    else:
        origin = Database.open(source)
    expected = rows(origin)
    written = threading.Event()

    def write_meanwhile(done: int, total: int) -> bool:
        if done > 0 and not written.is_set():
            written.set()
            with origin.transaction() as session:
                session.add(Unit(name="Viết trong lúc sao chép"))
                task = session.scalars(select(Task).limit(1)).one()
                session.add(TaskEvent(task_id=task.id, at=dt.datetime(2024, 1, 2), kind="note"))
        return True

    copy = Database(tmp_path / "copy.sqlite3")
    report = copy_database(origin, copy, progress=write_meanwhile)
    assert written.is_set() and report.matches
    assert rows(copy) == expected
    assert len(rows(origin)["task_event"]) == len(expected["task_event"]) + 1


def test_a_server_at_another_schema_is_refused_as_a_source(
    source: Path, server: Database, tmp_path: Path
) -> None:
    assert server.server is not None
    with server.server.connect() as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0006'")
    with pytest.raises(CopyRefused) as refused:
        copy_database(server, Database(tmp_path / "copy.sqlite3"))
    assert refused.value.reason == "schema"
    assert not (tmp_path / "copy.sqlite3").exists()


def test_a_server_backs_up_to_a_file_that_exports_the_same(
    source: Path, server: Database, tmp_path: Path
) -> None:
    copy_database(Database.open(source), server)
    folder = tmp_path / "backups"
    folder.mkdir()
    written = backup_database(server, folder, now=dt.datetime(2024, 5, 6, 7, 8, 9))
    assert written.parent == folder.absolute()
    assert written.name == f"{server.server.database}-20240506-070809.sqlite3"  # type: ignore[union-attr]
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == [written.name]  # no -wal, no temp
    assert exported(written, tmp_path) == exported(source, tmp_path)
    # Written again over the same name: replaced whole.
    again = backup_database(server, written)
    assert again == written
    assert exported(written, tmp_path) == exported(source, tmp_path)


def test_backup_of_a_server_through_the_command_line(
    source: Path, server: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_database(Database.open(source), server)
    target = tmp_path / "office.sqlite3"
    assert main(["--db", server.where, "backup", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert exported(target, tmp_path) == exported(source, tmp_path)


def test_an_older_file_is_upgraded_when_opened_and_then_copied(
    server: Database, tmp_path: Path
) -> None:
    old = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).parents[1] / "data" / "schemas" / "0006.sqlite3", old)
    with pytest.raises(CopyRefused):  # not opened: still at its old schema
        copy_database(Database(old), server)
    report = copy_database(Database.open(old), server)
    assert report.matches and report.records > 0


def test_a_record_naming_one_that_is_not_there_undoes_a_copy_into_a_file(
    source: Path, tmp_path: Path
) -> None:
    with closing(sqlite3.connect(source)) as connection, connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        task_id = int(connection.execute("SELECT max(id) FROM task").fetchone()[0])
        connection.execute("UPDATE task SET lead_unit_id = 99999 WHERE id = ?", (task_id,))
    dest = tmp_path / "copy.sqlite3"
    with pytest.raises(CopyFailed) as failed:
        copy_database(Database.open(source), Database(dest))
    assert failed.value.reason == "refused"
    where = str(dest)
    assert str(failed.value) == (
        f"{where} refused a record of task (row {task_id}): it names a unit record that is "
        f"not there. The copy was undone; {where} is as it was."
    )
    assert failure_words(failed.value, "vi") == (
        f"{where} không nhận một bản ghi của bảng task (row {task_id}): bản ghi này trỏ tới "
        f"một bản ghi unit không có. Việc sao chép đã được hủy bỏ; {where} vẫn như trước."
    )
    assert not dest.exists()


def test_counts_that_differ_are_said_table_by_table_in_both_languages() -> None:
    differing = [TableCount("task", 5, 4), TableCount("unit", 2, 3)]
    failed = CopyFailed("counts", {"where": "postgresql://office/minutes"}, None, differing)
    assert str(failed) == (
        "The counts differ after the copy (task: 5 in the source, 4 copied, unit: 2 in the "
        "source, 3 copied); it was undone and postgresql://office/minutes is as it was."
    )
    assert failure_words(failed, "vi") == (
        "Số bản ghi sau khi sao chép không khớp (task: nguồn có 5, đã chép 4, unit: nguồn có "
        "2, đã chép 3); việc sao chép đã được hủy bỏ và postgresql://office/minutes vẫn như "
        "trước."
    )
