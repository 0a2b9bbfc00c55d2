"""Opening a conference in the editor, a new one, or the from-text window reads on the
database worker, never on the UI thread (issue 15: on the office's server each read is a
round trip over the network); the editor opens once it is read, one at a time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.trash import move_to_trash, purge_from_trash
from minutes_app.db.engine import Database
from minutes_app.ui.conferences.editor import ConferenceEditor
from minutes_app.ui.conferences.from_text import FromTextDialog
from minutes_app.ui.conferences.listing import COL_DATE
from minutes_app.ui.main_window import MainWindow
from tests.ui.helpers import Messages, open_editor_of, settle, statements_on_ui_thread


@pytest.fixture
def window(qtbot: QtBot, samples_db: Database, store: QSettings) -> Iterator[MainWindow]:
    window = MainWindow(samples_db, store)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    yield window
    window.stop_working()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    return Messages(monkeypatch)


def editors(window: MainWindow) -> list[ConferenceEditor]:
    """The editors of ``window`` on screen."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ConferenceEditor) and w.parent() is window and w.isVisible()
    ]


def test_the_recorder_sees_reads_on_the_ui_thread_and_not_on_the_worker(
    qtbot: QtBot, window: MainWindow, samples_db: Database
) -> None:
    conference = list_conferences(samples_db)[0].id
    with statements_on_ui_thread() as here:
        load_conference(samples_db, conference)  # through SQLAlchemy
    [(_, where), *_] = [(s, w) for s, w in here if "from conference" in s.lower()]
    assert "core/conferences/loading.py" in where
    assert "test_opening_the_editor.py" not in where  # the program's frames only
    with statements_on_ui_thread() as plain:
        list_conferences(samples_db)  # a plain connection of the driver
    assert any("from conference" in s.lower() for s, _ in plain)
    assert all("core/conferences/listing.py" in w for _, w in plain)
    with statements_on_ui_thread() as worked:
        window.worker.run_op(window, lambda: load_conference(samples_db, conference))
        window.worker.run_op(window, lambda: list_conferences(samples_db))
        settle(qtbot, window)
    assert worked == []


def test_opening_a_conference_reads_nothing_on_the_ui_thread(
    qtbot: QtBot, window: MainWindow, samples_db: Database
) -> None:
    first = list_conferences(samples_db)[0]
    with statements_on_ui_thread() as statements:
        editor = open_editor_of(qtbot, window, first.id)
        settle(qtbot, window)
    assert statements == []
    assert editor.form().title == first.title
    assert editor.choices.people  # the completers' catalogue was read too
    editor.close()


def test_a_new_conference_reads_nothing_on_the_ui_thread(qtbot: QtBot, window: MainWindow) -> None:
    with statements_on_ui_thread() as statements:
        editor = open_editor_of(qtbot, window)
        settle(qtbot, window)
    assert statements == []
    assert editor.form().id is None
    editor.close()


def test_the_from_text_window_reads_nothing_on_the_ui_thread(
    qtbot: QtBot, window: MainWindow
) -> None:
    with statements_on_ui_thread() as statements:
        window.conferences.new_conference_from_text()
        qtbot.waitUntil(lambda: window.conferences.from_text is not None, timeout=10_000)
        settle(qtbot, window)
    assert statements == []
    dialog = window.conferences.from_text
    assert isinstance(dialog, FromTextDialog) and dialog.isVisible()
    assert dialog.catalogue  # the sample documents
    dialog.close()


def test_asking_twice_while_it_is_read_opens_one_editor_the_first_asked(
    qtbot: QtBot, window: MainWindow, samples_db: Database
) -> None:
    first, second = list_conferences(samples_db)[:2]
    opened: list[ConferenceEditor] = []
    window.conferences.editor_opened = opened.append
    conferences = window.conferences
    conferences.open_conference(first.id)
    conferences.open_conference(first.id)  # Enter pressed twice
    conferences.open_conference(second.id)  # another conference meanwhile
    conferences.new_conference()
    assert conferences.editor is None  # nothing opened on the UI thread
    settle(qtbot, window)
    assert len(opened) == 1 and editors(window) == opened
    assert opened[0].form().title == first.title
    opened[0].close()


def test_a_double_click_opens_one_editor(qtbot: QtBot, window: MainWindow) -> None:
    """A double click is an activation too: the list asks twice."""
    opened: list[ConferenceEditor] = []
    window.conferences.editor_opened = opened.append
    asked: list[int] = []
    window.conference_page.conference_activated.connect(asked.append)
    table = window.conference_page.table
    where = table.visualRect(window.conference_page.model.index(0, COL_DATE)).center()

    def double_click() -> None:
        # A double click is a click, then a press that is a double click (QTest's
        # mouseDClick sends only the second half).
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)

    editor = open_editor_of(qtbot, window, double_click)
    settle(qtbot, window)
    assert len(asked) == 2  # doubleClicked, then activated
    assert opened == [editor] and editors(window) == [editor]
    editor.close()


def test_asking_for_another_while_an_editor_is_open_raises_it_and_reads_nothing(
    qtbot: QtBot, window: MainWindow, samples_db: Database
) -> None:
    first, second = list_conferences(samples_db)[:2]
    editor = open_editor_of(qtbot, window, first.id)
    settle(qtbot, window)  # the editor's own reads (its sign-off) have come back
    window.conferences.open_conference(second.id)
    window.conferences.new_conference()
    assert window.worker.idle()  # nothing was asked of the worker
    settle(qtbot, window)
    assert window.conferences.editor is editor and editors(window) == [editor]
    assert editor.form().title == first.title
    editor.close()


def test_asking_twice_for_the_from_text_window_opens_one(qtbot: QtBot, window: MainWindow) -> None:
    window.conferences.new_conference_from_text()
    window.conferences.new_conference_from_text()
    settle(qtbot, window)
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, FromTextDialog) and w.parent() is window and w.isVisible()
    ]
    assert shown == [window.conferences.from_text]
    window.conferences.new_conference_from_text()  # shown already: raised, nothing read
    assert window.worker.idle()
    assert window.conferences.from_text is not None
    window.conferences.from_text.close()


def test_a_conference_deleted_meanwhile_says_so_and_leaves_the_list(
    qtbot: QtBot, window: MainWindow, samples_db: Database, messages: Messages
) -> None:
    gone = window.conference_page.model.rows()[0]
    move_to_trash(samples_db, [gone.id], by="another copy")
    purge_from_trash(samples_db, [gone.id])

    window.conferences.open_conference(gone.id)
    settle(qtbot, window)

    assert messages.texts == ["This conference was deleted by someone else. Nothing was saved."]
    assert window.conferences.editor is None and editors(window) == []
    assert gone.id not in [row.id for row in window.conference_page.model.rows()]
    window.conferences.new_conference()  # the failed read asks for no more
    settle(qtbot, window)
    assert window.conferences.editor is not None
    window.conferences.editor.close()


def test_a_window_closed_while_the_conference_is_read_opens_no_editor(
    qtbot: QtBot, window: MainWindow, samples_db: Database
) -> None:
    window.conferences.open_conference(list_conferences(samples_db)[0].id)
    window.conferences.new_conference_from_text()
    window.close()
    settle(qtbot, window)
    assert window.conferences.editor is None and editors(window) == []
    assert window.conferences.from_text is None
