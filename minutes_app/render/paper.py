"""Printing paperwork: a ``Paper`` as a paginated QTextDocument on A4 with the margins of
HD 36, written to PDF or painted on a printer (the window's print preview).

Fonts and PDF need a QGuiApplication, which ``render.gui.ensure_gui_application`` makes
for the command line; ``exporting.write_paper`` chooses between this and the .docx writer.
"""

from __future__ import annotations

import itertools
from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)

from minutes_app.base.files import write_atomically
from minutes_app.formats.document import (
    BODY_PT,
    BODY_WIDTH_MM,
    CELL_PADDING_MM,
    FIRST_LINE_INDENT_MM,
    HEADING_WIDTHS_MM,
    LINE_SPACING,
    MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM,
    MARGIN_RIGHT_MM,
    MARGIN_TOP_MM,
    PAGE_HEIGHT_MM,
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
    SignatureBlocks,
    Table,
    Title,
    kept_with_next,
)
from minutes_app.render.charts import chart_image
from minutes_app.render.gui import (
    ensure_gui_application,
    families,
    font,
    paper_family,
    use_family,
)

LAYOUT_DPI = 96.0
"""The document is laid out in pixels of 1/96 inch on every machine (see _PaperDocument)."""
CHART_URL = "paper-chart:{}"
_SIGNING_SPACE_LINES = 4
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


def _px(mm: float) -> float:
    return mm / 25.4 * LAYOUT_DPI


def _pt_px(points: float) -> float:
    return points / 72.0 * LAYOUT_DPI


BODY_SIZE = QSizeF(_px(BODY_WIDTH_MM), _px(PAGE_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM))


# --- the document -----------------------------------------------------------------------------


class _PaperDocument(QTextDocument):
    """A QTextDocument measured on a 96-dpi image rather than the screen, so that points,
    pixels and millimetres relate the same way on every machine and scaling setting."""

    def __init__(self) -> None:
        super().__init__()
        self._device = QImage(1, 1, QImage.Format.Format_RGB32)
        dots_per_metre = round(LAYOUT_DPI / 0.0254)
        self._device.setDotsPerMeterX(dots_per_metre)
        self._device.setDotsPerMeterY(dots_per_metre)
        self.documentLayout().setPaintDevice(self._device)


def _runs(runs: tuple[Run, ...] | list[Run]) -> str:
    out = []
    for run in runs:
        text = escape(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.underline:
            text = f"<u>{text}</u>"
        out.append(text)
    return "".join(out)


def _p(
    content: str,
    size: float = BODY_PT,
    align: str = "left",
    indent: bool = False,
    after: float = PARAGRAPH_SPACING_PT,
    before: float = 0,
    line: float = LINE_SPACING,
    name: str = "",
    new_page: bool = False,
) -> str:
    """A paragraph; ``name`` anchors it, for finding it once laid out (``_block_named``);
    ``new_page`` starts a page with it."""
    style = (
        f"margin-top:{_pt_px(before):.1f}px; margin-bottom:{_pt_px(after):.1f}px; "
        f"margin-left:0px; margin-right:0px; font-size:{size}pt; line-height:{line * 100:.0f}%;"
    )
    if indent:
        style += f" text-indent:{_px(FIRST_LINE_INDENT_MM):.1f}px;"
    if new_page:
        style += " page-break-before:always;"
    anchor = f'<a name="{name}"></a>' if name else ""
    return f'<p align="{align}" style="{style}">{anchor}{content or "&nbsp;"}</p>'


def _cell(share: float, content: str, valign: str = "top") -> str:
    """A table cell ``share`` (0-1) of its table wide: shares keep padding and borders
    inside the table's width, where pixel widths would add them on."""
    return f'<td width="{share * 100:.2f}%" valign="{valign}">{content}</td>'


def _heading_html(heading: Heading) -> str:
    left = "".join(_p(_runs([r]), align="center", after=0) for r in heading.left)
    right = "".join(
        _p(_runs([r]), TITLE_PT if r.bold else BODY_PT, "right", after=0) for r in heading.right
    )
    number = _p(escape(heading.number), align="center", after=0)
    place = _p(f"<i>{escape(heading.place_date)}</i>", align="right", after=0)
    shares = [w / BODY_WIDTH_MM for w in HEADING_WIDTHS_MM]
    return (
        f'<table width="{_px(BODY_WIDTH_MM):.0f}" border="0" cellspacing="0" cellpadding="0">'
        f"<tr>{_cell(shares[0], left)}{_cell(shares[1], right)}</tr>"
        f"<tr>{_cell(shares[0], number)}{_cell(shares[1], place)}</tr></table>"
    )


def _title_html(title: Title) -> str:
    parts = [_p(f"<b>{escape(title.kind)}</b>", TITLE_PT, "center", after=0, before=18)]
    parts += [_p(f"<b>{escape(line)}</b>", BODY_PT, "center", after=0) for line in title.subject]
    parts.append(_p("-----", BODY_PT, "center", after=PARAGRAPH_SPACING_PT * 2))
    return "".join(parts)


def _table_html(
    table: Table, breaks: frozenset[int] = frozenset(), new_page: bool | None = None
) -> str:
    """``table`` with its header row repeated on each page. ``breaks`` are the rows (indexes
    into ``table.rows``) that start a new page: there the table is cut, and the rest is a
    table of its own, so that no row is split between two pages (QTextDocument splits them);
    0 among them starts the whole table on a new page, unless ``new_page`` says otherwise
    (False: the words that introduce it start the page)."""
    if new_page is None:
        new_page = 0 in breaks
    rows = []
    last = len(table.rows)
    for r, values in enumerate((table.header, *table.rows)):
        bold = r == 0 or (table.total_row and r == last)
        size = TABLE_HEADER_PT if r == 0 else TABLE_PT
        cells = []
        for c, value in enumerate(values):
            align = "center" if r == 0 else table.align[c]
            text = f"<b>{escape(value)}</b>" if bold else escape(value)
            share = table.widths[c] / sum(table.widths)
            cells.append(_cell(share, _p(text, size, align, after=0, line=1.0), "middle"))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    header, body = rows[0], rows[1:]
    cuts = [0, *sorted(b for b in breaks if 0 < b < len(body)), len(body)]
    tables = []
    for n, (start, end) in enumerate(itertools.pairwise(cuts)):
        page_break = " page-break-before:always;" if n or new_page else ""
        tables.append(
            f'<table width="{_px(sum(table.widths)):.0f}" border="1" cellspacing="0" '
            f'cellpadding="{_px(CELL_PADDING_MM):.1f}" align="center" '
            f'style="border-collapse:collapse; border-color:#000000; border-style:solid;'
            f'{page_break}">'
            f"<thead>{header}</thead>" + "".join(body[start:end]) + "</table>"
        )
    return "".join(tables) + _p("", after=0)


def _chart_html(index: int, chart: Chart, name: str = "", new_page: bool = False) -> str:
    """The chart, then its caption (anchored ``name``-caption: the image's paragraph keeps
    no anchor)."""
    image = chart_image(chart)
    width = _px(BODY_WIDTH_MM)
    height = width * image.height() / image.width()
    picture = f'<img src="{CHART_URL.format(index)}" width="{width:.0f}" height="{height:.0f}" />'
    caption = f"<i>{escape('Biểu đồ: ' + chart.title)}</i>"
    return _p(picture, align="center", after=0, line=1.0, new_page=new_page) + _p(
        caption, TABLE_PT, "center", name=f"{name}-caption" if name else ""
    )


def _signatures_html(blocks: SignatureBlocks) -> str:
    count = len(blocks.columns)
    if not count:
        return ""
    widths = [BODY_WIDTH_MM / count] * count
    if count == 2 and isinstance(blocks.columns[0], Recipients):
        widths = [BODY_WIDTH_MM * 0.45, BODY_WIDTH_MM * 0.55]
    cells = []
    for width, column in zip(widths, blocks.columns, strict=True):
        if isinstance(column, Recipients):
            content = _p(f"<u>{escape(column.caption)}</u>", after=0) + "".join(
                _p(escape(line), RECIPIENTS_PT, after=0, line=1.0) for line in column.lines
            )
        else:
            lines = [line for line in (column.authority, column.title) if line]
            content = "".join(_p(f"<b>{escape(t)}</b>", align="center", after=0) for t in lines)
            content += _p("", after=0) * _SIGNING_SPACE_LINES
            content += _p(f"<b>{escape(column.name)}</b>", align="center", after=0)
        cells.append(_cell(width / BODY_WIDTH_MM, content))
    return (
        _p("", after=0)
        + f'<table width="{_px(BODY_WIDTH_MM):.0f}" border="0" cellspacing="0" cellpadding="0">'
        + "<tr>"
        + "".join(cells)
        + "</tr></table>"
    )


def paper_html(paper: Paper, breaks: Breaks | None = None) -> str:
    """``paper`` as the HTML subset QTextDocument reads; charts are ``paper-chart:N`` images.
    ``breaks``: for a table (by its index in ``paper.body``), the rows that start a page."""
    breaks = breaks or {}
    starts = _page_starts(paper, breaks)
    parts = [_heading_html(paper.heading), _title_html(paper.title)]
    charts = 0
    for index, block in enumerate(paper.body):
        name, new_page = _name(index), index in starts
        if isinstance(block, Paragraph):
            text = _runs(block.runs)
            parts.append(
                _p(text, align=block.align, indent=block.indent, name=name, new_page=new_page)
            )
        elif isinstance(block, NumberedItem):
            runs = _runs([Run(block.label + " "), *block.runs])
            parts.append(_p(runs, align="justify", indent=True, name=name, new_page=new_page))
        elif isinstance(block, Table):
            parts.append(_table_html(block, breaks.get(index, frozenset()), new_page))
        else:
            parts.append(_chart_html(charts, block, name, new_page))
            charts += 1
    parts.append(_signatures_html(paper.signatures))
    return _page_html("".join(parts))


def _name(index: int) -> str:
    """The anchor of the body block ``index`` in the laid-out document."""
    return f"block-{index}"


def _page_starts(paper: Paper, breaks: Breaks) -> set[int]:
    """The body blocks that start a page: of each block that ``breaks`` starts a page with
    (0 among its breaks), the first of the run of blocks kept with it."""
    kept = kept_with_next(paper)
    starts = set()
    for index in sorted(i for i, cuts in breaks.items() if 0 in cuts):
        while index - 1 in kept:
            index -= 1
        starts.add(index)
    return starts


def _page_html(body: str) -> str:
    names = ", ".join(f"'{f}'" if " " in f else f for f in families())
    return f'<html><body style="font-family:{names}; font-size:{BODY_PT}pt;">{body}</body></html>'


def paper_document(paper: Paper) -> QTextDocument:
    """``paper`` as a QTextDocument paginated on the A4 body (page size in 1/96 inch), no
    table row split between two pages and the signatures kept on one page."""
    ensure_gui_application()
    use_family(paper_family(paper.text()).family)
    charts = [chart_image(b) for b in paper.body if isinstance(b, Chart)]
    breaks: Breaks = {}
    document = _laid_out(paper, breaks, charts)
    measured: dict[int, list[float]] = {}
    # Each pass places the page breaks of one table from where its rows really fall; the
    # tables after it move, so theirs are placed in a later pass.
    for _ in range(_MAX_PASSES):
        placed = _next_breaks(document, paper, breaks, measured)
        if placed is None:
            break
        breaks = placed
        document = _laid_out(paper, breaks, charts)
    if paper.signatures.columns:
        signatures = document.rootFrame().childFrames()[-1]
        _keep_together(document, signatures)
        _signatures_with_their_words(document, paper, signatures)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, paper.name)
    return document


Breaks = dict[int, frozenset[int]]
_MAX_PASSES = 24


def _new_document(page: QSizeF) -> QTextDocument:
    document = _PaperDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(font(BODY_PT))
    document.setPageSize(page)
    return document


def _crosses_page(top: float, bottom: float, page: float) -> bool:
    """Whether what reaches from ``top`` to ``bottom`` is on two pages of height ``page``."""
    return int((top + 0.5) // page) != int((bottom - 0.5) // page)


def _laid_out(paper: Paper, breaks: Breaks, charts: list[QImage]) -> QTextDocument:
    document = _new_document(BODY_SIZE)
    for index, image in enumerate(charts):
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL.format(index)), image
        )
    document.setHtml(paper_html(paper, breaks))
    return document


def _bordered_tables(document: QTextDocument) -> list[QTextTable]:
    """The tables of the paper's body, as laid out (the heading and signatures have none)."""
    return [
        frame
        for frame in document.rootFrame().childFrames()
        if isinstance(frame, QTextTable) and frame.format().border() > 0
    ]


def _row_pitches(table: Table) -> list[float]:
    """From each row's text to the next row's, header first (the last row: to the table's
    end), as laid out on one endless page, where nothing is split."""
    document = _new_document(QSizeF(BODY_SIZE.width(), 10_000_000))
    document.setHtml(_page_html(_table_html(table)))  # in the paper's fonts
    [laid] = _bordered_tables(document)
    tops = [top for top, _ in _row_spans(document, laid)]
    bottom = document.documentLayout().frameBoundingRect(laid).bottom()
    return [b - a for a, b in itertools.pairwise([*tops, bottom])]


def _row_spans(document: QTextDocument, table: QTextTable) -> list[tuple[float, float]]:
    """(top, bottom) of the text of each row: its cells are centred vertically, so a row
    reaches from its tallest cell's first line to that cell's last."""
    layout = document.documentLayout()
    spans = []
    for r in range(table.rows()):
        tops, bottoms = [], []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
            bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
        spans.append((min(tops), max(bottoms)))
    return spans


def _text_bottom(document: QTextDocument, block: QTextBlock) -> float:
    """Where the last line of ``block`` ends (its space below left out), less half a pixel."""
    rect = document.documentLayout().blockBoundingRect(block)
    return rect.bottom() - block.blockFormat().bottomMargin() - 0.5


def _named_blocks(document: QTextDocument) -> dict[str, QTextBlock]:
    """The blocks of the document by the anchor each begins with (``_p``'s ``name``)."""
    named = {}
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        if not fragments.atEnd():
            for name in fragments.fragment().charFormat().anchorNames():
                named[name] = block
        block = block.next()
    return named


def _next_breaks(
    document: QTextDocument, paper: Paper, breaks: Breaks, measured: dict[int, list[float]]
) -> Breaks | None:
    """``breaks`` with the first thing that a page parts wrongly made to start a page: a
    block kept with the next (``kept_with_next``) on an earlier page than the next, a
    chart apart from its caption, a table row split between two pages (then that table's
    breaks are placed anew from that row on); None when nothing is parted wrongly."""
    page = document.pageSize().height()
    layout = document.documentLayout()
    named = _named_blocks(document)
    kept = kept_with_next(paper)

    def split(top: float, bottom: float) -> bool:
        return _crosses_page(top, bottom, page)

    def page_of(y: float) -> int:
        return int(y // page)

    laid = _bordered_tables(document)
    for index, block in enumerate(paper.body):
        if isinstance(block, Chart):
            caption = named.get(_name(index) + "-caption")
            if caption is None or 0 in breaks.get(index, frozenset()):
                continue
            image = caption.previous()  # an image's anchor does not survive the HTML
            bottom = layout.blockBoundingRect(caption).bottom()
            if split(layout.blockBoundingRect(image).top(), bottom):
                return {**breaks, index: frozenset({0})}
            continue
        if not isinstance(block, Table):
            following = index + 1
            mine = named.get(_name(index))
            if index not in kept or following >= len(paper.body) or mine is None:
                continue
            if 0 in breaks.get(following, frozenset()):
                continue  # the run starts a page already: taller than a page if still apart
            if isinstance(paper.body[following], Table):
                if not laid:
                    continue
                rows = _row_spans(document, laid[0])
                top = rows[1][0] if len(rows) > 1 else layout.frameBoundingRect(laid[0]).top()
            else:
                if isinstance(paper.body[following], Chart):
                    theirs = named.get(_name(following) + "-caption")
                    theirs = theirs.previous() if theirs is not None else None
                else:
                    theirs = named.get(_name(following))
                if theirs is None:
                    continue
                top = layout.blockBoundingRect(theirs).top()
            if page_of(_text_bottom(document, mine)) < page_of(top):
                return {**breaks, following: frozenset({0})}
            continue
        # The whole table starts a page; ``carried``: with the words that introduce it.
        moved = 0 in breaks.get(index, frozenset())
        carried = moved and index - 1 in kept
        cuts = sorted(b for b in breaks.get(index, frozenset()) if 0 < b < len(block.rows))
        starts = [0, *cuts]
        tables, laid = laid[: len(starts)], laid[len(starts) :]
        if len(tables) != len(starts):  # not laid out as written: leave it to QTextDocument
            return None
        if index not in measured:
            measured[index] = _row_pitches(block)
        pitch = measured[index]
        spans = [_row_spans(document, table) for table in tables]
        # How far below the top of its page a table that starts a page has its first row:
        # its header, and what QTextDocument puts above such a table (measured on one).
        first_row = pitch[0]
        for chunk in spans[1 if not moved or carried else 0 :]:
            if len(chunk) > 1:
                first_row = chunk[1][0] % page
                break
        for start, chunk in zip(starts, spans, strict=True):
            for r, (top, bottom) in enumerate(chunk[1:], start=1):
                row = start + r - 1  # its index in block.rows
                if not split(top, bottom):
                    continue
                if r == 1 and (start or moved):  # first on its page: taller than one page
                    continue
                # This row starts a page (row 0: the whole table does), and so does each
                # later row that would not fit; a cut table starts at the top of a page.
                placed = {b for b in cuts if b < row} | {row}
                y = (int(top // page) + 1) * page + first_row
                for later in range(row, len(block.rows)):
                    # The row with its cell padding and border, up to the next row's text:
                    # QTextDocument moves a row whose box does not fit to the next page.
                    if later != row and split(y, y + pitch[later + 1]):
                        placed.add(later)
                        y = (int(y // page) + 1) * page + first_row
                    y += pitch[later + 1]
                return {**breaks, index: frozenset(placed)}
    return None


def _keep_together(document: QTextDocument, frame: QTextFrame) -> None:
    """Start ``frame`` (the signature blocks) on a new page when it would be split."""
    rect = document.documentLayout().frameBoundingRect(frame)
    if _crosses_page(rect.top(), rect.bottom(), document.pageSize().height()):
        fmt = frame.frameFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        frame.setFrameFormat(fmt)


def _signatures_with_their_words(document: QTextDocument, paper: Paper, frame: QTextFrame) -> None:
    """Never the signatures alone at the top of a page: when they start one, the last
    paragraph before them (and the run kept with it) starts it with them."""
    last = len(paper.body) - 1
    kept = kept_with_next(paper)
    if last not in kept:
        return
    named = _named_blocks(document)
    first = last
    while first - 1 in kept:
        first -= 1
    words, start = named.get(_name(last)), named.get(_name(first))
    if words is None or start is None:
        return
    layout = document.documentLayout()
    page = document.pageSize().height()
    bottom = _text_bottom(document, words)
    if int(bottom // page) >= int((layout.frameBoundingRect(frame).top() + 0.5) // page):
        return
    cursor = QTextCursor(start)
    fmt = start.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(fmt)
    framing = frame.frameFormat()
    framing.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
    frame.setFrameFormat(framing)


# --- pages ------------------------------------------------------------------------------------


def page_layout() -> QPageLayout:
    """A4 portrait with the margins of HD 36."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_LEFT_MM, MARGIN_TOP_MM, MARGIN_RIGHT_MM, MARGIN_BOTTOM_MM),
        QPageLayout.Unit.Millimeter,
    )


def print_document(document: QTextDocument, device: QPagedPaintDevice) -> None:
    """Paint ``document`` page by page on ``device`` (a PDF writer or printer whose page
    layout is ``page_layout()``), numbering pages from the second at the top centre."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot paint on the printer or PDF writer")
    try:
        _paint_pages(document, device, painter)
    finally:
        painter.end()


def _paint_pages(document: QTextDocument, device: QPagedPaintDevice, painter: QPainter) -> None:
    page = document.pageSize()
    scale = device.width() / page.width()
    number_font = font(BODY_PT)
    for index in range(document.pageCount()):
        if index:
            device.newPage()
            # In the top margin, half-way between the paper's edge and the text; painted
            # unscaled, so that the font's points are the device's.
            painter.setFont(number_font)
            painter.setPen(QColor("black"))
            band = QRectF(0, -_px(MARGIN_TOP_MM / 2 + 5), page.width(), _px(10))
            painter.drawText(
                QRectF(band.topLeft() * scale, band.size() * scale), _CENTRE, str(index + 1)
            )
        painter.save()
        painter.scale(scale, scale)
        painter.translate(0, -index * page.height())
        document.drawContents(painter, QRectF(QPointF(0, index * page.height()), page))
        painter.restore()


def pdf_bytes(paper: Paper) -> bytes:
    """``paper`` as a PDF file, A4, in memory."""
    document = paper_document(paper)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout())
    writer.setResolution(600)
    writer.setTitle(paper.name)
    writer.setCreator("minutes-app")
    print_document(document, writer)
    buffer.close()
    return bytes(data.data())


def write_pdf(paper: Paper, path: Path | str) -> None:
    """Write ``paper`` to ``path`` as PDF; an existing file is replaced only on success."""
    write_atomically(Path(path), pdf_bytes(paper))
