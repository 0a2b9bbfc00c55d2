"""Losing the server (issue 15, point 6), for real: a window on a database of the test
server, the server stopped under it and started again. The window says so in plain words,
keeps what the clerk typed (the editor and the action's dialog stay open, unchanged),
writes nothing half-way, tries the server again off the UI thread, and carries on when it
answers: the screens read again, and the save that failed is made."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from minutes_app.db.engine import Database
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.paperwork.office_dialog import OfficeDialog
from minutes_app.ui.storage import server_link
from minutes_app.ui.tasks.dialogs import TaskActionDialog
from tests.ui.helpers import Messages, activate, open_editor_of, select_task, settle, type_text

pytestmark = pytest.mark.postgresql

LOST = "The office server cannot be reached; what you typed is kept. Trying again…"
NOT_SAVED = (
    "The conference could not be saved: The office server cannot be reached (the network "
    "or the server is down), so nothing was read or saved. What you typed is kept in the "
    "window; the program tries the server again and says when it answers."
)


@pytest.fixture(autouse=True)
def _own_server(pg_cluster: Any) -> None:
    # Stopping the server of MINUTES_APP_TEST_PG is refused (it is someone else's), and a
    # refusal inside a dialog's handler would leave the dialog waiting for ever.
    if pg_cluster.external:
        pytest.skip("stops and starts the server: only the test run's own throwaway one")


@pytest.fixture
def window(
    qtbot: QtBot, server_url: str, store: QSettings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setattr(server_link, "RETRY_MS", 200)  # the test need not wait 3 s a try
    db = Database.open(server_url)
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    settle(qtbot, window)
    yield window
    window.stop_working()
    db.close()


def _stored(url: str, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as connection:
        return list(connection.execute(sql, params).fetchall())  # type: ignore[arg-type]


def _answered_again(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the window found the server again (its look runs every 200 ms here)."""
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=15_000)
    assert "The office server answers again" in window.statusBar().currentMessage()
    settle(qtbot, window)


def test_a_save_while_the_server_is_down_keeps_the_editor_and_is_made_when_it_is_back(
    qtbot: QtBot, window: MainWindow, server_url: str, pg_cluster: Any, monkeypatch: Any
) -> None:
    messages = Messages(monkeypatch)
    row = window.conference_page.model.rows()[0]
    editor = open_editor_of(qtbot, window, row.id)
    editor.title_edit.selectAll()
    type_text(editor.title_edit, "Hội nghị sửa khi mất máy chủ")
    pg_cluster.stop()
    try:
        assert editor.save()
        qtbot.waitUntil(lambda: bool(messages.texts), timeout=15_000)
        assert messages.texts == [NOT_SAVED]
        assert window.banner.isVisible() and window.banner.text() == LOST
        # What the clerk typed is still there, unsaved, and can be saved again.
        assert editor.isVisible() and not editor.saving
        assert editor.title_edit.text() == "Hội nghị sửa khi mất máy chủ"
        assert editor.has_unsaved_changes() and editor.save_button.isEnabled()
        window.refresh()  # the screens fail to read too: still one banner, no box
        settle(qtbot, window)
        assert len(messages.texts) == 1
    finally:
        pg_cluster.start()
    _answered_again(qtbot, window)
    # Nothing was half-written: the server holds the title as it was.
    stored = _stored(server_url, "SELECT title FROM conference WHERE id = %s", row.id)
    assert stored == [(row.title,)]
    assert editor.save()
    qtbot.waitUntil(lambda: not editor.has_unsaved_changes(), timeout=15_000)
    settle(qtbot, window)
    stored = _stored(server_url, "SELECT title FROM conference WHERE id = %s", row.id)
    assert stored == [("Hội nghị sửa khi mất máy chủ",)]
    assert len(messages.texts) == 1
    assert row.id in [r.id for r in window.conference_page.model.rows()]
    assert "Hội nghị sửa khi mất máy chủ" in [r.title for r in window.conference_page.model.rows()]
    editor.close()


def test_opening_while_the_server_is_down_opens_nothing_and_the_banner_says_so(
    qtbot: QtBot, window: MainWindow, pg_cluster: Any, monkeypatch: Any
) -> None:
    messages = Messages(monkeypatch)
    row = window.conference_page.model.rows()[0]
    pg_cluster.stop()
    try:
        window.conferences.open_conference(row.id)
        window.conferences.new_conference_from_text()
        window.office_action.trigger()  # File → Office and signers…
        settle(qtbot, window)
        assert window.banner.isVisible() and window.banner.text() == LOST
        window.conferences.new_conference()  # asked again once the first failed: read again
        settle(qtbot, window)
        assert window.conferences.editor is None and window.conferences.from_text is None
        assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, OfficeDialog)]
        assert messages.texts == []  # the banner says it, once
    finally:
        pg_cluster.start()
    _answered_again(qtbot, window)
    editor = open_editor_of(qtbot, window, row.id)
    assert editor.form().title == row.title
    editor.close()


def test_a_task_action_while_the_server_is_down_keeps_its_dialog_and_is_made_when_it_is_back(
    qtbot: QtBot, window: MainWindow, server_url: str, pg_cluster: Any
) -> None:
    task_id = select_task(qtbot, window, "quan triet quy dinh 96")
    said: list[str] = []

    def act() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, TaskActionDialog) and w.isVisible()
        )
        type_text(dialog.text, "Đã nhắc bằng điện thoại")
        pg_cluster.stop()
        try:
            qtbot.mouseClick(dialog.buttons.ok, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=15_000)
            said.append(dialog.error.text())
            assert dialog.isVisible() and dialog.text.toPlainText() == "Đã nhắc bằng điện thoại"
            assert window.banner.isVisible()
        finally:
            pg_cluster.start()
        _answered_again(qtbot, window)
        notes = _stored(server_url, "SELECT note FROM task_event WHERE task_id = %s", task_id)
        said.append(repr([n for (n,) in notes if n == "Đã nhắc bằng điện thoại"]))
        qtbot.mouseClick(dialog.buttons.ok, Qt.MouseButton.LeftButton)  # the same again

    QTimer.singleShot(0, act)
    qtbot.mouseClick(window.tasks.buttons["progress"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert said == [
        "The office server cannot be reached, so nothing was changed. What you typed is "
        "kept: press OK again once the server answers.",
        "[]",  # nothing written while the server was down
    ]
    notes = _stored(server_url, "SELECT note FROM task_event WHERE task_id = %s", task_id)
    assert ("Đã nhắc bằng điện thoại",) in notes
