"""The check of a database before it is opened: damage SQLite's quick_check lets through
(broken CHECK constraints, dates that cannot be read, dangling foreign keys), the folder
of a new database, and a file of 0 bytes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from minutes_app.db.backup import BackupError, check_backup, integrity_problems
from minutes_app.db.engine import Database, DatabaseRefused
from minutes_app.db.soundness import (
    _BAD_DATE,
    _BAD_DATETIME,
    CheckedFiles,
    Damage,
    DatabaseDamaged,
    check_folder,
    find_damage,
    fingerprint,
    open_sound,
)
from tests.damage_helpers import HARMS, break_records, sample_database


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return sample_database(tmp_path / "minutes.sqlite3")


def lines(path: Path) -> list[str]:
    return [str(d) for d in find_damage(path)]


def test_the_sample_database_is_sound(sample: Path) -> None:
    assert find_damage(sample) == []


@pytest.mark.parametrize("harm", HARMS, ids=list(HARMS))
def test_damage_quick_check_misses_is_found_and_named(sample: Path, harm: str) -> None:
    expected = HARMS[harm](sample)
    assert integrity_problems(sample, quick=True) == []  # what the check on open saw

    assert lines(sample) == [expected]


def test_the_check_leaves_the_file_as_it_was(sample: Path) -> None:
    HARMS["bogus_status"](sample)
    before = sample.read_bytes()

    find_damage(sample)

    assert sample.read_bytes() == before
    wal = Path(f"{sample}-wal")  # a read-only connection to a file in WAL mode leaves one
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_datetime_that_cannot_be_read_is_found(sample: Path) -> None:
    break_records(sample, "UPDATE task_event SET at = 'yesterday' WHERE id = 3")

    assert lines(sample) == ["table task_event, row 3: at 'yesterday' is not a valid date and time"]


def test_a_rule_between_columns_is_named_with_its_expression(sample: Path) -> None:
    break_records(sample, "UPDATE task SET deadline = '2000-01-01' WHERE id = 8")

    assert lines(sample) == [
        "table task, row 8: breaks the rule ck_task_deadline_after_assigned "
        "(deadline IS NULL OR deadline >= assigned_on)"
    ]


def test_rows_of_tables_without_an_id_are_named_by_their_key(sample: Path) -> None:
    break_records(sample, "UPDATE conference_chair SET person_id = 4242 WHERE conference_id = 1")

    assert lines(sample) == [
        "table conference_chair, row conference_id 1, position 0: person_id refers to "
        "person 4242, which does not exist"
    ]


def test_a_word_in_a_number_column_is_found(sample: Path) -> None:
    break_records(sample, "UPDATE bridge_point SET attendee_count = 'many' WHERE id = 2")

    assert lines(sample) == [
        "table bridge_point, row 2: attendee_count 'many' is not a whole number"
    ]


def test_a_null_in_a_not_null_column_is_named_by_its_row(sample: Path) -> None:
    conn = sqlite3.connect(sample, isolation_level=None)
    [create] = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'unit'").fetchone()
    conn.execute("PRAGMA writable_schema = ON")
    loose = create.replace("name VARCHAR NOT NULL", "name VARCHAR")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'unit'", (loose,))
    conn.close()
    conn = sqlite3.connect(sample, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE unit SET name = NULL WHERE id = 3")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'unit'", (create,))
    conn.close()

    assert lines(sample) == ["table unit, row 3: name is missing"]


def test_broken_pages_are_told_in_sqlites_words(tmp_path: Path) -> None:
    path = tmp_path / "big.sqlite3"
    db = Database.open(path)
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO unit (name) VALUES (?)",
            [(f"Đơn vị {i} " + "x" * 300,) for i in range(1500)],
        )
    conn.close()
    db.close()
    with path.open("rb+") as fh:
        fh.seek(4096 * (path.stat().st_size // 4096 // 2))
        fh.write(b"\xff" * 4096)

    found = find_damage(path)

    assert found and {d.kind for d in found} == {"file"}
    assert str(found[0]) == found[0].detail


def test_an_empty_file_is_damage(tmp_path: Path) -> None:
    path = tmp_path / "minutes.sqlite3"
    path.write_bytes(b"")

    assert find_damage(path) == [Damage("empty_file")]


def test_at_most_limit_findings_are_listed(sample: Path) -> None:
    break_records(sample, "UPDATE task SET status = 'bogus'")

    found = find_damage(sample, limit=5)

    assert [d.row for d in found] == ["1", "2", "3", "4", "5"]


def test_progress_is_told_for_every_part(sample: Path) -> None:
    told: list[tuple[int, int]] = []

    find_damage(sample, progress=lambda done, total: told.append((done, total)))

    total = told[-1][1]
    assert told == [(done, total) for done in range(1, total + 1)]
    assert total > 10  # the references and each table of records


# --- the SQL tests of dates and times, against Python's readers ---------------------------

DATES = [
    "2023-02-17",
    "2024-02-29",
    "0001-01-01",
    "9999-12-31",
    "2023-02-29",
    "2023-02-30",
    "2023-04-31",
    "2023-13-45",
    "2023-00-10",
    "2023-1-5",
    "20230217",
    "2023-02-17 ",
    " 2023-02-17",
    "2023-02-17 10:00:00",
    "0000-01-01",
    "xyz",
    "",
    "2023-W07-5",
]
DATETIMES = [
    "2023-02-17 10:00:00",
    "2023-02-17 10:00:00.123456",
    "2023-02-17 23:59:59.999999",
    "2023-02-17 10:00:00.1",
    "0001-01-01 00:00:00",
    "2023-02-17 24:00:00",
    "2023-02-30 10:00:00",
    "2023-02-17 10:60:00",
    "2023-02-17 10:00:60",
    "2023-02-17T10:00:00",
    "2023-02-17 10:00:00Z",
    "2023-02-17 10:00:00+07:00",
    "2023-02-17 10:00:00.",
    "2023-02-17 10:00:00.1234567",
    "2023-02-17 10:00:00.12a",
    "2023-02-17 10:00:00 ",
    "2023-02-17 10:00",
    "2023-02-17",
    "0000-01-01 00:00:00",
    "yesterday",
    "",
]


def _python_reads(text: str, kind: type[dt.date]) -> bool:
    """True when the program reads ``text`` back as the value it stands for: Python parses
    it (without a time zone), and it is written as the program writes that value, so SQL
    compares and sorts it rightly: a date as 'YYYY-MM-DD', a date and time as
    'YYYY-MM-DD HH:MM:SS' with no or one to six decimals."""
    try:
        value = kind.fromisoformat(text)
    except ValueError:
        return False
    if not isinstance(value, dt.datetime):
        return value.isoformat() == text
    head, dot, decimals = text.partition(".")
    return (
        value.tzinfo is None
        and value.isoformat(" ", "seconds") == head
        and (not dot or (1 <= len(decimals) <= 6 and decimals.isdigit()))
    )


@pytest.mark.parametrize(
    ("rule", "values", "kind"),
    [(_BAD_DATE, DATES, dt.date), (_BAD_DATETIME, DATETIMES, dt.datetime)],
    ids=["date", "datetime"],
)
def test_the_sql_tests_of_dates_agree_with_python(
    rule: str, values: list[str], kind: type[dt.date]
) -> None:
    conn = sqlite3.connect(":memory:")
    sql = f"SELECT coalesce({rule.format(c='?1')}, 0)"
    verdicts = {v: not conn.execute(sql, (v,)).fetchone()[0] for v in values}
    assert verdicts == {v: _python_reads(v, kind) for v in values}
    assert conn.execute(sql, (None,)).fetchone()[0] == 0  # no value is no damage
    assert conn.execute(sql, (2460000,)).fetchone()[0] == 1  # a number is no date


# --- the folder ----------------------------------------------------------------------------


def test_a_database_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "media" / "share" / "minutes.sqlite3"

    with pytest.raises(DatabaseRefused) as refused:
        check_folder(path)

    assert refused.value.reason == "no_folder"
    assert str(refused.value) == (
        f"{path} cannot be opened: the folder {path.parent} does not exist (is the drive or "
        "network share connected?). Nothing was created."
    )
    assert not (tmp_path / "media").exists()


def test_the_programs_own_folder_may_be_made(tmp_path: Path) -> None:
    own = tmp_path / "data" / "minutes-app"
    check_folder(own / "minutes.sqlite3", own)
    check_folder(tmp_path / "minutes.sqlite3")  # an existing folder


# --- an empty file -------------------------------------------------------------------------


def test_an_existing_empty_file_is_not_made_into_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "minutes.sqlite3"
    path.write_bytes(b"")

    with pytest.raises(DatabaseRefused) as refused:
        Database.open(path)

    assert refused.value.reason == "empty_file"
    assert str(refused.value).startswith(f"{path} is empty (0 bytes):")
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.sqlite3"]


# --- opening for a command -----------------------------------------------------------------


def test_open_sound_refuses_damage_in_one_plain_line(sample: Path, tmp_path: Path) -> None:
    expected = HARMS["bogus_status"](sample)

    with pytest.raises(DatabaseDamaged) as refused:
        open_sound(sample, tmp_path / "own", CheckedFiles(tmp_path / "checked.json"))

    assert str(refused.value) == (
        f"{sample} is damaged: {expected}. Nothing was changed; restore it from a backup in "
        "the window (File → Restore from a backup…)."
    )


def test_open_sound_counts_the_other_problems(sample: Path, tmp_path: Path) -> None:
    HARMS["bogus_status"](sample)
    HARMS["orphan_task"](sample)
    HARMS["impossible_deadline"](sample)

    with pytest.raises(DatabaseDamaged) as refused:
        open_sound(sample, tmp_path / "own", CheckedFiles(tmp_path / "checked.json"))

    assert "(and 2 more problems)." in str(refused.value)
    assert len(refused.value.damage) == 3


def test_an_untouched_file_is_checked_once(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from minutes_app.db import soundness

    checked: list[Path] = []
    real = soundness.find_damage
    monkeypatch.setattr(soundness, "find_damage", lambda p, **k: checked.append(p) or real(p, **k))
    record = CheckedFiles(tmp_path / "checked.json")
    for _ in range(2):
        open_sound(sample, tmp_path / "own", record).close()
    assert checked == [sample]

    HARMS["bogus_status"](sample)  # another program changes the file
    with pytest.raises(DatabaseDamaged):
        open_sound(sample, tmp_path / "own", record)
    assert checked == [sample, sample]


def test_the_fingerprint_sees_writes_waiting_in_the_wal(sample: Path) -> None:
    before = fingerprint(sample)
    other = sqlite3.connect(sample, isolation_level=None)  # another copy, still open
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("UPDATE unit SET kind = 'changed' WHERE id = 1")
    try:
        assert Path(f"{sample}-wal").stat().st_size > 0
        assert fingerprint(sample).startswith(before + ":")  # the file itself is as it was
    finally:
        other.close()


# --- backups -------------------------------------------------------------------------------


def test_a_backup_with_damaged_records_is_not_restored(sample: Path) -> None:
    HARMS["orphan_task"](sample)

    with pytest.raises(BackupError) as refused:
        check_backup(sample)

    assert refused.value.reason == "damaged"
    assert "instruction_id refers to instruction 999" in str(refused.value)
