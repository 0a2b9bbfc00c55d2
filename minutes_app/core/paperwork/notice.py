"""The thông báo kết luận (notice of conclusions) of one conference, as a paper: how the
conference was held, then each closing instruction with the tasks that carry it out (lead
unit, supporting units, deadline), sent to every unit named."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from minutes_app.base.days import vn_date
from minutes_app.base.limits import MAX_TITLE
from minutes_app.base.text import shortened
from minutes_app.core.conferences.forms import ConferenceForm
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.paperwork.bounds import PRINTED_LINE, bounded, printable, printed_line
from minutes_app.core.paperwork.office import Office, signature
from minutes_app.core.paperwork.wording import (
    END,
    MODES,
    SESSIONS,
    bridge_point_line,
    comrade,
    full_stop,
    heading,
    issue_of,
    issued_paper,
    sentence,
)
from minutes_app.core.tasks.query import support_units_of
from minutes_app.db.engine import Database
from minutes_app.db.models import Task, Unit
from minutes_app.formats.document import (
    Block,
    NumberedItem,
    Paper,
    Paragraph,
    Recipients,
    Run,
    SignatureBlocks,
    Title,
)


@dataclass(frozen=True)
class _NoticeTask:
    title: str
    lead_unit: str
    support_units: tuple[str, ...]
    deadline: dt.date | None


def _tasks_by_instruction(db: Database, instruction_ids: list[int]) -> dict[int, list[_NoticeTask]]:
    """The tasks that still stand (not cancelled) under each instruction, in creation order."""
    with db.reading() as session:
        rows = session.execute(
            # Read no more of a text than is printed: a title may hold megabytes.
            select(
                Task.id,
                Task.instruction_id,
                func.substr(Task.title, 1, MAX_TITLE + 1),
                func.substr(Unit.name, 1, PRINTED_LINE + 1),
                Task.deadline,
            )
            .join(Unit, Task.lead_unit_id == Unit.id)
            .where(Task.instruction_id.in_(instruction_ids), Task.status != "cancelled")
            .order_by(Task.id)
        ).all()
    supports = support_units_of(db, [r[0] for r in rows])
    found: dict[int, list[_NoticeTask]] = {}
    for task_id, instruction_id, title, lead_unit, deadline in rows:
        found.setdefault(instruction_id, []).append(
            _NoticeTask(
                shortened(title, MAX_TITLE),
                printed_line(lead_unit),
                tuple(printed_line(u) for u in supports.get(task_id, ())),
                deadline,
            )
        )
    return found


def _lower_first(text: str) -> str:
    """ "Hội nghị…" becomes "hội nghị…" inside a sentence; acronyms (two capitals) stay."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _short_day(conference: ConferenceForm) -> str:
    """ "Sáng ngày 17/02/2023" as a notice opens."""
    session = SESSIONS.get(conference.session or "", "")
    day = f"ngày {vn_date(conference.date)}" if conference.date else ""
    return sentence(" ".join(p for p in (session, day) if p))


def _conference_words(title: str) -> str:
    """The conference's title as it follows "tại": always naming a "Hội nghị"."""
    return title if title.casefold().startswith("hội nghị") else f"Hội nghị {_lower_first(title)}"


def notice_paper(
    db: Database,
    conference_id: int,
    office: Office,
    number: str | None = None,
    issued_on: dt.date | None = None,
) -> Paper:
    """The thông báo kết luận of one conference: its instructions, each with its tasks
    (lead unit, supporting units, deadline). Numbered and dated as the notice registered
    for the conference (``number`` and ``issued_on`` say otherwise); a notice not yet
    registered leaves its number and day blank, to be filled in by hand.

    Raises ``LookupError`` when there is no such conference.
    """
    c = printable(load_conference(db, conference_id))
    office = printable(office)
    registered = issued_paper(c, "notice")
    number = number or (registered.number if registered else None)
    issued_on = issued_on or (registered.issued_on if registered else None)
    speakers = [i.speaker for i in c.instructions if i.speaker is not None]
    speaker = speakers[0] if speakers else (c.chairs[0] if c.chairs else None)
    conference = _conference_words(c.title)

    # HD 36: the kind (THÔNG BÁO) in capitals, the subject below it in bold sentence case,
    # every word as typed (names and titles keep their capitals).
    concluded_by = comrade(speaker) if speaker is not None else "đồng chí chủ trì"
    subject = (sentence(f"kết luận của {concluded_by} tại {conference}"),)

    opening = f"{_short_day(c)}, " if c.date else ""
    if c.organizer:
        opening += f"{c.organizer} tổ chức {_lower_first(conference)}"
    else:
        opening += f"{_lower_first(conference) if opening else conference} được tổ chức"
    if c.mode == "in_person":
        opening += f" tại {c.host_point}. " if c.host_point else ". "
    else:
        if MODES["online"] not in conference:
            opening += f" theo hình thức {MODES.get(c.mode, c.mode)}"
        if c.host_point:
            opening += f", điểm cầu chính tại {c.host_point}"
        if c.bridge_points:
            opening += f", kết nối với {len(c.bridge_points)} điểm cầu"
        opening += ". "
    if c.chairs:
        chairs = "; ".join(comrade(a) for a in c.chairs)
        opening += f"{sentence(chairs)} chủ trì Hội nghị. "
    for point in c.bridge_points:
        if point.presiding:
            names = "; ".join(comrade(a) for a in point.presiding)
            opening += f"Tại {bridge_point_line(point.name)} có {names} chủ trì. "
    body: list[Block] = [Paragraph((Run(opening.strip()),))]

    heard = "Sau khi nghe "
    if c.documents:
        symbols = ", ".join(s.document.symbol or s.document.number for s in c.documents)
        heard += f"quán triệt các văn bản {symbols} và "
    heard += "ý kiến của các đại biểu, "
    heard += (comrade(speaker) if speaker else "đồng chí chủ trì") + " kết luận, chỉ đạo như sau:"
    body.append(Paragraph((Run(heard),), keep_with_next=True))

    tasks = _tasks_by_instruction(db, [i.id for i in c.instructions if i.id is not None])
    units: list[str] = []
    for n, instruction in enumerate(c.instructions, 1):
        body.append(NumberedItem(f"{n}.", (Run(full_stop(instruction.text)),)))
        for task in tasks.get(instruction.id or 0, []):
            runs = [Run(f"- {full_stop(task.title)} "), Run("Chủ trì:", italic=True)]
            runs.append(Run(f" {task.lead_unit}; "))
            if task.support_units:
                runs += [Run("phối hợp:", italic=True), Run(f" {', '.join(task.support_units)}; ")]
            deadline = vn_date(task.deadline) if task.deadline else "thường xuyên"
            runs += [Run("thời hạn:", italic=True), Run(f" {deadline}.")]
            body.append(Paragraph(tuple(runs)))
            for unit in (task.lead_unit, *task.support_units):
                if unit not in units:
                    units.append(unit)
    if not c.instructions:
        body.append(Paragraph((Run("Không có nội dung kết luận, chỉ đạo."),)))
    body.append(
        Paragraph(
            (
                Run(
                    "Thông báo để các cấp ủy, tổ chức đảng, cơ quan, đơn vị liên quan biết, "
                    f"thực hiện{END}"
                ),
            )
        )
    )
    recipients = (*(f"- {unit}," for unit in units), "- Lưu Văn phòng.")
    return Paper(
        kind="notice",
        heading=heading(office, "TB", number, issued_on),
        title=Title("THÔNG BÁO", subject),
        body=bounded(body),
        signatures=SignatureBlocks(
            (
                Recipients(recipients),
                signature(office, "notice"),
            )
        ),
        name=f"Thông báo kết luận {c.title}",
        issue=issue_of(registered),
    )


# --- period report ----------------------------------------------------------------------------
