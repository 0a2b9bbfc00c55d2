"""The wait cursor shown while the window copies, checks or restores a database."""

from __future__ import annotations

from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


class WaitCursor:
    """A wait cursor for the length of a ``with`` block."""

    def __enter__(self) -> None:
        if QGuiApplication.instance() is not None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(
        self,
        _kind: type[BaseException] | None,
        _error: BaseException | None,
        _trace: TracebackType | None,
    ) -> None:
        if QGuiApplication.instance() is not None:
            QGuiApplication.restoreOverrideCursor()
