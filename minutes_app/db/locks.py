"""Another copy of the program at work on the same file: telling its locks from other
errors, and waiting for the write lock without giving up at the first refusal."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

Result = TypeVar("Result")

_POLL_S = 0.05  # how often a waiting write looks again whether the lock is free


class DatabaseBusy(Exception):
    """Another copy of the program held the database's write lock for longer than the
    caller would wait, or the clerk stopped waiting: nothing was written."""


def _code_is(error: sqlite3.Error, *codes: int) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    # Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DIRECTORY…) keep the primary
    # code in their low byte.
    return isinstance(code, int) and code & 0xFF in codes


def causes(error: BaseException | None) -> list[BaseException]:
    """``error``, what SQLAlchemy wrapped in it, and every error it was raised from."""
    found: list[BaseException] = []
    while error is not None and all(error is not seen for seen in found):
        found.append(error)
        original = getattr(error, "orig", None)
        if isinstance(original, BaseException):
            found.append(original)
        error = error.__cause__ or error.__context__
    return found


# PostgreSQL's SQLSTATEs of a lock not had in time, a deadlock, a serialization failure:
# the transaction was rolled back whole, and may be tried again.
_SERVER_BUSY = ("55P03", "40P01", "40001")


def is_busy(error: BaseException | None) -> bool:
    """Whether ``error`` comes of SQLite's "database is locked": another connection kept a
    lock for longer than the busy timeout (or a snapshot went stale under a writer); on a
    server, a lock not had within the lock timeout, or a deadlock."""
    return any(
        isinstance(e, DatabaseBusy)
        or (
            isinstance(e, sqlite3.OperationalError)
            and _code_is(e, sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
        )
        or getattr(e, "sqlstate", None) in _SERVER_BUSY
        for e in causes(error)
    )


def is_read_only(error: BaseException | None) -> bool:
    """Whether ``error`` comes of a database file or folder that cannot be written."""
    return any(
        isinstance(e, sqlite3.Error) and _code_is(e, sqlite3.SQLITE_READONLY) for e in causes(error)
    )


def write_lock_free(path: Path) -> bool:
    """Whether the write lock of ``path`` can be had now; it is taken and let go at once.

    An error other than a lock (a file that is gone, a read-only folder) counts as free:
    the write itself then says what is wrong.
    """
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=0, isolation_level=None
        )
    except sqlite3.Error:
        return True
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        return not _code_is(exc, sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    finally:
        connection.close()
    return True


def write_when_free(
    path: Path | None,
    work: Callable[[], Result],
    *,
    wait_s: float,
    stop: threading.Event,
    on_wait: Callable[[], object],
) -> Result:
    """``work()``, a write in one transaction on ``path``, run once the write lock is free
    (on a server, ``path`` None, run at once: it waits for the lock inside).

    While another connection holds the lock, ``on_wait()`` is called (once) and the lock
    is looked at again every few hundredths of a second. A ``work()`` that still met the
    lock (taken in between) was rolled back whole and is run again. Raises
    ``DatabaseBusy`` after ``wait_s`` seconds, or as soon as ``stop`` is set while waiting.
    """
    deadline = time.monotonic() + wait_s
    waiting = False
    while True:
        # A server has no file to look at: the write itself waits for the writers' lock.
        if path is None or write_lock_free(path):
            try:
                return work()
            except Exception as exc:
                if not is_busy(exc):
                    raise
                if stop.is_set() or time.monotonic() >= deadline:
                    raise DatabaseBusy(str(exc)) from exc
        if not waiting:
            waiting = True
            on_wait()
        if stop.is_set() or time.monotonic() >= deadline:
            raise DatabaseBusy(
                f"{path or 'the server'}: the write lock was not free for {wait_s:.0f} s"
            )
        stop.wait(_POLL_S)


def database_words(error: BaseException) -> str:
    """What the database said of ``error`` (SQLAlchemy's wrapper or the driver's own), on
    one line: a server's message without the DETAIL and CONTEXT lines it adds below it
    ("no", where SQLite says "no" and the server "no\\nCONTEXT: PL/pgSQL function…")."""
    original = getattr(error, "orig", None)
    said: BaseException = original if isinstance(original, BaseException) else error
    primary = getattr(getattr(said, "diag", None), "message_primary", None)
    return " ".join(str(primary or said).split())
