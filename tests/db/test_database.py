"""The Database object: plain sqlite3 reads before SQLAlchemy, one engine made on demand."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from minutes_app.db.engine import Database, storage_errors
from minutes_app.db.models import Unit


def test_opening_makes_no_engine_until_a_session_is_asked_for(db_path: Path) -> None:
    db = Database.open(db_path)
    assert db._engine is None
    with db.transaction() as session:
        session.add(Unit(name="Huyện ủy Ba Bể"))
    assert db._engine is not None
    assert db.engine is db._engine
    db.close()


def test_plain_reading_sees_committed_rows_with_named_parameters(store: str) -> None:
    db = Database.open(store)
    with db.transaction() as session:
        session.add(Unit(name="Đảng ủy Khối 100% Cơ quan", kind="đảng ủy"))
    with db.plain_reading() as reading:
        # Named parameters (psycopg's own marks are put in their place on a server), a
        # '%' in the SQL text and in a parameter, a ':' inside a string constant.
        names = reading.rows(
            "SELECT name, 'a:b' FROM unit WHERE name LIKE :words AND kind = :kind "
            "AND name LIKE '%100%'",
            {"words": "%Khối%", "kind": "đảng ủy"},
        )
        assert names == [("Đảng ủy Khối 100% Cơ quan", "a:b")]
    db.close()


def test_plain_reading_is_one_snapshot_while_another_connection_writes(store: str) -> None:
    db = Database.open(store)
    with db.transaction() as session:
        session.add(Unit(name="Huyện ủy Na Rì"))
    with db.plain_reading() as reading:
        [first] = reading.rows("SELECT count(*) FROM unit")
        with db.transaction() as session:
            session.add(Unit(name="Huyện ủy Pác Nặm"))
        assert reading.rows("SELECT count(*) FROM unit") == [first]
    with db.plain_reading() as reading:
        assert reading.rows("SELECT count(*) FROM unit") == [(first[0] + 1,)]
    db.close()


def test_two_threads_asking_for_the_first_session_share_one_engine(db_path: Path) -> None:
    db = Database.open(db_path)
    engines: list[object] = []
    start = threading.Barrier(4)

    def ask() -> None:
        start.wait()
        engines.append(db.engine)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(engines) == 4 and all(engine is engines[0] for engine in engines)
    db.close()


def test_storage_errors_name_sqlite_the_disk_and_sqlalchemy_once_loaded() -> None:
    errors = storage_errors()
    assert sqlite3.Error in errors and OSError in errors
    assert DBAPIError in errors  # imported by this module
    with pytest.raises(storage_errors()):
        raise sqlite3.OperationalError("disk I/O error")
