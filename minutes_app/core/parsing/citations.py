"""Find the documents (nghị quyết, quy định, hướng dẫn, …) cited in Vietnamese text: every
place one is cited, and each document once."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from minutes_app.base.pasted import readable
from minutes_app.core.parsing.inference import fill_from_context
from minutes_app.core.parsing.issuing import fill_issue
from minutes_app.core.parsing.mentions import Mention, scan_mentions
from minutes_app.core.parsing.shadow import shadow
from minutes_app.core.parsing.subjects import read_subject

__all__ = [
    "Citation",
    "documents_of",
    "find_citations",
    "find_mentions",
    "mentions_in",
]


@dataclass(frozen=True)
class Citation:
    """One cited document, as written at one place in the text."""

    kind: str
    number: str
    symbol: str | None
    issued_on: datetime.date | None
    issuer: str | None
    subject: str | None
    text: str
    start: int
    end: int


_KIND_FAMILIES = ({"Thông báo kết luận", "Kết luận", "Thông báo"},)


def _kinds_compatible(a: str, b: str) -> bool:
    return a == b or any(a in family and b in family for family in _KIND_FAMILIES)


def _numbers_equal(a: str, b: str) -> bool:
    if a.isdigit() and b.isdigit():
        return int(a) == int(b)
    return a == b


def _same_document(a: Citation, b: Citation) -> bool:
    if a.issued_on and b.issued_on and a.issued_on != b.issued_on:
        return False
    if a.symbol and b.symbol:
        return a.symbol.casefold() == b.symbol.casefold()
    return _numbers_equal(a.number, b.number) and _kinds_compatible(a.kind, b.kind)


def _merge(first: Citation, later: Citation) -> Citation:
    richer = later if later.symbol and not first.symbol else first
    return dataclasses.replace(
        richer,
        kind=first.kind,
        symbol=first.symbol or later.symbol,
        issued_on=first.issued_on or later.issued_on,
        issuer=first.issuer or later.issuer,
        subject=first.subject or later.subject,
    )


def _to_citation(text: str, shade: str, mention: Mention, limit: int) -> Citation:
    subject = read_subject(text, shade, mention.end, limit)
    start, end = mention.start, mention.end
    while start < end and text[start] in _LOOSE_ENDS:
        start += 1
    while end > start and text[end - 1] in _LOOSE_ENDS:
        end -= 1
    # A closing bracket belongs to the citation only when it opened inside it.
    if text[end - 1 : end] == ")" and text.count("(", start, end) < text.count(")", start, end):
        end -= 1
    return Citation(
        kind=mention.kind,
        number=mention.number,
        symbol=mention.symbol,
        issued_on=mention.issued_on,
        issuer=mention.issuer,
        subject=subject,
        text=text[start:end],
        start=start,
        end=end,
    )


_LOOSE_ENDS = frozenset(" \t,(")


def find_mentions(text: str) -> list[Citation]:
    """Every place a document is cited, in order, repeats included (for highlighting); the
    text is read as ``base.pasted.readable`` makes it, each place is where it stands in the
    text as pasted (a legacy font's text: as converted)."""
    pasted = readable(text)
    return [
        dataclasses.replace(c, start=start, end=end)
        for c in mentions_in(pasted.text)
        for start, end in [pasted.place(c.start, c.end)]
    ]


def mentions_in(text: str) -> list[Citation]:
    """``find_mentions`` in a text already readable (``base.pasted.readable``), its places
    in that text."""
    shade = shadow(text)
    mentions = sorted(scan_mentions(text, shade), key=lambda m: m.start)
    fill_from_context(text, shade, mentions)
    citations: list[Citation] = []
    for index, mention in enumerate(mentions):
        following = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
        limit = max(following, mention.end)
        citations.append(_to_citation(text, shade, mention, limit))
    return fill_issue(text, citations)  # type: ignore[arg-type,return-value]


def find_citations(text: str) -> list[Citation]:
    """Every document cited in ``text``, once each, in order of first mention.

    A later mention of the same document ("Quy định 96" after "Quy định số 96-QĐ/TW")
    adds what the first lacked (date, issuer, symbol) but is not listed again.
    """
    return documents_of(find_mentions(text))


def _number_key(number: str) -> str:
    return str(int(number)) if number.isdigit() else number


def documents_of(mentions: list[Citation]) -> list[Citation]:
    """The documents named by ``mentions`` (from :func:`find_mentions`), once each."""
    documents: list[Citation] = []
    # Two mentions can only be one document when their numbers agree, so each mention is
    # compared with the documents of its own number, not with every document so far.
    by_number: dict[str, list[int]] = {}
    for mention in mentions:
        indices = by_number.setdefault(_number_key(mention.number), [])
        for index in indices:
            if _same_document(documents[index], mention):
                documents[index] = _merge(documents[index], mention)
                break
        else:
            indices.append(len(documents))
            documents.append(mention)
    return documents
