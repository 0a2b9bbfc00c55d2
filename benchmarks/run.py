"""Measure minutes-app on a 200,000-task database, each figure beside its reference.

    python benchmarks/run.py --json [--db PATH] [--repeat 5]
    python benchmarks/run.py --json --db postgresql://HOST/DBNAME

Builds the database with generate.py the first time (or reuses PATH) and prints one JSON
object of medians: startup_ms (process start to main window painted) and bare_qt_ms (an
empty PySide6 window), register_first_rows_ms, overdue_filter_ms and
overdue_raw_sqlite_ms (the same rows written by hand in plain SQL) and overdue_count_ms,
search_ms and search_raw_sqlite_ms, overview_ms, export_xlsx_s, ui_max_block_ms (the
longest the UI thread stalls during an import and an export), screens_max_block_ms (the
same through the start's first seconds and the first showing of each screen), peak_rss_mb.
Figures the app cannot produce yet are printed as null.

On a PostgreSQL server (a URL; fill the database with ``generate.py --db URL``) the same
figures are taken over the network, the references written by hand for plain psycopg
(overdue_raw_pg_ms, search_raw_pg_ms), the import and export on a copy of the database
made from it as a template (dropped after). ``store`` says which was measured, ``tasks``
how many the database holds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from minutes_app.db.engine import Database

HERE = Path(__file__).resolve().parent
DEFAULT_DB = Path(tempfile.gettempdir()) / "minutes-bench-200k.sqlite3"
TODAY = dt.date(2026, 11, 22)  # the day generate.py builds around

_WINDOW = """
import sys, time
from PySide6.QtWidgets import QApplication{extra}
app = QApplication(sys.argv[:1])
{make}
window.show()
app.processEvents()
print(time.perf_counter())
"""
# The program's own start (minutes_app/ui/app.py), up to its first screen painted. Its
# settings are in a folder of their own, where the database is marked as closed cleanly
# (as after any normal session), so the check of a file changed behind its back is skipped.
_APP = """
import argparse, sys, time
from minutes_app.ui.app import start_app
started = start_app(argparse.Namespace(db={db!r}, lang=None))
started.app.processEvents()
print(time.perf_counter())
"""


# The hand-written overdue references' second half, the same for both drivers: the 201
# first hits (the CTE "hit" each builds its own way) joined to what a register row shows.
_OVERDUE_ROWS_OF_HITS = (
    " ORDER BY deadline, id LIMIT 201) "
    "SELECT t.id, t.title, c.id, c.title, c.date, u.name, p.name, t.assigned_on, "
    "t.deadline, t.status, t.completed_on, 'overdue' FROM hit h "
    "JOIN task t ON t.id = h.id JOIN instruction i ON i.id = t.instruction_id "
    "JOIN conference c ON c.id = i.conference_id JOIN unit u ON u.id = t.lead_unit_id "
    "LEFT JOIN person p ON p.id = t.owner_id ORDER BY h.deadline, h.id"
)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def process_ms(code: str, repeat: int, **extra_env: str) -> float:
    """From launching a Python process to its window painted, as it reports."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.update(extra_env)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        painted = float(out.stdout.strip().splitlines()[-1])
        # perf_counter is the same clock across processes on Linux (CLOCK_MONOTONIC).
        times.append((painted - start) * 1000)
    return round(statistics.median(times), 1)


def mark_closed_cleanly(db_path: Path, home: str) -> None:
    """What the program notes in its settings in ``home`` when it closes ``db_path``."""
    from PySide6.QtCore import QSettings

    from minutes_app.ui.storage.opening import remember_clean_close

    store = QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat)
    remember_clean_close(db_path, store)


def export_xlsx_s(db: Database) -> float | None:
    """Seconds to export every task to .xlsx (benchmarks/export.py times it the same way)."""
    sys.path.insert(0, str(HERE))
    try:
        from export import timed

        from minutes_app.core.exports.task_list import export_tasks_xlsx
    except ImportError:
        return None
    with tempfile.TemporaryDirectory() as folder:
        wall, _cpu, _rows = timed(
            lambda: export_tasks_xlsx(db, Path(folder) / "tasks.xlsx", as_of=TODAY)
        )
    return float(wall)


# A timer on the UI thread that should tick every 10 ms; ``gaps`` are the times between
# its ticks, so the largest is the longest the UI thread was kept from running.
_TICKING = """
gaps = []
last = [time.perf_counter()]
def tick():
    now = time.perf_counter()
    gaps.append(now - last[0])
    last[0] = now
timer = QTimer()
timer.setInterval(10)
timer.timeout.connect(tick)
timer.start()
"""

_UI_BLOCK = """
import json, shutil, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from minutes_app.core.exchange.exporting import export_exchange
from minutes_app.db.engine import Database
from minutes_app.ui.main_window import MainWindow

source, small = sys.argv[1], Path(sys.argv[2])
folder = Path(tempfile.mkdtemp(prefix="minutes-ui-block-"))
# A large exchange file: every record of a generated database of its own.
exchange = folder / "import.json"
small_db = Database.open(small)
exchange.write_text(json.dumps(export_exchange(small_db), ensure_ascii=False), "utf-8")
small_db.close()
if source.startswith("postgresql://"):
    target = source  # a copy of the server database, made for this run
else:
    target = folder / "bench.sqlite3"
    shutil.copy(source, target)
app = QApplication(sys.argv[:1])
{guard}
ini = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
window = MainWindow(Database.open(target), ini)
window.show()
app.processEvents()
QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (str(exchange), ""))
QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(folder / "export.json"), ""))
def settle():
    # The window's own event loop, as the clerk's: the worker's results come in it.
    while not window.worker.idle():
        app.processEvents()
        time.sleep(0.001)
{ticking}last[0] = time.perf_counter()
window.exchange.import_file()
settle()
window.exchange.export_file()
settle()
app.processEvents()
timer.stop()
shutil.rmtree(folder)
print(round(max(gaps) * 1000, 1))
""".replace("{ticking}", _TICKING)

# In a child on a server: a message box (a refusal, a failed import) ends the child with
# its text instead of waiting for a click that never comes.
_GUARD = """
import os as _os
from PySide6.QtWidgets import QMessageBox as _Box
def _said(*args, **kwargs):
    texts = [a for a in args if isinstance(a, str)]
    print("a message box:", texts[-1] if texts else "", file=sys.stderr)
    _os._exit(3)
_Box.exec = lambda self: _said(self.text())
for _name in ("critical", "warning", "information", "question"):
    setattr(_Box, _name, staticmethod(_said))
"""
# The window's own start cannot open a server URL until the window knows one (issue 15):
# then the start is timed with the URL opened in open_checked's place, the rest as it is.
_STAND_IN = """
import minutes_app.ui.storage.opening as _opening
from minutes_app.db.engine import Database as _Database
_opening.open_checked = lambda *args, **kwargs: _Database.open({db!r})
"""
_APP_SERVER = """
import argparse, sys, time
{guard}{stand_in}from minutes_app.ui.app import start_app
started = start_app(argparse.Namespace(db={db!r}, lang=None))
started.app.processEvents()
print(time.perf_counter())
"""


_SCREENS = """
import argparse, sys, time
from PySide6.QtCore import QTimer
{prelude}from minutes_app.ui.app import start_app

started = start_app(argparse.Namespace(db=sys.argv[1], lang=None))
app, window = started.app, started.window
{ticking}def spin(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)
spin(4)  # what follows the first paint: services loaded, reminder, daily backup
for page in (1, 2, 3, 4, 0):
    QTimer.singleShot(0, lambda page=page: window.navigation.setCurrentRow(page))
    spin(1)
print(round(max(gaps) * 1000, 1))
""".replace("{ticking}", _TICKING)


def screens_max_block_ms(db_path: Path | str, home: str, prelude: str = "") -> float:
    """The longest the UI thread went without its 10 ms timer ticking, in ms, from the
    window's start through its first four seconds (services loading, the reminder, the
    daily backup of the 200,000-task database) and the first showing of each screen."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["MINUTES_APP_HOME"] = home
    out = subprocess.run(
        [sys.executable, "-c", _SCREENS.replace("{prelude}", prelude), str(db_path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def ui_max_block_ms(db_path: Path | str, guard: str = "") -> float | None:
    """The longest the UI thread went without its 10 ms timer ticking, in ms, while the
    window imported a large exchange file (every record of a 20,000-task database) into
    the 200,000-task one and then exported the exchange file. Run in a child process, so
    that its memory does not count in peak_rss_mb."""
    small = Path(tempfile.gettempdir()) / "minutes-bench-20k.sqlite3"
    if small.exists():
        from minutes_app.db.engine import Database

        try:  # a copy left by an older or unfinished schema is built again
            Database.open(small).close()
        except Exception:
            for leftover in (small, Path(f"{small}-wal"), Path(f"{small}-shm")):
                leftover.unlink(missing_ok=True)
    if not small.exists():
        sys.path.insert(0, str(HERE))
        from generate import build

        build(small, 20_000, seed=7)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    out = subprocess.run(
        [sys.executable, "-c", _UI_BLOCK.replace("{guard}", guard), str(db_path), str(small)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def count_tasks(connection: Any) -> int:
    return int(connection.execute("SELECT count(*) FROM task").fetchone()[0])


def app_figures(
    db: Database,
    repeat: int,
    store: str,
    overdue_raw: Callable[[], list[int]],
    search_raw: Callable[[], object],
) -> dict[str, float | None]:
    """The register's, the search's and the overview's figures, each reference written by
    hand for ``store``'s driver measured beside the app's figure."""
    from minutes_app.core.search import search
    from minutes_app.core.tasks.query import TaskQuery, TaskRegister

    def first_rows() -> object:
        # What the register does before the first rows show: one page (plus one row).
        return TaskRegister(db, TaskQuery(as_of=TODAY)).page(0, 201)

    overdue_query = TaskQuery(as_of=TODAY, classes=frozenset({"overdue"}))

    def overdue() -> list[int]:
        # What the clerk waits for: the register's first rows of overdue tasks (one page
        # plus one row). The total is counted afterwards on a worker thread (overdue_count_ms).
        return [r.id for r in TaskRegister(db, overdue_query).page(0, 201)]

    if overdue() != overdue_raw():
        sys.exit(f"the register's overdue rows differ from plain {store}'s")

    results: dict[str, float | None] = {}
    results["register_first_rows_ms"] = median_ms(first_rows, repeat)
    results["overdue_filter_ms"] = median_ms(overdue, repeat)
    results[f"overdue_raw_{store}_ms"] = median_ms(overdue_raw, repeat)
    results["overdue_count_ms"] = median_ms(lambda: TaskRegister(db, overdue_query).count(), repeat)
    try:
        results["search_ms"] = median_ms(lambda: search(db, "ba be"), repeat)
    except Exception as exc:  # the search cannot read this store yet
        print(f"search_ms: none ({' '.join(str(exc).split())[:200]})", file=sys.stderr)
        results["search_ms"] = None
    results[f"search_raw_{store}_ms"] = median_ms(search_raw, repeat)

    from PySide6.QtWidgets import QApplication

    from minutes_app.ui.operations import DatabaseWorker
    from minutes_app.ui.tasks.overview import OverviewPage

    app = QApplication.instance() or QApplication(sys.argv[:1])
    worker = DatabaseWorker(db)
    overview = OverviewPage(worker)

    def overview_shown() -> None:
        # Read on the worker, shown on the UI thread: timed until it is on the page.
        overview.refresh(TODAY)
        while not worker.idle():
            app.processEvents()

    results["overview_ms"] = median_ms(overview_shown, repeat)
    worker.shutdown()
    app.processEvents()
    results["export_xlsx_s"] = export_xlsx_s(db)
    return results


def measure_file(db_path: Path, repeat: int) -> dict[str, object]:
    """Every figure on the SQLite file ``db_path``."""
    if not db_path.exists():
        sys.path.insert(0, str(HERE))
        from generate import build

        build(db_path, 200_000)

    from minutes_app.db.engine import Database

    db = Database.open(db_path)
    home = tempfile.mkdtemp(prefix="minutes-bench-home-")
    mark_closed_cleanly(db_path, home)
    raw = sqlite3.connect(db_path)
    results: dict[str, object] = {
        "store": "sqlite",
        "tasks": count_tasks(raw),
        "startup_ms": process_ms(_APP.format(db=str(db_path)), repeat, MINUTES_APP_HOME=home),
        "bare_qt_ms": process_ms(
            _WINDOW.format(extra=", QMainWindow", make="window = QMainWindow()"), repeat
        ),
    }

    def overdue_raw() -> list[int]:
        # The same answer written by hand as well as we know how: each not-finished status
        # read along the (status, deadline) index in order, 201 rows at most each, merged;
        # then those rows joined to their conference, lead unit and owner. (One query with
        # OR over the statuses makes SQLite sort every overdue task: about 240 ms.) Like the
        # app, it relies on no conference being in the trash and no task assigned after
        # TODAY in the generated database: the check compares the answers.
        arm = (
            "SELECT * FROM (SELECT deadline, id FROM task WHERE {} ORDER BY deadline, id LIMIT 201)"
        )
        statuses = (
            "status = 'open' AND deadline < :d",
            "status = 'in_progress' AND deadline < :d",
            "status = 'done' AND unlikely(completed_on > :d) AND likely(deadline < :d)",
        )
        rows = raw.execute(
            "WITH hit AS ("
            + " UNION ALL ".join(arm.format(s) for s in statuses)
            + _OVERDUE_ROWS_OF_HITS,
            {"d": TODAY.isoformat()},
        ).fetchall()
        return [r[0] for r in rows]

    # The FTS5 queries search() sends for "ba be", written out: for each kind, the newest 500
    # matches with their bm25 rank, and a count up to 1001 when all 500 are taken.
    bm25_weights = {
        "conference": "4.0, 2.0, 2.0, 1.0",
        "document": "4.0, 1.0",
        "task": "3.0, 1.0",
        "person": "1.0",
        "unit": "3.0, 1.0",
    }

    def search_raw() -> object:
        found = []
        for kind, weights in bm25_weights.items():
            table = f"search_{kind}"
            rows = raw.execute(
                f"SELECT rowid, bm25({table}, {weights}) FROM {table} WHERE {table} MATCH ? "
                "ORDER BY rowid DESC LIMIT 500",
                ('"ba" "be"*',),
            ).fetchall()
            if len(rows) == 500:
                raw.execute(
                    f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH ? "
                    "LIMIT 1001)",
                    ('"ba" "be"*',),
                ).fetchone()
            found.append(sorted(rows, key=lambda r: r[1])[:20])
        return found

    results.update(app_figures(db, repeat, "sqlite", overdue_raw, search_raw))
    results["ui_max_block_ms"] = ui_max_block_ms(db_path)
    results["screens_max_block_ms"] = screens_max_block_ms(db_path, home)
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    db.close()
    shutil.rmtree(home, ignore_errors=True)  # with the daily backup the window made there
    return results


def measure_server(url: str, repeat: int) -> dict[str, object]:
    """Every figure on the server database at ``url``, over the network, beside plain
    psycopg's; the import and export on a copy of it."""
    import psycopg

    from minutes_app.db.engine import Database

    db = Database.open(url)
    home = tempfile.mkdtemp(prefix="minutes-bench-home-")
    raw = psycopg.connect(url, autocommit=True)
    notes: list[str] = []
    startup, stand_in = server_startup_ms(url, repeat, home, notes)
    results: dict[str, object] = {
        "store": "postgresql",
        "tasks": count_tasks(raw),
        "startup_ms": startup,
        "bare_qt_ms": process_ms(
            _WINDOW.format(extra=", QMainWindow", make="window = QMainWindow()"), repeat
        ),
    }

    def overdue_raw() -> list[int]:
        # The same answer written by hand for PostgreSQL as well as we know how: each
        # not-finished status read along the (status, deadline, ...) index in deadline
        # order, 201 rows at most each (an incremental sort puts the ids of a day in
        # order), merged by a Merge Append; then those rows joined to their conference,
        # lead unit and owner. As on SQLite, it relies on no conference being in the trash
        # and no task assigned after TODAY: the check compares the answers.
        arm = "(SELECT deadline, id FROM task WHERE {} ORDER BY deadline, id LIMIT 201)"
        statuses = (
            "status = 'open' AND deadline < %(d)s",
            "status = 'in_progress' AND deadline < %(d)s",
            "status = 'done' AND completed_on > %(d)s AND deadline < %(d)s",
        )
        rows = raw.execute(
            "WITH hit AS ("
            + " UNION ALL ".join(arm.format(s) for s in statuses)
            + _OVERDUE_ROWS_OF_HITS,
            {"d": TODAY},
        ).fetchall()
        return [r[0] for r in rows]

    def search_raw() -> object:
        # "ba be" on the server's index: for each kind, the newest 500 matches of the
        # weighted tsvector (its GIN index) with their ts_rank, and a count up to 1001 when
        # all 500 are taken.
        found = []
        for kind in ("conference", "document", "task", "person", "unit"):
            table = f"search_{kind}"
            rows = raw.execute(
                f"SELECT rowid, ts_rank(words, q) FROM {table}, to_tsquery('simple', %s) q "
                "WHERE words @@ q ORDER BY rowid DESC LIMIT 500",
                ("'ba' & 'be':*",),
            ).fetchall()
            if len(rows) == 500:
                raw.execute(
                    f"SELECT count(*) FROM (SELECT rowid FROM {table} "
                    "WHERE words @@ to_tsquery('simple', %s) LIMIT 1001) s",
                    ("'ba' & 'be':*",),
                ).fetchone()
            found.append(sorted(rows, key=lambda r: -r[1])[:20])
        return found

    results.update(app_figures(db, repeat, "pg", overdue_raw, search_raw))
    # A database is copied as a template only while no one is connected to it.
    db.close()
    raw.close()
    with scratch_copy(url) as copy:
        results["ui_max_block_ms"] = child_figure(
            "ui_max_block_ms", lambda: ui_max_block_ms(copy, _GUARD), notes
        )
    prelude = _GUARD + (_STAND_IN.format(db=url) if stand_in else "")
    results["screens_max_block_ms"] = child_figure(
        "screens_max_block_ms", lambda: screens_max_block_ms(url, home, prelude), notes
    )
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    db.close()
    shutil.rmtree(home, ignore_errors=True)
    if notes:
        results["notes"] = notes
    return results


def server_startup_ms(url: str, repeat: int, home: str, notes: list[str]) -> tuple[float, bool]:
    """``startup_ms`` on a server: the window's own start with the URL; while the window
    refuses a URL, the same start with the URL opened in the file's checks' place (and
    True: the stand-in was needed)."""
    try:
        return process_ms(
            _APP_SERVER.format(guard=_GUARD, stand_in="", db=url), repeat, MINUTES_APP_HOME=home
        ), False
    except subprocess.CalledProcessError as refused:
        said = " ".join(str(refused.stderr).split())[:300]
        notes.append(
            "startup_ms and screens_max_block_ms: start_app refused the URL "
            f"({said}); timed with the stand-in that opens the URL in open_checked's place"
        )
    return process_ms(
        _APP_SERVER.format(guard=_GUARD, stand_in=_STAND_IN.format(db=url), db=url),
        repeat,
        MINUTES_APP_HOME=home,
    ), True


def child_figure(name: str, measure: Callable[[], float | None], notes: list[str]) -> float | None:
    """A figure a child process measures; None, with why in ``notes``, when it fails."""
    try:
        return measure()
    except subprocess.CalledProcessError as failed:
        said = " ".join(str(failed.stderr).split())[-300:]
        notes.append(f"{name}: not measured ({said})")
        return None


@contextmanager
def scratch_copy(url: str) -> Iterator[str]:
    """A copy of the server database at ``url`` (CREATE DATABASE … TEMPLATE), dropped at
    the end: the import writes into it."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    from minutes_app.db.server import ServerAddress

    source = ServerAddress.parse(url).database
    name = f"{source}_scratch_{os.getpid()}"
    split = urlsplit(url)
    maintenance = urlunsplit(split._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as admin:
        for attempt in range(10):  # autovacuum may be at work in the source for a moment
            try:
                admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}" STRATEGY = FILE_COPY')
                break
            except psycopg.errors.ObjectInUse:
                if attempt == 9:
                    raise
                time.sleep(1)
        try:
            yield urlunsplit(split._replace(path=f"/{name}"))
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db",
        default=str(DEFAULT_DB),
        help="an SQLite file (built the first time), or the URL of a server database",
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from minutes_app.db.server import is_server_address

    if is_server_address(args.db):
        results = measure_server(args.db, args.repeat)
    else:
        results = measure_file(Path(args.db), args.repeat)
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        for key, value in results.items():
            print(f"{key:>24}: {value}")


if __name__ == "__main__":
    main()
