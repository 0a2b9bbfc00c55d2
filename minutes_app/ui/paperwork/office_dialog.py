"""The office's details printed on minutes, notices and reports: names, place, signers."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from minutes_app.core.paperwork.office import Office, load_office, save_office
from minutes_app.ui.operations import OFFICE, DatabaseWorker, changes, tell_failure
from minutes_app.ui.widgets.common import ButtonRow

MAX_LENGTH = 200  # longer than any office name; a heading line must fit on the page


class OfficeDialog(QDialog):
    """Edits the office settings kept in the database (core.office); Save stores them on
    the database worker and closes the dialog once they are stored."""

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert worker.db is not None
        db = worker.db
        self.worker = worker
        self.db = db
        self.setWindowTitle(self.tr("Office and signers"))
        self.setMinimumWidth(560)
        labels = {
            "superior_body": self.tr("&Superior body (first heading line)"),
            "office_name": self.tr("&Office name"),
            "symbol": self.tr("Office s&ymbol (Số …-BB/symbol)"),
            "place": self.tr("&Place name (…, ngày … tháng … năm …)"),
            "secretary": self.tr("Default s&ecretary of minutes"),
            "notice_authority": self.tr("Notice: &authority line"),
            "notice_signer_title": self.tr("Notice: signer's &title"),
            "notice_signer": self.tr("Notice: signer's &name"),
        }
        examples = {
            "superior_body": "TỈNH ỦY BẮC KẠN",
            "office_name": "BAN TỔ CHỨC",
            "symbol": "BTCTU",
            "place": "Bắc Kạn",
            "secretary": "Nguyễn Thị Hoa",
            "notice_authority": "T/L BAN THƯỜNG VỤ",
            "notice_signer_title": "CHÁNH VĂN PHÒNG",
            "notice_signer": "Hoàng Văn Minh",
        }
        office = load_office(db)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in (f.name for f in fields(Office)):
            edit = QLineEdit(getattr(office, name))
            edit.setMaxLength(MAX_LENGTH)
            edit.setPlaceholderText(self.tr("e.g. %1").replace("%1", examples[name]))
            edit.setClearButtonEnabled(True)
            form.addRow(labels[name], edit)
            self.edits[name] = edit
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        note = QLabel(
            self.tr(
                "These details are kept in the database and printed at the top and bottom "
                "of every minutes, notice and report."
            )
        )
        note.setWordWrap(True)
        buttons = ButtonRow(self, self.tr("Save"), self._on_accept)
        self.ok_button = buttons.ok
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def office(self) -> Office:
        return Office(**{name: edit.text() for name, edit in self.edits.items()})

    def _on_accept(self) -> None:
        office = self.office()
        problems = []
        if not office.office_name.strip():
            problems.append(self.tr("The office name is required."))
        if not office.symbol.strip():
            problems.append(self.tr("The office symbol is required."))
        if problems:
            self.error.setText(" ".join(problems))
            return
        db = self.db
        self.ok_button.setEnabled(False)
        self.worker.run_op(
            self,
            lambda: save_office(db, office),
            lambda _saved: self.accept(),
            self._on_not_saved,
            change=changes(OFFICE),
        )

    def _on_not_saved(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)  # what was typed stays, to save again
        tell_failure(self, error)
