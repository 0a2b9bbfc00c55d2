"""The conference editor: every part of a conference, checked as it is typed, with undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from minutes_app.base.text import clean, fold
from minutes_app.core.conferences.catalogue import DOCUMENT_KINDS, EditorChoices, document_haystack
from minutes_app.core.conferences.editing import (
    AppearanceForm,
    BridgePointForm,
    ConferenceForm,
    DocumentForm,
    InstructionForm,
    PersonRef,
    Problem,
    StudiedForm,
    check,
)
from minutes_app.ui.widgets.common import ButtonRow, plain_label
from minutes_app.ui.widgets.completion import CompletingDelegate, FoldingCompleter
from minutes_app.ui.widgets.table_section import TableSection

MODES = ("online", "in_person", "hybrid")
SESSIONS = (None, "morning", "afternoon", "evening")
TAB_GENERAL, TAB_POINTS, TAB_DOCUMENTS, TAB_DISCUSSION, TAB_INSTRUCTIONS, TAB_NOTES = range(6)
_LIST_TABS = {
    "chairs": TAB_GENERAL,
    "secretary": TAB_GENERAL,
    "bridge_points": TAB_POINTS,
    "documents": TAB_DOCUMENTS,
    "discussion": TAB_DISCUSSION,
    "instructions": TAB_INSTRUCTIONS,
    "notes": TAB_NOTES,
}
ERROR_STYLE = "color: #b3261e;"
# Both redo keys people know, whatever the platform's own binding is.
REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


class EditCommand(QUndoCommand):
    """One change of the form, as the form before and after it. Typing in one field merges."""

    def __init__(
        self, editor: ConferenceEditor, before: ConferenceForm, after: ConferenceForm, key: str
    ) -> None:
        super().__init__(key)
        self.editor = editor
        self.before = before
        self.after = after
        self.key = key
        self._done = False

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.key != self.key or self.key.startswith("!"):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        # The first redo is the edit the clerk just made: the widgets already show it.
        if self._done:
            self.editor.apply_form(self.after)
        self._done = True

    def undo(self) -> None:
        self.editor.apply_form(self.before)


def _appearance_cells(a: AppearanceForm | None) -> tuple[list[str], int | None]:
    if a is None:
        return ["", ""], None
    return [a.person.name, a.title or ""], a.person.id


def _person(name: str, person_id: Any) -> PersonRef:
    return PersonRef(name.strip(), person_id if isinstance(person_id, int) else None)


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


class ConferenceEditor(QDialog):
    """Edits one conference; the caller saves what ``form()`` returns when ``save`` is asked."""

    # The clerk asked to save; carries the form, which passes check().
    save_requested = Signal(object)
    # The clerk asked to create tasks from the instruction at this row.
    create_tasks_requested = Signal(int)
    # The editor closed (after its changes were saved or discarded).
    closed = Signal()

    def __init__(
        self, form: ConferenceForm, choices: EditorChoices, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conference"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1000, 700)
        self.choices = choices
        self.undo_stack = QUndoStack(self)
        self._form = form
        # The conference as last read from or saved to the database: what the clerk's
        # edits are made over, for merging when someone else saved in between.
        self.saved_form = form
        self._applying = False
        self._save_handler: Any = None
        self._saving: _InputHold | None = None
        self._session_names = [
            self.tr("—"),
            self.tr("morning"),
            self.tr("afternoon"),
            self.tr("evening"),
        ]

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_general(), self.tr("&General"))
        self.tabs.addTab(self._build_points(), self.tr("&Bridge points"))
        self.tabs.addTab(self._build_documents(), self.tr("&Documents studied"))
        self.tabs.addTab(self._build_discussion(), self.tr("D&iscussion"))
        self.tabs.addTab(self._build_instructions(), self.tr("&Closing instructions"))
        self.tabs.addTab(self._build_notes(), self.tr("N&otes"))

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts(list(REDO_KEYS))
        self.save_action = QAction(self.tr("Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self._on_save)
        for action in (self.undo_action, self.redo_action, self.save_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

        self.summary = QLabel()
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.redo_button = QPushButton(self.tr("Redo"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.undo_button, self.redo_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.save_button.clicked.connect(self._on_save)
        self.close_button.clicked.connect(self.close)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        for button in (self.undo_button, self.redo_button, self.save_button, self.close_button):
            bottom.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.apply_form(form)
        self._connect_edits()
        self._update_title()

    # --- construction of the tabs ------------------------------------------------------

    def _error_label(self) -> QLabel:
        label = plain_label()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _line(self, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.installEventFilter(self)
        return edit

    def _text_box(self, placeholder: str = "") -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setPlaceholderText(placeholder)
        box.setUndoRedoEnabled(False)  # the editor's undo stack covers it
        box.setTabChangesFocus(True)
        box.installEventFilter(self)
        return box

    def _build_general(self) -> QWidget:
        page = QWidget()
        self.title_edit = self._line(
            self.tr("e.g. Hội nghị trực tuyến quán triệt Quy định số 96-QĐ/TW")
        )
        self.title_error = self._error_label()
        self.kind_box = QComboBox()
        self.kind_box.setEditable(True)
        self.kind_box.addItems(list(self.choices.kinds))
        self._combo_line(self.kind_box).installEventFilter(self)
        self.mode_box = QComboBox()
        self.mode_box.addItems([self.tr("online"), self.tr("in person"), self.tr("hybrid")])
        self.organizer_box = QComboBox()
        self.organizer_box.setEditable(True)
        self.organizer_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.organizer_box.addItems(list(self.choices.organizers))
        self._combo_line(self.organizer_box).installEventFilter(self)
        self._combo_line(self.organizer_box).setPlaceholderText(
            self.tr("e.g. Ban Tổ chức Trung ương")
        )
        self.date_edit = QDateEdit()
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.date_error = self._error_label()
        self.session_box = QComboBox()
        self.session_box.addItems(self._session_names)
        self.start_edit = self._line(self.tr("HH:MM"))
        self.end_edit = self._line(self.tr("HH:MM"))
        for edit in (self.start_edit, self.end_edit):
            edit.setMaximumWidth(80)
        self.time_error = self._error_label()
        self.host_edit = self._line(self.tr("e.g. Trụ sở Ban Tổ chức Trung ương, Hà Nội"))
        self.secretary_edit = self._line(self.tr("who writes the minutes"))
        self.secretary_title = self._line(self.tr("title"))
        FoldingCompleter(self.choices.people, self.secretary_edit).attach(self.secretary_edit)
        self.chairs = TableSection([self.tr("Chair"), self.tr("Title held that day")], stretch=1)
        self.chairs.table.setItemDelegateForColumn(0, CompletingDelegate(self.choices.people, self))
        self.chairs.table.horizontalHeader().resizeSection(0, 220)
        self.chairs_error = self._error_label()

        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addWidget(QLabel(self.tr("Session")))
        when.addWidget(self.session_box)
        when.addWidget(QLabel(self.tr("from")))
        when.addWidget(self.start_edit)
        when.addWidget(QLabel(self.tr("to")))
        when.addWidget(self.end_edit)
        when.addStretch(1)
        secretary = QHBoxLayout()
        secretary.addWidget(self.secretary_edit, 1)
        secretary.addWidget(self.secretary_title, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self._buddy(self.tr("&Title"), self.title_edit), self.title_edit)
        form.addRow("", self.title_error)
        kind_mode = QHBoxLayout()
        kind_mode.addWidget(self.kind_box, 2)
        kind_mode.addWidget(self._buddy(self.tr("&Mode"), self.mode_box))
        kind_mode.addWidget(self.mode_box, 1)
        form.addRow(self._buddy(self.tr("&Kind"), self.kind_box), kind_mode)
        form.addRow(self._buddy(self.tr("O&rganizer"), self.organizer_box), self.organizer_box)
        form.addRow(self._buddy(self.tr("D&ate"), self.date_edit), when)
        form.addRow("", self.date_error)
        form.addRow("", self.time_error)
        form.addRow(self._buddy(self.tr("&Host point"), self.host_edit), self.host_edit)
        form.addRow(self._buddy(self.tr("Secretar&y"), self.secretary_edit), secretary)
        form.addRow(self.tr("Chairs"), self.chairs)
        form.addRow("", self.chairs_error)
        page.setLayout(form)
        return page

    @staticmethod
    def _combo_line(box: QComboBox) -> QLineEdit:
        line = box.lineEdit()
        assert line is not None, "an editable combo box has a line edit"
        return line

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _build_points(self) -> QWidget:
        self.points = TableSection(
            [self.tr("Bridge point"), self.tr("Host unit"), self.tr("Head count")], stretch=0
        )
        self.points.table.setItemDelegateForColumn(1, CompletingDelegate(self.choices.units, self))
        self.points.table.horizontalHeader().resizeSection(1, 220)
        self.points.table.horizontalHeader().resizeSection(2, 90)
        self.presiding = TableSection([self.tr("Presiding"), self.tr("Title")], stretch=1)
        self.attendees = TableSection([self.tr("Named attendee"), self.tr("Title")], stretch=1)
        for people in (self.presiding, self.attendees):
            people.table.setItemDelegateForColumn(0, CompletingDelegate(self.choices.people, self))
            people.table.horizontalHeader().resizeSection(0, 200)
        self.points_error = self._error_label()
        detail = QWidget()
        detail_layout = QGridLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.point_caption = plain_label()  # "People at %1": the name as the clerk typed it
        detail_layout.addWidget(self.point_caption, 0, 0, 1, 2)
        detail_layout.addWidget(self.presiding, 1, 0)
        detail_layout.addWidget(self.attendees, 1, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.points)
        splitter.addWidget(detail)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.points_error)
        return page

    def _build_documents(self) -> QWidget:
        self.document_search = self._line(
            self.tr("Type part of a symbol, number or subject, e.g. 96-QĐ/TW or qd 96, then Enter")
        )
        self._document_labels = {self._document_label(d): d for d in self.choices.documents}
        self.document_completer = FoldingCompleter([], self.document_search)
        self.document_completer.set_choices(list(self._document_labels))
        self.document_completer.matches = self._match_documents  # type: ignore[method-assign]
        self.document_completer.attach(self.document_search)
        self.document_completer.activated.connect(self._on_document_picked)
        self.document_search.returnPressed.connect(self._on_document_enter)
        self.new_document_button = QPushButton(self.tr("&New document…"))
        self.new_document_button.setAutoDefault(False)
        self.new_document_button.clicked.connect(self._on_new_document)
        self.documents = TableSection(
            [self.tr("Document"), self.tr("Presenter"), self.tr("Presenter's title")],
            read_only=(0,),
            stretch=0,
        )
        self.documents.add_button.hide()
        self.documents.table.setItemDelegateForColumn(
            1, CompletingDelegate(self.choices.people, self)
        )
        self.documents_error = self._error_label()
        pick = QHBoxLayout()
        pick.addWidget(self._buddy(self.tr("Add from the &catalogue"), self.document_search))
        pick.addWidget(self.document_search, 1)
        pick.addWidget(self.new_document_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(pick)
        layout.addWidget(self.documents, 1)
        layout.addWidget(self.documents_error)
        return page

    def _build_discussion(self) -> QWidget:
        self.discussion_edit = self._text_box(
            self.tr("Delegates' opinions, proposals and the answers given")
        )
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.discussion_edit)
        return page

    def _build_instructions(self) -> QWidget:
        self.instructions = TableSection(
            [self.tr("Instruction"), self.tr("Speaker"), self.tr("Tasks")],
            read_only=(0, 1, 2),
            stretch=0,
        )
        self.instructions.table.setWordWrap(False)
        self.instructions.table.horizontalHeader().resizeSection(1, 180)
        self.instructions.table.horizontalHeader().resizeSection(2, 70)
        self.speaker_edit = self._line(self.tr("who gave the instruction"))
        self.speaker_title = self._line(self.tr("title"))
        FoldingCompleter(self.choices.people, self.speaker_edit).attach(self.speaker_edit)
        self.instruction_text = self._text_box(self.tr("The instruction as given"))
        self.instructions_error = self._error_label()
        self.create_tasks_button = QPushButton(self.tr("Create &tasks…"))
        self.create_tasks_button.setAutoDefault(False)
        self.create_tasks_button.setEnabled(False)
        self.create_tasks_button.clicked.connect(self._on_create_tasks)
        self.instructions.button_row.addWidget(self.create_tasks_button)
        speaker = QHBoxLayout()
        speaker.addWidget(self._buddy(self.tr("S&peaker"), self.speaker_edit))
        speaker.addWidget(self.speaker_edit, 1)
        speaker.addWidget(self.speaker_title, 1)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(speaker)
        detail_layout.addWidget(self._buddy(self.tr("&Text"), self.instruction_text))
        detail_layout.addWidget(self.instruction_text, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.instructions)
        splitter.addWidget(detail)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.instructions_error)
        return page

    def _build_notes(self) -> QWidget:
        self.notes_edit = self._text_box(self.tr("Anything else worth keeping"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.notes_edit)
        return page

    def _connect_edits(self) -> None:
        self.title_edit.textEdited.connect(lambda: self._edited("title"))
        self.kind_box.currentTextChanged.connect(lambda: self._edited("kind"))
        self.mode_box.currentIndexChanged.connect(lambda: self._edited("!mode"))
        self.organizer_box.currentTextChanged.connect(lambda: self._edited("organizer"))
        self.date_edit.dateChanged.connect(lambda: self._edited("date"))
        self.session_box.currentIndexChanged.connect(lambda: self._edited("!session"))
        self.start_edit.textEdited.connect(lambda: self._edited("start_time"))
        self.end_edit.textEdited.connect(lambda: self._edited("end_time"))
        self.host_edit.textEdited.connect(lambda: self._edited("host_point"))
        self.secretary_edit.textChanged.connect(lambda: self._edited("secretary"))
        self.secretary_title.textEdited.connect(lambda: self._edited("secretary_title"))
        self.chairs.changed.connect(lambda: self._edited("!chairs"))
        self.points.changed.connect(lambda: self._edited("!points"))
        self.points.current_changed.connect(self._on_point_selected)
        self.presiding.changed.connect(lambda: self._edited("!presiding"))
        self.attendees.changed.connect(lambda: self._edited("!attendees"))
        self.documents.changed.connect(lambda: self._edited("!documents"))
        self.discussion_edit.textChanged.connect(lambda: self._edited("discussion"))
        self.instructions.changed.connect(lambda: self._edited("!instructions"))
        self.instructions.current_changed.connect(self._on_instruction_selected)
        self.instructions.add_button.clicked.disconnect()
        self.instructions.add_button.clicked.connect(self._on_add_instruction)
        self.speaker_edit.textChanged.connect(lambda: self._edited("speaker"))
        self.speaker_title.textEdited.connect(lambda: self._edited("speaker_title"))
        self.instruction_text.textChanged.connect(lambda: self._edited("instruction_text"))
        self.notes_edit.textChanged.connect(lambda: self._edited("notes"))

    # --- form <-> widgets --------------------------------------------------------------

    def form(self) -> ConferenceForm:
        """The conference as the widgets show it now."""
        return self._form

    def apply_form(self, form: ConferenceForm) -> None:
        """Show ``form`` in every widget (loading, undo, redo) without recording an edit."""
        self._applying = True
        try:
            self._form = form
            self._set_line(self.title_edit, form.title)
            self._set_combo_text(self.kind_box, form.kind or "")
            self.mode_box.setCurrentIndex(MODES.index(form.mode) if form.mode in MODES else 0)
            self._set_combo_text(self.organizer_box, form.organizer or "")
            when = form.date or dt.date.today()
            self.date_edit.setDate(QDate(when.year, when.month, when.day))
            self.session_box.setCurrentIndex(SESSIONS.index(form.session))
            self._set_line(self.start_edit, form.start_time or "")
            self._set_line(self.end_edit, form.end_time or "")
            self._set_line(self.host_edit, form.host_point or "")
            secretary_cells, _ = _appearance_cells(form.secretary)
            self._set_line(self.secretary_edit, secretary_cells[0])
            self._set_line(self.secretary_title, secretary_cells[1])
            self.chairs.set_rows([_appearance_cells(a) for a in form.chairs])
            self.points.set_rows(
                [
                    (
                        [
                            p.name,
                            p.unit or "",
                            "" if p.attendee_count is None else str(p.attendee_count),
                        ],
                        i,
                    )
                    for i, p in enumerate(form.bridge_points)
                ]
            )
            self._show_point(self.points.table.currentRow())
            self.documents.set_rows(
                [
                    (
                        [self._document_label(s.document), *_appearance_cells(s.presenter)[0]],
                        s.document,
                    )
                    for s in form.documents
                ]
            )
            self._set_text(self.discussion_edit, form.discussion or "")
            self.instructions.set_rows(
                [
                    (
                        [
                            " ".join(i.text.split())[:200],
                            i.speaker.person.name if i.speaker else "",
                            str(i.task_count) if i.task_count else "",
                        ],
                        index,
                    )
                    for index, i in enumerate(form.instructions)
                ]
            )
            self._show_instruction(self.instructions.table.currentRow())
            self.create_tasks_button.setEnabled(self.instructions.table.currentRow() >= 0)
            self._set_text(self.notes_edit, form.notes or "")
        finally:
            self._applying = False
        self._show_problems()

    def _set_line(self, edit: QLineEdit, text: str) -> None:
        if edit.text() != text:
            edit.blockSignals(True)
            edit.setText(text)
            edit.blockSignals(False)

    def _set_text(self, box: QPlainTextEdit, text: str) -> None:
        if box.toPlainText() != text:
            box.blockSignals(True)
            box.setPlainText(text)
            box.blockSignals(False)

    def _set_combo_text(self, box: QComboBox, text: str) -> None:
        if box.currentText() != text:
            box.blockSignals(True)
            box.setCurrentText(text)
            box.blockSignals(False)

    def _show_point(self, row: int) -> None:
        points = self._form.bridge_points
        point = points[row] if 0 <= row < len(points) else None
        for section, people in (
            (self.presiding, point.presiding if point else ()),
            (self.attendees, point.attendees if point else ()),
        ):
            section.set_rows([_appearance_cells(a) for a in people])
            section.setEnabled(point is not None)
        self.point_caption.setText(
            self.tr("People at %1").replace("%1", point.name) if point and point.name else ""
        )

    def _show_instruction(self, row: int) -> None:
        items = self._form.instructions
        item = items[row] if 0 <= row < len(items) else None
        self._set_line(self.speaker_edit, item.speaker.person.name if item and item.speaker else "")
        self._set_line(
            self.speaker_title, item.speaker.title or "" if item and item.speaker else ""
        )
        self._set_text(self.instruction_text, item.text if item else "")
        for widget in (self.speaker_edit, self.speaker_title, self.instruction_text):
            widget.setEnabled(item is not None)

    def _read(self) -> ConferenceForm:
        """A new form from the widgets, keeping what they do not show (ids, task counts)."""
        old = self._form
        date = self.date_edit.date()
        secretary_name = self.secretary_edit.text().strip()
        old_secretary_id = old.secretary.person.id if old.secretary else None
        form = replace(
            old,
            title=self.title_edit.text(),
            kind=clean(self.kind_box.currentText()),
            mode=MODES[max(self.mode_box.currentIndex(), 0)],
            organizer=clean(self.organizer_box.currentText()),
            date=dt.date(date.year(), date.month(), date.day()),
            session=SESSIONS[max(self.session_box.currentIndex(), 0)],
            start_time=clean(self.start_edit.text()),
            end_time=clean(self.end_edit.text()),
            host_point=clean(self.host_edit.text()),
            secretary=AppearanceForm(
                _person(
                    secretary_name,
                    old_secretary_id
                    if old.secretary and old.secretary.person.name == secretary_name
                    else None,
                ),
                clean(self.secretary_title.text()),
            )
            if secretary_name
            else None,
            chairs=self._read_people(self.chairs, old.chairs),
            bridge_points=self._read_points(old),
            documents=self._read_documents(old),
            discussion=self.discussion_edit.toPlainText() or None,
            instructions=self._read_instructions(old),
            notes=self.notes_edit.toPlainText() or None,
        )
        return form

    def _read_people(
        self, section: TableSection, old: tuple[AppearanceForm, ...]
    ) -> tuple[AppearanceForm, ...]:
        ids = {a.person.name: a.person.id for a in old}
        people = []
        for row in range(section.row_count()):
            name = section.text(row, 0).strip()
            if not name and not section.text(row, 1).strip():
                continue
            people.append(AppearanceForm(_person(name, ids.get(name)), clean(section.text(row, 1))))
        return tuple(people)

    def _read_points(self, old: ConferenceForm) -> tuple[BridgePointForm, ...]:
        points = []
        current = self.points.table.currentRow()
        for row in range(self.points.row_count()):
            index = self.points.data(row)
            before = (
                old.bridge_points[index]
                if isinstance(index, int) and 0 <= index < len(old.bridge_points)
                else BridgePointForm(name="")
            )
            count_text = self.points.text(row, 2).strip()
            count: int | None
            try:
                count = int(count_text) if count_text else None
            except ValueError:
                count = before.attendee_count
            point = replace(
                before,
                name=self.points.text(row, 0).strip(),
                unit=clean(self.points.text(row, 1)),
                attendee_count=count,
            )
            if row == current and self.presiding.isEnabled():
                point = replace(
                    point,
                    presiding=self._read_people(self.presiding, before.presiding),
                    attendees=self._read_people(self.attendees, before.attendees),
                )
            points.append(point)
        return tuple(points)

    def _read_documents(self, old: ConferenceForm) -> tuple[StudiedForm, ...]:
        studied = []
        old_presenters = {s.document: s.presenter for s in old.documents}
        for row in range(self.documents.row_count()):
            document = self.documents.data(row)
            if not isinstance(document, DocumentForm):
                continue
            name = self.documents.text(row, 1).strip()
            before = old_presenters.get(document)
            presenter = (
                AppearanceForm(
                    _person(
                        name, before.person.id if before and before.person.name == name else None
                    ),
                    clean(self.documents.text(row, 2)),
                )
                if name
                else None
            )
            studied.append(StudiedForm(document, presenter))
        return tuple(studied)

    def _read_instructions(self, old: ConferenceForm) -> tuple[InstructionForm, ...]:
        items = []
        current = self.instructions.table.currentRow()
        for row in range(self.instructions.row_count()):
            index = self.instructions.data(row)
            item = (
                old.instructions[index]
                if isinstance(index, int) and 0 <= index < len(old.instructions)
                else InstructionForm(text="")
            )
            if row == current and self.instruction_text.isEnabled():
                speaker_name = self.speaker_edit.text().strip()
                old_speaker = item.speaker
                item = replace(
                    item,
                    text=self.instruction_text.toPlainText(),
                    speaker=AppearanceForm(
                        _person(
                            speaker_name,
                            old_speaker.person.id
                            if old_speaker and old_speaker.person.name == speaker_name
                            else None,
                        ),
                        clean(self.speaker_title.text()),
                    )
                    if speaker_name
                    else None,
                )
            items.append(item)
        return tuple(items)

    # --- edits, undo, checks -----------------------------------------------------------

    def _edited(self, key: str) -> None:
        if self._applying:
            return
        before = self._form
        after = self._read()
        if after == before:
            return
        self._form = after
        self.undo_stack.push(EditCommand(self, before, after, key))
        # Row positions are data of the table rows: renumber them after any list change.
        if key.startswith("!") or key in ("instruction_text", "speaker"):
            self._renumber()
        self._show_problems()

    def _renumber(self) -> None:
        self._applying = True
        try:
            for section in (self.points, self.instructions):
                for row in range(section.row_count()):
                    section.set_data(row, row)
            row = self.instructions.table.currentRow()
            if 0 <= row < len(self._form.instructions):
                item = self._form.instructions[row]
                cell = self.instructions.table.item(row, 0)
                speaker = self.instructions.table.item(row, 1)
                self.instructions.table.blockSignals(True)
                if cell is not None:
                    cell.setText(" ".join(item.text.split())[:200])
                if speaker is not None:
                    speaker.setText(item.speaker.person.name if item.speaker else "")
                self.instructions.table.blockSignals(False)
            point_row = self.points.table.currentRow()
            if 0 <= point_row < len(self._form.bridge_points):
                name = self._form.bridge_points[point_row].name
                self.point_caption.setText(
                    self.tr("People at %1").replace("%1", name) if name else ""
                )
        finally:
            self._applying = False

    def problems(self) -> list[Problem]:
        return check(self._form)

    def _message(self, code: str) -> str:
        messages = {
            "required": self.tr("Required."),
            "too_long": self.tr("Too long."),
            "bad_time": self.tr("Enter a time as HH:MM, e.g. 07:30."),
            "time_order": self.tr("The end is before the start."),
            "duplicate": self.tr("Listed twice."),
            "negative": self.tr("Cannot be negative."),
            "out_of_range": self.tr("Out of range."),
            "bad_mode": self.tr("Unknown mode."),
            "bad_session": self.tr("Unknown session."),
        }
        return messages.get(code, code)

    def _show_problems(self) -> None:
        problems = self.problems()
        by_area: dict[str, list[str]] = {}
        for problem in problems:
            area, _, rest = problem.where.partition("[")
            text = self._message(problem.code)
            if rest:
                row = int(rest.split("]")[0]) + 1
                what = self._field_name(problem.where)
                text = (
                    self.tr("Row %1: %2 %3")
                    .replace("%1", str(row))
                    .replace("%2", what)
                    .replace("%3", text)
                )
            by_area.setdefault(area, []).append(text)
        self._set_error(self.title_error, by_area.get("title"))
        self._set_error(self.date_error, by_area.get("date"))
        self._set_error(
            self.time_error, (by_area.get("start_time") or []) + (by_area.get("end_time") or [])
        )
        self._set_error(self.chairs_error, by_area.get("chairs"))
        self._set_error(self.points_error, by_area.get("bridge_points"))
        self._set_error(self.documents_error, by_area.get("documents"))
        self._set_error(self.instructions_error, by_area.get("instructions"))
        bad_tabs = {_LIST_TABS.get(area, TAB_GENERAL) for area in by_area}
        for tab in range(self.tabs.count()):
            icon = self.style().standardIcon(self.style().StandardPixmap.SP_MessageBoxWarning)
            self.tabs.setTabIcon(tab, icon if tab in bad_tabs else type(icon)())
        self.save_button.setEnabled(not problems and self._saving is None)
        self.save_action.setEnabled(not problems and self._saving is None)
        self.summary.setText(
            self.tr("%n problem(s) to fix before saving.", "", len(problems)) if problems else ""
        )

    def part_name(self, field: str) -> str:
        """The name of a part of the form (a ``MERGED_FIELDS`` name) as the clerk sees it."""
        names = {
            "title": self.tr("title"),
            "kind": self.tr("kind"),
            "mode": self.tr("mode"),
            "organizer": self.tr("organizer"),
            "date": self.tr("date"),
            "session": self.tr("session"),
            "start_time": self.tr("start time"),
            "end_time": self.tr("end time"),
            "host_point": self.tr("host point"),
            "secretary": self.tr("recorder"),
            "chairs": self.tr("chairs"),
            "bridge_points": self.tr("bridge points"),
            "documents": self.tr("documents studied"),
            "discussion": self.tr("discussion"),
            "instructions": self.tr("closing instructions"),
            "notes": self.tr("notes"),
        }
        return names.get(field, field)

    def _field_name(self, where: str) -> str:
        last = where.rsplit(".", 1)[-1] if "." in where else ""
        names = {
            "person": self.tr("name"),
            "name": self.tr("name"),
            "attendee_count": self.tr("head count"),
            "kind": self.tr("kind"),
            "number": self.tr("number"),
            "text": self.tr("text"),
            "title": self.tr("title"),
        }
        if "presiding" in where:
            return self.tr("presiding person's name")
        if "attendees" in where:
            return self.tr("attendee's name")
        return names.get(last.split("[")[0], self.tr("document"))

    def _set_error(self, label: QLabel, messages: list[str] | None) -> None:
        label.setText("\n".join(messages or []))
        label.setVisible(bool(messages))

    def _update_title(self) -> None:
        title = self._form.title.strip() or self.tr("New conference")
        mark = "" if self.undo_stack.isClean() else " *"
        self.setWindowTitle(f"{title}{mark}")

    # --- handlers ----------------------------------------------------------------------

    def _on_clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _on_point_selected(self, row: int) -> None:
        if not self._applying:
            self._show_point(row)

    def _on_instruction_selected(self, row: int) -> None:
        if not self._applying:
            self._show_instruction(row)
        self.create_tasks_button.setEnabled(row >= 0)

    def _on_create_tasks(self) -> None:
        row = self.instructions.table.currentRow()
        if row >= 0:
            self.create_tasks_requested.emit(row)

    def _on_add_instruction(self) -> None:
        self.instructions.add_row(["", "", ""], None, edit=False)
        self.instruction_text.setFocus()

    def _document_label(self, document: DocumentForm) -> str:
        subject = f" — {document.subject}" if document.subject else ""
        issuer = f" của {document.issuer}" if document.issuer else ""
        return f"{document.label()}{issuer}{subject}"

    def _match_documents(self, typed: str) -> list[str]:
        words = fold(typed).replace("-", " ").replace("/", " ").split()
        if not words:
            return []
        found = []
        for label, document in self._document_labels.items():
            haystack = document_haystack(document)
            if all(w in haystack for w in words):
                found.append(label)
        return found[:30]

    def _on_document_enter(self) -> None:
        found = self._match_documents(self.document_search.text())
        if len(found) == 1:
            self._on_document_picked(found[0])

    def _on_document_picked(self, label: str) -> None:
        document = self._document_labels.get(label)
        if document is None:
            return
        self._add_document(document)
        self.document_search.clear()

    def _add_document(self, document: DocumentForm) -> None:
        if any(s.document == document for s in self._form.documents):
            return
        label = self._document_label(document)
        self._document_labels[label] = document
        self.documents.add_row([label, "", ""], document, edit=False)

    def _on_new_document(self) -> None:
        dialog = DocumentDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_form is not None:
            self._add_document(dialog.result_form)

    def set_save_handler(self, handler: Any) -> None:
        """``handler(form, done)`` stores the form, on the database worker, and calls
        ``done(saved)`` once it is stored (``saved``: the form as read back) or
        ``done(None)`` when it could not be (the handler has said why)."""
        self._save_handler = handler

    @property
    def saving(self) -> bool:
        """Whether a save has started and not yet ended."""
        return self._saving is not None

    def _on_save(self) -> bool:
        return self.save()

    def save(self, then: Callable[[bool], object] | None = None) -> bool:
        """Start saving, as Ctrl+S does; False when the form has problems or a save is
        running already (nothing started). ``then(saved)`` follows once the save ended.

        While the save runs the editor takes no input, so that what it stores is what
        the clerk sees.
        """
        for section in (self.chairs, self.points, self.presiding, self.attendees, self.documents):
            section.commit_editing()
        if self.problems():
            self._show_problems()
            return False
        if self._saving is not None:
            return False
        if self._save_handler is None:
            self.save_requested.emit(self._form)
            self.undo_stack.setClean()
            if then is not None:
                then(True)
            return True
        self._saving = _InputHold(self)
        self._show_problems()  # Save waits

        def done(saved: ConferenceForm | None) -> None:
            hold, self._saving = self._saving, None
            if hold is not None:
                hold.release()
            if saved is not None:
                self.reload(saved)
            self._show_problems()
            if then is not None:
                then(saved is not None)

        self._save_handler(self._form, done)
        return True

    def reload(self, form: ConferenceForm) -> None:
        """Show ``form`` as the saved state (after a save, or tasks created elsewhere).

        The edits before it leave the undo history: a form from before a save names the
        records as they were then (an instruction not yet stored, an older version), and
        applying it again would remove or duplicate what the save stored."""
        self.saved_form = form
        self.apply_form(form)
        self.undo_stack.clear()
        self._update_title()

    def take_merge(self, theirs: ConferenceForm, merged: ConferenceForm) -> None:
        """Someone else saved ``theirs`` meanwhile: it becomes the saved state, and the
        clerk's changes, put over it (``merged``), stay on screen unsaved. Undo goes back
        to the conference as they saved it."""
        self.reload(theirs)
        self.apply_form(merged)
        if merged != theirs:
            command = EditCommand(self, theirs, merged, "!merge")
            self.undo_stack.push(command)
        self._update_title()

    def has_unsaved_changes(self) -> bool:
        return not self.undo_stack.isClean()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._saving is not None:  # closed once the save has ended, if asked again
            event.ignore()
            return
        answer = self._confirm_discard() if self.has_unsaved_changes() else "discard"
        if answer == "discard":
            event.accept()
            self.closed.emit()
            return
        event.ignore()
        if answer == "save":
            self.save(then=lambda saved: self.close() if saved else None)

    def reject(self) -> None:
        # Escape goes through close(), so that unsaved changes are asked about too.
        self.close()

    def _confirm_discard(self) -> str:
        """Ask about the unsaved changes: "save", "discard", or "keep" editing."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("This conference has changes that are not saved."),
            parent=self,
        )
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        save.setEnabled(not self.problems())
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return "save"
        return "discard" if clicked is discard else "keep"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Text widgets claim Ctrl+Z for their own undo; the editor's stack must get it instead.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and _is_undo_key(event)
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)


class _InputHold(QObject):
    """Keeps the keyboard and the mouse from a window until ``release()``: a save under
    way stores the form as it was when Save was pressed."""

    _INPUT = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.ShortcutOverride,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.Wheel,
            QEvent.Type.InputMethod,
            QEvent.Type.Drop,
        }
    )

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        assert app is not None
        self.app = app
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._INPUT and isinstance(watched, QWidget):
            return watched.window() is self.window
        return False

    def release(self) -> None:
        self.app.removeEventFilter(self)
        self.deleteLater()


def _is_undo_key(event: QKeyEvent) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return event.matches(QKeySequence.StandardKey.Undo) or pressed in REDO_KEYS
