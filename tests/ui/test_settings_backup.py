"""The backup part of the settings dialog, and the values read back from the settings file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from minutes_app.base.paths import data_dir
from minutes_app.ui.settings_dialog import (
    BACKUP_FOLDER,
    BACKUP_KEEP,
    DEFAULT_KEEP,
    BackupSettings,
    SettingsDialog,
    backup_settings,
)


def test_backup_defaults_are_daily_into_the_data_folder_keeping_ten(store: QSettings) -> None:
    assert backup_settings(store) == BackupSettings(
        folder=data_dir() / "backups", on_exit=False, daily=True, keep=DEFAULT_KEEP
    )


@pytest.mark.parametrize(("stored", "kept"), [("0", 1), ("-4", 1), ("many", 10), ("9999", 365)])
def test_a_bad_number_to_keep_falls_back_to_a_sensible_one(
    store: QSettings, stored: str, kept: int
) -> None:
    store.setValue(BACKUP_KEEP, stored)
    assert backup_settings(store).keep == kept


def test_settings_dialog_stores_the_backup_choices(
    qtbot: QtBot, store: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "usb"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(chosen))
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    qtbot.mouseClick(dialog.choose_folder, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.backup_daily, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.backup_on_exit, Qt.MouseButton.LeftButton)
    dialog.backup_keep.clear()
    qtbot.keyClicks(dialog.backup_keep, "3")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert backup_settings(store) == BackupSettings(
        folder=chosen, on_exit=True, daily=False, keep=3
    )
    again = SettingsDialog(store)
    qtbot.addWidget(again)
    assert again.backup_folder.text() == str(chosen)
    assert (again.backup_daily.isChecked(), again.backup_on_exit.isChecked()) == (False, True)
    assert again.backup_keep.value() == 3


def test_the_default_folder_is_not_written_down(qtbot: QtBot, store: QSettings) -> None:
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.backup_folder.text() == str(data_dir() / "backups")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert store.value(BACKUP_FOLDER) == ""
