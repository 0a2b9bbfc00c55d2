"""A streamed one-sheet .xlsx: SpreadsheetML written row by row into its zip, bytes only.

The task list's sheet is written by this small writer (``StreamedSheet``), not by a
library: both libraries that do this miss the export's budget of 30 s, the processor time
alone. Measured on the 200,000-task export of benchmarks/export.py with the writer swapped
(benchmarks/xlsx_libraries.py, each set up to write the same sheet), on a busy 2-core
machine, two runs each, CPU time / wall clock / peak memory:

- openpyxl, write-only mode: 91-94 s / 148-150 s / 130 MB
- XlsxWriter, constant_memory mode: 52-55 s / 74-89 s / 121 MB
- StreamedSheet: 18 s / 27-33 s / 123 MB

Reading the tasks from the database is about 14 s of CPU in each.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

EXCEL_TEXT_LIMIT = 32_767  # characters in one Excel cell

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


@dataclass(frozen=True)
class Formula:
    """A cell the spreadsheet computes (``text`` without its "="), with the value it has
    as written: a reader that does not calculate shows that."""

    text: str
    cached: int | float


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
    take one of a fixed set of fills. Cells sit at the top of their row; the text of the
    ``wrapped`` columns wraps within their width, so a row grows to show it whole. Below the
    rows, ``write_totals`` adds bold rows outside the filter.

    Strings of the ``repeated`` columns (conference, unit, status…) go to the shared-string
    table, which grows with the distinct values only; the others are written inline, so
    what a row holds leaves memory as soon as it is written.
    """

    HEADER_STYLE, DATE_STYLE, WRAP_STYLE, TOTAL_STYLE, FIRST_FILL_STYLE = 1, 2, 3, 4, 5

    def __init__(
        self,
        path: Path,
        sheet_name: str,
        widths: Sequence[float],
        fills: Mapping[str, str],
        repeated: Iterable[int] = (),
        wrapped: Iterable[int] = (),
    ) -> None:
        self.sheet_name = sheet_name[:31]
        self.widths = list(widths)
        self.fills = dict(fills)
        self._fill_styles = {key: self.FIRST_FILL_STYLE + i for i, key in enumerate(self.fills)}
        self._letters = [_column_letter(i) for i in range(len(self.widths))]
        self._repeated = frozenset(repeated)
        self._wrapped = frozenset(wrapped)
        self._filtered_rows: int | None = None  # the last row under the filter
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
            if fill is not None:
                cell_style = self._fill_styles[fill]
            elif style == 0 and i in self._wrapped:
                cell_style = self.WRAP_STYLE
            else:
                cell_style = style
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
                plain = cell_style in (0, self.WRAP_STYLE)
                date_style = self.DATE_STYLE if plain else cell_style
                add(f'<c r="{ref}" s="{date_style}"><v>{serial}</v></c>')
            elif kind is int or kind is float:
                add(f'<c r="{ref}"{s}><v>{value!r}</v></c>')
            elif kind is Formula:
                formula = f"<f>{_escape(value.text)}</f>"  # type: ignore[attr-defined]
                add(f'<c r="{ref}"{s}>{formula}<v>{value.cached!r}</v></c>')  # type: ignore[attr-defined]
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

    def write_totals(self, rows: Iterable[Sequence[object]]) -> None:
        """Bold rows after an empty one, below the rows written so far (which alone stay
        under the filter); write them last."""
        self._filtered_rows = self._rows
        self._rows += 1  # the empty row
        text = "".join(self._row(values, {}, self.TOTAL_STYLE) for values in rows)
        self._sheet.write(text.encode("utf-8", "replace"))

    def data_range(self, column: int) -> str:
        """The cells of ``column`` (0-based) from the first row under the header to the
        last written, as a formula names them: "B2:B41"."""
        letter = self._letters[column]
        return f"{letter}2:{letter}{max(self._rows, 2)}"

    def close(self, title: str) -> None:
        """Finish the sheet and write the rest of the package."""
        last_column = self._letters[-1]
        last_row = max(self._rows if self._filtered_rows is None else self._filtered_rows, 1)
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
        top = ' applyAlignment="1"><alignment vertical="top"/></xf>'
        xfs = [
            '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"' + top,
            '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" '
            'applyFill="1" applyBorder="1" applyAlignment="1">'
            '<alignment vertical="center" wrapText="1"/></xf>',
            '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
            'applyNumberFormat="1"' + top,
            '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
            '<alignment vertical="top" wrapText="1"/></xf>',
            '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"' + top,
            *(
                f'<xf numFmtId="0" fontId="0" fillId="{3 + i}" borderId="0" xfId="0" '
                'applyFill="1"' + top
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
