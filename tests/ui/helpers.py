"""Helpers for driving windows in widget tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from minutes_app.ui.operations import DatabaseWorker


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make ``widget``'s window the active one, so that its shortcuts work."""
    widget.activateWindow()
    handle = widget.windowHandle()
    if handle is not None:
        handle.requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def settle(qtbot: QtBot, owner: object, timeout: int = 10_000) -> None:
    """Wait until every database operation asked of ``owner``'s worker (a window, a
    screen, or the worker itself) has run and its callbacks have been called, those that
    its data_changed set off included."""
    worker = owner if isinstance(owner, DatabaseWorker) else owner.worker  # type: ignore[attr-defined]
    assert isinstance(worker, DatabaseWorker)
    qtbot.waitUntil(worker.idle, timeout=timeout)


def when_shown(kind: type, act: Callable[[Any], object], timeout_ms: int = 10_000) -> None:
    """Call ``act(widget)`` as soon as a visible top-level widget of ``kind`` is shown (a
    dialog that a click is about to open, perhaps after a read on the worker)."""
    deadline = time.monotonic() + timeout_ms / 1000

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                act(widget)
                return
        if time.monotonic() < deadline:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)


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


def select_task(qtbot: QtBot, window: Any, words: str) -> int:
    """On ``window``'s register, filter by ``words`` (which must find one task), select
    it and wait for its detail pane; its id."""
    from minutes_app.ui.main_window import PAGE_TASKS

    window.navigation.setCurrentRow(PAGE_TASKS)
    page = window.task_page
    settle(qtbot, window)
    page.text_box.setText(words)
    page.apply_filters()
    settle(qtbot, window)  # the rows are read on the worker
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    settle(qtbot, window)  # and so is the detail pane
    [task] = page.selected_ids()
    return int(task)
