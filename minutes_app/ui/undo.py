"""The window's undo history of stored changes, each step run on the database worker.

A ``StoredCommand`` is a change of records that someone else (another copy of the
program) may change in between. Its undo and redo run as write operations: a step that
finds the records changed or gone does nothing, says who changed them, and leaves the
history; a step that could not get through (the database busy, the disk full) says so
and stays where it was, to be tried again. While a step runs, Undo and Redo wait.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from minutes_app.ui.operations import Changes, DatabaseWorker, busy_text
from minutes_app.ui.widgets.common import inform


class StoredCommand(QUndoCommand):
    """An undoable change of stored records. Subclasses give the work of each step
    (``redo_work``, ``undo_work``: run on the worker, touching no widget) and keep what a
    step returns (``redone``, ``undone``), such as the versions the records are left at.

    ``ran_already``: the change was made before the command is pushed (in its dialog, so
    that its errors showed there); the push then only records it.
    """

    def __init__(
        self, history: UndoHistory, text: str, change: Changes, *, ran_already: bool = False
    ) -> None:
        super().__init__(text)
        self.history = history
        self.change = change
        self._skip = ran_already

    def redo_work(self) -> Callable[[], object]:
        raise NotImplementedError

    def undo_work(self) -> Callable[[], object]:
        raise NotImplementedError

    def redone(self, result: object) -> None:
        """What the redo step returned (on the UI thread)."""

    def undone(self, result: object) -> None:
        """What the undo step returned (on the UI thread)."""

    def redo(self) -> None:
        if self._skip:  # recorded only, or put back after a step that did not get through
            self._skip = False
            return
        self.history.run_step(self, forward=True)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self.history.run_step(self, forward=False)

    def put_back(self) -> None:
        """The next redo or undo only moves the history's position back."""
        self._skip = True


class UndoHistory(QObject):
    """The window's undo stack with its Undo and Redo actions; the actions stay disabled
    while a step runs on the worker.

    ``refused(error)`` is told when a step found the records changed by someone else
    (``StaleRecord``, ``RecordGone``); ``failed(error)`` when it could not get through.
    """

    def __init__(
        self,
        worker: DatabaseWorker,
        window: QWidget,
        refused: Callable[[Exception], object],
    ) -> None:
        super().__init__(window)
        self.worker = worker
        self.window = window
        self.refused = refused
        self.stack = QUndoStack(self)
        # Commands whose step runs on the worker (a push may start one while an undo runs).
        self.running: set[StoredCommand] = set()
        self.undo_action = QAction(self.tr("&Undo"), window)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("&Redo"), window)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self.redo)
        for signal in (
            self.stack.indexChanged,
            self.stack.undoTextChanged,
            self.stack.redoTextChanged,
        ):
            signal.connect(self._update_actions)
        self._update_actions()

    def push(self, command: StoredCommand) -> None:
        self.stack.push(command)

    def undo(self) -> None:
        if not self.running:
            self.stack.undo()

    def redo(self) -> None:
        if not self.running:
            self.stack.redo()

    def _update_actions(self, *_: object) -> None:
        free = not self.running
        self.undo_action.setEnabled(free and self.stack.canUndo())
        self.redo_action.setEnabled(free and self.stack.canRedo())
        undo, redo = self.stack.undoText(), self.stack.redoText()
        # As QUndoStack.createUndoAction names them: "&Undo Delete conference".
        self.undo_action.setText(" ".join(filter(None, (self.tr("&Undo"), undo))))
        self.redo_action.setText(" ".join(filter(None, (self.tr("&Redo"), redo))))

    # --- steps -------------------------------------------------------------------------

    def run_step(self, command: StoredCommand, *, forward: bool) -> None:
        """Run one step of ``command`` on the worker (called by the stack, which moves
        its position at once; a step that does not get through moves it back)."""
        work = command.redo_work() if forward else command.undo_work()
        self.running.add(command)
        self._update_actions()
        self.worker.run_op(
            self.window,
            work,
            lambda result: self._on_step_done(command, forward, result),
            lambda error: self._on_step_failed(command, forward, error),
            change=command.change,
        )

    def _on_step_done(self, command: StoredCommand, forward: bool, result: object) -> None:
        self.running.discard(command)
        if forward:
            command.redone(result)
        else:
            command.undone(result)
        self._update_actions()

    def _on_step_failed(self, command: StoredCommand, forward: bool, error: BaseException) -> None:
        from minutes_app.db.versions import RecordGone, StaleRecord

        self.running.discard(command)
        refused = isinstance(error, StaleRecord | RecordGone)
        # The stack moved past the command when the step began: it is just below the
        # position after a redo, just above it after an undo. (Not there any more if the
        # history was cleared meanwhile, by a restore from a backup.)
        at = self.stack.index() - 1 if forward else self.stack.index()
        if 0 <= at < self.stack.count() and self.stack.command(at) is command:
            if refused:  # the records changed under it: it leaves the history
                command.setObsolete(True)
            else:  # nothing happened: back where it was
                command.put_back()
            if forward:
                self.stack.undo()
            else:
                self.stack.redo()
        self._update_actions()
        if refused:
            assert isinstance(error, Exception)
            self.refused(error)
            self.worker.notify(command.change)  # show what the other copy did
            return
        self._tell(error)

    def _tell(self, error: BaseException) -> None:
        from minutes_app.db.locks import DatabaseBusy

        title = self.tr("Undo")
        if isinstance(error, DatabaseBusy):
            inform(self.window, title, busy_text(), error=True)
            return
        from minutes_app.db.engine import storage_errors
        from minutes_app.ui.storage.messages import storage_error_text

        if isinstance(error, storage_errors()):
            inform(self.window, title, storage_error_text(error), error=True)
            return
        raise error
