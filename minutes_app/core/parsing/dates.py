"""How Vietnamese text writes a date ("ngày 10/6/2024", "ngày 10 tháng 6 năm 2024", "ngày
10/6" without the year), in the shadow text, and the date a match names."""

from __future__ import annotations

import datetime
import re

_NUMERIC_DATE = (
    r"(?P<d>\d{1,2})[ \t]?(?P<s>[/.\-])[ \t]?(?P<m>\d{1,2})[ \t]?(?P=s)[ \t]?(?P<y>\d{4})(?!\d)"
)
_WORDED_DATE = (
    r"(?i:ngay)[ \t]{1,3}(?P<d2>\d{1,2})[ \t]{1,3}(?i:thang)[ \t]{1,3}(?P<m2>\d{1,2})"
    r"[ \t]{0,3},?[ \t]{1,3}(?i:nam)[ \t]{1,3}(?P<y2>\d{4})(?!\d)"
)
DATE_PATTERN = rf"(?:(?:(?i:ngay)[ \t]{{0,3}})?{_NUMERIC_DATE}|{_WORDED_DATE})"
TAIL_DATE = re.compile(
    r"[ \t]{0,3}(?:,[ \t]{0,3}|\([ \t]{0,3})?(?P<same>(?i:cung)[ \t]{1,3})?"
    r"(?:(?i:ban[ \t]hanh|ky)[ \t]{1,3})?"
    rf"{DATE_PATTERN}(?:[ \t]{{0,3}}\))?"
)
# "ngày 10/6", "ngày 10 tháng 6": the year is read from the symbol or the text around.
_PARTIAL_DATE = (
    r"(?i:ngay)[ \t]{0,3}(?P<pd>\d{1,2})[ \t]?[/\-.][ \t]?(?P<pm>\d{1,2})"
    r"(?![\d/\-]|[ \t]?[/.][ \t]?\d)"
    r"|(?i:ngay)[ \t]{1,3}(?P<pd2>\d{1,2})[ \t]{1,3}(?i:thang)[ \t]{1,3}(?P<pm2>\d{1,2})(?!\d)"
    r"(?![ \t]{0,3},?[ \t]{0,3}(?i:nam)\b)"
)
TAIL_PARTIAL_DATE = re.compile(
    r"[ \t]{0,3}(?:,[ \t]{0,3}|\([ \t]{0,3})?(?:(?i:ban[ \t]hanh|ky)[ \t]{1,3})?"
    rf"(?:{_PARTIAL_DATE})(?:[ \t]{{0,3}}\))?"
)


def parse_date(match: re.Match[str]) -> datetime.date | None:
    """The date named by a match of :data:`DATE_PATTERN` (or of any pattern naming its
    parts ``d``/``m``/``y`` or ``d2``/``m2``/``y2``); ``None`` if impossible (30/02)."""
    parts = match.groupdict()
    day = parts.get("d") or parts.get("d2")
    month = parts.get("m") or parts.get("m2")
    year = parts.get("y") or parts.get("y2")
    if not (day and month and year):
        return None
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def date_or_none(year: int, month: int, day: int) -> datetime.date | None:
    """The date, or None when there is no such day (30/02)."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
