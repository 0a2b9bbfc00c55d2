"""Signing off a conference's minutes, and reopening them.

Signed off (by a leader on a server, by the clerk on a file), a conference is read-only:
the app refuses to save it or move it to the trash (``SignedOff``), and on a server the
database refuses any change to it or its parts as well (db/office_access.py), so that no
client can change final minutes. Reopening needs a reason; sign-off and reopening are
changes of the conference like any other, so the change log keeps both, with who and when.
Its tasks stay open to tracking: progress, extensions and completion are not the minutes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from minutes_app.base.text import clean
from minutes_app.db import versions
from minutes_app.db.engine import Database
from minutes_app.db.models import Conference
from minutes_app.db.versions import RecordGone


class SignedOff(Exception):
    """The conference is signed off: reopen it (with a reason) before changing it."""

    def __init__(self, conference_id: int, by: str | None, at: dt.datetime | None) -> None:
        when = f" on {at:%Y-%m-%d %H:%M}" if at else ""
        super().__init__(
            f"conference {conference_id} was signed off by {by or '?'}{when}; reopen it, "
            "with a reason, before changing it; nothing was written"
        )
        self.conference_id = conference_id
        self.by = by
        self.at = at


class ReasonNeeded(ValueError):
    """Reopening signed-off minutes needs a reason."""


@dataclass(frozen=True)
class SignOffState:
    signed_off_at: dt.datetime | None
    signed_off_by: str | None
    reopen_reason: str | None
    version: int

    @property
    def signed_off(self) -> bool:
        return self.signed_off_at is not None


def refuse_if_signed_off(conference: Conference) -> None:
    """``SignedOff`` when ``conference`` is signed off."""
    if conference.signed_off_at is not None:
        raise SignedOff(conference.id, conference.signed_off_by, conference.signed_off_at)


def sign_off(db: Database, conference_id: int, read: int | None, by: str) -> int:
    """Sign the conference's minutes off as ``by``; returns its new version. Refused with
    ``StaleRecord`` when it changed since version ``read``, ``RecordGone`` when it is gone
    or in the trash; signing off what is signed off already changes nothing. The papers
    registered for it are marked as issued from signed-off minutes."""
    with db.transaction() as session:
        conference = _found(session, conference_id)
        versions.check("conference", conference, read)
        if conference.signed_off_at is None:
            at = versions.now()
            conference.signed_off_at = at
            conference.signed_off_by = by
            versions.touch(conference, by)
            for paper in conference.papers:  # the register: issued from final minutes
                if paper.signed_off_at is None:
                    paper.signed_off_at = at
        session.flush()
        return conference.version


def reopen(db: Database, conference_id: int, read: int | None, reason: str, by: str) -> int:
    """Reopen signed-off minutes for a change, for ``reason``; returns the new version."""
    said = clean(reason)
    if said is None:
        raise ReasonNeeded("reopening signed-off minutes needs a reason")
    with db.transaction() as session:
        conference = _found(session, conference_id)
        versions.check("conference", conference, read)
        if conference.signed_off_at is not None:
            conference.signed_off_at = None
            conference.signed_off_by = None
            conference.reopen_reason = said
            versions.touch(conference, by)
        session.flush()
        return conference.version


def sign_off_state(db: Database, conference_id: int) -> SignOffState:
    with db.reading() as session:
        conference = session.get(Conference, conference_id)
        if conference is None:
            raise RecordGone("conference", conference_id)
        return SignOffState(
            conference.signed_off_at,
            conference.signed_off_by,
            conference.reopen_reason,
            conference.version,
        )


def _found(session: object, conference_id: int) -> Conference:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    conference = session.get(Conference, conference_id)
    if conference is None:
        raise RecordGone("conference", conference_id)
    if conference.deleted_at is not None:
        raise RecordGone("conference", conference_id, trashed=True)
    return conference
