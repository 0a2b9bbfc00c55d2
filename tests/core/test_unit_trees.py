"""Units in long chains and wide trees: the loop checks of the importer and the directory
take time linear in the units, and a loop already stored never hangs them."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from minutes_app.cli import main
from minutes_app.core.directory import DirectoryError, merge_units, save_unit
from minutes_app.core.exchange.reading import ExchangeError, read_exchange
from minutes_app.db.engine import Database
from minutes_app.db.models import Unit
from tests.exchange_helpers import dump_tables
from tests.stores import insert_rows, sql

CHAIN = 20_000  # the quadratic checks took 51 s over a chain this long (issue 12)


def _units(count: int, parent: Callable[[int], int | None]) -> list[dict[str, Any]]:
    return [
        {
            "key": f"u{i}",
            "name": f"Đơn vị {i}",
            "parent": None if parent(i) is None else f"u{parent(i)}",
        }
        for i in range(count)
    ]


def _file(units: list[dict[str, Any]]) -> bytes:
    document = {"format": "minutes-app/exchange", "version": 1, "units": units}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _within(seconds: float, work: Callable[[], object]) -> object:
    """What ``work()`` returns, failing the test when it takes longer than ``seconds``
    (the work is left running in the background then: it may never end)."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the test below
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    started = time.perf_counter()
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    print(f"took {time.perf_counter() - started:.2f} s")
    return outcome.get("value")


def test_a_long_chain_of_units_is_read_in_linear_time() -> None:
    raw = _file(_units(CHAIN, lambda i: i - 1 if i else None))

    read = _within(10, lambda: read_exchange(raw))

    assert len(read.units) == CHAIN  # type: ignore[attr-defined]


def test_a_loop_at_the_top_of_a_long_chain_names_every_unit_below_it() -> None:
    # u0 ← u1 ← … and u0 under u2: u0, u1, u2 loop, every other unit hangs below the loop.
    units = _units(CHAIN, lambda i: i - 1 if i else 2)

    with pytest.raises(ExchangeError) as refused:
        _within(10, lambda: read_exchange(_file(units)))

    assert len(refused.value.problems) == CHAIN
    assert refused.value.problems[0] == "units[0].parent: units form a cycle"


def test_a_wide_tree_without_a_loop_is_accepted() -> None:
    units = _units(1000, lambda i: (i - 1) // 10 if i else None)
    units.append({"key": "self", "name": "Tự mình", "parent": "self"})

    with pytest.raises(ExchangeError) as refused:
        read_exchange(_file(units))

    assert refused.value.problems == ["units[1000].parent: units form a cycle"]


def test_a_long_chain_of_units_is_imported_in_linear_time(
    tmp_path: Path, store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Through the relationship, the session ordered a self-referencing table's inserts row
    # by row: 4,000 chained units took 46 s, 2,000 took 11 s.
    source = tmp_path / "chain.json"
    source.write_bytes(_file(_units(4000, lambda i: i - 1 if i else None)))

    code = _within(20, lambda: main(["--db", store, "import-json", str(source)]))

    assert code == 0
    rows = dict(
        sql(store, "SELECT name, (SELECT name FROM unit p WHERE p.id = u.parent_id) FROM unit u")
    )
    assert rows["Đơn vị 3999"] == "Đơn vị 3998"
    assert rows["Đơn vị 0"] is None


def test_two_keys_of_one_stored_unit_cannot_close_a_loop(
    tmp_path: Path, store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # "a" and "a-again" name one unit: a under b, b under a-again is a loop once merged.
    units = [
        {"key": "a", "name": "Ban A", "parent": "b"},
        {"key": "b", "name": "Ban B", "parent": "a-again"},
        {"key": "a-again", "name": "Ban A", "parent": None},
    ]
    source = tmp_path / "loop.json"
    source.write_bytes(_file(units))
    Database.open(store).close()
    before = dump_tables(store)

    code = main(["--db", store, "import-json", str(source)])

    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert err == [
        "minutes-app: units[0].parent: units form a cycle once merged with the stored units",
        "minutes-app: units[1].parent: units form a cycle once merged with the stored units",
    ]
    assert dump_tables(store) == before


# --- the directory ---------------------------------------------------------------------------


@pytest.fixture
def chained(store: str) -> Iterator[Database]:
    """A database whose units form one chain of CHAIN: "Đơn vị 0" at the top."""
    Database.open(store).close()
    insert_rows(
        store,
        "unit",
        ("id", "name", "parent_id"),
        ((i + 1, f"Đơn vị {i}", i or None) for i in range(CHAIN)),
    )
    db = Database.open(store)
    yield db
    db.close()


def _id(db: Database, name: str) -> int:
    with db.reading() as session:
        found: int = session.scalars(select(Unit.id).where(Unit.name == name)).one()
    return found


def test_putting_the_top_of_a_long_chain_under_its_bottom_is_refused_quickly(
    chained: Database,
) -> None:
    top = _id(chained, "Đơn vị 0")

    with pytest.raises(DirectoryError) as refused:
        _within(10, lambda: save_unit(chained, top, "Đơn vị 0", None, f"Đơn vị {CHAIN - 1}"))

    assert refused.value.code == "cycle"


def test_merging_units_at_the_ends_of_a_long_chain_takes_linear_time(chained: Database) -> None:
    bottom, top = _id(chained, f"Đơn vị {CHAIN - 1}"), _id(chained, "Đơn vị 0")

    _within(10, lambda: merge_units(chained, bottom, top))

    with chained.reading() as session:
        parent = session.scalar(select(Unit.parent_id).where(Unit.id == bottom))
    assert parent is None  # the bottom took the top's place


def test_a_loop_stored_by_hand_does_not_hang_an_edit(store: str) -> None:
    Database.open(store).close()
    # Each row refers to the other: on a server, foreign keys checked at the commit.
    insert_rows(store, "unit", ("id", "name", "parent_id"), [(1, "Ban A", None), (2, "Ban B", 1)])
    sql(store, "UPDATE unit SET parent_id = 2 WHERE id = 1")
    db = Database.open(store)
    try:
        created = _within(10, lambda: save_unit(db, None, "Ban C", None, "Ban A"))
        assert isinstance(created, int)
        with pytest.raises(DirectoryError):
            _within(10, lambda: save_unit(db, 1, "Ban A", None, "Ban C"))
    finally:
        db.close()
