"""When two conferences are one: the same date and the same title, read as a clerk reads
it (blind to case, diacritics and spacing). The import of an exchange file and the
editor's save use this one rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from minutes_app.base.text import fold
from minutes_app.db.engine import Database
from minutes_app.db.models import Conference


def conference_identity(date: dt.date, title: str) -> tuple[dt.date, str]:
    """What makes a conference the same conference: its date and its folded title, so
    that "Hội nghị trực tuyến" and "HỘI NGHỊ  TRỰC TUYẾN" on one day are one."""
    return (date, fold(title))


@dataclass(frozen=True)
class StoredConference:
    """A conference already stored that a new one would repeat."""

    id: int
    date: dt.date
    title: str


def same_conference(
    db: Database, date: dt.date, title: str, other_than: int | None = None
) -> StoredConference | None:
    """The stored conference (out of the trash) that has ``date`` and ``title`` by
    ``conference_identity``, other than the conference ``other_than``; None if none."""
    wanted = conference_identity(date, title)
    with db.reading() as session:
        rows = session.execute(
            select(Conference.id, Conference.title)
            .where(Conference.date == date, Conference.deleted_at.is_(None))
            .order_by(Conference.id)
        ).all()
    for conference_id, stored_title in rows:
        if conference_id != other_than and conference_identity(date, stored_title) == wanted:
            return StoredConference(conference_id, date, stored_title)
    return None
