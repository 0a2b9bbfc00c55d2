"""How each tracking class looks: colour, icon and name, the same on every screen."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QStyle, QWidget

from minutes_app.core.tasks.labels import DUE_SOON, display_class
from minutes_app.core.tasks.tracking import DUE_SOON_DAYS

__all__ = ["DISPLAY_CLASSES", "DUE_SOON", "DUE_SOON_DAYS", "display_class"]

DISPLAY_CLASSES = (
    "overdue",
    DUE_SOON,
    "in_progress",
    "ongoing",
    "done_on_time",
    "done_late",
    "cancelled",
)

_NAMES = {
    "overdue": str(QT_TRANSLATE_NOOP("TaskClass", "Overdue")),
    DUE_SOON: str(QT_TRANSLATE_NOOP("TaskClass", "Due within 7 days")),
    "in_progress": str(QT_TRANSLATE_NOOP("TaskClass", "In progress")),
    "ongoing": str(QT_TRANSLATE_NOOP("TaskClass", "Ongoing")),
    "done_on_time": str(QT_TRANSLATE_NOOP("TaskClass", "Done on time")),
    "done_late": str(QT_TRANSLATE_NOOP("TaskClass", "Done late")),
    "cancelled": str(QT_TRANSLATE_NOOP("TaskClass", "Cancelled")),
}
COLORS = {
    "overdue": "#b3261e",
    DUE_SOON: "#a15c00",
    "in_progress": "#1a5fb4",
    "ongoing": "#5e5c64",
    "done_on_time": "#2e7d32",
    "done_late": "#7a6300",
    "cancelled": "#77767b",
}
_ICONS = {
    "overdue": QStyle.StandardPixmap.SP_MessageBoxCritical,
    DUE_SOON: QStyle.StandardPixmap.SP_MessageBoxWarning,
    "in_progress": QStyle.StandardPixmap.SP_MediaPlay,
    "ongoing": QStyle.StandardPixmap.SP_BrowserReload,
    "done_on_time": QStyle.StandardPixmap.SP_DialogApplyButton,
    "done_late": QStyle.StandardPixmap.SP_DialogApplyButton,
    "cancelled": QStyle.StandardPixmap.SP_DialogCancelButton,
}


def class_name(name: str) -> str:
    return QCoreApplication.translate("TaskClass", _NAMES.get(name, name))


def class_color(name: str) -> QColor:
    return QColor(COLORS.get(name, "#000000"))


def class_icon(widget: QWidget, name: str) -> QIcon:
    return widget.style().standardIcon(_ICONS.get(name, QStyle.StandardPixmap.SP_FileIcon))
