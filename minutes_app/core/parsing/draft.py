"""A conference draft read from a whole news article or notice about an online conference.

The reader proposes, the clerk decides: every field is a best guess with the place it
came from (:class:`Span`), so the window can highlight it and the clerk can correct it.
The modules beside this one read each field; this one puts the draft together.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from minutes_app.base.pasted import Pasted, readable
from minutes_app.core.parsing.bridge_points import (
    BridgePointDraft,
    read_bridge_points,
    read_host_point,
)
from minutes_app.core.parsing.chairs import read_chairs
from minutes_app.core.parsing.citations import Citation, documents_of, mentions_in
from minutes_app.core.parsing.conference_date import (
    Cited,
    event_date,
    infer_year,
    session_today,
)
from minutes_app.core.parsing.dates import date_or_none
from minutes_app.core.parsing.instructions import read_instructions
from minutes_app.core.parsing.organizer import read_organizer
from minutes_app.core.parsing.people import PersonMention
from minutes_app.core.parsing.shadow import shadow
from minutes_app.core.parsing.spans import Span
from minutes_app.core.parsing.title import read_title

__all__ = [
    "ConferenceDraft",
    "draft_from_text",
    "draft_to_json",
]


@dataclass(frozen=True)
class ConferenceDraft:
    """What the text says about one conference; ``None`` where it says nothing."""

    title: str | None
    date: datetime.date | None
    date_text: str | None
    year_inferred: bool
    session: str | None
    organizer: str | None
    host_point: str | None
    chairs: tuple[PersonMention, ...]
    bridge_points: tuple[BridgePointDraft, ...]
    documents: tuple[Citation, ...]
    instructions: tuple[str, ...]
    spans: tuple[Span, ...]


def draft_from_text(text: str, today: datetime.date | None = None) -> ConferenceDraft:
    """Read a conference draft from an article; never raises on any text. The text is read
    as ``base.pasted.readable`` makes it (legacy fonts converted, artefacts gone, lines a
    page's width broke joined); the spans are its places in that text. ``today``: the day
    it is read, from which a conference date written without a year takes the latest
    such day on or before it (when no dateline or period in the text gives the year)."""
    pasted = readable(text)
    text = pasted.text
    shade = shadow(text)
    mentions = mentions_in(text)
    documents = documents_of(mentions)
    cited = Cited([(m.start, m.end) for m in mentions])
    spans = [Span(m.start, m.end, "document") for m in mentions]

    title, title_span = read_title(text)
    date, date_text, year_inferred, session = None, None, False, None
    found = event_date(text, shade, cited)
    if found is not None and found.days_ago is not None:
        # "Sáng nay, …", "Chiều qua, …" and no day written: from the day the clerk reads it
        if today is not None:
            date, year_inferred = today - datetime.timedelta(days=found.days_ago), True
            date_text = text[found.span.start : found.span.end]
            spans.append(found.span)
        session = found.session or session_today(shade, cited)
    elif found is not None:
        year = found.year
        if year is None:
            year = infer_year(text, shade, found, cited, documents, today)
            year_inferred = year is not None
        date = date_or_none(year, found.month, found.day) if year is not None else None
        if date is not None:
            date_text = text[found.span.start : found.span.end]
            spans.append(found.span)
        else:
            year_inferred = False
        session = found.session or session_today(shade, cited)
    else:
        session = session_today(shade, cited)  # "Hội nghị diễn ra vào buổi chiều"
    organizer, organizer_span = read_organizer(text, shade)
    host, host_span = read_host_point(text)
    chairs, chair_spans = read_chairs(text, host)
    bridges, bridge_spans = read_bridge_points(text, host)
    instructions, instruction_spans = read_instructions(text)
    for span in (title_span, organizer_span, host_span):
        if span is not None:
            spans.append(span)
    spans.extend(chair_spans + bridge_spans + instruction_spans)
    return ConferenceDraft(
        title=title,
        date=date,
        date_text=date_text,
        year_inferred=year_inferred,
        session=session,
        organizer=organizer,
        host_point=host,
        chairs=chairs,
        bridge_points=bridges,
        documents=tuple(
            replace(d, start=start, end=end)
            for d in documents
            for start, end in [pasted.place(d.start, d.end)]
        ),
        instructions=instructions,
        spans=tuple(sorted((_placed(pasted, s) for s in spans), key=lambda s: (s.start, s.end))),
    )


def _placed(pasted: Pasted, span: Span) -> Span:
    """``span`` of the readable text as a span of the text as pasted."""
    start, end = pasted.place(span.start, span.end)
    return Span(start, end, span.what)


def _person_json(person: PersonMention) -> dict[str, object]:
    return {"name": person.name, "title": person.title}


def _document_json(doc: Citation) -> dict[str, object]:
    return {
        "kind": doc.kind,
        "number": doc.number,
        "symbol": doc.symbol,
        "issued_on": doc.issued_on.isoformat() if doc.issued_on else None,
        "issuer": doc.issuer,
        "subject": doc.subject,
        "text": doc.text,
    }


def draft_to_json(draft: ConferenceDraft) -> dict[str, object]:
    """The draft in the shape of CONTRACT.md, section ``parse --json``."""
    return {
        "title": draft.title,
        "date": draft.date.isoformat() if draft.date else None,
        "date_text": draft.date_text,
        "year_inferred": draft.year_inferred,
        "session": draft.session,
        "organizer": draft.organizer,
        "host_point": draft.host_point,
        "chairs": [_person_json(person) for person in draft.chairs],
        "bridge_points": [
            {"name": point.name, "presiding": [_person_json(p) for p in point.presiding]}
            for point in draft.bridge_points
        ],
        "documents": [_document_json(doc) for doc in draft.documents],
        "instructions": list(draft.instructions),
    }
