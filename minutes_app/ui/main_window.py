"""The main window: navigation between the app's screens, menus, toolbar and status bar.

It builds the screens and the controllers beside them and wires them together; the
work itself is theirs. Every screen reloads itself when the records it shows change
(``DatabaseWorker.data_changed``); nothing here refreshes a screen by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from minutes_app import APP_NAME, __version__
from minutes_app.core.access import Access
from minutes_app.core.conferences.listing import list_conferences
from minutes_app.db.engine import Database
from minutes_app.db.server import ServerAddress
from minutes_app.db.watching import ChangeWatch
from minutes_app.ui.conferences.listing import ConferenceListPage
from minutes_app.ui.conferences.saving import ConferenceEditing
from minutes_app.ui.operations import EVERYTHING, Changes, DatabaseWorker
from minutes_app.ui.paperwork.export_actions import ExportActions
from minutes_app.ui.search_dialog import Finder
from minutes_app.ui.storage.exchange import ExchangeActions
from minutes_app.ui.storage.server_link import Banner, ServerLink
from minutes_app.ui.storage.watching import Watcher
from minutes_app.ui.tasks.actions import TaskActions
from minutes_app.ui.tasks.reminders import Reminders
from minutes_app.ui.undo import UndoHistory
from minutes_app.ui.widgets.common import inform, plain_label
from minutes_app.ui.widgets.conflicts import tell_conflict
from minutes_app.ui.widgets.placement import keep_on_screen
from minutes_app.ui.widgets.steady_view import steady_palette

if TYPE_CHECKING:
    # The screens other than the conference list, the dialogs and the services that use
    # SQLAlchemy are imported where they are first used: the window paints its first
    # screen before any of them is loaded (issue 7: startup budget).
    from minutes_app.core.search import Hit
    from minutes_app.ui.conferences.documents import DocumentsPage
    from minutes_app.ui.conferences.editor import ConferenceEditor
    from minutes_app.ui.directory.page import DirectoryPage
    from minutes_app.ui.tasks.overview import OverviewPage
    from minutes_app.ui.tasks.register import TaskRegisterPage

PAGE_CONFERENCES, PAGE_TASKS, PAGE_DOCUMENTS, PAGE_UNITS, PAGE_OVERVIEW = range(5)
# The screen that shows each kind of search hit (a conference opens in the editor).
HIT_PAGES = {
    "conference": PAGE_CONFERENCES,
    "task": PAGE_TASKS,
    "document": PAGE_DOCUMENTS,
    "person": PAGE_UNITS,
    "unit": PAGE_UNITS,
}


class MainWindow(QMainWindow):
    """The application window. It is given the open database and the settings, and owns
    the program's one database worker (``worker``)."""

    def __init__(self, db: Database, store: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.store = store
        self.worker = DatabaseWorker(db, self)
        # The first screen's rows are read on the worker while the widgets are built.
        first_rows = self.worker.run_op(self, lambda: list_conferences(db))
        self.history = UndoHistory(self.worker, self, self._on_refused_step)
        self.undo_stack = self.history.stack
        self.conferences = ConferenceEditing(
            self.worker, self, store, lambda: self.user, self._on_editor_opened
        )
        self.tasks = TaskActions(self.worker, self.history, self, lambda: self.user)
        self.tasks.acted.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.reminders = Reminders(self, store, self.show_tasks)
        self.exchange = ExchangeActions(self.worker, self)
        self.finder = Finder(self.worker, self, self.open_hit)
        # What the status bar counts, by screen: only the shown screen's count shows.
        self._status_counts: dict[int, str] = {}
        self.status_count = QLabel()
        # The database to open once this window has closed (File → Open database…,
        # Connect to office server…, Recent databases): ui.app.run_app opens it.
        self.next_database: Path | ServerAddress | None = None
        self._switching: Path | ServerAddress | None = None  # while switch_to closes it
        self._after_save: Path | ServerAddress | None = None  # once the editor has saved
        title = self.tr("%1 — Conference minutes").replace("%1", APP_NAME)
        if db.server is not None:  # which of the office's databases, at a glance
            title += f" — {db.server.database}"
        self.setWindowTitle(title)
        self.setMinimumSize(QSize(720, 480))
        # Its views need not repaint when a dialog opens over it (widgets.steady_view).
        self.setPalette(steady_palette(self.palette()))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.pages = QStackedWidget()
        self.conference_page = ConferenceListPage(self.worker, store)
        # The other screens are built when first shown (see _page): until then an empty
        # widget holds their place in the stack.
        self._built: dict[int, QWidget] = {PAGE_CONFERENCES: self.conference_page}
        sp = QStyle.StandardPixmap
        self._add_page(self.tr("Conferences"), sp.SP_FileDialogDetailedView, self.conference_page)
        self._add_page(self.tr("Tasks"), sp.SP_DialogApplyButton, QWidget())
        self._add_page(self.tr("Documents"), sp.SP_FileIcon, QWidget())
        self._add_page(self.tr("Units & people"), sp.SP_DirHomeIcon, QWidget())
        self._add_page(self.tr("Overview"), sp.SP_FileDialogInfoView, QWidget())
        self.navigation.currentRowChanged.connect(self._on_page_changed)
        self.navigation.setCurrentRow(PAGE_CONFERENCES)
        self.navigation.setMaximumWidth(240)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        # The screens' list as wide as its longest name: the rest goes to the screen.
        names = (self.navigation.item(row).text() for row in range(self.navigation.count()))
        longest = max(self.navigation.fontMetrics().horizontalAdvance(name) for name in names)
        icon = self.navigation.iconSize().width() if self.navigation.iconSize().isValid() else 16
        width = longest + max(icon, 16) + 2 * self.navigation.frameWidth() + 24
        self.splitter.setSizes([width, 900])
        # Above the screens, a line that says when the office's server cannot be reached.
        self.banner = Banner()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.server_link = (
            ServerLink(self, self.worker, db.server, self.banner) if db.server is not None else None
        )
        # What the login may do: on a server read after the first paint (apply_access).
        self.access: Access | None = None
        # Others' changes (another window, clerk, the command line) shown as they come.
        self.watcher = Watcher(self, self.worker, ChangeWatch(db))

        self.status_db = plain_label()  # a file name may look like HTML
        self.status_user = QLabel()
        self.status_user.setTextFormat(Qt.TextFormat.PlainText)
        self.status_user.setObjectName("status_user")
        self.statusBar().addWidget(self.status_count)
        self.statusBar().addPermanentWidget(self.status_user)
        self.statusBar().addPermanentWidget(self.status_db)
        self.status_user.setText(self.tr("User: %1").replace("%1", self.user))
        where = self.tr("Office server: %1") if db.server is not None else self.tr("Database: %1")
        self.status_db.setText(where.replace("%1", db.where))  # a URL never holds a password
        self.conference_page.counts_changed.connect(self._on_counts_changed)
        self.conference_page.conference_activated.connect(self.conferences.open_conference)

        self._build_actions()
        self._restore_geometry()
        # Not shown yet, so nothing to keep painting: the rows are taken as they come.
        self.worker.deliver_now(first_rows)
        self.conference_page.set_rows(first_rows.result or [])

    # --- screens -----------------------------------------------------------------------

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

    @property
    def editor(self) -> ConferenceEditor | None:
        """The conference editor, when one is open."""
        return self.conferences.editor

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

            task_page = TaskRegisterPage(self.worker, self.store)
            self.tasks.attach(task_page)
            return task_page
        if index == PAGE_DOCUMENTS:
            from minutes_app.ui.conferences.documents import DocumentsPage

            return DocumentsPage(self.worker)
        if index == PAGE_UNITS:
            from minutes_app.ui.directory.page import DirectoryPage

            return DirectoryPage(self.worker)
        assert index == PAGE_OVERVIEW, index
        from minutes_app.ui.tasks.overview import OverviewPage

        overview_page = OverviewPage(self.worker)
        overview_page.open_register.connect(self.show_tasks)
        return overview_page

    def _add_page(self, title: str, icon: QStyle.StandardPixmap, page: QWidget) -> None:
        item = QListWidgetItem(self.style().standardIcon(icon), title)
        item.setSizeHint(QSize(0, 36))
        self.navigation.addItem(item)
        self.pages.addWidget(page)

    def _on_page_changed(self, page: int) -> None:
        self._page(page)
        self.pages.setCurrentIndex(page)  # a screen shown again reloads what changed
        self._show_status_count()

    def _show_status_count(self) -> None:
        """The status bar's count is the shown screen's (the others show their own)."""
        self.status_count.setText(self._status_counts.get(self.pages.currentIndex(), ""))

    def show_tasks(self, display: str | None = None, lead_unit_id: int | None = None) -> None:
        """Go to the task register, narrowed to a class and a lead unit."""
        self.navigation.setCurrentRow(PAGE_TASKS)
        self.task_page.show_filtered(display, lead_unit_id)

    def open_hit(self, hit: Hit) -> None:
        """Show what a search hit names, on its own screen."""
        page = HIT_PAGES[hit.type]
        self.navigation.setCurrentRow(page)
        if page == PAGE_CONFERENCES:
            self.conferences.open_conference(hit.id)
        else:
            self._page(page).show_hit(hit)  # type: ignore[attr-defined]

    def refresh(self) -> None:
        """View → Refresh: every screen reloads (and so shows another copy's changes)."""
        self.worker.notify(Changes(EVERYTHING))

    # --- menus -------------------------------------------------------------------------

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
        conferences, exchange = self.conferences, self.exchange
        self.new_action = self._action(
            self.tr("&New conference…"),
            conferences.new_conference,
            QKeySequence.StandardKey.New,
            sp.SP_FileIcon,
        )
        self.from_text_action = self._action(
            self.tr("New conference from &text…"),
            conferences.new_conference_from_text,
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
            self.tr("&Import exchange file…"),
            lambda: exchange.import_file(),
            icon=sp.SP_DialogOpenButton,
        )
        self.export_action = self._action(
            self.tr("&Export exchange file…"),
            lambda: exchange.export_file(),
            icon=sp.SP_DialogSaveButton,
        )
        self.settings_action = self._action(self.tr("&Settings…"), self._on_settings)
        self.office_action = self._action(self.tr("O&ffice and signers…"), self._on_office)
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.history.undo_action
        self.redo_action = self.history.redo_action
        self.find_action = self._action(
            self.tr("&Find…"), self.finder.show, QKeySequence.StandardKey.Find
        )
        self.refresh_action = self._action(
            self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh, sp.SP_BrowserReload
        )
        self.samples_action = self._action(
            self.tr("Load &sample data"),
            lambda: exchange.load_samples(
                lambda _done: self.navigation.setCurrentRow(PAGE_CONFERENCES)
            ),
        )
        self.about_action = self._action(self.tr("&About minutes-app"), self._on_about)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.setToolTipsVisible(True)  # why an entry is disabled on the office server
        file_menu.addActions([self.new_action, self.from_text_action, self.open_action])
        file_menu.addSeparator()
        from minutes_app.ui.storage.switching import DatabaseActions

        self.databases = DatabaseActions(self)
        self.databases.add_to(file_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action])
        self.exports = ExportActions(
            self,
            self.worker,
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
        if self.db.server is not None:
            # Back up writes an SQLite snapshot of the server database; restoring one is
            # the administrator's (minutes-app copy-db into a new database).
            self.restore_action.setEnabled(False)
            self.restore_action.setToolTip(
                self.tr(
                    "The office server is backed up and restored by the office's "
                    "administrator; File → Back up… saves a copy of it as a file."
                )
            )
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        file_menu.addActions([self.office_action, self.settings_action, self.quit_action])
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.delete_action, self.trash_action])
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        self.activity_action = self._action(self.tr("&Activity…"), self._on_activity)
        self.activity_action.setStatusTip(self.tr("Who changed what, by person, unit and day"))
        view_menu.addAction(self.activity_action)
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

    # --- wiring ------------------------------------------------------------------------

    @property
    def user(self) -> str:
        """Who makes this window's changes: on a server its login; on a file Settings →
        User name, else the operating system's login (the change log records it too)."""
        from minutes_app.ui.app import current_user

        if self.db.server is None:
            self.db.user = current_user(self.store)
        return self.db.user

    def _on_editor_opened(self, editor: ConferenceEditor) -> None:
        editor.create_tasks_requested.connect(lambda row: self.tasks.create_from(editor, row))

    def _on_refused_step(self, error: Exception) -> None:
        """An undo or redo was refused (someone else changed the records): say so."""
        tell_conflict(self.editor or self, error, self.tr("Undo"))

    def _selected_conference(self) -> int | None:
        ids = self.conference_page.selected_ids()
        return ids[0] if ids else None

    def _on_open_selected(self) -> None:
        ids = self.conference_page.selected_ids()
        if ids:
            self.conferences.open_conference(ids[0])

    def _on_delete_selected(self) -> None:
        from minutes_app.ui.conferences.trash import TrashActions

        ids = self.conference_page.selected_ids()
        rows = {row.id: row for row in self.conference_page.model.rows()}
        named = [(rows[i].date, rows[i].title) for i in ids if i in rows]
        if ids and TrashActions(self.history, self).delete(ids, self.user, named):
            self.statusBar().showMessage(self.tr("Moved to the trash. Ctrl+Z puts it back."), 8000)

    def _on_trash(self) -> None:
        from minutes_app.ui.conferences.trash import TrashDialog

        TrashDialog(self.worker, self, self.user).exec()

    def _on_counts_changed(self, shown: int, total: int) -> None:
        self._status_counts[PAGE_CONFERENCES] = (
            self.tr("%1 of %2 conferences").replace("%1", str(shown)).replace("%2", str(total))
        )
        self._show_status_count()

    def _on_backup(self) -> None:
        from minutes_app.ui.storage.backup import back_up_now

        back_up_now(self, self.db, self.store, self.worker)

    def _on_restore(self) -> None:
        from minutes_app.ui.storage.restoring import restore_from_backup

        if self.db.path is not None:  # a file only (disabled on a server)
            restore_from_backup(self, self.db.path, self.store, self.db)

    def _on_office(self) -> None:
        from minutes_app.ui.paperwork.office_dialog import edit_office

        edit_office(self.worker, self)

    def _on_activity(self) -> None:
        from minutes_app.ui.activity import ActivityDialog

        dialog = ActivityDialog(self.worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _on_settings(self) -> None:
        from minutes_app.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.store, self, on_server=self.db.server is not None).exec()

    def _on_about(self) -> None:
        inform(
            self,
            self.tr("About minutes-app"),
            self.tr("minutes-app %1\nMinutes and follow-up tasks of online conferences.").replace(
                "%1", __version__
            ),
        )

    def after_first_paint(self) -> None:
        """Once the first screen is painted: the services of the other screens are loaded
        and the reminder's counts read on the worker; the reminder shows when they are in.
        The window answers the clerk meanwhile."""
        from minutes_app.core.access import access_of
        from minutes_app.ui.app import warm_up
        from minutes_app.ui.tasks.reminders import reminder_counts

        remind, db = self.reminders.enabled(), self.db

        def work() -> tuple[int, int] | None:
            warm_up(db)
            return reminder_counts(db) if remind else None

        def done(counts: tuple[int, int] | None) -> None:
            if counts is not None:
                self.reminders.show_reminder(counts)

        self.worker.run_op(self, work, done)
        if db.server is not None:  # a file's clerk may do everything: nothing to read
            self.worker.run_op(self, lambda: access_of(db), self.apply_access)
        self.watcher.start()

    def apply_access(self, access: Access) -> None:
        """Offer only what the login's role may do (the server refuses the rest), and say
        who the user is, and as what, in the status bar."""
        self.access = access
        self.conferences.access = access
        self.tasks.set_access(access)
        for action in (
            self.new_action,
            self.from_text_action,
            self.delete_action,
            self.trash_action,
            self.import_action,
            self.samples_action,
            self.office_action,
        ):
            action.setVisible(access.records)
        role = {
            "owner": self.tr("owner of the database"),
            "admin": self.tr("administrator"),
            "clerk": self.tr("clerk"),
            "leader": self.tr("leader"),
            "unit": self.tr("unit"),
            "none": self.tr("no role"),
        }.get(access.role)
        text = self.tr("User: %1").replace("%1", self.user)
        if role is not None:
            text += f" ({role}{', ' + access.unit if access.unit else ''})"
        self.status_user.setText(text)

    # --- the database ------------------------------------------------------------------

    def switch_to(self, location: Path | ServerAddress) -> bool:
        """Close this window (unsaved work asked about as closing does) for ``run_app`` to
        open it again on ``location``; False while it stays open (the clerk kept editing,
        or the editor saves first: the switch follows once it has saved and closed)."""
        self._switching = location
        return self.close()

    def _close_after_save(self) -> None:
        """The editor saved and closed after a close of the window had waited for it."""
        following, self._after_save = self._after_save, None
        if following is not None:
            self.switch_to(following)
        else:
            self.close()

    def stop_working(self) -> None:
        """For the end of this window: what runs on the database ends, no more looks at a
        lost server."""
        if self.server_link is not None:
            self.server_link.stop()
        self.watcher.stop()
        self.worker.shutdown()

    # --- state -------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.store.value("main_window/geometry")
        restored = isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)
        if not restored:
            self.resize(1200, 760)
        self._keep_on_screen()  # no larger than the screen
        if restored:
            # Saved on a screen since unplugged, or larger than this one: brought back
            # whole once shown, with the frame the window manager gave it.
            QTimer.singleShot(0, self._keep_on_screen)
        splitter = self.store.value("main_window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def _keep_on_screen(self) -> None:
        if not self.isMaximized() and not self.isFullScreen():
            keep_on_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        switching, self._switching = self._switching, None  # only switch_to's close switches
        editor = self.editor
        if editor is not None and editor.isVisible() and not editor.close():
            if editor.saving:  # saved before it closes: the window closes after it
                self._after_save = switching
                editor.closed.connect(self._close_after_save, Qt.ConnectionType.UniqueConnection)
            event.ignore()
            return
        self.next_database = switching
        self.store.setValue("main_window/geometry", self.saveGeometry())
        self.store.setValue("main_window/splitter", self.splitter.saveState())
        self.conference_page.save_state()
        if PAGE_TASKS in self._built:
            self.task_page.save_state()
        self.store.sync()
        self.watcher.stop()  # its connection closes with the window (a server's LISTEN too)
        super().closeEvent(event)
