"""Choosing the database from the window (issue 15, point 1): File → Open database…,
Connect to office server…, Recent databases; switching reopens the window on the one
chosen, asking about unsaved work as closing does."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from minutes_app.db.engine import Database
from minutes_app.db.server import ServerAddress
from minutes_app.ui.app import run_app, settings
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.storage.connecting import ConnectDialog
from minutes_app.ui.storage.recent import (
    MOST_RECENT,
    forget_database,
    recent_databases,
    remember_database,
)
from tests.ui.helpers import Messages, open_editor_of, settle, type_text

CLOSED = "postgresql://postgres@127.0.0.1:9/minutes"  # nothing listens on port 9


@pytest.fixture
def messages(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Messages:
    return Messages(monkeypatch)


@pytest.fixture
def window(qtbot: QtBot, db: Database, store: QSettings) -> MainWindow:
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    return window


# --- the list ----------------------------------------------------------------------------


def test_the_recent_list_is_newest_first_short_and_never_holds_a_password(
    store: QSettings, tmp_path: Path
) -> None:
    for n in range(MOST_RECENT + 2):
        remember_database(store, tmp_path / f"db{n}.sqlite3")
    remember_database(store, tmp_path / "db3.sqlite3")  # again: to the top, once
    remember_database(store, "postgresql://lan:s3cret@server.office/minutes")
    remember_database(store, ServerAddress.parse("postgresql://lan@server.office/other", "pw"))
    listed = recent_databases(store)
    assert listed[:3] == [
        "postgresql://lan@server.office/other",
        "postgresql://lan@server.office/minutes",
        str(tmp_path / "db3.sqlite3"),
    ]
    assert len(listed) == MOST_RECENT and len(set(listed)) == MOST_RECENT
    store.sync()
    written = Path(store.fileName()).read_text(encoding="utf-8")
    assert "s3cret" not in written and "pw" not in written.replace("postgresql", "")
    forget_database(store, listed[0])
    assert recent_databases(store)[0] == "postgresql://lan@server.office/minutes"


def test_the_menu_lists_them_with_the_open_one_checked(
    window: MainWindow, store: QSettings, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite3"
    remember_database(store, other)
    remember_database(store, window.db.file)
    menu = window.databases.recent_menu
    menu.fill()
    entries = [a for a in menu.actions() if a.data()]
    assert [a.data() for a in entries] == [str(window.db.file), str(other)]
    assert entries[0].isChecked() and not entries[0].isEnabled()
    assert entries[1].isEnabled() and entries[1].text() == f"&2 {other}"


# --- the connect dialog --------------------------------------------------------------------


def test_the_connect_dialog_builds_the_address_from_its_fields_or_a_url(qtbot: QtBot) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    assert dialog.address() is None and not dialog.buttons.ok.isEnabled()
    assert dialog.port.value() == 5432
    type_text(dialog.host, "server.office")
    assert not dialog.buttons.ok.isEnabled()  # a database is needed too
    type_text(dialog.database, "minutes")
    type_text(dialog.login, "lan")
    address = dialog.address()
    assert address is not None and address.url == "postgresql://lan@server.office/minutes"
    assert dialog.buttons.ok.isEnabled()
    assert dialog.preview.text() == "Address: postgresql://lan@server.office/minutes"
    dialog.port.setValue(5433)
    assert dialog.address() == ServerAddress.parse("postgresql://lan@server.office:5433/minutes")
    # A whole URL pasted replaces the fields; a password in it is kept in memory only.
    type_text(dialog.url, "postgresql://an:bí-mật@10.0.0.5/office")
    assert not dialog.host.isEnabled()
    pasted = dialog.address()
    assert pasted is not None and pasted.url == "postgresql://an@10.0.0.5/office"
    assert pasted.password == "bí-mật" and "bí-mật" not in dialog.preview.text()
    dialog.url.setText("mysql://x")
    assert dialog.address() is None and not dialog.buttons.ok.isEnabled()
    assert "is not an address of an office server" in dialog.preview.text()


def test_the_connect_dialog_starts_from_the_server_open_now(qtbot: QtBot) -> None:
    dialog = ConnectDialog(None, ServerAddress.parse("postgresql://lan@db.office:6432/minutes"))
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text()) == (
        "db.office",
        6432,
        "minutes",
    )
    assert dialog.login.text() == "lan" and dialog.url.text() == ""


# --- choosing one that is not there ---------------------------------------------------------


def test_a_missing_file_of_the_list_is_said_and_can_be_removed(
    qtbot: QtBot, window: MainWindow, store: QSettings, tmp_path: Path, messages: Messages
) -> None:
    gone = str(tmp_path / "moved-away.sqlite3")
    remember_database(store, gone)
    messages.press = ["remove"]
    window.databases.recent_menu.fill()
    [entry] = [a for a in window.databases.recent_menu.actions() if a.data() == gone]
    entry.trigger()
    assert messages.texts == [
        f"{gone} is not there any more: it was moved or deleted, or it is on a drive or "
        "network share that is not connected."
    ]
    assert gone not in recent_databases(store)
    assert window.isVisible() and window.next_database is None


def test_an_unreachable_server_of_the_list_is_said_and_may_stay_in_it(
    qtbot: QtBot, window: MainWindow, store: QSettings, messages: Messages
) -> None:
    remember_database(store, CLOSED)
    window.databases.open_location(CLOSED, recent=True)  # checked off the UI thread
    qtbot.waitUntil(lambda: bool(messages.texts), timeout=15_000)
    assert messages.texts == [
        f"The office server of {CLOSED} cannot be reached: is the network connected and the "
        "server running? Nothing was changed."
    ]
    assert CLOSED in recent_databases(store)  # Escape keeps it
    assert window.isVisible() and window.next_database is None


# --- switching --------------------------------------------------------------------------------


def test_unsaved_work_is_asked_about_and_kept_editing_stays(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, messages: Messages
) -> None:
    other = tmp_path / "other.sqlite3"
    Database.open(other).close()
    editor = open_editor_of(qtbot, window)
    type_text(editor.title_edit, "Chưa lưu")
    assert not window.switch_to(other)  # "Keep editing" (the escape button)
    assert messages.texts == ["This conference has changes that are not saved."]
    assert window.isVisible() and editor.isVisible() and window.next_database is None
    editor.undo_stack.setClean()
    assert window.switch_to(other)
    assert window.next_database == other and not window.isVisible()


def test_open_database_switches_to_the_file_chosen(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.sqlite3"
    Database.open(other).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window.databases.open_action.trigger()
    assert window.next_database == other and not window.isVisible()


def _driver(steps: list[Callable[[MainWindow], object]], seen: list[str]) -> None:
    """Run each step on the next main window run_app shows, once it has read its rows."""
    last: list[MainWindow] = []

    def look() -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and w not in last
        ]
        if not shown or not shown[0].worker.idle():
            QTimer.singleShot(50, look)
            return
        window = shown[0]
        last[:] = [window]
        seen.append(window.status_db.text())
        steps.pop(0)(window)
        if steps:
            QTimer.singleShot(50, look)

    QTimer.singleShot(0, look)


@pytest.mark.postgresql
def test_switching_reopens_the_window_on_the_server_and_back_on_the_file(
    qtbot: QtBot, db_path: Path, server_url: str, messages: Messages, monkeypatch: Any
) -> None:
    Database.open(db_path).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(db_path), ""))

    def to_server(window: MainWindow) -> None:  # File → Connect to office server…
        window.databases.open_location(server_url)

    def back_by_the_list(window: MainWindow) -> None:
        assert window.conference_page.model.visible_count() == 5
        menu = window.databases.recent_menu
        menu.fill()
        [entry] = [a for a in menu.actions() if a.data() == str(db_path)]
        entry.trigger()

    def refused_then_quit(window: MainWindow) -> None:
        # A server that cannot be reached is said while the window stays as it is.
        window.databases.open_location(CLOSED)
        qtbot.waitUntil(lambda: bool(messages.texts), timeout=15_000)
        assert window.isVisible() and window.next_database is None
        window.databases.open_file()  # the file open now: nothing to switch to
        assert window.statusBar().currentMessage() == f"{db_path} is open already."
        window.close()

    seen: list[str] = []
    _driver([to_server, back_by_the_list, refused_then_quit], seen)
    assert run_app(argparse.Namespace(db=str(db_path), lang="en")) == 0
    assert seen == [
        f"Database: {db_path}",
        f"Office server: {server_url}",
        f"Database: {db_path}",
    ]
    assert len(messages.texts) == 1 and "cannot be reached" in messages.texts[0]
    assert recent_databases(settings())[:2] == [str(db_path), server_url]


def test_a_file_that_cannot_be_opened_brings_the_window_back_on_the_one_before(
    qtbot: QtBot, db_path: Path, tmp_path: Path, messages: Messages
) -> None:
    Database.open(db_path).close()
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a database", encoding="utf-8")
    seen: list[str] = []
    _driver([lambda w: w.switch_to(notes), lambda w: w.close()], seen)
    assert run_app(argparse.Namespace(db=str(db_path), lang="en")) == 0
    assert messages.texts == [f"{notes} is not a minutes-app database (not an SQLite file)."]
    assert seen == [f"Database: {db_path}", f"Database: {db_path}"]
