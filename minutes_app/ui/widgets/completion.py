"""Completion that ignores case and diacritics, for people, units and documents."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from minutes_app.base.text import fold

MAX_SUGGESTIONS = 30


class FoldingCompleter(QCompleter):
    """Suggests every choice that contains all the typed words, whatever their accents.

    Qt's own filtering compares accents literally ("dong" would not find "Đồng"), so the
    matching is done here and the popup is shown unfiltered.
    """

    def __init__(self, choices: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices: list[tuple[str, str]] = []
        self._model = QStringListModel(self)
        self.setModel(self._model)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.set_choices(choices)

    def set_choices(self, choices: Sequence[str]) -> None:
        self._choices = [(choice, fold(choice)) for choice in dict.fromkeys(choices)]

    def matches(self, typed: str) -> list[str]:
        words = fold(typed).split()
        if not words:
            return []
        found = [text for text, folded in self._choices if all(w in folded for w in words)]
        return found[:MAX_SUGGESTIONS]

    def attach(self, line_edit: QLineEdit) -> None:
        line_edit.setCompleter(self)
        line_edit.textEdited.connect(self._on_text_edited)

    def _on_text_edited(self, text: str) -> None:
        found = self.matches(text)
        # Nothing to offer when the only match is what is already typed.
        self._model.setStringList([] if found == [text] else found)
        if found and found != [text]:
            self.complete()
        else:
            popup = self.popup()
            if popup is not None:
                popup.hide()


class CompletingDelegate(QStyledItemDelegate):
    """Edits a table cell in a line edit that completes from a list of choices."""

    def __init__(self, choices: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        FoldingCompleter(self.choices, editor).attach(editor)
        return editor
