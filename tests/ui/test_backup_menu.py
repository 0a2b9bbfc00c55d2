"""File → Back up… writes a consistent copy where the clerk chose."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database
from minutes_app.ui.main_window import MainWindow


def test_back_up_from_the_file_menu(
    qtbot: QtBot, db: Database, store: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_samples(db)
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    target = tmp_path / "copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    file_menu = window.menuBar().actions()[0].menu()
    assert window.backup_action in file_menu.actions()
    assert window.restore_action in file_menu.actions()
    window.backup_action.trigger()
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM task").fetchone()[0] == 38
