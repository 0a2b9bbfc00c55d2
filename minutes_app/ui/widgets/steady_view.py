"""A table view that is not painted again when its window gains or loses activation.

Qt's item views repaint their whole viewport when their window is activated or
deactivated, which happens each time a dialog opens or closes over the window. A view over
a model of ours paints each cell through several calls into Python (the model's rowCount,
columnCount and multiData): a repaint of the conference list took 30 ms with nothing else
running and 90 ms while the database worker imported a file, each call waiting for the
interpreter's lock. The window's palette looks the same active and inactive
(``steady_palette``), so that repaint would change nothing on screen: the view skips it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent, QPalette
from PySide6.QtWidgets import QTableView

_ACTIVATION = (QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate)


def steady_palette(palette: QPalette) -> QPalette:
    """``palette`` with its inactive colours those of its active ones: a selected row stays
    as visible while a dialog is open over the window."""
    steady = QPalette(palette)
    for role in QPalette.ColorRole:
        if role == QPalette.ColorRole.NColorRoles:
            continue
        steady.setBrush(
            QPalette.ColorGroup.Inactive, role, palette.brush(QPalette.ColorGroup.Active, role)
        )
    return steady


class SteadyTableView(QTableView):
    """A QTableView that skips the repaint on its window's activation when it would look
    the same (see the module's docstring)."""

    def _steady(self) -> bool:
        return self.palette().isEqual(QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() in _ACTIVATION and self._steady():
            return False
        return super().viewportEvent(event)

    # The view that has the keyboard focus loses it while a dialog is open and takes it
    # back after, each time repainting everything too; the current cell keeps its frame
    # meanwhile, as the row keeps its colour.
    def focusInEvent(self, event: QFocusEvent) -> None:
        if event.reason() == Qt.FocusReason.ActiveWindowFocusReason and self._steady():
            return
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() == Qt.FocusReason.ActiveWindowFocusReason and self._steady():
            return
        super().focusOutEvent(event)
