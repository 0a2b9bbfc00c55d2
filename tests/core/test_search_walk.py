"""On a server, a search of several words walks the newest rows first and reads the GIN
index only for what the walk leaves (db/search_index.newest_matches_sql): it finds the
rows the plan PostgreSQL would choose finds, the hits SQLite finds, and reads no more
rows than the walk allows where the words match often."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import text

from minutes_app.core import search as search_module
from minutes_app.core.search import KINDS, search
from minutes_app.core.tasks.actions import NewTasks, create_tasks
from minutes_app.db import search_index
from minutes_app.db.engine import Database
from minutes_app.db.search_index import (
    BY_KIND,
    IndexQuery,
    Walk,
    server_count_sql,
    server_ranked_sql,
    tsquery_expression,
)
from tests.stores import open_store

TASKS = 240  # created after the samples' tasks, the newest last


def title(i: int) -> str:
    """The title of the ``i``-th task created (0 the oldest)."""
    words = ["Kiểm tra đợt", str(i)]
    # Nine in ten: two words nearly always together; the tenth never with "Ba".
    words.append("ở Phước Long" if i % 10 == 0 else "ở Ba Bể")
    if i in (3, 118, 201):
        words.append("bản Khuổi")  # rare
    if i >= TASKS - 6 or i % 37 == 0:
        words.append("thôn Nà Mạ")  # often among the newest, seldom before them
    if i % 8 == 3:
        words.append("xã Na Rì")  # one in eight
    return " ".join(words)


QUERIES = [
    "ba be",  # nine in ten
    "kiem tra",  # every one (and some of the samples' tasks)
    "ba be khuoi ",  # three, with the common pair
    "khuoi ban",
    "na ma",  # all but one of the newest eight, then one in 37
    "na ri",  # one in eight
    "ba be na r",  # one in nine, the last word a prefix
    "dot 1",  # "1", "10" to "19", "100" to "199"
    "ba long",  # never together
    "ba khuoi long",  # nowhere
]
# (window, cap) as search asks (cap = COUNT_CAP + 1), and smaller, as the tests ask.
WINDOWS = [(5, 13), (6, 6), (20, 60), (search_module.WINDOW, search_module.COUNT_CAP + 1)]
# Walks of a few rows, so that the sample, the walk on and the GIN index all have their
# turn in 280 tasks; the search's own, which walks them all.
WALKS = [Walk(8, 40), Walk(1, 1), Walk(3, 7), Walk(16, 100), search_index.WALK]


GONE = (120, 235)  # tasks removed: ids missing, one among the newest 8


def make_tasks(db: Database) -> None:
    with db.engine.connect() as connection:
        instruction = connection.exec_driver_sql("SELECT min(id) FROM instruction").scalar()
    record = create_tasks(
        db,
        NewTasks(
            instruction_id=int(instruction),
            titles=tuple(title(i) for i in range(TASKS)),
            lead_units=("Văn phòng Tỉnh ủy",),
        ),
    )
    gone = ", ".join(str(record.created_tasks[i]) for i in GONE)
    with db.transaction() as session:
        for table in ("task_event", "task_support"):
            session.execute(text(f"DELETE FROM {table} WHERE task_id IN ({gone})"))
        session.execute(text(f"DELETE FROM task WHERE id IN ({gone})"))


@pytest.fixture(scope="module")
def stores(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Database, Database]:
    """The samples and the tasks above, in an SQLite file and on the server (the same
    ids)."""
    folder = tmp_path_factory.mktemp("walk")
    both = open_store(request, folder, "sqlite"), open_store(request, folder, "postgresql")
    for db in both:
        make_tasks(db)
        search(db, "ba be")  # the index brought in step
    return both


@pytest.fixture
def server(stores: tuple[Database, Database]) -> str:
    address = stores[1].server
    assert address is not None
    return address.url


def sought(query: str) -> IndexQuery:
    terms = search_module.query_terms(query)
    return IndexQuery(tsquery_expression(terms), tsquery_expression(terms, "|"), len(terms) > 1)


def rows(url: str, sql: str, parameters: dict[str, str]) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url) as connection:
        return sorted(tuple(r) for r in connection.execute(sql, parameters).fetchall())


@pytest.mark.postgresql
@pytest.mark.parametrize("query", QUERIES)
def test_the_walk_finds_the_rows_the_planned_query_finds(server: str, query: str) -> None:
    parameters = sought(query).named
    for kind in ("task", "conference", "unit"):
        for window, cap in WINDOWS:
            planned = rows(server, server_ranked_sql(BY_KIND[kind], window, cap, None), parameters)
            counted = rows(server, server_count_sql(BY_KIND[kind], cap, None), parameters)
            for walk in WALKS:
                found = server_ranked_sql(BY_KIND[kind], window, cap, walk)
                assert rows(server, found, parameters) == planned, (kind, window, cap, walk)
                count = server_count_sql(BY_KIND[kind], cap, walk)
                assert rows(server, count, parameters) == counted, (kind, cap, walk)


def test_the_tasks_are_as_the_walk_tests_need(stores: tuple[Database, Database]) -> None:
    # What the queries above are about: a pair in most tasks, words in few, none.
    local = stores[0]
    assert search(local, "ba be").total("task") == TASKS * 9 // 10 - 1
    assert search(local, "ba be khuoi ").total("task") == 3
    assert search(local, "ba long").total("task") == 0
    assert search(local, "na ma").total("task") == 5 + len(range(0, TASKS - 6, 37))


@pytest.mark.postgresql
@pytest.mark.parametrize("query", QUERIES)
def test_the_server_finds_what_sqlite_finds_walking_a_few_rows(
    stores: tuple[Database, Database], query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Search itself, with a walk of 8 rows and windows of 5: every part of the statement
    # has its turn; the hits and counts are SQLite's.
    monkeypatch.setattr(search_module, "WINDOW", 5)
    monkeypatch.setattr(search_module, "COUNT_CAP", 12)
    monkeypatch.setattr(search_index, "WALK", Walk(8, 40))
    local, server = (search(db, query, limit=4) for db in stores)
    assert (server.counts, server.more) == (local.counts, local.more)
    for kind in KINDS:
        there = {h.id: h for h in server.of_kind(kind)}
        here = {h.id: h for h in local.of_kind(kind)}
        if local.total(kind) <= 4:
            assert there == here, kind
        else:  # which are shown past the limit depends on each store's ranking
            assert len(there) == len(here)
            assert all(there[i] == here[i] for i in there.keys() & here.keys()), kind


def reads(url: str, query: str, window: int, cap: int, walk: Walk) -> tuple[int, int]:
    """(rows of search_task read along its key, rows read otherwise: through the GIN index
    or the whole table) by the ranked statement for ``query``, as EXPLAIN ANALYZE counts
    them; -1 for the second when the statement never read the table otherwise."""
    import psycopg

    sql = server_ranked_sql(BY_KIND["task"], window, cap, walk)
    with psycopg.connect(url) as connection:
        [[plan]] = connection.execute(
            "EXPLAIN (ANALYZE, FORMAT JSON) " + sql, sought(query).named
        ).fetchall()
    plan = plan if isinstance(plan, list) else json.loads(plan)
    walked, other, other_ran = 0, 0, False

    def indexes(node: dict[str, Any]) -> set[str]:
        found = {node["Index Name"]} if "Index Name" in node else set()
        return found.union(*(indexes(child) for child in node.get("Plans", ())))

    def visit(node: dict[str, Any]) -> None:
        nonlocal walked, other, other_ran
        if node.get("Subplan Name") == "CTE top":  # the look at the newest id
            return
        if node.get("Relation Name") == "search_task":
            read = node["Actual Rows"] * node["Actual Loops"]
            read += node.get("Rows Removed by Filter", 0)
            read += node.get("Rows Removed by Index Recheck", 0)
            # Along the key: an index scan of the ids, or (on a table this small,
            # PostgreSQL may prefer it) a bitmap of a range of them, then sorted.
            if indexes(node) == {"search_task_pkey"}:
                walked += read
            else:
                other += read
                other_ran = other_ran or node["Actual Loops"] > 0
        for child in node.get("Plans", ()):
            visit(child)

    visit(plan[0]["Plan"])
    return walked, other if other_ran else -1


@pytest.mark.postgresql
def test_words_found_in_most_rows_are_walked_to_the_cap_and_no_further(server: str) -> None:
    # Nine in ten: the sample (8 rows) and the walk on to the 13th match (at most the 40
    # next ids); the rest of the table is not read, however many match there.
    for query in ("ba be", "kiem tra"):
        walked, other = reads(server, query, 5, 13, Walk(8, 40))
        assert 13 <= walked <= 8 + 40
        assert other == -1


@pytest.mark.postgresql
def test_rare_words_are_sampled_then_read_through_the_gin_index(server: str) -> None:
    walked, other = reads(server, "ba be khuoi ", 5, 13, Walk(8, 40))
    assert walked == 7  # the sample only (8 ids, 7 tasks): none match, no walk on
    assert other >= 0
    walked, other = reads(server, "ba long", 5, 13, Walk(8, 40))
    assert walked == 7
    assert other >= 0


@pytest.mark.postgresql
def test_a_walk_that_falls_short_leaves_the_rest_to_the_gin_index(server: str) -> None:
    # "Nà Mạ": 5 of the newest 8 ids (7 tasks: a walk looks cheap), 1 in the next 40
    # (39 tasks), 6 older.
    walked, other = reads(server, "na ma", 5, 13, Walk(8, 40))
    assert walked == 7 + 40
    assert other >= 0


@pytest.mark.postgresql
@pytest.mark.parametrize("query", QUERIES)
def test_no_walk_reads_more_than_its_bound(server: str, query: str) -> None:
    for walk in (Walk(8, 40), Walk(3, 7), Walk(16, 100)):
        walked, _other = reads(server, query, 5, 13, walk)
        assert walked <= walk.sample + walk.further
