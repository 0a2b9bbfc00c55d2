"""Table exports: the task list as .xlsx or .csv, and the period report as .xlsx.

The task list is read from the task register (``task_query``) a batch at a time, so that
200,000 tasks are never held at once, and written straight into the file as it comes.
Its .xlsx sheet is written as SpreadsheetML by the small writer below (``StreamedSheet``),
not by a library: both libraries that do this miss the export's budget of 30 s, the
processor time alone. Measured on the 200,000-task export of benchmarks/export.py with
the writer swapped (benchmarks/xlsx_libraries.py, each set up to write the same sheet), on
a busy 2-core machine, two runs each, CPU time / wall clock / peak memory:

- openpyxl, write-only mode: 91-94 s / 148-150 s / 130 MB
- XlsxWriter, constant_memory mode: 52-55 s / 74-89 s / 121 MB
- StreamedSheet: 18 s / 27-33 s / 123 MB

Reading the tasks from the database is about 14 s of CPU in each. The period report is
small and keeps openpyxl, for its native bar chart.
"""

from __future__ import annotations

import csv
import datetime as dt
import heapq
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import select

from minutes_app.base.files import replacing
from minutes_app.base.text import SortKey, vietnamese_sort_key
from minutes_app.core.exports.common import (
    CLASS_FILLS,
    CLASS_LABELS,
    DISPLAY_LABELS,
    NO_DEADLINE_LABEL,
    STATUS_LABELS,
    Progress,
    display_class,
    report_progress,
    vn_date,
)
from minutes_app.core.tasks.query import (
    RegisterRow,
    TaskQuery,
    TaskRegister,
    registers_led_by,
    rows_by_id,
    support_units_of,
)
from minutes_app.core.tasks.rows import Report, period_report
from minutes_app.core.tasks.tracking import (
    CLASSES,
    OVERDUE,
    Extension,
    TaskState,
    deadline_on,
    on_time_rate,
)
from minutes_app.db.engine import Database
from minutes_app.db.models import Instruction, Task, TaskEvent

BATCH_SIZE = 2000
"""Tasks completed and written at a time; also how often progress is reported."""

PAGE_SIZE = 20_000
"""Register rows read at a time. The register pages by offset, which costs a walk over the
rows skipped, so pages are larger than batches: 200,000 tasks take ten walks, not a hundred.
A page holds about 2 kB a row (Vietnamese titles are not Latin-1 and every row has its own
copy of them), so 20,000 rows keep a large export near 120 MB."""

EXCEL_TEXT_LIMIT = 32_767  # characters in one Excel cell

# --- the tasks to export, in batches ----------------------------------------------------------


@dataclass(frozen=True)
class DeadlineChange:
    """An extension as the list shows it: when, from which deadline to which, and why."""

    recorded_on: dt.date
    old_deadline: dt.date
    new_deadline: dt.date
    reason: str | None


@dataclass(frozen=True)
class ExportedTask:
    """One row of the task list: a register row and what the register does not show."""

    id: int
    uid: str | None
    """The task's identity across files and databases (FORMAT.md)."""
    title: str
    conference: str
    conference_date: dt.date
    instruction: str
    lead_unit: str
    support_units: tuple[str, ...]
    owner: str | None
    assigned_on: dt.date
    deadline: dt.date | None
    extensions: tuple[DeadlineChange, ...]
    status: str
    completed_on: dt.date | None
    result: str | None
    last_progress: tuple[dt.date, str] | None
    tracking: str
    display: str
    """The tracking class with "due soon" split out, for the colour of the row."""


@dataclass(frozen=True)
class TaskSelection:
    """Which tasks the list holds: the options of the ``tasks`` command, and a conference."""

    as_of: dt.date
    classes: frozenset[str] = frozenset()
    unit: str | None = None
    conference_id: int | None = None


def _registers(db: Database, selection: TaskSelection) -> list[TaskRegister]:
    """One register per lead unit the ``unit`` option names (usually one), or one in all."""
    query = TaskQuery(
        as_of=selection.as_of,
        classes=frozenset(selection.classes),
        conference_id=selection.conference_id,
        sort="id",
    )
    return registers_led_by(db, query, selection.unit)


def _chunks(rows: Iterable[RegisterRow], size: int) -> Iterator[list[RegisterRow]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _complete(db: Database, rows: list[RegisterRow], as_of: dt.date) -> list[ExportedTask]:
    """Add to a batch of register rows their instruction, result, history and supporters."""
    ids = [r.id for r in rows]
    wanted = set(ids)
    # Rows come in id order, so each batch is one id range; reading the range (rather than
    # an IN list of ids) keeps the statements short, and the ranges of successive batches
    # do not overlap, so a filtered export reads no task twice.
    in_range = Task.id.between(ids[0], ids[-1])
    details: dict[int, tuple[str, str | None, str | None]] = {}  # instruction, result, uid
    extensions: dict[int, list[DeadlineChange]] = {}
    progress: dict[int, tuple[dt.date, str]] = {}
    with db.reading() as session:
        connection = session.connection()
        for task_id, text, result, uid in connection.execute(
            select(Task.id, Instruction.text, Task.result, Task.uid)
            .join(Instruction, Task.instruction_id == Instruction.id)
            .where(in_range)
        ).all():
            if task_id in wanted:
                details[task_id] = (text, result, uid)
        for task_id, kind, at, note, old, new in connection.execute(
            select(
                TaskEvent.task_id,
                TaskEvent.kind,
                TaskEvent.at,
                TaskEvent.note,
                TaskEvent.old_deadline,
                TaskEvent.new_deadline,
            )
            # Kinds are picked below rather than in SQL: with a condition on the kind,
            # SQLite walks the (kind, at) index over every task's events instead.
            .where(TaskEvent.task_id.between(ids[0], ids[-1]))
            .order_by(TaskEvent.task_id, TaskEvent.at, TaskEvent.id)
        ).all():
            if task_id not in wanted:
                continue
            if kind == "progress" and note:
                progress[task_id] = (at.date(), note)  # the latest wins
            elif kind == "deadline_changed" and old is not None and new is not None:
                extensions.setdefault(task_id, []).append(DeadlineChange(at.date(), old, new, note))
    supports = support_units_of(db, ids)
    # A task deleted since its page was read has no details left; its row stays as read.
    missing = ("", None, None)
    return [
        ExportedTask(
            id=r.id,
            uid=details.get(r.id, missing)[2],
            title=r.title,
            conference=r.conference,
            conference_date=r.conference_date,
            instruction=details.get(r.id, missing)[0],
            lead_unit=r.lead_unit,
            support_units=tuple(supports.get(r.id, ())),
            owner=r.owner,
            assigned_on=r.assigned_on,
            deadline=r.deadline,
            extensions=tuple(extensions.get(r.id, ())),
            status=r.status,
            completed_on=r.completed_on,
            result=details.get(r.id, missing)[1],
            last_progress=progress.get(r.id),
            tracking=r.tracking,
            display=display_class(r.tracking, r.deadline_in_force, as_of),
        )
        for r in rows
    ]


class TaskBatches:
    """The tasks of a selection, counted, then read in id order a batch at a time.

    The same tasks and classes as ``tasks --json`` (both follow FORMAT.md's look-back
    rules), with the fields the register does not carry added per batch.
    """

    def __init__(self, db: Database, selection: TaskSelection) -> None:
        self.db = db
        self.selection = selection
        self._registers = _registers(db, selection)
        self.total = sum(register.count() for register in self._registers)

    def __iter__(self) -> Iterator[list[ExportedTask]]:
        for chunk in _chunks(rows_by_id(self._registers, PAGE_SIZE), BATCH_SIZE):
            yield _complete(self.db, chunk, self.selection.as_of)


# --- the columns of the task list -------------------------------------------------------------

DateText = Callable[[dt.date], str]


def task_headers(as_of: dt.date) -> list[str]:
    return [
        "Mã",
        "Nhiệm vụ",
        "Hội nghị",
        "Ngày hội nghị",
        "Ý kiến chỉ đạo",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Người theo dõi",
        "Ngày giao",
        "Thời hạn",
        "Gia hạn",
        "Trạng thái",
        "Ngày hoàn thành",
        "Kết quả / tiến độ",
        f"Phân loại (đến {vn_date(as_of)})",
    ]


# Widths in characters of the default font, in the order of task_headers.
TASK_WIDTHS = (8, 50, 40, 13, 50, 28, 32, 22, 12, 13, 34, 16, 14, 45, 28)
CLASS_COLUMN = len(TASK_WIDTHS) - 1
# Columns whose values recur from row to row: conference, its instruction, units, owner,
# deadline word, status and class. The xlsx stores each such text once.
REPEATED_COLUMNS = (2, 4, 5, 6, 7, 9, 11, 14)


def task_values(task: ExportedTask, day: DateText) -> list[object]:
    """The cells of one task: dates as dates, and ``day`` for dates written inside text."""
    # "when granted: old → new (why)", so that a list made as of an earlier day still says
    # which extensions came after that day.
    extensions = "; ".join(
        f"{day(e.recorded_on)}: {day(e.old_deadline)} → {day(e.new_deadline)}"
        + (f" ({e.reason})" if e.reason else "")
        for e in task.extensions
    )
    if task.result:
        outcome: str | None = task.result
    elif task.last_progress:
        outcome = f"{day(task.last_progress[0])}: {task.last_progress[1]}"
    else:
        outcome = None
    return [
        task.id,
        task.title,
        task.conference,
        task.conference_date,
        task.instruction,
        task.lead_unit,
        "; ".join(task.support_units) or None,
        task.owner,
        task.assigned_on,
        task.deadline or NO_DEADLINE_LABEL,
        extensions or None,
        STATUS_LABELS.get(task.status, task.status),
        task.completed_on,
        outcome,
        DISPLAY_LABELS[task.display],
    ]


# --- a streamed one-sheet .xlsx ---------------------------------------------------------------

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_EXCEL_EPOCH = dt.date(1899, 12, 30).toordinal()  # day 0 of Excel's 1900 date system
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>'  # the font of the period report too
DATE_FORMAT = "dd/mm/yyyy"


def _column_letter(index: int) -> str:
    """A for 0, B for 1, … AA for 26."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _escape(text: str) -> str:
    if not _SPECIAL.search(text):  # the usual case, decided in one pass
        return text
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text_element(text: str) -> str:
    """<t> with ``text``; leading or trailing spaces are kept only when the element says so."""
    text = _escape(text)
    if text[:1].isspace() or text[-1:].isspace():
        return f'<t xml:space="preserve">{text}</t>'
    return f"<t>{text}</t>"


def _attribute(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


class StreamedSheet:
    """A workbook of one sheet, written row by row into its zip: a bold frozen header with
    an autofilter, set column widths, dates as Excel dates (dd/mm/yyyy), and cells that can
    take one of a fixed set of fills.

    Strings of the ``repeated`` columns (conference, unit, status…) go to the shared-string
    table, which grows with the distinct values only; the others are written inline, so
    what a row holds leaves memory as soon as it is written.
    """

    HEADER_STYLE, DATE_STYLE, FIRST_FILL_STYLE = 1, 2, 3

    def __init__(
        self,
        path: Path,
        sheet_name: str,
        widths: Sequence[float],
        fills: Mapping[str, str],
        repeated: Iterable[int] = (),
    ) -> None:
        self.sheet_name = sheet_name[:31]
        self.widths = list(widths)
        self.fills = dict(fills)
        self._fill_styles = {key: self.FIRST_FILL_STYLE + i for i, key in enumerate(self.fills)}
        self._letters = [_column_letter(i) for i in range(len(self.widths))]
        self._repeated = frozenset(repeated)
        self._strings: dict[str, int] = {}
        self._string_refs = 0
        self._rows = 0
        # Level 1: most of the time of a large export would otherwise go to deflate, for a
        # file only about a fifth smaller.
        self._zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
        # Without ZIP64, which some Excel versions warn about; 200,000 tasks make ~120 MB of
        # sheet XML, so the 2 GiB limit of a plain entry is far (zipfile raises if reached).
        self._sheet = self._zip.open("xl/worksheets/sheet1.xml", "w")
        self._sheet.write(self._sheet_top().encode())

    def _sheet_top(self) -> str:
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
            for i, w in enumerate(self.widths, 1)
        )
        return (
            f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_DOC_REL}">'
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
            "</sheetView></sheetViews>"
            '<sheetFormatPr defaultRowHeight="15"/>'
            f"<cols>{cols}</cols><sheetData>"
        )

    def _row(self, values: Sequence[object], fills: Mapping[int, str], style: int = 0) -> str:
        self._rows += 1
        n = str(self._rows)
        cells = ['<row r="', n, '">']
        add = cells.append
        for i, value in enumerate(values):
            if value is None:
                continue
            fill = fills.get(i) if fills else None
            cell_style = self._fill_styles[fill] if fill is not None else style
            s = f' s="{cell_style}"' if cell_style else ""
            ref = self._letters[i] + n
            kind = type(value)
            if kind is str:
                text = value[:EXCEL_TEXT_LIMIT]  # type: ignore[index]
                if i in self._repeated:
                    index = self._strings.get(text)
                    if index is None:
                        index = self._strings[text] = len(self._strings)
                    self._string_refs += 1
                    add(f'<c r="{ref}"{s} t="s"><v>{index}</v></c>')
                else:
                    add(f'<c r="{ref}"{s} t="inlineStr"><is>{_text_element(text)}</is></c>')
            elif kind is dt.date:
                serial = value.toordinal() - _EXCEL_EPOCH  # type: ignore[attr-defined]
                add(f'<c r="{ref}" s="{cell_style or self.DATE_STYLE}"><v>{serial}</v></c>')
            elif kind is int or kind is float:
                add(f'<c r="{ref}"{s}><v>{value!r}</v></c>')
            else:
                raise TypeError(f"cannot write {kind.__name__} to a cell")
        add("</row>")
        return "".join(cells)

    def write_header(self, headers: Sequence[str]) -> None:
        self._sheet.write(self._row(headers, {}, self.HEADER_STYLE).encode())

    def write_rows(self, rows: Iterable[tuple[Sequence[object], Mapping[int, str]]]) -> None:
        """Rows of (values, {column index: fill key}); ``None`` leaves a cell empty."""
        text = "".join(self._row(values, fills) for values, fills in rows)
        self._sheet.write(text.encode("utf-8", "replace"))

    def close(self, title: str) -> None:
        """Finish the sheet and write the rest of the package."""
        last_column, last_row = self._letters[-1], max(self._rows, 1)
        last = f"{last_column}{last_row}"
        self._sheet.write(
            f'</sheetData><autoFilter ref="A1:{last}"/>'
            '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" '
            'footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" '
            'fitToHeight="0"/></worksheet>'.encode()
        )
        self._sheet.close()
        self._write_shared_strings()
        quoted = "'" + self.sheet_name.replace("'", "''") + "'"
        parts = {
            "[Content_Types].xml": self._content_types(),
            "_rels/.rels": (
                f'{_XML}<Relationships xmlns="{_PKG_REL}">'
                f'<Relationship Id="rId1" Type="{_DOC_REL}/officeDocument" '
                'Target="xl/workbook.xml"/>'
                f'<Relationship Id="rId2" Type="{_PKG_REL}/metadata/core-properties" '
                'Target="docProps/core.xml"/></Relationships>'
            ),
            "docProps/core.xml": (
                f"{_XML}<cp:coreProperties "
                'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
                'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
                'xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f"<dc:title>{_escape(title)}</dc:title><dc:creator>minutes-app</dc:creator>"
                '<dcterms:created xsi:type="dcterms:W3CDTF">'
                f"{dt.datetime.now(dt.UTC):%Y-%m-%dT%H:%M:%SZ}</dcterms:created>"
                "</cp:coreProperties>"
            ),
            "xl/workbook.xml": (
                f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_REL}">'
                '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
                f'<sheet name="{_attribute(self.sheet_name)}" sheetId="1" r:id="rId1"/>'
                "</sheets><definedNames>"
                '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
                f"{_escape(quoted)}!$A$1:${last_column}${last_row}</definedName>"
                '<definedName name="_xlnm.Print_Titles" localSheetId="0">'
                f"{_escape(quoted)}!$1:$1</definedName>"
                "</definedNames></workbook>"
            ),
            "xl/_rels/workbook.xml.rels": (
                f'{_XML}<Relationships xmlns="{_PKG_REL}">'
                f'<Relationship Id="rId1" Type="{_DOC_REL}/worksheet" '
                'Target="worksheets/sheet1.xml"/>'
                f'<Relationship Id="rId2" Type="{_DOC_REL}/styles" Target="styles.xml"/>'
                f'<Relationship Id="rId3" Type="{_DOC_REL}/sharedStrings" '
                'Target="sharedStrings.xml"/></Relationships>'
            ),
            "xl/styles.xml": self._styles(),
        }
        for name, text in parts.items():
            self._zip.writestr(name, text.encode())
        self._zip.close()

    def _write_shared_strings(self) -> None:
        with self._zip.open("xl/sharedStrings.xml", "w") as out:
            out.write(
                f'{_XML}<sst xmlns="{_MAIN}" count="{self._string_refs}" '
                f'uniqueCount="{len(self._strings)}">'.encode()
            )
            # Dictionaries keep insertion order: the n-th key is string n.
            strings = iter(self._strings)
            while chunk := list(islice(strings, 5000)):
                out.write("".join(f"<si>{_text_element(t)}</si>" for t in chunk).encode())
            out.write(b"</sst>")

    def abort(self) -> None:
        """Close the file after a failure; the caller removes it."""
        self._sheet.close()
        self._zip.close()

    @staticmethod
    def _content_types() -> str:
        overrides = {
            "/xl/workbook.xml": f"{_CT}.sheet.main+xml",
            "/xl/worksheets/sheet1.xml": f"{_CT}.worksheet+xml",
            "/xl/styles.xml": f"{_CT}.styles+xml",
            "/xl/sharedStrings.xml": f"{_CT}.sharedStrings+xml",
            "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        }
        return (
            f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(
                f'<Override PartName="{part}" ContentType="{kind}"/>'
                for part, kind in overrides.items()
            )
            + "</Types>"
        )

    def _styles(self) -> str:
        solid = '<fill><patternFill patternType="solid"><fgColor rgb="FF{}"/>' + (
            '<bgColor indexed="64"/></patternFill></fill>'
        )
        fills = [
            '<fill><patternFill patternType="none"/></fill>',
            '<fill><patternFill patternType="gray125"/></fill>',
            solid.format("D9D9D9"),  # the header
            *(solid.format(colour) for colour in self.fills.values()),
        ]
        xfs = [
            '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
            '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" '
            'applyFill="1" applyBorder="1" applyAlignment="1">'
            '<alignment vertical="center" wrapText="1"/></xf>',
            '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
            'applyNumberFormat="1"/>',
            *(
                f'<xf numFmtId="0" fontId="0" fillId="{3 + i}" borderId="0" xfId="0" '
                'applyFill="1"/>'
                for i in range(len(self.fills))
            ),
        ]
        return (
            f'{_XML}<styleSheet xmlns="{_MAIN}">'
            f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/></numFmts>'
            f'<fonts count="2"><font>{_FONT}</font><font><b/>{_FONT}</font></fonts>'
            f'<fills count="{len(fills)}">{"".join(fills)}</fills>'
            '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
            '<border><left/><right/><top/><bottom style="thin"><color rgb="FF808080"/>'
            "</bottom><diagonal/></border></borders>"
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            f'</cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
            "</cellStyles></styleSheet>"
        )


# --- the task list ----------------------------------------------------------------------------


def _selection(
    as_of: dt.date | None,
    classes: Iterable[str],
    unit: str | None,
    conference_id: int | None,
) -> TaskSelection:
    wanted = frozenset(classes)
    unknown = wanted - set(CLASSES)
    if unknown:
        raise ValueError(f"unknown tracking class: {', '.join(sorted(unknown))}")
    return TaskSelection(as_of or dt.date.today(), wanted, unit, conference_id)


def export_tasks_xlsx(
    db: Database,
    target: Path,
    *,
    as_of: dt.date | None = None,
    classes: Iterable[str] = (),
    unit: str | None = None,
    conference_id: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the task list to the .xlsx ``target``; returns the number of tasks.

    ``as_of``, ``classes`` and ``unit`` select as the ``tasks`` command does; ``progress``
    hears (done, total) after each batch and cancels by returning False.
    """
    selection = _selection(as_of, classes, unit, conference_id)
    batches = TaskBatches(db, selection)
    report_progress(progress, 0, batches.total)
    done = 0
    with replacing(target) as temp:
        sheet = StreamedSheet(temp, "Nhiệm vụ", TASK_WIDTHS, CLASS_FILLS, REPEATED_COLUMNS)
        try:
            sheet.write_header(task_headers(selection.as_of))
            for batch in batches:
                sheet.write_rows(
                    (task_values(task, vn_date), {CLASS_COLUMN: task.display}) for task in batch
                )
                done += len(batch)
                report_progress(progress, done, batches.total)
            sheet.close(f"Danh sách nhiệm vụ đến ngày {vn_date(selection.as_of)}")
        except BaseException:
            sheet.abort()
            raise
    return done


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def export_tasks_csv(
    db: Database,
    target: Path,
    *,
    as_of: dt.date | None = None,
    classes: Iterable[str] = (),
    unit: str | None = None,
    conference_id: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the task list to the .csv ``target`` (UTF-8 with a BOM so that Excel reads the
    Vietnamese right, commas, ISO dates); the same columns and options as the .xlsx."""
    selection = _selection(as_of, classes, unit, conference_id)
    batches = TaskBatches(db, selection)
    report_progress(progress, 0, batches.total)
    done = 0
    with replacing(target) as temp, temp.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(task_headers(selection.as_of))
        for batch in batches:
            writer.writerows(
                [_iso(v) for v in task_values(task, dt.date.isoformat)] for task in batch
            )
            done += len(batch)
            report_progress(progress, done, batches.total)
    return done


def export_tasks(
    db: Database,
    target: Path,
    *,
    as_of: dt.date | None = None,
    classes: Iterable[str] = (),
    unit: str | None = None,
    conference_id: int | None = None,
    progress: Progress | None = None,
) -> int:
    """The task list in the format of ``target``'s extension, .xlsx or .csv."""
    writers = {".xlsx": export_tasks_xlsx, ".csv": export_tasks_csv}
    writer = writers.get(target.suffix.lower())
    if writer is None:
        raise ValueError(f"{target.name}: the task list is written as .xlsx or .csv")
    return writer(
        db,
        target,
        as_of=as_of,
        classes=classes,
        unit=unit,
        conference_id=conference_id,
        progress=progress,
    )


# --- the period report ------------------------------------------------------------------------


@dataclass(frozen=True)
class OverdueTask:
    """An overdue task of the report, with the deadline it missed as of the report's day."""

    task: ExportedTask
    missed_deadline: dt.date
    days_overdue: int


def overdue_tasks(db: Database, report: Report) -> list[OverdueTask]:
    """The report's overdue tasks, by lead unit as sheet 1 orders them, most overdue first.

    Read from the register (overdue as of the report's day, then the period's assignment
    dates), not by classifying every task of the period a second time. A deadline extended
    after the report's day was not yet extended on it (FORMAT.md), so the deadline missed
    is the one in force that day, not necessarily the current one.
    """
    found = list(_overdue_of_period(db, report))
    found.sort(key=_by_unit_then_most_overdue)
    return found


def most_overdue(db: Database, report: Report, limit: int) -> tuple[list[OverdueTask], int]:
    """The ``limit`` most overdue tasks of the report, ordered as ``overdue_tasks`` orders
    them, and how many are overdue in all. Only those ``limit`` are held at a time."""
    kept: list[tuple[int, int, int, OverdueTask]] = []  # a heap, least overdue on top
    total = 0
    for n, task in enumerate(_overdue_of_period(db, report)):
        total += 1
        item = (task.days_overdue, -task.task.id, n, task)
        if len(kept) < limit:
            heapq.heappush(kept, item)
        elif item > kept[0]:
            heapq.heapreplace(kept, item)
    return sorted((k[-1] for k in kept), key=_by_unit_then_most_overdue), total


def _by_unit_then_most_overdue(o: OverdueTask) -> tuple[SortKey, int, int]:
    return (vietnamese_sort_key(o.task.lead_unit), -o.days_overdue, o.task.id)


def _overdue_of_period(db: Database, report: Report) -> Iterator[OverdueTask]:
    for batch in TaskBatches(db, TaskSelection(report.as_of, frozenset({OVERDUE}))):
        for task in batch:
            if not report.start <= task.assigned_on <= report.end:
                continue
            state = TaskState(
                status=task.status,
                assigned_on=task.assigned_on,
                deadline=task.deadline,
                completed_on=task.completed_on,
                extensions=tuple(
                    Extension(e.recorded_on, e.old_deadline, e.new_deadline)
                    for e in task.extensions
                ),
            )
            missed = deadline_on(state, report.as_of) or task.deadline
            assert missed is not None  # an overdue task has a deadline
            yield OverdueTask(task, missed, (report.as_of - missed).days)


def _cells(ws: Any, values: Sequence[Any], style: Mapping[str, Any] | None = None) -> list[Any]:
    """Cells for a write-only sheet: styled as asked, dates as dd/mm/yyyy; a plain value
    stays as it is, which openpyxl writes much faster than a styled cell."""
    from openpyxl.cell import WriteOnlyCell

    cells: list[Any] = []
    for value in values:
        if style is None and not isinstance(value, dt.date):
            cells.append(value)
            continue
        cell = WriteOnlyCell(ws, value=value)
        for name, setting in (style or {}).items():
            setattr(cell, name, setting)
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
        cells.append(cell)
    return cells


def export_report_xlsx(
    db: Database,
    target: Path,
    start: dt.date,
    end: dt.date,
    as_of: dt.date | None = None,
    *,
    progress: Progress | None = None,
) -> Report:
    """Write the period report to the .xlsx ``target`` and return it.

    Sheet 1 counts the tasks assigned within [start, end], classified as of ``as_of``
    (default ``end``), per lead unit and class exactly as ``report --json`` does, with each
    unit's on-time rate, the totals and a bar chart; sheet 2 lists the overdue tasks.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    if start > end:
        raise ValueError("the period starts after it ends")
    steps = 3
    report_progress(progress, 0, steps)
    report = period_report(db, start, end, as_of)
    report_progress(progress, 1, steps)
    overdue = overdue_tasks(db, report)
    report_progress(progress, 2, steps)

    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="FFD9D9D9")
    header_style = {
        "font": bold,
        "fill": header_fill,
        "alignment": Alignment(vertical="center", wrap_text=True),
        "border": Border(bottom=Side(style="thin", color="808080")),
    }
    wb = Workbook(write_only=True)

    summary = wb.create_sheet("Tổng hợp")
    for letter, width in zip("ABCDEFGHIJ", (6, 40, 14, 14, 14, 12, 14, 10, 10, 16), strict=True):
        summary.column_dimensions[letter].width = width
    header_row = 4
    summary.freeze_panes = f"C{header_row + 1}"
    summary.append(
        _cells(
            summary, ["BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"], {"font": Font(bold=True, size=14)}
        )
    )
    summary.append(
        [
            f"Nhiệm vụ giao từ ngày {vn_date(report.start)} đến ngày {vn_date(report.end)}, "
            f"tính đến ngày {vn_date(report.as_of)}"
        ]
    )
    summary.append([])
    header = _cells(
        summary,
        ["STT", "Đơn vị chủ trì", *(CLASS_LABELS[c] for c in CLASSES), "Tổng số", "Tỷ lệ đúng hạn"],
        header_style,
    )
    for cell, name in zip(header[2:8], CLASSES, strict=True):
        cell.fill = PatternFill("solid", fgColor="FF" + CLASS_FILLS[name])
    summary.append(header)

    def counts_row(number: object, name: str, counts: Mapping[str, int], font: Font) -> list[Any]:
        rate = on_time_rate(dict(counts))
        cells = _cells(
            summary,
            [number, name, *(counts[c] for c in CLASSES), sum(counts.values()), rate],
            {"font": font},
        )
        cells[-1].number_format = "0.0%"
        return cells

    for number, unit in enumerate(report.units, 1):
        summary.append(counts_row(number, unit.unit, unit.counts, Font()))
    summary.append(counts_row(None, "Tổng cộng", report.total, bold))

    if report.units:
        first, last = header_row + 1, header_row + len(report.units)
        chart = BarChart()
        chart.type = "bar"  # horizontal bars: unit names stay readable
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = "Số nhiệm vụ theo đơn vị chủ trì"
        chart.y_axis.title = "Số nhiệm vụ"
        chart.x_axis.scaling.orientation = "maxMin"  # the first unit on top, as in the table
        chart.add_data(
            Reference(summary, min_col=3, max_col=8, min_row=header_row, max_row=last),
            titles_from_data=True,
        )
        chart.set_categories(Reference(summary, min_col=2, min_row=first, max_row=last))
        for series, name in zip(chart.series, CLASSES, strict=True):
            series.graphicalProperties.solidFill = CLASS_FILLS[name]
            series.graphicalProperties.line.solidFill = "7F7F7F"
        chart.width = 24
        chart.height = min(max(8.0, 0.6 * len(report.units) + 4), 60.0)
        summary.add_chart(chart, f"L{header_row}")

    late = wb.create_sheet("Quá hạn")
    late_headers = [
        "Mã",
        "Nhiệm vụ",
        "Hội nghị",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Người theo dõi",
        "Ngày giao",
        "Thời hạn",
        "Số ngày quá hạn",
    ]
    for letter, width in zip("ABCDEFGHI", (8, 50, 40, 28, 32, 22, 12, 12, 10), strict=True):
        late.column_dimensions[letter].width = width
    late.freeze_panes = "A2"
    late.append(_cells(late, late_headers, header_style))
    overdue_fill = PatternFill("solid", fgColor="FF" + CLASS_FILLS[OVERDUE])
    for item in overdue:
        row = item.task
        cells = _cells(
            late,
            [
                row.id,
                row.title,
                row.conference,
                row.lead_unit,
                "; ".join(row.support_units) or None,
                row.owner,
                row.assigned_on,
                item.missed_deadline,
            ],
        )
        days = WriteOnlyCell(late, value=item.days_overdue)
        days.fill = overdue_fill
        late.append([*cells, days])
    late.auto_filter.ref = f"A1:I{len(overdue) + 1}"

    with replacing(target) as temp:
        wb.save(temp)
        report_progress(progress, steps, steps)
    return report
