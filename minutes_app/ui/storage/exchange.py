"""The exchange file in the window: File → Import and Export exchange file (JSON), and
Help → Load sample data. Each runs on the database worker, the long ones with progress
and Cancel; what they say comes in the status bar or in a message."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow

from minutes_app.ui.operations import (
    EVERYTHING,
    Changes,
    DatabaseWorker,
    collecting_for_itself,
    freeze_long_lived,
    tell_failure,
)
from minutes_app.ui.widgets.common import inform

if TYPE_CHECKING:
    from minutes_app.core.exchange.importing import ImportSummary

ALL = Changes(EVERYTHING)
_SHOWN_PROBLEMS = 20


def _collect_young() -> None:
    """Free the cycles of rows the worker just let go of, in steps as short as they are
    young.

    Collected once, an ORM object's bookkeeping becomes garbage only then: the second pass
    frees it before it reaches the oldest generation, which only a full collection walks.
    """
    gc.collect(0)
    gc.collect(1)


class ExchangeActions(QObject):
    """Import, export and the sample data of ``window``'s database.

    Each command returns at once; ``then(done)``, when given, follows once it ended
    (``done``: it imported, wrote or loaded something).
    """

    def __init__(self, worker: DatabaseWorker, window: QMainWindow) -> None:
        super().__init__(window)
        self.worker = worker
        self.window = window

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def _problems(self, lines: list[str], heading: str) -> str:
        shown = "\n".join(lines[:_SHOWN_PROBLEMS])
        more = len(lines) - _SHOWN_PROBLEMS
        if more > 0:
            shown += "\n" + self.tr("… and %n more problems.", "", more)
        return heading + "\n\n" + shown

    # --- import ------------------------------------------------------------------------

    def import_file(self, then: Callable[[bool], object] | None = None) -> None:
        """Ask for an exchange file and merge it into the database."""
        from minutes_app.base.progress import report_progress
        from minutes_app.core.exchange.importing import import_exchange
        from minutes_app.core.exchange.reading import read_exchange

        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import exchange file"), "", self.tr("Exchange files (*.json)")
        )
        if not name:
            return
        db = self.worker.db
        assert db is not None

        def work(progress: Callable[[int, int], bool]) -> ImportSummary:
            # Reading and merging a large file takes seconds. Cancel works until the merge
            # starts; the merge is one transaction, all or nothing.
            with open(name, "rb") as fh, collecting_for_itself():
                exchange = read_exchange(fh.read())
                report_progress(progress, 1, 2)
                # The file's records live until the end: no collection needs to walk them
                # (reference counting frees them; the window thaws what it froze once
                # idle). Each merged batch is collected as soon as it is written.
                freeze_long_lived()
                return import_exchange(db, exchange, lambda _d, _t: _collect_young())

        def imported(summary: ImportSummary) -> None:
            self._say(
                self.tr("Imported %1 conferences and %2 tasks.")
                .replace("%1", str(summary.conferences_added))
                .replace("%2", str(summary.tasks_added))
            )
            if then is not None:
                then(True)

        def failed(error: BaseException) -> None:
            self._not_imported(error)
            if then is not None:
                then(False)

        self.worker.run_long_op(self.window, self.tr("Import"), work, imported, failed, change=ALL)

    def _not_imported(self, error: BaseException) -> None:
        from minutes_app.base.progress import ExportCancelled
        from minutes_app.core.exchange.reading import ExchangeError

        title = self.tr("Import")
        if isinstance(error, ExportCancelled):
            return
        if isinstance(error, OSError):
            reason = str(error.strerror or error)
            text = self.tr("The file cannot be read: %1").replace("%1", reason)
            inform(self.window, title, text, error=True)
        elif isinstance(error, ExchangeError):
            heading = self.tr("Nothing was imported. The file has these problems:")
            inform(self.window, title, self._problems(list(error.problems), heading), error=True)
        else:
            tell_failure(self.window, error)

    # --- export ------------------------------------------------------------------------

    def export_file(self, then: Callable[[bool], object] | None = None) -> None:
        """Ask where, and write every record to an exchange file."""
        from minutes_app.core.exchange.exporting import write_exchange

        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export exchange file"),
            "minutes.json",
            self.tr("Exchange files (*.json)"),
        )
        if not name:
            return
        db = self.worker.db
        assert db is not None

        def work(progress: Callable[[int, int], bool]) -> None:
            # A batch of conferences at a time, as the other exports.
            shown = [-1]

            def step(done: int, total: int) -> bool:
                _collect_young()
                percent = done * 100 // max(total, 1)
                if percent == shown[0]:  # the dialog is told once per percent
                    return True
                shown[0] = percent
                return progress(done, total)

            with collecting_for_itself():
                write_exchange(db, Path(name), step)

        def written(_none: None) -> None:
            self._say(self.tr("Exported to %1").replace("%1", name))
            if then is not None:
                then(True)

        def failed(error: BaseException) -> None:
            self._not_exported(error)
            if then is not None:
                then(False)

        self.worker.run_long_op(self.window, self.tr("Export"), work, written, failed)

    def _not_exported(self, error: BaseException) -> None:
        from minutes_app.base.progress import ExportCancelled
        from minutes_app.db.soundness import DatabaseDamaged

        title = self.tr("Export")
        if isinstance(error, ExportCancelled):
            return
        if isinstance(error, OSError):
            reason = str(error.strerror or error)
            text = self.tr("The file cannot be written: %1").replace("%1", reason)
            inform(self.window, title, text, error=True)
        elif isinstance(error, DatabaseDamaged):  # records that could not be exported whole
            from minutes_app.ui.storage.messages import damage_text

            heading = self.tr(
                "Nothing was exported: these records refer to records that do not exist, "
                "so they cannot be exported whole:"
            )
            lines = [damage_text(d) for d in error.damage]
            inform(self.window, title, self._problems(lines, heading), error=True)
        else:
            tell_failure(self.window, error)

    # --- the sample data ---------------------------------------------------------------

    def load_samples(self, then: Callable[[bool], object] | None = None) -> None:
        """Help → Load sample data: the five sample conferences, with their tasks."""
        from minutes_app.core.exchange.samples import load_samples

        db = self.worker.db
        assert db is not None

        def loaded(summary: ImportSummary) -> None:
            self._say(
                self.tr("Sample data: %1 conferences added.").replace(
                    "%1", str(summary.conferences_added)
                )
            )
            if then is not None:
                then(True)

        self.worker.run_op(self.window, lambda: load_samples(db), loaded, change=ALL)
