"""The task register: every task with its tracking class, filtered, paged in lazily."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
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
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from minutes_app.base.days import vn_date
from minutes_app.core.conferences.listing import conference_choices
from minutes_app.core.history import Filter
from minutes_app.core.tasks.query import RegisterRow, TaskQuery, TaskRegister, only_due_soon
from minutes_app.db.engine import Database
from minutes_app.ui.history_view import HistoryView
from minutes_app.ui.operations import (
    CONFERENCES,
    DIRECTORY,
    TASKS,
    DatabaseWorker,
    follow_changes,
    tell_failure,
)
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
from minutes_app.ui.widgets.steady_view import SteadyTableView
from minutes_app.ui.widgets.table_model import TableModel

if TYPE_CHECKING:
    from minutes_app.core.search import Hit
    from minutes_app.core.tasks.rows import TaskCard

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


Reader = Callable[[Callable[[], Any], Callable[[Any], object], Callable[[], object]], object]


def read_here(
    work: Callable[[], Any], done: Callable[[Any], object], _failed: Callable[[], object]
) -> None:
    """A model's reader without a window: ``done(work())`` at once (a failure raises)."""
    done(work())


class TaskTableModel(TableModel):
    """Rows come from ``TaskRegister`` a page at a time, as the view scrolls.

    Every page is read by ``reader(work, done, failed)``: on the window's database worker
    (the register page installs it), so that the UI thread never waits on a server;
    ``done(result)`` comes later on the UI thread, ``failed()`` if the read failed (the
    worker has told the clerk). A reply to a query since replaced is dropped.
    """

    # How many tasks the current query finds, once counted on the database worker.
    counted = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.reader: Reader = read_here
        self.generation = 0  # grows with each query asked, so that a late reply is told apart
        self._query = TaskQuery(as_of=dt.date.today())
        self._asked: TaskQuery | None = None  # the query last asked for, shown or not yet
        self._then: list[Callable[[], object]] = []  # to call once its rows are shown
        self._register: TaskRegister | None = None
        self._rows: list[RegisterRow] = []
        self._total: int | None = None  # counted only when asked: the first rows come first
        self._more = False
        self._fetching = False  # a further page asked and not back yet
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

    def set_query(self, query: TaskQuery, then: Callable[[], object] | None = None) -> None:
        """Read the first page of ``query``; it replaces the rows shown when it comes (a
        read that fails, e.g. a server out of reach, leaves them as they were), then
        ``then()``. Until then the rows shown stay, and so does the query.

        A reply to a query asked since is dropped, and so is its ``then``, unless the
        query asked since is the same (a reload): then both are called, in order, when
        the later reply comes (the task shown alone is still selected after the reload
        that the register's first showing asks for)."""
        self.generation += 1
        if query != self._asked:
            self._then.clear()
        if then is not None:
            self._then.append(then)
        self._asked = query
        asked, db = self.generation, self.db

        def work() -> tuple[TaskRegister, list[RegisterRow]] | None:
            if asked != self.generation:
                return None  # typed over already: not read for nothing
            register = TaskRegister(db, query)
            # One row more than a page tells whether there is more, without counting.
            return register, register.page(0, PAGE + 1)

        def done(result: tuple[TaskRegister, list[RegisterRow]] | None) -> None:
            if result is None or asked != self.generation:
                return  # another query was asked meanwhile: its rows will come
            register, rows = result
            self.beginResetModel()
            self._query = query
            self._register = register
            self._total = None
            self._fetching = False
            self._more = len(rows) > PAGE
            self._rows = rows[:PAGE]
            self.endResetModel()
            waiting, self._then = self._then, []
            for call in waiting:
                call()

        def failed() -> None:
            if asked == self.generation:
                self._then.clear()

        self.reader(work, done, failed)

    @property
    def asked(self) -> TaskQuery | None:
        """The query last asked for (its rows may not be shown yet); None before any."""
        return self._asked

    def reload(self, then: Callable[[], object] | None = None) -> None:
        """Read again the query last asked for."""
        self.set_query(self._asked or self._query, then)

    def total(self) -> int | None:
        """How many tasks the query finds, once counted (``counted`` tells it)."""
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
        query = replace(self._asked or self._query, sort=key, descending=descending)
        if self._asked is None:
            self._query = query  # not shown yet: the first set_query will use it
            return
        self.set_query(query)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        if not parent.isValid():
            self.fetch_more()

    def fetch_more(self, then: Callable[[], object] | None = None) -> None:
        """Read the next page and add its rows when it comes, then ``then()``; one page
        at a time (the view asks again as the clerk scrolls on)."""
        register = self._register
        if register is None or not self._more or self._fetching:
            return
        self._fetching = True
        start = len(self._rows)

        def done(more: list[RegisterRow]) -> None:
            if register is not self._register:
                return  # the rows it would follow were replaced meanwhile
            self._fetching = False
            self._more = len(more) > PAGE
            more = more[:PAGE]
            if more:
                self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
                self._rows.extend(more)
                self.endInsertRows()
            if then is not None:
                then()

        def failed() -> None:  # scrolled while the server is out of reach: no more yet
            if register is self._register:
                self._fetching = False

        self.reader(lambda: register.page(start, PAGE + 1), done, failed)

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
        self._detail_of: int | None = None  # the task whose card the pane shows or awaits
        # Tasks to select again after the next reload, wherever they move, and who
        # wants to know whether the filters still show them (``keep_selected``).
        self._kept: tuple[set[int], Callable[[bool], object] | None] | None = None
        self.model = TaskTableModel(db, self)
        self.model.reader = self._read
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
        # The id of each of its rows (None: all conferences); see set_choices.
        self._conference_ids: list[int | None] = []
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

        self.table = SteadyTableView()
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
        # Below the register: the selected task's card, and its change log.
        self.history = HistoryView(worker, None)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setObjectName("task_detail_tabs")
        self.detail_tabs.addTab(self.detail, self.tr("Details"))
        self.detail_tabs.addTab(self.history, self.tr("Change history"))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_tabs)
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
        self._debounce.timeout.connect(self._on_words_typed)
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

        def select_again() -> None:
            if kept is None:
                self.select_ids(selected)
                return
            ids, then = kept
            told = None if then is None else lambda: then(ids <= set(self.selected_ids()))
            self.select_ids(ids, reach=set(matching) if wanted is None else set(), then=told)

        if self.model.asked is None or wanted is not None:
            self.model.set_query(self.current_query(), select_again)
        else:
            self.model.reload(select_again)  # the same query: a task shown alone stays alone

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
        refill_choices(self.unit_box, self.tr("All units"), units)
        # An office server may hold 20,000 conferences: their labels go in in one call
        # (85 ms an item at a time on the UI thread, 17 ms so), their ids are kept here.
        chosen = self.chosen_conference()
        ids: list[int | None] = [None, *(cid for cid, _label in conferences)]
        box = self.conference_box
        box.blockSignals(True)
        box.clear()
        box.addItems([self.tr("All conferences"), *(label for _cid, label in conferences)])
        self._conference_ids = ids
        box.setCurrentIndex(ids.index(chosen) if chosen in ids else 0)
        box.blockSignals(False)

    def chosen_conference(self) -> int | None:
        """The id of the conference the filter is set to; None for all."""
        row = self.conference_box.currentIndex()
        return self._conference_ids[row] if 0 <= row < len(self._conference_ids) else None

    def current_query(self) -> TaskQuery:
        as_of = self._date(self.as_of) or dt.date.today()
        chosen = self.class_box.currentData()
        old = self.model.asked or self.model.query
        query = TaskQuery(
            as_of=as_of,
            classes=frozenset({chosen}) if chosen and chosen != DUE_SOON else frozenset(),
            lead_unit_id=self.unit_box.currentData(),
            conference_id=self.chosen_conference(),
            deadline_from=self._date(self.deadline_from),
            deadline_to=self._date(self.deadline_to),
            text=self.text_box.text(),
            sort=old.sort,
            descending=old.descending,
        )
        return only_due_soon(query) if chosen == DUE_SOON else query

    def apply_filters(self, *_: object) -> None:
        self._debounce.stop()  # the words typed are in this query already
        self.model.set_query(self.current_query())

    def _on_words_typed(self) -> None:
        # Typed and typed back, or applied meanwhile: the rows (and the selection) stay.
        if self.current_query() != self.model.asked:
            self.apply_filters()

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

        def select_it() -> None:
            if self.model.rowCount():
                self.table.selectRow(0)

        self.model.set_query(replace(self.current_query(), ids=(task_id,)), select_it)

    def show_hit(self, hit: Hit) -> None:
        """Show a task found by the search."""
        self.show_task(hit.id)

    def _on_today(self) -> None:
        self.as_of.setDate(_qdate(dt.date.today()))

    # --- selection and details ---------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return list(self.selected_versions())

    def select_ids(
        self,
        ids: set[int],
        reach: Collection[int] = (),
        then: Callable[[], object] | None = None,
    ) -> None:
        """Select the rows of the tasks ``ids`` among those read so far, reading further
        pages (on the worker) until the tasks ``reach`` (known to be in the query) are
        read too; the first selected row is made current and scrolled into view; then
        ``then()``."""
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        model, reach = self.model, set(reach)
        read = {r.id for r in (model.row(i) for i in range(model.rowCount())) if r}
        if ids and reach and not reach <= read and model.canFetchMore(QModelIndex()):
            model.fetch_more(lambda: self.select_ids(ids, reach, then))
            return
        if not ids:
            if then is not None:
                then()
            return
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
        if then is not None:
            then()

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
        """The task's card and history in the pane below, read on the worker; a card
        that comes after another task was selected is dropped."""
        from minutes_app.core.tasks.rows import task_card
        from minutes_app.ui.tasks.detail import task_detail_html

        self._detail_of = task_id
        self.history.show_for(None if task_id is None else Filter(task=task_id))
        if task_id is None:
            self.detail.setHtml("")
            return
        db, as_of = self.db, self.model.query.as_of

        def show(card: TaskCard | None) -> None:
            if self._detail_of == task_id:
                self.detail.setHtml(task_detail_html(card, as_of) if card is not None else "")

        self.worker.run_op(self, lambda: task_card(db, task_id), show)

    def _read(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], object],
        failed: Callable[[], object],
    ) -> None:
        """The model's reader: on the database worker."""

        def on_failure(error: BaseException) -> None:
            failed()
            tell_failure(self, error)

        self.worker.run_op(self, work, done, on_failure)

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
