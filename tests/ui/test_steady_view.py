"""A table view over a model of ours is not painted again when a dialog opens over its
window, unless its palette would look different (widgets.steady_view)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QMainWindow, QTableView
from pytestqt.qtbot import QtBot

from minutes_app.ui.widgets.steady_view import SteadyTableView, steady_palette


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _paints_when_a_dialog_opens(
    qtbot: QtBot, view: QTableView, palette: QPalette, focused: bool = True
) -> int:
    """How often ``view`` is painted while a dialog opens and closes over its window;
    ``focused``: the view has the keyboard focus (else it takes none)."""
    if not focused:
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setPalette(palette)
    model = QStandardItemModel(20, 3, window)
    for row in range(20):
        model.setItem(row, 0, QStandardItem(f"Hội nghị {row}"))
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(500, 400)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    paints = _Paints()
    view.viewport().installEventFilter(paints)
    qtbot.wait(50)
    paints.count = 0
    dialog = QDialog(window)
    dialog.show()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.wait(50)
    dialog.close()
    window.activateWindow()  # as a window manager gives it back
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.wait(50)
    return paints.count


def _differing(palette: QPalette) -> QPalette:
    """``palette`` with its inactive highlight another colour than its active one."""
    changed = QPalette(palette)
    changed.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight, QColor("#1565c0"))
    changed.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, QColor("#9e9e9e"))
    return changed


@pytest.mark.parametrize("focused", [True, False])
def test_a_steady_view_is_not_painted_again_when_a_dialog_opens_and_closes(
    qtbot: QtBot, focused: bool
) -> None:
    plain = QMainWindow().palette()
    steady = steady_palette(_differing(plain))
    assert _paints_when_a_dialog_opens(qtbot, SteadyTableView(), steady, focused) == 0
    # Qt's own view repaints on each change of activation, however it looks.
    assert _paints_when_a_dialog_opens(qtbot, QTableView(), steady, focused) >= 2


def test_a_steady_view_whose_palette_changes_with_activation_is_painted_again(
    qtbot: QtBot,
) -> None:
    differing = _differing(QMainWindow().palette())
    assert _paints_when_a_dialog_opens(qtbot, SteadyTableView(), differing) >= 2


def test_the_steady_palette_is_the_active_one_in_both_groups() -> None:
    differing = _differing(QMainWindow().palette())
    steady = steady_palette(differing)
    assert steady.isEqual(QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    highlight = QPalette.ColorRole.Highlight
    assert steady.color(QPalette.ColorGroup.Inactive, highlight) == QColor("#1565c0")
    assert not differing.isEqual(QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
