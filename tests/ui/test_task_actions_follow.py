"""After an action on a task the register keeps it selected, the detail pane shows its new
state and the status bar says what was done (issue 14, point 3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from minutes_app.db.engine import Database
from minutes_app.ui.main_window import PAGE_TASKS, MainWindow
from minutes_app.ui.tasks.dialogs import TaskActionDialog
from tests.ui.helpers import activate, settle, type_text

TITLE = "Quán triệt Quy định 96-QĐ/TW và 97-QĐ/TW tới cấp ủy cơ sở"


@pytest.fixture
def window(qtbot: QtBot, example_db: Database, store: QSettings) -> MainWindow:
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    window.navigation.setCurrentRow(PAGE_TASKS)
    settle(qtbot, window)
    return window


def select(window: MainWindow, title: str) -> int:
    page = window.task_page
    for r in range(page.model.rowCount()):
        row = page.model.row(r)
        if row is not None and row.title == title:
            page.table.selectRow(r)
            return row.id
    raise AssertionError(title)


def act(qtbot: QtBot, window: MainWindow, kind: str, text: str, day: QDate | None = None) -> None:
    def fill() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, TaskActionDialog))
        if day is not None:
            dialog.date.setDate(day)
        type_text(dialog.text, text)
        qtbot.mouseClick(dialog.buttons.ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(window.tasks.buttons[kind], Qt.MouseButton.LeftButton)
    settle(qtbot, window)


def test_an_extended_task_stays_selected_with_its_new_deadline_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    task = select(window, TITLE)
    act(qtbot, window, "extend", "Chờ tài liệu của Trung ương", QDate(2023, 6, 30))
    page = window.task_page
    assert page.selected_ids() == [task]
    assert "31/03/2023 → 30/06/2023. Chờ tài liệu của Trung ương" in page.detail.toPlainText()
    assert window.statusBar().currentMessage() == (
        "Task “Quán triệt Quy định 96-QĐ/TW và 97-QĐ/TW tới cấp ủy cơ sở” extended to 30/06/2023."
    )
    [index] = page.table.selectionModel().selectedRows()
    assert page.table.visualRect(index).intersects(page.table.viewport().rect())


@pytest.mark.parametrize("kind", ["progress", "complete", "cancel"])
def test_the_task_stays_selected_after_each_action(
    qtbot: QtBot, window: MainWindow, kind: str
) -> None:
    task = select(window, TITLE)
    act(qtbot, window, kind, "Báo cáo số 12-BC/HU")
    page = window.task_page
    assert page.selected_ids() == [task]
    assert "Báo cáo số 12-BC/HU" in page.detail.toPlainText()
    words = {"progress": "Progress noted", "complete": "marked as done", "cancel": "cancelled"}
    assert words[kind] in window.statusBar().currentMessage()


def test_a_reopened_task_stays_selected(qtbot: QtBot, window: MainWindow) -> None:
    task = select(window, TITLE)
    act(qtbot, window, "complete", "Báo cáo số 12-BC/HU")
    act(qtbot, window, "reopen", "Báo cáo chưa đủ")
    page = window.task_page
    assert page.selected_ids() == [task]
    assert "Reopened" in page.detail.toPlainText()
    assert window.statusBar().currentMessage() == f"Task “{TITLE}” reopened."


def test_a_task_that_leaves_the_filter_is_said_so(qtbot: QtBot, window: MainWindow) -> None:
    page = window.task_page
    page.class_box.setCurrentIndex(page.class_box.findData("overdue"))
    settle(qtbot, window)
    select(window, TITLE)
    act(qtbot, window, "complete", "Báo cáo số 12-BC/HU")
    assert page.model.rowCount() == 0
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Task “{TITLE}” marked as done on ")
    assert message.endswith("It no longer matches the filters, so the list does not show it.")


def test_a_task_that_moves_in_the_sort_order_stays_selected_and_in_view(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    from minutes_app.core.exchange.samples import load_samples

    load_samples(db)
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    window.navigation.setCurrentRow(PAGE_TASKS)
    settle(qtbot, window)
    page = window.task_page
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by deadline
    rows = [page.model.row(r) for r in range(page.model.rowCount())]
    first = next(i for i, r in enumerate(rows) if r and r.deadline and r.tracking == "overdue")
    page.table.selectRow(first)
    [task] = page.selected_ids()
    act(qtbot, window, "extend", "Chờ ý kiến của Thường trực", QDate(2040, 12, 31))
    assert page.selected_ids() == [task]
    [index] = page.table.selectionModel().selectedRows()
    assert index.row() >= first + 10  # it moved down the list
    assert page.table.visualRect(index).intersects(page.table.viewport().rect())
    assert page.table.currentIndex().row() == index.row()
    assert "→ 31/12/2040. Chờ ý kiến của Thường trực" in page.detail.toPlainText()
