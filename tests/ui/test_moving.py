"""File → Move to office server… (issue 15, point 5): a clerk's file copied into an empty
database of the office server on the worker, with progress and Cancel, all or nothing,
then switching to it offered."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database
from minutes_app.db.server import ServerAddress
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.storage.connecting import ConnectDialog
from minutes_app.ui.storage.recent import recent_databases
from tests.ui.helpers import Messages, settle, type_text, when_shown

pytestmark = pytest.mark.postgresql


@pytest.fixture
def messages(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Messages:
    return Messages(monkeypatch)


@pytest.fixture
def empty_server(pg_cluster: Any, server_template: str) -> Iterator[str]:
    """A database server-setup made ready, holding nothing."""
    import throwaway_pg

    pg_cluster.start()
    name = throwaway_pg.unique_database_name()
    yield pg_cluster.create_database(name, template=server_template)
    pg_cluster.start()
    pg_cluster.drop_database(name)


@pytest.fixture
def window(qtbot: QtBot, db: Database, store: QSettings) -> MainWindow:
    load_samples(db)
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    return window


def _count(url: str, table: str) -> int:
    with psycopg.connect(url) as connection:
        row = connection.execute(f"SELECT count(*) FROM {table}").fetchone()  # type: ignore[arg-type]
    assert row is not None
    return int(row[0])


def _choose_server(url: str) -> None:
    def fill(dialog: ConnectDialog) -> None:
        type_text(dialog.url, url)
        dialog.buttons.ok.click()

    when_shown(ConnectDialog, fill)


def test_a_file_moves_to_the_server_whole_and_the_window_switches_to_it(
    qtbot: QtBot, window: MainWindow, empty_server: str, messages: Messages
) -> None:
    assert window.databases.move_action.isEnabled()
    _choose_server(empty_server)
    messages.press = ["switch"]
    window.databases.move_action.trigger()
    qtbot.waitUntil(lambda: bool(messages.texts), timeout=60_000)
    [said] = messages.texts
    assert said.startswith("All ") and f"records of {window.db.file} were copied to" in said
    assert _count(empty_server, "conference") == 5 and _count(empty_server, "task") > 0
    # Switching: the window closed for run_app to open it on the server.
    assert window.next_database == ServerAddress.parse(empty_server)
    assert not window.isVisible()
    assert recent_databases(window.store)[0] == empty_server


def test_a_move_cancelled_leaves_the_server_empty(
    qtbot: QtBot, window: MainWindow, empty_server: str, messages: Messages
) -> None:
    gate = threading.Event()
    window.worker.run_op(window, lambda: gate.wait(30))  # the copy waits behind this
    _choose_server(empty_server)

    def cancel() -> None:
        dialogs = [d for d in window.findChildren(QProgressDialog) if "Copying" in d.labelText()]
        if not dialogs:
            QTimer.singleShot(20, cancel)
            return
        [button] = dialogs[0].findChildren(QPushButton)
        button.click()  # the clerk's Cancel, before the copy has begun
        gate.set()

    QTimer.singleShot(0, cancel)
    window.databases.move_to_server()
    qtbot.waitUntil(lambda: bool(messages.texts), timeout=60_000)
    assert messages.texts == [
        "The move was cancelled: the office database is left empty, as it was, and the file "
        "is unchanged."
    ]
    assert _count(empty_server, "conference") == 0 and _count(empty_server, "task") == 0
    assert window.isVisible() and window.next_database is None


def test_a_server_database_that_holds_records_is_refused(
    qtbot: QtBot, window: MainWindow, empty_server: str, messages: Messages
) -> None:
    held = Database.open(empty_server)
    load_samples(held)
    held.close()
    _choose_server(empty_server)
    window.databases.move_to_server()
    qtbot.waitUntil(lambda: bool(messages.texts), timeout=60_000)
    assert messages.texts == [
        f"Nothing was moved: {empty_server} is not empty: a file is moved only into a "
        "database the office's administrator has just made ready with “minutes-app "
        "server-setup”. Nothing was changed."
    ]
    assert _count(empty_server, "conference") == 5
