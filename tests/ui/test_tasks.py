"""Tasks in the window: create from an instruction, extend, complete, undo, overview, reminder."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.tasks.actions import NewTasks, create_tasks
from minutes_app.core.tasks.query import TaskQuery, TaskRegister
from minutes_app.db.engine import Database
from minutes_app.db.models import Instruction
from minutes_app.ui.conferences.editor import TAB_INSTRUCTIONS
from minutes_app.ui.main_window import PAGE_OVERVIEW, PAGE_TASKS, MainWindow
from minutes_app.ui.tasks.dialogs import CreateTasksDialog, TaskActionDialog
from minutes_app.ui.tasks.register import TaskTableModel
from tests.ui.helpers import activate, open_editor_of, select_task, settle, type_text, when_shown

UNITS = ("Huyện ủy Ba Bể", "Thành ủy Bắc Kạn", "Ban Tổ chức Tỉnh ủy Bắc Kạn")


@pytest.fixture
def window(qtbot: QtBot, example_db: Database, store: QSettings) -> MainWindow:
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    return window


def later(action: object) -> None:
    """Run ``action`` on the dialog that a click is about to open."""
    QTimer.singleShot(0, action)  # type: ignore[arg-type]


def visible(kind: type) -> object:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def task_count(db: Database) -> int:
    return TaskRegister(db, TaskQuery(as_of=dt.date(2030, 1, 1))).count()


def test_tasks_for_three_units_are_created_from_an_instruction_in_one_step(
    qtbot: QtBot, window: MainWindow, example_db: Database
) -> None:
    before = task_count(example_db)
    [conference] = list_conferences(example_db)
    editor = open_editor_of(qtbot, window, conference.id)
    editor.tabs.setCurrentIndex(TAB_INSTRUCTIONS)
    editor.instructions.table.selectRow(0)

    def fill(dialog: CreateTasksDialog) -> None:
        assert dialog.titles.toPlainText().startswith("Các cấp ủy, tổ chức đảng cần quán triệt")
        dialog.titles.setPlainText("Xây dựng kế hoạch thực hiện Quy định 96-QĐ/TW")
        dialog.check_units(dialog.leads, UNITS)
        dialog.preset_box.setCurrentIndex(dialog.preset_box.findData("15d"))
        assert dialog.one_per_unit.isChecked()
        qtbot.mouseClick(dialog.buttons.ok, Qt.MouseButton.LeftButton)

    when_shown(CreateTasksDialog, fill)  # once the units are read on the worker
    qtbot.mouseClick(editor.create_tasks_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: task_count(example_db) == before + 3)
    settle(qtbot, window)
    assert task_count(example_db) == before + 3
    rows = TaskRegister(
        example_db, TaskQuery(as_of=dt.date(2023, 2, 20), text="xay dung ke hoach")
    ).page(0, 10)
    assert sorted(r.lead_unit for r in rows) == sorted(UNITS)
    assert {r.deadline for r in rows} == {dt.date(2023, 3, 4)}
    assert editor.form().instructions[0].task_count == 2 + 3
    editor.close()
    window.undo_action.trigger()
    settle(qtbot, window)
    assert task_count(example_db) == before


def test_extending_needs_a_reason_then_keeps_both_deadlines(
    qtbot: QtBot, window: MainWindow, example_db: Database
) -> None:
    select_task(qtbot, window, "quan triet quy dinh 96")
    messages: list[str] = []

    def fill() -> None:
        dialog = visible(TaskActionDialog)
        assert isinstance(dialog, TaskActionDialog)
        dialog.date.setDate(QDate(2023, 4, 30))
        qtbot.mouseClick(dialog.buttons.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(dialog.error.text()))  # refused on the worker
        messages.append(dialog.error.text())
        type_text(dialog.text, "Chờ tài liệu của Trung ương")
        qtbot.mouseClick(dialog.buttons.ok, Qt.MouseButton.LeftButton)

    later(fill)
    qtbot.mouseClick(window.tasks.buttons["extend"], Qt.MouseButton.LeftButton)
    assert messages == ["Please fill in the reason or text."]
    detail = window.task_page
    select_task(qtbot, window, "quan triet quy dinh 96")
    html = detail.detail.toPlainText()
    assert "Deadline extended: 15/03/2023 → 31/03/2023. Chờ hướng dẫn" not in html
    assert "31/03/2023 → 30/04/2023. Chờ tài liệu của Trung ương" in html


def test_the_detail_pane_gives_the_day_a_task_was_assigned_not_the_day_it_was_typed(
    qtbot: QtBot, window: MainWindow, example_db: Database
) -> None:
    [conference] = list_conferences(example_db)
    with example_db.reading() as session:
        instruction = session.scalars(
            select(Instruction.id).where(Instruction.conference_id == conference.id)
        ).first()
    assert instruction is not None
    create_tasks(
        example_db,
        NewTasks(
            instruction_id=instruction,
            titles=("Sơ kết việc quán triệt ở cơ sở",),
            lead_units=("Huyện ủy Ba Bể",),
            assigned_on=dt.date(2023, 2, 20),
        ),
        by="Lan",
    )
    select_task(qtbot, window, "so ket viec quan triet")

    lines = window.task_page.detail.toPlainText().splitlines()

    [assigned] = [line for line in lines if "Task assigned" in line]
    entered = dt.date.today().strftime("%d/%m/%Y")
    assert assigned.startswith("20/02/2023 — Task assigned. Entered " + entered)
    assert assigned.endswith("(Lan)")


def test_completing_a_task_then_undo_reopens_it(
    qtbot: QtBot, window: MainWindow, example_db: Database
) -> None:
    select_task(qtbot, window, "quan triet quy dinh 96")

    def fill() -> None:
        dialog = visible(TaskActionDialog)
        assert isinstance(dialog, TaskActionDialog)
        type_text(dialog.text, "Báo cáo số 12-BC/HU")
        qtbot.mouseClick(dialog.buttons.ok, Qt.MouseButton.LeftButton)

    later(fill)
    qtbot.mouseClick(window.tasks.buttons["complete"], Qt.MouseButton.LeftButton)
    today = dt.date.today()
    done = TaskRegister(example_db, TaskQuery(as_of=today, classes=frozenset({"done_late"})))
    assert [r.title for r in done.page(0, 5)] == [
        "Quán triệt Quy định 96-QĐ/TW và 97-QĐ/TW tới cấp ủy cơ sở"
    ]
    window.navigation.setCurrentRow(PAGE_OVERVIEW)
    settle(qtbot, window)
    assert window.overview_page.tiles["done_late"].number.text() == "1"
    assert window.overview_page.tiles["overdue"].number.text() == "0"
    activate(qtbot, window)
    qtbot.keyClick(window.overview_page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)  # undone on the worker; the overview follows by itself
    assert done.count() == 0
    assert window.overview_page.tiles["overdue"].number.text() == "1"


def test_a_tile_of_the_overview_opens_the_register_filtered(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.navigation.setCurrentRow(4)
    settle(qtbot, window)
    qtbot.mouseClick(window.overview_page.tiles["overdue"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.pages.currentIndex() == PAGE_TASKS
    model = window.task_page.model
    assert [model.row(r).tracking for r in range(model.rowCount())] == ["overdue"]  # type: ignore[union-attr]


def test_overview_lists_the_overdue_task_with_its_lead_unit(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.navigation.setCurrentRow(PAGE_OVERVIEW)
    settle(qtbot, window)
    table = window.overview_page.overdue
    assert table.rowCount() == 1
    assert table.item(0, 2).text() == "Huyện ủy Ba Bể"
    assert int(table.item(0, 0).text()) == (dt.date.today() - dt.date(2023, 3, 31)).days


def test_reminder_at_start_leads_to_the_overdue_tasks(
    qtbot: QtBot, window: MainWindow, store: QSettings
) -> None:
    window.store.setValue("remind_on_start", "true")
    window.after_first_paint()
    qtbot.waitUntil(lambda: window.reminders.box is not None, timeout=20_000)
    box = window.reminders.box
    assert box is not None and box.isVisible()
    assert not box.isModal()
    assert box.text() == "1 task overdue and 0 due within 7 days."
    [show] = [b for b in box.buttons() if b.text() == "Show them"]
    box.checkBox().setChecked(True)
    show.click()
    assert window.pages.currentIndex() == PAGE_TASKS
    assert store.value("remind_on_start") == "false"
    assert window.reminders.show_reminder((1, 0)) is None


def test_task_model_passes_the_model_tester(
    example_db: Database, qtmodeltester: ModelTester
) -> None:
    model = TaskTableModel(example_db)
    model.set_query(TaskQuery(as_of=dt.date(2023, 3, 20)))
    qtmodeltester.check(model, force_py=True)


def test_message_boxes_are_not_left_blocking(monkeypatch: pytest.MonkeyPatch) -> None:
    # The autouse fixture answers unexpected message boxes; this checks it is in place.
    box = QMessageBox()
    box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    assert box.exec() == 0
