"""Ten processes acting on overlapping tasks at once (issue 16, point 1), on a server and on
a file: every action either lands whole (its event, its version, its log entry) or is
refused as stale; none vanishes; nobody deadlocks."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database
from minutes_app.db.models import ChangeEntry, Task, TaskEvent
from tests.stores import STORES, new_store

PROCESSES = 10
ACTIONS = 12  # each process's
TASKS = 4  # the tasks they share: every action meets others on the same rows


def _act(where: str, worker: int, task_ids: list[int]) -> list[tuple[str, int, str]]:
    """One process: read a task's version, act on it with that version; what happened."""
    from minutes_app.core.tasks import actions
    from minutes_app.db.locks import DatabaseBusy
    from minutes_app.db.versions import StaleRecord

    db = Database.open(where)
    if db.server is None:
        db.user = f"p{worker}"
    outcomes: list[tuple[str, int, str]] = []
    try:
        for n in range(ACTIONS):
            task = task_ids[(worker + n) % len(task_ids)]
            with db.reading() as session:
                found = session.get(Task, task)
                assert found is not None
                read = {task: found.version}
                deadline = found.deadline or found.assigned_on
            tag = f"p{worker}-{n}"
            try:
                if n % 3 == 2:
                    later = max(deadline, dt.date(2026, 1, 1)) + dt.timedelta(days=worker + n)
                    actions.extend_deadline(db, [task], later, tag, by=f"p{worker}", read=read)
                else:
                    actions.add_progress(db, [task], tag, by=f"p{worker}", read=read)
                outcomes.append(("done", task, tag))
            except StaleRecord:
                outcomes.append(("stale", task, tag))
            except DatabaseBusy:
                outcomes.append(("busy", task, tag))
    finally:
        db.close()
    return outcomes


def _logged_events(session: Any, task_ids: list[int]) -> Counter[int | None]:
    """The change log's entries of new task events, by task."""
    return Counter(
        e.task_id
        for e in session.scalars(
            select(ChangeEntry).where(
                ChangeEntry.entity == "task_event",
                ChangeEntry.action == "insert",
                ChangeEntry.task_id.in_(task_ids),
            )
        )
    )


@pytest.mark.parametrize("kind", STORES)
def test_ten_processes_on_overlapping_tasks_lose_nothing(
    request: pytest.FixtureRequest, tmp_path: Path, kind: str
) -> None:
    with new_store(request, kind, tmp_path / "db") as where:
        db = Database.open(where)
        try:
            load_samples(db)
            with db.reading() as session:
                tasks = session.scalars(
                    select(Task)
                    .where(Task.status == "in_progress", Task.deadline.is_not(None))
                    .order_by(Task.id)
                ).all()[:TASKS]
                task_ids = [t.id for t in tasks]
                before = {t.id: t.version for t in tasks}
                logged_before = _logged_events(session, task_ids)
        finally:
            db.close()
        assert len(task_ids) == TASKS

        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(PROCESSES, mp_context=context) as pool:
            futures = [pool.submit(_act, where, w, task_ids) for w in range(PROCESSES)]
            outcomes = [o for f in futures for o in f.result(timeout=240)]

        db = Database.open(where)
        try:
            with db.reading() as session:
                notes = {
                    e.note: e.task_id
                    for e in session.scalars(
                        select(TaskEvent).where(TaskEvent.task_id.in_(task_ids))
                    )
                }
                after = {
                    t.id: t.version
                    for t in session.scalars(select(Task).where(Task.id.in_(task_ids)))
                }
                logged = _logged_events(session, task_ids)
        finally:
            db.close()

    done = [(task, tag) for what, task, tag in outcomes if what == "done"]
    refused = [o for o in outcomes if o[0] != "done"]
    assert len(outcomes) == PROCESSES * ACTIONS
    assert done and refused  # the race was real: both happened
    # every action that landed is there whole, on its task; none that was refused is
    assert all(notes.get(tag) == task for task, tag in done)
    assert not any(tag in notes for _, _, tag in refused)
    # each landed action made one version and one log entry, no more
    landed = Counter(task for task, _ in done)
    assert {t: after[t] - before[t] for t in task_ids} == {t: landed[t] for t in task_ids}
    assert {t: logged[t] - logged_before[t] for t in task_ids} == dict(landed)
