"""What is pasted into any text field is made plain first (issue 17, points 8 and 9).

The text field that has the focus (and only it: the application's ``focusChanged`` moves
the filter, so that no other widget's events pass through Python) has its paste key
(Ctrl+V, Shift+Insert) caught: the clipboard's text passes through ``base.pasted.tidy``
(a legacy font's mojibake converted, no-break and zero-width spaces, soft hyphens,
ligatures and the like made plain) and is inserted instead; the window's status bar says
when letters were converted from an old font. A paste that needs nothing goes on as Qt
does it.
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QPlainTextEdit, QTextEdit

from minutes_app.base.pasted import tidy


class PlainPaste(QObject):
    """Filters the focused text field's keys (``install``)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._watched: QObject | None = None
        app.focusChanged.connect(self._on_focus)

    def _on_focus(self, _old: object, new: object) -> None:
        if self._watched is not None:
            with suppress(RuntimeError):  # deleted meanwhile
                self._watched.removeEventFilter(self)
            self._watched = None
        if isinstance(new, QLineEdit | QPlainTextEdit | QTextEdit):
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not event.matches(QKeySequence.StandardKey.Paste):
            return False
        if not isinstance(watched, QLineEdit | QPlainTextEdit | QTextEdit):
            return False
        if watched.isReadOnly():
            return False
        pasted = QApplication.clipboard().text()
        if not pasted:
            return False
        plain = tidy(pasted)
        if plain.text == pasted:
            return False
        text = plain.text
        if isinstance(watched, QLineEdit):  # one line: its breaks and tabs are spaces
            text = " ".join(text.replace("\t", "\n").split("\n"))
        if isinstance(watched, QLineEdit):
            watched.insert(text)
        else:
            watched.insertPlainText(text)
        if plain.legacy is not None:
            _tell(watched, plain.legacy, plain.converted)
        return True


def _tell(widget: QObject, encoding: str, letters: int) -> None:
    window = widget.window() if hasattr(widget, "window") else None
    while window is not None and not isinstance(window, QMainWindow):
        window = window.parentWidget() if hasattr(window, "parentWidget") else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "PlainPaste",
                "Pasted text typed in an old %1 font: %n letter(s) converted to Unicode.",
                "",
                letters,
            ).replace("%1", encoding),
            10_000,
        )


_installed: list[PlainPaste] = []


def install(app: QApplication) -> None:
    """Make every paste into a text field of ``app`` plain (once)."""
    if not _installed:
        _installed.append(PlainPaste(app))
