"""Days: as the office writes them, and the calendar arithmetic of deadlines and periods."""

from __future__ import annotations

import datetime as dt
import re


def vn_date(day: dt.date | None) -> str:
    """dd/mm/yyyy, or an empty string."""
    return day.strftime("%d/%m/%Y") if day else ""


def month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` (1-12; a month past December runs into the next year)."""
    after = dt.date(year + month // 12, month % 12 + 1, 1)
    return after - dt.timedelta(days=1)


# A day as a clerk types or pastes it: day/month/year (with "/", "-" or "." between, one or
# two digits for the day and month, four for the year) or the ISO year-month-day.
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# What a whole day may still become as more is typed: digits and separators, in order.
_PARTIAL = re.compile(
    r"\d{0,2}|\d{1,2}[/.-](\d{0,2}|\d{1,2}[/.-]\d{0,4})|\d{3,4}|\d{4}-(\d{0,2}|\d{1,2}-\d{0,2})"
)


def typed_day(text: str) -> dt.date | None:
    """The day ``text`` writes out whole ("30/6/2020", "30/06/2020", "30-06-2020",
    "30.06.2020", "2020-06-30"), or None: a part of a day, or no such day (31/04)."""
    text = text.strip()
    if m := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _YMD.fullmatch(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def may_become_day(text: str) -> bool:
    """Whether typing on could turn ``text`` into a whole day ("30/0", "2020-", "")."""
    return _PARTIAL.fullmatch(text.strip()) is not None
