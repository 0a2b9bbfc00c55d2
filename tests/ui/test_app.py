"""Starting the window: language choice, a refused database, the settings dialog."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from minutes_app.ui.app import chosen_language, install_language, run_app
from minutes_app.ui.settings_dialog import SettingsDialog


def test_language_comes_from_the_command_line_then_the_settings(store: QSettings) -> None:
    assert chosen_language(None, store) == "vi"
    store.setValue("language", "en")
    assert chosen_language(None, store) == "en"
    assert chosen_language("vi", store) == "vi"
    store.setValue("language", "klingon")
    assert chosen_language(None, store) == "vi"


def test_english_shows_the_source_strings(qapp: QCoreApplication) -> None:
    # English is the source language; its translation holds only plural forms.
    translator = install_language(qapp, "en")
    try:
        assert QCoreApplication.translate("MainWindow", "Conferences") == "Conferences"
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)


def test_settings_dialog_stores_the_language(qtbot: QtBot, store: QSettings) -> None:
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert store.value("language") == "en"


def test_a_file_that_is_not_a_database_is_reported_in_a_message_box(
    qapp: QCoreApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    notes = tmp_path / "notes.txt"
    notes.write_text("biên bản", encoding="utf-8")
    code = run_app(argparse.Namespace(db=str(notes), lang="en"))
    assert code == 1
    assert shown == [f"{notes} is not a minutes-app database (not an SQLite file)."]
    assert notes.read_text(encoding="utf-8") == "biên bản"
