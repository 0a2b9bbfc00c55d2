"""TableModel: a cell's roles in one call into Python, painted as Qt's own way paints them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QImage
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from minutes_app.ui.widgets.rows_model import Column, RowsModel
from minutes_app.ui.widgets.table_model import Index


class _Rows(RowsModel[tuple[str, int]]):
    """Rows with a colour and a tooltip besides their text, counting the calls Qt makes."""

    def __init__(self) -> None:
        super().__init__(
            [Column("Đơn vị", lambda r: r[0]), Column("Số", lambda r: r[1], numeric=True)]
        )
        self.calls = {"data": 0, "multi": 0}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.calls["data"] += 1
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QBrush(QColor("#b00020"))
        return super().data(index, role)

    def multiData(self, index: Index, span: Any, /) -> None:
        self.calls["multi"] += 1
        super().multiData(index, span)


class _RoleByRole(_Rows):
    """The same model, painted the way Qt does by default: data() once per role."""

    def multiData(self, index: Index, span: Any, /) -> None:
        QAbstractTableModel.multiData(self, index, span)


def _painted(qtbot: QtBot, model: _Rows) -> QImage:
    model.set_rows([(f"Ban Tổ chức {n}", n * 7) for n in range(40)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(QSize(420, 300))
    view.show()
    qtbot.waitExposed(view)
    model.calls.update(data=0, multi=0)
    return view.viewport().grab().toImage()


def test_one_call_per_cell_paints_what_one_call_per_role_paints(qtbot: QtBot) -> None:
    at_once, role_by_role = _Rows(), _RoleByRole()
    image = _painted(qtbot, at_once)
    assert image == _painted(qtbot, role_by_role)
    cells = at_once.calls["multi"]
    assert cells > 0  # painting went through multiData
    # Each cell asked for several roles, answered in the one call.
    assert at_once.calls["data"] >= 5 * cells


def test_a_role_data_alone_is_answered(qtbot: QtBot) -> None:
    from PySide6.QtCore import QModelRoleData

    model = _Rows()
    model.set_rows([("Văn phòng", 3)])
    role = QModelRoleData(int(Qt.ItemDataRole.DisplayRole))
    model.multiData(model.index(0, 0, QModelIndex()), role)
    assert role.data() == "Văn phòng"
