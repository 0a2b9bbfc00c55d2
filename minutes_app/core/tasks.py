"""Reading tasks with their tracking class, and the per-unit report of the contract."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from minutes_app.core.text import fold, vietnamese_sort_key
from minutes_app.core.tracking import (
    CLASSES,
    Extension,
    TaskState,
    count_classes,
    on_time_rate,
    tracking_class,
)
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    Conference,
    Instruction,
    Person,
    Task,
    TaskEvent,
    TaskSupport,
    Unit,
)


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


def _extensions(
    db: Database, task_ids: Collection[int] | None = None
) -> dict[int, list[Extension]]:
    found: dict[int, list[Extension]] = {}
    statement = (
        select(TaskEvent.task_id, TaskEvent.at, TaskEvent.old_deadline, TaskEvent.new_deadline)
        .where(TaskEvent.kind == "deadline_changed")
        .order_by(TaskEvent.task_id, TaskEvent.at, TaskEvent.id)
    )
    if task_ids is not None:
        statement = statement.where(TaskEvent.task_id.in_(task_ids))
    with db.reading() as session:
        rows = session.execute(statement)
        for task_id, at, old, new in rows:
            if old is not None and new is not None:
                found.setdefault(task_id, []).append(Extension(at.date(), old, new))
    return found


def _existing_tasks(as_of: dt.date, lead: Any, *columns: Any) -> Select[Any]:
    """``columns`` of every task that exists on ``as_of`` (assigned by then, conference not
    in the trash), joined to its instruction, conference and ``lead`` unit."""
    return (
        select(*columns)
        .join(Instruction, Task.instruction_id == Instruction.id)
        .join(Conference, Instruction.conference_id == Conference.id)
        .join(lead, Task.lead_unit_id == lead.id)
        .where(Conference.deleted_at.is_(None), Task.assigned_on <= as_of)
    )


def _tracking_on(
    task: tuple[int, str, dt.date, dt.date | None, dt.date | None],
    extensions: dict[int, list[Extension]],
    as_of: dt.date,
) -> str | None:
    """The tracking class on ``as_of`` of ``task`` (id, status, assigned_on, deadline,
    completed_on); None before it was assigned."""
    task_id, status, assigned_on, deadline, completed_on = task
    state = TaskState(
        status=status,
        assigned_on=assigned_on,
        deadline=deadline,
        completed_on=completed_on,
        extensions=tuple(extensions.get(task_id, ())),
    )
    return tracking_class(state, as_of)


def classified_tasks(
    db: Database,
    as_of: dt.date,
    *,
    assigned_from: dt.date | None = None,
    assigned_to: dt.date | None = None,
    task_ids: Collection[int] | None = None,
) -> list[TaskRow]:
    """Every task that exists on ``as_of`` (assigned by then, conference not in the trash),
    optionally only those assigned within [assigned_from, assigned_to], or those of
    ``task_ids``."""
    lead = aliased(Unit)
    statement = (
        _existing_tasks(
            as_of,
            lead,
            Task.id,
            Task.title,
            Conference.id.label("conference_id"),
            Conference.title.label("conference"),
            lead.name.label("lead_unit"),
            Person.name.label("owner"),
            Task.assigned_on,
            Task.deadline,
            Task.status,
            Task.completed_on,
            Task.version,
            Task.uid,
        )
        .outerjoin(Person, Task.owner_id == Person.id)
        .order_by(Task.id)
    )
    if assigned_from is not None:
        statement = statement.where(Task.assigned_on >= assigned_from)
    if assigned_to is not None:
        statement = statement.where(Task.assigned_on <= assigned_to)
    support_names = (
        select(TaskSupport.task_id, Unit.name)
        .join(Unit)
        .order_by(TaskSupport.task_id, TaskSupport.position)
    )
    if task_ids is not None:
        statement = statement.where(Task.id.in_(task_ids))
        support_names = support_names.where(TaskSupport.task_id.in_(task_ids))
    extensions = _extensions(db, task_ids)
    with db.reading() as session:
        rows = session.execute(statement).all()
        supports: dict[int, list[str]] = {}
        for task_id, name in session.execute(support_names):
            supports.setdefault(task_id, []).append(name)
    result = []
    for r in rows:
        task = (r.id, r.status, r.assigned_on, r.deadline, r.completed_on)
        tracking = _tracking_on(task, extensions, as_of)
        if tracking is None:
            continue
        result.append(
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
                tracking=tracking,
                version=r.version,
                uid=r.uid,
            )
        )
    return result


def select_tasks(
    rows: Iterable[TaskRow], classes: Iterable[str] = (), unit: str | None = None
) -> list[TaskRow]:
    """Rows of the given classes (all when none) led by ``unit`` (any spelling of accents)."""
    wanted = set(classes) or set(CLASSES)
    unit_key = fold(unit) if unit else None
    return [
        r
        for r in rows
        if r.tracking in wanted and (unit_key is None or fold(r.lead_unit) == unit_key)
    ]


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
    """The contract's ``report``: each task counts once, under its lead unit."""
    as_of = as_of or end
    # Counted as the rows stream by, a few thousand at a time: a ten-year period holds
    # 200,000 tasks, which as TaskRows (titles, supporting units) took 370 MB (issue 7).
    lead = aliased(Unit)
    statement = (
        _existing_tasks(
            as_of,
            lead,
            lead.name,
            Task.id,
            Task.status,
            Task.assigned_on,
            Task.deadline,
            Task.completed_on,
        )
        .where(Task.assigned_on >= start, Task.assigned_on <= end)
        .execution_options(yield_per=5000)
    )
    extensions = _extensions(db)
    by_unit: dict[str, dict[str, int]] = {}
    with db.reading() as session:
        for unit, *task in session.execute(statement):
            tracking = _tracking_on(tuple(task), extensions, as_of)
            if tracking is None:
                continue
            counts = by_unit.get(unit)
            if counts is None:
                counts = by_unit[unit] = count_classes(())
            counts[tracking] += 1
    units = tuple(
        UnitCounts(name, by_unit[name]) for name in sorted(by_unit, key=vietnamese_sort_key)
    )
    total = count_classes(())
    for unit_counts in units:
        for name, n in unit_counts.counts.items():
            total[name] += n
    return Report(start, end, as_of, units, total)


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    kind: str
    note: str | None
    old_deadline: dt.date | None
    new_deadline: dt.date | None
    by: str | None


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
                HistoryEntry(e.at, e.kind, e.note, e.old_deadline, e.new_deadline, e.by)
                for e in task.history
            ),
        )
