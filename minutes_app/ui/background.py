"""Long work off the UI thread, with a progress dialog whose Cancel really stops it.

The work is a function of one argument, ``progress(done, total) -> bool``, the same
callback the core exports take: it reports how far the work is, and answers False once
the clerk pressed Cancel (the core then raises ``ExportCancelled``). The window stays
responsive meanwhile; the result or the exception comes back on the UI thread.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from minutes_app.db.locks import write_when_free
from minutes_app.ui.widgets.common import plain_label

Work = Callable[[Callable[[int, int], bool]], Any]

_SHOW_AFTER_MS = 400  # quick work finishes before a dialog would flash up

# How long a busy worker keeps the GIL from the UI thread at a time, while one runs. Each
# call Qt makes into Python to paint (a model's data(), a slot) waits up to this long for
# the GIL; at Python's default of 5 ms a repaint of a list that takes 10 ms alone took
# 250 ms beside a busy worker, at 0.5 ms about 30 ms. A lone thread never switches, so
# the worker loses next to nothing.
_SWITCH_INTERVAL_S = 0.0005


@contextmanager
def short_switches() -> Iterator[None]:
    """Hand the GIL over between threads often, for as long as the block runs."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, _SWITCH_INTERVAL_S))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.cancelled = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled.is_set()

    def run(self) -> None:
        try:
            self.result = self.work(self._progress)
        except BaseException as exc:  # handed to the UI thread, which decides what to say
            self.error = exc
        self.finished.emit()


class BackgroundJob(QObject):
    """Runs ``work`` on a worker thread; ``run()`` returns its result or raises its error.

    A QObject of the UI thread, so the progress it receives is shown from that thread.
    """

    def __init__(self, parent: QWidget | None, label: str, work: Work) -> None:
        super().__init__()
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setLabel(plain_label(label))  # the label may name a file
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(_SHOW_AFTER_MS)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.worker = _Worker(work)
        self._thread = QThread()
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.dialog.canceled.connect(self.cancel)

    def cancel(self) -> None:
        self.worker.cancelled.set()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def run(self) -> Any:
        loop = QEventLoop()
        self.worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        with short_switches():
            self._thread.start()
            # A worker that finishes before the loop starts still quits it: it is queued.
            loop.exec()
            self._thread.quit()
            self._thread.wait()
        self.dialog.reset()
        self.dialog.close()
        self.dialog.deleteLater()
        if self.worker.error is not None:
            raise self.worker.error
        return self.worker.result


def run_in_background(parent: QWidget | None, label: str, work: Work) -> Any:
    """Run ``work`` with a progress dialog; returns its result, raises its exception."""
    return BackgroundJob(parent, label, work).run()


Result = TypeVar("Result")


class _Done(QObject):
    done = Signal()


# Prefetches whose result is yet to be handed to a ``when_done`` callback.
_AWAITED: set[Prefetch[Any]] = set()


class Prefetch(Generic[Result]):
    """``work()`` started now on a Python thread; ``result()`` waits for it without freezing
    the window: the UI thread goes on painting and running its timers meanwhile (input is
    held back, so no other action starts while a list is being reloaded).

    For reads the window needs at once, such as the rows of a list: their SQL runs without
    the GIL, so the UI thread can build widgets or keep the screen alive in parallel.
    """

    def __init__(self, work: Callable[[], Result]) -> None:
        self._work = work
        self._value: Any = None
        self._error: BaseException | None = None
        self._signal = _Done()
        self._finished = threading.Event()
        self._thread = threading.Thread(target=self._run, name="prefetch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._work()
        except BaseException as exc:  # raised again by result() on the UI thread
            self._error = exc
        self._finished.set()
        self._signal.done.emit()

    def done(self) -> bool:
        """Whether the work has finished: ``result()`` no longer waits."""
        return self._finished.is_set()

    @property
    def finished(self) -> SignalInstance:
        """Emitted, from the worker thread, once the work has finished."""
        return self._signal.done

    def result(self) -> Result:
        if not self._finished.is_set():
            loop = QEventLoop()
            self._signal.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
            # The signal may have gone out before the connection: checked again after it.
            if not self._finished.is_set():
                with short_switches():
                    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value

    def when_done(self, callback: Callable[[Result], object]) -> None:
        """``callback(result)`` on the UI thread once the work is done, without waiting
        for it here. An error of the work is raised there, from ``result()``."""
        called = threading.Event()
        _AWAITED.add(self)  # held until delivered, whatever PySide keeps of the connection

        def deliver() -> None:
            if called.is_set():
                return
            called.set()
            _AWAITED.discard(self)
            with contextlib.suppress(RuntimeError):  # let the connection go with this object
                self._signal.done.disconnect(deliver)
            callback(self.result())

        self._signal.done.connect(deliver, Qt.ConnectionType.QueuedConnection)
        if self._finished.is_set():  # done before the connection: the signal went out
            QTimer.singleShot(0, deliver)


def off_ui_thread(work: Callable[[], Result]) -> Result:
    """``work()`` run on a worker thread while the window stays painted and ticking."""
    return Prefetch(work).result()


# How long a write waits for another copy of the program to let go of the database's write
# lock before it gives up (the clerk may stop waiting sooner).
WRITE_WAIT_S = 60.0


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


class _Waiting(QObject):
    # The write found the lock taken by another connection.
    started = Signal()


def _loop_until(done: Callable[[], bool], signals: list[SignalInstance], user_input: bool) -> None:
    """Run a nested event loop until ``done()``; each of ``signals`` makes it look again."""
    loop = QEventLoop()
    for signal in signals:
        signal.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    # A signal that went out before its connection was made: checked after them.
    if not done():
        flags = (
            QEventLoop.ProcessEventsFlag.AllEvents
            if user_input
            else QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
        )
        with short_switches():
            loop.exec(flags)


def write_off_ui_thread(parent: QWidget | None, path: Path, work: Callable[[], Result]) -> Result:
    """``work()``, one write transaction on the database at ``path``, run on a worker thread
    while the window keeps painting and its timers run; returns its result.

    While another copy of the program holds the write lock, ``WaitingForLock`` says so;
    raises ``DatabaseBusy`` (nothing written) when the clerk stops waiting or after
    ``WRITE_WAIT_S``. ``work`` must not touch widgets: read what it needs from them first.
    """
    stop = threading.Event()
    waiting = threading.Event()
    notice = _Waiting()

    def on_wait() -> None:
        waiting.set()
        notice.started.emit()

    job = Prefetch(
        lambda: write_when_free(path, work, wait_s=WRITE_WAIT_S, stop=stop, on_wait=on_wait)
    )
    # No input meanwhile: the clerk cannot start a second save while the first is running.
    _loop_until(lambda: job.done() or waiting.is_set(), [job.finished, notice.started], False)
    if not job.done():
        dialog = WaitingForLock(parent, stop)
        dialog.show()
        try:  # the dialog is modal: only its button takes input
            _loop_until(job.done, [job.finished], True)
        finally:
            dialog.close()
            dialog.deleteLater()
    return job.result()
