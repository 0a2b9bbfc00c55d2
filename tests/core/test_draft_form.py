"""An article becomes a conference form: documents matched to the catalogue, text files read."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import docx
import pytest

from minutes_app.core.conferences.catalogue import list_documents
from minutes_app.core.conferences.checks import check
from minutes_app.core.conferences.forms import DocumentForm
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.parsing.draft import draft_from_text
from minutes_app.core.parsing.draft_form import (
    TextFileError,
    form_from_draft,
    match_documents,
    read_text_file,
    symbol_key,
)
from minutes_app.db.engine import Database

ARTICLE = (
    "Sáng 17/02/2023, Ban Tổ chức Trung ương tổ chức hội nghị trực tuyến toàn quốc quán triệt "
    "Quy định số 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị về lấy phiếu tín nhiệm và "
    "Quy định 105-QĐ/TW ngày 19/02/2023 của Bộ Chính trị về phân cấp quản lý cán bộ. "
    "Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư chủ trì hội nghị."
)


def test_symbol_key_ignores_spacing_case_and_diacritics() -> None:
    assert symbol_key("96 - QĐ/ TW") == symbol_key("96-qd/tw") == "96qdtw"


def test_known_document_is_matched_and_a_new_one_is_offered() -> None:
    known = DocumentForm(
        kind="Quy định", number="96", symbol="96 - QĐ/TW", issued_on=dt.date(2023, 2, 2), id=7
    )
    matches = match_documents(draft_from_text(ARTICLE).documents, [known])
    assert [(m.known, m.form.symbol) for m in matches] == [
        (True, "96 - QĐ/TW"),
        (False, "105-QĐ/TW"),
    ]
    assert matches[0].form.id == 7
    assert matches[1].form.issued_on == dt.date(2023, 2, 19)


def test_same_symbol_of_another_date_is_not_the_same_document() -> None:
    other = DocumentForm(
        kind="Quy định", number="96", symbol="96-QĐ/TW", issued_on=dt.date(2011, 1, 1), id=3
    )
    assert not match_documents(draft_from_text(ARTICLE).documents, [other])[0].known


def test_number_only_citation_matches_a_single_document_of_that_kind() -> None:
    draft = draft_from_text("Hội nghị quán triệt Quy định 96 của Bộ Chính trị.")
    known = DocumentForm(kind="Quy định", number="96", symbol="96-QĐ/TW", id=4)
    assert match_documents(draft.documents, [known])[0].form.id == 4
    twins = [known, DocumentForm(kind="Quy định", number="96", symbol="96-QĐ/TU", id=5)]
    assert not match_documents(draft.documents, twins)[0].known


def test_form_saves_and_adds_new_documents_to_the_catalogue(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "m.sqlite3")
    try:
        form = form_from_draft(draft_from_text(ARTICLE), list_documents(db))
        assert form.date == dt.date(2023, 2, 17)
        assert form.session == "morning"
        assert [c.person.name for c in form.chairs] == ["Trương Thị Mai"]
        form = form.__class__(**{**form.__dict__, "title": form.title or "Hội nghị"})
        assert check(form) == []
        conference_id = save_conference(db, form)
        symbols = sorted(d.symbol or "" for d in list_documents(db))
        assert symbols == ["105-QĐ/TW", "96-QĐ/TW"]
        # The same article again links the same two catalogue documents.
        again = form_from_draft(draft_from_text(ARTICLE), list_documents(db))
        assert all(s.document.id is not None for s in again.documents)
        assert len(load_conference(db, conference_id).documents) == 2
    finally:
        db.close()


def test_reads_utf8_legacy_and_docx_files(tmp_path: Path) -> None:
    utf8 = tmp_path / "a.txt"
    utf8.write_bytes("\ufeffĐồng chí chủ trì".encode())
    assert read_text_file(utf8) == "Đồng chí chủ trì"
    legacy = tmp_path / "b.txt"
    # Windows-1258 writes tone marks as combining characters; the reader gives NFC.
    legacy.write_bytes(unicodedata.normalize("NFD", "Đà Lạt").encode("cp1258"))
    assert read_text_file(legacy) == "Đà Lạt"
    word = tmp_path / "c.docx"
    document = docx.Document()
    document.add_paragraph("Sáng 17/02, hội nghị trực tuyến")
    document.save(str(word))
    assert "Sáng 17/02" in read_text_file(word)


def test_unreadable_files_are_refused_plainly(tmp_path: Path) -> None:
    fake = tmp_path / "x.docx"
    fake.write_bytes(b"not a zip")
    with pytest.raises(TextFileError, match="not a Word document"):
        read_text_file(fake)
    with pytest.raises(TextFileError, match="could not be read"):
        read_text_file(tmp_path / "missing.txt")
