"""The register's SQL classes agree with the rules of tracking.py on every day."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from sqlalchemy import insert

from minutes_app.core.task_query import TaskQuery, TaskRegister
from minutes_app.core.tasks import classified_tasks
from minutes_app.core.tracking import CLASSES
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    Conference,
    Instruction,
    Task,
    TaskEvent,
    Unit,
    task_search_text,
)

START = dt.date(2023, 1, 1)


@pytest.fixture(scope="module")
def random_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    """300 tasks of every kind, with extensions, completions and cancellations."""
    rng = random.Random(20231117)
    db = Database.open(Path(tmp_path_factory.mktemp("register")) / "r.sqlite3")
    tasks, events = [], []
    for task_id in range(1, 301):
        assigned = START + dt.timedelta(days=rng.randrange(120))
        deadline = None if rng.random() < 0.2 else assigned + dt.timedelta(days=rng.randrange(60))
        status = rng.choice(["open", "in_progress", "done", "done", "cancelled"])
        completed = assigned + dt.timedelta(days=rng.randrange(90)) if status == "done" else None
        current = deadline
        if deadline is not None:
            for _ in range(rng.randrange(3)):
                new = current + dt.timedelta(days=1 + rng.randrange(40))
                recorded = assigned + dt.timedelta(days=rng.randrange(150))
                events.append(
                    {
                        "task_id": task_id,
                        "at": dt.datetime.combine(recorded, dt.time(9, 30)),
                        "kind": "deadline_changed",
                        "note": "gia hạn",
                        "old_deadline": current,
                        "new_deadline": new,
                    }
                )
                current = new
        tasks.append(
            {
                "id": task_id,
                "instruction_id": 1,
                "title": f"Nhiệm vụ số {task_id}",
                "search_text": task_search_text(f"Nhiệm vụ số {task_id}", None),
                "lead_unit_id": 1 + task_id % 3,
                "assigned_on": assigned,
                "deadline": current,
                "status": status,
                "completed_on": completed,
            }
        )
    # Extensions of one task are recorded in time order, as the app records them.
    events.sort(key=lambda e: (e["task_id"], e["at"]))
    with db.transaction() as s:
        s.execute(insert(Unit), [{"id": i, "name": f"Đơn vị {i}"} for i in (1, 2, 3)])
        s.execute(insert(Conference), [{"id": 1, "title": "Hội nghị", "date": START}])
        s.execute(insert(Instruction), [{"id": 1, "conference_id": 1, "position": 0, "text": "x"}])
        s.execute(insert(Task), tasks)
        s.execute(insert(TaskEvent), events)
    return db


DAYS = [START + dt.timedelta(days=d) for d in range(0, 240, 9)]


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_sql_classes_match_the_python_rules(random_db: Database, day: dt.date) -> None:
    expected = {r.id: r.tracking for r in classified_tasks(random_db, day)}
    register = TaskRegister(random_db, TaskQuery(as_of=day, sort="id"))
    found = {r.id: r.tracking for r in register.page(0, 1000)}
    assert found == expected
    assert register.count() == len(expected)


@pytest.mark.parametrize("day", DAYS[::3], ids=str)
@pytest.mark.parametrize("name", CLASSES)
def test_class_filter_selects_exactly_that_class(
    random_db: Database, day: dt.date, name: str
) -> None:
    expected = sorted(r.id for r in classified_tasks(random_db, day) if r.tracking == name)
    register = TaskRegister(random_db, TaskQuery(as_of=day, classes=frozenset({name}), sort="id"))
    assert [r.id for r in register.page(0, 1000)] == expected
    assert register.class_counts()[name] == len(expected)


def test_text_filter_ignores_diacritics(random_db: Database) -> None:
    query = TaskQuery(as_of=dt.date(2023, 12, 31), text="NHIEM VU SO 17", sort="id")
    assert [r.id for r in TaskRegister(random_db, query).page(0, 100)] == [
        17,
        117,
        *range(170, 180),
        217,
    ]


def test_pages_follow_each_other_without_gaps(random_db: Database) -> None:
    register = TaskRegister(random_db, TaskQuery(as_of=dt.date(2023, 12, 31)))
    pages = [r.id for offset in range(0, 300, 70) for r in register.page(offset, 70)]
    assert sorted(pages) == list(range(1, 301))
    assert len(pages) == 300
