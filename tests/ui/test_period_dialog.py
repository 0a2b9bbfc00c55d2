"""The report period is chosen as a month, quarter, half-year or year."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from minutes_app.ui.paperwork.period_dialog import PeriodDialog


def test_defaults_to_the_current_quarter_and_offers_every_kind(qtbot: QtBot) -> None:
    dialog = PeriodDialog(dt.date(2026, 11, 30))
    qtbot.addWidget(dialog)
    assert dialog.period() == (dt.date(2026, 10, 1), dt.date(2026, 12, 31), dt.date(2026, 11, 30))
    dialog.kind.setCurrentIndex(dialog.kind.findData("half"))
    dialog.which.setCurrentIndex(1)
    assert dialog.period()[:2] == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    dialog.kind.setCurrentIndex(dialog.kind.findData("month"))
    assert dialog.which.count() == 24
    assert dialog.period()[:2] == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    dialog.kind.setCurrentIndex(dialog.kind.findData("year"))
    dialog.which.setCurrentIndex(2)
    assert dialog.period()[:2] == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
