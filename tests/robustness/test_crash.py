"""A process killed (SIGKILL) in the middle of an import or a save loses nothing committed
and leaves no half-written work: the database passes its integrity check afterwards."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from minutes_app.db.backup import integrity_problems
from minutes_app.db.engine import Database
from tests.robustness.conftest import Worker

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

INSTRUCTIONS = 300  # per saved conference, and as many bridge points


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("conference", "instruction", "task", "unit", "bridge_point")
        }


def wal_size(path: Path) -> int:
    try:
        return os.stat(f"{path}-wal").st_size
    except FileNotFoundError:
        return 0


@pytest.mark.parametrize(
    ("seed", "small_cache"),
    [(1, True), (2, True), (3, True), (4, False)],
)
def test_import_killed_midway_leaves_all_of_it_or_none(
    tmp_path: Path,
    seed: int,
    small_cache: bool,
    large_exchange: tuple[Path, dict[str, int]],
    start_worker: Callable[..., Worker],
) -> None:
    exchange, expected = large_exchange
    db_path = tmp_path / "minutes.sqlite3"
    Database.open(db_path).close()
    rng = random.Random(seed)
    args = ["import", str(db_path), str(exchange)] + (["--small-cache"] if small_cache else [])
    worker = start_worker(*args)
    worker.wait_for_line("ready")
    if small_cache:
        # Uncommitted pages are spilling into the -wal: kill somewhere in the middle.
        threshold = rng.randint(64, 1024) * 1024
        worker.wait_for(lambda: wal_size(db_path) >= threshold)
    else:
        time.sleep(rng.uniform(0.2, 1.5))
    worker.process.send_signal(signal.SIGKILL)
    code = worker.finish()

    assert code == -signal.SIGKILL
    if small_cache:
        assert not any(line.startswith("done") for line in worker.lines), "not interrupted"
    assert integrity_problems(db_path) == []
    found = counts(db_path)
    assert (found["conference"], found["task"]) in {
        (0, 0),
        (expected["conference"], expected["task"]),
    }
    if any(line.startswith("done") for line in worker.lines):
        assert found["task"] == expected["task"]
    # The program opens the file afterwards and can write to it.
    db = Database.open(db_path)
    db.close()


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_save_killed_midway_keeps_every_saved_conference_whole(
    tmp_path: Path, seed: int, start_worker: Callable[..., Worker]
) -> None:
    db_path = tmp_path / "minutes.sqlite3"
    Database.open(db_path).close()
    rng = random.Random(seed)
    worker = start_worker("save", str(db_path), str(INSTRUCTIONS))
    worker.wait_for_line("ready")
    saves = rng.randint(1, 4)
    worker.wait_for(lambda: sum(line.startswith("saved") for line in worker.lines) >= saves)
    # The next save is under way now (each takes a few hundred milliseconds).
    time.sleep(rng.uniform(0.0, 0.3))
    worker.process.send_signal(signal.SIGKILL)
    code = worker.finish()

    assert code == -signal.SIGKILL
    reported = [int(line.split()[1]) for line in worker.lines if line.startswith("saved")]
    assert integrity_problems(db_path) == []
    with sqlite3.connect(db_path) as conn:
        stored = [r[0] for r in conn.execute("SELECT id FROM conference ORDER BY id")]
        per_conference = conn.execute(
            "SELECT c.id, (SELECT count(*) FROM instruction i WHERE i.conference_id = c.id),"
            " (SELECT count(*) FROM bridge_point b WHERE b.conference_id = c.id)"
            " FROM conference c"
        ).fetchall()
    conn.close()
    # Every save the worker saw committed is there; at most the interrupted one more.
    assert set(reported) <= set(stored)
    assert len(stored) - len(reported) in (0, 1)
    # None is half-written: all of its instructions and bridge points, or no conference.
    assert all(row[1:] == (INSTRUCTIONS, INSTRUCTIONS) for row in per_conference)
    found = counts(db_path)
    assert found["instruction"] == INSTRUCTIONS * len(stored)


def _age(path: Path, minutes: float) -> None:
    when = time.time() - minutes * 60
    os.utime(path, (when, when))


def test_a_backup_killed_midway_leaves_files_the_next_start_removes(
    tmp_path: Path, start_worker: Callable[..., Worker]
) -> None:
    from minutes_app.cli import main
    from minutes_app.db.models import Unit

    db_path = tmp_path / "minutes.sqlite3"
    db = Database.open(db_path)
    with db.transaction() as s:
        s.add_all(Unit(name=f"Đơn vị {i} " + "x" * 300) for i in range(1500))
    db.close()
    worker = start_worker("backup", str(db_path), str(tmp_path / "copy.sqlite3"))
    worker.wait_for(lambda: sum(line.startswith("page") for line in worker.lines) >= 20)
    worker.process.send_signal(signal.SIGKILL)
    assert worker.finish() == -signal.SIGKILL

    left = sorted(p.name for p in tmp_path.glob(".copy.sqlite3.*.part*"))
    assert left and all(name.endswith((".part", ".part-journal")) for name in left)
    # Started again at once, the program leaves them: another copy could be writing them.
    assert main(["--db", str(db_path), "conferences"]) == 0
    assert sorted(p.name for p in tmp_path.glob(".copy.sqlite3.*.part*")) == left
    for name in left:
        _age(tmp_path / name, 20)
    assert main(["--db", str(db_path), "conferences"]) == 0
    assert list(tmp_path.glob(".*.part*")) == []
    assert not (tmp_path / "copy.sqlite3").exists()
    assert integrity_problems(db_path) == []
