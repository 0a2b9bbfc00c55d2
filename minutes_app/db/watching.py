"""Noticing what others changed: another window on the same file, another clerk on the
server, the command line.

``ChangeWatch.poll(wait)`` waits up to ``wait`` seconds for a change (the window's watch
thread calls it in a loop) and reads nothing when nothing changed. It answers with the
entities
(db/change_log.ENTITIES) changed since the last poll, ``{"*"}`` when something changed
that the log does not name (the office's settings), or an empty set.

- On a file, SQLite's ``PRAGMA data_version`` (on a connection of its own) changes when
  another connection commits; the log's new entries then say what changed.
- On a server, the log's triggers announce each changed entity on the LISTEN/NOTIFY
  channel ``change_log.CHANNEL`` (once per entity and transaction, PostgreSQL folds the
  rest); the watch's own connection listens and reads what arrived without waiting.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import suppress
from typing import Any

from minutes_app.db.change_log import CHANNEL, last_entry
from minutes_app.db.engine import BUSY_TIMEOUT_MS, Database

SOMETHING = "*"  # a change the log does not name


class ChangeWatch:
    """Polls ``db`` for changes committed by any connection but this one's."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._file: sqlite3.Connection | None = None
        self._server: Any = None
        self._version: int | None = None
        self._last_entry = 0

    def start(self) -> None:
        """Open the watch's connection; changes from now on are reported."""
        if self._db.server is not None:
            self._server = self._db.server.connect(autocommit=True)
            self._server.execute(f"LISTEN {CHANNEL}")
            return
        self._file = sqlite3.connect(
            self._db.file, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        self._version = self._data_version()
        self._last_entry = last_entry(self._file) or 0

    def poll(self, wait: float = 0.0) -> set[str]:
        """What changed since the last poll, waiting up to ``wait`` seconds for a change
        (a file is looked at again once the wait is over, a server answers at once)."""
        if self._server is not None:
            return self._poll_server(wait)
        if self._file is None:
            return set()
        version = self._data_version()
        if version == self._version:
            if wait > 0:
                time.sleep(wait)
                return self.poll()
            return set()
        self._version = version
        rows = self._file.execute(
            "SELECT entity, max(id) FROM change_log WHERE id > ? GROUP BY entity",
            (self._last_entry,),
        ).fetchall()
        self._last_entry = max([self._last_entry, *(int(r[1]) for r in rows)])
        self._file.rollback()
        return {str(r[0]) for r in rows} or {SOMETHING}

    def _poll_server(self, wait: float) -> set[str]:
        changed: set[str] = set()
        for note in self._server.notifies(timeout=wait):
            changed.add(note.payload or SOMETHING)
            break  # the first has come: take what else is there without waiting
        for note in self._server.notifies(timeout=0):
            changed.add(note.payload or SOMETHING)
        return changed

    def _data_version(self) -> int:
        assert self._file is not None
        return int(self._file.execute("PRAGMA data_version").fetchone()[0])

    def stop(self) -> None:
        for connection in (self._file, self._server):
            if connection is not None:
                with suppress(Exception):
                    connection.close()
        self._file = None
        self._server = None
