"""One way to every export, for the command line and the window alike.

Tables and calendars are written by Qt-free code in ``core``; documents (minutes, notice,
report) are laid out as ``core.paperwork`` papers and written as .docx by ``core`` or as
.pdf by ``ui.printing``, which needs a QGuiApplication (made offscreen when there is no
screen). Which writer runs follows the kind and the suffix of the target, as the contract
says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from minutes_app.base.files import writable_target
from minutes_app.db.engine import Database

FORMATS: dict[str, tuple[str, ...]] = {
    "minutes": (".docx", ".pdf"),
    "notice": (".docx", ".pdf"),
    "tasks": (".xlsx", ".csv"),
    "calendar": (".ics",),
    "report": (".docx", ".xlsx", ".pdf"),
}
"""The kinds of export and the formats each can be written in."""

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class ExportRequest:
    """What to export, and where to."""

    kind: str
    target: Path
    conference_id: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    as_of: dt.date | None = None


def problems(request: ExportRequest) -> list[str]:
    """Why ``request`` cannot be carried out, one plain sentence each; empty when it can."""
    found: list[str] = []
    suffixes = FORMATS.get(request.kind)
    if suffixes is None:
        return [f"unknown kind of export {request.kind!r}: one of {', '.join(FORMATS)}"]
    suffix = request.target.suffix.lower()
    if suffix not in suffixes:
        found.append(f"{request.target.name}: {request.kind} is written as {' or '.join(suffixes)}")
    if request.kind in ("minutes", "notice") and request.conference_id is None:
        found.append(f"{request.kind} needs --conference ID")
    if request.kind == "report":
        if request.start is None or request.end is None:
            found.append("report needs --from DATE and --to DATE")
        elif request.start > request.end:
            found.append("--from: after --to")
    try:
        if request.target.is_dir():
            found.append(f"{request.target}: is a folder")
        elif not request.target.absolute().parent.is_dir():
            found.append(f"{request.target.absolute().parent}: no such folder")
        else:  # before any work: a device or a pipe is refused (and refused again at writing)
            writable_target(request.target)
    except OSError as exc:  # a name too long for the file system, above all
        found.append(f"{request.target}: cannot be written ({exc.strerror or exc})")
    return found


def paper_of(db: Database, request: ExportRequest) -> object:
    """The document (a ``core.paperwork.Paper``) that ``request`` asks for."""
    from minutes_app.core.paperwork import papers as paperwork
    from minutes_app.core.paperwork.office import load_office

    office = load_office(db)
    if request.kind == "minutes":
        assert request.conference_id is not None
        return paperwork.minutes_paper(db, request.conference_id, office)
    if request.kind == "notice":
        assert request.conference_id is not None
        return paperwork.notice_paper(db, request.conference_id, office)
    if request.kind == "report":
        assert request.start is not None and request.end is not None
        return paperwork.report_paper(db, request.start, request.end, request.as_of, office)
    raise ValueError(f"{request.kind} is not a document")


def run_export(db: Database, request: ExportRequest, progress: Progress | None = None) -> None:
    """Write the export; the target is replaced only as a whole.

    Raises ``ValueError`` for a request with problems, ``LookupError`` for a conference that
    does not exist, ``OSError`` when the file cannot be written and
    ``core.export_common.ExportCancelled`` when ``progress`` answers False.
    """
    found = problems(request)
    if found:
        raise ValueError("\n".join(found))
    suffix = request.target.suffix.lower()
    kind, target = request.kind, request.target
    if kind == "tasks":
        from minutes_app.core.exports.tables import export_tasks

        export_tasks(
            db, target, as_of=request.as_of, conference_id=request.conference_id, progress=progress
        )
    elif kind == "calendar":
        from minutes_app.core.exports.calendar import export_calendar

        export_calendar(
            db, target, as_of=request.as_of, conference_id=request.conference_id, progress=progress
        )
    elif kind == "report" and suffix == ".xlsx":
        from minutes_app.core.exports.tables import export_report_xlsx

        assert request.start is not None and request.end is not None
        export_report_xlsx(db, target, request.start, request.end, request.as_of, progress=progress)
    else:
        from minutes_app.core.paperwork.papers import Paper
        from minutes_app.render.paper import ensure_gui_application, export_paper

        paper = paper_of(db, request)
        assert isinstance(paper, Paper)
        ensure_gui_application()  # fonts and page layout, for .pdf and the .docx chart
        export_paper(paper, target)
