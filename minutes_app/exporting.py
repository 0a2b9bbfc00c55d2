"""One way to every export, for the command line and the window alike.

Tables and calendars are written by Qt-free code in ``core.exports``; documents (minutes,
notice, report) are laid out as ``core.paperwork`` papers and written as .docx by
``formats.docx`` or as .pdf by ``render.paper``. Only what needs Qt loads it: a PDF, and
the chart of the report's .docx (drawn by ``render.charts``), each with a QGuiApplication
(made offscreen when there is no screen); the minutes and the notice as .docx never load
Qt. Which writer runs follows the kind and the suffix of the target, as the contract says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from minutes_app.base.files import writable_target
from minutes_app.base.progress import Progress
from minutes_app.db.engine import Database

if TYPE_CHECKING:
    from minutes_app.formats.document import Paper

FORMATS: dict[str, tuple[str, ...]] = {
    "minutes": (".docx", ".pdf"),
    "notice": (".docx", ".pdf"),
    "tasks": (".xlsx", ".csv"),
    "calendar": (".ics",),
    "report": (".docx", ".xlsx", ".pdf"),
}
"""The kinds of export and the formats each can be written in."""


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


def paper_of(db: Database, request: ExportRequest) -> Paper:
    """The document that ``request`` asks for."""
    from minutes_app.core.paperwork.office import load_office

    office = load_office(db)
    if request.kind == "minutes":
        from minutes_app.core.paperwork.minutes import minutes_paper

        assert request.conference_id is not None
        return minutes_paper(db, request.conference_id, office)
    if request.kind == "notice":
        from minutes_app.core.paperwork.notice import notice_paper

        assert request.conference_id is not None
        return notice_paper(db, request.conference_id, office)
    if request.kind == "report":
        from minutes_app.core.paperwork.report import report_paper

        assert request.start is not None and request.end is not None
        return report_paper(db, request.start, request.end, request.as_of, office)
    raise ValueError(f"{request.kind} is not a document")


def run_export(db: Database, request: ExportRequest, progress: Progress | None = None) -> str:
    """Write the export; the target is replaced only as a whole. Returns the letters of a
    PDF that no installed serif draws ("" when each is drawn, and for other files).

    Raises ``ValueError`` for a request with problems, ``LookupError`` for a conference that
    does not exist, ``OSError`` when the file cannot be written and
    ``base.progress.ExportCancelled`` when ``progress`` answers False.
    """
    found = problems(request)
    if found:
        raise ValueError("\n".join(found))
    suffix = request.target.suffix.lower()
    kind, target = request.kind, request.target
    if kind == "tasks":
        from minutes_app.core.exports.task_list import export_tasks

        export_tasks(
            db, target, as_of=request.as_of, conference_id=request.conference_id, progress=progress
        )
    elif kind == "calendar":
        from minutes_app.core.exports.calendar import export_calendar

        export_calendar(
            db, target, as_of=request.as_of, conference_id=request.conference_id, progress=progress
        )
    elif kind == "report" and suffix == ".xlsx":
        from minutes_app.core.exports.report_sheet import export_report_xlsx

        assert request.start is not None and request.end is not None
        export_report_xlsx(db, target, request.start, request.end, request.as_of, progress=progress)
    else:
        return write_paper(paper_of(db, request), target)
    return ""


def write_paper(paper: Paper, path: Path | str) -> str:
    """Write ``paper`` as .docx or .pdf, by the suffix of ``path``, replacing a file only as
    a whole: the one way the command line and the window write a document. Qt is loaded
    only for a PDF and for a .docx with a chart to draw. Raises ``ValueError`` for another
    suffix and ``OSError`` when writing fails.

    Returns the letters of a PDF that no installed serif draws, to warn of ("" when each is
    drawn); a .docx names Times New Roman and is drawn by the reader's fonts."""
    from minutes_app.formats.document import Chart

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".docx" and not any(isinstance(block, Chart) for block in paper.body):
        from minutes_app.formats.docx import write_docx

        write_docx(paper, target)
    elif suffix == ".docx":
        from minutes_app.formats.docx import write_docx
        from minutes_app.render.charts import chart_png
        from minutes_app.render.gui import ensure_gui_application

        ensure_gui_application()  # fonts, for the chart
        write_docx(paper, target, chart_png)
    elif suffix == ".pdf":
        from minutes_app.render.gui import ensure_gui_application, paper_family
        from minutes_app.render.paper import write_pdf

        ensure_gui_application()  # fonts and page layout
        write_pdf(paper, target)
        return paper_family(paper.text()).missing
    else:
        raise ValueError(f"{target.name}: a document is written as .docx or .pdf")
    return ""
