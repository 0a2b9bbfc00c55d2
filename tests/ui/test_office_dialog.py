"""The office's details are edited in a dialog and kept in the database."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from minutes_app.core.paperwork.office import load_office
from minutes_app.core.paperwork.signing import SignerLines
from minutes_app.db.engine import Database
from minutes_app.ui.operations import DatabaseWorker
from minutes_app.ui.paperwork.office_dialog import OfficeDialog
from tests.ui.helpers import settle


def test_details_are_saved_cleaned(qtbot: QtBot, db: Database, worker: DatabaseWorker) -> None:
    dialog = OfficeDialog(worker, load_office(db))
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
    dialog = OfficeDialog(worker, load_office(db))
    qtbot.addWidget(dialog)
    dialog.edits["office_name"].setText("   ")
    dialog.ok_button.click()
    assert "office name is required" in dialog.error.text()
    assert load_office(db).office_name == "BAN TỔ CHỨC"
    assert dialog.edits["office_name"].maxLength() == 200


def test_each_paper_has_its_way_of_signing_with_a_preview(
    qtbot: QtBot, db: Database, worker: DatabaseWorker
) -> None:
    dialog = OfficeDialog(worker, load_office(db))
    qtbot.addWidget(dialog)
    # The defaults of a "BAN TỔ CHỨC": a deputy head signs the notice and the report.
    assert dialog.ways["notice"].currentData() == "deputy"
    assert dialog.ways["minutes"].currentData() == "chair"
    assert "K/T TRƯỞNG BAN<" in dialog.previews["notice"].text()
    assert "PHÓ TRƯỞNG BAN" in dialog.previews["report"].text()
    assert "THƯ KÝ · CHỦ TRÌ" in dialog.previews["minutes"].text()
    assert not dialog.edits["minutes_signer"].isEnabled()
    assert dialog.edits["notice_signer_post"].placeholderText() == "PHÓ TRƯỞNG BAN"

    dialog.ways["report"].setCurrentIndex(dialog.ways["report"].findData("own"))
    dialog.edits["report_signer"].setText("Hà Văn Bình")
    assert "K/T" not in dialog.previews["report"].text()
    assert "TRƯỞNG BAN" in dialog.previews["report"].text()
    assert "Hà Văn Bình" in dialog.previews["report"].text()
    dialog.edits["notice_signer"].setText("Lý Văn Đức")
    dialog.ok_button.click()
    settle(qtbot, worker)
    assert dialog.result() == OfficeDialog.DialogCode.Accepted
    office = load_office(db)
    assert office.signer_lines("report") == SignerLines("", "TRƯỞNG BAN", "Hà Văn Bình")
    assert office.signer_lines("notice") == SignerLines(
        "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Lý Văn Đức"
    )


def test_on_behalf_of_a_committee_is_refused_under_a_ban(
    qtbot: QtBot, db: Database, worker: DatabaseWorker
) -> None:
    dialog = OfficeDialog(worker, load_office(db))
    qtbot.addWidget(dialog)
    dialog.ways["notice"].setCurrentIndex(dialog.ways["notice"].findData("authorised"))
    assert "is not a committee" in dialog.previews["notice"].text()
    dialog.ok_button.click()
    assert dialog.result() != OfficeDialog.DialogCode.Accepted
    assert dialog.error.text().startswith("Notice: T/L (by authorisation) is only for")
    assert load_office(db).signing("notice") == "deputy"

    # Under the committee's own heading the same way is kept, with its authority line.
    dialog.edits["office_name"].setText("TỈNH ỦY")
    assert "T/L BAN THƯỜNG VỤ" in dialog.previews["notice"].text()
    assert "CHÁNH VĂN PHÒNG" in dialog.previews["notice"].text()
    # The report, still K/T, is only warned about: the dialog saves.
    assert "led collectively" in dialog.previews["report"].text()
    dialog.ok_button.click()
    settle(qtbot, worker)
    assert dialog.result() == OfficeDialog.DialogCode.Accepted
    assert load_office(db).signer_lines("notice").authority == "T/L BAN THƯỜNG VỤ"
