"""Tracking classes as of a day, including every look-back rule of FORMAT.md: the Python
classifier, and the register's SQL form of the rule on each store against it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert

from minutes_app.core.tasks.query import TaskQuery, TaskRegister
from minutes_app.core.tasks.tracking import (
    CANCELLED,
    CLASSES,
    DONE_LATE,
    DONE_ON_TIME,
    IN_PROGRESS,
    ONGOING,
    OVERDUE,
    Extension,
    TaskState,
    count_classes,
    deadline_on,
    on_time_rate,
    tracking_class,
)
from minutes_app.db.engine import Database
from minutes_app.db.models import Conference, Instruction, Task, TaskEvent, Unit
from tests.stores import STORES, new_store

D = dt.date(2023, 3, 31)
days = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))
statuses = st.sampled_from(["open", "in_progress", "done", "cancelled"])


@st.composite
def tasks(draw: st.DrawFn) -> TaskState:
    assigned = draw(days)
    deadline = draw(st.one_of(st.none(), days.filter(lambda d: d >= assigned)))
    status = draw(statuses)
    completed = draw(days.filter(lambda d: d >= assigned)) if status == "done" else None
    extensions: list[Extension] = []
    current = deadline
    if deadline is not None:
        for _ in range(draw(st.integers(0, 3))):
            new = draw(days.filter(lambda d, c=current: d > c))  # type: ignore[misc]
            recorded = draw(days.filter(lambda d: d >= assigned))
            extensions.append(Extension(recorded, current, new))
            current = new
    extensions.sort(key=lambda e: e.recorded_on)
    return TaskState(status, assigned, current, completed, tuple(extensions))


def task(**changes: object) -> TaskState:
    base: dict[str, object] = {
        "status": "open",
        "assigned_on": dt.date(2023, 2, 17),
        "deadline": dt.date(2023, 3, 15),
        "completed_on": None,
        "extensions": (),
    }
    base.update(changes)
    return TaskState(**base)  # type: ignore[arg-type]


def test_open_task_past_its_deadline_is_overdue() -> None:
    assert tracking_class(task(), D) == OVERDUE


def test_deadline_equal_to_the_day_is_still_in_progress() -> None:
    assert tracking_class(task(deadline=D), D) == IN_PROGRESS
    assert tracking_class(task(deadline=D), D + dt.timedelta(days=1)) == OVERDUE


def test_task_without_deadline_is_ongoing() -> None:
    assert tracking_class(task(deadline=None, status="in_progress"), D) == ONGOING


def test_done_by_the_deadline_is_on_time_and_after_it_is_late() -> None:
    assert tracking_class(task(status="done", completed_on=dt.date(2023, 3, 15)), D) == DONE_ON_TIME
    assert tracking_class(task(status="done", completed_on=dt.date(2023, 3, 16)), D) == DONE_LATE


def test_done_without_deadline_is_on_time() -> None:
    done = task(status="done", deadline=None, completed_on=dt.date(2023, 3, 1))
    assert tracking_class(done, D) == DONE_ON_TIME


def test_cancelled_is_cancelled() -> None:
    assert tracking_class(task(status="cancelled"), D) == CANCELLED


def test_task_assigned_after_the_day_does_not_exist_yet() -> None:
    assert tracking_class(task(assigned_on=D + dt.timedelta(days=1), deadline=None), D) is None


def test_task_completed_after_the_day_was_not_done_on_it() -> None:
    done_later = task(
        status="done", completed_on=dt.date(2023, 4, 2), deadline=dt.date(2023, 4, 30)
    )
    assert tracking_class(done_later, D) == IN_PROGRESS
    done_late_later = task(status="done", completed_on=dt.date(2023, 4, 2))
    assert tracking_class(done_late_later, D) == OVERDUE


def test_extension_recorded_after_the_day_has_not_happened_on_it() -> None:
    extended = task(
        deadline=dt.date(2023, 4, 30),
        extensions=(Extension(dt.date(2023, 4, 5), dt.date(2023, 3, 15), dt.date(2023, 4, 30)),),
    )
    assert deadline_on(extended, D) == dt.date(2023, 3, 15)
    assert tracking_class(extended, D) == OVERDUE
    assert tracking_class(extended, dt.date(2023, 4, 5)) == IN_PROGRESS


def test_extension_recorded_on_the_day_counts() -> None:
    extended = task(
        deadline=dt.date(2023, 4, 30),
        extensions=(Extension(D, dt.date(2023, 3, 15), dt.date(2023, 4, 30)),),
    )
    assert tracking_class(extended, D) == IN_PROGRESS


def test_two_extensions_after_the_day_leave_the_first_deadline() -> None:
    twice = task(
        deadline=dt.date(2023, 6, 30),
        extensions=(
            Extension(dt.date(2023, 4, 10), dt.date(2023, 3, 15), dt.date(2023, 5, 31)),
            Extension(dt.date(2023, 5, 20), dt.date(2023, 5, 31), dt.date(2023, 6, 30)),
        ),
    )
    assert deadline_on(twice, D) == dt.date(2023, 3, 15)
    assert deadline_on(twice, dt.date(2023, 4, 30)) == dt.date(2023, 5, 31)
    assert deadline_on(twice, dt.date(2023, 5, 20)) == dt.date(2023, 6, 30)


@given(tasks(), days)
def test_every_existing_task_has_exactly_one_class(state: TaskState, day: dt.date) -> None:
    found = tracking_class(state, day)
    if state.assigned_on > day:
        assert found is None
    else:
        assert found in CLASSES


@given(tasks(), days)
def test_look_back_ignores_everything_recorded_after_the_day(
    state: TaskState, day: dt.date
) -> None:
    # The class on D depends only on what had happened by D: rebuild the task as it stood.
    in_force = deadline_on(state, day)
    completed = state.completed_on if state.completed_on and state.completed_on <= day else None
    as_it_stood = TaskState(
        status=state.status if state.status == "cancelled" or completed else "open",
        assigned_on=state.assigned_on,
        deadline=in_force,
        completed_on=completed,
        extensions=tuple(e for e in state.extensions if e.recorded_on <= day),
    )
    assert tracking_class(state, day) == tracking_class(as_it_stood, day)


@given(tasks(), days)
def test_open_task_class_follows_the_deadline_in_force(state: TaskState, day: dt.date) -> None:
    if state.status not in ("open", "in_progress") or state.assigned_on > day:
        return
    in_force = deadline_on(state, day)
    expected = ONGOING if in_force is None else (IN_PROGRESS if in_force >= day else OVERDUE)
    assert tracking_class(state, day) == expected


@given(tasks())
def test_a_finished_task_reads_the_same_on_every_later_day(state: TaskState) -> None:
    if state.status != "done" or state.completed_on is None:
        return
    last = max([state.completed_on, *(e.recorded_on for e in state.extensions)])
    first = tracking_class(state, last)
    assert first in (DONE_ON_TIME, DONE_LATE)
    assert tracking_class(state, last + dt.timedelta(days=400)) == first


def test_counts_and_on_time_rate() -> None:
    counts = count_classes([DONE_ON_TIME, DONE_ON_TIME, DONE_LATE, OVERDUE, None])
    assert counts == {
        DONE_ON_TIME: 2,
        DONE_LATE: 1,
        IN_PROGRESS: 0,
        OVERDUE: 1,
        ONGOING: 0,
        CANCELLED: 0,
    }
    assert on_time_rate(counts) == 2 / 3
    assert on_time_rate(count_classes([OVERDUE])) is None


# --- the SQL form of the rule, on each store ----------------------------------------------


@pytest.fixture(scope="module", params=STORES)
def rule_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """A database with one unit and one instruction, for tasks written by each example."""
    with new_store(request, request.param, tmp_path_factory.mktemp("rule")) as where:
        db = Database.open(where)
        with db.transaction() as s:
            s.execute(insert(Unit), [{"id": 1, "name": "Ban Tổ chức"}])
            s.execute(insert(Conference), [{"id": 1, "title": "Hội nghị", "date": D}])
            s.execute(
                insert(Instruction), [{"id": 1, "conference_id": 1, "position": 0, "text": "x"}]
            )
        yield db
        db.close()


def _stored(db: Database, states: list[TaskState]) -> None:
    """``states`` as the only tasks of ``db`` (ids 1, 2, …), their extensions recorded in
    their order, each on its day."""
    rows, events = [], []
    for task_id, state in enumerate(states, start=1):
        rows.append(
            {
                "id": task_id,
                "instruction_id": 1,
                "title": f"Việc {task_id}",
                "search_text": f"viec {task_id}",
                "lead_unit_id": 1,
                "assigned_on": state.assigned_on,
                "deadline": state.deadline,
                "status": state.status,
                "completed_on": state.completed_on,
            }
        )
        for n, e in enumerate(state.extensions):
            at = dt.datetime.combine(e.recorded_on, dt.time(9)) + dt.timedelta(seconds=n)
            events.append(
                {
                    "task_id": task_id,
                    "at": at,
                    "kind": "deadline_changed",
                    "note": "gia hạn",
                    "old_deadline": e.old_deadline,
                    "new_deadline": e.new_deadline,
                }
            )
    with db.transaction() as s:
        s.execute(delete(TaskEvent))
        s.execute(delete(Task))
        s.execute(insert(Task), rows)
        if events:
            s.execute(insert(TaskEvent), events)


WINDOW = dt.date(2023, 3, 1)


@st.composite
def close_tasks(draw: st.DrawFn) -> TaskState:
    """A task as ``tasks`` draws it, its days within weeks of each other: a day asked about
    then often meets one of them, or the day before or after."""

    def later(day: dt.date, most: int) -> dt.date:
        return day + dt.timedelta(days=draw(st.integers(0, most)))

    assigned = later(WINDOW, 30)
    deadline = later(assigned, 30) if draw(st.booleans()) else None
    status = draw(statuses)
    completed = later(assigned, 40) if status == "done" else None
    extensions: list[Extension] = []
    current = deadline
    if current is not None:
        for _ in range(draw(st.integers(0, 3))):
            new = later(current + dt.timedelta(days=1), 20)
            extensions.append(Extension(later(assigned, 50), current, new))
            current = new
    extensions.sort(key=lambda e: e.recorded_on)
    return TaskState(status, assigned, current, completed, tuple(extensions))


def _edges(states: list[TaskState]) -> list[dt.date]:
    """The days around which a class changes: each day of the tasks, and those beside it."""
    found = set()
    for state in states:
        marks = [state.assigned_on, state.deadline, state.completed_on]
        marks += [d for e in state.extensions for d in (e.recorded_on, e.old_deadline)]
        for mark in marks:
            if mark is not None:
                found |= {mark + dt.timedelta(days=n) for n in (-1, 0, 1)}
    return sorted(found)


@settings(max_examples=40, deadline=None)
@given(st.lists(close_tasks(), min_size=1, max_size=12), st.data())
def test_the_registers_sql_gives_every_task_the_class_of_the_python_rule(
    rule_db: Database, states: list[TaskState], data: st.DataObject
) -> None:
    day = data.draw(st.sampled_from(_edges(states)), label="day")
    _stored(rule_db, states)
    expected = {
        task_id: (tracking_class(state, day), deadline_on(state, day))
        for task_id, state in enumerate(states, start=1)
        if tracking_class(state, day) is not None
    }

    register = TaskRegister(rule_db, TaskQuery(as_of=day, sort="id"))
    rows = register.page(0, len(states))

    assert {r.id: (r.tracking, r.deadline_in_force) for r in rows} == expected
    assert register.class_counts() == count_classes(c for c, _ in expected.values())
