"""The catalogue screen filters by kind, issuer and year besides the words typed."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database
from minutes_app.ui.conferences.documents import DocumentsPage
from minutes_app.ui.operations import DatabaseWorker
from tests.ui.helpers import settle, statements_on_ui_thread


def _shown(page: DocumentsPage) -> list[tuple[str, str | None, int | None]]:
    rows = [page.model.row(i) for i in range(page.model.rowCount())]
    return [(r.kind, r.issuer, r.issued_on.year if r.issued_on else None) for r in rows if r]


def test_kind_issuer_and_year_filters_combine(
    qtbot: QtBot, db: Database, worker: DatabaseWorker
) -> None:
    load_samples(db)
    page = _filled_page(qtbot, worker)
    everything = _shown(page)
    assert len(everything) > 3
    kinds = [page.kind_box.itemText(i) for i in range(1, page.kind_box.count())]
    assert "Quy định" in kinds

    page.kind_box.setCurrentIndex(page.kind_box.findData("Quy định"))
    assert _shown(page) and all(kind == "Quy định" for kind, _, _ in _shown(page))
    page.issuer_box.setCurrentIndex(page.issuer_box.findData("Bộ Chính trị"))
    assert _shown(page) and all(issuer == "Bộ Chính trị" for _, issuer, _ in _shown(page))
    page.year_box.setCurrentIndex(page.year_box.findData("2023"))
    assert all(year == 2023 for _, _, year in _shown(page))

    # The choices survive a reload; "all" again shows everything.
    page.refresh()
    settle(qtbot, worker)
    assert page.kind_box.currentData() == "Quy định"
    for box in (page.kind_box, page.issuer_box, page.year_box):
        box.setCurrentIndex(0)
    assert len(_shown(page)) == len(everything)


def test_where_a_document_was_studied_is_read_on_the_worker(
    qtbot: QtBot, example_db: Database, worker: DatabaseWorker
) -> None:
    page = _filled_page(qtbot, worker)
    page.filter_box.setText("qd 96")
    with statements_on_ui_thread() as statements:
        page.view.selectRow(0)
        settle(qtbot, worker)
    assert statements == []
    text = page.detail.toPlainText()
    assert "Quy định 96-QĐ/TW ngày 02/02/2023" in text
    assert "17/02/2023 — Hội nghị trực tuyến quán triệt" in text


def test_a_selection_changed_while_it_is_read_shows_what_is_selected_now(
    qtbot: QtBot, example_db: Database, worker: DatabaseWorker
) -> None:
    page = _filled_page(qtbot, worker)
    page.view.selectRow(0)
    page.view.clearSelection()  # before the first document's use is back
    settle(qtbot, worker)
    assert page.detail.toPlainText() == ""


def _filled_page(qtbot: QtBot, worker: DatabaseWorker) -> DocumentsPage:
    """The documents screen with the catalogue read."""
    page = DocumentsPage(worker)
    qtbot.addWidget(page)
    page.refresh()
    settle(qtbot, worker)
    return page
