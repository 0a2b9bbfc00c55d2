"""Where a window opens: whole inside the screen's available area, near the window it is for.

The available area is the screen less its panels and docks (QScreen.availableGeometry).
A window is sized to fit it, frame and title bar included, and moved in where it would
fall off an edge, so that its buttons are never out of reach.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def frame_margins(window: QWidget | None) -> QMargins:
    """What the window manager adds around ``window`` (title bar, borders), as seen on a
    shown window; none when it is not shown."""
    if window is None or not window.isVisible():
        return QMargins()
    outer, inner = window.frameGeometry(), window.geometry()
    margins = QMargins(
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )
    sides = (margins.left(), margins.top(), margins.right(), margins.bottom())
    return margins if min(sides) >= 0 else QMargins()


def available_area(point: QPoint, fallback: QWidget | None = None) -> QRect:
    """The available area of the screen at ``point``, else of ``fallback``'s screen."""
    screen = QGuiApplication.screenAt(point)
    if screen is None and fallback is not None:
        screen = fallback.screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_rect(wanted: QRect, area: QRect, frame: QMargins, minimum: QSize) -> QRect:
    """``wanted`` (a window's inner geometry) made to fit inside ``area`` with its
    ``frame`` around it: no larger than the area allows, no smaller than ``minimum`` where
    the area allows that, moved in from any edge it would cross."""
    room = area.marginsRemoved(frame)
    width = max(min(wanted.width(), room.width()), min(minimum.width(), room.width()))
    height = max(min(wanted.height(), room.height()), min(minimum.height(), room.height()))
    x = min(max(wanted.x(), room.left()), room.left() + room.width() - width)
    y = min(max(wanted.y(), room.top()), room.top() + room.height() - height)
    return QRect(x, y, width, height)


def smallest_size(window: QWidget) -> QSize:
    """How small ``window`` can be made: its minimum size where set, else its layout's."""
    hint, set_size = window.minimumSizeHint(), window.minimumSize()
    return QSize(
        set_size.width() if set_size.width() > 0 else max(hint.width(), 0),
        set_size.height() if set_size.height() > 0 else max(hint.height(), 0),
    )


def place_window(window: QWidget, wanted: QRect, like: QWidget | None = None) -> None:
    """Give ``window`` the geometry ``wanted``, made to fit the screen it falls on; the
    frame is taken as that of ``like`` (a shown window of the same kind of frame) until
    ``window`` itself is shown."""
    frame = frame_margins(window) if window.isVisible() else frame_margins(like)
    area = available_area(wanted.center(), like or window)
    window.setGeometry(fit_rect(wanted, area, frame, smallest_size(window)))


def centre_on(window: QWidget, anchor: QWidget, size: QSize | None = None) -> None:
    """Open ``window`` (at ``size``, else its own) centred on ``anchor`` as far as the
    screen allows."""
    wanted = QRect(QPoint(0, 0), size or window.size())
    wanted.moveCenter(anchor.geometry().center())
    place_window(window, wanted, anchor)


def keep_on_screen(window: QWidget, like: QWidget | None = None) -> None:
    """Bring ``window`` (say, at a saved geometry) back inside the screen where it would
    fall off it."""
    place_window(window, window.geometry(), like)
