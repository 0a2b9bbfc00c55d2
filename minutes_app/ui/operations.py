"""The one way the window works on the database: a single worker thread, operations with
success and failure callbacks, and one signal saying what changed.

The threading rule:

- Every read and write that may take longer than a frame runs on the window's
  ``DatabaseWorker``: one thread, so operations run one after another in the order they
  were asked for, and writes never meet each other.
- ``run_op`` returns at once; ``on_success(result)`` or ``on_failure(error)`` is called
  later on the UI thread, in the same order. Nothing waits for a result in an event loop
  of its own: the window's one event loop goes on painting and answering meanwhile.
- ``work`` must not touch widgets: read what it needs from them before, on the UI thread.
- A write names what it changed (``Changes``); once it succeeds the worker emits
  ``data_changed`` with it, and every screen that shows those records reloads itself
  (``follow_changes``), at once if it is in view, else when it is next shown.
- On the office's server, an operation that failed because the server cannot be reached
  is also told to ``server_lost``: the window says so once, tries the server again, and
  reloads its screens when it answers (``ui/storage/server_link.py``).

Modelled on Anki's ``aqt/operations`` (``CollectionOp``, ``QueryOp``) and ``taskman.py``.
"""

from __future__ import annotations

import gc
import inspect
import sys
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from minutes_app.db.engine import Database
from minutes_app.db.locks import DatabaseBusy, write_when_free
from minutes_app.db.reaching import is_server_lost
from minutes_app.ui.widgets.common import inform, plain_label

Result = TypeVar("Result")
Progress = Callable[[int, int], bool]

# What a write changed; screens follow the kinds of records they show.
CONFERENCES = "conferences"
TASKS = "tasks"
DIRECTORY = "directory"  # units and people
DOCUMENTS = "documents"  # the document catalogue
OFFICE = "office"  # the office's details printed on the papers
TRASH = "trash"
EVERYTHING = frozenset({CONFERENCES, TASKS, DIRECTORY, DOCUMENTS, OFFICE, TRASH})


@dataclass(frozen=True)
class Changes:
    """What a write changed: kinds of records and, where known, their ids."""

    kinds: frozenset[str]
    ids: frozenset[int] = frozenset()

    def touches(self, kinds: Iterable[str]) -> bool:
        return not self.kinds.isdisjoint(kinds)


def changes(*kinds: str, ids: Iterable[int] = ()) -> Changes:
    unknown = set(kinds) - EVERYTHING
    assert not unknown, unknown
    return Changes(frozenset(kinds), frozenset(ids))


# How long a write waits for another copy of the program to let go of the database's write
# lock before it gives up (the clerk may stop waiting sooner).
WRITE_WAIT_S = 60.0

_SHOW_AFTER_MS = 400  # quick work finishes before a progress dialog would flash up

# How long a busy worker keeps the GIL from the UI thread at a time, while one runs. Each
# call Qt makes into Python to paint waits up to this long for the GIL, and there are
# several per cell of a table: a model's data (``TableModel`` answers every role in one
# call), its rowCount and columnCount for each index, each virtual method PySide looks
# up on a class of ours. The main window repainted when the import's progress dialog
# came up (300 cells): 5 ms (Python's default) froze it for over a second, 0.5 ms for
# 0.3 s, 0.05 ms for 0.09 s, while the import took as long (26 s). A lone thread never
# switches, so the worker loses next to nothing while the clerk does nothing.
_SWITCH_INTERVAL_S = 0.00005


class _WhileWorking:
    """What holds while any worker has work (for the whole process: two windows of the
    tests, the check at start): the GIL is handed over often (``_SWITCH_INTERVAL_S``), and
    the cyclic garbage collector does not run by itself. Run on a worker's thread (where
    the work allocates most) it could destroy a Qt object there, in the middle of the UI
    thread's use of it: Qt objects belong to the UI thread.

    Instead the UI thread collects the young generations itself, a few milliseconds at a
    time (``_collect_young``), as Python would have: left for later, the objects the window
    and the worker made meanwhile piled up into one collection that froze the window for
    60 ms when the workers fell idle. What outlives them is frozen instead of walked by a
    full collection (``_Generations``).
    """

    busy = 0
    interval = 0.0
    collecting = True
    timer: QTimer | None = None

    @classmethod
    def begin(cls) -> None:
        if cls.busy == 0:
            _Generations.stop_thawing()
            cls.interval = sys.getswitchinterval()
            sys.setswitchinterval(min(cls.interval, _SWITCH_INTERVAL_S))
            cls.collecting = gc.isenabled()
            gc.disable()
            if cls.collecting:
                cls._start_collecting()
        cls.busy += 1

    @classmethod
    def end(cls) -> None:
        cls.busy -= 1
        if cls.busy == 0:
            sys.setswitchinterval(cls.interval)
            if cls.timer is not None:
                cls.timer.stop()
            if cls.collecting:
                gc.enable()
                _Generations.thaw_later()

    @classmethod
    def _start_collecting(cls) -> None:
        if cls.timer is None:
            if QCoreApplication.instance() is None:
                return
            cls.timer = QTimer()
            cls.timer.setInterval(_COLLECT_EVERY_MS)
            cls.timer.timeout.connect(_collect_young)
        cls.timer.start()


_COLLECT_EVERY_MS = 20


# How long the workers stay idle before what was frozen is walked once (``_Generations``).
_THAW_AFTER_MS = 60_000


class _Generations:
    """The oldest generation is frozen, not walked, while work runs.

    A full collection walks every object of the program with the GIL held: with the modules,
    the window and an import's leftovers (100,000 objects) it froze the window for 60 to
    90 ms, and coming as an import ended, on top of the screen's reload, for 140 ms. Objects
    that lived that long are frozen instead (``gc.freeze``): no collection walks them, and
    reference counting still frees them. The cycles among them that became garbage are
    found once the workers have been idle for a minute: everything is thawed, collected
    once, and what survives is frozen again.
    """

    # How many objects the oldest generation held after its last full collection; None
    # until first looked at (what it holds then stands for it).
    long_lived: int | None = None
    # How many works under way collect their own garbage (``collecting_for_itself``).
    held = 0
    thawing: QTimer | None = None

    @classmethod
    def freeze(cls) -> None:
        gc.freeze()
        cls.long_lived = 0

    @classmethod
    def thaw_later(cls) -> None:
        if gc.get_freeze_count() == 0:
            return
        if cls.thawing is None:
            if QCoreApplication.instance() is None:
                return
            cls.thawing = QTimer()
            cls.thawing.setSingleShot(True)
            cls.thawing.timeout.connect(cls.thaw)
        cls.thawing.start(_THAW_AFTER_MS)

    @classmethod
    def stop_thawing(cls) -> None:
        if cls.thawing is not None:
            cls.thawing.stop()

    @classmethod
    def thaw(cls) -> None:
        """Walk everything once (the workers idle): the garbage among the frozen objects is
        freed, the survivors are frozen again."""
        gc.unfreeze()
        gc.collect()
        cls.freeze()


def freeze_long_lived() -> None:
    """What is alive now will live long (an import's records): no collection walks it until
    the workers have been idle a while (``_Generations``)."""
    _Generations.freeze()


@contextmanager
def collecting_for_itself() -> Iterator[None]:
    """For work on the worker that builds a large object graph and collects its own
    garbage as it goes (an import, an export): the UI thread leaves the collector alone
    while it runs. A collection there would walk the work's objects with the GIL held:
    young ones took 0.1 s each, a full one 3 s with the records of 20,000 tasks in memory."""
    _Generations.held += 1
    try:
        yield
    finally:
        _Generations.held -= 1


def _collect_young() -> None:
    """On the UI thread, what the collector would have done by now, by its own rules: a
    generation is collected once the one below it was collected more often than its
    threshold, and the oldest only once a quarter more objects reached it since its last
    full collection (a full collection walks every object of the program)."""
    if _Generations.held:
        return
    young, middle, old = gc.get_count()
    first, second, third = gc.get_threshold()
    if young <= first:
        return
    if middle <= second:
        gc.collect(0)
        return
    if old > third:
        size = len(gc.get_objects(2))
        if _Generations.long_lived is None:
            _Generations.long_lived = size
        elif size - _Generations.long_lived > _Generations.long_lived // 4:
            _Generations.freeze()  # instead of walking them (see _Generations)
            return
    gc.collect(1)


class WaitingForLock(QProgressDialog):
    """Says that a write waits for another copy of the program; its button stops waiting."""

    def __init__(self, parent: QWidget | None, stop: threading.Event) -> None:
        super().__init__(parent)
        self.setLabel(plain_label())
        self.setLabelText(self.tr("Waiting for another copy of the program to finish writing…"))
        self.setCancelButtonText(self.tr("Stop waiting"))
        self.setRange(0, 0)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumDuration(0)
        self.setAutoReset(False)
        self.setAutoClose(False)
        self.canceled.connect(lambda: self._on_canceled(stop))

    def _on_canceled(self, stop: threading.Event) -> None:
        stop.set()
        self.setLabelText(self.tr("Stopping…"))


class Op(Generic[Result]):
    """One piece of work on the database worker and what follows it on the UI thread.

    Made by ``DatabaseWorker.run_op`` or ``run_long_op``. ``done`` turns True once its
    callbacks ran; ``result`` or ``error`` then say how it ended.
    """

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[], Result],
        on_success: Callable[[Result], object] | None,
        on_failure: Callable[[BaseException], object] | None,
        change: Changes | None,
    ) -> None:
        self.parent = parent
        self.work = work
        self.on_success = on_success
        self.on_failure = on_failure
        self.change = change
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self.cancelled = threading.Event()  # Cancel of a progress dialog, Stop waiting
        self.progress: QProgressDialog | None = None
        self.waiting: WaitingForLock | None = None
        self.worked = threading.Event()  # the work ended (its callbacks may be yet to run)
        self.after: Callable[[], object] | None = None  # once delivered, whatever the end

    @property
    def succeeded(self) -> bool:
        return self.done and self.error is None

    def cancel(self) -> None:
        """Ask the work to stop: a long operation at its next progress report, a write
        while it waits for the other copy's lock."""
        self.cancelled.set()

    def release(self) -> None:
        """Let go of the widgets and callbacks the op holds, on the UI thread once it is
        delivered: the worker's thread may drop the op last, and a Qt object must not be
        freed there. This also breaks the op's reference cycles (its work refers to it)."""
        self.work = _done_already
        self.on_success = self.on_failure = self.after = None
        self.parent = None


def _done_already() -> Any:
    raise AssertionError("an operation runs once")


class _Bridge(QObject):
    """Carries news from the worker thread to the UI thread (queued signals)."""

    # The work of an Op ended (its result or error is set).
    finished = Signal(object)
    # A long Op reported progress: (op, done, total).
    progressed = Signal(object, int, int)
    # A write Op found the write lock held by another copy and waits for it.
    waiting = Signal(object)


class DatabaseWorker(QObject):
    """The window's one database thread: operations run on it one at a time, in order.

    ``db`` is the open database (None before one is open, for the check made at start);
    writes wait on its file's write lock while another copy of the program holds it.
    """

    # A write succeeded; carries its Changes. Screens reload what they show of them.
    data_changed = Signal(object)
    # An operation failed because the office's server cannot be reached; carries the error.
    server_lost = Signal(object)

    def __init__(self, db: Database | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="database")
        self._bridge = _Bridge(self)
        connection = Qt.ConnectionType.QueuedConnection
        self._bridge.finished.connect(self._on_finished, connection)
        self._bridge.progressed.connect(self._on_progressed, connection)
        self._bridge.waiting.connect(self._on_waiting, connection)
        # Submitted and not yet delivered, in order; held here until delivered, whatever
        # PySide keeps of the signal's argument.
        pending: list[Op[Any]] = []
        self._pending = pending

        def forget() -> None:  # a window closed before its last operations came back
            if pending:
                pending.clear()
                _WhileWorking.end()

        self.destroyed.connect(forget)

    # --- asking ------------------------------------------------------------------------

    def run_op(
        self,
        parent: QWidget | None,
        work: Callable[[], Result],
        on_success: Callable[[Result], object] | None = None,
        on_failure: Callable[[BaseException], object] | None = None,
        *,
        change: Changes | None = None,
    ) -> Op[Result]:
        """Run ``work()`` on the worker; returns at once.

        A read has no ``change``. A write names its ``change``: it runs as one
        transaction once the database's write lock is free (``WaitingForLock`` says so
        while another copy holds it; ``DatabaseBusy`` after ``WRITE_WAIT_S`` or when the
        clerk stops waiting, nothing written), and ``data_changed`` follows its success.
        Without ``on_failure`` an error is told in plain words (``tell_failure``).
        """
        op: Op[Result] = Op(parent, work, on_success, on_failure, change)
        if change is not None:
            op.work = self._locked(op, work)
        return self._submit(op)

    def run_long_op(
        self,
        parent: QWidget | None,
        label: str,
        work: Callable[[Progress], Result],
        on_success: Callable[[Result], object] | None = None,
        on_failure: Callable[[BaseException], object] | None = None,
        *,
        change: Changes | None = None,
    ) -> Op[Result]:
        """Run ``work(progress)`` on the worker with a progress dialog whose Cancel stops
        it; returns at once. ``progress(done, total)`` moves the bar and answers False
        once Cancel was pressed (the core then raises ``ExportCancelled``). The dialog
        shows only if the work takes longer than a moment."""
        op: Op[Result] = Op(parent, lambda: work(report), on_success, on_failure, change)

        def report(done: int, total: int) -> bool:
            return self._report(op, done, total)

        cancel = QCoreApplication.translate("Operations", "Cancel")
        dialog = QProgressDialog(label, cancel, 0, 0, parent)
        dialog.setLabel(plain_label(label))  # the label may name a file
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(_SHOW_AFTER_MS)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.canceled.connect(lambda: self._on_cancel_pressed(op))
        dialog.setValue(0)  # shows it once the work has taken a moment
        op.progress = dialog
        return self._submit(op)

    def notify(self, change: Changes) -> None:
        """Tell every screen that ``change`` happened, though no operation of this window
        made it: File → Refresh, a backup restored, an undo refused because another copy
        changed the records."""
        self.data_changed.emit(change)

    def idle(self) -> bool:
        """Whether every operation asked for has run and been delivered."""
        return not self._pending

    def deliver_now(self, op: Op[Any]) -> None:
        """Wait for ``op``, the first asked of this worker, and run its callbacks now.

        Only for a window that is being built and not yet shown (its first rows, read
        while its widgets are made): no event loop runs while this waits, and there is
        nothing on screen to keep alive. Everywhere else callbacks come in their turn.
        """
        assert self._pending and self._pending[0] is op, "only the first operation"
        assert op.parent is None or not op.parent.isVisible(), "only before the first show"
        op.worked.wait()
        self._on_finished(op)

    def finish_before_start(self, op: Op[Any]) -> None:
        """Run the program's event loop until ``op`` is delivered, for the work done
        before the main window exists (the check of a changed database at start).

        It is the program's first event loop, not one nested in a handler: refused
        while an event loop runs, where callbacks must come in their turn instead.
        """
        assert QThread.currentThread().loopLevel() == 0, "an event loop is running"
        if op.done:
            return
        loop = QEventLoop()
        op.after = loop.quit
        loop.exec()
        if not op.done:  # the program was told to quit meanwhile: the work still ends
            op.worked.wait()
            self._on_finished(op)

    def shutdown(self) -> None:
        """Let the operation that runs finish, drop those not started; for the end of
        the program, before the database is closed."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    # --- on the worker thread ----------------------------------------------------------

    def _locked(self, op: Op[Result], work: Callable[[], Result]) -> Callable[[], Result]:
        db = self.db
        assert db is not None, "a write needs an open database"

        def on_wait() -> None:
            with suppress(RuntimeError):  # the window was closed meanwhile
                self._bridge.waiting.emit(op)

        # The module's value at the time of the write (tests shorten it).
        return lambda: write_when_free(
            db.path, work, wait_s=WRITE_WAIT_S, stop=op.cancelled, on_wait=on_wait
        )

    def _report(self, op: Op[Any], done: int, total: int) -> bool:
        with suppress(RuntimeError):
            self._bridge.progressed.emit(op, done, total)
        return not op.cancelled.is_set()

    def _execute(self, op: Op[Any]) -> None:
        try:
            op.result = op.work()
        except BaseException as exc:  # handed to the UI thread, which decides what to say
            op.error = exc
        op.worked.set()
        with suppress(RuntimeError):  # the window is gone: nobody waits for it
            self._bridge.finished.emit(op)

    # --- on the UI thread --------------------------------------------------------------

    def _submit(self, op: Op[Result]) -> Op[Result]:
        if not self._pending:  # the first of a run
            _WhileWorking.begin()
        self._pending.append(op)
        self._executor.submit(self._execute, op)
        return op

    def _on_progressed(self, op: Op[Any], done: int, total: int) -> None:
        dialog = op.progress
        if dialog is not None and not op.done and total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def _on_cancel_pressed(self, op: Op[Any]) -> None:
        op.cancel()
        if op.progress is not None:
            op.progress.setLabelText(QCoreApplication.translate("Operations", "Cancelling…"))

    def _on_waiting(self, op: Op[Any]) -> None:
        if op.done or op.waiting is not None:
            return
        parent = op.parent if _alive(op.parent) else None
        op.waiting = WaitingForLock(parent, op.cancelled)
        op.waiting.show()

    def _on_finished(self, op: Op[Any]) -> None:
        if op.done:  # delivered already (deliver_now)
            return
        try:
            self._deliver(op)
        finally:
            after = op.after
            op.release()
            if after is not None:
                after()

    def _deliver(self, op: Op[Any]) -> None:
        self._pending.remove(op)
        if not self._pending:
            _WhileWorking.end()
        for dialog in (op.progress, op.waiting):
            if dialog is not None and _alive(dialog):
                # Closing a progress dialog emits its "canceled": the work ended, nobody did.
                dialog.blockSignals(True)
                dialog.reset()
                dialog.close()
                dialog.deleteLater()
        op.progress = op.waiting = None
        op.done = True
        if op.error is not None and is_server_lost(op.error):
            self.server_lost.emit(op.error)  # before its callbacks, which may say more
        if op.parent is not None and not _alive(op.parent):
            # Whoever asked is gone; what a write changed still shows on the other screens.
            if op.error is None and op.change is not None:
                self.data_changed.emit(op.change)
            return
        if op.error is not None:
            error = op.error
            if op.on_failure is not None:
                op.on_failure(error)
            else:
                tell_failure(op.parent, error)
            return
        try:
            if op.on_success is not None:
                op.on_success(op.result)
        finally:
            if op.change is not None:
                self.data_changed.emit(op.change)


def _alive(widget: QObject | None) -> bool:
    return widget is not None and shiboken6.isValid(widget)


def busy_text() -> str:
    """What to say when another copy kept the database busy and a write gave up."""
    return QCoreApplication.translate(
        "Operations",
        "Another copy of the program kept the database busy, so nothing was saved. "
        "What you entered is still in the window: try again in a moment.",
    )


def tell_failure(parent: QWidget | None, error: BaseException) -> None:
    """The default failure callback: a write that gave up waiting is told in plain words;
    a server that cannot be reached is told by the window's banner (``server_lost``), not
    once per screen that failed to reload; any other error goes to the program's error
    hook, which tells database and disk errors in plain words (``storage_error_messages``)."""
    if is_server_lost(error):
        return
    if isinstance(error, DatabaseBusy):
        inform(parent, QCoreApplication.translate("Operations", "Busy"), busy_text(), error=True)
        return
    raise error


class _ChangeFollower(QObject):
    """Reloads one screen when the records it shows change: at once when it is in view,
    else the first time it is shown again."""

    def __init__(
        self,
        widget: QWidget,
        worker: DatabaseWorker,
        kinds: frozenset[str],
        reload: Callable[[], object],
        stale: bool,
    ) -> None:
        super().__init__(widget)  # the widget is its parent, not held in Python
        self.kinds = kinds
        # A screen's own method, held weakly: the screen holds this object already.
        self._reload: Callable[[], Callable[[], object] | None] = (
            weakref.WeakMethod(reload) if inspect.ismethod(reload) else (lambda: reload)
        )
        self.stale = stale
        worker.data_changed.connect(self._on_data_changed)
        widget.installEventFilter(self)

    @property
    def widget(self) -> QWidget:
        widget = self.parent()
        assert isinstance(widget, QWidget)
        return widget

    def _in_view(self) -> bool:
        widget = self.widget
        window = widget.window()
        if window is widget:
            return widget.isVisible()
        # A screen of the window's stack is "in view" when it is the one shown there,
        # whether or not the window itself is on screen yet.
        return widget.isVisibleTo(window)

    def _on_data_changed(self, change: Changes) -> None:
        if not change.touches(self.kinds):
            return
        if self._in_view():
            self.stale = False
            self.reload()
        else:
            self.stale = True

    def reload(self) -> None:
        reload = self._reload()
        if reload is not None:
            reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = (QEvent.Type.Show, QEvent.Type.ShowToParent)
        if self.stale and event.type() in shown and watched is self.widget and self._in_view():
            self.stale = False
            self.reload()
        return False


def follow_changes(
    widget: QWidget,
    worker: DatabaseWorker,
    kinds: Iterable[str],
    reload: Callable[[], object],
    *,
    stale: bool = True,
) -> None:
    """Call ``reload()`` whenever a write changes records of ``kinds``: at once when
    ``widget`` is in view, else when it is next shown. ``stale``: the widget has not
    been filled yet, so its first showing fills it."""
    _ChangeFollower(widget, worker, frozenset(kinds), reload, stale)
