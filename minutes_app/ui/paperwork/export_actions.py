"""The window's export and print-preview commands: minutes, notice, tasks, calendar, report.

Each asks what it needs (a file name, a period), then hands the work to
``minutes_app.exporting``: long table exports run on the database worker with progress
and Cancel; documents are built on the worker and laid out on the UI thread, where Qt's
text layout lives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget

from minutes_app.base.progress import ExportCancelled
from minutes_app.exporting import (
    FORMATS,
    ExportRequest,
    paper_of,
    problems,
    run_export,
    write_paper,
)
from minutes_app.ui.operations import DatabaseWorker, tell_failure
from minutes_app.ui.widgets.common import inform

_PAPERS = ("minutes", "notice", "report")


class ExportActions(QObject):
    """Builds the File → Export and File → Print preview menus of ``window``.

    ``selected_conference`` gives the id of the conference chosen on the Conferences
    screen (None when there is none); ``show_message`` puts a line in the status bar.
    """

    def __init__(
        self,
        window: QWidget,
        worker: DatabaseWorker,
        store: QSettings,
        selected_conference: Callable[[], int | None],
        show_message: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        assert worker.db is not None
        self.window = window
        self.worker = worker
        self.db = worker.db
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

    def export(
        self,
        kind: str,
        target: Path | None = None,
        then: Callable[[bool], object] | None = None,
    ) -> bool:
        """Export ``kind``; asks for the file when ``target`` is None. Returns whether the
        export was asked for (False: the clerk gave up, or it cannot be done);
        ``then(written)`` follows once it ended (False too when the office settings, asked
        for before the first paper, were cancelled)."""
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
        paper = kind in _PAPERS and target.suffix.lower() != ".xlsx"
        chosen = target

        def ended(written: bool) -> None:
            if written:
                self.show_message(self.tr("Written: %1").replace("%1", str(chosen)))
            if then is not None:
                then(written)

        def failed(error: BaseException) -> None:
            self._not_written(kind, chosen, error)
            ended(False)

        def lay_out(paper: object) -> None:
            # Qt's text layout lives on the UI thread: the paper is laid out here.
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                missing = write_paper(paper, chosen)  # type: ignore[arg-type]
            except OSError as error:
                failed(error)
                return
            finally:
                QGuiApplication.restoreOverrideCursor()
            self.warn_of_letters(missing)
            ended(True)

        label = self.tr("Writing %1…").replace("%1", target.name)
        db = self.db
        if paper:

            def write_if(ready: bool) -> None:
                if not ready:  # the clerk cancelled the office settings
                    ended(False)
                    return
                self.worker.run_long_op(
                    self.window, label, lambda _p: paper_of(db, request), lay_out, failed
                )

            self.office_ready(write_if)
        else:
            self.worker.run_long_op(
                self.window,
                label,
                lambda progress: run_export(db, request, progress),
                lambda _none: ended(True),
                failed,
            )
        return True

    def office_ready(self, then: Callable[[bool], object]) -> None:
        """Whether a paper may be laid out, told to ``then`` (after a read on the worker):
        the office was set, or the clerk sets it now in the office dialog (False when they
        cancel it). Never set, a paper would carry the default heading with no province
        and no place."""
        from minutes_app.ui.paperwork.office_dialog import edit_office

        edit_office(self.worker, self.window, then, unless_set=True)

    def _not_written(self, kind: str, target: Path, error: BaseException) -> None:
        if isinstance(error, ExportCancelled):
            self.show_message(self.tr("Export cancelled; nothing was written."))
        elif isinstance(error, LookupError):
            inform(self.window, self.titles[kind], self.tr("The conference no longer exists."))
        elif isinstance(error, OSError):
            inform(
                self.window,
                self.titles[kind],
                self.tr("%1 could not be written: %2")
                .replace("%1", str(target))
                .replace("%2", error.strerror or str(error)),
                error=True,
            )
        else:
            tell_failure(self.window, error)

    def warn_of_letters(self, missing: str) -> None:
        """Say which letters of a paper no installed serif draws, if any."""
        if not missing:
            return
        text = self.tr(
            "No serif font installed on this computer draws these letters of the paper: %1. "
            "They may print wrongly. Install Times New Roman, or Tinos (on Debian and Ubuntu "
            "the package fonts-croscore)."
        ).replace("%1", " ".join(missing))
        inform(self.window, self.tr("Fonts"), text)

    def preview(self, kind: str) -> None:
        """Read the paper of ``kind`` on the worker, then show it as it will print."""
        request = self.request_for(kind)
        if request is None:
            return
        db = self.db

        def show(paper: object) -> None:
            from minutes_app.formats.document import Paper
            from minutes_app.render.gui import paper_family
            from minutes_app.ui.paperwork.preview import preview_dialog

            assert isinstance(paper, Paper)
            dialog = preview_dialog(paper, self.window)
            self.warn_of_letters(paper_family(paper.text()).missing)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        def failed(error: BaseException) -> None:
            if not isinstance(error, LookupError):
                tell_failure(self.window, error)
                return
            inform(self.window, self.titles[kind], self.tr("The conference no longer exists."))

        def prepare(ready: bool) -> None:
            if ready:
                self.worker.run_long_op(
                    self.window,
                    self.tr("Preparing…"),
                    lambda _p: paper_of(db, request),
                    show,
                    failed,
                )

        self.office_ready(prepare)
