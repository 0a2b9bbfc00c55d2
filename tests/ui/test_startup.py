"""The window's start: its first screen comes before SQLAlchemy and the other screens are
loaded (issue 7's startup budget); what follows the first paint still happens."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from minutes_app.db.engine import Database
from minutes_app.ui.main_window import PAGE_CONFERENCES, PAGE_OVERVIEW, PAGE_TASKS, MainWindow
from tests.ui.helpers import settle

_START = """
import argparse, sys, time
from minutes_app.ui.app import start_app

started = start_app(argparse.Namespace(db=sys.argv[1], lang="en"))
window = started.window
# Shown, with its first rows, before any of the heavier parts is imported.
print("rows", window.conference_page.model.visible_count())
print("loaded before paint", sorted(
    m for m in ("sqlalchemy", "minutes_app.core.tasks.query", "minutes_app.ui.tasks.register")
    if m in sys.modules
))
deadline = time.monotonic() + 30
while window.reminders.box is None and time.monotonic() < deadline:
    started.app.processEvents()
    time.sleep(0.01)
box = window.reminders.box
print("reminder", box.text() if box else None)
print("loaded after paint", "sqlalchemy" in sys.modules)
"""


def test_first_screen_comes_before_sqlalchemy_and_the_reminder_after_it(
    example_db: Database, tmp_path: Path
) -> None:
    example_db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_START), str(example_db.path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    ).stdout.splitlines()
    assert out == [
        "rows 1",
        "loaded before paint []",
        "reminder 1 task overdue and 0 due within 7 days.",
        "loaded after paint True",
    ]


def test_screens_are_built_when_first_shown(
    qtbot: QtBot, example_db: Database, store: QSettings
) -> None:
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    assert set(window._built) == {PAGE_CONFERENCES}
    window.navigation.setCurrentRow(PAGE_TASKS)
    assert window.pages.currentWidget() is window.task_page
    settle(qtbot, window)  # filled when first shown
    assert window.task_page.model.rowCount() > 0
    assert set(window.tasks.buttons) == {"progress", "extend", "complete", "reopen", "cancel"}
    # Built once: asking again gives the same screen, in its place in the stack.
    assert window.task_page is window.pages.widget(PAGE_TASKS)
    window.navigation.setCurrentRow(PAGE_CONFERENCES)
    assert window.pages.currentWidget() is window.conference_page
    assert set(window._built) == {PAGE_CONFERENCES, PAGE_TASKS}
    # A screen asked for while another is shown is built without being shown.
    overview = window.overview_page
    assert window.pages.widget(PAGE_OVERVIEW) is overview
    assert window.pages.currentWidget() is window.conference_page
    assert window.pages.count() == 5


def test_closing_does_not_build_the_screens_never_shown(
    qtbot: QtBot, db: Database, store: QSettings
) -> None:
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert set(window._built) == {PAGE_CONFERENCES}
    assert store.value("main_window/geometry") is not None


def test_after_first_paint_shows_the_reminder_from_counts_read_off_the_ui_thread(
    qtbot: QtBot, example_db: Database, store: QSettings
) -> None:
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    window.after_first_paint()
    qtbot.waitUntil(lambda: window.reminders.box is not None, timeout=20_000)
    assert window.reminders.box is not None
    assert window.reminders.box.text() == "1 task overdue and 0 due within 7 days."


def test_after_first_paint_shows_no_reminder_when_turned_off(
    qtbot: QtBot, example_db: Database, store: QSettings
) -> None:
    store.setValue("remind_on_start", "false")
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    window.after_first_paint()
    settle(qtbot, window)
    assert window.reminders.box is None
