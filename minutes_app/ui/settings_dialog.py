"""Settings: the language of the window."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

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
        note = QLabel(self.tr("A new language applies the next time the program starts."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        self.ok_button = ok = QPushButton(self.tr("OK"))
        ok.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"))
        ok.clicked.connect(self._on_accept)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addLayout(buttons)

    def _on_accept(self) -> None:
        self.store.setValue("language", self.language.currentData())
        self.store.sync()
        self.accept()
