"""How a long piece of work (an export, an import) reports its progress and is cancelled."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], bool]
"""Called with (done, total) as an export goes; returning False cancels it."""


class ExportCancelled(Exception):
    """The user cancelled an export; the target was left as it was."""


def report_progress(progress: Progress | None, done: int, total: int) -> None:
    """Tell ``progress`` how far the export is; raise ``ExportCancelled`` when it says stop."""
    if progress is not None and progress(done, total) is False:
        raise ExportCancelled(f"cancelled after {done} of {total}")
