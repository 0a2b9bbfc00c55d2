"""Reading tasks with their tracking class, and the per-unit report of the contract.

Both are read from the task register (``task_query``): the one engine that answers
"the tasks of class C on day D" for the window, the command line, reports and exports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import islice

from sqlalchemy import select

from minutes_app.base.text import vietnamese_sort_key
from minutes_app.core.tasks.query import (
    TaskQuery,
    TaskRegister,
    registers_led_by,
    rows_by_id,
)
from minutes_app.core.tasks.tracking import (
    Extension,
    TaskState,
    count_classes,
    on_time_rate,
)
from minutes_app.db.engine import Database
from minutes_app.db.models import Task, TaskSupport, Unit


@dataclass(frozen=True)
class TaskRow:
    """A task as lists and reports show it, with its class on the day asked about."""

    id: int
    title: str
    conference_id: int
    conference: str
    lead_unit: str
    support_units: tuple[str, ...]
    owner: str | None
    assigned_on: dt.date
    deadline: dt.date | None
    status: str
    completed_on: dt.date | None
    tracking: str
    version: int = 1
    uid: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "uid": self.uid,
            "version": self.version,
            "title": self.title,
            "conference": self.conference,
            "lead_unit": self.lead_unit,
            "support_units": list(self.support_units),
            "owner": self.owner,
            "assigned_on": self.assigned_on.isoformat(),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "status": self.status,
            "completed_on": self.completed_on.isoformat() if self.completed_on else None,
            "class": self.tracking,
        }


_PAGE = 10_000
"""Register rows read at a time; their uids and supporting units are read per page."""


def classified_tasks(
    db: Database,
    as_of: dt.date,
    *,
    classes: Iterable[str] = (),
    unit: str | None = None,
    assigned_from: dt.date | None = None,
    assigned_to: dt.date | None = None,
    task_ids: Collection[int] | None = None,
) -> list[TaskRow]:
    """Every task that exists on ``as_of`` (assigned by then, conference not in the trash),
    in id order, of the given classes (all when none), led by ``unit`` (any spelling of
    accents), optionally only those assigned within [assigned_from, assigned_to], or those
    of ``task_ids``. Read from the task register, as the window and the exports read them."""
    query = TaskQuery(
        as_of=as_of,
        classes=frozenset(classes),
        sort="id",
        ids=None if task_ids is None else tuple(task_ids),
        assigned_from=assigned_from,
        assigned_to=assigned_to,
    )
    rows = rows_by_id(registers_led_by(db, query, unit), _PAGE)
    result: list[TaskRow] = []
    while page := list(islice(rows, _PAGE)):
        # Rows come in id order: their uids and supporting units are read for the id range
        # (a short statement, where a list of 5,000 ids is not).
        first, last = page[0].id, page[-1].id
        supports: dict[int, list[str]] = {}
        with db.reading() as session:
            uids: dict[int, str | None] = {
                task_id: uid
                for task_id, uid in session.execute(
                    select(Task.id, Task.uid).where(Task.id.between(first, last))
                )
            }
            for task_id, name in session.execute(
                select(TaskSupport.task_id, Unit.name)
                .join(Unit)
                .where(TaskSupport.task_id.between(first, last))
                .order_by(TaskSupport.task_id, TaskSupport.position)
            ):
                supports.setdefault(task_id, []).append(name)
        result.extend(
            TaskRow(
                id=r.id,
                title=r.title,
                conference_id=r.conference_id,
                conference=r.conference,
                lead_unit=r.lead_unit,
                support_units=tuple(supports.get(r.id, ())),
                owner=r.owner,
                assigned_on=r.assigned_on,
                deadline=r.deadline,
                status=r.status,
                completed_on=r.completed_on,
                tracking=r.tracking,
                version=r.version,
                uid=uids.get(r.id),
            )
            for r in page
        )
    return result


URGENCY = ("overdue", "in_progress", "ongoing", "done_late", "done_on_time", "cancelled")
"""The order of the classes in a list read by urgency: what is late, what is running, what
has no deadline, then what is finished."""


def by_urgency(rows: Iterable[TaskRow]) -> list[TaskRow]:
    """``rows`` most urgent first: by class in the order of ``URGENCY``, within a class by
    deadline, earliest first (so the overdue tasks most days late lead), tasks without a
    deadline last; ties in id order."""
    far = dt.date.max
    return sorted(rows, key=lambda r: (URGENCY.index(r.tracking), r.deadline or far, r.id))


def task_row(db: Database, task_id: int, as_of: dt.date) -> TaskRow | None:
    """One task as ``tasks --json`` shows it, classified on ``as_of`` or, for a task given
    after that day, on the day it was given; ``None`` when there is no such task."""
    with db.reading() as session:
        assigned = session.scalar(select(Task.assigned_on).where(Task.id == task_id))
    if assigned is None:
        return None
    rows = classified_tasks(db, max(as_of, assigned), task_ids=(task_id,))
    return rows[0] if rows else None


@dataclass(frozen=True)
class UnitCounts:
    unit: str
    counts: dict[str, int]

    def to_json(self) -> dict[str, object]:
        return {"unit": self.unit, **self.counts}


@dataclass(frozen=True)
class Report:
    """Tasks assigned within a period, classified as of a day, counted per lead unit."""

    start: dt.date
    end: dt.date
    as_of: dt.date
    units: tuple[UnitCounts, ...]
    total: dict[str, int]

    @property
    def on_time_rate(self) -> float | None:
        return on_time_rate(self.total)

    def to_json(self) -> dict[str, object]:
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "as_of": self.as_of.isoformat(),
            "units": [u.to_json() for u in self.units],
            "total": dict(self.total),
        }


def period_report(
    db: Database, start: dt.date, end: dt.date, as_of: dt.date | None = None
) -> Report:
    """The contract's ``report``: each task counts once, under its lead unit; counted by the
    task register (a few index ranges, not 200,000 rows read one by one). Classified as of
    ``as_of``, by default the end of the period or today, whichever is earlier: a period
    that runs on past today is counted as things stand today, not as they would stand at
    its end if nothing more were done."""
    as_of = as_of or min(end, dt.date.today())
    query = TaskQuery(as_of=as_of, assigned_from=start, assigned_to=end)
    by_unit = TaskRegister(db, query).counts_by_lead_unit()
    with db.reading() as session:
        names = dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(by_unit))).all())
    units = tuple(
        UnitCounts(names[unit_id], by_unit[unit_id])
        for unit_id in sorted(by_unit, key=lambda u: vietnamese_sort_key(names[u]))
    )
    total = count_classes(())
    for unit_counts in units:
        for name, n in unit_counts.counts.items():
            total[name] += n
    return Report(start, end, as_of, units, total)


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a task's timeline. ``at`` is when it was recorded; ``day`` the day it
    stands for: for "created", the day the task was assigned (a task of an old conference
    may be typed in years later), for the others the day it was recorded."""

    at: dt.datetime
    kind: str
    note: str | None
    old_deadline: dt.date | None
    new_deadline: dt.date | None
    by: str | None
    day: dt.date


@dataclass(frozen=True)
class TaskCard:
    """Everything about one task, for its detail pane."""

    id: int
    title: str
    detail: str | None
    conference: str
    conference_date: dt.date
    instruction: str
    lead_unit: str
    support_units: tuple[str, ...]
    owner: str | None
    assigned_on: dt.date
    deadline: dt.date | None
    status: str
    completed_on: dt.date | None
    result: str | None
    history: tuple[HistoryEntry, ...]

    def state(self) -> TaskState:
        return TaskState(
            status=self.status,
            assigned_on=self.assigned_on,
            deadline=self.deadline,
            completed_on=self.completed_on,
            extensions=tuple(
                Extension(h.at.date(), h.old_deadline, h.new_deadline)
                for h in self.history
                if h.kind == "deadline_changed" and h.old_deadline and h.new_deadline
            ),
        )


def task_card(db: Database, task_id: int) -> TaskCard | None:
    with db.reading() as session:
        task = session.get(Task, task_id)
        if task is None:
            return None
        instruction = task.instruction
        return TaskCard(
            id=task.id,
            title=task.title,
            detail=task.detail,
            conference=instruction.conference.title,
            conference_date=instruction.conference.date,
            instruction=instruction.text,
            lead_unit=task.lead_unit.name,
            support_units=tuple(s.unit.name for s in task.supports),
            owner=task.owner.name if task.owner else None,
            assigned_on=task.assigned_on,
            deadline=task.deadline,
            status=task.status,
            completed_on=task.completed_on,
            result=task.result,
            history=tuple(
                HistoryEntry(
                    e.at,
                    e.kind,
                    e.note,
                    e.old_deadline,
                    e.new_deadline,
                    e.by,
                    day=task.assigned_on if e.kind == "created" else e.at.date(),
                )
                for e in task.history
            ),
        )
