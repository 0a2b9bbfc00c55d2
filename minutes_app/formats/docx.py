"""Writing a paperwork ``Paper`` as a Word document laid out as HD 36 asks (A4, Times New Roman)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell, _Row
from docx.text.font import Font
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from minutes_app.base.files import write_atomically
from minutes_app.base.text import shortened
from minutes_app.formats.document import (
    BODY_PT,
    BODY_WIDTH_MM,
    CELL_PADDING_MM,
    CHART_PT,
    FIRST_LINE_INDENT_MM,
    FONT_FAMILY,
    HEADING_WIDTHS_MM,
    LINE_SPACING,
    MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM,
    MARGIN_RIGHT_MM,
    MARGIN_TOP_MM,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    PARAGRAPH_SPACING_PT,
    RECIPIENTS_PT,
    TABLE_HEADER_PT,
    TABLE_PT,
    TITLE_PT,
    Chart,
    Heading,
    NumberedItem,
    Paper,
    Paragraph,
    Recipients,
    Run,
    Signature,
    SignatureBlocks,
    Table,
    Title,
    kept_with_next,
)

ChartRenderer = Callable[[Chart], bytes]
"""Draws a chart as PNG bytes (``render.charts.chart_png``); without one, the chart is drawn
with shaded table cells, which Word and LibreOffice show alike."""

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_SIGNING_SPACE_LINES = 4  # empty lines between a signer's post and name, for the signature
CORE_PROPERTY_LENGTH = 255
"""python-docx refuses a longer title, subject or keywords ("exceeded 255 char limit")."""


def docx_bytes(paper: Paper, chart_png: ChartRenderer | None = None) -> bytes:
    """The .docx file of ``paper``, as bytes."""
    document = Document()
    _set_up_page(document)
    _heading(document, paper.heading)
    _title(document, paper.title)
    kept = kept_with_next(paper)
    for index, block in enumerate(paper.body):
        if isinstance(block, Paragraph):
            _paragraph(document, block, index in kept)
        elif isinstance(block, NumberedItem):
            _numbered(document, block, index in kept)
        elif isinstance(block, Table):
            _table(document, block)
        else:
            _chart(document, block, chart_png)
    _signatures(document, paper.signatures)
    document.core_properties.title = shortened(paper.name, CORE_PROPERTY_LENGTH)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_docx(paper: Paper, path: Path | str, chart_png: ChartRenderer | None = None) -> None:
    """Write ``paper`` to ``path`` as a whole: an existing file is replaced only on success."""
    write_atomically(Path(path), docx_bytes(paper, chart_png))


# --- page and fonts ---------------------------------------------------------------------------


def _set_up_page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT_MM), Mm(MARGIN_RIGHT_MM)
    section.header_distance = Mm(10)
    # HD 36: pages are numbered from the second, at the top, centred.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number)
    style = document.styles["Normal"]
    _font(style.font, BODY_PT)
    _east_asian(style.element.get_or_add_rPr())
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(PARAGRAPH_SPACING_PT)
    fmt.line_spacing = LINE_SPACING


def _page_field(paragraph: DocxParagraph) -> None:
    run = _run(paragraph, Run(""), BODY_PT)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
        if kind is None:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _font(font: Font, size: float) -> None:
    font.name = FONT_FAMILY
    font.size = Pt(size)


def _east_asian(rpr: CT_RPr) -> None:
    """Name the font for East-Asian and complex scripts too: Word otherwise picks another
    font for some Vietnamese letters."""
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT_FAMILY)


def _run(paragraph: DocxParagraph, run: Run, size: float) -> DocxRun:
    out = paragraph.add_run(run.text)
    _font(out.font, size)
    _east_asian(out._r.get_or_add_rPr())
    out.bold = run.bold or None
    out.italic = run.italic or None
    out.underline = run.underline or None
    return out


def _para(
    container: DocxDocument | _Cell,
    runs: tuple[Run, ...] | list[Run],
    size: float = BODY_PT,
    align: str = "left",
    indent: bool = False,
    after: float = PARAGRAPH_SPACING_PT,
    first: bool = False,
) -> DocxParagraph:
    """A paragraph; ``first`` reuses the empty paragraph a new table cell starts with."""
    if first and isinstance(container, _Cell):
        paragraph = container.paragraphs[0]
    else:
        paragraph = container.add_paragraph()
    paragraph.alignment = _ALIGN[align]
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(after)
    if indent:
        fmt.first_line_indent = Mm(FIRST_LINE_INDENT_MM)
    for run in runs:
        _run(paragraph, run, size)
    return paragraph


# --- tables -----------------------------------------------------------------------------------


def _borders(table: DocxTable, kind: str) -> None:
    """Every border of ``table`` set to ``kind`` ("single" or "nil")."""
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblBorders")):
        properties.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), kind)
        if kind != "nil":
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    properties.append(borders)


def _fixed_widths(table: DocxTable, widths_mm: tuple[float, ...] | list[float]) -> None:
    """Column widths Word and LibreOffice both keep: a fixed layout, the grid and each cell."""
    table.autofit = False  # writes <w:tblLayout w:type="fixed"/>
    total = table._tbl.tblPr.find(qn("w:tblW"))
    if total is not None:
        total.set(qn("w:type"), "dxa")
        total.set(qn("w:w"), str(sum(Mm(w).twips for w in widths_mm)))
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _new_table(
    container: DocxDocument | _Cell, rows: int, widths: tuple[float, ...] | list[float]
) -> DocxTable:
    table = container.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_widths(table, widths)
    return table


def _heading(document: DocxDocument, heading: Heading) -> None:
    table = _new_table(document, 2, HEADING_WIDTHS_MM)
    _borders(table, "nil")
    left, right = table.rows[0].cells
    for i, line in enumerate(heading.left):
        _para(left, [line], BODY_PT, "center", after=0, first=i == 0)
    for i, line in enumerate(heading.right):
        size = TITLE_PT if line.bold else BODY_PT
        _para(right, [line], size, "right", after=0, first=i == 0)
    number, place = table.rows[1].cells
    _para(number, [Run(heading.number)], BODY_PT, "center", after=0, first=True)
    _para(place, [Run(heading.place_date, italic=True)], BODY_PT, "right", after=0, first=True)


def _title(document: DocxDocument, title: Title) -> None:
    kind = _para(document, [Run(title.kind, bold=True)], TITLE_PT, "center", after=0)
    kind.paragraph_format.space_before = Pt(18)
    for line in title.subject:
        _para(document, [Run(line, bold=True)], BODY_PT, "center", after=0)
    _para(document, [Run("-----")], BODY_PT, "center", after=PARAGRAPH_SPACING_PT * 2)


def _paragraph(document: DocxDocument, block: Paragraph, kept: bool) -> None:
    """``kept``: on the page of what follows (``kept_with_next``), as the PDF keeps it."""
    paragraph = _para(document, block.runs, BODY_PT, block.align, block.indent)
    paragraph.paragraph_format.keep_with_next = kept or None


def _numbered(document: DocxDocument, item: NumberedItem, kept: bool) -> None:
    paragraph = _para(document, [Run(item.label + " "), *item.runs], BODY_PT, "justify", True)
    paragraph.paragraph_format.keep_with_next = kept or None
    if item.level:
        paragraph.paragraph_format.left_indent = Mm(FIRST_LINE_INDENT_MM * item.level)


def _repeat_header(row: _Row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _cell_padding(table: DocxTable, mm: float) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):  # as the PDF's cells: all round
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(Mm(mm).twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _table(document: DocxDocument, block: Table) -> None:
    table = _new_table(document, 1 + len(block.rows), block.widths)
    _borders(table, "single")
    _cell_padding(table, CELL_PADDING_MM)
    _repeat_header(table.rows[0])
    last = len(block.rows)
    # Rows taken in one pass: python-docx's rows[r] walks the table from its start each time.
    rows = (block.header, *block.rows)
    for r, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
        bold = r == 0 or (block.total_row and r == last)
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        size = TABLE_HEADER_PT if r == 0 else TABLE_PT
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            align = "center" if r == 0 else block.align[c]
            paragraph = _para(cell, [Run(value, bold=bold)], size, align, after=0, first=True)
            paragraph.paragraph_format.line_spacing = 1.0
    # A little air after the table before the next paragraph.
    _para(document, [], BODY_PT, after=0)


# --- chart ------------------------------------------------------------------------------------


def _chart(document: DocxDocument, chart: Chart, chart_png: ChartRenderer | None) -> None:
    if chart_png is not None:
        picture = document.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        picture.add_run().add_picture(io.BytesIO(chart_png(chart)), width=Mm(BODY_WIDTH_MM - 5))
    else:
        _table_chart(document, chart)
    _para(document, [Run(f"Biểu đồ: {chart.title}", italic=True)], TABLE_PT, "center")


def _shade(cell: _Cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _table_chart(document: DocxDocument, chart: Chart) -> None:
    """Bars as rows of shaded cells whose widths follow the counts."""
    label_mm, bar_mm = 50.0, BODY_WIDTH_MM - 55.0
    largest = max((chart.total(i) for i in range(len(chart.categories))), default=0) or 1
    table = _new_table(document, len(chart.categories), [label_mm, bar_mm])
    _borders(table, "nil")
    for i, category in enumerate(chart.categories):
        name, bar = table.rows[i].cells
        name.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _para(name, [Run(category)], CHART_PT, "right", after=0, first=True)
        segments = [(s.colour, s.values[i]) for s in chart.series if s.values[i]]
        if not segments:
            continue
        widths = [bar_mm * n / largest for _, n in segments]
        rest = bar_mm - sum(widths)
        inner = bar.add_table(rows=1, cols=len(segments) + (1 if rest > 1 else 0))
        _fixed_widths(inner, [*widths, rest] if rest > 1 else widths)
        _borders(inner, "nil")
        for cell, (colour, count) in zip(inner.rows[0].cells, segments, strict=False):
            _shade(cell, colour)
            _para(cell, [Run(str(count))], CHART_PT, "center", after=0, first=True)
        bar.paragraphs[0].paragraph_format.space_after = Pt(0)
    legend = _para(document, [], CHART_PT, "center", after=0)
    for series in chart.series:
        mark = _run(legend, Run("■ "), CHART_PT + 2)
        mark.font.color.rgb = RGBColor.from_string(series.colour)
        _run(legend, Run(f"{series.label}    "), CHART_PT)


# --- signatures -------------------------------------------------------------------------------


def _signatures(document: DocxDocument, blocks: SignatureBlocks) -> None:
    count = len(blocks.columns)
    if not count:
        return
    spacer = _para(document, [], BODY_PT, after=0)
    spacer.paragraph_format.keep_with_next = True
    widths = [BODY_WIDTH_MM / count] * count
    if count == 2 and isinstance(blocks.columns[0], Recipients):
        widths = [BODY_WIDTH_MM * 0.45, BODY_WIDTH_MM * 0.55]
    table = _new_table(document, 1, widths)
    _borders(table, "nil")
    # A signature block is never split over two pages.
    row = table.rows[0]._tr.get_or_add_trPr()
    row.append(OxmlElement("w:cantSplit"))
    for cell, column in zip(table.rows[0].cells, blocks.columns, strict=True):
        if isinstance(column, Recipients):
            _para(cell, [Run(column.caption, underline=True)], BODY_PT, after=0, first=True)
            for line in column.lines:
                _para(cell, [Run(line)], RECIPIENTS_PT, after=0)
            continue
        assert isinstance(column, Signature)
        lines = [line for line in (column.authority, column.title) if line]
        for i, line in enumerate(lines):
            _para(cell, [Run(line, bold=True)], BODY_PT, "center", after=0, first=i == 0)
        for _ in range(_SIGNING_SPACE_LINES):
            _para(cell, [], BODY_PT, after=0)
        _para(cell, [Run(column.name, bold=True)], BODY_PT, "center", after=0)
