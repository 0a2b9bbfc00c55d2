"""The overdue tasks of a period report, with the deadline each missed as of the report's
day: all of them (the Excel report) or only the most overdue (the printed report)."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterator
from dataclasses import dataclass

from minutes_app.base.text import SortKey, vietnamese_sort_key
from minutes_app.core.tasks.batches import ExportedTask, TaskBatches, TaskSelection
from minutes_app.core.tasks.rows import Report
from minutes_app.core.tasks.tracking import OVERDUE, Extension, TaskState, deadline_on
from minutes_app.db.engine import Database


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
