"""Refused files: not a database, a newer schema, another program's database — all untouched."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from minutes_app.cli import main
from minutes_app.db.engine import HEAD_REVISION, DatabaseRefused, open_database, stored_revision

TEXT = "Biên bản hội nghị ngày 17/02/2023\nKhông phải cơ sở dữ liệu.\n".encode()
RANDOM_BYTES = random.Random(20230217).randbytes(8192)
CORRUPT_SQLITE = b"SQLite format 3\x00" + random.Random(96).randbytes(4080)


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def _other_program_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO contact (name) VALUES ('Nguyễn Văn A')")
    conn.commit()
    conn.close()


def _newer_database(path: Path) -> None:
    open_database(path).dispose()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("content", "reason"),
    [(TEXT, "not_sqlite"), (RANDOM_BYTES, "not_sqlite"), (CORRUPT_SQLITE, "unreadable")],
    ids=["text", "random_bytes", "corrupt_sqlite"],
)
def test_not_a_database_is_refused_by_open_database(
    db_path: Path, content: bytes, reason: str
) -> None:
    db_path.write_bytes(content)

    with pytest.raises(DatabaseRefused) as refused:
        open_database(db_path)

    assert (refused.value.reason, refused.value.path) == (reason, db_path)


@pytest.mark.parametrize(
    "content", [TEXT, RANDOM_BYTES, CORRUPT_SQLITE], ids=["text", "random_bytes", "corrupt"]
)
def test_not_a_database_is_left_byte_for_byte_untouched(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)

    with pytest.raises(DatabaseRefused):
        open_database(db_path)

    assert db_path.read_bytes() == content
    assert _siblings(db_path) == [db_path.name]


@pytest.mark.parametrize("content", [TEXT, RANDOM_BYTES], ids=["text", "random_bytes"])
def test_cli_refuses_not_a_database_with_one_line(
    db_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path.write_bytes(content)

    code = main(["--db", str(db_path), "conferences"])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == (f"minutes-app: {db_path} is not a minutes-app database (not an SQLite file).\n")
    assert db_path.read_bytes() == content
    assert _siblings(db_path) == [db_path.name]


def test_cli_refuses_corrupt_sqlite_file_with_one_line(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path.write_bytes(CORRUPT_SQLITE)

    code = main(["--db", str(db_path), "export-json", "-"])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == (
        f"minutes-app: {db_path} cannot be read as a database (file is not a database).\n"
    )


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefused) as refused:
        open_database(tmp_path)

    assert refused.value.reason == "folder"


def test_newer_schema_is_refused_naming_a_newer_version(db_path: Path) -> None:
    _newer_database(db_path)

    with pytest.raises(DatabaseRefused) as refused:
        open_database(db_path)

    assert refused.value.reason == "newer"
    assert str(refused.value) == (
        f"{db_path} was written by a newer version of minutes-app (schema 9999). "
        "Please update the program; the file was not changed."
    )


def test_newer_schema_file_is_byte_for_byte_unchanged(db_path: Path) -> None:
    _newer_database(db_path)
    before = db_path.read_bytes()

    with pytest.raises(DatabaseRefused):
        open_database(db_path)

    assert db_path.read_bytes() == before
    assert stored_revision(db_path) == "9999"


def test_cli_refuses_newer_schema_with_exit_code_1(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _newer_database(db_path)
    before = db_path.read_bytes()

    code = main(["--db", str(db_path), "conferences", "--json"])

    err = capsys.readouterr().err.splitlines()
    assert (code, len(err)) == (1, 1)
    assert "newer version of minutes-app (schema 9999)" in err[0]
    assert db_path.read_bytes() == before


def test_database_of_another_program_is_refused(db_path: Path) -> None:
    _other_program_database(db_path)

    with pytest.raises(DatabaseRefused) as refused:
        open_database(db_path)

    assert refused.value.reason == "foreign"
    assert str(refused.value) == (
        f"{db_path} is an SQLite database of another program, not of minutes-app."
    )


def test_database_of_another_program_is_left_untouched(db_path: Path) -> None:
    _other_program_database(db_path)
    before = db_path.read_bytes()

    with pytest.raises(DatabaseRefused):
        open_database(db_path)

    assert db_path.read_bytes() == before
    assert _siblings(db_path) == [db_path.name]


def test_database_at_head_opens_without_change_of_revision(db_path: Path) -> None:
    open_database(db_path).dispose()

    engine = open_database(db_path)
    engine.dispose()

    assert stored_revision(db_path) == HEAD_REVISION
