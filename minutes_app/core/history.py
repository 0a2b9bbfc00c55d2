"""Reading the change log: a record's history, and the office's activity.

The log is written by the database (db/change_log.py); here it is only read, oldest first:
a task's entries (its own, its events', its supporting units'), a conference's (its own,
its parts', its instructions' and tasks'), everything since a moment, and the activity
view's filters: who, which unit's tasks, which day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from minutes_app.db.change_log import TABLE_OF, read_changes
from minutes_app.db.engine import Database


@dataclass(frozen=True)
class Entry:
    """One change of one record."""

    id: int
    at: dt.datetime
    user: str | None
    action: str
    entity: str
    record_id: int | None
    label: str | None
    changes: dict[str, list[object]]
    conference_id: int | None
    task_id: int | None

    def to_json(self) -> dict[str, Any]:
        """CONTRACT.md's ``history --json`` object."""
        return {
            "at": self.at.strftime("%Y-%m-%dT%H:%M:%S"),
            "user": self.user or "",
            "action": self.action,
            "entity": self.entity,
            "id": self.record_id,
            "label": self.label,
            "changes": self.changes,
        }


@dataclass(frozen=True)
class Filter:
    """Which entries: a task's, a conference's, since a moment, by a user, about a unit's
    tasks, on a day (each None: any)."""

    task: int | None = None
    conference: int | None = None
    since: dt.datetime | None = None
    user: str | None = None
    unit: int | None = None
    day: dt.date | None = None
    limit: int | None = None


class NothingToShow(LookupError):
    """The task or conference asked for neither exists nor has any entry."""


def history(db: Database, which: Filter) -> list[Entry]:
    """The entries ``which`` selects, oldest first (with ``limit``: the newest ``limit``)."""
    from sqlalchemy import select

    from minutes_app.db.models import ChangeEntry

    query = select(ChangeEntry)
    if which.task is not None:
        query = query.where(ChangeEntry.task_id == which.task)
    if which.conference is not None:
        query = query.where(ChangeEntry.conference_id == which.conference)
    if which.since is not None:
        query = query.where(ChangeEntry.at >= which.since)
    if which.user is not None:
        query = query.where(ChangeEntry.user_name == which.user)
    if which.unit is not None:
        query = query.where(ChangeEntry.unit_id == which.unit)
    if which.day is not None:
        start = dt.datetime.combine(which.day, dt.time())
        query = query.where(ChangeEntry.at >= start, ChangeEntry.at < start + dt.timedelta(days=1))
    if which.limit is not None:
        query = query.order_by(ChangeEntry.id.desc()).limit(which.limit)
    else:
        query = query.order_by(ChangeEntry.id)
    with db.reading() as session:
        entries = [_entry(row) for row in session.scalars(query)]
    if which.limit is not None:
        entries.reverse()
    if not entries and (which.task is not None or which.conference is not None):
        _must_exist(db, which)
    return entries


# Fields that name another record by its id: shown by its name (``names_of``).
UNIT_FIELDS = frozenset({"lead_unit_id", "unit_id", "parent_id"})
PERSON_FIELDS = frozenset(
    {"owner_id", "person_id", "secretary_id", "speaker_id", "presenter_id", "signer_id"}
)
DOCUMENT_FIELDS = frozenset({"document_id"})
# Fields that only place a record under its parent, which the entry's label names already.
PLACING_FIELDS = frozenset(
    {"task_id", "conference_id", "instruction_id", "bridge_point_id", "position"}
)


def names_of(db: Database, entries: list[Entry]) -> dict[tuple[str, int], str]:
    """The names of the units, people and documents the entries' changes name by id:
    ``(kind, id) -> name``, kind "unit", "person" or "document"."""
    from sqlalchemy import func, select

    from minutes_app.db.models import Document, Person, Unit

    wanted: dict[str, set[int]] = {"unit": set(), "person": set(), "document": set()}
    for entry in entries:
        for field, pair in entry.changes.items():
            kind = _kind_of(field)
            if kind is not None:
                wanted[kind].update(v for v in pair if isinstance(v, int))
    names: dict[tuple[str, int], str] = {}
    queries = {
        "unit": (Unit.id, Unit.name),
        "person": (Person.id, Person.name),
        "document": (Document.id, func.coalesce(Document.symbol, Document.number)),
    }
    with db.reading() as session:
        for kind, ids in wanted.items():
            if ids:
                key, name = queries[kind]
                for row in session.execute(select(key, name).where(key.in_(sorted(ids)))):
                    names[(kind, int(row[0]))] = str(row[1])
    return names


def _kind_of(field: str) -> str | None:
    if field in UNIT_FIELDS:
        return "unit"
    if field in PERSON_FIELDS:
        return "person"
    if field in DOCUMENT_FIELDS:
        return "document"
    return None


def shown_value(field: str, value: object, names: dict[tuple[str, int], str]) -> object:
    """``value`` as a person reads it: a unit, person or document by its name."""
    kind = _kind_of(field)
    if kind is not None and isinstance(value, int):
        return names.get((kind, value), value)
    return value


def users_in_log(db: Database) -> list[str]:
    """Everyone who has changed something, for the activity view's filter."""
    from sqlalchemy import select

    from minutes_app.db.models import ChangeEntry

    with db.reading() as session:
        names = session.scalars(
            select(ChangeEntry.user_name).where(ChangeEntry.user_name.is_not(None)).distinct()
        )
        return sorted(str(name) for name in names)


def _entry(row: Any) -> Entry:
    return Entry(
        id=row.id,
        at=row.at,
        user=row.user_name,
        action=row.action,
        entity=row.entity,
        record_id=row.entity_id,
        label=row.label,
        changes=read_changes(TABLE_OF.get(row.entity), row.changes),
        conference_id=row.conference_id,
        task_id=row.task_id,
    )


def _must_exist(db: Database, which: Filter) -> None:
    from minutes_app.db.models import Conference, Task

    with db.reading() as session:
        if which.task is not None and session.get(Task, which.task) is None:
            raise NothingToShow("task", which.task)
        if which.conference is not None and session.get(Conference, which.conference) is None:
            raise NothingToShow("conference", which.conference)
