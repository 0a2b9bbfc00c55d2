"""The conference list: a lazily filled table model and the page that shows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from minutes_app.base.days import vn_date
from minutes_app.base.text import fold
from minutes_app.core.conferences.listing import ConferenceSummary, list_conferences
from minutes_app.ui.operations import (
    CONFERENCES,
    DIRECTORY,
    DOCUMENTS,
    TASKS,
    DatabaseWorker,
    Op,
    follow_changes,
)
from minutes_app.ui.widgets.columns import fit_columns
from minutes_app.ui.widgets.common import (
    add_labelled,
    as_written,
    refill_choices,
    vietnamese_collator,
)
from minutes_app.ui.widgets.steady_view import SteadyTableView
from minutes_app.ui.widgets.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # raw value of a cell, for sorting and tests
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # conference id of the row

COL_DATE, COL_SESSION, COL_TITLE, COL_ORGANIZER, COL_CHAIR = range(5)
COL_POINTS, COL_DOCUMENTS, COL_TASKS, COL_OVERDUE = range(5, 9)
COLUMN_COUNT = 9
TEXT_COLUMNS = (COL_SESSION, COL_TITLE, COL_ORGANIZER, COL_CHAIR)
BATCH = 200  # rows handed to the view per fetchMore


@dataclass(frozen=True)
class ConferenceFilter:
    """What the clerk narrowed the list to; empty fields do not filter."""

    text: str = ""
    year: int | None = None
    quarter: int | None = None
    organizer: str | None = None
    kind: str | None = None

    def accepts(self, row: ConferenceSummary, haystack: str) -> bool:
        if self.year is not None and row.date.year != self.year:
            return False
        if self.quarter is not None and (row.date.month - 1) // 3 + 1 != self.quarter:
            return False
        if self.organizer is not None and row.organizer != self.organizer:
            return False
        if self.kind is not None and row.kind != self.kind:
            return False
        return all(word in haystack for word in fold(self.text).split())


_NO_FILTER = ConferenceFilter()


def _haystack(row: ConferenceSummary) -> str:
    parts = [row.title, row.organizer or "", row.kind or "", *row.chairs, *row.bridge_points]
    return fold(" ".join([*parts, *row.documents]))


class ConferenceTableModel(TableModel):
    """Conferences as rows. All summaries are held in memory (they are small); the view is
    given them in batches through ``canFetchMore``/``fetchMore``, and sorting uses the
    Vietnamese collation on the whole list, which a proxy over a lazy model could not do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[ConferenceSummary] = []
        self._haystacks: dict[int, str] = {}
        self._visible: list[ConferenceSummary] = []
        self._shown = 0
        self._filter = ConferenceFilter()
        self._sort: tuple[int, Qt.SortOrder] = (COL_DATE, Qt.SortOrder.DescendingOrder)
        self._collator = vietnamese_collator()
        self._session_names = {
            "morning": self.tr("morning"),
            "afternoon": self.tr("afternoon"),
            "evening": self.tr("evening"),
        }
        sessions = self._session_names
        # One getter per column: the raw value a cell sorts by.
        self._getters: tuple[Callable[[ConferenceSummary], Any], ...] = (
            lambda r: r.date.toordinal() * 4 + _SESSION_ORDER.get(r.session or "", 0),
            lambda r: sessions.get(r.session or "", ""),
            lambda r: r.title,
            lambda r: r.organizer or "",
            lambda r: ", ".join(r.chairs),
            lambda r: len(r.bridge_points),
            lambda r: len(r.documents),
            lambda r: r.tasks,
            lambda r: r.overdue,
        )
        self.headers = [
            self.tr("Date"),
            self.tr("Session"),
            self.tr("Title"),
            self.tr("Organizer"),
            self.tr("Chair"),
            self.tr("Bridge points"),
            self.tr("Documents"),
            self.tr("Tasks"),
            self.tr("Overdue"),
        ]

    # --- loading, filtering, sorting ---------------------------------------------------

    def set_rows(self, rows: Sequence[ConferenceSummary]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._haystacks = {}
        self._recompute()
        self.endResetModel()

    def rows(self) -> list[ConferenceSummary]:
        return list(self._all)

    def visible_count(self) -> int:
        """Rows that pass the filter, fetched by the view or not."""
        return len(self._visible)

    def set_filter(self, conference_filter: ConferenceFilter) -> None:
        if conference_filter == self._filter:
            return
        self.beginResetModel()
        self._filter = conference_filter
        self._recompute()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._recompute()
        self.layoutChanged.emit()

    def _recompute(self) -> None:
        column, order = self._sort
        if self._filter.text.strip() and not self._haystacks:
            # Folded text is only needed once the clerk types in the filter box.
            self._haystacks = {r.id: _haystack(r) for r in self._all}
        if self._filter == _NO_FILTER:
            visible = list(self._all)
        else:
            haystacks = self._haystacks
            accepts = self._filter.accepts
            visible = [r for r in self._all if accepts(r, haystacks.get(r.id, ""))]
        visible.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._visible = visible
        self._shown = min(len(visible), max(self._shown, BATCH))

    def _sort_key(self, column: int) -> Callable[[ConferenceSummary], Any]:
        if column in TEXT_COLUMNS:
            key = self._collator.sortKey

            def text_key(row: ConferenceSummary) -> Any:
                return (key(str(self._raw(row, column) or "")), row.date, row.id)

            return text_key
        getter = self._getters[column]
        if column == COL_DATE:
            return lambda row: (getter(row), row.id)
        return lambda row: (getter(row), row.date, row.id)

    # --- Qt model interface ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._visible)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = min(BATCH, len(self._visible) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        row = self._visible[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._raw(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_TITLE, COL_CHAIR, COL_POINTS):
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= COL_POINTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_OVERDUE and row.overdue:
            return QBrush(QColor("#b3261e"))
        return None

    def _raw(self, row: ConferenceSummary, column: int) -> Any:
        return self._getters[column](row)

    def _display(self, row: ConferenceSummary, column: int) -> Any:
        if column == COL_DATE:
            return _format_date(row.date)
        value = self._raw(row, column)
        return value if value != "" else None

    def _tooltip(self, row: ConferenceSummary, column: int) -> str:
        if column == COL_POINTS:
            return as_written("\n".join(row.bridge_points))
        if column == COL_CHAIR:
            return as_written("\n".join(row.chairs))
        return as_written(row.title)

    def conference_id(self, row: int) -> int | None:
        return self._visible[row].id if 0 <= row < self._shown else None


_SESSION_ORDER = {"morning": 1, "afternoon": 2, "evening": 3}


def _format_date(value: dt.date) -> str:
    return vn_date(value)


# What the list shows of each conference: its chairs and bridge points (people and
# units), its documents, its tasks and how many are overdue.
SHOWN = (CONFERENCES, TASKS, DIRECTORY, DOCUMENTS)


class ConferenceListPage(QWidget):
    """The conference list with its filters; it reloads itself when conferences change.

    The window fills it the first time (``load``), while its other widgets are built.
    """

    # The clerk asked to open a conference (double click or Enter); carries its id.
    conference_activated = Signal(int)
    # The rows shown changed (filter, reload); carries (shown, total).
    counts_changed = Signal(int, int)

    def __init__(
        self, worker: DatabaseWorker, store: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self._store = store
        self.model = ConferenceTableModel(self)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(
            self.tr("Filter: title, chair, bridge point, document… (diacritics optional)")
        )
        self.filter_box.setClearButtonEnabled(True)
        self.year_box = QComboBox()
        self.quarter_box = QComboBox()
        self.organizer_box = QComboBox()
        self.kind_box = QComboBox()
        self.quarter_box.addItem(self.tr("All quarters"), None)
        for quarter in range(1, 5):
            self.quarter_box.addItem(self.tr("Quarter %n", "", quarter), quarter)
        self.year_box.setMinimumContentsLength(12)
        self.organizer_box.setMinimumContentsLength(18)
        self.organizer_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind_box.setMinimumContentsLength(14)
        self.kind_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )

        self.table = SteadyTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self.table, COL_TITLE, {COL_ORGANIZER: 170, COL_CHAIR: 150})
        self.empty_label = QLabel(
            self.tr(
                "No conferences yet. Press Ctrl+N to record one, or load the sample data "
                "from the Help menu."
            )
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.filter_box, 3)
        add_labelled(
            filters,
            [
                (self.tr("Year"), self.year_box),
                (self.tr("Quarter"), self.quarter_box),
                (self.tr("Organizer"), self.organizer_box),
                (self.tr("Kind"), self.kind_box),
            ],
            stretch=1,
        )
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)

        self.filter_box.textChanged.connect(self._on_filter_changed)
        for box in (self.year_box, self.quarter_box, self.organizer_box, self.kind_box):
            box.currentIndexChanged.connect(self._on_filter_changed)
        self.table.doubleClicked.connect(self._on_row_activated)
        self.table.activated.connect(self._on_row_activated)
        self.model.modelReset.connect(self._on_rows_changed)
        self.model.rowsInserted.connect(self._on_rows_changed)
        self._restore_columns()
        self._on_rows_changed()
        follow_changes(self, worker, SHOWN, self.refresh, stale=False)

    def load(self) -> Op[list[ConferenceSummary]]:
        """Read the rows on the worker; they show when they come."""
        db = self.worker.db
        assert db is not None
        return self.worker.run_op(self, lambda: list_conferences(db), self.set_rows)

    def refresh(self) -> None:
        self.load()

    def set_rows(self, rows: Sequence[ConferenceSummary]) -> None:
        """Show ``rows``, keeping the clerk's selection, current row and scroll position
        (a reload after someone else's change must not lose the clerk's place)."""
        selected = set(self.selected_ids())
        current = self.model.conference_id(self.table.currentIndex().row())
        scrolled = self.table.verticalScrollBar().value()
        self._fill_choices(rows)
        self.model.set_rows(rows)
        if not selected and current is None:
            return
        selection = QItemSelection()
        for row in range(self.model.rowCount()):
            found = self.model.conference_id(row)
            if found in selected:
                selection.select(self.model.index(row, 0), self.model.index(row, 0))
            if found == current:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
                )
        self.table.selectionModel().select(
            selection,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.verticalScrollBar().setValue(scrolled)

    def _fill_choices(self, rows: Sequence[ConferenceSummary]) -> None:
        collator = vietnamese_collator()
        years = sorted({r.date.year for r in rows}, reverse=True)
        organizers = sorted({r.organizer for r in rows if r.organizer}, key=collator.sortKey)
        kinds = sorted({r.kind for r in rows if r.kind}, key=collator.sortKey)
        for box, everything, values in (
            (self.year_box, self.tr("All years"), years),
            (self.organizer_box, self.tr("All organizers"), organizers),
            (self.kind_box, self.tr("All kinds"), kinds),
        ):
            refill_choices(box, everything, [(value, str(value)) for value in values])

    def current_filter(self) -> ConferenceFilter:
        return ConferenceFilter(
            text=self.filter_box.text(),
            year=self.year_box.currentData(),
            quarter=self.quarter_box.currentData(),
            organizer=self.organizer_box.currentData(),
            kind=self.kind_box.currentData(),
        )

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [cid for cid in (self.model.conference_id(r) for r in rows) if cid is not None]

    def _on_filter_changed(self, *_: object) -> None:
        self.model.set_filter(self.current_filter())

    def _on_row_activated(self, index: QModelIndex) -> None:
        conference_id = self.model.conference_id(index.row())
        if conference_id is not None:
            self.conference_activated.emit(conference_id)

    def _on_rows_changed(self, *_: object) -> None:
        total = len(self.model.rows())
        self.empty_label.setVisible(total == 0)
        self.counts_changed.emit(self.model.visible_count(), total)

    def _restore_columns(self) -> None:
        state = self._store.value("conference_list/header")
        if isinstance(state, QByteArray):
            self.table.horizontalHeader().restoreState(state)

    def save_state(self) -> None:
        self._store.setValue("conference_list/header", self.table.horizontalHeader().saveState())
