"""``copy-db``: a whole database copied into an empty one, SQLite file or server, either way.

Every table of the models is copied row by row, parents first, a batch at a time (the
memory used does not grow with the database), values unchanged: ids, uids, versions, the
tasks' history. The source is read in one snapshot (one read transaction on SQLite,
REPEATABLE READ on a server), and the destination is written in ONE transaction: the
rows, then (on a server) each table's id sequence moved past its largest id, then the
search index built as ``search_index.rebuild`` builds it (a batch at a time), then the
record counts of every table compared with the source's. Anything that goes wrong — a row
the destination refuses, a count that differs, a cancel, a lost connection — rolls all of
it back: a server database is left empty as ``server-setup`` made it, and a new SQLite
file is never created (it is written beside its name under a temporary one and linked
into place at the end).

How the rows travel: into a server with ``COPY … FROM STDIN`` (psycopg's ``copy()``:
the rows of 200,000 tasks went in in 57 s, against 144 s with ``executemany``, on a busy
two-core machine); into a file with ``executemany``, each table's indexes dropped and
made again from their own CREATE statements after its rows (three times faster than
keeping them in step row by row). The whole copy of 200,000 tasks (670,000 records)
took 93 s into a server and 64 s back, under 100 MB of memory either way.

A day or a time is text in an SQLite file and a ``date`` or ``timestamp`` on a server.
SQLite's text goes to the server as it is (the server reads ISO text), and the server's
values come back as the app writes them in a file (SQLAlchemy's SQLite types' own text,
through their bind processors): the same text, but where SQLite's CURRENT_TIMESTAMP wrote
a time without the microseconds the app writes (a conference's created_at).

``backup DEST`` on a server is ``snapshot_file``: the same copy into a new SQLite file,
which ``copy-db`` can load into a new server again.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes_app.base.files import (
    PRIVATE,
    remove_temporary,
    replacing,
    shared_mode,
    sync_folder,
    temporary_beside,
)
from minutes_app.base.progress import ExportCancelled, Progress
from minutes_app.db.change_log import REPLAYING, drop_file_triggers, install_file_triggers
from minutes_app.db.engine import (
    BUSY_TIMEOUT_MS,
    HEAD_REVISION,
    Database,
    DatabaseRefused,
    quoted_name,
)

if TYPE_CHECKING:
    from sqlalchemy import Table

# Rows read and written at a time: a bounded piece of memory (a few MB of tasks), and the
# unit at which progress is told and a cancel is seen.
BATCH = 5000
# How long a copy into a server waits for a clerk's transaction on the destination to end
# before it says the database is in use.
LOCK_WAIT_S = 10


class CopyRefused(DatabaseRefused):
    """The copy cannot begin, and nothing was changed: ``reason`` is "dest_exists" (a file
    is already there), "dest_not_empty" (a server database holding records), "dest_busy"
    (a clerk is writing to it), "dest_no_folder" (the new file's folder does not exist:
    ``path`` is the folder), "schema" (a side not at this program's schema) or "same"
    (source and destination are one database)."""


# A failed copy's words, with their fields; ``failure_words`` says them in Vietnamese.
REFUSED_ROW = (
    "{where} refused a record of {record}: {detail}. The copy was undone; {where} is as it was."
)
COUNTS_DIFFER = (
    "The counts differ after the copy ({differences}); it was undone and {where} is as it was."
)
COUNT_DIFFERS = "{table}: {source} in the source, {dest} copied"
NAMES_A_MISSING = "it names a {parent} record that is not there"
_VIETNAMESE = {
    REFUSED_ROW: (
        "{where} không nhận một bản ghi của bảng {record}: {detail}. Việc sao chép đã được "
        "hủy bỏ; {where} vẫn như trước."
    ),
    COUNTS_DIFFER: (
        "Số bản ghi sau khi sao chép không khớp ({differences}); việc sao chép đã được hủy "
        "bỏ và {where} vẫn như trước."
    ),
    COUNT_DIFFERS: "{table}: nguồn có {source}, đã chép {dest}",
    NAMES_A_MISSING: "bản ghi này trỏ tới một bản ghi {parent} không có",
}


class CopyFailed(Exception):
    """The copy stopped part way and was rolled back: the destination is as it was.
    ``reason`` is "refused" (the destination refused a row) or "counts" (a table's count
    differs at the end); ``str()`` says it in plain words, ``failure_words`` in the
    clerk's language."""

    def __init__(
        self,
        reason: str,
        values: dict[str, str],
        report: CopyReport | None = None,
        differing: Sequence[TableCount] = (),
    ) -> None:
        self.reason = reason
        self.values = values  # the words' fields (the server's own words in "detail")
        self.report = report
        self.differing = tuple(differing)
        super().__init__(failure_words(self, "en"))


def failure_words(failed: CopyFailed, language: str) -> str:
    """What ``failed`` says, in ``language`` ("en" or "vi"); a server's own reason for
    refusing a row stays in the server's words."""

    def said(text: str, **values: object) -> str:
        return (_VIETNAMESE[text] if language == "vi" else text).format(**values)

    values: dict[str, object] = dict(failed.values)
    if failed.reason == "counts":
        values["differences"] = ", ".join(
            said(COUNT_DIFFERS, table=t.table, source=t.source, dest=t.dest)
            for t in failed.differing
        )
        return said(COUNTS_DIFFER, **values)
    if "parent" in values:
        values["detail"] = said(NAMES_A_MISSING, parent=values.pop("parent"))
    return said(REFUSED_ROW, **values)


class CopyCancelled(ExportCancelled):
    """The copy was cancelled (``stop`` set, or ``progress`` said no): rolled back, the
    destination as it was."""


@dataclass(frozen=True)
class TableCount:
    """The records of one table in the source and, once copied, in the destination."""

    table: str
    source: int
    dest: int


@dataclass(frozen=True)
class CopyReport:
    """The record counts of every table, parents first."""

    tables: tuple[TableCount, ...]

    @property
    def matches(self) -> bool:
        return all(t.source == t.dest for t in self.tables)

    @property
    def records(self) -> int:
        return sum(t.source for t in self.tables)


def copied_tables() -> list[Table]:
    """The tables a copy carries, parents first: every table of the models. (Alembic's
    version is the destination's own; the search index is rebuilt.)"""
    from minutes_app.db.models import Base

    return list(Base.metadata.sorted_tables)


def _columns(table: Table) -> str:
    return ", ".join(quoted_name(c.name) for c in table.columns)


def _order(table: Table) -> str:
    return ", ".join(quoted_name(c.name) for c in table.primary_key.columns)


def _select(table: Table) -> str:
    return f"SELECT {_columns(table)} FROM {quoted_name(table.name)} ORDER BY {_order(table)}"


Batches = Generator[list[tuple[Any, ...]], None, None]

# --- reading the source --------------------------------------------------------------------


class _Source:
    """The source database in one snapshot: its counts and its rows, a batch at a time."""

    server: bool

    def revision(self) -> str | None:
        row = self._rows("SELECT version_num FROM alembic_version")
        return None if not row else str(row[0][0])

    def count(self, table: Table) -> int:
        return int(self._rows(f"SELECT count(*) FROM {quoted_name(table.name)}")[0][0])

    def key_at(self, table: Table, line: int) -> tuple[Any, ...] | None:
        """The primary key of the ``line``-th row (from 1) in the copy's order."""
        rows = self._rows(f"{_select(table)} LIMIT 1 OFFSET {int(line) - 1}")
        if not rows:
            return None
        names = [c.name for c in table.columns]
        return tuple(rows[0][names.index(c.name)] for c in table.primary_key.columns)

    def batches(self, table: Table) -> Batches:
        raise NotImplementedError

    def _rows(self, sql: str) -> list[Any]:
        raise NotImplementedError


class _FileSource(_Source):
    server = False

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def _rows(self, sql: str) -> list[Any]:
        return list(self.connection.execute(sql).fetchall())

    def batches(self, table: Table) -> Batches:
        cursor = self.connection.execute(_select(table))
        try:
            while batch := cursor.fetchmany(BATCH):
                yield batch
        finally:
            cursor.close()


class _ServerSource(_Source):
    server = True

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def _rows(self, sql: str) -> list[Any]:
        return list(self.connection.execute(sql).fetchall())

    def batches(self, table: Table) -> Batches:
        # A server-side cursor: the server hands the rows over a batch at a time.
        with self.connection.cursor(name=f"copy_{table.name}") as cursor:
            cursor.itersize = BATCH
            cursor.execute(_select(table))
            while batch := cursor.fetchmany(BATCH):
                yield batch


@contextmanager
def _reading(db: Database) -> Iterator[_Source]:
    """``db`` in one read-only snapshot that lasts the block."""
    if db.server is not None:
        import psycopg

        from minutes_app.db.server import connected

        with connected(db.server) as connection:
            connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            connection.read_only = True
            try:
                yield _ServerSource(connection)
            finally:
                connection.rollback()
        return
    # Read-write, so that a file with a -wal left by a crash can be read (as backups do).
    connection = sqlite3.connect(db.file, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    with closing(connection):
        connection.execute("BEGIN")
        try:
            yield _FileSource(connection)
        finally:
            connection.execute("ROLLBACK")


# --- writing the destination ---------------------------------------------------------------


class _Dest:
    """The destination in its one write transaction."""

    server: bool
    connection: Any

    def is_empty(self, table: Table) -> bool:
        sql = f"SELECT EXISTS (SELECT 1 FROM {quoted_name(table.name)})"
        return not self.connection.execute(sql).fetchone()[0]

    def revision(self) -> str | None:
        row = self.connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])

    def count(self, table: Table) -> int:
        sql = f"SELECT count(*) FROM {quoted_name(table.name)}"
        return int(self.connection.execute(sql).fetchone()[0])

    def write(self, table: Table, batches: Iterator[list[tuple[Any, ...]]]) -> int:
        raise NotImplementedError

    def finish_table(self, table: Table) -> None:
        """What follows the rows of ``table`` (its id sequence on a server)."""

    def finish_rows(self) -> None:
        """What follows the rows of every table, before the search index is built."""

    def dangling(self) -> tuple[str, str] | None:
        """A record naming one that is not there: the record ("task (row 7)") and the
        table it names; None when there is none (a server checks as it goes; a file at
        the end)."""
        return None


class _FileDest(_Dest):
    server = False

    def __init__(self, connection: sqlite3.Connection, from_server: bool) -> None:
        self.connection = connection
        self.from_server = from_server

    def write(self, table: Table, batches: Iterator[list[tuple[Any, ...]]]) -> int:
        marks = ", ".join("?" * len(table.columns))
        sql = f"INSERT INTO {quoted_name(table.name)} ({_columns(table)}) VALUES ({marks})"
        convert = _file_values(table) if self.from_server else None
        # The table's indexes are made again after its rows, as they were written (SQLite
        # keeps each one's CREATE statement): sorting once is cheaper than keeping them in
        # step row by row.
        indexes = self.connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL",
            (table.name,),
        ).fetchall()
        for name, _ in indexes:
            self.connection.execute(f"DROP INDEX {quoted_name(name)}")
        written = 0
        for batch in batches:
            rows = batch if convert is None else [convert(row) for row in batch]
            self.connection.executemany(sql, rows)
            written += len(rows)
        for _, create in indexes:
            self.connection.execute(create)
        return written

    def dangling(self) -> tuple[str, str] | None:
        found = self.connection.execute("PRAGMA foreign_key_check").fetchone()
        if found is None:
            return None
        table, rowid, parent, _ = found
        return f"{table} (row {rowid})", str(parent)


def _file_values(table: Table) -> Callable[[tuple[Any, ...]], tuple[Any, ...]] | None:
    """How a server's row becomes what the app writes in a file: days and times as
    SQLAlchemy's SQLite types write them (the other columns go as they are)."""
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    processors = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in table.columns]
    if not any(processors):
        return None
    pairs = [(i, p) for i, p in enumerate(processors) if p is not None]

    def convert(row: tuple[Any, ...]) -> tuple[Any, ...]:
        values = list(row)
        for i, process in pairs:
            if values[i] is not None:
                values[i] = process(values[i])
        return tuple(values)

    return convert


class _ServerDest(_Dest):
    server = True

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def write(self, table: Table, batches: Iterator[list[tuple[Any, ...]]]) -> int:
        # One COPY a table: the server checks a row's references at the end of the
        # statement, so that a unit may name a parent copied after it.
        written = 0
        sql = f"COPY {quoted_name(table.name)} ({_columns(table)}) FROM STDIN"
        with self.connection.cursor() as cursor, cursor.copy(sql) as copy:
            for batch in batches:
                for row in batch:
                    copy.write_row(row)
                written += len(batch)
        return written

    def finish_rows(self) -> None:
        # The planner knows nothing yet of the rows this transaction wrote (autovacuum sees
        # them only once committed): without statistics, each batch of the index read
        # every task again (3.6 s a batch at 200,000 tasks).
        self.connection.execute(
            f"ANALYZE {', '.join(quoted_name(t.name) for t in copied_tables())}"
        )

    def finish_table(self, table: Table) -> None:
        column = table.autoincrement_column
        if column is None:
            return
        # The next id the server gives is past every copied one (no row: left as it is).
        self.connection.execute(
            "SELECT setval(pg_get_serial_sequence(%s, %s), m) FROM "
            f"(SELECT max({quoted_name(column.name)}) AS m FROM {quoted_name(table.name)}) AS t "
            "WHERE m IS NOT NULL",
            (table.name, column.name),
        )


@contextmanager
def _server_writing(db: Database) -> Iterator[_ServerDest]:
    import psycopg

    from minutes_app.db.server import connected
    from minutes_app.db.server_setup import _SETUP_LOCK

    assert db.server is not None
    with connected(db.server) as connection:
        try:
            # An administrator's server-setup on the same database waits, and so does every
            # clerk's write: the copy is the only writer until it commits or rolls back.
            connection.execute(f"SELECT pg_advisory_xact_lock({_SETUP_LOCK})")
            connection.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT_S}s'")
            names = ", ".join(quoted_name(t.name) for t in copied_tables())
            try:
                connection.execute(f"LOCK TABLE {names} IN EXCLUSIVE MODE")
            except psycopg.errors.LockNotAvailable as exc:
                raise CopyRefused(
                    "dest_busy",
                    db.where,
                    f"{db.where} is in use: someone is writing to it. Nothing was changed; "
                    "try again when nobody works in it.",
                ) from exc
            connection.execute("SET LOCAL lock_timeout = 0")
            # The records come with their change log: the owner's triggers do not log them
            # again, nor refuse the parts of a signed-off conference (office_access).
            connection.execute(f"SET LOCAL {REPLAYING} = 'on'")
            yield _ServerDest(connection)
        except BaseException:
            connection.rollback()
            raise
        connection.commit()


@contextmanager
def _file_writing(temp: Path, *, from_server: bool) -> Iterator[_FileDest]:
    """A new database in the empty file ``temp`` (made as every new file is: the
    migrations to head), in one write transaction, committed when the block ends."""
    from minutes_app.db.migrate import upgrade_to_head

    upgrade_to_head(temp)
    connection = sqlite3.connect(temp, isolation_level=None)
    with closing(connection):
        connection.execute("PRAGMA foreign_keys = ON")
        # The file is new, nobody else opens it, and it is thrown away on failure: no
        # journal is needed to undo it, and it is flushed to disk once, at the end.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("BEGIN IMMEDIATE")
        # References are checked at COMMIT: a unit may name a parent copied after it.
        connection.execute("PRAGMA defer_foreign_keys = ON")
        # The records come with their change log: not logged again as they are written.
        drop_file_triggers(connection)
        try:
            yield _FileDest(connection, from_server)
            install_file_triggers(connection)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    with open(temp, "rb+") as written:
        os.fsync(written.fileno())


# --- the copy ------------------------------------------------------------------------------


def copy_database(
    source: Database,
    dest: Database,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> CopyReport:
    """Copy every record of ``source`` into the empty ``dest``; returns the counts.

    ``dest`` is a new SQLite file (``Database(path)``; the path must not exist: it is
    created only when the copy succeeds) or a server database ``server-setup`` made,
    with no records. Raises ``CopyRefused`` (nothing changed), ``CopyFailed`` or
    ``CopyCancelled`` (rolled back: the destination as it was), ``ServerError`` when a
    server cannot be reached, ``OSError`` when the file cannot be written.
    ``progress(done, total)`` is told after every batch; returning False cancels, as
    setting ``stop`` does.
    """
    if dest.server is not None:
        if source.server is not None and source.server.url == dest.server.url:
            raise CopyRefused(
                "same", dest.where, f"{dest.where} is the source itself; nothing was changed."
            )
        with _reading(source) as reader, _server_writing(dest) as writer:
            return _copy(reader, writer, dest.where, progress, stop)
    target = dest.file.absolute()
    _check_new_file(target)
    temp = temporary_beside(target, "copy.")
    try:
        with (
            _reading(source) as reader,
            _file_writing(temp, from_server=reader.server) as writer,
        ):
            report = _copy(reader, writer, str(target), progress, stop)
        os.chmod(temp, shared_mode(target))
        _place_new(temp, target)
    finally:
        remove_temporary(temp)
    return report


def snapshot_file(
    source: Database,
    target: Path,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> CopyReport:
    """``source`` (a server's database) copied into the SQLite file ``target`` in one
    snapshot: a backup. The file is private (0600) and replaces an existing one only
    whole, once the copy is complete."""
    with (
        replacing(target, mode=PRIVATE) as temp,
        _reading(source) as reader,
        _file_writing(temp, from_server=reader.server) as writer,
    ):
        return _copy(reader, writer, str(target), progress, stop)


def _check_new_file(target: Path) -> None:
    if target.exists() or target.is_symlink():
        raise CopyRefused(
            "dest_exists",
            target,
            f"{target} already exists: a copy goes into a new file only. Nothing was changed; "
            "choose a new file name.",
        )
    if not target.parent.is_dir():
        raise CopyRefused(
            "dest_no_folder",
            target.parent,
            f"{target.parent} does not exist: the new file's folder must be there first. "
            "Nothing was changed.",
        )


def _place_new(temp: Path, target: Path) -> None:
    """Give the finished ``temp`` the name ``target``, never over a file that appeared
    there meanwhile (a hard link fails on an existing name; a rename would replace it)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        _check_new_file(target)
        raise
    except OSError:  # a file system without hard links
        _check_new_file(target)
        os.replace(temp, target)
    sync_folder(target.parent)


def _copy(
    reader: _Source,
    writer: _Dest,
    where: str,
    progress: Progress | None,
    stop: threading.Event | None,
) -> CopyReport:
    from minutes_app.db.search_index import KINDS

    tables = copied_tables()
    for side, revision in (("source", reader.revision()), (where, writer.revision())):
        if revision != HEAD_REVISION:
            raise CopyRefused(
                "schema",
                where,
                f"The {'source' if side == 'source' else 'destination'} is at schema "
                f"{revision}, not this program's {HEAD_REVISION}. Nothing was changed.",
            )
    # The records first: the log of them, written with them, names none of their own.
    for table in sorted(tables, key=lambda t: t.name == "change_log"):
        if not writer.is_empty(table):
            raise CopyRefused(
                "dest_not_empty",
                where,
                f"{where} is not empty (it holds {table.name} records): a copy goes only into "
                "a new file or a database server-setup has just made. Nothing was changed.",
            )
    counts = {table.name: reader.count(table) for table in tables}
    indexed = sum(counts[kind.kind] for kind in KINDS)
    total = sum(counts.values()) + indexed
    done = 0

    def tick(step: int) -> None:
        nonlocal done
        done += step
        if (stop is not None and stop.is_set()) or (
            progress is not None and progress(done, total) is False
        ):
            raise CopyCancelled(f"cancelled after {done} of {total}")

    def told(batches: Iterator[list[tuple[Any, ...]]]) -> Iterator[list[tuple[Any, ...]]]:
        for batch in batches:
            yield batch
            tick(len(batch))

    tick(0)
    written: dict[str, int] = {}
    for table in tables:
        batches = reader.batches(table)
        try:
            written[table.name] = writer.write(table, told(batches))
        except Exception as exc:
            batches.close()  # the source's cursor, before the source is asked which row
            refused = (
                None if isinstance(exc, CopyCancelled) else _refusal(exc, reader, table, where)
            )
            if refused is None:
                raise
            raise refused from exc
        finally:
            batches.close()
        writer.finish_table(table)
    dangling = writer.dangling()
    if dangling:
        record, parent = dangling
        raise CopyFailed("refused", {"where": where, "record": record, "parent": parent})
    writer.finish_rows()
    _rebuild_index(writer.connection, tick)
    report = CopyReport(tuple(TableCount(t.name, counts[t.name], writer.count(t)) for t in tables))
    differing = [t for t in report.tables if t.dest != t.source or written[t.table] != t.source]
    if differing:
        raise CopyFailed("counts", {"where": where}, report, differing)
    return report


def _rebuild_index(connection: Any, tick: Callable[[int], None]) -> None:
    """The search index of the copied records, as ``search_index.rebuild`` makes it, a
    batch of records at a time: ``rebuild`` folds every record's words in one go, which
    holds them all in memory (150 MB more at 200,000 tasks). The triggers' notes of the
    copied rows are dropped and the index tables emptied first; then each kind's records
    are noted a batch at a time, in id order, and ``refresh`` indexes them (with the
    records their changes touch, as after any write)."""
    from minutes_app.db.search_index import DIRTY, KINDS, refresh

    connection.execute(f"DELETE FROM {DIRTY}")
    for kind in KINDS:
        connection.execute(f"DELETE FROM {kind.table}")
    for kind in KINDS:
        last = 0
        while True:
            found = connection.execute(
                f"SELECT max(id), count(*) FROM (SELECT id FROM {kind.kind} WHERE id > {last} "
                f"ORDER BY id LIMIT {BATCH}) AS x"
            ).fetchone()
            if not found[1]:
                break
            connection.execute(
                f"INSERT INTO {DIRTY} (kind, id) SELECT '{kind.kind}', id FROM {kind.kind} "
                f"WHERE id > {last} AND id <= {int(found[0])}"
            )
            refresh(connection)
            tick(int(found[1]))
            last = int(found[0])


def _refusal(exc: Exception, reader: _Source, table: Table, where: str) -> CopyFailed | None:
    """Plain words for a row the destination refused; None for another error."""
    import sys

    psycopg = sys.modules.get("psycopg")
    if isinstance(exc, sqlite3.IntegrityError | sqlite3.DataError):
        reason = str(exc)
        row = ""
    elif psycopg is not None and isinstance(
        exc, psycopg.errors.DataError | psycopg.errors.IntegrityError
    ):
        diag = exc.diag
        reason = diag.message_primary or str(exc)
        row = _row_words(diag.context, reader, table)
    else:
        return None
    return CopyFailed("refused", {"where": where, "record": table.name + row, "detail": reason})


def _row_words(context: str | None, reader: _Source, table: Table) -> str:
    """ " (id 123)" for the row a server's COPY names in its context ("COPY task, line
    4531, column title: …"); the line counts the rows in the copy's order."""
    import re

    found = re.search(r"\bline (\d+)", context or "")
    if found is None:
        return ""
    key = reader.key_at(table, int(found[1]))
    if key is None:
        return ""
    names = [c.name for c in table.primary_key.columns]
    return " (" + ", ".join(f"{n} {v}" for n, v in zip(names, key, strict=True)) + ")"
