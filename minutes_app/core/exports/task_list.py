"""The task list as .xlsx or .csv.

The tasks are read a batch at a time (``core.tasks.batches``) and written straight into
the file as they come: the .xlsx by ``formats.xlsx.StreamedSheet``, fast enough for
200,000 tasks within the export's budget; the .csv by the csv module.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from minutes_app.base.days import vn_date
from minutes_app.base.files import replacing
from minutes_app.base.progress import Progress, report_progress
from minutes_app.core.tasks.batches import ExportedTask, TaskBatches, TaskSelection
from minutes_app.core.tasks.labels import (
    CLASS_FILLS,
    CLASS_LABELS,
    DISPLAY_LABELS,
    DUE_SOON,
    NO_DEADLINE_LABEL,
    STATUS_LABELS,
)
from minutes_app.core.tasks.tracking import CLASSES, IN_PROGRESS
from minutes_app.db.engine import Database
from minutes_app.formats.xlsx import Formula, StreamedSheet

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


# Widths in characters of the default font, in the order of task_headers. The text columns
# wrap (WRAPPED_COLUMNS), so they need not be as wide as their longest text: the fifteen
# columns (251 characters) print one landscape A4 page wide at about 56 % (405 took 35 %).
TASK_WIDTHS = (7, 32, 22, 11, 28, 18, 18, 14, 11, 11, 18, 12, 11, 22, 16)
CLASS_COLUMN = len(TASK_WIDTHS) - 1
WRAPPED_COLUMNS = (1, 2, 4, 5, 6, 7, 10, 11, 13, 14)
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
    counts = dict.fromkeys(CLASSES, 0)
    with replacing(target) as temp:
        sheet = StreamedSheet(
            temp, "Nhiệm vụ", TASK_WIDTHS, CLASS_FILLS, REPEATED_COLUMNS, WRAPPED_COLUMNS
        )
        try:
            sheet.write_header(task_headers(selection.as_of))
            for batch in batches:
                sheet.write_rows(
                    (task_values(task, vn_date), {CLASS_COLUMN: task.display}) for task in batch
                )
                for task in batch:
                    counts[IN_PROGRESS if task.display == DUE_SOON else task.display] += 1
                done += len(batch)
                report_progress(progress, done, batches.total)
            sheet.write_totals(_totals(sheet, counts, done))
            sheet.close(f"Danh sách nhiệm vụ đến ngày {vn_date(selection.as_of)}")
        except BaseException:
            sheet.abort()
            raise
    return done


def _totals(sheet: StreamedSheet, counts: dict[str, int], total: int) -> list[list[object]]:
    """The rows under the list: the number of tasks, then of each tracking class, as
    formulas over the list's columns (a clerk who edits a row sees them follow), with
    the numbers they have as written. The label sits in the task column, the number in
    the code column beside it."""
    ids, classes = sheet.data_range(0), sheet.data_range(CLASS_COLUMN)
    rows: list[list[object]] = [[Formula(f"COUNT({ids})", total), "Tổng số nhiệm vụ"]]
    for name in CLASSES:
        # "Đang thực hiện - sắp đến hạn" is in progress too: its label starts the same.
        pattern = CLASS_LABELS[name] + ("*" if name == IN_PROGRESS else "")
        rows.append([Formula(f'COUNTIF({classes},"{pattern}")', counts[name]), CLASS_LABELS[name]])
    return rows


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
