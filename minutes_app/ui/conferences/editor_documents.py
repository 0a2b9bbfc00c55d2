"""The Documents studied tab of the conference editor: documents picked from the catalogue
by part of their symbol, number or subject, or added new, each with its presenter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from minutes_app.base.text import clean, fold
from minutes_app.core.conferences.catalogue import EditorChoices, document_haystack
from minutes_app.core.conferences.forms import (
    AppearanceForm,
    ConferenceForm,
    DocumentForm,
    StudiedForm,
)
from minutes_app.ui.conferences.document_dialog import DocumentDialog
from minutes_app.ui.conferences.editor_widgets import (
    appearance_cells,
    buddy,
    error_label,
    line_edit,
    person_ref,
    set_error,
)
from minutes_app.ui.widgets.completion import CompletingDelegate, FoldingCompleter
from minutes_app.ui.widgets.table_section import TableSection


class StudiedDocumentsTab(QWidget):
    """Shows the documents studied of a form and reads them back; ``current_form`` gives
    the form as the editor holds it now, so that a document is not listed twice."""

    # The clerk edited the table; the key names the edit (see EditCommand).
    edited = Signal(str)

    def __init__(
        self,
        choices: EditorChoices,
        undo_keys: QObject,
        current_form: Callable[[], ConferenceForm],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._current_form = current_form
        self.document_search = line_edit(
            undo_keys,
            self.tr("Type part of a symbol, number or subject, e.g. 96-QĐ/TW or qd 96, then Enter"),
        )
        self._document_labels = {self._document_label(d): d for d in choices.documents}
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
            caps={1: 200, 2: 260},
        )
        self.documents.add_button.hide()
        self.documents.table.setItemDelegateForColumn(1, CompletingDelegate(choices.people, self))
        self.documents_error = error_label()
        pick = QHBoxLayout()
        pick.addWidget(buddy(self.tr("Add from the &catalogue"), self.document_search))
        pick.addWidget(self.document_search, 1)
        pick.addWidget(self.new_document_button)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.documents, 1)
        layout.addWidget(self.documents_error)
        self.documents.changed.connect(lambda: self.edited.emit("!documents"))

    def show_form(self, form: ConferenceForm) -> None:
        """Show the documents studied of ``form``."""
        self.documents.set_rows(
            [
                (
                    [self._document_label(s.document), *appearance_cells(s.presenter)[0]],
                    s.document,
                )
                for s in form.documents
            ]
        )

    def read(self, old: ConferenceForm) -> tuple[StudiedForm, ...]:
        """The documents studied as the table shows them, keeping the presenters' ids."""
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
                    person_ref(
                        name, before.person.id if before and before.person.name == name else None
                    ),
                    clean(self.documents.text(row, 2)),
                )
                if name
                else None
            )
            studied.append(StudiedForm(document, presenter))
        return tuple(studied)

    def show_errors(self, by_area: dict[str, list[str]]) -> None:
        set_error(self.documents_error, by_area.get("documents"))

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
        if any(s.document == document for s in self._current_form().documents):
            return
        label = self._document_label(document)
        self._document_labels[label] = document
        self.documents.add_row([label, "", ""], document, edit=False)

    def _on_new_document(self) -> None:
        dialog = DocumentDialog(self.window())  # over the editor, as its own dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_form is not None:
            self._add_document(dialog.result_form)
