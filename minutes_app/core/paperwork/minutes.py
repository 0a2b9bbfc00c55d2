"""The biên bản (minutes) of one conference, as a paper, in the form of HD 16-HD/VPTW: when
it began and ended, where, who chaired it and who presided at this province's bridge
point, who recorded it, who attended at each bridge point and who was absent and why; the
documents studied, the discussion and the chair's conclusions; signed side by side by the
recorder and by whoever chaired the meeting these minutes record."""

from __future__ import annotations

from minutes_app.base.days import vn_date
from minutes_app.base.text import fold
from minutes_app.core.conferences.forms import AppearanceForm, BridgePointForm, ConferenceForm
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.paperwork.bounds import bounded, printable
from minutes_app.core.paperwork.office import Office, minutes_signatures
from minutes_app.core.paperwork.wording import (
    BLANK,
    END,
    MODES,
    SESSIONS,
    bridge_point_line,
    comrade,
    day_words,
    full_stop,
    heading,
    issue_of,
    issued_paper,
    section,
    sentence,
)
from minutes_app.db.engine import Database
from minutes_app.formats.document import (
    Block,
    NumberedItem,
    Paper,
    Paragraph,
    Run,
    SignatureBlocks,
    Table,
    Title,
)


def minutes_paper(
    db: Database, conference_id: int, office: Office, number: str | None = None
) -> Paper:
    """The biên bản of one conference, numbered and dated as the minutes registered for it
    (``number`` says otherwise); minutes not yet registered leave their number and day of
    issue blank, to be filled in by hand.

    Raises ``LookupError`` when there is no such conference.
    """
    c = printable(load_conference(db, conference_id))
    office = printable(office)
    registered = issued_paper(c, "minutes")
    number = number or (registered.number if registered else None)
    body: list[Block] = []
    body.append(section(1, "Thời gian, địa điểm, thành phần"))
    body.append(_labelled("Thời gian:", full_stop(_time_words(c))))
    body.append(_labelled("Hình thức:", full_stop(MODES.get(c.mode, c.mode))))
    if c.organizer:
        body.append(_labelled("Đơn vị tổ chức:", full_stop(c.organizer)))
    if c.mode == "in_person":
        body.append(_labelled("Địa điểm:", full_stop(c.host_point or BLANK)))
    else:
        points = "; ".join(p.name for p in c.bridge_points)
        where = f"điểm cầu chính tại {c.host_point or BLANK}"
        if points:
            where += f"; kết nối với {len(c.bridge_points)} điểm cầu: {points}"
        body.append(_labelled("Địa điểm:", full_stop(sentence(where))))
    chairs = "; ".join(comrade(a) for a in c.chairs)
    body.append(_labelled("Chủ trì:", full_stop(sentence(chairs) if chairs else BLANK)))
    home = home_point(c, office)
    if home is not None and home.presiding:
        presiding = "; ".join(comrade(a) for a in home.presiding)
        label = f"Chủ trì tại {_lower_first(bridge_point_line(home.name))}:"
        body.append(_labelled(label, full_stop(sentence(presiding))))
    secretary = comrade(c.secretary) or (f"đồng chí {office.secretary}" if office.secretary else "")
    body.append(
        _labelled(
            "Thư ký (người ghi biên bản):",
            full_stop(sentence(secretary) if secretary else BLANK),
        )
    )
    if c.bridge_points:
        body.append(
            Paragraph((Run("Thành phần dự tại các điểm cầu:", bold=True),), keep_with_next=True)
        )
        for point in c.bridge_points:
            words = []
            if point.presiding:
                names = "; ".join(comrade(a) for a in point.presiding)
                words.append(f"{names} chủ trì")
            if point.attendees:
                words.append("cùng dự có " + "; ".join(comrade(a) for a in point.attendees))
            if point.attendee_count is not None:
                words.append(f"tổng số {point.attendee_count} đại biểu")
            text = f"- {bridge_point_line(point.name)}"
            if words:
                text += ": " + "; ".join(words)
            body.append(Paragraph((Run(full_stop(text)),)))
        counts = [p.attendee_count for p in c.bridge_points]
        if counts and None not in counts:
            total = sum(n for n in counts if n is not None)
            body.append(_labelled("Tổng số đại biểu có mặt:", f"{total} đồng chí."))
    body += _absent_lines(c)

    body.append(section(2, "Nội dung hội nghị"))
    part = 0
    if c.documents:
        part += 1
        body.append(_subsection(part, "Các văn bản được nghiên cứu, quán triệt"))
        body.append(
            Paragraph((Run(f"Hội nghị đã nghiên cứu, quán triệt {len(c.documents)} văn bản sau:"),))
        )
        body.append(
            Table(
                header=(
                    "TT",
                    "Loại văn bản",
                    "Số, ký hiệu",
                    "Ngày ban hành",
                    "Cơ quan ban hành",
                    "Trích yếu nội dung",
                ),
                rows=tuple(
                    (
                        str(i),
                        s.document.kind,
                        s.document.symbol or s.document.number,
                        vn_date(s.document.issued_on),
                        s.document.issuer or "",
                        sentence(s.document.subject or ""),
                    )
                    for i, s in enumerate(c.documents, 1)
                ),
                widths=(10, 22, 28, 25, 27, 53),
                align=("center", "left", "left", "center", "left", "left"),
            )
        )
        for studied in c.documents:
            if studied.presenter is not None:
                doc = studied.document
                who = sentence(comrade(studied.presenter))
                body.append(
                    Paragraph((Run(f"{who} trình bày {doc.kind} {doc.symbol or doc.number}."),))
                )
    part += 1
    body.append(_subsection(part, "Ý kiến thảo luận"))
    discussion = [line.strip() for line in (c.discussion or "").splitlines() if line.strip()]
    for line in discussion or ["Không ghi nhận ý kiến thảo luận."]:
        body.append(Paragraph((Run(full_stop(line)),)))
    part += 1
    body.append(_subsection(part, "Kết luận, chỉ đạo của đồng chí chủ trì"))
    body += _instruction_items(c)
    if not c.instructions:
        body.append(Paragraph((Run("Không ghi nhận kết luận, chỉ đạo."),)))

    hour, minute = c.end_time.split(":") if c.end_time else (BLANK, BLANK)
    end = f"Hội nghị kết thúc vào hồi {hour} giờ {minute} phút cùng ngày{END}"
    body.append(Paragraph((Run(end),)))

    chair = minutes_chair(c, office)
    secretary_name = c.secretary.person.name if c.secretary else office.secretary
    return Paper(
        kind="minutes",
        heading=heading(office, "BB", number, registered.issued_on if registered else None),
        title=Title("BIÊN BẢN", (sentence(c.title),)),
        body=bounded(body),
        signatures=SignatureBlocks(
            minutes_signatures(office, chair.person.name if chair else "", secretary_name)
        ),
        name=f"Biên bản {c.title}",
        issue=issue_of(registered),
    )


def home_point(c: ConferenceForm, office: Office) -> BridgePointForm | None:
    """This province's bridge point, where the office's clerk recorded the minutes: the one
    whose name or host unit names the office's place ("Điểm cầu tỉnh Bắc Kạn" for Bắc
    Kạn), else the only one there is; None when it cannot be told."""
    place = fold(office.place)
    if place:
        for point in c.bridge_points:
            if place in fold(point.name) or place in fold(point.unit or ""):
                return point
    return c.bridge_points[0] if len(c.bridge_points) == 1 else None


def minutes_chair(c: ConferenceForm, office: Office) -> AppearanceForm | None:
    """Who signs the minutes as chair (HD 16): whoever presided over the meeting they
    record. Of an online conference recorded at this province's bridge point, that is
    who presided there; otherwise the chair of the conference."""
    home = home_point(c, office) if c.mode != "in_person" else None
    if home is not None and home.presiding:
        return home.presiding[0]
    return c.chairs[0] if c.chairs else None


def _absent_lines(c: ConferenceForm) -> list[Block]:
    """ "Vắng mặt:" and who, each with the reason given (HD 16)."""
    if not c.absent:
        return [_labelled("Vắng mặt:", "không.")]
    blocks: list[Block] = [
        Paragraph((Run(f"Vắng mặt ({len(c.absent)} đồng chí):", bold=True),), keep_with_next=True)
    ]
    for absence in c.absent:
        who = comrade(AppearanceForm(absence.person, absence.title))
        reason = (absence.reason or "").rstrip(" .;")
        why = f"lý do: {_lower_first(reason)}" if reason else "không rõ lý do"
        blocks.append(Paragraph((Run(f"- {sentence(who)} ({why})."),)))
    return blocks


def _lower_first(text: str) -> str:
    """ "Điểm cầu tỉnh…" as it follows another word; acronyms (two capitals) stay."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _person_key(appearance: AppearanceForm) -> object:
    person = appearance.person
    return person.id if person.id is not None else fold(person.name)


def _instruction_items(c: ConferenceForm) -> list[Block]:
    """The closing instructions, grouped under whoever gave them: an instruction without a
    speaker was given by the chair. Whoever the minutes named already (the chairs, under
    "Chủ trì:") is named again without their posts; anyone else with them, once."""
    blocks: list[Block] = []
    introduced = {_person_key(chair) for chair in c.chairs}
    speaker: object = object()  # no one yet
    for i, instruction in enumerate(c.instructions):
        given_by = instruction.speaker or (c.chairs[0] if c.chairs else None)
        key = _person_key(given_by) if given_by else None
        if key != speaker:
            speaker = key
            if given_by is None:
                who = "Đồng chí chủ trì"
            elif key in introduced:
                who = f"Đồng chí {given_by.person.name}"
            else:
                who = sentence(comrade(given_by))
                introduced.add(key)
            blocks.append(Paragraph((Run(f"{who} kết luận, chỉ đạo:"),), keep_with_next=True))
        blocks.append(
            NumberedItem(f"{chr(ord('a') + i % 26)})", (Run(full_stop(instruction.text)),))
        )
    return blocks


# --- notice -----------------------------------------------------------------------------------


def _labelled(label: str, text: str, indent: bool = True) -> Paragraph:
    return Paragraph((Run(label, bold=True), Run(" " + text)), indent=indent)


def _subsection(number: int, text: str) -> Paragraph:
    return Paragraph((Run(f"{number}. {text}", bold=True),), keep_with_next=True)


def _time_words(conference: ConferenceForm) -> str:
    """ "Vào hồi 08 giờ 00 phút, sáng ngày 17 tháng 02 năm 2023" (HD 16): the hour left
    blank to fill in by hand when the start was not recorded."""
    start = conference.start_time
    hour, minute = start.split(":") if start else (BLANK, BLANK)
    parts = [f"Vào hồi {hour} giờ {minute} phút,"]
    if conference.session:
        parts.append(SESSIONS[conference.session])
    parts.append(day_words(conference.date) if conference.date else f"ngày {BLANK}")
    return " ".join(parts)
