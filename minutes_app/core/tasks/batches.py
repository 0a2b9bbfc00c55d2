"""The tasks of a selection read a batch at a time, each row completed with what the
register does not show (instruction, result, extensions, last progress, supporting units):
what the task list, the calendar and the report's overdue tasks are made from, so that
200,000 tasks are never held at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from sqlalchemy import select

from minutes_app.core.tasks.labels import display_class
from minutes_app.core.tasks.query import (
    RegisterRow,
    TaskQuery,
    TaskRegister,
    registers_led_by,
    rows_by_id,
    support_units_of,
)
from minutes_app.db.engine import Database
from minutes_app.db.models import Instruction, Task, TaskEvent

BATCH_SIZE = 2000
"""Tasks completed and written at a time; also how often progress is reported."""

PAGE_SIZE = 20_000
"""Register rows read at a time. The register pages by offset, which costs a walk over the
rows skipped, so pages are larger than batches: 200,000 tasks take ten walks, not a hundred.
A page holds about 2 kB a row (Vietnamese titles are not Latin-1 and every row has its own
copy of them), so 20,000 rows keep a large export near 120 MB."""


@dataclass(frozen=True)
class DeadlineChange:
    """An extension as the list shows it: when, from which deadline to which, and why."""

    recorded_on: dt.date
    old_deadline: dt.date
    new_deadline: dt.date
    reason: str | None


@dataclass(frozen=True)
class ExportedTask:
    """One row of the task list: a register row and what the register does not show."""

    id: int
    uid: str | None
    """The task's identity across files and databases (FORMAT.md)."""
    title: str
    conference: str
    conference_date: dt.date
    instruction: str
    lead_unit: str
    support_units: tuple[str, ...]
    owner: str | None
    assigned_on: dt.date
    deadline: dt.date | None
    extensions: tuple[DeadlineChange, ...]
    status: str
    completed_on: dt.date | None
    result: str | None
    last_progress: tuple[dt.date, str] | None
    tracking: str
    display: str
    """The tracking class with "due soon" split out, for the colour of the row."""


@dataclass(frozen=True)
class TaskSelection:
    """Which tasks the list holds: the options of the ``tasks`` command, and a conference."""

    as_of: dt.date
    classes: frozenset[str] = frozenset()
    unit: str | None = None
    conference_id: int | None = None


def _registers(db: Database, selection: TaskSelection) -> list[TaskRegister]:
    """One register per lead unit the ``unit`` option names (usually one), or one in all."""
    query = TaskQuery(
        as_of=selection.as_of,
        classes=frozenset(selection.classes),
        conference_id=selection.conference_id,
        sort="id",
    )
    return registers_led_by(db, query, selection.unit)


def _chunks(rows: Iterable[RegisterRow], size: int) -> Iterator[list[RegisterRow]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _complete(db: Database, rows: list[RegisterRow], as_of: dt.date) -> list[ExportedTask]:
    """Add to a batch of register rows their instruction, result, history and supporters."""
    ids = [r.id for r in rows]
    wanted = set(ids)
    # Rows come in id order, so each batch is one id range; reading the range (rather than
    # an IN list of ids) keeps the statements short, and the ranges of successive batches
    # do not overlap, so a filtered export reads no task twice.
    in_range = Task.id.between(ids[0], ids[-1])
    details: dict[int, tuple[str, str | None, str | None]] = {}  # instruction, result, uid
    extensions: dict[int, list[DeadlineChange]] = {}
    progress: dict[int, tuple[dt.date, str]] = {}
    with db.reading() as session:
        connection = session.connection()
        for task_id, text, result, uid in connection.execute(
            select(Task.id, Instruction.text, Task.result, Task.uid)
            .join(Instruction, Task.instruction_id == Instruction.id)
            .where(in_range)
        ).all():
            if task_id in wanted:
                details[task_id] = (text, result, uid)
        for task_id, kind, at, note, old, new in connection.execute(
            select(
                TaskEvent.task_id,
                TaskEvent.kind,
                TaskEvent.at,
                TaskEvent.note,
                TaskEvent.old_deadline,
                TaskEvent.new_deadline,
            )
            # Kinds are picked below rather than in SQL: with a condition on the kind,
            # SQLite walks the (kind, at) index over every task's events instead.
            .where(TaskEvent.task_id.between(ids[0], ids[-1]))
            .order_by(TaskEvent.task_id, TaskEvent.at, TaskEvent.id)
        ).all():
            if task_id not in wanted:
                continue
            if kind == "progress" and note:
                progress[task_id] = (at.date(), note)  # the latest wins
            elif kind == "deadline_changed" and old is not None and new is not None:
                extensions.setdefault(task_id, []).append(DeadlineChange(at.date(), old, new, note))
    supports = support_units_of(db, ids)
    # A task deleted since its page was read has no details left; its row stays as read.
    missing = ("", None, None)
    return [
        ExportedTask(
            id=r.id,
            uid=details.get(r.id, missing)[2],
            title=r.title,
            conference=r.conference,
            conference_date=r.conference_date,
            instruction=details.get(r.id, missing)[0],
            lead_unit=r.lead_unit,
            support_units=tuple(supports.get(r.id, ())),
            owner=r.owner,
            assigned_on=r.assigned_on,
            deadline=r.deadline,
            extensions=tuple(extensions.get(r.id, ())),
            status=r.status,
            completed_on=r.completed_on,
            result=details.get(r.id, missing)[1],
            last_progress=progress.get(r.id),
            tracking=r.tracking,
            display=display_class(r.tracking, r.deadline_in_force, as_of),
        )
        for r in rows
    ]


class TaskBatches:
    """The tasks of a selection, counted, then read in id order a batch at a time.

    The same tasks and classes as ``tasks --json`` (both follow FORMAT.md's look-back
    rules), with the fields the register does not carry added per batch.
    """

    def __init__(self, db: Database, selection: TaskSelection) -> None:
        self.db = db
        self.selection = selection
        self._registers = _registers(db, selection)
        self.total = sum(register.count() for register in self._registers)

    def __iter__(self) -> Iterator[list[ExportedTask]]:
        for chunk in _chunks(rows_by_id(self._registers, PAGE_SIZE), BATCH_SIZE):
            yield _complete(self.db, chunk, self.selection.as_of)
