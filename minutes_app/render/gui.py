"""The Qt side that every drawing of a paper needs: a QGuiApplication (made offscreen when
there is no screen, for the command line) and the paper's fonts."""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QFont, QGuiApplication

from minutes_app.formats.document import FONT_FAMILY

FAMILIES = [FONT_FAMILY, "Liberation Serif", "Tinos", "DejaVu Serif", "serif"]
"""Times New Roman where installed; metric twins, then any serif with Vietnamese letters."""

_application: QGuiApplication | None = None


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen when there is no display), so
    that the command line can lay out and write PDF files.

    Where Qt's widgets are loaded already (the window's code, its tests), the new one is a
    QApplication: a process makes one application for good, and widgets need that kind.
    """
    global _application
    app = QGuiApplication.instance()
    if app is None:
        headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        if sys.platform.startswith("linux") and headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        widgets = sys.modules.get("PySide6.QtWidgets")  # looked up, never imported here
        kind = QGuiApplication if widgets is None else widgets.QApplication
        _application = kind(sys.argv[:1] or ["minutes-app"])
        app = _application
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("printing needs a QGuiApplication, and a QCoreApplication is running")
    return app


def font(points: float, bold: bool = False) -> QFont:
    """The paper's serif at ``points``."""
    result = QFont()
    result.setFamilies(FAMILIES)
    result.setPointSizeF(points)
    result.setBold(bold)
    return result
