"""Units and people: listed in Vietnamese order, edited, and merged through the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from minutes_app.core.directory import list_people, list_units
from minutes_app.db.engine import Database
from minutes_app.ui.directory.page import DirectoryList, DirectoryPage, MergeDialog, NameDialog
from minutes_app.ui.operations import DatabaseWorker
from tests.ui.helpers import settle


@pytest.fixture
def page(qtbot: QtBot, example_db: Database, worker: DatabaseWorker) -> DirectoryPage:
    page = DirectoryPage(worker)
    qtbot.addWidget(page)
    page.show()  # filled when first shown
    settle(qtbot, worker)
    return page


def names(section: DirectoryList) -> list[str]:
    model = section.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def select(section: DirectoryList, *rows: int) -> None:
    selection = section.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(section.model.index(row, 0), flags)


def answer_dialog(kind: type, act: object) -> None:
    def run() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        )
        act(dialog)  # type: ignore[operator]

    QTimer.singleShot(0, run)


def test_units_are_listed_in_vietnamese_order(page: DirectoryPage) -> None:
    assert names(page.units) == [
        "Ban Tổ chức Tỉnh ủy Bắc Kạn",
        "Huyện ủy Ba Bể",
        "Thành ủy Bắc Kạn",
        "Tỉnh ủy Bắc Kạn",
    ]


def test_people_filter_is_blind_to_diacritics(qtbot: QtBot, page: DirectoryPage) -> None:
    page.people.filter_box.setText("truong thi")
    assert names(page.people) == ["Trương Thị Mai"]


def test_adding_a_unit_through_the_dialog_lists_it(
    qtbot: QtBot, page: DirectoryPage, example_db: Database
) -> None:
    def fill(dialog: NameDialog) -> None:
        dialog.edits[0].setText("Ủy ban Kiểm tra Tỉnh ủy Bắc Kạn")
        dialog.edits[2].setText("Tỉnh ủy Bắc Kạn")
        dialog.buttons.ok.click()  # saved on the worker; the dialog closes once it is

    answer_dialog(NameDialog, fill)
    qtbot.mouseClick(page.units.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)  # the page follows the change by itself
    added = [u for u in list_units(example_db) if u.name == "Ủy ban Kiểm tra Tỉnh ủy Bắc Kạn"]
    assert [(u.parent) for u in added] == ["Tỉnh ủy Bắc Kạn"]
    assert "Ủy ban Kiểm tra Tỉnh ủy Bắc Kạn" in names(page.units)


def test_a_duplicate_name_is_explained_in_the_dialog(qtbot: QtBot, page: DirectoryPage) -> None:
    messages: list[str] = []

    def fill(dialog: NameDialog) -> None:
        dialog.edits[0].setText("Huyện ủy Ba Bể")
        dialog.buttons.ok.click()
        qtbot.waitUntil(lambda: bool(dialog.error.text()))  # refused on the worker
        messages.append(dialog.error.text())
        assert dialog.isVisible()  # with what was typed
        dialog.reject()

    answer_dialog(NameDialog, fill)
    qtbot.mouseClick(page.units.add_button, Qt.MouseButton.LeftButton)
    assert messages == ["That name is already in the list: use Merge instead."]


def test_merging_two_spellings_of_a_person_keeps_the_chosen_one(
    qtbot: QtBot, page: DirectoryPage, example_db: Database
) -> None:
    from minutes_app.core.directory import save_person

    save_person(example_db, None, "Trương T. Mai", None)
    page.refresh()
    settle(qtbot, page)
    rows = names(page.people)
    select(page.people, rows.index("Trương T. Mai"), rows.index("Trương Thị Mai"))
    assert page.people.merge_button.isEnabled()

    def keep_full_name(dialog: MergeDialog) -> None:
        if dialog.keep_first.text() == "Trương Thị Mai":
            dialog.keep_first.setChecked(True)
        else:
            dialog.keep_second.setChecked(True)
        dialog.accept()

    answer_dialog(MergeDialog, keep_full_name)
    qtbot.mouseClick(page.people.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    people = {p.name: p.appearances for p in list_people(example_db)}
    assert "Trương T. Mai" not in people
    assert people["Trương Thị Mai"] == 3
    assert "Trương T. Mai" not in names(page.people)


def test_directory_models_pass_the_model_tester(
    page: DirectoryPage, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(page.units_model, force_py=True)
    qtmodeltester.check(page.people_model, force_py=True)
