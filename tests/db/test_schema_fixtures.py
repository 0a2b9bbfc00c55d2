"""A saved database of every released schema upgrades to head with every record kept."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from minutes_app.core.search import search
from minutes_app.db.engine import HEAD_REVISION, KNOWN_REVISIONS, Database, stored_revision
from minutes_app.db.search_index import index_rows, rebuild

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "schemas"
TABLES = (
    "unit",
    "person",
    "document",
    "conference",
    "conference_chair",
    "bridge_point",
    "bridge_point_person",
    "studied_document",
    "instruction",
    "task",
    "task_support",
    "task_event",
)


def test_there_is_a_fixture_for_every_released_schema_but_head() -> None:
    saved = sorted(p.stem for p in FIXTURES.glob("*.sqlite3"))
    assert saved == list(KNOWN_REVISIONS[:-1])


@pytest.mark.parametrize("revision", KNOWN_REVISIONS[:-1])
def test_old_schema_upgrades_to_head_keeping_every_record(revision: str, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / f"{revision}.sqlite3", path)
    with sqlite3.connect(path) as conn:
        before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        titles = conn.execute("SELECT title FROM task ORDER BY id").fetchall()
    assert stored_revision(path) == revision
    Database.open(path).close()
    assert stored_revision(path) == HEAD_REVISION
    with sqlite3.connect(path) as conn:
        after = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        assert conn.execute("SELECT title FROM task ORDER BY id").fetchall() == titles
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        folded = conn.execute("SELECT search_text FROM task ORDER BY id").fetchone()[0]
    assert after == before
    assert before["task"] == 3
    assert folded.startswith("tham muu ban thuong vu tinh uy")


@pytest.mark.parametrize("revision", KNOWN_REVISIONS[:-1])
def test_old_records_are_indexed_for_search_on_upgrade(revision: str, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / f"{revision}.sqlite3", path)
    db = Database.open(path)
    try:
        [task] = search(db, "THAM MUU ban thuong vu tinh uy").of_kind("task")
        assert task.label.startswith("Tham mưu Ban Thường vụ Tỉnh ủy")
    finally:
        db.close()
    with sqlite3.connect(path) as conn:
        built = index_rows(conn)
        counts = {k: conn.execute(f"SELECT count(*) FROM {k}").fetchone()[0] for k in built}
        # What migration 0004 built with its frozen folding is what the app would build.
        rebuild(conn)
        assert index_rows(conn) == built
        conn.rollback()
    assert {k: len(rows) for k, rows in built.items()} == counts
