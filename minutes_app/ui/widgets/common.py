"""Small pieces every screen uses: collation, message boxes with translated buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)


def vietnamese_collator() -> QCollator:
    """Vietnamese sort order (Ă, Â after A; Đ after D), blind to case, digits by value."""
    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)
    return collator


def plain_label(text: str = "") -> QLabel:
    """A label that shows its text as written: a name such as "<b>X</b>" is not HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def as_written(text: str) -> str:
    """``text`` for a place that reads text as HTML when it looks like HTML and cannot be
    told otherwise (a tooltip, a static message box, a chart's labels): escaped there, so
    that it shows as written; returned unchanged when Qt would show it as plain text."""
    if not GuiQt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{escape(text, quote=False)}</p>"


def ask(parent: QWidget | None, title: str, question: str, yes: str, no: str | None = None) -> bool:
    """A yes/no question whose buttons say what they do (Qt ships no Vietnamese for Yes/No)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the question may name stored records
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(
        no or QCoreApplication.translate("Common", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, title: str, text: str, *, error: bool = False) -> None:
    icon = QMessageBox.Icon.Critical if error else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names, titles: shown as written
    box.addButton(QCoreApplication.translate("Common", "Close"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


class ButtonRow(QHBoxLayout):
    """The OK and Cancel buttons at the bottom right of a dialog; Cancel rejects it."""

    def __init__(
        self, dialog: QDialog, ok_text: str, on_ok: Callable[[], object] | None = None
    ) -> None:
        super().__init__()
        self.ok = QPushButton(ok_text)
        self.ok.setDefault(True)
        self.cancel = QPushButton(QCoreApplication.translate("Common", "Cancel"))
        self.ok.clicked.connect(on_ok or dialog.accept)
        self.cancel.clicked.connect(dialog.reject)
        self.addStretch(1)
        self.addWidget(self.ok)
        self.addWidget(self.cancel)


def add_labelled(
    layout: QBoxLayout, pairs: Sequence[tuple[str, QWidget]], stretch: int = 0
) -> None:
    """Add each widget to ``layout`` after a caption that is its buddy (Alt+letter)."""
    for text, widget in pairs:
        caption = QLabel(text)
        caption.setBuddy(widget)
        layout.addWidget(caption)
        layout.addWidget(widget, stretch)


def refill_choices(box: QComboBox, everything: str, choices: Sequence[tuple[object, str]]) -> None:
    """Replace a filter's choices (first "everything", data None), keeping the current one,
    without emitting a change."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    box.addItem(everything, None)
    for value, text in choices:
        box.addItem(text, value)
    box.setCurrentIndex(max(box.findData(current), 0))
    box.blockSignals(False)
