"""Days as a clerk types or pastes them (base.days.typed_day, may_become_day)."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes_app.base.days import may_become_day, typed_day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("30/6/2020", dt.date(2020, 6, 30)),
        ("30/06/2020", dt.date(2020, 6, 30)),
        ("30-06-2020", dt.date(2020, 6, 30)),
        ("30.06.2020", dt.date(2020, 6, 30)),
        ("2020-06-30", dt.date(2020, 6, 30)),
        (" 1/1/2021 ", dt.date(2021, 1, 1)),
        ("31/12/2026", dt.date(2026, 12, 31)),
        ("29/02/2024", dt.date(2024, 2, 29)),  # a leap year
        ("29/02/2023", None),
        ("29/02/2100", None),  # a century is no leap year
        ("31/04/2020", None),
        ("30/06/20", None),  # a year is written whole
        ("30/06", None),
        ("2020/06/30", None),
        ("30/13/2020", None),
        ("00/06/2020", None),
        ("", None),
    ],
)
def test_typed_day(text: str, day: dt.date | None) -> None:
    assert typed_day(text) == day


@pytest.mark.parametrize(
    "text", ["", "3", "30", "30/", "30/0", "30/06/", "30/06/202", "2020-", "2020-06-3"]
)
def test_a_part_of_a_day_may_become_one(text: str) -> None:
    assert may_become_day(text)


@pytest.mark.parametrize(
    "text", ["a", "30/06/20201", "30//06", "300/06/2020", "30/06/2020/06/2026"]
)
def test_what_no_typing_makes_a_day(text: str) -> None:
    assert not may_become_day(text)
