"""Backups of the database: consistent copies, automatic copies with rotation, and restore."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from minutes_app.base.files import (
    PRIVATE,
    remove_temporary,
    replacing,
    sync_folder,
    temporary_beside,
)
from minutes_app.db.engine import (
    BUSY_TIMEOUT_MS,
    HEAD_REVISION,
    KNOWN_REVISIONS,
    Database,
    DatabaseRefused,
    stored_revision,
)
from minutes_app.db.locks import is_busy
from minutes_app.db.soundness import find_damage

SUFFIX = ".sqlite3"
_STAMP = "%Y%m%d-%H%M%S"
# Files SQLite keeps beside a database while it is in use.
_COMPANIONS = ("-wal", "-shm", "-journal")


class BackupError(Exception):
    """A backup or a restore that cannot be done.

    ``reason`` says why, for a translated message in the window: "missing", "not_minutes",
    "empty", "newer", "damaged", "same_file", "in_use" or "unwritable"; ``str()`` is the
    English text.
    """

    def __init__(self, reason: str, path: Path, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path


@dataclass(frozen=True)
class Backup:
    """A backup file found in a backup folder."""

    path: Path
    taken_at: dt.datetime
    automatic: bool


# --- copying -----------------------------------------------------------------------------


def _read_only(path: Path) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def _copy_into(source: sqlite3.Connection, temp_name: str) -> None:
    """Copy ``source`` into the new file ``temp_name`` and flush it to disk."""
    try:
        target = sqlite3.connect(temp_name)
        try:
            source.backup(target)
            # One self-contained file: no -wal beside the copy.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    except sqlite3.OperationalError as exc:
        # SQLite says "database or disk is full" where the OS would say ENOSPC.
        if "full" in str(exc):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), temp_name) from exc
        raise OSError(errno.EIO, f"the copy cannot be written ({exc})", temp_name) from exc
    with open(temp_name, "rb+") as fh:
        os.fsync(fh.fileno())


def _copy_database(source_path: Path, destination: Path) -> Path:
    """A consistent copy of the database at ``source_path``, renamed into place whole.

    Backups are private (0600) whatever the umask and whatever file they replace: a copy
    of the whole database holds every confidential record in it.
    """
    destination = destination.absolute()
    with replacing(destination, mode=PRIVATE) as temp:
        # A read-write connection, so that a database with a -wal from a crash can be read.
        source = sqlite3.connect(source_path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            _copy_into(source, str(temp))
        finally:
            source.close()
    return destination


def _stamped(folder: Path, stem: str, when: dt.datetime) -> Path:
    """``<stem>-<YYYYmmdd-HHMMSS>.sqlite3`` in ``folder``, with -2, -3… if that is taken."""
    base = f"{stem}-{when:{_STAMP}}"
    candidate = folder / f"{base}{SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}{SUFFIX}"
        number += 1
    return candidate


def _same_file(path: Path, other: Path) -> bool:
    """True when ``path`` and ``other`` name one file, by identity (device and inode), or,
    where one of them does not exist yet, by the same name in the same folder."""
    try:
        return os.path.samefile(path, other)
    except OSError:
        pass
    real, other_real = Path(os.path.realpath(path)), Path(os.path.realpath(other))
    if os.path.normcase(real.name) != os.path.normcase(other_real.name):
        return False
    try:
        return os.path.samefile(real.parent, other_real.parent)
    except OSError:
        return False


def is_database_file(path: Path, db_path: Path) -> bool:
    """True when writing ``path`` would write over the database at ``db_path`` or one of
    the files SQLite keeps beside it (-wal, -shm, -journal). Judged by identity, so that a
    symbolic or hard link, or another spelling of the path, is caught too."""
    return any(
        _same_file(path, Path(f"{base}{companion}"))
        for base in {db_path.absolute(), Path(os.path.realpath(db_path))}
        for companion in ("", *_COMPANIONS)
    )


def backup_database(db: Database, destination: Path, *, now: dt.datetime | None = None) -> Path:
    """Copy ``db`` to ``destination`` (a file, or a folder to put a dated file in).

    SQLite's backup API copies a consistent snapshot even while another connection is
    writing. The copy is made beside the destination and renamed into place, so a
    failure leaves no half-written file and an existing file is replaced only whole.
    Raises ``BackupError`` ("same_file") when the destination is the database itself or
    a file SQLite keeps beside it: replacing those would damage the database under any
    copy of the program that has it open. Raises ``OSError`` when the copy cannot be
    written (a missing folder, a full disk, a device).

    A database on a server is copied into a new SQLite file in one snapshot (one
    REPEATABLE READ transaction: ``copying.snapshot_file``), which ``copy-db`` loads into
    a new server database again; in a folder it is named after the server's database.
    """
    if db.server is not None:
        from minutes_app.db.copying import snapshot_file

        if destination.is_dir():
            stem = re.sub(r"[^\w.-]+", "_", db.server.database) or "minutes"
            destination = _stamped(destination, stem, now or dt.datetime.now())
        snapshot_file(db, destination)
        return destination.absolute()
    if destination.is_dir():
        destination = _stamped(destination, db.file.stem, now or dt.datetime.now())
    if is_database_file(destination, db.file):
        raise BackupError(
            "same_file",
            destination,
            f"{destination} is the database itself or a file SQLite keeps beside it.",
        )
    return _copy_database(db.file, destination)


# --- checking ----------------------------------------------------------------------------


def integrity_problems(path: Path, *, quick: bool = False, limit: int = 20) -> list[str]:
    """What SQLite's integrity check finds wrong with ``path``: empty when it is sound.

    ``quick`` runs ``quick_check`` (no index-against-table comparison; about ten times
    faster). The file is read through a read-only connection and left as it was.
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with closing(_read_only(path)) as conn:
            rows = conn.execute(f"PRAGMA {pragma}({int(limit)})").fetchall()
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise  # another copy holds a lock: that is no damage, and the caller says so
        return [str(exc)]
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def check_backup(path: Path) -> str:
    """Make sure ``path`` is a sound minutes-app database this program can open.

    Returns its schema revision; raises ``BackupError`` saying what is wrong.
    """
    if not path.is_file():
        raise BackupError("missing", path, f"{path} does not exist.")
    present = {c for c in ("-wal", "-shm") if Path(f"{path}{c}").exists()}
    try:
        return _check_backup(path)
    finally:
        # A read-only look at a file in WAL mode leaves an empty -wal and a -shm behind;
        # nobody else has a backup open, so they go again.
        wal = Path(f"{path}-wal")
        if "-wal" not in present and wal.exists() and wal.stat().st_size == 0:
            wal.unlink(missing_ok=True)
            if "-shm" not in present:
                Path(f"{path}-shm").unlink(missing_ok=True)


def _check_backup(path: Path) -> str:
    try:
        revision = stored_revision(path)
    except DatabaseRefused as exc:
        if exc.reason == "unreadable":
            raise BackupError("damaged", path, f"{path} is damaged: {exc}") from exc
        raise BackupError("not_minutes", path, f"{path} is not a minutes-app database.") from exc
    if revision is None:
        raise BackupError("empty", path, f"{path} holds no minutes-app data.")
    if revision not in KNOWN_REVISIONS:
        raise BackupError(
            "newer",
            path,
            f"{path} was written by a newer version of minutes-app (schema {revision}).",
        )
    problems = integrity_problems(path) or [str(d) for d in find_damage(path, pages=False)]
    if problems:
        raise BackupError("damaged", path, f"{path} is damaged: {'; '.join(problems[:3])}")
    return revision


# --- the backup folder -------------------------------------------------------------------


def _name_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(stem)}-(?P<auto>auto-)?(?P<stamp>\d{{8}}-\d{{6}})(?:-(?P<n>\d+))?"
        rf"{re.escape(SUFFIX)}$"
    )


def list_backups(folder: Path, stem: str) -> list[Backup]:
    """The backups of the database named ``<stem>.sqlite3`` in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    pattern = _name_pattern(stem)
    found: list[tuple[dt.datetime, int, Backup]] = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            taken_at = dt.datetime.strptime(match["stamp"], _STAMP)
        except ValueError:
            continue
        backup = Backup(path, taken_at, automatic=match["auto"] is not None)
        found.append((taken_at, int(match["n"] or 1), backup))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [backup for _, _, backup in found]


def newest_backup(folder: Path, stem: str) -> Backup | None:
    backups = list_backups(folder, stem)
    return backups[0] if backups else None


# What a clerk records: the rows a backup's "records" count, for the rotation's rule.
RECORD_TABLES = ("conference", "instruction", "task", "task_event", "unit", "person", "document")

# Record counts of backup files, by path, size and modification time: a backup is never
# changed once written, so each is counted once per run of the program.
_counted: dict[tuple[str, int, int], int] = {}


def record_count(path: Path) -> int:
    """How many records (``RECORD_TABLES``) the database at ``path`` holds; -1 when it
    cannot be read."""
    try:
        info = path.stat()
        key = (str(path), info.st_size, info.st_mtime_ns)
        if key not in _counted:
            with closing(_read_only(path)) as conn:
                present = {
                    row[0]
                    for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                }
                _counted[key] = sum(
                    conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                    for table in RECORD_TABLES
                    if table in present
                )
        return _counted[key]
    except (OSError, sqlite3.DatabaseError):
        return -1


def prune_backups(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; copies made by hand stay.

    One more is spared: the fullest automatic backup (the most records; the newest of
    equals), while it holds more records than each of the newest ``keep``. So a database
    that was emptied, or replaced by an empty or a smaller file, never pushes its last
    full copy out, however many copies of it are taken after; and no more than keep + 1
    automatic backups stay. The spared copy goes once a newer one holds as many records.
    """
    automatic = [b for b in list_backups(folder, stem) if b.automatic]
    newest, older = automatic[: max(keep, 1)], automatic[max(keep, 1) :]
    if not older:
        return []
    fullest = max(older, key=lambda b: record_count(b.path))
    if record_count(fullest.path) > max(record_count(b.path) for b in newest):
        older.remove(fullest)
    removed = []
    for backup in older:
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def backup_due(folder: Path, stem: str, today: dt.date) -> bool:
    """True when no automatic backup of ``stem`` was taken on ``today``."""
    return not any(b.automatic and b.taken_at.date() == today for b in list_backups(folder, stem))


def automatic_backup(
    db: Database, folder: Path, keep: int, *, now: dt.datetime | None = None
) -> Path:
    """Take an automatic backup into ``folder`` and keep only the newest ``keep`` of them.

    The copy is checked before older ones are deleted, so that a damaged database never
    pushes the good backups out; nor does an emptied one push out its fullest backup
    (see ``prune_backups``). Raises ``OSError`` when the copy cannot be written and
    ``BackupError`` ("damaged") when the copy fails its check.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stem = db.file.stem
    target = _copy_database(db.file, _stamped(folder, f"{stem}-auto", now or dt.datetime.now()))
    problems = integrity_problems(target, quick=True)
    if problems:
        target.unlink(missing_ok=True)
        raise BackupError("damaged", db.file, f"{db.file} is damaged: {'; '.join(problems[:3])}")
    prune_backups(folder, stem, keep)
    return target


# --- restore -----------------------------------------------------------------------------


def set_aside_name(db_path: Path, when: dt.datetime) -> Path:
    """Where restore keeps the database it replaces: ``<name>.before-restore-<stamp>.sqlite3``."""
    return _stamped(db_path.parent, f"{db_path.stem}.before-restore", when)


def _set_aside(db_path: Path, aside: Path) -> None:
    """Copy the current database to ``aside``, byte for byte.

    A sound database has its -wal folded in first (which also makes sure no other copy
    of the program has it open); a damaged one is copied as it is, journal included.
    """
    if not integrity_problems(db_path, quick=True):
        _fold_journal(db_path)
    try:
        shutil.copy2(db_path, aside)
        for companion in ("-wal", "-journal"):
            beside = Path(f"{db_path}{companion}")
            if beside.exists():
                shutil.copy2(beside, Path(f"{aside}{companion}"))
        with open(aside, "rb+") as fh:
            os.fsync(fh.fileno())
    except BaseException:
        for companion in ("", *_COMPANIONS):
            Path(f"{aside}{companion}").unlink(missing_ok=True)
        raise


def _fold_journal(db_path: Path) -> None:
    """Make sure nobody else has ``db_path`` open, and fold its -wal into the file.

    Leaving WAL mode needs the only connection to the database: SQLite answers
    "database is locked" while another copy of the program holds it open, even idle.
    A damaged file is left as it is (its raw copy, journal included, is aside already).
    """
    try:
        conn = sqlite3.connect(db_path, timeout=0.5)
    except sqlite3.DatabaseError:
        return
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            return
        mode = None
    except sqlite3.DatabaseError:
        return
    finally:
        conn.close()
    if mode is None or str(mode[0]).lower() != "delete":
        raise BackupError(
            "in_use",
            db_path,
            f"{db_path} is open in another copy of minutes-app or another program; "
            "close it and try again.",
        )


def _to_delete_mode(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")


def restore(db_path: Path, backup_path: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Replace the database at ``db_path`` with the backup at ``backup_path``.

    The backup is checked first (sound, a minutes-app schema this program knows; an older
    schema is upgraded). The current database is copied aside as
    ``<name>.before-restore-<stamp>.sqlite3``, whose path is returned (None when there
    was no database). The replacement is prepared beside the database and renamed over
    it, so a failure at any step leaves the current database as it was. Every connection
    of this program to ``db_path`` must be closed first. Raises ``BackupError``.
    """
    revision = check_backup(backup_path)
    db_path = db_path.absolute()
    if db_path.exists() and is_database_file(backup_path, db_path):
        raise BackupError("same_file", backup_path, f"{backup_path} is the database itself.")
    when = now or dt.datetime.now()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    temp = temporary_beside(db_path, "restore.")
    temp_name = str(temp)
    aside: Path | None = None
    aside_only_copy = False  # the aside holds journal content the live file no longer has
    try:
        with closing(_read_only(backup_path)) as source:
            _copy_into(source, temp_name)
        if revision != HEAD_REVISION:
            from minutes_app.db.migrate import upgrade_to_head

            upgrade_to_head(temp)
            _to_delete_mode(temp)
        if integrity_problems(temp, quick=True):
            raise BackupError("damaged", backup_path, f"{backup_path} could not be copied whole.")
        if db_path.exists():
            aside = set_aside_name(db_path, when)
            _set_aside(db_path, aside)
            # A -wal left beside the new file would be replayed onto it: gone first.
            # (A sound database had it folded in above; a damaged one keeps it aside.)
            for companion in _COMPANIONS:
                beside = Path(f"{db_path}{companion}")
                aside_only_copy |= companion != "-shm" and beside.exists()
                beside.unlink(missing_ok=True)
            os.replace(temp, db_path)
        else:
            os.replace(temp, db_path)
        sync_folder(db_path.parent)
    except OSError as exc:
        _discard(temp, aside, keep_aside=aside_only_copy or not temp.exists())
        raise BackupError(
            "unwritable",
            db_path,
            f"{db_path.parent} cannot be written ({exc.strerror or exc}); nothing was changed.",
        ) from exc
    except BaseException:
        _discard(temp, aside, keep_aside=aside_only_copy or not temp.exists())
        raise
    return aside


def _discard(temp: Path, aside: Path | None, *, keep_aside: bool) -> None:
    """Clean up after a failed restore. The aside copy stays once the swap has happened."""
    remove_temporary(temp)
    if aside is not None and not keep_aside:
        for companion in ("", *_COMPANIONS):
            Path(f"{aside}{companion}").unlink(missing_ok=True)
