"""The editor's papers and absentees (issue 14, items 12 and 13): the clerk registers the
minutes and the notice with the number the app proposes, lists who was absent and why,
undoes, saves, and finds it all again."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, QSettings, Qt
from pytestqt.qtbot import QtBot

from minutes_app.core.conferences.forms import (
    AppearanceForm,
    ConferenceForm,
    PaperForm,
    PersonRef,
)
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.paperwork.office import Office, save_office
from minutes_app.db.engine import Database
from minutes_app.ui.conferences.editor import TAB_PAPERS, TAB_POINTS, ConferenceEditor
from minutes_app.ui.main_window import MainWindow
from tests.ui.helpers import activate, open_editor_of, settle, type_text
from tests.ui.test_record_conference import new_editor, open_window, type_row

CTRL = Qt.KeyboardModifier.ControlModifier
EARLIER = dt.date(2023, 2, 17)


def stored_minutes(db: Database) -> int:
    """An earlier conference of 2023 whose minutes took number 11; the office is BTCTU."""
    save_office(db, Office(symbol="BTCTU", place="Bắc Kạn"))
    return save_conference(
        db,
        ConferenceForm(
            title="Hội nghị giao ban tháng 2",
            date=EARLIER,
            papers=(PaperForm("minutes", "11-BB/BTCTU", EARLIER),),
        ),
    )


def editor_on_a_new_conference(
    qtbot: QtBot, db: Database, store: QSettings
) -> tuple[MainWindow, ConferenceEditor]:
    window = open_window(qtbot, db, store)
    editor = new_editor(qtbot, window)
    type_text(editor.title_edit, "Hội nghị sơ kết quý I")
    editor.date_edit.setDate(QDate(2023, 3, 15))
    editor.tabs.setCurrentIndex(TAB_PAPERS)
    return window, editor


def test_add_proposes_the_next_number_of_the_kind_in_the_year(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    stored_minutes(db)
    _window, editor = editor_on_a_new_conference(qtbot, db, store)

    qtbot.mouseClick(editor.papers.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.papers.add_button, Qt.MouseButton.LeftButton)

    rows = [[editor.papers.text(r, c) for c in range(3)] for r in range(2)]
    assert rows == [
        ["Minutes", "12-BB/BTCTU", "15/03/2023"],
        ["Notice", "01-TB/BTCTU", "15/03/2023"],
    ]
    assert [(p.kind, p.number, p.issued_on) for p in editor.form().papers] == [
        ("minutes", "12-BB/BTCTU", dt.date(2023, 3, 15)),
        ("notice", "01-TB/BTCTU", dt.date(2023, 3, 15)),
    ]


def test_a_typed_number_is_undone_and_proposed_again(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    stored_minutes(db)
    _window, editor = editor_on_a_new_conference(qtbot, db, store)
    qtbot.mouseClick(editor.papers.add_button, Qt.MouseButton.LeftButton)

    editor.papers.table.item(0, 1).setText("7-BB/BTCTU")
    assert editor.form().papers[0].number == "7-BB/BTCTU"
    qtbot.keyClick(editor.papers.table, Qt.Key.Key_Z, CTRL)
    assert editor.papers.text(0, 1) == "12-BB/BTCTU"

    editor.papers.table.item(0, 1).setText("")
    assert "Row 1: number Required." in editor.papers_tab.papers_error.text()
    assert not editor.save_button.isEnabled()
    editor.papers.table.setCurrentCell(0, 1)
    qtbot.mouseClick(editor.propose_number_button, Qt.MouseButton.LeftButton)
    assert editor.papers.text(0, 1) == "12-BB/BTCTU"
    assert editor.save_button.isEnabled(), editor.summary.text()


def test_papers_and_absentees_are_saved_and_shown_again(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    stored_minutes(db)
    window, editor = editor_on_a_new_conference(qtbot, db, store)
    qtbot.mouseClick(editor.papers.add_button, Qt.MouseButton.LeftButton)
    editor.tabs.setCurrentIndex(TAB_POINTS)
    type_row(qtbot, editor.absent, "Lý Văn Hùng", "Ủy viên Ban Thường vụ", "Đi công tác")
    type_row(qtbot, editor.absent, "Triệu Đức Thắng", "", "Ốm")
    qtbot.mouseClick(editor.absent.remove_button, Qt.MouseButton.LeftButton)
    assert [a.person.name for a in editor.form().absent] == ["Lý Văn Hùng"]

    activate(qtbot, editor)
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_S, CTRL)
    settle(qtbot, window)
    assert not editor.has_unsaved_changes()
    conference_id = editor.form().id
    assert conference_id is not None
    editor.close()

    stored = load_conference(db, conference_id)
    assert [(p.kind, p.number, p.issued_on) for p in stored.papers] == [
        ("minutes", "12-BB/BTCTU", dt.date(2023, 3, 15))
    ]
    assert [(a.person.name, a.title, a.reason) for a in stored.absent] == [
        ("Lý Văn Hùng", "Ủy viên Ban Thường vụ", "Đi công tác")
    ]
    reopened = open_editor_of(qtbot, window, conference_id)
    assert reopened.papers.text(0, 1) == "12-BB/BTCTU"
    assert reopened.absent.text(0, 2) == "Đi công tác"
    reopened.close()


def test_a_signer_recorded_with_a_paper_survives_an_edit_of_its_number(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    # The tab shows no signer (the office settings print it), but keeps it.
    conference_id = stored_minutes(db)
    form = load_conference(db, conference_id)
    signer = AppearanceForm(PersonRef("Hà Văn Bình"), "Phó Trưởng ban")
    save_conference(db, replace(form, papers=(replace(form.papers[0], signer=signer),)))
    window = open_window(qtbot, db, store)
    editor = open_editor_of(qtbot, window, conference_id)

    editor.papers.table.item(0, 1).setText("13-BB/BTCTU")

    [paper] = editor.form().papers
    assert paper.number == "13-BB/BTCTU"
    assert paper.signer is not None and paper.signer.person.name == "Hà Văn Bình"
    editor.undo_stack.setClean()  # closes without asking about the change
    editor.close()


def test_a_date_of_issue_typed_whole_is_the_date_kept(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    from PySide6.QtWidgets import QApplication

    from minutes_app.ui.widgets.date_field import DateField

    _window, editor = editor_on_a_new_conference(qtbot, db, store)
    qtbot.mouseClick(editor.papers.add_button, Qt.MouseButton.LeftButton)
    table = editor.papers.table
    table.setCurrentCell(0, 2)
    table.edit(table.currentIndex())
    field = QApplication.focusWidget()
    while field is not None and not isinstance(field, DateField):
        field = field.parentWidget()
    assert isinstance(field, DateField)  # the window's one date field, not a QDateEdit
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), "30/6/2020")  # a QDateEdit made it 15/06/2020
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState, timeout=1000)

    assert editor.papers.text(0, 2) == "30/06/2020"
    assert editor.form().papers[0].issued_on == dt.date(2020, 6, 30)
