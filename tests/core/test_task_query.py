"""The register's SQL classes agree with the rules of tracking.py on every day.

The register is the one engine (``tasks``, ``report`` and the exports read through it), so
what it says is checked against the Python classifier of tracking.py, task by task.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import insert, select

from minutes_app.core.tasks.query import CLASS_ORDER, TaskQuery, TaskRegister
from minutes_app.core.tasks.rates import on_time_rates, periods_of
from minutes_app.core.tasks.rows import classified_tasks, period_report
from minutes_app.core.tasks.tracking import CLASSES, TaskState, extensions_from, tracking_class
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    NO_DEADLINE,
    Conference,
    Instruction,
    Task,
    TaskEvent,
    Unit,
    task_search_text,
)
from tests.stores import STORES, new_store

START = dt.date(2023, 1, 1)


@pytest.fixture(scope="module", params=STORES)
def random_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """300 tasks of every kind, with extensions, completions and cancellations, on each
    store."""
    with new_store(request, request.param, tmp_path_factory.mktemp("register")) as where:
        db = _random_db(where)
        yield db
        db.close()


def _random_db(where: str) -> Database:
    rng = random.Random(20231117)
    db = Database.open(where)
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


@dataclass(frozen=True)
class Classified:
    """A task of the database, classified in Python by tracking.py."""

    id: int
    title: str
    lead_unit: str
    assigned_on: dt.date
    deadline: dt.date | None
    status: str
    completed_on: dt.date | None
    tracking: str


def python_classes(
    db: Database,
    day: dt.date,
    assigned_from: dt.date | None = None,
    assigned_to: dt.date | None = None,
) -> list[Classified]:
    """Every task that exists on ``day``, in id order, classified by tracking_class."""
    with db.reading() as session:
        tasks = session.execute(
            select(
                Task.id,
                Task.title,
                Unit.name,
                Task.assigned_on,
                Task.deadline,
                Task.status,
                Task.completed_on,
            )
            .join(Unit, Task.lead_unit_id == Unit.id)
            .order_by(Task.id)
        ).all()
        history: dict[int, list[tuple[dt.datetime, dt.date | None, dt.date | None]]] = {}
        for task_id, at, old, new in session.execute(
            select(TaskEvent.task_id, TaskEvent.at, TaskEvent.old_deadline, TaskEvent.new_deadline)
            .where(TaskEvent.kind == "deadline_changed")
            .order_by(TaskEvent.task_id, TaskEvent.at, TaskEvent.id)
        ):
            history.setdefault(task_id, []).append((at, old, new))
    found = []
    for task_id, title, unit, assigned, deadline, status, completed in tasks:
        state = TaskState(
            status, assigned, deadline, completed, extensions_from(history.get(task_id, []))
        )
        tracking = tracking_class(state, day)
        if tracking is None:
            continue
        if assigned_from is not None and assigned < assigned_from:
            continue
        if assigned_to is not None and assigned > assigned_to:
            continue
        found.append(
            Classified(task_id, title, unit, assigned, deadline, status, completed, tracking)
        )
    return found


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_sql_classes_match_the_python_rules(random_db: Database, day: dt.date) -> None:
    expected = {r.id: r.tracking for r in python_classes(random_db, day)}
    register = TaskRegister(random_db, TaskQuery(as_of=day, sort="id"))
    found = {r.id: r.tracking for r in register.page(0, 1000)}
    assert found == expected
    assert register.count() == len(expected)
    # The command line's `tasks` reads the same.
    assert {r.id: r.tracking for r in classified_tasks(random_db, day)} == expected


@pytest.mark.parametrize("day", DAYS[::3], ids=str)
@pytest.mark.parametrize("name", CLASSES)
def test_class_filter_selects_exactly_that_class(
    random_db: Database, day: dt.date, name: str
) -> None:
    expected = sorted(r.id for r in python_classes(random_db, day) if r.tracking == name)
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


_RANK = {name: rank for rank, name in enumerate(CLASS_ORDER)}


def _expected_order(db: Database, day: dt.date, sort: str, descending: bool) -> list[int]:
    """Task ids in the register's order, worked out in Python from the tracking rules."""
    rows = python_classes(db, day)

    def key(r: Classified) -> tuple[object, ...]:
        deadline = (r.deadline or dt.date.fromisoformat(NO_DEADLINE)).isoformat()
        keys: dict[str, tuple[object, ...]] = {
            "class": (_RANK[r.tracking], deadline),
            "deadline": (deadline,),
            "assigned_on": (r.assigned_on.isoformat(),),
            "title": (r.title,),
            "lead_unit": (r.lead_unit,),
            "id": (),
        }
        return (*keys[sort], r.id)

    return [r.id for r in sorted(rows, key=key, reverse=descending)]


@pytest.mark.parametrize("descending", [False, True], ids=["up", "down"])
@pytest.mark.parametrize("sort", ["class", "deadline", "assigned_on", "title", "lead_unit", "id"])
@pytest.mark.parametrize("day", [dt.date(2023, 3, 1), dt.date(2023, 12, 31)], ids=str)
def test_pages_in_a_row_follow_the_sort_order(
    random_db: Database, day: dt.date, sort: str, descending: bool
) -> None:
    expected = _expected_order(random_db, day, sort, descending)
    register = TaskRegister(random_db, TaskQuery(as_of=day, sort=sort, descending=descending))
    # Page after page, as the view scrolls: each continues where the last one stopped.
    shown = [r.id for offset in range(0, 320, 23) for r in register.page(offset, 23)]
    assert shown == expected


@pytest.mark.parametrize("descending", [False, True], ids=["up", "down"])
@pytest.mark.parametrize("sort", ["class", "deadline", "id"])
def test_a_page_asked_for_out_of_turn_is_the_same_slice(
    random_db: Database, sort: str, descending: bool
) -> None:
    day = dt.date(2023, 12, 31)
    expected = _expected_order(random_db, day, sort, descending)
    register = TaskRegister(random_db, TaskQuery(as_of=day, sort=sort, descending=descending))
    register.page(0, 10)
    for offset in (150, 37, 10, 0, 290):
        assert [r.id for r in register.page(offset, 25)] == expected[offset : offset + 25]


@pytest.mark.parametrize("day", [dt.date(2023, 4, 15), dt.date(2023, 12, 31)], ids=str)
@pytest.mark.parametrize("names", [("overdue",), ("done_on_time", "cancelled"), ("ongoing",)])
def test_class_order_within_chosen_classes(
    random_db: Database, names: tuple[str, ...], day: dt.date
) -> None:
    chosen = frozenset(names)
    picked = {r.id for r in python_classes(random_db, day) if r.tracking in chosen}
    expected = [i for i in _expected_order(random_db, day, "class", False) if i in picked]
    register = TaskRegister(random_db, TaskQuery(as_of=day, classes=chosen))
    shown = [r.id for offset in range(0, 300, 40) for r in register.page(offset, 40)]
    assert shown == expected
    assert register.count() == len(expected)


@pytest.mark.parametrize("day", DAYS[::4], ids=str)
def test_counts_by_lead_unit_add_up_to_the_class_counts(random_db: Database, day: dt.date) -> None:
    rows = python_classes(random_db, day)
    register = TaskRegister(random_db, TaskQuery(as_of=day))
    by_unit = register.counts_by_lead_unit()
    expected: dict[int, dict[str, int]] = {}
    for unit_id in {1, 2, 3}:
        name = f"Đơn vị {unit_id}"
        picked = [r.tracking for r in rows if r.lead_unit == name]
        if picked:
            expected[unit_id] = {c: picked.count(c) for c in CLASSES}
    assert by_unit == expected
    assert register.class_counts() == {c: sum(u[c] for u in expected.values()) for c in CLASSES}


def test_on_time_rates_count_each_period(random_db: Database) -> None:
    day = dt.date(2023, 12, 31)
    rows = [r for r in python_classes(random_db, day) if r.status == "done"]
    rates = on_time_rates(random_db, periods_of("month", day, 12))
    for rate in rates:
        inside = [r for r in rows if r.completed_on and rate.start <= r.completed_on <= rate.end]
        late = [r for r in inside if r.deadline and r.completed_on and r.completed_on > r.deadline]
        assert (rate.on_time, rate.late) == (len(inside) - len(late), len(late))
    assert sum(r.on_time + r.late for r in rates) > 0


@pytest.mark.parametrize("day", DAYS[::4], ids=str)
def test_period_report_counts_each_task_of_the_period_once_by_its_class(
    random_db: Database, day: dt.date
) -> None:
    start, end = START + dt.timedelta(days=20), START + dt.timedelta(days=90)
    report = period_report(random_db, start, end, day)
    expected: dict[str, dict[str, int]] = {}
    for row in python_classes(random_db, day, assigned_from=start, assigned_to=end):
        counts = expected.setdefault(row.lead_unit, dict.fromkeys(CLASSES, 0))
        counts[row.tracking] += 1
    assert {u.unit: u.counts for u in report.units} == expected
    assert report.total == {
        name: sum(counts[name] for counts in expected.values()) for name in CLASSES
    }
    assert [u.unit for u in report.units] == sorted(expected, key=lambda u: int(u.split()[-1]))


@pytest.mark.parametrize("classes", [frozenset(), frozenset({"overdue"})])
def test_a_new_registers_first_page_is_one_read_its_facts_within_it(
    random_db: Database, classes: frozenset[str]
) -> None:
    from sqlalchemy import event

    query = TaskQuery(as_of=dt.date(2023, 6, 1), classes=classes)
    expected = [r.id for r in TaskRegister(random_db, query).page(0, 50)]
    checkouts: list[object] = []

    def checked_out(*_args: object) -> None:
        checkouts.append(_args)

    event.listen(random_db.engine, "checkout", checked_out)
    try:
        register = TaskRegister(random_db, query)
        assert checkouts == []  # made without reading
        rows = register.page(0, 50)
    finally:
        event.remove(random_db.engine, "checkout", checked_out)
    assert len(checkouts) == 1  # one connection, one read transaction: a round trip less
    assert [r.id for r in rows] == expected
