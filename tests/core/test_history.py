"""The change log on both stores: every change of a record, field by field, with who made
it; the two forms (SQLite's triggers, PostgreSQL's) give the same history for the same
changes; the sign-off makes a conference read-only until reopened with a reason."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.conferences.sign_off import ReasonNeeded, SignedOff, reopen, sign_off
from minutes_app.core.conferences.trash import (
    move_to_trash,
    purge_from_trash,
    restore_from_trash,
)
from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.history import Filter, NothingToShow, history
from minutes_app.core.tasks import actions
from minutes_app.db.engine import Database
from minutes_app.db.versions import StaleRecord
from tests.stores import STORES, new_store, on_server

_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")


def _open(store: str, user: str = "Nguyễn Thị Thu") -> Database:
    db = Database.open(store)
    if not on_server(store):
        db.user = user
    return db


def _first_task(db: Database, status: str = "in_progress") -> tuple[int, int]:
    from sqlalchemy import select

    from minutes_app.db.models import Task

    with db.reading() as session:
        task = session.scalars(
            select(Task).where(Task.status == status, Task.deadline.is_not(None)).order_by(Task.id)
        ).first()
        assert task is not None
        return task.id, task.version


def _script(db: Database) -> dict[str, Any]:
    """The same changes on any store; returns the ids it acted on."""
    load_samples(db)
    task, version = _first_task(db)
    by = db.user
    actions.add_progress(db, [task], "Đã họp triển khai", by=by, read={task: version})
    version += 1
    actions.extend_deadline(db, [task], dt.date(2027, 1, 31), "Chờ hướng dẫn", by=by)
    actions.complete(db, [task], dt.date(2026, 11, 20), "Xong", by=by)
    conference = load_conference(db, 1)
    save_conference(db, replace(conference, title=conference.title + " (bổ sung)"), by=by)
    move_to_trash(db, [2], by=by)
    restore_from_trash(db, [2], by=by)
    move_to_trash(db, [3], by=by)
    purge_from_trash(db, [3])
    return {"task": task, "conference": 1}


def _plain(entries: list[Any]) -> list[tuple[Any, ...]]:
    """Entries without what differs by store by nature: when, and the user's name."""

    def value(v: object) -> object:
        return "<time>" if isinstance(v, str) and _TIME.match(v) else v

    return [
        (
            e.action,
            e.entity,
            e.record_id,
            e.label,
            {k: [value(x) for x in pair] for k, pair in e.changes.items()},
        )
        for e in entries
    ]


@pytest.mark.parametrize("store", STORES, indirect=True)
def test_a_tasks_history_says_who_changed_what_field_by_field(store: str) -> None:
    db = _open(store)
    try:
        ids = _script(db)
        entries = history(db, Filter(task=ids["task"]))
    finally:
        db.close()

    updates = [e for e in entries if e.entity == "task" and e.action == "update"]
    events = [e for e in entries if e.entity == "task_event"]
    assert entries[0].action == "insert" and entries[0].entity == "task"
    assert [e.changes.get("kind") for e in events[-3:]] == [
        [None, "progress"],
        [None, "deadline_changed"],
        [None, "completed"],
    ]
    deadline = [e.changes["deadline"] for e in updates if "deadline" in e.changes]
    assert deadline[-1][1] == "2027-01-31"
    assert deadline[-1][0] != "2027-01-31"
    assert updates[-1].changes["status"] == ["in_progress", "done"]
    assert updates[-1].changes["completed_on"] == [None, "2026-11-20"]
    # a progress note bumps only the task's version: the note is the entry, not the task
    assert not any(set(e.changes) <= {"version"} for e in updates)
    user = "postgres" if on_server(store) else "Nguyễn Thị Thu"
    assert {e.user for e in events[-3:]} == {user}
    assert all(e.at <= dt.datetime.now() + dt.timedelta(seconds=2) for e in entries)


@pytest.mark.parametrize("store", STORES, indirect=True)
def test_trash_restore_and_purge_are_delete_restore_delete(store: str) -> None:
    db = _open(store)
    try:
        _script(db)
        two = [e for e in history(db, Filter(conference=2)) if e.entity == "conference"]
        three = [e for e in history(db, Filter(conference=3)) if e.entity == "conference"]
        one = [e for e in history(db, Filter(conference=1)) if e.entity == "conference"]
    finally:
        db.close()

    assert [e.action for e in two] == ["insert", "delete", "restore"]
    assert list(two[1].changes) == ["deleted_at"] and two[1].changes["deleted_at"][0] is None
    assert [e.action for e in three] == ["insert", "delete", "delete"]
    assert three[-1].changes["title"][1] is None  # the purge: every field's last value
    assert one[-1].changes["title"][1].endswith("(bổ sung)")


def test_both_stores_log_the_same_changes_alike(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """The rule in two forms (SQLite's triggers, PostgreSQL's), compared form against form."""
    logs = {}
    for kind in ("sqlite", "postgresql"):
        if kind == "postgresql":
            request.applymarker(pytest.mark.postgresql)
        with new_store(request, kind, tmp_path / kind) as store:
            db = _open(store, user="postgres")  # the server's login: the same "by" on both
            try:
                _script(db)
                logs[kind] = _plain(history(db, Filter(since=dt.datetime(2000, 1, 1))))
            finally:
                db.close()

    assert len(logs["sqlite"]) > 300
    assert logs["sqlite"] == logs["postgresql"]


@pytest.mark.parametrize("store", STORES, indirect=True)
def test_history_of_nothing_is_refused_and_of_a_deleted_task_kept(store: str) -> None:
    db = _open(store)
    try:
        with pytest.raises(NothingToShow):
            history(db, Filter(task=999_999))
        with pytest.raises(NothingToShow):
            history(db, Filter(conference=999_999))
        _script(db)
        purged = [e for e in history(db, Filter(conference=3)) if e.entity == "task"]
        assert purged and purged[-1].action == "delete"
        assert history(db, Filter(task=purged[-1].record_id))  # the task is gone, its log not
        later = history(db, Filter(since=dt.datetime.now() + dt.timedelta(days=1)))
        assert later == []
    finally:
        db.close()


@pytest.mark.parametrize("store", STORES, indirect=True)
def test_signed_off_minutes_are_read_only_until_reopened_with_a_reason(store: str) -> None:
    db = _open(store)
    try:
        load_samples(db)
        form = load_conference(db, 1)
        version = sign_off(db, 1, form.version, by=db.user)
        assert version == form.version + 1

        form = replace(load_conference(db, 1), title="Khác")
        with pytest.raises(SignedOff):
            save_conference(db, form, by=db.user)
        with pytest.raises(SignedOff):
            move_to_trash(db, [1], by=db.user)
        with pytest.raises(ReasonNeeded):
            reopen(db, 1, version, "  ", by=db.user)
        with pytest.raises(StaleRecord):  # someone else's copy, read before the sign-off
            reopen(db, 1, version - 1, "Sửa", by=db.user)

        reopen(db, 1, version, "Bổ sung ý kiến Huyện ủy Ba Bể", by=db.user)
        save_conference(db, replace(load_conference(db, 1), title="Khác"), by=db.user)
        entries = [e for e in history(db, Filter(conference=1)) if e.entity == "conference"]
    finally:
        db.close()

    assert [sorted(e.changes) for e in entries[-3:]] == [
        ["signed_off_at", "signed_off_by"],
        ["reopen_reason", "signed_off_at", "signed_off_by"],
        ["title"],
    ]
    assert entries[-2].changes["reopen_reason"] == [None, "Bổ sung ý kiến Huyện ủy Ba Bể"]
