"""Saving while another copy of the program holds the database's write lock: the window
keeps running, says it is waiting, saves once the lock is let go, and when it gives up
says so plainly and keeps what the clerk entered."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from minutes_app.core.conferences.forms import ConferenceForm, InstructionForm
from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.tasks.actions import NewTasks, create_tasks
from minutes_app.core.tasks.query import TaskQuery, TaskRegister
from minutes_app.db import engine
from minutes_app.db.engine import Database
from minutes_app.ui import operations
from minutes_app.ui.conferences.editor import ConferenceEditor
from minutes_app.ui.main_window import PAGE_TASKS, MainWindow
from minutes_app.ui.tasks.dialogs import TaskActionDialog
from tests.ui.helpers import open_editor_of, settle, type_text, when_shown

TITLE = "Hội nghị giao ban trực tuyến quý II"


class Lock:
    """Another copy's connection holding the database's write lock until ``release()``."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.connection.execute("BEGIN IMMEDIATE")
        self.held = True

    def release(self) -> None:
        if self.held:
            self.held = False
            self.connection.execute("ROLLBACK")
            self.connection.close()


@pytest.fixture
def lock(db: Database) -> Iterator[Callable[[], Lock]]:
    taken: list[Lock] = []

    def take() -> Lock:
        taken.append(Lock(db.path))
        return taken[-1]

    yield take
    for held in taken:
        held.release()


class Ticks:
    """A timer of the UI thread that counts how often it fired: a frozen window stops it."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1


class Messages:
    """The message boxes shown; each is answered with its escape button."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: list[str] = []
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))

    def _exec(self, box: QMessageBox) -> int:
        self.texts.append(box.text())
        button = box.escapeButton()
        if button is not None:
            button.click()
        return 0


def waiting_dialog() -> QProgressDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, operations.WaitingForLock) and widget.isVisible():
            return widget
    return None


@pytest.fixture
def window(qtbot: QtBot, db: Database, store: QSettings) -> Iterator[MainWindow]:
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    yield window
    settle(qtbot, window, 30_000)
    if window.editor is not None:
        window.editor.undo_stack.setClean()  # no question when the test's editor closes
        window.editor.close()


def typed_conference(qtbot: QtBot, window: MainWindow) -> ConferenceEditor:
    editor = open_editor_of(qtbot, window)
    type_text(editor.title_edit, TITLE)
    assert editor.save_button.isEnabled(), editor.summary.text()
    return editor


def save(qtbot: QtBot, editor: ConferenceEditor) -> bool:
    """Save as Ctrl+S does; wait for the outcome: whether it was stored."""
    outcome: list[bool] = []
    assert editor.save(then=outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=20_000)
    return outcome[0]


def test_a_save_waits_for_another_copy_without_freezing_and_lands_once_it_lets_go(
    qtbot: QtBot, window: MainWindow, db: Database, lock: Callable[[], Lock]
) -> None:
    editor = typed_conference(qtbot, window)
    held = lock()
    ticks = Ticks()
    seen: list[str] = []

    def let_go() -> None:  # runs only if the window's event loop keeps running
        dialog = waiting_dialog()
        seen.append(dialog.labelText() if dialog is not None else "no waiting dialog")
        held.release()

    QTimer.singleShot(1200, let_go)
    started = time.monotonic()
    saved = save(qtbot, editor)
    took = time.monotonic() - started

    assert saved
    assert seen == ["Waiting for another copy of the program to finish writing…"]
    assert ticks.count >= 30, f"the window stood still: {ticks.count} ticks in {took:.1f} s"
    assert [c.title for c in list_conferences(db)] == [TITLE]
    assert not editor.has_unsaved_changes()
    assert waiting_dialog() is None


def test_a_save_that_gives_up_says_so_and_keeps_the_typed_text(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    lock: Callable[[], Lock],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(operations, "WRITE_WAIT_S", 1.0)
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    messages = Messages(monkeypatch)
    editor = typed_conference(qtbot, window)
    held = lock()
    ticks = Ticks()

    assert not save(qtbot, editor)

    assert messages.texts == [
        "Another copy of the program kept the database busy, so nothing was saved. "
        "What you entered is still in the window: try again in a moment."
    ]
    assert ticks.count >= 20
    assert editor.title_edit.text() == TITLE
    assert editor.has_unsaved_changes()
    held.release()
    assert list_conferences(db) == []
    assert save(qtbot, editor)  # the same text, once the other copy let go
    assert [c.title for c in list_conferences(db)] == [TITLE]


def test_the_clerk_can_stop_waiting_for_the_other_copy(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    lock: Callable[[], Lock],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    messages = Messages(monkeypatch)
    editor = typed_conference(qtbot, window)
    lock()

    def stop() -> None:
        dialog = waiting_dialog()
        assert dialog is not None
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # as its "Stop waiting" button does

    QTimer.singleShot(500, stop)
    started = time.monotonic()
    assert not save(qtbot, editor)

    assert time.monotonic() - started < 5  # not the 60 s it would wait otherwise
    assert len(messages.texts) == 1 and "nothing was saved" in messages.texts[0]
    assert editor.title_edit.text() == TITLE


# --- task actions --------------------------------------------------------------------------


@pytest.fixture
def task_id(db: Database) -> int:
    conference = save_conference(
        db,
        ConferenceForm(
            title=TITLE,
            date=dt.date(2024, 3, 15),
            instructions=(InstructionForm(text="Báo cáo kết quả quý II."),),
        ),
    )
    instruction = load_conference(db, conference).instructions[0].id
    assert instruction is not None
    record = create_tasks(
        db,
        NewTasks(
            instruction,
            ("Báo cáo kết quả quý II",),
            ("Huyện ủy Ba Bể",),
            assigned_on=dt.date(2024, 3, 15),
            deadline=dt.date(2024, 7, 15),
        ),
    )
    return record.created_tasks[0]


def progress_notes(db: Database, task_id: int) -> list[str]:
    with sqlite3.connect(db.path) as conn:
        rows = conn.execute(
            "SELECT note FROM task_event WHERE task_id = ? AND kind = 'progress'", (task_id,)
        ).fetchall()
    conn.close()
    return [r[0] for r in rows]


def open_task(qtbot: QtBot, window: MainWindow, task_id: int) -> None:
    window.navigation.setCurrentRow(PAGE_TASKS)
    window.task_page.show_task(task_id)
    settle(qtbot, window)  # its row is read on the worker
    assert window.task_page.selected_ids() == [task_id]


def test_a_task_action_waits_for_another_copy_without_freezing(
    qtbot: QtBot, window: MainWindow, db: Database, task_id: int, lock: Callable[[], Lock]
) -> None:
    open_task(qtbot, window, task_id)
    held = lock()
    ticks = Ticks()
    outcome: list[object] = []

    def fill() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, TaskActionDialog))
        type_text(dialog.text, "Đã gửi dự thảo báo cáo")
        QTimer.singleShot(1000, lambda: outcome.append(waiting_dialog()) or held.release())
        dialog.buttons.ok.click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
        outcome.append(dialog.result())

    QTimer.singleShot(0, fill)
    window.tasks.act("progress")

    assert isinstance(outcome[0], operations.WaitingForLock)
    assert outcome[1] == TaskActionDialog.DialogCode.Accepted
    assert ticks.count >= 25
    assert progress_notes(db, task_id) == ["Đã gửi dự thảo báo cáo"]
    window.undo_action.trigger()  # the action is undoable as before
    settle(qtbot, window)
    assert progress_notes(db, task_id) == []


def test_a_task_action_that_gives_up_keeps_the_dialog_and_its_text(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    task_id: int,
    lock: Callable[[], Lock],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(operations, "WRITE_WAIT_S", 1.0)
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    open_task(qtbot, window, task_id)
    held = lock()
    shown: list[tuple[str, str, bool]] = []

    def fill() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, TaskActionDialog))
        type_text(dialog.text, "Đã gửi dự thảo báo cáo")
        dialog.buttons.ok.click()
        qtbot.waitUntil(dialog.buttons.ok.isEnabled, timeout=20_000)  # given up
        shown.append((dialog.error.text(), dialog.chosen_text(), dialog.isVisible()))
        held.release()
        dialog.buttons.ok.click()  # the same text, once the other copy let go

    QTimer.singleShot(0, fill)
    window.tasks.act("progress")

    assert shown == [
        (
            "Another copy of the program kept the database busy, so nothing was changed. "
            "Press OK again in a moment.",
            "Đã gửi dự thảo báo cáo",
            True,
        )
    ]
    assert progress_notes(db, task_id) == ["Đã gửi dự thảo báo cáo"]
    assert TaskRegister(db, TaskQuery(as_of=dt.date(2024, 4, 1))).count() == 1


def test_creating_tasks_that_gives_up_asks_again_with_what_was_entered(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    task_id: int,
    lock: Callable[[], Lock],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from minutes_app.ui.conferences.editor import TAB_INSTRUCTIONS
    from minutes_app.ui.tasks.dialogs import CreateTasksDialog

    monkeypatch.setattr(operations, "WRITE_WAIT_S", 1.0)
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    messages = Messages(monkeypatch)
    [conference] = list_conferences(db)
    editor = open_editor_of(qtbot, window, conference.id)
    editor.tabs.setCurrentIndex(TAB_INSTRUCTIONS)
    editor.instructions.table.selectRow(0)
    held = lock()
    shown: list[str] = []

    def fill(dialog: CreateTasksDialog) -> None:
        # The first time: typed, then refused while the lock is held.
        dialog.titles.setPlainText("Tổng hợp báo cáo của các huyện")
        dialog.check_units(dialog.leads, ["Huyện ủy Ba Bể"])
        shown.append(dialog.titles.toPlainText())
        dialog.buttons.ok.click()
        qtbot.waitUntil(dialog.buttons.ok.isEnabled, timeout=20_000)  # given up
        # Asked again: what was typed is there; the other copy has let go.
        assert dialog.isVisible()
        shown.append(dialog.titles.toPlainText())
        held.release()
        dialog.buttons.ok.click()

    when_shown(CreateTasksDialog, fill)
    editor.create_tasks_button.click()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20_000)
    settle(qtbot, window)

    assert shown == ["Tổng hợp báo cáo của các huyện"] * 2
    assert len(messages.texts) == 1 and "nothing was saved" in messages.texts[0]
    titles = [r.title for r in TaskRegister(db, TaskQuery(as_of=dt.date(2030, 1, 1))).page(0, 9)]
    assert sorted(titles) == ["Báo cáo kết quả quý II", "Tổng hợp báo cáo của các huyện"]
