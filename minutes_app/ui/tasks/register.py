"""The task register: every task with its tracking class, filtered, paged in lazily."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from minutes_app.base.days import vn_date
from minutes_app.core.conferences.listing import conference_choices
from minutes_app.core.tasks.query import RegisterRow, TaskQuery, TaskRegister, only_due_soon
from minutes_app.db.engine import Database
from minutes_app.ui.operations import CONFERENCES, DIRECTORY, TASKS, DatabaseWorker, follow_changes
from minutes_app.ui.tasks.style import (
    DISPLAY_CLASSES,
    DUE_SOON,
    class_color,
    class_icon,
    class_name,
    display_class,
)
from minutes_app.ui.widgets.columns import fit_columns
from minutes_app.ui.widgets.common import add_labelled, refill_choices, vietnamese_collator
from minutes_app.ui.widgets.date_field import DateField
from minutes_app.ui.widgets.table_model import TableModel

if TYPE_CHECKING:
    from minutes_app.core.search import Hit

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 2
CLASS_ROLE = Qt.ItemDataRole.UserRole + 4

COL_CLASS, COL_DEADLINE, COL_LATE, COL_TITLE, COL_LEAD, COL_OWNER = range(6)
COL_CONFERENCE, COL_ASSIGNED, COL_COMPLETED = range(6, 9)
COLUMN_COUNT = 9
_SORTS = {
    COL_CLASS: "class",
    COL_DEADLINE: "deadline",
    COL_TITLE: "title",
    COL_LEAD: "lead_unit",
    COL_ASSIGNED: "assigned_on",
    COL_LATE: "deadline",
}


# What the register shows of each task: its own fields, its lead unit and its conference.
SHOWN = (TASKS, DIRECTORY, CONFERENCES)


def units_in_order(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every unit, in Vietnamese order; may run on the database worker."""
    from minutes_app.core.directory import unit_choices

    collator = vietnamese_collator()  # a QCollator of its own: it is reentrant
    return sorted(unit_choices(db), key=lambda u: collator.sortKey(u[1]))


Choices = tuple[list[tuple[int, str]], list[tuple[int, str]]]


def register_choices(db: Database) -> Choices:
    """The register's unit and conference filter choices, as (id, label)."""
    units = units_in_order(db)
    conferences = [(cid, f"{date:%d/%m/%Y} {title}") for cid, date, title in conference_choices(db)]
    return units, conferences


def still_shown(db: Database, query: TaskQuery, ids: Collection[int]) -> set[int]:
    """Which of the tasks ``ids`` the register's ``query`` finds; may run on the worker."""
    if not ids:
        return set()
    found = TaskRegister(db, replace(query, ids=tuple(ids))).page(0, len(ids))
    return {row.id for row in found}


class TaskTableModel(TableModel):
    """Rows come from ``TaskRegister`` a page at a time, as the view scrolls."""

    # How many tasks the current query finds, once counted on the database worker.
    counted = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        # Around the reads made here, on the UI thread (the page's worker's reading_here).
        self.reading_here: Callable[[], AbstractContextManager[None]] = nullcontext
        self.generation = 0  # grows with each query, so that a late count is told apart
        self._query = TaskQuery(as_of=dt.date.today())
        self._register: TaskRegister | None = None
        self._rows: list[RegisterRow] = []
        self._total: int | None = None  # counted only when asked: the first rows come first
        self._more = False
        self.headers = [
            self.tr("Status"),
            self.tr("Deadline"),
            self.tr("Days late"),
            self.tr("Task"),
            self.tr("Lead unit"),
            self.tr("Follow-up by"),
            self.tr("Conference"),
            self.tr("Assigned"),
            self.tr("Completed"),
        ]

    @property
    def query(self) -> TaskQuery:
        return self._query

    def set_query(self, query: TaskQuery) -> None:
        register = TaskRegister(self.db, query)
        # One row more than a page tells whether there is more, without counting them all.
        # Read before the reset: a read that fails (a server out of reach) leaves the model
        # as it was.
        rows = register.page(0, PAGE + 1)
        self.beginResetModel()
        self._query = query
        self._register = register
        self._total = None
        self.generation += 1
        self._more = len(rows) > PAGE
        self._rows = rows[:PAGE]
        self.endResetModel()

    def reload(self) -> None:
        self.set_query(self._query)

    def total(self) -> int:
        """How many tasks the query finds (counted on first use, then kept)."""
        if self._total is None:
            self._total = self._register.count() if self._register is not None else 0
        return self._total

    @property
    def register(self) -> TaskRegister | None:
        """The current query's tasks, as the page reads them."""
        return self._register

    def take_count(self, generation: int, total: int) -> None:
        """The count of the query of ``generation``, made on the worker; ``counted``
        tells it unless the query was replaced meanwhile."""
        if generation == self.generation:
            self._total = total
            self.counted.emit(total)

    def row(self, index: int) -> RegisterRow | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _SORTS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if column == COL_LATE:
            descending = not descending  # the most days late are the earliest deadlines
        query = replace(self._query, sort=key, descending=descending)
        if self._register is None:
            self._query = query  # not shown yet: the first set_query will use it
            return
        self.set_query(query)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._register is None or not self._more:
            return
        with self.reading_here():  # scrolled while the server is out of reach: no more yet
            self._fetch_more(self._register)

    def _fetch_more(self, register: TaskRegister) -> None:
        more = register.page(len(self._rows), PAGE + 1)
        self._more = len(more) > PAGE
        more = more[:PAGE]
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        shown = display_class(row.tracking, row.deadline_in_force, self._query.as_of)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, shown)
        if role == ID_ROLE:
            return row.id
        if role == CLASS_ROLE:
            return shown
        if role == Qt.ItemDataRole.DecorationRole and column == COL_CLASS:
            parent = self.parent()
            return class_icon(parent, shown) if isinstance(parent, QWidget) else None
        if role == Qt.ItemDataRole.ForegroundRole and column in (COL_CLASS, COL_DEADLINE, COL_LATE):
            return QBrush(class_color(shown))
        if role == Qt.ItemDataRole.ToolTipRole and column in (
            COL_TITLE,
            COL_LEAD,
            COL_OWNER,
            COL_CONFERENCE,
        ):
            return self._text(row, column, shown) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_LATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: RegisterRow, column: int, shown: str) -> str | int | None:
        late = row.days_overdue(self._query.as_of)
        values: dict[int, str | int | None] = {
            COL_CLASS: class_name(shown),
            COL_DEADLINE: vn_date(row.deadline) or "—",
            COL_LATE: late or None,
            COL_TITLE: row.title,
            COL_LEAD: row.lead_unit,
            COL_OWNER: row.owner,
            # The date on the first line, the title below it.
            COL_CONFERENCE: f"{vn_date(row.conference_date)}\n{row.conference}",
            COL_ASSIGNED: vn_date(row.assigned_on),
            COL_COMPLETED: vn_date(row.completed_on),
        }
        return values[column]


class TaskRegisterPage(QWidget):
    """Filters above, the table in the middle, the selected task's details and history below.

    It fills itself when first shown and reloads itself when tasks, units or conferences
    change; the selected tasks stay selected.
    """

    # The selection changed; carries the selected task ids.
    selection_changed = Signal(list)

    def __init__(
        self, worker: DatabaseWorker, store: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert worker.db is not None
        db = worker.db
        self.worker = worker
        self.db = db
        self.store = store
        self._wanted_unit: int | None = None  # asked for before the choices were read
        # Tasks to select again after the next reload, wherever they move, and who
        # wants to know whether the filters still show them (``keep_selected``).
        self._kept: tuple[set[int], Callable[[bool], object] | None] | None = None
        self.model = TaskTableModel(db, self)
        self.model.reading_here = worker.reading_here
        self.class_box = QComboBox()
        self.class_box.addItem(self.tr("All classes"), None)
        for name in DISPLAY_CLASSES:
            self.class_box.addItem(class_icon(self, name), class_name(name), name)
        self.unit_box = QComboBox()
        self.unit_box.setMinimumContentsLength(16)
        self.unit_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.conference_box = QComboBox()
        self.conference_box.setMinimumContentsLength(16)
        self.conference_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.text_box = QLineEdit()
        self.text_box.setPlaceholderText(self.tr("Filter by words (diacritics optional)"))
        self.text_box.setClearButtonEnabled(True)
        self.as_of = self._date_edit(dt.date.today())
        self.deadline_from = self._date_edit(None)
        self.deadline_to = self._date_edit(None)
        self.count_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.text_box, 2)
        add_labelled(
            top,
            [
                (self.tr("Class"), self.class_box),
                (self.tr("Lead unit"), self.unit_box),
                (self.tr("Conference"), self.conference_box),
            ],
            stretch=1,
        )
        second = QHBoxLayout()
        add_labelled(
            second,
            [
                (self.tr("As of"), self.as_of),
                (self.tr("Deadline from"), self.deadline_from),
                (self.tr("to"), self.deadline_to),
            ],
        )
        self.today_button = QPushButton(self.tr("Today"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        second.addWidget(self.today_button)
        second.addWidget(self.clear_button)
        second.addStretch(1)
        second.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(COL_CLASS, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # a unit's name on two lines rather than cut
        self.table.verticalHeader().hide()
        # The task's text takes the room, on two lines; a unit's name shows on two lines
        # too, and a long unit or conference whole in its tooltip and the detail pane.
        fit_columns(
            self.table,
            COL_TITLE,
            {COL_CLASS: 115, COL_LEAD: 135, COL_CONFERENCE: 150, COL_OWNER: 130},
            whole=(COL_CLASS, COL_DEADLINE, COL_LATE, COL_LEAD, COL_ASSIGNED, COL_COMPLETED),
            floors={COL_CONFERENCE: self.table.fontMetrics().horizontalAdvance("00/00/0000") + 10},
        )
        lines = 2 * self.table.fontMetrics().lineSpacing() + 6
        self.table.verticalHeader().setDefaultSectionSize(max(lines, 30))
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)

        self.actions_bar = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addLayout(self.actions_bar)
        layout.addWidget(self.splitter, 1)

        self.model.counted.connect(self._show_count)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.apply_filters)
        self.text_box.textChanged.connect(self._debounce.start)
        for box in (self.class_box, self.unit_box, self.conference_box):
            box.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.as_of, self.deadline_from, self.deadline_to):
            edit.dateChanged.connect(self.apply_filters)
        self.today_button.clicked.connect(self._on_today)
        self.clear_button.clicked.connect(self.clear_filters)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._on_model_reset)
        self._restore()
        follow_changes(self, worker, SHOWN, self.refresh)

    def refresh(self) -> None:
        """Read the filter choices on the worker, then the rows again, keeping the
        filters and the selection."""
        db, query = self.db, self.model.query
        kept, self._kept = self._kept, None
        ids = kept[0] if kept else set()

        def work() -> tuple[Choices, set[int]]:
            return register_choices(db), still_shown(db, query, ids)

        self.worker.run_op(self, work, lambda result: self._on_choices(result[0], kept, result[1]))

    def keep_selected(
        self, ids: Collection[int], then: Callable[[bool], object] | None = None
    ) -> None:
        """After the next reload (the one that follows a write on these tasks), select
        the tasks ``ids`` again wherever the sort order moved them, scroll to them, and
        call ``then(shown)``: whether the filters still show them all."""
        self._kept = (set(ids), then)

    def _on_choices(
        self,
        choices: Choices,
        kept: tuple[set[int], Callable[[bool], object] | None] | None = None,
        matching: Collection[int] = (),
    ) -> None:
        self.set_choices(*choices)
        wanted, self._wanted_unit = self._wanted_unit, None
        if wanted is not None:
            self._choose(self.unit_box, wanted)
        selected = set(self.selected_ids())
        with self.worker.reading_here():
            if self.model.register is None or wanted is not None:
                self.model.set_query(self.current_query())
            else:
                self.model.reload()  # the same query: a task shown alone stays alone
        if kept is None:
            self.select_ids(selected)
            return
        ids, then = kept
        self.select_ids(ids, reach=set(matching) if wanted is None else set())
        if then is not None:
            then(ids <= set(self.selected_ids()))

    # --- filters -----------------------------------------------------------------------

    def _date_edit(self, value: dt.date | None) -> DateField:
        edit = DateField()
        edit.setMinimumDate(QDate(1990, 1, 1))
        edit.setSpecialValueText(self.tr("any"))  # shown at the minimum date: no limit
        edit.setDate(_qdate(value) if value else edit.minimumDate())
        return edit

    def _date(self, edit: DateField) -> dt.date | None:
        if edit.date() == edit.minimumDate():
            return None
        d = edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def set_choices(self, units: list[tuple[int, str]], conferences: list[tuple[int, str]]) -> None:
        for box, everything, values in (
            (self.unit_box, self.tr("All units"), units),
            (self.conference_box, self.tr("All conferences"), conferences),
        ):
            refill_choices(box, everything, values)

    def current_query(self) -> TaskQuery:
        as_of = self._date(self.as_of) or dt.date.today()
        chosen = self.class_box.currentData()
        old = self.model.query
        query = TaskQuery(
            as_of=as_of,
            classes=frozenset({chosen}) if chosen and chosen != DUE_SOON else frozenset(),
            lead_unit_id=self.unit_box.currentData(),
            conference_id=self.conference_box.currentData(),
            deadline_from=self._date(self.deadline_from),
            deadline_to=self._date(self.deadline_to),
            text=self.text_box.text(),
            sort=old.sort,
            descending=old.descending,
        )
        return only_due_soon(query) if chosen == DUE_SOON else query

    def apply_filters(self, *_: object) -> None:
        with self.worker.reading_here():  # the server out of reach: the rows stay
            self.model.set_query(self.current_query())

    def clear_filters(self) -> None:
        for box in (self.class_box, self.unit_box, self.conference_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        for edit in (self.deadline_from, self.deadline_to):
            edit.blockSignals(True)
            edit.setDate(edit.minimumDate())
            edit.blockSignals(False)
        self.text_box.blockSignals(True)
        self.text_box.clear()
        self.text_box.blockSignals(False)
        self.apply_filters()

    def show_filtered(self, display: str | None = None, lead_unit_id: int | None = None) -> None:
        """Open the register narrowed to a class and a lead unit (from the overview)."""
        self.clear_filters()
        choices: tuple[tuple[QComboBox, object], ...] = (
            (self.class_box, display),
            (self.unit_box, lead_unit_id),
        )
        for box, value in choices:
            self._choose(box, value)
        # A unit not among the choices yet (not read yet) is chosen once they are.
        missing = lead_unit_id is not None and self.unit_box.findData(lead_unit_id) < 0
        self._wanted_unit = lead_unit_id if missing else None
        self.apply_filters()

    @staticmethod
    def _choose(box: QComboBox, value: object) -> None:
        box.blockSignals(True)
        box.setCurrentIndex(max(box.findData(value), 0))
        box.blockSignals(False)

    def show_task(self, task_id: int) -> None:
        """Show just this task, selected, whatever its class or the filters."""
        self.clear_filters()
        with self.worker.reading_here():
            self.model.set_query(replace(self.current_query(), ids=(task_id,)))
        if self.model.rowCount():
            self.table.selectRow(0)

    def show_hit(self, hit: Hit) -> None:
        """Show a task found by the search."""
        self.show_task(hit.id)

    def _on_today(self) -> None:
        self.as_of.setDate(_qdate(dt.date.today()))

    # --- selection and details ---------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return list(self.selected_versions())

    def select_ids(self, ids: set[int], reach: Collection[int] = ()) -> None:
        """Select the rows of the tasks ``ids`` among those read so far, reading further
        pages until the tasks ``reach`` (known to be in the query) are read too; the
        first selected row is made current and scrolled into view."""
        if not ids:
            return
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        model, reach = self.model, set(reach)
        while reach and model.canFetchMore(QModelIndex()):
            if reach <= {r.id for r in (model.row(i) for i in range(model.rowCount())) if r}:
                break
            model.fetchMore(QModelIndex())
        selection = QItemSelection()
        first: QModelIndex | None = None
        for r in range(model.rowCount()):
            row = model.row(r)
            if row is not None and row.id in ids:
                first = first or model.index(r, COL_TITLE)
                selection.select(model.index(r, 0), model.index(r, COLUMN_COUNT - 1))
        flag = QItemSelectionModel.SelectionFlag
        selecting = self.table.selectionModel()
        if first is not None:
            selecting.setCurrentIndex(first, flag.NoUpdate)
        selecting.select(selection, flag.ClearAndSelect | flag.Rows)
        if first is not None:
            self.table.scrollTo(first)

    def selected_versions(self) -> dict[int, int]:
        """The selected tasks, each with the version the register read of it."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return {r.id: r.version for r in (self.model.row(i) for i in rows) if r is not None}

    def _on_selection(self, *_: object) -> None:
        ids = self.selected_ids()
        self.show_detail(ids[0] if len(ids) == 1 else None)
        self.selection_changed.emit(ids)

    def _on_model_reset(self) -> None:
        # Counting 200,000 rows takes longer than showing the first ones: they are
        # counted on the database worker, and the number shows when it comes.
        self.count_label.setText("…")
        register, generation = self.model.register, self.model.generation
        if register is not None:
            self.worker.run_op(
                self, register.count, lambda total: self.model.take_count(generation, total)
            )
        self.show_detail(None)
        self.selection_changed.emit([])

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("%n task(s)", "", total))

    def show_detail(self, task_id: int | None) -> None:
        from minutes_app.ui.tasks.detail import task_detail_html

        html = ""
        with self.worker.reading_here():
            html = task_detail_html(self.db, task_id, self.model.query.as_of) if task_id else ""
        self.detail.setHtml(html)

    # --- state -------------------------------------------------------------------------

    def _restore(self) -> None:
        header = self.store.value("task_register/header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
        splitter = self.store.value("task_register/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.store.setValue("task_register/header", self.table.horizontalHeader().saveState())
        self.store.setValue("task_register/splitter", self.splitter.saveState())


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)
