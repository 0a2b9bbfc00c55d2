"""The overview's figures: each lead unit's load by class, and the on-time rate of
periods (months, quarters, half-years, years).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from sqlalchemy import (
    func,
    select,
)

from minutes_app.base.days import month_end
from minutes_app.base.text import fold
from minutes_app.core.tasks.query import TaskQuery, TaskRegister
from minutes_app.core.tasks.rule_sql import class_sql, count_where, trashed_instructions
from minutes_app.core.tasks.tracking import (
    DONE_ON_TIME,
)
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    Conference,
    Task,
    Unit,
)


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
    if not periods:
        return []
    first = min(start for _label, start, _end in periods)
    last = max(end for _label, _start, end in periods)
    # Completed within the span, so on time exactly when done on time on its last day.
    on_time = count_where(class_sql(DONE_ON_TIME, last, False))
    # One walk along the (status, completed_on) index over the whole span, a row per day;
    # the days are then added up into each period (periods may overlap).
    statement = (
        select(Task.completed_on, func.count(), on_time)
        .where(
            Task.status == "done",
            Task.completed_on >= first,
            Task.completed_on <= last,
        )
        .group_by(Task.completed_on)
    )
    with db.reading() as session:
        if session.scalar(select(Conference.id).where(Conference.deleted_at.is_not(None)).limit(1)):
            statement = statement.where(Task.instruction_id.not_in(trashed_instructions()))
        days = session.execute(statement).all()
    # Running totals over the days in order: a period's counts are the difference of two,
    # found by bisection (every period of the data's years: 121 months over 3,000 days).
    dated = sorted((_as_date(day), int(n), int(k)) for day, n, k in days if day is not None)
    order = [day for day, _n, _k in dated]
    done_upto, good_upto = [0], [0]
    for _day, n, n_on_time in dated:
        done_upto.append(done_upto[-1] + n)
        good_upto.append(good_upto[-1] + n_on_time)
    rates = []
    for label, start, end in periods:
        lo, hi = bisect_left(order, start), bisect_right(order, end)
        done, good = done_upto[hi] - done_upto[lo], good_upto[hi] - good_upto[lo]
        rates.append(PeriodRate(label, start, end, good, done - good))
    return rates


def periods_of(kind: str, today: dt.date, count: int) -> list[tuple[str, dt.date, dt.date]]:
    """The last ``count`` months, quarters, half-years or years up to ``today``, oldest first."""
    found: list[tuple[str, dt.date, dt.date]] = []
    year, month = today.year, today.month
    size = {"month": 1, "quarter": 3, "half": 6, "year": 12}[kind]
    first_month = (month - 1) // size * size + 1
    for _ in range(count):
        start = dt.date(year, first_month, 1)
        end = month_end(year, first_month + size - 1)
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


def periods_with_tasks(db: Database, kind: str) -> list[PeriodRate]:
    """The on-time rate of every month, quarter, half-year or year (``kind``) in which
    tasks were completed, oldest first: the data's own years, whatever today is."""
    statement = select(func.min(Task.completed_on), func.max(Task.completed_on)).where(
        Task.status == "done", Task.completed_on.is_not(None)
    )
    with db.reading() as session:
        first, last = session.execute(statement).one()
    if first is None or last is None:
        return []
    first, last = _as_date(first), _as_date(last)
    size = {"month": 1, "quarter": 3, "half": 6, "year": 12}[kind]
    count = ((last.year - first.year) * 12 + last.month - 1) // size - (first.month - 1) // size
    periods = periods_of(kind, last, count + 1)
    return [rate for rate in on_time_rates(db, periods) if rate.on_time + rate.late]


def _as_date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
