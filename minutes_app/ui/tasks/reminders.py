"""The reminder at start: how many tasks are overdue and due this week, in a notice that
leads to them (and in the system tray where there is one), unless turned off."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox, QSystemTrayIcon, QWidget

from minutes_app import APP_NAME
from minutes_app.db.engine import Database
from minutes_app.ui.tasks.style import DUE_SOON

REMIND_KEY = "remind_on_start"


def reminder_counts(db: Database) -> tuple[int, int]:
    """(overdue, due within 7 days) as of today; run on the database worker."""
    from minutes_app.core.tasks.query import TaskQuery, TaskRegister, only_due_soon

    today = dt.date.today()
    overdue = TaskRegister(db, TaskQuery(as_of=today, classes=frozenset({"overdue"})))
    soon = TaskRegister(db, only_due_soon(TaskQuery(as_of=today)))
    return overdue.count(), soon.count()


class Reminders(QObject):
    """Shows the reminder over ``window``; "Show them" calls ``show_tasks(display)``."""

    def __init__(
        self,
        window: QWidget,
        store: QSettings,
        show_tasks: Callable[[str], object],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.show_tasks = show_tasks
        self.box: QMessageBox | None = None
        self.tray: QSystemTrayIcon | None = None

    def enabled(self) -> bool:
        return str(self.store.value(REMIND_KEY, "true")).lower() != "false"

    def show_reminder(self, counts: tuple[int, int]) -> QMessageBox | None:
        """A notice of ``counts`` (overdue, due within 7 days: ``reminder_counts``),
        unless turned off or there is nothing to say."""
        if not self.enabled():
            return None
        overdue, soon = counts
        if not overdue and not soon:
            return None
        text = (
            self.tr("%1 and %2.")
            .replace("%1", self.tr("%n task(s) overdue", "", overdue))
            .replace("%2", self.tr("%n due within 7 days", "", soon))
        )
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Reminder"), text, parent=self.window)
        box.setWindowModality(Qt.WindowModality.NonModal)
        show = box.addButton(self.tr("Show them"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        # Parented to the box: the box does not take the check box from Python's hands.
        box.setCheckBox(QCheckBox(self.tr("Do not remind me when the program starts"), box))
        show.clicked.connect(lambda: self.show_tasks("overdue" if overdue else DUE_SOON))
        box.finished.connect(lambda _: self._on_closed(box))
        box.show()
        self.box = box
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.window.windowIcon(), self)
            self.tray.messageClicked.connect(lambda: self.show_tasks("overdue"))
            self.tray.show()
            self.tray.showMessage(APP_NAME, text, QSystemTrayIcon.MessageIcon.Warning, 10_000)
        return box

    def _on_closed(self, box: QMessageBox) -> None:
        check = box.checkBox()
        if check is not None and check.isChecked():
            self.store.setValue(REMIND_KEY, "false")
