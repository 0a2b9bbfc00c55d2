"""An editable table with Add, Remove, Up and Down: the lists inside the conference editor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minutes_app.ui.widgets.columns import fit_columns

_READABLE = 200  # px: what column ``stretch`` keeps before the others give theirs up
DATA_ROLE = Qt.ItemDataRole.UserRole + 10  # what a row stands for (person id, document…)


class TableSection(QWidget):
    """Rows of text cells. Column 0 may carry data for the row under ``DATA_ROLE``."""

    # A cell was edited, or rows were added, removed or moved.
    changed = Signal()
    # The current row changed; -1 when there is none.
    current_changed = Signal(int)

    def __init__(
        self,
        headers: Sequence[str],
        *,
        read_only: Sequence[int] = (),
        stretch: int | None = None,
        caps: Mapping[int, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.read_only = set(read_only)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(stretch is None)
        if stretch is not None:
            # Column ``stretch`` takes the room; the others fit their header and content,
            # up to ``caps``.
            fit_columns(self.table, stretch, caps, readable=_READABLE)
        self.table.installEventFilter(self)

        self.add_button = QPushButton(self.tr("&Add"))
        self.remove_button = QPushButton(self.tr("Remo&ve"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.button_row = buttons  # where a section's owner adds buttons of its own
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.currentCellChanged.connect(self._on_current_cell_changed)
        self._update_buttons()

    # --- content -----------------------------------------------------------------------

    def row_count(self) -> int:
        return self.table.rowCount()

    def text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def data(self, row: int) -> Any:
        item = self.table.item(row, 0)
        return item.data(DATA_ROLE) if item is not None else None

    def set_data(self, row: int, value: Any) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            item.setData(DATA_ROLE, value)

    def set_rows(self, rows: Sequence[tuple[Sequence[str], Any]]) -> None:
        """Replace every row without emitting ``changed``; keeps the current row if it can."""
        current = self.table.currentRow()
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for cells, data in rows:
            self._insert(self.table.rowCount(), cells, data)
        self.table.blockSignals(False)
        if self.table.rowCount():
            self.table.setCurrentCell(min(max(current, 0), self.table.rowCount() - 1), 0)
        self._update_buttons()
        self.current_changed.emit(self.table.currentRow())

    def _insert(self, row: int, cells: Sequence[str], data: Any) -> None:
        self.table.insertRow(row)
        for column in range(self.table.columnCount()):
            item = QTableWidgetItem(cells[column] if column < len(cells) else "")
            if column in self.read_only:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, column, item)
        self.set_data(row, data)

    def add_row(self, cells: Sequence[str] = (), data: Any = None, *, edit: bool = True) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self._insert(row, list(cells), data)
        self.table.blockSignals(False)
        first_editable = next(
            (c for c in range(self.table.columnCount()) if c not in self.read_only), 0
        )
        self.table.setCurrentCell(row, first_editable)
        self._update_buttons()
        self.changed.emit()
        self.current_changed.emit(row)
        if edit and not cells:
            item = self.table.item(row, first_editable)
            if item is not None:
                self.table.editItem(item)
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), 0)
        self._update_buttons()
        self.changed.emit()
        self.current_changed.emit(self.table.currentRow())

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        self.table.blockSignals(True)
        for column in range(self.table.columnCount()):
            a = self.table.takeItem(row, column)
            b = self.table.takeItem(target, column)
            self.table.setItem(row, column, b)
            self.table.setItem(target, column, a)
        self.table.blockSignals(False)
        self.table.setCurrentCell(target, self.table.currentColumn())
        self._update_buttons()
        self.changed.emit()
        self.current_changed.emit(target)

    # --- handlers ----------------------------------------------------------------------

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        self.changed.emit()

    def _on_current_cell_changed(self, row: int, *_: int) -> None:
        self._update_buttons()
        self.current_changed.emit(row)

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        count = self.table.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Insert adds a row and Delete removes one, when the table (not a cell editor) has focus.
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            editing = self.table.state() == QAbstractItemView.State.EditingState
            if not editing and event.key() == Qt.Key.Key_Insert:
                self.add_row()
                return True
            if not editing and event.key() == Qt.Key.Key_Delete and self.table.currentRow() >= 0:
                self.remove_current()
                return True
        return super().eventFilter(watched, event)

    def commit_editing(self) -> None:
        """Finish an edit in progress so that its text counts."""
        editor = self.table.focusWidget()
        if self.table.state() == QAbstractItemView.State.EditingState and editor is not None:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
