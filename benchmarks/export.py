"""Time the exports on a 200,000-task database against their budget.

    python benchmarks/export.py [--db PATH] [--out FOLDER] [--only-xlsx]

Builds the database with generate.py the first time (in a child process, so that its
memory does not count here) or reuses PATH, then exports every task to .xlsx and prints
one JSON object: export_xlsx_s (wall clock) beside export_xlsx_cpu_s (this process's CPU
time; the two differ on a busy machine), peak_rss_mb right after it, their budgets (30 s,
300 MB) and whether both were met. Unless --only-xlsx, the .csv, .ics and a year's report
follow, timed the same way (they come after the peak is read, so it is the .xlsx's).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DB = Path(tempfile.gettempdir()) / "minutes-bench-200k.sqlite3"
TODAY = dt.date(2026, 11, 22)  # the day generate.py builds around (as in run.py)
TASKS = 200_000
BUDGET_S = 30.0
BUDGET_RSS_MB = 300.0


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale, 1)


def timed(action: Callable[[], object]) -> tuple[float, float, object]:
    """Wall and CPU seconds of ``action``, and what it returned."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return (
        round(time.perf_counter() - wall, 2),
        round(time.process_time() - cpu, 2),
        result,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--out", type=Path, help="folder for the files (default: a temp dir)")
    parser.add_argument("--only-xlsx", action="store_true")
    args = parser.parse_args()
    if not args.db.exists():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                "--tasks",
                str(TASKS),
                "--db",
                str(args.db),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    from minutes_app.core.exports.calendar import export_calendar
    from minutes_app.core.exports.report_sheet import export_report_xlsx
    from minutes_app.core.exports.task_list import export_tasks_csv, export_tasks_xlsx
    from minutes_app.db.engine import Database

    out = args.out or Path(tempfile.mkdtemp(prefix="minutes-export-"))
    out.mkdir(parents=True, exist_ok=True)
    db = Database.open(args.db)
    steps: list[int] = []

    def count_steps(done: int, total: int) -> bool:
        steps.append(done)
        return True

    wall, cpu, rows = timed(
        lambda: export_tasks_xlsx(db, out / "tasks.xlsx", as_of=TODAY, progress=count_steps)
    )
    rss = peak_rss_mb()
    results: dict[str, object] = {
        "tasks": rows,
        "export_xlsx_s": wall,
        "export_xlsx_cpu_s": cpu,
        "peak_rss_mb": rss,
        "xlsx_mb": round((out / "tasks.xlsx").stat().st_size / 1e6, 1),
        "progress_calls": len(steps),
        "budget_s": BUDGET_S,
        "budget_rss_mb": BUDGET_RSS_MB,
    }
    results["within_budget"] = wall <= BUDGET_S and rss <= BUDGET_RSS_MB
    if not args.only_xlsx:
        wall, cpu, _ = timed(lambda: export_tasks_csv(db, out / "tasks.csv", as_of=TODAY))
        results["export_csv_s"], results["export_csv_cpu_s"] = wall, cpu
        wall, cpu, events = timed(lambda: export_calendar(db, out / "deadlines.ics", as_of=TODAY))
        results["export_ics_s"], results["export_ics_cpu_s"] = wall, cpu
        results["ics_events"] = events
        year = dt.date(TODAY.year, 1, 1), dt.date(TODAY.year, 12, 31)
        wall, cpu, _ = timed(
            lambda: export_report_xlsx(db, out / "report.xlsx", year[0], year[1], TODAY)
        )
        results["export_report_year_s"], results["export_report_year_cpu_s"] = wall, cpu
        results["peak_rss_all_mb"] = peak_rss_mb()
    db.close()
    results["out"] = str(out)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
