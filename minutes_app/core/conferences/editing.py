"""Editing one conference: a plain, comparable form of it, its checks, load, save and trash."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from minutes_app.base.limits import MAX_COUNT, MAX_TEXT, day_in_range, too_long
from minutes_app.base.text import clean
from minutes_app.db import versions
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    MODES,
    SESSIONS,
    BridgePoint,
    BridgePointPerson,
    Conference,
    ConferenceChair,
    Document,
    Instruction,
    Person,
    StudiedDocument,
    Task,
    Unit,
)
from minutes_app.db.versions import RecordGone

_HHMM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
KINDS = (
    "quán triệt, triển khai văn bản",
    "giao ban",
    "sơ kết",
    "tổng kết",
    "chuyên đề",
)


@dataclass(frozen=True)
class PersonRef:
    """A person as the editor names them: an existing row, or a name to create."""

    name: str
    id: int | None = None


@dataclass(frozen=True)
class AppearanceForm:
    person: PersonRef
    title: str | None = None


@dataclass(frozen=True)
class BridgePointForm:
    name: str
    unit: str | None = None
    presiding: tuple[AppearanceForm, ...] = ()
    attendees: tuple[AppearanceForm, ...] = ()
    attendee_count: int | None = None


@dataclass(frozen=True)
class DocumentForm:
    """A catalogue document; ``id`` is None for one added inline from the editor."""

    kind: str
    number: str
    symbol: str | None = None
    issued_on: dt.date | None = None
    issuer: str | None = None
    subject: str | None = None
    id: int | None = None

    def label(self) -> str:
        head = self.symbol or self.number
        when = f" ngày {self.issued_on:%d/%m/%Y}" if self.issued_on else ""
        return f"{self.kind} {head}{when}"


@dataclass(frozen=True)
class StudiedForm:
    document: DocumentForm
    presenter: AppearanceForm | None = None


@dataclass(frozen=True)
class InstructionForm:
    text: str
    speaker: AppearanceForm | None = None
    id: int | None = None  # kept so that the tasks of an instruction survive edits
    task_count: int = 0


@dataclass(frozen=True)
class InstructionStamp:
    """An instruction as the editor read it: its version and its tasks' versions. A save
    removes an instruction, and its tasks, only if none of them changed since."""

    id: int
    version: int
    tasks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class ConferenceForm:
    """Everything the editor shows, as immutable values that compare equal when unchanged.

    ``version`` and ``read_instructions`` say what the form was read from: a save is
    refused when the stored conference changed since (core/versions.py)."""

    title: str = ""
    kind: str | None = None
    mode: str = "online"
    organizer: str | None = None
    date: dt.date | None = None
    session: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    host_point: str | None = None
    secretary: AppearanceForm | None = None
    chairs: tuple[AppearanceForm, ...] = ()
    bridge_points: tuple[BridgePointForm, ...] = ()
    documents: tuple[StudiedForm, ...] = ()
    discussion: str | None = None
    instructions: tuple[InstructionForm, ...] = ()
    notes: str | None = None
    id: int | None = None
    version: int | None = None
    read_instructions: tuple[InstructionStamp, ...] = ()


@dataclass(frozen=True)
class Problem:
    """One thing that keeps the form from being saved.

    ``where`` names the field ("title", "chairs[0].person", …); ``code`` says what is
    wrong, for the window to put into words: required, too_long, bad_time, time_order,
    bad_mode, bad_session, duplicate, negative, out_of_range.
    """

    where: str
    code: str


def check(form: ConferenceForm) -> list[Problem]:
    """Every problem of ``form``, in the order the fields appear on screen.

    Every text is held to ``core.limits.MAX_TEXT``, the limit the importer applies too.
    """
    problems: list[Problem] = []

    def need(value: str | None, where: str) -> None:
        if clean(value) is None:  # as it would be stored: blank after cleaning is empty
            problems.append(Problem(where, "required"))
        else:
            within(value, where)

    def within(value: str | None, where: str) -> None:
        if too_long(clean(value), MAX_TEXT):
            problems.append(Problem(where, "too_long"))

    def appearance(value: AppearanceForm | None, where: str, named: bool = True) -> None:
        """A person and their title; ``named``: the name is required (a chair's, not a
        secretary's, a presenter's or a speaker's, which the editor leaves out when blank)."""
        if value is not None:
            (need if named else within)(value.person.name, f"{where}.person")
            within(value.title, f"{where}.title")

    need(form.title, "title")
    within(form.kind, "kind")
    within(form.organizer, "organizer")
    if form.mode not in MODES:
        problems.append(Problem("mode", "bad_mode"))
    if form.date is None:
        problems.append(Problem("date", "required"))
    elif not day_in_range(form.date):
        problems.append(Problem("date", "out_of_range"))
    if form.session is not None and form.session not in SESSIONS:
        problems.append(Problem("session", "bad_session"))
    for name in ("start_time", "end_time"):
        value = getattr(form, name)
        if value is not None and not _HHMM.fullmatch(value):
            problems.append(Problem(name, "bad_time"))
    if (
        form.start_time
        and form.end_time
        and _HHMM.fullmatch(form.start_time)
        and _HHMM.fullmatch(form.end_time)
        and form.end_time < form.start_time
    ):
        problems.append(Problem("end_time", "time_order"))
    within(form.host_point, "host_point")
    appearance(form.secretary, "secretary", named=False)
    for name in ("discussion", "notes"):
        within(getattr(form, name), name)
    seen: set[str] = set()
    for i, chair in enumerate(form.chairs):
        appearance(chair, f"chairs[{i}]")
        # Compared as stored (NFC): two spellings of one name resolve to one person.
        name = clean(chair.person.name) or ""
        if name in seen:
            problems.append(Problem(f"chairs[{i}].person", "duplicate"))
        seen.add(name)
    for i, point in enumerate(form.bridge_points):
        need(point.name, f"bridge_points[{i}].name")
        within(point.unit, f"bridge_points[{i}].unit")
        if point.attendee_count is not None and point.attendee_count < 0:
            problems.append(Problem(f"bridge_points[{i}].attendee_count", "negative"))
        elif point.attendee_count is not None and point.attendee_count > MAX_COUNT:
            problems.append(Problem(f"bridge_points[{i}].attendee_count", "out_of_range"))
        for role, people in (("presiding", point.presiding), ("attendees", point.attendees)):
            for j, person in enumerate(people):
                appearance(person, f"bridge_points[{i}].{role}[{j}]")
    identities: set[tuple[str, dt.date | None]] = set()
    for i, studied in enumerate(form.documents):
        doc = studied.document
        need(doc.kind, f"documents[{i}].kind")
        need(doc.number, f"documents[{i}].number")
        for name in ("symbol", "issuer", "subject"):
            within(getattr(doc, name), f"documents[{i}].{name}")
        appearance(studied.presenter, f"documents[{i}].presenter", named=False)
        identity = (clean(doc.symbol) or clean(doc.number) or "", doc.issued_on)
        if identity in identities:
            problems.append(Problem(f"documents[{i}]", "duplicate"))
        identities.add(identity)
    for i, instruction in enumerate(form.instructions):
        need(instruction.text, f"instructions[{i}].text")
        appearance(instruction.speaker, f"instructions[{i}].speaker", named=False)
    return problems


# --- loading ------------------------------------------------------------------------------


def _appearance(person: Person | None, title: str | None) -> AppearanceForm | None:
    if person is None:
        return None
    return AppearanceForm(PersonRef(person.name, person.id), title)


def _document_form(doc: Document) -> DocumentForm:
    return DocumentForm(
        kind=doc.kind,
        number=doc.number,
        symbol=doc.symbol,
        issued_on=doc.issued_on,
        issuer=doc.issuer,
        subject=doc.subject,
        id=doc.id,
    )


def _stamp(instruction: Instruction) -> InstructionStamp:
    return InstructionStamp(
        instruction.id,
        instruction.version,
        tuple(sorted((t.id, t.version) for t in instruction.tasks)),
    )


def load_conference(db: Database, conference_id: int) -> ConferenceForm:
    """The stored conference as a form; raises ``RecordGone`` (a ``LookupError``) if there
    is none."""
    with db.reading() as session:
        c = session.scalars(
            select(Conference)
            .where(Conference.id == conference_id)
            .options(
                selectinload(Conference.chairs).selectinload(ConferenceChair.person),
                selectinload(Conference.bridge_points).options(
                    selectinload(BridgePoint.people).selectinload(BridgePointPerson.person),
                    selectinload(BridgePoint.unit),
                ),
                selectinload(Conference.documents_studied).options(
                    selectinload(StudiedDocument.document),
                    selectinload(StudiedDocument.presenter),
                ),
                # The tasks are counted, not loaded: there may be thousands, long ones.
                selectinload(Conference.instructions).selectinload(Instruction.speaker),
                selectinload(Conference.secretary),
            )
        ).one_or_none()
        if c is None:
            raise RecordGone("conference", conference_id)
        # The tasks are read as ids and versions only (there may be thousands, long ones):
        # their number for the editor, their versions for a later save's check.
        task_versions: dict[int, list[tuple[int, int]]] = {}
        for instruction_id, task_id, version in session.execute(
            select(Task.instruction_id, Task.id, Task.version)
            .join(Instruction)
            .where(Instruction.conference_id == conference_id)
        ):
            task_versions.setdefault(instruction_id, []).append((task_id, version))
        return ConferenceForm(
            id=c.id,
            version=c.version,
            read_instructions=tuple(
                InstructionStamp(i.id, i.version, tuple(sorted(task_versions.get(i.id, ()))))
                for i in c.instructions
            ),
            title=c.title,
            kind=c.kind,
            mode=c.mode,
            organizer=c.organizer,
            date=c.date,
            session=c.session,
            start_time=c.start_time,
            end_time=c.end_time,
            host_point=c.host_point,
            secretary=_appearance(c.secretary, c.secretary_title),
            chairs=tuple(
                AppearanceForm(PersonRef(ch.person.name, ch.person_id), ch.title) for ch in c.chairs
            ),
            bridge_points=tuple(
                BridgePointForm(
                    name=b.name,
                    unit=b.unit.name if b.unit else None,
                    presiding=tuple(
                        AppearanceForm(PersonRef(p.person.name, p.person_id), p.title)
                        for p in b.people
                        if p.role == "presiding"
                    ),
                    attendees=tuple(
                        AppearanceForm(PersonRef(p.person.name, p.person_id), p.title)
                        for p in b.people
                        if p.role == "attendee"
                    ),
                    attendee_count=b.attendee_count,
                )
                for b in c.bridge_points
            ),
            documents=tuple(
                StudiedForm(_document_form(s.document), _appearance(s.presenter, s.presenter_title))
                for s in c.documents_studied
            ),
            discussion=c.discussion,
            instructions=tuple(
                InstructionForm(
                    text=i.text,
                    speaker=_appearance(i.speaker, i.speaker_title),
                    id=i.id,
                    task_count=len(task_versions.get(i.id, ())),
                )
                for i in c.instructions
            ),
            notes=c.notes,
        )


# --- merging with someone else's save -----------------------------------------------------

# The parts of a form that a clerk edits, each merged whole (a list of bridge points is one).
MERGED_FIELDS = (
    "title",
    "kind",
    "mode",
    "organizer",
    "date",
    "session",
    "start_time",
    "end_time",
    "host_point",
    "secretary",
    "chairs",
    "bridge_points",
    "documents",
    "discussion",
    "instructions",
    "notes",
)


@dataclass(frozen=True)
class Merged:
    """``mine`` and ``theirs`` put together over ``base``: what each changed, and the parts
    both changed differently (``conflicts``, where ``mine`` is kept)."""

    form: ConferenceForm
    conflicts: tuple[str, ...]
    theirs_changed: tuple[str, ...]


def merge_forms(base: ConferenceForm, mine: ConferenceForm, theirs: ConferenceForm) -> Merged:
    """The clerk's unsaved form ``mine`` (edited from ``base``) over ``theirs``, the
    conference as someone else saved it since. A part only one side changed takes that
    side's value; a part both changed keeps the clerk's and is named in ``conflicts``. The
    result is read from ``theirs`` (its id and version), so that saving it applies the
    clerk's changes on top of theirs instead of over them."""
    values: dict[str, object] = {}
    conflicts: list[str] = []
    theirs_changed: list[str] = []
    for name in MERGED_FIELDS:
        b, m, t = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        if t != b:
            theirs_changed.append(name)
        if m == b:
            values[name] = t
        elif t == b or m == t:
            values[name] = m
        else:
            values[name] = m
            conflicts.append(name)
    if "instructions" in values and values["instructions"] is mine.instructions:
        # The clerk's instructions over theirs: task counts are as stored now.
        counts = {i.id: i.task_count for i in theirs.instructions if i.id is not None}
        values["instructions"] = tuple(
            replace(i, task_count=counts.get(i.id, i.task_count)) if i.id is not None else i
            for i in mine.instructions
        )
    form = replace(theirs, **values)  # type: ignore[arg-type]
    return Merged(form, tuple(conflicts), tuple(theirs_changed))


# --- saving -------------------------------------------------------------------------------


class _Resolver:
    """Finds or creates the people, units and documents a form names."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._people: dict[str, Person] = {}
        self._units: dict[str, Unit] = {}

    def person(self, ref: PersonRef) -> Person:
        if ref.id is not None:
            found = self.session.get(Person, ref.id)
            if found is not None and found.name == clean(ref.name):
                return found
        name = clean(ref.name) or ""
        if name in self._people:
            return self._people[name]
        candidates = self.session.scalars(
            select(Person)
            .where(Person.name == name)
            .order_by(Person.unit_id.is_not(None), Person.id)
        ).all()
        person = candidates[0] if candidates else Person(name=name)
        if not candidates:
            self.session.add(person)
        self._people[name] = person
        return person

    def unit(self, name: str | None) -> Unit | None:
        name = clean(name)
        if name is None:
            return None
        if name not in self._units:
            unit = self.session.scalars(select(Unit).where(Unit.name == name)).one_or_none()
            if unit is None:
                unit = Unit(name=name)
                self.session.add(unit)
            self._units[name] = unit
        return self._units[name]

    def document(self, form: DocumentForm) -> Document:
        if form.id is not None:
            found = self.session.get(Document, form.id)
            if found is not None:
                return found
        symbol, number = clean(form.symbol), clean(form.number) or ""
        key = symbol or number
        existing = self.session.scalars(
            select(Document).where(
                (Document.symbol == key) | (Document.symbol.is_(None) & (Document.number == key)),
                Document.issued_on.is_(None)
                if form.issued_on is None
                else Document.issued_on == form.issued_on,
            )
        ).first()
        if existing is not None:
            return existing
        document = Document(
            kind=clean(form.kind) or "",
            number=number,
            symbol=symbol,
            issued_on=form.issued_on,
            issuer=clean(form.issuer),
            subject=clean(form.subject),
        )
        self.session.add(document)
        self.session.flush()
        return document


def save_conference(db: Database, form: ConferenceForm, by: str | None = None) -> int:
    """Store ``form`` (a new conference when ``form.id`` is None) as changed by ``by``;
    returns its id.

    Raises ``ValueError`` when ``check(form)`` finds problems. Instructions that keep
    their id keep their tasks; an instruction removed from the form loses its tasks.
    Nothing is written, and ``StaleRecord`` is raised, when the stored conference is no
    longer at ``form.version`` or an instruction to remove (or one of its tasks) changed
    since the form was read; ``RecordGone`` when the conference was deleted or trashed.
    """
    if check(form):
        raise ValueError("the conference has problems; call check() first")
    with db.transaction() as session:
        resolve = _Resolver(session)
        if form.id is None:
            conference = Conference(title="", date=form.date)
            session.add(conference)
        else:
            found = session.get(Conference, form.id)
            if found is None:
                raise RecordGone("conference", form.id)
            if found.deleted_at is not None:
                raise RecordGone("conference", form.id, trashed=True)
            versions.check("conference", found, form.version)
            _check_removed_instructions(found, form)
            conference = found
        conference.title = clean(form.title) or ""
        conference.kind = clean(form.kind)
        conference.mode = form.mode
        conference.organizer = clean(form.organizer)
        assert form.date is not None
        conference.date = form.date
        conference.session = form.session
        conference.start_time = form.start_time
        conference.end_time = form.end_time
        conference.host_point = clean(form.host_point)
        conference.discussion = clean(form.discussion)
        conference.notes = clean(form.notes)
        versions.touch(conference, by)
        secretary = form.secretary
        conference.secretary = resolve.person(secretary.person) if secretary else None
        conference.secretary_title = clean(secretary.title) if secretary else None

        # Child rows are rebuilt; flushing the removal first frees their (conference, position).
        conference.chairs.clear()
        conference.bridge_points.clear()
        conference.documents_studied.clear()
        session.flush()
        conference.chairs.extend(
            ConferenceChair(position=i, person=resolve.person(a.person), title=clean(a.title))
            for i, a in enumerate(form.chairs)
        )
        for i, point in enumerate(form.bridge_points):
            conference.bridge_points.append(
                BridgePoint(
                    position=i,
                    name=clean(point.name) or "",
                    unit=resolve.unit(point.unit),
                    attendee_count=point.attendee_count,
                    people=[
                        BridgePointPerson(
                            role=role,
                            position=j,
                            person=resolve.person(a.person),
                            title=clean(a.title),
                        )
                        for role, people in (
                            ("presiding", point.presiding),
                            ("attendee", point.attendees),
                        )
                        for j, a in enumerate(people)
                    ],
                )
            )
        for i, studied in enumerate(form.documents):
            presenter = studied.presenter
            conference.documents_studied.append(
                StudiedDocument(
                    position=i,
                    document=resolve.document(studied.document),
                    presenter=resolve.person(presenter.person) if presenter else None,
                    presenter_title=clean(presenter.title) if presenter else None,
                )
            )
        _save_instructions(session, resolve, conference, form.instructions, by)
        session.flush()
        return conference.id


def _check_removed_instructions(conference: Conference, form: ConferenceForm) -> None:
    """Refuse to remove an instruction whose tasks were created, changed or deleted by
    someone else after the form was read (their work would go with it)."""
    kept = {f.id for f in form.instructions if f.id is not None}
    read = {s.id: s for s in form.read_instructions}
    for instruction in conference.instructions:
        if instruction.id in kept:
            continue
        seen = read.get(instruction.id)
        now = _stamp(instruction)
        if seen is None or seen == now:
            # An instruction the form never read was added by someone else's save, which
            # changed the conference's version: the version check has refused already.
            continue
        changed = [t for t in instruction.tasks if (t.id, t.version) not in seen.tasks]
        latest = max(changed, key=lambda t: t.version, default=None)
        record: Instruction | Task = instruction if latest is None else latest
        raise versions.StaleRecord(
            "instruction",
            instruction.id,
            read=seen.version,
            current=instruction.version,
            by=record.updated_by,
            at=versions.changed_at(record),
        )


def _save_instructions(
    session: Session,
    resolve: _Resolver,
    conference: Conference,
    forms: tuple[InstructionForm, ...],
    by: str | None,
) -> None:
    new_position = {f.id: p for p, f in enumerate(forms) if f.id is not None}
    for instruction in list(conference.instructions):
        if instruction.id not in new_position:
            conference.instructions.remove(instruction)
    # Move rows that change place out of the way first, so that the new order never collides
    # on (conference, position); rows that stay are not written (their version stays).
    for instruction in conference.instructions:
        if new_position[instruction.id] != instruction.position:
            instruction.position = -1 - instruction.position
    session.flush()
    by_id = {i.id: i for i in conference.instructions}
    for position, form in enumerate(forms):
        found = by_id.get(form.id) if form.id is not None else None
        if found is None:
            found = Instruction(text="")
            conference.instructions.append(found)
        instruction = found
        instruction.position = position
        instruction.text = clean(form.text) or ""
        instruction.speaker = resolve.person(form.speaker.person) if form.speaker else None
        instruction.speaker_title = clean(form.speaker.title) if form.speaker else None
        if instruction.id is None or session.is_modified(instruction):
            versions.touch(instruction, by)


# --- trash ----------------------------------------------------------------------------------


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
