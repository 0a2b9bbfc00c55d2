"""Choosing the database the window works on: File → Open database… (an SQLite file),
Connect to office server… (a database on the office's PostgreSQL server), Recent
databases, and Move to office server… (the open file copied into an empty server
database, then offered to switch to).

Switching closes the window (asking about unsaved work as closing does) and
``ui.app.run_app`` opens it again on the database chosen (``MainWindow.switch_to``). A
server database is checked first, off the UI thread, the password asked for if the
server wants one, so that a refusal is said while the window stays as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from minutes_app.base.progress import ExportCancelled
from minutes_app.db.engine import Database, DatabaseRefused, storage_errors
from minutes_app.db.reaching import is_server_lost
from minutes_app.db.server import ServerAddress, is_server_address
from minutes_app.ui.storage.connecting import (
    ConnectDialog,
    ServerOpening,
    parse_address,
    refused_text,
)
from minutes_app.ui.storage.messages import DATABASE_FILES, storage_error_text, translate
from minutes_app.ui.storage.recent import (
    RecentMenu,
    forget_database,
    location_text,
    recent_databases,
    remember_database,
)
from minutes_app.ui.widgets.common import inform

if TYPE_CHECKING:
    from minutes_app.ui.main_window import MainWindow


class DatabaseActions(QObject):
    """The File menu's entries that choose the database, for ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        db = window.db
        self.open_action = QAction(self.tr("Open &database…"), window)
        self.open_action.triggered.connect(self.open_file)
        self.connect_action = QAction(self.tr("&Connect to office server…"), window)
        self.connect_action.triggered.connect(lambda: self.connect_to_server())
        self.recent_menu = RecentMenu(window.store, location_text(db.server or db.file), window)
        self.recent_menu.setTitle(self.tr("Recent d&atabases"))
        self.recent_menu.chosen.connect(lambda location: self.open_location(location, recent=True))
        self.move_action = QAction(self.tr("&Move to office server…"), window)
        self.move_action.triggered.connect(self.move_to_server)
        if db.server is not None:
            self.move_action.setEnabled(False)
            self.move_action.setToolTip(self.tr("This database is on the office server already."))
        else:
            self.move_action.setToolTip(
                self.tr("Copy this file's records into an empty database of the office server.")
            )

    def add_to(self, menu: QMenu) -> None:
        menu.addActions([self.open_action, self.connect_action])
        menu.addMenu(self.recent_menu)
        menu.addAction(self.move_action)

    # --- choosing ----------------------------------------------------------------------

    def open_file(self) -> None:
        """File → Open database…: an SQLite file."""
        db = self.window.db
        folder = db.path.parent if db.path is not None else Path.home()
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open database"),
            str(folder),
            translate(str(DATABASE_FILES))
            + ";;"
            + QCoreApplication.translate("Backups", "All files (*)"),
        )
        if name:
            self.open_location(name)

    def connect_to_server(self) -> ConnectDialog:
        """File → Connect to office server…: the dialog, then the database checked."""
        dialog = ConnectDialog(self.window, self.window.db.server)
        if dialog.exec() == ConnectDialog.DialogCode.Accepted:
            address = dialog.address()
            if address is not None:
                self.open_location(address)
        return dialog

    def open_location(self, location: str | ServerAddress, *, recent: bool = False) -> None:
        """Switch to the database at ``location`` (a path or a server), once it is checked
        to be there; ``recent``: chosen from the list, which a missing one may leave."""
        window = self.window
        text = location if isinstance(location, str) else location.url
        if location_text(location) == location_text(window.db.server or window.db.file):
            window.statusBar().showMessage(self.tr("%1 is open already.").replace("%1", text), 8000)
            return
        if isinstance(location, ServerAddress) or is_server_address(location):
            address = parse_address(window, location)
            if address is None:
                return
            opening = ServerOpening(
                window,
                address,
                window.switch_to,
                lambda error: self._not_opened(text, error, recent=recent),
            )
            opening.start()
            return
        path = Path(location)
        if not path.exists():
            self._not_opened(
                text,
                FileNotFoundError(
                    self.tr(
                        "%1 is not there any more: it was moved or deleted, or it is on a "
                        "drive or network share that is not connected."
                    ).replace("%1", text)
                ),
                recent=recent,
            )
            return
        window.switch_to(path)

    def _not_opened(self, location: str, error: BaseException | None, *, recent: bool) -> None:
        if error is None:  # the clerk cancelled
            return
        text = str(error) if isinstance(error, FileNotFoundError) else refused_text(error)
        if not recent or location not in recent_databases(self.window.store):
            inform(self.window, self.tr("Open database"), text, error=True)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Open database"), text, parent=self.window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path or URL as written
        box.setInformativeText(self.tr("Remove it from the list of recent databases?"))
        remove = box.addButton(self.tr("Remove from the list"), QMessageBox.ButtonRole.AcceptRole)
        remove.setObjectName("remove")
        keep = box.addButton(self.tr("Keep it in the list"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keep")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        if box.clickedButton() is remove:
            forget_database(self.window.store, location)

    # --- moving a file to the server ------------------------------------------------------

    def move_to_server(self) -> None:
        """File → Move to office server…: the server database asked for (it must be empty,
        made ready by the administrator), checked, then the file copied into it on the
        worker with progress and Cancel, all or nothing; then switching to it offered."""
        window = self.window
        title = self.tr("Move to office server")
        if window.db.server is not None:
            return
        editor = window.editor
        if editor is not None and editor.isVisible():
            inform(window, title, self.tr("Close the conference that is open in the editor first."))
            return
        dialog = ConnectDialog(
            window,
            title=title,
            intro=self.tr(
                "Every record of %1 is copied into an empty database of the office server, "
                "made ready by the office's administrator (minutes-app server-setup). The "
                "file stays as it is."
            ).replace("%1", window.db.where),
        )
        if dialog.exec() != ConnectDialog.DialogCode.Accepted:
            return
        address = dialog.address()
        if address is None:
            return
        ServerOpening(
            window,
            address,
            self._copy_into,
            lambda error: (
                None if error is None else inform(window, title, refused_text(error), error=True)
            ),
        ).start()

    def _copy_into(self, address: ServerAddress) -> None:
        window = self.window
        title = self.tr("Move to office server")
        source, dest = window.db, Database(server=address)
        stop = threading.Event()
        label = self.tr("Copying %1 to %2…").replace("%1", source.where).replace("%2", str(address))

        def work(progress: Callable[[int, int], bool]) -> object:
            from minutes_app.db.copying import copy_database

            return copy_database(source, dest, progress, stop)

        def moved(report: Any) -> None:
            dest.close()
            remember_database(window.store, address)
            question = (
                self.tr(
                    "All %3 records of %1 were copied to the office server (%2), and the "
                    "counts of every table match. Work on the office server from now on? "
                    "The file stays as it is."
                )
                .replace("%1", source.where)
                .replace("%2", str(address))
                .replace("%3", str(getattr(report, "records", "")))
            )
            box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            switch = box.addButton(
                self.tr("Switch to the office server"), QMessageBox.ButtonRole.AcceptRole
            )
            switch.setObjectName("switch")
            stay = box.addButton(self.tr("Stay on the file"), QMessageBox.ButtonRole.RejectRole)
            stay.setObjectName("stay")
            box.setDefaultButton(switch)
            box.setEscapeButton(stay)
            box.exec()
            if box.clickedButton() is switch:
                window.switch_to(address)

        def failed(error: BaseException) -> None:
            from minutes_app.db.copying import CopyFailed, failure_words

            dest.close()
            if stop.is_set() or isinstance(error, ExportCancelled):
                text = self.tr(
                    "The move was cancelled: the office database is left empty, as it was, "
                    "and the file is unchanged."
                )
            elif isinstance(error, DatabaseRefused):  # not empty, in use, unreachable…
                text = self.tr("Nothing was moved: %1").replace("%1", refused_text(error))
            elif is_server_lost(error) or isinstance(error, storage_errors()):
                text = self.tr("Nothing was moved: %1").replace("%1", storage_error_text(error))
            elif isinstance(error, CopyFailed):  # a row the server refused, counts that differ
                vietnamese = QLocale().language() == QLocale.Language.Vietnamese
                said = failure_words(error, "vi" if vietnamese else "en")
                text = self.tr("Nothing was moved: %1").replace("%1", said)
            else:
                text = self.tr("Nothing was moved: %1").replace("%1", str(error))
            inform(window, title, text, error=True)

        op = window.worker.run_long_op(window, label, work, moved, failed)
        if op.progress is not None:
            op.progress.canceled.connect(stop.set)  # the copy stops at its next batch
