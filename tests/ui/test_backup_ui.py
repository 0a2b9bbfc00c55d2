"""File → Back up… and Restore…, and the automatic backups, driven as a clerk does."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from minutes_app.db.backup import automatic_backup, backup_database, list_backups
from minutes_app.db.engine import Database
from minutes_app.db.models import Unit
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.settings_dialog import (
    BACKUP_DAILY,
    BACKUP_FOLDER,
    BACKUP_KEEP,
    BACKUP_ON_EXIT,
)
from minutes_app.ui.storage import backup as backup_ui
from minutes_app.ui.storage import messages, opening, restoring
from tests.ui.helpers import open_editor_of


def units(db: Database) -> list[str]:
    with db.reading() as s:
        return sorted(s.scalars(select(Unit.name)))


def add_unit(db: Database, name: str) -> None:
    with db.transaction() as s:
        s.add(Unit(name=name))


class Boxes:
    """Message boxes shown: their texts; the button to press is chosen by its text."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: list[str] = []
        self.press: list[str] = []
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))

    def _exec(self, box: QMessageBox) -> int:
        self.texts.append(box.text())
        wanted = self.press.pop(0) if self.press else None
        for button in box.buttons():
            if button.text() == wanted:
                button.click()
                return 0
        escape = box.escapeButton()
        if escape is not None:
            escape.click()
        return 0


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


@pytest.fixture
def window(qtbot: QtBot, db: Database, store: QSettings, tmp_path: Path) -> MainWindow:
    store.setValue(BACKUP_FOLDER, str(tmp_path / "backups"))
    add_unit(db, "Ban Tổ chức Tỉnh ủy")
    main = MainWindow(db, store)
    qtbot.addWidget(main)
    return main


def choose_file(monkeypatch: pytest.MonkeyPatch, kind: str, path: Path | None) -> list[str]:
    """Answer the next file dialog with ``path`` (None: cancelled); returns its start folders."""
    asked: list[str] = []

    def answer(_parent: object, _title: str, start: str = "", *_rest: object) -> tuple[str, str]:
        asked.append(start)
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, kind, answer)
    return asked


def test_back_up_now_suggests_a_dated_file_in_the_backup_folder_and_writes_it(
    window: MainWindow,
    db: Database,
    store: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "usb" / "copy.sqlite3"
    target.parent.mkdir()
    asked = choose_file(monkeypatch, "getSaveFileName", target)

    written = backup_ui.back_up_now(window, db, store)

    assert written == target
    assert Path(asked[0]).parent == tmp_path / "backups"
    assert Path(asked[0]).name.startswith("minutes-")
    copy = Database.open(target)
    assert units(copy) == ["Ban Tổ chức Tỉnh ủy"]
    copy.close()
    assert window.statusBar().currentMessage() == f"Backed up to {target}"


def test_back_up_now_cancelled_writes_nothing(
    window: MainWindow,
    db: Database,
    store: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose_file(monkeypatch, "getSaveFileName", None)
    assert backup_ui.back_up_now(window, db, store) is None
    assert list((tmp_path / "backups").iterdir()) == []


def test_back_up_over_the_database_itself_is_refused(
    window: MainWindow,
    db: Database,
    store: QSettings,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = units(db)
    choose_file(monkeypatch, "getSaveFileName", db.path)
    assert backup_ui.back_up_now(window, db, store) is None
    assert boxes.texts == [f"{db.path} is the database itself; choose another file."]
    assert units(db) == before


@pytest.mark.parametrize("name", ["minutes.sqlite3-wal", "minutes.sqlite3-journal", "hard link"])
def test_back_up_over_a_file_of_the_database_is_refused(
    window: MainWindow,
    db: Database,
    store: QSettings,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    before = units(db)  # the window's connection keeps the -wal open
    target = db.path.with_name(name)
    if name == "hard link":
        target = db.path.with_name("hard.sqlite3")
        os.link(db.path, target)
    wal = Path(f"{db.path}-wal").read_bytes()
    choose_file(monkeypatch, "getSaveFileName", target)

    assert backup_ui.back_up_now(window, db, store) is None

    assert boxes.texts == [f"{target} is the database itself; choose another file."]
    assert Path(f"{db.path}-wal").read_bytes() == wal
    assert not Path(f"{db.path}-journal").exists()
    assert units(db) == before


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_back_up_over_a_named_pipe_is_refused_and_leaves_it(
    window: MainWindow,
    db: Database,
    store: QSettings,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "usb").mkdir()
    pipe = tmp_path / "usb" / "copy.sqlite3"
    os.mkfifo(pipe)
    choose_file(monkeypatch, "getSaveFileName", pipe)

    assert backup_ui.back_up_now(window, db, store) is None

    assert boxes.texts == [
        f"{pipe} is not a file but a device, a pipe or a folder; nothing was written to it. "
        "Choose a file."
    ]
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert [p.name for p in pipe.parent.iterdir()] == ["copy.sqlite3"]


def test_back_up_to_a_missing_folder_says_it_cannot_be_written(
    window: MainWindow,
    db: Database,
    store: QSettings,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose_file(monkeypatch, "getSaveFileName", tmp_path / "gone" / "copy.sqlite3")
    assert backup_ui.back_up_now(window, db, store) is None
    [text] = boxes.texts
    assert text.startswith("The database could not be written:")


def test_restore_round_trip_in_the_window(
    window: MainWindow,
    db: Database,
    store: QSettings,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup = backup_database(db, tmp_path / "backup.sqlite3")
    add_unit(db, "Entered after the backup")
    window.undo_stack.push(QUndoCommand("an action on the replaced database"))
    (tmp_path / "backups").mkdir()
    asked = choose_file(monkeypatch, "getOpenFileName", backup)
    boxes.press = ["Restore"]

    assert restoring.restore_from_backup(window, db.path, store) is True

    assert asked == [str(tmp_path / "backups")]
    assert boxes.texts[0].startswith(f"Replace the database {db.path} with the backup")
    assert boxes.texts[1].startswith(f"The database was restored from {backup}.")
    assert units(db) == ["Ban Tổ chức Tỉnh ủy"]  # the same Database object, reconnected
    [aside] = tmp_path.glob("minutes.before-restore-*.sqlite3")
    kept = Database.open(aside)
    assert "Entered after the backup" in units(kept)
    kept.close()
    assert window.undo_stack.count() == 0
    add_unit(db, "Written after the restore")
    assert "Written after the restore" in units(db)


def test_restore_asks_first_and_cancel_changes_nothing(
    window: MainWindow,
    db: Database,
    store: QSettings,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup = backup_database(db, tmp_path / "backup.sqlite3")
    add_unit(db, "Entered after the backup")
    choose_file(monkeypatch, "getOpenFileName", backup)

    assert restoring.restore_from_backup(window, db.path, store) is False  # escape: Cancel

    assert len(boxes.texts) == 1
    assert "Entered after the backup" in units(db)
    assert not list(tmp_path.glob("*before-restore*"))


def test_restore_from_a_file_that_is_not_a_backup_says_why(
    window: MainWindow,
    db: Database,
    store: QSettings,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("biên bản", encoding="utf-8")
    choose_file(monkeypatch, "getOpenFileName", notes)

    assert restoring.restore_from_backup(window, db.path, store) is False

    assert boxes.texts == [f"{notes} is not a minutes-app database."]
    assert units(db) == ["Ban Tổ chức Tỉnh ủy"]


def test_restore_while_the_editor_is_open_asks_to_close_it_first(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    store: QSettings,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = choose_file(monkeypatch, "getOpenFileName", None)
    open_editor_of(qtbot, window)

    assert restoring.restore_from_backup(window, db.path, store) is False

    assert boxes.texts == ["Close the conference that is open in the editor first."]
    assert asked == []
    assert window.editor is not None
    window.editor.close()


def test_restore_while_another_copy_has_the_database_open_is_refused(
    window: MainWindow,
    db: Database,
    store: QSettings,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup = backup_database(db, tmp_path / "backup.sqlite3")
    other_copy = Database.open(db.path)
    add_unit(other_copy, "Saved by the other copy")
    choose_file(monkeypatch, "getOpenFileName", backup)
    boxes.press = ["Restore"]

    assert restoring.restore_from_backup(window, db.path, store) is False

    assert boxes.texts[1] == (
        f"{db.path} is open in another copy of minutes-app or another program. "
        "Close it and try again."
    )
    assert "Saved by the other copy" in units(db)
    other_copy.close()


# --- automatic backups -------------------------------------------------------------------


def test_daily_backup_is_taken_once_a_day(db: Database, store: QSettings, tmp_path: Path) -> None:
    store.setValue(BACKUP_FOLDER, str(tmp_path / "backups"))
    morning = dt.datetime(2024, 3, 15, 8, 0)

    first = backup_ui.daily_backup(db, store, now=morning)
    again = backup_ui.daily_backup(db, store, now=morning + dt.timedelta(hours=4))
    tomorrow = backup_ui.daily_backup(db, store, now=morning + dt.timedelta(days=1))

    assert first is not None and again is None and tomorrow is not None
    assert len(list_backups(tmp_path / "backups", "minutes")) == 2


def test_daily_backup_turned_off_takes_none(db: Database, store: QSettings, tmp_path: Path) -> None:
    store.setValue(BACKUP_FOLDER, str(tmp_path / "backups"))
    store.setValue(BACKUP_DAILY, "false")
    assert backup_ui.daily_backup(db, store) is None
    assert backup_ui.exit_backup(db, store) is None
    assert not (tmp_path / "backups").exists()


def test_exit_backup_when_turned_on_keeps_the_last_n(
    db: Database, store: QSettings, tmp_path: Path
) -> None:
    store.setValue(BACKUP_FOLDER, str(tmp_path / "backups"))
    store.setValue(BACKUP_ON_EXIT, "true")
    store.setValue(BACKUP_KEEP, 2)
    noon = dt.datetime(2024, 3, 15, 12, 0)
    taken = [backup_ui.exit_backup(db, store, now=noon + dt.timedelta(minutes=m)) for m in range(4)]

    assert [b.path for b in list_backups(tmp_path / "backups", "minutes")] == taken[:1:-1]


def test_the_daily_backup_is_taken_after_the_window_shows(
    qtbot: QtBot, window: MainWindow, db: Database, store: QSettings, tmp_path: Path
) -> None:
    backup_ui.schedule_daily_backup(window, window.worker, store)
    assert not (tmp_path / "backups").exists()  # not before the window is up

    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=5000)
    assert window.statusBar().currentMessage().startswith("Automatic backup: ")
    assert len(list_backups(tmp_path / "backups", "minutes")) == 1


def test_leftovers_of_an_earlier_run_are_removed_after_the_window_shows(
    qtbot: QtBot, window: MainWindow, db: Database, store: QSettings, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    old = [
        tmp_path / ".minutes.sqlite3.restore.k2x9_q0a.part",
        backups / ".minutes-auto-20240315-120000.sqlite3.ab12cd34.part",
        backups / ".minutes-auto-20240315-120000.sqlite3.ab12cd34.part-journal",
    ]
    fresh = backups / ".minutes-20240316-120000.sqlite3.zz99yy88.part"
    an_hour_ago = time.time() - 3600
    for path in [*old, fresh]:
        path.write_bytes(b"left by a killed copy")
    for path in old:
        os.utime(path, (an_hour_ago, an_hour_ago))
    backup_ui.schedule_daily_backup(window, window.worker, store)

    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=5000)
    assert not any(path.exists() for path in old)
    assert fresh.exists()  # another copy of the program may be writing it


def test_a_failed_daily_backup_is_told_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, db: Database, store: QSettings, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    store.setValue(BACKUP_FOLDER, str(blocker / "backups"))
    backup_ui.schedule_daily_backup(window, window.worker, store)

    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=5000)
    assert window.statusBar().currentMessage().startswith("The automatic backup could not be made:")


def test_damaged_prompt_offers_choosing_a_backup_when_the_folder_has_none(
    db: Database,
    store: QSettings,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    elsewhere = automatic_backup(db, tmp_path / "usb", keep=3)
    db.close()
    store.setValue(BACKUP_FOLDER, str(tmp_path / "empty"))
    choose_file(monkeypatch, "getOpenFileName", elsewhere)
    boxes.press = ["Choose a backup…"]

    restored = opening.DamagedDatabase(db.path, store, ["page 7 is never used"]).offer_restore()

    assert restored is True
    assert f"There is no backup in {tmp_path / 'empty'}." in boxes.texts[0]


def test_a_database_error_escaping_a_handler_is_told_in_plain_words(
    qapp: object, boxes: Boxes
) -> None:
    import sys

    from sqlalchemy.exc import OperationalError

    before = sys.excepthook
    error = OperationalError("INSERT …", {}, sqlite3.OperationalError("database is locked"))
    with messages.storage_error_messages():
        sys.excepthook(type(error), error, None)
    assert sys.excepthook is before
    assert boxes.texts == [
        "Another copy of minutes-app is busy writing to the database. Try again in a "
        "moment; what you entered is still in the window."
    ]
