"""Helpers for driving windows in widget tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make ``widget``'s window the active one, so that its shortcuts work."""
    widget.activateWindow()
    handle = widget.windowHandle()
    if handle is not None:
        handle.requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def type_text(widget: QWidget | None, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, Vietnamese letters included.

    QTest.keyClicks maps each character to an ASCII key code and aborts on "ư" or "Đ";
    a key event that carries the character as its text is what a keyboard with an input
    method delivers, so that is what is sent. With ``widget`` None each key goes to the
    widget that has the focus at that moment, as real typing does.
    """
    for char in text:
        target = widget or QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        key = Qt.Key(ord(char.upper())) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )


class Messages:
    """Every message box the code under test shows: its text and details, and which button
    to press (``press``: object names of buttons, in order; else the escape button)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: list[str] = []
        self.details: list[str] = []
        self.press: list[str] = []  # object names of buttons to click, in order
        monkeypatch.setattr(QMessageBox, "critical", self._static)
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))

    def _static(self, _parent: object, _title: str, text: str, *_rest: object) -> object:
        self.texts.append(text)
        return QMessageBox.StandardButton.Ok

    def _exec(self, box: QMessageBox) -> int:
        self.texts.append(box.text())
        self.details.append(box.detailedText())
        wanted = self.press.pop(0) if self.press else None
        for button in box.buttons():
            if wanted is not None and button.objectName() == wanted:
                button.click()
                return 0
        escape = box.escapeButton()
        if escape is not None:
            escape.click()
        return 0
