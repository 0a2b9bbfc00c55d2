"""Helpers for driving windows in widget tests."""

from __future__ import annotations

import sqlite3
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from minutes_app.ui.operations import DatabaseWorker

if TYPE_CHECKING:
    from minutes_app.ui.conferences.editor import ConferenceEditor
    from minutes_app.ui.main_window import MainWindow


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


def open_editor_of(
    qtbot: QtBot,
    window: MainWindow,
    conference: int | Callable[[], object] | None = None,
    timeout: int = 10_000,
) -> ConferenceEditor:
    """Open ``conference`` (an id) in ``window``'s editor, or a new conference when None,
    or ask as ``conference()`` does (a key pressed, a row double-clicked), and wait until
    the editor is shown: it opens once the database worker has read what it needs."""
    if conference is None:
        window.conferences.new_conference()
    elif isinstance(conference, int):
        window.conferences.open_conference(conference)
    else:
        conference()

    def shown() -> bool:
        editor = window.conferences.editor
        return editor is not None and editor.isVisible()

    qtbot.waitUntil(shown, timeout=timeout)
    editor = window.conferences.editor
    assert editor is not None
    return editor


def _short_stack() -> str:
    """Where the program asked for a statement: its own frames, innermost last."""
    frames = [
        f"{frame.filename.rsplit('/minutes_app/', 1)[-1]}:{frame.lineno} {frame.name}"
        for frame in traceback.extract_stack()
        if "/minutes_app/" in frame.filename
    ]
    return " < ".join(reversed(frames[-6:]))


def _in_sqlalchemy() -> bool:
    """Whether SQLAlchemy is on the stack (its statements are recorded by its own event)."""
    frame = sys._getframe(1)
    while frame is not None:
        if str(frame.f_globals.get("__name__", "")).startswith("sqlalchemy"):
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


@contextmanager
def statements_on_ui_thread() -> Iterator[list[tuple[str, str]]]:
    """Every SQL statement executed on the thread that enters the block (the UI thread
    of a widget test) while the block runs, as (statement, short stack of the program's
    frames that asked for it): through SQLAlchemy (``before_cursor_execute`` on every
    Engine), and on the plain sqlite3 and psycopg connections of ``plain_reading``.
    A read on the database worker is not recorded; the window must leave it empty."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    recorded: list[tuple[str, str]] = []
    ui_thread = threading.get_ident()
    active = True

    def record(statement: str) -> None:
        if active and threading.get_ident() == ui_thread:
            recorded.append((statement, _short_stack()))

    def on_execute(*args: Any) -> None:  # (conn, cursor, statement, parameters, context, many)
        record(str(args[2]))

    def traced(connection: sqlite3.Connection) -> sqlite3.Connection:
        def trace(statement: str) -> None:
            if not _in_sqlalchemy():
                record(statement)

        connection.set_trace_callback(trace)
        return connection

    plain_connect = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = plain_connect(*args, **kwargs)
        return connection if _in_sqlalchemy() else traced(connection)

    patched: list[tuple[Any, str, Any]] = [(sqlite3, "connect", connect)]
    try:
        import psycopg
    except ImportError:  # pragma: no cover - the venv has it
        psycopg = None  # type: ignore[assignment]
    if psycopg is not None:
        for name in ("execute", "executemany"):
            plain = getattr(psycopg.Cursor, name)

            def run(self: Any, query: Any, *args: Any, _plain: Any = plain, **kwargs: Any) -> Any:
                if not _in_sqlalchemy():
                    record(query if isinstance(query, str) else repr(query))
                return _plain(self, query, *args, **kwargs)

            patched.append((psycopg.Cursor, name, run))
    kept = [(owner, name, getattr(owner, name)) for owner, name, _ in patched]
    for owner, name, replacement in patched:
        setattr(owner, name, replacement)
    event.listen(Engine, "before_cursor_execute", on_execute)
    try:
        yield recorded
    finally:
        active = False
        event.remove(Engine, "before_cursor_execute", on_execute)
        for owner, name, plain in kept:
            setattr(owner, name, plain)
