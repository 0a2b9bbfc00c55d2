"""The document catalogue: every document, where it was studied, the tasks that followed."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from minutes_app.base.days import vn_date
from minutes_app.core.conferences.catalogue import (
    CatalogueRow,
    DocumentUse,
    catalogue,
    document_use,
    merge_documents,
)
from minutes_app.ui.directory.page import MergeDialog
from minutes_app.ui.operations import (
    CONFERENCES,
    DOCUMENTS,
    TASKS,
    DatabaseWorker,
    changes,
    follow_changes,
)
from minutes_app.ui.widgets.columns import fit_columns
from minutes_app.ui.widgets.common import refill_choices, vietnamese_collator
from minutes_app.ui.widgets.rows_model import Column, RowsModel
from minutes_app.ui.widgets.steady_view import SteadyTableView

if TYPE_CHECKING:
    from minutes_app.core.search import Hit

# What the catalogue shows: documents, the conferences that studied them, the tasks after.
SHOWN = (DOCUMENTS, CONFERENCES, TASKS)


def _label(row: CatalogueRow) -> str:
    when = f" ngày {row.issued_on:%d/%m/%Y}" if row.issued_on else ""
    return f"{row.kind} {row.symbol}{when}"


class DocumentsPage(QWidget):
    """A filterable list of documents above the details of the selected one; filled when
    first shown, reloaded when documents change."""

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert worker.db is not None
        self.worker = worker
        self.db = worker.db
        columns: list[Column[CatalogueRow]] = [
            Column(self.tr("Kind"), lambda r: r.kind),
            Column(self.tr("Number and symbol"), lambda r: r.symbol),
            Column(self.tr("Date"), lambda r: vn_date(r.issued_on)),
            Column(self.tr("Issuer"), lambda r: r.issuer),
            Column(self.tr("Subject"), lambda r: r.subject),
            Column(self.tr("Conferences"), lambda r: r.conferences, numeric=True),
        ]
        self.model: RowsModel[CatalogueRow] = RowsModel(columns, self)
        self._detail_of: int | None = None  # the document whose use the detail shows or awaits
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(
            self.tr("Filter: symbol, number, issuer or subject (e.g. qd 96, bo chinh tri)")
        )
        self.filter_box.setClearButtonEnabled(True)
        self.merge_button = QPushButton(self.tr("Merge two…"))
        self.kind_box = QComboBox()
        self.kind_box.setToolTip(self.tr("Only documents of this kind"))
        self.issuer_box = QComboBox()
        self.issuer_box.setToolTip(self.tr("Only documents of this issuer"))
        self.issuer_box.setMinimumContentsLength(18)
        self.year_box = QComboBox()
        self.year_box.setToolTip(self.tr("Only documents issued in this year"))
        self.issuer_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for box in (self.kind_box, self.year_box):
            # As wide as their longest choice ("Hướng dẫn", "2023"): a few short words.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for box in (self.kind_box, self.issuer_box, self.year_box):
            box.currentIndexChanged.connect(self._on_choice)
        self.view = SteadyTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        fit_columns(self.view, 4, {3: 190})
        self.detail = QTextBrowser()
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.kind_box)
        top.addWidget(self.issuer_box)
        top.addWidget(self.year_box)
        top.addWidget(self.merge_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.filter_box.textChanged.connect(self.model.set_filter)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.merge_button.clicked.connect(self._on_merge)
        self.model.modelReset.connect(self._on_selection)
        self._on_selection()
        follow_changes(self, worker, SHOWN, self.refresh)

    def refresh(self) -> None:
        """Read the catalogue on the worker; it shows when it comes."""
        db = self.db
        self.worker.run_op(self, lambda: catalogue(db), self._show)

    def show_hit(self, hit: Hit) -> None:
        """Show a document found by the search, by filtering the list to it."""
        self.filter_box.setText(hit.label.split(" ngày ")[0])

    def _show(self, rows: list[CatalogueRow]) -> None:
        collator = vietnamese_collator()

        def values(of: Callable[[CatalogueRow], str | None]) -> list[str]:
            return sorted({v for v in map(of, rows) if v}, key=collator.sortKey)

        years = sorted({str(r.issued_on.year) for r in rows if r.issued_on}, reverse=True)
        for box, everything, choices in (
            (self.kind_box, self.tr("All kinds"), values(lambda r: r.kind)),
            (self.issuer_box, self.tr("All issuers"), values(lambda r: r.issuer)),
            (self.year_box, self.tr("All years"), years),
        ):
            refill_choices(box, everything, [(v, v) for v in choices])
        self.model.set_rows(rows)
        self._on_choice()

    def _on_choice(self, *_: int) -> None:
        kind, issuer, year = (
            box.currentData() for box in (self.kind_box, self.issuer_box, self.year_box)
        )
        if not (kind or issuer or year):
            self.model.set_predicate(None)
            return
        self.model.set_predicate(
            lambda r: (
                (not kind or r.kind == kind)
                and (not issuer or r.issuer == issuer)
                and (not year or (r.issued_on is not None and str(r.issued_on.year) == year))
            )
        )

    def selected(self) -> list[CatalogueRow]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [r for r in (self.model.row(i) for i in rows) if r is not None]

    def _on_selection(self, *_: QItemSelection) -> None:
        """One document chosen: where it was studied and the tasks after are read on the
        worker, and shown if it is still the one chosen when they come."""
        chosen = self.selected()
        self.merge_button.setEnabled(len(chosen) == 2)
        self._detail_of = chosen[0].id if len(chosen) == 1 else None
        if len(chosen) != 1:
            self.detail.setHtml("")
            return
        db, row = self.db, chosen[0]

        def show(use: DocumentUse) -> None:
            if self._detail_of == row.id:
                self.detail.setHtml(self._detail_html(row, use))

        self.worker.run_op(self, lambda: document_use(db, row.id), show)

    def _detail_html(self, row: CatalogueRow, use: DocumentUse) -> str:
        parts = [f"<h3>{escape(_label(row))}</h3>"]
        if row.issuer:
            parts.append(f"<p><i>{escape(row.issuer)}</i></p>")
        if row.subject:
            parts.append(f"<p>{escape(row.subject)}</p>")
        studied_at = self.tr("Studied at")
        not_studied = self.tr("Not studied at any conference yet.")
        followed = self.tr("Tasks that followed")
        no_tasks = self.tr("No tasks.")
        parts.append(f"<h4>{escape(studied_at)}</h4><ul>")
        parts += [f"<li>{d:%d/%m/%Y} — {escape(title)}</li>" for _, d, title in use.conferences]
        if not use.conferences:
            parts.append(f"<li>{escape(not_studied)}</li>")
        parts.append(f"</ul><h4>{escape(followed)}</h4><ul>")
        parts += [
            f"<li>{escape(title)} — <i>{escape(unit)}</i></li>" for _, title, unit in use.tasks
        ]
        if not use.tasks:
            parts.append(f"<li>{escape(no_tasks)}</li>")
        parts.append("</ul>")
        return "\n".join(parts)

    def _on_merge(self) -> None:
        chosen = self.selected()
        if len(chosen) != 2:
            return
        first, second = chosen
        dialog = MergeDialog(_label(first), _label(second), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        keep, remove = (first, second) if dialog.keep_first.isChecked() else (second, first)
        db, kept, removed = self.db, keep.id, remove.id
        self.worker.run_op(
            self,
            lambda: merge_documents(db, kept, removed),
            change=changes(DOCUMENTS, CONFERENCES),
        )
