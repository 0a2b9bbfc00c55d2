"""Odd, long and empty values typed or pasted into the window's forms: saved as they will
be read back, or refused with a message; never a traceback (pytest-qt fails a test on an
exception raised inside a Qt slot)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from minutes_app.base.limits import MAX_TEXT
from minutes_app.base.text import clean
from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.paperwork.office import load_office
from minutes_app.db.engine import Database
from minutes_app.ui.conferences.editor import ConferenceEditor
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.operations import DatabaseWorker
from minutes_app.ui.paperwork.office_dialog import OfficeDialog
from tests.ui.helpers import open_editor_of, settle

ODD = {
    "nul and controls": "Hội nghị\x00 giao\x07 ban\x1b",
    "lone surrogate": "Hội nghị \ud800 trực tuyến",
    "emoji": "Hội nghị 🙂🇻🇳👩‍👩‍👧 " * 20,
    "right to left": "\u202eHội nghị مؤتمر שלום\u202c",
    "decomposed": "Ho\u0302\u0323i nghi\u0323 Đa\u0309ng",
    "tcvn3 soup": "Héi nghÞ trùc tuyÕn toµn quèc",
    "vni soup": "Hoäi nghò tröïc tuyeán",
    "only spaces": " \t ",
    "empty": "",
    "long": "Quán triệt Quy định số 96-QĐ/TW " * 900,
}


@pytest.fixture
def window(qtbot: QtBot, db: Database, store: QSettings) -> MainWindow:
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    return window


def save(qtbot: QtBot, editor: ConferenceEditor) -> bool:
    """Save as Ctrl+S does and wait: whether it was stored (False: refused at once)."""
    outcome: list[bool] = []
    if not editor.save(then=outcome.append):
        return False
    qtbot.waitUntil(lambda: bool(outcome))
    return outcome[0]


@pytest.mark.parametrize("value", ODD.values(), ids=ODD.keys())
def test_conference_title_and_notes_are_saved_as_read_back_or_refused(
    qtbot: QtBot, window: MainWindow, db: Database, value: str
) -> None:
    editor = open_editor_of(qtbot, window)
    editor.title_edit.setText(value)
    editor.notes_edit.setPlainText(value)
    shown_title = editor.title_edit.text()  # what Qt kept of it (no lone surrogate)
    saved = save(qtbot, editor)
    rows = list_conferences(db)
    if clean(shown_title) is None:
        assert not saved
        assert editor.title_error.isVisible() and editor.title_error.text() == "Required."
        assert rows == []
        return
    assert saved
    [row] = rows
    form = load_conference(db, row.id)
    assert form.title == clean(shown_title)
    assert editor.title_edit.text() == form.title  # the editor shows what was stored
    assert form.notes == clean(editor.notes_edit.toPlainText())
    editor.close()


def test_notes_longer_than_the_limit_are_refused_with_a_message(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    editor = open_editor_of(qtbot, window)
    editor.title_edit.setText("Hội nghị giao ban")
    editor.notes_edit.setPlainText("x" * (MAX_TEXT + 1))
    assert not save(qtbot, editor)
    assert editor.summary.text() == "1 problem to fix before saving."
    assert not editor.save_button.isEnabled()
    assert list_conferences(db) == []
    editor.notes_edit.setPlainText("x" * MAX_TEXT)
    assert save(qtbot, editor)
    [row] = list_conferences(db)
    assert len(load_conference(db, row.id).notes or "") == MAX_TEXT
    editor.close()


@pytest.mark.parametrize("value", ODD.values(), ids=ODD.keys())
def test_office_settings_take_odd_values_or_refuse_them(
    qtbot: QtBot, db: Database, worker: DatabaseWorker, value: str
) -> None:
    dialog = OfficeDialog(worker, load_office(db))
    qtbot.addWidget(dialog)
    before = load_office(db)
    edit = dialog.edits["office_name"]
    edit.setText(value)
    dialog.ok_button.click()
    settle(qtbot, worker)
    after = load_office(db)
    if clean(edit.text()) is None:
        assert dialog.result() != OfficeDialog.DialogCode.Accepted
        assert after == before
        assert "office name is required" in dialog.error.text()
    else:
        assert dialog.result() == OfficeDialog.DialogCode.Accepted
        # Stored cleaned, with runs of white space as one space (office.py).
        assert after.office_name == " ".join((clean(edit.text()) or "").split())
        assert len(after.office_name) <= edit.maxLength()
