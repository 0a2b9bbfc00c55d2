"""The main window opens on a database, shows its conferences and remembers its layout."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from minutes_app.db.engine import Database
from minutes_app.ui.main_window import PAGE_DOCUMENTS, MainWindow
from tests.ui.helpers import settle


def open_window(qtbot: QtBot, db: Database, store: QSettings) -> MainWindow:
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    return window


def test_window_opens_on_an_empty_database_with_its_name_and_menus(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    window = open_window(qtbot, db, store)
    assert "minutes-app" in window.windowTitle()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    assert window.conference_page.model.rowCount() == 0
    assert window.conference_page.empty_label.isVisibleTo(window)


def test_window_lists_the_imported_conference(
    qtbot: QtBot, example_db: Database, store: QSettings
) -> None:
    window = open_window(qtbot, example_db, store)
    model = window.conference_page.model
    assert model.rowCount() == 1
    assert model.index(0, 2).data().startswith("Hội nghị trực tuyến quán triệt")
    assert model.index(0, 4).data() == "Trương Thị Mai"
    assert not window.conference_page.empty_label.isVisibleTo(window)


def test_documents_screen_lists_the_catalogue_with_where_each_was_studied(
    qtbot: QtBot, example_db: Database, store: QSettings
) -> None:
    window = open_window(qtbot, example_db, store)
    window.navigation.setCurrentRow(PAGE_DOCUMENTS)
    page = window.documents_page
    settle(qtbot, window)
    page.filter_box.setText("qd 96")
    assert page.model.rowCount() == 1
    page.view.selectRow(0)
    settle(qtbot, window)  # where it was studied is read on the worker
    text = page.detail.toPlainText()
    assert "Quy định 96-QĐ/TW ngày 02/02/2023" in text
    assert "17/02/2023 — Hội nghị trực tuyến quán triệt" in text
    assert "Tham mưu Ban Thường vụ Tỉnh ủy ban hành kế hoạch triển khai Quy định 96-QĐ/TW" in text


def test_window_size_is_remembered_between_runs(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    window = open_window(qtbot, db, store)
    window.resize(770, 610)
    window.close()
    again = open_window(qtbot, db, store)
    assert (again.width(), again.height()) == (770, 610)


def test_help_menu_loads_the_sample_data(qtbot: QtBot, db: Database, store: QSettings) -> None:
    window = open_window(qtbot, db, store)
    window.samples_action.trigger()
    settle(qtbot, window)
    assert window.conference_page.model.visible_count() == 5
    window.navigation.setCurrentRow(1)
    settle(qtbot, window)
    assert window.task_page.model.total() == 38
