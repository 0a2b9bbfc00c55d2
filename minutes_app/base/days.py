"""Days: as the office writes them, and the calendar arithmetic of deadlines and periods."""

from __future__ import annotations

import datetime as dt


def vn_date(day: dt.date | None) -> str:
    """dd/mm/yyyy, or an empty string."""
    return day.strftime("%d/%m/%Y") if day else ""


def month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` (1-12; a month past December runs into the next year)."""
    after = dt.date(year + month // 12, month % 12 + 1, 1)
    return after - dt.timedelta(days=1)
