"""Stored and typed text shows as written: a name such as "<b>X</b>" is never read as HTML.

Qt reads a label's, a tooltip's or a message box's text as HTML when its format says so, or
when the format is "auto" and the text looks like HTML; ``shown`` decides as Qt does and
returns what reaches the screen.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from minutes_app.core.conferences.forms import BridgePointForm, ConferenceForm, InstructionForm
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.tasks.actions import NewTasks, TaskActionError, create_tasks
from minutes_app.db.engine import Database
from minutes_app.ui.widgets.common import ask, inform
from tests.ui.helpers import open_editor_of

HTML_NAME = "<b>X</b> & <img src=x.png>"
TITLE = "<b>Hội nghị</b> <i>giao ban</i>"
UNIT = "<i>Huyện ủy</i> Ba Bể"
TASK = "<b>Báo cáo</b> kết quả"


def shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt puts on screen for ``text`` in a widget of ``text_format``."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def label_shows(label: QLabel) -> str:
    return shown(label.text(), label.textFormat())


@pytest.fixture
def conference_id(db: Database) -> int:
    form = ConferenceForm(
        title=TITLE,
        date=dt.date(2024, 3, 15),
        bridge_points=(BridgePointForm(name=HTML_NAME, unit=UNIT),),
        instructions=(InstructionForm(text="Triển khai nghiêm túc."),),
    )
    conference = save_conference(db, form)
    instruction = load_conference(db, conference).instructions[0].id
    assert instruction is not None
    create_tasks(
        db,
        NewTasks(
            instruction,
            (TASK,),
            (UNIT,),
            assigned_on=dt.date(2024, 3, 15),
            deadline=dt.date(2024, 3, 20),
        ),
    )
    return conference


def test_the_people_at_label_shows_a_bridge_point_name_as_written(
    qtbot: QtBot, db: Database, store: QSettings, conference_id: int
) -> None:
    from minutes_app.ui.conferences.editor import TAB_POINTS
    from minutes_app.ui.main_window import MainWindow

    window = MainWindow(db, store)
    qtbot.addWidget(window)
    editor = open_editor_of(qtbot, window, conference_id)
    editor.tabs.setCurrentIndex(TAB_POINTS)
    editor.points.table.selectRow(0)

    assert label_shows(editor.point_caption) == f"People at {HTML_NAME}"
    assert editor.windowTitle() == TITLE  # a window title is always plain text
    editor.close()


def test_message_boxes_show_their_text_as_written(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def record(box: QMessageBox) -> int:
        seen.append(shown(box.text(), box.textFormat()))
        button = box.escapeButton()
        if button is not None:
            button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    inform(None, "Export", f"{HTML_NAME}.docx could not be written")
    ask(None, "Delete", f"Delete {HTML_NAME}?", "Delete")

    assert seen == [f"{HTML_NAME}.docx could not be written", f"Delete {HTML_NAME}?"]


def test_the_window_shows_a_database_path_as_written(
    qtbot: QtBot, tmp_path: Path, store: QSettings
) -> None:
    from minutes_app.ui.main_window import MainWindow

    folder = tmp_path / "<b>Văn phòng"
    folder.mkdir()
    db = Database.open(folder / "minutes.sqlite3")
    window = MainWindow(db, store)
    qtbot.addWidget(window)

    assert label_shows(window.status_db) == f"Database: {folder / 'minutes.sqlite3'}"
    window.close()
    db.close()


def test_the_conference_list_tooltip_shows_a_title_as_written(
    qtbot: QtBot, db: Database, store: QSettings, conference_id: int
) -> None:
    from minutes_app.ui.conferences.listing import COL_POINTS, COL_TITLE
    from minutes_app.ui.main_window import MainWindow

    window = MainWindow(db, store)
    qtbot.addWidget(window)
    model = window.conference_page.model
    tip = Qt.ItemDataRole.ToolTipRole

    assert shown(model.index(0, COL_TITLE).data(tip)) == TITLE
    assert shown(model.index(0, COL_POINTS).data(tip)) == HTML_NAME
    window.close()


def test_search_hits_show_their_label_as_written_in_the_tooltip(
    qtbot: QtBot, db: Database, conference_id: int
) -> None:
    from minutes_app.ui.search_dialog import SearchDialog

    dialog = SearchDialog(db)
    qtbot.addWidget(dialog)
    dialog.query.setText("bao cao ket qua")
    dialog.run()

    group = dialog.results.topLevelItem(0)
    assert group is not None
    hit = group.child(0)
    assert hit.text(0) == TASK
    assert shown(hit.toolTip(0)) == TASK


def test_the_overview_shows_task_titles_and_unit_names_as_written(
    qtbot: QtBot, db: Database, conference_id: int
) -> None:
    from minutes_app.ui.operations import DatabaseWorker
    from minutes_app.ui.tasks.overview import OverviewPage

    page = OverviewPage(DatabaseWorker(db))
    qtbot.addWidget(page)
    page.refresh(dt.date(2024, 4, 1))
    qtbot.waitUntil(lambda: page.chart is not None and bool(page.units_axis.categories()))

    item = page.overdue.item(0, 1)
    assert item is not None and item.text() == TASK
    assert shown(item.toolTip()) == TASK
    # A chart's axis labels are always HTML (Qt Charts draws them as rich text).
    assert [shown(c, Qt.TextFormat.RichText) for c in page.units_axis.categories()] == [UNIT]


def test_the_from_text_summary_shows_a_file_name_as_written(qtbot: QtBot, tmp_path: Path) -> None:
    from minutes_app.ui.conferences.from_text import FromTextDialog

    article = tmp_path / "<b>bài.txt"
    article.write_text("Sáng 17/02/2023, hội nghị trực tuyến.", encoding="utf-8")
    dialog = FromTextDialog([])
    qtbot.addWidget(dialog)

    assert dialog.load_file(article)
    assert label_shows(dialog.summary).endswith("(from <b>bài.txt)")


def test_a_tree_tooltip_of_the_from_text_dialog_shows_the_text_as_written(qtbot: QtBot) -> None:
    from minutes_app.ui.conferences.from_text import FromTextDialog

    dialog = FromTextDialog([])
    qtbot.addWidget(dialog)
    dialog.set_text(
        "Sáng 17/02/2023, hội nghị trực tuyến. Kết luận hội nghị, đồng chí đề nghị: "
        "<b>các cấp ủy</b> quán triệt nghiêm túc."
    )
    leaves = [
        group.child(row)
        for index in range(dialog.found.topLevelItemCount())
        if (group := dialog.found.topLevelItem(index)) is not None
        for row in range(group.childCount())
    ]
    marked = [leaf for leaf in leaves if "<b>" in leaf.text(1)]
    assert marked, [leaf.text(1) for leaf in leaves]
    assert [shown(leaf.toolTip(1)) for leaf in marked] == [leaf.text(1) for leaf in marked]


def test_a_progress_label_shows_a_file_name_as_written(qtbot: QtBot) -> None:
    from minutes_app.ui.operations import DatabaseWorker

    worker = DatabaseWorker(None)
    got: list[object] = ["not yet"]
    op = worker.run_long_op(None, f"Writing {HTML_NAME}.docx…", lambda _progress: None, got.append)
    assert op.progress is not None
    labels = op.progress.findChildren(QLabel)

    assert [label_shows(label) for label in labels] == [f"Writing {HTML_NAME}.docx…"]
    qtbot.waitUntil(worker.idle)
    assert got == ["not yet", None]
    worker.shutdown()


def test_a_task_action_error_is_shown_as_written(qtbot: QtBot) -> None:
    from minutes_app.ui.tasks.dialogs import TaskActionDialog

    def refuse(dialog: TaskActionDialog) -> object:
        # A code without words: shown as it is.
        return dialog.fail(TaskActionError(HTML_NAME))

    dialog = TaskActionDialog("progress", 1, refuse)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.buttons.ok.click()

    assert label_shows(dialog.error) == HTML_NAME


def test_a_refused_file_is_named_as_written_when_the_window_starts(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    from minutes_app.ui.app import run_app

    seen: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, _title, text: seen.append(shown(text))
    )
    notes = tmp_path / "<b>ghi chú.txt"
    notes.write_text("biên bản", encoding="utf-8")

    assert run_app(argparse.Namespace(db=str(notes), lang="en")) == 1
    assert seen == [f"{notes} is not a minutes-app database (not an SQLite file)."]
