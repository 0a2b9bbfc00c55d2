"""The office's PostgreSQL server: its address, the engine on it, and checking what it holds.

A clerk's ``--db`` is an SQLite path or a PostgreSQL URL in libpq's own form
(``postgresql://[LOGIN@]HOST[:PORT]/DBNAME``, with libpq's query options). The URL is
handed to libpq as it is, so the password comes from libpq's usual places (``~/.pgpass``,
a service file, ``PGPASSWORD``) or from the window, which keeps it in memory only
(``ServerAddress.password``): nothing here writes a password anywhere.

Opening a server database never changes its schema: an empty database, or one of an
older schema, is refused with words telling the administrator to run ``server-setup``
(``db/server_setup.py``), which is the only code that creates or upgrades one.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from minutes_app.db.engine import (
    BUSY_TIMEOUT_MS,
    HEAD_REVISION,
    KNOWN_REVISIONS,
    ROWS_ONLY_OPTION,
    WRITE_OPTION,
    DatabaseRefused,
)
from minutes_app.db.locks import causes

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy import Engine

SCHEMES = ("postgresql://", "postgres://")
# How long a connection attempt waits for an unreachable server (libpq's connect_timeout),
# and how soon a dead network is noticed on an open connection (TCP keepalives).
CONNECT_TIMEOUT_S = 5
_KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    # Data sent to a server that stopped answering is given up after this long (ms), so a
    # read or write on a dead network fails in seconds instead of TCP's minutes.
    "tcp_user_timeout": 15_000,
}
APPLICATION_NAME = "minutes-app"
# The advisory lock every writer of the app holds to the end of its transaction
# ("minutes" + 1 in ASCII; server_setup's own lock is "minutes").
WRITERS_LOCK = 0x6D696E75746574


def is_server_address(text: object) -> bool:
    """True for a PostgreSQL URL (``postgresql://…`` or ``postgres://…``)."""
    return isinstance(text, str) and text.strip().lower().startswith(SCHEMES)


@dataclass(frozen=True)
class ServerAddress:
    """A database on a PostgreSQL server: its URL (without a password) and, when the
    clerk typed one, the password, kept in memory only."""

    url: str
    password: str | None = field(default=None, repr=False, compare=False)

    @classmethod
    def parse(cls, text: str, password: str | None = None) -> ServerAddress:
        """The address ``text`` names; a password written in the URL is taken out of it
        (it is then used, never shown or remembered). Raises ``ValueError`` for a URL
        libpq does not understand."""
        from psycopg.conninfo import conninfo_to_dict, make_conninfo

        text = text.strip()
        try:
            parts = conninfo_to_dict(text)
        except Exception as exc:  # psycopg.ProgrammingError: libpq's own words
            raise ValueError(f"{text} is not a PostgreSQL address: {exc}") from exc
        written = parts.pop("password", None)
        if written is None:
            return cls(text, password)
        return cls(
            _url_without_password(text, make_conninfo("", **parts)), password or str(written)
        )

    @property
    def database(self) -> str:
        """The database's name as libpq will use it (the login's name when none is given)."""
        parts = self.parts()
        return str(parts.get("dbname") or parts.get("user") or "")

    @property
    def login(self) -> str:
        """The PostgreSQL login this address connects as (libpq's default when the URL
        names none: ``PGUSER``, else the operating system's login)."""
        import os

        from minutes_app.base.identity import os_login

        return str(self.parts().get("user") or os.environ.get("PGUSER") or os_login())

    def parts(self) -> dict[str, Any]:
        from psycopg.conninfo import conninfo_to_dict

        return dict(conninfo_to_dict(self.url))

    def __str__(self) -> str:
        return self.url

    def with_password(self, password: str | None) -> ServerAddress:
        return ServerAddress(self.url, password)

    def connect_arguments(self) -> dict[str, Any]:
        """Keyword arguments for ``psycopg.connect``: the URL, the password if one was
        typed, and what the app sets on every connection."""
        arguments: dict[str, Any] = {
            "conninfo": self.url,
            "application_name": APPLICATION_NAME,
            **_KEEPALIVES,
        }
        if "connect_timeout" not in self.parts():
            arguments["connect_timeout"] = CONNECT_TIMEOUT_S
        if self.password is not None:
            arguments["password"] = self.password
        return arguments

    def connect(self, *, autocommit: bool = False) -> psycopg.Connection[Any]:
        """A plain connection of the driver."""
        import psycopg

        return psycopg.connect(autocommit=autocommit, **self.connect_arguments())


def _url_without_password(text: str, conninfo: str) -> str:
    """``text`` with its password taken out: a URL stays a URL where it can."""
    from urllib.parse import urlsplit, urlunsplit

    if not is_server_address(text):
        return conninfo
    split = urlsplit(text)
    netloc = split.netloc
    if "@" in netloc:
        login, host = netloc.rsplit("@", 1)
        netloc = f"{login.split(':', 1)[0]}@{host}"
    return urlunsplit(split._replace(netloc=netloc))


def server_engine(address: ServerAddress) -> Engine:
    """An SQLAlchemy engine on ``address`` through psycopg 3: connections checked before
    use (a server restarted since is met with a fresh connection, not an error)."""
    from sqlalchemy import create_engine

    return create_engine(
        "postgresql+psycopg://",
        creator=address.connect,  # the URL goes to libpq as it is, not through SQLAlchemy's
        pool_pre_ping=True,
        pool_size=4,
        max_overflow=8,
    )


class ServerError(DatabaseRefused):
    """The server cannot be reached or refused the login: a ``DatabaseRefused`` whose
    ``reason`` is "unreachable", "password" (a password is needed or was wrong) or
    "refused" (the login may not connect to this database)."""

    def __init__(self, reason: str, address: ServerAddress, message: str) -> None:
        super().__init__(reason, str(address), message)
        self.address = address


def server_error(address: ServerAddress, exc: BaseException) -> ServerError:
    """The plain-words ``ServerError`` for a connection that failed with ``exc``."""
    text = " ".join(str(exc).split())  # libpq's lines as one
    lowered = text.lower()
    if "password" in lowered and (
        "no password supplied" in lowered or "authentication failed" in lowered
    ):
        return ServerError(
            "password",
            address,
            f"The server at {address} needs the password of this login "
            "(or the password given was wrong).",
        )
    if "does not exist" in lowered or "permission denied" in lowered or "not permitted" in lowered:
        return ServerError(
            "refused", address, f"The server at {address} refused the connection: {text}"
        )
    return ServerError(
        "unreachable",
        address,
        f"The server at {address} cannot be reached (is the network connected and the "
        f"server running?): {text}",
    )


@contextmanager
def connected(address: ServerAddress, *, autocommit: bool = False) -> Iterator[Any]:
    """A plain connection to ``address``, closed at the end; a failure to connect is
    raised as ``ServerError`` in plain words."""
    import psycopg

    try:
        connection = address.connect(autocommit=autocommit)
    except psycopg.OperationalError as exc:
        raise server_error(address, exc) from exc
    with connection:
        yield connection


def table_names(connection: Any) -> set[str]:
    """The tables in the database's current schema (``public`` unless set otherwise), those
    the login may not read included (information_schema would hide them)."""
    rows = connection.execute(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
    ).fetchall()
    return {str(row[0]) for row in rows}


def stored_server_revision(connection: Any) -> tuple[str | None, bool]:
    """(the schema revision recorded, whether the database has tables of its own)."""
    tables = table_names(connection)
    if "alembic_version" not in tables:
        return None, bool(tables)
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return (None if row is None else str(row[0])), True


def check_server(address: ServerAddress) -> None:
    """Refuse (``DatabaseRefused``) a server database this program cannot use as it is:
    an empty one ("not_set_up"), one of another program ("foreign"), of a newer schema
    ("newer") or of an older one ("server_old": a clerk's program never upgrades a shared
    database; the administrator runs server-setup). Nothing is changed."""
    with connected(address, autocommit=True) as connection:
        revision, has_tables = stored_server_revision(connection)
    where = str(address)
    if revision is None and not has_tables:
        raise DatabaseRefused(
            "not_set_up",
            where,
            f"{where} is an empty database: the office's administrator makes it ready with "
            f"`minutes-app server-setup {where}` first.",
        )
    if revision is None:
        raise DatabaseRefused(
            "foreign", where, f"{where} is a database of another program, not of minutes-app."
        )
    if revision not in KNOWN_REVISIONS:
        raise DatabaseRefused(
            "newer",
            where,
            f"{where} was set up by a newer version of minutes-app (schema {revision}). "
            "Please update the program; the database was not changed.",
        )
    if revision != HEAD_REVISION:
        raise DatabaseRefused(
            "server_old",
            where,
            f"{where} needs upgrading to this version of minutes-app (schema {revision}, "
            f"this program uses {HEAD_REVISION}): the office's administrator runs "
            f"`minutes-app server-setup {where}`. Nothing was changed.",
        )


def app_engine(address: ServerAddress) -> Engine:
    """The engine the app works through on a server: ``server_engine`` with the search
    index brought in step just before every commit, in the same transaction (as on SQLite,
    ``engine.sqlite_engine``)."""
    from sqlalchemy import event

    from minutes_app.db.search_index import refresh as refresh_search_index

    engine = server_engine(address)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take turns, as they do on a file: two clerks creating the same unit, or
        # numbering papers, see each other's work, not a unique-key error. A write waits
        # for a lock (this one, a row's) as long as SQLite's busy timeout, then fails as
        # busy (locks.is_busy) and is tried again (locks.write_when_free).
        options = conn.get_execution_options()
        if options.get(WRITE_OPTION):
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(BUSY_TIMEOUT_MS)}")
            if not options.get(ROWS_ONLY_OPTION):  # the rows' own locks are enough then
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITERS_LOCK})")

    @event.listens_for(engine, "commit")
    def _commit(conn: Any) -> None:
        refresh_search_index(conn.connection.dbapi_connection)

    return engine


@contextmanager
def plain_server_reading(address: ServerAddress) -> Iterator[Any]:
    """A plain psycopg connection in one read-only snapshot (REPEATABLE READ), closed at
    the end: the first screen's reads, before SQLAlchemy is loaded."""
    from psycopg.types.string import TextLoader

    with connected(address) as connection:
        # Days and times come as ISO text, as SQLite gives them to the same reads.
        for name in ("date", "timestamp", "timestamptz"):
            connection.adapters.register_loader(name, TextLoader)
        connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield connection
        finally:
            connection.rollback()


# SQLSTATEs of a connection lost or refused: class 08 (connection exception) and the
# server's shutting down (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now).
_LOST_STATES = ("08", "57P01", "57P02", "57P03")


def is_connection_lost(exc: BaseException) -> bool:
    """True when ``exc`` (psycopg's, or SQLAlchemy's around it) says the server could not
    be reached or went away: the network dropped, the server restarted. Nothing of the
    transaction it broke was written."""
    psycopg = sys.modules.get("psycopg")
    if psycopg is None:
        return False
    return any(
        isinstance(error, psycopg.OperationalError) and _lost_state(error) for error in causes(exc)
    )


def _lost_state(error: BaseException) -> bool:
    """libpq's own failure (no SQLSTATE), or one of a connection lost or refused."""
    state = getattr(error, "sqlstate", None) or ""
    return not state or state.startswith(_LOST_STATES)


# insufficient_privilege: a grant or row policy missing, or an office rule (office_access).
_NOT_ALLOWED_STATE = "42501"
# The words of the server's refusal to change a signed-off conference (office_access).
SIGNED_OFF_MESSAGE = "minutes-app: the conference is signed off"


def not_allowed(exc: BaseException) -> str | None:
    """The server's words when ``exc`` is its refusal of what the login's role may not do
    (office_access: grants, row-level policies, rules), else None. Nothing was written."""
    psycopg = sys.modules.get("psycopg")
    if psycopg is None:
        return None
    for error in causes(exc):
        if isinstance(error, psycopg.Error) and error.sqlstate == _NOT_ALLOWED_STATE:
            diagnostic = getattr(error, "diag", None)
            words = getattr(diagnostic, "message_primary", None) or str(error)
            return str(words).strip()
    return None
