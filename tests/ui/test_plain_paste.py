"""What is pasted into a text field is made plain (issue 17, points 8 and 9): a legacy
font's mojibake converted, pasting artefacts gone; in any line or text field, and in the
from-text dialog, which says what it converted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from minutes_app.ui.conferences.from_text import FromTextDialog
from minutes_app.ui.widgets.pasting import install

VNI_TEXT = "Hoäi nghò tröïc tuyeán quaùn trieät Nghò quyeát soá 18 cuûa Ban Chaáp haønh Trung öông"
VNI_MEANT = "Hội nghị trực tuyến quán triệt Nghị quyết số 18 của Ban Chấp hành Trung ương"


@pytest.fixture
def pasting(qapp: QApplication) -> QApplication:
    install(qapp)
    return qapp


@pytest.mark.parametrize(
    ("clipboard", "shown"),
    [
        (VNI_TEXT, VNI_MEANT),
        ("Ban\u00a0Tổ chức\u200b Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"),
        ("Đã tổ chức quán triệt", "Đã tổ chức quán triệt"),  # nothing to do: Qt pastes it
    ],
)
@pytest.mark.parametrize("kind", [QLineEdit, QPlainTextEdit])
def test_a_paste_into_a_text_field_is_made_plain(
    qtbot: QtBot, pasting: QApplication, kind: type, clipboard: str, shown: str
) -> None:
    assert _pasted_into(qtbot, kind, clipboard) == shown


def _pasted_into(qtbot: QtBot, kind: type, clipboard: str) -> str:
    """What a new field of ``kind`` shows after Ctrl+V with ``clipboard`` on the clipboard."""
    field = kind()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    QApplication.clipboard().setText(clipboard)
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    return str(field.text() if isinstance(field, QLineEdit) else field.toPlainText())


def test_the_from_text_dialog_converts_an_old_fonts_text_and_says_so(qtbot: QtBot) -> None:
    dialog = FromTextDialog([])
    qtbot.addWidget(dialog)
    dialog.set_text(VNI_TEXT)
    assert dialog.text.toPlainText() == VNI_MEANT
    assert "VNI" in dialog.summary.text()


@pytest.mark.parametrize(
    ("kind", "shown"),
    [
        (QLineEdit, "TỈNH ỦY BẮC KẠN ĐẢNG CỘNG SẢN"),
        (QPlainTextEdit, "TỈNH ỦY BẮC KẠN\tĐẢNG CỘNG SẢN"),
    ],
)
def test_a_tab_pasted_is_a_space_in_a_line_and_kept_in_a_text(
    qtbot: QtBot, pasting: QApplication, kind: type, shown: str
) -> None:
    assert _pasted_into(qtbot, kind, "TỈNH ỦY BẮC KẠN \t ĐẢNG\u00a0CỘNG SẢN") == shown
