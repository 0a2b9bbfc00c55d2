"""The office's details printed on minutes, notices and reports: names, place, signers."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from minutes_app.core.paperwork.office import Office, load_office, office_is_set, save_office
from minutes_app.core.paperwork.signing import (
    AUTHORISED,
    AUTHORISED_NOT_COMMITTEE,
    CHAIR,
    DEPUTY,
    DEPUTY_WITHOUT_HEAD,
    ON_BEHALF,
    ON_BEHALF_NOT_COMMITTEE,
    OWN,
    PAPER_KINDS,
    PERSONAL_FOR_COMMITTEE,
    REFUSED,
    UNKNOWN_WAY,
    default_post,
    problem,
    ways_for,
)
from minutes_app.ui.operations import OFFICE, DatabaseWorker, changes, tell_failure
from minutes_app.ui.widgets.common import ButtonRow

MAX_LENGTH = 200  # longer than any office name; a heading line must fit on the page
_HEADING_FIELDS = ("superior_body", "office_name", "symbol", "place", "secretary")


class OfficeDialog(QDialog):
    """Edits the office settings kept in the database (core.paperwork.office): the heading,
    and per kind of paper who signs and how, with a preview of each signature block. Save
    stores them on the database worker and closes the dialog once they are stored; a way of
    signing HD 36 does not allow under the heading is refused, a doubtful one warned about.
    ``office``: the settings as stored, read on the worker first (``edit_office``).
    ``first_time``: asked for before the first paper, which says so at the top."""

    def __init__(
        self,
        worker: DatabaseWorker,
        office: Office,
        parent: QWidget | None = None,
        first_time: bool = False,
    ) -> None:
        super().__init__(parent)
        assert worker.db is not None
        self.worker = worker
        self.db = worker.db
        self.setWindowTitle(self.tr("Office and signers"))
        self.setMinimumWidth(760)
        labels = {
            "superior_body": self.tr("&Superior body (first heading line)"),
            "office_name": self.tr("&Office name"),
            "symbol": self.tr("Office s&ymbol (Số …-BB/symbol)"),
            "place": self.tr("&Place name (…, ngày … tháng … năm …)"),
            "secretary": self.tr("Default s&ecretary of minutes"),
        }
        examples = {
            "superior_body": "TỈNH ỦY BẮC KẠN",
            "office_name": "BAN TỔ CHỨC",
            "symbol": "BTCTU",
            "place": "Bắc Kạn",
            "secretary": "Nguyễn Thị Hoa",
        }
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in _HEADING_FIELDS:
            edit = self._edit(
                getattr(office, name), self.tr("e.g. %1").replace("%1", examples[name])
            )
            form.addRow(labels[name], edit)
            self.edits[name] = edit

        self.ways: dict[str, QComboBox] = {}
        self.previews: dict[str, QLabel] = {}
        signers = QGroupBox(self.tr("Who signs each paper (HD 36)"))
        grid = QGridLayout(signers)
        titles = {
            "minutes": self.tr("Minutes"),
            "notice": self.tr("Notice of conclusions"),
            "report": self.tr("Period report"),
        }
        rows = (
            self.tr("&Way of signing"),
            self.tr("Signer's p&ost"),
            self.tr("Signer's &name"),
            self.tr("Signature block"),
        )
        captions = [QLabel(text) for text in rows]
        for row, caption in enumerate(captions, 1):
            grid.addWidget(caption, row, 0)
        captions[-1].setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for column, kind in enumerate(PAPER_KINDS, 1):
            title = QLabel(f"<b>{escape(titles[kind])}</b>")
            grid.addWidget(title, 0, column)
            way = QComboBox()
            way.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            for code in ways_for(kind):
                way.addItem(self._way_words(code), code)
            way.setCurrentIndex(max(0, way.findData(office.signing(kind))))
            post = self._edit(getattr(office, f"{kind}_signer_post"), "")
            signer = self._edit(
                getattr(office, f"{kind}_signer"),
                self.tr("e.g. %1").replace("%1", "Hoàng Văn Minh"),
            )
            preview = QLabel()
            preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            preview.setWordWrap(True)
            preview.setTextFormat(Qt.TextFormat.RichText)
            preview.setMinimumHeight(preview.fontMetrics().lineSpacing() * 8)
            widgets: tuple[QWidget, ...] = (way, post, signer, preview)
            for widget_row, widget in enumerate(widgets, 1):
                grid.addWidget(widget, widget_row, column)
            if column == 1:  # Alt+letter goes to the minutes' column
                for caption, buddy in zip(captions[:3], widgets[:3], strict=True):
                    caption.setBuddy(buddy)
            self.ways[kind] = way
            self.edits[f"{kind}_signer_post"] = post
            self.edits[f"{kind}_signer"] = signer
            self.previews[kind] = preview
            way.currentIndexChanged.connect(self._show_signers)
            post.textChanged.connect(self._show_signers)
            signer.textChanged.connect(self._show_signers)
        for column in range(1, len(PAPER_KINDS) + 1):
            grid.setColumnStretch(column, 1)
        self.edits["office_name"].textChanged.connect(self._show_signers)

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
        if first_time:  # asked for by the first paper exported
            note.setText(
                self.tr(
                    "The office has not been set yet. Check the heading and the signers, "
                    "then Save: the paper follows. These details are kept in the database "
                    "for every paper."
                )
            )
            note.setStyleSheet("font-weight: bold;")
        buttons = ButtonRow(self, self.tr("Save"), self._on_accept)
        self.ok_button = buttons.ok
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(signers)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._show_signers()

    def _edit(self, text: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setMaxLength(MAX_LENGTH)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return edit

    def _way_words(self, way: str) -> str:
        return {
            CHAIR: self.tr("Chair and recorder (HD 16)"),
            OWN: self.tr("Head, in their own post"),
            DEPUTY: self.tr("Deputy, for the head (K/T)"),
            ON_BEHALF: self.tr("On behalf of the committee (T/M)"),
            AUTHORISED: self.tr("By authorisation (T/L)"),
        }[way]

    def problem_words(self, code: str, office_name: str) -> str:
        """A problem of core.paperwork.signing in the window's language."""
        words = {
            ON_BEHALF_NOT_COMMITTEE: self.tr(
                "T/M (on behalf of the committee) is only for a committee (a Party committee, "
                "its standing committee…); %1 is not one."
            ),
            AUTHORISED_NOT_COMMITTEE: self.tr(
                "T/L (by authorisation) is only for papers headed by the committee itself; "
                "%1 is not a committee."
            ),
            PERSONAL_FOR_COMMITTEE: self.tr(
                "%1 is led collectively: its papers are usually signed T/M or T/L."
            ),
            DEPUTY_WITHOUT_HEAD: self.tr(
                "K/T names the head's post, which cannot be told from %1 "
                "(a Ban or a Văn phòng has one)."
            ),
            UNKNOWN_WAY: self.tr("Choose a way of signing."),
        }[code]
        return words.replace("%1", f"“{office_name.strip() or '…'}”")

    def office(self) -> Office:
        values = {name: edit.text() for name, edit in self.edits.items()}
        ways = {f"{kind}_signing": str(box.currentData()) for kind, box in self.ways.items()}
        return Office(**values, **ways)

    def _show_signers(self) -> None:
        """Each paper's signature block as it will print, with what HD 36 says of it."""
        office = self.office()
        for kind, preview in self.previews.items():
            way = office.signing(kind)
            chair = way == CHAIR
            post = self.edits[f"{kind}_signer_post"]
            post.setEnabled(not chair)
            self.edits[f"{kind}_signer"].setEnabled(not chair)
            post.setPlaceholderText(default_post(office.office_name, way) if not chair else "")
            if chair:
                lines = [
                    "<b>THƯ KÝ · CHỦ TRÌ</b>",
                    escape(self.tr("(names from each conference)")),
                ]
            else:
                signer = office.signer_lines(kind)
                lines = [
                    f"<b>{escape(line)}</b>" for line in (signer.authority, signer.post) if line
                ]
                lines.append(f"<br><b>{escape(signer.name or '…')}</b>")
            code = problem(office.office_name, way)
            if code is not None:
                colour = "#b00020" if code in REFUSED else "#8a5a00"
                words = escape(self.problem_words(code, office.office_name))
                lines.append(f"<span style='color:{colour}'>{words}</span>")
            preview.setText("<br>".join(lines))

    def _on_accept(self) -> None:
        office = self.office()
        problems = []
        if not office.office_name.strip():
            problems.append(self.tr("The office name is required."))
        if not office.symbol.strip():
            problems.append(self.tr("The office symbol is required."))
        titles = {
            "minutes": self.tr("Minutes"),
            "notice": self.tr("Notice"),
            "report": self.tr("Report"),
        }
        for kind, code in office.signing_problems():
            if code in REFUSED and office.office_name.strip():
                words = self.problem_words(code, office.office_name)
                problems.append(f"{titles[kind]}: {words}")
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


def edit_office(
    worker: DatabaseWorker,
    parent: QWidget,
    then: Callable[[bool], object] | None = None,
    *,
    unless_set: bool = False,
) -> None:
    """Read the office settings on the database worker, then edit them in the dialog
    (modal to ``parent``); returns at once. ``then(ready)`` follows: True once they are
    saved, False when the clerk cancels or they could not be read (the server out of
    reach: the window's banner says so). ``unless_set``: before a paper, settings saved
    once are taken as they are, with no dialog (``then(True)``); never saved, the dialog
    says the paper waits for them."""
    db = worker.db
    assert db is not None

    def read() -> Office | None:
        return None if unless_set and office_is_set(db) else load_office(db)

    def ask(office: Office | None) -> None:
        if office is None:
            if then is not None:
                then(True)
            return
        dialog = OfficeDialog(worker, office, parent, first_time=unless_set)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if then is not None:
            dialog.finished.connect(lambda result: then(result == QDialog.DialogCode.Accepted))
        dialog.open()

    def failed(error: BaseException) -> None:
        tell_failure(parent, error)
        if then is not None:
            then(False)

    worker.run_op(parent, read, ask, failed)
