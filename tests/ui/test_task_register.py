"""The task register shows its first rows at once and counts them all on a worker thread."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.tasks.query import TaskQuery, TaskRegister
from minutes_app.db.engine import Database
from minutes_app.ui.operations import DatabaseWorker
from minutes_app.ui.tasks.register import TaskRegisterPage


def test_count_label_shows_the_total_counted_off_the_ui_thread(
    qtbot: QtBot,
    db: Database,
    worker: DatabaseWorker,
    store: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load_samples(db)
    threads: list[int] = []
    counting = TaskRegister.count

    def count(register: TaskRegister) -> int:
        threads.append(threading.get_ident())
        return counting(register)

    monkeypatch.setattr(TaskRegister, "count", count)
    page = TaskRegisterPage(worker, store)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.counted, timeout=5000) as counted:
        page.apply_filters()
    assert page.model.rowCount() > 0
    expected = TaskRegister(db, TaskQuery(as_of=dt.date.today())).count()
    assert counted.args == [expected]
    assert str(expected) in page.count_label.text()
    assert threads and threads[0] != threading.get_ident()


def test_a_count_for_a_replaced_query_is_dropped(
    qtbot: QtBot, db: Database, worker: DatabaseWorker, store: QSettings
) -> None:
    load_samples(db)
    page = TaskRegisterPage(worker, store)
    qtbot.addWidget(page)
    page.apply_filters()
    page.class_box.setCurrentIndex(page.class_box.findData("overdue"))
    expected = TaskRegister(
        db, TaskQuery(as_of=dt.date.today(), classes=frozenset({"overdue"}))
    ).count()
    qtbot.waitUntil(lambda: page.model._total is not None, timeout=5000)
    qtbot.wait(50)  # the first query's count, if late, must not overwrite the second's
    assert page.model.total() == expected
    assert page.count_label.text() != "…"
