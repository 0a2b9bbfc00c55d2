"""Making backups from the window: File → Back up…, the daily backup taken after the
window shows, and the one taken at exit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from minutes_app import APP_NAME
from minutes_app.base.files import remove_leftovers
from minutes_app.db.backup import (
    SUFFIX,
    BackupError,
    automatic_backup,
    backup_database,
    backup_due,
    is_database_file,
)
from minutes_app.db.engine import Database, storage_errors
from minutes_app.ui.operations import DatabaseWorker
from minutes_app.ui.settings_dialog import BackupSettings, backup_settings
from minutes_app.ui.storage.messages import (
    DATABASE_FILES,
    backup_problem_text,
    storage_error_text,
    translate,
)
from minutes_app.ui.storage.wait_cursor import WaitCursor
from minutes_app.ui.widgets.common import inform


def _backup_failures() -> tuple[type[BaseException], ...]:
    """What a backup may fail with: the refusals of the disk and the database, and
    ``BackupError``; for an ``except`` clause."""
    return (*storage_errors(), BackupError)


def back_up_now(
    window: QWidget, db: Database, store: QSettings, worker: DatabaseWorker | None = None
) -> Path | None:
    """File → Back up…: ask where, copy the live database there; the copy's path or None.

    A database on the office's server is written as an SQLite snapshot file, on ``worker``
    when one is given (the copy reads the whole database over the network): the status bar
    then says where it went, and None is returned at once."""
    folder = backup_settings(store).folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path.home()
    stem = db.path.stem if db.path is not None else (db.server.database if db.server else "")
    suggested = folder / f"{stem or 'minutes'}-{dt.datetime.now():%Y%m%d-%H%M%S}{SUFFIX}"
    name, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("Backups", "Back up the database"),
        str(suggested),
        translate(str(DATABASE_FILES)),
    )
    if not name:
        return None
    target = Path(name)
    if db.server is not None:
        if worker is not None:
            _back_up_in_background(window, worker, db, target)
            return None
    elif is_database_file(target, db.file):  # a link or its -wal too: never written over
        inform(
            window,
            QCoreApplication.translate("Backups", "Back up"),
            QCoreApplication.translate(
                "Backups", "%1 is the database itself; choose another file."
            ).replace("%1", name),
            error=True,
        )
        return None
    try:
        with WaitCursor():
            written = backup_database(db, target)
    except storage_errors() as exc:
        inform(
            window,
            QCoreApplication.translate("Backups", "Back up"),
            storage_error_text(exc),
            error=True,
        )
        return None
    message = QCoreApplication.translate("Backups", "Backed up to %1").replace("%1", str(written))
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, 8000)
    else:
        inform(window, QCoreApplication.translate("Backups", "Back up"), message)
    return written


def _back_up_in_background(
    window: QWidget, worker: DatabaseWorker, db: Database, target: Path
) -> None:
    title = QCoreApplication.translate("Backups", "Back up")

    def done(written: Path) -> None:
        message = QCoreApplication.translate("Backups", "Backed up to %1").replace(
            "%1", str(written)
        )
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 8000)
        else:
            inform(window, title, message)

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, _backup_failures()):
            raise exc
        reason = (
            backup_problem_text(exc) if isinstance(exc, BackupError) else storage_error_text(exc)
        )
        inform(window, title, reason, error=True)

    label = QCoreApplication.translate("Backups", "Backing up %1…").replace("%1", db.where)
    op = worker.run_long_op(
        window, label, lambda _progress: backup_database(db, target), done, failed
    )
    if op.progress is not None:
        op.progress.setCancelButton(None)  # a snapshot is written whole or not at all


def daily_backup(db: Database, store: QSettings, now: dt.datetime | None = None) -> Path | None:
    """Take today's automatic backup if it is turned on and not taken yet.

    Raises ``OSError`` or ``BackupError`` when the copy cannot be made.
    """
    return _daily_backup(db, backup_settings(store), now or dt.datetime.now())


def _daily_backup(db: Database, chosen: BackupSettings, now: dt.datetime) -> Path | None:
    if db.path is None:  # the office's administrator backs up the server
        return None
    if not chosen.daily or not backup_due(chosen.folder, db.path.stem, now.date()):
        return None
    return automatic_backup(db, chosen.folder, chosen.keep, now=now)


def exit_backup(db: Database, store: QSettings, now: dt.datetime | None = None) -> Path | None:
    """At exit: a backup when "on exit" is on, or today's daily one if still missing."""
    if db.path is None:  # the office's administrator backs up the server
        return None
    chosen = backup_settings(store)
    now = now or dt.datetime.now()
    due = chosen.daily and backup_due(chosen.folder, db.path.stem, now.date())
    if not chosen.on_exit and not due:
        return None
    return automatic_backup(db, chosen.folder, chosen.keep, now=now)


def _failed_backup_text(exc: BaseException) -> str:
    reason = backup_problem_text(exc) if isinstance(exc, BackupError) else storage_error_text(exc)
    return QCoreApplication.translate(
        "Backups", "The automatic backup could not be made: %1"
    ).replace("%1", reason)


def schedule_daily_backup(window: QMainWindow, worker: DatabaseWorker, store: QSettings) -> None:
    """Take the daily backup shortly after the window is shown, not before, on the
    database worker: copying a large database takes a second or more. The status bar
    tells how it went. Before it, the temporary files that a killed or failed write left
    beside the database or in the backup folder are removed (``base.files.remove_leftovers``).
    """
    db = worker.db
    assert db is not None
    db_path = db.path
    if db_path is None:  # the office's administrator backs up the server
        return

    def copy(chosen: BackupSettings, now: dt.datetime) -> Path | BaseException | None:
        # What a write killed or cut short at an earlier run left behind goes first.
        for folder in {db_path.parent, chosen.folder}:
            remove_leftovers(folder)
        try:
            return _daily_backup(db, chosen, now)
        except _backup_failures() as exc:
            return exc

    def done(outcome: Path | BaseException | None) -> None:
        if isinstance(outcome, BaseException):
            window.statusBar().showMessage(_failed_backup_text(outcome), 15000)
        elif outcome is not None:
            window.statusBar().showMessage(
                QCoreApplication.translate("Backups", "Automatic backup: %1").replace(
                    "%1", str(outcome)
                ),
                8000,
            )

    def start() -> None:
        chosen, now = backup_settings(store), dt.datetime.now()  # settings read here
        worker.run_op(window, lambda: copy(chosen, now), done)

    QTimer.singleShot(1500, window, start)


def backup_at_exit(db: Database, store: QSettings) -> Path | None:
    """The automatic backup at exit; a failure is told in a message box."""
    try:
        with WaitCursor():
            return exit_backup(db, store)
    except _backup_failures() as exc:
        inform(None, APP_NAME, _failed_backup_text(exc), error=True)
        return None
