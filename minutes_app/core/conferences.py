"""Reading conferences for lists: the rows of the conference list and of the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from minutes_app.db.engine import Database
from minutes_app.db.models import (
    BridgePoint,
    Conference,
    ConferenceChair,
    Document,
    Instruction,
    Person,
    StudiedDocument,
    Task,
)

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


def _grouped(session: Session, statement: object) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = {}
    for conference_id, name in session.execute(statement):  # type: ignore[call-overload]
        grouped.setdefault(conference_id, []).append(name)
    return grouped


def list_conferences(db: Database, today: dt.date | None = None) -> list[ConferenceSummary]:
    """Every conference not in the trash, newest first, with its overdue tasks as of ``today``."""
    today = today or dt.date.today()
    with db.reading() as session:
        rows = session.execute(
            select(
                Conference.id,
                Conference.title,
                Conference.date,
                Conference.session,
                Conference.kind,
                Conference.organizer,
            )
            .where(Conference.deleted_at.is_(None))
            .order_by(Conference.date.desc(), Conference.id.desc())
        ).all()
        chairs = _grouped(
            session,
            select(ConferenceChair.conference_id, Person.name)
            .join(Person)
            .order_by(ConferenceChair.conference_id, ConferenceChair.position),
        )
        points = _grouped(
            session,
            select(BridgePoint.conference_id, BridgePoint.name).order_by(
                BridgePoint.conference_id, BridgePoint.position
            ),
        )
        documents = _grouped(
            session,
            select(StudiedDocument.conference_id, func.coalesce(Document.symbol, Document.number))
            .join(Document)
            .order_by(StudiedDocument.conference_id, StudiedDocument.position),
        )
        tasks = dict(
            session.execute(
                select(Instruction.conference_id, func.count(Task.id))
                .join(Task)
                .group_by(Instruction.conference_id)
            ).all()
        )
        overdue = dict(
            session.execute(
                select(Instruction.conference_id, func.count(Task.id))
                .join(Task)
                .where(Task.status.in_(OPEN_STATUSES), Task.deadline < today)
                .group_by(Instruction.conference_id)
            ).all()
        )
    return [
        ConferenceSummary(
            id=r.id,
            title=r.title,
            date=r.date,
            session=r.session,
            kind=r.kind,
            organizer=r.organizer,
            chairs=tuple(chairs.get(r.id, ())),
            bridge_points=tuple(points.get(r.id, ())),
            documents=tuple(documents.get(r.id, ())),
            tasks=tasks.get(r.id, 0),
            overdue=overdue.get(r.id, 0),
        )
        for r in rows
    ]
