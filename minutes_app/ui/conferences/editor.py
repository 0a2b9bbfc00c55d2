"""The conference editor: every part of a conference, checked as it is typed, with undo.

The editor holds the form, its undo history and its checks; each tab shows its part of
the form and reads it back (editor_general.py, editor_points.py, editor_documents.py,
editor_instructions.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from minutes_app.core.conferences.catalogue import EditorChoices
from minutes_app.core.conferences.checks import Problem, check
from minutes_app.core.conferences.forms import ConferenceForm
from minutes_app.ui.conferences.editor_documents import StudiedDocumentsTab
from minutes_app.ui.conferences.editor_general import GeneralTab
from minutes_app.ui.conferences.editor_instructions import InstructionsTab
from minutes_app.ui.conferences.editor_papers import PapersTab
from minutes_app.ui.conferences.editor_points import BridgePointsTab
from minutes_app.ui.conferences.editor_undo import REDO_KEYS, EditCommand, is_undo_key
from minutes_app.ui.conferences.editor_widgets import ERROR_STYLE, set_text, text_box

TAB_GENERAL, TAB_POINTS, TAB_DOCUMENTS, TAB_DISCUSSION, TAB_INSTRUCTIONS, TAB_NOTES = range(6)
TAB_PAPERS = 6
_LIST_TABS = {
    "chairs": TAB_GENERAL,
    "secretary": TAB_GENERAL,
    "bridge_points": TAB_POINTS,
    "absent": TAB_POINTS,
    "papers": TAB_PAPERS,
    "documents": TAB_DOCUMENTS,
    "discussion": TAB_DISCUSSION,
    "instructions": TAB_INSTRUCTIONS,
    "notes": TAB_NOTES,
}


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

        # Each tab's text fields leave Ctrl+Z to this editor (eventFilter).
        self.tabs = QTabWidget()
        self.general_tab = GeneralTab(choices, self)
        self.tabs.addTab(self.general_tab, self.tr("&General"))
        self.points_tab = BridgePointsTab(choices)
        self.tabs.addTab(self.points_tab, self.tr("&Bridge points"))
        self.documents_tab = StudiedDocumentsTab(choices, self, self.form)
        self.tabs.addTab(self.documents_tab, self.tr("&Documents studied"))
        self.discussion_edit = text_box(
            self, self.tr("Delegates' opinions, proposals and the answers given")
        )
        self.tabs.addTab(_page_of(self.discussion_edit), self.tr("D&iscussion"))
        self.instructions_tab = InstructionsTab(choices, self)
        self.instructions_tab.create_tasks_requested.connect(self.create_tasks_requested)
        self.instructions_tab.speaker_for_all_requested.connect(self._on_speaker_for_all)
        self.tabs.addTab(self.instructions_tab, self.tr("&Closing instructions"))
        self.notes_edit = text_box(self, self.tr("Anything else worth keeping"))
        self.tabs.addTab(_page_of(self.notes_edit), self.tr("N&otes"))
        self.papers_tab = PapersTab(choices, self.form)
        self.tabs.addTab(self.papers_tab, self.tr("&Papers issued"))
        # The change log of a stored conference ("Lịch sử thay đổi"), added by its opener.
        self.history_tab: QWidget | None = None
        # The sign-off buttons and state (ui/conferences/sign_off.py), set by its opener.
        self.sign_off: Any = None
        self._name_fields()

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
        self.bottom = QHBoxLayout()
        self.bottom.addWidget(self.summary, 1)
        for button in (self.undo_button, self.redo_button, self.save_button, self.close_button):
            self.bottom.addWidget(button)
        # Why the conference cannot be changed (signed off; the login's role), when so.
        self.lock_label = QLabel()
        self.lock_label.setObjectName("lock_label")
        self.lock_label.setTextFormat(Qt.TextFormat.PlainText)
        self.lock_label.setWordWrap(True)
        self.lock_label.setStyleSheet(
            "QLabel#lock_label { background: #e8f0fe; color: #1a3c6e; padding: 6px 10px; }"
        )
        self.lock_label.hide()
        self.read_only = False

        layout = QVBoxLayout(self)
        layout.addWidget(self.lock_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self.bottom)
        self.apply_form(form)
        self._connect_edits()
        self._update_title()

    def _name_fields(self) -> None:
        """The tabs' fields by their names on the editor, where the main window, the tests
        and scripts/screenshots.py reach them."""
        self.title_edit = self.general_tab.title_edit
        self.title_error = self.general_tab.title_error
        self.kind_box = self.general_tab.kind_box
        self.mode_box = self.general_tab.mode_box
        self.organizer_box = self.general_tab.organizer_box
        self.date_edit = self.general_tab.date_edit
        self.session_box = self.general_tab.session_box
        self.start_edit = self.general_tab.start_edit
        self.end_edit = self.general_tab.end_edit
        self.time_error = self.general_tab.time_error
        self.host_edit = self.general_tab.host_edit
        self.secretary_edit = self.general_tab.secretary_edit
        self.secretary_title = self.general_tab.secretary_title
        self.chairs = self.general_tab.chairs
        self.chairs_error = self.general_tab.chairs_error
        self.points = self.points_tab.points
        self.presiding = self.points_tab.presiding
        self.attendees = self.points_tab.attendees
        self.point_caption = self.points_tab.point_caption
        self.absent = self.points_tab.absent
        self.papers = self.papers_tab.papers
        self.propose_number_button = self.papers_tab.propose_button
        self.documents = self.documents_tab.documents
        self.new_document_button = self.documents_tab.new_document_button
        self.instructions = self.instructions_tab.instructions
        self.speaker_edit = self.instructions_tab.speaker_edit
        self.speaker_title = self.instructions_tab.speaker_title
        self.instruction_text = self.instructions_tab.instruction_text
        self.create_tasks_button = self.instructions_tab.create_tasks_button

    def _connect_edits(self) -> None:
        for tab in (
            self.general_tab,
            self.points_tab,
            self.documents_tab,
            self.instructions_tab,
            self.papers_tab,
        ):
            tab.edited.connect(self._edited)
        self.points.current_changed.connect(self._on_point_selected)
        self.discussion_edit.textChanged.connect(lambda: self._edited("discussion"))
        self.instructions.current_changed.connect(self._on_instruction_selected)
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
            self.general_tab.show_form(form)
            self.points_tab.show_form(form)
            self.documents_tab.show_form(form)
            set_text(self.discussion_edit, form.discussion or "")
            self.instructions_tab.show_form(form)
            set_text(self.notes_edit, form.notes or "")
            self.papers_tab.show_form(form)
        finally:
            self._applying = False
        self._show_problems()
        self._update_title()

    def _read(self) -> ConferenceForm:
        """A new form from the widgets, keeping what they do not show (ids, task counts)."""
        old = self._form
        return replace(
            self.general_tab.read(old),
            bridge_points=self.points_tab.read(old),
            absent=self.points_tab.read_absent(),
            documents=self.documents_tab.read(old),
            discussion=self.discussion_edit.toPlainText() or None,
            instructions=self.instructions_tab.read(old),
            notes=self.notes_edit.toPlainText() or None,
            papers=self.papers_tab.read(old),
        )

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
        self._update_title()  # the title as it is typed, not its first letter

    def _on_speaker_for_all(self) -> None:
        """Every instruction gets the speaker of the selected one: one step to undo."""
        self._edited("speaker")  # what is typed in the speaker's fields, first
        row = self.instructions.table.currentRow()
        form = self._form
        if not 0 <= row < len(form.instructions):
            return
        speaker = form.instructions[row].speaker
        after = replace(
            form, instructions=tuple(replace(i, speaker=speaker) for i in form.instructions)
        )
        if after == form:
            return
        self.undo_stack.push(EditCommand(self, form, after, "!speaker_for_all"))
        self.apply_form(after)
        self.instructions.table.selectRow(row)

    def _renumber(self) -> None:
        self._applying = True
        try:
            self.points_tab.renumber(self._form)
            self.instructions_tab.renumber(self._form)
            self.papers_tab.renumber(self._form)
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
            "bad_kind": self.tr("Unknown kind of paper."),
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
        for tab in (
            self.general_tab,
            self.points_tab,
            self.documents_tab,
            self.instructions_tab,
            self.papers_tab,
        ):
            tab.show_errors(by_area)
        bad_tabs = {_LIST_TABS.get(area, TAB_GENERAL) for area in by_area}
        for tab_index in range(self.tabs.count()):
            icon = self.style().standardIcon(self.style().StandardPixmap.SP_MessageBoxWarning)
            self.tabs.setTabIcon(tab_index, icon if tab_index in bad_tabs else type(icon)())
        can_save = not problems and self._saving is None and not self.read_only
        self.save_button.setEnabled(can_save)
        self.save_action.setEnabled(can_save)
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
            "absent": self.tr("absentees"),
            "papers": self.tr("papers issued"),
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
            "reason": self.tr("reason"),
            "issued_on": self.tr("date of issue"),
            "authority": self.tr("authority"),
        }
        if "presiding" in where:
            return self.tr("presiding person's name")
        if "attendees" in where:
            return self.tr("attendee's name")
        if where.startswith("absent") and last == "person":
            return self.tr("absentee's name")
        if where.startswith("papers") and ".signer" in where:
            return self.tr("signer")
        return names.get(last.split("[")[0], self.tr("document"))

    def _update_title(self) -> None:
        title = self._form.title.strip() or self.tr("New conference")
        mark = "" if self.undo_stack.isClean() else " *"
        self.setWindowTitle(f"{title}{mark}")

    # --- handlers ----------------------------------------------------------------------

    def _on_clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _on_point_selected(self, row: int) -> None:
        if not self._applying:
            self.points_tab.show_point(self._form, row)

    def _on_instruction_selected(self, row: int) -> None:
        if not self._applying:
            self.instructions_tab.show_instruction(self._form, row)
        self.create_tasks_button.setEnabled(row >= 0)

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

    def set_read_only(self, why: str | None) -> None:
        """Make the conference read-only, saying ``why`` above its tabs (signed off, or
        the login may not change it), or editable again (None). Its change log stays
        readable; what the clerk typed and did not save stays on screen."""
        self.lock_label.setText(why or "")
        self.lock_label.setVisible(why is not None)
        if self.read_only == (why is not None):
            return
        self.read_only = why is not None
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and page is not self.history_tab:
                page.setEnabled(not self.read_only)
        self._show_problems()  # Save: as the form's problems and the lock allow

    def save(self, then: Callable[[bool], object] | None = None) -> bool:
        """Start saving, as Ctrl+S does; False when the form has problems or a save is
        running already (nothing started). ``then(saved)`` follows once the save ended.

        While the save runs the editor takes no input, so that what it stores is what
        the clerk sees. A read-only editor (``set_read_only``) saves nothing.
        """
        if self.read_only:
            return False
        for section in (
            self.chairs,
            self.points,
            self.presiding,
            self.attendees,
            self.documents,
            self.absent,
            self.papers,
        ):
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
            and is_undo_key(event)
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


def _page_of(box: QWidget) -> QWidget:
    """A tab holding one text box."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(box)
    return page
