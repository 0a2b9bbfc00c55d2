"""Adding a document to the catalogue from inside the conference editor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from minutes_app.base.text import clean
from minutes_app.core.conferences.catalogue import DOCUMENT_KINDS
from minutes_app.core.conferences.forms import DocumentForm
from minutes_app.ui.conferences.editor_widgets import ERROR_STYLE
from minutes_app.ui.widgets.common import ButtonRow, plain_label


class DocumentDialog(QDialog):
    """Add a document to the catalogue from inside the editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New document"))
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(list(DOCUMENT_KINDS))
        self.number = QLineEdit()
        self.symbol = QLineEdit()
        self.symbol.setPlaceholderText(self.tr("e.g. 96-QĐ/TW"))
        self.issued_on = QLineEdit()
        self.issued_on.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(self.tr("e.g. Bộ Chính trị"))
        self.subject = QPlainTextEdit()
        self.subject.setTabChangesFocus(True)
        self.error = plain_label()
        self.error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Symbol"), self.symbol)
        form.addRow(self.tr("&Number"), self.number)
        form.addRow(self.tr("&Date of issue"), self.issued_on)
        form.addRow(self.tr("&Issuer"), self.issuer)
        form.addRow(self.tr("Su&bject"), self.subject)
        buttons = ButtonRow(self, self.tr("Add"), self._on_accept)
        self.ok = buttons.ok
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.symbol.textEdited.connect(self._on_symbol_edited)
        self.result_form: DocumentForm | None = None

    def _on_symbol_edited(self, text: str) -> None:
        # The number is what comes before the first dash or slash of the symbol.
        head = text.strip().split("-")[0].split("/")[0].strip()
        if head.isdigit() and not self.number.isModified():
            self.number.setText(head)

    def _on_accept(self) -> None:
        issued_on = None
        date_text = self.issued_on.text().strip()
        if date_text:
            try:
                day, month, year = (int(p) for p in date_text.replace("-", "/").split("/"))
                issued_on = dt.date(year, month, day)
            except ValueError:
                self.error.setText(self.tr("The date of issue is not a date (dd/mm/yyyy)."))
                return
        if not self.kind.currentText().strip() or not self.number.text().strip():
            self.error.setText(self.tr("Kind and number are required."))
            return
        self.result_form = DocumentForm(
            kind=self.kind.currentText().strip(),
            number=self.number.text().strip(),
            symbol=clean(self.symbol.text()),
            issued_on=issued_on,
            issuer=clean(self.issuer.text()),
            subject=clean(self.subject.toPlainText()),
        )
        self.accept()
