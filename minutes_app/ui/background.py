"""Long work off the UI thread, with a progress dialog whose Cancel really stops it.

The work is a function of one argument, ``progress(done, total) -> bool``, the same
callback the core exports take: it reports how far the work is, and answers False once
the clerk pressed Cancel (the core then raises ``ExportCancelled``). The window stays
responsive meanwhile; the result or the exception comes back on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

Work = Callable[[Callable[[int, int], bool]], Any]

_SHOW_AFTER_MS = 400  # quick work finishes before a dialog would flash up


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
        self._thread.start()
        # A worker that finishes before the loop starts still quits it: the call is queued.
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
