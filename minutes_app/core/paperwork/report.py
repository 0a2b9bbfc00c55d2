"""The period report, as a paper: the counts of ``report --json`` per lead unit with the
on-time rate, a chart of them, and the most overdue tasks by name."""

from __future__ import annotations

import dataclasses
import datetime as dt

from minutes_app.base.days import vn_date
from minutes_app.core.paperwork.bounds import bounded, printable, printed_line
from minutes_app.core.paperwork.office import Office, signature
from minutes_app.core.paperwork.wording import END, heading, section
from minutes_app.core.tasks.labels import CLASS_FILLS, CLASS_LABELS
from minutes_app.core.tasks.overdue import OverdueTask, most_overdue
from minutes_app.core.tasks.rows import Report, UnitCounts, period_report
from minutes_app.core.tasks.tracking import CLASSES, ONGOING, on_time_rate
from minutes_app.db.engine import Database
from minutes_app.formats.document import (
    Block,
    Chart,
    ChartSeries,
    Paper,
    Paragraph,
    Recipients,
    Run,
    SignatureBlocks,
    Table,
    Title,
)

# The most overdue tasks a report lists by name: about twenty printed pages (a task's row
# takes two or three lines). A ten-year report can have tens of thousands; the Excel
# report lists every one of them.
OVERDUE_LISTED = 200
# Bars of the report's chart, about one printed page; a province has a few hundred units.
CHART_BARS = 20

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
    period, classed as of ``as_of``, default ``date_to`` or today if earlier), the on-time
    rate, a chart and the overdue tasks, the ``listed_at_most`` most overdue of them when
    there are more. Dated ``issued_on`` (default today)."""
    report = period_report(db, date_from, date_to, as_of)
    overdue, overdue_total = most_overdue(db, report, listed_at_most)
    issued_on = issued_on or dt.date.today()
    report = dataclasses.replace(
        report, units=tuple(dataclasses.replace(u, unit=printed_line(u.unit)) for u in report.units)
    )
    overdue = [
        dataclasses.replace(
            o,
            task=dataclasses.replace(
                o.task, title=printed_line(o.task.title), lead_unit=printed_line(o.task.lead_unit)
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
        section(1, "Kết quả chung"),
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
    body.append(section(2, "Kết quả theo đơn vị chủ trì"))
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
    body.append(section(3, "Các nhiệm vụ quá hạn chưa hoàn thành"))
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
        body=bounded(body, last_kept=False),
        signatures=SignatureBlocks(
            (
                Recipients(("- Các đơn vị chủ trì,", "- Lưu Văn phòng.")),
                signature(office, "report"),
            )
        ),
        name=f"Báo cáo {period}",
    )
