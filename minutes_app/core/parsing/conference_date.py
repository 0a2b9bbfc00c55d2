"""The day and session of the conference an article reports ("Sáng 19/11", "ngày 19
tháng 11 năm 2024"), with the year read from the page or the documents cited when the
text leaves it out."""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import re
from dataclasses import dataclass

from minutes_app.base.text import UPPER
from minutes_app.core.parsing.citations import Citation
from minutes_app.core.parsing.dates import DATE_PATTERN, date_or_none, parse_date
from minutes_app.core.parsing.spans import Span, line_around, sentences

_SESSIONS = {"sang": "morning", "chieu": "afternoon", "toi": "evening", "trua": "afternoon"}
# "19/11", "5-11-2025", "3.6.2025": a day and month, and maybe a year, in figures.
_NUMERIC_DAY = (
    r"(?P<d>\d{1,2})[ \t]?(?P<s>[/\-.])[ \t]?(?P<m>\d{1,2})"
    r"(?:[ \t]?(?P=s)[ \t]?(?P<y>\d{4}))?(?![\d/\-])"
)
_EVENT_DATE = re.compile(
    r"(?<![\w])(?P<session>(?i:sang|chieu|toi|trua))(?:[ \t]+(?i:nay|qua|hom[ \t]nay))?"
    r"(?:[ \t]*,?[ \t]*(?i:thu[ \t]+\w+|chu[ \t]+nhat))?[ \t]*,?[ \t]*\(?[ \t]*(?:(?i:ngay)[ \t]+)?"
    r"(?:" + _NUMERIC_DAY +
    # "Sáng ngày 19 tháng 11 năm 2024": the session before a date in words.
    r"|(?P<d2>\d{1,2})[ \t]+(?i:thang)[ \t]+(?P<m2>\d{1,2})(?!\d)"
    r"(?:[ \t]*,?[ \t]+(?i:nam)[ \t]+(?P<y2>\d{4}))?)"
    r"(?:[ \t]*\))?"
)
_DAY_DATE = re.compile(
    r"(?<![\w])(?P<word>(?i:ngay))[ \t]+"
    + _NUMERIC_DAY
    + r"|(?<![\w])(?i:ngay)[ \t]+(?P<d2>\d{1,2})[ \t]+(?i:thang)[ \t]+(?P<m2>\d{1,2})"
    r"(?:[ \t]*,?[ \t]+(?i:nam)[ \t]+(?P<y2>\d{4}))?"
)
# "Hôm nay (4/12), …", "Hôm qua, 3/12, …": the day named as today's, its date beside it.
_TODAY_DATE = re.compile(
    r"(?<![\w])(?i:hom[ \t]+(?:nay|qua))[ \t]*[(,][ \t]*"
    r"(?:(?i:thu[ \t]+\w+|chu[ \t]+nhat)[ \t]*,?[ \t]*)?"
    r"(?:(?i:ngay)[ \t]+)?" + _NUMERIC_DAY + r"(?:[ \t]*\))?"
)
_FULL_DATE = re.compile(DATE_PATTERN)
_YEARS_OF_IMPLEMENTING = re.compile(
    r"(?i:(?:so|tong)[ \t]+ket)[ \t]+(?P<n>\d{1,2})[ \t]+(?i:nam)[ \t]+"
    r"(?i:thuc[ \t]+hien|trien[ \t]+khai|thi[ \t]+hanh)\b"
)
_PERIOD_YEAR = re.compile(
    r"(?i:quy)[ \t]+[IV]{1,3}[ \t]?[/\-][ \t]?(?P<y>\d{4})"
    r"|(?i:thang)[ \t]+\d{1,2}[ \t]?[/\-][ \t]?(?P<y2>\d{4})"
)


@dataclass(frozen=True)
class _DateFound:
    day: int
    month: int
    year: int | None
    session: str | None
    span: Span
    # "Sáng nay …" (0), "Chiều qua …" (1) with no day written: days before the reading day
    days_ago: int | None = None


class Cited:
    """The stretches of text that cite documents, for 'is this date inside one?' in
    logarithmic time (an article may cite thousands)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def __contains__(self, position: int) -> bool:
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._reach[index]


# A sentence that reports the meeting itself: it is held, opens, is chaired, takes place.
_MEETING = re.compile(
    r"(?i:hoi[ \t]+nghi|to[ \t]+chuc|khai[ \t]+mac|chu[ \t]+tri|dien[ \t]+ra)\b"
    r"|(?i:thoi[ \t]+gian)[ \t]*:"  # a plan's or minutes' "Thời gian:"
)
# ... unless it looks back or ahead to another day: "Trước đó, chiều 9/8, …".
_ANOTHER_DAY = re.compile(r"^[ \t\-–•*]*(?i:truoc[ \t]+(?:do|khi)|sau[ \t]+do|tiep[ \t]+do)\b")
# A date that bounds a task or a period, not the day of a meeting: "trước ngày 31/5".
_DEADLINE = re.compile(r"(?i:truoc|den|toi|tu|han|cham[ \t]+nhat)[ \t]*$")
# After a day: it comes every year ("lấy ngày 10/10 hằng năm làm …"), no meeting's date.
_EVERY_YEAR = re.compile(r"[ \t]+(?i:hang|moi)[ \t]+(?i:nam)\b")


_REACH = 300  # how far from a date the words of its sentence are read
_MOST_DATES_WEIGHED = 200  # an article's own date is among its first dates


def event_date(text: str, shade: str, cited: Cited) -> _DateFound | None:
    """The date that dates the conference: after a session word ("Sáng 19/11") or "ngày",
    outside citations, page headers and deadlines; the earliest in a sentence that reports
    the meeting (it is held, opens, is chaired), else the first at all, session words
    first, else an agency's dateline. A clock time in its sentence ("khai mạc lúc 7 giờ
    30") gives the session it leaves out."""
    bounds = sentences(shade)
    starts = [start for start, _ in bounds]
    fallback: _DateFound | None = None
    meeting: list[_DateFound] = []  # the first of each pattern in a meeting's sentence
    weighed = 0
    for pattern in (_EVENT_DATE, _DAY_DATE, _TODAY_DATE):
        for match in pattern.finditer(shade):
            if match.start() in cited or _on_page_date_line(text, match.start()):
                continue
            found = _date_found(text, match)
            if found is None or _DEADLINE.search(shade, max(0, match.start() - 12), match.start()):
                continue
            if _EVERY_YEAR.match(shade, match.end()):
                continue
            start, end = bounds[max(0, bisect.bisect_right(starts, match.start()) - 1)]
            # its sentence, within a bounded reach of the date
            sentence = shade[max(start, match.start() - _REACH) : min(end, match.end() + _REACH)]
            opening = shade[start : min(end, start + 40)]
            if _MEETING.search(sentence) and not _ANOTHER_DAY.match(opening):
                meeting.append(_with_clock(found, sentence))
                break
            fallback = fallback or _with_clock(found, sentence)
            weighed += 1
            if weighed >= _MOST_DATES_WEIGHED:
                break
    if meeting:
        # "Lúc 20 giờ ngày 27/10/2024, … tổ chức hội nghị …" before a later "Sáng 28/10"
        first = min(meeting, key=lambda found: found.span.start)
        said = _today_said(shade, cited)
        if (
            said is not None
            and said.span.start < first.span.start
            and not _DAY_SOON.search(shade, said.span.end, said.span.end + _DAY_SOON_REACH)
        ):
            # "Chiều hôm qua, … tổ chức hội nghị …" before a later "… khai giảng ngày 5/9"
            # (not "Hôm nay, vào lúc 14 giờ 00, ngày 18 tháng 9 năm 2025")
            return said
        return first
    dateline = _agency_dateline(shade)
    if dateline is None and (fallback is None or fallback.year is None):
        # "Chiều nay, Ban Chỉ huy … tổ chức hội nghị" and no day of it written anywhere
        said = _today_said(shade, cited)
        if said is not None:
            return said
    return fallback or dateline


# A day written soon after "Hôm nay": "Hôm nay, vào lúc 14 giờ 00, ngày 18 tháng 9 năm 2025".
_DAY_SOON = re.compile(r"\d{1,2}[/.-]\d{1,2}|(?i:ngay)[ \t]+\d")
_DAY_SOON_REACH = 120
# "Sáng nay", "Hôm nay", "Chiều qua" in a sentence that reports the meeting, near the top.
_TODAY_SAID = re.compile(
    r"(?<![\w])(?:(?P<session>(?i:sang|chieu|toi|trua))[ \t]+(?:(?i:hom)[ \t]+)?"
    r"(?P<when>(?i:nay|qua))|(?i:hom)[ \t]+(?P<day>(?i:nay|qua)))(?![\w])"
)


def _today_said(shade: str, cited: Cited) -> _DateFound | None:
    for match in _TODAY_SAID.finditer(shade, 0, _SESSION_TODAY_REACH):
        end = shade.find(".", match.end(), match.end() + _REACH)
        sentence = shade[match.start() : end if end >= 0 else match.end() + _REACH]
        if match.start() not in cited and _MEETING.search(sentence):
            session = _SESSIONS.get((match.group("session") or "").lower())
            ago = 1 if (match.group("when") or match.group("day")).lower() == "qua" else 0
            return _DateFound(0, 0, None, session, Span(match.start(), match.end(), "date"), ago)
    return None


# A news agency's dateline opening the story, which then says the day is today: "Pleiku,
# 22/10/2024 (TTXVN) – Chiều nay, …" (a page's dateline alone dates the page, not the
# meeting).
_AGENCY_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][^\n,]{1,30},[ \t]*(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>(?:19|20)\d\d))?"
    r"[ \t]*(?:\([^)\n]{1,20}\))?[ \t]*[-–—][ \t]*(?P<session>(?i:sang|chieu|toi|trua))"
    r"[ \t]+(?i:nay)\b"
)
_DATELINE_REACH = 3000


def _agency_dateline(shade: str) -> _DateFound | None:
    """The day an agency's dateline gives, with the session of its "Chiều nay"."""
    match = _AGENCY_DATELINE.search(shade, 0, _DATELINE_REACH)
    return _date_found(shade, match) if match is not None else None


# "khai mạc lúc 7 giờ 30 phút", "bắt đầu từ 14h00", "19 giờ 30 ngày 29/11": the hour of
# the day ("lúc" or "từ" before it, or "giờ" after it and the day after that; "kéo dài
# 3 giờ" is no time of day).
_CLOCK = re.compile(
    r"(?<![\d/.,])(?:(?i:luc|tu|vao)[ \t]+(?P<h>\d{1,2})[ \t]*(?:(?i:gio)\b|h(?:\d\d)?\b|:\d\d)"
    r"|(?P<h2>\d{1,2})[ \t]*(?:(?i:gio)(?:[ \t]+\d{1,2}(?:[ \t]+(?i:phut))?)?|h\d\d)"
    # ("14 giờ 00, thứ Sáu, ngày 07/11/2025": the weekday between)
    r"(?:[ \t]*,?[ \t]*(?:(?i:thu)[ \t]+[A-Za-z0-9]{1,4}|(?i:chu[ \t]+nhat)))?"
    r"[ \t]*,?[ \t]*(?i:ngay)\b)"
)


def _with_clock(found: _DateFound, sentence: str) -> _DateFound:
    if found.session is not None:
        return found
    clock = _CLOCK.search(sentence)
    if clock is None:
        return found
    session = _session_at(int(clock.group("h") or clock.group("h2")))
    return dataclasses.replace(found, session=session) if session is not None else found


# "Cà Mau, ngày 17 tháng 7 năm 2024 … Sáng nay, Ban Chỉ đạo …": the session of a dated
# report's own day, named without a date; looked for near the top only.
_SESSION_TODAY = re.compile(
    r"(?<![\w])(?P<session>(?i:sang|chieu|toi|trua))[ \t]+(?i:nay|hom[ \t]+nay)(?![\w])"
    # "Hội nghị diễn ra vào buổi chiều"
    r"|(?i:dien[ \t]+ra|to[ \t]+chuc|khai[ \t]+mac|hop)[^.;\n]{0,20}?(?i:vao[ \t]+)?(?i:buoi)[ \t]+"
    r"(?P<part>(?i:sang|chieu|toi|trua))\b"
)
_SESSION_TODAY_REACH = 2000


# "Hội nghị khai mạc lúc 7h30 …": the hour the meeting opened, in a sentence of its own.
_OPENS_AT = re.compile(
    r"(?i:khai[ \t]+mac|bat[ \t]+dau)[ \t]+(?i:(?:vao|tu)[ \t]+)?(?i:luc)[ \t]+(?P<h>\d{1,2})"
    r"[ \t]*(?:(?i:gio)\b|h(?:\d\d)?\b|:\d\d)"
)


def session_today(shade: str, cited: Cited) -> str | None:
    """The session of a "Sáng nay" near the top of the text, for a report dated by its page,
    else of the hour the meeting opened ("khai mạc lúc 7h30")."""
    for match in _SESSION_TODAY.finditer(shade, 0, _SESSION_TODAY_REACH):
        if match.start() not in cited:
            return _SESSIONS.get((match.group("session") or match.group("part")).lower())
    opens = _OPENS_AT.search(shade, 0, _SESSION_TODAY_REACH)
    return _session_at(int(opens.group("h"))) if opens is not None else None


def _session_at(hour: int) -> str | None:
    if hour > 23:
        return None
    return "morning" if hour < 12 else "afternoon" if hour < 18 else "evening"


def _date_found(text: str, match: re.Match[str]) -> _DateFound | None:
    groups = match.groupdict()
    day = int(groups.get("d") or groups.get("d2") or 0)
    month = int(groups.get("m") or groups.get("m2") or 0)
    year_text = groups.get("y") or groups.get("y2")
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    session_word = (groups.get("session") or "").lower()
    session = _SESSIONS.get(session_word)
    year = int(year_text) if year_text else None
    if year is not None and date_or_none(year, month, day) is None:
        return None
    span = Span(match.start(), match.end(), "date")
    return _DateFound(day, month, year, session, span)


def _on_page_date_line(text: str, position: int) -> bool:
    """Header lines ('Thứ hai, 02/10/2023', '04/03/2020 02:42 CH') date the page, not
    the event."""
    line = line_around(text, position).strip()
    if _HEADER_DATE_LINE.search(line) and _PAPER_NUMBER.search(
        text, max(0, position - 160), position
    ):
        return True  # a paper's own date in its header: "Số 215-TB/TU  Hải Phòng, ngày …"
    return len(line) <= 80 and re.search(r"\d{1,2}:\d{2}|^Thứ|^Cập nhật", line) is not None


# A paper's number in its header ("Số: 215-TB/TU"), at the start of a line.
_PAPER_NUMBER = re.compile(r"(?m)^[ \t]*Số[ \t]*:?[ \t]*\d")
# A paper's header date, alone on its line or in the right-hand column of its number's.
_HEADER_DATE_LINE = re.compile(
    r"(?:^|\t)[ \t]*[" + UPPER + r"][^\n\t,]{1,40},[ \t]*ngày[ \t]+\d{1,2}[ \t]+tháng[ \t]+"
    r"\d{1,2}[ \t]+năm[ \t]+\d{4}[ \t]*$"
)


def _page_date(text: str, shade: str, cited: Cited) -> datetime.date | None:
    for match in _FULL_DATE.finditer(shade):
        if match.start() in cited:
            continue
        line = line_around(text, match.start()).strip()
        if len(line) > 100 or re.search(r"(?i)\b(?:sáng|chiều|tối)\b", line):
            continue
        date = parse_date(match)
        if date is not None:
            return date
    return None


def _year_before(page: datetime.date, month: int, day: int) -> int | None:
    """Latest year in which (day, month) falls on or before ``page``."""
    for year in range(page.year, page.year - 8, -1):
        candidate = date_or_none(year, month, day)
        if candidate is not None and candidate <= page:
            return year
    return None


def _year_after(issued: datetime.date, month: int, day: int) -> int | None:
    """Earliest year in which (day, month) falls on or after ``issued``."""
    for year in range(issued.year, issued.year + 8):
        candidate = date_or_none(year, month, day)
        if candidate is not None and candidate >= issued:
            return year
    return None


def infer_year(
    text: str,
    shade: str,
    found: _DateFound,
    cited: Cited,
    documents: list[Citation],
    today: datetime.date | None = None,
) -> int | None:
    """The year of a conference date written without one: from the page's date, a
    period named in the text, the day the text is read (``today``: the latest such day on
    or before it — a clerk pastes this week's article), or else the documents cited."""
    page = _page_date(text, shade, cited)
    if page is not None:
        return _year_before(page, found.month, found.day)
    period = _PERIOD_YEAR.search(shade)
    if period is not None:
        year = int(period.group("y") or period.group("y2"))
        day = date_or_none(year, found.month, found.day)
        # a period still to come ("xong trong quý I/2025") dates no day already reported
        if today is None or (day is not None and day <= today):
            return year
    if today is not None:
        return _year_before(today, found.month, found.day)
    # "tổng kết 10 năm thực hiện Nghị quyết số 05-NQ/HU ngày 18/3/2015": ten years on.
    review = _YEARS_OF_IMPLEMENTING.search(shade)
    if review is not None:
        after = [
            doc for doc in documents if doc.issued_on is not None and doc.start >= review.end()
        ]
        if after:
            first = min(after, key=lambda doc: doc.start)
            assert first.issued_on is not None
            return first.issued_on.year + int(review.group("n"))
    issued = [doc.issued_on for doc in documents if doc.issued_on is not None]
    if issued:
        return _year_after(max(issued), found.month, found.day)
    return None
