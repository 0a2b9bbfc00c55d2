"""The README names the window's menus as they are, in Vietnamese with the English beside,
and its defaults as they are (issue 14, point 20)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from minutes_app.base.paths import data_dir
from minutes_app.db.engine import Database
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.settings_dialog import default_backup_folder

REPO = Path(__file__).resolve().parents[2]
# The README's text with its line breaks as spaces: a path may wrap.
README = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
TOP = ("File", "Edit", "View", "Help")
# "Tệp → Cài đặt… (File → Settings…" : the Vietnamese path, then the English one.
MENU_PATH = re.compile(
    r"((?:Tệp|Sửa|Xem|Trợ giúp) → [^()`]+?) \(((?:File|Edit|View|Help) → [^,;)]+)"
)
# The .ts context of the menu items not made by the main window itself.
ITEM_CONTEXTS = {
    "Export": "ExportActions",
    "Print preview": "ExportActions",
    "Open database…": "DatabaseActions",
    "Connect to office server…": "DatabaseActions",
    "Recent databases": "DatabaseActions",
    "Move to office server…": "DatabaseActions",
}
# A dialog's part named after a menu item (the third step of a path) and its .ts context.
DIALOG_CONTEXTS = ("SettingsDialog",)


def plain(text: str) -> str:
    """A menu text as read: without its & mnemonic."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def translations() -> dict[str, dict[str, str]]:
    """context → {source: translation} of the Vietnamese .ts, mnemonics removed."""
    found: dict[str, dict[str, str]] = {}
    root = ET.parse(REPO / "resources/i18n/minutes_app_vi.ts").getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = plain(message.findtext("source") or "")
            found.setdefault(name, {})[source] = plain(message.findtext("translation") or "")
    return found


def menu_items(window: MainWindow) -> dict[str, set[str]]:
    """Each menu's title and the items in it (submenus by their title)."""
    items: dict[str, set[str]] = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        items[plain(action.text())] = {
            plain(a.menu().title()) if isinstance(a.menu(), QMenu) else plain(a.text())  # type: ignore[union-attr]
            for a in menu.actions()
            if not a.isSeparator()
        }
    return items


def test_every_menu_path_of_the_readme_is_the_windows_in_both_languages(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    items = menu_items(window)
    vi = translations()
    paths = MENU_PATH.findall(README)

    assert len(paths) >= 10
    for vietnamese, english in paths:
        top, item, *inside = [step.strip() for step in english.split("→")]
        assert item in items[top], english
        in_dialog = [vi[c].get(step) for c in DIALOG_CONTEXTS for step in inside]
        assert all(in_dialog) or not inside, english
        expected = [vi["MainWindow"].get(top) or top]
        expected.append(vi[ITEM_CONTEXTS.get(item, "MainWindow")].get(item, "?"))
        expected.extend(v for v in in_dialog if v)
        assert [s.strip() for s in vietnamese.split("→")] == expected, english


def test_the_readme_names_no_menu_in_english_alone() -> None:
    """An English path stands only in brackets, after the Vietnamese one the window shows."""
    bare = [
        m.group(0)
        for m in re.finditer(r"(?<!\()\b(?:File|Edit|View|Help|Settings) → [^,.;)]+", README)
    ]
    assert bare == []


def test_the_readme_gives_the_backup_folder_default_as_it_is() -> None:
    assert default_backup_folder() == data_dir() / "backups"
    assert "`~/.local/share/minutes-app/backups`" in README
    assert "backups` beside the database" not in README


def test_the_readme_says_what_happens_without_a_desktop() -> None:
    assert "the window needs a desktop session, and there is none here" in README
