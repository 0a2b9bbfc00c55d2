"""New conference from text: paste or open an article, see what was recognised, then edit.

The text stays on the left with every recognised piece highlighted; the right side lists
what the draft holds, and a click shows where it came from. "Create conference" hands a
pre-filled form to the conference editor, which the clerk checks and saves as usual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minutes_app.base.legacy import repair
from minutes_app.base.text import nfc
from minutes_app.core.conferences.forms import ConferenceForm, DocumentForm
from minutes_app.core.parsing.draft import ConferenceDraft, draft_from_text
from minutes_app.core.parsing.draft_form import (
    TextFileError,
    form_from_draft,
    match_documents,
    read_text_file,
)
from minutes_app.core.parsing.spans import Span
from minutes_app.ui.widgets.columns import fit_columns
from minutes_app.ui.widgets.common import as_written, inform, plain_label

# Background of each kind of recognised piece; light, so black text stays readable.
SPAN_COLOURS = {
    "title": "#e3e3f7",
    "date": "#cfe5ff",
    "organizer": "#eadcf5",
    "chair": "#cdeccd",
    "host_point": "#ffe2c2",
    "bridge_point": "#ffeccc",
    "document": "#fff2a8",
    "instruction": "#ececec",
}
_SPAN_ROLE = Qt.ItemDataRole.UserRole
_READ_DELAY_MS = 400  # re-read the text this long after the last keystroke


class FromTextDialog(QDialog):
    """Reads article text into a conference draft; ``form_ready`` carries the form."""

    form_ready = Signal(object)

    def __init__(
        self,
        catalogue: list[DocumentForm],
        store: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New conference from text"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1100, 720)
        self.catalogue = catalogue
        self.store = store
        self.draft: ConferenceDraft | None = None

        self.open_button = QPushButton(self.tr("&Open file…"))
        self.open_button.setToolTip(self.tr("A .txt or .docx file (Ctrl+O)"))
        self.open_button.clicked.connect(self._on_open)
        self.paste_button = QPushButton(self.tr("&Paste"))
        self.paste_button.clicked.connect(self._on_paste)
        self.summary = plain_label(self.tr("Paste the text of a report, a notice or a speech."))
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.paste_button)
        top.addWidget(self.summary, 1)

        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("Paste the article here (Ctrl+V), or open a .txt or .docx file.")
        )
        self.text.setTabChangesFocus(True)
        self.text.textChanged.connect(self._schedule_read)
        self._converted = ""  # what was said of a legacy font's text converted, if any
        # The day the text is read: a date without a year is the latest such day before it.
        self.today: Callable[[], dt.date] = dt.date.today
        self.found = QTreeWidget()
        self.found.setHeaderLabels([self.tr("Recognised"), self.tr("Value")])
        self.found.setAlternatingRowColors(True)
        # The names fit their column (up to a cap); a value cut at the edge shows whole
        # in its tooltip.
        fit_columns(self.found, 1, {0: 240}, readable=200)
        self.found.currentItemChanged.connect(self._on_item)
        splitter = QSplitter()
        splitter.addWidget(self.text)
        splitter.addWidget(self.found)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.create_button = QPushButton(self.tr("&Create conference…"))
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self._on_create)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.create_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_READ_DELAY_MS)
        self._timer.timeout.connect(self.read_text)
        QShortcut(QKeySequence.StandardKey.Open, self, self._on_open)

    # --- input -------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Show ``text`` (as NFC, a legacy font's text converted, so that offsets match the
        draft's) and read it at once."""
        self.text.setPlainText(nfc(text))
        self.read_text()

    def load_file(self, path: Path) -> bool:
        try:
            text = read_text_file(path)
        except TextFileError as exc:
            inform(self, self.tr("Open file"), str(exc), error=True)
            return False
        self.set_text(text)
        self.summary.setText(
            self.summary.text() + " " + self.tr("(from %1)").replace("%1", path.name)
        )
        return True

    def _on_open(self) -> None:
        start = str(self.store.value("from_text_folder", "")) if self.store else ""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open article text"),
            start,
            self.tr("Text and Word files (*.txt *.docx);;All files (*)"),
        )
        if name:
            if self.store is not None:
                self.store.setValue("from_text_folder", str(Path(name).parent))
            self.load_file(Path(name))

    def _on_paste(self) -> None:
        self.set_text(QApplication.clipboard().text())

    def _schedule_read(self) -> None:
        self._timer.start()

    # --- reading -----------------------------------------------------------------------

    def read_text(self) -> None:
        """Parse the text now and show what was recognised."""
        self._timer.stop()
        text = self.text.toPlainText()
        # Decomposed marks, or a legacy font's mojibake (TCVN3, VNI): shown as the parser
        # reads them, so that offsets stay aligned; a conversion is said above the text.
        fixed = repair(nfc(text))
        if fixed.text != text:
            cursor_at = self.text.textCursor().position()
            self.text.blockSignals(True)
            self.text.setPlainText(fixed.text)
            self.text.blockSignals(False)
            cursor = self.text.textCursor()
            cursor.setPosition(min(cursor_at, len(fixed.text)))
            self.text.setTextCursor(cursor)
            text = fixed.text
        if fixed.encoding is not None:
            self._converted = (
                self.tr(
                    "The text was typed in an old %1 font: %n letter(s) converted to Unicode. "
                    "Check the names before creating the conference.",
                    "",
                    fixed.letters,
                ).replace("%1", fixed.encoding)
                + " "
            )
        self.draft = draft_from_text(text, today=self.today()) if text.strip() else None
        self._highlight()
        self._fill_tree()
        self.create_button.setEnabled(self.draft is not None)

    def _highlight(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        if self.draft is not None:
            document_length = self.text.document().characterCount()
            for span in self.draft.spans:
                if span.end > document_length:
                    continue
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.text.document())
                cursor.setPosition(span.start)
                cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(SPAN_COLOURS.get(span.what, "#eeeeee")))
                selection.format = fmt
                selections.append(selection)
        self.text.setExtraSelections(selections)

    def _fill_tree(self) -> None:
        self.found.clear()
        draft = self.draft
        if draft is None:
            self.summary.setText(self.tr("Paste the text of a report, a notice or a speech."))
            return
        spans: dict[str, list[Span]] = {}
        for span in draft.spans:
            spans.setdefault(span.what, []).append(span)

        def group(label: str) -> QTreeWidgetItem:
            item = QTreeWidgetItem(self.found, [label])
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setFirstColumnSpanned(True)
            item.setExpanded(True)
            return item

        def leaf(
            parent: QTreeWidgetItem, label: str, value: str, span: Span | None
        ) -> QTreeWidgetItem:
            item = QTreeWidgetItem(parent, [label, value])
            item.setToolTip(0, as_written(label))
            item.setToolTip(1, as_written(value))
            if span is not None:
                item.setData(0, _SPAN_ROLE, (span.start, span.end))
                item.setBackground(0, QColor(SPAN_COLOURS.get(span.what, "#eeeeee")))
            return item

        def first(what: str) -> Span | None:
            found = spans.get(what)
            return found[0] if found else None

        def nth(what: str, index: int) -> Span | None:
            found = spans.get(what, [])
            return found[index] if index < len(found) else None

        general = group(self.tr("Conference"))
        leaf(general, self.tr("Title"), draft.title or "—", first("title"))
        when = "—"
        if draft.date is not None:
            when = f"{draft.date:%d/%m/%Y}"
            if draft.year_inferred:
                when += " " + self.tr("(year inferred: check it)")
        leaf(general, self.tr("Date"), when, first("date"))
        sessions = {
            "morning": self.tr("morning"),
            "afternoon": self.tr("afternoon"),
            "evening": self.tr("evening"),
        }
        leaf(general, self.tr("Session"), sessions.get(draft.session or "", "—"), None)
        leaf(general, self.tr("Organizer"), draft.organizer or "—", first("organizer"))
        leaf(general, self.tr("Host point"), draft.host_point or "—", first("host_point"))

        chairs = group(self.tr("Chairs (%1)").replace("%1", str(len(draft.chairs))))
        for index, person in enumerate(draft.chairs):
            leaf(chairs, person.name, person.title or "", nth("chair", index))

        points = group(self.tr("Bridge points (%1)").replace("%1", str(len(draft.bridge_points))))
        for index, point in enumerate(draft.bridge_points):
            presiding = ", ".join(p.name for p in point.presiding)
            leaf(points, point.name, presiding, nth("bridge_point", index))

        matches = match_documents(draft.documents, self.catalogue)
        known = sum(1 for m in matches if m.known)
        documents = group(
            self.tr("Documents (%1: %2 in the catalogue, %3 new)")
            .replace("%1", str(len(matches)))
            .replace("%2", str(known))
            .replace("%3", str(len(matches) - known))
        )
        for match in matches:
            cited = match.citation
            details = [cited.symbol or cited.number]
            if cited.issued_on:
                details.append(f"{cited.issued_on:%d/%m/%Y}")
            if cited.issuer:
                details.append(cited.issuer)
            mark = self.tr("in the catalogue") if match.known else self.tr("new")
            item = leaf(
                documents,
                f"{cited.kind} {cited.symbol or cited.number}",
                " · ".join([*details[1:], mark]),
                Span(cited.start, cited.end, "document"),
            )
            item.setToolTip(0, as_written(f"{item.text(0)}: {cited.subject or cited.text}"))

        instructions = group(
            self.tr("Closing instructions (%1)").replace("%1", str(len(draft.instructions)))
        )
        for index, text in enumerate(draft.instructions):
            leaf(instructions, str(index + 1), text, nth("instruction", index))

        self.summary.setText(
            self._converted
            + self.tr(
                "Recognised %1 document(s), %2 chair(s), %3 bridge point(s), %4 instruction(s)."
            )
            .replace("%1", str(len(draft.documents)))
            .replace("%2", str(len(draft.chairs)))
            .replace("%3", str(len(draft.bridge_points)))
            .replace("%4", str(len(draft.instructions)))
        )

    def _on_item(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        where = item.data(0, _SPAN_ROLE) if item is not None else None
        if not where:
            return
        start, end = where
        cursor = self.text.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()

    # --- out ---------------------------------------------------------------------------

    def form(self) -> ConferenceForm | None:
        """The form the draft proposes, documents matched to the catalogue."""
        if self.draft is None:
            return None
        return form_from_draft(self.draft, self.catalogue)

    def _on_create(self) -> None:
        self.read_text()
        form = self.form()
        if form is not None:
            self.form_ready.emit(form)
