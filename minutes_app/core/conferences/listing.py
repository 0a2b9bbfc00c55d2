"""Reading conferences for lists: the rows of the conference list and of the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from minutes_app.db.engine import Database

OPEN_STATUSES = ("open", "in_progress")


@dataclass(frozen=True)
class ConferenceSummary:
    """One conference as a list shows it."""

    id: int
    title: str
    date: dt.date
    session: str | None
    kind: str | None
    organizer: str | None
    chairs: tuple[str, ...]
    bridge_points: tuple[str, ...]
    documents: tuple[str, ...]
    tasks: int
    overdue: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat(),
            "session": self.session,
            "organizer": self.organizer,
            "chairs": list(self.chairs),
            "bridge_points": list(self.bridge_points),
            "documents": list(self.documents),
            "tasks": self.tasks,
        }


# The list is what the window shows first, so it is read with plain SQL on a plain
# connection (Database.plain_reading): SQLAlchemy is not even imported before the first
# screen is painted. The column names are those of db/models.py (tests compare the result
# with the ORM's).
_OUT_OF_TRASH_NEWEST_FIRST = "FROM conference WHERE deleted_at IS NULL ORDER BY date DESC, id DESC"
_ROWS_SQL = f"SELECT id, title, date, session, kind, organizer {_OUT_OF_TRASH_NEWEST_FIRST}"
_CHAIRS_SQL = (
    "SELECT c.conference_id, p.name FROM conference_chair c JOIN person p ON p.id = c.person_id "
    "ORDER BY c.conference_id, c.position"
)
_POINTS_SQL = "SELECT conference_id, name FROM bridge_point ORDER BY conference_id, position"
_DOCUMENTS_SQL = (
    "SELECT s.conference_id, coalesce(d.symbol, d.number) FROM studied_document s "
    "JOIN document d ON d.id = s.document_id ORDER BY s.conference_id, s.position"
)
_TASKS_SQL = (
    "SELECT i.conference_id, count(t.id) FROM instruction i JOIN task t "
    "ON i.id = t.instruction_id GROUP BY i.conference_id"
)
_OVERDUE_SQL = (
    "SELECT i.conference_id, count(t.id) FROM instruction i JOIN task t "
    "ON i.id = t.instruction_id WHERE t.status IN (:open, :in_progress) AND t.deadline < :today "
    "GROUP BY i.conference_id"
)


def _grouped(rows: Iterable[Any]) -> dict[int, tuple[str, ...]]:
    grouped: dict[int, list[str]] = {}
    for conference_id, name in rows:
        names = grouped.get(conference_id)
        if names is None:
            grouped[conference_id] = [name]
        else:
            names.append(name)
    return {key: tuple(names) for key, names in grouped.items()}


def list_conferences(db: Database, today: dt.date | None = None) -> list[ConferenceSummary]:
    """Every conference not in the trash, newest first, with its overdue tasks as of ``today``."""
    today = today or dt.date.today()
    with db.plain_reading() as reading:
        run = reading.rows
        rows = run(_ROWS_SQL)
        chairs = _grouped(run(_CHAIRS_SQL))
        points = _grouped(run(_POINTS_SQL))
        documents = _grouped(run(_DOCUMENTS_SQL))
        tasks: dict[int, int] = dict(run(_TASKS_SQL))
        # Each open status is a parameter of its own name (OPEN_STATUSES).
        statuses = {status: status for status in OPEN_STATUSES}
        overdue: dict[int, int] = dict(run(_OVERDUE_SQL, {**statuses, "today": today.isoformat()}))
    day = dt.date.fromisoformat
    empty: tuple[str, ...] = ()
    return [
        ConferenceSummary(
            id=cid,
            title=title,
            date=day(date),
            session=sitting,
            kind=kind,
            organizer=organizer,
            chairs=chairs.get(cid, empty),
            bridge_points=points.get(cid, empty),
            documents=documents.get(cid, empty),
            tasks=tasks.get(cid, 0),
            overdue=overdue.get(cid, 0),
        )
        for cid, title, date, sitting, kind, organizer in rows
    ]


def conference_choices(db: Database) -> list[tuple[int, dt.date, str]]:
    """(id, date, title) of every conference not in the trash, newest first: for lists
    to choose one from, without the counts ``list_conferences`` adds."""
    with db.plain_reading() as reading:
        rows = reading.rows(f"SELECT id, date, title {_OUT_OF_TRASH_NEWEST_FIRST}")
    return [(cid, dt.date.fromisoformat(date), title) for cid, date, title in rows]
