"""Choosing the period of a report: a month, quarter, half-year or year, and the as-of day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QVBoxLayout, QWidget

from minutes_app.core.tasks.rates import periods_of
from minutes_app.ui.widgets.common import ButtonRow
from minutes_app.ui.widgets.date_field import DateField

_HOW_MANY = {"month": 24, "quarter": 12, "half": 8, "year": 10}


class PeriodDialog(QDialog):
    """Asks for a period; ``period()`` gives (first day, last day, as of)."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Report period"))
        self.today = today
        self.kind = QComboBox()
        for code, label in (
            ("month", self.tr("Month")),
            ("quarter", self.tr("Quarter")),
            ("half", self.tr("Half-year")),
            ("year", self.tr("Year")),
        ):
            self.kind.addItem(label, code)
        self.which = QComboBox()
        self.as_of = DateField(today)
        form = QFormLayout()
        form.addRow(self.tr("&Kind of period"), self.kind)
        form.addRow(self.tr("&Period"), self.which)
        form.addRow(self.tr("Tracking &as of"), self.as_of)
        buttons = ButtonRow(self, self.tr("OK"))
        self.ok_button = buttons.ok
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self._fill_periods)
        self.kind.setCurrentIndex(1)  # a quarter: what team leaders are most often asked for
        self._fill_periods()

    def _fill_periods(self, *_: int) -> None:
        kind = str(self.kind.currentData())
        self.which.clear()
        for label, start, end in reversed(periods_of(kind, self.today, _HOW_MANY[kind])):
            self.which.addItem(label, (start, end))

    def period(self) -> tuple[dt.date, dt.date, dt.date]:
        start, end = self.which.currentData()
        self.as_of.take_typed()  # OK pressed while the date is being typed
        return start, end, self.as_of.day()
