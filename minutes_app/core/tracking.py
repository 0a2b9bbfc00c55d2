"""The tracking class of a task as of a day, by the rules of shared/exchange/FORMAT.md.

Classification looks back from the day D: a task assigned after D does not exist yet,
a completion after D has not happened yet, and an extension recorded after D has not
been granted yet (the deadline in force on D counts). So a report on a past period
reads the same whenever it is run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

DONE_ON_TIME = "done_on_time"
DONE_LATE = "done_late"
IN_PROGRESS = "in_progress"
OVERDUE = "overdue"
ONGOING = "ongoing"
CANCELLED = "cancelled"
CLASSES = (DONE_ON_TIME, DONE_LATE, IN_PROGRESS, OVERDUE, ONGOING, CANCELLED)


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
    later = sorted((e for e in task.extensions if e.recorded_on > day), key=lambda e: e.recorded_on)
    return later[0].old_deadline if later else task.deadline


def tracking_class(task: TaskState, day: dt.date) -> str | None:
    """The class of ``task`` on ``day``, or ``None`` when it was not yet assigned."""
    if task.assigned_on > day:
        return None
    if task.status == "cancelled":
        return CANCELLED
    deadline = deadline_on(task, day)
    completed = task.completed_on
    if task.status == "done" and completed is not None and completed <= day:
        return DONE_ON_TIME if deadline is None or completed <= deadline else DONE_LATE
    if deadline is None:
        return ONGOING
    return IN_PROGRESS if deadline >= day else OVERDUE


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
