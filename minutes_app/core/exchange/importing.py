"""Import and export of the JSON exchange format, merging into what is already stored."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, selectinload

from minutes_app.base.files import replacing
from minutes_app.base.progress import Progress, report_progress
from minutes_app.core.exchange.reading import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Appearance,
    ConferenceRecord,
    ExchangeError,
    ExchangeFile,
    TaskRecord,
    keys_above_a_loop,
)
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    BridgePoint,
    BridgePointPerson,
    Conference,
    ConferenceChair,
    Document,
    Instruction,
    Person,
    StudiedDocument,
    Task,
    TaskEvent,
    TaskSupport,
    Unit,
    new_uid,
)
from minutes_app.db.soundness import DatabaseDamaged, reference_damage


@dataclass(frozen=True)
class ImportSummary:
    """What an import added, and what it found already stored."""

    units_added: int = 0
    people_added: int = 0
    documents_added: int = 0
    conferences_added: int = 0
    conferences_present: int = 0
    tasks_added: int = 0
    tasks_present: int = 0  # tasks whose uid is stored already (FORMAT.md: that record)

    @property
    def changed(self) -> bool:
        return any(
            (
                self.units_added,
                self.people_added,
                self.documents_added,
                self.conferences_added,
            )
        )


def conference_identity(date: dt.date, title: str) -> tuple[dt.date, str]:
    """A conference is the same conference when it has the same date and title."""
    return (date, title)


# Conferences merged (or exported) between two flushes: a bounded piece of work, so that
# no single step holds the GIL long enough to freeze the window of a worker thread.
# A batch ends after BATCH conferences or once it holds TASKS_PER_BATCH tasks.
BATCH = 20
TASKS_PER_BATCH = 250

# Called after each batch of an import is flushed, with (conferences done, total).
BatchHook = Callable[[int, int], object]


class _Importer:
    """Resolves file keys to rows, reusing what the database already holds."""

    def __init__(self, session: Session, file: ExchangeFile, on_batch: BatchHook | None) -> None:
        self.session = session
        self.file = file
        self.on_batch = on_batch
        self.units: dict[str, Unit] = {}
        self.people: dict[str, Person] = {}
        self.documents: dict[str, Document] = {}
        self.counts = dict.fromkeys(
            ("units", "people", "documents", "conferences", "present", "tasks", "tasks_present"),
            0,
        )
        self.stored_task_uids: set[str] = set()

    def run(self) -> ImportSummary:
        self._units()
        self._people()
        self._documents()
        self._conferences()
        self.session.flush()
        c = self.counts
        return ImportSummary(
            units_added=c["units"],
            people_added=c["people"],
            documents_added=c["documents"],
            conferences_added=c["conferences"],
            conferences_present=c["present"],
            tasks_added=c["tasks"],
            tasks_present=c["tasks_present"],
        )

    def _units(self) -> None:
        stored = {u.name: u for u in self.session.scalars(select(Unit))}
        added: list[tuple[int, Unit, str | None]] = []
        for index, record in enumerate(self.file.units):
            unit = stored.get(record.name)
            if unit is None:
                unit = Unit(name=record.name, kind=record.kind)
                self.session.add(unit)
                stored[record.name] = unit
                added.append((index, unit, record.parent))
                self.counts["units"] += 1
            elif unit.kind is None and record.kind is not None:
                unit.kind = record.kind
            self.units[record.key] = unit
        self.session.flush()
        # Parents are set once every unit of the file exists; stored units keep theirs.
        # They are written as one UPDATE by primary key: through the relationship, the
        # session would order the inserts of a self-referencing table row by row, which
        # takes time quadratic in the units (a chain of 20,000 took minutes).
        parents = {
            unit.id: self.units[parent_key].id for _, unit, parent_key in added if parent_key
        }
        _refuse_unit_loops(added, parents)
        if parents:
            self.session.execute(
                update(Unit),
                [{"id": unit, "parent_id": parent} for unit, parent in parents.items()],
            )
            for _, unit, _ in added:
                self.session.expire(unit, ["parent_id", "parent"])

    def _people(self) -> None:
        stored = {(p.name, p.unit_id): p for p in self.session.scalars(select(Person))}
        for record in self.file.people:
            unit = self.units[record.unit] if record.unit else None
            identity = (record.name, unit.id if unit else None)
            person = stored.get(identity)
            if person is None:
                person = Person(name=record.name, unit=unit)
                self.session.add(person)
                stored[identity] = person
                self.counts["people"] += 1
            self.people[record.key] = person
        self.session.flush()

    def _documents(self) -> None:
        stored = {
            (d.symbol or d.number, d.issued_on): d for d in self.session.scalars(select(Document))
        }
        for record in self.file.documents:
            document = stored.get(record.identity)
            if document is None:
                document = Document(
                    kind=record.kind,
                    symbol=record.symbol,
                    number=record.number,
                    issued_on=record.issued_on,
                    issuer=record.issuer,
                    subject=record.subject,
                )
                self.session.add(document)
                stored[record.identity] = document
                self.counts["documents"] += 1
            else:
                # A reused document gains what it lacked, never loses what it had.
                for name in ("issuer", "subject"):
                    if getattr(document, name) is None:
                        setattr(document, name, getattr(record, name))
            self.documents[record.key] = document
        self.session.flush()

    def _stored_uids(self, model: type[Conference] | type[Task], uids: list[str]) -> set[str]:
        """Which of ``uids`` are stored already (trash included: the uid is that record)."""
        found: set[str] = set()
        for start in range(0, len(uids), 500):
            chunk = uids[start : start + 500]
            found.update(self.session.scalars(select(model.uid).where(model.uid.in_(chunk))))
        return found

    def _conferences(self) -> None:
        stored = {
            conference_identity(date, title)
            for date, title in self.session.execute(
                select(Conference.date, Conference.title).where(Conference.deleted_at.is_(None))
            )
        }
        records = self.file.conferences
        stored_uids = self._stored_uids(Conference, [r.uid for r in records if r.uid])
        self.stored_task_uids = self._stored_uids(
            Task,
            [t.uid for r in records for i in r.instructions for t in i.tasks if t.uid],
        )
        total = len(records)
        conferences = tasks = 0
        for done, record in enumerate(records, start=1):
            identity = conference_identity(record.date, record.title)
            if identity in stored or record.uid in stored_uids:
                self.counts["present"] += 1
            else:
                stored.add(identity)
                self.session.add(self._conference(record))
                self.counts["conferences"] += 1
                conferences += 1
                tasks += sum(len(i.tasks) for i in record.instructions)
            if conferences >= BATCH or tasks >= TASKS_PER_BATCH or done == total:
                conferences = tasks = 0
                # Flushed rows are no longer held by the session: each batch can be freed.
                self.session.flush()
                if self.on_batch is not None:
                    self.on_batch(done, total)

    def _person(self, appearance: Appearance | None) -> tuple[Person | None, str | None]:
        if appearance is None:
            return None, None
        return self.people[appearance.person], appearance.title

    def _conference(self, record: ConferenceRecord) -> Conference:
        secretary, secretary_title = self._person(record.secretary)
        conference = Conference(
            uid=record.uid or new_uid(),
            title=record.title,
            kind=record.kind,
            mode=record.mode,
            organizer=record.organizer,
            date=record.date,
            session=record.session,
            start_time=record.start_time,
            end_time=record.end_time,
            host_point=record.host_point,
            secretary=secretary,
            secretary_title=secretary_title,
            discussion=record.discussion,
            notes=record.notes,
        )
        # Two keys of a file may name one stored person, unit or document: each such
        # list keeps the first mention, as the database allows each only once.
        chairs = _first_of_each(record.chairs, lambda a: self.people[a.person])
        conference.chairs = [
            ConferenceChair(position=i, person=self.people[a.person], title=a.title)
            for i, a in enumerate(chairs)
        ]
        for position, point in enumerate(record.bridge_points):
            people = [
                BridgePointPerson(
                    role=role, position=i, person=self.people[a.person], title=a.title
                )
                for role, appearances in (
                    ("presiding", point.presiding),
                    ("attendee", point.attendees),
                )
                for i, a in enumerate(appearances)
            ]
            conference.bridge_points.append(
                BridgePoint(
                    position=position,
                    name=point.name,
                    unit=self.units[point.unit] if point.unit else None,
                    attendee_count=point.attendee_count,
                    people=people,
                )
            )
        studied_documents = _first_of_each(
            record.documents_studied, lambda s: self.documents[s.document]
        )
        for position, studied in enumerate(studied_documents):
            presenter, presenter_title = self._person(studied.presenter)
            conference.documents_studied.append(
                StudiedDocument(
                    position=position,
                    document=self.documents[studied.document],
                    presenter=presenter,
                    presenter_title=presenter_title,
                )
            )
        for position, item in enumerate(record.instructions):
            speaker, speaker_title = self._person(item.speaker)
            instruction = Instruction(
                position=position, speaker=speaker, speaker_title=speaker_title, text=item.text
            )
            # A task whose uid is stored is that task already: it is not added again.
            new = [t for t in item.tasks if t.uid is None or t.uid not in self.stored_task_uids]
            instruction.tasks = [self._task(t) for t in new]
            self.counts["tasks"] += len(new)
            self.counts["tasks_present"] += len(item.tasks) - len(new)
            conference.instructions.append(instruction)
        return conference

    def _task(self, record: TaskRecord) -> Task:
        task = Task(
            uid=record.uid or new_uid(),
            title=record.title,
            detail=record.detail,
            lead_unit=self.units[record.lead_unit],
            owner=self.people[record.owner] if record.owner else None,
            assigned_on=record.assigned_on,
            deadline=record.deadline,
            status=record.status,
            completed_on=record.completed_on,
            result=record.result,
        )
        lead = self.units[record.lead_unit]
        supports = [
            u for u in _first_of_each(record.support_units, self.units.get) if u != record.lead_unit
        ]
        task.supports = [
            TaskSupport(position=i, unit=self.units[key])
            for i, key in enumerate(supports)
            if self.units[key] is not lead
        ]
        task.history = [
            TaskEvent(
                at=e.at,
                kind=e.kind,
                note=e.note,
                old_deadline=e.old_deadline,
                new_deadline=e.new_deadline,
                by=e.by,
            )
            for e in record.history
        ]
        return task


def _refuse_unit_loops(added: list[tuple[int, Unit, str | None]], parents: dict[int, int]) -> None:
    """Refuse parents that would close a loop among the stored units.

    The file's own keys form no loop (the reader checks), but two keys may name one stored
    unit: "A" under "B" and "B" under another key of "A" is a loop once merged. ``added``
    are the new units (with the index of the file's unit that added each) and ``parents``
    their parents by id; stored units keep theirs, and no stored unit is under a new one,
    so a loop can only run through new units.
    """
    looped = keys_above_a_loop(parents)
    problems = [
        f"units[{index}].parent: units form a cycle once merged with the stored units"
        for index, unit, _ in added
        if looped.get(unit.id, False)
    ]
    if problems:
        raise ExchangeError(problems)


Item = TypeVar("Item")


def _first_of_each(items: Sequence[Item], target: Callable[[Item], object]) -> list[Item]:
    """``items`` without those whose target (a row) an earlier item already named."""
    seen: set[int] = set()
    kept = []
    for item in items:
        key = id(target(item))
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def import_exchange(
    db: Database, file: ExchangeFile, on_batch: BatchHook | None = None
) -> ImportSummary:
    """Merge ``file`` into ``db`` in one transaction: all of it, or nothing.

    ``on_batch(done, total)`` is called after each batch of conferences is written, inside
    the transaction (the window uses it to keep memory and pauses small); what it returns
    is ignored.
    """
    try:
        with db.transaction() as session:
            return _Importer(session, file, on_batch).run()
    except IntegrityError as exc:
        raise ExchangeError([f"$: refused by the database ({exc.orig})"]) from exc
    except DBAPIError as exc:
        raise ExchangeError([f"$: the database could not be written ({exc.orig})"]) from exc


# --- export -------------------------------------------------------------------------------


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
    connection = session.connection().connection.dbapi_connection
    if connection is None:
        return
    found = list(reference_damage(connection))  # type: ignore[arg-type]  # sqlite3's
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
    raise DatabaseDamaged(db.path, found, "\n".join(lines))


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


def summary_lines(summary: ImportSummary) -> Sequence[str]:
    """Plain lines describing an import, for the command line and the status bar."""
    lines = [
        f"units added: {summary.units_added}",
        f"people added: {summary.people_added}",
        f"documents added: {summary.documents_added}",
        f"conferences added: {summary.conferences_added}",
        f"tasks added: {summary.tasks_added}",
    ]
    if summary.conferences_present:
        lines.append(
            f"conferences already present, left as they were: {summary.conferences_present}"
        )
    if summary.tasks_present:
        lines.append(
            f"tasks already present (same uid), left as they were: {summary.tasks_present}"
        )
    return lines
