"""Opening conferences in the editor and saving them: a new one, one from a text, one
from the list; the save on the database worker, and what follows when another copy of
the program saved, trashed or deleted the conference first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QRect, QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from minutes_app.base.days import vn_date
from minutes_app.ui.operations import (
    CONFERENCES,
    DIRECTORY,
    DOCUMENTS,
    TASKS,
    TRASH,
    DatabaseWorker,
    busy_text,
    changes,
    tell_failure,
)
from minutes_app.ui.widgets.common import inform
from minutes_app.ui.widgets.conflicts import tell_conflict
from minutes_app.ui.widgets.placement import centre_on, keep_on_screen, place_window

if TYPE_CHECKING:
    from minutes_app.core.conferences.duplicates import StoredConference
    from minutes_app.core.conferences.forms import ConferenceForm
    from minutes_app.ui.conferences.editor import ConferenceEditor
    from minutes_app.ui.conferences.from_text import FromTextDialog

# A save may add people, units and documents, and removing an instruction removes its
# tasks.
SAVED = changes(CONFERENCES, TASKS, DIRECTORY, DOCUMENTS)
# The editor's size and place when it last closed.
EDITOR_GEOMETRY = "editor/geometry"


def ask_about_duplicate(parent: QWidget, found: StoredConference) -> str:
    """A conference of the same date and title is stored already: "open" it, "save" this
    one anyway, or "cancel" (keep editing)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ConferenceEditing", "Conference already recorded"),
        QCoreApplication.translate(
            "ConferenceEditing",
            "A conference of %1 with this title is already recorded:\n“%2”.\n\n"
            "Open it to check or complete it, or save this one as another conference.",
        )
        .replace("%1", vn_date(found.date))
        .replace("%2", found.title),
        parent=parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # the title is shown as written
    open_button = box.addButton(
        QCoreApplication.translate("ConferenceEditing", "Open the existing one"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    open_button.setObjectName("open")
    save_button = box.addButton(
        QCoreApplication.translate("ConferenceEditing", "Save anyway"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    save_button.setObjectName("save")
    cancel = box.addButton(
        QCoreApplication.translate("Common", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    cancel.setObjectName("cancel")
    box.setDefaultButton(open_button)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return clicked.objectName() if clicked in (open_button, save_button) else "cancel"


class ConferenceEditing(QObject):
    """The editor of ``window``: at most one open at a time; its saves and their outcome.

    ``user()`` names who saves (Settings → User name, else the login); ``editor_opened``
    is called with each new editor (the window connects its "Create tasks…").
    """

    def __init__(
        self,
        worker: DatabaseWorker,
        window: QMainWindow,
        store: QSettings,
        user: Callable[[], str],
        editor_opened: Callable[[ConferenceEditor], object],
    ) -> None:
        super().__init__(window)
        self.worker = worker
        self.window = window
        self.store = store
        self.user = user
        self.editor_opened = editor_opened
        self.editor: ConferenceEditor | None = None
        self.from_text: FromTextDialog | None = None

    # --- opening -----------------------------------------------------------------------

    def new_conference(self) -> ConferenceEditor | None:
        from minutes_app.core.conferences.forms import ConferenceForm

        return self.open_editor(ConferenceForm(date=dt.date.today()))

    def open_conference(self, conference_id: int) -> ConferenceEditor | None:
        from minutes_app.core.conferences.loading import load_conference

        assert self.worker.db is not None
        form = None
        try:
            with self.worker.reading_here():  # the server out of reach: the window says so
                form = load_conference(self.worker.db, conference_id)
        except LookupError as error:
            tell_conflict(self.window, error, self.tr("Open"))
            self.worker.notify(changes(CONFERENCES, TRASH))  # it is gone: the list says so
            return None
        return self.open_editor(form) if form is not None else None

    def open_editor(self, form: ConferenceForm) -> ConferenceEditor | None:
        if self.editor is not None and self.editor.isVisible():
            self.editor.raise_()
            self.editor.activateWindow()
            return self.editor
        from minutes_app.core.conferences.catalogue import editor_choices
        from minutes_app.ui.conferences.editor import ConferenceEditor

        assert self.worker.db is not None
        choices = None
        with self.worker.reading_here():  # the server out of reach: the window says so
            choices = editor_choices(self.worker.db)
        if choices is None:
            return None
        editor = ConferenceEditor(form, choices, self.window)
        editor.set_save_handler(self._save_form)
        editor.finished.connect(self._on_editor_finished)
        editor.closed.connect(lambda: self._keep_geometry(editor))
        self.editor = editor
        self.editor_opened(editor)
        # Where it was last, else centred on the window; whole on the screen either way.
        saved = self.store.value(EDITOR_GEOMETRY)
        if isinstance(saved, QByteArray) and editor.restoreGeometry(saved):
            keep_on_screen(editor, self.window)
        else:
            centre_on(editor, self.window)
        editor.open()
        keep_on_screen(editor)  # with the frame the window manager gave it
        return editor

    def _on_editor_finished(self, _result: int) -> None:
        self.editor = None

    def _keep_geometry(self, editor: ConferenceEditor) -> None:
        self.store.setValue(EDITOR_GEOMETRY, editor.saveGeometry())

    def new_conference_from_text(self) -> FromTextDialog | None:
        """The from-text window; its form opens in the editor, the two side by side."""
        if self.from_text is not None and self.from_text.isVisible():
            self.from_text.raise_()
            self.from_text.activateWindow()
            return self.from_text
        from minutes_app.core.conferences.catalogue import list_documents
        from minutes_app.ui.conferences.from_text import FromTextDialog

        assert self.worker.db is not None
        documents = None
        with self.worker.reading_here():  # the server out of reach: the window says so
            documents = list_documents(self.worker.db)
        if documents is None:
            return None
        dialog = FromTextDialog(documents, self.store, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.form_ready.connect(self._on_draft_form)
        dialog.finished.connect(lambda _result: setattr(self, "from_text", None))
        self.from_text = dialog
        dialog.show()
        return dialog

    def _on_draft_form(self, form: ConferenceForm) -> None:
        if self.editor is not None and self.editor.isVisible():
            inform(
                self.window,
                self.tr("New conference from text"),
                self.tr("Close the conference that is open in the editor first."),
            )
            self.editor.raise_()
            return
        editor = self.open_editor(form)
        if editor is not None and self.from_text is not None:
            # Text on the left, editor on the right, so the clerk checks one against the
            # other; the editor no narrower than it can be, the text taking what is left
            # (behind the editor if the screen is narrow), both whole on the screen.
            text = self.from_text
            area = text.screen().availableGeometry()
            width = max(area.width() // 2, editor.minimumSizeHint().width())
            place_window(editor, QRect(area.right() + 1 - width, area.y(), width, area.height()))
            left = max(area.width() - editor.frameGeometry().width(), area.width() // 3)
            place_window(text, QRect(area.x(), area.y(), left, area.height()))
            place_window(editor, editor.geometry())

    # --- saving ------------------------------------------------------------------------

    def _save_form(
        self, form: ConferenceForm, done: Callable[[ConferenceForm | None], object]
    ) -> None:
        """The editor's save: a new date or title is first looked for among the stored
        conferences (``same_conference``); then the form is stored and read back on the
        worker, and ``done`` follows."""
        from minutes_app.core.conferences.duplicates import conference_identity, same_conference

        db, editor = self.worker.db, self.editor
        assert db is not None and form.date is not None
        before = editor.saved_form if editor is not None else None
        if (
            form.id is not None
            and before is not None
            and before.date is not None
            and conference_identity(before.date, before.title)
            == conference_identity(form.date, form.title)
        ):  # its date and title as stored: a duplicate was asked about when they were set
            self._store(form, done)
            return
        date, title, conference_id = form.date, form.title, form.id

        def checked(found: StoredConference | None) -> None:
            if found is None:
                self._store(form, done)
                return
            answer = ask_about_duplicate(editor or self.window, found)
            if answer == "save":
                self._store(form, done)
                return
            done(None)
            if answer == "open" and (editor is None or editor.close()):
                self.open_conference(found.id)

        def failed(error: BaseException) -> None:
            done(None)
            self._not_saved(form, error)  # the editor keeps the form as it is

        self.worker.run_op(
            editor or self.window,
            lambda: same_conference(db, date, title, other_than=conference_id),
            checked,
            failed,
        )

    def _store(self, form: ConferenceForm, done: Callable[[ConferenceForm | None], object]) -> None:
        """Store the form and read it back, on the worker; ``done`` follows."""
        from minutes_app.core.conferences.loading import load_conference
        from minutes_app.core.conferences.saving import save_conference

        db, by = self.worker.db, self.user()
        assert db is not None

        def work() -> ConferenceForm:
            return load_conference(db, save_conference(db, form, by))

        def saved(stored: ConferenceForm) -> None:
            self.window.statusBar().showMessage(self.tr("Saved."), 5000)
            done(stored)

        def failed(error: BaseException) -> None:
            done(None)
            self._not_saved(form, error)

        self.worker.run_op(self.editor or self.window, work, saved, failed, change=SAVED)

    def _not_saved(self, form: ConferenceForm, error: BaseException) -> None:
        from sqlalchemy.exc import IntegrityError, OperationalError

        from minutes_app.db.locks import DatabaseBusy
        from minutes_app.db.reaching import is_server_lost
        from minutes_app.db.versions import RecordGone, StaleRecord

        title = self.tr("Save")
        if isinstance(error, DatabaseBusy):
            inform(self.window, title, busy_text(), error=True)
        elif is_server_lost(error):  # the window's banner says when it answers again
            from minutes_app.ui.storage.messages import storage_error_text

            inform(
                self.editor or self.window,
                title,
                self.tr("The conference could not be saved: %1").replace(
                    "%1", storage_error_text(error)
                ),
                error=True,
            )
        elif isinstance(error, StaleRecord):
            self._merge_into_editor(form, error)
        elif isinstance(error, RecordGone):
            kept = self.tr("Your text is still in the editor: copy what you want to keep.")
            if error.trashed:
                kept = self.tr(
                    "Your text is still in the editor. Restore the conference from "
                    "Edit → Trash, then save again."
                )
            tell_conflict(self.editor or self.window, error, title, kept)
            self.worker.notify(SAVED)  # show what the other copy did
        elif isinstance(error, OperationalError | IntegrityError):
            from minutes_app.ui.storage.messages import (
                storage_error_text,  # plain words: disk full…
            )

            reason = (
                storage_error_text(error)
                if isinstance(error, OperationalError)
                else str(error.orig)
            )
            inform(
                self.window,
                title,
                self.tr("The conference could not be saved: %1").replace("%1", reason),
                error=True,
            )
        else:
            tell_failure(self.window, error)

    def _merge_into_editor(self, mine: ConferenceForm, error: Exception) -> None:
        """Someone else saved the conference after the editor read it: their version is
        read, the clerk's changes are put over it in the editor (unsaved), and the clerk
        is told who saved, when, and which parts both of them changed."""
        from minutes_app.core.conferences.loading import load_conference
        from minutes_app.db.versions import RecordGone

        db, editor, conference_id = self.worker.db, self.editor, mine.id
        assert db is not None
        if editor is None or conference_id is None:
            tell_conflict(self.window, error, self.tr("Save"))
            return

        def gone(read_error: BaseException) -> None:
            if not isinstance(read_error, RecordGone):
                tell_failure(self.window, read_error)
                return
            tell_conflict(editor, read_error, self.tr("Save"))

        self.worker.run_op(
            editor,
            lambda: load_conference(db, conference_id),
            lambda theirs: self._show_merge(editor, mine, theirs, error),
            gone,
        )

    def _show_merge(
        self,
        editor: ConferenceEditor,
        mine: ConferenceForm,
        theirs: ConferenceForm,
        error: Exception,
    ) -> None:
        from minutes_app.core.conferences.merging import merge_forms

        merged = merge_forms(editor.saved_form, mine, theirs)
        editor.take_merge(theirs, merged.form)
        kept = self.tr(
            "Their changes are now in the editor together with yours, which are not saved "
            "yet. Check the conference, then save again."
        )
        if merged.conflicts:
            names = ", ".join(editor.part_name(name) for name in merged.conflicts)
            kept += "\n\n" + self.tr(
                "You both changed: %1. Your version is shown; Undo shows theirs."
            ).replace("%1", names)
        tell_conflict(editor, error, self.tr("Save"), kept)
        self.worker.notify(SAVED)  # the lists show what the other copy saved
