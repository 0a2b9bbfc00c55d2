"""Every form of the tracking rule agrees with FORMAT.md at every boundary (issue 13).

A grid of tasks around one day D, on each store (an SQLite file, a database on the server,
where the rule's SQL is a third form of it): each status; no deadline, or one
the day before, on or after D, or about the "due soon" bound; completed the day before, on
or after D; assigned the day before, on or after D; no extension, or one recorded the day
before D, at the first or the last moment of D, or at the first moment of the day after,
from an old deadline around D (or the day before that); or two recorded after D. Each
task's class on D is worked out below straight from FORMAT.md's words, and every form of
the rule must give it: the Python classifier, the register's class expression, its filter
of each class, its index ranges (class order), its counts by class and lead unit, "due
soon", and the engine's readers (``tasks``, ``report``). Both paths: on a database with no
extension recorded after D (the usual register, no look-back) and on one with some.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass

import pytest
from sqlalchemy import insert

from minutes_app.core.tasks.labels import DUE_SOON, display_class
from minutes_app.core.tasks.query import (
    CLASS_ORDER,
    RegisterRow,
    TaskQuery,
    TaskRegister,
    only_due_soon,
)
from minutes_app.core.tasks.rates import on_time_rates
from minutes_app.core.tasks.rows import classified_tasks, period_report, task_row
from minutes_app.core.tasks.tracking import (
    CANCELLED,
    CLASSES,
    DONE_LATE,
    DONE_ON_TIME,
    DUE_SOON_DAYS,
    IN_PROGRESS,
    ONGOING,
    OVERDUE,
    Extension,
    TaskState,
    deadline_on,
    is_due_soon,
    tracking_class,
)
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

D = dt.date(2024, 3, 15)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def moment(n: int, hour: int = 0, last: bool = False) -> dt.datetime:
    """The first moment of day(n) (or ``hour`` o'clock), or its very last one."""
    if last:
        return dt.datetime.combine(day(n), dt.time.max)
    return dt.datetime.combine(day(n), dt.time(hour))


@dataclass(frozen=True)
class GridTask:
    id: int
    status: str
    assigned_on: dt.date
    deadline: dt.date | None
    completed_on: dt.date | None
    extensions: tuple[tuple[dt.datetime, dt.date], ...]  # (recorded at, old deadline)
    lead_unit_id: int
    trashed: bool = False

    def state(self) -> TaskState:
        return TaskState(
            self.status,
            self.assigned_on,
            self.deadline,
            self.completed_on,
            tuple(Extension(at.date(), old, self.deadline or old) for at, old in self.extensions),
        )


# --- FORMAT.md, read literally (the oracle) ---------------------------------------------------


def in_force(task: GridTask, as_of: dt.date) -> dt.date | None:
    """ "an extension recorded after D has not happened yet on D (the deadline in force on
    D counts)": the old deadline of the first extension recorded after D."""
    later = sorted((at, old) for at, old in task.extensions if at.date() > as_of)
    return later[0][1] if later else task.deadline


def expected_class(task: GridTask, as_of: dt.date) -> str | None:
    if task.trashed or task.assigned_on > as_of:  # "a task assigned after D does not exist"
        return None
    if task.status == "cancelled":
        return CANCELLED
    deadline = in_force(task, as_of)
    # "a task completed after D counts as not yet done on D"
    if task.status == "done" and task.completed_on is not None and task.completed_on <= as_of:
        if deadline is None or task.completed_on <= deadline:
            return DONE_ON_TIME
        return DONE_LATE
    if deadline is None:
        return ONGOING
    return IN_PROGRESS if deadline >= as_of else OVERDUE


def expected_due_soon(task: GridTask, as_of: dt.date) -> bool:
    """In progress, and due within DUE_SOON_DAYS (7) days of D."""
    deadline = in_force(task, as_of)
    return (
        expected_class(task, as_of) == IN_PROGRESS
        and deadline is not None
        and (deadline - as_of).days <= 7
    )


# --- the grid -------------------------------------------------------------------------------

STATUS_COMPLETED = [
    *(("open", c) for c in (None, day(-1), day(0), day(1))),
    *(("in_progress", c) for c in (None, day(-1), day(0), day(1))),
    *(("done", c) for c in (day(-1), day(0), day(1))),
    *(("cancelled", c) for c in (None, day(-1), day(0), day(1))),
]
DEADLINES = [None, day(-1), day(0), day(1), day(6), day(7), day(8)]
ASSIGNED = [day(-1), day(0), day(1)]
EXTENDED_AT = [moment(-1, 12), moment(0), moment(0, last=True), moment(1)]
OLD_DEADLINES = [day(-2), day(-1), day(0), day(7), day(8)]
TWICE_AFTER = [  # two extensions recorded after D: the first one's old deadline counts
    ((moment(1), day(-1)), (moment(2, 9), day(1))),
    ((moment(1, 9), day(1)), (moment(3), day(-1))),
]


def grid() -> Iterator[GridTask]:
    ids = itertools.count(1)
    for (status, completed), deadline in itertools.product(STATUS_COMPLETED, DEADLINES):
        histories: list[tuple[dt.date, tuple[tuple[dt.datetime, dt.date], ...]]] = [
            (assigned, ()) for assigned in ASSIGNED if deadline is None or deadline >= assigned
        ]
        if deadline is not None:
            # Extensions are tried on tasks given a few days before D: the day a task was
            # given decides only whether it exists yet.
            histories += [(day(-3), ((at, old),)) for at in EXTENDED_AT for old in OLD_DEADLINES]
            histories += [(day(-3), twice) for twice in TWICE_AFTER]
        for assigned, history in histories:
            task_id = next(ids)
            yield GridTask(task_id, status, assigned, deadline, completed, history, 1 + task_id % 3)
    # Tasks of a conference in the trash exist nowhere.
    for status in ("open", "done"):
        task_id = next(ids)
        yield GridTask(task_id, status, day(-1), day(-1), day(-1), (), 1, trashed=True)


def build(where: str, look_back: bool) -> tuple[Database, list[GridTask]]:
    """The grid in a database; without look-back, only its extensions recorded by D."""
    tasks = []
    for task in grid():
        if not look_back:
            kept = tuple((at, old) for at, old in task.extensions if at.date() <= D)
            task = GridTask(**{**task.__dict__, "extensions": kept})
        tasks.append(task)
    task_rows, events = [], []
    for t in tasks:
        task_rows.append(
            {
                "id": t.id,
                "instruction_id": 2 if t.trashed else 1,
                "title": f"Việc {t.id}",
                "search_text": task_search_text(f"Việc {t.id}", None),
                "lead_unit_id": t.lead_unit_id,
                "assigned_on": t.assigned_on,
                "deadline": t.deadline,
                "status": t.status,
                "completed_on": t.completed_on,
            }
        )
        current = t.deadline
        for at, old in sorted(t.extensions):
            events.append(
                {
                    "task_id": t.id,
                    "at": at,
                    "kind": "deadline_changed",
                    "note": "gia hạn",
                    "old_deadline": old,
                    "new_deadline": current,
                }
            )
    # Other events recorded after D are not extensions: they never call for look-back.
    events.append({"task_id": 1, "at": moment(1, 9), "kind": "progress", "note": "đã làm"})
    db = Database.open(where)
    with db.transaction() as s:
        s.execute(insert(Unit), [{"id": i, "name": f"Đơn vị {i}"} for i in (1, 2, 3)])
        s.execute(
            insert(Conference),
            [
                {"id": 1, "title": "Hội nghị", "date": day(-30)},
                {"id": 2, "title": "Đã xóa", "date": day(-30), "deleted_at": moment(-2)},
            ],
        )
        s.execute(
            insert(Instruction),
            [{"id": i, "conference_id": i, "position": 0, "text": "Chỉ đạo"} for i in (1, 2)],
        )
        s.execute(insert(Task), task_rows)
        s.execute(insert(TaskEvent), events)
    return db, tasks


Graded = tuple[Database, list[GridTask], bool]


@pytest.fixture(scope="module", params=STORES)
def paths(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[Graded]]:
    """The grid on both paths: (database, its tasks, whether it needs look-back on D), on
    each store. Each test checks both paths, so that a fault on either path is found by
    the first test."""
    found: list[Graded] = []
    with ExitStack() as stores:
        for look_back in (False, True):
            where = stores.enter_context(
                new_store(request, request.param, tmp_path_factory.mktemp("grid"))
            )
            db, tasks = build(where, look_back)
            found.append((db, tasks, look_back))
        yield found
        for db, _tasks, _look_back in found:
            db.close()


def every_row(register: TaskRegister, size: int = 97) -> list[RegisterRow]:
    """The register's rows page after page, as the view scrolls."""
    rows: list[RegisterRow] = []
    while page := register.page(len(rows), size):
        rows.extend(page)
    return rows


def classes_of(tasks: list[GridTask]) -> dict[int, str]:
    found = {t.id: expected_class(t, D) for t in tasks}
    return {i: c for i, c in found.items() if c is not None}


def class_order(tasks: list[GridTask], wanted: dict[int, str]) -> list[int]:
    """Ids in the register's class order: class, then (current) deadline, then id."""
    deadline = {t.id: (t.deadline or dt.date.fromisoformat(NO_DEADLINE)) for t in tasks}
    return sorted(wanted, key=lambda i: (CLASS_ORDER.index(wanted[i]), deadline[i], i))


# --- the tests ------------------------------------------------------------------------------


def test_the_grid_covers_every_class_and_both_sides_of_each_boundary(
    paths: list[Graded],
) -> None:
    for _db, tasks, _look_back in paths:
        found = classes_of(tasks)
        assert set(found.values()) == set(CLASSES)
        assert {expected_due_soon(t, D) for t in tasks} == {True, False}
        assert len(found) < len(tasks)  # some do not exist yet on D


@pytest.mark.parametrize("shift", range(-2, 10))
def test_python_classifier(paths: list[Graded], shift: int) -> None:
    _db, tasks, _look_back = paths[-1]  # the grid with every extension
    as_of = day(shift)
    for task in tasks:
        if task.trashed:
            continue
        state = task.state()
        assert deadline_on(state, as_of) == in_force(task, as_of), task
        tracking = tracking_class(state, as_of)
        assert tracking == expected_class(task, as_of), task
        due = tracking is not None and is_due_soon(tracking, deadline_on(state, as_of), as_of)
        assert due == expected_due_soon(task, as_of), task


def test_class_expression_of_every_row(paths: list[Graded]) -> None:
    for db, tasks, look_back in paths:
        register = TaskRegister(db, TaskQuery(as_of=D, sort="id"))
        assert register.look_back == look_back
        rows = every_row(register)
        assert {r.id: r.tracking for r in rows} == classes_of(tasks)
        assert [r.id for r in rows] == sorted(classes_of(tasks))
        assert register.count() == len(rows)
        by_id = {t.id: t for t in tasks}
        for row in rows:
            task = by_id[row.id]
            assert row.deadline_in_force == in_force(task, D), task
            shown = display_class(row.tracking, row.deadline_in_force, D)
            assert (shown == DUE_SOON) == expected_due_soon(task, D), task
            late = (D - row.deadline_in_force).days if row.tracking == OVERDUE else 0
            assert row.days_overdue(D) == late


@pytest.mark.parametrize("shift", range(-1, 4))
def test_look_back_is_taken_exactly_when_an_extension_is_recorded_after_the_day(
    paths: list[Graded], shift: int
) -> None:
    for db, tasks, _look_back in paths:
        as_of = day(shift)
        register = TaskRegister(db, TaskQuery(as_of=as_of, sort="id"))
        assert register.look_back == any(at.date() > as_of for t in tasks for at, _ in t.extensions)
        expected = {t.id: expected_class(t, as_of) for t in tasks}
        assert {r.id: r.tracking for r in every_row(register, 1000)} == {
            i: c for i, c in expected.items() if c is not None
        }


@pytest.mark.parametrize("name", CLASSES)
def test_filter_of_each_class(paths: list[Graded], name: str) -> None:
    for db, tasks, _look_back in paths:
        expected = sorted(i for i, c in classes_of(tasks).items() if c == name)
        register = TaskRegister(db, TaskQuery(as_of=D, classes=frozenset({name}), sort="id"))
        assert [r.id for r in every_row(register)] == expected
        assert register.count() == len(expected)


@pytest.mark.parametrize("descending", [False, True], ids=["up", "down"])
@pytest.mark.parametrize("name", CLASSES)
def test_index_ranges_of_each_class(paths: list[Graded], name: str, descending: bool) -> None:
    for db, tasks, _look_back in paths:
        wanted = {i: c for i, c in classes_of(tasks).items() if c == name}
        expected = class_order(tasks, wanted)
        if descending:
            expected.reverse()
        query = TaskQuery(as_of=D, classes=frozenset({name}), descending=descending)
        register = TaskRegister(db, query)
        assert [r.id for r in every_row(register)] == expected
        assert register.count() == len(expected)
        # A page asked for out of turn is the same slice.
        assert [r.id for r in TaskRegister(db, query).page(40, 30)] == expected[40:70]


def test_class_order_of_all_tasks(paths: list[Graded]) -> None:
    for db, tasks, _look_back in paths:
        found = classes_of(tasks)
        register = TaskRegister(db, TaskQuery(as_of=D))
        assert [r.id for r in every_row(register, 211)] == class_order(tasks, found)
        two = frozenset({OVERDUE, DONE_ON_TIME})
        picked = {i: c for i, c in found.items() if c in two}
        register = TaskRegister(db, TaskQuery(as_of=D, classes=two))
        assert [r.id for r in every_row(register)] == class_order(tasks, picked)
        assert register.count() == len(picked)


def test_counts_by_class_and_lead_unit(paths: list[Graded]) -> None:
    for db, tasks, _look_back in paths:
        found = classes_of(tasks)
        by_unit: dict[int, dict[str, int]] = {}
        for task in tasks:
            if task.id in found:
                counts = by_unit.setdefault(task.lead_unit_id, dict.fromkeys(CLASSES, 0))
                counts[found[task.id]] += 1
        register = TaskRegister(db, TaskQuery(as_of=D))
        assert register.counts_by_lead_unit() == by_unit
        assert register.class_counts() == {c: list(found.values()).count(c) for c in CLASSES}
        for name in CLASSES:
            narrowed = TaskRegister(db, TaskQuery(as_of=D, classes=frozenset({name})))
            assert narrowed.class_counts() == {
                c: list(found.values()).count(c) if c == name else 0 for c in CLASSES
            }


@pytest.mark.parametrize("sort", ["class", "id"])
def test_due_soon(paths: list[Graded], sort: str) -> None:
    for db, tasks, _look_back in paths:
        assert DUE_SOON_DAYS == 7
        soon = {t.id: IN_PROGRESS for t in tasks if expected_due_soon(t, D)}
        expected = class_order(tasks, soon) if sort == "class" else sorted(soon)
        register = TaskRegister(db, only_due_soon(TaskQuery(as_of=D, sort=sort)))
        rows = every_row(register, 61)
        assert [r.id for r in rows] == expected
        assert register.count() == len(expected)
        assert register.class_counts() == {c: len(soon) if c == IN_PROGRESS else 0 for c in CLASSES}
        assert {display_class(r.tracking, r.deadline_in_force, D) for r in rows} == {DUE_SOON}


def test_tasks_report_and_task_commands(paths: list[Graded]) -> None:
    for db, tasks, _look_back in paths:
        found = classes_of(tasks)
        assert {r.id: r.tracking for r in classified_tasks(db, D)} == found
        overdue = classified_tasks(db, D, classes=[OVERDUE], unit="DON VI 2")
        by_id = {t.id: t for t in tasks}
        assert [r.id for r in overdue] == sorted(
            i for i, c in found.items() if c == OVERDUE and by_id[i].lead_unit_id == 2
        )
        report = period_report(db, day(-1), day(0), D)
        expected: dict[str, dict[str, int]] = {}
        for i, name in found.items():
            if day(-1) <= by_id[i].assigned_on <= day(0):
                counts = expected.setdefault(
                    f"Đơn vị {by_id[i].lead_unit_id}", dict.fromkeys(CLASSES)
                )
                counts[name] = (counts[name] or 0) + 1
        assert {u.unit: u.counts for u in report.units} == {
            unit: {c: n or 0 for c, n in counts.items()} for unit, counts in expected.items()
        }
        for task in tasks[:: len(tasks) // 40]:
            row = task_row(db, task.id, D)
            if task.trashed:
                assert row is None
            else:
                assert row is not None
                assert row.tracking == expected_class(task, max(D, task.assigned_on))


def test_on_time_rates(paths: list[Graded]) -> None:
    for db, tasks, _look_back in paths:
        done = [
            (t.completed_on, t.deadline)
            for t in tasks
            if t.status == "done" and not t.trashed and t.completed_on and t.completed_on <= D
        ]
        late = [c for c, deadline in done if deadline is not None and c > deadline]
        [rate] = on_time_rates(db, [("D", day(-1), D)])
        assert (rate.on_time, rate.late) == (len(done) - len(late), len(late))
