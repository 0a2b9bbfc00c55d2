"""Storing a conference form in one transaction: the people, units and documents it names
found or created, and a save refused when someone else changed the conference since the
form was read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from minutes_app.base.text import clean
from minutes_app.core.conferences.checks import check
from minutes_app.core.conferences.forms import (
    ConferenceForm,
    DocumentForm,
    InstructionForm,
    InstructionStamp,
    PersonRef,
)
from minutes_app.core.conferences.sign_off import refuse_if_signed_off
from minutes_app.db import versions
from minutes_app.db.engine import Database
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
    Unit,
)
from minutes_app.db.versions import RecordGone


def _stamp(instruction: Instruction) -> InstructionStamp:
    return InstructionStamp(
        instruction.id,
        instruction.version,
        tuple(sorted((t.id, t.version) for t in instruction.tasks)),
    )


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
            refuse_if_signed_off(found)
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

        # A part whose rows would come back the same is left alone (no churn in the change
        # log); a changed part is rebuilt, its removal flushed first to free its
        # (conference, position).
        parts: list[tuple[list[Any], list[Any], Callable[[Any], tuple[object, ...]]]] = [
            (conference.chairs, _chairs(form, resolve), _chair_key),
            (conference.bridge_points, _bridge_points(form, resolve), _point_key),
            (conference.documents_studied, _studied(form, resolve), _studied_key),
            (conference.absences, _absences(form, resolve), _absence_key),
            (conference.papers, _papers(form, resolve), _paper_key),
        ]
        changed = [
            (rows, fresh)
            for rows, fresh, key in parts
            if [key(r) for r in rows] != [key(r) for r in fresh]
        ]
        for rows, _ in changed:
            rows.clear()
        session.flush()
        for rows, fresh in changed:
            rows.extend(fresh)
        _save_instructions(session, resolve, conference, form.instructions, by)
        session.flush()
        return conference.id


def _chairs(form: ConferenceForm, resolve: _Resolver) -> list[ConferenceChair]:
    return [
        ConferenceChair(position=i, person=resolve.person(a.person), title=clean(a.title))
        for i, a in enumerate(form.chairs)
    ]


def _chair_key(row: ConferenceChair) -> tuple[object, ...]:
    return (row.position, row.person, row.title)


def _bridge_points(form: ConferenceForm, resolve: _Resolver) -> list[BridgePoint]:
    return [
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
                for role, people in (("presiding", point.presiding), ("attendee", point.attendees))
                for j, a in enumerate(people)
            ],
        )
        for i, point in enumerate(form.bridge_points)
    ]


def _point_key(row: BridgePoint) -> tuple[object, ...]:
    people = tuple(
        (p.role, p.position, p.person, p.title)
        for p in sorted(row.people, key=lambda p: (p.role, p.position))
    )
    return (row.position, row.name, row.unit, row.attendee_count, people)


def _studied(form: ConferenceForm, resolve: _Resolver) -> list[StudiedDocument]:
    return [
        StudiedDocument(
            position=i,
            document=resolve.document(studied.document),
            presenter=resolve.person(studied.presenter.person) if studied.presenter else None,
            presenter_title=clean(studied.presenter.title) if studied.presenter else None,
        )
        for i, studied in enumerate(form.documents)
    ]


def _studied_key(row: StudiedDocument) -> tuple[object, ...]:
    return (row.position, row.document, row.presenter, row.presenter_title)


def _absences(form: ConferenceForm, resolve: _Resolver) -> list[Absence]:
    return [
        Absence(
            position=i,
            person=resolve.person(a.person),
            title=clean(a.title),
            reason=clean(a.reason),
        )
        for i, a in enumerate(form.absent)
    ]


def _absence_key(row: Absence) -> tuple[object, ...]:
    return (row.position, row.person, row.title, row.reason)


def _papers(form: ConferenceForm, resolve: _Resolver) -> list[IssuedPaper]:
    return [
        IssuedPaper(
            position=i,
            kind=p.kind,
            number=clean(p.number) or "",
            issued_on=p.issued_on,
            signer=resolve.person(p.signer.person) if p.signer else None,
            signer_title=clean(p.signer.title) if p.signer else None,
            authority=clean(p.authority),
            signed_off_at=p.signed_off_at,
        )
        for i, p in enumerate(form.papers)
    ]


def _paper_key(row: IssuedPaper) -> tuple[object, ...]:
    return (
        row.position,
        row.kind,
        row.number,
        row.issued_on,
        row.signer,
        row.signer_title,
        row.authority,
        row.signed_off_at,
    )


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
