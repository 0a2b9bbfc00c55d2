"""The one way off the UI thread: a single database worker, operations with callbacks on
the UI thread, no nested event loops, and one signal that every screen follows."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
from pytestqt.qtbot import QtBot

from minutes_app.base.progress import ExportCancelled, report_progress
from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.tasks.rows import classified_tasks
from minutes_app.db.engine import Database
from minutes_app.ui import operations
from minutes_app.ui.main_window import PAGE_OVERVIEW, PAGE_TASKS, MainWindow
from minutes_app.ui.operations import (
    CONFERENCES,
    DIRECTORY,
    DOCUMENTS,
    TASKS,
    Changes,
    DatabaseWorker,
)
from minutes_app.ui.tasks.dialogs import TaskActionDialog
from tests.ui.helpers import open_editor_of, settle, type_text, when_shown


def _slow(steps: int) -> Callable[[Callable[[int, int], bool]], int]:
    def work(progress: Callable[[int, int], bool]) -> int:
        for done in range(steps):
            time.sleep(0.01)
            report_progress(progress, done, steps)
        return threading.get_ident()

    return work


# --- the worker ------------------------------------------------------------------------------


def test_a_long_operation_runs_on_the_worker_while_the_ui_ticks(
    qtbot: QtBot, worker: DatabaseWorker
) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    got: list[tuple[int, int]] = []
    worker.run_long_op(None, "Working", _slow(40), lambda w: got.append((w, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    timer.stop()
    [(there, here)] = got
    assert there != here == threading.get_ident()  # the callback comes on the UI thread
    assert len(ticks) >= 10
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 0.2


def test_cancel_stops_a_long_operation_with_export_cancelled(
    qtbot: QtBot, worker: DatabaseWorker
) -> None:
    failed: list[BaseException] = []
    op = worker.run_long_op(None, "Working", _slow(1000), on_failure=failed.append)
    assert op.progress is not None
    QTimer.singleShot(50, op.progress.canceled.emit)  # as its Cancel button does
    started = time.perf_counter()
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert time.perf_counter() - started < 5
    assert isinstance(failed[0], ExportCancelled)
    assert op.done and not op.succeeded


def test_errors_come_back_to_the_failure_callback(qtbot: QtBot, worker: DatabaseWorker) -> None:
    def broken() -> None:
        raise OSError(28, "No space left on device")

    failed: list[BaseException] = []
    worker.run_op(None, broken, lambda _r: pytest.fail("no success"), failed.append)
    qtbot.waitUntil(lambda: bool(failed))
    assert "No space left" in str(failed[0])


def test_the_database_is_read_on_the_worker(
    qtbot: QtBot, db: Database, worker: DatabaseWorker
) -> None:
    load_samples(db)
    here = len(classified_tasks(db, dt.date(2024, 1, 1)))
    got: list[int] = []
    worker.run_op(None, lambda: len(classified_tasks(db, dt.date(2024, 1, 1))), got.append)
    qtbot.waitUntil(lambda: bool(got))
    assert got == [here] and here > 0


def test_two_operations_asked_back_to_back_run_in_order_on_the_one_worker(
    qtbot: QtBot, worker: DatabaseWorker
) -> None:
    ran: list[tuple[str, str, float, float]] = []
    delivered: list[str] = []

    def work(name: str, seconds: float) -> Callable[[], str]:
        def run() -> str:
            started = time.perf_counter()
            time.sleep(seconds)
            ran.append((name, threading.current_thread().name, started, time.perf_counter()))
            return name

        return run

    worker.run_op(None, work("first", 0.2), delivered.append)
    worker.run_op(None, work("second", 0.0), delivered.append)
    assert not worker.idle()
    settle(qtbot, worker)

    (first, thread_a, _, first_ended), (second, thread_b, second_started, _) = ran
    assert (first, second) == ("first", "second")
    assert thread_a == thread_b != threading.current_thread().name  # one worker thread
    assert second_started >= first_ended  # one after the other, never at once
    assert delivered == ["first", "second"]


def test_a_write_emits_data_changed_once_it_succeeded_and_a_read_does_not(
    qtbot: QtBot, worker: DatabaseWorker
) -> None:
    seen: list[object] = []
    worker.data_changed.connect(seen.append)
    wrote = Changes(frozenset({TASKS}), frozenset({7}))
    worker.run_op(None, lambda: "read")
    worker.run_op(None, lambda: "written", change=wrote)

    def refused() -> None:
        raise ValueError("refused")

    worker.run_op(None, refused, on_failure=lambda _e: None, change=wrote)
    settle(qtbot, worker)
    assert seen == [wrote]


# --- no nested event loops --------------------------------------------------------------------


@pytest.fixture
def loops(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every event loop that the program's own code runs or spins, by the module that
    did it (pytest-qt's waiting is not the program's)."""
    import sys

    started: list[str] = []
    exec_loop = QEventLoop.exec
    process = QCoreApplication.processEvents

    def caller() -> str:
        return str(sys._getframe(2).f_globals.get("__name__", ""))

    def recorded_exec(loop: QEventLoop, *args: object) -> int:
        if caller().startswith("minutes_app"):
            started.append(caller())
        return exec_loop(loop, *args)  # type: ignore[arg-type]

    def recorded_process(*args: object) -> None:
        if caller().startswith("minutes_app"):
            started.append(caller())
        process(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(QEventLoop, "exec", recorded_exec)
    monkeypatch.setattr(QCoreApplication, "processEvents", staticmethod(recorded_process))
    yield started


def test_a_save_returns_at_once_and_its_outcome_comes_later_without_a_nested_loop(
    qtbot: QtBot, db: Database, store: QSettings, loops: list[str]
) -> None:
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    editor = open_editor_of(qtbot, window)
    type_text(editor.title_edit, "Hội nghị giao ban")
    outcome: list[bool] = []

    assert editor.save(then=outcome.append)  # started…
    assert outcome == []  # …and not waited for here
    assert not editor.save_button.isEnabled()  # one save at a time

    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == [True]
    assert loops == []
    assert not editor.has_unsaved_changes()
    settle(qtbot, window)
    assert window.conference_page.model.rowCount() == 1  # the list followed the save


def test_a_task_action_runs_no_loop_of_its_own(
    qtbot: QtBot, example_db: Database, store: QSettings, loops: list[str]
) -> None:
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    window.show()
    window.navigation.setCurrentRow(PAGE_TASKS)
    settle(qtbot, window)
    window.task_page.table.selectRow(0)

    def fill(dialog: TaskActionDialog) -> None:
        type_text(dialog.text, "Đã họp triển khai")
        dialog.buttons.ok.click()

    when_shown(TaskActionDialog, fill)
    window.tasks.act("progress")
    settle(qtbot, window)
    window.undo_action.trigger()
    settle(qtbot, window)
    assert loops == []


# --- one signal, every screen follows it -------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, example_db: Database, store: QSettings) -> MainWindow:
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    window.show()
    return window


def complete_the_overdue_task(qtbot: QtBot, window: MainWindow) -> int:
    """Mark the one overdue task as done through its dialog; its id."""
    window.show_tasks("overdue")
    settle(qtbot, window)
    assert window.task_page.model.rowCount() == 1
    window.task_page.table.selectRow(0)
    [task] = window.task_page.selected_ids()

    def fill(dialog: TaskActionDialog) -> None:
        type_text(dialog.text, "Báo cáo số 12-BC/HU")
        dialog.buttons.ok.click()

    when_shown(TaskActionDialog, fill)
    window.tasks.act("complete")
    return task


def test_a_task_action_tells_what_changed_and_every_screen_follows(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.navigation.setCurrentRow(PAGE_OVERVIEW)
    settle(qtbot, window)
    overview = window.overview_page
    assert overview.tiles["overdue"].number.text() == "1"
    before = window.conference_page.model.rows()[0]
    assert before.overdue == 1
    seen: list[Changes] = []
    window.worker.data_changed.connect(seen.append)

    with qtbot.waitSignal(window.worker.data_changed, timeout=10_000) as told:
        task = complete_the_overdue_task(qtbot, window)
    settle(qtbot, window)

    [change] = told.args
    assert change.kinds == {TASKS}
    assert change.ids == {task}
    assert seen == [change]  # once, by the action; the screens only listen
    # The register, in view, reloaded at once: the task is no longer overdue.
    assert window.task_page.model.rowCount() == 0
    # The list and the overview, out of view, reload when shown again.
    window.navigation.setCurrentRow(PAGE_OVERVIEW)
    settle(qtbot, window)
    assert overview.tiles["overdue"].number.text() == "0"
    assert overview.tiles["done_late"].number.text() == "1"
    window.navigation.setCurrentRow(0)
    settle(qtbot, window)
    assert window.conference_page.model.rows()[0].overdue == 0


def test_a_screen_out_of_view_reloads_only_once_shown(qtbot: QtBot, window: MainWindow) -> None:
    window.navigation.setCurrentRow(PAGE_OVERVIEW)
    settle(qtbot, window)
    window.navigation.setCurrentRow(0)
    reads: list[str] = []
    from minutes_app.ui.tasks import overview

    reading = overview._read_overview

    def spy(*args: object) -> object:
        reads.append("read")
        return reading(*args)  # type: ignore[arg-type]

    overview._read_overview = spy  # type: ignore[assignment]
    try:
        for _ in range(3):
            window.worker.notify(Changes(frozenset({TASKS})))
        settle(qtbot, window)
        assert reads == []  # out of view: marked, not read
        window.navigation.setCurrentRow(PAGE_OVERVIEW)
        settle(qtbot, window)
        assert reads == ["read"]  # once, however many changes came meanwhile
    finally:
        overview._read_overview = reading  # type: ignore[assignment]


def test_merging_two_people_renames_them_in_the_conference_list(
    qtbot: QtBot, window: MainWindow, example_db: Database
) -> None:
    from minutes_app.core.directory import list_people, merge_people, save_person

    save_person(example_db, None, "Trương T. Mai", None)
    shortened = next(p.id for p in list_people(example_db) if p.name == "Trương T. Mai")
    full = next(p.id for p in list_people(example_db) if p.name == "Trương Thị Mai")
    seen: list[Changes] = []
    window.worker.data_changed.connect(seen.append)
    page = window.directory_page
    window.worker.run_op(
        page,
        lambda: merge_people(example_db, shortened, full),
        change=operations.changes(DIRECTORY, TASKS, CONFERENCES),
    )
    settle(qtbot, window)
    assert [c.kinds for c in seen] == [{DIRECTORY, TASKS, CONFERENCES}]
    # The list was in view: it read its rows again, with the name kept.
    assert window.conference_page.model.rows()[0].chairs == ("Trương T. Mai",)


def test_saving_a_conference_tells_conferences_tasks_units_and_documents(
    qtbot: QtBot, window: MainWindow
) -> None:
    [conference] = window.conference_page.model.rows()
    editor = open_editor_of(qtbot, window, conference.id)
    type_text(editor.title_edit, " (bổ sung)")
    with qtbot.waitSignal(window.worker.data_changed, timeout=10_000) as told:
        editor.save()
    assert told.args[0].kinds == {CONFERENCES, TASKS, DIRECTORY, DOCUMENTS}
    settle(qtbot, window)
    assert window.conference_page.model.rows()[0].title.endswith("(bổ sung)")
    editor.close()


# --- undo through the worker -----------------------------------------------------------------


def test_an_undo_that_finds_the_database_busy_stays_undoable(
    qtbot: QtBot,
    window: MainWindow,
    example_db: Database,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import sqlite3

    from minutes_app.db import engine
    from tests.ui.helpers import Messages

    messages = Messages(monkeypatch)
    complete_the_overdue_task(qtbot, window)
    settle(qtbot, window)
    assert window.undo_action.isEnabled()
    monkeypatch.setattr(operations, "WRITE_WAIT_S", 0.5)
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    lock = sqlite3.connect(example_db.path, isolation_level=None, check_same_thread=False)
    lock.execute("BEGIN IMMEDIATE")
    try:
        window.undo_action.trigger()
        assert not window.undo_action.isEnabled()  # one step at a time
        qtbot.waitUntil(lambda: bool(messages.texts), timeout=10_000)
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    settle(qtbot, window)
    assert "nothing was saved" in messages.texts[0]
    # Nothing happened: the action is still done, and still undoable.
    assert window.undo_stack.count() == 1 and window.undo_stack.canUndo()
    window.show_tasks("overdue")
    settle(qtbot, window)
    assert window.task_page.model.rowCount() == 0
    window.undo_action.trigger()
    settle(qtbot, window)
    window.show_tasks("overdue")
    settle(qtbot, window)
    assert window.task_page.model.rowCount() == 1
    assert window.undo_stack.canRedo() and not window.undo_stack.canUndo()


def test_the_undo_actions_are_named_after_the_step(qtbot: QtBot, window: MainWindow) -> None:
    complete_the_overdue_task(qtbot, window)
    settle(qtbot, window)
    assert window.undo_action.text() == "&Undo Mark as done"
    window.undo_action.trigger()
    settle(qtbot, window)
    assert window.redo_action.text() == "&Redo Mark as done"
    assert window.undo_action.text() == "&Undo"


def test_closing_the_window_over_unsaved_changes_saves_them_then_closes_both(
    qtbot: QtBot, db: Database, store: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui.test_record_conference import answer_next_message_box

    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    editor = open_editor_of(qtbot, window)
    type_text(editor.title_edit, "Hội nghị sơ kết")
    seen = answer_next_message_box(monkeypatch, "Save")

    assert not window.close()  # not yet: the save runs on the worker

    qtbot.waitUntil(lambda: not window.isVisible())
    assert seen == ["This conference has changes that are not saved."]
    assert not editor.isVisible()
    assert [c.title for c in list_conferences(db)] == ["Hội nghị sơ kết"]


def test_typing_while_a_save_runs_is_held_back_so_what_is_stored_is_what_was_shown(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    import sqlite3

    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    editor = open_editor_of(qtbot, window)
    type_text(editor.title_edit, "Hội nghị giao ban")
    lock = sqlite3.connect(db.path, isolation_level=None, check_same_thread=False)
    lock.execute("BEGIN IMMEDIATE")  # the save waits for another copy
    outcome: list[bool] = []
    try:
        assert editor.save(then=outcome.append)
        type_text(editor.title_edit, " quý II")  # held back: the save stores what was shown
        assert editor.title_edit.text() == "Hội nghị giao ban"
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    assert outcome == [True]
    assert [c.title for c in list_conferences(db)] == ["Hội nghị giao ban"]
    type_text(editor.title_edit, " quý II")  # once saved, the editor takes typing again
    assert editor.title_edit.text() == "Hội nghị giao ban quý II"
    editor.undo_stack.setClean()
    editor.close()


# --- the garbage collector while the worker works ------------------------------------------


class _Cycle:
    """An object in a reference cycle: only the cyclic collector frees it."""

    __slots__ = ("__weakref__", "me")

    def __init__(self) -> None:
        self.me = self


def _busy_until(stop: threading.Event) -> Callable[[Callable[[int, int], bool]], None]:
    def work(progress: Callable[[int, int], bool]) -> None:
        while not stop.is_set():
            time.sleep(0.005)

    return work


@contextmanager
def _collections() -> Iterator[list[tuple[int, str]]]:
    """The collections that start meanwhile: (generation, thread name)."""
    seen: list[tuple[int, str]] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append((info["generation"], threading.current_thread().name))

    gc.callbacks.append(callback)
    try:
        yield seen
    finally:
        gc.callbacks.remove(callback)


def test_while_the_worker_works_the_ui_thread_collects_the_young_generations(
    qtbot: QtBot, worker: DatabaseWorker
) -> None:
    stop = threading.Event()
    worker.run_long_op(None, "Working", _busy_until(stop))
    try:
        assert not gc.isenabled()  # never on the worker's thread
        freed = threading.Event()
        for _ in range(3 * gc.get_threshold()[0]):
            weakref.finalize(_Cycle(), freed.set)
        with _collections() as seen:
            qtbot.waitUntil(freed.is_set, timeout=2_000)
        assert seen and {name for _gen, name in seen} == {threading.current_thread().name}
    finally:
        stop.set()
    qtbot.waitUntil(worker.idle, timeout=5_000)
    assert gc.isenabled()


@pytest.mark.parametrize("held", [True, False])
def test_work_that_collects_for_itself_is_left_alone_and_other_work_by_the_rule(
    qtbot: QtBot, worker: DatabaseWorker, held: bool
) -> None:
    stop = threading.Event()

    def work(progress: Callable[[int, int], bool]) -> None:
        if held:
            with operations.collecting_for_itself():
                _busy_until(stop)(progress)
        else:
            _busy_until(stop)(progress)

    worker.run_long_op(None, "Working", work)
    kept: list[_Cycle] = []
    try:
        qtbot.wait(50)  # the work has begun (and holds, if it does)
        with _collections() as seen:
            # Enough objects reach the oldest generation for the collector's own rule to
            # walk it: each round as many as a young collection sees.
            for _ in range(600):
                kept.extend(_Cycle() for _ in range(gc.get_threshold()[0] + 1))
                operations._collect_young()
        generations = {gen for gen, _name in seen}
    finally:
        stop.set()
    qtbot.waitUntil(worker.idle, timeout=5_000)
    if held:  # the window does not collect at all meanwhile
        assert generations == set()
    else:  # the young ones; the oldest, once enough reached it, is frozen instead
        assert generations and 2 not in generations
        assert gc.get_freeze_count() >= len(kept)


def test_what_was_frozen_is_walked_once_the_workers_have_been_idle_a_while(
    qtbot: QtBot, worker: DatabaseWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(operations, "_THAW_AFTER_MS", 300)
    freed = threading.Event()
    weakref.finalize(_Cycle(), freed.set)  # garbage in a cycle, not yet found
    operations.freeze_long_lived()
    gc.collect()
    assert not freed.is_set()  # frozen: no collection walks it
    worker.run_op(None, lambda: None)  # work ends: the workers fall idle
    qtbot.waitUntil(worker.idle, timeout=5_000)
    qtbot.wait(100)
    assert not freed.is_set()  # not at once: the clerk may be busy with the window
    qtbot.waitUntil(freed.is_set, timeout=2_000)
    assert gc.get_freeze_count() > 0  # the survivors are frozen again
    # Work that starts before the pause is over puts the walk off.
    freed.clear()
    weakref.finalize(_Cycle(), freed.set)
    operations.freeze_long_lived()
    worker.run_op(None, lambda: None)
    qtbot.waitUntil(worker.idle, timeout=5_000)
    qtbot.wait(200)
    worker.run_op(None, lambda: time.sleep(0.3))
    qtbot.wait(200)  # past the first pause's end, while the work runs
    assert not freed.is_set()
    qtbot.waitUntil(freed.is_set, timeout=3_000)
