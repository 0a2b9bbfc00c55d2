"""The databases opened lately, for File → Recent databases: SQLite paths and server URLs,
newest first, kept in the settings. A URL is kept without its password (a
``ServerAddress``'s ``url`` never holds one)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QMenu, QWidget

from minutes_app.db.server import ServerAddress, is_server_address

RECENT_KEY = "recent_databases"
MOST_RECENT = 8


def location_text(location: str | Path | ServerAddress) -> str:
    """How a database is named in the list: a file's absolute path, a server's URL."""
    if isinstance(location, ServerAddress):
        return location.url
    if is_server_address(str(location)):
        return ServerAddress.parse(str(location)).url  # a password written in it goes
    return str(Path(location).absolute())


def recent_databases(store: QSettings) -> list[str]:
    """The databases opened lately, newest first."""
    value = store.value(RECENT_KEY, [])
    if isinstance(value, str):  # an INI file gives a list of one as its one string
        value = [value] if value else []
    if not isinstance(value, list):
        return []
    return [str(item) for item in value if str(item)][:MOST_RECENT]


def _store(store: QSettings, locations: list[str]) -> None:
    store.setValue(RECENT_KEY, locations[:MOST_RECENT])
    store.sync()


def remember_database(store: QSettings, location: str | Path | ServerAddress) -> None:
    """Put ``location`` at the top of the list (once), keeping the newest few."""
    text = location_text(location)
    _store(store, [text, *(item for item in recent_databases(store) if item != text)])


def forget_database(store: QSettings, location: str) -> None:
    _store(store, [item for item in recent_databases(store) if item != location])


class RecentMenu(QMenu):
    """File → Recent databases: one entry per database, the open one checked; choosing
    another emits ``chosen`` with its path or URL. Filled each time it opens."""

    chosen = Signal(str)

    def __init__(self, store: QSettings, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recent_databases")
        self.store = store
        self.current = current
        self.aboutToShow.connect(self.fill)
        self.fill()

    def fill(self) -> None:
        self.clear()
        locations = recent_databases(self.store)
        for number, location in enumerate(locations, start=1):
            # "&1 path": a digit to choose it by; an & of the path shown as written.
            text = location.replace("&", "&&")
            action = self.addAction(f"&{number} {text}" if number < 10 else text)
            action.setData(location)
            if location == self.current:
                action.setCheckable(True)
                action.setChecked(True)
                action.setEnabled(False)
            else:
                action.triggered.connect(lambda _=False, chosen=location: self.chosen.emit(chosen))
        if not locations:
            self.addAction(self.tr("(none yet)")).setEnabled(False)
            return
        self.addSeparator()
        self.addAction(self.tr("&Clear the list"), self._clear)

    def _clear(self) -> None:
        _store(self.store, [item for item in recent_databases(self.store) if item == self.current])
