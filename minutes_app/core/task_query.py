"""The task register's queries: classes computed in SQL, filters, and pages of rows.

The tracking class of FORMAT.md is computed by SQLite so that 200,000 tasks can be
filtered and paged without loading them. The deadline in force on the day D is the
current one, unless an extension was recorded after D: then it is the old deadline of
the first such extension (the same rule as ``tracking.deadline_on``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import aliased

from minutes_app.core.text import fold
from minutes_app.core.tracking import CLASSES
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    NO_DEADLINE,
    Conference,
    Instruction,
    Person,
    Task,
    TaskEvent,
    TaskSupport,
    Unit,
)

AnySelect = TypeVar("AnySelect", bound=Select)
SORT_KEYS = ("deadline", "assigned_on", "title", "lead_unit", "class", "id")


@dataclass(frozen=True)
class TaskQuery:
    """What the register shows: tasks that exist on ``as_of``, narrowed by the filters."""

    as_of: dt.date
    classes: frozenset[str] = frozenset()
    lead_unit_id: int | None = None
    conference_id: int | None = None
    deadline_from: dt.date | None = None
    deadline_to: dt.date | None = None
    text: str = ""
    sort: str = "class"
    descending: bool = False
    ids: tuple[int, ...] | None = field(default=None)


@dataclass(frozen=True)
class RegisterRow:
    id: int
    title: str
    conference_id: int
    conference: str
    conference_date: dt.date
    lead_unit: str
    owner: str | None
    assigned_on: dt.date
    deadline: dt.date | None
    status: str
    completed_on: dt.date | None
    tracking: str

    def days_overdue(self, as_of: dt.date) -> int:
        return (as_of - self.deadline).days if self.deadline and self.tracking == "overdue" else 0


def _has_extensions_after(db: Database, day: dt.date) -> bool:
    with db.reading() as session:
        found = session.scalar(
            select(TaskEvent.id)
            .where(TaskEvent.kind == "deadline_changed", TaskEvent.at >= _next_midnight(day))
            .limit(1)
        )
    return found is not None


def _next_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time())


def deadline_in_force(day: dt.date, look_back: bool) -> ColumnElement[dt.date | None]:
    """SQL for the deadline in force on ``day``; without look-back, the current deadline."""
    if not look_back:
        return Task.deadline  # type: ignore[return-value]
    earlier = (
        select(TaskEvent.old_deadline)
        .where(
            TaskEvent.task_id == Task.id,
            TaskEvent.kind == "deadline_changed",
            TaskEvent.at >= _next_midnight(day),
        )
        .order_by(TaskEvent.at, TaskEvent.id)
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(earlier, Task.deadline)


def tracking_sql(day: dt.date, look_back: bool) -> ColumnElement[str]:
    """SQL for the tracking class of a task on ``day`` (FORMAT.md's table and look-back)."""
    deadline = deadline_in_force(day, look_back)
    done_by_day = and_(Task.status == "done", Task.completed_on <= day)
    return case(
        (Task.status == "cancelled", literal("cancelled")),
        (
            done_by_day,
            case(
                (or_(deadline.is_(None), Task.completed_on <= deadline), literal("done_on_time")),
                else_=literal("done_late"),
            ),
        ),
        (deadline.is_(None), literal("ongoing")),
        (deadline >= day, literal("in_progress")),
        else_=literal("overdue"),
    )


def _class_condition(name: str, day: dt.date, look_back: bool) -> ColumnElement[bool]:
    """A sargable condition for one class when no look-back is needed (the usual case)."""
    if look_back:
        return tracking_sql(day, True) == name
    not_done_yet = or_(
        Task.status.in_(("open", "in_progress")),
        and_(Task.status == "done", Task.completed_on > day),
    )
    done = and_(Task.status == "done", Task.completed_on <= day)
    conditions: dict[str, ColumnElement[bool]] = {
        "cancelled": Task.status == "cancelled",
        "overdue": and_(not_done_yet, Task.deadline < day),
        "in_progress": and_(not_done_yet, Task.deadline >= day),
        "ongoing": and_(not_done_yet, Task.deadline.is_(None)),
        "done_on_time": and_(
            done, or_(Task.deadline.is_(None), Task.completed_on <= Task.deadline)
        ),
        "done_late": and_(done, Task.completed_on > Task.deadline),
    }
    return conditions[name]


def _trashed_instructions() -> Select[int]:
    """Instructions of conferences in the trash: their tasks are left out everywhere."""
    return (
        select(Instruction.id)
        .join(Conference, Instruction.conference_id == Conference.id)
        .where(Conference.deleted_at.is_not(None))
    )


class TaskRegister:
    """Counts and pages of the register for one query; cheap to make, one per query."""

    def __init__(self, db: Database, query: TaskQuery) -> None:
        self.db = db
        self.query = query
        self.look_back = _has_extensions_after(db, query.as_of)
        self.lead = aliased(Unit)

    def _filtered(self, statement: AnySelect) -> AnySelect:
        q = self.query
        # Tasks of conferences in the trash are left out; the trash is small, so this
        # subquery costs less than joining every task to its conference.
        statement = statement.where(
            Task.assigned_on <= q.as_of, Task.instruction_id.not_in(_trashed_instructions())
        )
        if q.ids is not None:
            statement = statement.where(Task.id.in_(q.ids))
        if q.classes and set(q.classes) != set(CLASSES):
            statement = statement.where(
                or_(*(_class_condition(c, q.as_of, self.look_back) for c in sorted(q.classes)))
            )
        if q.lead_unit_id is not None:
            statement = statement.where(Task.lead_unit_id == q.lead_unit_id)
        if q.conference_id is not None:
            statement = statement.where(
                Task.instruction_id.in_(
                    select(Instruction.id).where(Instruction.conference_id == q.conference_id)
                )
            )
        if q.deadline_from is not None:
            statement = statement.where(Task.deadline >= q.deadline_from)
        if q.deadline_to is not None:
            statement = statement.where(Task.deadline <= q.deadline_to)
        for word in fold(q.text).split():
            statement = statement.where(Task.search_text.contains(word, autoescape=True))
        return statement

    def count(self) -> int:
        statement = self._filtered(select(func.count()).select_from(Task))
        with self.db.reading() as session:
            return int(session.scalar(statement) or 0)

    def class_counts(self) -> dict[str, int]:
        tracking = tracking_sql(self.query.as_of, self.look_back).label("tracking")
        statement = self._filtered(select(tracking, func.count()).select_from(Task)).group_by(
            tracking
        )
        counts = dict.fromkeys(CLASSES, 0)
        with self.db.reading() as session:
            for row in session.execute(statement):
                counts[str(row[0])] = int(row[1])
        return counts

    def counts_by_lead_unit(self) -> dict[int, dict[str, int]]:
        tracking = tracking_sql(self.query.as_of, self.look_back).label("tracking")
        statement = self._filtered(
            select(Task.lead_unit_id, tracking, func.count()).select_from(Task)
        ).group_by(Task.lead_unit_id, tracking)
        found: dict[int, dict[str, int]] = {}
        with self.db.reading() as session:
            for unit_id, name, n in session.execute(statement):
                found.setdefault(unit_id, dict.fromkeys(CLASSES, 0))[str(name)] = int(n)
        return found

    def page(self, offset: int, limit: int) -> list[RegisterRow]:
        q = self.query
        tracking = tracking_sql(q.as_of, self.look_back).label("tracking")
        orders: dict[str, list[Any]] = {
            "deadline": [func.coalesce(Task.deadline, NO_DEADLINE)],
            "assigned_on": [Task.assigned_on],
            "title": [Task.title],
            "lead_unit": [self.lead.name],
            # Most urgent first: overdue, then running, ongoing, and finished last.
            "class": [
                case(
                    (tracking == "overdue", 0),
                    (tracking == "in_progress", 1),
                    (tracking == "ongoing", 2),
                    (tracking == "done_late", 3),
                    (tracking == "done_on_time", 4),
                    else_=5,
                ),
                func.coalesce(Task.deadline, NO_DEADLINE),
            ],
            "id": [],
        }
        order = orders[q.sort if q.sort in SORT_KEYS else "deadline"]
        if q.descending:
            order = [column.desc() for column in order]
        statement = (
            self._filtered(
                select(
                    Task.id,
                    Task.title,
                    Conference.id.label("conference_id"),
                    Conference.title.label("conference"),
                    Conference.date.label("conference_date"),
                    self.lead.name.label("lead_unit"),
                    Person.name.label("owner"),
                    Task.assigned_on,
                    Task.deadline,
                    Task.status,
                    Task.completed_on,
                    tracking,
                )
                .join(Instruction, Task.instruction_id == Instruction.id)
                .join(Conference, Instruction.conference_id == Conference.id)
                .join(self.lead, Task.lead_unit_id == self.lead.id)
                .outerjoin(Person, Task.owner_id == Person.id)
            )
            .order_by(*order, Task.id.desc() if q.descending else Task.id)
            .offset(offset)
            .limit(limit)
        )
        with self.db.reading() as session:
            return [RegisterRow(**row._asdict()) for row in session.execute(statement)]


def support_units_of(db: Database, task_ids: list[int]) -> dict[int, list[str]]:
    with db.reading() as session:
        found: dict[int, list[str]] = {}
        for task_id, name in session.execute(
            select(TaskSupport.task_id, Unit.name)
            .join(Unit)
            .where(TaskSupport.task_id.in_(task_ids))
            .order_by(TaskSupport.task_id, TaskSupport.position)
        ):
            found.setdefault(task_id, []).append(name)
        return found


@dataclass(frozen=True)
class UnitLoad:
    """One lead unit's tasks by class, as of a day."""

    unit_id: int
    unit: str
    counts: dict[str, int]

    @property
    def open_total(self) -> int:
        return sum(self.counts[c] for c in ("overdue", "in_progress", "ongoing"))


def unit_loads(db: Database, as_of: dt.date) -> list[UnitLoad]:
    """Every lead unit with tasks on ``as_of``, counted by class, most overdue first."""
    counts = TaskRegister(db, TaskQuery(as_of=as_of)).counts_by_lead_unit()
    with db.reading() as session:
        names: dict[int, str] = {r[0]: r[1] for r in session.execute(select(Unit.id, Unit.name))}
    loads = [UnitLoad(unit_id, names.get(unit_id, "?"), c) for unit_id, c in counts.items()]
    return sorted(loads, key=lambda u: (-u.counts["overdue"], -u.open_total, fold(u.unit)))


@dataclass(frozen=True)
class PeriodRate:
    """Of the tasks completed within a period, how many were completed by their deadline."""

    label: str
    start: dt.date
    end: dt.date
    on_time: int
    late: int

    @property
    def rate(self) -> float | None:
        done = self.on_time + self.late
        return self.on_time / done if done else None


def on_time_rates(db: Database, periods: list[tuple[str, dt.date, dt.date]]) -> list[PeriodRate]:
    """The on-time rate of each (label, first day, last day) period."""
    rates = []
    with db.reading() as session:
        for label, start, end in periods:
            on_time = func.sum(
                case((or_(Task.deadline.is_(None), Task.completed_on <= Task.deadline), 1), else_=0)
            )
            row = session.execute(
                select(func.count(Task.id), on_time).where(
                    Task.status == "done",
                    Task.completed_on >= start,
                    Task.completed_on <= end,
                    Task.instruction_id.not_in(_trashed_instructions()),
                )
            ).one()
            done, good = int(row[0] or 0), int(row[1] or 0)
            rates.append(PeriodRate(label, start, end, good, done - good))
    return rates


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def periods_of(kind: str, today: dt.date, count: int) -> list[tuple[str, dt.date, dt.date]]:
    """The last ``count`` months, quarters, half-years or years up to ``today``, oldest first."""
    found: list[tuple[str, dt.date, dt.date]] = []
    year, month = today.year, today.month
    size = {"month": 1, "quarter": 3, "half": 6, "year": 12}[kind]
    first_month = (month - 1) // size * size + 1
    for _ in range(count):
        start = dt.date(year, first_month, 1)
        end = _month_end(year, first_month + size - 1)
        index = (first_month - 1) // size + 1
        label = {
            "month": f"{first_month:02d}/{year}",
            "quarter": f"Q{index}/{year}",
            "half": f"H{index}/{year}",
            "year": str(year),
        }[kind]
        found.append((label, start, end))
        first_month -= size
        if first_month < 1:
            first_month += 12
            year -= 1
    return list(reversed(found))
