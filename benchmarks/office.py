"""The office at work: many clients on one server at once (issue 16, point 7).

    python benchmarks/office.py postgresql://LOGIN@HOST/DB [--clients 20] [--actions 200]

The database must be set up and filled (server-setup, then generate.py or copy-db); each
client is a process of its own with its own connections, as each clerk's program is. Each
does ``--actions`` mixed actions, in a fixed shuffled order:

- read the register (the first page of the overdue tasks, as the window's first screen);
- act on a task (a progress note with the version it read: refused if someone wrote first);
- save a conference (read it, change its notes, save with the version read).

Between two actions a client pauses ``--pause`` seconds on average, at random (a clerk
reads and types; 0: as fast as it can). The clients run on this one machine beside the
server, and their own Python work (each clerk's program has a PC of its own) competes for
the same two cores: without pauses the figures measure that more than the server.

The tasks and conferences are drawn from a small shared set, so that clients meet on the
same rows and some actions are refused as stale. The run prints throughput, the median and
95th percentile of each kind of action, and how many were refused; each beside a plain
psycopg client that sends the same kind of statement (the read of a page; an event and a
version bump; an update of a conference) under the same load, run just after. Afterwards it
checks that every action reported done is in the database (its note, its conference's
notes) and that the change log holds one entry for each, and none for a refused one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import random
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KINDS = ("read register", "act on a task", "save a conference")
WEIGHTS = (5, 4, 1)
SHARED_TASKS = 40
SHARED_CONFERENCES = 20


def _plan(seed: int, actions: int) -> list[str]:
    chooser = random.Random(seed)
    return chooser.choices(KINDS, WEIGHTS, k=actions)


def _client(
    url: str,
    number: int,
    actions: int,
    tasks: list[int],
    conferences: list[int],
    pause: float,
    run: str,
) -> Any:
    from minutes_app.core.conferences.loading import load_conference
    from minutes_app.core.conferences.saving import save_conference
    from minutes_app.core.tasks import actions as task_actions
    from minutes_app.core.tasks.query import TaskQuery, TaskRegister
    from minutes_app.db.engine import Database
    from minutes_app.db.locks import DatabaseBusy
    from minutes_app.db.models import Task
    from minutes_app.db.versions import StaleRecord

    db = Database.open(url)
    chooser = random.Random(number)
    timings: dict[str, list[float]] = defaultdict(list)
    outcomes: list[tuple[str, str, int, str]] = []  # (kind, done|stale|busy, id, tag)
    query = TaskQuery(as_of=dt.date.today(), classes=frozenset({"overdue"}))
    try:
        for n, kind in enumerate(_plan(number, actions)):
            tag = f"{run}c{number}-{n}"
            time.sleep(chooser.uniform(0, 2 * pause))  # a clerk's pace: reading, typing
            start = time.perf_counter()
            outcome, record = "done", 0
            try:
                if kind == "read register":
                    TaskRegister(db, query).page(0, 100)
                elif kind == "act on a task":
                    record = chooser.choice(tasks)
                    with db.reading() as session:
                        found = session.get(Task, record)
                        assert found is not None
                        read = {record: found.version}
                    task_actions.add_progress(db, [record], tag, by=db.user, read=read)
                else:
                    record = chooser.choice(conferences)
                    form = load_conference(db, record)
                    save_conference(db, replace(form, notes=tag), by=db.user)
            except StaleRecord:
                outcome = "stale"
            except DatabaseBusy:
                outcome = "busy"
            timings[kind].append(time.perf_counter() - start)
            outcomes.append((kind, outcome, record, tag))
    finally:
        db.close()
    return dict(timings), outcomes


def _plain_client(
    url: str,
    number: int,
    actions: int,
    tasks: list[int],
    conferences: list[int],
    pause: float,
    run: str,
) -> Any:
    """The reference: the same kinds of statement through one plain psycopg connection
    (the register's read: the open tasks past their deadline, by deadline, along its index)."""
    import psycopg

    chooser = random.Random(number)
    timings: dict[str, list[float]] = defaultdict(list)
    with psycopg.connect(url) as connection:
        for n, kind in enumerate(_plan(number, actions)):
            time.sleep(chooser.uniform(0, 2 * pause))
            start = time.perf_counter()
            if kind == "read register":
                connection.execute(
                    "SELECT t.id, t.title, t.deadline, u.name FROM task t JOIN unit u "
                    "ON u.id = t.lead_unit_id WHERE t.status = 'open' "
                    "AND t.deadline < current_date ORDER BY t.deadline LIMIT 100"
                ).fetchall()
                connection.rollback()
            elif kind == "act on a task":
                task = chooser.choice(tasks)
                connection.execute(
                    "INSERT INTO task_event (task_id, at, kind, note) "
                    "VALUES (%s, localtimestamp(0), 'progress', %s)",
                    (task, f"plain {number}-{n}"),
                )
                connection.execute("UPDATE task SET version = version + 1 WHERE id = %s", (task,))
                connection.commit()
            else:
                connection.execute(
                    "UPDATE conference SET notes = %s, version = version + 1 WHERE id = %s",
                    (f"plain {number}-{n}", chooser.choice(conferences)),
                )
                connection.commit()
            timings[kind].append(time.perf_counter() - start)
    return dict(timings), []


def _run(
    url: str,
    clients: int,
    actions: int,
    work: Any,
    shared: tuple[list[int], list[int]],
    pause: float,
    run: str,
) -> tuple[float, dict[str, list[float]], list[tuple[str, str, int, str]]]:
    tasks, conferences = shared
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(clients, mp_context=context) as pool:
        pool.submit(int, 0).result()  # the processes are up before the clock starts
        started = time.perf_counter()
        futures = [
            pool.submit(work, url, number, actions, tasks, conferences, pause, run)
            for number in range(clients)
        ]
        results = [f.result() for f in futures]
        elapsed = time.perf_counter() - started
    timings: dict[str, list[float]] = defaultdict(list)
    outcomes: list[tuple[str, str, int, str]] = []
    for client_timings, client_outcomes in results:
        for kind, values in client_timings.items():
            timings[kind].extend(values)
        outcomes.extend(client_outcomes)
    return elapsed, timings, outcomes


def _ms(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _check(
    url: str, outcomes: list[tuple[str, str, int, str]], log_before: int, run: str
) -> list[str]:
    """What is missing: a done action not in the database, a log entry too many or few."""
    import psycopg

    problems: list[str] = []
    with psycopg.connect(url) as connection:
        notes = {
            r[0]: r[1]
            for r in connection.execute(
                "SELECT note, task_id FROM task_event WHERE note LIKE %s", (f"{run}c%",)
            )
        }
        entries = Counter(
            r[0]
            for r in connection.execute(
                "SELECT entity FROM change_log WHERE id > %s AND (entity = 'task_event' "
                "OR (entity = 'conference' AND changes::jsonb ? 'notes'))",
                (log_before,),
            )
        )
        last_notes = {r[0]: r[1] for r in connection.execute("SELECT id, notes FROM conference")}
    done = [o for o in outcomes if o[1] == "done"]
    for kind, _, record, tag in done:
        if kind == "act on a task" and notes.get(tag) != record:
            problems.append(f"lost: {tag} on task {record}")
    refused_tags = {o[3] for o in outcomes if o[1] != "done"}
    problems += [f"written though refused: {t}" for t in refused_tags if t in notes]
    acted = sum(1 for o in done if o[0] == "act on a task")
    saved = sum(1 for o in done if o[0] == "save a conference")
    if entries["task_event"] != acted:
        problems.append(f"log: {entries['task_event']} task events for {acted} notes")
    if entries["conference"] != saved:
        problems.append(f"log: {entries['conference']} conference saves for {saved} saves")
    last = {}
    for kind, _, record, tag in done:
        if kind == "save a conference":
            last[record] = tag
    problems += [
        f"conference {c}: the last save is not what is stored"
        for c, tag in last.items()
        if last_notes.get(c) is None or not str(last_notes[c]).startswith(run)
    ]
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument(
        "--pause",
        type=float,
        default=1.0,
        help="a clerk's mean pause between actions, in seconds (0: as fast as they can)",
    )
    options = parser.parse_args()
    run = f"r{int(time.time())}-"  # this run's marks, apart from an earlier run's

    import psycopg

    with psycopg.connect(options.url) as connection:
        tasks = [
            r[0]
            for r in connection.execute(
                "SELECT id FROM task WHERE status IN ('open', 'in_progress') ORDER BY id LIMIT %s",
                (SHARED_TASKS,),
            )
        ]
        conferences = [
            r[0]
            for r in connection.execute(
                "SELECT id FROM conference WHERE deleted_at IS NULL AND signed_off_at IS NULL "
                "ORDER BY id LIMIT %s",
                (SHARED_CONFERENCES,),
            )
        ]
        log_before = connection.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]
        task_count = connection.execute("SELECT count(*) FROM task").fetchone()[0]

    shared = (tasks, conferences)
    load = (options.clients, options.actions)
    elapsed, timings, outcomes = _run(options.url, *load, _client, shared, options.pause, run)
    problems = _check(options.url, outcomes, log_before, run)
    plain_elapsed, plain, _ = _run(options.url, *load, _plain_client, shared, options.pause, run)

    total = options.clients * options.actions
    print(
        f"{options.clients} clients × {options.actions} actions on {task_count:,} tasks "
        f"({len(tasks)} tasks and {len(conferences)} conferences shared), "
        f"a mean pause of {options.pause:g} s between a client's actions"
    )
    print(
        f"throughput: {total / elapsed:.0f} actions/s (plain psycopg: "
        f"{total / plain_elapsed:.0f}/s); whole run {elapsed:.1f} s"
    )
    print(
        f"{'action':<20}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'plain p50':>11}"
        f"{'plain p95':>11}{'refused':>9}"
    )
    refused = Counter(o[0] for o in outcomes if o[1] != "done")
    for kind in KINDS:
        values = timings.get(kind, [])
        print(
            f"{kind:<20}{len(values):>7}{_ms(values, 0.5):>9.1f}{_ms(values, 0.95):>9.1f}"
            f"{_ms(plain.get(kind, []), 0.5):>11.1f}{_ms(plain.get(kind, []), 0.95):>11.1f}"
            f"{refused[kind]:>9}"
        )
    every = [v for values in timings.values() for v in values]
    print(f"{'all':<20}{len(every):>7}{_ms(every, 0.5):>9.1f}{_ms(every, 0.95):>9.1f}")
    busy = sum(1 for o in outcomes if o[1] == "busy")
    print(f"refused as stale: {sum(refused.values()) - busy}; gave up waiting: {busy}")
    if problems:
        print("PROBLEMS:\n  " + "\n  ".join(problems[:20]))
        return 1
    print("checked: no action lost, none refused written; the change log has one entry each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
