"""The document catalogue and the choices the conference editor offers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update

from minutes_app.base.text import fold
from minutes_app.core.conferences.forms import KINDS, DocumentForm
from minutes_app.core.conferences.numbering import IssuedNumber, issued_numbers
from minutes_app.core.paperwork.office import load_office
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    Conference,
    Document,
    Instruction,
    Person,
    StudiedDocument,
    Task,
    Unit,
)
from minutes_app.db.reading import nulls_low

DOCUMENT_KINDS = (
    "Nghị quyết",
    "Quy định",
    "Quyết định",
    "Chỉ thị",
    "Kết luận",
    "Hướng dẫn",
    "Thông báo",
    "Thông báo kết luận",
    "Kế hoạch",
    "Công văn",
    "Quy chế",
    "Thông tri",
    "Đề án",
    "Nghị định",
    "Thông tư",
    "Luật",
)


@dataclass(frozen=True)
class EditorChoices:
    """Names the editor completes from: what has been typed before."""

    people: tuple[str, ...]
    units: tuple[str, ...]
    organizers: tuple[str, ...]
    kinds: tuple[str, ...]
    documents: tuple[DocumentForm, ...]
    # The register of issued papers and the office's symbol, for proposing numbers.
    issued: tuple[IssuedNumber, ...] = ()
    office_symbol: str = ""


def list_documents(db: Database) -> list[DocumentForm]:
    with db.reading() as session:
        return [
            DocumentForm(
                kind=d.kind,
                number=d.number,
                symbol=d.symbol,
                issued_on=d.issued_on,
                issuer=d.issuer,
                subject=d.subject,
                id=d.id,
            )
            for d in session.scalars(
                select(Document).order_by(nulls_low(Document.issued_on, descending=True))
            )
        ]


def document_haystack(doc: DocumentForm) -> str:
    """Folded text a document is found by: kind, symbol, number, date, issuer, subject."""
    when = f"{doc.issued_on:%d/%m/%Y}" if doc.issued_on else ""
    parts = (doc.kind, doc.symbol or "", doc.number, when, doc.issuer or "", doc.subject or "")
    return fold(" ".join(parts))


def editor_choices(db: Database) -> EditorChoices:
    with db.reading() as session:
        people = session.scalars(select(Person.name).distinct()).all()
        units = session.scalars(select(Unit.name)).all()
        organizers = session.scalars(
            select(Conference.organizer).where(Conference.organizer.is_not(None)).distinct()
        ).all()
        kinds = session.scalars(
            select(Conference.kind).where(Conference.kind.is_not(None)).distinct()
        ).all()
    return EditorChoices(
        people=tuple(people),
        units=tuple(units),
        organizers=tuple(o for o in organizers if o),
        kinds=tuple(dict.fromkeys([*KINDS, *(k for k in kinds if k)])),
        documents=tuple(list_documents(db)),
        issued=issued_numbers(db),
        office_symbol=load_office(db).symbol,
    )


@dataclass(frozen=True)
class CatalogueRow:
    """A document with how often it was studied."""

    id: int
    kind: str
    symbol: str
    issued_on: dt.date | None
    issuer: str | None
    subject: str | None
    conferences: int


@dataclass(frozen=True)
class DocumentUse:
    """Where a document was studied, and the tasks that followed those conferences."""

    conferences: tuple[tuple[int, dt.date, str], ...]
    tasks: tuple[tuple[int, str, str], ...]


def catalogue(db: Database) -> list[CatalogueRow]:
    with db.reading() as session:
        uses = dict(
            session.execute(
                select(StudiedDocument.document_id, func.count())
                .join(Conference)
                .where(Conference.deleted_at.is_(None))
                .group_by(StudiedDocument.document_id)
            ).all()
        )
        rows = session.scalars(select(Document)).all()
        return [
            CatalogueRow(
                id=d.id,
                kind=d.kind,
                symbol=d.symbol or d.number,
                issued_on=d.issued_on,
                issuer=d.issuer,
                subject=d.subject,
                conferences=uses.get(d.id, 0),
            )
            for d in rows
        ]


def document_use(db: Database, document_id: int) -> DocumentUse:
    with db.reading() as session:
        conferences = session.execute(
            select(Conference.id, Conference.date, Conference.title)
            .join(StudiedDocument)
            .where(StudiedDocument.document_id == document_id, Conference.deleted_at.is_(None))
            .order_by(Conference.date)
        ).all()
        ids = [c.id for c in conferences]
        tasks = session.execute(
            select(Task.id, Task.title, Unit.name)
            .join(Instruction)
            .join(Unit, Task.lead_unit_id == Unit.id)
            .where(Instruction.conference_id.in_(ids))
            .order_by(Task.id)
        ).all()
    return DocumentUse(
        conferences=tuple((c.id, c.date, c.title) for c in conferences),
        tasks=tuple((t.id, t.title, t.name) for t in tasks),
    )


def merge_documents(db: Database, keep_id: int, remove_id: int) -> None:
    """Make two catalogue entries of one document one: conferences that studied the other
    now studied the kept one (once), and the kept one gains what only the other knew."""
    if keep_id == remove_id:
        raise ValueError("same document")
    with db.transaction() as session:
        keep, remove = session.get(Document, keep_id), session.get(Document, remove_id)
        if keep is None or remove is None:
            raise LookupError(keep_id if keep is None else remove_id)
        both = select(StudiedDocument.conference_id).where(StudiedDocument.document_id == keep_id)
        session.execute(
            delete(StudiedDocument).where(
                StudiedDocument.document_id == remove_id, StudiedDocument.conference_id.in_(both)
            )
        )
        session.execute(
            update(StudiedDocument)
            .where(StudiedDocument.document_id == remove_id)
            .values(document_id=keep_id)
        )
        # Only what does not make up the identity is carried over: the kept symbol and date
        # stay, so the merge cannot collide with a third entry.
        for name in ("issuer", "subject"):
            if getattr(keep, name) is None:
                setattr(keep, name, getattr(remove, name))
        session.delete(remove)
