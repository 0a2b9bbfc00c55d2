"""The team leader's overview: what is overdue, who owns it, what falls due this week."""

from __future__ import annotations

import datetime as dt
import math
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minutes_app.base.days import vn_date
from minutes_app.core.tasks.query import RegisterRow, TaskQuery, TaskRegister, only_due_soon
from minutes_app.core.tasks.rates import PeriodRate, UnitLoad, periods_with_tasks, unit_loads
from minutes_app.core.tasks.tracking import CLASSES
from minutes_app.db.engine import Database
from minutes_app.ui.operations import CONFERENCES, DIRECTORY, TASKS, DatabaseWorker, follow_changes
from minutes_app.ui.tasks.style import DISPLAY_CLASSES, DUE_SOON, class_color, class_name
from minutes_app.ui.widgets.columns import fit_columns
from minutes_app.ui.widgets.common import as_written

if TYPE_CHECKING:
    from PySide6.QtCharts import QChart

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CHART_UNITS = 10  # units shown in the chart: those with the most overdue tasks
CHART_MORE_NAMED = 5  # units the chart leaves out named under it (all in its tooltip)
CHART_CLASSES = ("overdue", "in_progress", "ongoing", "done_late", "done_on_time")
LIST_ROWS = 50
# What the overview counts: tasks, by lead unit, of conferences not in the trash.
SHOWN = (TASKS, DIRECTORY, CONFERENCES)


class CountTile(QFrame):
    """A big number with its class name, clickable."""

    clicked = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        color = class_color(name).name()
        self.number = QLabel("0")
        self.number.setStyleSheet(f"color: {color}; font-size: 22pt; font-weight: bold;")
        self.caption = QLabel(class_name(name))
        self.caption.setStyleSheet(f"color: {color};")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # Room for a caption of two lines ("Hoàn thành đúng hạn" in a narrow tile), and
        # no less than that: the lists below give way, not the tiles.
        self.caption.setMinimumHeight(2 * self.caption.fontMetrics().lineSpacing())
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignHCenter)

    def set_count(self, count: int) -> None:
        self.number.setText(str(count))

    def mouseReleaseEvent(self, event: object) -> None:
        self.clicked.emit(self.name)


class OverviewPage(QWidget):
    """Counts per class, a chart per lead unit, the overdue and due-soon lists, on-time rates.

    Filled when first shown, and again whenever tasks change.
    """

    # Open the register filtered by a display class and (optionally) a lead unit id.
    open_register = Signal(object, object)

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert worker.db is not None
        self.worker = worker
        self.db = worker.db
        self.as_of = dt.date.today()
        self.unit_ids: list[int] = []
        self.tiles = {name: CountTile(name) for name in DISPLAY_CLASSES}
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tile.clicked.connect(lambda name: self.open_register.emit(name, None))
            tiles.addWidget(tile)

        # The chart (and QtCharts, slow to load) is made when the page is first filled.
        self.chart: QChart | None = None
        self.chart_box = QWidget()
        self.chart_box.setMinimumHeight(260)
        QVBoxLayout(self.chart_box).setContentsMargins(0, 0, 0, 0)
        # The units the chart has no room for, named (all of them in the tooltip).
        self.chart_more = QLabel()
        self.chart_more.setWordWrap(True)
        self.chart_more.setTextFormat(Qt.TextFormat.PlainText)

        self.overdue = self._table(
            [self.tr("Days late"), self.tr("Task"), self.tr("Lead unit"), self.tr("Follow-up by")]
        )
        self.due_soon = self._table(
            [self.tr("Deadline"), self.tr("Task"), self.tr("Lead unit"), self.tr("Follow-up by")]
        )
        self.rates = QTableWidget(0, 4)
        self.rates.setHorizontalHeaderLabels(
            [self.tr("Period"), self.tr("On time"), self.tr("Late"), self.tr("On-time rate")]
        )
        self.rates.verticalHeader().hide()
        fit_columns(self.rates, 0, readable=80)
        self.period_box = QComboBox()
        for code, label in (
            ("month", self.tr("By month")),
            ("quarter", self.tr("By quarter")),
            ("half", self.tr("By half-year")),
            ("year", self.tr("By year")),
        ):
            self.period_box.addItem(label, code)
        self.period_box.setCurrentIndex(1)
        self.period_box.currentIndexChanged.connect(self._fill_rates)
        self.overdue_button = QPushButton(self.tr("Open all overdue tasks"))
        self.overdue_button.clicked.connect(lambda: self.open_register.emit("overdue", None))

        grid = QGridLayout()
        grid.addWidget(self._heading(self.tr("Overdue, most days late first")), 0, 0)
        grid.addWidget(self._heading(self.tr("Due in the next 7 days")), 0, 1)
        grid.addWidget(self.overdue, 1, 0)
        grid.addWidget(self.due_soon, 1, 1)
        grid.addWidget(self.overdue_button, 2, 0, Qt.AlignmentFlag.AlignLeft)
        rate_head = QHBoxLayout()
        rate_head.addWidget(self._heading(self.tr("Completed on time")))
        rate_head.addStretch(1)
        rate_head.addWidget(self.period_box)
        rates = QVBoxLayout()
        rates.addLayout(rate_head)
        rates.addWidget(self.rates)
        chart_column = QVBoxLayout()
        chart_column.addWidget(self.chart_box, 1)
        chart_column.addWidget(self.chart_more)
        bottom = QHBoxLayout()
        bottom.addLayout(chart_column, 3)
        bottom.addLayout(rates, 2)
        self.as_of_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.as_of_label)
        layout.addLayout(tiles)
        layout.addLayout(grid, 3)
        layout.addLayout(bottom, 2)
        follow_changes(self, worker, SHOWN, self.refresh)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(f"<b>{text}</b>")
        return label

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        # A task and its unit on two lines rather than cut after a few words.
        table.setWordWrap(True)
        lines = 2 * table.fontMetrics().lineSpacing() + 6
        table.verticalHeader().setDefaultSectionSize(max(lines, 30))
        fit_columns(table, 1, {2: 140, 3: 120}, readable=200, whole=(0, 2))
        return table

    def refresh(self, as_of: dt.date | None = None) -> None:
        """Read the situation on ``as_of`` (default today) on the worker; it shows when
        it comes."""
        as_of = as_of or dt.date.today()
        db, kind = self.db, self._period_kind()
        self.worker.run_op(
            self, lambda: _read_overview(db, as_of, kind), lambda data: self._show(as_of, data)
        )

    def _show(
        self,
        as_of: dt.date,
        data: tuple[list[UnitLoad], list[RegisterRow], list[RegisterRow], int, list[PeriodRate]],
    ) -> None:
        self.as_of = as_of
        self.as_of_label.setText(self.tr("Situation on %1").replace("%1", vn_date(self.as_of)))
        loads, overdue, soon_rows, due_soon, rates = data
        # One pass over the tasks gives both the chart's units and the tiles' totals.
        counts = {name: sum(u.counts[name] for u in loads) for name in CLASSES}
        shown = dict(counts, in_progress=counts["in_progress"] - due_soon)
        shown[DUE_SOON] = due_soon
        for name, tile in self.tiles.items():
            tile.set_count(shown.get(name, 0))
        self._fill(
            self.overdue,
            [
                (str(r.days_overdue(self.as_of)), r.title, r.lead_unit, r.owner or "")
                for r in overdue
            ],
            "overdue",
        )
        self._fill(
            self.due_soon,
            [
                (
                    vn_date(r.deadline),
                    r.title,
                    r.lead_unit,
                    r.owner or "",
                )
                for r in soon_rows
            ],
            DUE_SOON,
        )
        self._fill_chart(loads)
        self._show_rates(rates)

    def _fill(self, table: QTableWidget, rows: list[tuple[str, str, str, str]], name: str) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 0:
                    item.setForeground(class_color(name))
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if c == 1:
                    item.setToolTip(as_written(value))
                table.setItem(r, c, item)

    def _make_chart(self) -> QChart:
        from PySide6.QtCharts import QBarCategoryAxis, QChart, QChartView, QValueAxis

        chart = QChart()
        chart.setTitle(self.tr("Tasks by lead unit (click a bar to see them)"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        # The axes are made once and kept: QChart.removeAxis gives an axis up without
        # deleting it, so axes made on every refresh would pile up with their wrappers.
        self.units_axis = QBarCategoryAxis()
        chart.addAxis(self.units_axis, Qt.AlignmentFlag.AlignLeft)
        self.values_axis = QValueAxis()
        self.values_axis.setLabelFormat("%d")
        chart.addAxis(self.values_axis, Qt.AlignmentFlag.AlignBottom)
        # The view owns the chart from here on (and the chart its axes); the page keeps
        # Python references only, and the view is a child of chart_box, so both go with it.
        self.chart_view = QChartView(chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        layout = self.chart_box.layout()
        assert layout is not None
        layout.addWidget(self.chart_view)
        return chart

    def _fill_chart(self, all_loads: list[UnitLoad]) -> None:
        from PySide6.QtCharts import QBarSet, QHorizontalStackedBarSeries

        if self.chart is None:
            self.chart = self._make_chart()
        chart = self.chart
        # The units with open tasks, most overdue first; the others are named under it.
        loads = [u for u in all_loads if u.open_total][:CHART_UNITS]
        self.unit_ids = [u.unit_id for u in loads]
        # Deletes the old series with their bar sets (and so the sets' click connections).
        chart.removeAllSeries()
        series = QHorizontalStackedBarSeries()
        for name in CHART_CLASSES:
            bar_set = QBarSet(class_name(name))
            bar_set.setColor(class_color(name))
            bar_set.append([float(u.counts[name]) for u in reversed(loads)])
            bar_set.clicked.connect(
                lambda index, n=name: self._on_bar_clicked(n, len(loads) - 1 - index)
            )
            series.append(bar_set)
        chart.addSeries(series)
        self.units_axis.clear()
        # Qt Charts draws axis labels as HTML: a unit's name is escaped to show as written.
        self.units_axis.append([escape(_short(u.unit), quote=False) for u in reversed(loads)])
        series.attachAxis(self.units_axis)
        # Whole-number ticks: a step that divides the axis, at most five steps.
        top = max([sum(u.counts[c] for c in CHART_CLASSES) for u in loads] or [1])
        step = max(1, math.ceil(top / 5))
        self.values_axis.setRange(0, step * math.ceil(top / step))
        self.values_axis.setTickCount(math.ceil(top / step) + 1)
        series.attachAxis(self.values_axis)
        self._name_left_out([u for u in all_loads if u.unit_id not in set(self.unit_ids)])

    def _name_left_out(self, left_out: list[UnitLoad]) -> None:
        """Say which units the chart leaves out: a few by name, all in the tooltip."""
        self.chart_more.setVisible(bool(left_out))
        if not left_out:
            self.chart_more.clear()
            self.chart_more.setToolTip("")
            return
        names = [u.unit for u in left_out]
        few = ", ".join(names[:CHART_MORE_NAMED]) + (", …" if len(names) > CHART_MORE_NAMED else "")
        self.chart_more.setText(
            self.tr("Not in the chart: %n other unit(s): %1", "", len(names)).replace("%1", few)
        )
        lines = [
            self.tr("%1: %2 open, %3 done")
            .replace("%1", u.unit)
            .replace("%2", str(u.open_total))
            .replace("%3", str(u.counts["done_on_time"] + u.counts["done_late"]))
            for u in left_out
        ]
        self.chart_more.setToolTip(as_written("\n".join(lines)))

    def _on_bar_clicked(self, name: str, index: int) -> None:
        if 0 <= index < len(self.unit_ids):
            self.open_register.emit(name, self.unit_ids[index])

    def _period_kind(self) -> str:
        return str(self.period_box.currentData())

    def _fill_rates(self, *_: object) -> None:
        db, as_of, kind = self.db, self.as_of, self._period_kind()
        self.worker.run_op(self, lambda: _read_rates(db, as_of, kind), self._show_rates)

    def _show_rates(self, rates: list[PeriodRate]) -> None:
        self.rates.setRowCount(len(rates))
        for r, rate in enumerate(reversed(rates)):
            share = f"{rate.rate:.0%}" if rate.rate is not None else "—"
            for c, value in enumerate((rate.label, str(rate.on_time), str(rate.late), share)):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.rates.setItem(r, c, item)
        if rates:  # the latest period with tasks, first and current
            self.rates.setCurrentCell(0, 0)
            self.rates.scrollToTop()


def _read_rates(db: Database, as_of: dt.date, kind: str) -> list[PeriodRate]:
    # Every period in which tasks were completed: the data's years, not only today's.
    return periods_with_tasks(db, kind)


def _read_overview(
    db: Database, as_of: dt.date, period_kind: str
) -> tuple[list[UnitLoad], list[RegisterRow], list[RegisterRow], int, list[PeriodRate]]:
    """Everything the overview shows, read from the database (no widget touched)."""
    loads = unit_loads(db, as_of)
    soon = TaskRegister(db, only_due_soon(TaskQuery(as_of=as_of)))
    overdue = TaskRegister(db, TaskQuery(as_of=as_of, classes=frozenset({"overdue"})))
    return (
        loads,
        overdue.page(0, LIST_ROWS),
        soon.page(0, LIST_ROWS),
        soon.count(),
        _read_rates(db, as_of, period_kind),
    )


def _short(name: str, limit: int = 32) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
