"""Locks and journals of another program or another copy: a database in rollback-journal
mode that cannot be switched to WAL, and a copy that opens while another upgrades it."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from minutes_app.cli import main
from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import HEAD_REVISION, Database, stored_revision
from minutes_app.ui.app import run_app
from tests.robustness.conftest import REPO, Worker
from tests.robustness.test_hostile_files import _without_root_powers

SCHEMAS = REPO / "tests" / "data" / "schemas"
ONE_CONFERENCE = {
    "format": "minutes-app/exchange",
    "version": 1,
    "conferences": [{"key": "c1", "title": "Hội nghị giao ban quý II", "date": "2024-06-20"}],
}


def _cli(prefix: tuple[str, ...], *args: str) -> subprocess.CompletedProcess[str]:
    """``minutes-app ARGS`` in a process of its own, as a clerk's shell runs it."""
    return subprocess.run(
        [*prefix, sys.executable, "-m", "minutes_app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env={**os.environ, "PYTHONUTF8": "1"},
        timeout=120,
        check=False,
    )


# --- a rollback journal that stays --------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_a_read_only_rollback_journal_database_answers_reads_and_refuses_writes_plainly(
    tmp_path: Path, read_only: str
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    db_path = folder / "minutes.sqlite3"
    db = Database.open(db_path)
    load_samples(db)
    db.close()
    with closing(sqlite3.connect(db_path)) as conn:  # as another program may leave it
        assert conn.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    before = db_path.read_bytes()
    one_more = tmp_path / "one-more.json"
    one_more.write_text(json.dumps(ONE_CONFERENCE, ensure_ascii=False), encoding="utf-8")
    prefix = _without_root_powers()
    (db_path if read_only == "file" else folder).chmod(0o444 if read_only == "file" else 0o555)
    try:
        listed = _cli(prefix, "--db", str(db_path), "conferences")
        found = _cli(prefix, "--db", str(db_path), "search", "ba be")
        imported = _cli(prefix, "--db", str(db_path), "import-json", str(one_more))
    finally:
        for path in (folder, db_path):
            path.chmod(stat.S_IRWXU)

    assert (listed.returncode, listed.stderr) == (0, ""), listed.stderr
    assert listed.stdout.count("chair:") == 5
    assert (found.returncode, found.stderr) == (0, "")
    assert "Huyện ủy Ba Bể" in found.stdout
    assert (imported.returncode, imported.stdout) == (1, "")
    assert imported.stderr == (
        "minutes-app: the database cannot be written: the file or its folder is read-only; "
        "nothing was changed\n"
    )
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["minutes.sqlite3"]


# --- a copy that opens while another upgrades -----------------------------------------------


def test_a_copy_that_opens_while_another_upgrades_the_file_waits_and_opens_it(
    tmp_path: Path, start_worker: Callable[..., Worker], capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "minutes.sqlite3"
    shutil.copy(SCHEMAS / "0004.sqlite3", db_path)
    upgrading = start_worker("migrate", str(db_path), "3")
    upgrading.wait_for_line("migrating")  # the upgrade is done but not yet committed

    started = time.monotonic()
    code = main(["--db", str(db_path), "conferences", "--json"])
    waited = time.monotonic() - started

    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.startswith("[")
    assert upgrading.finish() == 0, upgrading.stderr
    assert upgrading.lines[-1] == "upgraded"
    assert waited > 1, "it did not wait for the upgrade"
    assert stored_revision(db_path) == HEAD_REVISION


def test_a_copy_that_cannot_get_the_file_for_its_upgrade_says_it_is_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from minutes_app.db import engine

    db_path = tmp_path / "minutes.sqlite3"
    shutil.copy(SCHEMAS / "0004.sqlite3", db_path)
    before = db_path.read_bytes()
    monkeypatch.setattr(engine, "OPEN_WAIT_MS", 500)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code = main(["--db", str(db_path), "conferences"])
    finally:
        other.execute("ROLLBACK")
        other.close()

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == (
        f"minutes-app: {db_path} is busy: another copy of minutes-app is writing to it; "
        "try again in a moment.\n"
    )
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("check", [False, True], ids=["known_file", "checked_at_open"])
def test_the_window_says_a_locked_database_is_busy_and_never_offers_a_restore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication, check: bool
) -> None:
    from minutes_app.db import backup, engine
    from minutes_app.ui.storage import opening

    db_path = tmp_path / "minutes.sqlite3"
    Database.open(db_path).close()
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    monkeypatch.setattr(engine, "OPEN_WAIT_MS", 300)
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(backup, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(opening, "needs_check", lambda _path, _store: check)
    if check:  # the lock is taken after the revision was read, while the file is checked
        monkeypatch.setattr(opening, "stored_revision", lambda _path: HEAD_REVISION)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code = run_app(argparse.Namespace(db=str(db_path), lang="en"))
    finally:
        other.execute("ROLLBACK")
        other.close()

    assert code == 1
    [message] = shown
    assert "busy" in message and "another copy of minutes-app" in message, message
    assert "damaged" not in message
