"""The Qt side that every drawing of a paper needs: a QGuiApplication (made offscreen when
there is no screen, for the command line) and the paper's fonts."""

from __future__ import annotations

import os
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

from minutes_app.formats.document import FONT_FAMILY

FAMILIES = (FONT_FAMILY, "Tinos", "Liberation Serif", "DejaVu Serif")
"""The paper's serif, in order of choice: Times New Roman where installed, then its metric
twins (Tinos of fonts-croscore; Liberation Serif, whose 1.x lacks many Vietnamese letters),
then DejaVu Serif. A paper is set in the first that draws every one of its letters
(``paper_family``): Qt would otherwise take each missing letter from another font, and
"TỈNH ỦY" printed with two fonts read "TÍNH ÚY"."""

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


@dataclass(frozen=True)
class FontChoice:
    """The family a paper is set in, and the letters of the paper that no installed serif
    of ``FAMILIES`` draws ("" when each is drawn)."""

    family: str
    missing: str = ""


class _Set:
    family = FONT_FAMILY  # the family of the paper being drawn (``use_family``)


def _drawn(text: str) -> list[str]:
    """The characters of ``text`` a font must draw: not spaces, not control characters."""
    return sorted({c for c in text if not c.isspace() and unicodedata.category(c)[0] != "C"})


@cache
def _raw_fonts(family: str) -> tuple[QRawFont, ...]:
    fonts = []
    for bold in (False, True):
        face = QFont(family)
        face.setBold(bold)
        fonts.append(QRawFont.fromFont(face))
    return tuple(fonts)


def paper_family(text: str) -> FontChoice:
    """The first of ``FAMILIES`` installed here that draws every character of ``text``, in
    regular and in bold; else the one that misses fewest, with what it misses."""
    ensure_gui_application()
    wanted = _drawn(text)
    installed = set(QFontDatabase.families())
    best: FontChoice | None = None
    for family in FAMILIES:
        if family not in installed:
            continue
        faces = _raw_fonts(family)
        missing = "".join(c for c in wanted if not all(f.supportsCharacter(ord(c)) for f in faces))
        if not missing:
            return FontChoice(family)
        if best is None or len(missing) < len(best.missing):
            best = FontChoice(family, missing)
    return best or FontChoice(FONT_FAMILY, "".join(wanted))


def use_family(family: str) -> None:
    """Set what follows (``font``, the paper's HTML) in ``family``."""
    _Set.family = family


def families() -> list[str]:
    """The family in use, then the others of ``FAMILIES`` for what it does not draw."""
    return [_Set.family, *(f for f in FAMILIES if f != _Set.family)]


def font(points: float, bold: bool = False) -> QFont:
    """The paper's serif at ``points``."""
    result = QFont()
    result.setFamilies(families())
    result.setPointSizeF(points)
    result.setBold(bold)
    return result
