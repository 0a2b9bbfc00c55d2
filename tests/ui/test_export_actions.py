"""File → Export and Print preview: each document and table written from the window."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.paperwork.office import load_office, office_is_set, save_office
from minutes_app.db.engine import Database
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.paperwork.office_dialog import OfficeDialog
from minutes_app.ui.paperwork.period_dialog import PeriodDialog
from tests.paper_helpers import OFFICE
from tests.ui.helpers import settle, statements_on_ui_thread, when_shown


@pytest.fixture
def window(qtbot: QtBot, db: Database, store: QSettings) -> MainWindow:
    load_samples(db)
    save_office(db, OFFICE)
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def export(qtbot: QtBot, window: MainWindow) -> Callable[[str, Path], bool]:
    """Export from the window's menu commands; wait for it: whether it was written."""

    def run(kind: str, target: Path) -> bool:
        outcome: list[bool] = []
        if not window.exports.export(kind, target, then=outcome.append):
            return False
        qtbot.waitUntil(lambda: bool(outcome), timeout=30_000)
        return outcome[0]

    return run


def _select_first_conference(window: MainWindow) -> None:
    window.conference_page.table.selectRow(0)
    assert window.conference_page.selected_ids()


def test_minutes_and_notice_of_the_selected_conference(
    window: MainWindow, export: Callable[[str, Path], bool], tmp_path: Path
) -> None:
    _select_first_conference(window)
    assert export("minutes", tmp_path / "bb.docx")
    assert export("notice", tmp_path / "tb.pdf")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "bb.docx")).paragraphs)
    assert "BIÊN BẢN" in text
    assert (tmp_path / "tb.pdf").read_bytes().startswith(b"%PDF")
    assert "tb.pdf" in window.statusBar().currentMessage()


def test_minutes_without_a_selection_says_what_to_do(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(
        "minutes_app.ui.paperwork.export_actions.inform",
        lambda _w, _t, text, error=False: said.append(text),
    )
    window.conference_page.table.clearSelection()
    assert not window.exports.export("minutes", tmp_path / "bb.docx")  # not started
    assert said == ["Choose a conference on the Conferences screen first."]
    assert not (tmp_path / "bb.docx").exists()


def test_tasks_and_report_are_written(
    export: Callable[[str, Path], bool], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert export("tasks", tmp_path / "nv.xlsx")
    assert openpyxl.load_workbook(tmp_path / "nv.xlsx").worksheets[0].max_row > 30

    def choose_2023(dialog: PeriodDialog) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData("year"))
        dialog.which.setCurrentIndex(dialog.which.findText("2023"))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PeriodDialog, "exec", choose_2023)
    assert export("report", tmp_path / "bc.xlsx")
    assert export("report", tmp_path / "bc.docx")
    assert openpyxl.load_workbook(tmp_path / "bc.xlsx").worksheets


def test_a_write_failure_is_told_plainly_and_the_old_file_kept(
    export: Callable[[str, Path], bool], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "nv.csv"
    target.write_bytes(b"old")
    said: list[str] = []
    monkeypatch.setattr(
        "minutes_app.ui.paperwork.export_actions.inform",
        lambda _w, _t, text, error=False: said.append(text),
    )

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    assert not export("tasks", target)
    assert said and "No space left on device" in said[0]
    assert target.read_bytes() == b"old"


def _not_a_file(tmp_path: Path, name: str, what: str) -> Path:
    """A named pipe or a link to a device in the folder ``out``, alone there."""
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / name
    if what == "named pipe":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/full")
    return target


def _left_as_it_was(target: Path, what: str) -> bool:
    if what == "named pipe":
        return stat.S_ISFIFO(target.lstat().st_mode)
    return os.readlink(target) == "/dev/full"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes and devices")
@pytest.mark.parametrize("what", ["named pipe", "link to /dev/full"])
@pytest.mark.parametrize("name", ["nv.csv", "bb.pdf"])
def test_an_export_over_what_is_not_a_file_is_refused_and_leaves_it(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str, name: str
) -> None:
    target = _not_a_file(tmp_path, name, what)
    said: list[str] = []
    monkeypatch.setattr(
        "minutes_app.ui.paperwork.export_actions.inform",
        lambda _w, _t, text, error=False: said.append(text),
    )
    _select_first_conference(window)

    assert not window.exports.export("tasks" if name.endswith(".csv") else "minutes", target)

    assert said == [
        f"{target}: cannot be written (not a regular file; a device or a pipe is never "
        "written over)"
    ]
    assert _left_as_it_was(target, what)
    assert [p.name for p in target.parent.iterdir()] == [name]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes and devices")
@pytest.mark.parametrize("what", ["named pipe", "link to /dev/full"])
def test_the_exchange_export_over_what_is_not_a_file_is_refused_and_leaves_it(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    what: str,
) -> None:
    target = _not_a_file(tmp_path, "minutes.json", what)
    said: list[str] = []
    monkeypatch.setattr(
        "minutes_app.ui.storage.exchange.inform",
        lambda _w, _t, text, error=False: said.append(text),
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))

    window.export_action.trigger()
    settle(qtbot, window)

    assert said == [
        "The file cannot be written: not a regular file; a device or a pipe is never written over"
    ]
    assert _left_as_it_was(target, what)
    assert [p.name for p in target.parent.iterdir()] == ["minutes.json"]


def test_print_preview_opens_for_the_minutes(window: MainWindow, qtbot: QtBot) -> None:
    _select_first_conference(window)
    window.exports.preview_actions["minutes"].trigger()
    settle(qtbot, window)  # the paper is read on the worker
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintPreviewDialog)]
    assert len(previews) == 1 and previews[0].isVisible()
    previews[0].close()


def test_export_menu_lists_every_kind(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    titles = [a.text() for a in file_menu.actions()]
    assert "E&xport" in titles and "Print pre&view" in titles
    assert set(window.exports.export_actions) == {
        "minutes",
        "notice",
        "tasks",
        "calendar",
        "report",
    }


# --- the first paper asks for the office ---------------------------------------------------


@pytest.fixture
def unset_window(qtbot: QtBot, db: Database, store: QSettings) -> MainWindow:
    """The window on the sample data, the office never set (as after Help → Load sample data)."""
    load_samples(db)
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    _select_first_conference(window)
    return window


def _export_from(qtbot: QtBot, window: MainWindow, kind: str, target: Path) -> bool:
    outcome: list[bool] = []
    if not window.exports.export(kind, target, then=outcome.append):
        return False
    qtbot.waitUntil(lambda: bool(outcome), timeout=30_000)
    return outcome[0]


def test_the_first_paper_asks_for_the_office_and_follows_it(
    unset_window: MainWindow,
    qtbot: QtBot,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []  # the note at the top of each dialog (deleted once closed)

    def fill_in_and_save(dialog: OfficeDialog) -> None:
        asked.append(dialog.findChildren(QLabel)[0].text())
        dialog.edits["superior_body"].setText("TỈNH ỦY LẠNG SƠN")
        dialog.edits["place"].setText("Lạng Sơn")
        dialog.ok_button.click()  # saved on the worker, then the dialog closes

    monkeypatch.setattr(OfficeDialog, "open", fill_in_and_save)
    assert _export_from(qtbot, unset_window, "minutes", tmp_path / "bb.docx")
    assert len(asked) == 1
    assert "has not been set yet" in asked[0]
    heading = docx.Document(str(tmp_path / "bb.docx")).tables[0]
    assert "TỈNH ỦY LẠNG SƠN" in heading.cell(0, 0).text
    assert "Lạng Sơn, ngày" in heading.cell(1, 1).text
    # Set once: the next papers go straight to the file.
    assert _export_from(qtbot, unset_window, "notice", tmp_path / "tb.docx")
    assert len(asked) == 1


def test_cancelling_the_office_stops_the_export(
    unset_window: MainWindow,
    qtbot: QtBot,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[OfficeDialog] = []

    def cancel(dialog: OfficeDialog) -> None:
        asked.append(dialog)
        dialog.reject()

    monkeypatch.setattr(OfficeDialog, "open", cancel)
    assert not _export_from(qtbot, unset_window, "notice", tmp_path / "tb.pdf")
    unset_window.exports.preview("minutes")
    settle(qtbot, unset_window)  # the office is read on the worker
    assert len(asked) == 2
    assert not (tmp_path / "tb.pdf").exists()
    assert not office_is_set(db)
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintPreviewDialog)]
    assert previews == []
    # Tables carry no heading: they never ask.
    assert _export_from(qtbot, unset_window, "tasks", tmp_path / "t.xlsx")
    assert len(asked) == 2
    assert load_office(db).place == ""


def test_a_paper_and_the_office_settings_read_nothing_on_the_ui_thread(
    qtbot: QtBot, window: MainWindow, export: Callable[[str, Path], bool], tmp_path: Path
) -> None:
    _select_first_conference(window)
    shown: list[str] = []

    def look_and_close(dialog: OfficeDialog) -> None:
        shown.append(dialog.edits["superior_body"].text())
        dialog.reject()

    with statements_on_ui_thread() as statements:
        assert export("minutes", tmp_path / "bb.docx")
        when_shown(OfficeDialog, look_and_close)
        window.office_action.trigger()  # File → Office and signers…
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
        settle(qtbot, window)
    assert statements == []
    assert shown == [OFFICE.superior_body]  # as stored
