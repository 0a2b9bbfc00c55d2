"""Alembic glue: upgrade a database file to the newest schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, event

from minutes_app.db.engine import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    OPEN_WAIT_MS,
    WRITE_OPTION,
    newer_refusal,
    sqlite_engine,
)

MIGRATIONS = Path(__file__).with_name("migrations")


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """What Alembic compares with the models: all but the search index's tables, which the
    migrations (and server-setup) build and the models do not describe."""
    from minutes_app.db.search_index import is_index_table

    return not (type_ == "table" and is_index_table(name))


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration; with ``connection``, its commands run on that connection
    (env.py takes it), in the caller's transaction."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_revisions() -> list[str]:
    """Revision ids of the migration scripts, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _revision(connection: Connection) -> str | None:
    tables = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first()
    if tables is None:
        return None
    row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if row is None else str(row[0])


def upgrade_to_head(path: Path) -> None:
    """Run every pending migration on ``path`` in one transaction.

    The transaction holds the write lock from its start (BEGIN IMMEDIATE), so that a second
    copy of the program opening the file meanwhile waits for it (up to ``OPEN_WAIT_MS``)
    instead of failing on "database is locked"; once it has the lock, it reads the revision
    again and finds the work done.
    """
    # Batch migrations copy tables; foreign keys stay off while they do, then are checked.
    engine = sqlite_engine(path, foreign_keys=False)

    @event.listens_for(engine, "connect")
    def _patient(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA busy_timeout = {OPEN_WAIT_MS}")

    try:
        with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
            revision = _revision(connection)
            if revision == HEAD_REVISION:
                return  # upgraded by another copy while this one waited for the lock
            if revision is not None and revision not in KNOWN_REVISIONS:
                raise newer_refusal(path, revision)
            command.upgrade(alembic_config(connection), "head")
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"migration left dangling references: {problems[:5]}")
    finally:
        engine.dispose()
