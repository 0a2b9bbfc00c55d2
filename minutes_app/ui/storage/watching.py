"""Others' changes appear by themselves (issue 16, point 2).

A thread of the window's own asks its ``ChangeWatch`` (db/watching.py), twice a second on
a file and as they come on a server, what others committed — another window on the same
file, another clerk on the server, the command line — and announces it through the
worker's one ``data_changed`` signal, as the window's own writes are: every screen that
shows those records reloads itself, keeping the selection and the scroll position, as
after a save. The watch reads nothing while nothing changed; it starts after the first
paint, and never touches the UI thread but to hand over what changed.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from minutes_app.db.watching import SOMETHING, ChangeWatch
from minutes_app.ui.operations import (
    CONFERENCES,
    DIRECTORY,
    DOCUMENTS,
    EVERYTHING,
    OFFICE,
    TASKS,
    TRASH,
    Changes,
    DatabaseWorker,
)

POLL_MS = 500  # others' changes show within two seconds: one poll's wait, one reload
RETRY_MS = 10_000  # after the watch's connection failed (the server link says why)

_CONFERENCE_PARTS = frozenset({CONFERENCES})
# What each entity of the change log touches on screen.
KINDS: dict[str, frozenset[str]] = {
    "conference": frozenset({CONFERENCES, TRASH, TASKS}),
    "instruction": frozenset({CONFERENCES, TASKS}),
    "task": frozenset({TASKS, CONFERENCES}),
    "task_event": frozenset({TASKS}),
    "task_support": frozenset({TASKS}),
    "unit": frozenset({DIRECTORY, TASKS}),
    "person": frozenset({DIRECTORY, CONFERENCES}),
    "document": frozenset({DOCUMENTS, CONFERENCES}),
    "chair": _CONFERENCE_PARTS,
    "bridge_point": _CONFERENCE_PARTS,
    "bridge_point_person": _CONFERENCE_PARTS,
    "studied_document": frozenset({CONFERENCES, DOCUMENTS}),
    "absence": _CONFERENCE_PARTS,
    "issued_paper": _CONFERENCE_PARTS,
    "user": frozenset({OFFICE}),
    SOMETHING: frozenset({OFFICE}),
}


def changes_of(entities: set[str]) -> Changes:
    """The screens' kinds of what the log's ``entities`` name (an unknown one: all)."""
    kinds: set[str] = set()
    for entity in entities:
        kinds |= KINDS.get(entity, EVERYTHING)
    return Changes(frozenset(kinds))


class Watcher(QObject):
    """Watches for others' changes on a thread of its own (no SQL on the UI thread) and
    tells ``worker``'s screens what changed, on the UI thread."""

    changed = Signal(object)  # a set of entities, from the watch's thread

    def __init__(self, parent: QObject, worker: DatabaseWorker, watch: ChangeWatch) -> None:
        super().__init__(parent)
        self.worker = worker
        self.watch = watch
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.changed.connect(self._on_changed)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="change-watch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        log = logging.getLogger(__name__)
        while not self._stop.is_set():
            try:
                self.watch.start()
            except Exception:
                log.info("change watch cannot start; trying again", exc_info=True)
                self._stop.wait(RETRY_MS / 1000)
                continue
            try:
                while not self._stop.is_set():
                    entities = self.watch.poll(wait=POLL_MS / 1000)
                    if entities:
                        self.changed.emit(entities)
            except Exception:  # the connection went away: open it again in a while
                log.info("change watch lost; trying again", exc_info=True)
                self._stop.wait(RETRY_MS / 1000)
            finally:
                self.watch.stop()

    def _on_changed(self, entities: set[str]) -> None:
        self.worker.notify(changes_of(entities))

    def stop(self) -> None:
        """Stop watching; returns within a poll's wait."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2 * POLL_MS / 1000)
            self._thread = None
