"""Hostile files: a read-only database or folder, a full disk, a truncated or corrupt file,
a newer schema. Each gets a clear message, no traceback, and loses no data."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import event, select

from minutes_app.base.paths import default_database
from minutes_app.db.backup import automatic_backup, integrity_problems
from minutes_app.db.engine import Database, open_database
from minutes_app.db.models import Unit
from minutes_app.db.soundness import Damage
from minutes_app.ui.app import refusal_text, run_app, settings
from minutes_app.ui.settings_dialog import BACKUP_ON_EXIT, backup_settings
from minutes_app.ui.storage import backup as backup_ui
from minutes_app.ui.storage import opening
from tests.robustness.conftest import REPO, Worker
from tests.ui.helpers import Messages, open_editor_of


def units(path: Path) -> list[str]:
    db = Database.open(path)
    try:
        with db.reading() as s:
            return sorted(s.scalars(select(Unit.name)))
    finally:
        db.close()


def make_database(path: Path, count: int = 1500) -> None:
    db = Database.open(path)
    with db.transaction() as s:
        s.add_all(Unit(name=f"Đơn vị {i} " + "x" * 300) for i in range(count))
    db.close()


@pytest.fixture
def messages(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Messages:
    return Messages(monkeypatch)


@pytest.fixture
def store() -> QSettings:
    return settings()  # the app's own settings file, in the private data folder


# --- read-only ---------------------------------------------------------------------------


def _without_root_powers() -> tuple[str, ...]:
    """A command prefix under which file permissions apply, even when tests run as root."""
    if os.name != "posix" or os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return (setpriv, "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all")


@pytest.fixture
def restore_permissions(tmp_path: Path) -> Iterator[None]:
    yield
    for path in [tmp_path, *tmp_path.rglob("*")]:
        path.chmod(stat.S_IRWXU)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.usefixtures("restore_permissions")
@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_a_read_only_database_is_refused_with_a_plain_message_and_left_as_it_was(
    tmp_path: Path, read_only: str, start_worker: Callable[..., Worker]
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    db_path = folder / "minutes.sqlite3"
    make_database(db_path, 10)
    before = db_path.read_bytes()
    if read_only == "file":
        db_path.chmod(0o444)
    else:
        folder.chmod(0o555)
    home = tmp_path / "home"
    home.mkdir()

    worker = start_worker(
        "window",
        str(db_path),
        prefix=_without_root_powers(),
        env={"MINUTES_APP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"},
    )
    worker.finish(60)

    assert worker.lines[-1] == "exit 1", (worker.lines, worker.stderr)
    [message] = [line for line in worker.lines if line.startswith("message:")]
    assert "read-only" in message
    assert "Traceback" not in worker.stderr
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["minutes.sqlite3"]


# --- newer schema ------------------------------------------------------------------------


def test_a_newer_schema_is_refused_with_a_plain_message_and_left_as_it_was(
    tmp_path: Path, messages: Messages
) -> None:
    db_path = tmp_path / "minutes.sqlite3"
    open_database(db_path).dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = db_path.read_bytes()

    code = run_app(argparse.Namespace(db=str(db_path), lang="en"))

    assert code == 1
    assert messages.texts == [
        f"{db_path} was written by a newer version of minutes-app. Please update the "
        "program; the file was not changed."
    ]
    assert db_path.read_bytes() == before


# --- damaged files -----------------------------------------------------------------------


def _garbage_page(path: Path) -> None:
    with path.open("rb+") as fh:
        fh.seek(4096 * (path.stat().st_size // 4096 // 2))
        fh.write(b"\xff" * 4096)


def _truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


@pytest.mark.parametrize("harm", [_garbage_page, _truncate], ids=["corrupt", "truncated"])
def test_a_damaged_database_is_reported_in_plain_words_and_left_as_it_was(
    tmp_path: Path, messages: Messages, harm: Callable[[Path], None]
) -> None:
    db_path = tmp_path / "minutes.sqlite3"
    make_database(db_path)
    harm(db_path)
    before = db_path.read_bytes()
    messages.press = ["quit"]

    code = run_app(argparse.Namespace(db=str(db_path), lang="en"))

    assert code == 1
    [text] = messages.texts
    assert text.startswith(f"The database {db_path} is damaged: SQLite found errors in it.")
    assert "There is no backup in" in text
    assert messages.details[0]  # SQLite's own findings, under "Show details"
    assert db_path.read_bytes() == before
    assert not list(tmp_path.glob("*before-restore*"))


@pytest.mark.parametrize("harm", [_garbage_page, _truncate], ids=["corrupt", "truncated"])
def test_a_damaged_database_is_restored_from_the_newest_backup_at_open(
    messages: Messages, store: QSettings, harm: Callable[[Path], None]
) -> None:
    db_path = default_database()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    make_database(db_path)
    db = Database.open(db_path)
    folder = backup_settings(store).folder
    automatic_backup(db, folder, keep=5, now=dt.datetime(2024, 3, 14, 17, 0))
    with db.transaction() as s:
        s.add(Unit(name="Newest work"))
    newest = automatic_backup(db, folder, keep=5, now=dt.datetime(2024, 3, 15, 17, 0))
    db.close()
    harm(db_path)
    damaged = db_path.read_bytes()
    messages.press = ["restore_newest"]

    opened = opening.open_checked(db_path, store, refusal_text)

    assert opened is not None
    opened.close()
    assert "The newest backup was taken on 15/03/2024 17:00." in messages.texts[0]
    assert messages.texts[1].startswith(f"The database was restored from {newest}.")
    assert "Newest work" in units(db_path)
    assert integrity_problems(db_path) == []
    [aside] = db_path.parent.glob("minutes.before-restore-*.sqlite3")
    assert aside.read_bytes() == damaged


def test_a_cleanly_closed_untouched_database_is_not_checked_again(
    tmp_path: Path, store: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "minutes.sqlite3"
    make_database(db_path, 10)
    checked: list[Path] = []
    real = opening.find_damage

    def counting(path: Path, **kwargs: Any) -> list[Damage]:
        checked.append(path)
        return real(path, **kwargs)

    monkeypatch.setattr(opening, "find_damage", counting)
    for _ in range(2):
        db = opening.open_checked(db_path, store, refusal_text)
        assert db is not None
        db.close()
        opening.remember_clean_close(db_path, store)
    assert checked == [db_path]  # the first open only

    with sqlite3.connect(db_path) as conn:  # another program changed the file
        conn.execute("INSERT INTO unit (name) VALUES ('Changed elsewhere')")
    conn.close()
    db = opening.open_checked(db_path, store, refusal_text)
    assert db is not None
    db.close()
    assert checked == [db_path, db_path]


# --- a full disk -------------------------------------------------------------------------


def test_a_full_disk_at_save_says_so_and_keeps_the_form_open(
    qtbot: QtBot, tmp_path: Path, store: QSettings, messages: Messages
) -> None:
    from minutes_app.ui.main_window import MainWindow

    db_path = tmp_path / "minutes.sqlite3"
    make_database(db_path, 10)
    db = Database.open(db_path)
    with sqlite3.connect(db_path) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()

    # SQLite's own "database or disk is full": the file may not grow by a single page.
    @event.listens_for(db.engine, "connect")
    def _no_room(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    db.engine.dispose()
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    editor = open_editor_of(qtbot, window)
    # Pasted, as a clerk does: long enough to need new pages in the file.
    QApplication.clipboard().setText("Hội nghị " + "rất dài " * 2000)
    editor.title_edit.paste()
    assert editor.has_unsaved_changes()

    saved: list[bool] = []
    assert editor.save(then=saved.append)
    qtbot.waitUntil(lambda: bool(messages.texts), timeout=20_000)

    assert saved == [False]

    [text] = messages.texts
    assert text.startswith("The conference could not be saved: The disk is full")
    assert editor.isVisible() and editor.has_unsaved_changes()
    assert editor.form().title.startswith("Hội nghị rất dài")
    window.close()
    db.close()
    assert integrity_problems(db_path) == []
    assert len(units(db_path)) == 10


def test_a_full_disk_at_export_says_so_and_leaves_no_partial_file(
    qtbot: QtBot,
    tmp_path: Path,
    store: QSettings,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from minutes_app.ui.main_window import MainWindow

    db = Database.open(tmp_path / "minutes.sqlite3")
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "minutes.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    window.export_action.trigger()
    qtbot.waitUntil(window.worker.idle, timeout=20_000)

    assert any("No space left on device" in text for text in messages.texts)
    assert list(out.iterdir()) == []
    window.close()
    db.close()


def test_a_full_disk_at_the_exit_backup_says_so_and_keeps_the_older_backups(
    tmp_path: Path, store: QSettings, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database.open(tmp_path / "minutes.sqlite3")
    folder = backup_settings(store).folder
    older = automatic_backup(db, folder, keep=1, now=dt.datetime(2024, 3, 14, 17, 0))
    store.setValue(BACKUP_ON_EXIT, "true")

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    assert backup_ui.backup_at_exit(db, store) is None
    db.close()

    [text] = messages.texts
    assert text.startswith("The automatic backup could not be made: The disk is full")
    assert sorted(folder.iterdir()) == [older]


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX file size limit")
def test_a_backup_cut_short_by_the_disk_leaves_no_temporary_file_nor_journal(
    tmp_path: Path,
) -> None:
    import resource
    import subprocess

    db_path = tmp_path / "minutes.sqlite3"
    make_database(db_path)
    out = tmp_path / "usb"
    out.mkdir()

    def small_disk() -> None:  # every write beyond 100 kB fails, as on a full stick
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    command = ["--db", str(db_path), "backup", str(out / "c.sqlite3")]
    done = subprocess.run(
        [sys.executable, "-m", "minutes_app", *command],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        preexec_fn=small_disk,
        check=False,
    )

    assert done.returncode == 1
    assert done.stderr.startswith(f"minutes-app: {out / 'c.sqlite3'}: cannot be written")
    assert list(out.iterdir()) == []
    assert integrity_problems(db_path) == []
