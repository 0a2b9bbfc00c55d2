"""Column widths of a table or tree: the text column stretches, the others fit their content.

A column other than the text column is as wide as its header and its content need, up to a
cap (a long unit name does not take the text's room; its whole text shows in the cell's
tooltip or the detail pane). When the view is too narrow for the text column to keep a
readable width, those columns give back what they have beyond their header's width,
widest first. Widths are fitted again when the rows change and when the view is resized.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QTreeView

DEFAULT_CAP = 200  # px: the widest a column other than the text column grows by itself
READABLE = 250  # px: the text column's width worth giving the other columns' content up for
# The rows looked at for a column's content width: 0, those in view. Each cell looked at
# is a call into Python: 200 rows took 0.12 s a fit, and a screen fits several times as it
# comes up (the register froze for 0.17 s when first shown).
_SAMPLE_ROWS = 0
_AIR = 6  # px: between a header's text and the section's edges, besides the style's margins


class ColumnFitter(QObject):
    """Keeps ``view``'s columns fitted (see the module's docstring); made by fit_columns."""

    def __init__(
        self,
        view: QTableView | QTreeView,
        stretch: int,
        caps: Mapping[int, int] | None = None,
        default_cap: int = DEFAULT_CAP,
        readable: int = READABLE,
        whole: Iterable[int] = (),
        floors: Mapping[int, int] | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        self.caps = dict(caps or {})
        self.whole = set(whole)
        self.floors = dict(floors or {})
        self.default_cap = default_cap
        self.readable = readable
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(_SAMPLE_ROWS)
        header.sortIndicatorChanged.connect(self.schedule)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)
        model = view.model()
        if model is not None:
            for signal in (
                model.modelReset,
                model.layoutChanged,
                model.rowsInserted,
                model.rowsRemoved,
                model.headerDataChanged,
            ):
                signal.connect(self.schedule)
        self.fit()

    def header(self) -> QHeaderView:
        if isinstance(self.view, QTreeView):
            return self.view.header()
        return self.view.horizontalHeader()

    def schedule(self, *_args: object) -> None:
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.schedule()
        return False

    def fit(self) -> None:
        header = self.header()
        columns = [
            column
            for column in range(header.count())
            if column != self.stretch and not header.isSectionHidden(column)
        ]
        least: dict[int, int] = {}
        wanted: dict[int, int] = {}
        for column in columns:
            content = _content_width(self.view, column)
            cap = self.caps.get(column, self.default_cap)
            floor = max(header_need(header, column), self.floors.get(column, 0))
            wanted[column] = max(floor, min(cap, content))
            # A column kept whole gives nothing back; the others, down to their floor.
            least[column] = wanted[column] if column in self.whole else floor
        room = self.view.viewport().width() - self.readable
        excess = sum(wanted.values()) - room
        # The widest give back first, never below what their header needs.
        while excess > 0:
            giving = [c for c in columns if wanted[c] > least[c]]
            if not giving:
                break
            widest = max(giving, key=lambda c: wanted[c])
            others = [wanted[c] for c in giving if c != widest]
            floor = max([least[widest], *others]) if others else least[widest]
            step = min(excess, max(1, wanted[widest] - floor))
            wanted[widest] -= step
            excess -= step
        for column in columns:
            if header.sectionSize(column) != wanted[column]:
                header.resizeSection(column, wanted[column])


def header_need(header: QHeaderView, logical: int) -> int:
    """The width section ``logical`` of ``header`` needs to show its text whole: the text
    in the header's font (bold, as a section of the selected cells is painted), its
    margins, and the sort arrow when the rows are sorted by it."""
    text = header.model().headerData(logical, header.orientation(), Qt.ItemDataRole.DisplayRole)
    font = QFont(header.font())
    if header.highlightSections():
        font.setBold(True)
    metrics = QFontMetrics(font)
    width = max(
        (metrics.horizontalAdvance(line) for line in str(text or "").splitlines()), default=0
    )
    style = header.style()
    need = width + 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
        need += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    return need + _AIR


def _content_width(view: QAbstractItemView, column: int) -> int:
    """The width the cells of ``column`` ask for (the rows in view and a sample)."""
    return view.sizeHintForColumn(column)


def fit_columns(
    view: QTableView | QTreeView,
    stretch: int,
    caps: Mapping[int, int] | None = None,
    *,
    default_cap: int = DEFAULT_CAP,
    readable: int = READABLE,
    whole: Iterable[int] = (),
    floors: Mapping[int, int] | None = None,
) -> ColumnFitter:
    """Let column ``stretch`` of ``view`` take the room the others leave, the others fit
    their content up to ``caps`` (px, per column; ``default_cap`` otherwise). When the
    text column would be narrower than ``readable``, the columns not in ``whole`` give
    back what they have beyond their header's width (or ``floors``, px, where wider)."""
    return ColumnFitter(view, stretch, caps, default_cap, readable, whole, floors)
