"""The tracking class of a task as of a day, by the rules of shared/exchange/FORMAT.md.

Classification looks back from the day D: a task assigned after D does not exist yet,
a completion after D has not happened yet, and an extension recorded after D has not
been granted yet (the deadline in force on D counts). So a report on a past period
reads the same whenever it is run.

The rule is written once, as the tables of conditions below (``CLASS_RULES``,
``EXISTS_ON_D``, ``NOT_YET_EXTENDED_ON_D``, ``DUE_SOON_ON_D``). The Python classifier
here evaluates them; ``task_query`` turns the same tables into SQL (the class of a
task, the filter of a class, the register's index ranges and its counts). Nothing else
writes a comparison of the rule by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

DONE_ON_TIME = "done_on_time"
DONE_LATE = "done_late"
IN_PROGRESS = "in_progress"
OVERDUE = "overdue"
ONGOING = "ongoing"
CANCELLED = "cancelled"
CLASSES = (DONE_ON_TIME, DONE_LATE, IN_PROGRESS, OVERDUE, ONGOING, CANCELLED)

# --- the terms of a condition ---------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """A value of the task: its status, one of its dates, or when an extension was recorded."""

    name: str


@dataclass(frozen=True)
class Day:
    """The day D asked about, ``shift`` days later."""

    shift: int = 0


@dataclass(frozen=True)
class Value:
    """A constant, such as a status."""

    value: str


STATUS = Field("status")
ASSIGNED = Field("assigned_on")
COMPLETED = Field("completed_on")
DEADLINE = Field("deadline")
"""The deadline in force on D: the current one, unless ``NOT_YET_EXTENDED_ON_D`` undoes
extensions (then the old deadline of the first extension recorded after D)."""
RECORDED = Field("recorded_on")
"""The day an extension was recorded."""
D = Day()


@dataclass(frozen=True)
class Condition:
    """``left op right``; with op ``is none``, whether ``left`` is missing. A comparison
    with a missing value does not hold (as in SQL)."""

    left: Field
    op: str
    right: Field | Day | Value | None = None


def when(left: Field, op: str, right: Field | Day | Value | None = None) -> Condition:
    return Condition(left, op, right)


Arm = tuple[Condition, ...]
"""Conditions that must all hold."""

# --- the rule -------------------------------------------------------------------------

DONE_BY_D = when(COMPLETED, "<=", D)
"""A completion on or before D has happened on D."""
DONE_AFTER_D = when(COMPLETED, ">", D)
"""A completion after D has not happened yet on D."""

# FORMAT.md's "status done" and "open or in_progress", as they stood on D.
DONE_ON_D: Arm = (when(STATUS, "==", Value("done")), DONE_BY_D)
NOT_DONE_ON_D: tuple[Arm, ...] = (
    (when(STATUS, "==", Value("open")),),
    (when(STATUS, "==", Value("in_progress")),),
    (when(STATUS, "==", Value("done")), DONE_AFTER_D),
)

CLASS_RULES: dict[str, tuple[Arm, ...]] = {
    # A class holds when all the conditions of one of its arms hold. Arms never overlap:
    # every task that exists on D is of exactly one class.
    DONE_ON_TIME: (
        (*DONE_ON_D, when(DEADLINE, "is none")),
        (*DONE_ON_D, when(COMPLETED, "<=", DEADLINE)),
    ),
    DONE_LATE: ((*DONE_ON_D, when(COMPLETED, ">", DEADLINE)),),
    IN_PROGRESS: tuple((*arm, when(DEADLINE, ">=", D)) for arm in NOT_DONE_ON_D),
    OVERDUE: tuple((*arm, when(DEADLINE, "<", D)) for arm in NOT_DONE_ON_D),
    ONGOING: tuple((*arm, when(DEADLINE, "is none")) for arm in NOT_DONE_ON_D),
    CANCELLED: ((when(STATUS, "==", Value("cancelled")),),),
}

EXISTS_ON_D = when(ASSIGNED, "<=", D)
"""A task assigned after D does not exist yet on D."""

NOT_YET_EXTENDED_ON_D = when(RECORDED, ">", D)
"""An extension recorded after D has not been granted yet on D."""

DUE_SOON_DAYS = 7
DUE_SOON_ON_D: Arm = (when(DEADLINE, "<=", Day(DUE_SOON_DAYS)),)
"""What makes an in-progress task "due soon" (the register's "due within 7 days")."""

# --- evaluating conditions --------------------------------------------------------------

OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    # Shared by the Python classifier and the SQL forms (SQLAlchemy columns take them too).
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
}


def day_of(term: Day, day: dt.date) -> dt.date:
    """The date a ``Day`` term stands for when D is ``day``."""
    return day + dt.timedelta(days=term.shift)


def holds(condition: Condition, values: Mapping[Field, Any], day: dt.date) -> bool:
    """Whether ``condition`` holds on ``day`` for a task whose fields are ``values``."""
    left = values[condition.left]
    if condition.op == "is none":
        return left is None
    right = condition.right
    if isinstance(right, Field):
        other = values[right]
    elif isinstance(right, Day):
        other = day_of(right, day)
    else:
        assert right is not None
        other = right.value
    return left is not None and other is not None and bool(OPERATORS[condition.op](left, other))


def all_hold(arm: Iterable[Condition], values: Mapping[Field, Any], day: dt.date) -> bool:
    return all(holds(c, values, day) for c in arm)


# --- the Python classifier --------------------------------------------------------------


@dataclass(frozen=True)
class Extension:
    """A recorded deadline change: when it was recorded, and the deadlines before and after."""

    recorded_on: dt.date
    old_deadline: dt.date
    new_deadline: dt.date


@dataclass(frozen=True)
class TaskState:
    """What classification needs to know of a task."""

    status: str
    assigned_on: dt.date
    deadline: dt.date | None
    completed_on: dt.date | None = None
    extensions: tuple[Extension, ...] = ()


def deadline_on(task: TaskState, day: dt.date) -> dt.date | None:
    """The deadline in force on ``day``: extensions recorded after it are undone."""
    later = sorted(
        (
            e
            for e in task.extensions
            if holds(NOT_YET_EXTENDED_ON_D, {RECORDED: e.recorded_on}, day)
        ),
        key=lambda e: e.recorded_on,
    )
    return later[0].old_deadline if later else task.deadline


def tracking_class(task: TaskState, day: dt.date) -> str | None:
    """The class of ``task`` on ``day``, or ``None`` when it was not yet assigned."""
    values = {
        STATUS: task.status,
        ASSIGNED: task.assigned_on,
        COMPLETED: task.completed_on,
        DEADLINE: deadline_on(task, day),
    }
    if not holds(EXISTS_ON_D, values, day):
        return None
    found = [
        name for name, arms in CLASS_RULES.items() if any(all_hold(a, values, day) for a in arms)
    ]
    if len(found) != 1:  # the rules overlap or leave a gap: a broken table, or a broken task
        raise ValueError(f"task of status {task.status!r} falls in {found or 'no class'}")
    return found[0]


def is_due_soon(tracking: str, deadline: dt.date | None, day: dt.date) -> bool:
    """Whether a task of class ``tracking`` whose deadline in force is ``deadline`` is due
    soon on ``day``."""
    return tracking == IN_PROGRESS and all_hold(DUE_SOON_ON_D, {DEADLINE: deadline}, day)


def count_classes(classes: Iterable[str | None]) -> dict[str, int]:
    """How many of each class; ``None`` (not yet assigned) is not counted."""
    counts = dict.fromkeys(CLASSES, 0)
    for name in classes:
        if name is not None:
            counts[name] += 1
    return counts


def on_time_rate(counts: dict[str, int]) -> float | None:
    """Share of finished tasks finished on time; ``None`` when nothing is finished."""
    finished = counts[DONE_ON_TIME] + counts[DONE_LATE]
    return counts[DONE_ON_TIME] / finished if finished else None


def extensions_from(
    events: Sequence[tuple[dt.datetime, dt.date | None, dt.date | None]],
) -> tuple[Extension, ...]:
    """Extensions from (recorded at, old deadline, new deadline) history rows."""
    return tuple(
        Extension(at.date(), old, new)
        for at, old, new in events
        if old is not None and new is not None
    )
