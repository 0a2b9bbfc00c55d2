"""Migrations: a new or empty file reaches head, the chain is linear and matches the models."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from minutes_app.db.change_log import LOGGED, file_trigger_name
from minutes_app.db.engine import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    DatabaseRefused,
    open_database,
    stored_revision,
)
from minutes_app.db.migrate import alembic_config, script_revisions
from minutes_app.db.models import Base
from tests.stores import schema_differences

TABLES = [
    "absence",
    "alembic_version",
    "bridge_point",
    "bridge_point_person",
    "change_log",
    "conference",
    "conference_chair",
    "document",
    "instruction",
    "issued_paper",
    "office_user",
    "person",
    "setting",
    "studied_document",
    "task",
    "task_event",
    "task_support",
    "unit",
]
# The search index: FTS5 tables (each with shadow tables of its own) and the change notes.
SEARCH_TABLES = [
    "search_conference",
    "search_dirty",
    "search_document",
    "search_person",
    "search_task",
    "search_unit",
]
SEARCH_TRIGGERS = {
    f"search_{table}_{event}"
    for table in (
        "task",
        "document",
        "person",
        "unit",
        "conference",
        "conference_chair",
        "bridge_point",
        "bridge_point_person",
        "instruction",
    )
    for event in ("insert", "update", "delete")
} | {"search_conference_trash"}
_FTS5_SHADOW = re.compile(r"search_\w+_(config|content|data|docsize|idx)")


def _tables(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        return [r[0] for r in rows if not _FTS5_SHADOW.fullmatch(r[0])]
    finally:
        conn.close()


def test_nonexistent_path_is_created_at_head(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "minutes.sqlite3"

    open_database(path).dispose()

    assert stored_revision(path) == HEAD_REVISION
    assert _tables(path) == sorted(TABLES + SEARCH_TABLES)


def test_an_existing_empty_file_is_refused_not_made_a_new_database(db_path: Path) -> None:
    # Its data was lost (tests/db/test_soundness.py): a backup is restored instead.
    db_path.write_bytes(b"")

    with pytest.raises(DatabaseRefused, match="is empty"):
        open_database(db_path)

    assert db_path.read_bytes() == b""


def test_sqlite_file_without_tables_is_upgraded_to_head(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("VACUUM")  # writes the header, so the file is a real, empty database
    conn.close()
    assert db_path.stat().st_size > 0

    open_database(db_path).dispose()

    assert stored_revision(db_path) == HEAD_REVISION


def test_script_revisions_are_the_known_revisions() -> None:
    assert script_revisions() == list(KNOWN_REVISIONS)
    assert script_revisions()[-1] == HEAD_REVISION


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    revisions = list(script.walk_revisions())
    children: dict[str, int] = {r.revision: 0 for r in revisions}
    for revision in revisions:
        down = revision.down_revision
        assert down is None or isinstance(down, str), revision.revision
        if down is not None:
            children[down] += 1

    assert max(children.values()) <= 1
    assert len(script.get_bases()) == 1
    assert list(script.get_heads()) == [HEAD_REVISION]


def test_migrated_schema_matches_the_models(db_path: Path) -> None:
    engine = open_database(db_path)
    try:
        with engine.connect() as connection, warnings.catch_warnings():
            # SQLite reflection cannot read expression-based indexes; Alembic says so and skips
            # them (test_integrity.py checks what they enforce).
            warnings.filterwarnings("ignore", message=".*expression-based index")
            differences = schema_differences(connection)
    finally:
        engine.dispose()

    assert differences == []


def test_migrated_schema_has_the_expression_indexes(db_path: Path) -> None:
    open_database(db_path).dispose()
    conn = sqlite3.connect(db_path)
    try:
        names = {
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'uq_%'"
            )
        }
    finally:
        conn.close()

    assert {"uq_person_name_unit", "uq_document_identity"} <= names


def test_migrated_schema_has_every_search_and_log_trigger(db_path: Path) -> None:
    # A later batch migration that rebuilds one of these tables drops its triggers with it
    # and must create them again: this test says so if it does not.
    open_database(db_path).dispose()
    conn = sqlite3.connect(db_path)
    try:
        names = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    finally:
        conn.close()

    logged = {
        file_trigger_name(logged.table, event)
        for logged in LOGGED
        for event in ("insert", "update", "delete")
    }
    assert names == SEARCH_TRIGGERS | logged
    assert len(logged) == 3 * 15


def test_the_index_is_not_taken_for_a_difference_from_the_models(db_path: Path) -> None:
    # The counterpart of the filter above: without it, compare_metadata does see the index.
    engine = open_database(db_path)
    try:
        with engine.connect() as connection, warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*expression-based index")
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()

    removed = {d[1].name for d in differences if d[0] == "remove_table"}
    assert set(SEARCH_TABLES) <= removed


def test_opening_a_head_database_does_not_import_alembic(db_path: Path) -> None:
    open_database(db_path).dispose()
    program = (
        "import sys; from pathlib import Path; "
        "from minutes_app.db.engine import open_database; "
        f"e = open_database(Path({str(db_path)!r})); "
        "e.connect().close(); "
        "print('alembic' in sys.modules)"
    )

    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True
    )

    assert done.stdout == "False\n"


def test_opening_a_new_database_does_import_alembic(db_path: Path) -> None:
    # The counterpart of the test above: the probe does see Alembic when it is used.
    program = (
        "import sys; from pathlib import Path; "
        "from minutes_app.db.engine import open_database; "
        f"open_database(Path({str(db_path)!r})); "
        "print('alembic' in sys.modules)"
    )

    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True
    )

    assert done.stdout == "True\n"


def test_a_0006_database_with_records_gains_papers_and_absences(tmp_path: Path) -> None:
    # Issue 14 (items 12, 13): the two new tables are added beside the stored records,
    # which stay as they were, and take rows that refer to them.
    path = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).resolve().parents[1] / "data" / "schemas" / "0006.sqlite3", path)
    with sqlite3.connect(path) as conn:
        before = conn.execute("SELECT id, uid, title, version FROM conference").fetchall()
        person = conn.execute("SELECT min(id) FROM person").fetchone()[0]
    assert stored_revision(path) == "0006"

    open_database(path).dispose()

    assert stored_revision(path) == HEAD_REVISION
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("SELECT id, uid, title, version FROM conference").fetchall() == before
        conference = before[0][0]
        conn.execute(
            "INSERT INTO issued_paper (conference_id, position, kind, number, issued_on, "
            "signer_id) VALUES (?, 0, 'minutes', '12-BB/BTCTU', '2023-03-15', ?)",
            (conference, person),
        )
        conn.execute(
            "INSERT INTO absence (conference_id, position, person_id, reason) "
            "VALUES (?, 0, ?, 'đi công tác')",
            (conference, person),
        )
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO issued_paper (conference_id, position, kind, number, issued_on) "
                "VALUES (?, 1, 'report', '1-BC/BTCTU', '2023-03-15')",
                (conference,),
            )
        conn.execute("DELETE FROM conference WHERE id = ?", (conference,))
        assert conn.execute("SELECT count(*) FROM absence").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM issued_paper").fetchone()[0] == 0
    finally:
        conn.rollback()
        conn.close()
