"""The conference list: Vietnamese order, filters, lazy loading, delete to trash and back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from minutes_app.core.conferences.listing import ConferenceSummary, list_conferences
from minutes_app.core.conferences.trash import trash
from minutes_app.db.engine import Database
from minutes_app.ui.conferences.listing import (
    BATCH,
    COL_DATE,
    COL_ORGANIZER,
    COL_TITLE,
    ConferenceFilter,
    ConferenceListPage,
    ConferenceTableModel,
)
from minutes_app.ui.conferences.trash import TrashDialog
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.operations import DatabaseWorker
from tests.ui.helpers import activate, open_editor_of, settle, type_text


def summary(
    conference_id: int,
    title: str,
    date: dt.date = dt.date(2023, 2, 17),
    organizer: str | None = "Ban Tổ chức Trung ương",
    chairs: tuple[str, ...] = (),
    kind: str | None = None,
) -> ConferenceSummary:
    return ConferenceSummary(
        id=conference_id,
        title=title,
        date=date,
        session="morning",
        kind=kind,
        organizer=organizer,
        chairs=chairs,
        bridge_points=(),
        documents=(),
        tasks=0,
    )


def titles(model: ConferenceTableModel) -> list[str]:
    return [model.index(r, COL_TITLE).data() for r in range(model.rowCount())]


def test_titles_sort_in_vietnamese_order(qtbot: QtBot) -> None:
    model = ConferenceTableModel()
    model.set_rows(
        [
            summary(1, "Đảng bộ"),
            summary(2, "Dân vận"),
            summary(3, "Ân cần"),
            summary(4, "Anh"),
            summary(5, "Ăn ở"),
            summary(6, "Bình"),
        ]
    )
    model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(model) == ["Anh", "Ăn ở", "Ân cần", "Bình", "Dân vận", "Đảng bộ"]
    model.sort(COL_TITLE, Qt.SortOrder.DescendingOrder)
    assert titles(model) == ["Đảng bộ", "Dân vận", "Bình", "Ân cần", "Ăn ở", "Anh"]


def test_newest_conference_comes_first_by_default(
    qtbot: QtBot, worker: DatabaseWorker, store: QSettings
) -> None:
    page = ConferenceListPage(worker, store)
    qtbot.addWidget(page)
    page.set_rows([summary(1, "Cũ", dt.date(2020, 3, 2)), summary(2, "Mới", dt.date(2023, 4, 3))])
    assert titles(page.model) == ["Mới", "Cũ"]


def test_filter_box_ignores_case_and_diacritics_and_reads_d_as_dj(
    qtbot: QtBot, worker: DatabaseWorker, store: QSettings
) -> None:
    page = ConferenceListPage(worker, store)
    qtbot.addWidget(page)
    page.set_rows(
        [
            summary(1, "Quán triệt Quy định 96", chairs=("Trương Thị Mai",)),
            summary(2, "Giao ban quý I", chairs=("Mai Văn Chính",)),
            summary(3, "Đại hội đảng bộ", chairs=("Phạm Minh Chính",)),
        ]
    )
    type_text(page.filter_box, "truong thi")
    assert titles(page.model) == ["Quán triệt Quy định 96"]
    page.filter_box.clear()
    type_text(page.filter_box, "DAI HOI")
    assert titles(page.model) == ["Đại hội đảng bộ"]
    page.filter_box.clear()
    type_text(page.filter_box, "chinh")
    assert sorted(titles(page.model)) == ["Giao ban quý I", "Đại hội đảng bộ"]


def test_year_quarter_organizer_and_kind_filters_combine(
    qtbot: QtBot, worker: DatabaseWorker, store: QSettings
) -> None:
    page = ConferenceListPage(worker, store)
    qtbot.addWidget(page)
    page.set_rows(
        [
            summary(1, "A", dt.date(2023, 2, 17), "Ban Tổ chức Trung ương", kind="giao ban"),
            summary(2, "B", dt.date(2023, 4, 3), "Ban Tổ chức Trung ương", kind="giao ban"),
            summary(3, "C", dt.date(2023, 5, 3), "Ban Thường vụ Tỉnh ủy", kind="sơ kết"),
            summary(4, "D", dt.date(2019, 11, 7), "Ban Thường vụ Tỉnh ủy", kind="giao ban"),
        ]
    )
    assert [page.year_box.itemData(i) for i in range(page.year_box.count())] == [None, 2023, 2019]
    page.year_box.setCurrentIndex(page.year_box.findData(2023))
    assert sorted(titles(page.model)) == ["A", "B", "C"]
    page.quarter_box.setCurrentIndex(page.quarter_box.findData(2))
    assert sorted(titles(page.model)) == ["B", "C"]
    page.organizer_box.setCurrentIndex(page.organizer_box.findData("Ban Thường vụ Tỉnh ủy"))
    assert titles(page.model) == ["C"]
    page.kind_box.setCurrentIndex(page.kind_box.findData("giao ban"))
    assert titles(page.model) == []


def test_ten_thousand_conferences_are_handed_to_the_view_in_batches(qtbot: QtBot) -> None:
    model = ConferenceTableModel()
    rows = [
        summary(i, f"Hội nghị {i}", dt.date(2015, 1, 1) + dt.timedelta(days=i % 3650))
        for i in range(10_000)
    ]
    model.set_rows(rows)
    assert model.rowCount() == BATCH
    assert model.visible_count() == 10_000
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 2 * BATCH


def test_conference_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ConferenceTableModel()
    model.set_rows([summary(i, f"Hội nghị {i}") for i in range(BATCH + 5)])
    qtmodeltester.check(model, force_py=True)
    model.set_filter(ConferenceFilter(text="hoi nghi 1"))
    qtmodeltester.check(model, force_py=True)


def test_sort_column_is_remembered_between_runs(
    qtbot: QtBot, worker: DatabaseWorker, store: QSettings
) -> None:
    page = ConferenceListPage(worker, store)
    qtbot.addWidget(page)
    page.table.sortByColumn(COL_ORGANIZER, Qt.SortOrder.AscendingOrder)
    page.table.horizontalHeader().resizeSection(COL_ORGANIZER, 233)
    page.save_state()
    again = ConferenceListPage(worker, store)
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().sortIndicatorSection() == COL_ORGANIZER
    assert again.table.horizontalHeader().sectionSize(COL_ORGANIZER) == 233


@pytest.fixture
def window(qtbot: QtBot, example_db: Database, store: QSettings) -> MainWindow:
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    return window


def test_delete_key_moves_the_conference_to_the_trash_after_asking(
    qtbot: QtBot, window: MainWindow, example_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui.test_record_conference import answer_next_message_box

    seen = answer_next_message_box(monkeypatch, "Move to trash")
    table = window.conference_page.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert seen == [  # named: its date and title
        "Move the conference of 17/02/2023 to the trash?\n“Hội nghị trực tuyến quán triệt, "
        "triển khai các văn bản mới của Trung ương về công tác tổ chức xây dựng Đảng”\n\n"
        "It can be restored from Edit → Trash."
    ]
    assert window.conference_page.model.rowCount() == 0
    assert list_conferences(example_db) == []
    assert [t.title[:20] for t in trash(example_db)] == ["Hội nghị trực tuyến "]


def test_cancelling_the_question_deletes_nothing(
    qtbot: QtBot, window: MainWindow, example_db: Database
) -> None:
    table = window.conference_page.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # the autouse fixture answers Cancel
    assert len(list_conferences(example_db)) == 1


def test_undo_after_delete_puts_the_conference_back(
    qtbot: QtBot, window: MainWindow, example_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui.test_record_conference import answer_next_message_box

    answer_next_message_box(monkeypatch, "Move to trash")
    table = window.conference_page.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    settle(qtbot, window)
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert window.conference_page.model.rowCount() == 1
    assert trash(example_db) == []


def test_trash_dialog_restores_a_deleted_conference(
    qtbot: QtBot, window: MainWindow, example_db: Database
) -> None:
    from minutes_app.core.conferences.trash import move_to_trash

    [conference] = list_conferences(example_db)
    move_to_trash(example_db, [conference.id])
    dialog = TrashDialog(window.worker, window)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, window)
    assert dialog.model.rowCount() == 1
    dialog.view.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert dialog.model.rowCount() == 0  # it follows the trash by itself
    assert [c.id for c in list_conferences(example_db)] == [conference.id]
    assert window.conference_page.model.rowCount() == 1  # so does the list


def test_double_click_opens_the_conference_in_the_editor(qtbot: QtBot, window: MainWindow) -> None:
    table = window.conference_page.table
    index = window.conference_page.model.index(0, COL_DATE)
    editor = open_editor_of(qtbot, window, lambda: table.doubleClicked.emit(index))
    assert editor.title_edit.text().startswith("Hội nghị trực tuyến quán triệt")


def test_summaries_match_the_stored_records(example_db: Database) -> None:
    from sqlalchemy import select

    from minutes_app.db.models import Conference, Task

    with example_db.reading() as session:
        conference = session.scalars(select(Conference)).one()
        tasks = session.scalars(select(Task)).all()
        chairs = tuple(c.person.name for c in conference.chairs)
        points = tuple(b.name for b in conference.bridge_points)
        documents = tuple(
            s.document.symbol or s.document.number for s in conference.documents_studied
        )
        day = max(t.deadline or t.assigned_on for t in tasks) + dt.timedelta(days=1)
        open_ = [t for t in tasks if t.status in ("open", "in_progress") and t.deadline]
        expected = ConferenceSummary(
            id=conference.id,
            title=conference.title,
            date=conference.date,
            session=conference.session,
            kind=conference.kind,
            organizer=conference.organizer,
            chairs=chairs,
            bridge_points=points,
            documents=documents,
            tasks=len(tasks),
            overdue=len(open_),
        )
        held_on = conference.date
    assert chairs and points and documents and tasks and open_
    assert list_conferences(example_db, day) == [expected]
    before = list_conferences(example_db, held_on)
    assert [(c.tasks, c.overdue) for c in before] == [(len(tasks), 0)]


def test_the_window_reads_the_conference_rows_off_the_ui_thread(
    qtbot: QtBot, example_db: Database, store: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from minutes_app.ui import main_window
    from minutes_app.ui.conferences import listing

    threads: list[str] = []

    def spy(db: Database, today: dt.date | None = None) -> list[ConferenceSummary]:
        threads.append(threading.current_thread().name)
        return list_conferences(db, today)

    monkeypatch.setattr(main_window, "list_conferences", spy)
    monkeypatch.setattr(listing, "list_conferences", spy)
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    assert window.conference_page.model.rowCount() == 1  # there once the window is built
    window.refresh()
    settle(qtbot, window)
    assert window.conference_page.model.rowCount() == 1
    assert len(threads) == 2
    assert threading.main_thread().name not in threads
    assert len(set(threads)) == 1  # the window's one database worker

    def broken(db: Database, today: dt.date | None = None) -> list[ConferenceSummary]:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(listing, "list_conferences", broken)
    with qtbot.captureExceptions() as raised:
        window.refresh()
        settle(qtbot, window)
    # The worker's error reaches the UI thread, where the program's error hook tells it.
    assert [str(error) for _kind, error, _trace in raised] == ["disk gone"]


def test_import_and_export_through_the_window_in_batches(
    qtbot: QtBot,
    db: Database,
    store: QSettings,
    example_json: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc
    import json

    from PySide6.QtWidgets import QFileDialog

    from minutes_app.core.exchange import exporting, importing
    from minutes_app.core.exchange.exporting import export_exchange
    from minutes_app.ui import operations

    monkeypatch.setattr(importing, "BATCH", 1)
    monkeypatch.setattr(exporting, "BATCH", 1)
    document = json.loads(example_json.read_text("utf-8"))
    second = json.loads(json.dumps(document["conferences"][0]))
    second["key"], second["title"] = "other", second["title"] + " (2)"
    for i, instruction in enumerate(second["instructions"]):
        instruction["key"] = f"other-{i}"
        for j, task in enumerate(instruction["tasks"]):
            task["key"] = f"other-{i}-{j}"
    document["conferences"].append(second)
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    target = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    window = MainWindow(db, store)
    qtbot.addWidget(window)
    assert window.conference_page.model.rowCount() == 0
    window.exchange.import_file()
    settle(qtbot, window)
    assert window.conference_page.model.rowCount() == 2  # the list follows the import
    window.exchange.export_file()
    settle(qtbot, window)
    expected = json.dumps(export_exchange(db), ensure_ascii=False, indent=2) + "\n"
    assert target.read_text("utf-8") == expected
    assert len(json.loads(expected)["conferences"]) == 2
    assert gc.isenabled()
    # What the import froze is walked once the workers have been idle a while.
    thawing = operations._Generations.thawing
    assert gc.get_freeze_count() and thawing is not None and thawing.isActive()
