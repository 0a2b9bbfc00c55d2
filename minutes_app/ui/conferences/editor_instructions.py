"""The Closing instructions tab of the conference editor: the list of instructions with
their task counts, the text and speaker of the one selected, and Create tasks…."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from minutes_app.base.text import clean
from minutes_app.core.conferences.catalogue import EditorChoices
from minutes_app.core.conferences.forms import AppearanceForm, ConferenceForm, InstructionForm
from minutes_app.ui.conferences.editor_widgets import (
    buddy,
    error_label,
    line_edit,
    person_ref,
    set_error,
    set_line,
    set_text,
    text_box,
)
from minutes_app.ui.widgets.completion import FoldingCompleter
from minutes_app.ui.widgets.table_section import TableSection


class InstructionsTab(QWidget):
    """Shows the closing instructions of a form and reads them back; the editor keeps the
    form. Each row carries its place in the form as data, so that an instruction keeps its
    id (and so its tasks) when rows move."""

    # The clerk edited an instruction or the list; the key names the edit (see EditCommand).
    edited = Signal(str)
    # The clerk asked to create tasks from the instruction at this row.
    create_tasks_requested = Signal(int)
    # The clerk asked that every instruction have the speaker of the selected one.
    speaker_for_all_requested = Signal()

    def __init__(
        self, choices: EditorChoices, undo_keys: QObject, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.instructions = TableSection(
            [self.tr("Instruction"), self.tr("Speaker"), self.tr("Tasks")],
            read_only=(0, 1, 2),
            stretch=0,
            caps={1: 180},
        )
        self.instructions.table.setWordWrap(False)
        self.speaker_edit = line_edit(undo_keys, self.tr("who gave the instruction"))
        self.speaker_title = line_edit(undo_keys, self.tr("title"))
        FoldingCompleter(choices.people, self.speaker_edit).attach(self.speaker_edit)
        self.instruction_text = text_box(undo_keys, self.tr("The instruction as given"))
        self.instructions_error = error_label()
        self.create_tasks_button = QPushButton(self.tr("Create &tasks…"))
        self.create_tasks_button.setAutoDefault(False)
        self.create_tasks_button.setEnabled(False)
        self.create_tasks_button.clicked.connect(self._on_create_tasks)
        self.instructions.button_row.addWidget(self.create_tasks_button)
        self.speaker_for_all_button = QPushButton(self.tr("For a&ll instructions"))
        self.speaker_for_all_button.setToolTip(
            self.tr("Give every instruction this speaker (without one, the chair is assumed).")
        )
        self.speaker_for_all_button.setAutoDefault(False)
        self.speaker_for_all_button.clicked.connect(self.speaker_for_all_requested)
        speaker = QHBoxLayout()
        speaker.addWidget(buddy(self.tr("S&peaker"), self.speaker_edit))
        speaker.addWidget(self.speaker_edit, 1)
        speaker.addWidget(self.speaker_title, 1)
        speaker.addWidget(self.speaker_for_all_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(speaker)
        detail_layout.addWidget(buddy(self.tr("&Text"), self.instruction_text))
        detail_layout.addWidget(self.instruction_text, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.instructions)
        splitter.addWidget(detail)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.instructions_error)
        self.instructions.changed.connect(lambda: self.edited.emit("!instructions"))
        self.instructions.add_button.clicked.disconnect()
        self.instructions.add_button.clicked.connect(self._on_add_instruction)
        self.speaker_edit.textChanged.connect(lambda: self.edited.emit("speaker"))
        self.speaker_title.textEdited.connect(lambda: self.edited.emit("speaker_title"))
        self.instruction_text.textChanged.connect(lambda: self.edited.emit("instruction_text"))

    def show_form(self, form: ConferenceForm) -> None:
        """Show the instructions of ``form``, and the text and speaker of the selected one."""
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
        self.show_instruction(form, self.instructions.table.currentRow())
        self.create_tasks_button.setEnabled(self.instructions.table.currentRow() >= 0)

    def show_instruction(self, form: ConferenceForm, row: int) -> None:
        """Show the text and speaker of the instruction at ``row`` (none when -1)."""
        items = form.instructions
        item = items[row] if 0 <= row < len(items) else None
        set_line(self.speaker_edit, item.speaker.person.name if item and item.speaker else "")
        set_line(self.speaker_title, item.speaker.title or "" if item and item.speaker else "")
        set_text(self.instruction_text, item.text if item else "")
        for widget in (self.speaker_edit, self.speaker_title, self.instruction_text):
            widget.setEnabled(item is not None)
        self.speaker_for_all_button.setEnabled(item is not None and len(items) > 1)

    def renumber(self, form: ConferenceForm) -> None:
        """Give each row its place in ``form`` again, and the selected row the text and
        speaker the clerk is typing."""
        for row in range(self.instructions.row_count()):
            self.instructions.set_data(row, row)
        row = self.instructions.table.currentRow()
        if 0 <= row < len(form.instructions):
            item = form.instructions[row]
            cell = self.instructions.table.item(row, 0)
            speaker = self.instructions.table.item(row, 1)
            self.instructions.table.blockSignals(True)
            if cell is not None:
                cell.setText(" ".join(item.text.split())[:200])
            if speaker is not None:
                speaker.setText(item.speaker.person.name if item.speaker else "")
            self.instructions.table.blockSignals(False)

    def read(self, old: ConferenceForm) -> tuple[InstructionForm, ...]:
        """The instructions as the widgets show them, keeping ids and task counts."""
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
                        person_ref(
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

    def show_errors(self, by_area: dict[str, list[str]]) -> None:
        set_error(self.instructions_error, by_area.get("instructions"))

    def _on_add_instruction(self) -> None:
        self.instructions.add_row(["", "", ""], None, edit=False)
        self.instruction_text.setFocus()

    def _on_create_tasks(self) -> None:
        row = self.instructions.table.currentRow()
        if row >= 0:
            self.create_tasks_requested.emit(row)
