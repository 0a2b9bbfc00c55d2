"""The documents a Party office hands on — minutes, conclusion notice, period report — as a
neutral model of headings, paragraphs, tables and signatures that each writer lays out.

The layout follows Hướng dẫn 36-HD/VPTW (Party documents): the issuing body at top left with
its number line, "ĐẢNG CỘNG SẢN VIỆT NAM" at top right with the place and date, the kind of
document and its subject centred, the body, then signatures. Every Vietnamese word of these
documents is written here and only here; docx_writer and ui.printing only lay them out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import func, select

from minutes_app.base.limits import MAX_TEXT, MAX_TITLE
from minutes_app.base.text import shortened
from minutes_app.core.conferences.forms import AppearanceForm, ConferenceForm
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.exports.common import CLASS_FILLS, CLASS_LABELS, vn_date
from minutes_app.core.exports.tables import OverdueTask, most_overdue
from minutes_app.core.paperwork.office import Office
from minutes_app.core.tasks.query import support_units_of
from minutes_app.core.tasks.rows import Report, UnitCounts, period_report
from minutes_app.core.tasks.tracking import CLASSES, ONGOING, on_time_rate
from minutes_app.db.engine import Database
from minutes_app.db.models import Task, Unit

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
class Paper:
    """One document, ready for a writer."""

    kind: str  # minutes | notice | report
    heading: Heading
    title: Title
    body: tuple[Block, ...]
    signatures: SignatureBlocks
    name: str = field(default="")  # a short name for windows and file names

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
CELL_PADDING_MM = 1.2  # left and right inside a table cell
FIRST_LINE_INDENT_MM = 10.0
PARAGRAPH_SPACING_PT = 6
LINE_SPACING = 1.15  # of a single line


# --- words ------------------------------------------------------------------------------------

PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
BLANK = "…"  # printed where the record holds nothing, for the clerk to fill in by hand
END = "./."  # closes the last sentence of a Party document
# The most overdue tasks a report lists by name: about twenty printed pages (a task's row
# takes two or three lines). A ten-year report can have tens of thousands; the Excel
# report lists every one of them.
OVERDUE_LISTED = 200
# Bars of the report's chart, about one printed page; a province has a few hundred units.
CHART_BARS = 20

# --- how much a paper prints --------------------------------------------------------------------
# A paper stays a paper, laid out in seconds, whatever is stored (a database written by an
# older version or by hand may hold a 30 MB discussion): each field prints at most so many
# characters, ending with "…" where it is cut, and the body at most PRINTED_TOTAL, ending
# with OMITTED. Within the editor's limits only a name or a line longer than any real one
# is cut: running text (a discussion, an instruction) prints whole up to MAX_TEXT.
PRINTED_LINE = 500
"""Characters of a name, a title, a unit, a heading line or a table cell."""
PRINTED_TEXT = MAX_TEXT
"""Characters of a running text: the discussion, an instruction."""
PRINTED_TOTAL = 300_000
"""Characters of a paper's body, about a hundred printed pages."""
OMITTED = "[Phần còn lại quá dài nên không in ra; xem đầy đủ trong phần mềm.]"
_RUNNING = frozenset({"discussion", "notes", "text"})  # fields printed as running text

Printed = TypeVar("Printed")


def printable(record: Printed) -> Printed:
    """``record`` (a frozen dataclass: a conference form, an office…) with every text cut
    to what a paper prints of it: PRINTED_TEXT for running text, PRINTED_LINE for the rest."""
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        limit = PRINTED_TEXT if f.name in _RUNNING else PRINTED_LINE
        if isinstance(value, str):
            changes[f.name] = shortened(value, limit)
        elif isinstance(value, tuple):
            changes[f.name] = tuple(
                shortened(v, limit) if isinstance(v, str) else printable(v) for v in value
            )
        elif dataclasses.is_dataclass(value):
            changes[f.name] = printable(value)
    return dataclasses.replace(record, **changes)


def _line(text: str) -> str:
    return shortened(text, PRINTED_LINE)


def _size(block: Block) -> int:
    """Characters printed by ``block``."""
    if isinstance(block, Paragraph | NumberedItem):
        return sum(len(r.text) for r in block.runs)
    if isinstance(block, Table):
        return sum(len(cell) for row in (block.header, *block.rows) for cell in row)
    return len(block.title) + sum(len(c) for c in block.categories)


def _bounded(body: list[Block], last_kept: bool = True) -> tuple[Block, ...]:
    """``body`` cut to PRINTED_TOTAL characters, the rest replaced by OMITTED. The last
    block (the closing sentence) is kept whole when ``last_kept``."""
    closing = body[-1:] if last_kept else []
    blocks = body[:-1] if last_kept else body
    left = PRINTED_TOTAL
    kept: list[Block] = []
    for block in blocks:
        size = _size(block)
        if size <= left:
            kept.append(block)
            left -= size
            continue
        if isinstance(block, Paragraph | NumberedItem):
            runs, room = [], left
            for run in block.runs:
                runs.append(dataclasses.replace(run, text=shortened(run.text, room)))
                room -= len(runs[-1].text)
                if room <= 0:
                    break
            kept.append(dataclasses.replace(block, runs=tuple(runs)))
        elif isinstance(block, Table):
            rows = []
            room = left - sum(len(cell) for cell in block.header)
            for row in block.rows:
                room -= sum(len(cell) for cell in row)
                if room < 0:
                    break
                rows.append(row)
            if rows:
                kept.append(dataclasses.replace(block, rows=tuple(rows), total_row=False))
        kept.append(Paragraph((Run(OMITTED, italic=True),)))
        break
    return (*kept, *closing)


_MODES = {
    "online": "trực tuyến",
    "in_person": "trực tiếp",
    "hybrid": "trực tiếp kết hợp trực tuyến",
}
_SESSIONS = {"morning": "sáng", "afternoon": "chiều", "evening": "tối"}
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def day_words(day: dt.date) -> str:
    """ "ngày 05 tháng 02 năm 2023": HD 36 writes a day below 10 and January and February
    with a leading zero, other months without."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_date(office: Office, day: dt.date | None) -> str:
    """ "Bắc Kạn, ngày 17 tháng 02 năm 2023" (dots where the place or day is unknown)."""
    place = office.place or BLANK
    when = day_words(day) if day else f"ngày {BLANK} tháng {BLANK} năm {BLANK}"
    return f"{place}, {when}"


def number_line(office: Office, kind_code: str, number: str | None) -> str:
    """ "Số 12-BB/BTCTU"; the number is left as dots until the document is registered."""
    return f"Số {number or BLANK}-{kind_code}/{office.symbol or BLANK}"


def heading(office: Office, kind_code: str, number: str | None, day: dt.date | None) -> Heading:
    left: list[Run] = []
    if office.superior_body:
        left.append(Run(office.superior_body.upper()))
    left.append(Run((office.office_name or BLANK).upper(), bold=True))
    left.append(Run("*"))
    return Heading(
        left=tuple(left),
        right=(Run(PARTY, bold=True, underline=True),),
        number=number_line(office, kind_code, number),
        place_date=place_date(office, day),
    )


def _sentence(text: str) -> str:
    """``text`` with a capital first letter."""
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """ "Hội nghị…" becomes "hội nghị…" inside a sentence; acronyms (two capitals) stay."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _stop(text: str) -> str:
    """``text`` ending with a full stop (or the mark it already ends with)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", ":", ";", "…")) else text + "."


def _comrade(appearance: AppearanceForm | None) -> str:
    """ "đồng chí Trương Thị Mai, Trưởng ban Tổ chức Trung ương"."""
    if appearance is None:
        return ""
    who = f"đồng chí {appearance.person.name}"
    return f"{who}, {appearance.title}" if appearance.title else who


def _labelled(label: str, text: str, indent: bool = True) -> Paragraph:
    return Paragraph((Run(label, bold=True), Run(" " + text)), indent=indent)


def _section(number: int, text: str) -> Paragraph:
    return Paragraph(
        (Run(f"{_ROMAN[number - 1]}. {text.upper()}", bold=True),), keep_with_next=True
    )


def _subsection(number: int, text: str) -> Paragraph:
    return Paragraph((Run(f"{number}. {text}", bold=True),), keep_with_next=True)


def _time_words(conference: ConferenceForm) -> str:
    parts = []
    if conference.start_time:
        hour, minute = conference.start_time.split(":")
        parts.append(f"{hour} giờ {minute} phút,")
    if conference.session:
        parts.append(_SESSIONS[conference.session])
    if conference.date:
        parts.append(day_words(conference.date))
    return " ".join(parts)


def _short_day(conference: ConferenceForm) -> str:
    """ "Sáng ngày 17/02/2023" as a notice opens."""
    session = _SESSIONS.get(conference.session or "", "")
    day = f"ngày {vn_date(conference.date)}" if conference.date else ""
    return _sentence(" ".join(p for p in (session, day) if p))


def _bridge_point_line(point_name: str) -> str:
    return point_name if point_name.casefold().startswith("điểm cầu") else f"Điểm cầu {point_name}"


# --- minutes ----------------------------------------------------------------------------------


def minutes_paper(
    db: Database, conference_id: int, office: Office, number: str | None = None
) -> Paper:
    """The biên bản of one conference, dated the day it was held.

    Raises ``LookupError`` when there is no such conference.
    """
    c = printable(load_conference(db, conference_id))
    office = printable(office)
    body: list[Block] = []
    body.append(_section(1, "Thời gian, địa điểm, thành phần"))
    body.append(_labelled("Thời gian:", _stop(_sentence(_time_words(c)) or BLANK)))
    body.append(_labelled("Hình thức:", _stop(_MODES.get(c.mode, c.mode))))
    if c.organizer:
        body.append(_labelled("Đơn vị tổ chức:", _stop(c.organizer)))
    if c.mode == "in_person":
        body.append(_labelled("Địa điểm:", _stop(c.host_point or BLANK)))
    else:
        points = "; ".join(p.name for p in c.bridge_points)
        where = f"điểm cầu chính tại {c.host_point or BLANK}"
        if points:
            where += f"; kết nối với {len(c.bridge_points)} điểm cầu: {points}"
        body.append(_labelled("Địa điểm:", _stop(_sentence(where))))
    chairs = "; ".join(_comrade(a) for a in c.chairs)
    body.append(_labelled("Chủ trì:", _stop(_sentence(chairs) if chairs else BLANK)))
    secretary = _comrade(c.secretary) or (
        f"đồng chí {office.secretary}" if office.secretary else ""
    )
    body.append(_labelled("Thư ký:", _stop(_sentence(secretary) if secretary else BLANK)))
    if c.bridge_points:
        body.append(
            Paragraph((Run("Thành phần tại các điểm cầu:", bold=True),), keep_with_next=True)
        )
        for point in c.bridge_points:
            words = []
            if point.presiding:
                names = "; ".join(_comrade(a) for a in point.presiding)
                words.append(f"{names} chủ trì")
            if point.attendees:
                words.append("cùng dự có " + "; ".join(_comrade(a) for a in point.attendees))
            if point.attendee_count is not None:
                words.append(f"tổng số {point.attendee_count} đại biểu")
            text = f"- {_bridge_point_line(point.name)}"
            if words:
                text += ": " + "; ".join(words)
            body.append(Paragraph((Run(_stop(text)),)))

    body.append(_section(2, "Nội dung hội nghị"))
    part = 0
    if c.documents:
        part += 1
        body.append(_subsection(part, "Các văn bản được nghiên cứu, quán triệt"))
        body.append(
            Paragraph((Run(f"Hội nghị đã nghiên cứu, quán triệt {len(c.documents)} văn bản sau:"),))
        )
        body.append(
            Table(
                header=(
                    "TT",
                    "Loại văn bản",
                    "Số, ký hiệu",
                    "Ngày ban hành",
                    "Cơ quan ban hành",
                    "Trích yếu nội dung",
                ),
                rows=tuple(
                    (
                        str(i),
                        s.document.kind,
                        s.document.symbol or s.document.number,
                        vn_date(s.document.issued_on),
                        s.document.issuer or "",
                        _sentence(s.document.subject or ""),
                    )
                    for i, s in enumerate(c.documents, 1)
                ),
                widths=(10, 22, 28, 25, 27, 53),
                align=("center", "left", "left", "center", "left", "left"),
            )
        )
        for studied in c.documents:
            if studied.presenter is not None:
                doc = studied.document
                who = _sentence(_comrade(studied.presenter))
                body.append(
                    Paragraph((Run(f"{who} trình bày {doc.kind} {doc.symbol or doc.number}."),))
                )
    part += 1
    body.append(_subsection(part, "Ý kiến thảo luận"))
    discussion = [line.strip() for line in (c.discussion or "").splitlines() if line.strip()]
    for line in discussion or ["Không ghi nhận ý kiến thảo luận."]:
        body.append(Paragraph((Run(_stop(line)),)))
    part += 1
    body.append(_subsection(part, "Kết luận, chỉ đạo của đồng chí chủ trì"))
    body += _instruction_items(c)
    if not c.instructions:
        body.append(Paragraph((Run("Không ghi nhận kết luận, chỉ đạo."),)))

    if c.end_time:
        hour, minute = c.end_time.split(":")
        end = f"Hội nghị kết thúc vào lúc {hour} giờ {minute} phút cùng ngày{END}"
    else:
        end = f"Hội nghị kết thúc vào lúc {BLANK} giờ {BLANK} phút cùng ngày{END}"
    body.append(Paragraph((Run(end),)))

    chair = c.chairs[0].person.name if c.chairs else ""
    secretary_name = c.secretary.person.name if c.secretary else office.secretary
    return Paper(
        kind="minutes",
        heading=heading(office, "BB", number, c.date),
        title=Title("BIÊN BẢN", (_sentence(c.title),)),
        body=_bounded(body),
        signatures=SignatureBlocks(
            (Signature("THƯ KÝ", secretary_name), Signature("CHỦ TRÌ", chair))
        ),
        name=f"Biên bản {c.title}",
    )


def _instruction_items(c: ConferenceForm) -> list[Block]:
    """The closing instructions, grouped under whoever gave them."""
    blocks: list[Block] = []
    speaker: object = object()  # no one yet
    for i, instruction in enumerate(c.instructions):
        given_by = instruction.speaker or (c.chairs[0] if c.chairs else None)
        if given_by != speaker:
            speaker = given_by
            who = _sentence(_comrade(given_by)) if given_by else "Đồng chí chủ trì"
            blocks.append(Paragraph((Run(f"{who} kết luận, chỉ đạo:"),), keep_with_next=True))
        blocks.append(NumberedItem(f"{chr(ord('a') + i % 26)})", (Run(_stop(instruction.text)),)))
    return blocks


# --- notice -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _NoticeTask:
    title: str
    lead_unit: str
    support_units: tuple[str, ...]
    deadline: dt.date | None


def _tasks_by_instruction(db: Database, instruction_ids: list[int]) -> dict[int, list[_NoticeTask]]:
    """The tasks that still stand (not cancelled) under each instruction, in creation order."""
    with db.reading() as session:
        rows = session.execute(
            # Read no more of a text than is printed: a title may hold megabytes.
            select(
                Task.id,
                Task.instruction_id,
                func.substr(Task.title, 1, MAX_TITLE + 1),
                func.substr(Unit.name, 1, PRINTED_LINE + 1),
                Task.deadline,
            )
            .join(Unit, Task.lead_unit_id == Unit.id)
            .where(Task.instruction_id.in_(instruction_ids), Task.status != "cancelled")
            .order_by(Task.id)
        ).all()
    supports = support_units_of(db, [r[0] for r in rows])
    found: dict[int, list[_NoticeTask]] = {}
    for task_id, instruction_id, title, lead_unit, deadline in rows:
        found.setdefault(instruction_id, []).append(
            _NoticeTask(
                shortened(title, MAX_TITLE),
                _line(lead_unit),
                tuple(_line(u) for u in supports.get(task_id, ())),
                deadline,
            )
        )
    return found


def _conference_words(title: str) -> str:
    """The conference's title as it follows "tại": always naming a "Hội nghị"."""
    return title if title.casefold().startswith("hội nghị") else f"Hội nghị {_lower_first(title)}"


def notice_paper(
    db: Database,
    conference_id: int,
    office: Office,
    number: str | None = None,
    issued_on: dt.date | None = None,
) -> Paper:
    """The thông báo kết luận of one conference: its instructions, each with its tasks
    (lead unit, supporting units, deadline). Dated ``issued_on`` (default today).

    Raises ``LookupError`` when there is no such conference.
    """
    c = printable(load_conference(db, conference_id))
    office = printable(office)
    issued_on = issued_on or dt.date.today()
    speakers = [i.speaker for i in c.instructions if i.speaker is not None]
    speaker = speakers[0] if speakers else (c.chairs[0] if c.chairs else None)
    conference = _conference_words(c.title)

    if speaker is not None:
        concluded_by = f"KẾT LUẬN CỦA ĐỒNG CHÍ {speaker.person.name}"
        if speaker.title:
            concluded_by += f", {speaker.title}"
    else:
        concluded_by = "KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ"
    subject = (concluded_by.upper(), f"TẠI {conference}".upper())

    opening = f"{_short_day(c)}, " if c.date else ""
    if c.organizer:
        opening += f"{c.organizer} tổ chức {_lower_first(conference)}"
    else:
        opening += f"{_lower_first(conference) if opening else conference} được tổ chức"
    if c.mode == "in_person":
        opening += f" tại {c.host_point}. " if c.host_point else ". "
    else:
        if _MODES["online"] not in conference:
            opening += f" theo hình thức {_MODES.get(c.mode, c.mode)}"
        if c.host_point:
            opening += f", điểm cầu chính tại {c.host_point}"
        if c.bridge_points:
            opening += f", kết nối với {len(c.bridge_points)} điểm cầu"
        opening += ". "
    if c.chairs:
        chairs = "; ".join(_comrade(a) for a in c.chairs)
        opening += f"{_sentence(chairs)} chủ trì Hội nghị. "
    for point in c.bridge_points:
        if point.presiding:
            names = "; ".join(_comrade(a) for a in point.presiding)
            opening += f"Tại {_bridge_point_line(point.name)} có {names} chủ trì. "
    body: list[Block] = [Paragraph((Run(opening.strip()),))]

    heard = "Sau khi nghe "
    if c.documents:
        symbols = ", ".join(s.document.symbol or s.document.number for s in c.documents)
        heard += f"quán triệt các văn bản {symbols} và "
    heard += "ý kiến của các đại biểu, "
    heard += (_comrade(speaker) if speaker else "đồng chí chủ trì") + " kết luận, chỉ đạo như sau:"
    body.append(Paragraph((Run(heard),), keep_with_next=True))

    tasks = _tasks_by_instruction(db, [i.id for i in c.instructions if i.id is not None])
    units: list[str] = []
    for n, instruction in enumerate(c.instructions, 1):
        body.append(NumberedItem(f"{n}.", (Run(_stop(instruction.text)),)))
        for task in tasks.get(instruction.id or 0, []):
            runs = [Run(f"- {_stop(task.title)} "), Run("Chủ trì:", italic=True)]
            runs.append(Run(f" {task.lead_unit}; "))
            if task.support_units:
                runs += [Run("phối hợp:", italic=True), Run(f" {', '.join(task.support_units)}; ")]
            deadline = vn_date(task.deadline) if task.deadline else "thường xuyên"
            runs += [Run("thời hạn:", italic=True), Run(f" {deadline}.")]
            body.append(Paragraph(tuple(runs)))
            for unit in (task.lead_unit, *task.support_units):
                if unit not in units:
                    units.append(unit)
    if not c.instructions:
        body.append(Paragraph((Run("Không có nội dung kết luận, chỉ đạo."),)))
    body.append(
        Paragraph(
            (
                Run(
                    "Thông báo để các cấp ủy, tổ chức đảng, cơ quan, đơn vị liên quan biết, "
                    f"thực hiện{END}"
                ),
            )
        )
    )
    recipients = (*(f"- {unit}," for unit in units), "- Lưu Văn phòng.")
    return Paper(
        kind="notice",
        heading=heading(office, "TB", number, issued_on),
        title=Title("THÔNG BÁO", subject),
        body=_bounded(body),
        signatures=SignatureBlocks(
            (
                Recipients(recipients),
                Signature(
                    office.notice_signer_title.upper(),
                    office.notice_signer,
                    office.notice_authority.upper(),
                ),
            )
        ),
        name=f"Thông báo kết luận {c.title}",
    )


# --- period report ----------------------------------------------------------------------------

_QUARTERS = ("I", "II", "III", "IV")


def period_words(start: dt.date, end: dt.date) -> str:
    """ "tháng 3 năm 2023", "quý I năm 2023", "6 tháng đầu năm 2023", "năm 2023", or
    "từ ngày 05/03/2023 đến ngày 20/04/2023" for any other range."""
    next_day = end + dt.timedelta(days=1)
    months = (next_day.year - start.year) * 12 + next_day.month - start.month
    whole = start.day == 1 and next_day.day == 1 and start.year == end.year
    if whole and months == 1:
        return f"tháng {start.month} năm {start.year}"
    if whole and months == 3 and start.month % 3 == 1:
        return f"quý {_QUARTERS[start.month // 3]} năm {start.year}"
    if whole and months == 6 and start.month in (1, 7):
        half = "đầu" if start.month == 1 else "cuối"
        return f"6 tháng {half} năm {start.year}"
    if whole and months == 12 and start.month == 1:
        return f"năm {start.year}"
    return f"từ ngày {vn_date(start)} đến ngày {vn_date(end)}"


def _percent(rate: float | None) -> str:
    return f"{rate:.0%}" if rate is not None else "-"


def report_paper(
    db: Database,
    date_from: dt.date,
    date_to: dt.date,
    as_of: dt.date | None,
    office: Office,
    number: str | None = None,
    issued_on: dt.date | None = None,
    listed_at_most: int = OVERDUE_LISTED,
) -> Paper:
    """The period report: the counts of ``report --json`` (tasks assigned within the
    period, classed as of ``as_of``, default ``date_to``), the on-time rate, a chart and
    the overdue tasks, the ``listed_at_most`` most overdue of them when there are more.
    Dated ``issued_on`` (default today)."""
    report = period_report(db, date_from, date_to, as_of)
    overdue, overdue_total = most_overdue(db, report, listed_at_most)
    issued_on = issued_on or dt.date.today()
    report = dataclasses.replace(
        report, units=tuple(dataclasses.replace(u, unit=_line(u.unit)) for u in report.units)
    )
    overdue = [
        dataclasses.replace(
            o,
            task=dataclasses.replace(
                o.task, title=_line(o.task.title), lead_unit=_line(o.task.lead_unit)
            ),
        )
        for o in overdue
    ]
    return _report_paper(report, overdue, overdue_total, printable(office), number, issued_on)


def _charted_units(units: tuple[UnitCounts, ...]) -> tuple[UnitCounts, ...]:
    """The units the chart draws a bar for: all of them, or when there are more than
    CHART_BARS, those with the most tasks, in the table's order. (One bar for all the
    others, on the same scale, would flatten every other bar; the table has them all.)"""
    if len(units) <= CHART_BARS:
        return units
    largest = sorted(units, key=lambda u: -sum(u.counts.values()))[:CHART_BARS]
    shown = {u.unit for u in largest}
    return tuple(u for u in units if u.unit in shown)


def _report_paper(
    report: Report,
    overdue: list[OverdueTask],
    overdue_total: int,
    office: Office,
    number: str | None,
    issued_on: dt.date,
) -> Paper:
    total = sum(report.total.values())
    period = period_words(report.start, report.end)
    body: list[Block] = [
        Paragraph(
            (
                Run(
                    "Báo cáo tổng hợp tình hình thực hiện các nhiệm vụ được giao sau các hội nghị "
                    f"từ ngày {vn_date(report.start)} đến ngày {vn_date(report.end)}, "
                    f"tính đến ngày {vn_date(report.as_of)}, như sau:"
                ),
            )
        ),
        _section(1, "Kết quả chung"),
    ]
    counts = "; ".join(f"{CLASS_LABELS[c].lower()}: {report.total[c]}" for c in CLASSES)
    body.append(
        Paragraph((Run(f"Tổng số nhiệm vụ được giao trong kỳ: {total}, trong đó: {counts}."),))
    )
    rate = report.on_time_rate
    body.append(
        Paragraph(
            (
                Run("Tỷ lệ hoàn thành đúng hạn (trên số nhiệm vụ đã hoàn thành): "),
                Run(
                    f"{_percent(rate)}." if rate is not None else "chưa có nhiệm vụ hoàn thành.",
                    bold=True,
                ),
            )
        )
    )
    body.append(_section(2, "Kết quả theo đơn vị chủ trì"))
    header = ("TT", "Đơn vị chủ trì", "Tổng số", *(CLASS_LABELS[c] for c in CLASSES))
    rows = [
        (
            str(i),
            u.unit,
            str(sum(u.counts.values())),
            *(str(u.counts[c]) for c in CLASSES),
            _percent(on_time_rate(u.counts)),
        )
        for i, u in enumerate(report.units, 1)
    ]
    rows.append(
        (
            "",
            "Tổng cộng",
            str(total),
            *(str(report.total[c]) for c in CLASSES),
            _percent(rate),
        )
    )
    body.append(
        Table(
            header=(*header, "Tỷ lệ đúng hạn"),
            rows=tuple(rows),
            # "Thường xuyên" needs room to break between its words, not inside one.
            widths=(9, 27, 14, *(19 if c == ONGOING else 16 for c in CLASSES), 16),
            align=("center", "left", *("center",) * (len(CLASSES) + 2)),
            total_row=True,
        )
    )
    if report.units:
        charted = _charted_units(report.units)
        which = (
            "" if charted == report.units else f" ({len(charted)} đơn vị có nhiều nhiệm vụ nhất)"
        )
        body.append(
            Chart(
                title=f"Nhiệm vụ theo đơn vị chủ trì và tình trạng, {period}{which}",
                categories=tuple(u.unit for u in charted),
                series=tuple(
                    ChartSeries(
                        c,
                        CLASS_LABELS[c],
                        CLASS_FILLS[c],
                        tuple(u.counts[c] for u in charted),
                    )
                    for c in CLASSES
                ),
            )
        )
    body.append(_section(3, "Các nhiệm vụ quá hạn chưa hoàn thành"))
    if overdue_total > len(overdue):
        # The most overdue ones only, grouped by lead unit as the whole list would be.
        least = min((o.days_overdue for o in overdue), default=0)
        body.append(
            Paragraph(
                (
                    Run(
                        f"Có {overdue_total} nhiệm vụ quá hạn; dưới đây là "
                        f"{len(overdue)} nhiệm vụ quá hạn lâu nhất (từ {least} ngày trở lên). "
                        f"Danh sách đầy đủ có trong bản báo cáo xuất ra tệp Excel."
                    ),
                )
            )
        )
    if overdue:
        body.append(
            Table(
                header=(
                    "TT",
                    "Nhiệm vụ",
                    "Đơn vị chủ trì",
                    "Ngày giao",
                    "Hạn hoàn thành",
                    "Số ngày quá hạn",
                ),
                rows=tuple(
                    (
                        str(i),
                        o.task.title,
                        o.task.lead_unit,
                        vn_date(o.task.assigned_on),
                        vn_date(o.missed_deadline),
                        str(o.days_overdue),
                    )
                    for i, o in enumerate(overdue, 1)
                ),
                widths=(10, 52, 30, 25, 25, 23),
                align=("center", "left", "left", "center", "center", "center"),
            )
        )
    else:
        body.append(Paragraph((Run(f"Không có nhiệm vụ quá hạn{END}"),)))
    return Paper(
        kind="report",
        heading=heading(office, "BC", number, issued_on),
        title=Title("BÁO CÁO", (f"Kết quả thực hiện nhiệm vụ sau hội nghị {period}",)),
        body=_bounded(body, last_kept=False),
        signatures=SignatureBlocks(
            (
                Recipients(("- Các đơn vị chủ trì,", "- Lưu Văn phòng.")),
                Signature(
                    office.notice_signer_title.upper(),
                    office.notice_signer,
                    office.notice_authority.upper(),
                ),
            )
        ),
        name=f"Báo cáo {period}",
    )
