"""Settings: the language of the window."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from minutes_app.ui.common import ButtonRow

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))


class SettingsDialog(QDialog):
    """Choices kept between runs, in the settings file."""

    def __init__(self, store: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        current = str(store.value("language", "vi"))
        self.language.setCurrentIndex(max(self.language.findData(current), 0))
        self.remind = QCheckBox(self.tr("Remind me of overdue tasks when the program starts"))
        self.remind.setChecked(str(store.value("remind_on_start", "true")).lower() != "false")
        note = QLabel(self.tr("A new language applies the next time the program starts."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", self.remind)
        buttons = ButtonRow(self, self.tr("OK"), self._on_accept)
        self.ok_button = buttons.ok
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addLayout(buttons)

    def _on_accept(self) -> None:
        self.store.setValue("language", self.language.currentData())
        self.store.setValue("remind_on_start", "true" if self.remind.isChecked() else "false")
        self.store.sync()
        self.accept()
