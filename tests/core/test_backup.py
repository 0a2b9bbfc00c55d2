"""Backups are consistent copies, even while the app is writing."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from minutes_app.cli import main
from minutes_app.db.backup import backup_database, integrity_problems
from minutes_app.db.engine import Database
from minutes_app.db.models import Unit


def test_backup_taken_during_writes_is_consistent_and_holds_every_committed_record(
    tmp_path: Path,
) -> None:
    db = Database.open(tmp_path / "live.sqlite3")
    with db.transaction() as s:
        s.add_all(Unit(name=f"Đơn vị {i}") for i in range(200))
    stop = threading.Event()
    committed: list[int] = []

    def write() -> None:
        writer = Database.open(tmp_path / "live.sqlite3")
        i = 200
        while not stop.is_set():
            with writer.transaction() as s:
                s.add(Unit(name=f"Đơn vị {i}"))
            committed.append(i)
            i += 1
        writer.close()

    thread = threading.Thread(target=write)
    thread.start()
    copies = []
    try:
        while len(committed) < 20:  # the writer is busy before the first copy starts
            stop.wait(0.001)
        for n in range(5):
            seen_before = len(committed)
            copies.append((seen_before, backup_database(db, tmp_path / f"copy{n}.sqlite3")))
    finally:
        stop.set()
        thread.join()
    db.close()
    assert len(committed) > copies[0][0], "the writer did not write while copies were taken"
    for seen_before, copy in copies:
        with sqlite3.connect(copy) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            names = {r[0] for r in conn.execute("SELECT name FROM unit")}
        # Every unit committed before the copy began is in it…
        assert {f"Đơn vị {i}" for i in range(200 + seen_before)} <= names
        numbers = sorted(int(n.split()[-1]) for n in names)
        # …and it is one snapshot, not a mix: no hole in the numbering.
        assert numbers == list(range(len(numbers)))
    assert not list(tmp_path.glob("*.part"))


def test_backup_is_one_file_without_a_wal_beside_it(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "live.sqlite3")
    with db.transaction() as s:
        s.add(Unit(name="Ban Tổ chức Tỉnh ủy"))
    copy = backup_database(db, tmp_path / "copy.sqlite3")
    db.close()

    assert sorted(p.name for p in tmp_path.glob("copy*")) == ["copy.sqlite3"]
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert conn.execute("SELECT name FROM unit").fetchall() == [("Ban Tổ chức Tỉnh ủy",)]


def test_backup_command_writes_a_dated_copy_into_a_folder(tmp_path: Path) -> None:
    db_path = tmp_path / "live.sqlite3"
    Database.open(db_path).close()
    folder = tmp_path / "backups"
    folder.mkdir()
    assert main(["--db", str(db_path), "backup", str(folder)]) == 0
    [copy] = folder.glob("live-*.sqlite3")
    assert Database.open(copy).path == copy


def test_two_backups_in_one_second_get_two_files(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "minutes.sqlite3")
    folder = tmp_path / "backups"
    folder.mkdir()
    first = backup_database(db, folder)
    second = backup_database(db, folder)
    db.close()

    assert first != second
    assert first.exists() and second.exists()


def test_backup_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    db_path = tmp_path / "live.sqlite3"
    Database.open(db_path).close()
    assert main(["--db", str(db_path), "backup", str(tmp_path / "no" / "such.sqlite3")]) == 1


def test_backup_on_a_full_disk_leaves_no_partial_file_and_keeps_the_old_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "live.sqlite3"
    Database.open(db_path).close()
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"the previous copy")

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    code = main(["--db", str(db_path), "backup", str(target)])

    assert code == 1
    assert "No space left on device" in capsys.readouterr().err
    assert target.read_bytes() == b"the previous copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite3", "live.sqlite3"]


def test_integrity_problems_is_empty_for_a_sound_file_and_names_damage(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "live.sqlite3")
    with db.transaction() as s:
        s.add_all(Unit(name=f"Đơn vị số {i} " + "x" * 200) for i in range(2000))
    db.close()
    path = db.path
    assert integrity_problems(path) == []
    assert integrity_problems(path, quick=True) == []

    with path.open("rb+") as fh:  # garbage over one page in the middle of the unit table
        fh.seek(4096 * (path.stat().st_size // 4096 // 2))
        fh.write(b"\xff" * 4096)

    assert integrity_problems(path)
    assert integrity_problems(path, quick=True)


# --- the database itself as the destination ----------------------------------------------


def _state(path: Path) -> tuple[int, int, bytes]:
    """Which file ``path`` is (device, inode) and what it holds."""
    info = path.stat()
    return info.st_dev, info.st_ino, path.read_bytes()


def _the_database_by_another_name(db_path: Path, spelling: str) -> Path:
    folder = db_path.parent
    if spelling == "same path":
        return db_path
    if spelling == "another spelling":
        (folder / "sub").mkdir()
        return folder / "sub" / ".." / "." / db_path.name
    if spelling == "symbolic link":
        link = folder / "link.sqlite3"
        link.symlink_to(db_path)
        return link
    if spelling == "link to the folder":
        (folder / "alias").symlink_to(folder, target_is_directory=True)
        return folder / "alias" / db_path.name
    assert spelling == "hard link"
    link = folder / "hard.sqlite3"
    os.link(db_path, link)
    return link


@pytest.mark.skipif(sys.platform == "win32", reason="links need privileges on Windows")
@pytest.mark.parametrize(
    "spelling",
    ["same path", "another spelling", "symbolic link", "link to the folder", "hard link"],
)
def test_backup_command_onto_the_database_itself_is_refused_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], spelling: str
) -> None:
    db_path = tmp_path / "live.sqlite3"
    db = Database.open(db_path)
    with db.transaction() as s:
        s.add(Unit(name="Ban Tổ chức Tỉnh ủy"))
    db.close()
    dest = _the_database_by_another_name(db_path, spelling)
    before = _state(db_path)
    listing = sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite3")

    code = main(["--db", str(db_path), "backup", str(dest)])

    assert code == 1
    err = capsys.readouterr().err
    assert err == (
        f"minutes-app: {dest}: is the database itself or a file SQLite keeps beside it; "
        "choose another file. Nothing was written.\n"
    )
    assert _state(db_path) == before
    # (Opening the database for a look may leave SQLite's empty -wal and -shm beside it.)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite3") == listing
    assert not Path(f"{db_path}-wal").exists() or not Path(f"{db_path}-wal").stat().st_size


@pytest.mark.parametrize("companion", ["-wal", "-journal", "-shm"])
@pytest.mark.parametrize("link", [False, True])
def test_backup_command_onto_a_file_sqlite_keeps_beside_the_database_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], companion: str, link: bool
) -> None:
    db_path = tmp_path / "live.sqlite3"
    other_copy = Database.open(db_path)  # another copy of the program, holding the -wal open
    with other_copy.transaction() as s:
        s.add(Unit(name="Ban Tổ chức Tỉnh ủy"))
    dest = Path(f"{db_path}{companion}")
    if link:
        if sys.platform == "win32":
            pytest.skip("links need privileges on Windows")
        (tmp_path / "elsewhere.sqlite3").symlink_to(dest)
        dest = tmp_path / "elsewhere.sqlite3"
    listing = sorted(p.name for p in tmp_path.iterdir())
    wal = Path(f"{db_path}-wal").read_bytes()

    code = main(["--db", str(db_path), "backup", str(dest)])

    assert code == 1
    assert "is the database itself or a file SQLite keeps beside it" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
    assert Path(f"{db_path}-wal").read_bytes() == wal
    with other_copy.transaction() as s:
        s.add(Unit(name="Huyện ủy Ba Bể"))
    other_copy.close()
    assert integrity_problems(db_path) == []


def test_a_backup_beside_the_database_under_a_similar_name_is_written(tmp_path: Path) -> None:
    db_path = tmp_path / "live.sqlite3"
    Database.open(db_path).close()
    for name in ("live.sqlite3-copy", "live.sqlite3.bak", "live-wal.sqlite3"):
        assert main(["--db", str(db_path), "backup", str(tmp_path / name)]) == 0
        assert integrity_problems(tmp_path / name) == []
