"""Export of the JSON exchange format: the whole database (trash excepted) as one exchange
document, built in memory (``export_exchange``) or streamed to a file a batch at a time
(``write_exchange``)."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from minutes_app.base.files import replacing
from minutes_app.base.progress import Progress, report_progress
from minutes_app.core.exchange.reading import FORMAT_NAME, FORMAT_VERSION
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    BridgePoint,
    Conference,
    Document,
    Instruction,
    Person,
    Task,
    Unit,
)
from minutes_app.db.soundness import DatabaseDamaged, broken_references

# Conferences read, converted and written at a time: a bounded piece of work, so that no
# single step holds the GIL long enough to freeze the window of a worker thread, and one
# batch at a time is held in memory. A batch ends after BATCH conferences or once it
# holds TASKS_PER_BATCH tasks.
BATCH = 20
TASKS_PER_BATCH = 250


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def _keyed(prefix: str) -> Callable[[int], str]:
    return lambda row_id: f"{prefix}{row_id}"


unit_key = _keyed("u")
person_key = _keyed("p")
document_key = _keyed("d")


def _appearance(person_id: int | None, title: str | None) -> dict[str, Any] | None:
    if person_id is None:
        return None
    return {"person": person_key(person_id), "title": title}


def _export_lists(session: Session) -> dict[str, list[dict[str, Any]]]:
    """Units, people and documents: the lists before the conferences (they are short)."""
    units = session.scalars(select(Unit).order_by(Unit.id)).all()
    people = session.scalars(select(Person).order_by(Person.id)).all()
    documents = session.scalars(select(Document).order_by(Document.id)).all()
    return {
        "units": [
            {
                "key": unit_key(u.id),
                "name": u.name,
                "kind": u.kind,
                "parent": unit_key(u.parent_id) if u.parent_id else None,
            }
            for u in units
        ],
        "people": [
            {
                "key": person_key(p.id),
                "name": p.name,
                "unit": unit_key(p.unit_id) if p.unit_id else None,
            }
            for p in people
        ],
        "documents": [
            {
                "key": document_key(d.id),
                "kind": d.kind,
                "symbol": d.symbol,
                "number": d.number,
                "issued_on": _iso(d.issued_on),
                "issuer": d.issuer,
                "subject": d.subject,
            }
            for d in documents
        ],
    }


_LISTED = 20  # records named when an export is refused; the rest are counted


def _refuse_records_left_out(session: Session, db: Database) -> None:
    """Refuse the export when a record refers to one that does not exist (a task whose
    instruction is gone, a lead unit that is not there): the export walks from each
    conference down and names units, people and documents by key, so such a record would
    be left out without a word, or written with a key that import-json refuses. Raises
    ``DatabaseDamaged`` naming them. Read in the export's own snapshot."""
    found = broken_references(session)
    if not found:
        return
    count = len(found)
    lines = [
        f"nothing was exported: {count} record{'s' if count > 1 else ''} "
        f"refer{'' if count > 1 else 's'} to records that do not exist, so "
        f"{'they' if count > 1 else 'it'} cannot be exported whole:",
        *(str(d) for d in found[:_LISTED]),
    ]
    if count > _LISTED:
        lines.append(f"… and {count - _LISTED} more")
    raise DatabaseDamaged(db.where, found, "\n".join(lines))


def _conference_batches_ids(session: Session) -> tuple[list[list[int]], int]:
    """The ids of the conferences to export in order, cut into batches; and their number."""
    rows = session.execute(
        select(Conference.id, func.count(Task.id))
        .outerjoin(Instruction, Instruction.conference_id == Conference.id)
        .outerjoin(Task, Task.instruction_id == Instruction.id)
        .where(Conference.deleted_at.is_(None))
        .group_by(Conference.id)
        .order_by(Conference.date, Conference.id)
    ).all()
    batches: list[list[int]] = []
    batch: list[int] = []
    tasks = 0
    for conference_id, count in rows:
        if batch and (len(batch) >= BATCH or tasks + count > TASKS_PER_BATCH):
            batches.append(batch)
            batch, tasks = [], 0
        batch.append(conference_id)
        tasks += count
    if batch:
        batches.append(batch)
    return batches, len(rows)


def _exported_conferences(session: Session, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The conferences ``ids`` as exchange records, in the order of ``ids``.

    The rows are let go of afterwards, so that one batch at a time is held in memory.
    """
    found = session.scalars(
        select(Conference)
        .where(Conference.id.in_(ids))
        .options(
            selectinload(Conference.chairs),
            selectinload(Conference.bridge_points).selectinload(BridgePoint.people),
            selectinload(Conference.documents_studied),
            selectinload(Conference.absences),
            selectinload(Conference.papers),
            selectinload(Conference.instructions)
            .selectinload(Instruction.tasks)
            .options(selectinload(Task.supports), selectinload(Task.history)),
        )
    ).all()
    by_id = {c.id: c for c in found}
    records = [_export_conference(by_id[i]) for i in ids]
    del found, by_id
    session.expunge_all()
    return records


def _conference_batches(session: Session) -> Iterator[tuple[list[dict[str, Any]], int, int]]:
    """The exported conferences in batches, with how many are done and the total."""
    batches, total = _conference_batches_ids(session)
    done = 0
    for batch in batches:
        done += len(batch)
        yield _exported_conferences(session, batch), done, total


def export_exchange(db: Database) -> dict[str, Any]:
    """The whole database (trash excepted) as an exchange document."""
    with db.reading() as session:
        _refuse_records_left_out(session, db)
        lists = _export_lists(session)
        conferences = [c for batch, _, _ in _conference_batches(session) for c in batch]
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, **lists, "conferences": conferences}


def _indented(item: object) -> str:
    """``item`` as ``json.dumps(..., indent=2)`` writes it two levels down (in a list that is
    a field of the top object). JSON strings hold no raw line break, so every line break of
    the text is one of the layout."""
    return "    " + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")


def _write_list(out: TextIO, name: str, items: Iterable[list[Any]], last: bool) -> None:
    out.write(f"  {json.dumps(name)}: [")
    first = True
    for batch in items:
        for item in batch:
            out.write("\n" if first else ",\n")
            out.write(_indented(item))
            first = False
    out.write("]" if first else "\n  ]")
    out.write("\n" if last else ",\n")


def write_exchange(db: Database, target: Path, progress: Progress | None = None) -> None:
    """Write the exchange document of ``db`` to ``target``: the same text as
    ``json.dumps(export_exchange(db), ensure_ascii=False, indent=2) + "\n"``, in UTF-8.

    The conferences are read, converted and written a batch at a time, in one read
    transaction (a consistent snapshot even while another copy of the program writes),
    so that memory stays small and a window's UI thread is never kept waiting for long.
    ``progress(done, total)`` is told after each batch and may cancel (``ExportCancelled``).
    Like every export, the file is replaced whole or not at all.
    """
    with (
        replacing(target) as temp,
        temp.open("w", encoding="utf-8", newline="\n") as out,
        db.reading() as session,
    ):
        _refuse_records_left_out(session, db)
        out.write("{\n")
        out.write(f'  "format": {json.dumps(FORMAT_NAME)},\n')
        out.write(f'  "version": {json.dumps(FORMAT_VERSION)},\n')
        for name, items in _export_lists(session).items():
            _write_list(out, name, [items], last=False)

        def batches() -> Iterator[list[dict[str, Any]]]:
            for batch, done, total in _conference_batches(session):
                yield batch
                report_progress(progress, done, total)
                time.sleep(0)  # let the UI thread run between batches

        _write_list(out, "conferences", batches(), last=True)
        out.write("}\n")


def _people_of(point: BridgePoint, role: str) -> list[dict[str, Any] | None]:
    return [_appearance(p.person_id, p.title) for p in point.people if p.role == role]


def _export_conference(c: Conference) -> dict[str, Any]:
    return {
        "key": f"c{c.id}",
        "uid": c.uid,
        "title": c.title,
        "kind": c.kind,
        "mode": c.mode,
        "organizer": c.organizer,
        "date": _iso(c.date),
        "session": c.session,
        "start_time": c.start_time,
        "end_time": c.end_time,
        "secretary": _appearance(c.secretary_id, c.secretary_title),
        "host_point": c.host_point,
        "chairs": [_appearance(ch.person_id, ch.title) for ch in c.chairs],
        "bridge_points": [
            {
                "name": b.name,
                "unit": unit_key(b.unit_id) if b.unit_id else None,
                "presiding": _people_of(b, "presiding"),
                "attendees": _people_of(b, "attendee"),
                "attendee_count": b.attendee_count,
            }
            for b in c.bridge_points
        ],
        "documents_studied": [
            {
                "document": document_key(s.document_id),
                "presenter": _appearance(s.presenter_id, s.presenter_title),
            }
            for s in c.documents_studied
        ],
        "absent": [
            {"person": person_key(a.person_id), "title": a.title, "reason": a.reason}
            for a in c.absences
        ],
        "papers": [
            {
                "kind": p.kind,
                "number": p.number,
                "issued_on": _iso(p.issued_on),
                "signer": _appearance(p.signer_id, p.signer_title),
                "authority": p.authority,
            }
            for p in c.papers
        ],
        "discussion": c.discussion,
        "instructions": [
            {
                "key": f"i{i.id}",
                "speaker": _appearance(i.speaker_id, i.speaker_title),
                "text": i.text,
                "tasks": [_export_task(t) for t in i.tasks],
            }
            for i in c.instructions
        ],
        "notes": c.notes,
    }


def _export_task(t: Task) -> dict[str, Any]:
    return {
        "key": f"t{t.id}",
        "uid": t.uid,
        "title": t.title,
        "detail": t.detail,
        "lead_unit": unit_key(t.lead_unit_id),
        "support_units": [unit_key(s.unit_id) for s in t.supports],
        "owner": person_key(t.owner_id) if t.owner_id else None,
        "assigned_on": _iso(t.assigned_on),
        "deadline": _iso(t.deadline),
        "status": t.status,
        "completed_on": _iso(t.completed_on),
        "result": t.result,
        "history": [
            {
                "at": _iso(e.at),
                "kind": e.kind,
                "note": e.note,
                "old_deadline": _iso(e.old_deadline),
                "new_deadline": _iso(e.new_deadline),
                "by": e.by,
            }
            for e in t.history
        ],
    }
