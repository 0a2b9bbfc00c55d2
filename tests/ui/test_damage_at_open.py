"""Opening the window on a database with damaged records, an empty file, or a folder that is
not there: said in plain words, with the newest backup offered; the check of a changed
file runs off the UI thread."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, QTimer, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from minutes_app.base.paths import data_dir, default_database
from minutes_app.db.backup import automatic_backup
from minutes_app.db.engine import Database
from minutes_app.db.soundness import find_damage
from minutes_app.ui.app import refusal_text, run_app, settings
from minutes_app.ui.settings_dialog import backup_settings
from minutes_app.ui.storage import opening
from tests.damage_helpers import HARMS, sample_database
from tests.ui.helpers import Messages, settle

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def messages(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Messages:
    return Messages(monkeypatch)


@pytest.fixture
def store() -> QSettings:
    return settings()  # the app's own settings file, in the private data folder


@pytest.fixture
def backed_up(store: QSettings) -> tuple[Path, Path]:
    """The default database with the sample data, and its newest automatic backup."""
    path = default_database()
    path.parent.mkdir(parents=True, exist_ok=True)
    sample_database(path)
    db = Database.open(path)
    newest = automatic_backup(
        db, backup_settings(store).folder, keep=5, now=dt.datetime(2024, 3, 15, 17, 0)
    )
    db.close()
    return path, newest


@pytest.mark.parametrize("harm", HARMS, ids=list(HARMS))
def test_damaged_records_at_open_are_named_and_the_newest_backup_restored(
    messages: Messages, store: QSettings, backed_up: tuple[Path, Path], harm: str
) -> None:
    path, newest = backed_up
    expected = HARMS[harm](path)
    messages.press = ["restore_newest"]

    opened = opening.open_checked(path, store, refusal_text)

    assert opened is not None
    opened.close()
    assert messages.texts[0].startswith(
        f"The database {path} is damaged: {expected}. Working on it could lose more data."
    )
    assert "The newest backup was taken on 15/03/2024 17:00." in messages.texts[0]
    assert messages.details[0] == expected
    assert messages.texts[1].startswith(f"The database was restored from {newest}.")
    assert find_damage(path) == []
    [aside] = path.parent.glob("minutes.before-restore-*.sqlite3")
    assert [str(d) for d in find_damage(aside)] == [expected]  # kept, damage and all


def test_damaged_records_at_open_and_quit_exit_1_and_leave_the_file(
    db_path: Path, messages: Messages
) -> None:
    sample_database(db_path)
    expected = HARMS["bogus_status"](db_path)
    before = db_path.read_bytes()
    messages.press = ["quit"]

    code = run_app(argparse.Namespace(db=str(db_path), lang="en"))

    assert code == 1
    [text] = messages.texts
    assert text.startswith(f"The database {db_path} is damaged: {expected}.")
    assert "There is no backup in" in text
    assert db_path.read_bytes() == before


def test_every_damaged_record_is_listed_under_the_details(
    db_path: Path, messages: Messages, store: QSettings
) -> None:
    sample_database(db_path)
    lines = [HARMS[name](db_path) for name in ("orphan_task", "bogus_status")]

    assert opening.open_checked(db_path, store, refusal_text) is None

    assert "1 more problem is listed under the details." in messages.texts[0]
    assert messages.details[0].splitlines() == lines


def test_the_damage_is_told_in_vietnamese(
    db_path: Path, messages: Messages, store: QSettings, qapp: QApplication
) -> None:
    sample_database(db_path)
    HARMS["bogus_status"](db_path)
    translator = QTranslator()
    assert translator.load(str(REPO / "resources" / "i18n" / "minutes_app_vi.qm"))
    qapp.installTranslator(translator)
    try:
        assert opening.open_checked(db_path, store, refusal_text) is None
    finally:
        qapp.removeTranslator(translator)

    assert "bảng task, dòng 17: giá trị 'bogus' của status không được phép" in messages.texts[0]


# --- an empty file -------------------------------------------------------------------------


def test_an_empty_file_at_open_offers_the_newest_backup(
    messages: Messages, store: QSettings, backed_up: tuple[Path, Path]
) -> None:
    path, newest = backed_up
    path.write_bytes(b"")
    messages.press = ["restore_newest"]

    opened = opening.open_checked(path, store, refusal_text)

    assert opened is not None
    opened.close()
    assert messages.texts[0].startswith(
        f"The database {path} is empty (0 bytes): what it held is gone, perhaps after a disk "
        "error or an interrupted copy."
    )
    assert "The newest backup was taken on 15/03/2024 17:00." in messages.texts[0]
    assert messages.texts[1].startswith(f"The database was restored from {newest}.")
    assert find_damage(path) == []
    [aside] = path.parent.glob("minutes.before-restore-*.sqlite3")
    assert aside.read_bytes() == b""


def test_an_empty_file_at_open_is_not_made_into_a_new_database(
    db_path: Path, messages: Messages
) -> None:
    db_path.write_bytes(b"")
    messages.press = ["quit"]

    code = run_app(argparse.Namespace(db=str(db_path), lang="en"))

    assert code == 1
    [text] = messages.texts
    assert text.startswith(f"The database {db_path} is empty (0 bytes):")
    assert "There is no backup in" in text
    assert db_path.read_bytes() == b""


def test_a_new_path_in_an_existing_folder_is_created(db_path: Path, store: QSettings) -> None:
    opened = opening.open_checked(db_path, store, refusal_text)

    assert opened is not None
    opened.close()
    assert db_path.stat().st_size > 0


# --- a folder that is not there ------------------------------------------------------------


def test_a_database_in_a_missing_folder_is_refused_in_the_window(
    tmp_path: Path, messages: Messages
) -> None:
    path = tmp_path / "media" / "share" / "minutes.sqlite3"

    code = run_app(argparse.Namespace(db=str(path), lang="en"))

    assert code == 1
    assert messages.texts == [
        f"{path} cannot be opened: its folder does not exist (is the drive or network share "
        "connected?). Nothing was created."
    ]
    assert not (tmp_path / "media").exists()


def test_the_default_database_and_its_folder_are_made(qtbot: QtBot) -> None:
    from minutes_app.ui.app import start_app

    assert not data_dir().exists()

    started = start_app(argparse.Namespace(db=None, lang="en"))

    assert started is not None
    qtbot.addWidget(started.window)  # closed with its timers when the test ends
    started.db.close()
    assert started.path == default_database()
    assert default_database().stat().st_size > 0


# --- the check off the UI thread -----------------------------------------------------------


def test_the_check_of_a_changed_file_keeps_the_ui_thread_free(
    db_path: Path, store: QSettings, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample_database(db_path)
    threads: list[bool] = []

    def slow(path: Path, **kwargs: object) -> object:  # as a large file takes
        threads.append(QApplication.instance().thread().isCurrentThread())  # type: ignore[union-attr]
        time.sleep(0.8)
        return find_damage(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(opening, "find_damage", slow)
    # What earlier tests left to delete goes now, not in the first turn of the loop timed.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    shown: list[str] = []

    def look() -> None:
        shown.extend(
            w.labelText()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        )

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(650, look)
    last[0] = time.perf_counter()

    opened = opening.open_checked(db_path, store, refusal_text)

    timer.stop()
    assert opened is not None
    opened.close()
    assert threads == [False]
    assert len(gaps) > 40 and max(gaps) < 0.1
    assert shown == [f"Checking the database {db_path}…"]


def test_an_untouched_file_closed_cleanly_is_not_checked_again(
    db_path: Path, store: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample_database(db_path)
    checked: list[Path] = []
    monkeypatch.setattr(
        opening, "find_damage", lambda p, **k: checked.append(p) or find_damage(p, **k)
    )
    for _ in range(2):
        db = opening.open_checked(db_path, store, refusal_text)
        assert db is not None
        db.close()
        opening.remember_clean_close(db_path, store)
    assert checked == [db_path]


# --- export in the window ------------------------------------------------------------------


def test_the_window_export_refuses_records_it_cannot_export_and_lists_them(
    qtbot: QtBot,
    db_path: Path,
    store: QSettings,
    tmp_path: Path,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from minutes_app.ui.main_window import MainWindow
    from tests.damage_helpers import break_records

    sample_database(db_path)
    break_records(db_path, "UPDATE task SET lead_unit_id = 777 WHERE id = 9")
    target = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    db = Database.open(db_path)
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    try:
        [action] = [a for a in window.findChildren(QAction) if a.text() == "&Export exchange file…"]
        action.trigger()
        settle(qtbot, window)
    finally:
        db.close()

    assert messages.texts == [
        "Nothing was exported: these records refer to records that do not exist, so they "
        "cannot be exported whole:\n\n"
        "table task, row 9: lead_unit_id refers to unit 777, which does not exist"
    ]
    assert not target.exists()
