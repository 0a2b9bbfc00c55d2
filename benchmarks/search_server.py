"""Measure search on the office's PostgreSQL server against the same SQL sent by hand.

    python benchmarks/search_server.py postgresql://LOGIN@HOST/DB [--repeat 20] [--sqlite PATH]

The database must be set up (server-setup) and filled, e.g. with ``copy-db`` from the
200,000-task file generate.py builds. For each query (a one-letter prefix, common words, a
rarer word, a word found nowhere) it prints the median milliseconds of ``search()`` (the
pool, the look at the index's notes, one snapshot, ranking, counting, the records, the
hits made) and of the same statements through one plain psycopg connection (the ranked
windows of every kind in one statement, the counts of full windows, each kind's best
records), their ratio, and with ``--sqlite`` the same search on the SQLite file.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

QUERIES = {
    "one-letter prefix": "t",
    "two-letter prefix": "qu",
    "common word": "tai ",
    "common words, prefix": "quan ly",
    "rarer word": "70 ",
    "found nowhere": "khuoi",
}


def median_ms(run: Callable[[], object], repeat: int) -> float:
    run()  # warm: the first run reads the pages from disk
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def plain_search(connection: Any, query: str) -> list[Any]:
    """What search() sends for ``query``, through a plain connection: the same SQL."""
    from psycopg.types.string import TextLoader

    from minutes_app.core import search as search_module
    from minutes_app.db.search_index import (
        _RECORDS,
        BY_KIND,
        _ranked_kinds_sql,
        server_count_sql,
        tsquery_expression,
    )

    kinds = search_module.KINDS
    terms = search_module.query_terms(query)
    match, rank = tsquery_expression(terms), tsquery_expression(terms, "|")
    connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
    try:
        windows: dict[int, list[tuple[int, float]]] = {i: [] for i in range(len(kinds))}
        sql = _ranked_kinds_sql(kinds, search_module.WINDOW, True)
        for index, rowid, value in connection.execute(sql, (match, rank) * len(kinds)):
            windows[index].append((rowid, value))
        found = []
        for index, kind in enumerate(kinds):
            ranked = windows[index]
            if len(ranked) == search_module.WINDOW:
                count_sql = server_count_sql(BY_KIND[kind], search_module.COUNT_CAP + 1)
                connection.execute(count_sql, (match,)).fetchone()
            best = [r[0] for r in sorted(ranked, key=lambda r: r[1])[: search_module.LIMIT]]
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
    print(f"{'query':<32}{'search ms':>10}{'plain ms':>10}{'ratio':>7}{'sqlite ms':>11}  counts")
    for name, query in QUERIES.items():
        hits = search(server, query)
        app = median_ms(lambda q=query: search(server, q), args.repeat)  # type: ignore[misc]
        raw = median_ms(lambda q=query: plain_search(plain, q), args.repeat)  # type: ignore[misc]
        lite = (
            f"{median_ms(lambda q=query: search(local, q), args.repeat):11.1f}"  # type: ignore[misc, arg-type]
            if local is not None
            else f"{'-':>11}"
        )
        counts = " ".join(f"{k}={hits.total_text(k)}" for k in hits.counts)
        print(
            f"{name + ' ' + repr(query):<24}{app:10.1f}{raw:10.1f}{app / raw:7.2f}{lite}  {counts}"
        )
    plain.close()
    server.close()


if __name__ == "__main__":
    main()
