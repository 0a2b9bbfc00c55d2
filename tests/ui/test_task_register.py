"""The task register shows its first rows at once and counts them all on a worker thread."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from pytestqt.qtbot import QtBot

from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.tasks.query import TaskQuery, TaskRegister
from minutes_app.db.engine import Database
from minutes_app.ui.operations import DatabaseWorker
from minutes_app.ui.tasks.register import PAGE, TaskRegisterPage
from tests.ui.helpers import settle, statements_on_ui_thread


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
    page = _sample_page(qtbot, db, worker, store)
    page.apply_filters()
    page.class_box.setCurrentIndex(page.class_box.findData("overdue"))
    expected = TaskRegister(
        db, TaskQuery(as_of=dt.date.today(), classes=frozenset({"overdue"}))
    ).count()
    qtbot.waitUntil(lambda: page.model._total is not None, timeout=5000)
    qtbot.wait(50)  # the first query's count, if late, must not overwrite the second's
    assert page.model.total() == expected
    assert page.count_label.text() != "…"


def _samples_and_more(db: Database, more: int) -> None:
    """The sample data and ``more`` tasks of one instruction besides (for paging)."""
    from sqlalchemy import select

    from minutes_app.core.tasks.actions import NewTasks, create_tasks
    from minutes_app.db.models import Instruction

    load_samples(db)
    with db.reading() as session:
        instruction = session.scalars(select(Instruction.id)).first()
    assert instruction is not None
    titles = tuple(f"Việc thêm số {n:03d}" for n in range(more))
    create_tasks(db, NewTasks(instruction, titles, ("Huyện ủy Ba Bể",)), by="test")


def test_the_rows_are_read_on_the_worker_and_a_replaced_querys_are_dropped(
    qtbot: QtBot,
    db: Database,
    worker: DatabaseWorker,
    store: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load_samples(db)
    today = dt.date.today()
    threads: list[int] = []
    first_started, go_on = threading.Event(), threading.Event()
    paging = TaskRegister.page

    def page(register: TaskRegister, start: int, count: int) -> list[Any]:
        threads.append(threading.get_ident())
        if len(threads) == 1:  # the first query's read waits until the second is asked
            first_started.set()
            assert go_on.wait(5)
        return paging(register, start, count)

    monkeypatch.setattr(TaskRegister, "page", page)
    register = TaskRegisterPage(worker, store)
    qtbot.addWidget(register)
    model = register.model
    model.set_query(TaskQuery(as_of=today))
    assert first_started.wait(5)
    one = TaskQuery(as_of=today, text="quan triet quy dinh 96")
    model.set_query(one)
    go_on.set()
    assert model.rowCount() == 0  # nothing shown until read
    settle(qtbot, worker)
    assert len(threads) == 2 and threading.get_ident() not in threads
    assert model.query == one and model.rowCount() == 1  # the first query's rows dropped
    assert "96" in (model.row(0) or pytest.fail("no row")).title


def test_further_pages_are_read_on_the_worker_one_at_a_time(
    qtbot: QtBot, db: Database, worker: DatabaseWorker, store: QSettings
) -> None:
    _samples_and_more(db, 2 * PAGE + 50)
    total = TaskRegister(db, TaskQuery(as_of=dt.date.today())).count()
    register = TaskRegisterPage(worker, store)
    qtbot.addWidget(register)
    model = register.model
    model.set_query(TaskQuery(as_of=dt.date.today()))
    settle(qtbot, worker)
    assert model.rowCount() == PAGE and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE  # asked of the worker, not read here
    assert not model.canFetchMore(QModelIndex())  # while a page is on its way
    model.fetchMore(QModelIndex())  # the view asks again: not a second page
    settle(qtbot, worker)
    assert model.rowCount() == 2 * PAGE and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    settle(qtbot, worker)
    assert model.rowCount() == total and not model.canFetchMore(QModelIndex())
    ids = [row.id for row in (model.row(i) for i in range(model.rowCount())) if row]
    assert len(set(ids)) == total  # no page twice, none left out


def test_a_query_changed_while_a_page_is_on_its_way_shows_only_its_own_rows(
    qtbot: QtBot, db: Database, worker: DatabaseWorker, store: QSettings
) -> None:
    _samples_and_more(db, PAGE + 10)
    register = TaskRegisterPage(worker, store)
    qtbot.addWidget(register)
    model = register.model
    model.set_query(TaskQuery(as_of=dt.date.today()))
    settle(qtbot, worker)
    model.fetchMore(QModelIndex())
    model.set_query(TaskQuery(as_of=dt.date.today(), text="viec them so 007"))
    settle(qtbot, worker)
    titles = [row.title for row in (model.row(i) for i in range(model.rowCount())) if row]
    assert titles == ["Việc thêm số 007"]


def test_the_detail_pane_shows_the_task_selected_last(
    qtbot: QtBot, db: Database, worker: DatabaseWorker, store: QSettings
) -> None:
    register = _sample_page(qtbot, db, worker, store)
    register.model.set_query(TaskQuery(as_of=dt.date.today()))
    settle(qtbot, worker)
    first, second = register.model.row(0), register.model.row(1)
    assert first is not None and second is not None and first.title != second.title
    register.table.selectRow(0)
    register.table.selectRow(1)  # before the first task's card came back
    assert register.detail.toPlainText() == ""  # read on the worker
    settle(qtbot, worker)
    assert second.title in register.detail.toPlainText()
    assert first.title not in register.detail.toPlainText()
    register.table.selectRow(0)
    register.table.clearSelection()  # before its card came back: the pane stays empty
    settle(qtbot, worker)
    assert register.detail.toPlainText() == ""


def test_selecting_a_task_past_the_rows_read_reads_on_until_it_is_there(
    qtbot: QtBot, db: Database, worker: DatabaseWorker, store: QSettings
) -> None:
    _samples_and_more(db, 2 * PAGE + 50)
    query = TaskQuery(as_of=dt.date.today())
    [far] = TaskRegister(db, query).page(2 * PAGE + 10, 1)
    register = TaskRegisterPage(worker, store)
    qtbot.addWidget(register)
    register.model.set_query(query)
    settle(qtbot, worker)
    told: list[bool] = []
    register.select_ids({far.id}, reach={far.id}, then=lambda: told.append(True))
    assert told == []  # the pages are read on the worker
    settle(qtbot, worker)
    assert register.selected_ids() == [far.id] and told == [True]
    assert register.model.rowCount() > 2 * PAGE  # the third page read, for it


def test_a_clerks_walk_through_the_register_reads_nothing_on_the_ui_thread(
    qtbot: QtBot, samples_db: Database, store: QSettings
) -> None:
    from minutes_app.ui.main_window import PAGE_TASKS, MainWindow

    window = MainWindow(samples_db, store)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    page = window.task_page
    with statements_on_ui_thread() as here:
        window.navigation.setCurrentRow(PAGE_TASKS)
        settle(qtbot, window)
        page.class_box.setCurrentIndex(page.class_box.findData("overdue"))
        page.text_box.setText("quan triet")
        page.apply_filters()
        settle(qtbot, window)
        page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        settle(qtbot, window)
        page.table.selectRow(0)
        settle(qtbot, window)
        shown = page.detail.toPlainText()
        page.clear_filters()
        page.model.fetchMore(QModelIndex())
        settle(qtbot, window)
        row = page.model.row(3)
        assert row is not None
        page.show_task(row.id)
        settle(qtbot, window)
        window.show_tasks("overdue")
        settle(qtbot, window)
    window.stop_working()
    assert here == []
    assert shown  # the walk did read: the detail pane, the task shown alone
    assert page.selected_ids() == [] and page.model.rowCount() > 0


def test_the_conference_filter_narrows_to_its_tasks_and_keeps_its_choice_when_refilled(
    qtbot: QtBot, db: Database, worker: DatabaseWorker, store: QSettings
) -> None:
    page = _sample_page(qtbot, db, worker, store)
    units = [(1, "Ban Tổ chức")]
    conferences = [(cid, label) for cid, _date, label in _conference_rows(db)]
    page.set_choices(units, conferences)
    assert page.conference_box.count() == len(conferences) + 1
    assert page.chosen_conference() is None  # "All conferences" first
    last_id, last_label = conferences[-1]
    page.conference_box.setCurrentIndex(len(conferences))
    assert page.conference_box.currentText() == last_label
    assert page.chosen_conference() == last_id
    settle(qtbot, page)
    shown = {page.model.row(r).id for r in range(page.model.rowCount())}  # type: ignore[union-attr]
    expected = TaskRegister(db, TaskQuery(as_of=dt.date.today(), conference_id=last_id))
    assert shown == {row.id for row in expected.page(0, 1000)} != set()
    # Read again (a conference added before it): the same conference stays chosen.
    page.set_choices(units, [(10_000, "Hội nghị mới"), *conferences])
    assert page.chosen_conference() == last_id
    assert page.conference_box.currentText() == last_label
    # Gone from the choices: back to all conferences.
    page.set_choices(units, conferences[:-1])
    assert page.chosen_conference() is None


def _conference_rows(db: Database) -> list[tuple[int, dt.date, str]]:
    from minutes_app.core.conferences.listing import conference_choices

    return conference_choices(db)


def _sample_page(
    qtbot: QtBot, db: Database, worker: DatabaseWorker, store: QSettings
) -> TaskRegisterPage:
    """A register over the sample data, not yet filled."""
    load_samples(db)
    page = TaskRegisterPage(worker, store)
    qtbot.addWidget(page)
    return page
