"""Import of the JSON exchange format: an exchange file merged into what is already stored,
all of it or nothing, and the summary of what it added."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from minutes_app.core.conferences.duplicates import conference_identity
from minutes_app.core.exchange.reading import (
    Appearance,
    ConferenceRecord,
    ExchangeError,
    ExchangeFile,
    TaskRecord,
    keys_above_a_loop,
)
from minutes_app.db.engine import Database
from minutes_app.db.locks import database_words
from minutes_app.db.models import (
    Absence,
    BridgePoint,
    BridgePointPerson,
    Conference,
    ConferenceChair,
    Document,
    Instruction,
    IssuedPaper,
    Person,
    StudiedDocument,
    Task,
    TaskEvent,
    TaskSupport,
    Unit,
    new_uid,
)
from minutes_app.db.server import not_allowed


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


# Conferences merged between two flushes: a bounded piece of work, so that no single
# step holds the GIL long enough to freeze the window of a worker thread.
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
        absent = _first_of_each(record.absent, lambda a: self.people[a.person])
        conference.absences = [
            Absence(position=i, person=self.people[a.person], title=a.title, reason=a.reason)
            for i, a in enumerate(absent)
        ]
        for position, paper in enumerate(record.papers):
            signer, signer_title = self._person(paper.signer)
            conference.papers.append(
                IssuedPaper(
                    position=position,
                    kind=paper.kind,
                    number=paper.number,
                    issued_on=paper.issued_on,
                    signer=signer,
                    signer_title=signer_title,
                    authority=paper.authority,
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
        raise ExchangeError([f"$: refused by the database ({database_words(exc)})"]) from exc
    except DBAPIError as exc:
        if not_allowed(exc) is not None:
            raise  # the login's role may not import: said as every refusal of the server
        said = database_words(exc)
        raise ExchangeError([f"$: the database could not be written ({said})"]) from exc


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
