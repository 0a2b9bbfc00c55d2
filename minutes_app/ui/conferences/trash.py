"""The trash: moving conferences to it (undoably), and the dialog that lists them, to
restore or to delete for good."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minutes_app.base.days import vn_date
from minutes_app.core.conferences.trash import (
    TrashedConference,
    move_to_trash,
    purge_from_trash,
    restore_from_trash,
    trash,
)
from minutes_app.db.versions import RecordGone
from minutes_app.ui.operations import (
    CONFERENCES,
    DIRECTORY,
    DOCUMENTS,
    TASKS,
    TRASH,
    DatabaseWorker,
    changes,
    follow_changes,
    tell_failure,
)
from minutes_app.ui.undo import StoredCommand, UndoHistory
from minutes_app.ui.widgets.columns import fit_columns
from minutes_app.ui.widgets.common import ask, inform
from minutes_app.ui.widgets.conflicts import conflict_text
from minutes_app.ui.widgets.rows_model import Column, RowsModel
from minutes_app.ui.widgets.steady_view import SteadyTableView

# A conference moved to the trash or back leaves or joins every list, with its tasks.
TRASHED = changes(TRASH, CONFERENCES, TASKS, DOCUMENTS, DIRECTORY)


class TrashCommand(StoredCommand):
    """Moving conferences to the trash, undone by restoring them; each step applies only
    while the conferences are as the step before left them."""

    def __init__(self, history: UndoHistory, conference_ids: list[int], by: str, text: str) -> None:
        super().__init__(history, text, TRASHED)
        self.conference_ids = conference_ids
        self.by = by
        self.versions: dict[int, int] | None = None  # None: as the clerk sees them now

    def redo_work(self) -> Callable[[], object]:
        db, ids, by, versions = self.history.worker.db, self.conference_ids, self.by, self.versions
        assert db is not None
        return lambda: move_to_trash(db, ids, by, versions)

    def undo_work(self) -> Callable[[], object]:
        db, ids, by, versions = self.history.worker.db, self.conference_ids, self.by, self.versions
        assert db is not None
        return lambda: restore_from_trash(db, ids, by, versions)

    def redone(self, result: object) -> None:
        assert isinstance(result, dict)
        self.versions = result

    def undone(self, result: object) -> None:
        assert isinstance(result, dict)
        self.versions = result


class TrashActions(QObject):
    """Edit → Delete of ``window``: conferences moved to the trash, undoably."""

    def __init__(self, history: UndoHistory, window: QWidget) -> None:
        super().__init__(window)
        self.history = history
        self.window = window

    def delete(
        self, conference_ids: list[int], by: str, named: Sequence[tuple[dt.date, str]] = ()
    ) -> bool:
        """Ask, then move the conferences to the trash (Ctrl+Z puts them back). True when
        the clerk agreed. ``named``: their (date, title), which the question names."""
        if len(conference_ids) == 1 and len(named) == 1:
            [(date, title)] = named
            question = (
                self.tr(
                    "Move the conference of %1 to the trash?\n“%2”\n\n"
                    "It can be restored from Edit → Trash."
                )
                .replace("%1", vn_date(date))
                .replace("%2", title)
            )
        else:
            question = self.tr(
                "Move %n conference(s) to the trash? They can be restored from Edit → Trash.",
                "",
                len(conference_ids),
            )
            listed = [f"{date:%d/%m/%Y} — {title}" for date, title in named[:_NAMED]]
            if len(named) > _NAMED:
                listed.append("…")
            if listed:
                question += "\n\n" + "\n".join(listed)
        if not ask(self.window, self.tr("Delete"), question, self.tr("Move to trash")):
            return False
        text = self.tr("Delete conference")
        self.history.push(TrashCommand(self.history, conference_ids, by, text))
        return True


_NAMED = 8  # conferences the delete question names, of several


class TrashDialog(QDialog):
    """Lists the conferences in the trash; Restore puts them back in the list. It reloads
    itself whenever the trash changes."""

    def __init__(
        self, worker: DatabaseWorker, parent: QWidget | None = None, user: str | None = None
    ) -> None:
        super().__init__(parent)
        assert worker.db is not None
        self.worker = worker
        self.db = worker.db
        self.user = user  # who restores, for the record's "changed by"
        self.setWindowTitle(self.tr("Trash"))
        self.resize(760, 420)
        columns: list[Column[TrashedConference]] = [
            Column(self.tr("Date"), lambda t: vn_date(t.date)),
            Column(self.tr("Title"), lambda t: t.title),
            Column(self.tr("Deleted"), lambda t: t.deleted_at.strftime("%d/%m/%Y %H:%M")),
        ]
        self.model: RowsModel[TrashedConference] = RowsModel(columns, self)
        self.view = SteadyTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        fit_columns(self.view, 1)
        self.empty = QLabel(self.tr("The trash is empty."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.purge_button = QPushButton(self.tr("Delete for &good…"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self._on_restore)
        self.purge_button.clicked.connect(self._on_purge)
        close.clicked.connect(self.accept)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        follow_changes(self, worker, (TRASH,), self.reload, stale=False)
        self.reload()

    def reload(self) -> None:
        """Read the trash on the worker; it shows when it comes."""
        db = self.db
        self.worker.run_op(self, lambda: trash(db), self._show)

    def _show(self, rows: list[TrashedConference]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(self.model.rowCount() == 0)
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.view.selectionModel().selectedRows()}
        return [r.id for r in (self.model.row(i) for i in sorted(rows)) if r is not None]

    def _update_buttons(self, *_: object) -> None:
        has = bool(self.selected_ids())
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)

    def _on_restore(self) -> None:
        db, ids, user = self.db, self.selected_ids(), self.user
        self.worker.run_op(
            self,
            lambda: restore_from_trash(db, ids, user),
            on_failure=self._on_not_restored,
            change=TRASHED,
        )

    def _on_not_restored(self, error: BaseException) -> None:
        if not isinstance(error, RecordGone):
            tell_failure(self, error)
            return
        # Another copy deleted it for good meanwhile: nothing was restored.
        inform(self, self.tr("Restore"), conflict_text(error), error=True)
        self.worker.notify(TRASHED)  # the trash as the other copy left it

    def _on_purge(self) -> None:
        ids = self.selected_ids()
        question = self.tr(
            "Delete %n conference(s) for good, with their instructions and tasks? "
            "This cannot be undone.",
            "",
            len(ids),
        )
        if ask(self, self.tr("Delete for good"), question, self.tr("Delete for good")):
            db = self.db
            self.worker.run_op(self, lambda: purge_from_trash(db, ids), change=TRASHED)
