"""Search everywhere: conferences, documents, tasks, people and units, blind to accents.

Matching folds both sides (no diacritics, lower case, đ = d, so both tone-mark placements
match) and needs every typed word somewhere in a record. A document symbol typed in
ASCII ("96-QD/TW", "qd 96") finds "96-QĐ/TW" because symbols fold the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, or_, select
from sqlalchemy.orm import Session

from minutes_app.core.text import fold
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    BridgePoint,
    BridgePointPerson,
    Conference,
    ConferenceChair,
    Document,
    Instruction,
    Person,
    Task,
    Unit,
)

KINDS = ("conference", "document", "task", "person", "unit")
SNIPPET = 80


@dataclass(frozen=True)
class Hit:
    type: str
    id: int
    label: str
    snippet: str
    score: float

    def to_json(self) -> dict[str, object]:
        return {"type": self.type, "id": self.id, "label": self.label, "snippet": self.snippet}


def words_of(query: str) -> list[str]:
    """The folded words of a query; a symbol's punctuation separates words."""
    folded = fold(query)
    for mark in "-/.,;:()":
        folded = folded.replace(mark, " ")
    return [w for w in folded.split() if w]


def _all_in(haystack: Any, words: list[str]) -> ColumnElement[bool]:
    """Every word occurs in the folded ``haystack`` (a column or a text expression)."""
    return and_(*(func.fold(haystack).contains(w, autoescape=True) for w in words))


def _snippet(text: str, words: list[str]) -> str:
    """A short piece of ``text`` around the first word found, as it stands (with accents)."""
    folded = fold(text)
    start = min((folded.find(w) for w in words if w in folded), default=0)
    # fold() keeps one character per character but squeezes spaces: re-find in plain text.
    left = max(0, start - SNIPPET // 3)
    piece = " ".join(text.split())[left : left + SNIPPET]
    return ("…" if left else "") + piece + ("…" if left + SNIPPET < len(text) else "")


def _score(label: str, words: list[str]) -> float:
    folded = fold(label)
    base = sum(1.0 for w in words if w in folded)
    return base + (2.0 if folded.startswith(words[0]) else 0.0)


def search(db: Database, query: str, limit: int = 50) -> list[Hit]:
    """Hits for ``query``, best first; at most ``limit`` of each kind."""
    words = words_of(query)
    if not words:
        return []
    with db.reading() as session:
        hits = [
            *_documents(session, words, limit),
            *_conferences(session, words, limit),
            *_tasks(session, words, limit),
            *_people(session, words, limit),
            *_units(session, words, limit),
        ]
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(hits, key=lambda h: (-h.score, order[h.type], h.label))


def _documents(session: Session, words: list[str], limit: int) -> list[Hit]:
    text = func.coalesce(Document.symbol, Document.number)
    haystack = (
        Document.kind
        + literal(" ")
        + text
        + literal(" ")
        + Document.number
        + literal(" ")
        + func.coalesce(Document.issuer, "")
        + literal(" ")
        + func.coalesce(Document.subject, "")
    )
    rows = session.execute(
        select(Document.id, Document.kind, text, Document.issued_on, Document.subject)
        .where(_all_in(haystack, words))
        .limit(limit)
    ).all()
    hits = []
    for doc_id, kind, symbol, issued_on, subject in rows:
        when = f" ngày {issued_on:%d/%m/%Y}" if issued_on else ""
        label = f"{kind} {symbol}{when}"
        # A symbol match ranks a document above texts that only mention it.
        bonus = 3.0 if all(w in fold(f"{kind} {symbol}") for w in words) else 0.0
        hits.append(Hit("document", doc_id, label, subject or "", _score(label, words) + bonus))
    return hits


def _conferences(session: Session, words: list[str], limit: int) -> list[Hit]:
    related = or_(
        Conference.id.in_(
            select(ConferenceChair.conference_id).join(Person).where(_all_in(Person.name, words))
        ),
        Conference.id.in_(
            select(BridgePoint.conference_id).where(_all_in(BridgePoint.name, words))
        ),
        Conference.id.in_(
            select(BridgePoint.conference_id)
            .join(BridgePointPerson)
            .join(Person)
            .where(_all_in(Person.name, words))
        ),
        Conference.id.in_(
            select(Instruction.conference_id).where(_all_in(Instruction.text, words))
        ),
    )
    own = (
        Conference.title
        + literal(" ")
        + func.coalesce(Conference.organizer, "")
        + literal(" ")
        + func.coalesce(Conference.host_point, "")
        + literal(" ")
        + func.coalesce(Conference.discussion, "")
        + literal(" ")
        + func.coalesce(Conference.notes, "")
    )
    rows = session.execute(
        select(Conference.id, Conference.title, Conference.date, own.label("own"))
        .where(Conference.deleted_at.is_(None), or_(_all_in(own, words), related))
        .order_by(Conference.date.desc())
        .limit(limit)
    ).all()
    hits = []
    for conference_id, title, date, text in rows:
        label = f"{date:%d/%m/%Y} {title}"
        in_text = all(w in fold(text) for w in words)
        snippet = _snippet(text, words) if in_text else ""
        hits.append(Hit("conference", conference_id, label, snippet, _score(title, words)))
    return hits


def _tasks(session: Session, words: list[str], limit: int) -> list[Hit]:
    rows = session.execute(
        select(Task.id, Task.title, Task.result, Unit.name)
        .join(Unit, Task.lead_unit_id == Unit.id)
        .where(*(Task.search_text.contains(w, autoescape=True) for w in words))
        .order_by(Task.id.desc())
        .limit(limit)
    ).all()
    return [
        Hit("task", task_id, title, f"{unit}" + (f" — {result}" if result else ""),
            _score(title, words) - 0.5)
        for task_id, title, result, unit in rows
    ]  # fmt: skip


def _people(session: Session, words: list[str], limit: int) -> list[Hit]:
    rows = session.execute(
        select(Person.id, Person.name, Unit.name)
        .outerjoin(Unit, Person.unit_id == Unit.id)
        .where(_all_in(Person.name, words))
        .limit(limit)
    ).all()
    return [Hit("person", pid, name, unit or "", _score(name, words)) for pid, name, unit in rows]


def _units(session: Session, words: list[str], limit: int) -> list[Hit]:
    rows = session.execute(
        select(Unit.id, Unit.name, Unit.kind).where(_all_in(Unit.name, words)).limit(limit)
    ).all()
    return [Hit("unit", uid, name, kind or "", _score(name, words)) for uid, name, kind in rows]
