"""Saving a conference of a date and title already recorded warns and offers to open the
recorded one (issue 14, point 5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from pytestqt.qtbot import QtBot

from minutes_app.core.conferences.listing import list_conferences
from minutes_app.db.engine import Database
from minutes_app.ui.conferences.editor import ConferenceEditor
from minutes_app.ui.main_window import MainWindow
from tests.ui.helpers import Messages, open_editor_of, settle, type_text


@pytest.fixture
def window(qtbot: QtBot, example_db: Database, store: QSettings) -> MainWindow:
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    window.show()
    return window


def new_repeat(qtbot: QtBot, window: MainWindow, example_db: Database) -> ConferenceEditor:
    """A new conference with the date and (in capitals, spaced) title of the stored one."""
    [stored] = list_conferences(example_db)
    editor = open_editor_of(qtbot, window)
    type_text(editor.title_edit, "  " + stored.title.upper().replace(" ", "  "))
    editor.date_edit.setDate(QDate(stored.date.year, stored.date.month, stored.date.day))
    return editor


def count(db: Database) -> int:
    return len(list_conferences(db))


def test_cancel_keeps_the_new_conference_in_the_editor_unsaved(
    qtbot: QtBot, window: MainWindow, example_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = Messages(monkeypatch)
    messages.press = ["cancel"]
    editor = new_repeat(qtbot, window, example_db)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    [stored] = list_conferences(example_db)
    assert messages.texts == [
        f"A conference of {stored.date:%d/%m/%Y} with this title is already recorded:\n"
        f"“{stored.title}”.\n\n"
        "Open it to check or complete it, or save this one as another conference."
    ]
    assert count(example_db) == 1
    assert editor.isVisible() and editor.has_unsaved_changes()
    assert editor.save_button.isEnabled()


def test_save_anyway_stores_a_second_conference(
    qtbot: QtBot, window: MainWindow, example_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    Messages(monkeypatch).press = ["save"]
    editor = new_repeat(qtbot, window, example_db)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert count(example_db) == 2
    assert not editor.has_unsaved_changes()
    editor.save()  # saved again, unchanged: not asked again
    settle(qtbot, window)
    assert count(example_db) == 2


def test_open_the_existing_one_closes_the_new_one_and_opens_it(
    qtbot: QtBot, window: MainWindow, example_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    Messages(monkeypatch).press = ["open"]
    monkeypatch.setattr(ConferenceEditor, "_confirm_discard", lambda _self: "discard")
    [stored] = list_conferences(example_db)
    editor = new_repeat(qtbot, window, example_db)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert count(example_db) == 1
    assert not editor.isVisible()
    opened = window.editor
    assert opened is not None and opened is not editor and opened.isVisible()
    assert opened.form().id == stored.id
    opened.close()


def test_another_date_saves_without_asking(
    qtbot: QtBot, window: MainWindow, example_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = Messages(monkeypatch)
    editor = new_repeat(qtbot, window, example_db)
    editor.date_edit.setDate(editor.date_edit.date().addDays(1))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert messages.texts == []
    assert count(example_db) == 2


def test_a_stored_conference_renamed_to_another_ones_title_is_asked_about(
    qtbot: QtBot, window: MainWindow, example_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from minutes_app.core.conferences.forms import ConferenceForm
    from minutes_app.core.conferences.saving import save_conference

    [stored] = list_conferences(example_db)
    other = save_conference(example_db, ConferenceForm(title="Hội nghị giao ban", date=stored.date))
    messages = Messages(monkeypatch)
    editor = open_editor_of(qtbot, window, other)
    editor.title_edit.selectAll()
    type_text(editor.title_edit, stored.title.lower())
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert len(messages.texts) == 1  # cancelled: nothing stored
    assert count(example_db) == 2
    assert editor.has_unsaved_changes()
    editor.undo_stack.setClean()
    editor.close()
