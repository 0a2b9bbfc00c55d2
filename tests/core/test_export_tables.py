"""The task list (.xlsx, .csv) and the period report (.xlsx), read back as a clerk's Excel would."""

from __future__ import annotations

import collections
import csv
import datetime as dt
import itertools
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.chart import BarChart

from minutes_app.base import files
from minutes_app.base.progress import ExportCancelled
from minutes_app.cli import main
from minutes_app.core.exports.report_sheet import export_report_xlsx
from minutes_app.core.exports.task_list import export_tasks, export_tasks_csv, export_tasks_xlsx
from minutes_app.core.tasks import batches
from minutes_app.core.tasks.labels import CLASS_FILLS, CLASS_LABELS
from minutes_app.db.engine import Database
from tests.stores import STORES, new_store

AS_OF = dt.date(2023, 3, 31)
ZERO = dict.fromkeys(CLASS_LABELS, 0)


def _task(key: str, lead: str, status: str, deadline: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "title": extra.pop("title", f"Nhiệm vụ {key}"),
        "lead_unit": lead,
        "support_units": extra.pop("support", []),
        "assigned_on": extra.pop("assigned_on", "2023-02-17"),
        "deadline": deadline,
        "status": status,
        "completed_on": extra.pop("completed_on", None),
        "history": extra.pop("history", []),
        **extra,
    }


def _extension(at: str, old: str, new: str, reason: str) -> dict[str, Any]:
    return {
        "at": at,
        "kind": "deadline_changed",
        "note": reason,
        "old_deadline": old,
        "new_deadline": new,
    }


# A task of every class as of AS_OF, and the look-back cases of FORMAT.md.
TASKS = [
    _task("on-time", "a", "done", "2023-03-15", completed_on="2023-03-10", owner="p",
          result="Báo cáo số 45-BC/BTCTU ngày 10/3/2023"),
    _task("late", "a", "done", "2023-03-01", completed_on="2023-03-05"),
    _task("running", "a", "in_progress", "2023-03-31",
          history=[{"at": "2023-03-20T10:00:00", "kind": "progress", "note": "Đã xong dự thảo",
                    "old_deadline": None, "new_deadline": None}]),
    _task("soon", "a", "open", "2023-04-05", support=["b", "c"]),
    _task("far", "c", "open", "2023-06-30"),
    _task("overdue", "b", "open", "2023-03-30", support=["a"]),
    _task("ongoing", "b", "open", None),
    _task("cancelled", "b", "cancelled", "2023-03-20"),
    _task("done-after-D", "b", "done", "2023-04-05", completed_on="2023-04-02"),
    _task("extended-after-D", "a", "in_progress", "2023-04-30",
          history=[_extension("2023-04-03T09:00:00", "2023-03-25", "2023-04-30", "Chờ hướng dẫn")]),
    _task("extended-before-D", "c", "open", "2023-04-20",
          history=[_extension("2023-03-10T09:00:00", "2023-03-15", "2023-04-20",
                              "Bổ sung; số liệu")]),
    _task("assigned-after-D", "a", "open", None, assigned_on="2023-04-01"),
    _task("odd", "c", "open", "2023-05-02",
          title="Rà soát, bổ sung quy hoạch; báo cáo \\ tổng hợp <A&B>\nvề Ban Tổ chức"),
]  # fmt: skip


def build_db(where: str, folder: Path, tasks: list[dict[str, Any]] | None = None) -> str:
    """A database with three lead units (two whose names fold alike) and the tasks above."""
    exchange = {
        "format": "minutes-app/exchange",
        "version": 1,
        "units": [
            {"key": "a", "name": "Ban Tổ chức Tỉnh ủy"},
            {"key": "b", "name": "Đảng ủy Khối"},
            {"key": "c", "name": "Dang uy Khoi"},
        ],
        "people": [{"key": "p", "name": "Trương Thị Mai", "unit": "a"}],
        "conferences": [
            {
                "key": "k",
                "title": "Hội nghị giao ban công tác tổ chức",
                "date": "2023-02-17",
                "instructions": [
                    {"key": "i", "text": "Triển khai, quán triệt kịp thời", "tasks": tasks or TASKS}
                ],
            }
        ],
    }
    source = folder / "fixture.json"
    source.write_text(json.dumps(exchange, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", where, "import-json", str(source)]) == 0
    return where


@pytest.fixture(scope="module", params=STORES)
def db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """The tasks above on each store, one database for the module: every test only reads."""
    folder = tmp_path_factory.mktemp("export")
    with new_store(request, request.param, folder) as where:
        database = Database.open(build_db(where, folder))
        yield database
        database.close()


def cli_tasks(db: Database, capsys: pytest.CaptureFixture[str], *options: str) -> Any:
    capsys.readouterr()
    assert main(["--db", db.where, "tasks", "--as-of", AS_OF.isoformat(), *options]) == 0
    return json.loads(capsys.readouterr().out)


def read_xlsx(path: Path) -> list[dict[str, Any]]:
    """The task rows: those above the empty row that parts them from the totals."""
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    tasks = itertools.takewhile(lambda row: any(v is not None for v in row), rows[1:])
    return [dict(zip(rows[0], row, strict=True)) for row in tasks]


def evaluate(sheet: Any, value: Any) -> Any:
    """What a spreadsheet shows for the formulas these exports write: SUM over a range,
    and the on-time rate's IF."""
    if not (isinstance(value, str) and value.startswith("=")):
        return value
    if match := re.fullmatch(r"=SUM\(([A-Z]+\d+:[A-Z]+\d+)\)", value):
        return sum(evaluate(sheet, c.value) or 0 for row in sheet[match[1]] for c in row)
    match = re.fullmatch(r'=IF\((\w+)\+(\w+)=0,"",\1/\(\1\+\2\)\)', value)
    assert match, value
    on_time, late = (evaluate(sheet, sheet[ref].value) for ref in match.groups())
    return None if on_time + late == 0 else on_time / (on_time + late)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


CLASS_HEADER = f"Phân loại (đến {AS_OF:%d/%m/%Y})"
LABEL_TO_CLASS = {label: name for name, label in CLASS_LABELS.items()}


def class_of(label: str) -> str:
    # "due soon" is shown as a kind of in progress
    return LABEL_TO_CLASS.get(label) or LABEL_TO_CLASS[label.split(" - ")[0]]


def by_title(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["Nhiệm vụ"]: r for r in rows}


# --- the task list as .xlsx --------------------------------------------------------------------


def test_xlsx_rows_carry_the_fields_and_classes_of_the_tasks_command(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tasks.xlsx"
    assert export_tasks(db, target, as_of=AS_OF) == len(TASKS) - 1
    rows = read_xlsx(target)
    expected = cli_tasks(db, capsys, "--json")
    assert [r["Mã"] for r in rows] == [t["id"] for t in expected]
    for row, task in zip(rows, expected, strict=True):
        assert row["Nhiệm vụ"] == task["title"]
        assert row["Hội nghị"] == task["conference"]
        assert row["Đơn vị chủ trì"] == task["lead_unit"]
        assert (row["Đơn vị phối hợp"] or "") == "; ".join(task["support_units"])
        assert row["Người theo dõi"] == task["owner"]
        assert row["Ngày giao"].date().isoformat() == task["assigned_on"]
        deadline = row["Thời hạn"]
        assert (deadline if task["deadline"] is None else deadline.date().isoformat()) == (
            task["deadline"] or "Thường xuyên"
        )
        completed = row["Ngày hoàn thành"]
        assert (completed and completed.date().isoformat()) == task["completed_on"]
        assert class_of(row[CLASS_HEADER]) == task["class"]


def test_xlsx_header_is_vietnamese_frozen_and_filtered(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "tasks.xlsx"
    export_tasks_xlsx(db, target, as_of=AS_OF)
    sheet = openpyxl.load_workbook(target).active
    header = [c.value for c in sheet[1]]
    assert header[:6] == [
        "Mã", "Nhiệm vụ", "Hội nghị", "Ngày hội nghị", "Ý kiến chỉ đạo", "Đơn vị chủ trì",
    ]  # fmt: skip
    assert header[-1] == CLASS_HEADER
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    # The header and a row per task that exists are filtered; the totals below are not.
    assert sheet.auto_filter.ref == f"A1:O{len(TASKS)}"
    assert len(read_xlsx(target)) == len(TASKS) - 1
    assert sheet.column_dimensions["B"].width == 32
    assert sheet.column_dimensions["A"].width < sheet.column_dimensions["E"].width


def test_xlsx_prints_landscape_one_page_wide_with_the_header_on_every_page(
    db: Database, tmp_path: Path
) -> None:
    target = tmp_path / "tasks.xlsx"
    export_tasks_xlsx(db, target, as_of=AS_OF)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Nhiệm vụ"]
    assert book.properties.title == "Danh sách nhiệm vụ đến ngày 31/03/2023"
    sheet = book.active
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize) == ("landscape", 9)  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    # One page wide (1 is the default, which a writer may leave out), as long as needed.
    assert setup.fitToWidth in (1, None) and setup.fitToHeight == 0
    assert sheet.print_title_rows == "$1:$1"
    for cell in sheet[1]:  # the header: wrapped, shaded, underlined
        assert cell.alignment.wrap_text and cell.alignment.vertical == "center"
        assert cell.fill.fgColor.rgb == "FFD9D9D9"
        assert cell.border.bottom.style == "thin"


def test_xlsx_task_and_instruction_text_wraps_and_the_page_reads_at_a_readable_scale(
    db: Database, tmp_path: Path
) -> None:
    target = tmp_path / "tasks.xlsx"
    export_tasks_xlsx(db, target, as_of=AS_OF)
    sheet = openpyxl.load_workbook(target).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, sheet[2], strict=True))
    for name in ("Nhiệm vụ", "Hội nghị", "Ý kiến chỉ đạo", "Đơn vị chủ trì", "Kết quả / tiến độ"):
        if row[name].value is not None:
            assert row[name].alignment.wrap_text, name
    assert not row["Ngày giao"].alignment.wrap_text
    assert row["Ngày giao"].number_format == "dd/mm/yyyy"
    assert all(c.alignment.vertical == "top" for c in sheet[2] if c.value is not None)
    # One landscape A4 page wide (10.7 in between the margins, 770 pt) at 55 % or more:
    # a column of w characters of Calibri 11 is 7 w + 5 pixels of 0.75 pt.
    letters = [c.column_letter for c in sheet[1]]
    width_pt = sum(0.75 * (7 * sheet.column_dimensions[x].width + 5) for x in letters)
    assert 770 / width_pt >= 0.55


def test_xlsx_totals_count_the_tasks_and_each_class_under_the_list(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tasks.xlsx"
    count = export_tasks_xlsx(db, target, as_of=AS_OF)
    expected = cli_tasks(db, capsys, "--json")
    sheet = openpyxl.load_workbook(target).active
    last = count + 1
    assert all(c.value is None for c in sheet[last + 1])  # an empty row before the totals
    totals = list(sheet.iter_rows(min_row=last + 2, max_col=2, values_only=True))
    assert totals[0] == (f"=COUNT(A2:A{last})", "Tổng số nhiệm vụ")
    wanted = [
        f'=COUNTIF(O2:O{last},"{label}{"*" if name == "in_progress" else ""}")'
        for name, label in CLASS_LABELS.items()
    ]
    assert [t[0] for t in totals[1:]] == wanted
    assert [t[1] for t in totals[1:]] == list(CLASS_LABELS.values())
    assert all(sheet.cell(r, 1).font.b for r in range(last + 2, last + 2 + len(totals)))
    # The values as written, which a reader that does not calculate shows.
    cached = openpyxl.load_workbook(target, data_only=True).active
    values = [cached.cell(r, 1).value for r in range(last + 2, last + 2 + len(totals))]
    by_class = collections.Counter(t["class"] for t in expected)
    assert values == [len(expected), *(by_class[name] for name in CLASS_LABELS)]


def test_xlsx_dates_are_excel_dates_shown_day_first(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "tasks.xlsx"
    export_tasks_xlsx(db, target, as_of=AS_OF)
    sheet = openpyxl.load_workbook(target).active
    first = sheet[2]
    for cell in (first[3], first[8], first[9], first[12]):  # conference, assigned, deadline, done
        assert isinstance(cell.value, dt.datetime)
        assert cell.number_format == "dd/mm/yyyy"
    assert first[3].value == dt.datetime(2023, 2, 17)


def test_task_without_deadline_reads_ongoing_in_the_deadline_column(
    db: Database, tmp_path: Path
) -> None:
    target = tmp_path / "tasks.xlsx"
    export_tasks_xlsx(db, target, as_of=AS_OF)
    ongoing = by_title(read_xlsx(target))["Nhiệm vụ ongoing"]
    assert ongoing["Thời hạn"] == "Thường xuyên"
    assert ongoing[CLASS_HEADER] == "Thường xuyên"


def test_class_cells_take_the_colour_of_their_class(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "tasks.xlsx"
    export_tasks_xlsx(db, target, as_of=AS_OF)
    sheet = openpyxl.load_workbook(target).active
    fills = {row[1].value: row[-1].fill.fgColor.rgb for row in sheet.iter_rows(min_row=2)}
    assert fills["Nhiệm vụ overdue"] == "FF" + CLASS_FILLS["overdue"]
    assert fills["Nhiệm vụ soon"] == "FF" + CLASS_FILLS["due_soon"]  # five days left
    assert fills["Nhiệm vụ far"] == "FF" + CLASS_FILLS["in_progress"]
    assert fills["Nhiệm vụ on-time"] == "FF" + CLASS_FILLS["done_on_time"]
    assert fills["Nhiệm vụ late"] == "FF" + CLASS_FILLS["done_late"]
    assert fills["Nhiệm vụ ongoing"] == "FF" + CLASS_FILLS["ongoing"]
    assert fills["Nhiệm vụ cancelled"] == "FF" + CLASS_FILLS["cancelled"]
    assert len(set(CLASS_FILLS.values())) == len(CLASS_FILLS)  # one colour per class


def test_extensions_result_and_progress_are_shown(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "tasks.xlsx"
    export_tasks_xlsx(db, target, as_of=AS_OF)
    rows = by_title(read_xlsx(target))
    assert rows["Nhiệm vụ extended-before-D"]["Gia hạn"] == (
        "10/03/2023: 15/03/2023 → 20/04/2023 (Bổ sung; số liệu)"
    )
    assert rows["Nhiệm vụ on-time"]["Kết quả / tiến độ"] == "Báo cáo số 45-BC/BTCTU ngày 10/3/2023"
    assert rows["Nhiệm vụ running"]["Kết quả / tiến độ"] == "20/03/2023: Đã xong dự thảo"
    assert rows["Nhiệm vụ on-time"]["Người theo dõi"] == "Trương Thị Mai"
    assert rows["Nhiệm vụ on-time"]["Ý kiến chỉ đạo"] == "Triển khai, quán triệt kịp thời"
    assert rows["Nhiệm vụ on-time"]["Trạng thái"] == "Đã hoàn thành"


def test_markup_characters_and_line_breaks_survive(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "tasks.xlsx"
    export_tasks_xlsx(db, target, as_of=AS_OF)
    titles = [r["Nhiệm vụ"] for r in read_xlsx(target)]
    assert TASKS[-1]["title"] in titles


def test_filters_are_those_of_the_tasks_command(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "dang uy khoi" names two units, "Đảng ủy Khối" and "Dang uy Khoi", as it does for the CLI.
    expected = cli_tasks(
        db, capsys, "--class", "overdue", "--class", "in_progress", "--unit", "dang uy khoi",
        "--json",
    )  # fmt: skip
    assert {t["lead_unit"] for t in expected} == {"Đảng ủy Khối", "Dang uy Khoi"}
    options: dict[str, Any] = {
        "as_of": AS_OF, "classes": ["overdue", "in_progress"], "unit": "dang uy khoi",
    }  # fmt: skip
    export_tasks_xlsx(db, tmp_path / "t.xlsx", **options)
    export_tasks_csv(db, tmp_path / "t.csv", **options)
    ids = [t["id"] for t in expected]
    assert [r["Mã"] for r in read_xlsx(tmp_path / "t.xlsx")] == ids
    assert [int(r["Mã"]) for r in read_csv(tmp_path / "t.csv")] == ids


def test_an_unknown_unit_gives_an_empty_list_with_its_header(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "t.xlsx"
    assert export_tasks_xlsx(db, target, as_of=AS_OF, unit="Huyện ủy Không Có") == 0
    sheet = openpyxl.load_workbook(target).active
    assert read_xlsx(target) == []
    assert sheet.auto_filter.ref == "A1:O1"
    assert sheet["B3"].value == "Tổng số nhiệm vụ"
    assert sheet["A3"].value == "=COUNT(A2:A2)"  # the header alone: the count is 0


def test_batches_and_pages_keep_every_task_once_in_order(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batches, "BATCH_SIZE", 2)
    monkeypatch.setattr(batches, "PAGE_SIZE", 3)
    seen: list[tuple[int, int]] = []
    target = tmp_path / "t.xlsx"
    export_tasks_xlsx(
        db, target, as_of=AS_OF, progress=lambda done, total: seen.append((done, total)) or True
    )
    ids = [r["Mã"] for r in read_xlsx(target)]
    assert ids == sorted(set(ids)) and len(ids) == 12
    assert seen == [(0, 12), (2, 12), (4, 12), (6, 12), (8, 12), (10, 12), (12, 12)]


def test_unknown_class_and_format_are_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="late_ish"):
        export_tasks(db, tmp_path / "t.xlsx", classes=["late_ish"])
    with pytest.raises(ValueError, match=r"\.xlsx or \.csv"):
        export_tasks(db, tmp_path / "t.ods")
    assert list(tmp_path.glob("t.*")) == []


# --- the task list as .csv ---------------------------------------------------------------------


def test_csv_is_utf8_with_bom_iso_dates_and_the_xlsx_columns(db: Database, tmp_path: Path) -> None:
    export_tasks_csv(db, tmp_path / "t.csv", as_of=AS_OF)
    export_tasks_xlsx(db, tmp_path / "t.xlsx", as_of=AS_OF)
    raw = (tmp_path / "t.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfM\xc3\xa3,")  # BOM, then "Mã,"
    rows = read_csv(tmp_path / "t.csv")
    sheet_rows = read_xlsx(tmp_path / "t.xlsx")
    assert list(rows[0]) == list(sheet_rows[0])
    first = rows[0]
    assert first["Ngày hội nghị"] == "2023-02-17"
    assert first["Thời hạn"] == "2023-03-15"
    assert first["Ngày hoàn thành"] == "2023-03-10"
    assert first["Trạng thái"] == "Đã hoàn thành"
    assert by_title(rows)["Nhiệm vụ ongoing"]["Thời hạn"] == "Thường xuyên"
    assert by_title(rows)["Nhiệm vụ extended-before-D"]["Gia hạn"] == (
        "2023-03-10: 2023-03-15 → 2023-04-20 (Bổ sung; số liệu)"
    )
    assert TASKS[-1]["title"] in by_title(rows)
    assert [r[CLASS_HEADER] for r in rows] == [r[CLASS_HEADER] for r in sheet_rows]


# --- the period report -------------------------------------------------------------------------


def test_report_sheet_counts_as_the_report_command(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.xlsx"
    export_report_xlsx(db, target, dt.date(2023, 1, 1), AS_OF)
    capsys.readouterr()
    assert main(["--db", db.where, "report", "--from", "2023-01-01", "--to", "2023-03-31",
                 "--json"]) == 0  # fmt: skip
    expected = json.loads(capsys.readouterr().out)
    sheet = openpyxl.load_workbook(target)["Tổng hợp"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    header, units, total = rows[0], rows[1:-1], rows[-1]
    classes = list(CLASS_LABELS)
    assert list(header[2:8]) == [CLASS_LABELS[c] for c in classes]
    assert header[8:10] == ("Tổng số", "Tỷ lệ đúng hạn")
    assert [{"unit": r[1], **dict(zip(classes, r[2:8], strict=True))} for r in units] == expected[
        "units"
    ]
    assert total[1] == "Tổng cộng"
    # The totals are formulas (the unit rows' "Tổng số" too), which add up as the command.
    assert all(str(v).startswith("=") for v in total[2:10])
    shown = [evaluate(sheet, v) for v in total]
    assert dict(zip(classes, shown[2:8], strict=True)) == expected["total"]
    assert shown[8] == sum(expected["total"].values())
    assert shown[9] == pytest.approx(0.5)  # one on time, one late
    for row, unit in zip(units, expected["units"], strict=True):
        assert evaluate(sheet, row[8]) == sum(v for k, v in unit.items() if k != "unit")
    assert sheet.freeze_panes == "C5"
    assert sheet.cell(5, 10).number_format == "0.0%"


def test_report_rates_each_unit_and_leaves_the_rate_blank_without_finished_tasks(
    db: Database, tmp_path: Path
) -> None:
    target = tmp_path / "report.xlsx"
    export_report_xlsx(db, target, dt.date(2023, 1, 1), AS_OF)
    sheet = openpyxl.load_workbook(target)["Tổng hợp"]
    rates = {row[1]: row[9] for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert rates["Ban Tổ chức Tỉnh ủy"] == pytest.approx(0.5)
    assert rates["Đảng ủy Khối"] is None


def test_report_lists_its_overdue_tasks_with_the_deadline_they_missed(
    db: Database, tmp_path: Path
) -> None:
    target = tmp_path / "report.xlsx"
    report = export_report_xlsx(db, target, dt.date(2023, 1, 1), AS_OF)
    sheet = openpyxl.load_workbook(target)["Quá hạn"]
    rows = read_sheet(sheet)
    assert len(rows) == report.total["overdue"] == 2
    missed = {r["Nhiệm vụ"]: (r["Thời hạn"].date(), r["Số ngày quá hạn"]) for r in rows}
    # Extended on 3 April, after the report's day: on 31 March it was late by six days.
    assert missed == {
        "Nhiệm vụ extended-after-D": (dt.date(2023, 3, 25), 6),
        "Nhiệm vụ overdue": (dt.date(2023, 3, 30), 1),
    }
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:I3"
    assert sheet["I2"].fill.fgColor.rgb == "FF" + CLASS_FILLS["overdue"]


def read_sheet(sheet: Any) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_report_has_a_native_bar_chart_of_counts_per_unit(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    export_report_xlsx(db, target, dt.date(2023, 1, 1), AS_OF)
    sheet = openpyxl.load_workbook(target)["Tổng hợp"]
    charts = sheet._charts
    assert len(charts) == 1
    chart = charts[0]
    assert isinstance(chart, BarChart)
    assert len(chart.series) == len(CLASS_LABELS)
    refs = [s.val.numRef.f for s in chart.series]
    assert refs[0] == "'Tổng hợp'!$C$5:$C$7"  # three units, under the header on row 4


def test_report_of_an_empty_period_has_totals_and_no_chart(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    report = export_report_xlsx(db, target, dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert report.units == ()
    book = openpyxl.load_workbook(target)
    assert book["Tổng hợp"]._charts == []
    assert book["Tổng hợp"].cell(5, 2).value == "Tổng cộng"
    sheet = book["Tổng hợp"]
    assert [evaluate(sheet, c.value) for c in sheet[5][2:10]] == [0] * 7 + [None]
    assert book["Quá hạn"].max_row == 1


# --- atomic writes: a cancel or a failure leaves the target as it was ---------------------------

Export = Callable[..., object]
EXPORTS: dict[str, tuple[str, Export]] = {
    "tasks.xlsx": ("tasks.xlsx", export_tasks_xlsx),
    "tasks.csv": ("tasks.csv", export_tasks_csv),
    "report.xlsx": (
        "report.xlsx",
        lambda db, target, **kw: export_report_xlsx(
            db, target, dt.date(2023, 1, 1), AS_OF, progress=kw.get("progress")
        ),
    ),
}


def _calendar(db: Database, target: Path, **kw: Any) -> object:
    from minutes_app.core.exports.calendar import export_calendar

    return export_calendar(db, target, as_of=AS_OF, progress=kw.get("progress"))


EXPORTS["deadlines.ics"] = ("deadlines.ics", _calendar)


@pytest.fixture(params=sorted(EXPORTS))
def export(request: pytest.FixtureRequest) -> tuple[str, Export]:
    return EXPORTS[request.param]


def _existing(folder: Path, name: str) -> tuple[Path, bytes]:
    target = folder / name
    target.write_bytes(b"an earlier export, kept until a new one is whole")
    return target, target.read_bytes()


def test_cancel_leaves_the_target_and_no_stray_file(
    db: Database, tmp_path: Path, export: tuple[str, Export], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batches, "BATCH_SIZE", 2)
    folder = tmp_path / "out"
    folder.mkdir()
    target, before = _existing(folder, export[0])
    calls: list[int] = []

    def stop_after_first_batch(done: int, total: int) -> bool:
        calls.append(done)
        return done == 0

    with pytest.raises(ExportCancelled):
        export[1](db, target, progress=stop_after_first_batch)
    assert len(calls) == 2
    assert target.read_bytes() == before
    assert list(folder.iterdir()) == [target]


def test_a_failing_rename_leaves_the_target_and_no_stray_file(
    db: Database, tmp_path: Path, export: tuple[str, Export], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target, before = _existing(folder, export[0])

    def disk_refuses(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", disk_refuses)
    with pytest.raises(OSError, match="No space"):
        export[1](db, target)
    assert target.read_bytes() == before
    assert list(folder.iterdir()) == [target]


def test_an_error_while_writing_leaves_the_target_and_no_stray_file(
    db: Database, tmp_path: Path, export: tuple[str, Export]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target, before = _existing(folder, export[0])

    def broken(done: int, total: int) -> bool:
        if done:
            raise RuntimeError("the progress dialog went away")
        return True

    with pytest.raises(RuntimeError):
        export[1](db, target, progress=broken)
    assert target.read_bytes() == before
    assert list(folder.iterdir()) == [target]


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions, not root"
)
def test_a_read_only_folder_refuses_and_leaves_the_target(
    db: Database, tmp_path: Path, export: tuple[str, Export]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target, before = _existing(folder, export[0])
    folder.chmod(0o555)
    try:
        with pytest.raises(PermissionError):
            export[1](db, target)
        assert target.read_bytes() == before
        assert list(folder.iterdir()) == [target]
    finally:
        folder.chmod(0o755)


def test_an_export_replaces_an_earlier_one_whole(
    db: Database, tmp_path: Path, export: tuple[str, Export]
) -> None:
    target, before = _existing(tmp_path, export[0])
    target.chmod(0o640)
    export[1](db, target)
    assert target.read_bytes() != before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    if os.name == "posix":  # the new file keeps the mode of the one it replaced
        assert target.stat().st_mode & 0o777 == 0o640


def test_a_folder_as_target_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        export_tasks_xlsx(db, tmp_path, as_of=AS_OF)
