"""The overview reaches the data's years and names the units its chart leaves out
(issue 14, point 6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.tasks.rates import periods_with_tasks
from minutes_app.db.engine import Database
from minutes_app.ui.main_window import PAGE_OVERVIEW, MainWindow
from tests.ui.helpers import settle


@pytest.fixture
def window(qtbot: QtBot, db: Database, store: QSettings) -> MainWindow:
    load_samples(db)
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    window.navigation.setCurrentRow(PAGE_OVERVIEW)
    settle(qtbot, window)
    return window


def column(window: MainWindow, c: int) -> list[str]:
    table = window.overview_page.rates
    return [table.item(r, c).text() for r in range(table.rowCount())]


@pytest.mark.parametrize("kind", ["month", "quarter", "half", "year"])
def test_the_on_time_table_offers_every_period_with_tasks_latest_first(
    qtbot: QtBot, window: MainWindow, db: Database, kind: str
) -> None:
    page = window.overview_page
    page.period_box.setCurrentIndex(page.period_box.findData(kind))
    settle(qtbot, window)
    expected = [r.label for r in reversed(periods_with_tasks(db, kind))]
    assert column(window, 0) == expected
    assert len(expected) > 1
    done = [int(a) + int(b) for a, b in zip(column(window, 1), column(window, 2), strict=True)]
    assert all(done)  # no period of zeros
    assert page.rates.currentRow() == 0  # the latest period with tasks


def test_the_chart_names_the_units_it_leaves_out(window: MainWindow) -> None:
    from minutes_app.ui.tasks.overview import CHART_UNITS

    page = window.overview_page
    page.show()
    categories = page.units_axis.categories()
    assert len(categories) <= CHART_UNITS
    from minutes_app.core.tasks.rates import unit_loads

    loads = unit_loads(page.db, page.as_of)
    left_out = [u.unit for u in loads if u.unit_id not in page.unit_ids]
    if not left_out:
        assert page.chart_more.isHidden()
        return
    text = page.chart_more.text()
    assert text.startswith(f"Not in the chart: {len(left_out)} other unit")
    assert left_out[0] in text
    for name in left_out:
        assert name in page.chart_more.toolTip()


def test_a_chart_of_many_units_names_those_it_leaves_out(
    qtbot: QtBot, example_db: Database, store: QSettings
) -> None:
    import datetime as dt

    from sqlalchemy import select

    from minutes_app.core.tasks.actions import NewTasks, create_tasks
    from minutes_app.db.models import Instruction
    from minutes_app.ui.tasks.overview import CHART_UNITS

    with example_db.reading() as session:
        instruction = session.scalars(select(Instruction.id)).first()
    assert instruction is not None
    units = [f"Đảng ủy xã số {n:02d}" for n in range(1, 16)]
    create_tasks(
        example_db,
        NewTasks(
            instruction_id=instruction,
            titles=("Rà soát đảng viên",),
            lead_units=tuple(units),
            assigned_on=dt.date(2023, 2, 20),
            deadline=dt.date(2023, 3, 31),
            one_per_unit=True,
        ),
        by="Lan",
    )
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    window.show()
    window.navigation.setCurrentRow(PAGE_OVERVIEW)
    settle(qtbot, window)
    page = window.overview_page
    assert len(page.unit_ids) == CHART_UNITS
    text = page.chart_more.text()
    from minutes_app.core.tasks.rates import unit_loads

    left_out = len(unit_loads(example_db, page.as_of)) - CHART_UNITS
    assert left_out >= 5
    assert page.chart_more.isVisible()
    assert text.startswith(f"Not in the chart: {left_out} other unit")
    assert text.endswith(", …")
    tip = page.chart_more.toolTip()
    assert len(tip.splitlines()) >= left_out
    assert "1 open, 0 done" in tip
