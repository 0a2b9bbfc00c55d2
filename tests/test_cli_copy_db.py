"""``copy-db SOURCE DEST`` on the command line: the counts, and refusals in one line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes_app.cli import main
from minutes_app.db.server import ServerAddress
from minutes_app.db.server_setup import setup_server

TABLES = 17  # every table of the models
RECORDS = 277 + 301  # the sample records, and the change log of their loading


@pytest.fixture
def server_url(pg_url: str) -> str:
    setup_server(ServerAddress.parse(pg_url))
    return pg_url


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def exported(location: str | Path, out: Path) -> bytes:
    assert main(["--db", str(location), "export-json", str(out)]) == 0
    return out.read_bytes()


def refusal(capsys: pytest.CaptureFixture[str]) -> str:
    """The one line a refusal writes on stderr (nothing on stdout)."""
    said = capsys.readouterr()
    assert said.out == ""
    lines = said.err.splitlines()
    assert len(lines) == 1, said.err
    return lines[0]


def test_copy_db_there_and_back_prints_the_counts_and_that_they_match(
    demo: Path, server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = exported(demo, tmp_path / "before.json")
    capsys.readouterr()
    assert main(["copy-db", str(demo), server_url]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].split() == ["table", "source", "copied"]
    assert len(printed) == 1 + TABLES + 1
    assert ["task", "38", "38"] in [line.split() for line in printed]
    assert printed[-1] == f"counts match: {RECORDS} records in {TABLES} tables"
    back = tmp_path / "back.sqlite3"
    assert main(["copy-db", server_url, str(back)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"counts match: {RECORDS} records")
    assert exported(server_url, tmp_path / "there.json") == before
    assert exported(back, tmp_path / "back.json") == before


def test_copy_db_speaks_vietnamese_with_lang_vi(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "vi", "copy-db", str(demo), str(tmp_path / "copy.sqlite3")]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].split() == ["bảng", "nguồn", "đã", "chép"]
    assert printed[-1] == f"số bản ghi khớp: {RECORDS} bản ghi trong {TABLES} bảng"


def test_copy_db_into_an_existing_file_is_refused(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "there.sqlite3"
    dest.write_bytes(b"kept")
    assert main(["copy-db", str(demo), str(dest)]) == 1
    assert refusal(capsys) == (
        f"minutes-app: {dest} already exists: copy-db writes a new file only. Choose a new "
        "file name; nothing was changed."
    )
    assert dest.read_bytes() == b"kept"


def test_copy_db_into_a_server_with_records_is_refused(
    demo: Path, server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", server_url, "demo"]) == 0
    before = exported(server_url, tmp_path / "before.json")
    capsys.readouterr()
    assert main(["copy-db", str(demo), server_url]) == 1
    line = refusal(capsys)
    assert line.startswith(f"minutes-app: {server_url} is not empty (it holds ")
    assert line.endswith(
        "a new file or a database server-setup has just made. Nothing was changed."
    )
    assert exported(server_url, tmp_path / "after.json") == before


def test_copy_db_into_a_server_database_not_set_up_says_to_run_server_setup(
    demo: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["copy-db", str(demo), pg_url]) == 1
    assert refusal(capsys) == (
        f"minutes-app: {pg_url} is an empty database: the office's administrator makes it "
        f"ready with `minutes-app server-setup {pg_url}` first."
    )


def test_copy_db_of_a_missing_source_is_refused_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert main(["copy-db", str(missing), str(tmp_path / "copy.sqlite3")]) == 1
    assert refusal(capsys) == f"minutes-app: {missing} does not exist; nothing was changed."
    assert list(tmp_path.iterdir()) == []


def test_copy_db_to_an_unreachable_server_says_so(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = "postgresql://postgres@127.0.0.1:1/minutes"
    assert main(["copy-db", str(demo), nowhere]) == 1
    # (libpq's own hint follows on a second line: server.server_error's words)
    said = capsys.readouterr()
    assert said.err.startswith(f"minutes-app: The server at {nowhere} cannot be reached")
    assert main(["copy-db", nowhere, str(tmp_path / "copy.sqlite3")]) == 1
    said = capsys.readouterr()
    assert said.err.startswith(f"minutes-app: The server at {nowhere} cannot be reached")
    assert not (tmp_path / "copy.sqlite3").exists()


def test_copy_db_into_a_missing_folder_is_refused(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "no" / "copy.sqlite3"
    assert main(["copy-db", str(demo), str(dest)]) == 1
    assert refusal(capsys) == (
        f"minutes-app: {dest.parent} does not exist: the new file's folder must be there "
        "first. Nothing was changed."
    )
    assert not dest.parent.exists()


def test_copy_db_needs_both_sides(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["copy-db", "only-one.sqlite3"]) == 2
