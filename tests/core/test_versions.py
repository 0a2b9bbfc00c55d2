"""Two copies of the program on one database: a write from a stale copy is refused, whole.

Each test has two readers ("A" and "B") act on the same records through two separate
Database objects on one database (an SQLite file, or a database on the server), as two
windows or a window and the command line do. The last tests race them: a writer who meets
another one in the middle of its write waits for it, then acts on what it wrote.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from minutes_app.core.conferences.forms import ConferenceForm, InstructionForm
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.merging import merge_forms
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.conferences.trash import move_to_trash, purge_from_trash, restore_from_trash
from minutes_app.core.tasks.actions import (
    NewTasks,
    TaskActionError,
    add_progress,
    cancel,
    complete,
    create_tasks,
    extend_deadline,
    reopen,
    undo,
)
from minutes_app.db import versions
from minutes_app.db.engine import Database
from minutes_app.db.models import Conference, Instruction, Task, TaskEvent, Unit
from minutes_app.db.versions import RecordGone, StaleRecord

DAY = dt.date(2024, 3, 1)


@pytest.fixture
def a(store: str) -> Iterator[Database]:
    db = Database.open(store)
    yield db
    db.close()


@pytest.fixture
def b(store: str, a: Database) -> Iterator[Database]:
    db = Database.open(store)  # a second copy of the program on the same database
    yield db
    db.close()


def conference_form(**changes: object) -> ConferenceForm:
    form = ConferenceForm(
        title="Hội nghị giao ban công tác tổ chức",
        date=DAY,
        instructions=(InstructionForm("Các huyện ủy báo cáo kết quả trước ngày 15/3."),),
    )
    return dataclasses.replace(form, **changes)  # type: ignore[arg-type]


@pytest.fixture
def conference_id(a: Database) -> int:
    return save_conference(a, conference_form(), by="Lan")


def instruction_id(db: Database, conference_id: int, position: int = 0) -> int:
    form = load_conference(db, conference_id)
    found = form.instructions[position].id
    assert found is not None
    return found


def one_task(db: Database, conference_id: int, by: str = "Lan") -> int:
    record = create_tasks(
        db,
        NewTasks(
            instruction_id(db, conference_id),
            ("Báo cáo kết quả",),
            ("Huyện ủy Ba Bể",),
            deadline=dt.date(2024, 3, 15),
        ),
        by=by,
    )
    return record.created_tasks[0]


def stored_task(db: Database, task_id: int) -> Task:
    with db.reading() as session:
        task = session.get(Task, task_id)
        assert task is not None
        session.expunge(task)
        return task


def events(db: Database, task_id: int) -> list[tuple[str, str | None, str | None]]:
    with db.reading() as session:
        rows = session.execute(
            select(TaskEvent.kind, TaskEvent.note, TaskEvent.by)
            .where(TaskEvent.task_id == task_id)
            .order_by(TaskEvent.id)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def count(db: Database, model: type) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


# --- conferences ----------------------------------------------------------------------


def test_every_save_grows_the_version_by_one_and_records_who(
    a: Database, conference_id: int
) -> None:
    first = load_conference(a, conference_id)
    assert first.version == 1

    save_conference(a, dataclasses.replace(first, notes="Ghi chú"), by="Hùng")

    second = load_conference(a, conference_id)
    assert second.version == 2
    with a.reading() as session:
        stored = session.get(Conference, conference_id)
        assert stored is not None and stored.updated_by == "Hùng"


def test_a_stale_save_is_refused_and_the_other_copys_title_stays(
    a: Database, b: Database, conference_id: int
) -> None:
    seen_by_a = load_conference(a, conference_id)
    seen_by_b = load_conference(b, conference_id)
    save_conference(a, dataclasses.replace(seen_by_a, title="Tên mới do A sửa"), by="An")

    with pytest.raises(StaleRecord) as refused:
        save_conference(b, dataclasses.replace(seen_by_b, notes="B ghi chú"), by="Bình")

    assert refused.value.entity == "conference"
    assert refused.value.by == "An"
    assert refused.value.at is not None
    assert (refused.value.read, refused.value.current) == (1, 2)
    now = load_conference(a, conference_id)
    assert now.title == "Tên mới do A sửa"
    assert now.notes is None


def test_a_stale_save_does_not_remove_the_instruction_and_task_another_copy_added(
    a: Database, b: Database, conference_id: int
) -> None:
    seen_by_b = load_conference(b, conference_id)
    seen_by_a = load_conference(a, conference_id)
    added = (*seen_by_a.instructions, InstructionForm("Ban Tổ chức theo dõi, đôn đốc."))
    save_conference(a, dataclasses.replace(seen_by_a, instructions=added), by="An")
    task_id = create_tasks(
        a,
        NewTasks(instruction_id(a, conference_id, 1), ("Đôn đốc",), ("Ban Tổ chức",)),
        by="An",
    ).created_tasks[0]

    with pytest.raises(StaleRecord):
        save_conference(b, dataclasses.replace(seen_by_b, notes="B"), by="Bình")

    assert len(load_conference(a, conference_id).instructions) == 2
    assert stored_task(a, task_id).title == "Đôn đốc"


def test_removing_an_instruction_whose_tasks_changed_since_it_was_read_is_refused(
    a: Database, b: Database, conference_id: int
) -> None:
    seen_by_b = load_conference(b, conference_id)
    task_id = one_task(a, conference_id, by="An")  # the conference's own version stays

    with pytest.raises(StaleRecord) as refused:
        save_conference(b, dataclasses.replace(seen_by_b, instructions=()), by="Bình")

    assert refused.value.entity == "instruction"
    assert refused.value.by == "An"
    assert stored_task(a, task_id).title == "Báo cáo kết quả"
    assert count(a, Instruction) == 1


def test_removing_an_instruction_after_progress_on_its_task_is_refused(
    a: Database, b: Database, conference_id: int
) -> None:
    task_id = one_task(a, conference_id)
    seen_by_b = load_conference(b, conference_id)
    add_progress(a, [task_id], "Đã có báo cáo sơ bộ", by="An")

    with pytest.raises(StaleRecord):
        save_conference(b, dataclasses.replace(seen_by_b, instructions=()), by="Bình")

    assert events(a, task_id)[-1] == ("progress", "Đã có báo cáo sơ bộ", "An")


def test_removing_an_instruction_as_read_deletes_it_with_its_tasks(
    a: Database, conference_id: int
) -> None:
    one_task(a, conference_id)
    seen = load_conference(a, conference_id)

    save_conference(a, dataclasses.replace(seen, instructions=()), by="An")

    assert count(a, Instruction) == 0
    assert count(a, Task) == 0


def test_a_kept_instruction_keeps_tasks_created_since_the_form_was_read(
    a: Database, b: Database, conference_id: int
) -> None:
    seen_by_b = load_conference(b, conference_id)
    task_id = one_task(a, conference_id)

    save_conference(b, dataclasses.replace(seen_by_b, notes="B ghi chú"), by="Bình")

    assert stored_task(a, task_id).title == "Báo cáo kết quả"


def test_saving_a_conference_deleted_by_another_copy_says_so(
    a: Database, b: Database, conference_id: int
) -> None:
    seen_by_b = load_conference(b, conference_id)
    move_to_trash(a, [conference_id], by="An")

    with pytest.raises(RecordGone) as in_trash:
        save_conference(b, dataclasses.replace(seen_by_b, notes="B"), by="Bình")
    assert in_trash.value.trashed

    purge_from_trash(a, [conference_id])
    with pytest.raises(RecordGone) as gone:
        save_conference(b, dataclasses.replace(seen_by_b, notes="B"), by="Bình")
    assert not gone.value.trashed
    assert count(a, Conference) == 0


def test_merge_takes_each_side_s_changes_and_keeps_mine_where_both_changed(
    a: Database, conference_id: int
) -> None:
    base = load_conference(a, conference_id)
    mine = dataclasses.replace(base, notes="ghi chú của B", organizer="Ban Tổ chức Tỉnh ủy")
    theirs = dataclasses.replace(base, title="Tên A sửa", organizer="Văn phòng Tỉnh ủy")
    theirs = dataclasses.replace(theirs, version=2)

    merged = merge_forms(base, mine, theirs)

    assert merged.form.title == "Tên A sửa"
    assert merged.form.notes == "ghi chú của B"
    assert merged.form.organizer == "Ban Tổ chức Tỉnh ủy"
    assert merged.conflicts == ("organizer",)
    assert set(merged.theirs_changed) == {"title", "organizer"}
    assert merged.form.version == 2


def test_a_merged_form_saves_both_copies_changes(
    a: Database, b: Database, conference_id: int
) -> None:
    base = load_conference(b, conference_id)
    save_conference(a, dataclasses.replace(base, title="Tên A sửa"), by="An")
    mine = dataclasses.replace(base, notes="B ghi chú")
    with pytest.raises(StaleRecord):
        save_conference(b, mine, by="Bình")

    merged = merge_forms(base, mine, load_conference(b, conference_id))
    save_conference(b, merged.form, by="Bình")

    now = load_conference(a, conference_id)
    assert (now.title, now.notes, now.version) == ("Tên A sửa", "B ghi chú", 3)


def test_trash_undo_is_refused_when_the_conference_changed_meanwhile(
    a: Database, b: Database, conference_id: int
) -> None:
    after_trash = move_to_trash(a, [conference_id], by="An")
    restore_from_trash(b, [conference_id], by="Bình")  # B restores it from its trash

    with pytest.raises(StaleRecord):
        restore_from_trash(a, [conference_id], by="An", read=after_trash)

    after_restore = restore_from_trash(a, [conference_id], by="An", read=None)
    assert after_restore[conference_id] == after_trash[conference_id] + 2


# --- tasks ----------------------------------------------------------------------------


@pytest.fixture
def task_id(a: Database, conference_id: int) -> int:
    return one_task(a, conference_id)


ACTIONS = {
    "progress": lambda db, ids, read: add_progress(db, ids, "Tiến độ", by="Bình", read=read),
    "extend": lambda db, ids, read: extend_deadline(
        db, ids, dt.date(2024, 4, 30), "Chờ số liệu", by="Bình", read=read
    ),
    "complete": lambda db, ids, read: complete(
        db, ids, dt.date(2024, 3, 10), "Báo cáo số 1", by="Bình", read=read
    ),
    "cancel": lambda db, ids, read: cancel(db, ids, "Không còn cần", by="Bình", read=read),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_every_task_action_grows_the_version_by_one_and_records_who(
    a: Database, task_id: int, action: str
) -> None:
    record = ACTIONS[action](a, [task_id], {task_id: 1})

    task = stored_task(a, task_id)
    assert task.version == 2
    assert record.versions() == {task_id: 2}
    assert task.updated_by == "Bình"
    assert events(a, task_id)[-1][2] == "Bình"


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_task_action_from_a_stale_read_is_refused_and_writes_nothing(
    a: Database, b: Database, task_id: int, action: str
) -> None:
    read_by_b = {task_id: stored_task(b, task_id).version}
    add_progress(a, [task_id], "A cập nhật", by="An")
    before = (stored_task(a, task_id).status, stored_task(a, task_id).deadline)
    history = events(a, task_id)

    with pytest.raises(StaleRecord) as refused:
        ACTIONS[action](b, [task_id], read_by_b)

    assert (refused.value.entity, refused.value.by) == ("task", "An")
    assert (stored_task(a, task_id).status, stored_task(a, task_id).deadline) == before
    assert events(a, task_id) == history


def test_reopen_checks_the_version_too(a: Database, task_id: int) -> None:
    complete(a, [task_id], dt.date(2024, 3, 10), None, by="An")
    with pytest.raises(StaleRecord):
        reopen(a, [task_id], "Làm lại", by="Bình", read={task_id: 1})
    reopen(a, [task_id], "Làm lại", by="Bình", read={task_id: 2})
    assert stored_task(a, task_id).status == "in_progress"


def test_one_stale_task_of_several_refuses_the_whole_action(
    a: Database, conference_id: int
) -> None:
    first, second = one_task(a, conference_id), one_task(a, conference_id)
    add_progress(a, [second], "A cập nhật", by="An")

    with pytest.raises(StaleRecord):
        cancel(a, [first, second], "Hủy", by="Bình", read={first: 1, second: 1})

    assert stored_task(a, first).status == "open"
    assert stored_task(a, first).version == 1


def test_acting_on_a_task_deleted_or_trashed_by_another_copy_says_so(
    a: Database, b: Database, conference_id: int, task_id: int
) -> None:
    move_to_trash(a, [conference_id], by="An")
    with pytest.raises(RecordGone) as trashed:
        add_progress(b, [task_id], "B", by="Bình")
    assert (trashed.value.entity, trashed.value.trashed) == ("task", True)

    purge_from_trash(a, [conference_id])
    with pytest.raises(RecordGone) as gone:
        add_progress(b, [task_id], "B", by="Bình")
    assert (gone.value.record_id, gone.value.trashed) == (task_id, False)


def test_creating_tasks_on_an_instruction_removed_by_another_copy_says_so(
    a: Database, conference_id: int
) -> None:
    removed = instruction_id(a, conference_id)
    save_conference(a, dataclasses.replace(load_conference(a, conference_id), instructions=()))

    with pytest.raises(RecordGone):
        create_tasks(a, NewTasks(removed, ("Việc",), ("Ban Tổ chức",)))


# --- undo -----------------------------------------------------------------------------


def test_undo_of_an_extension_is_refused_after_another_copy_extended_again(
    a: Database, b: Database, task_id: int
) -> None:
    mine = extend_deadline(a, [task_id], dt.date(2024, 3, 31), "Chờ số liệu", by="An")
    extend_deadline(b, [task_id], dt.date(2024, 4, 30), "Chờ họp", by="Bình")

    with pytest.raises(StaleRecord) as refused:
        undo(a, mine, by="An")

    assert refused.value.by == "Bình"
    task = stored_task(a, task_id)
    assert task.deadline == dt.date(2024, 4, 30)
    assert [e[0] for e in events(a, task_id)] == ["created", "deadline_changed"] * 1 + [
        "deadline_changed"
    ]


def test_undo_of_a_creation_is_refused_after_another_copy_completed_the_task(
    a: Database, b: Database, conference_id: int
) -> None:
    record = create_tasks(
        a, NewTasks(instruction_id(a, conference_id), ("Việc",), ("Ban Tổ chức",)), by="An"
    )
    [task_id] = record.created_tasks
    complete(b, [task_id], dt.date(2024, 3, 5), "Xong", by="Bình")

    with pytest.raises(StaleRecord):
        undo(a, record, by="An")

    assert stored_task(a, task_id).status == "done"
    assert [e[0] for e in events(a, task_id)] == ["created", "completed"]


def test_undo_then_redo_applies_while_nobody_else_acted(a: Database, task_id: int) -> None:
    record = extend_deadline(a, [task_id], dt.date(2024, 3, 31), "Chờ", by="An")

    versions = undo(a, record, by="An")

    assert stored_task(a, task_id).deadline == dt.date(2024, 3, 15)
    assert versions == {task_id: 3}
    again = extend_deadline(a, [task_id], dt.date(2024, 3, 31), "Chờ", by="An", read=versions)
    assert again.versions() == {task_id: 4}


def test_redo_after_an_undo_is_refused_when_another_copy_acted_in_between(
    a: Database, b: Database, task_id: int
) -> None:
    record = add_progress(a, [task_id], "A", by="An")
    versions = undo(a, record, by="An")
    add_progress(b, [task_id], "B", by="Bình")

    with pytest.raises(StaleRecord):
        add_progress(a, [task_id], "A", by="An", read=versions)


def test_undo_of_a_creation_deletes_the_tasks_while_untouched(
    a: Database, conference_id: int
) -> None:
    record = create_tasks(
        a, NewTasks(instruction_id(a, conference_id), ("Việc",), ("Ban Tổ chức",)), by="An"
    )

    assert undo(a, record, by="An") == {}
    assert count(a, Task) == 0


def test_a_second_note_in_the_same_second_by_the_same_clerk_still_grows_the_version(
    a: Database, task_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import minutes_app.core.tasks.actions as task_actions

    same = dt.datetime(2024, 3, 2, 9, 0, 0)
    monkeypatch.setattr(task_actions, "_now", lambda: same)
    add_progress(a, [task_id], "Một", by="An")  # open → in progress: the status changes
    first = stored_task(a, task_id).version

    add_progress(a, [task_id], "Hai", by="An")  # nothing but the history changes

    assert stored_task(a, task_id).version == first + 1


@pytest.mark.parametrize("action", ["progress", "cancel"])
def test_a_note_longer_than_the_importer_takes_is_refused(
    a: Database, task_id: int, action: str
) -> None:
    from minutes_app.base.limits import MAX_TEXT
    from minutes_app.core.tasks.actions import TaskActionError

    note = "x" * (MAX_TEXT + 1)
    run = add_progress if action == "progress" else cancel

    with pytest.raises(TaskActionError) as refused:
        run(a, [task_id], note, by="An")
    run(a, [task_id], note[:MAX_TEXT], by="An")  # at the limit it is taken

    assert refused.value.code == "too_long"
    assert events(a, task_id)[-1][1] == note[:MAX_TEXT]


# --- writers that race ----------------------------------------------------------------


def meets_another_writer(
    other: Database, change: Callable[[Session], object]
) -> Callable[[Callable[[], object]], object]:
    """A runner of ``act`` that meets another copy of the program (``other``) in the middle
    of its write (``change``, flushed, its transaction held open): ``act`` must wait for
    the other's commit; what it returned, or the exception it raised, is given."""

    def run(act: Callable[[], object]) -> object:
        outcome: list[object] = []

        def acting() -> None:
            try:
                outcome.append(act())
            except Exception as exc:
                outcome.append(exc)

        with other.transaction() as session:
            change(session)
            session.flush()
            thread = threading.Thread(target=acting)
            thread.start()
            thread.join(1.0)
            assert thread.is_alive(), "a writer must wait for the other one's write"
        thread.join(20)
        assert len(outcome) == 1
        return outcome[0]

    return run


def changes(model: type[Any], record_id: int, **values: object) -> Callable[[Session], None]:
    """A change of one record, as the program makes it (its version grows)."""

    def change(session: Session) -> None:
        record = session.get(model, record_id)
        assert record is not None
        for name, value in values.items():
            setattr(record, name, value)
        versions.touch(record, "khác")

    return change


def test_a_task_action_that_read_no_version_waits_and_applies_after_the_other_writer(
    a: Database, b: Database, task_id: int
) -> None:
    other = meets_another_writer(b, changes(Task, task_id))

    outcome = other(lambda: add_progress(a, [task_id], "Tiến độ", by="Bình"))

    assert not isinstance(outcome, Exception), outcome
    task = stored_task(a, task_id)
    assert (task.status, task.version, task.updated_by) == ("in_progress", 3, "Bình")
    assert events(a, task_id)[-1] == ("progress", "Tiến độ", "Bình")


def test_a_task_action_that_read_an_older_version_waits_and_is_refused(
    a: Database, b: Database, task_id: int
) -> None:
    other = meets_another_writer(b, changes(Task, task_id))

    outcome = other(lambda: add_progress(a, [task_id], "Tiến độ", by="Bình", read={task_id: 1}))

    assert isinstance(outcome, StaleRecord) and outcome.by == "khác"
    assert (stored_task(a, task_id).status, stored_task(a, task_id).version) == ("open", 2)


def test_a_cancel_after_another_writer_cancelled_is_told_the_task_is_no_longer_open(
    a: Database, b: Database, task_id: int
) -> None:
    other = meets_another_writer(b, changes(Task, task_id, status="cancelled"))

    outcome = other(lambda: cancel(a, [task_id], "Không còn cần", by="Bình"))

    assert isinstance(outcome, TaskActionError) and outcome.code == "not_open"
    assert [e[0] for e in events(a, task_id)] == ["created"]


def test_tasks_created_while_another_writer_changes_their_instruction_are_created(
    a: Database, b: Database, conference_id: int
) -> None:
    instruction = instruction_id(a, conference_id)
    other = meets_another_writer(b, changes(Instruction, instruction))

    outcome = other(
        lambda: create_tasks(a, NewTasks(instruction, ("Việc",), ("Ban Tổ chức",)), by="Bình")
    )

    assert not isinstance(outcome, Exception), outcome
    assert count(a, Task) == 1
    with a.reading() as session:
        stored = session.get(Instruction, instruction)
        assert stored is not None and (stored.version, stored.updated_by) == (3, "Bình")


def test_a_conference_trashed_while_another_writer_changes_it_goes_to_the_trash(
    a: Database, b: Database, conference_id: int
) -> None:
    other = meets_another_writer(b, changes(Conference, conference_id, notes="khác"))

    outcome = other(lambda: move_to_trash(a, [conference_id], by="Bình"))

    assert outcome == {conference_id: 3}
    with a.reading() as session:
        stored = session.get(Conference, conference_id)
        assert stored is not None and stored.deleted_at is not None and stored.notes == "khác"


def test_a_save_that_changes_an_instruction_another_writer_is_changing_waits_and_saves(
    a: Database, b: Database, conference_id: int
) -> None:
    seen = load_conference(a, conference_id)
    changed = (dataclasses.replace(seen.instructions[0], text="Báo cáo trước ngày 20/3."),)
    instruction = instruction_id(a, conference_id)
    other = meets_another_writer(b, changes(Instruction, instruction))

    outcome = other(
        lambda: save_conference(a, dataclasses.replace(seen, instructions=changed), by="Bình")
    )

    assert outcome == conference_id
    assert load_conference(a, conference_id).instructions[0].text == "Báo cáo trước ngày 20/3."
    with a.reading() as session:
        stored = session.get(Instruction, instruction)
        assert stored is not None and (stored.version, stored.updated_by) == (3, "Bình")


def test_tasks_for_a_unit_another_writer_is_adding_are_given_to_that_unit(
    a: Database, b: Database, conference_id: int
) -> None:
    instruction = instruction_id(a, conference_id)
    other = meets_another_writer(b, lambda session: session.add(Unit(name="Ban Tuyên giáo")))

    outcome = other(
        lambda: create_tasks(a, NewTasks(instruction, ("Việc",), ("Ban Tuyên giáo",)), by="Bình")
    )

    assert not isinstance(outcome, Exception), outcome
    with a.reading() as session:
        leads = session.scalars(select(Task.lead_unit_id)).all()
        units = session.scalars(select(Unit.id).where(Unit.name == "Ban Tuyên giáo")).all()
    assert leads == units
