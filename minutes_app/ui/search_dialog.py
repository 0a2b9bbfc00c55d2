"""Search everywhere (Ctrl+F): results grouped by kind as the clerk types."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minutes_app.db.engine import Database
from minutes_app.ui.operations import DatabaseWorker
from minutes_app.ui.widgets.common import as_written

if TYPE_CHECKING:
    # SQLAlchemy comes with the search: loaded when the dialog is first opened, not with
    # the window (issue 7: startup budget).
    from minutes_app.core.search import Hit, Hits

HIT_ROLE = Qt.ItemDataRole.UserRole + 5
_GROUPS = {
    "conference": QT_TRANSLATE_NOOP("SearchDialog", "Conferences"),
    "document": QT_TRANSLATE_NOOP("SearchDialog", "Documents"),
    "task": QT_TRANSLATE_NOOP("SearchDialog", "Tasks"),
    "person": QT_TRANSLATE_NOOP("SearchDialog", "People"),
    "unit": QT_TRANSLATE_NOOP("SearchDialog", "Units"),
}


class SearchDialog(QDialog):
    """A box to type in and the hits below it; Enter or a double click opens a hit."""

    # The clerk chose a hit.
    hit_activated = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Search everywhere"))
        self.resize(760, 520)
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            self.tr("Words, names or a symbol, with or without accents (e.g. qd 96, dong chi)")
        )
        self.query.setClearButtonEnabled(True)
        self.results = QTreeWidget()
        self.results.setHeaderLabels([self.tr("Found"), self.tr("Context")])
        self.results.setColumnWidth(0, 380)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.run)
        self.query.textChanged.connect(self._debounce.start)
        self.query.returnPressed.connect(self._on_return)
        self.results.itemActivated.connect(self._on_item_activated)

    def run(self) -> Hits:
        from minutes_app.core.search import KINDS, search

        hits = search(self.db, self.query.text())
        self.results.clear()
        for kind in KINDS:
            group = hits.of_kind(kind)
            if not group:
                continue
            # How many match in all ("1000+" past the count's cap); the best few are shown.
            head = QTreeWidgetItem([f"{self.tr(str(_GROUPS[kind]))} ({hits.total_text(kind)})"])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for hit in group:
                item = QTreeWidgetItem([hit.label, hit.snippet])
                item.setData(0, HIT_ROLE, hit)
                item.setToolTip(0, as_written(hit.label))
                item.setToolTip(1, as_written(hit.snippet))
                head.addChild(item)
            self.results.addTopLevelItem(head)
            head.setExpanded(True)
        self.status.setText(self.tr("%n result(s)", "", len(hits)) if self.query.text() else "")
        return hits

    def _on_return(self) -> None:
        self._debounce.stop()
        hits = self.run()
        if hits:
            best = max(hits, key=lambda h: h.score)
            self.hit_activated.emit(best)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        from minutes_app.core.search import Hit

        hit = item.data(0, HIT_ROLE)
        if isinstance(hit, Hit):
            self.hit_activated.emit(hit)


class Finder(QObject):
    """Edit → Find of a window: one search dialog, made when first asked for; a hit the
    clerk chooses goes to ``open_hit``, which shows it on its screen."""

    def __init__(
        self, worker: DatabaseWorker, window: QWidget, open_hit: Callable[[Hit], object]
    ) -> None:
        super().__init__(window)
        self.worker = worker
        self.window = window
        self.open_hit = open_hit
        self.dialog: SearchDialog | None = None

    def show(self) -> SearchDialog:
        if self.dialog is None:
            assert self.worker.db is not None
            self.dialog = SearchDialog(self.worker.db, self.window)
            self.dialog.hit_activated.connect(self.open_hit)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.dialog.query.selectAll()
        return self.dialog
