"""Others' changes appear by themselves (issue 16, point 2): another copy of the program,
or the command line, writes; the window shows it within two seconds, without a Refresh,
keeping the clerk's selection — on a file (SQLite's data_version) and on a server
(LISTEN/NOTIFY)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings
from pytestqt.qtbot import QtBot

from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database
from minutes_app.db.watching import ChangeWatch
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.storage.watching import changes_of
from tests.stores import STORES, new_store
from tests.ui.helpers import settle

SHOWN_WITHIN_MS = 2000  # the bound


@pytest.fixture(params=STORES)
def where(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new database on either store (the UI tests' ``store`` is the settings)."""
    with new_store(request, request.param, tmp_path / "db") as location:
        yield location


def _settings(tmp_path: Path) -> QSettings:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("user_name", "An")
    store.setValue("remind_on_start", "false")
    return store


def test_a_change_by_another_copy_shows_by_itself_keeping_the_selection(
    qtbot: QtBot, where: str, tmp_path: Path
) -> None:
    db = Database.open(where)
    load_samples(db)
    other = Database.open(where)
    window = MainWindow(db, _settings(tmp_path))
    qtbot.addWidget(window)
    try:
        window.show()
        window.watcher.start()
        qtbot.waitUntil(lambda: window.watcher.running, timeout=5000)
        time.sleep(0.3)  # the watch has opened its connection and read where things stand
        page = window.conference_page
        chosen = page.model.conference_id(1)
        page.table.selectionModel().select(
            page.model.index(1, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        target = next(r.id for r in list_conferences(other) if r.id != chosen)
        form = load_conference(other, target)

        save_conference(other, replace(form, title="Hội nghị do người khác sửa"), by="Bình")
        written = time.perf_counter()
        qtbot.waitUntil(
            lambda: any(r.title == "Hội nghị do người khác sửa" for r in page.model.rows()),
            timeout=SHOWN_WITHIN_MS + 1000,
        )
        shown_after = time.perf_counter() - written

        assert shown_after * 1000 < SHOWN_WITHIN_MS
        assert page.selected_ids() == [chosen]
    finally:
        window.stop_working()
        settle(qtbot, window)
        window.close()
        other.close()
        db.close()


def test_the_watch_names_what_changed_and_nothing_when_nothing_did(where: str) -> None:
    db = Database.open(where)
    other = Database.open(where)
    watch = ChangeWatch(db)
    try:
        load_samples(db)
        watch.start()
        assert watch.poll() == set()
        form = load_conference(other, list_conferences(other)[0].id)
        save_conference(other, replace(form, notes="Ghi chú mới"), by="Bình")
        seen: set[str] = set()
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and "conference" not in seen:
            seen |= watch.poll(wait=0.2)
        assert "conference" in seen
        assert watch.poll(wait=0.2) == set()
    finally:
        watch.stop()
        other.close()
        db.close()


def test_what_each_entity_reloads() -> None:
    assert changes_of({"task_event"}).kinds == frozenset({"tasks"})
    assert changes_of({"chair", "document"}).kinds == frozenset({"conferences", "documents"})
    assert changes_of({"something new"}).kinds >= frozenset({"conferences", "tasks", "office"})
