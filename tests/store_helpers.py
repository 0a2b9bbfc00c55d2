"""The two stores a test can run on: an SQLite file in a temporary folder, and a database
on the test run's PostgreSQL server (tests/conftest.py's ``pg_cluster``), set up by
server-setup, with or without the sample data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database
from minutes_app.db.server import ServerAddress
from minutes_app.db.server_setup import setup_server

# For ``@pytest.fixture(params=STORES)``: the server's tests carry the ``postgresql`` mark,
# so that -m 'not postgresql' and --no-postgresql leave them out.
STORES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]

# One set-up database with the samples per server, copied for each test (CREATE DATABASE
# … TEMPLATE takes a third of the time of setting up and loading again).
_TEMPLATES: dict[int, str] = {}


def _template(cluster: Any) -> str:
    import throwaway_pg

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
    import throwaway_pg

    cluster = request.getfixturevalue("pg_cluster")
    cluster.start()  # a test that stopped the server and failed may have left it so
    name = throwaway_pg.unique_database_name("search")
    url = cluster.create_database(name, template=_template(cluster) if samples else None)
    if not samples:
        setup_server(ServerAddress.parse(url))
    db = Database.open(url)

    def close() -> None:
        db.close()
        cluster.drop_database(name)

    request.addfinalizer(close)
    return db
