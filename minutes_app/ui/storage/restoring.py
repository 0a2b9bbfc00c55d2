"""Restoring the database from a backup: File → Restore from a backup…, and the restore
offered for a database found damaged at open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from minutes_app.db.backup import BackupError, check_backup, restore
from minutes_app.db.engine import Database
from minutes_app.ui.operations import EVERYTHING, Changes, DatabaseWorker
from minutes_app.ui.settings_dialog import backup_settings
from minutes_app.ui.storage.messages import DATABASE_FILES, backup_problem_text, translate
from minutes_app.ui.storage.wait_cursor import WaitCursor
from minutes_app.ui.widgets.common import ask, inform


def choose_backup(parent: QWidget | None, store: QSettings) -> Path | None:
    folder = backup_settings(store).folder
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Backups", "Restore from backup"),
        str(folder if folder.is_dir() else Path.home()),
        translate(str(DATABASE_FILES))
        + ";;"
        + QCoreApplication.translate("Backups", "All files (*)"),
    )
    return Path(name) if name else None


def restore_and_tell(parent: QWidget | None, db_path: Path, backup: Path) -> bool:
    """Restore ``backup`` over ``db_path``; say how it went. Connections must be closed."""
    try:
        with WaitCursor():
            aside = restore(db_path, backup)
    except BackupError as exc:
        inform(
            parent,
            QCoreApplication.translate("Backups", "Restore from backup"),
            backup_problem_text(exc),
            error=True,
        )
        return False
    text = QCoreApplication.translate("Backups", "The database was restored from %1.").replace(
        "%1", str(backup)
    )
    if aside is not None:
        text += "\n" + QCoreApplication.translate(
            "Backups", "The database it replaced was kept as %1."
        ).replace("%1", str(aside))
    inform(parent, QCoreApplication.translate("Backups", "Restore from backup"), text)
    return True


def restore_from_backup(
    window: QWidget, db_path: Path, store: QSettings, db: Database | None = None
) -> bool:
    """File → Restore from a backup…: choose a backup, confirm, and replace the database.

    The backup is checked before anything changes; the replaced database is kept beside
    it. ``db`` (default: ``window.db``) is the open database; its connections are closed
    for the swap and reopen by themselves on next use. On success the window's undo
    history is cleared (it names records of the replaced database) and it is refreshed.
    Returns True when the database was replaced.
    """
    editor = getattr(window, "editor", None)
    if isinstance(editor, QWidget) and editor.isVisible():
        inform(
            window,
            QCoreApplication.translate("Backups", "Restore from backup"),
            QCoreApplication.translate(
                "Backups", "Close the conference that is open in the editor first."
            ),
        )
        return False
    chosen = choose_backup(window, store)
    if chosen is None:
        return False
    try:
        with WaitCursor():
            check_backup(chosen)
    except BackupError as exc:
        inform(
            window,
            QCoreApplication.translate("Backups", "Restore from backup"),
            backup_problem_text(exc),
            error=True,
        )
        return False
    taken = dt.datetime.fromtimestamp(chosen.stat().st_mtime)
    question = (
        QCoreApplication.translate(
            "Backups",
            "Replace the database %1 with the backup %2, last changed on %3? "
            "What was entered after that backup is replaced too.",
        )
        .replace("%1", str(db_path))
        .replace("%2", chosen.name)
        .replace("%3", f"{taken:%d/%m/%Y %H:%M}")
        + "\n\n"
        + QCoreApplication.translate("Backups", "The current database is kept beside it as a copy.")
    )
    if not ask(
        window,
        QCoreApplication.translate("Backups", "Restore from backup"),
        question,
        QCoreApplication.translate("Backups", "Restore"),
    ):
        return False
    if db is None:
        found = getattr(window, "db", None)
        db = found if isinstance(found, Database) else None
    if db is not None:
        db.close()  # the pool reconnects on next use, to the restored file
    if not restore_and_tell(window, db_path, chosen):
        return False
    undo_stack = getattr(window, "undo_stack", None)
    if undo_stack is not None:
        undo_stack.clear()
    worker = getattr(window, "worker", None)
    if isinstance(worker, DatabaseWorker):
        worker.notify(Changes(EVERYTHING))  # every screen shows the restored records
    return True
