"""The document catalogue and the choices the conference editor offers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from minutes_app.core.conference_edit import KINDS, DocumentForm
from minutes_app.core.text import fold
from minutes_app.db.engine import Database
from minutes_app.db.models import Conference, Document, Person, Unit

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
            for d in session.scalars(select(Document).order_by(Document.issued_on.desc()))
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
    )
