"""Two copies of the program on one file, each a real window: nothing of either is lost.

Window A and window B each open the file through their own Database, as two copies of
the program do; the races of issue 12 are played through their editors and dialogs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.trash import move_to_trash
from minutes_app.core.tasks.actions import add_progress, complete, extend_deadline
from minutes_app.core.tasks.rows import task_card
from minutes_app.db.engine import Database
from minutes_app.ui.conferences.editor import TAB_NOTES, ConferenceEditor
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.tasks.dialogs import TaskActionDialog
from tests.ui.helpers import activate, open_editor_of, select_task, settle, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every message box shown, each answered with its escape button."""
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        button = box.escapeButton()
        if button is not None:
            button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def settings(tmp_path: Path, user: str) -> QSettings:
    store = QSettings(str(tmp_path / f"settings-{user}.ini"), QSettings.Format.IniFormat)
    store.setValue("user_name", user)
    store.setValue("remind_on_start", "false")
    return store


@pytest.fixture
def db_b(example_db: Database) -> Iterator[Database]:
    db = Database(example_db.path)
    yield db
    db.close()


def window_for(qtbot: QtBot, db: Database, store: QSettings) -> MainWindow:
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def window_a(qtbot: QtBot, example_db: Database, tmp_path: Path) -> MainWindow:
    return window_for(qtbot, example_db, settings(tmp_path, "An"))


@pytest.fixture
def window_b(qtbot: QtBot, db_b: Database, tmp_path: Path) -> MainWindow:
    return window_for(qtbot, db_b, settings(tmp_path, "Bình"))


def conference_id(db: Database) -> int:
    [conference] = list_conferences(db)
    return conference.id


def open_editor(qtbot: QtBot, window: MainWindow, conference: int) -> ConferenceEditor:
    editor = open_editor_of(qtbot, window, conference)
    activate(qtbot, editor)
    return editor


def retitle(qtbot: QtBot, editor: ConferenceEditor, title: str) -> None:
    editor.title_edit.selectAll()
    type_text(editor.title_edit, title)


def write_notes(editor: ConferenceEditor, notes: str) -> None:
    editor.tabs.setCurrentIndex(TAB_NOTES)
    editor.notes_edit.setFocus()
    editor.notes_edit.selectAll()
    type_text(editor.notes_edit, notes)


def save(qtbot: QtBot, editor: ConferenceEditor) -> None:
    """Ctrl+S, then wait for the save and what follows it (a merge, a message)."""
    activate(qtbot, editor)
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    window = editor.parent()
    assert isinstance(window, MainWindow)
    settle(qtbot, window)


def test_the_status_bar_names_who_makes_the_changes(window_a: MainWindow) -> None:
    assert window_a.status_user.text() == "User: An"


def test_a_stale_save_is_refused_then_both_windows_changes_are_kept(
    qtbot: QtBot,
    window_a: MainWindow,
    window_b: MainWindow,
    example_db: Database,
    messages: list[str],
) -> None:
    conference = conference_id(example_db)
    editor_a = open_editor(qtbot, window_a, conference)
    editor_b = open_editor(qtbot, window_b, conference)

    retitle(qtbot, editor_a, "Hội nghị đã sửa tên ở máy A")
    save(qtbot, editor_a)
    write_notes(editor_b, "Ghi chú nhập ở máy B")
    save(qtbot, editor_b)

    [message] = messages
    assert message.startswith("This conference was changed by An at ")
    assert "Nothing was saved." in message
    stored = load_conference(example_db, conference)
    assert stored.title == "Hội nghị đã sửa tên ở máy A"
    assert stored.notes != "Ghi chú nhập ở máy B"
    # B's editor now shows A's title and B's notes, not yet saved.
    assert editor_b.title_edit.text() == "Hội nghị đã sửa tên ở máy A"
    assert editor_b.notes_edit.toPlainText() == "Ghi chú nhập ở máy B"
    assert editor_b.has_unsaved_changes()

    save(qtbot, editor_b)

    stored = load_conference(example_db, conference)
    assert (stored.title, stored.notes) == ("Hội nghị đã sửa tên ở máy A", "Ghi chú nhập ở máy B")
    assert not editor_b.has_unsaved_changes()
    assert len(messages) == 1


def test_both_changing_the_title_keeps_the_clerks_text_and_says_so(
    qtbot: QtBot,
    window_a: MainWindow,
    window_b: MainWindow,
    example_db: Database,
    messages: list[str],
) -> None:
    conference = conference_id(example_db)
    editor_a = open_editor(qtbot, window_a, conference)
    editor_b = open_editor(qtbot, window_b, conference)
    retitle(qtbot, editor_a, "Tên của A")
    save(qtbot, editor_a)
    retitle(qtbot, editor_b, "Tên của B")

    save(qtbot, editor_b)

    assert "You both changed: title." in messages[0]
    assert editor_b.title_edit.text() == "Tên của B"
    assert load_conference(example_db, conference).title == "Tên của A"
    editor_b.undo_stack.undo()  # Undo shows what A saved
    assert editor_b.title_edit.text() == "Tên của A"


def test_a_stale_save_does_not_remove_the_tasks_another_window_created(
    qtbot: QtBot,
    window_b: MainWindow,
    example_db: Database,
    db_b: Database,
    messages: list[str],
) -> None:
    from minutes_app.core.tasks.actions import NewTasks, create_tasks

    conference = conference_id(example_db)
    editor_b = open_editor(qtbot, window_b, conference)
    instruction = load_conference(example_db, conference).instructions[0]
    assert instruction.id is not None
    before = instruction.task_count
    created = create_tasks(
        example_db, NewTasks(instruction.id, ("Việc mới của A",), ("Huyện ủy Ba Bể",)), by="An"
    )
    # B removes that instruction, whose tasks it saw as they were before A's.
    editor_b.tabs.setCurrentIndex(4)
    editor_b.instructions.table.selectRow(0)
    qtbot.mouseClick(editor_b.instructions.remove_button, Qt.MouseButton.LeftButton)

    save(qtbot, editor_b)

    assert messages and "closing instruction" in messages[0]
    [task] = created.created_tasks
    card = task_card(example_db, task)
    assert card is not None and card.title == "Việc mới của A"
    assert load_conference(example_db, conference).instructions[0].task_count == before + 1


def test_saving_a_conference_another_window_trashed_keeps_the_text(
    qtbot: QtBot,
    window_b: MainWindow,
    example_db: Database,
    messages: list[str],
) -> None:
    conference = conference_id(example_db)
    editor_b = open_editor(qtbot, window_b, conference)
    move_to_trash(example_db, [conference], by="An")
    write_notes(editor_b, "Ghi chú của B")

    save(qtbot, editor_b)

    assert messages[0].startswith("This conference was moved to the trash by someone else.")
    assert editor_b.isVisible()
    assert editor_b.notes_edit.toPlainText() == "Ghi chú của B"
    assert editor_b.has_unsaved_changes()


def later(action: object) -> None:
    QTimer.singleShot(0, action)  # type: ignore[arg-type]


def visible_dialog() -> TaskActionDialog:
    return next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, TaskActionDialog) and w.isVisible()
    )


def test_a_task_action_on_a_task_changed_in_another_window_is_refused_in_its_dialog(
    qtbot: QtBot, window_b: MainWindow, example_db: Database
) -> None:
    task = select_task(qtbot, window_b, "quan triet quy dinh 96")
    complete(example_db, [task], dt.date(2023, 3, 20), "Xong", by="An")
    seen: list[str] = []

    def fill() -> None:
        dialog = visible_dialog()
        type_text(dialog.text, "Tiến độ của B")
        qtbot.mouseClick(dialog.buttons.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(dialog.error.text()))  # refused on the worker
        seen.append(dialog.error.text())
        seen.append(dialog.text.toPlainText())
        dialog.reject()

    later(fill)
    qtbot.mouseClick(window_b.tasks.buttons["progress"], Qt.MouseButton.LeftButton)

    assert seen[0].startswith(f"Task {task} was changed by An at ")
    assert seen[1] == "Tiến độ của B"
    card = task_card(example_db, task)
    assert card is not None
    assert [h.kind for h in card.history][-1] == "completed"
    assert card.status == "done"


def test_an_undo_over_another_windows_extension_is_refused_and_leaves_the_stack(
    qtbot: QtBot, window_a: MainWindow, db_b: Database, messages: list[str]
) -> None:
    task = select_task(qtbot, window_a, "quan triet quy dinh 96")

    def fill() -> None:
        dialog = visible_dialog()
        type_text(dialog.text, "Chờ tài liệu")
        qtbot.mouseClick(dialog.buttons.ok, Qt.MouseButton.LeftButton)

    later(fill)
    qtbot.mouseClick(window_a.tasks.buttons["extend"], Qt.MouseButton.LeftButton)
    assert window_a.undo_stack.canUndo()
    card = task_card(db_b, task)
    assert card is not None and card.deadline is not None
    extend_deadline(db_b, [task], card.deadline + dt.timedelta(days=30), "Họp lại", by="Bình")

    window_a.undo_action.trigger()

    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert messages[0].startswith(f"Task {task} was changed by Bình at ")
    assert window_a.undo_stack.count() == 0
    assert not window_a.undo_stack.canUndo() and not window_a.undo_stack.canRedo()
    after = task_card(db_b, task)
    assert after is not None and after.deadline == card.deadline + dt.timedelta(days=30)
    extensions = [h.kind for h in card.history].count("deadline_changed")
    assert [h.kind for h in after.history].count("deadline_changed") == extensions + 1


def test_a_window_records_its_actions_under_the_settings_user_name(
    qtbot: QtBot, window_a: MainWindow, example_db: Database
) -> None:
    task = select_task(qtbot, window_a, "quan triet quy dinh 96")

    def fill() -> None:
        dialog = visible_dialog()
        type_text(dialog.text, "Đã họp")
        qtbot.mouseClick(dialog.buttons.ok, Qt.MouseButton.LeftButton)

    later(fill)
    qtbot.mouseClick(window_a.tasks.buttons["progress"], Qt.MouseButton.LeftButton)

    card = task_card(example_db, task)
    assert card is not None
    assert (card.history[-1].kind, card.history[-1].by) == ("progress", "An")
    add_progress(example_db, [task], "x")  # the service alone records no one
    card = task_card(example_db, task)
    assert card is not None and card.history[-1].by is None


def test_restoring_from_the_trash_what_another_window_deleted_for_good_says_so(
    qtbot: QtBot, example_db: Database, db_b: Database, messages: list[str]
) -> None:
    from minutes_app.core.conferences.trash import purge_from_trash, trash
    from minutes_app.ui.conferences.trash import TrashDialog
    from minutes_app.ui.operations import DatabaseWorker

    conference = conference_id(example_db)
    move_to_trash(example_db, [conference], by="An")
    worker = DatabaseWorker(db_b)
    dialog = TrashDialog(worker, user="Bình")
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, worker)
    dialog.view.selectRow(0)
    purge_from_trash(example_db, [conference])

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, worker)

    assert messages == ["This conference was deleted by someone else. Nothing was saved."]
    assert trash(example_db) == [] and list_conferences(example_db) == []
    assert dialog.model.rowCount() == 0
