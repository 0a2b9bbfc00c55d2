"""Both stores for the storage tests: what tests/conftest.py's ``store`` fixture gives per
test, made once per module for the tests that build one big database and only read it,
an open database of either store with or without the sample data (``open_store``), and
the few things a test needs to look into either store the same way."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest

from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database
from minutes_app.db.server import ServerAddress, is_server_address
from minutes_app.db.server_setup import setup_server
from tests.conftest import throwaway_pg

# The params of a fixture that runs each test on both stores (as conftest's ``store``).
STORES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


@contextmanager
def new_store(request: pytest.FixtureRequest, kind: str, folder: Path) -> Iterator[str]:
    """Where a new database at the current schema is, of ``kind`` ("sqlite" or
    "postgresql"): an SQLite path in ``folder``, or a server database copied from the
    set-up template (dropped at the end), as conftest's ``store`` does, for any scope."""
    if kind == "sqlite":
        folder.mkdir(parents=True, exist_ok=True)
        yield str(folder / "minutes.sqlite3")
        return
    cluster = request.getfixturevalue("pg_cluster")
    template = request.getfixturevalue("server_template")
    cluster.start()
    name = throwaway_pg.unique_database_name()
    try:
        yield cluster.create_database(name, template=template)
    finally:
        cluster.start()
        cluster.drop_database(name)


def sqlite_only(reason: str) -> pytest.MarkDecorator:
    """The test is about SQLite itself (``reason``): the ``store`` fixture's postgresql
    param is skipped before any server database is made for it."""
    skipped = pytest.mark.skip(reason=f"SQLite only: {reason}")
    return pytest.mark.parametrize(
        "store", ["sqlite", pytest.param("postgresql", marks=skipped)], indirect=True
    )


def on_server(store: str) -> bool:
    return is_server_address(store)


def kind_of(store: str) -> str:
    """The kind of ``new_store`` that ``store`` is: "postgresql" for a server's URL,
    "sqlite" for a path."""
    return "postgresql" if on_server(store) else "sqlite"


def sql(
    store: str, statement: str, parameters: Any = None, *, days_as_text: bool = False
) -> list[tuple[Any, ...]]:
    """The rows of ``statement`` (values as ``?`` marks, made ``%s`` on a server), run on a
    plain connection of the driver and committed at once: for a test that plants what the
    app would not write, or reads back what it wrote, without the app's code.
    ``days_as_text``: a server's days and times come as ISO text, as SQLite keeps them."""
    if on_server(store):
        import psycopg
        from psycopg.types.string import TextLoader

        with psycopg.connect(store, autocommit=True) as connection:
            if days_as_text:
                for name in ("date", "timestamp", "timestamptz"):
                    connection.adapters.register_loader(name, TextLoader)
            cursor = connection.execute(statement.replace("?", "%s"), parameters)
            return [tuple(r) for r in cursor.fetchall()] if cursor.description else []
    import sqlite3

    connection = sqlite3.connect(store)
    try:
        with connection:
            cursor = connection.execute(statement, parameters or ())
            rows = [tuple(r) for r in cursor.fetchall()] if cursor.description else []
        return rows
    finally:
        connection.close()


def fails_on_server(reason: str) -> pytest.MarkDecorator:
    """The test fails on the server because of a fault of the app outside the tests'
    reach (``reason``): its postgresql param is expected to fail, strictly, so that the
    fix shows as an unexpected pass and the mark is then taken off."""
    failing = [pytest.mark.postgresql, pytest.mark.xfail(strict=True, reason=reason)]
    return pytest.mark.parametrize(
        "store", ["sqlite", pytest.param("postgresql", marks=failing)], indirect=True
    )


def foreign_key_problems(db: Database) -> list[tuple[object, ...]]:
    """References to rows that are not there. SQLite lists them (it checks a reference
    only when it is written while foreign keys are on); a server refuses such a write
    outright, so none can be there to list."""
    if db.server is not None:
        return []
    from sqlalchemy import text

    with db.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text("PRAGMA foreign_key_check"))]


def insert_rows(store: str, table: str, columns: tuple[str, ...], rows: Any) -> None:
    """Rows planted as another tool might leave them, their ids given: on a server the
    table's id sequence is then moved past the largest id, as a copy does, so that the
    app's next row does not take one of theirs."""
    marks = ", ".join("?" for _ in columns)
    statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    if not on_server(store):
        import sqlite3

        connection = sqlite3.connect(store)
        try:
            with connection:
                connection.executemany(statement, rows)
        finally:
            connection.close()
        return
    import psycopg

    with psycopg.connect(store) as connection:
        connection.cursor().executemany(statement.replace("?", "%s"), list(rows))
        connection.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
        )


@contextmanager
def copied_store(request: pytest.FixtureRequest, source: str, folder: Path) -> Iterator[str]:
    """A copy of the database at ``source`` (which no one may be connected to): SQLite's
    backup into a file in ``folder``, or a server database made from it as a template
    (dropped at the end)."""
    if not on_server(source):
        import sqlite3

        target = folder / "copy.sqlite3"
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
        yield str(target)
        return
    from minutes_app.db.server import ServerAddress

    cluster = request.getfixturevalue("pg_cluster")
    cluster.start()
    name = throwaway_pg.unique_database_name()
    try:
        yield cluster.create_database(name, template=ServerAddress.parse(source).database)
    finally:
        cluster.start()
        cluster.drop_database(name)


def schema_differences(connection: Any) -> list[Any]:
    """What Alembic finds different between the database on ``connection`` and the models
    (the search index left out, as env.py leaves it)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from minutes_app.db.migrate import include_name
    from minutes_app.db.models import Base

    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "include_name": include_name}
    )
    return list(compare_metadata(context, Base.metadata))


# One set-up database with the samples per server, copied for each test (CREATE DATABASE
# … TEMPLATE takes a third of the time of setting up and loading again).
_TEMPLATES: dict[int, str] = {}


def _template(cluster: Any) -> str:
    name = _TEMPLATES.get(id(cluster))
    if name is None:
        name = throwaway_pg.unique_database_name("search_samples")
        url = cluster.create_database(name)
        setup_server(ServerAddress.parse(url))
        db = Database.open(url)
        try:
            load_samples(db)
        finally:
            db.close()  # a template must have no one connected to it
        _TEMPLATES[id(cluster)] = name
    return name


def open_store(
    request: pytest.FixtureRequest, folder: Path, store: str, *, samples: bool = True
) -> Database:
    """A database of ``store`` ("sqlite" or "postgresql"), holding the sample data when
    ``samples``; closed (and dropped, on the server) when ``request``'s scope ends."""
    if store == "sqlite":
        db = Database.open(folder / "minutes.sqlite3")
        if samples:
            load_samples(db)
        request.addfinalizer(db.close)
        return db
    cluster = request.getfixturevalue("pg_cluster")
    cluster.start()  # a test that stopped the server and failed may have left it so
    name = throwaway_pg.unique_database_name("search")
    template = _template(cluster) if samples else request.getfixturevalue("server_template")
    db = Database.open(cluster.create_database(name, template=template))

    def close() -> None:
        db.close()
        cluster.drop_database(name)

    request.addfinalizer(close)
    return db
