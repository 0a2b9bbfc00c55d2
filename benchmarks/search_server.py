"""Measure search on the office's PostgreSQL server against the same SQL sent by hand.

    python benchmarks/search_server.py postgresql://LOGIN@HOST/DB [--repeat 20] [--sqlite PATH]

The database must be set up (server-setup) and filled, e.g. with ``copy-db`` from the
200,000-task file generate.py builds. For each query (README's, a one- and a two-letter
prefix, common words, a rarer word alone and with a common one, three words seldom
together, a word found nowhere, two common words never together) it prints the
median (and least) milliseconds of ``search()`` (the pool, the look at the index's notes,
one snapshot, the ranked and counted windows, the records, the hits made) and of the same
statements through one plain psycopg connection, their ratio; then the plain connection
with the statements search sent before it walked the newest rows first for several words
(``newest_matches_sql`` without a walk: the plan left to PostgreSQL's estimates), and with
``--sqlite`` the same search on the SQLite file. All are taken in turn, so that a busy
machine slows each alike.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

QUERIES = {
    "README's": "ba be",
    "one-letter prefix": "t",
    "two-letter prefix": "qu",
    "common word": "tai ",
    "common words, prefix": "quan ly",
    "rarer word": "70 ",
    "common and rarer word": "tai 70 ",
    "three words, seldom together": "kiem tra ba be",
    "found nowhere": "khuoi",
    "two words never together": "ba long",
}


def timed_ms(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Milliseconds of each of ``runs``, taken in turn ``repeat`` times (so that a busy
    machine slows each alike), after one warming run each."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for run in runs.values():
        run()
    for _ in range(repeat):
        for name, run in runs.items():
            started = time.perf_counter()
            run()
            times[name].append((time.perf_counter() - started) * 1000)
    return times


def plain_search(connection: Any, query: str, *, planned: bool = False) -> list[Any]:
    """What search() sends for ``query``, through a plain connection: the same SQL (the
    ranked windows of every kind, with the counts, in one statement; each kind's best
    records), without the pool, the look at the index's notes or the hits made. With
    ``planned``, the windows as search found them before it walked first for several
    words: in the statement whose plan PostgreSQL chooses from its estimates."""
    from psycopg.types.string import TextLoader

    from minutes_app.core import search as search_module
    from minutes_app.db.search_index import (
        _RECORDS,
        WALK,
        _ranked_kinds_sql,
        tsquery_expression,
    )

    kinds = search_module.KINDS
    terms = search_module.query_terms(query)
    match, rank = tsquery_expression(terms), tsquery_expression(terms, "|")
    sql = _ranked_kinds_sql(
        kinds,
        search_module.WINDOW,
        server=True,
        cap=search_module.COUNT_CAP + 1,
        walk=None if planned or len(terms) < 2 else WALK,
    )
    connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
    try:
        windows: dict[int, list[tuple[int, float]]] = {i: [] for i in range(len(kinds))}
        for index, rowid, value in connection.execute(sql, {"q": match, "r": rank}):
            if value is not None:
                windows[index].append((rowid, value))
        found = []
        for index, kind in enumerate(kinds):
            ranked = sorted(windows[index], key=lambda r: r[1])
            best = [r[0] for r in ranked[: search_module.LIMIT]]
            if best:
                marks = ", ".join(["%s"] * len(best))
                sql = f"{_RECORDS[kind]}({marks})".replace("group_concat(", "string_agg(")
                with connection.cursor() as cursor:
                    cursor.adapters.register_loader("date", TextLoader)
                    found.extend(cursor.execute(sql, best).fetchall())
        return found
    finally:
        connection.rollback()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url", help="a set-up, filled database on a PostgreSQL server")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--sqlite", type=Path, help="the same data in an SQLite file")
    args = parser.parse_args()

    import psycopg

    from minutes_app.core.search import search
    from minutes_app.db.engine import Database

    server = Database.open(args.url)
    local = Database.open(args.sqlite) if args.sqlite else None
    plain = psycopg.connect(args.url)
    print(
        f"{'query':<46}{'search ms':>17}{'plain ms':>17}{'ratio':>7}"
        f"{'plain before ms':>17}{'sqlite ms':>17}  counts"
    )
    median = f"{'median (min)':>17}"
    print(f"{'':<46}{median}{median}{'':>7}{median}{median}")
    for name, query in QUERIES.items():
        hits = search(server, query)
        runs: dict[str, Callable[[], object]] = {
            "search": lambda q=query: search(server, q),  # type: ignore[misc]
            "plain": lambda q=query: plain_search(plain, q),  # type: ignore[misc]
            "before": lambda q=query: plain_search(plain, q, planned=True),  # type: ignore[misc]
        }
        if local is not None:
            runs["sqlite"] = lambda q=query: search(local, q)  # type: ignore[misc]
        times = timed_ms(runs, args.repeat)
        shown = {k: f"{statistics.median(v):9.1f} ({min(v):5.1f})" for k, v in times.items()}
        ratio = statistics.median(times["search"]) / statistics.median(times["plain"])
        counts = " ".join(f"{k}={hits.total_text(k)}" for k in hits.counts)
        label = f"{name} {query!r}"
        print(
            f"{label:<46}{shown['search']:>17}{shown['plain']:>17}{ratio:7.2f}"
            f"{shown['before']:>17}{shown.get('sqlite', '-'):>17}  {counts}"
        )
    plain.close()
    server.close()


if __name__ == "__main__":
    main()
