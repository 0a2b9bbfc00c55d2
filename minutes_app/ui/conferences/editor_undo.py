"""Undo in the conference editor: one command per edit of the form, and the keys that undo
and redo whatever widget has the focus."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand

from minutes_app.core.conferences.forms import ConferenceForm

# Both redo keys people know, whatever the platform's own binding is.
REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


class FormView(Protocol):
    """What a command needs of the editor: to show a form without recording an edit."""

    def apply_form(self, form: ConferenceForm) -> None: ...


class EditCommand(QUndoCommand):
    """One change of the form, as the form before and after it. Typing in one field merges."""

    def __init__(
        self, editor: FormView, before: ConferenceForm, after: ConferenceForm, key: str
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


def is_undo_key(event: QKeyEvent) -> bool:
    """Whether ``event`` is one of the keys of undo or redo."""
    pressed = QKeySequence(event.keyCombination())
    return event.matches(QKeySequence.StandardKey.Undo) or pressed in REDO_KEYS
