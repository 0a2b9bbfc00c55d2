"""The change log on screen: a conference's or a task's "Lịch sử thay đổi" tab, and the
office-wide activity view (issue 16, point 4).

Read-only: the log is written by the database (db/change_log.py); nothing here can
change it. Entries are read on the database worker, newest first on screen, each with
who, when, what and every field's old and new value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QVBoxLayout, QWidget

from minutes_app.core.history import (
    PLACING_FIELDS,
    Entry,
    Filter,
    history,
    names_of,
    shown_value,
)
from minutes_app.ui.operations import CONFERENCES, TASKS, DatabaseWorker, follow_changes
from minutes_app.ui.widgets.steady_view import SteadyTableView
from minutes_app.ui.widgets.table_model import Index, TableModel

COLUMNS = ("when", "who", "what", "changes")
_LONGEST_VALUE = 80  # a long text's old and new values, cut in the table (whole in a tooltip)


def _tr(text: object) -> str:
    """``text`` (marked with QT_TRANSLATE_NOOP, for lupdate) in the window's language."""
    return QCoreApplication.translate("History", str(text))


def action_words(action: str) -> str:
    return {
        "insert": _tr(QT_TRANSLATE_NOOP("History", "added")),
        "update": _tr(QT_TRANSLATE_NOOP("History", "changed")),
        "delete": _tr(QT_TRANSLATE_NOOP("History", "deleted")),
        "restore": _tr(QT_TRANSLATE_NOOP("History", "restored")),
    }.get(action, action)


def entity_words(entity: str) -> str:
    return {
        "conference": _tr(QT_TRANSLATE_NOOP("History", "conference")),
        "instruction": _tr(QT_TRANSLATE_NOOP("History", "instruction")),
        "task": _tr(QT_TRANSLATE_NOOP("History", "task")),
        "task_event": _tr(QT_TRANSLATE_NOOP("History", "task history")),
        "task_support": _tr(QT_TRANSLATE_NOOP("History", "supporting unit")),
        "unit": _tr(QT_TRANSLATE_NOOP("History", "unit")),
        "person": _tr(QT_TRANSLATE_NOOP("History", "person")),
        "document": _tr(QT_TRANSLATE_NOOP("History", "document")),
        "chair": _tr(QT_TRANSLATE_NOOP("History", "chair")),
        "bridge_point": _tr(QT_TRANSLATE_NOOP("History", "bridge point")),
        "bridge_point_person": _tr(QT_TRANSLATE_NOOP("History", "person at a bridge point")),
        "studied_document": _tr(QT_TRANSLATE_NOOP("History", "document studied")),
        "absence": _tr(QT_TRANSLATE_NOOP("History", "absence")),
        "issued_paper": _tr(QT_TRANSLATE_NOOP("History", "paper issued")),
        "user": _tr(QT_TRANSLATE_NOOP("History", "user")),
    }.get(entity, entity)


def field_words(field: str) -> str:
    return {
        "title": _tr(QT_TRANSLATE_NOOP("History", "title")),
        "date": _tr(QT_TRANSLATE_NOOP("History", "date")),
        "deadline": _tr(QT_TRANSLATE_NOOP("History", "deadline")),
        "status": _tr(QT_TRANSLATE_NOOP("History", "status")),
        "completed_on": _tr(QT_TRANSLATE_NOOP("History", "completed on")),
        "result": _tr(QT_TRANSLATE_NOOP("History", "result")),
        "note": _tr(QT_TRANSLATE_NOOP("History", "note")),
        "kind": _tr(QT_TRANSLATE_NOOP("History", "kind")),
        "lead_unit_id": _tr(QT_TRANSLATE_NOOP("History", "lead unit")),
        "unit_id": _tr(QT_TRANSLATE_NOOP("History", "unit")),
        "person_id": _tr(QT_TRANSLATE_NOOP("History", "person")),
        "document_id": _tr(QT_TRANSLATE_NOOP("History", "document")),
        "owner_id": _tr(QT_TRANSLATE_NOOP("History", "owner")),
        "at": _tr(QT_TRANSLATE_NOOP("History", "at")),
        "by": _tr(QT_TRANSLATE_NOOP("History", "by")),
        "assigned_on": _tr(QT_TRANSLATE_NOOP("History", "assigned on")),
        "detail": _tr(QT_TRANSLATE_NOOP("History", "detail")),
        "old_deadline": _tr(QT_TRANSLATE_NOOP("History", "old deadline")),
        "new_deadline": _tr(QT_TRANSLATE_NOOP("History", "new deadline")),
        "notes": _tr(QT_TRANSLATE_NOOP("History", "notes")),
        "organizer": _tr(QT_TRANSLATE_NOOP("History", "organizer")),
        "session": _tr(QT_TRANSLATE_NOOP("History", "session")),
        "host_point": _tr(QT_TRANSLATE_NOOP("History", "host point")),
        "deleted_at": _tr(QT_TRANSLATE_NOOP("History", "in the trash since")),
        "signed_off_at": _tr(QT_TRANSLATE_NOOP("History", "signed off at")),
        "signed_off_by": _tr(QT_TRANSLATE_NOOP("History", "signed off by")),
        "reopen_reason": _tr(QT_TRANSLATE_NOOP("History", "reason for reopening")),
        "text": _tr(QT_TRANSLATE_NOOP("History", "text")),
        "name": _tr(QT_TRANSLATE_NOOP("History", "name")),
    }.get(field, field)


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):\d{2})?$")


def _value(value: object) -> str:
    if value is None or value == "":
        return "—"
    text = " ".join(str(value).split())
    day = _ISO_DAY.match(text)
    if day is not None:  # a day or a time as the window writes them everywhere else
        shown = f"{day[3]}/{day[2]}/{day[1]}"
        return f"{shown} {day[4]}:{day[5]}" if day[4] else shown
    return text if len(text) <= _LONGEST_VALUE else text[: _LONGEST_VALUE - 1] + "…"


def changes_text(
    entry: Entry, separator: str = "; ", names: dict[tuple[str, int], str] | None = None
) -> str:
    """Each field's change as "field: old → new"; records named by id shown by name, and
    the fields that only place a record under its parent (which the label names) left out."""
    names = names or {}

    def shown(field: str, value: object) -> str:
        if entry.entity == "task_event" and field == "kind" and isinstance(value, str):
            return event_words(value)
        return _value(shown_value(field, value, names))

    return separator.join(
        f"{field_words(field)}: {shown(field, old)} → {shown(field, new)}"
        for field, (old, new) in entry.changes.items()
        if field not in PLACING_FIELDS
    )


def label_words(entry: Entry) -> str:
    """The entry's label; a task event's kind in words."""
    if entry.entity == "task_event" and entry.label:
        return event_words(entry.label)
    return " ".join((entry.label or "").split())


def event_words(kind: str) -> str:
    return {
        "created": _tr(QT_TRANSLATE_NOOP("History", "created")),
        "progress": _tr(QT_TRANSLATE_NOOP("History", "progress")),
        "deadline_changed": _tr(QT_TRANSLATE_NOOP("History", "extension")),
        "completed": _tr(QT_TRANSLATE_NOOP("History", "completed")),
        "reopened": _tr(QT_TRANSLATE_NOOP("History", "reopened")),
        "cancelled": _tr(QT_TRANSLATE_NOOP("History", "cancelled")),
        "note": _tr(QT_TRANSLATE_NOOP("History", "note")),
    }.get(kind, kind)


class HistoryModel(TableModel):
    """Entries, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            [
                _tr(QT_TRANSLATE_NOOP("History", "When")),
                _tr(QT_TRANSLATE_NOOP("History", "Who")),
                _tr(QT_TRANSLATE_NOOP("History", "What")),
                _tr(QT_TRANSLATE_NOOP("History", "Changes")),
            ],
        )
        self.entries: list[Entry] = []
        self.names: dict[tuple[str, int], str] = {}

    def set_entries(
        self, entries: Sequence[Entry], names: dict[tuple[str, int], str] | None = None
    ) -> None:
        self.beginResetModel()
        self.entries = sorted(entries, key=lambda e: e.id, reverse=True)
        self.names = names or {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "changes":
            return changes_text(entry, "\n", self.names)
        return None

    def _display(self, entry: Entry, column: str) -> str:
        if column == "when":
            return entry.at.strftime("%d/%m/%Y %H:%M:%S")
        if column == "who":
            return entry.user or "?"
        if column == "what":
            label = f" «{label_words(entry)}»" if entry.label else ""
            return f"{action_words(entry.action)} {entity_words(entry.entity)}{label}"
        return changes_text(entry, names=self.names)


class HistoryView(QWidget):
    """A table of the entries ``which`` selects, read on ``worker`` and read again when the
    records it follows change (by this window or, through the watch, by anyone)."""

    def __init__(
        self, worker: DatabaseWorker, which: Filter | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.which = which
        self.model = HistoryModel(self)
        self.table = SteadyTableView()
        self.table.setObjectName("history_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Each column as wide as its heading at least (the window's language decides).
        padding = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin) + 24
        for column, least in enumerate((140, 120, 320)):
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            self.table.setColumnWidth(
                column, max(least, header.fontMetrics().horizontalAdvance(heading) + padding)
            )
        self.empty = QLabel(_tr(QT_TRANSLATE_NOOP("History", "No changes recorded yet.")))
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self._stale = False
        follow_changes(self, worker, (CONFERENCES, TASKS), self.reload, stale=False)

    def show_for(self, which: Filter | None) -> None:
        """Show ``which``'s entries: read now if in view, else when next shown (a task's
        history is not read for every task the clerk walks past)."""
        self.which = which
        self._stale = not self.isVisible()
        if not self._stale:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def reload(self) -> None:
        which, db = self.which, self.worker.db
        if which is None or db is None:
            self._show([])
            return

        def read() -> tuple[list[Entry], dict[tuple[str, int], str]]:
            entries = history(db, which)
            return entries, names_of(db, entries)

        def shown(found: tuple[list[Entry], dict[tuple[str, int], str]]) -> None:
            if which == self.which:
                self._show(*found)

        def not_found(_: BaseException) -> None:
            self._show([])  # a record not saved yet, or deleted with no log of its own

        self.worker.run_op(self, read, shown, not_found)

    def _show(
        self, entries: Sequence[Entry], names: dict[tuple[str, int], str] | None = None
    ) -> None:
        self.model.set_entries(entries, names)
        self.empty.setVisible(not entries)
