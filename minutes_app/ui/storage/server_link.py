"""Losing the office's server and finding it again (issue 15, point 6).

When a read or a write of the window fails because the server cannot be reached (the
network dropped, the server stopped or restarts: ``db.reaching.is_server_lost``), the
database worker says so (``DatabaseWorker.server_lost``). The window then shows a banner
in plain words; what the clerk typed stays where it is (a failed save leaves the editor
open and unchanged, a failed action its dialog: each save is one transaction, so nothing
was half-written). Every few seconds a worker of its own tries one cheap connection, off
the UI thread; once the server answers the banner goes, the status bar says so, and every
screen reloads. A save that failed can then be made again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy

from minutes_app.db.reaching import server_answers
from minutes_app.db.server import ServerAddress
from minutes_app.ui.operations import EVERYTHING, Changes, DatabaseWorker

# How long after a failed look the server is tried again.
RETRY_MS = 3000


class Banner(QLabel):
    """A line across the top of the window that says what is wrong, until it is not."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("server_banner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setStyleSheet(
            "QLabel#server_banner { background: #fff3cd; color: #5c4400;"
            " border-bottom: 1px solid #e0c36c; padding: 6px 10px; }"
        )
        self.hide()


class ServerLink(QObject):
    """Watches the window's operations for a lost server, says so in ``banner``, tries the
    server again every ``RETRY_MS`` and carries on when it answers (see the module)."""

    def __init__(
        self, window: QMainWindow, worker: DatabaseWorker, address: ServerAddress, banner: Banner
    ) -> None:
        super().__init__(window)
        self.window = window
        self.worker = worker
        self.address = address
        self.banner = banner
        self.lost = False
        self._prober = DatabaseWorker(None, self)  # not the database worker: never behind it
        self._probing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self._probe)
        worker.server_lost.connect(self._on_lost)

    def _on_lost(self, _error: BaseException) -> None:
        if self.lost:
            return
        self.lost = True
        self.banner.setText(
            self.tr("The office server cannot be reached; what you typed is kept. Trying again…")
        )
        self.banner.show()
        if not self._probing:
            self._timer.start()

    def _probe(self) -> None:
        if not self.lost:
            return
        self._probing = True
        address = self.address
        self._prober.run_op(
            self.window,
            lambda: server_answers(address),
            self._on_probed,
            lambda _error: self._on_probed(False),
        )

    def _on_probed(self, answers: bool) -> None:
        self._probing = False
        if not self.lost:
            return
        if not answers:
            self._timer.start()
            return
        self.lost = False
        self.banner.hide()
        self.window.statusBar().showMessage(
            self.tr(
                "The office server answers again; the screens show what it holds now. "
                "What was not saved can be saved now."
            ),
            20_000,
        )
        self.worker.notify(Changes(EVERYTHING))  # every screen reads again

    def stop(self) -> None:
        """For the window's closing: no more tries; a look under way ends first."""
        self.lost = False
        self._timer.stop()
        self._prober.shutdown()
