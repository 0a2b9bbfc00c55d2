"""Settings: the language of the window, the start-up reminder and automatic backups."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from minutes_app.base.identity import MAX_USER, USER_KEY, chosen_user, os_login
from minutes_app.base.paths import data_dir
from minutes_app.ui.app import current_user
from minutes_app.ui.widgets.common import ButtonRow

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))

# Keys of the backup settings in the settings file.
BACKUP_FOLDER = "backup/folder"
BACKUP_ON_EXIT = "backup/on_exit"
BACKUP_DAILY = "backup/daily"
BACKUP_KEEP = "backup/keep"
DEFAULT_KEEP = 10
MAX_KEEP = 365


def default_backup_folder() -> Path:
    return data_dir() / "backups"


@dataclass(frozen=True)
class BackupSettings:
    """Where automatic backups go, when they are taken and how many are kept."""

    folder: Path
    on_exit: bool
    daily: bool
    keep: int


def _flag(store: QSettings, key: str, default: bool) -> bool:
    value = store.value(key, "true" if default else "false")
    return str(value).lower() not in ("false", "0", "no", "")


def backup_settings(store: QSettings) -> BackupSettings:
    """The backup settings stored in ``store``; defaults where a value is missing or bad."""
    folder = str(store.value(BACKUP_FOLDER, "") or "").strip()
    try:
        keep = int(str(store.value(BACKUP_KEEP, DEFAULT_KEEP)))
    except ValueError:
        keep = DEFAULT_KEEP
    return BackupSettings(
        folder=Path(folder) if folder else default_backup_folder(),
        on_exit=_flag(store, BACKUP_ON_EXIT, False),
        daily=_flag(store, BACKUP_DAILY, True),
        keep=min(max(keep, 1), MAX_KEEP),
    )


class SettingsDialog(QDialog):
    """Choices kept between runs, in the settings file. ``on_server``: the window works on
    the office's server, whose backups are its administrator's: the automatic backups (of
    a database file) cannot be turned on or off there, and say why."""

    def __init__(
        self, store: QSettings, parent: QWidget | None = None, *, on_server: bool = False
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.on_server = on_server
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        current = str(store.value("language", "vi"))
        self.language.setCurrentIndex(max(self.language.findData(current), 0))
        self.remind = QCheckBox(self.tr("Remind me of overdue tasks when the program starts"))
        self.remind.setChecked(str(store.value("remind_on_start", "true")).lower() != "false")
        self.user_name = QLineEdit(current_user(store))
        self.user_name.setMaxLength(MAX_USER)
        self.user_name.setToolTip(
            self.tr(
                "The name recorded with every change you make, and shown to others when "
                "your change and theirs meet. Empty: your login name (%1)."
            ).replace("%1", os_login())
        )
        note = QLabel(self.tr("A new language applies the next time the program starts."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&User name"), self.user_name)
        form.addRow("", self.remind)
        buttons = ButtonRow(self, self.tr("OK"), self._on_accept)
        self.ok_button = buttons.ok
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self._build_backups())
        layout.addLayout(buttons)

    def _build_backups(self) -> QGroupBox:
        chosen = backup_settings(self.store)
        box = QGroupBox(self.tr("Automatic backups"))
        self.backup_folder = QLineEdit(str(chosen.folder))
        self.backup_folder.setPlaceholderText(str(default_backup_folder()))
        self.choose_folder = QPushButton(self.tr("C&hoose…"))
        self.choose_folder.clicked.connect(self._on_choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(self.choose_folder)
        self.backup_daily = QCheckBox(self.tr("Back up &once a day, when the program starts"))
        self.backup_daily.setChecked(chosen.daily)
        self.backup_on_exit = QCheckBox(self.tr("Back up each time the program &closes"))
        self.backup_on_exit.setChecked(chosen.on_exit)
        self.backup_keep = QSpinBox()
        self.backup_keep.setRange(1, MAX_KEEP)
        self.backup_keep.setValue(chosen.keep)
        self.backup_keep.setSuffix(self.tr(" backups"))
        note = QLabel(
            self.tr(
                "Older automatic backups are deleted; copies made with File → Back up… are kept."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(box)
        folder_label = QLabel(self.tr("Backup &folder"))
        folder_label.setBuddy(self.backup_folder)  # a row of two widgets has no buddy of its own
        form.addRow(folder_label, folder_row)
        form.addRow("", self.backup_daily)
        form.addRow("", self.backup_on_exit)
        form.addRow(self.tr("&Keep the last"), self.backup_keep)
        form.addRow(note)
        if self.on_server:
            why = self.tr(
                "The office server is backed up by the office's administrator; automatic "
                "backups are made of a database file. File → Back up… saves a copy of the "
                "server's database as a file."
            )
            for choice in (self.backup_daily, self.backup_on_exit):
                choice.setEnabled(False)
                choice.setToolTip(why)
            server_note = QLabel(why)
            server_note.setObjectName("server_backup_note")
            server_note.setWordWrap(True)
            form.addRow(server_note)
        return box

    def _on_choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), self.backup_folder.text()
        )
        if folder:
            self.backup_folder.setText(folder)

    def _on_accept(self) -> None:
        self.store.setValue("language", self.language.currentData())
        self.store.setValue("remind_on_start", "true" if self.remind.isChecked() else "false")
        self.store.setValue(USER_KEY, chosen_user(self.user_name.text()))
        folder = self.backup_folder.text().strip()
        # The default folder is not written down, so that it follows the data folder.
        default = folder in ("", str(default_backup_folder()))
        self.store.setValue(BACKUP_FOLDER, "" if default else folder)
        self.store.setValue(BACKUP_DAILY, "true" if self.backup_daily.isChecked() else "false")
        self.store.setValue(BACKUP_ON_EXIT, "true" if self.backup_on_exit.isChecked() else "false")
        self.store.setValue(BACKUP_KEEP, self.backup_keep.value())
        self.store.sync()
        self.accept()
