"""The command line beside another copy of the program and on databases it cannot write:
a plain message and exit 1, never "unexpected error"; and a query that starts with a dash."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from minutes_app.cli import build_parser, main
from minutes_app.core.samples import load_samples
from minutes_app.core.search import search
from minutes_app.db.engine import Database
from tests.conftest import REPO


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
