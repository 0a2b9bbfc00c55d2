"""The period report as .xlsx: per lead unit the counts of ``report --json`` with the
on-time rate, the totals and a native bar chart (openpyxl: the report is small), and a
second sheet of every overdue task."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from minutes_app.base.days import vn_date
from minutes_app.base.files import replacing
from minutes_app.base.progress import Progress, report_progress
from minutes_app.core.tasks.labels import CLASS_FILLS, CLASS_LABELS
from minutes_app.core.tasks.overdue import overdue_tasks
from minutes_app.core.tasks.rows import Report, period_report
from minutes_app.core.tasks.tracking import (
    CLASSES,
    DONE_LATE,
    DONE_ON_TIME,
    OVERDUE,
    on_time_rate,
)
from minutes_app.db.engine import Database
from minutes_app.formats.xlsx import DATE_FORMAT


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


def _column(name: str) -> str:
    """The letter of a tracking class's column on the summary sheet: C for the first."""
    return "CDEFGH"[CLASSES.index(name)]


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
    (default ``end`` or today if earlier), per lead unit and class exactly as ``report
    --json`` does, with each unit's on-time rate, the totals and a bar chart; sheet 2 lists
    the overdue tasks.
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

    first_unit = header_row + 1
    for number, unit in enumerate(report.units, 1):
        cells = counts_row(number, unit.unit, unit.counts, Font())
        cells[8].value = f"=SUM(C{header_row + number}:H{header_row + number})"
        summary.append(cells)
    # The totals are formulas over the rows above (a clerk who corrects a count sees them
    # follow); the rate is the share of the finished tasks finished on time, blank when
    # none are: the same rule as tracking.on_time_rate.
    total = counts_row(None, "Tổng cộng", report.total, bold)
    last_unit = header_row + len(report.units)
    for cell, letter in zip(total[2:9], "CDEFGHI", strict=True):
        cell.value = f"=SUM({letter}{first_unit}:{letter}{last_unit})" if report.units else 0
    totals_row = last_unit + 1
    on_time, late = (f"{_column(c)}{totals_row}" for c in (DONE_ON_TIME, DONE_LATE))
    total[9].value = f'=IF({on_time}+{late}=0,"",{on_time}/({on_time}+{late}))'
    summary.append(total)

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
