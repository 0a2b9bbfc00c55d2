"""Opening a database: the SQLite file (checks, automatic migration) or a database on the
office's PostgreSQL server (checks only: ``server-setup`` makes and upgrades it); the
engine and sessions on either."""

from __future__ import annotations

import re
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes_app.db.locks import is_busy

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

    from minutes_app.db.server import ServerAddress

# SQLAlchemy is imported when the first session or engine is asked for, not when the
# window starts: its import alone takes longer than half the startup budget (issue 7).
# The first screen reads through plain sqlite3 connections (Database.plain_reading).

# The newest schema this build knows, and every schema it can upgrade from, oldest first.
# Kept here so that a normal start compares one string and never imports Alembic;
# tests check both against the migration scripts.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]

BUSY_TIMEOUT_MS = 10_000
# Opening waits this long for another copy of the program that is upgrading the file (it
# holds the write lock for the whole migration), then says the database is busy.
OPEN_WAIT_MS = 60_000
# A database another program left in rollback-journal mode is switched to WAL when that can
# be done at once; otherwise (read-only, another connection reading) it is used as it is.
_WAL_SWITCH_WAIT_MS = 200
WRITE_OPTION = "minutes_app_write"  # execution option: this transaction will write
# Execution option: this write changes only rows it locks (task actions), so on a server it
# need not wait for every other writer (``server.app_engine``); a file has one writer.
ROWS_ONLY_OPTION = "minutes_app_rows_only"
_SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseRefused(Exception):
    """The database cannot be used. ``reason`` names why, for a translated message in the
    window: "folder", "not_sqlite", "foreign", "unreadable", "newer", "empty_file",
    "no_folder", "damaged" or "busy" (another copy of the program kept it locked past
    ``OPEN_WAIT_MS``); on a server also "not_set_up" (an empty database), "server_old" (an
    older schema: the administrator runs server-setup), and ``server.ServerError``'s
    reasons. ``path`` is the file, or the server's URL (without a password); ``str()`` is
    the English text."""

    def __init__(self, reason: str, path: Path | str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path


def _read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


def storage_errors() -> tuple[type[BaseException], ...]:
    """The exceptions by which the database or the disk refuses a read or a write: for an
    ``except`` clause. SQLAlchemy's wrapper is among them once SQLAlchemy is loaded."""
    errors: tuple[type[BaseException], ...] = (sqlite3.Error, OSError)
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_exc is not None:
        errors += (sqlalchemy_exc.DBAPIError,)
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None:
        errors += (psycopg.Error,)
    return errors


def stored_revision(path: Path) -> str | None:
    """The schema revision recorded in ``path``, or ``None`` for a new, empty database.

    Reads the file through a read-only connection so that a refused file is left
    byte-for-byte as it was.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    if path.is_dir():
        raise DatabaseRefused("folder", path, f"{path} is a folder, not a database file.")
    with path.open("rb") as fh:
        header = fh.read(len(_SQLITE_MAGIC))
    if header != _SQLITE_MAGIC:
        raise DatabaseRefused(
            "not_sqlite", path, f"{path} is not a minutes-app database (not an SQLite file)."
        )
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True, timeout=OPEN_WAIT_MS / 1000)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseRefused(
                        "foreign",
                        path,
                        f"{path} is an SQLite database of another program, not of minutes-app.",
                    )
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise busy_refusal(path) from exc
        raise DatabaseRefused(
            "unreadable", path, f"{path} cannot be read as a database ({exc})."
        ) from exc
    return None if row is None else str(row[0])


def newer_refusal(path: Path, revision: str) -> DatabaseRefused:
    return DatabaseRefused(
        "newer",
        path,
        f"{path} was written by a newer version of minutes-app (schema {revision}). "
        "Please update the program; the file was not changed.",
    )


def busy_refusal(path: Path) -> DatabaseRefused:
    return DatabaseRefused(
        "busy",
        path,
        f"{path} is busy: another copy of minutes-app is writing to it; try again in a moment.",
    )


def _on_connect(dbapi_connection: Any, _record: Any, *, foreign_keys: bool) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin,
    # so that DDL and SAVEPOINTs are transactional (SQLAlchemy's pysqlite notes).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _use_wal(cursor: Any) -> None:
    """WAL, unless the file must stay in the rollback-journal mode another program set.

    Switching needs the file and its folder writable and no other connection reading
    (SQLITE_BUSY then, after the busy timeout: 10 s lost on every connection); reads and
    writes work in either mode, so the switch is tried briefly and given up otherwise.
    """
    if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    cursor.execute(f"PRAGMA busy_timeout = {_WAL_SWITCH_WAIT_MS}")
    try:
        cursor.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        pass  # read-only, or another connection is at work: the file keeps its journal
    finally:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def sqlite_engine(
    path: Path, *, foreign_keys: bool = True, user: Callable[[], str] | None = None
) -> Engine:
    """An engine on ``path`` with foreign keys, WAL, a busy timeout and real transactions;
    the change log's entries of each write are stamped with ``user()`` (default: the
    settings' user name) before its commit."""
    from sqlalchemy import create_engine, event

    from minutes_app.db import change_log
    from minutes_app.db.search_index import refresh as refresh_search_index

    who = user or _settings_user

    engine = create_engine(f"sqlite+pysqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, record: Any) -> None:
        _on_connect(dbapi_connection, record, foreign_keys=foreign_keys)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # A write transaction takes the write lock at BEGIN, where the busy timeout waits
        # for another copy of the program to finish. A plain BEGIN that reads first and
        # then writes fails at once with "database is locked" when the other copy wrote
        # in between (SQLITE_BUSY_SNAPSHOT: no busy handler can help it).
        immediate = conn.get_execution_options().get(WRITE_OPTION)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
        if immediate:
            conn.info[_LOG_FROM] = change_log.last_entry(conn.connection.dbapi_connection)

    @event.listens_for(engine, "commit")
    def _commit(conn: Any) -> None:
        # Called before COMMIT is sent: the search index changes in the same transaction as
        # the records whose changes the triggers noted (core/search_index.py).
        dbapi = conn.connection.dbapi_connection
        refresh_search_index(dbapi)
        since = conn.info.pop(_LOG_FROM, None)
        if since is not None:
            change_log.stamp(dbapi, since, who())

    return engine


_LOG_FROM = "minutes_app_log_from"  # connection info: the last log entry before this write


def _settings_user() -> str:
    from minutes_app.base.identity import user_from_settings
    from minutes_app.base.paths import settings_file

    return user_from_settings(settings_file())


def prepare_database(path: Path) -> None:
    """Create the database at ``path`` or upgrade it to the current schema.

    Raises ``DatabaseRefused`` for a file that is not a minutes-app database or whose
    schema is newer than this program, and for an existing file of 0 bytes ("empty_file":
    its data was lost, and a new database in its place would hide that); such a file is
    not modified.
    """
    if path.is_file() and path.stat().st_size == 0:
        raise DatabaseRefused(
            "empty_file",
            path,
            f"{path} is empty (0 bytes): what it held is gone, perhaps after a disk error or "
            "an interrupted copy. Nothing was changed; restore it from a backup in the window "
            "(File → Restore from a backup…), or delete the file to start a new database.",
        )
    revision = stored_revision(path)
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise newer_refusal(path, revision)
    if revision != HEAD_REVISION:
        from minutes_app.db.migrate import upgrade_to_head  # Alembic only when needed

        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            upgrade_to_head(path)
        except Exception as exc:
            if is_busy(exc):  # another copy kept the file locked past OPEN_WAIT_MS
                raise busy_refusal(path) from exc
            raise


def open_database(path: Path) -> Engine:
    """Open (or create) the database at ``path``, upgraded to the current schema, and
    return an engine on it. Raises ``DatabaseRefused`` as ``prepare_database`` does."""
    prepare_database(path)
    return sqlite_engine(path)


_NAMED_MARK = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def quoted_name(name: str) -> str:
    """``name`` (a table, a role, a database) as an SQL identifier, on either store."""
    return '"' + name.replace('"', '""') + '"'


def _server_marks(sql: str) -> str:
    """``sql``'s named parameters (``:name``) as psycopg marks them (``%(name)s``)."""
    return _NAMED_MARK.sub(r"%(\1)s", sql.replace("%", "%%"))


class PlainReading:
    """Reads on a plain connection of the driver, in one snapshot (``Database.plain_reading``).

    The SQL is text in the subset every database understands, its values named parameters
    (``:name``): a driver that marks parameters another way gets them translated here.
    """

    def __init__(self, connection: Any, *, server: bool = False) -> None:
        self._connection = connection
        self._server = server

    def rows(self, sql: str, parameters: Mapping[str, object] | None = None) -> list[Any]:
        """Every row ``sql`` gives, as tuples of the values the driver gives (dates as text
        in SQLite, as dates on a server)."""
        if self._server:
            sql = _server_marks(sql)
        return list(self._connection.execute(sql, parameters or {}).fetchall())


class Database:
    """An open database, an SQLite file (``path``) or a database on the office's server
    (``server``): a session factory for services, and plain connections for the few reads
    that must not wait for SQLAlchemy to load (the first screen)."""

    def __init__(self, path: Path | None = None, *, server: ServerAddress | None = None) -> None:
        if (path is None) == (server is None):
            raise ValueError("a database is a file or a server address, one of the two")
        self.path = path
        self.server = server
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._lock = threading.Lock()  # the first session may be asked for on two threads
        self._user: str | None = None

    @property
    def user(self) -> str:
        """Who makes this program's changes, as the change log records them: on a server
        the login; on a file the name chosen (``user`` set by the window or the command
        line), by default the settings' user name."""
        if self.server is not None:
            return self.server.login
        return self._user or _settings_user()

    @user.setter
    def user(self, name: str | None) -> None:
        self._user = name

    @classmethod
    def open(cls, location: Path | str | ServerAddress, password: str | None = None) -> Database:
        """The database at ``location``: an SQLite path (created or upgraded to the current
        schema) or a server's URL or address (checked: ``server.check_server``)."""
        from minutes_app.db.server import ServerAddress, check_server, is_server_address

        if isinstance(location, ServerAddress) or is_server_address(location):
            address = (
                location
                if isinstance(location, ServerAddress)
                else ServerAddress.parse(str(location), password)
            )
            check_server(address)
            return cls(server=address)
        path = Path(location)
        prepare_database(path)
        return cls(path)

    @property
    def where(self) -> str:
        """The file's path or the server's URL (never a password), for messages."""
        return str(self.path if self.server is None else self.server)

    @property
    def file(self) -> Path:
        """The SQLite file; ``NotAFile`` on a server (for what only a file can do)."""
        if self.path is None:
            raise NotAFile(self.where)
        return self.path

    @property
    def engine(self) -> Engine:
        self._session_factory()  # creates the engine with the factory
        assert self._engine is not None
        return self._engine

    def _session_factory(self) -> sessionmaker[Session]:
        with self._lock:
            if self._sessions is None:
                from sqlalchemy.orm import sessionmaker

                if self.server is not None:
                    from minutes_app.db.server import app_engine

                    self._engine = app_engine(self.server)
                else:
                    self._engine = sqlite_engine(self.file, user=lambda: self.user)
                self._sessions = sessionmaker(self._engine, expire_on_commit=False)
            return self._sessions

    def _read_options(self) -> dict[str, Any]:
        """A read's execution options: one snapshot for the whole read on a server (SQLite
        gives it to every read transaction)."""
        return {} if self.server is None else {"isolation_level": "REPEATABLE READ"}

    @contextmanager
    def plain_reading(self) -> Iterator[PlainReading]:
        """Reads on a plain connection of the driver, without SQLAlchemy, set up as the
        engine's are (busy timeout, foreign keys), in one read transaction (one snapshot) that
        ends with the block. It may be used on any one thread."""
        if self.server is not None:
            from minutes_app.db.server import plain_server_reading

            with plain_server_reading(self.server) as connection:
                yield PlainReading(connection, server=True)
            return
        connection = sqlite3.connect(self.file, isolation_level=None, check_same_thread=False)
        with closing(connection):
            _on_connect(connection, None, foreign_keys=True)
            connection.execute("BEGIN")
            try:
                yield PlainReading(connection)
            finally:
                connection.execute("ROLLBACK")

    @contextmanager
    def transaction(self, *, rows_only: bool = False) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on error.
        ``rows_only``: it changes only records whose rows it locks (``versions.check``),
        creating none that another writer could create too (a unit, a paper's number):
        on a server it then runs beside other writers instead of after them."""
        options = {WRITE_OPTION: True, ROWS_ONLY_OPTION: rows_only}
        with self._session_factory()() as session, session.begin():
            session.connection(execution_options=options)
            yield session

    @contextmanager
    def core_reading(self) -> Iterator[Connection]:
        """A Core connection for reads only, in one read transaction: lighter than a
        session, for SQL statements that map no objects (the register's pages)."""
        with self.engine.connect() as connection:
            if self.server is not None:
                connection.execution_options(**self._read_options())
            yield connection
            connection.rollback()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only."""
        with self._session_factory()() as session:
            if self.server is not None:
                session.connection(execution_options=self._read_options())
            yield session
            session.rollback()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


class NotAFile(Exception):
    """What only an SQLite file can do was asked of a database on a server."""

    def __init__(self, where: str) -> None:
        super().__init__(f"{where} is a database on a server, not a file")
        self.where = where
