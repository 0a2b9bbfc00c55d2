"""Starting the window: the QApplication, the language, the database and its errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QWidget

from minutes_app import APP_NAME, __version__
from minutes_app.base.identity import USER_KEY, chosen_user
from minutes_app.base.paths import data_dir, default_database, settings_file
from minutes_app.db.engine import Database, DatabaseRefused
from minutes_app.db.server import ServerAddress, is_server_address
from minutes_app.ui.widgets.pasting import install as install_plain_paste

if TYPE_CHECKING:
    from minutes_app.ui.main_window import MainWindow

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


def settings() -> QSettings:
    """The app's settings, an INI file in the per-user data folder."""
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


def current_user(store: QSettings) -> str:
    """Who makes the changes of this window: the settings' user name, else the login."""
    return chosen_user(store.value(USER_KEY))


def translations_dir() -> Path:
    return Path(str(files("minutes_app.resources") / "i18n"))


# The translators install_language installed, so that another language replaces them.
_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load the translation of ``language`` and return the app's own translator. English
    is the source language: its translation holds only the plural forms ("1 task overdue",
    "8 tasks overdue"). Qt's own strings (file dialogs, standard buttons, context menus,
    printing: qtbase_vi.qm, as PySide6 ships no Vietnamese one) are installed first, so
    that the app's translation, searched first, has the last word. Dates, month and day
    names follow the language through the default QLocale."""
    remove_language(app)
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
        if language == "vi"
        else QLocale(QLocale.Language.English)
    )
    qt_translator = QTranslator(app)
    qtbase = translations_dir() / f"qtbase_{language}.qm"
    if qtbase.exists() and qt_translator.load(str(qtbase)):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    translator = QTranslator(app)
    if translator.load(str(translations_dir() / f"minutes_app_{language}.qm")):
        app.installTranslator(translator)
        _installed.append(translator)
        return translator
    return None


def remove_language(app: QCoreApplication) -> None:
    """Take away the translations install_language installed: the window speaks English."""
    while _installed:
        app.removeTranslator(_installed.pop())


def chosen_language(args_lang: str | None, store: QSettings) -> str:
    language = args_lang or str(store.value("language", DEFAULT_LANGUAGE))
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


# Why a database is refused, by DatabaseRefused.reason; %1 is the file or the server's URL
# (never with a password). A reason has its own words for a server as "server_<reason>".
_REFUSALS = {
    "folder": QT_TRANSLATE_NOOP("App", "%1 is a folder, not a database file."),
    "not_sqlite": QT_TRANSLATE_NOOP(
        "App", "%1 is not a minutes-app database (not an SQLite file)."
    ),
    "foreign": QT_TRANSLATE_NOOP(
        "App", "%1 is an SQLite database of another program, not of minutes-app."
    ),
    "unreadable": QT_TRANSLATE_NOOP("App", "%1 cannot be read as a database: it may be damaged."),
    "newer": QT_TRANSLATE_NOOP(
        "App",
        "%1 was written by a newer version of minutes-app. Please update the program; "
        "the file was not changed.",
    ),
    "busy": QT_TRANSLATE_NOOP(
        "App",
        "%1 is busy: another copy of minutes-app is writing to it (it may be upgrading it). "
        "Try again in a moment.",
    ),
    "unusable": QT_TRANSLATE_NOOP(
        "App", "%1 cannot be opened: the folder may be read-only or the disk full."
    ),
    "no_folder": QT_TRANSLATE_NOOP(
        "App",
        "%1 cannot be opened: its folder does not exist (is the drive or network share "
        "connected?). Nothing was created.",
    ),
    "not_set_up": QT_TRANSLATE_NOOP(
        "App",
        "%1 is an empty database: the office's administrator makes it ready with "
        "“minutes-app server-setup” first. Nothing was changed.",
    ),
    "server_old": QT_TRANSLATE_NOOP(
        "App",
        "%1 needs upgrading to this version of minutes-app: the office's administrator runs "
        "“minutes-app server-setup” on it. Nothing was changed.",
    ),
    "unreachable": QT_TRANSLATE_NOOP(
        "App",
        "The office server of %1 cannot be reached: is the network connected and the server "
        "running? Nothing was changed.",
    ),
    "password": QT_TRANSLATE_NOOP(
        "App",
        "The office server of %1 needs the password of this login; without it nothing was opened.",
    ),
    "refused": QT_TRANSLATE_NOOP(
        "App",
        "The office server refused to open %1: the database may not exist, or this login may "
        "not use it. Ask the office's administrator.",
    ),
    # Moving a file to the server (db/copying.py's refusals): %1 is the server database.
    "dest_not_empty": QT_TRANSLATE_NOOP(
        "App",
        "%1 is not empty: a file is moved only into a database the office's administrator "
        "has just made ready with “minutes-app server-setup”. Nothing was changed.",
    ),
    "dest_busy": QT_TRANSLATE_NOOP(
        "App",
        "%1 is in use: someone is writing to it. Nothing was changed; try again when nobody "
        "works in it.",
    ),
    "server_foreign": QT_TRANSLATE_NOOP(
        "App", "%1 is a database of another program, not of minutes-app. Nothing was changed."
    ),
    "server_newer": QT_TRANSLATE_NOOP(
        "App",
        "%1 was set up by a newer version of minutes-app. Please update the program; the "
        "database was not changed.",
    ),
}


def refusal_text(exc: DatabaseRefused) -> str:
    """Why a database file or a database on the server cannot be opened, in the window's
    language."""
    source = _REFUSALS.get(exc.reason)
    if is_server_address(str(exc.path)):
        source = _REFUSALS.get(f"server_{exc.reason}", source)
    if source is None:
        return str(exc)
    return QCoreApplication.translate("App", str(source)).replace("%1", str(exc.path))


class _FirstExpose(QObject):
    """Calls back once, just after the window was first exposed (and so painted)."""

    def __init__(self, window: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(window)
        self._callback: Callable[[], object] | None = callback
        handle = window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self)
        QTimer.singleShot(2000, self, self._fire)  # a window that is never exposed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)  # after the paint that follows the expose
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def warm_up(db: Database) -> None:
    """Load what the screens after the first need (SQLAlchemy, the models, the services)
    and read the register's first page as it opens by default, so that the statements it
    needs are built and kept: the first click on them does not wait for it. Run on the
    database worker once the first screen is painted."""
    import datetime as dt

    from sqlalchemy.orm import configure_mappers

    import minutes_app.core.conferences.catalogue
    import minutes_app.core.conferences.loading
    import minutes_app.core.conferences.saving
    import minutes_app.core.tasks.actions
    import minutes_app.ui.tasks.detail  # noqa: F401
    from minutes_app.core.tasks.query import TaskQuery, TaskRegister
    from minutes_app.ui.tasks.register import PAGE

    configure_mappers()
    TaskRegister(db, TaskQuery(as_of=dt.date.today())).page(0, PAGE + 1)


@dataclass
class Started:
    """The window on screen and what it was opened with (``path`` None on a server)."""

    app: QApplication
    window: MainWindow
    db: Database
    store: QSettings
    path: Path | None


def start_app(
    args: argparse.Namespace, location: str | Path | ServerAddress | None = None
) -> Started | None:
    """Open the main window on the database named by ``args`` (or ``location``: an SQLite
    path, a server's URL or address) and show it, or say why not (None). Loading the rest
    of the program, the reminder and the daily backup follow the first paint; ``run_app``
    then runs the event loop. benchmarks/run.py times this."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    store = settings()
    install_plain_paste(app)  # what is pasted into a text field is made plain first
    install_language(app, chosen_language(args.lang, store))
    if location is None:
        location = str(args.db) if args.db else default_database()
    from minutes_app.ui.storage import backup as backup_ui

    path: Path | None = None
    if isinstance(location, ServerAddress) or is_server_address(str(location)):
        from minutes_app.ui.storage.connecting import open_server_at_start

        # Checked on a worker (the server may be slow to answer), the password asked for
        # if the server wants one; a refusal said plainly.
        db = open_server_at_start(
            location if isinstance(location, ServerAddress) else str(location)
        )
    else:
        from minutes_app.ui.storage.opening import open_checked

        path = Path(location)
        # A missing folder (only the data folder is made), read-only file or folder, damage
        # or an empty file (restore offered), newer schema: said plainly.
        db = open_checked(path, store, refusal_text, data_dir())
    if db is None:
        return None
    from minutes_app.ui.storage.recent import remember_database

    remember_database(store, db.server or db.file)

    from minutes_app.ui.main_window import MainWindow

    window = MainWindow(db, store)
    window.show()

    def after_paint() -> None:
        if not window.isVisible():  # closed already (switched to another database)
            return
        window.after_first_paint()
        if db.server is None:  # the office's administrator backs up the server
            backup_ui.schedule_daily_backup(window, window.worker, store)

    _FirstExpose(window, after_paint)
    return Started(app, window, db, store, path)


def finish(started: Started) -> None:
    """What follows a window's closing: what runs on the database ends, the backup at exit
    (of a file), the database closed and, for a file, noted as closed cleanly."""
    from minutes_app.ui.storage import backup as backup_ui
    from minutes_app.ui.storage.opening import remember_clean_close

    started.window.stop_working()  # what runs on the database ends before it closes
    if started.db.server is None:
        backup_ui.backup_at_exit(started.db, started.store)
    started.db.close()
    if started.path is not None:
        remember_clean_close(started.path, started.store)
    started.window.deleteLater()


def run_app(args: argparse.Namespace) -> int:
    """Open the main window on the database named by ``args`` and run the event loop.

    File → Open database…, Connect to office server… and Recent databases close the window
    (asking about unsaved work as closing does) and open it again on the database chosen;
    one that cannot be opened is said, and the window opens again on the one before."""
    started = start_app(args)
    if started is None:
        return 1
    from minutes_app.ui.storage.messages import storage_error_messages

    while True:
        with storage_error_messages():
            code = started.app.exec()
        following = started.window.next_database
        finish(started)
        if following is None:
            return code
        before: Path | ServerAddress = started.db.server or started.db.file
        started = start_app(args, following) or start_app(args, before)
        if started is None:
            return 1
