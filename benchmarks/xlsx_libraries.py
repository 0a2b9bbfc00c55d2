"""The 200,000-task .xlsx export with its sheet written by a library instead of StreamedSheet.

    python benchmarks/xlsx_libraries.py --writer openpyxl|xlsxwriter|hand [--db PATH]

Why the task list keeps its own sheet writer (formats/xlsx.py): this runs the same
export as benchmarks/export.py (same database, same reading in batches, same progress),
with only the writer swapped for openpyxl's write-only workbook or XlsxWriter's
constant_memory mode, each set up to write what StreamedSheet writes (widths, bold wrapped
header with its fill and border, frozen header row, auto-filter, dates as dd/mm/yyyy,
coloured class cells, landscape A4 one page wide, header row on every page, title). The
tests of tests/core/test_export_tables.py pass on both files but for one: XlsxWriter
stores a width of 50 as Excel does, 50.7109375. XlsxWriter is not a dependency of the
program: `pip install XlsxWriter` to measure it. Prints one JSON object, as export.py does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from export import DEFAULT_DB, TODAY, peak_rss_mb, timed

from minutes_app.core.exports import task_list
from minutes_app.formats.xlsx import DATE_FORMAT, EXCEL_TEXT_LIMIT, StreamedSheet

Rows = Iterable[tuple[Sequence[object], Mapping[int, str]]]


class XlsxWriterSheet:
    """XlsxWriter in constant_memory mode: each row goes to a temporary file as it comes."""

    def __init__(
        self,
        path: Path,
        sheet_name: str,
        widths: Sequence[float],
        fills: Mapping[str, str],
        repeated: Iterable[int] = (),
    ) -> None:
        import xlsxwriter

        options = {"constant_memory": True, "strings_to_numbers": False}
        options |= {"strings_to_formulas": False, "strings_to_urls": False}
        self.book = xlsxwriter.Workbook(str(path), options)
        self.sheet = sheet = self.book.add_worksheet(sheet_name[:31])
        self.header = self.book.add_format(
            {
                "bold": True,
                "bg_color": "#D9D9D9",
                "pattern": 1,
                "valign": "vcenter",
                "text_wrap": True,
                "bottom": 1,
                "bottom_color": "#808080",
            }
        )
        self.date = self.book.add_format({"num_format": DATE_FORMAT})
        self.fills = {
            key: self.book.add_format({"bg_color": "#" + colour, "pattern": 1})
            for key, colour in fills.items()
        }
        self.columns = len(widths)
        for i, width in enumerate(widths):
            sheet.set_column(i, i, width)
        sheet.freeze_panes(1, 0)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
        sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        self.row = 0

    def write_header(self, headers: Sequence[str]) -> None:
        self.sheet.write_row(0, 0, headers, self.header)
        self.row = 1

    def write_rows(self, rows: Rows) -> None:
        sheet, date, fills, r = self.sheet, self.date, self.fills, self.row
        write_string, write_number = sheet.write_string, sheet.write_number
        write_datetime = sheet.write_datetime
        for values, cell_fills in rows:
            for i, value in enumerate(values):
                if value is None:
                    continue
                fill = cell_fills.get(i) if cell_fills else None
                style = fills[fill] if fill is not None else None
                if type(value) is str:
                    write_string(r, i, value[:EXCEL_TEXT_LIMIT], style)
                elif type(value) is dt.date:
                    write_datetime(r, i, value, style or date)
                else:
                    write_number(r, i, value, style)
            r += 1
        self.row = r

    def close(self, title: str) -> None:
        self.sheet.autofilter(0, 0, max(self.row - 1, 0), self.columns - 1)
        self.book.set_properties({"title": title, "author": "minutes-app"})
        self.book.close()

    def abort(self) -> None:
        """Nothing to close: the rows' temporary file has no name and goes with the book."""


class OpenpyxlSheet:
    """openpyxl's write-only workbook: rows are written out as they are appended."""

    def __init__(
        self,
        path: Path,
        sheet_name: str,
        widths: Sequence[float],
        fills: Mapping[str, str],
        repeated: Iterable[int] = (),
    ) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.properties import PageSetupProperties

        self.path = path
        self.book = Workbook(write_only=True)
        self.sheet = sheet = self.book.create_sheet(sheet_name[:31])
        self.letters = [get_column_letter(i + 1) for i in range(len(widths))]
        for letter, width in zip(self.letters, widths, strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = 9  # A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.print_title_rows = "1:1"
        self.header_style = {
            "font": Font(bold=True),
            "fill": PatternFill("solid", fgColor="FFD9D9D9"),
            "alignment": Alignment(vertical="center", wrap_text=True),
            "border": Border(bottom=Side(style="thin", color="808080")),
        }
        self.fills = {key: PatternFill("solid", fgColor="FF" + c) for key, c in fills.items()}
        self.row = 0

    def write_header(self, headers: Sequence[str]) -> None:
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for text in headers:
            cell = WriteOnlyCell(self.sheet, text)
            for name, setting in self.header_style.items():
                setattr(cell, name, setting)
            cells.append(cell)
        self.sheet.append(cells)
        self.row = 1

    def write_rows(self, rows: Rows) -> None:
        from openpyxl.cell import WriteOnlyCell

        sheet, fills, append = self.sheet, self.fills, self.sheet.append
        for values, cell_fills in rows:
            cells: list[Any] = []
            for i, value in enumerate(values):
                fill = cell_fills.get(i) if cell_fills else None
                if type(value) is dt.date:
                    cell = WriteOnlyCell(sheet, value)
                    cell.number_format = DATE_FORMAT
                elif fill is not None:
                    cell = WriteOnlyCell(sheet, value)
                    cell.fill = fills[fill]
                else:  # a plain value: much faster than a cell object
                    cells.append(value[:EXCEL_TEXT_LIMIT] if type(value) is str else value)
                    continue
                cells.append(cell)
            append(cells)
            self.row += 1

    def close(self, title: str) -> None:
        self.sheet.auto_filter.ref = f"A1:{self.letters[-1]}{max(self.row, 1)}"
        self.book.properties.title = title
        self.book.properties.creator = "minutes-app"
        self.book.save(self.path)

    def abort(self) -> None:
        """Nothing to close: the book writes its file only when saved."""


WRITERS: dict[str, Any] = {
    "hand": StreamedSheet,
    "openpyxl": OpenpyxlSheet,
    "xlsxwriter": XlsxWriterSheet,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writer", choices=sorted(WRITERS), required=True)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: make it first with benchmarks/export.py or generate.py")
    if args.writer == "xlsxwriter":
        try:
            import xlsxwriter  # noqa: F401
        except ImportError:
            sys.exit("XlsxWriter is not installed here: pip install XlsxWriter")

    from minutes_app.db.engine import Database

    task_list.StreamedSheet = WRITERS[args.writer]  # the writer export_tasks_xlsx calls
    db = Database.open(args.db)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "tasks.xlsx"
        wall, cpu, rows = timed(lambda: task_list.export_tasks_xlsx(db, target, as_of=TODAY))
        size = target.stat().st_size
    db.close()
    results = {
        "writer": args.writer,
        "tasks": rows,
        "export_xlsx_s": wall,
        "export_xlsx_cpu_s": cpu,
        "peak_rss_mb": peak_rss_mb(),
        "xlsx_mb": round(size / 1e6, 1),
    }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
