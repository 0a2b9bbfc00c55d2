"""The editor opens whole on the screen, and its title is the conference's title as typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database
from minutes_app.ui.main_window import MainWindow
from tests.ui.helpers import open_editor_of, type_text

ARTICLE = (
    "Chiều 2-3, Ban Tổ chức Trung ương tổ chức hội nghị giao ban trực tuyến công tác tổ chức "
    "xây dựng Đảng 2 tháng đầu năm 2020. Đồng chí Phạm Minh Chính, Ủy viên Bộ Chính trị, Bí "
    "thư Trung ương Đảng, Trưởng ban Tổ chức Trung ương chủ trì hội nghị."
)


def screen_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QApplication.primaryScreen()
    return screen.availableGeometry()


def open_window(qtbot: QtBot, db: Database, store: QSettings) -> MainWindow:
    load_samples(db)
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def at_right_edge(window: MainWindow) -> None:
    """The main window against the right edge of the screen, as on a wide screen where it
    was moved aside."""
    area = screen_area(window)
    window.resize(min(760, area.width()), min(600, area.height()))
    window.move(area.right() + 1 - window.frameGeometry().width(), area.top())
    QApplication.processEvents()


def assert_on_screen(widget: QWidget) -> None:
    area = screen_area(widget)
    assert area.contains(widget.frameGeometry()), (widget.frameGeometry(), area)
    assert widget.width() >= widget.minimumSizeHint().width() or widget.width() == area.width()


def test_editor_opens_inside_the_screen_beside_a_window_at_the_right_edge(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    window = open_window(qtbot, db, store)
    at_right_edge(window)
    editor = open_editor_of(qtbot, window, list_conferences(db)[0].id)
    qtbot.waitExposed(editor)
    assert_on_screen(editor)
    # Centred on the main window as far as the screen allows: it reaches the right edge.
    assert editor.frameGeometry().right() == screen_area(editor).right()
    assert editor.close_button.isVisible()


def test_editor_beside_the_text_it_was_made_from_is_inside_the_screen(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    window = open_window(qtbot, db, store)
    at_right_edge(window)
    window.conferences.new_conference_from_text()
    qtbot.waitUntil(lambda: window.conferences.from_text is not None)  # read on the worker
    dialog = window.conferences.from_text
    assert dialog is not None
    dialog.set_text(ARTICLE)
    editor = open_editor_of(qtbot, window, dialog.create_button.click)
    qtbot.waitExposed(editor)
    assert_on_screen(editor)
    assert_on_screen(dialog)
    # The text on the left, the editor on the right.
    assert dialog.frameGeometry().left() < editor.frameGeometry().left()


def test_saved_editor_geometry_off_the_screen_is_brought_back(
    qtbot: QtBot, db: Database, store: QSettings, tmp_path: Path
) -> None:
    window = open_window(qtbot, db, store)
    conference = list_conferences(db)[0].id
    editor = open_editor_of(qtbot, window, conference)
    qtbot.waitExposed(editor)
    area = screen_area(editor)
    # Where a second screen, since unplugged, once was; and taller than this one.
    width = editor.minimumSizeHint().width() + 10
    editor.setGeometry(area.right() + 400, area.top() + 100, width, area.height() + 300)
    editor.close()
    assert isinstance(store.value("editor/geometry"), QByteArray)
    editor = open_editor_of(qtbot, window, conference)
    qtbot.waitExposed(editor)
    assert_on_screen(editor)
    assert editor.width() == width  # the width kept, as it fits


def test_editor_title_is_the_title_as_typed(qtbot: QtBot, db: Database, store: QSettings) -> None:
    window = open_window(qtbot, db, store)
    editor = open_editor_of(qtbot, window)
    qtbot.waitExposed(editor)
    title = (
        "Hội nghị trực tuyến Quán triệt Quy định số 96-QĐ/TW và Hướng dẫn số 22-HD/BTCTW "
        "của Ban Tổ chức Trung ương — điểm cầu tỉnh Bình Phước"
    )
    editor.title_edit.setFocus()
    type_text(editor.title_edit, title)
    assert editor.windowTitle() == f"{title} *"
    editor.undo_stack.setClean()
    assert editor.windowTitle() == title


def test_main_window_saved_off_the_screen_opens_on_it(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    window = open_window(qtbot, db, store)
    area = screen_area(window)
    window.setGeometry(area.right() + 300, area.bottom() + 200, 760, 560)
    window.close()
    again = MainWindow(db, store)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    qtbot.wait(20)  # the check once shown, with the frame
    assert area.contains(again.frameGeometry()), (again.frameGeometry(), area)
