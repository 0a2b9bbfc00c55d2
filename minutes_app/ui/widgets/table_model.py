"""What every table of the window shares: its header texts, and every role of a cell
answered in one call into Python."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class TableModel(QAbstractTableModel):
    """A table whose subclasses answer ``data(index, role)`` and name their headers.

    To paint a cell a view asks for seven roles or more. Qt's default ``multiData`` asks
    ``data`` once per role, each a call into Python that must take the interpreter's lock:
    while the database worker runs Python code, each such call waits up to the switch
    interval for it, and a repaint of the register took 0.4 s. Here one call answers them
    all.
    """

    def __init__(self, parent: QObject | None = None, headers: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.headers = list(headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def multiData(
        self,
        index: Index,
        span: QModelRoleDataSpan | QModelRoleData,
        /,
    ) -> None:
        data = self.data
        # A span iterates over its roles, though the stubs do not say so.
        roles: Iterable[QModelRoleData] = (
            [span] if isinstance(span, QModelRoleData) else span  # type: ignore[assignment]
        )
        for role_data in roles:
            role_data.setData(data(index, role_data.role()))
