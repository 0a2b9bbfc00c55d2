"""The command line on a damaged database, an empty file, or a folder that is not there:
exit 1, one plain line, nothing changed; and export-json never leaves a record out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes_app.cli import main
from minutes_app.core.exchange.exporting import export_exchange, write_exchange
from minutes_app.db.engine import Database
from minutes_app.db.soundness import DatabaseDamaged
from tests.damage_helpers import HARMS, break_records, sample_database

HINT = (
    "Nothing was changed; restore it from a backup in the window (File → Restore from a backup…)."
)


@pytest.fixture
def sample(db_path: Path) -> Path:
    return sample_database(db_path)


@pytest.mark.parametrize("harm", HARMS, ids=list(HARMS))
@pytest.mark.parametrize(
    "command",
    [["conferences", "--json"], ["tasks", "--as-of", "2024-06-30"], ["export-json", "-"]],
    ids=["conferences", "tasks", "export-json"],
)
def test_a_damaged_database_is_refused_in_one_plain_line(
    sample: Path, harm: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    expected = HARMS[harm](sample)
    before = sample.read_bytes()

    code = main(["--db", str(sample), *command])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == f"minutes-app: {sample} is damaged: {expected}. {HINT}\n"
    assert sample.read_bytes() == before


def test_an_empty_database_file_is_refused_and_left_empty(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path.write_bytes(b"")

    code = main(["--db", str(db_path), "conferences"])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == (
        f"minutes-app: {db_path} is empty (0 bytes): what it held is gone, perhaps after a "
        f"disk error or an interrupted copy. {HINT[:-1]}, or delete the file to start a new "
        "database.\n"
    )
    assert db_path.read_bytes() == b""
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_a_new_path_in_an_existing_folder_is_still_created(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "conferences", "--json"]) == 0
    assert capsys.readouterr().out == "[]\n"
    assert db_path.stat().st_size > 0


def test_a_database_in_a_missing_folder_is_refused_and_no_folder_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "media" / "share" / "minutes.sqlite3"

    code = main(["--db", str(path), "demo"])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == (
        f"minutes-app: {path} cannot be opened: the folder {path.parent} does not exist (is "
        "the drive or network share connected?). Nothing was created.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_the_default_database_makes_its_own_folder(capsys: pytest.CaptureFixture[str]) -> None:
    from minutes_app.base.paths import default_database

    assert not default_database().parent.exists()

    assert main(["conferences", "--json"]) == 0
    assert default_database().stat().st_size > 0


def test_a_file_checked_sound_is_not_checked_again_until_it_changes(
    sample: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from minutes_app.db import soundness

    checked: list[Path] = []
    real = soundness.find_damage
    monkeypatch.setattr(soundness, "find_damage", lambda p, **k: checked.append(p) or real(p, **k))

    assert main(["--db", str(sample), "conferences"]) == 0
    assert main(["--db", str(sample), "tasks"]) == 0
    assert main(["--db", str(sample), "demo"]) == 0  # writes: the file is left sound
    assert main(["--db", str(sample), "conferences"]) == 0
    assert checked == [sample]

    expected = HARMS["bogus_status"](sample)  # another program
    assert main(["--db", str(sample), "conferences"]) == 1
    assert checked == [sample, sample]
    assert expected in capsys.readouterr().err


# --- export never leaves a record out ------------------------------------------------------


def test_export_refuses_a_database_with_orphan_records_and_lists_them(
    sample: Path, tmp_path: Path
) -> None:
    break_records(sample, "UPDATE task SET instruction_id = 999 WHERE id IN (5, 6)")
    target = tmp_path / "out.json"
    db = Database.open(sample)
    try:
        with pytest.raises(DatabaseDamaged) as refused:
            write_exchange(db, target)
        with pytest.raises(DatabaseDamaged):
            export_exchange(db)
    finally:
        db.close()

    assert str(refused.value).splitlines() == [
        "nothing was exported: 2 records refer to records that do not exist, so they "
        "cannot be exported whole:",
        "table task, row 5: instruction_id refers to instruction 999, which does not exist",
        "table task, row 6: instruction_id refers to instruction 999, which does not exist",
    ]
    assert not target.exists()
    assert list(tmp_path.glob(".out.json*")) == []


def test_export_json_exports_every_task_of_a_sound_database(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    with sqlite3.connect(sample) as conn:
        [stored] = conn.execute(
            "SELECT count(*) FROM task JOIN instruction i ON i.id = instruction_id "
            "JOIN conference c ON c.id = i.conference_id WHERE c.deleted_at IS NULL"
        ).fetchone()
    conn.close()

    assert main(["--db", str(sample), "export-json", "-"]) == 0

    exported = json.loads(capsys.readouterr().out)
    tasks = [t for c in exported["conferences"] for i in c["instructions"] for t in i["tasks"]]
    assert len(tasks) == stored == 38
