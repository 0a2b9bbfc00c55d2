"""Creating tasks from an instruction and acting on them, every action recorded and undoable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from minutes_app.core.exchange.importing import import_exchange
from minutes_app.core.exchange.reading import read_exchange
from minutes_app.core.tasks.actions import (
    NewTasks,
    TaskActionError,
    add_progress,
    cancel,
    complete,
    create_tasks,
    extend_deadline,
    preset_deadline,
    reopen,
    undo,
)
from minutes_app.core.tasks.rows import task_card
from minutes_app.db.engine import Database
from minutes_app.db.models import Instruction, Task, TaskEvent

TODAY = dt.date(2023, 3, 20)


@pytest.fixture
def db(store: str, example_json: Path) -> Iterator[Database]:
    database = Database.open(store)
    import_exchange(database, read_exchange(example_json.read_bytes()))
    yield database
    database.close()


def instruction_id(db: Database) -> int:
    with db.reading() as s:
        return s.scalars(select(Instruction.id).order_by(Instruction.position)).first() or 0


def task_state(db: Database, task_id: int) -> tuple[object, ...]:
    with db.reading() as s:
        t = s.get(Task, task_id)
        assert t is not None
        kinds = [e.kind for e in t.history]
        return (t.status, t.deadline, t.completed_on, t.result, kinds)


def open_task(db: Database) -> int:
    with db.reading() as s:
        return s.scalars(select(Task.id).where(Task.status == "in_progress")).one()


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("7d", dt.date(2023, 2, 24)),
        ("15d", dt.date(2023, 3, 4)),
        ("30d", dt.date(2023, 3, 19)),
        ("month", dt.date(2023, 2, 28)),
        ("quarter", dt.date(2023, 3, 31)),
        ("half", dt.date(2023, 6, 30)),
        ("year", dt.date(2023, 12, 31)),
        ("none", None),
    ],
)
def test_deadline_presets(preset: str, expected: dt.date | None) -> None:
    assert preset_deadline(preset, dt.date(2023, 2, 17)) == expected


def test_one_task_per_unit_gives_each_unit_its_own_task(db: Database) -> None:
    record = create_tasks(
        db,
        NewTasks(
            instruction_id=instruction_id(db),
            titles=("Xây dựng kế hoạch thực hiện",),
            lead_units=("Huyện ủy Ba Bể", "Thành ủy Bắc Kạn", "Huyện ủy Chợ Đồn"),
            support_units=("Ban Tổ chức Tỉnh ủy Bắc Kạn",),
            deadline=dt.date(2023, 3, 31),
            one_per_unit=True,
        ),
    )
    assert len(record.created_tasks) == 3
    with db.reading() as s:
        tasks = s.scalars(select(Task).where(Task.id.in_(record.created_tasks))).all()
        assert sorted(t.lead_unit.name for t in tasks) == [
            "Huyện ủy Ba Bể",
            "Huyện ủy Chợ Đồn",
            "Thành ủy Bắc Kạn",
        ]
        assert {tuple(s_.unit.name for s_ in t.supports) for t in tasks} == {
            ("Ban Tổ chức Tỉnh ủy Bắc Kạn",)
        }
        assert {t.assigned_on for t in tasks} == {dt.date(2023, 2, 17)}
        assert {tuple(e.kind for e in t.history) for t in tasks} == {("created",)}


def test_without_one_per_unit_the_first_unit_leads_and_the_rest_support(db: Database) -> None:
    record = create_tasks(
        db,
        NewTasks(
            instruction_id=instruction_id(db),
            titles=("Tổng hợp báo cáo",),
            lead_units=("Ban Tổ chức Tỉnh ủy Bắc Kạn", "Huyện ủy Ba Bể"),
        ),
    )
    [task_id] = record.created_tasks
    with db.reading() as s:
        task = s.get(Task, task_id)
        assert task is not None
        assert task.lead_unit.name == "Ban Tổ chức Tỉnh ủy Bắc Kạn"
        assert [x.unit.name for x in task.supports] == ["Huyện ủy Ba Bể"]
        assert task.deadline is None


def test_undo_of_creation_removes_the_tasks(db: Database) -> None:
    record = create_tasks(
        db,
        NewTasks(instruction_id=instruction_id(db), titles=("A",), lead_units=("Huyện ủy Ba Bể",)),
    )
    undo(db, record)
    with db.reading() as s:
        assert s.scalars(select(Task).where(Task.id.in_(record.created_tasks))).all() == []


def test_a_deadline_before_the_conference_is_refused(db: Database) -> None:
    with pytest.raises(TaskActionError) as error:
        create_tasks(
            db,
            NewTasks(
                instruction_id=instruction_id(db),
                titles=("A",),
                lead_units=("Huyện ủy Ba Bể",),
                deadline=dt.date(2023, 1, 1),
            ),
        )
    assert error.value.code == "before_assigned"


def test_extension_needs_a_reason_and_keeps_both_deadlines(db: Database) -> None:
    task_id = open_task(db)
    with pytest.raises(TaskActionError) as error:
        extend_deadline(db, [task_id], dt.date(2023, 4, 30), "  ")
    assert error.value.code == "required"
    extend_deadline(db, [task_id], dt.date(2023, 4, 30), "Chờ hướng dẫn")
    with db.reading() as s:
        event = s.scalars(
            select(TaskEvent).where(TaskEvent.task_id == task_id).order_by(TaskEvent.id.desc())
        ).first()
        assert event is not None
        assert (event.kind, event.note, event.old_deadline, event.new_deadline) == (
            "deadline_changed",
            "Chờ hướng dẫn",
            dt.date(2023, 3, 31),
            dt.date(2023, 4, 30),
        )


def test_extension_to_an_earlier_date_is_refused(db: Database) -> None:
    with pytest.raises(TaskActionError) as error:
        extend_deadline(db, [open_task(db)], dt.date(2023, 3, 1), "lý do")
    assert error.value.code == "not_later"


def test_complete_records_date_and_result_and_undo_restores(db: Database) -> None:
    task_id = open_task(db)
    before = task_state(db, task_id)
    record = complete(db, [task_id], dt.date(2023, 3, 18), "Báo cáo số 12-BC/HU", today=TODAY)
    assert task_state(db, task_id)[:4] == (
        "done",
        dt.date(2023, 3, 31),
        dt.date(2023, 3, 18),
        "Báo cáo số 12-BC/HU",
    )
    undo(db, record)
    assert task_state(db, task_id) == before


def test_completion_in_the_future_is_refused(db: Database) -> None:
    with pytest.raises(TaskActionError) as error:
        complete(db, [open_task(db)], TODAY + dt.timedelta(days=1), None, today=TODAY)
    assert error.value.code == "future"


def test_reopen_and_cancel_are_recorded(db: Database) -> None:
    task_id = open_task(db)
    cancel(db, [task_id], "Không còn phù hợp")
    assert task_state(db, task_id)[0] == "cancelled"
    reopen(db, [task_id])
    status, _, completed_on, _, kinds = task_state(db, task_id)
    assert (status, completed_on) == ("in_progress", None)
    assert kinds[-2:] == ["cancelled", "reopened"]


def test_an_action_on_several_tasks_is_all_or_nothing(db: Database) -> None:
    with db.reading() as s:
        ids = list(s.scalars(select(Task.id).order_by(Task.id)))
    before = [task_state(db, i) for i in ids]
    with pytest.raises(TaskActionError) as error:
        cancel(db, ids, "gộp nhiệm vụ")  # the first task is done: it cannot be cancelled
    assert error.value.code == "not_open"
    assert [task_state(db, i) for i in ids] == before


def test_progress_moves_an_open_task_to_in_progress(db: Database) -> None:
    with db.reading() as s:
        task_id = s.scalars(select(Task.id).where(Task.status == "open")).one()
    add_progress(db, [task_id], "Đã họp triển khai")
    assert task_state(db, task_id)[0] == "in_progress"


def test_the_history_gives_the_day_the_task_was_assigned_not_the_day_it_was_typed(
    db: Database,
) -> None:
    """A task of a 2023 conference typed in today: "assigned" stands on 17/02/2023."""
    record = create_tasks(
        db,
        NewTasks(
            instruction_id=instruction_id(db),
            titles=("Báo cáo kết quả quán triệt",),
            lead_units=("Huyện ủy Ba Bể",),
            assigned_on=dt.date(2023, 2, 20),
        ),
    )
    [task_id] = record.created_tasks
    add_progress(db, [task_id], "Đã quán triệt xong ở 12 chi bộ")

    card = task_card(db, task_id)

    assert card is not None
    created, progress = card.history
    assert (created.kind, created.day) == ("created", dt.date(2023, 2, 20))
    assert created.at.date() == dt.date.today()  # when it was typed in stays known
    assert (progress.kind, progress.day) == ("progress", progress.at.date())
