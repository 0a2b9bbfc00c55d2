"""Backups are consistent copies, even while the app is writing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from minutes_app.cli import main
from minutes_app.core.backup import backup_database
from minutes_app.db.engine import Database
from minutes_app.db.models import Unit


def test_backup_taken_during_writes_is_consistent_and_holds_every_committed_record(
    tmp_path: Path,
) -> None:
    db = Database.open(tmp_path / "live.sqlite3")
    with db.transaction() as s:
        s.add_all(Unit(name=f"Đơn vị {i}") for i in range(200))
    stop = threading.Event()

    def write() -> None:
        writer = Database.open(tmp_path / "live.sqlite3")
        i = 200
        while not stop.is_set():
            with writer.transaction() as s:
                s.add(Unit(name=f"Đơn vị {i}"))
            i += 1
        writer.close()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        copies = [backup_database(db, tmp_path / f"copy{n}.sqlite3") for n in range(5)]
    finally:
        stop.set()
        thread.join()
    db.close()
    for copy in copies:
        with sqlite3.connect(copy) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            names = {r[0] for r in conn.execute("SELECT name FROM unit")}
        assert {f"Đơn vị {i}" for i in range(200)} <= names
        numbers = sorted(int(n.split()[-1]) for n in names)
        assert numbers == list(range(len(numbers)))  # no hole: a snapshot, not a mix
    assert not list(tmp_path.glob("*.part"))


def test_backup_command_writes_a_dated_copy_into_a_folder(tmp_path: Path, capsys: object) -> None:
    db_path = tmp_path / "live.sqlite3"
    Database.open(db_path).close()
    folder = tmp_path / "backups"
    folder.mkdir()
    assert main(["--db", str(db_path), "backup", str(folder)]) == 0
    [copy] = folder.glob("minutes-*.sqlite3")
    assert Database.open(copy).path == copy


def test_backup_into_a_missing_folder_is_refused(tmp_path: Path, capsys: object) -> None:
    db_path = tmp_path / "live.sqlite3"
    Database.open(db_path).close()
    assert main(["--db", str(db_path), "backup", str(tmp_path / "no" / "such.sqlite3")]) == 1
