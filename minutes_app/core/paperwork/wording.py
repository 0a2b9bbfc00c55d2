"""The words every paper shares: the Party's name, the heading with its number and date
lines, section titles, and the phrasing of people, places and sentences (HD 36).

Every Vietnamese word of the papers is written in ``core.paperwork``; the writers
(``formats.docx``, ``render.paper``) only lay them out.
"""

from __future__ import annotations

import datetime as dt

from minutes_app.core.conferences.forms import AppearanceForm, ConferenceForm, PaperForm
from minutes_app.core.paperwork.office import Office
from minutes_app.formats.document import Heading, Issue, Paragraph, Run

PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
BLANK = "…"  # printed where the record holds nothing, for the clerk to fill in by hand
# Room to write a number or a day by hand, where a paper is not registered yet: no-break
# spaces, which the .docx and the PDF keep as they are (HTML would fold plain ones).
NUMBER_BLANK = "\u00a0" * 8
DAY_BLANK = "\u00a0" * 5
END = "./."  # closes the last sentence of a Party document

MODES = {
    "online": "trực tuyến",
    "in_person": "trực tiếp",
    "hybrid": "trực tiếp kết hợp trực tuyến",
}
SESSIONS = {"morning": "sáng", "afternoon": "chiều", "evening": "tối"}
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def day_words(day: dt.date) -> str:
    """ "ngày 05 tháng 02 năm 2023": HD 36 writes a day below 10 and January and February
    with a leading zero, other months without."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_date(office: Office, day: dt.date | None) -> str:
    """ "Bắc Kạn, ngày 17 tháng 02 năm 2023"; a day not known yet is left blank to fill in
    by hand ("ngày      tháng      năm 20.."), the place as dots when it is not set."""
    place = office.place or BLANK
    when = day_words(day) if day else f"ngày {DAY_BLANK} tháng {DAY_BLANK} năm 20.."
    return f"{place}, {when}"


def number_line(office: Office, kind_code: str, number: str | None) -> str:
    """ "Số 12-BB/BTCTU". ``number`` is the registered number, whole ("12-BB/BTCTU") or
    its figures alone ("12"); until the paper is registered the figures are left blank."""
    if number and "/" in number:
        return f"Số {number}"
    return f"Số {number or NUMBER_BLANK}-{kind_code}/{office.symbol or BLANK}"


def issued_paper(conference: ConferenceForm, kind: str) -> PaperForm | None:
    """The paper of ``kind`` registered for ``conference`` (the first, if several)."""
    return next((p for p in conference.papers if p.kind == kind), None)


def issue_of(paper: PaperForm | None) -> Issue | None:
    """The registration a writer and the signature blocks see, from the recorded paper."""
    if paper is None or paper.issued_on is None:
        return None
    signer = paper.signer
    return Issue(
        number=paper.number,
        issued_on=paper.issued_on,
        signer_name=signer.person.name if signer else "",
        signer_title=(signer.title or "") if signer else "",
        authority=paper.authority or "",
    )


def heading(office: Office, kind_code: str, number: str | None, day: dt.date | None) -> Heading:
    left: list[Run] = []
    if office.superior_body:
        left.append(Run(office.superior_body.upper()))
    left.append(Run((office.office_name or BLANK).upper(), bold=True))
    left.append(Run("*"))
    return Heading(
        left=tuple(left),
        right=(Run(PARTY, bold=True, underline=True),),
        number=number_line(office, kind_code, number),
        place_date=place_date(office, day),
    )


def sentence(text: str) -> str:
    """``text`` with a capital first letter."""
    return text[:1].upper() + text[1:]


def full_stop(text: str) -> str:
    """``text`` ending with a full stop (or the mark it already ends with)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", ":", ";", "…")) else text + "."


def comrade(appearance: AppearanceForm | None) -> str:
    """ "đồng chí Trương Thị Mai, Trưởng ban Tổ chức Trung ương"."""
    if appearance is None:
        return ""
    who = f"đồng chí {appearance.person.name}"
    return f"{who}, {appearance.title}" if appearance.title else who


def section(number: int, text: str) -> Paragraph:
    return Paragraph(
        (Run(f"{_ROMAN[number - 1]}. {text.upper()}", bold=True),), keep_with_next=True
    )


def bridge_point_line(point_name: str) -> str:
    return point_name if point_name.casefold().startswith("điểm cầu") else f"Điểm cầu {point_name}"
