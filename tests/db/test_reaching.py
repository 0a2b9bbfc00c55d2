"""Reaching the office's server from the window: the URL the connect dialog builds, a lost
server told from the other errors of a read or a write, and the look whether it answers."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from minutes_app.db.engine import Database
from minutes_app.db.reaching import is_server_lost, server_answers, server_url
from minutes_app.db.server import ServerAddress, ServerError, server_error

CLOSED = "postgresql://postgres@127.0.0.1:9/minutes"  # nothing listens on port 9


@pytest.mark.parametrize(
    ("parts", "url"),
    [
        (("server.office", 5432, "minutes", "lan"), "postgresql://lan@server.office/minutes"),
        (("10.0.0.5", 5433, "minutes", ""), "postgresql://10.0.0.5:5433/minutes"),
        (
            (" db ", 5432, " biên bản ", "Lan Anh"),
            "postgresql://Lan%20Anh@db/bi%C3%AAn%20b%E1%BA%A3n",
        ),
        (("::1", 5432, "m", "a@b"), "postgresql://a%40b@[::1]/m"),
    ],
)
def test_the_url_of_what_the_clerk_typed(parts: tuple[str, int, str, str], url: str) -> None:
    assert server_url(*parts) == url
    address = ServerAddress.parse(url)  # libpq reads back what was typed
    assert address.database == parts[2].strip()
    assert address.parts()["host"] == parts[0].strip()
    assert address.password is None


def test_an_unreachable_server_is_lost_a_refused_login_is_not() -> None:
    refused_connection = psycopg.OperationalError(
        'connection failed: connection to server at "127.0.0.1", port 9 failed: Connection refused'
    )
    address = ServerAddress.parse(CLOSED)
    assert is_server_lost(server_error(address, refused_connection))
    assert is_server_lost(refused_connection)
    wrong_password = psycopg.OperationalError(
        'connection failed: FATAL:  password authentication failed for user "lan"'
    )
    assert not is_server_lost(wrong_password)
    assert not is_server_lost(server_error(address, wrong_password))
    gone = psycopg.OperationalError('FATAL:  database "minutes" does not exist')
    assert not is_server_lost(gone)
    assert not is_server_lost(ServerError("refused", address, "refused"))
    # Nothing of a file, nor of what was written, is a lost server.
    assert not is_server_lost(sqlite3.OperationalError("database is locked"))
    assert not is_server_lost(IntegrityError("INSERT", {}, Exception("UNIQUE")))
    assert not is_server_lost(ValueError("x"))
    assert not is_server_lost(None)


def test_a_read_on_a_closed_port_is_a_lost_server() -> None:
    db = Database(server=ServerAddress.parse(CLOSED))
    try:
        with pytest.raises(Exception) as plain, db.plain_reading() as reading:
            reading.rows("SELECT 1")
        assert isinstance(plain.value, ServerError)
        assert is_server_lost(plain.value)
        with pytest.raises(Exception) as orm, db.reading() as session:
            session.execute(text("SELECT 1"))
        assert is_server_lost(orm.value)
    finally:
        db.close()
    assert not server_answers(ServerAddress.parse(CLOSED))


@pytest.fixture
def server(pg_url: str) -> Iterator[Database]:
    from minutes_app.db.server_setup import setup_server

    setup_server(ServerAddress.parse(pg_url))
    db = Database.open(pg_url)
    yield db
    db.close()


def test_a_server_stopped_under_a_transaction_is_lost_and_found_again(
    pg_cluster: Any, server: Database
) -> None:
    assert server.server is not None and server_answers(server.server)
    with server.reading() as session:
        session.execute(text("SELECT 1"))  # a connection in the pool
        pg_cluster.stop()
        try:
            with pytest.raises(Exception) as broken:
                session.execute(text("SELECT 2"))  # the server went away under it
            assert is_server_lost(broken.value)
            assert not server_answers(server.server)
        finally:
            pg_cluster.start()
    assert server_answers(server.server)


def test_a_duplicate_is_not_a_lost_server(server: Database) -> None:
    with pytest.raises(Exception) as duplicate, server.transaction() as session:
        session.execute(text("INSERT INTO unit (id, name) VALUES (1, 'A'), (1, 'B')"))
    assert isinstance(duplicate.value, IntegrityError)
    assert not is_server_lost(duplicate.value)
