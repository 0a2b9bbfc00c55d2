from __future__ import annotations

import datetime as dt

import pytest

from minutes_app.base.days import month_end, vn_date


@pytest.mark.parametrize(
    ("year", "month", "last"),
    [
        (2024, 2, dt.date(2024, 2, 29)),  # leap year
        (2023, 2, dt.date(2023, 2, 28)),
        (2100, 2, dt.date(2100, 2, 28)),  # a century, not a leap year
        (2026, 4, dt.date(2026, 4, 30)),
        (2026, 12, dt.date(2026, 12, 31)),
        (2026, 1, dt.date(2026, 1, 31)),
    ],
)
def test_month_end(year: int, month: int, last: dt.date) -> None:
    assert month_end(year, month) == last


def test_vn_date() -> None:
    assert vn_date(dt.date(2023, 2, 2)) == "02/02/2023"
    assert vn_date(None) == ""
