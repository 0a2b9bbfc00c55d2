"""The command line at the edges: days at the ends of the calendar, ids beyond SQLite's
integers, output names too long for the file system. A plain message and exit 1 each,
never an "unexpected error"."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes_app.cli import main
from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.paperwork.office import Office, save_office
from minutes_app.db.engine import Database

RANGE = "out of range (1900-01-01 to 2999-12-31)"
LONG = "a" * 300  # a file name longer than any file system takes (255 bytes)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("edges") / "m.sqlite3"
    db = Database.open(path)
    try:
        load_samples(db)
        save_office(db, Office(place="Bắc Kạn"))  # set: a paper exported says nothing
    finally:
        db.close()
    return path


def _run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--from", "2023-01-01", "--to", "9999-12-31"], f"--to: 9999-12-31 is {RANGE}"),
        (
            ["report", "--from", "0001-01-01", "--to", "2023-12-31"],
            f"--from: 0001-01-01 is {RANGE}",
        ),
        (
            ["report", "--from", "2023-01-01", "--to", "2023-12-31", "--as-of", "9999-12-31"],
            f"--as-of: 9999-12-31 is {RANGE}",
        ),
        (["tasks", "--as-of", "9999-12-31"], f"--as-of: 9999-12-31 is {RANGE}"),
        (["tasks", "--as-of", "0001-01-01"], f"--as-of: 0001-01-01 is {RANGE}"),
        (
            ["export", "report", "{out}/r.pdf", "--from", "2023-01-01", "--to", "9999-12-31"],
            f"--to: 9999-12-31 is {RANGE}",
        ),
        (
            ["export", "report", "{out}/r.xlsx", "--from", "2023-01-01", "--to", "9999-12-31"],
            f"--to: 9999-12-31 is {RANGE}",
        ),
        (
            ["export", "tasks", "{out}/t.xlsx", "--as-of", "9999-12-31"],
            f"--as-of: 9999-12-31 is {RANGE}",
        ),
        (
            ["export", "calendar", "{out}/c.ics", "--as-of", "9999-12-31"],
            f"--as-of: 9999-12-31 is {RANGE}",
        ),
        (
            ["export", "minutes", "{out}/m.pdf", "--conference", str(2**63)],
            f"--conference {2**63}: no such conference",
        ),
        (
            ["export", "notice", "{out}/n.docx", "--conference", "9" * 30],
            f"--conference {'9' * 30}: no such conference",
        ),
        (
            ["export-json", f"{{out}}/{LONG}.json"],
            f"{{out}}/{LONG}.json: cannot be written (File name too long)",
        ),
        (
            ["export", "tasks", f"{{out}}/{LONG}.xlsx"],
            f"{{out}}/{LONG}.xlsx: cannot be written (File name too long)",
        ),
        (
            ["export", "minutes", f"{{out}}/{LONG}.pdf", "--conference", "1"],
            f"{{out}}/{LONG}.pdf: cannot be written (File name too long)",
        ),
        (
            ["backup", f"{{out}}/{LONG}.sqlite3"],
            f"{{out}}/{LONG}.sqlite3: cannot be written (File name too long)",
        ),
    ],
    ids=[
        "report-to-end-of-calendar",
        "report-from-year-1",
        "report-as-of-end-of-calendar",
        "tasks-as-of-end-of-calendar",
        "tasks-as-of-year-1",
        "export-report-pdf",
        "export-report-xlsx",
        "export-tasks",
        "export-calendar",
        "conference-2-to-the-63",
        "conference-30-digits",
        "export-json-long-name",
        "export-tasks-long-name",
        "export-minutes-long-name",
        "backup-long-name",
    ],
)
def test_edges_are_refused_plainly_with_exit_code_1(
    sample_db: Path,
    tmp_path: Path,
    args: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = _run(sample_db, *(a.replace("{out}", str(tmp_path)) for a in args))

    out, err = capsys.readouterr()
    assert out == ""
    assert (code, err) == (1, f"minutes-app: {message.replace('{out}', str(tmp_path))}\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--from", "1900-01-01", "--to", "2999-12-31", "--json"],
        ["tasks", "--as-of", "2999-12-31", "--json"],
        ["export", "report", "{out}/r.pdf", "--from", "1900-01-01", "--to", "2999-12-31"],
        ["export", "calendar", "{out}/c.ics", "--as-of", "2999-12-31"],
    ],
    ids=["report", "tasks", "export-report", "export-calendar"],
)
def test_the_ends_of_the_range_are_taken(
    sample_db: Path, tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = _run(sample_db, *(a.replace("{out}", str(tmp_path)) for a in args))

    assert (code, capsys.readouterr().err) == (0, "")
