"""The small pieces the pages of the conference editor are built of: error labels, text
fields that leave Ctrl+Z to the editor, setters that record no edit, and people as
table rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from minutes_app.base.text import clean
from minutes_app.core.conferences.forms import AppearanceForm, PersonRef
from minutes_app.ui.widgets.common import plain_label
from minutes_app.ui.widgets.table_section import TableSection

ERROR_STYLE = "color: #b3261e;"


def error_label() -> QLabel:
    """A hidden label for the problems of one part of the form."""
    label = plain_label()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def set_error(label: QLabel, messages: list[str] | None) -> None:
    label.setText("\n".join(messages or []))
    label.setVisible(bool(messages))


def line_edit(undo_keys: QObject, placeholder: str = "") -> QLineEdit:
    """A line edit whose Ctrl+Z ``undo_keys`` (the editor) takes for its own undo stack."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.installEventFilter(undo_keys)
    return edit


def text_box(undo_keys: QObject, placeholder: str = "") -> QPlainTextEdit:
    """A text box whose undo is the editor's, as for :func:`line_edit`."""
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setUndoRedoEnabled(False)  # the editor's undo stack covers it
    box.setTabChangesFocus(True)
    box.installEventFilter(undo_keys)
    return box


def combo_line(box: QComboBox) -> QLineEdit:
    line = box.lineEdit()
    assert line is not None, "an editable combo box has a line edit"
    return line


def buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose shortcut (the letter after "&") focuses ``widget``."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def set_line(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.blockSignals(True)
        edit.setText(text)
        edit.blockSignals(False)


def set_text(box: QPlainTextEdit, text: str) -> None:
    if box.toPlainText() != text:
        box.blockSignals(True)
        box.setPlainText(text)
        box.blockSignals(False)


def set_combo_text(box: QComboBox, text: str) -> None:
    if box.currentText() != text:
        box.blockSignals(True)
        box.setCurrentText(text)
        box.blockSignals(False)


def appearance_cells(a: AppearanceForm | None) -> tuple[list[str], int | None]:
    """A person and their title as the cells of a table row, with the person's id."""
    if a is None:
        return ["", ""], None
    return [a.person.name, a.title or ""], a.person.id


def person_ref(name: str, person_id: Any) -> PersonRef:
    return PersonRef(name.strip(), person_id if isinstance(person_id, int) else None)


def read_people(
    section: TableSection, old: tuple[AppearanceForm, ...]
) -> tuple[AppearanceForm, ...]:
    """The people of a name-and-title table, keeping the ids of the names ``old`` had."""
    ids = {a.person.name: a.person.id for a in old}
    people = []
    for row in range(section.row_count()):
        name = section.text(row, 0).strip()
        if not name and not section.text(row, 1).strip():
            continue
        people.append(AppearanceForm(person_ref(name, ids.get(name)), clean(section.text(row, 1))))
    return tuple(people)
