"""The office's details are edited in a dialog and kept in the database."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from minutes_app.core.paperwork.office import load_office
from minutes_app.db.engine import Database
from minutes_app.ui.operations import DatabaseWorker
from minutes_app.ui.paperwork.office_dialog import OfficeDialog
from tests.ui.helpers import settle


def test_details_are_saved_cleaned(qtbot: QtBot, db: Database, worker: DatabaseWorker) -> None:
    dialog = OfficeDialog(worker)
    qtbot.addWidget(dialog)
    assert dialog.edits["office_name"].text() == "BAN TỔ CHỨC"
    dialog.edits["superior_body"].setText("  TỈNH ỦY BẮC KẠN ")
    dialog.edits["place"].setText("Bắc Kạn")
    dialog.ok_button.click()
    settle(qtbot, worker)
    assert dialog.result() == OfficeDialog.DialogCode.Accepted
    office = load_office(db)
    assert (office.superior_body, office.place) == ("TỈNH ỦY BẮC KẠN", "Bắc Kạn")


def test_empty_office_name_is_refused_with_a_message(
    qtbot: QtBot, db: Database, worker: DatabaseWorker
) -> None:
    dialog = OfficeDialog(worker)
    qtbot.addWidget(dialog)
    dialog.edits["office_name"].setText("   ")
    dialog.ok_button.click()
    assert "office name is required" in dialog.error.text()
    assert load_office(db).office_name == "BAN TỔ CHỨC"
    assert dialog.edits["office_name"].maxLength() == 200
