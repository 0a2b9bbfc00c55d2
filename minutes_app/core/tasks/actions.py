"""Creating tasks from an instruction, and the actions on tasks, each kept in its history.

Every action returns an ``ActionRecord`` from which ``undo`` puts the tasks back as they
were: the window's undo stack holds these records. Each action may be given the versions
of the tasks as the caller read them (``read``); a task changed since is refused with
``StaleRecord`` and nothing is written (core/versions.py). ``undo`` applies only while the
tasks are still as the action left them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from minutes_app.base.days import month_end
from minutes_app.base.limits import MAX_TITLE, too_long
from minutes_app.base.text import clean
from minutes_app.db import versions
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
from minutes_app.db.versions import RecordGone

OPEN = ("open", "in_progress")


class TaskActionError(ValueError):
    """An action that cannot be done; ``code`` says why, ``task_id`` which task (if one).

    Codes: required (a reason, a title, a lead unit), future (a date after today),
    before_assigned, not_later (a new deadline not after the old one), no_deadline,
    not_open, not_done, unknown_unit, too_long.
    """

    def __init__(self, code: str, task_id: int | None = None) -> None:
        super().__init__(code if task_id is None else f"{code} (task {task_id})")
        self.code = code
        self.task_id = task_id


# --- deadlines by preset --------------------------------------------------------------------

PRESETS = ("7d", "15d", "30d", "month", "quarter", "half", "year", "none")


def preset_deadline(preset: str, today: dt.date) -> dt.date | None:
    """The deadline a preset gives: 7, 15 or 30 days; end of this month, quarter, half-year or
    year; or none (an ongoing task)."""
    if preset.endswith("d") and preset[:-1].isdigit():
        return today + dt.timedelta(days=int(preset[:-1]))
    if preset == "month":
        return month_end(today.year, today.month)
    if preset == "quarter":
        return month_end(today.year, (today.month - 1) // 3 * 3 + 3)
    if preset == "half":
        return month_end(today.year, 6 if today.month <= 6 else 12)
    if preset == "year":
        return dt.date(today.year, 12, 31)
    if preset == "none":
        return None
    raise ValueError(f"unknown deadline preset {preset!r}")


# --- creating -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewTasks:
    """What the "Create tasks" dialog asks for. With ``one_per_unit`` each lead unit gets a
    task of its own; otherwise the first is the lead and the others support."""

    instruction_id: int
    titles: tuple[str, ...]
    lead_units: tuple[str, ...]
    support_units: tuple[str, ...] = ()
    owner: str | None = None
    assigned_on: dt.date | None = None
    deadline: dt.date | None = None
    detail: str | None = None
    one_per_unit: bool = False


@dataclass(frozen=True)
class ActionRecord:
    """What an action did, enough to undo it: ``after`` holds the version each task was
    left at, so that an undo can tell whether someone changed it since."""

    kind: str
    created_tasks: tuple[int, ...] = ()
    created_events: tuple[int, ...] = ()
    before: tuple[tuple[int, str, dt.date | None, dt.date | None, str | None], ...] = ()
    after: tuple[tuple[int, int], ...] = ()

    def versions(self) -> dict[int, int]:
        """The version of each task as the action left it."""
        return dict(self.after)


_now = versions.now


def create_tasks(db: Database, request: NewTasks, by: str | None = None) -> ActionRecord:
    """Create the tasks of ``request``, each with a "created" event. ``RecordGone`` when
    the instruction was removed (or its conference trashed) by someone else."""
    titles = [t for t in (clean(x) for x in request.titles) if t]
    leads = [u for u in (clean(x) for x in request.lead_units) if u]
    if not titles:
        raise TaskActionError("required")
    if not leads:
        raise TaskActionError("unknown_unit")
    if any(len(t) > MAX_TITLE for t in titles) or too_long(request.detail):
        raise TaskActionError("too_long")
    with db.transaction() as session:
        instruction = session.get(Instruction, request.instruction_id)
        if instruction is None:
            raise RecordGone("instruction", request.instruction_id)
        if instruction.conference.deleted_at is not None:
            raise RecordGone("conference", instruction.conference_id, trashed=True)
        assigned = request.assigned_on or instruction.conference.date
        if request.deadline is not None and request.deadline < assigned:
            raise TaskActionError("before_assigned")
        units = {u.name: u for u in session.scalars(select(Unit))}

        def unit(name: str) -> Unit:
            if name not in units:
                units[name] = Unit(name=name)
                session.add(units[name])
            return units[name]

        owner = None
        if clean(request.owner):
            owner = session.scalars(
                select(Person).where(Person.name == clean(request.owner)).order_by(Person.id)
            ).first() or Person(name=clean(request.owner) or "")
        groups = [[lead] for lead in leads] if request.one_per_unit else [leads]
        supports = [s for s in (clean(x) for x in request.support_units) if s]
        created: list[Task] = []
        for title in titles:
            for group in groups:
                lead, *extra = group
                support_names = [s for s in dict.fromkeys([*extra, *supports]) if s != lead]
                task = Task(
                    instruction=instruction,
                    title=title,
                    detail=clean(request.detail),
                    lead_unit=unit(lead),
                    owner=owner,
                    assigned_on=assigned,
                    deadline=request.deadline,
                    status="open",
                )
                task.supports = [
                    TaskSupport(position=i, unit=unit(n)) for i, n in enumerate(support_names)
                ]
                task.history = [TaskEvent(at=_now(), kind="created", by=by)]
                versions.touch(task, by)
                session.add(task)
                created.append(task)
        # The instruction's tasks changed: an editor that read it before may not remove it.
        versions.touch(instruction, by)
        session.flush()
        return ActionRecord(
            "create",
            created_tasks=tuple(t.id for t in created),
            after=tuple((t.id, t.version) for t in created),
        )


# --- actions on existing tasks -------------------------------------------------------------


def _tasks(session: Session, task_ids: Sequence[int]) -> list[Task]:
    """The tasks, locked for this transaction; ``RecordGone`` names the first missing one."""
    # In id order, locked (on a server; a file's writer holds the whole file): two clerks
    # acting on the same tasks take turns on them, and never wait for each other in a ring.
    found = list(
        session.scalars(
            select(Task).where(Task.id.in_(task_ids)).order_by(Task.id).with_for_update()
        )
    )
    missing = set(task_ids) - {t.id for t in found}
    if missing:
        raise RecordGone("task", min(missing))
    trashed = session.scalar(
        select(Task.id)
        .join(Instruction, Task.instruction_id == Instruction.id)
        .join(Conference, Instruction.conference_id == Conference.id)
        .where(Task.id.in_(task_ids), Conference.deleted_at.is_not(None))
        .limit(1)
    )
    if trashed is not None:
        raise RecordGone("task", trashed, trashed=True)
    return found


def _act(
    db: Database,
    kind: str,
    task_ids: Sequence[int],
    change: Callable[[Task], TaskEvent],
    *,
    note: str | None = None,
    by: str | None = None,
    read: Mapping[int, int] | None = None,
) -> ActionRecord:
    """Apply ``change`` to every task in one transaction: one refusal and none is changed.
    ``read``: the version of each task as the caller read it (``StaleRecord`` if changed).
    A note (the reason, the result) longer than any stored text may be is refused, as the
    importer would refuse it when the database is exported and read back."""
    if too_long(note):
        raise TaskActionError("too_long")
    # Only the tasks' rows, locked by the version check: beside other clerks' writes.
    with db.transaction(rows_only=True) as session:
        tasks = _tasks(session, task_ids)
        versions.check_all("task", tasks, read)
        before = tuple((t.id, t.status, t.deadline, t.completed_on, t.result) for t in tasks)
        events = []
        at = _now()
        # One UPDATE per task, so one version: loading a history must not flush a half-change.
        with session.no_autoflush:
            for task in tasks:
                event = change(task)
                event.note = note
                event.by = by
                event.at = at
                task.history.append(event)
                versions.touch(task, by, at)
                events.append(event)
        session.flush()
        return ActionRecord(
            kind,
            created_events=tuple(e.id for e in events),
            before=before,
            after=tuple((t.id, t.version) for t in tasks),
        )


def add_progress(
    db: Database,
    task_ids: Sequence[int],
    note: str,
    by: str | None = None,
    read: Mapping[int, int] | None = None,
) -> ActionRecord:
    """A progress note; an open task becomes "in progress"."""
    text = clean(note)
    if text is None:
        raise TaskActionError("required")

    def change(task: Task) -> TaskEvent:
        if task.status == "open":
            task.status = "in_progress"
        return TaskEvent(kind="progress")

    return _act(db, "progress", task_ids, change, note=text, by=by, read=read)


def extend_deadline(
    db: Database,
    task_ids: Sequence[int],
    new_deadline: dt.date,
    reason: str,
    by: str | None = None,
    read: Mapping[int, int] | None = None,
) -> ActionRecord:
    """Gia hạn: a later deadline, with the reason; old and new deadline stay in the history."""
    text = clean(reason)
    if text is None:
        raise TaskActionError("required")

    def change(task: Task) -> TaskEvent:
        if task.status not in OPEN:
            raise TaskActionError("not_open", task.id)
        if task.deadline is None:
            raise TaskActionError("no_deadline", task.id)
        if new_deadline <= task.deadline:
            raise TaskActionError("not_later", task.id)
        event = TaskEvent(
            kind="deadline_changed", old_deadline=task.deadline, new_deadline=new_deadline
        )
        task.deadline = new_deadline
        return event

    return _act(db, "extend", task_ids, change, note=text, by=by, read=read)


def complete(
    db: Database,
    task_ids: Sequence[int],
    on: dt.date,
    result: str | None,
    *,
    today: dt.date | None = None,
    by: str | None = None,
    read: Mapping[int, int] | None = None,
) -> ActionRecord:
    """Hoàn thành: the date (not in the future, not before the task was given) and the result."""
    if on > (today or dt.date.today()):
        raise TaskActionError("future")
    outcome = clean(result)

    def change(task: Task) -> TaskEvent:
        if task.status not in OPEN:
            raise TaskActionError("not_open", task.id)
        if on < task.assigned_on:
            raise TaskActionError("before_assigned", task.id)
        task.status = "done"
        task.completed_on = on
        task.result = outcome
        return TaskEvent(kind="completed")

    return _act(db, "complete", task_ids, change, note=outcome, by=by, read=read)


def reopen(
    db: Database,
    task_ids: Sequence[int],
    reason: str | None = None,
    by: str | None = None,
    read: Mapping[int, int] | None = None,
) -> ActionRecord:
    """A done or cancelled task goes back to "in progress"."""

    def change(task: Task) -> TaskEvent:
        if task.status in OPEN:
            raise TaskActionError("not_done", task.id)
        task.status = "in_progress"
        task.completed_on = None
        return TaskEvent(kind="reopened")

    return _act(db, "reopen", task_ids, change, note=clean(reason), by=by, read=read)


def cancel(
    db: Database,
    task_ids: Sequence[int],
    reason: str,
    by: str | None = None,
    read: Mapping[int, int] | None = None,
) -> ActionRecord:
    """Hủy: with the reason."""
    text = clean(reason)
    if text is None:
        raise TaskActionError("required")

    def change(task: Task) -> TaskEvent:
        if task.status not in OPEN:
            raise TaskActionError("not_open", task.id)
        task.status = "cancelled"
        return TaskEvent(kind="cancelled")

    return _act(db, "cancel", task_ids, change, note=text, by=by, read=read)


def undo(db: Database, record: ActionRecord, by: str | None = None) -> dict[int, int]:
    """Put the tasks back as they were before ``record``'s action, provided each is still
    as the action left it: otherwise nothing is changed and ``StaleRecord`` (someone acted
    on it since) or ``RecordGone`` (someone deleted it) is raised. Returns the versions of
    the tasks put back (none for an undone creation: those tasks are gone)."""
    with db.transaction() as session:
        left = record.versions()
        tasks = _tasks(session, list(left))
        versions.check_all("task", tasks, left)
        if record.created_tasks:
            for instruction in {t.instruction for t in tasks}:
                versions.touch(instruction, by)
            session.execute(delete(Task).where(Task.id.in_(record.created_tasks)))
        if record.created_events:
            session.execute(delete(TaskEvent).where(TaskEvent.id.in_(record.created_events)))
        restored = []
        for task_id, status, deadline, completed_on, result in record.before:
            task = session.get(Task, task_id)
            if task is not None:
                task.status = status
                task.deadline = deadline
                task.completed_on = completed_on
                task.result = result
                versions.touch(task, by)
                restored.append(task)
        session.flush()
        return {t.id: t.version for t in restored}
