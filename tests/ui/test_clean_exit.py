"""The program exits cleanly after real use: no reference lost to None or True, no abort.

A Qt binding that hands back ``None`` or ``True`` without a reference of its own (as
PySide6 6.12.0 does on Python 3.11 for every void method and every ``Signal.emit``)
lets their counts fall with each call; the process then dies at exit with "Fatal Python
error: none_dealloc" or "bool_dealloc", after every test has passed. A crash at exit
cannot fail a test in the process that crashes, so each scenario runs in a child process
and the test looks at its exit code.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

_TIMEOUT_S = 120

# More void calls and more emits than there are references to None and True in the
# process: a binding that drops one reference a call frees them before the loops end.
_BINDING = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Beacon(QObject):
    rang = Signal()

app = QApplication(sys.argv[:1])
label = QLabel()
beacon = Beacon()
for _ in range(min(sys.getrefcount(None) + 1000, 200_000)):
    label.setText("biên bản")
for _ in range(min(sys.getrefcount(True) + 1000, 200_000)):
    beacon.rang.emit()
print("done", flush=True)
"""

# The window as a clerk uses it: the register (counted on the database worker), the overview
# (its chart made on first use, then refilled), an export-like job on the worker with the
# garbage collector paused, then the window closed and the program left.
_SESSION = """
import datetime as dt
import gc
import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])

from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database
from minutes_app.ui.main_window import PAGE_OVERVIEW, PAGE_TASKS, MainWindow

folder = Path(sys.argv[1])
db = Database.open(folder / "minutes.sqlite3")
load_samples(db)
window = MainWindow(db, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
window.show()
app.processEvents()


def work(progress):
    was = gc.isenabled()
    gc.disable()
    try:
        rows = [(n, str(n), n % 2 == 0, None) for n in range(20_000)]
    finally:
        if was:
            gc.enable()
    progress(1, 1)
    return len(rows)


def settle():
    deadline = time.monotonic() + 10
    while not window.worker.idle() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    assert window.worker.idle(), "the worker never finished"


def one_round():
    counts = []
    window.task_page.model.counted.connect(counts.append)
    window.navigation.setCurrentRow(PAGE_TASKS)
    window.task_page.apply_filters()
    settle()
    window.task_page.model.counted.disconnect(counts.append)
    assert counts, "the register was never counted"
    window.navigation.setCurrentRow(PAGE_OVERVIEW)
    window.overview_page.refresh(dt.date(2024, 6, 30))
    got = []
    window.worker.run_long_op(window, "Export", work, got.append)
    settle()
    assert got == [20_000]


def held():
    gc.collect()
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True)}


rounds = int(sys.argv[2])
one_round()
one_round()
before = held()
for _ in range(rounds):
    one_round()
after = held()
window.close()
app.processEvents()
window.worker.shutdown()
db.close()
lost = {name: (before[name] - after[name]) / rounds for name in before}
print(json.dumps(lost), flush=True)
"""


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=_TIMEOUT_S,
        check=False,
    )


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.splitlines()[-lines:])


def test_the_qt_binding_keeps_its_references_to_none_and_true() -> None:
    done = _run(_BINDING)
    assert done.returncode == 0, (
        "the installed PySide6 drops references to None or True (pin a release without "
        f"the fault):\n{_tail(done.stderr)}"
    )
    assert done.stdout.strip() == "done"


def test_the_program_exits_cleanly_after_the_register_the_overview_and_a_background_job(
    tmp_path: Path,
) -> None:
    done = _run(_SESSION, str(tmp_path), "10")
    assert done.returncode == 0, f"exit code {done.returncode}:\n{_tail(done.stderr)}"
    lost = json.loads(done.stdout.strip().splitlines()[-1])
    # A round of real use holds as many references to None and True after as before;
    # a round that loses them brings the abort at exit nearer by that much.
    assert lost["None"] < 0.5, lost
    assert lost["True"] < 0.5, lost
