"""The register of issued papers: which numbers each kind of paper took in a year, and the
number the next one takes ("12-BB/BTCTU" after "11-BB/BTCTU")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from minutes_app.core.conferences.forms import PAPER_CODES, PaperForm
from minutes_app.db.engine import Database
from minutes_app.db.models import IssuedPaper

_LEADING = re.compile(r"\s*(\d+)")


@dataclass(frozen=True)
class IssuedNumber:
    """A number in the register: the conference whose paper took it, kind, day, number."""

    conference_id: int | None
    kind: str
    issued_on: dt.date
    number: str


def issued_numbers(db: Database) -> tuple[IssuedNumber, ...]:
    """Every number issued so far, trash included: a number once issued is not reused."""
    with db.reading() as session:
        rows = session.execute(
            select(
                IssuedPaper.conference_id,
                IssuedPaper.kind,
                IssuedPaper.issued_on,
                IssuedPaper.number,
            )
        ).all()
    return tuple(IssuedNumber(*row) for row in rows)


def paper_suffix(kind: str, symbol: str) -> str:
    """What follows the number: "-BB/BTCTU" for minutes, "-TB/BTCTU" for a notice."""
    return f"-{PAPER_CODES.get(kind, '')}/{symbol}"


def next_number(
    issued: Iterable[IssuedNumber],
    kind: str,
    year: int,
    symbol: str,
    *,
    conference_id: int | None = None,
    unsaved: Iterable[PaperForm] = (),
) -> str:
    """The number the next paper of ``kind`` issued in ``year`` takes: one more than the
    highest of that kind and year, two digits at least ("05-TB/BTCTU").

    ``conference_id`` and ``unsaved``: the conference being edited, whose papers count as
    the editor shows them (``unsaved``) rather than as stored.
    """
    numbers = [
        (n.kind, n.issued_on, n.number)
        for n in issued
        if conference_id is None or n.conference_id != conference_id
    ]
    numbers += [(p.kind, p.issued_on, p.number) for p in unsaved if p.issued_on is not None]
    highest = 0
    for paper_kind, day, number in numbers:
        found = _LEADING.match(number)
        if paper_kind == kind and day is not None and day.year == year and found:
            highest = max(highest, int(found.group(1)))
    return f"{highest + 1:02d}{paper_suffix(kind, symbol)}"
