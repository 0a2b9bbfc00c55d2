"""The office's activity: who changed what, filterable by person, unit and day (issue 16, 4).

View → Activity… opens it. It shows the newest entries of the change log (``LIMIT``) that
the filters select, read on the worker, and follows new changes as they come; it changes
nothing.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from minutes_app.core.history import Filter, users_in_log
from minutes_app.ui.history_view import HistoryView
from minutes_app.ui.operations import DatabaseWorker
from minutes_app.ui.widgets.common import refill_choices
from minutes_app.ui.widgets.date_field import DateField

LIMIT = 2000  # the newest entries shown; the filters narrow further back


class ActivityDialog(QDialog):
    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Activity: who changed what"))
        self.resize(1000, 600)
        self.worker = worker
        self.person_box = QComboBox()
        self.person_box.setObjectName("activity_person")
        self.unit_box = QComboBox()
        self.unit_box.setObjectName("activity_unit")
        self.unit_box.setMinimumContentsLength(24)
        self.day_edit = DateField()
        self.day_edit.setObjectName("activity_day")
        self.day_edit.setMinimumDate(QDate(1990, 1, 1))
        self.day_edit.setSpecialValueText(self.tr("any day"))
        self.day_edit.setDate(self.day_edit.minimumDate())
        refill_choices(self.person_box, self.tr("Everyone"), [])
        refill_choices(self.unit_box, self.tr("Every unit"), [])
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("&Person:"), self.person_box),
            (self.tr("&Unit's tasks:"), self.unit_box),
            (self.tr("&Day:"), self.day_edit),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addStretch(1)
        self.view = HistoryView(worker, None)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        self.person_box.currentIndexChanged.connect(self._on_filter)
        self.unit_box.currentIndexChanged.connect(self._on_filter)
        self.day_edit.dateChanged.connect(self._on_filter)
        self._read_choices()

    def _read_choices(self) -> None:
        from minutes_app.core.directory import unit_choices

        db = self.worker.db
        assert db is not None

        def shown(found: tuple[list[str], list[tuple[int, str]]]) -> None:
            people, units = found
            refill_choices(self.person_box, self.tr("Everyone"), [(p, p) for p in people])
            refill_choices(self.unit_box, self.tr("Every unit"), units)
            self._on_filter()

        self.worker.run_op(self, lambda: (users_in_log(db), unit_choices(db)), shown)

    def chosen(self) -> Filter:
        picked = self.day_edit.date()
        day = (
            None
            if picked == self.day_edit.minimumDate()
            else dt.date(picked.year(), picked.month(), picked.day())
        )
        return Filter(
            user=self.person_box.currentData(),
            unit=self.unit_box.currentData(),
            day=day,
            limit=LIMIT,
        )

    def _on_filter(self, *_: object) -> None:
        self.view.show_for(self.chosen())
