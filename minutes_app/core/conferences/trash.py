"""The trash of conferences: moving them there and back, listing it, and deleting for good."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from minutes_app.core.conferences.sign_off import refuse_if_signed_off
from minutes_app.db import versions
from minutes_app.db.engine import Database
from minutes_app.db.models import Conference
from minutes_app.db.versions import RecordGone


@dataclass(frozen=True)
class TrashedConference:
    id: int
    title: str
    date: dt.date
    deleted_at: dt.datetime


def _set_trashed(
    db: Database,
    conference_ids: list[int],
    trashed: bool,
    by: str | None,
    read: Mapping[int, int] | None,
) -> dict[int, int]:
    at = versions.now()
    with db.transaction() as session:
        found = list(session.scalars(select(Conference).where(Conference.id.in_(conference_ids))))
        missing = set(conference_ids) - {c.id for c in found}
        if missing:
            raise RecordGone("conference", min(missing))
        versions.check_all("conference", found, read)
        for conference in found:
            refuse_if_signed_off(conference)
        for conference in found:
            conference.deleted_at = at if trashed else None
            versions.touch(conference, by, at)
        session.flush()
        return {c.id: c.version for c in found}


def move_to_trash(
    db: Database,
    conference_ids: list[int],
    by: str | None = None,
    read: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Move conferences to the trash; returns their versions after. With ``read`` (the
    versions the caller read, as an undo of a restore has them) a conference changed
    since is refused (``StaleRecord``) and nothing is moved."""
    return _set_trashed(db, conference_ids, True, by, read)


def restore_from_trash(
    db: Database,
    conference_ids: list[int],
    by: str | None = None,
    read: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Take conferences out of the trash; ``read`` and the result as for ``move_to_trash``."""
    return _set_trashed(db, conference_ids, False, by, read)


def trash(db: Database) -> list[TrashedConference]:
    with db.reading() as session:
        rows = session.execute(
            select(Conference.id, Conference.title, Conference.date, Conference.deleted_at)
            .where(Conference.deleted_at.is_not(None))
            .order_by(Conference.deleted_at.desc())
        ).all()
    return [TrashedConference(r.id, r.title, r.date, r.deleted_at) for r in rows]


def purge_from_trash(db: Database, conference_ids: list[int]) -> None:
    """Delete for good conferences already in the trash, with their tasks."""
    with db.transaction() as session:
        for conference in session.scalars(
            select(Conference).where(
                Conference.id.in_(conference_ids), Conference.deleted_at.is_not(None)
            )
        ):
            session.delete(conference)
