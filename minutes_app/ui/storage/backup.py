"""Backups in the window: Back up…, Restore…, automatic backups, and a damaged file at open.

Also the checks made before a database is opened (read-only file or folder, damage,
newer schema) and the plain words for a database that cannot be written.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from minutes_app import APP_NAME
from minutes_app.base.files import NotARegularFile, remove_leftovers
from minutes_app.db.backup import (
    SUFFIX,
    Backup,
    BackupError,
    automatic_backup,
    backup_database,
    backup_due,
    check_backup,
    is_database_file,
    list_backups,
    restore,
)
from minutes_app.db.engine import (
    Database,
    DatabaseRefused,
    busy_refusal,
    storage_errors,
    stored_revision,
)
from minutes_app.db.locks import is_busy
from minutes_app.db.soundness import Damage, check_folder, find_damage, fingerprint
from minutes_app.ui.operations import EVERYTHING, Changes, DatabaseWorker
from minutes_app.ui.settings_dialog import BackupSettings, backup_settings
from minutes_app.ui.widgets.common import as_written, ask, inform

CONTEXT = "Backups"
_FILTER = QT_TRANSLATE_NOOP("Backups", "minutes-app databases (*.sqlite3 *.sqlite *.db)")

# Why a backup cannot be used or a restore cannot be done, by BackupError.reason.
_BACKUP_PROBLEMS = {
    "missing": QT_TRANSLATE_NOOP("Backups", "%1 does not exist."),
    "not_minutes": QT_TRANSLATE_NOOP("Backups", "%1 is not a minutes-app database."),
    "empty": QT_TRANSLATE_NOOP("Backups", "%1 holds no minutes-app data."),
    "newer": QT_TRANSLATE_NOOP(
        "Backups",
        "%1 was written by a newer version of minutes-app. Update the program to restore it.",
    ),
    "damaged": QT_TRANSLATE_NOOP("Backups", "%1 is damaged and cannot be used."),
    "same_file": QT_TRANSLATE_NOOP("Backups", "%1 is the database itself, not a backup."),
    "in_use": QT_TRANSLATE_NOOP(
        "Backups",
        "%1 is open in another copy of minutes-app or another program. Close it and try again.",
    ),
    "unwritable": QT_TRANSLATE_NOOP(
        "Backups",
        "The folder of %1 cannot be written (read-only, or the disk is full). Nothing was changed.",
    ),
}


# One line per damaged record, by Damage.kind: %1 table, %2 row, %3 column, %4 value, %5 the
# rule or the table referred to.
_DAMAGE_LINES = {
    "empty_file": QT_TRANSLATE_NOOP("Backups", "the file is empty (0 bytes)"),
    "not_allowed": QT_TRANSLATE_NOOP("Backups", "table %1, row %2: %3 %4 is not allowed"),
    "rule": QT_TRANSLATE_NOOP("Backups", "table %1, row %2: breaks the rule %5"),
    "missing": QT_TRANSLATE_NOOP("Backups", "table %1, row %2: %3 is missing"),
    "date": QT_TRANSLATE_NOOP("Backups", "table %1, row %2: %3 %4 is not a valid date"),
    "datetime": QT_TRANSLATE_NOOP(
        "Backups", "table %1, row %2: %3 %4 is not a valid date and time"
    ),
    "number": QT_TRANSLATE_NOOP("Backups", "table %1, row %2: %3 %4 is not a whole number"),
    "reference": QT_TRANSLATE_NOOP(
        "Backups", "table %1, row %2: %3 refers to %5 %4, which does not exist"
    ),
}


def _translate(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def damage_text(damage: Damage) -> str:
    """One damaged record in the window's language (SQLite's own findings stay as said)."""
    source = _DAMAGE_LINES.get(damage.kind)
    if source is None:
        return str(damage)
    values = [damage.table, damage.row, damage.column, damage.value, damage.detail]
    # In one pass, so that a value holding "%2" is shown as it is.
    return re.sub(r"%([1-5])", lambda m: values[int(m[1]) - 1], _translate(str(source)))


def backup_problem_text(exc: BackupError) -> str:
    """Why a backup cannot be used, in the window's language."""
    source = _BACKUP_PROBLEMS.get(exc.reason)
    if source is None:
        return str(exc)
    return _translate(str(source)).replace("%1", str(exc.path))


def _error_number(exc: BaseException) -> int | None:
    return exc.errno if isinstance(exc, OSError) else None


def storage_error_text(exc: BaseException) -> str:
    """Plain words for a database or file that could not be written or read.

    Takes SQLAlchemy's ``DBAPIError``, ``sqlite3.Error`` or ``OSError``; the words say
    what happened and that what the clerk entered is still in the window.
    """
    original: BaseException = exc
    wrapped = getattr(exc, "orig", None)  # SQLAlchemy's DBAPIError wraps sqlite3's error
    if isinstance(wrapped, BaseException):
        original = wrapped
    if isinstance(original, NotARegularFile | IsADirectoryError):
        return QCoreApplication.translate(
            "Backups",
            "%1 is not a file but a device, a pipe or a folder; nothing was written to it. "
            "Choose a file.",
        ).replace("%1", str(original.filename))
    said = str(original).lower()
    number = _error_number(original)
    if number == errno.ENOSPC or "full" in said:
        source = QT_TRANSLATE_NOOP(
            "Backups",
            "The disk is full, so nothing was written. Free some space and try again; "
            "what you entered is still in the window.",
        )
    elif number in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in said:
        source = QT_TRANSLATE_NOOP(
            "Backups",
            "The database cannot be written: the file or its folder is read-only. "
            "Nothing was changed.",
        )
    elif "locked" in said or "busy" in said:
        source = QT_TRANSLATE_NOOP(
            "Backups",
            "Another copy of minutes-app is busy writing to the database. Try again in a "
            "moment; what you entered is still in the window.",
        )
    elif "malformed" in said or "not a database" in said or "i/o" in said:
        source = QT_TRANSLATE_NOOP(
            "Backups",
            "The database could not be read or written: it may be damaged. Restore it from "
            "a backup with File → Restore from a backup….",
        )
    else:
        return QCoreApplication.translate(
            "Backups", "The database could not be written: %1"
        ).replace("%1", str(original))
    return _translate(str(source))


# --- at open -----------------------------------------------------------------------------


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
        with _busy():
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


class _busy:
    """A wait cursor for the length of a ``with`` block."""

    def __enter__(self) -> None:
        if QGuiApplication.instance() is not None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(
        self,
        _kind: type[BaseException] | None,
        _error: BaseException | None,
        _trace: TracebackType | None,
    ) -> None:
        if QGuiApplication.instance() is not None:
            QGuiApplication.restoreOverrideCursor()


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
                chosen = _choose_backup(None, self.store)
            if chosen is not None and _restore_and_tell(None, self.path, chosen):
                return True


def _choose_backup(parent: QWidget | None, store: QSettings) -> Path | None:
    folder = backup_settings(store).folder
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Backups", "Restore from backup"),
        str(folder if folder.is_dir() else Path.home()),
        _translate(str(_FILTER)) + ";;" + QCoreApplication.translate("Backups", "All files (*)"),
    )
    return Path(name) if name else None


def _restore_and_tell(parent: QWidget | None, db_path: Path, backup: Path) -> bool:
    """Restore ``backup`` over ``db_path``; say how it went. Connections must be closed."""
    try:
        with _busy():
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


# --- menu commands -----------------------------------------------------------------------


def back_up_now(window: QWidget, db: Database, store: QSettings) -> Path | None:
    """File → Back up…: ask where, copy the live database there; the copy's path or None."""
    folder = backup_settings(store).folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path.home()
    suggested = folder / f"{db.path.stem}-{dt.datetime.now():%Y%m%d-%H%M%S}{SUFFIX}"
    name, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("Backups", "Back up the database"),
        str(suggested),
        _translate(str(_FILTER)),
    )
    if not name:
        return None
    target = Path(name)
    if is_database_file(target, db.path):  # a link or its -wal too: never written over
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
        with _busy():
            written = backup_database(db, target)
    except (OSError, sqlite3.Error) as exc:
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
    chosen = _choose_backup(window, store)
    if chosen is None:
        return False
    try:
        with _busy():
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
    if not _restore_and_tell(window, db_path, chosen):
        return False
    undo_stack = getattr(window, "undo_stack", None)
    if undo_stack is not None:
        undo_stack.clear()
    worker = getattr(window, "worker", None)
    if isinstance(worker, DatabaseWorker):
        worker.notify(Changes(EVERYTHING))  # every screen shows the restored records
    return True


# --- automatic backups -------------------------------------------------------------------


def daily_backup(db: Database, store: QSettings, now: dt.datetime | None = None) -> Path | None:
    """Take today's automatic backup if it is turned on and not taken yet.

    Raises ``OSError`` or ``BackupError`` when the copy cannot be made.
    """
    return _daily_backup(db, backup_settings(store), now or dt.datetime.now())


def _daily_backup(db: Database, chosen: BackupSettings, now: dt.datetime) -> Path | None:
    if not chosen.daily or not backup_due(chosen.folder, db.path.stem, now.date()):
        return None
    return automatic_backup(db, chosen.folder, chosen.keep, now=now)


def exit_backup(db: Database, store: QSettings, now: dt.datetime | None = None) -> Path | None:
    """At exit: a backup when "on exit" is on, or today's daily one if still missing."""
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
    beside the database or in the backup folder are removed (``core.files.remove_leftovers``).
    """
    db = worker.db
    assert db is not None

    def copy(chosen: BackupSettings, now: dt.datetime) -> Path | BaseException | None:
        # What a write killed or cut short at an earlier run left behind goes first.
        for folder in {db.path.parent, chosen.folder}:
            remove_leftovers(folder)
        try:
            return _daily_backup(db, chosen, now)
        except (OSError, sqlite3.Error, BackupError) as exc:
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
        with _busy():
            return exit_backup(db, store)
    except (OSError, sqlite3.Error, BackupError) as exc:
        inform(None, APP_NAME, _failed_backup_text(exc), error=True)
        return None


# --- errors that escape a handler ---------------------------------------------------------


@contextmanager
def storage_error_messages() -> Iterator[None]:
    """While the block runs, a database error that escapes an event handler is told in
    plain words instead of only as a traceback on the console; other errors go on as before.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        database_errors = tuple(e for e in storage_errors() if e is not OSError)
        if isinstance(error, database_errors) and QGuiApplication.instance():
            inform(None, APP_NAME, storage_error_text(error), error=True)
            return
        previous(kind, error, trace)

    sys.excepthook = hook
    try:
        yield
    finally:
        sys.excepthook = previous
