"""``server-setup``: create or upgrade the office's database on a PostgreSQL server.

One migration history serves both stores. An SQLite file is made by running every
migration from 0001; a server database is made at once at the schema the models describe
(Alembic's advice for a new database: create the tables, then stamp the head), because
no server database exists at a schema older than ``FIRST_SERVER_REVISION``, when the
office server came in. Later migrations run on both (each says what differs, if
anything). ``tests/db/test_server.py`` compares a set-up server with the models, as
``tests/db/test_migrations.py`` does a migrated file.

The whole setup is one transaction (PostgreSQL's DDL is transactional) under an advisory
lock, so that two administrators running it at once do the work once, and a failure
leaves the database as it was. Running it again on a current database changes nothing.

After the schema, the office's roles, grants, row-level policies, rules and the change
log's triggers are applied (db/office_access.py), every time: a newer version's access
rules replace an older one's.
"""

from __future__ import annotations

from typing import Any

from minutes_app.db.engine import HEAD_REVISION, KNOWN_REVISIONS, DatabaseRefused
from minutes_app.db.office_access import apply_access
from minutes_app.db.server import (
    ServerAddress,
    server_engine,
    server_error,
    stored_server_revision,
)

# The schema the office server came in at: a server database is never older.
FIRST_SERVER_REVISION = "0007"
# pg_advisory_xact_lock key: "minutes" in ASCII, so that no other program's key is likely.
_SETUP_LOCK = 0x6D696E75746573


def setup_server(address: ServerAddress) -> str:
    """Create the schema in the empty database at ``address``, or upgrade an older one;
    returns "created", "upgraded" or "current". Raises ``DatabaseRefused`` for a database
    of another program or of a newer schema (left as it was) and ``ServerError`` when the
    server cannot be reached or refuses the login."""
    import psycopg
    from sqlalchemy.exc import OperationalError

    engine = server_engine(address)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SETUP_LOCK})")
            driver = connection.connection.dbapi_connection
            return _set_up(connection, driver, address)
    except OperationalError as exc:
        if isinstance(exc.orig, psycopg.OperationalError):
            raise server_error(address, exc.orig) from exc
        raise
    finally:
        engine.dispose()


def _set_up(connection: Any, driver: Any, address: ServerAddress) -> str:
    encoding = driver.execute(
        "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()"
    ).fetchone()[0]
    if encoding != "UTF8":
        raise DatabaseRefused(
            "not_utf8",
            str(address),
            f"{address} stores text as {encoding}, in which Vietnamese letters cannot be "
            "kept; nothing was changed. Make the database with ENCODING 'UTF8' (createdb "
            "--encoding UTF8 --template template0 …).",
        )
    done = _schema(connection, driver, address)
    apply_access(driver, address.database)
    return done


def _schema(connection: Any, driver: Any, address: ServerAddress) -> str:
    from alembic import command

    from minutes_app.db.migrate import alembic_config
    from minutes_app.db.search_index import create_server_index

    revision, has_tables = stored_server_revision(driver)
    if revision is None and has_tables:
        raise DatabaseRefused(
            "foreign",
            str(address),
            f"{address} holds tables of another program, not of minutes-app; "
            "nothing was changed. Set up minutes-app in a new, empty database.",
        )
    if revision is None:
        from minutes_app.db.models import Base

        Base.metadata.create_all(connection)
        create_server_index(driver)
        command.stamp(alembic_config(connection), HEAD_REVISION)
        return "created"
    if revision not in KNOWN_REVISIONS:
        raise DatabaseRefused(
            "newer",
            str(address),
            f"{address} was set up by a newer version of minutes-app (schema {revision}). "
            "Please update the program; the database was not changed.",
        )
    if revision == HEAD_REVISION:
        return "current"
    command.upgrade(alembic_config(connection), "head")
    return "upgraded"
