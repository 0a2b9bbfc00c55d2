"""Storage problems in plain words, in the window's language: why a backup cannot be used,
what is damaged in a database, why a file could not be written; and, while the window
runs, the same words for a database error that escapes an event handler."""

from __future__ import annotations

import errno
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QGuiApplication

from minutes_app import APP_NAME
from minutes_app.base.files import NotARegularFile
from minutes_app.db.backup import BackupError
from minutes_app.db.engine import storage_errors
from minutes_app.db.reaching import is_server_lost
from minutes_app.db.server import SIGNED_OFF_MESSAGE, not_allowed
from minutes_app.db.soundness import Damage
from minutes_app.ui.widgets.common import inform

CONTEXT = "Backups"
# The filter of the file dialogs that choose a database or a backup.
DATABASE_FILES = QT_TRANSLATE_NOOP("Backups", "minutes-app databases (*.sqlite3 *.sqlite *.db)")

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


def translate(source: str) -> str:
    """``source``, marked in the "Backups" context, in the window's language."""
    return QCoreApplication.translate(CONTEXT, source)


def damage_text(damage: Damage) -> str:
    """One damaged record in the window's language (SQLite's own findings stay as said)."""
    source = _DAMAGE_LINES.get(damage.kind)
    if source is None:
        return str(damage)
    values = [damage.table, damage.row, damage.column, damage.value, damage.detail]
    # In one pass, so that a value holding "%2" is shown as it is.
    return re.sub(r"%([1-5])", lambda m: values[int(m[1]) - 1], translate(str(source)))


def backup_problem_text(exc: BackupError) -> str:
    """Why a backup cannot be used, in the window's language."""
    source = _BACKUP_PROBLEMS.get(exc.reason)
    if source is None:
        return str(exc)
    return translate(str(source)).replace("%1", str(exc.path))


def _error_number(exc: BaseException) -> int | None:
    return exc.errno if isinstance(exc, OSError) else None


def storage_error_text(exc: BaseException) -> str:
    """Plain words for a database or file that could not be written or read.

    Takes one of ``storage_errors()`` (SQLAlchemy's ``DBAPIError``, the database driver's
    error, ``OSError``); the words say what happened and that what the clerk entered is
    still in the window.
    """
    if is_server_lost(exc):
        return QCoreApplication.translate(
            "Backups",
            "The office server cannot be reached (the network or the server is down), so "
            "nothing was read or saved. What you typed is kept in the window; the program "
            "tries the server again and says when it answers.",
        )
    refused = not_allowed(exc)
    if refused == SIGNED_OFF_MESSAGE:
        return QCoreApplication.translate(
            "Backups",
            "The conference is signed off: it must be reopened, with a reason, before it is "
            "changed. Nothing was written.",
        )
    if refused is not None:
        return QCoreApplication.translate(
            "Backups",
            "The office server refused: your login's role may not do this (%1). Nothing was "
            "written; ask the office's administrator if you should be able to.",
        ).replace("%1", refused)
    original: BaseException = exc
    wrapped = getattr(exc, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's error
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
    return translate(str(source))


@contextmanager
def storage_error_messages() -> Iterator[None]:
    """While the block runs, a database error that escapes an event handler is told in
    plain words instead of only as a traceback on the console; other errors go on as before.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        database_errors = tuple(e for e in storage_errors() if e is not OSError)
        lost = is_server_lost(error)  # a ServerError is no driver's error
        if (lost or isinstance(error, database_errors)) and QGuiApplication.instance():
            inform(None, APP_NAME, storage_error_text(error), error=True)
            return
        previous(kind, error, trace)

    sys.excepthook = hook
    try:
        yield
    finally:
        sys.excepthook = previous
