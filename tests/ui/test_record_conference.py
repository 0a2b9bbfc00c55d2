"""A clerk records a whole conference with the keyboard and mouse, saves it, and finds it all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.conferences.loading import load_conference
from minutes_app.db.engine import Database
from minutes_app.ui.conferences.document_dialog import DocumentDialog
from minutes_app.ui.conferences.editor import (
    TAB_DISCUSSION,
    TAB_DOCUMENTS,
    TAB_INSTRUCTIONS,
    TAB_NOTES,
    TAB_POINTS,
    ConferenceEditor,
)
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.widgets.table_section import TableSection
from tests.ui.helpers import activate, open_editor_of, settle, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def open_window(qtbot: QtBot, db: Database, store: QSettings) -> MainWindow:
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    return window


def new_editor(qtbot: QtBot, window: MainWindow) -> ConferenceEditor:
    editor = open_editor_of(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_N, CTRL))
    activate(qtbot, editor)
    return editor


def type_row(qtbot: QtBot, section: TableSection, *cells: str) -> None:
    """Click Add, type the first cell, then Tab to each next cell and type it."""
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    table = section.table
    for i, text in enumerate(cells):
        if i:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        type_text(None, text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # The delegate commits the last cell in a queued call.
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState, timeout=1000)


def fill_document_dialog() -> None:
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentDialog))
    dialog.kind.setCurrentText("Quy định")
    dialog.symbol.setText("96-QĐ/TW")
    dialog.symbol.textEdited.emit("96-QĐ/TW")
    dialog.issued_on.setText("02/02/2023")
    dialog.issuer.setText("Bộ Chính trị")
    dialog.subject.setPlainText("về việc lấy phiếu tín nhiệm")
    dialog.ok.click()


def test_clerk_records_a_whole_conference_and_finds_every_field_after_reopening(
    qtbot: QtBot, db_path: Path, store: QSettings
) -> None:
    db = Database.open(db_path)
    window = open_window(qtbot, db, store)
    editor = new_editor(qtbot, window)

    type_text(editor.title_edit, "Hội nghị trực tuyến quán triệt Quy định 96")
    editor.kind_box.setFocus()
    editor.kind_box.lineEdit().selectAll()
    type_text(editor.kind_box.lineEdit(), "quán triệt, triển khai văn bản")
    editor.mode_box.setCurrentIndex(2)  # hybrid
    type_text(editor.organizer_box.lineEdit(), "Ban Tổ chức Trung ương")
    editor.date_edit.setDate(QDate(2023, 2, 17))
    editor.session_box.setCurrentIndex(1)  # morning
    type_text(editor.start_edit, "08:00")
    type_text(editor.end_edit, "11:30")
    type_text(editor.host_edit, "Trụ sở Ban Tổ chức Trung ương, Hà Nội")
    type_text(editor.secretary_edit, "Lê Văn Thư")
    type_text(editor.secretary_title, "Chuyên viên")
    type_row(qtbot, editor.chairs, "Trương Thị Mai", "Trưởng ban Tổ chức Trung ương")

    editor.tabs.setCurrentIndex(TAB_POINTS)
    type_row(qtbot, editor.points, "Điểm cầu tỉnh Bắc Kạn", "Tỉnh ủy Bắc Kạn", "35")
    type_row(qtbot, editor.presiding, "Hoàng Duy Chinh", "Bí thư Tỉnh ủy")
    type_row(qtbot, editor.attendees, "Nguyễn Thị Hoa", "Trưởng ban Tổ chức Tỉnh ủy")
    type_row(qtbot, editor.points, "Điểm cầu huyện Ba Bể", "Huyện ủy Ba Bể")

    editor.tabs.setCurrentIndex(TAB_DOCUMENTS)
    QTimer.singleShot(0, fill_document_dialog)
    qtbot.mouseClick(editor.new_document_button, Qt.MouseButton.LeftButton)
    assert editor.documents.row_count() == 1

    editor.tabs.setCurrentIndex(TAB_DISCUSSION)
    type_text(editor.discussion_edit, "Đại biểu đề nghị sớm ban hành hướng dẫn.")
    editor.tabs.setCurrentIndex(TAB_INSTRUCTIONS)
    qtbot.mouseClick(editor.instructions.add_button, Qt.MouseButton.LeftButton)
    type_text(editor.speaker_edit, "Trương Thị Mai")
    type_text(editor.speaker_title, "Trưởng ban")
    type_text(editor.instruction_text, "Quán triệt kịp thời, nghiêm túc.")
    qtbot.mouseClick(editor.instructions.add_button, Qt.MouseButton.LeftButton)
    type_text(editor.instruction_text, "Báo cáo khó khăn, vướng mắc.")
    editor.tabs.setCurrentIndex(TAB_NOTES)
    type_text(editor.notes_edit, "Ghi chú thử")

    assert editor.save_button.isEnabled(), editor.summary.text()
    activate(qtbot, editor)
    qtbot.keyClick(editor.notes_edit, Qt.Key.Key_S, CTRL)
    settle(qtbot, window)
    assert not editor.has_unsaved_changes(), [
        editor.undo_stack.text(i) for i in range(editor.undo_stack.count())
    ]
    editor.close()
    window.close()
    db.close()

    reopened = Database.open(db_path)
    try:
        [summary] = list_conferences(reopened)
        form = load_conference(reopened, summary.id)
    finally:
        reopened.close()
    assert form.title == "Hội nghị trực tuyến quán triệt Quy định 96"
    assert form.kind == "quán triệt, triển khai văn bản"
    assert (form.mode, form.organizer) == ("hybrid", "Ban Tổ chức Trung ương")
    assert (form.date, form.session) == (dt.date(2023, 2, 17), "morning")
    assert (form.start_time, form.end_time) == ("08:00", "11:30")
    assert form.host_point == "Trụ sở Ban Tổ chức Trung ương, Hà Nội"
    assert form.secretary is not None
    assert (form.secretary.person.name, form.secretary.title) == ("Lê Văn Thư", "Chuyên viên")
    assert [(c.person.name, c.title) for c in form.chairs] == [
        ("Trương Thị Mai", "Trưởng ban Tổ chức Trung ương")
    ]
    first, second = form.bridge_points
    assert (first.name, first.unit, first.attendee_count) == (
        "Điểm cầu tỉnh Bắc Kạn",
        "Tỉnh ủy Bắc Kạn",
        35,
    )
    assert [(p.person.name, p.title) for p in first.presiding] == [
        ("Hoàng Duy Chinh", "Bí thư Tỉnh ủy")
    ]
    assert [(p.person.name, p.title) for p in first.attendees] == [
        ("Nguyễn Thị Hoa", "Trưởng ban Tổ chức Tỉnh ủy")
    ]
    assert (second.name, second.unit, second.attendee_count) == (
        "Điểm cầu huyện Ba Bể",
        "Huyện ủy Ba Bể",
        None,
    )
    [studied] = form.documents
    doc = studied.document
    assert (doc.kind, doc.symbol, doc.number, doc.issued_on, doc.issuer) == (
        "Quy định",
        "96-QĐ/TW",
        "96",
        dt.date(2023, 2, 2),
        "Bộ Chính trị",
    )
    assert form.discussion == "Đại biểu đề nghị sớm ban hành hướng dẫn."
    assert [(i.text, i.speaker.person.name if i.speaker else None) for i in form.instructions] == [
        ("Quán triệt kịp thời, nghiêm túc.", "Trương Thị Mai"),
        ("Báo cáo khó khăn, vướng mắc.", None),
    ]
    assert form.notes == "Ghi chú thử"


@pytest.fixture
def editor(qtbot: QtBot, db: Database, store: QSettings) -> ConferenceEditor:
    window = open_window(qtbot, db, store)
    return new_editor(qtbot, window)


def test_empty_title_is_reported_beside_the_field_and_blocks_saving(
    qtbot: QtBot, editor: ConferenceEditor
) -> None:
    assert editor.title_error.isVisible()
    assert editor.title_error.text() == "Required."
    assert not editor.save_button.isEnabled()
    type_text(editor.title_edit, "Hội nghị giao ban")
    assert not editor.title_error.isVisible()
    assert editor.save_button.isEnabled()


def test_a_time_that_is_not_hh_mm_is_explained(qtbot: QtBot, editor: ConferenceEditor) -> None:
    type_text(editor.title_edit, "Hội nghị")
    type_text(editor.start_edit, "8h")
    assert editor.time_error.text() == "Enter a time as HH:MM, e.g. 07:30."
    assert not editor.save_button.isEnabled()


def test_an_end_before_the_start_is_refused(qtbot: QtBot, editor: ConferenceEditor) -> None:
    type_text(editor.title_edit, "Hội nghị")
    type_text(editor.start_edit, "14:00")
    type_text(editor.end_edit, "09:00")
    assert editor.time_error.text() == "The end is before the start."


def test_a_chair_row_without_a_name_is_reported_by_row(
    qtbot: QtBot, editor: ConferenceEditor
) -> None:
    type_text(editor.title_edit, "Hội nghị")
    type_row(qtbot, editor.chairs, "", "Bí thư")
    assert editor.chairs_error.text() == "Row 1: name Required."
    assert not editor.save_button.isEnabled()


def test_ctrl_z_undoes_typing_and_ctrl_shift_z_redoes_it(
    qtbot: QtBot, editor: ConferenceEditor
) -> None:
    type_text(editor.title_edit, "Giao ban")
    type_text(editor.host_edit, "Hà Nội")
    qtbot.keyClick(editor.host_edit, Qt.Key.Key_Z, CTRL)
    assert editor.host_edit.text() == ""
    assert editor.title_edit.text() == "Giao ban"
    qtbot.keyClick(editor.host_edit, Qt.Key.Key_Z, CTRL)
    assert editor.title_edit.text() == ""
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert editor.title_edit.text() == "Giao ban"


def test_undo_brings_back_a_removed_chair(qtbot: QtBot, editor: ConferenceEditor) -> None:
    type_row(qtbot, editor.chairs, "Trương Thị Mai", "Trưởng ban")
    qtbot.mouseClick(editor.chairs.remove_button, Qt.MouseButton.LeftButton)
    assert editor.chairs.row_count() == 0
    editor.undo_stack.undo()
    assert editor.chairs.row_count() == 1
    assert editor.chairs.text(0, 0) == "Trương Thị Mai"


def answer_next_message_box(monkeypatch: pytest.MonkeyPatch, button_text: str) -> list[str]:
    """Make the next QMessageBox click the button labelled ``button_text``; record texts."""
    seen: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        seen.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == button_text]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return seen


def test_closing_with_unsaved_changes_asks_and_keep_editing_keeps_it_open(
    qtbot: QtBot, editor: ConferenceEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = answer_next_message_box(monkeypatch, "Keep editing")
    type_text(editor.title_edit, "Hội nghị")
    editor.close()
    assert seen == ["This conference has changes that are not saved."]
    assert editor.isVisible()


def test_closing_with_unsaved_changes_can_save_them(
    qtbot: QtBot, editor: ConferenceEditor, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_next_message_box(monkeypatch, "Save")
    type_text(editor.title_edit, "Hội nghị sơ kết")
    editor.close()
    qtbot.waitUntil(lambda: not editor.isVisible())  # closed once it is saved
    assert [c.title for c in list_conferences(db)] == ["Hội nghị sơ kết"]


def test_closing_with_unsaved_changes_can_discard_them(
    qtbot: QtBot, editor: ConferenceEditor, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_next_message_box(monkeypatch, "Discard changes")
    type_text(editor.title_edit, "Hội nghị sơ kết")
    editor.close()
    assert not editor.isVisible()
    assert list_conferences(db) == []


def test_closing_without_changes_does_not_ask(
    editor: ConferenceEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = answer_next_message_box(monkeypatch, "Save")
    editor.close()
    assert seen == []
    assert not editor.isVisible()


def test_one_speaker_can_be_given_to_every_instruction_in_one_undoable_step(
    qtbot: QtBot, editor: ConferenceEditor
) -> None:
    editor.tabs.setCurrentIndex(TAB_INSTRUCTIONS)
    for text in ("Quán triệt nghiêm túc.", "Báo cáo kết quả.", "Rà soát quy hoạch."):
        qtbot.mouseClick(editor.instructions.add_button, Qt.MouseButton.LeftButton)
        type_text(editor.instruction_text, text)
    button = editor.instructions_tab.speaker_for_all_button
    editor.instructions.table.selectRow(1)
    assert button.isEnabled()
    type_text(editor.speaker_edit, "Trương Thị Mai")
    type_text(editor.speaker_title, "Trưởng ban")
    steps = editor.undo_stack.count()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    speakers = [i.speaker for i in editor.form().instructions]
    assert [(s.person.name, s.title) if s else None for s in speakers] == [
        ("Trương Thị Mai", "Trưởng ban")
    ] * 3
    assert [editor.instructions.table.item(r, 1).text() for r in range(3)] == ["Trương Thị Mai"] * 3
    assert editor.instructions.table.currentRow() == 1
    assert editor.undo_stack.count() == steps + 1
    editor.undo_stack.undo()  # the two others lose it again; the one typed keeps it
    speakers = [i.speaker for i in editor.form().instructions]
    assert [s.person.name if s else None for s in speakers] == [None, "Trương Thị Mai", None]
