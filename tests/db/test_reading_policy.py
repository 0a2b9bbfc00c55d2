"""The policy for reading and writing the database (minutes_app/db/__init__.py) holds.

What a clerk types reaches the database only as bound parameters, never written into the
text of a statement (the search on either store); and no module outside ``minutes_app.db``
talks to the sqlite3 driver.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from minutes_app.core.exchange.importing import import_exchange
from minutes_app.core.exchange.reading import read_exchange
from minutes_app.core.search import search
from minutes_app.core.tasks.query import TaskQuery, TaskRegister, registers_led_by
from minutes_app.db.engine import Database
from tests.exchange_helpers import import_document, load_json
from tests.stores import STORES, open_store

REPO = Path(__file__).resolve().parents[2]

# Quotes, LIKE's wildcards, an SQL comment and a statement of its own, as a clerk may type
# them into the register's filter or the search box.
HOSTILE = "O'Brien 50% a_b x--y zq'; DROP TABLE task; --"
# Pieces of it (folded, as the filter compares) that no statement of the program holds.
IN_NO_STATEMENT = ("brien", "50%", "a_b", "x--y", "zq'", "drop table")
AS_OF = dt.date(2024, 1, 1)  # after every extension: the register reads without look-back
LOOKING_BACK = dt.date(2023, 3, 1)  # before an extension: deadlines need look-back


def _hostile_document(example_json: Path) -> dict[str, Any]:
    """The example, one of whose tasks has the hostile words in its title."""
    document = load_json(example_json)
    task = document["conferences"][0]["instructions"][0]["tasks"][1]
    task["title"] = f"Rà soát hồ sơ {HOSTILE}"
    return document


@pytest.fixture
def hostile_db(db_path: Path, example_json: Path) -> Iterator[Database]:
    import_document(db_path, _hostile_document(example_json))
    db = Database.open(db_path)
    try:
        yield db
    finally:
        db.close()


@pytest.fixture(params=STORES)
def hostile_store(request: pytest.FixtureRequest, tmp_path: Path, example_json: Path) -> Database:
    """The hostile example on each store."""
    db = open_store(request, tmp_path, request.param, samples=False)
    raw = json.dumps(_hostile_document(example_json)).encode("utf-8")
    import_exchange(db, read_exchange(raw))
    return db


def _statements(db: Database) -> list[tuple[str, Any]]:
    """Every statement (and its parameters) sent to the database through the engine from
    now on."""
    seen: list[tuple[str, Any]] = []

    def before(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
    ) -> None:
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", before)
    return seen


def _assert_bound(seen: list[tuple[str, Any]], *expected_in_parameters: str) -> None:
    assert seen, "no statement went through the engine"
    for statement, _parameters in seen:
        for piece in IN_NO_STATEMENT:
            assert piece not in statement.lower(), f"{piece!r} written into SQL: {statement}"
    parameters = repr([p for _s, p in seen]).lower()
    for piece in expected_in_parameters:
        assert piece in parameters


@pytest.mark.parametrize("sort", ["class", "deadline", "title", "lead_unit"])
@pytest.mark.parametrize("classes", [frozenset(), frozenset({"in_progress", "overdue"})])
@pytest.mark.parametrize("as_of", [AS_OF, LOOKING_BACK])
def test_register_filter_words_reach_sqlite_only_as_bound_parameters(
    hostile_db: Database, sort: str, classes: frozenset[str], as_of: dt.date
) -> None:
    seen = _statements(hostile_db)
    query = TaskQuery(as_of=as_of, text=HOSTILE, sort=sort, classes=classes)
    register = TaskRegister(hostile_db, query)
    assert register.look_back == (as_of == LOOKING_BACK)
    rows = register.page(0, 50)
    assert [r.title for r in rows] == [f"Rà soát hồ sơ {HOSTILE}"]
    assert register.page(1, 50) == []  # the page after the last row
    assert register.count() == 1
    assert sum(register.class_counts().values()) == 1
    assert sum(sum(c.values()) for c in register.counts_by_lead_unit().values()) == 1
    _assert_bound(seen, "o'brien", "zq'", "x--y")


def test_a_unit_name_never_reaches_sql(hostile_db: Database) -> None:
    # The unit filter folds the units' names in Python (one fold() for both stores): the
    # name typed is compared there, and SQL sees only the ids it chose.
    seen = _statements(hostile_db)
    assert registers_led_by(hostile_db, TaskQuery(as_of=AS_OF), HOSTILE) == []
    _assert_bound(seen)
    assert "brien" not in repr(seen).lower()


def test_search_words_reach_the_database_only_as_bound_parameters(
    hostile_store: Database,
) -> None:
    seen = _statements(hostile_store)
    hits = search(hostile_store, HOSTILE)
    assert [h.label for h in hits.of_kind("task")] == [f"Rà soát hồ sơ {HOSTILE}"]
    _assert_bound(seen, "brien", "zq")


def test_no_module_outside_db_imports_sqlite3() -> None:
    # The import-linter contract of pyproject.toml, run alone.
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--contract", "sqlite3-only-in-db", "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
