"""Reading a stored conference into a form, with the versions a later save is checked
against."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from minutes_app.core.conferences.forms import (
    AbsenceForm,
    AppearanceForm,
    BridgePointForm,
    ConferenceForm,
    DocumentForm,
    InstructionForm,
    InstructionStamp,
    PaperForm,
    PersonRef,
    StudiedForm,
)
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
)
from minutes_app.db.versions import RecordGone


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
                selectinload(Conference.absences).selectinload(Absence.person),
                selectinload(Conference.papers).selectinload(IssuedPaper.signer),
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
            absent=tuple(
                AbsenceForm(PersonRef(a.person.name, a.person_id), a.title, a.reason)
                for a in c.absences
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
            papers=tuple(
                PaperForm(
                    kind=p.kind,
                    number=p.number,
                    issued_on=p.issued_on,
                    signer=_appearance(p.signer, p.signer_title),
                    authority=p.authority,
                    signed_off_at=p.signed_off_at,
                )
                for p in c.papers
            ),
        )
