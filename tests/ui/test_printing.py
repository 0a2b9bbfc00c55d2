"""PDF, print preview and the export entry point of the paperwork, read back with pypdf."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from pypdf import PageObject, PdfReader
from PySide6.QtGui import QColor, QTextDocument, QTextTable
from PySide6.QtPrintSupport import QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from minutes_app.base import files
from minutes_app.core.conferences.forms import PaperForm
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.paperwork.minutes import minutes_paper
from minutes_app.core.paperwork.notice import notice_paper
from minutes_app.core.paperwork.report import report_paper
from minutes_app.core.tasks.labels import CLASS_FILLS
from minutes_app.db.engine import Database
from minutes_app.exporting import write_paper
from minutes_app.formats.document import Chart, Paper, Paragraph, Run, Table
from minutes_app.render.charts import chart_image
from minutes_app.render.paper import paper_document, pdf_bytes
from minutes_app.ui.paperwork.preview import preview_dialog
from tests.paper_helpers import (
    NOTICE_DAY,
    OFFICE,
    REPORT_AS_OF,
    REPORT_FROM,
    REPORT_TO,
    first_conference,
    leftovers,
    one_line,
    sample_database,
)

A4_POINTS = (595.28, 841.89)


@pytest.fixture
def sample_db(tmp_path: Path) -> Iterator[Database]:
    database = sample_database(tmp_path / "samples.sqlite3")
    yield database
    database.close()


@pytest.fixture
def minutes(sample_db: Database) -> Paper:
    """The minutes of the first sample conference, registered as 12-BB/BTCTU that day."""
    conference = first_conference(sample_db)
    form = load_conference(sample_db, conference)
    papers = (PaperForm("minutes", "12-BB/BTCTU", form.date),)
    save_conference(sample_db, replace(form, papers=papers))
    return minutes_paper(sample_db, conference, OFFICE)


@pytest.fixture
def notice(sample_db: Database) -> Paper:
    return notice_paper(sample_db, first_conference(sample_db), OFFICE, issued_on=NOTICE_DAY)


@pytest.fixture
def report(sample_db: Database) -> Paper:
    return report_paper(sample_db, REPORT_FROM, REPORT_TO, REPORT_AS_OF, OFFICE)


def pdf_text(path: Path) -> str:
    reader = PdfReader(str(path))
    return one_line(" ".join(p.extract_text(extraction_mode="layout") for p in reader.pages))


def test_minutes_pdf_is_a4_with_the_words_and_diacritics(
    qapp: object, minutes: Paper, tmp_path: Path
) -> None:
    target = tmp_path / "bien-ban.pdf"
    write_paper(minutes, target)

    reader = PdfReader(str(target))
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=1)
    text = pdf_text(target)
    for words in (
        "TỈNH ỦY BẮC KẠN",
        "BAN TỔ CHỨC",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 12-BB/BTCTU",
        "Bắc Kạn, ngày 17 tháng 02 năm 2023",
        "BIÊN BẢN",
        "Hội nghị trực tuyến quán triệt, triển khai",
        "Đồng chí Trương Thị Mai",
        "96-QĐ/TW",
        "03-HD/TW",
        "THƯ KÝ",
        "CHỦ TRÌ",
        "Nông Thị Hà",
    ):
        assert words in text, words
    assert reader.metadata is not None
    assert reader.metadata.title == minutes.name


def test_pages_after_the_first_are_numbered(qapp: object, minutes: Paper, tmp_path: Path) -> None:
    target = tmp_path / "bien-ban.pdf"
    write_paper(minutes, target)
    reader = PdfReader(str(target))
    assert len(reader.pages) >= 2
    first = one_line(reader.pages[0].extract_text(extraction_mode="layout"))
    second = one_line(reader.pages[1].extract_text(extraction_mode="layout"))
    assert second.startswith("2 ")
    assert not first.startswith("1 ")


def test_notice_pdf_has_tasks_deadlines_and_signer(
    qapp: object, notice: Paper, tmp_path: Path
) -> None:
    target = tmp_path / "thong-bao.pdf"
    write_paper(notice, target)
    text = pdf_text(target)
    for words in (
        "Số -TB/BTCTU",  # room to write the number by hand
        "THÔNG BÁO",
        "Kết luận của đồng chí Trương Thị Mai",
        "thời hạn: 31/03/2023",
        "thời hạn: thường xuyên",
        "Nơi nhận:",
        "- Lưu Văn phòng.",
        "K/T TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Lý Văn Đức",
    ):
        assert words in text, words


def test_report_pdf_has_counts_overdue_tasks_and_the_chart(
    qapp: object, report: Paper, tmp_path: Path
) -> None:
    target = tmp_path / "bao-cao.pdf"
    write_paper(report, target)
    text = pdf_text(target)
    for words in (
        "BÁO CÁO",
        "Kết quả thực hiện nhiệm vụ sau hội nghị năm 2023",
        "Tổng cộng 15 4 1 0 4 5 1 80%",  # the total row, as `report --json` counts
        "CÁC NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH",
        "Biểu đồ: Nhiệm vụ theo đơn vị chủ trì và tình trạng",
    ):
        assert words in text, words
    reader = PdfReader(str(target))
    assert len(set().union(*(images_of(page) for page in reader.pages))) == 1


def images_of(page: PageObject) -> set[int]:
    """Object numbers of the images a page can paint (found without decoding them)."""
    resources = page.get("/Resources")
    objects = resources.get_object().get("/XObject") if resources else None
    if not objects:
        return set()
    objects = objects.get_object()
    return {
        objects.raw_get(name).idnum
        for name in objects
        if objects[name].get_object().get("/Subtype") == "/Image"
    }


def test_report_docx_embeds_the_chart_drawn_by_qt(
    qapp: object, report: Paper, tmp_path: Path
) -> None:
    target = tmp_path / "bao-cao.docx"
    write_paper(report, target)
    document = docx.Document(str(target))
    [picture] = document.inline_shapes
    assert picture.width.mm == pytest.approx(160, abs=1)


def test_chart_bars_take_the_colours_of_their_class(qapp: object, report: Paper) -> None:
    [chart] = [b for b in report.body if isinstance(b, Chart)]
    image = chart_image(chart)
    seen = {
        image.pixelColor(x, y).name().upper()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    for key in ("done_on_time", "overdue", "ongoing"):
        assert QColor("#" + CLASS_FILLS[key]).name().upper() in seen, key


def test_unknown_suffix_is_refused_and_nothing_written(
    qapp: object, minutes: Paper, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match=r"\.docx or \.pdf"):
        write_paper(minutes, tmp_path / "bien-ban.odt")
    assert not (tmp_path / "bien-ban.odt").exists()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_failed_export_leaves_the_existing_file_byte_identical(
    qapp: object, minutes: Paper, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"bien-ban{suffix}"
    target.write_bytes(b"%PDF-1.4 the earlier file")

    def refuse(*_: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OSError):
        write_paper(minutes, target)
    assert target.read_bytes() == b"%PDF-1.4 the earlier file"
    assert leftovers(folder) == []
    assert [p.name for p in folder.iterdir()] == [target.name]


def test_export_replaces_an_existing_file_whole(
    qapp: object, minutes: Paper, tmp_path: Path
) -> None:
    target = tmp_path / "bien-ban.pdf"
    target.write_bytes(b"old")
    write_paper(minutes, target)
    assert target.read_bytes().startswith(b"%PDF")
    assert leftovers(tmp_path) == []


def test_preview_shows_the_same_pages_as_the_pdf(qtbot: QtBot, minutes: Paper) -> None:
    pages = len(PdfReader(_as_file(pdf_bytes(minutes))).pages)
    dialog = preview_dialog(minutes)
    qtbot.addWidget(dialog)
    dialog.show()
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    assert widget.pageCount() == pages
    assert dialog.windowTitle() == minutes.name


def test_document_is_paginated_on_the_a4_body(qapp: object, report: Paper) -> None:
    document = paper_document(report)
    size = document.pageSize()
    # 165 x 257 mm at 96 pixels an inch.
    assert size.width() == pytest.approx(165 / 25.4 * 96)
    assert size.height() == pytest.approx(257 / 25.4 * 96)
    assert document.pageCount() >= 2
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in document.toPlainText()


def test_the_application_made_for_printing_can_still_show_widgets() -> None:
    # A process makes one Qt application for good. Where Qt's widgets are loaded already
    # (the window's code, its tests: a command-line PDF export run in the same process
    # before them), the application printing makes must be one that widgets can use.
    code = (
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "from minutes_app.render.gui import ensure_gui_application\n"
        "assert isinstance(ensure_gui_application(), QApplication)\n"
        "QWidget()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr


def _as_file(data: bytes) -> object:
    import io

    return io.BytesIO(data)


def _split_rows(document: QTextDocument) -> list[str]:
    """The first cells of the rows of the body's tables whose cells run over two pages."""
    page = document.pageSize().height()
    layout = document.documentLayout()
    split = []
    for laid in document.rootFrame().childFrames():
        if not isinstance(laid, QTextTable) or laid.format().border() <= 0:
            continue
        for r in range(laid.rows()):
            pages = set()
            for c in range(laid.columns()):
                cell = laid.cellAt(r, c)
                first = layout.blockBoundingRect(cell.firstCursorPosition().block())
                last = layout.blockBoundingRect(cell.lastCursorPosition().block())
                pages |= {int(first.top() // page), int((last.bottom() - 1) // page)}
            if len(pages) > 1:
                split.append(laid.cellAt(r, 0).firstCursorPosition().block().text())
    return split


def _table_of(count: int) -> Table:
    # Rows of one, two and three lines, as a long report has.
    names = ["Huyện ủy Ba Bể", "Ban Tổ chức Huyện ủy Chợ Đồn", "Ủy ban Kiểm tra " * 4]
    return Table(
        header=("TT", "Đơn vị", "Tổng", "a", "b", "c", "d", "e", "f", "Tỷ lệ"),
        rows=tuple(
            (str(i), names[i % 3], "12", "5", "1", "0", "4", "2", "0", "42%")
            for i in range(1, count + 1)
        ),
        widths=(9, 27, 14, 16, 16, 16, 16, 19, 16, 16),
        align=("center", "left", *("center",) * 8),
        total_row=True,
    )


def test_no_table_row_is_split_between_two_pages(qapp: object, report: Paper) -> None:
    paper = replace(report, body=(Paragraph((Run("Mở đầu."),)),) * 3 + (_table_of(159),))
    document = paper_document(paper)
    assert _split_rows(document) == []
    tables = [
        f
        for f in document.rootFrame().childFrames()
        if isinstance(f, QTextTable) and f.format().border() > 0
    ]
    assert len(tables) >= 3  # cut where a page ends, each part with its header
    seen = []
    for laid in tables:
        assert laid.cellAt(0, 1).firstCursorPosition().block().text() == "Đơn vị"
        seen += [
            laid.cellAt(r, 0).firstCursorPosition().block().text() for r in range(1, laid.rows())
        ]
    assert seen == [str(i) for i in range(1, 160)]  # every row once, in order


@pytest.mark.parametrize("lines", range(24, 44, 2))
def test_a_table_whose_first_row_would_be_split_starts_on_the_next_page(
    qapp: object, report: Paper, lines: int
) -> None:
    # However much text comes first, the table's first rows fall somewhere on a page end.
    body = (Paragraph((Run("Nội dung hội nghị."),)),) * lines + (_table_of(6),)
    assert _split_rows(paper_document(replace(report, body=body))) == []


# --- what a page must not part ---------------------------------------------------------------


def _block_page(document: QTextDocument, text: str, *, bottom: bool = False) -> int:
    """The page of the (first) block whose text starts with ``text``: of its first line, or
    with ``bottom`` of its last."""
    layout = document.documentLayout()
    page = document.pageSize().height()
    block = document.begin()
    while block.isValid():
        if block.text().startswith(text):
            rect = layout.blockBoundingRect(block)
            end = rect.bottom() - block.blockFormat().bottomMargin() - 0.5  # its last line
            return int(end // page if bottom else (rect.top() + 0.5) // page)
        block = block.next()
    raise AssertionError(f"no block {text!r}")


def _filler(lines: int) -> tuple[Paragraph, ...]:
    return (Paragraph((Run("Nội dung hội nghị."),)),) * lines


@pytest.mark.parametrize("lines", range(22, 44))
def test_the_words_that_introduce_a_table_stay_on_its_page(
    qapp: object, report: Paper, lines: int
) -> None:
    intro = Paragraph((Run("Số liệu tổng hợp theo bảng sau:"),))
    document = paper_document(replace(report, body=(*_filler(lines), intro, _table_of(6))))
    [first, *_] = [
        f
        for f in document.rootFrame().childFrames()
        if isinstance(f, QTextTable) and f.format().border() > 0
    ]
    layout = document.documentLayout()
    row = layout.blockBoundingRect(first.cellAt(1, 0).firstCursorPosition().block())
    assert _block_page(document, "Số liệu tổng hợp theo", bottom=True) == int(
        row.top() // document.pageSize().height()
    )
    assert _split_rows(document) == []


@pytest.mark.parametrize("lines", range(14, 40))
def test_a_chart_keeps_its_caption_and_the_words_before_it(
    qapp: object, report: Paper, lines: int
) -> None:
    [chart] = [b for b in report.body if isinstance(b, Chart)]
    intro = Paragraph((Run("Biểu đồ dưới đây cho thấy:"),))
    document = paper_document(replace(report, body=(*_filler(lines), intro, chart)))
    caption = _block_page(document, "Biểu đồ: ")
    image = _block_page(document, "\ufffc")  # the image's object character
    assert image == caption == _block_page(document, "Biểu đồ dưới đây", bottom=True)


@pytest.mark.parametrize("lines", range(20, 46))
def test_the_signatures_never_stand_alone_on_a_page(
    qapp: object, notice: Paper, lines: int
) -> None:
    closing = Paragraph((Run("Văn phòng thông báo để các đơn vị biết, thực hiện."),))
    document = paper_document(replace(notice, body=(*_filler(lines), closing)))
    signatures = document.rootFrame().childFrames()[-1]
    rect = document.documentLayout().frameBoundingRect(signatures)
    page = document.pageSize().height()
    top = int((rect.top() + 0.5) // page)  # a page's top, give or take a rounding
    assert top == int((rect.bottom() - 0.5) // page)  # in one piece
    assert _block_page(document, "Văn phòng thông báo", bottom=True) == top


@pytest.mark.parametrize("lines", range(24, 44))
def test_a_heading_kept_with_the_next_paragraph_moves_with_it(
    qapp: object, report: Paper, lines: int
) -> None:
    heading = Paragraph((Run("III. KẾT LUẬN", bold=True),), keep_with_next=True)
    text = Paragraph((Run("Đồng chí Trưởng ban kết luận. " * 6),))
    document = paper_document(replace(report, body=(*_filler(lines), heading, text)))
    assert _block_page(document, "III. KẾT LUẬN") == _block_page(document, "Đồng chí Trưởng")
