"""Word files of the paperwork, read back with python-docx: layout of HD 36 and atomic writes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table as DocxTable

from minutes_app.base import files
from minutes_app.core.paperwork.minutes import minutes_paper
from minutes_app.core.paperwork.notice import notice_paper
from minutes_app.core.paperwork.report import report_paper
from minutes_app.core.paperwork.wording import DAY_BLANK, NUMBER_BLANK
from minutes_app.core.tasks.labels import CLASS_FILLS
from minutes_app.db.engine import Database
from minutes_app.formats.document import Chart
from minutes_app.formats.docx import docx_bytes, write_docx
from tests.paper_helpers import (
    NOTICE_DAY,
    OFFICE,
    REPORT_AS_OF,
    REPORT_FROM,
    REPORT_TO,
    first_conference,
    leftovers,
    sample_database,
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = sample_database(tmp_path / "minutes.sqlite3")
    yield database
    database.close()


@pytest.fixture
def minutes_docx(db: Database, tmp_path: Path) -> DocxDocument:
    target = tmp_path / "out" / "bien-ban.docx"
    target.parent.mkdir()
    write_docx(minutes_paper(db, first_conference(db), OFFICE), target)
    return docx.Document(str(target))


def cell_text(table: DocxTable, row: int, column: int) -> str:
    return table.cell(row, column).text


def body_paragraphs(document: DocxDocument) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_page_is_a4_with_the_margins_of_hd36(minutes_docx: DocxDocument) -> None:
    section = minutes_docx.sections[0]
    # Word stores twentieths of a point: millimetres come back to a hundredth.
    assert section.page_width.mm == pytest.approx(210, abs=0.05)
    assert section.page_height.mm == pytest.approx(297, abs=0.05)
    assert section.left_margin.mm == pytest.approx(30, abs=0.05)
    assert section.right_margin.mm == pytest.approx(15, abs=0.05)
    assert 19.95 <= section.top_margin.mm <= 25.05
    assert 19.95 <= section.bottom_margin.mm <= 25.05


def test_heading_is_a_borderless_two_column_table(minutes_docx: DocxDocument) -> None:
    heading = minutes_docx.tables[0]
    assert cell_text(heading, 0, 0) == "TỈNH ỦY BẮC KẠN\nBAN TỔ CHỨC\n*"
    assert cell_text(heading, 0, 1) == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert cell_text(heading, 1, 0) == f"Số {NUMBER_BLANK}-BB/BTCTU"
    assert cell_text(heading, 1, 1) == f"Bắc Kạn, ngày {DAY_BLANK} tháng {DAY_BLANK} năm 20.."
    party = heading.cell(0, 1).paragraphs[0].runs[0]
    assert party.bold and party.underline
    place = heading.cell(1, 1).paragraphs[0].runs[0]
    assert place.italic
    borders = heading._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}


def test_title_and_subject_are_centred_and_bold(minutes_docx: DocxDocument) -> None:
    texts = body_paragraphs(minutes_docx)
    i = texts.index("BIÊN BẢN")
    title = minutes_docx.paragraphs[i]
    assert title.runs[0].bold
    assert title.runs[0].font.size == Pt(15)
    assert texts[i + 1].startswith("Hội nghị trực tuyến quán triệt, triển khai")
    assert texts[i + 2] == "-----"


def test_every_run_is_times_new_roman_also_for_east_asian_text(
    minutes_docx: DocxDocument,
) -> None:
    runs = [r for p in minutes_docx.paragraphs for r in p.runs]
    for table in minutes_docx.tables:
        runs += [r for row in table.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert len(runs) > 50
    for run in runs:
        fonts = run._r.rPr.rFonts
        assert run.font.name == "Times New Roman"
        assert fonts.get(qn("w:eastAsia")) == "Times New Roman"
    normal = minutes_docx.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "Times New Roman"


def test_body_is_14_points_and_tables_13(minutes_docx: DocxDocument) -> None:
    texts = body_paragraphs(minutes_docx)
    time = minutes_docx.paragraphs[next(i for i, t in enumerate(texts) if t.startswith("Thời"))]
    assert {r.font.size for r in time.runs} == {Pt(14)}
    studied = minutes_docx.tables[1]
    cells = [c for row in studied.rows[1:] for c in row.cells]
    assert {r.font.size for c in cells for p in c.paragraphs for r in p.runs} == {Pt(13)}


def test_documents_studied_table_reads_back(minutes_docx: DocxDocument) -> None:
    studied = minutes_docx.tables[1]
    assert [c.text for c in studied.rows[0].cells] == [
        "TT",
        "Loại văn bản",
        "Số, ký hiệu",
        "Ngày ban hành",
        "Cơ quan ban hành",
        "Trích yếu nội dung",
    ]
    assert [c.text for c in studied.rows[1].cells][:5] == [
        "1",
        "Quy định",
        "96-QĐ/TW",
        "02/02/2023",
        "Bộ Chính trị",
    ]
    assert len(studied.rows) == 5
    assert studied.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_signature_blocks_stand_side_by_side(minutes_docx: DocxDocument) -> None:
    signatures = minutes_docx.tables[-1]
    secretary, chair = signatures.rows[0].cells
    assert secretary.paragraphs[0].text == "THƯ KÝ"
    assert secretary.paragraphs[-1].text == "Nông Thị Hà"
    assert chair.paragraphs[0].text == "CHỦ TRÌ"
    assert chair.paragraphs[-1].text == "Hoàng Duy Chinh"  # presided at this bridge point
    assert chair.paragraphs[-1].runs[0].bold


def test_notice_has_recipients_left_and_signer_right(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "thong-bao.docx"
    write_docx(notice_paper(db, first_conference(db), OFFICE, issued_on=NOTICE_DAY), target)
    document = docx.Document(str(target))

    assert cell_text(document.tables[0], 1, 0) == f"Số {NUMBER_BLANK}-TB/BTCTU"
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == "THÔNG BÁO")
    kind, subject = paragraphs[at], paragraphs[at + 1]
    assert subject.text.startswith("Kết luận của đồng chí Trương Thị Mai, Trưởng ban Tổ chức")
    assert all(run.bold for run in kind.runs + subject.runs)
    recipients, signer = document.tables[-1].rows[0].cells
    assert recipients.paragraphs[0].text == "Nơi nhận:"
    assert recipients.paragraphs[0].runs[0].underline
    assert recipients.paragraphs[-1].text == "- Lưu Văn phòng."
    assert recipients.paragraphs[-1].runs[0].font.size == Pt(12)
    assert [p.text for p in signer.paragraphs if p.text] == [
        "K/T TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Lý Văn Đức",
    ]
    assert "thời hạn: 31/03/2023." in "\n".join(body_paragraphs(document))


def test_report_chart_without_a_renderer_is_drawn_with_shaded_cells(db: Database) -> None:
    paper = report_paper(db, REPORT_FROM, REPORT_TO, REPORT_AS_OF, OFFICE)
    document = docx.Document(_as_file(docx_bytes(paper)))

    fills = {shading.get(qn("w:fill")) for shading in document.element.body.iter(qn("w:shd"))}
    assert CLASS_FILLS["overdue"] in fills
    assert CLASS_FILLS["done_on_time"] in fills
    assert not document.inline_shapes
    assert any(p.text.startswith("Biểu đồ: ") for p in document.paragraphs)


def test_report_chart_with_a_renderer_is_a_picture(db: Database) -> None:
    paper = report_paper(db, REPORT_FROM, REPORT_TO, REPORT_AS_OF, OFFICE)
    drawn: list[Chart] = []

    def renderer(chart: Chart) -> bytes:
        drawn.append(chart)
        return PNG_1X1

    document = docx.Document(_as_file(docx_bytes(paper, renderer)))
    assert len(drawn) == 1
    assert len(document.inline_shapes) == 1


def test_failed_write_leaves_the_existing_file_untouched(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "bien-ban.docx"
    target.write_bytes(b"the earlier minutes")

    def refuse(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OSError):
        write_docx(minutes_paper(db, first_conference(db), OFFICE), target)
    assert target.read_bytes() == b"the earlier minutes"
    assert leftovers(folder) == []
    assert sorted(p.name for p in folder.iterdir()) == ["bien-ban.docx"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_folder_refuses_and_keeps_the_file(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "bien-ban.docx"
    target.write_bytes(b"the earlier minutes")
    folder.chmod(0o555)
    try:
        with pytest.raises(OSError):
            write_docx(minutes_paper(db, first_conference(db), OFFICE), target)
    finally:
        folder.chmod(0o755)
    assert target.read_bytes() == b"the earlier minutes"
    assert leftovers(folder) == []


def test_missing_folder_is_not_created(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "bien-ban.docx"
    with pytest.raises(OSError):
        write_docx(minutes_paper(db, first_conference(db), OFFICE), target)
    assert not target.parent.exists()


def _as_file(data: bytes) -> object:
    import io

    return io.BytesIO(data)


PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8ffff3f0005fe02fea7d4a5e30000000049454e44ae426082"
)


def test_words_before_a_table_and_before_the_signatures_keep_with_what_follows(
    db: Database, tmp_path: Path
) -> None:
    from dataclasses import replace

    from minutes_app.formats.document import Paragraph, Run, Table

    paper = notice_paper(db, first_conference(db), OFFICE)
    table = Table(header=("TT", "Đơn vị"), rows=(("1", "Huyện ủy"),), widths=(10, 60),
                  align=("center", "left"))  # fmt: skip
    body = (
        Paragraph((Run("Mở đầu."),)),
        Paragraph((Run("Số liệu như sau:"),)),
        table,
        Paragraph((Run("Ở giữa."),)),
        Paragraph((Run("Lời kết."),)),
    )
    target = tmp_path / "tb.docx"
    write_docx(replace(paper, body=body), target)
    document = docx.Document(str(target))
    keeps = {
        p.text: bool(p.paragraph_format.keep_with_next)
        for p in document.paragraphs
        if p.text in {"Mở đầu.", "Số liệu như sau:", "Ở giữa.", "Lời kết."}
    }
    assert keeps == {"Mở đầu.": False, "Số liệu như sau:": True, "Ở giữa.": False,
                     "Lời kết.": True}  # fmt: skip


def test_table_cells_have_padding_on_every_side(db: Database, tmp_path: Path) -> None:
    paper = minutes_paper(db, first_conference(db), OFFICE)
    target = tmp_path / "m.docx"
    write_docx(paper, target)
    document = docx.Document(str(target))
    bordered = [t for t in document.tables if t._tbl.tblPr.find(qn("w:tblCellMar")) is not None]
    assert bordered
    margins = bordered[0]._tbl.tblPr.find(qn("w:tblCellMar"))
    sides = {child.tag.split("}")[1]: int(child.get(qn("w:w"))) for child in margins}
    assert set(sides) == {"top", "left", "bottom", "right"}
    assert len(set(sides.values())) == 1 and sides["top"] > 0
