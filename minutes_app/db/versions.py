"""Record versions: a change made from a copy that read an older state is refused.

Conferences, instructions and tasks carry a ``version`` that grows with every change
(SQLAlchemy adds one on each UPDATE of the row, see ``version_id_col`` in db/models.py)
and who made the last change, and when. A writer says which version it read; when the
stored one differs, someone else wrote first, and nothing is written: the writer is told
who changed the record and when (``StaleRecord``). A record that is no longer there, or
that sits in the trash, gives ``RecordGone``.

Writes take SQLite's write lock at BEGIN (Database.transaction), so reading the version,
comparing it and writing happen with no other writer in between. On a PostgreSQL server
writers run side by side: ``check`` reads the record again with a row lock (``SELECT …
FOR UPDATE``) before comparing, so that a writer who changed it since waits for none and
is seen, and one who comes later waits until this transaction ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Protocol

from sqlalchemy.orm import object_session
from sqlalchemy.orm.attributes import flag_modified


class Versioned(Protocol):
    id: int
    version: int
    updated_by: str | None


class StaleRecord(Exception):
    """Someone else changed the record after it was read; nothing was written."""

    def __init__(
        self,
        entity: str,
        record_id: int,
        *,
        read: int | None,
        current: int,
        by: str | None,
        at: dt.datetime | None,
    ) -> None:
        who = by or "another copy of the program"
        when = f" at {at:%Y-%m-%d %H:%M:%S}" if at else ""
        super().__init__(
            f"{entity} {record_id} was changed by {who}{when} after you read it "
            f"(version {current}, you read {read}); nothing was written"
        )
        self.entity = entity
        self.record_id = record_id
        self.read = read
        self.current = current
        self.by = by
        self.at = at


class RecordGone(LookupError):
    """The record was deleted, or moved to the trash, by someone else; nothing was written."""

    def __init__(self, entity: str, record_id: int, *, trashed: bool = False) -> None:
        where = (
            "is in the trash" if trashed else "is not in the database (it may have been deleted)"
        )
        super().__init__(f"{entity} {record_id} {where}; nothing was written")
        self.entity = entity
        self.record_id = record_id
        self.trashed = trashed


def now() -> dt.datetime:
    """The time a change is recorded with (local time, whole seconds, as FORMAT.md has it)."""
    return dt.datetime.now().replace(microsecond=0)


def changed_at(record: object) -> dt.datetime | None:
    at = getattr(record, "updated_at", None)
    return at if isinstance(at, dt.datetime) else None


def check(entity: str, record: Versioned, read: int | None) -> None:
    """Refuse with ``StaleRecord`` when ``record`` is not at the version ``read``
    (``None``: the caller read nothing, so there is nothing to compare)."""
    if read is not None:
        _locked(record)
    if read is not None and record.version != read:
        raise StaleRecord(
            entity,
            record.id,
            read=read,
            current=record.version,
            by=record.updated_by,
            at=changed_at(record),
        )


def check_all(entity: str, records: Iterable[Versioned], read: Mapping[int, int] | None) -> None:
    """``check`` for each record whose version the caller read."""
    if read is None:
        return
    for record in sorted(records, key=lambda r: r.id):  # one order: no deadlock between two
        check(entity, record, read.get(record.id))


def _locked(record: Versioned) -> None:
    """On a server, ``record`` read again under a row lock held to the end of the write
    (SQLite's writer holds the whole file's lock already)."""
    session = object_session(record)
    if session is None or session.get_bind().dialect.name == "sqlite":
        return
    session.refresh(record, with_for_update=True)


def touch(record: object, by: str | None, at: dt.datetime | None = None) -> None:
    """Record that ``by`` changed ``record`` now. The row is written even when nothing else
    of it changed (a progress note changes only the history), so its version grows."""
    record.updated_at = at or now()  # type: ignore[attr-defined]
    record.updated_by = by  # type: ignore[attr-defined]
    flag_modified(record, "updated_at")
