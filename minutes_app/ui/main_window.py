"""The main window: navigation between the app's screens, menus, toolbar and status bar."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QSystemTrayIcon,
    QToolBar,
    QWidget,
)

from minutes_app import APP_NAME, __version__
from minutes_app.core.conferences.listing import (
    ConferenceSummary,
    conference_choices,
    list_conferences,
)
from minutes_app.db.engine import Database
from minutes_app.db.locks import DatabaseBusy
from minutes_app.ui.background import Prefetch, off_ui_thread, write_off_ui_thread
from minutes_app.ui.conferences.listing import ConferenceListPage
from minutes_app.ui.paperwork.export_actions import ExportActions
from minutes_app.ui.tasks.style import DUE_SOON
from minutes_app.ui.widgets.common import ask, inform, plain_label, vietnamese_collator

if TYPE_CHECKING:
    # The screens other than the conference list, the dialogs and the services that use
    # SQLAlchemy are imported where they are first used: the window paints its first
    # screen before any of them is loaded (issue 7: startup budget).
    from minutes_app.core.conferences.forms import ConferenceForm
    from minutes_app.core.search import Hit
    from minutes_app.core.tasks.actions import ActionRecord
    from minutes_app.ui.conferences.documents import DocumentsPage
    from minutes_app.ui.conferences.editor import ConferenceEditor
    from minutes_app.ui.conferences.from_text import FromTextDialog
    from minutes_app.ui.directory.page import DirectoryPage
    from minutes_app.ui.search_dialog import SearchDialog
    from minutes_app.ui.tasks.dialogs import ChosenValues, TaskActionDialog
    from minutes_app.ui.tasks.overview import OverviewPage
    from minutes_app.ui.tasks.register import TaskRegisterPage

PAGE_CONFERENCES, PAGE_TASKS, PAGE_DOCUMENTS, PAGE_UNITS, PAGE_OVERVIEW = range(5)


@contextmanager
def _no_full_collections() -> Iterator[None]:
    """Hold off Python's cyclic garbage collector while a worker builds a large object graph.

    A full collection walks every object of the process with the GIL held: with the records
    of 200,000 tasks in memory each pass freezes the UI thread for about a second.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _collect_young() -> None:
    """Free the cycles of rows a worker just let go of, in steps as short as they are young.

    Collected once, an ORM object's bookkeeping becomes garbage only then: the second pass
    frees it before it reaches the oldest generation, which only a full collection walks.
    """
    gc.collect(0)
    gc.collect(1)


def _load_services() -> None:
    """Import what the screens after the first need (SQLAlchemy, the models, the services),
    so that the first click on them does not wait for it."""
    from sqlalchemy.orm import configure_mappers

    import minutes_app.core.conferences.catalogue
    import minutes_app.core.conferences.loading
    import minutes_app.core.conferences.saving
    import minutes_app.core.tasks.actions
    import minutes_app.core.tasks.query
    import minutes_app.ui.tasks.detail  # noqa: F401

    configure_mappers()


def _units_in_order(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every unit, in Vietnamese order; may run on a worker thread."""
    from minutes_app.core.directory import unit_choices

    collator = vietnamese_collator()  # a QCollator of its own: it is reentrant
    return sorted(unit_choices(db), key=lambda u: collator.sortKey(u[1]))


def _register_choices(db: Database) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The task register's unit and conference filter choices, as (id, label)."""
    units = _units_in_order(db)
    conferences = [(cid, f"{date:%d/%m/%Y} {title}") for cid, date, title in conference_choices(db)]
    return units, conferences


def _prepare_register(db: Database) -> None:
    """Read the register's first page as it opens by default, so that the statements it
    needs are built and kept before the clerk first opens the register."""
    from minutes_app.core.tasks.query import TaskQuery, TaskRegister
    from minutes_app.ui.tasks.register import PAGE

    TaskRegister(db, TaskQuery(as_of=dt.date.today())).page(0, PAGE + 1)


class _GuardedCommand(QUndoCommand):
    """An undoable change of records that someone else may change in between: an undo or
    redo finding them changed (or gone) does nothing, says so, and leaves the stack."""

    def __init__(self, window: MainWindow, text: str) -> None:
        super().__init__(text)
        self.window = window

    def _guarded(self, step: Callable[[], None]) -> None:
        from minutes_app.db.versions import RecordGone, StaleRecord

        window = self.window
        try:
            step()
        except (StaleRecord, RecordGone) as error:
            # Qt deletes an obsolete command as soon as undo() or redo() returns, so the
            # message (a nested event loop) and the refresh come after, without ``self``.
            self.setObsolete(True)
            title = QCoreApplication.translate("MainWindow", "Undo")
            refused: Exception = error  # the except clause unbinds ``error`` at its end
            QTimer.singleShot(0, window, lambda: window.after_refused_step(refused, title))
            return
        window.refresh()


class TrashCommand(_GuardedCommand):
    """Moving conferences to the trash, undone by restoring them; each step applies only
    while the conferences are as the step before left them."""

    def __init__(self, window: MainWindow, conference_ids: list[int], text: str) -> None:
        super().__init__(window, text)
        self.conference_ids = conference_ids
        self.versions: dict[int, int] | None = None  # None: as the clerk sees them now

    def redo(self) -> None:
        from minutes_app.core.conferences.trash import move_to_trash

        def step() -> None:
            self.versions = move_to_trash(
                self.window.db, self.conference_ids, self.window.user, self.versions
            )

        self._guarded(step)

    def undo(self) -> None:
        from minutes_app.core.conferences.trash import restore_from_trash

        def step() -> None:
            self.versions = restore_from_trash(
                self.window.db, self.conference_ids, self.window.user, self.versions
            )

        self._guarded(step)


class TaskActionCommand(_GuardedCommand):
    """An action on tasks; redo runs it, undo puts the tasks back as they were. ``run``
    takes the versions the tasks must be at (those the undo left), or None."""

    def __init__(
        self,
        window: MainWindow,
        text: str,
        run: Callable[[dict[int, int] | None], ActionRecord],
        record: ActionRecord,
    ) -> None:
        super().__init__(window, text)
        self.run = run
        self.record = record
        self.versions: dict[int, int] | None = None
        self._first = True

    def redo(self) -> None:
        # The action already ran in its dialog (so that its errors showed there).
        if self._first:
            self._first = False
            self.window.refresh()
            return

        def step() -> None:
            self.record = self.run(self.versions or None)

        self._guarded(step)

    def undo(self) -> None:
        from minutes_app.core.tasks.actions import undo as undo_task_action

        def step() -> None:
            self.versions = undo_task_action(self.window.db, self.record, self.window.user)

        self._guarded(step)


class MainWindow(QMainWindow):
    """The application window. It is given the open database and the settings."""

    def __init__(self, db: Database, store: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.store = store
        # The first screen's rows are read while the widgets are built (the SQL runs
        # without the GIL); refresh() below takes them.
        self._first_rows: Prefetch[list[ConferenceSummary]] | None = Prefetch(
            lambda: list_conferences(db)
        )
        self.undo_stack = QUndoStack(self)
        self.editor: ConferenceEditor | None = None
        self.from_text: FromTextDialog | None = None
        self.reminder: QMessageBox | None = None
        self.search_dialog: SearchDialog | None = None
        self.tray: QSystemTrayIcon | None = None
        self.setWindowTitle(self.tr("%1 — Conference minutes").replace("%1", APP_NAME))
        self.setMinimumSize(QSize(720, 480))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.pages = QStackedWidget()
        self.conference_page = ConferenceListPage(store)
        # The other screens are built when first shown (see _page): until then an empty
        # widget holds their place in the stack.
        self._built: dict[int, QWidget] = {PAGE_CONFERENCES: self.conference_page}
        self.task_buttons: dict[str, QPushButton] = {}
        sp = QStyle.StandardPixmap
        self._add_page(self.tr("Conferences"), sp.SP_FileDialogDetailedView, self.conference_page)
        self._add_page(self.tr("Tasks"), sp.SP_DialogApplyButton, QWidget())
        self._add_page(self.tr("Documents"), sp.SP_FileIcon, QWidget())
        self._add_page(self.tr("Units & people"), sp.SP_DirHomeIcon, QWidget())
        self._add_page(self.tr("Overview"), sp.SP_FileDialogInfoView, QWidget())
        self._stale: set[int] = set()
        self.navigation.currentRowChanged.connect(self._on_page_changed)
        self.navigation.setCurrentRow(PAGE_CONFERENCES)
        self.navigation.setMaximumWidth(240)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 900])
        self.setCentralWidget(self.splitter)

        self.status_db = plain_label()  # a file name may look like HTML
        self.status_count = QLabel()
        self.status_user = QLabel()
        self.status_user.setTextFormat(Qt.TextFormat.PlainText)
        self.status_user.setObjectName("status_user")
        self.statusBar().addWidget(self.status_count)
        self.statusBar().addPermanentWidget(self.status_user)
        self.statusBar().addPermanentWidget(self.status_db)
        self._show_user()
        self.status_db.setText(self.tr("Database: %1").replace("%1", str(db.path)))
        self.conference_page.counts_changed.connect(self._on_counts_changed)
        self.conference_page.conference_activated.connect(self.open_conference)

        self._build_actions()
        self._restore_geometry()
        self.refresh()
        self._first_rows = None  # read once: a later refresh reads the database again

    # --- construction ------------------------------------------------------------------

    @property
    def task_page(self) -> TaskRegisterPage:
        return cast("TaskRegisterPage", self._page(PAGE_TASKS))

    @property
    def documents_page(self) -> DocumentsPage:
        return cast("DocumentsPage", self._page(PAGE_DOCUMENTS))

    @property
    def directory_page(self) -> DirectoryPage:
        return cast("DirectoryPage", self._page(PAGE_UNITS))

    @property
    def overview_page(self) -> OverviewPage:
        return cast("OverviewPage", self._page(PAGE_OVERVIEW))

    def _page(self, index: int) -> QWidget:
        """The screen at ``index``, built the first time it is asked for."""
        page = self._built.get(index)
        if page is not None:
            return page
        page = self._build_page(index)
        self._built[index] = page
        current = self.pages.currentIndex()
        placeholder = self.pages.widget(index)
        assert placeholder is not None
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages.setCurrentIndex(current)
        return page

    def _build_page(self, index: int) -> QWidget:
        if index == PAGE_TASKS:
            from minutes_app.ui.tasks.register import TaskRegisterPage

            task_page = TaskRegisterPage(self.db, self.store)
            self._build_task_actions(task_page)
            return task_page
        if index == PAGE_DOCUMENTS:
            from minutes_app.ui.conferences.documents import DocumentsPage

            documents_page = DocumentsPage(self.db)
            documents_page.changed.connect(self.refresh)
            return documents_page
        if index == PAGE_UNITS:
            from minutes_app.ui.directory.page import DirectoryPage

            directory_page = DirectoryPage(self.db)
            directory_page.changed.connect(self.refresh)
            return directory_page
        assert index == PAGE_OVERVIEW, index
        from minutes_app.ui.tasks.overview import OverviewPage

        overview_page = OverviewPage(self.db)
        overview_page.open_register.connect(self.show_tasks)
        return overview_page

    def _add_page(self, title: str, icon: QStyle.StandardPixmap, page: QWidget) -> None:
        item = QListWidgetItem(self.style().standardIcon(icon), title)
        item.setSizeHint(QSize(0, 36))
        self.navigation.addItem(item)
        self.pages.addWidget(page)

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.new_action = self._action(
            self.tr("&New conference…"),
            self.new_conference,
            QKeySequence.StandardKey.New,
            sp.SP_FileIcon,
        )
        self.from_text_action = self._action(
            self.tr("New conference from &text…"),
            self.new_conference_from_text,
            QKeySequence("Ctrl+Shift+N"),
        )
        self.open_action = self._action(self.tr("&Open conference"), self._on_open_selected)
        self.delete_action = self._action(
            self.tr("&Delete conference"),
            self._on_delete_selected,
            QKeySequence.StandardKey.Delete,
            sp.SP_TrashIcon,
        )
        # Delete acts on the list only, so that it still deletes characters in text fields.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.conference_page.table.addAction(self.delete_action)
        self.trash_action = self._action(self.tr("&Trash…"), self._on_trash)
        self.import_action = self._action(
            self.tr("&Import exchange file…"), self._on_import, icon=sp.SP_DialogOpenButton
        )
        self.export_action = self._action(
            self.tr("&Export exchange file…"), self._on_export, icon=sp.SP_DialogSaveButton
        )
        self.settings_action = self._action(self.tr("&Settings…"), self._on_settings)
        self.office_action = self._action(self.tr("O&ffice and signers…"), self._on_office)
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.find_action = self._action(
            self.tr("&Find…"), self._on_find, QKeySequence.StandardKey.Find
        )
        self.refresh_action = self._action(
            self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh, sp.SP_BrowserReload
        )
        self.samples_action = self._action(self.tr("Load &sample data"), self._on_load_samples)
        self.about_action = self._action(self.tr("&About minutes-app"), self._on_about)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.from_text_action, self.open_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action])
        self.exports = ExportActions(
            self,
            self.db,
            self.store,
            self._selected_conference,
            lambda text: self.statusBar().showMessage(text, 8000),
        )
        export_menu, preview_menu = self.exports.menus()
        file_menu.addMenu(export_menu)
        file_menu.addMenu(preview_menu)
        file_menu.addSeparator()
        self.backup_action = self._action(self.tr("&Back up…"), self._on_backup)
        self.restore_action = self._action(self.tr("&Restore from a backup…"), self._on_restore)
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        file_menu.addActions([self.office_action, self.settings_action, self.quit_action])
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.delete_action, self.trash_action])
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            go = self._action(
                item.text(),
                lambda _=False, r=row: self.navigation.setCurrentRow(r),
                f"Ctrl+{row + 1}",
            )
            view_menu.addAction(go)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addActions([self.samples_action, self.about_action])

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.new_action, self.delete_action])
        toolbar.addSeparator()
        toolbar.addActions([self.import_action, self.export_action, self.refresh_action])
        self.addToolBar(toolbar)

    # --- state -------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.store.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        splitter = self.store.value("main_window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor is not None and self.editor.isVisible() and not self.editor.close():
            event.ignore()
            return
        self.store.setValue("main_window/geometry", self.saveGeometry())
        self.store.setValue("main_window/splitter", self.splitter.saveState())
        self.conference_page.save_state()
        if PAGE_TASKS in self._built:
            self.task_page.save_state()
        self.store.sync()
        super().closeEvent(event)

    def refresh(self) -> None:
        """Reload the lists from the database (also picks up another copy's changes).

        The screen in view is reloaded now; the others when they are next shown, so that
        a large database does not make every change pay for every screen.
        """
        self._stale = {PAGE_CONFERENCES, PAGE_TASKS, PAGE_DOCUMENTS, PAGE_UNITS, PAGE_OVERVIEW}
        self._refresh_page(self.pages.currentIndex())

    def _refresh_page(self, page: int) -> None:
        if page not in self._stale:
            return
        self._stale.discard(page)
        if page == PAGE_CONFERENCES:
            first, self._first_rows = self._first_rows, None
            if first is not None:
                self.conference_page.set_rows(first.result())
            else:  # off the UI thread, so that the window keeps painting meanwhile
                self.conference_page.set_rows(off_ui_thread(lambda: list_conferences(self.db)))
        elif page == PAGE_TASKS:
            self.task_page.set_choices(*off_ui_thread(lambda: _register_choices(self.db)))
            self.task_page.apply_filters()
        elif page == PAGE_DOCUMENTS:
            self.documents_page.refresh()
        elif page == PAGE_UNITS:
            self.directory_page.refresh()
        elif page == PAGE_OVERVIEW:
            self.overview_page.refresh()

    def _on_page_changed(self, page: int) -> None:
        self._page(page)
        self.pages.setCurrentIndex(page)
        self._refresh_page(page)

    # --- conferences -------------------------------------------------------------------

    def new_conference(self) -> ConferenceEditor:
        from minutes_app.core.conferences.forms import ConferenceForm

        return self._open_editor(ConferenceForm(date=dt.date.today()))

    def new_conference_from_text(self) -> FromTextDialog:
        """The from-text window; its form opens in the editor, the two side by side."""
        if self.from_text is not None and self.from_text.isVisible():
            self.from_text.raise_()
            self.from_text.activateWindow()
            return self.from_text
        from minutes_app.core.conferences.catalogue import list_documents
        from minutes_app.ui.conferences.from_text import FromTextDialog

        dialog = FromTextDialog(list_documents(self.db), self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.form_ready.connect(self._on_draft_form)
        dialog.finished.connect(lambda _result: setattr(self, "from_text", None))
        self.from_text = dialog
        dialog.show()
        return dialog

    def _on_draft_form(self, form: ConferenceForm) -> None:
        if self.editor is not None and self.editor.isVisible():
            inform(
                self,
                self.tr("New conference from text"),
                self.tr("Close the conference that is open in the editor first."),
            )
            self.editor.raise_()
            return
        editor = self._open_editor(form)
        if self.from_text is not None:
            # Text on the left, editor on the right, so the clerk checks one against the other.
            area = self.screen().availableGeometry()
            half = area.width() // 2
            self.from_text.setGeometry(area.x(), area.y() + 30, half, area.height() - 60)
            editor.setGeometry(area.x() + half, area.y() + 30, half, area.height() - 60)

    def _selected_conference(self) -> int | None:
        ids = self.conference_page.selected_ids()
        return ids[0] if ids else None

    def _on_backup(self) -> None:
        from minutes_app.ui.storage.backup import back_up_now

        back_up_now(self, self.db, self.store)

    def _on_restore(self) -> None:
        from minutes_app.ui.storage.restoring import restore_from_backup

        restore_from_backup(self, self.db.path, self.store, self.db)

    def _on_office(self) -> None:
        from minutes_app.ui.paperwork.office_dialog import OfficeDialog

        OfficeDialog(self.db, self).exec()

    def open_conference(self, conference_id: int) -> ConferenceEditor | None:
        from minutes_app.core.conferences.loading import load_conference

        try:
            form = load_conference(self.db, conference_id)
        except LookupError as error:
            self.show_conflict(error, self.tr("Open"))
            self.refresh()
            return None
        return self._open_editor(form)

    def _open_editor(self, form: ConferenceForm) -> ConferenceEditor:
        if self.editor is not None and self.editor.isVisible():
            self.editor.raise_()
            self.editor.activateWindow()
            return self.editor
        from minutes_app.core.conferences.catalogue import editor_choices
        from minutes_app.ui.conferences.editor import ConferenceEditor

        editor = ConferenceEditor(form, editor_choices(self.db), self)
        editor.set_save_handler(self._save_form)
        editor.create_tasks_requested.connect(self._on_create_tasks)
        editor.finished.connect(self._on_editor_finished)
        self.editor = editor
        editor.open()
        return editor

    @property
    def user(self) -> str:
        """Who makes this window's changes (Settings → User name, else the login)."""
        from minutes_app.ui.app import current_user

        return current_user(self.store)

    def _show_user(self) -> None:
        self.status_user.setText(self.tr("User: %1").replace("%1", self.user))

    def after_refused_step(self, error: Exception, title: str) -> None:
        """An undo or redo was refused (someone else changed the records): say so."""
        self.show_conflict(error, title)
        self.refresh()

    def show_conflict(self, error: Exception, title: str, kept: str = "") -> None:
        """Say that someone else changed or deleted a record first (``StaleRecord``,
        ``RecordGone``), and what of the clerk's work is kept (``kept``)."""
        from minutes_app.ui.widgets.conflicts import conflict_text

        text = conflict_text(error)  # type: ignore[arg-type]
        inform(self.editor or self, title, f"{text}\n\n{kept}" if kept else text, error=True)

    def _save_form(self, form: ConferenceForm) -> ConferenceForm | None:
        from sqlalchemy.exc import IntegrityError, OperationalError

        from minutes_app.core.conferences.loading import load_conference
        from minutes_app.core.conferences.saving import save_conference
        from minutes_app.db.versions import RecordGone, StaleRecord

        by = self.user
        try:  # off the UI thread: the window stays alive while another copy holds the file
            conference_id = write_off_ui_thread(
                self.editor or self, self.db.path, lambda: save_conference(self.db, form, by)
            )
        except DatabaseBusy:
            inform(self, self.tr("Save"), self._busy_text(), error=True)
            return None
        except StaleRecord as error:
            self._merge_into_editor(form, error)
            return None
        except RecordGone as error:
            kept = self.tr("Your text is still in the editor: copy what you want to keep.")
            if error.trashed:
                kept = self.tr(
                    "Your text is still in the editor. Restore the conference from "
                    "Edit → Trash, then save again."
                )
            self.show_conflict(error, self.tr("Save"), kept)
            self.refresh()
            return None
        except (OperationalError, IntegrityError) as exc:
            # Plain words: disk full…
            from minutes_app.ui.storage.messages import storage_error_text

            inform(
                self,
                self.tr("Save"),
                self.tr("The conference could not be saved: %1").replace(
                    "%1",
                    storage_error_text(exc) if isinstance(exc, OperationalError) else str(exc.orig),
                ),
                error=True,
            )
            return None
        self.refresh()
        self.statusBar().showMessage(self.tr("Saved."), 5000)
        return load_conference(self.db, conference_id)

    def _merge_into_editor(self, mine: ConferenceForm, error: Exception) -> None:
        """Someone else saved the conference after the editor read it: their version is
        read, the clerk's changes are put over it in the editor (unsaved), and the clerk
        is told who saved, when, and which parts both of them changed."""
        from minutes_app.core.conferences.loading import load_conference
        from minutes_app.core.conferences.merging import merge_forms
        from minutes_app.db.versions import RecordGone

        editor = self.editor
        try:
            theirs = load_conference(self.db, mine.id) if mine.id is not None else None
        except RecordGone as gone:
            error = gone
            theirs = None
        if editor is None or theirs is None:
            self.show_conflict(error, self.tr("Save"))
            return
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
        self.show_conflict(error, self.tr("Save"), kept)
        self.refresh()

    def _busy_text(self) -> str:
        return self.tr(
            "Another copy of the program kept the database busy, so nothing was saved. "
            "What you entered is still in the window: try again in a moment."
        )

    def _on_editor_finished(self, _result: int) -> None:
        self.editor = None
        self.refresh()

    def _on_open_selected(self) -> None:
        ids = self.conference_page.selected_ids()
        if ids:
            self.open_conference(ids[0])

    def _on_delete_selected(self) -> None:
        ids = self.conference_page.selected_ids()
        if not ids:
            return
        question = self.tr(
            "Move %n conference(s) to the trash? They can be restored from Edit → Trash.",
            "",
            len(ids),
        )
        if not ask(self, self.tr("Delete"), question, self.tr("Move to trash")):
            return
        self.undo_stack.push(TrashCommand(self, ids, self.tr("Delete conference")))
        self.statusBar().showMessage(self.tr("Moved to the trash. Ctrl+Z puts it back."), 8000)

    # --- tasks -------------------------------------------------------------------------

    def _build_task_actions(self, page: TaskRegisterPage) -> None:
        labels = (
            ("progress", self.tr("&Progress…")),
            ("extend", self.tr("E&xtend…")),
            ("complete", self.tr("&Done…")),
            ("reopen", self.tr("Re&open…")),
            ("cancel", self.tr("&Cancel task…")),
        )
        for kind, label in labels:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, k=kind: self.act_on_tasks(k))
            page.actions_bar.addWidget(button)
            self.task_buttons[kind] = button
        page.actions_bar.addStretch(1)
        page.selection_changed.connect(self._on_task_selection)
        self._on_task_selection([])

    def reminder_counts(self) -> tuple[int, int]:
        """(overdue, due within 7 days) as of today."""
        from minutes_app.core.tasks.query import TaskQuery, TaskRegister, only_due_soon

        today = dt.date.today()
        overdue = TaskRegister(self.db, TaskQuery(as_of=today, classes=frozenset({"overdue"})))
        soon = TaskRegister(self.db, only_due_soon(TaskQuery(as_of=today)))
        return overdue.count(), soon.count()

    def _reminders_on(self) -> bool:
        return str(self.store.value("remind_on_start", "true")).lower() != "false"

    def after_first_paint(self) -> None:
        """Once the first screen is painted: the services of the other screens are loaded
        and the reminder's counts read on a worker thread; the reminder shows when they are
        in. The window answers the clerk meanwhile."""
        remind = self._reminders_on()

        def work() -> tuple[int, int] | None:
            _load_services()
            _prepare_register(self.db)
            return self.reminder_counts() if remind else None

        def done(counts: tuple[int, int] | None) -> None:
            if counts is not None:
                self.show_reminder(counts)

        Prefetch(work).when_done(done)

    def show_reminder(self, counts: tuple[int, int] | None = None) -> QMessageBox | None:
        """A notice of overdue tasks and tasks due this week, unless turned off; ``counts``
        are those of ``reminder_counts()``, read now when not given."""
        if not self._reminders_on():
            return None
        overdue, soon = counts if counts is not None else self.reminder_counts()
        if not overdue and not soon:
            return None
        text = self.tr("%1 task(s) overdue and %2 due within 7 days.")
        text = text.replace("%1", str(overdue)).replace("%2", str(soon))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Reminder"), text, parent=self)
        box.setWindowModality(Qt.WindowModality.NonModal)
        show = box.addButton(self.tr("Show them"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        # Parented to the box: the box does not take the check box from Python's hands.
        box.setCheckBox(QCheckBox(self.tr("Do not remind me when the program starts"), box))
        show.clicked.connect(lambda: self.show_tasks("overdue" if overdue else DUE_SOON))
        box.finished.connect(lambda _: self._on_reminder_closed(box))
        box.show()
        self.reminder = box
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.windowIcon(), self)
            self.tray.messageClicked.connect(lambda: self.show_tasks("overdue"))
            self.tray.show()
            self.tray.showMessage(APP_NAME, text, QSystemTrayIcon.MessageIcon.Warning, 10_000)
        return box

    def _on_reminder_closed(self, box: QMessageBox) -> None:
        check = box.checkBox()
        if check is not None and check.isChecked():
            self.store.setValue("remind_on_start", "false")

    def show_tasks(self, display: str | None = None, lead_unit_id: int | None = None) -> None:
        """Go to the task register, narrowed to a class and a lead unit."""
        self.navigation.setCurrentRow(PAGE_TASKS)
        self.task_page.show_filtered(display, lead_unit_id)

    def _on_task_selection(self, ids: list[int]) -> None:
        for button in self.task_buttons.values():
            button.setEnabled(bool(ids))

    def act_on_tasks(self, kind: str) -> TaskActionDialog | None:
        from minutes_app.core.tasks.actions import (
            add_progress,
            cancel,
            complete,
            extend_deadline,
            reopen,
        )

        # The versions the clerk sees: an action on a task changed since is refused.
        shown = self.task_page.selected_versions()
        ids = list(shown)
        if not ids:
            return None
        db, by = self.db, self.user
        Action = Callable[[dict[int, int] | None], "ActionRecord"]
        runners: dict[str, Callable[[ChosenValues], Action]] = {
            "progress": lambda d: lambda v: add_progress(db, ids, d.chosen_text(), by, v),
            "extend": lambda d: (
                lambda v: extend_deadline(db, ids, d.chosen_date(), d.chosen_text(), by, v)
            ),
            "complete": lambda d: (
                lambda v: complete(db, ids, d.chosen_date(), d.chosen_text(), by=by, read=v)
            ),
            "reopen": lambda d: lambda v: reopen(db, ids, d.chosen_text(), by, v),
            "cancel": lambda d: lambda v: cancel(db, ids, d.chosen_text(), by, v),
        }
        current = None
        if len(ids) == 1:
            row = self.task_page.model.row(self.task_page.table.currentIndex().row())
            current = row.deadline if row else None
        bound: list[Action] = []

        def run(dialog: TaskActionDialog) -> ActionRecord:
            # The dialog's values are read here; the action runs off the UI thread, waiting
            # for another copy of the program if it holds the database (DatabaseBusy).
            action = runners[kind](dialog.chosen())
            record = write_off_ui_thread(dialog, db.path, lambda: action(shown))
            bound.append(action)
            return record

        from minutes_app.ui.tasks.dialogs import TaskActionDialog

        dialog = TaskActionDialog(kind, len(ids), run, current_deadline=current, parent=self)
        accepted = dialog.exec() == dialog.DialogCode.Accepted
        if accepted and dialog.record is not None:
            self.undo_stack.push(
                TaskActionCommand(self, dialog.windowTitle(), bound[-1], dialog.record)
            )
        elif dialog.conflict:
            self.refresh()  # show what the other copy did
        return dialog

    def _on_create_tasks(self, row: int) -> None:
        editor = self.editor
        if editor is None:
            return
        if editor.has_unsaved_changes() and not editor.save():
            return
        form = editor.form()
        if not 0 <= row < len(form.instructions) or form.instructions[row].id is None:
            return
        instruction = form.instructions[row]
        assert instruction.id is not None and form.date is not None
        from minutes_app.core.conferences.loading import load_conference
        from minutes_app.core.directory import list_people
        from minutes_app.core.tasks.actions import create_tasks
        from minutes_app.ui.tasks.dialogs import CreateTasksDialog

        dialog = CreateTasksDialog(
            instruction.id,
            instruction.text,
            form.date,
            [name for _id, name in _units_in_order(self.db)],
            [p.name for p in list_people(self.db)],
            editor,
        )
        from minutes_app.db.versions import RecordGone

        by = self.user
        while True:
            if dialog.exec() != dialog.DialogCode.Accepted or dialog.request is None:
                return
            request = dialog.request
            try:
                record = write_off_ui_thread(
                    editor, self.db.path, partial(create_tasks, self.db, request, by)
                )
            except DatabaseBusy:  # asked again, with what the clerk entered
                inform(editor, self.tr("Create tasks"), self._busy_text(), error=True)
                continue
            except RecordGone as error:
                self.show_conflict(error, self.tr("Create tasks"))
                return
            break
        self.undo_stack.push(
            TaskActionCommand(
                self,
                self.tr("Create tasks"),
                lambda _versions: create_tasks(self.db, request, by),
                record,
            )
        )
        if form.id is not None:
            editor.reload(load_conference(self.db, form.id))

    def _on_trash(self) -> None:
        from minutes_app.ui.conferences.trash import TrashDialog

        dialog = TrashDialog(self.db, self, self.user)
        dialog.exec()
        self.refresh()

    def _on_load_samples(self) -> None:
        from minutes_app.core.exchange.samples import load_samples

        summary = load_samples(self.db)
        self.refresh()
        self.navigation.setCurrentRow(PAGE_CONFERENCES)
        self.statusBar().showMessage(
            self.tr("Sample data: %1 conferences added.").replace(
                "%1", str(summary.conferences_added)
            ),
            8000,
        )

    def _on_settings(self) -> None:
        from minutes_app.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.store, self).exec()

    # --- handlers ----------------------------------------------------------------------

    def _on_counts_changed(self, shown: int, total: int) -> None:
        self.status_count.setText(
            self.tr("%1 of %2 conferences").replace("%1", str(shown)).replace("%2", str(total))
        )

    def _on_find(self) -> SearchDialog:
        if self.search_dialog is None:
            from minutes_app.ui.search_dialog import SearchDialog

            self.search_dialog = SearchDialog(self.db, self)
            self.search_dialog.hit_activated.connect(self.open_hit)
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_dialog.query.selectAll()
        return self.search_dialog

    def open_hit(self, hit: Hit) -> None:
        """Show what a search hit names, on its own screen."""
        if hit.type == "conference":
            self.navigation.setCurrentRow(PAGE_CONFERENCES)
            self.open_conference(hit.id)
        elif hit.type == "task":
            self.navigation.setCurrentRow(PAGE_TASKS)
            self.task_page.show_task(hit.id)
        elif hit.type == "document":
            self.navigation.setCurrentRow(PAGE_DOCUMENTS)
            self.documents_page.filter_box.setText(hit.label.split(" ngày ")[0])
        else:
            self.navigation.setCurrentRow(PAGE_UNITS)
            section = (
                self.directory_page.people if hit.type == "person" else self.directory_page.units
            )
            section.filter_box.setText(hit.label)

    def _on_import(self) -> None:
        from minutes_app.base.progress import ExportCancelled, report_progress
        from minutes_app.core.exchange.importing import ImportSummary, import_exchange
        from minutes_app.core.exchange.reading import ExchangeError, read_exchange
        from minutes_app.ui.background import run_in_background

        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import exchange file"), "", self.tr("Exchange files (*.json)")
        )
        if not name:
            return

        def work(progress: Callable[[int, int], bool]) -> ImportSummary:
            # Off the UI thread: reading and merging a large file takes seconds. Cancel
            # works until the merge starts; the merge is one transaction, all or nothing.
            with open(name, "rb") as fh, _no_full_collections():
                exchange = read_exchange(fh.read())
                report_progress(progress, 1, 2)
                # The file's records live until the end: no collection needs to walk them.
                # Each merged batch is collected as soon as it is written, in a short step.
                gc.freeze()
                try:
                    summary = import_exchange(self.db, exchange, lambda _d, _t: _collect_young())
                finally:
                    gc.unfreeze()
                del exchange  # freed by reference counting, before collections resume
                return summary

        try:
            summary = run_in_background(self, self.tr("Import"), work)
        except ExportCancelled:
            return
        except OSError as exc:
            inform(
                self,
                self.tr("Import"),
                self.tr("The file cannot be read: %1").replace("%1", str(exc.strerror or exc)),
                error=True,
            )
            return
        except ExchangeError as exc:
            shown = "\n".join(exc.problems[:20])
            more = len(exc.problems) - 20
            if more > 0:
                shown += "\n" + self.tr("… and %n more problems.", "", more)
            inform(
                self,
                self.tr("Import"),
                self.tr("Nothing was imported. The file has these problems:") + "\n\n" + shown,
                error=True,
            )
            return
        self.refresh()
        self.statusBar().showMessage(
            self.tr("Imported %1 conferences and %2 tasks.")
            .replace("%1", str(summary.conferences_added))
            .replace("%2", str(summary.tasks_added)),
            8000,
        )

    def _on_export(self) -> None:
        from minutes_app.base.progress import ExportCancelled
        from minutes_app.core.exchange.exporting import write_exchange
        from minutes_app.db.soundness import DatabaseDamaged
        from minutes_app.ui.background import run_in_background

        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export exchange file"),
            "minutes.json",
            self.tr("Exchange files (*.json)"),
        )
        if not name:
            return

        def work(progress: Callable[[int, int], bool]) -> None:
            # Off the UI thread, as the other exports, and a batch of conferences at a time.
            shown = [-1]

            def step(done: int, total: int) -> bool:
                _collect_young()
                percent = done * 100 // max(total, 1)
                if percent == shown[0]:  # the dialog is told once per percent
                    return True
                shown[0] = percent
                return progress(done, total)

            with _no_full_collections():
                write_exchange(self.db, Path(name), step)

        try:
            run_in_background(self, self.tr("Export"), work)
        except ExportCancelled:
            return
        except OSError as exc:
            inform(
                self,
                self.tr("Export"),
                self.tr("The file cannot be written: %1").replace("%1", str(exc.strerror or exc)),
                error=True,
            )
            return
        except DatabaseDamaged as exc:  # records that could not be exported whole
            from minutes_app.ui.storage.messages import damage_text

            shown = "\n".join(damage_text(d) for d in exc.damage[:20])
            more = len(exc.damage) - 20
            if more > 0:
                shown += "\n" + self.tr("… and %n more problems.", "", more)
            inform(
                self,
                self.tr("Export"),
                self.tr(
                    "Nothing was exported: these records refer to records that do not exist, "
                    "so they cannot be exported whole:"
                )
                + "\n\n"
                + shown,
                error=True,
            )
            return
        self.statusBar().showMessage(self.tr("Exported to %1").replace("%1", name), 8000)

    def _on_about(self) -> None:
        inform(
            self,
            self.tr("About minutes-app"),
            self.tr("minutes-app %1\nMinutes and follow-up tasks of online conferences.").replace(
                "%1", __version__
            ),
        )
