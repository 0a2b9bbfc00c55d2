"""Opening a database for the window: the checks made first (missing folder, read-only
file or folder, damage, newer schema), skipped for a file untouched since the program
closed it cleanly, and the offer to restore a damaged one from a backup."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from minutes_app import APP_NAME
from minutes_app.db.backup import Backup, list_backups
from minutes_app.db.engine import (
    Database,
    DatabaseRefused,
    busy_refusal,
    storage_errors,
    stored_revision,
)
from minutes_app.db.locks import is_busy
from minutes_app.db.soundness import Damage, check_folder, find_damage, fingerprint
from minutes_app.ui.operations import DatabaseWorker
from minutes_app.ui.settings_dialog import backup_settings
from minutes_app.ui.storage.messages import damage_text, storage_error_text
from minutes_app.ui.storage.restoring import choose_backup, restore_and_tell
from minutes_app.ui.storage.wait_cursor import WaitCursor
from minutes_app.ui.widgets.common import as_written


def _write_problem(path: Path) -> str | None:
    """Why the program could not save into ``path``, or None when it can."""
    if path.is_file() and not os.access(path, os.W_OK):
        return QCoreApplication.translate(
            "Backups",
            "%1 is read-only, so minutes-app cannot save anything into it. Allow changes to "
            "the file, or copy it into a folder of your own and open the copy.",
        ).replace("%1", str(path))
    folder = path.parent
    if path.is_file() and folder.is_dir() and not os.access(folder, os.W_OK):
        return QCoreApplication.translate(
            "Backups",
            "The folder %1 is read-only; minutes-app needs to keep working files beside the "
            "database. Copy the database into a folder of your own and open the copy.",
        ).replace("%1", str(folder))
    return None


def _fingerprint_key(path: Path) -> str:
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8"), usedforsecurity=False)
    return f"integrity/{digest.hexdigest()[:16]}"


def remember_clean_close(path: Path, store: QSettings) -> None:
    """Note that the program closed ``path`` cleanly: the next open skips the check
    as long as the file is untouched since."""
    try:
        store.setValue(_fingerprint_key(path), fingerprint(path))
        store.sync()
    except OSError:
        pass


def needs_check(path: Path, store: QSettings) -> bool:
    """True unless ``path`` is exactly as this program left it when it last closed it."""
    try:
        current = fingerprint(path)
    except OSError:
        return False
    return str(store.value(_fingerprint_key(path), "")) != current


def open_checked(
    path: Path,
    store: QSettings,
    refusal_text: Callable[[DatabaseRefused], str],
    own_folder: Path | None = None,
) -> Database | None:
    """Open the database at ``path`` for the window, or say in plain words why not.

    A folder that does not exist is refused (an unmounted share), unless it is
    ``own_folder``, the program's data folder; a read-only file or folder is refused
    before SQLite touches it. A file that is damaged is reported, with restore from the
    newest backup offered: an empty file (0 bytes), or one in which ``find_damage`` finds
    broken pages or records (checked unless the file is untouched since this program
    closed it, on a worker thread: a large file takes a second or two). Returns None when
    nothing could be opened; the reason has been shown.
    """
    while True:
        problem = _write_problem(path)
        if problem is not None:
            QMessageBox.critical(None, APP_NAME, as_written(problem))
            return None
        damage: list[Damage] = []
        try:
            check_folder(path, own_folder)
            stored_revision(path)  # refuses what is not a minutes-app database, untouched
            if path.is_file() and path.stat().st_size and needs_check(path, store):
                damage = _damage_found(path)
            if not damage:
                return Database.open(path)
        except DatabaseRefused as exc:
            if exc.reason == "empty_file":
                damage = [Damage("empty_file")]
            elif exc.reason == "unreadable":
                damage = [Damage("file", detail=str(exc))]
            else:
                QMessageBox.critical(None, APP_NAME, as_written(refusal_text(exc)))
                return None
        except storage_errors() as exc:
            if is_busy(exc):  # locked by another copy while the file was checked
                QMessageBox.critical(None, APP_NAME, as_written(refusal_text(busy_refusal(path))))
                return None
            QMessageBox.critical(
                None,
                APP_NAME,
                as_written(
                    QCoreApplication.translate("Backups", "%1 cannot be opened: %2")
                    .replace("%1", str(path))
                    .replace("%2", storage_error_text(exc))
                ),
            )
            return None
        if not DamagedDatabase(path, store, damage).offer_restore():
            return None
        # Restored: open again, checking the restored file as well.


def _damage_found(path: Path) -> list[Damage]:
    """``find_damage(path)`` as a long operation of a database worker of its own (no
    database is open yet); the UI thread goes on painting, and a progress window shows
    after a moment. This runs before the main window exists, so the program's first event
    loop runs until the check is done (``finish_before_start``)."""
    label = QCoreApplication.translate("Backups", "Checking the database %1…").replace(
        "%1", str(path)
    )
    worker = DatabaseWorker(None)
    try:
        with WaitCursor():
            op = worker.run_long_op(
                None,
                label,
                lambda progress: find_damage(path, progress=progress),
                on_failure=lambda _error: None,
            )
            if op.progress is not None:
                op.progress.setCancelButton(None)  # a file half checked is not opened either
            worker.finish_before_start(op)
    finally:
        worker.shutdown()
        worker.deleteLater()
    if op.error is not None:
        raise op.error
    found: list[Damage] = op.result
    return found


class DamagedDatabase(QObject):
    """The prompt for a database found damaged when it is opened: broken pages or records,
    or an empty file."""

    def __init__(self, path: Path, store: QSettings, problems: Sequence[Damage | str]) -> None:
        super().__init__()
        self.path = path
        self.store = store
        # A plain string is SQLite's own finding.
        self.problems = [p if isinstance(p, Damage) else Damage("file", detail=p) for p in problems]
        self.box: QMessageBox | None = None

    def what_happened(self) -> str:
        """The first words of the prompt: what is wrong with the file."""
        first = self.problems[0] if self.problems else Damage("file")
        if first.kind == "empty_file":
            return self.tr(
                "The database %1 is empty (0 bytes): what it held is gone, perhaps after a "
                "disk error or an interrupted copy."
            ).replace("%1", str(self.path))
        if first.kind == "file":
            return self.tr(
                "The database %1 is damaged: SQLite found errors in it. Working on it could "
                "lose more data."
            ).replace("%1", str(self.path))
        text = self.tr("The database %1 is damaged: %2. Working on it could lose more data.")
        text = text.replace("%1", str(self.path)).replace("%2", damage_text(first))
        more = len(self.problems) - 1
        if more == 1:
            text += " " + self.tr("1 more problem is listed under the details.")
        elif more > 1:
            text += " " + self.tr("%1 more problems are listed under the details.").replace(
                "%1", str(more)
            )
        return text

    def newest(self) -> Backup | None:
        """The newest backup of this database in the backup folder."""
        backups = list_backups(backup_settings(self.store).folder, self.path.stem)
        return backups[0] if backups else None

    def offer_restore(self) -> bool:
        """Ask until the clerk restores a backup (True) or gives up (False)."""
        while True:
            newest = self.newest()
            text = self.what_happened()
            if newest is not None:
                text += "\n\n" + self.tr(
                    "The newest backup was taken on %1. Restore it? The damaged file is kept "
                    "beside the database."
                ).replace("%1", f"{newest.taken_at:%d/%m/%Y %H:%M}")
            else:
                folder = backup_settings(self.store).folder
                text += "\n\n" + self.tr("There is no backup in %1. Choose a backup file?").replace(
                    "%1", str(folder)
                )
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Damaged database"), text)
            box.setTextFormat(Qt.TextFormat.PlainText)  # it names the file
            box.setDetailedText("\n".join(damage_text(p) for p in self.problems))
            restore_newest = None
            if newest is not None:
                restore_newest = box.addButton(
                    self.tr("Restore the newest backup"), QMessageBox.ButtonRole.AcceptRole
                )
                restore_newest.setObjectName("restore_newest")
            choose = box.addButton(self.tr("Choose a backup…"), QMessageBox.ButtonRole.ActionRole)
            choose.setObjectName("choose_backup")
            quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
            quit_button.setObjectName("quit")
            box.setEscapeButton(quit_button)
            box.setDefaultButton(restore_newest or choose)
            self.box = box
            box.exec()
            clicked = box.clickedButton()
            if clicked is None or clicked is quit_button:
                return False
            if clicked is restore_newest and newest is not None:
                chosen: Path | None = newest.path
            else:
                chosen = choose_backup(None, self.store)
            if chosen is not None and restore_and_tell(None, self.path, chosen):
                return True
