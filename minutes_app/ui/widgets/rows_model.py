"""A small read-only table model over a list of frozen rows, sorted the Vietnamese way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from minutes_app.base.text import fold
from minutes_app.ui.widgets.common import vietnamese_collator
from minutes_app.ui.widgets.table_model import TableModel

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class Column(Generic[Row]):
    """A column: its header and how a row gives its value (text or number)."""

    header: str
    value: Callable[[Row], str | int | None]
    numeric: bool = False


class RowsModel(TableModel, Generic[Row]):
    """Rows held in memory, filtered by folded text and sorted with QCollator."""

    def __init__(self, columns: Sequence[Column[Row]], parent: QWidget | None = None) -> None:
        super().__init__(parent, [c.header for c in columns])
        self.columns = list(columns)
        self._all: list[Row] = []
        self._folded: list[str] = []
        self._visible: list[Row] = []
        self._filter = ""
        self._keep: Callable[[Row], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self._collator = vietnamese_collator()

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._folded = [
            fold(" ".join(str(c.value(r) or "") for c in self.columns if not c.numeric))
            for r in self._all
        ]
        self._recompute()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = text
        self._recompute()
        self.endResetModel()

    def set_predicate(self, keep: Callable[[Row], bool] | None) -> None:
        """Show only rows ``keep`` accepts (besides the text filter); None shows all."""
        self.beginResetModel()
        self._keep = keep
        self._recompute()
        self.endResetModel()

    def row(self, index: int) -> Row | None:
        return self._visible[index] if 0 <= index < len(self._visible) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._recompute()
        self.layoutChanged.emit()

    def _recompute(self) -> None:
        words = fold(self._filter).split()
        visible = [
            row
            for row, folded in zip(self._all, self._folded, strict=True)
            if all(w in folded for w in words) and (self._keep is None or self._keep(row))
        ]
        column, order = self._sort
        if 0 <= column < len(self.columns):
            spec = self.columns[column]
            if spec.numeric:
                visible.sort(key=lambda r: spec.value(r) or 0)
            else:
                visible.sort(key=lambda r: self._collator.sortKey(str(spec.value(r) or "")))
            if order == Qt.SortOrder.DescendingOrder:
                visible.reverse()
        self._visible = visible

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._visible[index.row()]
        spec = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return spec.value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
