"""The window's export and print-preview commands: minutes, notice, tasks, calendar, report.

Each asks what it needs (a file name, a period), then hands the work to
``minutes_app.exporting``: long table exports run on a worker thread with progress and
Cancel; documents are built on the worker and laid out on the UI thread, where Qt's text
layout lives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget

from minutes_app.base.progress import ExportCancelled
from minutes_app.db.engine import Database
from minutes_app.exporting import (
    FORMATS,
    ExportRequest,
    paper_of,
    problems,
    run_export,
    write_paper,
)
from minutes_app.ui.background import run_in_background
from minutes_app.ui.widgets.common import inform

if TYPE_CHECKING:
    # The writers (python-docx, openpyxl, Qt's text layout) load when an export starts,
    # not with the window (issue 7: startup budget).
    from minutes_app.formats.document import Paper

_PAPERS = ("minutes", "notice", "report")


class ExportActions(QObject):
    """Builds the File → Export and File → Print preview menus of ``window``.

    ``selected_conference`` gives the id of the conference chosen on the Conferences
    screen (None when there is none); ``show_message`` puts a line in the status bar.
    """

    def __init__(
        self,
        window: QWidget,
        db: Database,
        store: QSettings,
        selected_conference: Callable[[], int | None],
        show_message: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.store = store
        self.selected_conference = selected_conference
        self.show_message = show_message
        self.titles = {
            "minutes": self.tr("Minutes of the conference"),
            "notice": self.tr("Notice of conclusions"),
            "tasks": self.tr("Task list"),
            "calendar": self.tr("Calendar of deadlines"),
            "report": self.tr("Period report"),
        }
        self.export_actions: dict[str, QAction] = {}
        self.preview_actions: dict[str, QAction] = {}
        for kind, title in self.titles.items():
            action = QAction(title + "…", window)
            action.triggered.connect(lambda _=False, k=kind: self.export(k))
            self.export_actions[kind] = action
            if kind in _PAPERS:
                preview = QAction(title + "…", window)
                preview.triggered.connect(lambda _=False, k=kind: self.preview(k))
                self.preview_actions[kind] = preview

    def menus(self) -> tuple[QMenu, QMenu]:
        export_menu = QMenu(self.tr("E&xport"), self.window)
        export_menu.addActions(list(self.export_actions.values()))
        preview_menu = QMenu(self.tr("Print pre&view"), self.window)
        preview_menu.addActions(list(self.preview_actions.values()))
        return export_menu, preview_menu

    # --- asking ------------------------------------------------------------------------

    def _filters(self, kind: str) -> str:
        names = {
            ".docx": self.tr("Word document (*.docx)"),
            ".pdf": self.tr("PDF document (*.pdf)"),
            ".xlsx": self.tr("Excel workbook (*.xlsx)"),
            ".csv": self.tr("CSV table (*.csv)"),
            ".ics": self.tr("Calendar (*.ics)"),
        }
        return ";;".join(names[suffix] for suffix in FORMATS[kind])

    def request_for(self, kind: str) -> ExportRequest | None:
        """Ask what ``kind`` needs besides the file; None when the clerk gave up."""
        conference_id = None
        start = end = as_of = None
        if kind in ("minutes", "notice"):
            conference_id = self.selected_conference()
            if conference_id is None:
                inform(
                    self.window,
                    self.titles[kind],
                    self.tr("Choose a conference on the Conferences screen first."),
                )
                return None
        elif kind == "report":
            from minutes_app.ui.paperwork.period_dialog import PeriodDialog

            dialog = PeriodDialog(dt.date.today(), self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            start, end, as_of = dialog.period()
        return ExportRequest(kind, Path(), conference_id, start, end, as_of)

    def ask_target(self, kind: str, request: ExportRequest) -> Path | None:
        folder = str(self.store.value("export_folder", str(Path.home())))
        suggested = {
            "minutes": f"bien-ban-{request.conference_id}",
            "notice": f"thong-bao-ket-luan-{request.conference_id}",
            "tasks": f"nhiem-vu-{dt.date.today():%Y%m%d}",
            "calendar": "han-nhiem-vu",
            "report": f"bao-cao-{request.start}-{request.end}",
        }[kind]
        first = FORMATS[kind][0]
        name, chosen_filter = QFileDialog.getSaveFileName(
            self.window,
            self.titles[kind],
            str(Path(folder) / (suggested + first)),
            self._filters(kind),
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() not in FORMATS[kind]:
            # The filter chosen decides the format when the name has no known extension.
            for suffix in FORMATS[kind]:
                if f"*{suffix})" in chosen_filter:
                    target = target.with_name(target.name + suffix)
                    break
            else:
                target = target.with_name(target.name + first)
        self.store.setValue("export_folder", str(target.parent))
        return target

    # --- doing -------------------------------------------------------------------------

    def export(self, kind: str, target: Path | None = None) -> bool:
        """Export ``kind``; asks for the file when ``target`` is None. True when written."""
        request = self.request_for(kind)
        if request is None:
            return False
        if target is None:
            target = self.ask_target(kind, request)
            if target is None:
                return False
        request = ExportRequest(
            kind, target, request.conference_id, request.start, request.end, request.as_of
        )
        found = problems(request)
        if found:
            inform(self.window, self.titles[kind], "\n".join(found), error=True)
            return False
        label = self.tr("Writing %1…").replace("%1", target.name)
        try:
            if kind in _PAPERS and target.suffix.lower() != ".xlsx":
                paper = run_in_background(self.window, label, lambda _p: paper_of(self.db, request))
                QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    write_paper(paper, target)
                finally:
                    QGuiApplication.restoreOverrideCursor()
            else:
                run_in_background(self.window, label, lambda p: run_export(self.db, request, p))
        except ExportCancelled:
            self.show_message(self.tr("Export cancelled; nothing was written."))
            return False
        except LookupError:
            inform(self.window, self.titles[kind], self.tr("The conference no longer exists."))
            return False
        except OSError as exc:
            inform(
                self.window,
                self.titles[kind],
                self.tr("%1 could not be written: %2")
                .replace("%1", str(target))
                .replace("%2", exc.strerror or str(exc)),
                error=True,
            )
            return False
        self.show_message(self.tr("Written: %1").replace("%1", str(target)))
        return True

    def paper(self, kind: str) -> Paper | None:
        request = self.request_for(kind)
        if request is None:
            return None
        return run_in_background(
            self.window, self.tr("Preparing…"), lambda _p: paper_of(self.db, request)
        )

    def preview(self, kind: str) -> None:
        from minutes_app.ui.paperwork.preview import preview_dialog

        try:
            paper = self.paper(kind)
        except LookupError:
            inform(self.window, self.titles[kind], self.tr("The conference no longer exists."))
            return
        if paper is not None:
            dialog = preview_dialog(paper, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
