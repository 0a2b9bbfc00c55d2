"""Ctrl+F searches everything and opens what it finds."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from minutes_app.db.engine import Database
from minutes_app.ui.main_window import PAGE_DOCUMENTS, PAGE_TASKS, MainWindow
from tests.ui.helpers import activate, settle, type_text


def test_ctrl_f_finds_a_document_typed_without_accents_and_opens_it(
    qtbot: QtBot, example_db: Database, store: QSettings
) -> None:
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.finder.dialog
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.query, "qd 96")
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() > 0, timeout=2000)
    groups = [
        dialog.results.topLevelItem(i).text(0) for i in range(dialog.results.topLevelItemCount())
    ]
    assert groups == ["Documents (1)", "Tasks (2)"]
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == PAGE_DOCUMENTS
    settle(qtbot, window)  # the screen fills itself when first shown
    assert window.documents_page.model.rowCount() == 1


def test_a_task_hit_opens_the_register_on_that_task(
    qtbot: QtBot, example_db: Database, store: QSettings
) -> None:
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    dialog = window.finder.show()
    dialog.query.setText("quan triet 97")
    dialog.run()
    task_item = dialog.results.topLevelItem(0).child(0)
    dialog.results.itemActivated.emit(task_item, 0)
    settle(qtbot, window)  # the register's choices come after the task is shown
    assert window.pages.currentIndex() == PAGE_TASKS
    assert window.task_page.model.rowCount() == 1
    assert window.task_page.selected_ids() == [window.task_page.model.row(0).id]  # type: ignore[union-attr]


def test_a_group_counts_every_match_and_shows_the_best_twenty(qtbot: QtBot, db: Database) -> None:
    from minutes_app.core.directory import save_unit
    from minutes_app.ui.search_dialog import SearchDialog

    for i in range(25):
        save_unit(db, None, f"Chi bộ thôn Nà Mạ {i}", None, None)
    dialog = SearchDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.query, "chi bo na m")
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() > 0, timeout=2000)
    units = dialog.results.topLevelItem(0)
    assert units.text(0) == "Units (25)"
    assert units.childCount() == 20
