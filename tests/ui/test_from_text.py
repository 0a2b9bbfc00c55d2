"""New conference from text: the article is read, highlighted, and opens in the editor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from minutes_app.core.conferences.catalogue import list_documents
from minutes_app.core.conferences.forms import ConferenceForm, DocumentForm
from minutes_app.core.conferences.listing import list_conferences
from minutes_app.db.engine import Database
from minutes_app.ui.conferences.from_text import FromTextDialog
from minutes_app.ui.main_window import MainWindow
from tests.ui.helpers import open_editor_of, settle

ARTICLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "articles"
FIRST = ARTICLES / "000_888d76cd00af702e.txt"
ARTICLE = (
    "Sáng 17/02/2023, Ban Tổ chức Trung ương tổ chức hội nghị trực tuyến quán triệt "
    "Quy định số 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị về lấy phiếu tín nhiệm và "
    "Quy định 105-QĐ/TW ngày 19/02/2023 của Bộ Chính trị về phân cấp quản lý cán bộ. "
    "Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư chủ trì hội nghị."
)


def _items(dialog: FromTextDialog) -> dict[str, QTreeWidgetItem]:
    found: dict[str, QTreeWidgetItem] = {}
    for index in range(dialog.found.topLevelItemCount()):
        group = dialog.found.topLevelItem(index)
        for row in range(group.childCount()):
            found[group.child(row).text(0)] = group.child(row)
    return found


def test_text_is_read_highlighted_and_listed(qtbot: QtBot) -> None:
    known = DocumentForm(kind="Quy định", number="96", symbol="96-QĐ/TW", id=1)
    dialog = FromTextDialog([known])
    qtbot.addWidget(dialog)
    assert not dialog.create_button.isEnabled()
    dialog.set_text(ARTICLE)

    assert dialog.draft is not None
    assert len(dialog.text.extraSelections()) == len(dialog.draft.spans) > 0
    items = _items(dialog)
    assert "in the catalogue" in items["Quy định 96-QĐ/TW"].text(1)
    assert "new" in items["Quy định 105-QĐ/TW"].text(1)
    assert items["Trương Thị Mai"].text(1).startswith("Ủy viên Bộ Chính trị")
    assert "2 document(s), 1 chair(s)" in dialog.summary.text()

    # Choosing a recognised piece shows where it stands in the text.
    dialog.found.setCurrentItem(items["Quy định 105-QĐ/TW"])
    assert dialog.text.textCursor().selectedText().startswith("Quy định 105-QĐ/TW")


def test_create_hands_over_a_matched_form(qtbot: QtBot) -> None:
    known = DocumentForm(kind="Quy định", number="96", symbol="96-QĐ/TW", id=1)
    dialog = FromTextDialog([known])
    qtbot.addWidget(dialog)
    dialog.set_text(ARTICLE)
    with qtbot.waitSignal(dialog.form_ready) as signal:
        dialog.create_button.click()
    form = signal.args[0]
    assert isinstance(form, ConferenceForm)
    assert form.date == dt.date(2023, 2, 17)
    assert [s.document.id for s in form.documents] == [1, None]


def test_typing_rereads_after_a_pause(qtbot: QtBot) -> None:
    dialog = FromTextDialog([])
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Chiều 3/4/2024, hội nghị quán triệt Chỉ thị số 35-CT/TW.")
    qtbot.waitUntil(lambda: dialog.draft is not None, timeout=3000)
    assert dialog.draft is not None and dialog.draft.documents[0].symbol == "35-CT/TW"
    assert dialog.create_button.isEnabled()


def test_decomposed_text_is_shown_as_nfc(qtbot: QtBot) -> None:
    import unicodedata

    dialog = FromTextDialog([])
    qtbot.addWidget(dialog)
    dialog.text.setPlainText(unicodedata.normalize("NFD", ARTICLE))
    dialog.read_text()
    assert dialog.text.toPlainText() == ARTICLE
    assert dialog.draft is not None and len(dialog.draft.documents) == 2


def test_opens_docx_and_refuses_a_broken_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    word = tmp_path / "bai.docx"
    document = docx.Document()
    for line in ARTICLE.split(". "):
        document.add_paragraph(line)
    document.save(str(word))
    dialog = FromTextDialog([])
    qtbot.addWidget(dialog)
    assert dialog.load_file(word)
    assert dialog.draft is not None and len(dialog.draft.documents) == 2
    assert "bai.docx" in dialog.summary.text()

    shown: list[str] = []
    monkeypatch.setattr(
        "minutes_app.ui.conferences.from_text.inform",
        lambda _parent, _title, text, error=False: shown.append(text),
    )
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    assert not dialog.load_file(broken)
    assert shown and "not a Word document" in shown[0]


def test_paste_button_reads_the_clipboard(qtbot: QtBot) -> None:
    dialog = FromTextDialog([])
    qtbot.addWidget(dialog)
    QApplication.clipboard().setText(ARTICLE)
    dialog.paste_button.click()
    assert dialog.draft is not None and len(dialog.draft.chairs) == 1


@pytest.mark.skipif(not FIRST.exists(), reason="sample articles are beside the repository")
def test_sample_article_becomes_a_saved_conference(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.from_text_action.trigger()
    qtbot.waitUntil(lambda: window.conferences.from_text is not None)  # read on the worker
    dialog = window.conferences.from_text
    assert dialog is not None
    dialog.today = lambda: dt.date(2023, 2, 20)  # read the week it was published
    dialog.set_text(FIRST.read_text(encoding="utf-8"))
    editor = open_editor_of(qtbot, window, dialog.create_button.click)
    form = editor.form()
    assert form.date == dt.date(2023, 2, 17)
    assert [c.person.name for c in form.chairs] == ["Trương Thị Mai"]
    assert form.organizer == "Ban Tổ chức Trung ương"
    editor.save_button.click()
    settle(qtbot, window)
    assert [c.title for c in list_conferences(db)] == [form.title]
    symbols = {d.symbol for d in list_documents(db)}
    assert {"96-QĐ/TW", "97-QĐ/TW"} <= symbols
