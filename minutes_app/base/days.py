"""Days as the office writes them."""

from __future__ import annotations

import datetime as dt


def vn_date(day: dt.date | None) -> str:
    """dd/mm/yyyy, or an empty string."""
    return day.strftime("%d/%m/%Y") if day else ""
