"""Acting on tasks from the window: the action buttons of the register (progress,
extension, completion, reopening, cancelling), creating tasks from a closing
instruction, and the undo of both. Every write runs on the database worker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from minutes_app.base.days import vn_date
from minutes_app.core.access import Access
from minutes_app.ui.operations import (
    CONFERENCES,
    DIRECTORY,
    TASKS,
    Changes,
    DatabaseWorker,
    busy_text,
    changes,
    tell_failure,
)
from minutes_app.ui.undo import StoredCommand, UndoHistory
from minutes_app.ui.widgets.common import inform
from minutes_app.ui.widgets.conflicts import tell_conflict

if TYPE_CHECKING:
    from minutes_app.core.conferences.forms import ConferenceForm, InstructionForm
    from minutes_app.core.tasks.actions import ActionRecord
    from minutes_app.ui.conferences.editor import ConferenceEditor
    from minutes_app.ui.tasks.dialogs import ChosenValues, CreateTasksDialog, TaskActionDialog
    from minutes_app.ui.tasks.register import TaskRegisterPage

# New tasks may name a unit not in the list yet; their instruction counts them.
CREATED = changes(TASKS, CONFERENCES, DIRECTORY)

# Runs an action with the versions the tasks must be at (None: as read when it runs).
Action = Callable[[dict[int, int] | None], "ActionRecord"]


def _shortened(title: str, most: int = 80) -> str:
    """A task's title short enough for the status bar."""
    title = " ".join(title.split())
    return title if len(title) <= most else title[: most - 1].rstrip() + "…"


class TaskActionCommand(StoredCommand):
    """An action on tasks, already run in its dialog; redo runs it again, undo puts the
    tasks back as they were. ``run`` takes the versions the tasks must be at (those the
    undo left), or None."""

    def __init__(
        self,
        history: UndoHistory,
        text: str,
        run: Action,
        record: ActionRecord,
        by: str,
        change: Changes,
    ) -> None:
        super().__init__(history, text, change, ran_already=True)
        self.run = run
        self.record = record
        self.by = by
        self.versions: dict[int, int] | None = None

    def redo_work(self) -> Callable[[], object]:
        run, versions = self.run, self.versions
        return lambda: run(versions or None)

    def undo_work(self) -> Callable[[], object]:
        from minutes_app.core.tasks.actions import undo as undo_task_action

        db, record, by = self.history.worker.db, self.record, self.by
        assert db is not None
        return lambda: undo_task_action(db, record, by)

    def redone(self, result: object) -> None:
        self.record = result  # type: ignore[assignment]

    def undone(self, result: object) -> None:
        assert isinstance(result, dict)
        self.versions = result


class TaskActions(QObject):
    """The register's action buttons and the creation of tasks from an instruction.

    ``user()`` names who makes the changes (Settings → User name, else the login).
    """

    # An action on tasks was stored; carries what was done, in words for the status bar.
    acted = Signal(str)

    def __init__(
        self,
        worker: DatabaseWorker,
        history: UndoHistory,
        window: QWidget,
        user: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self.worker = worker
        self.history = history
        self.window = window
        self.user = user
        self.page: TaskRegisterPage | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.access: Access | None = None  # None: everything (a file, or not read yet)

    def attach(self, page: TaskRegisterPage) -> None:
        """Put the action buttons above the register's table."""
        self.page = page
        labels = (
            ("progress", self.tr("&Progress…")),
            ("extend", self.tr("E&xtend…")),
            ("complete", self.tr("&Done…")),
            ("reopen", self.tr("Re&open…")),
            ("cancel", self.tr("&Cancel task…")),
        )
        for kind, label in labels:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, k=kind: self.act(k))
            page.actions_bar.addWidget(button)
            self.buttons[kind] = button
        page.actions_bar.addStretch(1)
        page.selection_changed.connect(self._on_selection)
        self._on_selection([])
        if self.access is not None:
            self.set_access(self.access)

    def set_access(self, access: Access) -> None:
        """Offer only the actions the login may take (the server refuses the others)."""
        self.access = access
        allowed = {
            "progress": access.notes_progress,
            "extend": access.records,
            "complete": access.completes,
            "reopen": access.records,
            "cancel": access.records,
        }
        for kind, button in self.buttons.items():
            button.setVisible(allowed.get(kind, False))

    def _on_selection(self, ids: list[int]) -> None:
        for button in self.buttons.values():
            button.setEnabled(bool(ids))

    # --- actions on the selected tasks ----------------------------------------------------

    def act(self, kind: str) -> TaskActionDialog | None:
        """Ask for what the action ``kind`` needs and run it on the selected tasks."""
        from minutes_app.core.tasks.actions import (
            add_progress,
            cancel,
            complete,
            extend_deadline,
            reopen,
        )
        from minutes_app.ui.tasks.dialogs import TaskActionDialog

        page = self.page
        assert page is not None
        # The versions the clerk sees: an action on a task changed since is refused.
        shown = page.selected_versions()
        ids = list(shown)
        if not ids:
            return None
        db, by = self.worker.db, self.user()
        assert db is not None
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
        current = title = None
        if len(ids) == 1:
            row = page.model.row(page.table.currentIndex().row())
            if row is None or row.id != ids[0]:
                row = next(
                    r
                    for r in map(page.model.row, range(page.model.rowCount()))
                    if r and r.id == ids[0]
                )
            current, title = row.deadline, row.title
        change = changes(TASKS, ids=ids)
        bound: list[Action] = []

        def start(dialog: TaskActionDialog) -> None:
            # The dialog's values are read here, on the UI thread; the action runs on the
            # worker, waiting for another copy of the program if it holds the database.
            chosen = dialog.chosen()
            action = runners[kind](chosen)
            bound.append(action)
            done = self.done_text(kind, title, len(ids), chosen.date)

            def stored(record: ActionRecord) -> None:
                # Before the register reloads (data_changed follows this): the tasks stay
                # selected wherever they move, and the status bar says what was done.
                assert page is not None
                page.keep_selected(ids, lambda shown: self._tell(done, shown, len(ids)))
                dialog.finish(record)

            self.worker.run_op(dialog, lambda: action(shown), stored, dialog.fail, change=change)

        dialog = TaskActionDialog(
            kind, len(ids), start, current_deadline=current, parent=self.window
        )
        accepted = dialog.exec() == dialog.DialogCode.Accepted
        if accepted and dialog.record is not None:
            command = TaskActionCommand(
                self.history, dialog.windowTitle(), bound[-1], dialog.record, by, change
            )
            self.history.push(command)
        elif dialog.conflict:
            self.worker.notify(change)  # show what the other copy did
        return dialog

    def done_text(self, kind: str, title: str | None, count: int, day: dt.date) -> str:
        """What the action ``kind`` did, for the status bar: the task by its title when
        there is one, else how many."""
        date = vn_date(day)
        if title is not None:
            named = f"“{_shortened(title)}”"
            texts = {
                "progress": self.tr("Progress noted on task %1."),
                "extend": self.tr("Task %1 extended to %2."),
                "complete": self.tr("Task %1 marked as done on %2."),
                "reopen": self.tr("Task %1 reopened."),
                "cancel": self.tr("Task %1 cancelled."),
            }
            return texts[kind].replace("%1", named).replace("%2", date)
        several = {
            "progress": self.tr("Progress noted on %n task(s).", "", count),
            "extend": self.tr("%n task(s) extended to %1.", "", count),
            "complete": self.tr("%n task(s) marked as done on %1.", "", count),
            "reopen": self.tr("%n task(s) reopened.", "", count),
            "cancel": self.tr("%n task(s) cancelled.", "", count),
        }
        return several[kind].replace("%1", date)

    def _tell(self, done: str, shown: bool, count: int) -> None:
        if not shown:
            done += " " + (
                self.tr("It no longer matches the filters, so the list does not show it.")
                if count == 1
                else self.tr("Some no longer match the filters, so the list does not show them.")
            )
        self.acted.emit(done)

    # --- tasks from a closing instruction -----------------------------------------------

    def create_from(self, editor: ConferenceEditor, row: int) -> None:
        """Create tasks from the closing instruction at ``row`` of ``editor``'s conference;
        unsaved changes are saved first."""
        if editor.has_unsaved_changes():
            editor.save(then=lambda saved: self.create_from(editor, row) if saved else None)
            return
        form = editor.form()
        if not 0 <= row < len(form.instructions) or form.instructions[row].id is None:
            return
        from minutes_app.core.directory import list_people
        from minutes_app.ui.tasks.register import units_in_order

        db = self.worker.db
        assert db is not None
        instruction = form.instructions[row]

        def read() -> tuple[list[str], list[str]]:
            units = [name for _id, name in units_in_order(db)]
            return units, [p.name for p in list_people(db)]

        self.worker.run_op(
            editor, read, lambda choices: self._ask_tasks(editor, form, instruction, *choices)
        )

    def _ask_tasks(
        self,
        editor: ConferenceEditor,
        form: ConferenceForm,
        instruction: InstructionForm,
        units: list[str],
        people: list[str],
    ) -> None:
        from minutes_app.core.conferences.loading import load_conference
        from minutes_app.core.tasks.actions import create_tasks
        from minutes_app.ui.tasks.dialogs import CreateTasksDialog

        assert instruction.id is not None and form.date is not None
        db, by = self.worker.db, self.user()
        assert db is not None

        def start(dialog: CreateTasksDialog) -> None:
            assert dialog.request is not None
            self.worker.run_op(
                dialog,
                partial(create_tasks, db, dialog.request, by),
                dialog.finish,
                lambda error: self._not_created(editor, dialog, error),
                change=CREATED,
            )

        dialog = CreateTasksDialog(
            instruction.id, instruction.text, form.date, units, people, editor, start=start
        )
        if dialog.exec() != dialog.DialogCode.Accepted or dialog.record is None:
            return
        request = dialog.request
        assert request is not None
        self.history.push(
            TaskActionCommand(
                self.history,
                self.tr("Create tasks"),
                lambda _versions: create_tasks(db, request, by),
                dialog.record,
                by,
                CREATED,
            )
        )
        conference_id = form.id
        if conference_id is not None:  # the instruction's task count
            self.worker.run_op(editor, lambda: load_conference(db, conference_id), editor.reload)

    def _not_created(
        self, editor: ConferenceEditor, dialog: CreateTasksDialog, error: BaseException
    ) -> None:
        from minutes_app.db.locks import DatabaseBusy
        from minutes_app.db.reaching import is_server_lost
        from minutes_app.db.versions import RecordGone

        title = self.tr("Create tasks")
        if isinstance(error, DatabaseBusy):  # asked again, with what the clerk entered
            dialog.buttons.ok.setEnabled(True)
            inform(dialog, title, busy_text(), error=True)
        elif isinstance(error, RecordGone):
            dialog.reject()
            tell_conflict(editor, error, title)
        elif is_server_lost(error):  # asked again, with what the clerk entered
            from minutes_app.ui.storage.messages import storage_error_text

            dialog.buttons.ok.setEnabled(True)
            inform(dialog, title, storage_error_text(error), error=True)
        else:
            dialog.buttons.ok.setEnabled(True)
            tell_failure(dialog, error)
