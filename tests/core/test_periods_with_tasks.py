"""The overview's on-time table reaches the data's years (issue 14, point 6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.tasks.rates import periods_with_tasks
from minutes_app.db.engine import Database
from tests.stores import STORES, new_store


@pytest.fixture(scope="module", params=STORES)
def samples(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """The sample conferences on each store, one database for the tests that only read."""
    with new_store(request, request.param, tmp_path_factory.mktemp("samples")) as where:
        database = Database.open(where)
        load_samples(database)
        yield database
        database.close()


def test_every_year_with_completed_tasks_is_offered(samples: Database) -> None:
    years = periods_with_tasks(samples, "year")
    assert [r.label for r in years] == sorted({r.label for r in years})
    assert years[0].start.year <= 2020 and years[-1].end.year >= 2023
    assert all(r.on_time + r.late for r in years)


@pytest.mark.parametrize("kind", ["month", "quarter", "half"])
def test_the_periods_add_up_to_the_years(samples: Database, kind: str) -> None:
    years = periods_with_tasks(samples, "year")
    parts = periods_with_tasks(samples, kind)
    assert sum(r.on_time for r in parts) == sum(r.on_time for r in years)
    assert sum(r.late for r in parts) == sum(r.late for r in years)
    assert parts[-1].end == max(r.end for r in parts)


def test_the_latest_period_holds_the_latest_completion(samples: Database) -> None:
    from sqlalchemy import func, select

    from minutes_app.db.models import Task

    with samples.reading() as session:
        last = session.scalar(select(func.max(Task.completed_on)))
    [latest] = periods_with_tasks(samples, "month")[-1:]
    assert latest.start <= last <= latest.end
    assert latest.start == dt.date(last.year, last.month, 1)


def test_no_completed_task_no_period(store: str) -> None:
    database = Database.open(store)
    try:
        assert periods_with_tasks(database, "quarter") == []
    finally:
        database.close()


def test_no_completed_task_is_left_out(samples: Database) -> None:
    from sqlalchemy import func, select

    from minutes_app.db.models import Task

    with samples.reading() as session:
        done = session.scalar(select(func.count()).where(Task.status == "done"))
    for kind in ("month", "quarter", "half", "year"):
        assert sum(r.on_time + r.late for r in periods_with_tasks(samples, kind)) == done
