"""The command line beside another copy of the program and on databases it cannot write:
a plain message and exit 1, never "unexpected error"; and a query that starts with a dash."""

from __future__ import annotations

import json
import re
import shlex
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from importlib.resources import files
from pathlib import Path

import pytest

from minutes_app.cli import build_parser, main
from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.search import search
from minutes_app.db.engine import Database
from tests.conftest import REPO

SAMPLE_JSON = Path(str(files("minutes_app.resources") / "sample" / "conferences.json"))


@pytest.fixture
def samples(db_path: Path) -> Path:
    db = Database.open(db_path)
    load_samples(db)
    db.close()
    return db_path


# --- a query that starts with a dash --------------------------------------------------------


def test_a_query_after_double_dash_is_searched_not_read_as_an_option(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build_parser().parse_args(["search", "--", "-Ba"]).query == "-Ba"

    code = main(["--db", str(samples), "search", "--json", "--", "-Ba"])

    out = capsys.readouterr().out
    db = Database.open(samples)
    expected = [hit.to_json() for hit in search(db, "-Ba")]
    db.close()
    assert code == 0
    assert json.loads(out) == expected != []


def test_the_readme_shows_the_double_dash_and_its_example_works(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    examples = re.findall(r"`(minutes-app search -- -[^`]+)`", section)
    assert examples, "the command-line section does not show `search -- -…`"

    words = shlex.split(examples[0])[1:]
    code = main(["--db", str(samples), *words])

    assert code == 0
    assert "Huyện ủy Ba Bể" in capsys.readouterr().out


# --- another copy holds a lock ----------------------------------------------------------------

BUSY = (
    "minutes-app: the database is busy: another copy of minutes-app is writing to it; try again\n"
)


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Busy timeouts of a fraction of a second, so that a test does not wait 10 s for them."""
    from minutes_app.db import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(engine, "OPEN_WAIT_MS", 300)


@contextmanager
def holding(path: Path, begin: str) -> Iterator[sqlite3.Connection]:
    """Another program's connection to ``path`` in a transaction begun with ``begin``."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute(begin)
        other.execute("INSERT INTO unit (name) VALUES ('Đơn vị của chương trình khác')")
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


def rows(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.mark.usefixtures("short_waits")
@pytest.mark.parametrize(
    "command", [["demo"], ["import-json", str(SAMPLE_JSON)]], ids=["demo", "import-json"]
)
def test_a_write_beside_a_copy_holding_the_write_lock_says_the_database_is_busy(
    db_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    Database.open(db_path).close()

    with holding(db_path, "BEGIN IMMEDIATE"):
        code = main(["--db", str(db_path), *command])

    assert (code, capsys.readouterr()) == (1, ("", BUSY))
    assert rows(db_path, "conference") == 0


@pytest.mark.usefixtures("short_waits")
def test_a_read_of_a_rollback_journal_database_locked_for_writing_says_busy(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with closing(sqlite3.connect(samples)) as conn:
        assert conn.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)

    with holding(samples, "BEGIN EXCLUSIVE"):  # in a rollback journal, readers wait too
        code = main(["--db", str(samples), "conferences"])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.startswith("minutes-app: ") and err.count("\n") == 1
    assert "is busy: another copy of minutes-app is writing to it; try again" in err


def test_a_rollback_journal_database_another_program_is_writing_to_is_still_read(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with closing(sqlite3.connect(samples)) as conn:
        assert conn.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)

    started = time.monotonic()
    with holding(samples, "BEGIN IMMEDIATE"):  # readers may read beside it; WAL cannot start
        code = main(["--db", str(samples), "conferences", "--json"])
    took = time.monotonic() - started

    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert len(json.loads(out)) == 5
    assert took < 5, f"waited {took:.1f} s for a lock it did not need"
