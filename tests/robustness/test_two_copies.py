"""Two copies of the program on one database: both keep working, neither sees "database is
locked", and each sees what the other saved when it refreshes."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from minutes_app.core.conferences.forms import ConferenceForm
from minutes_app.core.conferences.saving import save_conference
from minutes_app.db.engine import Database
from tests.robustness.conftest import Worker


def test_two_processes_saving_and_editing_at_once_never_meet_a_locked_database(
    tmp_path: Path, start_worker: Callable[..., Worker]
) -> None:
    db_path = tmp_path / "minutes.sqlite3"
    Database.open(db_path).close()
    copies = [start_worker("copy", str(db_path), "4", tag) for tag in ("Copy A", "Copy B")]
    for copy in copies:
        assert copy.finish() == 0, copy.stderr

    results = [json.loads(copy.lines[-1]) for copy in copies]
    assert [r["errors"] for r in results] == [[], []]
    assert all(len(r["saved"]) >= 3 for r in results)
    # Each copy's list showed conferences the other had saved.
    assert all(r["seen_other"] > 0 for r in results)
    with sqlite3.connect(db_path) as conn:
        stored = {r[0] for r in conn.execute("SELECT id FROM conference")}
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    assert stored == set(results[0]["saved"]) | set(results[1]["saved"])


def test_a_window_shows_what_another_copy_saved_when_it_refreshes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from minutes_app.ui.main_window import MainWindow

    db_path = tmp_path / "minutes.sqlite3"
    mine, theirs = Database.open(db_path), Database.open(db_path)
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(mine, store)
    qtbot.addWidget(window)
    assert window.conference_page.model.rowCount() == 0

    save_conference(
        theirs, ConferenceForm(title="Hội nghị của máy bên cạnh", date=dt.date(2024, 3, 15))
    )
    window.refresh_action.trigger()
    qtbot.waitUntil(window.worker.idle, timeout=10_000)

    model = window.conference_page.model
    assert model.rowCount() == 1
    titles = [model.index(0, c).data() for c in range(model.columnCount())]
    assert "Hội nghị của máy bên cạnh" in titles
    window.close()
    mine.close()
    theirs.close()


def test_a_backup_onto_the_database_while_another_copy_saves_is_refused_and_harms_nothing(
    tmp_path: Path, start_worker: Callable[..., Worker]
) -> None:
    from minutes_app.cli import main

    db_path = tmp_path / "minutes.sqlite3"
    Database.open(db_path).close()
    other = start_worker("copy", str(db_path), "3", "Copy A")
    other.wait_for_line("ready")
    codes = [main(["--db", str(db_path), "backup", str(db_path)]) for _ in range(10)]
    assert other.finish() == 0, other.stderr

    assert codes == [1] * 10
    result = json.loads(other.lines[-1])
    assert result["errors"] == []
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {r[0] for r in conn.execute("SELECT id FROM conference")}
    conn.close()
    assert stored == set(result["saved"])
