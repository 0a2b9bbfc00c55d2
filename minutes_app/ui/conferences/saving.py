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
from minutes_app.core.access import Access
from minutes_app.core.history import Filter
from minutes_app.ui.history_view import HistoryView
from minutes_app.ui.operations import (
    CONFERENCES,
    DIRECTORY,
    DOCUMENTS,
    TASKS,
    TRASH,
    DatabaseWorker,
    Op,
    busy_text,
    changes,
    tell_failure,
)
from minutes_app.ui.widgets.common import inform
from minutes_app.ui.widgets.conflicts import tell_conflict
from minutes_app.ui.widgets.placement import centre_on, keep_on_screen, place_window

if TYPE_CHECKING:
    from minutes_app.core.conferences.catalogue import EditorChoices
    from minutes_app.core.conferences.duplicates import StoredConference
    from minutes_app.core.conferences.forms import ConferenceForm, DocumentForm
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

    What the editor and the from-text window show is read on the database worker (on
    the office's server each read is a round trip over the network): they open when it
    has been read, in the operation's success callback. Asked again while it is being
    read (a double click is an activation too, Enter pressed twice, "open" on another
    conference meanwhile), the second ask is ignored: the first read is under way and
    opens its editor in a moment, and one editor at a time is the rule; so an editor
    already open is raised, not replaced. Nothing else shows meanwhile, as on the other
    screens while they read: a read takes a few tens of milliseconds, and the window's
    banner says so when the server cannot be reached.
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
        # What the login may do (None: not known yet, or a file's clerk: everything).
        self.access: Access | None = None
        # The reads under way for an editor, for the from-text window (None: none).
        self._reading_editor: Op[tuple[ConferenceForm, EditorChoices]] | None = None
        self._reading_from_text: Op[list[DocumentForm]] | None = None

    # --- opening -----------------------------------------------------------------------

    def new_conference(self) -> None:
        """Open a new conference, of today, in the editor (see ``open_editor``)."""
        from minutes_app.core.conferences.forms import ConferenceForm

        self.open_editor(ConferenceForm(date=dt.date.today()))

    def open_conference(self, conference_id: int) -> None:
        """Read the conference on the worker and open it in the editor; returns at once.
        A conference that is gone (deleted or trashed by another copy) is told, and the
        lists follow; the server out of reach, nothing opens (the window's banner says
        so). An editor already open is raised instead; asked again while it is being
        read, nothing more is asked."""
        from minutes_app.core.conferences.catalogue import editor_choices
        from minutes_app.core.conferences.loading import load_conference

        if self._raise_editor() or self._reading_editor is not None:
            return
        db = self.worker.db
        assert db is not None

        def work() -> tuple[ConferenceForm, EditorChoices]:
            return load_conference(db, conference_id), editor_choices(db)

        def failed(error: BaseException) -> None:
            if not isinstance(error, LookupError):
                tell_failure(self.window, error)  # a lost server: the banner says so
                return
            tell_conflict(self.window, error, self.tr("Open"))
            self.worker.notify(changes(CONFERENCES, TRASH))  # it is gone: the list says so

        self._read_for_editor(work, failed)

    def open_editor(
        self, form: ConferenceForm, then: Callable[[ConferenceEditor], object] | None = None
    ) -> None:
        """Open ``form`` in the editor once the catalogue its completers offer is read on
        the worker; returns at once, and ``then(editor)`` follows once it is shown. An
        editor already open is raised instead; asked again while it is being read,
        nothing more is asked."""
        from minutes_app.core.conferences.catalogue import editor_choices

        if self._raise_editor() or self._reading_editor is not None:
            return
        db = self.worker.db
        assert db is not None
        self._read_for_editor(
            lambda: (form, editor_choices(db)), lambda e: tell_failure(self.window, e), then
        )

    def _window_closed(self) -> bool:
        """Whether the window was closed while a read for it ran (to open another
        database, to quit): what was read then opens nothing. A window not shown yet (a
        test's) is not closed."""
        return self.window.isHidden() and self.window.testAttribute(
            Qt.WidgetAttribute.WA_WState_ExplicitShowHide
        )

    def _raise_editor(self) -> bool:
        """Bring the open editor to the front; False when none is open."""
        if self.editor is None or not self.editor.isVisible():
            return False
        self.editor.raise_()
        self.editor.activateWindow()
        return True

    def _read_for_editor(
        self,
        work: Callable[[], tuple[ConferenceForm, EditorChoices]],
        failed: Callable[[BaseException], object],
        then: Callable[[ConferenceEditor], object] | None = None,
    ) -> None:
        """Run ``work`` on the worker; its form opens in the editor (then ``then``), or
        ``failed`` says why not. While it runs, no other editor is asked for."""

        def read(found: tuple[ConferenceForm, EditorChoices]) -> None:
            self._reading_editor = None
            if self._window_closed():
                return
            editor = self._show_editor(*found)
            if then is not None:
                then(editor)

        def not_read(error: BaseException) -> None:
            self._reading_editor = None
            failed(error)

        self._reading_editor = self.worker.run_op(self.window, work, read, not_read)

    def _show_editor(self, form: ConferenceForm, choices: EditorChoices) -> ConferenceEditor:
        from minutes_app.ui.conferences.editor import ConferenceEditor
        from minutes_app.ui.conferences.sign_off import SignOffControls

        editor = ConferenceEditor(form, choices, self.window)
        if form.id is not None:  # its change log, read when the tab is first shown
            log = HistoryView(self.worker, None)
            log.show_for(Filter(conference=form.id))
            editor.history_tab = log
            editor.tabs.addTab(
                log, QCoreApplication.translate("ConferenceEditor", "Change &history")
            )
        editor.sign_off = SignOffControls(editor, self.worker, self.user, self.access)
        editor.sign_off.read()
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

    def new_conference_from_text(self) -> None:
        """Read the document catalogue on the worker, then show the from-text window;
        returns at once. Its form opens in the editor, the two side by side. Already
        shown, it is raised instead; asked again while the catalogue is being read,
        nothing more is asked; the server out of reach, nothing opens."""
        from minutes_app.core.conferences.catalogue import list_documents

        if self.from_text is not None and self.from_text.isVisible():
            self.from_text.raise_()
            self.from_text.activateWindow()
            return
        if self._reading_from_text is not None:
            return
        db = self.worker.db
        assert db is not None

        def read(documents: list[DocumentForm]) -> None:
            self._reading_from_text = None
            if not self._window_closed():
                self._show_from_text(documents)

        def not_read(error: BaseException) -> None:
            self._reading_from_text = None
            tell_failure(self.window, error)  # a lost server: the banner says so

        self._reading_from_text = self.worker.run_op(
            self.window, lambda: list_documents(db), read, not_read
        )

    def _show_from_text(self, documents: list[DocumentForm]) -> None:
        from minutes_app.ui.conferences.from_text import FromTextDialog

        dialog = FromTextDialog(documents, self.store, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.form_ready.connect(self._on_draft_form)
        dialog.finished.connect(lambda _result: setattr(self, "from_text", None))
        self.from_text = dialog
        dialog.show()

    def _on_draft_form(self, form: ConferenceForm) -> None:
        if self.editor is not None and self.editor.isVisible():
            inform(
                self.window,
                self.tr("New conference from text"),
                self.tr("Close the conference that is open in the editor first."),
            )
            self.editor.raise_()
            return
        self.open_editor(form, self._beside_text)

    def _beside_text(self, editor: ConferenceEditor) -> None:
        """Text on the left, editor on the right, so the clerk checks one against the
        other; the editor no narrower than it can be, the text taking what is left
        (behind the editor if the screen is narrow), both whole on the screen."""
        text = self.from_text
        if text is None:  # closed while the editor's catalogue was read
            return
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

        from minutes_app.core.conferences.sign_off import SignedOff
        from minutes_app.db.locks import DatabaseBusy
        from minutes_app.db.reaching import is_server_lost
        from minutes_app.db.server import not_allowed
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
        elif isinstance(error, SignedOff) or not_allowed(error) is not None:
            # Signed off by someone meanwhile, or the login may not: the text stays.
            from minutes_app.ui.storage.messages import storage_error_text

            said = str(error) if isinstance(error, SignedOff) else storage_error_text(error)
            inform(
                self.editor or self.window,
                title,
                self.tr("The conference could not be saved: %1").replace("%1", said)
                + "\n\n"
                + self.tr("Your text is still in the editor."),
                error=True,
            )
            if self.editor is not None and self.editor.sign_off is not None:
                self.editor.sign_off.read()
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
