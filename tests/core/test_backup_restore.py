"""Automatic backups with rotation, the backup list, and restore with its checks."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from minutes_app.db.backup import (
    RECORD_TABLES,
    BackupError,
    automatic_backup,
    backup_database,
    backup_due,
    check_backup,
    integrity_problems,
    list_backups,
    newest_backup,
    prune_backups,
    record_count,
    restore,
)
from minutes_app.db.engine import HEAD_REVISION, Database, open_database, stored_revision
from minutes_app.db.models import Unit

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"
NOON = dt.datetime(2024, 3, 15, 12, 0, 0)


def units(db: Database) -> list[str]:
    with db.reading() as s:
        return sorted(s.scalars(select(Unit.name)))


def add_units(db: Database, *names: str) -> None:
    with db.transaction() as s:
        s.add_all(Unit(name=n) for n in names)


@pytest.fixture
def live(tmp_path: Path) -> Database:
    db = Database.open(tmp_path / "minutes.sqlite3")
    add_units(db, "Ban Tổ chức Tỉnh ủy", "Huyện ủy Ba Bể")
    return db


def damage(path: Path) -> None:
    """Garbage over a page in the middle of the file, as a failing disk leaves it."""
    with path.open("rb+") as fh:
        fh.seek(4096 * (path.stat().st_size // 4096 // 2))
        fh.write(b"\xff" * 4096)


# --- automatic backups -------------------------------------------------------------------


def test_automatic_backups_keep_the_last_n_and_spare_copies_made_by_hand(
    live: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    by_hand = backup_database(live, folder, now=NOON - dt.timedelta(days=30))
    taken = [
        automatic_backup(live, folder, keep=3, now=NOON + dt.timedelta(days=day))
        for day in range(5)
    ]
    live.close()

    kept = list_backups(folder, "minutes")
    assert [b.path for b in kept] == [taken[4], taken[3], taken[2], by_hand]
    assert [b.automatic for b in kept] == [True, True, True, False]
    assert kept[0].taken_at == NOON + dt.timedelta(days=4)
    assert not taken[0].exists() and not taken[1].exists()


def test_backups_of_another_database_in_the_same_folder_are_not_touched(
    live: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    other = Database.open(tmp_path / "other.sqlite3")
    theirs = [
        automatic_backup(other, folder, keep=5, now=NOON + dt.timedelta(hours=h)) for h in range(3)
    ]
    automatic_backup(live, folder, keep=1, now=NOON)
    automatic_backup(live, folder, keep=1, now=NOON + dt.timedelta(days=1))
    other.close()
    live.close()

    assert all(p.exists() for p in theirs)
    assert len(list_backups(folder, "minutes")) == 1
    assert [b.path for b in list_backups(folder, "other")] == theirs[::-1]


def test_a_damaged_database_does_not_push_the_good_backups_out(
    live: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    add_units(live, *(f"Đơn vị {i} " + "x" * 300 for i in range(1500)))
    good = [automatic_backup(live, folder, keep=2, now=NOON + dt.timedelta(days=d)) for d in (0, 1)]
    live.close()
    damage(live.path)

    with pytest.raises(BackupError) as failed:
        automatic_backup(live, folder, keep=2, now=NOON + dt.timedelta(days=2))

    assert failed.value.reason == "damaged"
    assert [b.path for b in list_backups(folder, "minutes")] == good[::-1]
    assert not list(folder.glob("*.part"))


def test_backup_is_due_until_an_automatic_one_is_taken_today(
    live: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    assert backup_due(folder, "minutes", NOON.date())
    backup_database(live, folder.parent / "elsewhere.sqlite3")
    folder.mkdir()
    backup_database(live, folder, now=NOON)  # by hand: does not count as the daily one
    assert backup_due(folder, "minutes", NOON.date())
    automatic_backup(live, folder, keep=5, now=NOON - dt.timedelta(days=1))
    assert backup_due(folder, "minutes", NOON.date())
    automatic_backup(live, folder, keep=5, now=NOON)
    live.close()
    assert not backup_due(folder, "minutes", NOON.date())
    assert backup_due(folder, "minutes", NOON.date() + dt.timedelta(days=1))


def test_prune_keeps_at_least_one(live: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    for hour in range(3):
        automatic_backup(live, folder, keep=10, now=NOON + dt.timedelta(hours=hour))
    live.close()
    prune_backups(folder, "minutes", 0)
    [left] = list_backups(folder, "minutes")
    assert left.taken_at == NOON + dt.timedelta(hours=2)


def test_files_that_only_look_like_backups_are_not_listed(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for name in (
        "minutes-auto-20241399-120000.sqlite3",  # month 13
        "minutes-notes.txt",
        "minutes-auto-20240315-120000.sqlite3.part",
        "minutesX-auto-20240315-120000.sqlite3",
    ):
        (folder / name).write_bytes(b"")
    (folder / "minutes-auto-20240315-120000.sqlite3").mkdir()
    assert list_backups(folder, "minutes") == []
    assert newest_backup(folder, "minutes") is None
    assert list_backups(tmp_path / "missing", "minutes") == []


def _delete_all_units(db: Database) -> None:
    with db.transaction() as s:
        for unit in s.scalars(select(Unit)):
            s.delete(unit)


def _empty_in_place_of(db: Database) -> None:
    """Replace the file with a new, empty database, as a clerk copying the wrong file does."""
    db.close()
    for companion in ("-wal", "-shm"):
        Path(f"{db.path}{companion}").unlink(missing_ok=True)
    db.path.unlink()
    Database.open(db.path).close()


@pytest.mark.parametrize("how", ["emptied", "replaced by an empty one"])
def test_an_emptied_database_never_pushes_its_fullest_backup_out(
    live: Database, tmp_path: Path, how: str
) -> None:
    folder = tmp_path / "backups"
    full = []
    for day in range(3):
        add_units(live, *(f"Đơn vị {day}-{i}" for i in range(10)))
        full.append(automatic_backup(live, folder, keep=3, now=NOON + dt.timedelta(days=day)))
    _delete_all_units(live) if how == "emptied" else _empty_in_place_of(live)
    empty = [
        automatic_backup(live, folder, keep=3, now=NOON + dt.timedelta(days=day))
        for day in range(3, 8)
    ]
    live.close()

    kept = [b.path for b in list_backups(folder, "minutes")]
    assert kept == [empty[4], empty[3], empty[2], full[2]]
    assert record_count(full[2]) == 32 > record_count(empty[4]) == 0


def test_the_fullest_backup_goes_once_a_newer_one_holds_as_many_records(
    live: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    fullest = automatic_backup(live, folder, keep=2, now=NOON)
    _delete_all_units(live)
    empty = [
        automatic_backup(live, folder, keep=2, now=NOON + dt.timedelta(days=day))
        for day in (1, 2, 3)
    ]
    assert fullest.exists()
    add_units(live, "Ban Tổ chức Tỉnh ủy", "Huyện ủy Ba Bể")  # as many records again
    newest = automatic_backup(live, folder, keep=2, now=NOON + dt.timedelta(days=4))
    live.close()

    assert [b.path for b in list_backups(folder, "minutes")] == [newest, empty[2]]


def test_a_shrinking_database_keeps_one_fuller_backup_beyond_the_limit_not_all(
    live: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    add_units(live, *(f"Đơn vị {i}" for i in range(8)))
    taken = []
    for day in range(6):
        taken.append(automatic_backup(live, folder, keep=3, now=NOON + dt.timedelta(days=day)))
        with live.transaction() as s:  # one unit fewer every day
            s.delete(s.scalars(select(Unit).order_by(Unit.id.desc())).first())
    live.close()

    kept = [b.path for b in list_backups(folder, "minutes")]
    assert kept == [taken[5], taken[4], taken[3], taken[0]]


def test_backups_made_by_hand_are_neither_counted_nor_pruned(
    live: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    add_units(live, *(f"Đơn vị {i}" for i in range(20)))
    by_hand = backup_database(live, folder, now=NOON - dt.timedelta(days=1))
    _delete_all_units(live)
    taken = [
        automatic_backup(live, folder, keep=2, now=NOON + dt.timedelta(days=d)) for d in range(4)
    ]
    live.close()

    assert [b.path for b in list_backups(folder, "minutes")] == [taken[3], taken[2], by_hand]


def test_the_records_counted_are_tables_of_the_schema(live: Database) -> None:
    from minutes_app.db.models import Base

    assert set(RECORD_TABLES) <= set(Base.metadata.tables)
    live.close()
    assert record_count(live.path) == 2
    assert record_count(live.path.with_name("missing.sqlite3")) == -1


# --- restore -----------------------------------------------------------------------------


def test_restore_round_trip_brings_back_the_backup_and_keeps_the_replaced_database(
    live: Database, tmp_path: Path
) -> None:
    backup = backup_database(live, tmp_path / "backup.sqlite3")
    add_units(live, "Đảng ủy Khối Cơ quan")
    with live.transaction() as s:
        s.delete(s.scalars(select(Unit).where(Unit.name == "Huyện ủy Ba Bể")).one())
    after_backup = units(live)
    live.close()

    aside = restore(live.path, backup, now=NOON)

    assert aside == tmp_path / "minutes.before-restore-20240315-120000.sqlite3"
    restored = Database.open(live.path)
    assert units(restored) == ["Ban Tổ chức Tỉnh ủy", "Huyện ủy Ba Bể"]
    add_units(restored, "Written after the restore")  # the restored file is a live database
    restored.close()
    assert integrity_problems(live.path) == []
    kept = Database.open(aside)
    assert units(kept) == after_backup
    kept.close()
    assert not list(tmp_path.glob("*.part"))


def test_restore_keeps_committed_work_still_in_the_wal_in_the_copy_aside(
    live: Database, tmp_path: Path
) -> None:
    backup = backup_database(live, tmp_path / "backup.sqlite3")
    add_units(live, "Only in the WAL")
    # Files as a crash leaves them: the last commit sits in the -wal, not in the main file.
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(f"{live.path}{suffix}", crashed / f"minutes.sqlite3{suffix}")
    live.close()
    assert Path(crashed / "minutes.sqlite3-wal").stat().st_size > 0

    aside = restore(crashed / "minutes.sqlite3", backup, now=NOON)

    assert aside is not None
    assert not Path(f"{crashed / 'minutes.sqlite3'}-wal").exists()
    kept = Database.open(aside)
    assert "Only in the WAL" in units(kept)
    kept.close()
    restored = Database.open(crashed / "minutes.sqlite3")
    assert "Only in the WAL" not in units(restored)
    restored.close()


def test_restore_replaces_a_damaged_database_and_keeps_its_bytes(
    live: Database, tmp_path: Path
) -> None:
    add_units(live, *(f"Đơn vị {i} " + "x" * 300 for i in range(1500)))
    backup = backup_database(live, tmp_path / "backup.sqlite3")
    live.close()
    damage(live.path)
    damaged_bytes = live.path.read_bytes()

    aside = restore(live.path, backup, now=NOON)

    assert aside is not None and aside.read_bytes() == damaged_bytes
    assert integrity_problems(live.path) == []
    assert len(units(Database.open(live.path))) == 1502


def test_restore_of_an_older_schema_upgrades_it(tmp_path: Path) -> None:
    backup = tmp_path / "old-backup.sqlite3"
    shutil.copy(SCHEMAS / "0002.sqlite3", backup)
    db_path = tmp_path / "minutes.sqlite3"
    open_database(db_path).dispose()

    restore(db_path, backup, now=NOON)

    assert stored_revision(db_path) == HEAD_REVISION
    assert stored_revision(backup) == "0002"  # the backup itself is left as it was


def test_restore_into_a_missing_database_creates_it(live: Database, tmp_path: Path) -> None:
    backup = backup_database(live, tmp_path / "backup.sqlite3")
    live.close()
    target = tmp_path / "new" / "minutes.sqlite3"

    assert restore(target, backup) is None
    assert units(Database.open(target)) == ["Ban Tổ chức Tỉnh ủy", "Huyện ủy Ba Bể"]


def _newer(path: Path) -> None:
    open_database(path).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()


def _damaged(path: Path) -> None:
    db = Database.open(path)
    add_units(db, *(f"Đơn vị {i} " + "x" * 300 for i in range(1500)))
    db.close()
    damage(path)


def _truncated(path: Path) -> None:
    db = Database.open(path)
    add_units(db, *(f"Đơn vị {i} " + "x" * 300 for i in range(1500)))
    db.close()
    os.truncate(path, path.stat().st_size // 2)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _text(path: Path) -> None:
    path.write_text("Biên bản hội nghị", encoding="utf-8")


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_newer, "newer"),
        (_foreign, "not_minutes"),
        (_damaged, "damaged"),
        (_truncated, "damaged"),
        (_empty, "empty"),
        (_text, "not_minutes"),
        (lambda _path: None, "missing"),
    ],
    ids=["newer", "foreign", "damaged", "truncated", "empty", "text", "missing"],
)
def test_restore_refuses_a_bad_backup_and_changes_nothing(
    live: Database, tmp_path: Path, make: object, reason: str
) -> None:
    live.close()
    bad = tmp_path / "bad-backup.sqlite3"
    assert callable(make)
    make(bad)
    before = live.path.read_bytes()
    files = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(BackupError) as refused:
        restore(live.path, bad)

    assert refused.value.reason == reason
    assert live.path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files


def test_check_backup_names_the_schema_of_a_sound_backup(live: Database, tmp_path: Path) -> None:
    backup = backup_database(live, tmp_path / "backup.sqlite3")
    live.close()
    assert check_backup(backup) == HEAD_REVISION


def test_restore_over_the_database_itself_is_refused(live: Database) -> None:
    live.close()
    with pytest.raises(BackupError) as refused:
        restore(live.path, live.path)
    assert refused.value.reason == "same_file"


def test_restore_while_another_copy_has_the_database_open_is_refused(
    live: Database, tmp_path: Path
) -> None:
    backup = backup_database(live, tmp_path / "backup.sqlite3")
    add_units(live, "Đảng ủy Khối Doanh nghiệp")  # the other copy holds a pooled connection
    files = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(BackupError) as refused:
        restore(live.path, backup)

    assert refused.value.reason == "in_use"
    assert "Đảng ủy Khối Doanh nghiệp" in units(live)
    live.close()
    assert sorted(
        p.name for p in tmp_path.iterdir() if "-wal" not in p.name and "-shm" not in p.name
    ) == sorted(n for n in files if "-wal" not in n and "-shm" not in n)


def test_restore_on_a_full_disk_leaves_the_database_as_it_was(
    live: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = backup_database(live, tmp_path / "backup.sqlite3")
    add_units(live, "Entered after the backup")
    live.close()
    real_replace = os.replace

    def full(source: str | Path, target: str | Path) -> None:
        if Path(target) == live.path:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(BackupError) as refused:
        restore(live.path, backup, now=NOON)

    assert refused.value.reason == "unwritable"
    assert integrity_problems(live.path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sqlite3", "minutes.sqlite3"]
    assert "Entered after the backup" in units(Database.open(live.path))
