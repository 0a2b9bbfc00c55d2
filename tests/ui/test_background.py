"""Long work runs off the UI thread; the UI keeps ticking; Cancel stops it."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from minutes_app.base.progress import ExportCancelled, report_progress
from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.tasks.rows import classified_tasks
from minutes_app.db.engine import Database
from minutes_app.ui.background import BackgroundJob, Prefetch, run_in_background


def _slow(steps: int) -> Callable[[Callable[[int, int], bool]], int]:
    def work(progress: Callable[[int, int], bool]) -> int:
        for done in range(steps):
            time.sleep(0.01)
            report_progress(progress, done, steps)
        return threading.get_ident()

    return work


def test_work_runs_on_another_thread_while_the_ui_ticks(qtbot: QtBot) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    worker_thread = run_in_background(None, "Working", _slow(40))
    timer.stop()
    assert worker_thread != threading.get_ident()
    assert len(ticks) >= 10
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 0.2


def test_cancel_stops_the_work_with_export_cancelled(qtbot: QtBot) -> None:
    job = BackgroundJob(None, "Working", _slow(1000))
    QTimer.singleShot(50, job.cancel)
    started = time.perf_counter()
    with pytest.raises(ExportCancelled):
        job.run()
    assert time.perf_counter() - started < 5


def test_errors_come_back_to_the_caller(qtbot: QtBot) -> None:
    def broken(_progress: Callable[[int, int], bool]) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        run_in_background(None, "Working", broken)


def test_the_database_can_be_read_on_the_worker_thread(qtbot: QtBot, tmp_path: Path) -> None:
    db = Database.open(tmp_path / "m.sqlite3")
    try:
        load_samples(db)
        here = len(classified_tasks(db, dt.date(2024, 1, 1)))
        there = run_in_background(
            None,
            "Reading",
            lambda _p: len(classified_tasks(db, dt.date(2024, 1, 1))),
        )
        assert there == here > 0
    finally:
        db.close()


def test_when_done_calls_back_on_the_ui_thread_though_nothing_else_holds_the_work(
    qtbot: QtBot,
) -> None:
    got: list[tuple[int, int]] = []

    def work() -> int:
        time.sleep(0.05)
        return threading.get_ident()

    Prefetch(work).when_done(lambda worker: got.append((worker, threading.get_ident())))
    time.sleep(0.2)  # the work ends; its signal waits in the queue (no events processed)
    gc.collect()  # the Prefetch is referenced by nobody here
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    qtbot.wait(50)
    [(worker, caller)] = got  # once
    assert caller == threading.get_ident() != worker


def test_when_done_on_work_already_finished_still_calls_back_once(qtbot: QtBot) -> None:
    got: list[str] = []
    prefetch = Prefetch(lambda: "xong")
    deadline = time.monotonic() + 5
    while not prefetch._finished.is_set() and time.monotonic() < deadline:
        time.sleep(0.01)  # no events processed: the done signal waits in the queue
    prefetch.when_done(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    qtbot.wait(50)
    assert got == ["xong"]


def test_when_done_lets_the_work_go_once_delivered(qtbot: QtBot) -> None:
    got: list[int] = []
    prefetch = Prefetch(lambda: 7)
    prefetch.when_done(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    gone = weakref.ref(prefetch)
    del prefetch
    gc.collect()
    assert gone() is None
