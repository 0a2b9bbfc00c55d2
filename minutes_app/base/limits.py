"""The limits of what is stored: how long a text, how large a number, which days.

One definition for every way in: the conference editor's checks, the task actions, the
exchange-file importer and the command line all refuse what is beyond them, so that what
one of them stores, another can read back.
"""

from __future__ import annotations

import datetime as dt

MAX_TEXT = 100_000
"""Characters of any stored text (a title, a name, a discussion, an instruction, a note):
longer than any real minutes; keeps a pasted file from bloating a row."""

MAX_TITLE = 2_000
"""Characters of a task's title: one line of the register, not a document."""

MAX_COUNT = 1_000_000
"""The largest head count (a bridge point's attendees): more than a province's members."""

MAX_INTEGER = 2**63 - 1
"""SQLite's largest integer: a number beyond it cannot be stored at all."""

FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2999, 12, 31)
"""The days a date may be: a conference, a deadline or a report's period. Far from the
ends of Python's calendar (years 1 to 9999), so that a day before or after any of them,
or a quarter or a year later, can still be reckoned."""


def too_long(text: str | None, limit: int = MAX_TEXT) -> bool:
    """Whether ``text`` has more than ``limit`` characters."""
    return text is not None and len(text) > limit


def day_in_range(day: dt.date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def day_range_words() -> str:
    """ "1900-01-01 to 2999-12-31", for messages."""
    return f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
