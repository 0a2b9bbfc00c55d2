"""Measure minutes-app on a 200,000-task database, each figure beside its reference.

    python benchmarks/run.py --json [--db PATH] [--repeat 5]

Builds the database with generate.py the first time (or reuses PATH) and prints one JSON
object of medians: startup_ms (process start to main window painted) and bare_qt_ms (an
empty PySide6 window), register_first_rows_ms, overdue_filter_ms and
overdue_raw_sqlite_ms, search_ms and search_raw_sqlite_ms, overview_ms, peak_rss_mb.
Figures the app cannot produce yet are printed as null.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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
_APP = """
from pathlib import Path
from PySide6.QtCore import QSettings
from minutes_app.db.engine import Database
from minutes_app.ui.main_window import MainWindow
window = MainWindow(Database.open(Path({db!r})), QSettings({ini!r}, QSettings.Format.IniFormat))
"""


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def process_ms(code: str, repeat: int) -> float:
    """From launching a Python process to its window painted, as it reports."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not args.db.exists():
        sys.path.insert(0, str(HERE))
        from generate import build

        build(args.db, 200_000)

    from minutes_app.core.search import search
    from minutes_app.core.task_query import TaskQuery, TaskRegister
    from minutes_app.db.engine import Database

    db = Database.open(args.db)
    ini = str(Path(tempfile.mkdtemp()) / "bench.ini")
    results: dict[str, float | None] = {
        "startup_ms": process_ms(
            _WINDOW.format(extra="", make=_APP.format(db=str(args.db), ini=ini)), args.repeat
        ),
        "bare_qt_ms": process_ms(
            _WINDOW.format(extra=", QMainWindow", make="window = QMainWindow()"), args.repeat
        ),
    }

    def first_rows() -> object:
        # What the register does before the first rows show: one page (plus one row).
        return TaskRegister(db, TaskQuery(as_of=TODAY)).page(0, 201)

    def overdue() -> object:
        register = TaskRegister(db, TaskQuery(as_of=TODAY, classes=frozenset({"overdue"})))
        return register.count(), register.page(0, 200)

    raw = sqlite3.connect(args.db)

    def overdue_raw() -> object:
        day = TODAY.isoformat()
        return raw.execute(
            "SELECT id, title, deadline FROM task WHERE status IN ('open', 'in_progress') "
            "AND deadline < ? ORDER BY deadline LIMIT 200",
            (day,),
        ).fetchall()

    def search_raw() -> object:
        return raw.execute(
            "SELECT id, title FROM task WHERE search_text LIKE '%ba be%' LIMIT 50"
        ).fetchall()

    results["register_first_rows_ms"] = median_ms(first_rows, args.repeat)
    results["overdue_filter_ms"] = median_ms(overdue, args.repeat)
    results["overdue_raw_sqlite_ms"] = median_ms(overdue_raw, args.repeat)
    results["search_ms"] = median_ms(lambda: search(db, "ba be"), args.repeat)
    results["search_raw_sqlite_ms"] = median_ms(search_raw, args.repeat)

    from PySide6.QtWidgets import QApplication

    from minutes_app.ui.overview_page import OverviewPage

    app = QApplication.instance() or QApplication(sys.argv[:1])
    overview = OverviewPage(db)
    results["overview_ms"] = median_ms(lambda: overview.refresh(TODAY), args.repeat)
    app.processEvents()
    results["export_xlsx_s"] = None  # export arrives with issue 6
    results["ui_max_block_ms"] = None  # measured once exports and imports run off the UI thread
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    db.close()
    if args.json:
        print(json.dumps(results))
    else:
        for key, value in results.items():
            print(f"{key:>24}: {value}")


if __name__ == "__main__":
    main()
