"""Migration 0004 builds the search index for stored records and takes it away again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database, sqlite_engine
from minutes_app.db.migrate import alembic_config
from minutes_app.db.search_index import index_rows, rebuild


def _migrate(path: Path, revision: str, *, down: bool = False) -> None:
    engine = sqlite_engine(path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            config = alembic_config(connection)
            (command.downgrade if down else command.upgrade)(config, revision)
    finally:
        engine.dispose()


def _search_objects(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'search%'")
        return [r[0] for r in rows]
    finally:
        conn.close()


def test_downgrade_removes_the_index_and_upgrade_builds_it_again(db_path: Path) -> None:
    db = Database.open(db_path)
    load_samples(db)
    db.close()
    with sqlite3.connect(db_path) as conn:
        built = index_rows(conn)

    _migrate(db_path, "0003", down=True)
    assert _search_objects(db_path) == []
    _migrate(db_path, "head")

    with sqlite3.connect(db_path) as conn:
        assert index_rows(conn) == built
        rebuild(conn)
        assert index_rows(conn) == built
        conn.rollback()
    assert sum(len(rows) for rows in built.values()) == 5 + 16 + 38 + 7 + 30
