"""The trash: deleted conferences, to restore or to delete for good."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minutes_app.core.conferences.trash import (
    TrashedConference,
    purge_from_trash,
    restore_from_trash,
    trash,
)
from minutes_app.db.engine import Database
from minutes_app.db.versions import RecordGone
from minutes_app.ui.widgets.common import ask, inform
from minutes_app.ui.widgets.conflicts import conflict_text
from minutes_app.ui.widgets.rows_model import Column, RowsModel


class TrashDialog(QDialog):
    """Lists the conferences in the trash; Restore puts them back in the list."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, user: str | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.user = user  # who restores, for the record's "changed by"
        self.setWindowTitle(self.tr("Trash"))
        self.resize(760, 420)
        columns: list[Column[TrashedConference]] = [
            Column(self.tr("Date"), lambda t: t.date.strftime("%d/%m/%Y")),
            Column(self.tr("Title"), lambda t: t.title),
            Column(self.tr("Deleted"), lambda t: t.deleted_at.strftime("%d/%m/%Y %H:%M")),
        ]
        self.model: RowsModel[TrashedConference] = RowsModel(columns, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
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
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(trash(self.db))
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
        try:
            restore_from_trash(self.db, self.selected_ids(), self.user)
        except RecordGone as error:
            # Another copy deleted it for good meanwhile: nothing was restored.
            inform(self, self.tr("Restore"), conflict_text(error), error=True)
        self.reload()

    def _on_purge(self) -> None:
        ids = self.selected_ids()
        question = self.tr(
            "Delete %n conference(s) for good, with their instructions and tasks? "
            "This cannot be undone.",
            "",
            len(ids),
        )
        if ask(self, self.tr("Delete for good"), question, self.tr("Delete for good")):
            purge_from_trash(self.db, ids)
            self.reload()
