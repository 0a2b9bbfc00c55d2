"""Dialogs for tasks: create them from an instruction, and act on selected tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from minutes_app.base.days import vn_date
from minutes_app.base.text import fold
from minutes_app.core.tasks.actions import (
    ActionRecord,
    NewTasks,
    TaskActionError,
    preset_deadline,
)
from minutes_app.db.locks import DatabaseBusy
from minutes_app.ui.widgets.common import ButtonRow, plain_label
from minutes_app.ui.widgets.completion import FoldingCompleter
from minutes_app.ui.widgets.date_field import DateField

ERROR_STYLE = "color: #b3261e;"


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


_ACTION_ERRORS = {
    "required": QT_TRANSLATE_NOOP("TaskActionError", "Please fill in the reason or text."),
    "future": QT_TRANSLATE_NOOP("TaskActionError", "The date cannot be in the future."),
    "before_assigned": QT_TRANSLATE_NOOP(
        "TaskActionError", "The date is before the task was assigned."
    ),
    "not_later": QT_TRANSLATE_NOOP(
        "TaskActionError", "The new deadline must be later than the current one."
    ),
    "no_deadline": QT_TRANSLATE_NOOP(
        "TaskActionError", "An ongoing task has no deadline to extend."
    ),
    "not_open": QT_TRANSLATE_NOOP(
        "TaskActionError", "Only an open or in-progress task can do that."
    ),
    "not_done": QT_TRANSLATE_NOOP(
        "TaskActionError", "Only a done or cancelled task can be reopened."
    ),
    "unknown_unit": QT_TRANSLATE_NOOP("TaskActionError", "Choose at least one lead unit."),
    "too_long": QT_TRANSLATE_NOOP(
        "TaskActionError",
        "The text is too long (a title at most 2,000 characters, a note 100,000).",
    ),
}


def action_error_text(error: TaskActionError) -> str:
    """Why an action on tasks was refused, in the window's language."""

    def translate(text: object) -> str:
        return QCoreApplication.translate("TaskActionError", str(text))

    text = translate(_ACTION_ERRORS.get(error.code, error.code))
    if error.task_id is not None:
        task = translate(QT_TRANSLATE_NOOP("TaskActionError", "(task %1)"))
        text += " " + task.replace("%1", str(error.task_id))
    return text


@dataclass(frozen=True)
class ChosenValues:
    """What the clerk chose in a ``TaskActionDialog``, read on the UI thread: the action
    then runs on a worker thread (and is redone later) without touching the dialog."""

    date: dt.date
    text: str

    def chosen_date(self) -> dt.date:
        return self.date

    def chosen_text(self) -> str:
        return self.text


class TaskActionDialog(QDialog):
    """Asks what an action needs (a note, a date, a reason) and runs it; errors stay in view.

    OK calls ``start(dialog)``, which starts the action on the database worker with the
    dialog's values; it ends in ``finish(record)`` (the dialog closes) or ``fail(error)``
    (the error shows in the dialog, what the clerk typed stays). OK waits meanwhile.
    """

    def __init__(
        self,
        kind: str,
        count: int,
        start: Callable[[TaskActionDialog], object],
        *,
        current_deadline: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.start = start
        self.record: ActionRecord | None = None
        self.conflict = False  # someone else changed or deleted a task first
        titles = {
            "progress": self.tr("Progress note"),
            "extend": self.tr("Extend the deadline"),
            "complete": self.tr("Mark as done"),
            "reopen": self.tr("Reopen"),
            "cancel": self.tr("Cancel the task"),
        }
        self.setWindowTitle(titles[kind])
        form = QFormLayout()
        form.addRow(QLabel(self.tr("%n task(s) selected.", "", count)))
        today = dt.date.today()
        self.date = DateField()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(90)
        if kind == "extend":
            proposed = (current_deadline or today) + dt.timedelta(days=15)
            self.date.setDate(_qdate(proposed))
            form.addRow(self.tr("&New deadline"), self.date)
            form.addRow(self.tr("&Reason (required)"), self.text)
        elif kind == "complete":
            self.date.setDate(_qdate(today))
            self.date.setMaximumDate(_qdate(today))
            form.addRow(self.tr("&Completed on"), self.date)
            self.text.setPlaceholderText(self.tr("e.g. Báo cáo số 45-BC/BTCTU ngày 10/3/2023"))
            form.addRow(self.tr("&Result"), self.text)
        elif kind == "progress":
            form.addRow(self.tr("&Note (required)"), self.text)
        elif kind == "cancel":
            form.addRow(self.tr("&Reason (required)"), self.text)
        else:
            form.addRow(self.tr("&Reason"), self.text)
        self.error = plain_label()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = ButtonRow(self, self.tr("OK"), self._on_ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(self.buttons)
        self.text.setFocus()

    def chosen_date(self) -> dt.date:
        return _pydate(self.date.date())

    def chosen_text(self) -> str:
        return self.text.toPlainText()

    def chosen(self) -> ChosenValues:
        return ChosenValues(self.chosen_date(), self.chosen_text())

    def _on_ok(self) -> None:
        refused = self.date.take_typed()
        if refused and self.error.text() != refused:  # said once; OK again keeps the date
            self.error.setText(refused)
            return
        self.buttons.ok.setEnabled(False)  # one action at a time
        self.start(self)

    def finish(self, record: ActionRecord) -> None:
        """The action was stored."""
        self.record = record
        self.accept()

    def fail(self, error: BaseException) -> None:
        """The action was refused or could not be stored: say why, keep what was typed."""
        from minutes_app.db.reaching import is_server_lost
        from minutes_app.db.versions import RecordGone, StaleRecord
        from minutes_app.ui.widgets.conflicts import conflict_text

        self.buttons.ok.setEnabled(True)
        if isinstance(error, TaskActionError):
            self.error.setText(action_error_text(error))
        elif isinstance(error, DatabaseBusy):  # the dialog stays open with what was written
            self.error.setText(
                self.tr(
                    "Another copy of the program kept the database busy, so nothing was "
                    "changed. Press OK again in a moment."
                )
            )
        elif is_server_lost(error):  # the window's banner says when it answers again
            self.error.setText(
                self.tr(
                    "The office server cannot be reached, so nothing was changed. What you "
                    "typed is kept: press OK again once the server answers."
                )
            )
        elif isinstance(error, StaleRecord | RecordGone):
            # What the clerk typed stays in the dialog; the register shows the change once
            # the dialog is closed.
            self.conflict = True
            self.error.setText(
                conflict_text(error)
                + " "
                + self.tr("Close this window to see the task as it is now; your text stays here.")
            )
        else:
            raise error


PRESET_LABELS = (
    ("7d", QT_TRANSLATE_NOOP("CreateTasksDialog", "Within 7 days")),
    ("15d", QT_TRANSLATE_NOOP("CreateTasksDialog", "Within 15 days")),
    ("30d", QT_TRANSLATE_NOOP("CreateTasksDialog", "Within 30 days")),
    ("month", QT_TRANSLATE_NOOP("CreateTasksDialog", "By the end of this month")),
    ("quarter", QT_TRANSLATE_NOOP("CreateTasksDialog", "By the end of this quarter")),
    ("half", QT_TRANSLATE_NOOP("CreateTasksDialog", "By the end of this half-year")),
    ("year", QT_TRANSLATE_NOOP("CreateTasksDialog", "By the end of this year")),
)


class CreateTasksDialog(QDialog):
    """Turns one closing instruction into tasks: one or several, for one or many units.

    OK checks the request, then calls ``start(dialog)`` when given (which stores it and
    calls ``finish`` or ``enable_ok`` again); without ``start`` it accepts.
    """

    def __init__(
        self,
        instruction_id: int,
        instruction_text: str,
        assigned_on: dt.date,
        units: Sequence[str],
        people: Sequence[str],
        parent: QWidget | None = None,
        start: Callable[[CreateTasksDialog], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.start = start
        self.record: ActionRecord | None = None
        self.setWindowTitle(self.tr("Create tasks"))
        self.resize(720, 620)
        self.instruction_id = instruction_id
        self.assigned_on = assigned_on
        self.request: NewTasks | None = None
        self.titles = QPlainTextEdit(" ".join(instruction_text.split()))
        self.titles.setTabChangesFocus(True)
        self.titles.setToolTip(self.tr("One task per line."))
        self.leads = QListWidget()
        self.supports = QListWidget()
        for name in units:
            for box in (self.leads, self.supports):
                item = QListWidgetItem(name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                box.addItem(item)
        # ~250 units in a province: the lists narrow to the units whose names hold the
        # words typed, blind to diacritics; checked units stay in view.
        self.unit_filter = QLineEdit()
        self.unit_filter.setPlaceholderText(self.tr("Find a unit (diacritics optional)"))
        self.unit_filter.setClearButtonEnabled(True)
        self.unit_filter.textChanged.connect(self._filter_units)
        self.new_unit = QLineEdit()
        self.new_unit.setPlaceholderText(self.tr("A unit not in the list, then Enter"))
        self.new_unit.returnPressed.connect(self._on_new_unit)
        self.one_per_unit = QCheckBox(self.tr("One task per selected lead unit"))
        self.one_per_unit.setChecked(True)
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(self.tr("who follows it (optional)"))
        FoldingCompleter(people, self.owner).attach(self.owner)
        self.preset = QRadioButton(self.tr("Standard term"))
        self.preset_box = QComboBox()
        for code, label in PRESET_LABELS:
            self.preset_box.addItem(self.tr(str(label)), code)
        self.preset_box.setCurrentIndex(2)
        self.by_date = QRadioButton(self.tr("By date"))
        self.date = DateField(assigned_on + dt.timedelta(days=30))
        self.date.setMinimumDate(_qdate(assigned_on))
        self.no_deadline = QRadioButton(self.tr("No deadline (ongoing task)"))
        self.preset.setChecked(True)
        self.deadline_label = QLabel()
        self.error = plain_label()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)

        deadline = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(self.preset)
        row.addWidget(self.preset_box)
        row.addWidget(self.by_date)
        row.addWidget(self.date)
        row.addStretch(1)
        deadline.addLayout(row)
        deadline.addWidget(self.no_deadline)
        deadline.addWidget(self.deadline_label)
        units_row = QHBoxLayout()
        for caption, box in (
            (self.tr("Lead units (chủ trì)"), self.leads),
            (self.tr("Supporting units (phối hợp)"), self.supports),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(caption))
            column.addWidget(box)
            units_row.addLayout(column)
        form = QFormLayout()
        form.addRow(self.tr("&Tasks"), self.titles)
        form.addRow(self.tr("F&ind unit"), self.unit_filter)
        form.addRow(units_row)
        form.addRow(self.tr("New &unit"), self.new_unit)
        form.addRow("", self.one_per_unit)
        form.addRow(self.tr("&Follow-up by"), self.owner)
        form.addRow(self.tr("Deadline"), deadline)
        self.buttons = ButtonRow(self, self.tr("Create"), self._on_ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(self.buttons)
        for signal in (
            self.preset.toggled,
            self.by_date.toggled,
            self.no_deadline.toggled,
        ):
            signal.connect(self._update_deadline)
        self.preset_box.currentIndexChanged.connect(self._update_deadline)
        self.date.dateChanged.connect(self._on_date_chosen)
        self._update_deadline()

    def check_units(self, box: QListWidget, names: Sequence[str]) -> None:
        for row in range(box.count()):
            item = box.item(row)
            if item.text() in names:
                item.setCheckState(Qt.CheckState.Checked)

    def _checked(self, box: QListWidget) -> list[str]:
        return [
            box.item(r).text()
            for r in range(box.count())
            if box.item(r).checkState() == Qt.CheckState.Checked
        ]

    def deadline(self) -> dt.date | None:
        if self.no_deadline.isChecked():
            return None
        if self.by_date.isChecked():
            return _pydate(self.date.date())
        return preset_deadline(str(self.preset_box.currentData()), self.assigned_on)

    def _on_date_chosen(self, *_: object) -> None:
        """A date typed or picked is the deadline: "By date" is chosen with it."""
        if self.by_date.isChecked():
            self._update_deadline()
        else:
            self.by_date.setChecked(True)  # toggled: the deadline follows

    def _update_deadline(self, *_: object) -> None:
        value = self.deadline()
        if value is not None and not self.by_date.isChecked():
            # The date field shows the deadline a standard term gives.
            self.date.blockSignals(True)
            self.date.setDate(_qdate(value))
            self.date.blockSignals(False)
        self.date.setEnabled(not self.no_deadline.isChecked())
        self.deadline_label.setText(
            self.tr("Deadline: %1").replace("%1", vn_date(value))
            if value
            else self.tr("No deadline: the task is tracked as ongoing.")
        )

    def _filter_units(self, text: str) -> None:
        words = fold(text).split()
        for box in (self.leads, self.supports):
            for row in range(box.count()):
                item = box.item(row)
                name = fold(item.text())
                shown = item.checkState() == Qt.CheckState.Checked or all(w in name for w in words)
                item.setHidden(not shown)

    def _on_new_unit(self) -> None:
        name = " ".join(self.new_unit.text().split())
        if not name:
            return
        for box, checked in ((self.leads, True), (self.supports, False)):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            box.addItem(item)
        self.new_unit.clear()

    def _on_ok(self) -> None:
        titles = tuple(t for t in (x.strip() for x in self.titles.toPlainText().splitlines()) if t)
        leads = tuple(self._checked(self.leads))
        refused = self.date.take_typed()
        if refused and self.by_date.isChecked() and self.error.text() != refused:
            self.error.setText(refused)  # said once; Create again keeps the date
            return
        if not titles:
            self.error.setText(self.tr("Write at least one task."))
            return
        if not leads:
            self.error.setText(self.tr("Choose at least one lead unit."))
            return
        self.request = NewTasks(
            instruction_id=self.instruction_id,
            titles=titles,
            lead_units=leads,
            support_units=tuple(s for s in self._checked(self.supports) if s not in leads),
            owner=self.owner.text().strip() or None,
            assigned_on=self.assigned_on,
            deadline=self.deadline(),
            one_per_unit=self.one_per_unit.isChecked(),
        )
        if self.start is None:
            self.accept()
            return
        self.buttons.ok.setEnabled(False)  # created once
        self.start(self)

    def finish(self, record: ActionRecord) -> None:
        """The tasks were created."""
        self.record = record
        self.accept()
