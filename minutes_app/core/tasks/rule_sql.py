"""The SQL forms of the tracking rule, built from the tables of conditions of
``tracking.py``: the class of a task, the filter of a class, the deadline in force, the
index ranges of a class. Nothing here writes a comparison of the rule by hand.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    exists,
    func,
    literal,
    or_,
    select,
)

from minutes_app.core.tasks.tracking import (
    ASSIGNED,
    CLASS_RULES,
    COMPLETED,
    DEADLINE,
    DONE_AFTER_D,
    DONE_BY_D,
    DUE_SOON_ON_D,
    IN_PROGRESS,
    NOT_YET_EXTENDED_ON_D,
    OPERATORS,
    RECORDED,
    STATUS,
    Arm,
    Condition,
    Day,
    Field,
    Value,
    day_of,
)
from minutes_app.db.models import (
    Conference,
    Instruction,
    Task,
    TaskEvent,
)
from minutes_app.db.reading import likely, unlikely

_COLUMNS: dict[Field, Any] = {
    STATUS: Task.status,
    ASSIGNED: Task.assigned_on,
    COMPLETED: Task.completed_on,
}


def condition_sql(condition: Condition, day: dt.date, look_back: bool) -> ColumnElement[bool]:
    """SQL for one condition of the rule on ``day``: a task's columns, or those of its
    extensions (``RECORDED``). Without look-back the deadline is the current one."""
    if condition.left == RECORDED:
        return _recorded_sql(condition, day)
    left = _term_sql(condition.left, day, look_back)
    if condition.op == "is none":
        return left.is_(None)
    assert condition.right is not None
    right = _term_sql(condition.right, day, look_back)
    return OPERATORS[condition.op](left, right)


def _term_sql(term: Field | Day | Value, day: dt.date, look_back: bool) -> Any:
    if isinstance(term, Day):
        return day_of(term, day)
    if isinstance(term, Value):
        return term.value
    if term == DEADLINE:
        return deadline_in_force(day, look_back)
    return _COLUMNS[term]


def _recorded_sql(condition: Condition, day: dt.date) -> ColumnElement[bool]:
    """When an extension was recorded, against a day: ``TaskEvent.at`` holds a moment, so
    "recorded after D" is "at or after the midnight that ends D" (an index range)."""
    if condition.op != ">" or not isinstance(condition.right, Day):
        raise ValueError(f"no SQL for an extension recorded {condition.op} {condition.right}")
    return TaskEvent.at >= _next_midnight(day_of(condition.right, day))


def _next_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time())


def arm_sql(arm: Arm, day: dt.date, look_back: bool) -> ColumnElement[bool]:
    return and_(*(condition_sql(c, day, look_back) for c in arm))


def extended_after(day: dt.date) -> ColumnElement[bool]:
    """Whether an extension was recorded after ``day`` (then deadlines need look-back)."""
    return exists().where(
        TaskEvent.kind == "deadline_changed", condition_sql(NOT_YET_EXTENDED_ON_D, day, True)
    )


def deadline_in_force(day: dt.date, look_back: bool) -> ColumnElement[dt.date | None]:
    """SQL for the deadline in force on ``day``; without look-back, the current deadline.
    With it: the old deadline of the first extension recorded after ``day``, if any."""
    if not look_back:
        return Task.deadline  # type: ignore[return-value]
    earlier = (
        select(TaskEvent.old_deadline)
        .where(
            TaskEvent.task_id == Task.id,
            TaskEvent.kind == "deadline_changed",
            condition_sql(NOT_YET_EXTENDED_ON_D, day, True),
        )
        .order_by(TaskEvent.at, TaskEvent.id)
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(earlier, Task.deadline)


def tracking_sql(day: dt.date, look_back: bool) -> ColumnElement[str]:
    """SQL for the tracking class of a task on ``day`` (FORMAT.md's table and look-back);
    NULL for a task that no rule classes (there is none: the rules cover every task)."""
    return case(
        *((class_sql(name, day, look_back), literal(name)) for name in CLASS_RULES),
    )


def class_sql(name: str, day: dt.date, look_back: bool) -> ColumnElement[bool]:
    """SQL for whether a task is of class ``name`` on ``day``."""
    return or_(*(arm_sql(arm, day, look_back) for arm in CLASS_RULES[name]))


def due_soon_sql(day: dt.date, look_back: bool) -> ColumnElement[bool]:
    """SQL for whether a task is in progress and due soon on ``day``."""
    return and_(class_sql(IN_PROGRESS, day, look_back), arm_sql(DUE_SOON_ON_D, day, look_back))


def depends_on_deadline(condition: Condition) -> bool:
    return condition.left == DEADLINE or condition.right == DEADLINE


def hinted(arm: Arm, day: dt.date) -> tuple[list[ColumnElement[bool]], bool]:
    """The SQL of an arm's conditions (no look-back), with hints for SQLite's planner, and
    whether the arm is rare. The hints change no result (likely() and unlikely() return
    their argument): nearly every completion is on or before the day asked about, so SQLite
    should read the covering (status, deadline, ...) or (status, lead unit, ...) index
    rather than walk the (status, completed_on) range; but for a task done only after the
    day (rare), that range is the one to read."""
    rare = DONE_AFTER_D in arm
    found = []
    for condition in arm:
        sql = condition_sql(condition, day, False)
        if condition is DONE_BY_D:
            sql = likely(sql)
        elif condition is DONE_AFTER_D:
            sql = unlikely(sql)
        elif rare and depends_on_deadline(condition):
            sql = likely(sql)
        found.append(sql)
    return found, rare


def trashed_instructions() -> Select[int]:
    """Instructions of conferences in the trash: their tasks are left out everywhere."""
    return (
        select(Instruction.id)
        .join(Conference, Instruction.conference_id == Conference.id)
        .where(Conference.deleted_at.is_not(None))
    )


class ClassArm(NamedTuple):
    """Tasks of one class that one index range lists in order."""

    condition: ColumnElement[bool]
    dated: bool  # listed by (deadline, id); else no deadline, so by id
    rare: bool  # few rows: the range to read is the (status, completed_on) one


def class_arms(name: str, day: dt.date) -> list[ClassArm]:
    """One class as disjoint parts, each a range of one status in an index.

    A dated part lists its tasks by (deadline, id) straight from the (status, deadline, ...)
    index. Valid only without look-back (the deadline in force is the current one).
    """
    found = []
    for arm in CLASS_RULES[name]:
        conditions, rare = hinted(arm, day)
        on_deadline = [c for c in arm if depends_on_deadline(c)]
        if on_deadline:
            dated = all(c.op != "is none" for c in on_deadline)
            found.append(ClassArm(and_(*conditions), dated, rare))
        else:  # any deadline: those with one by deadline, then those without one by id
            found.append(ClassArm(and_(*conditions, Task.deadline.is_not(None)), True, rare))
            found.append(ClassArm(and_(*conditions, Task.deadline.is_(None)), False, rare))
    return found


def count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.count(case((condition, 1)))


def rule_columns(as_of: dt.date, look_back: bool) -> tuple[Any, Any]:
    """A row's class on ``as_of``, and its deadline in force that day."""
    return (
        tracking_sql(as_of, look_back).label("tracking"),
        deadline_in_force(as_of, look_back).label("deadline_in_force"),
    )
