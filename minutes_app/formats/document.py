"""The neutral model of a document the office hands on (minutes, notice, report): headings,
paragraphs, tables, a chart and signatures, and the page and type every writer lays them out
on. What the words say is decided in ``core.paperwork``; the writers (``formats.docx``,
``render.paper``) only lay them out.

The layout follows Hướng dẫn 36-HD/VPTW (Party documents): the issuing body at top left with
its number line, the Party's name at top right with the place and date, the kind of document
and its subject centred, the body, then signatures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# --- the model --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Heading:
    """The top of the first page: issuing body (left) and the Party's name (right), then the
    number line under the body and the place-and-date line under the Party's name."""

    left: tuple[Run, ...]  # one line each
    right: tuple[Run, ...]
    number: str
    place_date: str


@dataclass(frozen=True)
class Title:
    """The kind of document (BIÊN BẢN…) and its subject lines, centred, with a rule below."""

    kind: str
    subject: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of body text; ``indent`` is the first-line indent of running text."""

    runs: tuple[Run, ...]
    indent: bool = True
    align: str = "justify"  # justify | left | center | right
    keep_with_next: bool = False


@dataclass(frozen=True)
class NumberedItem:
    """A numbered point ("1.", "a)") of a list; ``level`` 0 is the outermost."""

    label: str
    runs: tuple[Run, ...]
    level: int = 0


@dataclass(frozen=True)
class Table:
    """A ruled table; ``widths`` in millimetres, ``align`` per column (left/center/right).
    The last row is a total row (bold) when ``total_row``."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    align: tuple[str, ...]
    total_row: bool = False


@dataclass(frozen=True)
class ChartSeries:
    key: str
    label: str
    colour: str  # RRGGBB
    values: tuple[int, ...]


@dataclass(frozen=True)
class Chart:
    """Horizontal stacked bars: one bar per category, one coloured segment per series."""

    title: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]

    def total(self, index: int) -> int:
        return sum(s.values[index] for s in self.series)


@dataclass(frozen=True)
class Signature:
    """A signer's block: authority line (T/M, T/L…), post, and name below the space to sign."""

    title: str
    name: str
    authority: str = ""


@dataclass(frozen=True)
class Recipients:
    """The "Nơi nhận:" block at bottom left."""

    lines: tuple[str, ...]
    caption: str = "Nơi nhận:"


@dataclass(frozen=True)
class SignatureBlocks:
    """Blocks side by side at the foot of the document, left to right."""

    columns: tuple[Signature | Recipients, ...]


Block = Paragraph | NumberedItem | Table | Chart
"""What the body of a document is made of."""


@dataclass(frozen=True)
class Issue:
    """The registration of a paper as the clerk recorded it: its number and date of issue,
    and who signs it with what authority when that was recorded with it (else empty)."""

    number: str
    issued_on: dt.date
    signer_name: str = ""
    signer_title: str = ""
    authority: str = ""


@dataclass(frozen=True)
class Paper:
    """One document, ready for a writer."""

    kind: str  # minutes | notice | report
    heading: Heading
    title: Title
    body: tuple[Block, ...]
    signatures: SignatureBlocks
    name: str = field(default="")  # a short name for windows and file names
    issue: Issue | None = None  # None: not registered yet, number and date left blank

    def text(self) -> str:
        """The words of the document, in reading order (for checks and searching)."""
        parts = [r.text for r in self.heading.left]
        parts += [r.text for r in self.heading.right]
        parts += [self.heading.number, self.heading.place_date, self.title.kind]
        parts += self.title.subject
        for block in self.body:
            if isinstance(block, Paragraph):
                parts.append("".join(r.text for r in block.runs))
            elif isinstance(block, NumberedItem):
                parts.append(block.label + " " + "".join(r.text for r in block.runs))
            elif isinstance(block, Table):
                parts += [" | ".join(block.header), *(" | ".join(r) for r in block.rows)]
            else:
                parts.append(block.title)
        for column in self.signatures.columns:
            if isinstance(column, Signature):
                parts += [column.authority, column.title, column.name]
            else:
                parts += [column.caption, *column.lines]
        return "\n".join(p for p in parts if p)


# --- page and type (HD 36), shared by every writer -------------------------------------------

PAGE_WIDTH_MM = 210.0  # A4
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP_MM = 20.0
MARGIN_BOTTOM_MM = 20.0
MARGIN_LEFT_MM = 30.0
MARGIN_RIGHT_MM = 15.0
BODY_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 165 mm
HEADING_WIDTHS_MM = (62.0, BODY_WIDTH_MM - 62.0)  # issuing body | the Party's name

FONT_FAMILY = "Times New Roman"
BODY_PT = 14
TABLE_PT = 13
TABLE_HEADER_PT = 12
TITLE_PT = 15  # the kind of document, and "ĐẢNG CỘNG SẢN VIỆT NAM"
RECIPIENTS_PT = 12
CHART_PT = 11
CELL_PADDING_MM = 1.2  # inside a table cell, on each side
FIRST_LINE_INDENT_MM = 10.0
PARAGRAPH_SPACING_PT = 6
LINE_SPACING = 1.15  # of a single line


def kept_with_next(paper: Paper) -> frozenset[int]:
    """The body blocks (by index) that a page must not part from what follows them: a
    paragraph marked so (a heading, "kết luận, chỉ đạo:"), one that introduces a table or
    a chart, and the last paragraph before the signatures, so that neither the signatures
    nor a table stands at the top of a page without the words that lead to it. Every
    writer keeps these (the PDF by moving the whole run to the next page, Word by "keep
    with next")."""
    body = paper.body
    kept = set()
    for index, block in enumerate(body):
        if not isinstance(block, Paragraph | NumberedItem):
            continue
        following = body[index + 1] if index + 1 < len(body) else None
        marked = isinstance(block, Paragraph) and block.keep_with_next
        introduces = isinstance(following, Table | Chart)
        closes = following is None and bool(paper.signatures.columns)
        if marked or introduces or closes:
            kept.add(index)
    return frozenset(kept)
