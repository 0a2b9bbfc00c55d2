"""A conference draft read from a whole news article or notice about an online conference.

The reader proposes, the clerk decides: every field is a best guess with the place it
came from (:class:`Span`), so the window can highlight it and the clerk can correct it.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass

from minutes_app.base.text import nfc
from minutes_app.core.parsing.citations import (
    DATE_PATTERN,
    Citation,
    documents_of,
    find_mentions,
    organisation_end,
    shadow,
)
from minutes_app.core.parsing.citations import parse_date as _parse_full_date

__all__ = [
    "BridgePointDraft",
    "ConferenceDraft",
    "PersonMention",
    "Span",
    "draft_from_text",
    "draft_to_json",
]


@dataclass(frozen=True)
class PersonMention:
    """A person as named in the text, with the title given there."""

    name: str
    title: str | None


@dataclass(frozen=True)
class BridgePointDraft:
    """An điểm cầu and who led the delegation there."""

    name: str
    presiding: tuple[PersonMention, ...]


@dataclass(frozen=True)
class Span:
    """Where in the (NFC) input a field of the draft was read."""

    start: int
    end: int
    what: str


@dataclass(frozen=True)
class ConferenceDraft:
    """What the text says about one conference; ``None`` where it says nothing."""

    title: str | None
    date: datetime.date | None
    date_text: str | None
    year_inferred: bool
    session: str | None
    organizer: str | None
    host_point: str | None
    chairs: tuple[PersonMention, ...]
    bridge_points: tuple[BridgePointDraft, ...]
    documents: tuple[Citation, ...]
    instructions: tuple[str, ...]
    spans: tuple[Span, ...]


# --------------------------------------------------------------------------- people

# How far from its anchor word a name, title or clause is looked for: long enough for
# "đồng chí X, Ủy viên …, Bí thư …, Trưởng đoàn …", short enough to keep scans linear.
_WINDOW = 400

_UPPER = "A-ZÀ-ÝĂĐĨŨƠƯẠ-Ỹ"
_LOWER = "a-zà-ýăđĩũơưạ-ỹ"
_SYLLABLE = rf"[{_UPPER}][{_LOWER}]*"
# Vietnamese names: two to five capitalised syllables ("Trương Thị Mai").
_NAME = rf"{_SYLLABLE}(?:[ \t]{{1,2}}{_SYLLABLE}){{1,4}}"
_SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly mai truong "
    "dinh lam ha dao cao luu to luong trieu doan vi lo hua chu ta quach thai kieu giang "
    "nong luc hau tong chau phung vuong mac khong la than be ma sam au ninh lai diep "
    "nghiem kim dam trinh dong tang khuc lau sung giang tu mong doan ton cu lu thach "
    "y ksor h rah nie mlo bdap tieu van an bach khuat ung lanh vuu quan hoa phi chuc".split()
)
_HONORIFIC = re.compile(r"^(?:[Đđ]ồng[ \t]+chí|[Đđ]/[Cc]|Ông|Bà|ông|bà)[ \t]+")
_PERSON_NAME_FIRST = re.compile(
    rf"(?:(?:[Đđ]ồng[ \t]+chí|[Đđ]/[Cc]|Ông|Bà)[ \t]+)(?P<name>{_NAME})[ \t]*(?:(?:,|[-–])[ \t]*(?P<title>[^;.]*))?"
)
_NAME_AT_END = re.compile(rf"(?P<name>{_NAME})[ \t]*$")
# Lists of the form "các đồng chí: Nguyễn Đình Trung - Bí thư Tỉnh ủy; …".
# The dash is found first and the name read back from it: trying a name at every
# capital letter costs too much on long texts.
_DASH_THEN_TITLE = re.compile(rf"[ \t]+[-–][ \t]+(?P<title>[{_UPPER}][^;.]*)")


def _is_surname(word: str) -> bool:
    return shadow(word).lower() in _SURNAMES


def _trim_to_surname(name: str) -> str | None:
    """The person's name inside a run of capitalised words ("Tỉnh ủy Nguyễn Văn Dũng")."""
    words = name.split()
    for index, word in enumerate(words):
        if _is_surname(word) and 2 <= len(words) - index <= 5:
            return " ".join(words[index:])
    return None


def _clean_title(title: str | None) -> str | None:
    if title is None:
        return None
    title = re.sub(r"\s+", " ", title).strip(" \t,:;–-")
    return title or None


# Words that start a title, never a name: "đồng chí Phó Bí thư …" is not named "Phó Bí".
_TITLE_WORDS = frozenset(
    "phó bí chủ trưởng ủy uỷ giám thứ bộ tổng đại ban tỉnh huyện thành viện cục vụ "
    "thường chánh".split()
)
# "Các đồng chí Phó Bí thư Tỉnh ủy: Nguyễn Đăng Bình, Phạm Duy Hưng": one title, many names.
# The colon is found first, then the title read back from it (a bounded look back).
_SHARED_NAMES = re.compile(
    rf":[ \t]*(?P<names>{_NAME}(?:[ \t]*(?:,|và)[ \t]*{_NAME})+)[ \t]*(?:$|[{_LOWER}])"
)
_LEADING_COMRADES = re.compile(r"^(?:[Cc]ác[ \t]+)?(?:[Đđ]ồng[ \t]+chí)?[ \t]*")


def _people_sharing_a_title(piece: str) -> list[PersonMention]:
    match = _SHARED_NAMES.search(piece)
    if match is None:
        return []
    before = piece[max(0, match.start() - 120) : match.start()]
    before = re.split(r"[;.:]", before)[-1].strip()
    title = _clean_title(_LEADING_COMRADES.sub("", before))
    if title is not None and not title[:1].isupper():
        title = None
    people: list[PersonMention] = []
    for raw in re.split(r"[ \t]*(?:,|\bvà\b)[ \t]*", match.group("names")):
        name = _trim_to_surname(raw.strip())
        if name is None or name != raw.strip():
            return []
        people.append(PersonMention(name, title))
    return people


def _person_name_first(piece: str) -> PersonMention | None:
    """'đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, …' (title after the name)."""
    match = _PERSON_NAME_FIRST.search(piece)
    if match is None or match.group("name").split()[0].lower() in _TITLE_WORDS:
        return None
    return PersonMention(match.group("name"), _clean_title(match.group("title")))


def _person_title_first(piece: str) -> PersonMention | None:
    """'Phó Bí thư Thường trực Tỉnh ủy, Phạm Minh Tấn' (title before the name)."""
    piece = piece.rstrip(" \t,")
    # A name is at most five short syllables: look only at the tail, so that a long
    # run of capitalised words costs no more than a short one.
    tail_start = max(0, len(piece) - 60)
    match = _NAME_AT_END.search(piece, tail_start)
    if match is None:
        return None
    name = _trim_to_surname(match.group("name"))
    if name is None:
        return None
    before = piece[: match.end() - len(name)]
    title = _clean_title(_HONORIFIC.sub("", before.strip()))
    if title and not title[:1].isupper():
        title = None
    return PersonMention(name, title)


def _person_dash(piece: str) -> PersonMention | None:
    """'Nguyễn Đình Trung - Bí thư Tỉnh ủy' (name, dash, title)."""
    for dash in _DASH_THEN_TITLE.finditer(piece):
        match = _NAME_AT_END.search(piece, max(0, dash.start() - 60), dash.start())
        name = _trim_to_surname(match.group("name")) if match else None
        if name is not None:
            return PersonMention(name, _clean_title(dash.group("title")))
    return None


_NAME_THEN_COMMA = re.compile(rf"^[ \t]*(?P<name>{_NAME})[ \t]*,[ \t]*(?P<title>[^;.]*)")


def _person_name_comma(piece: str) -> PersonMention | None:
    """'Lê Thanh Sơn, Thứ trưởng Bộ Nội vụ' in a list after 'các đồng chí:' (no honorific)."""
    match = _NAME_THEN_COMMA.match(piece)
    if match is None or _trim_to_surname(match.group("name")) != match.group("name"):
        return None
    title = _clean_title(match.group("title"))
    if title is not None and not title[:1].isupper():
        title = None
    return PersonMention(match.group("name"), title)


def _person(piece: str) -> PersonMention | None:
    return _person_name_first(piece) or _person_dash(piece) or _person_title_first(piece)


def _locate(text: str, words: str, start: int, end: int, what: str) -> Span | None:
    """Where ``words`` stand in text[start:end], however they are spaced there."""
    pattern = r"[ \t]+".join(re.escape(word) for word in words.split())
    if not pattern:
        return None
    match = re.compile(pattern).search(text, start, end)
    return Span(match.start(), match.end(), what) if match else None


# --------------------------------------------------------------------------- sentences

_SENTENCE_END = re.compile(r"(?<=[.!?…])[ \t]+(?=[\"“]?[" + _UPPER + r"])|\n+")


def _sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text[start:end]."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.start() > cursor:
            spans.append((cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return spans


# --------------------------------------------------------------------------- title


_BOILERPLATE_LINE = re.compile(
    r"^(?:\d|Thứ|Chủ nhật|Cập nhật|Ngày đăng|Đăng ngày|You are|Xem thêm|Trang chủ|In trang)",
    re.IGNORECASE,
)


def _title(text: str) -> tuple[str | None, Span | None]:
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        start = offset + line.find(stripped) if stripped else offset
        offset += len(line)
        if len(stripped.split()) < 4 or _BOILERPLATE_LINE.match(stripped):
            continue
        if len(stripped) > 250:
            return None, None
        title = re.sub(r"[ \t]+In trang$", "", stripped).strip()
        return title, Span(start, start + len(title), "title")
    return None, None


# --------------------------------------------------------------------------- date

_SESSIONS = {"sang": "morning", "chieu": "afternoon", "toi": "evening", "trua": "afternoon"}
_EVENT_DATE = re.compile(
    r"(?<![\w])(?P<session>(?i:sang|chieu|toi|trua))(?:[ \t]+(?i:nay|qua|hom[ \t]nay))?"
    r"(?:[ \t]*,?[ \t]*(?i:thu[ \t]+\w+|chu[ \t]+nhat))?[ \t]*,?[ \t]*\(?[ \t]*(?:(?i:ngay)[ \t]+)?"
    r"(?:(?P<d>\d{1,2})[ \t]?(?P<s>[/\-.])[ \t]?(?P<m>\d{1,2})(?:[ \t]?(?P=s)[ \t]?(?P<y>\d{4}))?"
    r"(?![\d/\-])"
    # "Sáng ngày 19 tháng 11 năm 2024": the session before a date in words.
    r"|(?P<d2>\d{1,2})[ \t]+(?i:thang)[ \t]+(?P<m2>\d{1,2})(?!\d)"
    r"(?:[ \t]*,?[ \t]+(?i:nam)[ \t]+(?P<y2>\d{4}))?)"
    r"(?:[ \t]*\))?"
)
_DAY_DATE = re.compile(
    r"(?<![\w])(?P<word>(?i:ngay))[ \t]+(?P<d>\d{1,2})[ \t]?(?P<s>[/\-.])[ \t]?(?P<m>\d{1,2})"
    r"(?:[ \t]?(?P=s)[ \t]?(?P<y>\d{4}))?(?![\d/\-])"
    r"|(?<![\w])(?i:ngay)[ \t]+(?P<d2>\d{1,2})[ \t]+(?i:thang)[ \t]+(?P<m2>\d{1,2})"
    r"(?:[ \t]*,?[ \t]+(?i:nam)[ \t]+(?P<y2>\d{4}))?"
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


class _Cited:
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


def _event_date(text: str, shade: str, cited: _Cited) -> _DateFound | None:
    for pattern in (_EVENT_DATE, _DAY_DATE):
        for match in pattern.finditer(shade):
            if match.start() in cited or _on_page_date_line(text, match.start()):
                continue
            found = _date_found(text, match)
            if found is not None:
                return found
    return None


# "Cà Mau, ngày 17 tháng 7 năm 2024 … Sáng nay, Ban Chỉ đạo …": the session of a dated
# report's own day, named without a date; looked for near the top only.
_SESSION_TODAY = re.compile(
    r"(?<![\w])(?P<session>(?i:sang|chieu|toi|trua))[ \t]+(?i:nay|hom[ \t]+nay)(?![\w])"
)
_SESSION_TODAY_REACH = 2000


def _session_today(shade: str, cited: _Cited) -> str | None:
    for match in _SESSION_TODAY.finditer(shade, 0, _SESSION_TODAY_REACH):
        if match.start() not in cited:
            return _SESSIONS.get(match.group("session").lower())
    return None


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
    if year is not None and _safe_date(year, month, day) is None:
        return None
    span = Span(match.start(), match.end(), "date")
    return _DateFound(day, month, year, session, span)


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _line_around(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)]


def _on_page_date_line(text: str, position: int) -> bool:
    """Header lines ('Thứ hai, 02/10/2023', '04/03/2020 02:42 CH') date the page, not
    the event."""
    line = _line_around(text, position).strip()
    return len(line) <= 80 and re.search(r"\d{1,2}:\d{2}|^Thứ|^Cập nhật", line) is not None


def _page_date(text: str, shade: str, cited: _Cited) -> datetime.date | None:
    for match in _FULL_DATE.finditer(shade):
        if match.start() in cited:
            continue
        line = _line_around(text, match.start()).strip()
        if len(line) > 100 or re.search(r"(?i)\b(?:sáng|chiều|tối)\b", line):
            continue
        date = _parse_full_date(match)
        if date is not None:
            return date
    return None


def _year_before(page: datetime.date, month: int, day: int) -> int | None:
    """Latest year in which (day, month) falls on or before ``page``."""
    for year in range(page.year, page.year - 8, -1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= page:
            return year
    return None


def _year_after(issued: datetime.date, month: int, day: int) -> int | None:
    """Earliest year in which (day, month) falls on or after ``issued``."""
    for year in range(issued.year, issued.year + 8):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate >= issued:
            return year
    return None


def _infer_year(
    text: str,
    shade: str,
    found: _DateFound,
    cited: _Cited,
    documents: list[Citation],
) -> int | None:
    page = _page_date(text, shade, cited)
    if page is not None:
        return _year_before(page, found.month, found.day)
    period = _PERIOD_YEAR.search(shade)
    if period is not None:
        return int(period.group("y") or period.group("y2"))
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


# --------------------------------------------------------------------------- organizer

# Anchors first, then a bounded look back: a pattern that starts its "who" anywhere and
# ends it lazily backtracks quadratically on long runs of spaces.
_ORGANIZE_VERB = re.compile(
    r"(?<![\w])tổ[ \t]+chức[ \t]+(?:các[ \t]+|buổi[ \t]+|cuộc[ \t]+)?"
    r"(?:[Hh]ội[ \t]+nghị|[Hh]ội[ \t]+thảo|phiên[ \t]+họp|họp)(?!\w)"
)
_WHO_STOP = re.compile(r"[\n.,;:–]|\([^)]{0,3}$")
_WHO_TAIL = re.compile(
    r"(?:[ \t]+(?:đã|vừa|sẽ|chủ[ \t]+trì|phối[ \t]+hợp|cùng|long[ \t]+trọng|trang[ \t]+trọng))+[ \t]*$"
)
_ORGANIZED_BY = re.compile(r"(?<![\w])do[ \t]+")
_MEETING_WORD = re.compile(r"(?i:hội[ \t]+nghị|hội[ \t]+thảo|phiên[ \t]+họp|cuộc[ \t]+họp)")
_LEADING_NOISE = re.compile(r"^(?:[A-ZĐ]{2,6}[ \t]*[-–][ \t]*|[–-][ \t]*)")
_WHO_WINDOW = 100
# The words that open the name of a body that can hold a conference.
_BODY_HEAD = (
    r"(?:Bộ|Ban|Ủy[ \t]+ban|Uỷ[ \t]+ban|UBND|HĐND|Hội[ \t]+đồng|Chính[ \t]+phủ|Quốc[ \t]+hội|"
    r"Tỉnh[ \t]+ủy|Thành[ \t]+ủy|Huyện[ \t]+ủy|Thị[ \t]+ủy|Quận[ \t]+ủy|Đảng[ \t]+ủy|"
    r"Đảng[ \t]+đoàn|Tỉnh[ \t]+đoàn|Thành[ \t]+đoàn|Huyện[ \t]+đoàn|Trung[ \t]+ương|"
    r"Mặt[ \t]+trận|Hội[ \t]+Liên[ \t]+hiệp|Liên[ \t]+đoàn|Sở|Văn[ \t]+phòng)(?![\w])"
)
_BODY_HEAD_AT = re.compile(_BODY_HEAD)
_LEAD_BEFORE_COMMA = re.compile(r"(?:^|[\n.,;:])[ \t]*(?P<lead>[^\n.,;:]{2,80}?)[ \t]*,[ \t]*$")


def _who_before(text: str, end: int) -> tuple[str, int]:
    """The words just before ``end`` back to the last clause mark, at most a window."""
    start = max(0, end - _WHO_WINDOW)
    window = text[start:end]
    cut = 0
    for stop in _WHO_STOP.finditer(window):
        cut = stop.end()
    who = window[cut:]
    offset = start + cut
    tail = _WHO_TAIL.search(who)
    if tail is not None:
        who = who[: tail.start()]
    noise = _LEADING_NOISE.match(who)
    if noise:
        who, offset = who[noise.end() :], offset + noise.end()
    who = re.split(r"[ \t]+phối[ \t]+hợp(?:[ \t]+với)?[ \t]+", who)[0]
    # "A và B tổ chức": a joint organizer is named by its lead body.
    joint = re.search(rf"[ \t]+và[ \t]+(?={_BODY_HEAD})", who)
    if joint is not None and _BODY_HEAD_AT.match(who.strip()):
        who = who[: joint.start()]
    stripped = who.strip()
    start = offset + (who.find(stripped) if stripped else 0)
    # "Bộ Chính trị, Ban Bí thư tổ chức": the body before the comma leads.
    if stripped and _BODY_HEAD_AT.match(stripped):
        lead = _LEAD_BEFORE_COMMA.search(text, max(0, start - _WHO_WINDOW), start)
        if lead is not None and _BODY_HEAD_AT.match(lead.group("lead")):
            return lead.group("lead"), lead.start("lead")
    return stripped, start


# "Ban Thường vụ Huyện ủy Bảo Lạc (Cao Bằng)": the province a report adds for its readers
# is not part of the body's name.
_PLACE_IN_BRACKETS = re.compile(r"[ \t]*\([^()\n]{1,40}\)$")


def _organizer(text: str, shade: str) -> tuple[str | None, Span | None]:
    who, span = _organizer_named(text, shade)
    if who is not None and span is not None:
        bracket = _PLACE_IN_BRACKETS.search(who)
        if bracket is not None and bracket.start() > 0:
            who, span = (
                who[: bracket.start()],
                Span(span.start, span.start + bracket.start(), span.what),
            )
    return who, span


def _organizer_named(text: str, shade: str) -> tuple[str | None, Span | None]:
    for verb in _ORGANIZE_VERB.finditer(text):
        who, offset = _who_before(text, verb.start())
        by = list(_ORGANIZED_BY.finditer(who))
        if by and _MEETING_WORD.search(who[: by[-1].start()]):
            who, offset = who[by[-1].end() :], offset + by[-1].end()
        if _looks_like_body(who):
            return who, Span(offset, offset + len(who), "organizer")
        reaching = _name_reaching(text, shade, verb.start())
        if reaching is not None and _looks_like_body(reaching[0]):
            who, offset = reaching
            return who, Span(offset, offset + len(who), "organizer")
    for verb in re.finditer(r"(?<![\w])tổ[ \t]+chức(?!\w)", text):
        who, offset = _who_before(text, verb.start())
        by = list(_ORGANIZED_BY.finditer(who))
        if not by or not _MEETING_WORD.search(text[max(0, offset - 120) : offset + by[-1].start()]):
            continue
        who, offset = who[by[-1].end() :], offset + by[-1].end()
        if _looks_like_body(who):
            return who, Span(offset, offset + len(who), "organizer")
    # "…, Ban Thường vụ Tỉnh ủy Lào Cai họp cho ý kiến …": a body that meets, named by
    # the words that open a body's name.
    for count, verb in enumerate(_MEETS.finditer(text)):
        if count >= _MOST_MEETINGS:
            break
        who, offset = _who_before(text, verb.start())
        if _BODY_HEAD_AT.match(who) and _looks_like_body(who):
            return who, Span(offset, offset + len(who), "organizer")
    return _meeting_of(text)


def _name_reaching(text: str, shade: str, end: int) -> tuple[str, int] | None:
    """A body's name that runs, commas and all, right up to ``end`` ("Ban Chỉ đạo phòng,
    chống tham nhũng, tiêu cực tỉnh Cà Mau tổ chức"): the earliest in the sentence."""
    start = max(0, end - _WHO_WINDOW * 2)
    start = max(text.rfind(".", start, end), text.rfind("\n", start, end), start - 1) + 1
    for head in _BODY_HEAD_AT.finditer(text, start, end):
        reach = organisation_end(text, shade, head.start())
        if reach > head.start() and not text[reach:end].strip():
            return text[head.start() : reach], head.start()
    return None


# "buổi làm việc của Ban Thường vụ Tỉnh ủy An Giang với …", "Kết luận của Thường trực
# Tỉnh ủy tại buổi làm việc …": the body whose meeting it is.
_MEETING_THEN_BODY = re.compile(
    r"(?<![\w])(?:buổi[ \t]+làm[ \t]+việc|phiên[ \t]+họp|cuộc[ \t]+họp|kỳ[ \t]+họp)"
    r"[ \t]+của[ \t]+(?=" + _BODY_HEAD + r"|Thường[ \t]+trực)"
)
_BODY_THEN_MEETING = re.compile(r"(?<![\w])của[ \t]+(?=" + _BODY_HEAD + r"|Thường[ \t]+trực)")
_AT_MEETING = re.compile(
    r"[ \t]+tại[ \t]+(?:buổi[ \t]+làm[ \t]+việc|hội[ \t]+nghị|phiên[ \t]+họp|cuộc[ \t]+họp)"
)
_MEETING_OF_REACH = 1500


def _meeting_of(text: str) -> tuple[str | None, Span | None]:
    top = text[:_MEETING_OF_REACH]
    shade = shadow(top)  # bounded: the top of the text only
    for pattern, after in ((_MEETING_THEN_BODY, None), (_BODY_THEN_MEETING, _AT_MEETING)):
        for match in pattern.finditer(top):
            end = organisation_end(top, shade, match.end())
            name = top[match.end() : end]
            if after is not None and after.match(top, end) is None:
                continue
            if end > match.end() and _looks_like_body(name):
                return name, Span(match.end(), end, "organizer")
    return None, None


# The organizer is named near the top; the rest of a long text is not read for it.
_MOST_MEETINGS = 50
_MEETS = re.compile(r"(?<![\w])(?<!phiên )(?<!cuộc )(?<!buổi )(?:đã[ \t]+)?họp(?![\w])")


def _looks_like_body(name: str) -> bool:
    words = name.split()
    return (
        1 <= len(words) <= 16
        and name[:1].isupper()
        and not re.match(r"(?i)(?:sáng|chiều|tối|ngày|hôm|vừa qua|hội nghị)\b", name)
        and not re.search(r"\d", name)
    )


# --------------------------------------------------------------------------- chairs

_CHAIRS_VERB = re.compile(r"(?:đồng[ \t]+)?chủ[ \t]+trì", re.IGNORECASE)
_CHAIR_LIST_AFTER = re.compile(
    r"^[ \t]*(?:hội nghị|buổi làm việc|phiên họp)?[ \t]*(?:có|là|gồm)?[ \t]*"
    r"(?:các[ \t]+)?(?:đồng[ \t]+chí)?[ \t]*:?",
    re.IGNORECASE,
)


# "Phó Bí thư Thường trực Tỉnh ủy Hầu A Lềnh dự và chủ trì": the words that lead to the
# verb, after the name.
_CHAIR_VERB_LEAD = re.compile(
    r"(?:[ \t]+(?:đã|cùng|trực[ \t]+tiếp|(?:tham[ \t]+)?dự[ \t]+và))+[ \t]*$", re.IGNORECASE
)


def _chairs(text: str) -> tuple[tuple[PersonMention, ...], list[Span]]:
    for start, end in _sentences(text):
        sentence = text[start:end]
        verb = _CHAIRS_VERB.search(sentence)
        if verb is None or "điểm cầu" in sentence[: verb.start()].lower():
            continue
        before = _clause_before(sentence[max(0, verb.start() - _WINDOW) : verb.start()])
        people = _people_in(_CHAIR_VERB_LEAD.sub("", before[1]))
        if not people and re.match(r"(?i)^\s*chủ\s+trì", sentence[verb.start() :]):
            people = _people_in(sentence[verb.end() : verb.end() + _WINDOW])
        if people:
            _add_co_chairs(text, start, people)
            located = (_locate(text, person.name, start, len(text), "chair") for person in people)
            return tuple(people), [span for span in located if span is not None]
    # "Phiên họp do đồng chí Trưởng Ban Chỉ đạo chủ trì" names the post only: the person
    # who gave the directing speech ("Đồng chí … phát biểu chỉ đạo") chaired.
    for start, end in _sentences(text):
        sentence = text[start:end]
        speech = _DIRECTING_SPEECH.search(sentence)
        if speech is None:
            continue
        people = _people_in(sentence[max(0, speech.start() - _WINDOW) : speech.start()])[:1]
        if people:
            span = _locate(text, people[0].name, start, len(text), "chair")
            return tuple(people), [span] if span is not None else []
    return (), []


_DIRECTING_SPEECH = re.compile(r"phát[ \t]+biểu[ \t]+(?:chỉ[ \t]+đạo|kết[ \t]+luận)", re.IGNORECASE)


# "Cùng chủ trì có đồng chí …", "Đồng chủ trì hội nghị có các đồng chí: …": a sentence
# soon after the chair's names those who chaired with them.
_CO_CHAIRS = re.compile(
    r"[ \t]*(?:[Cc]ùng|[Đđ]ồng)[ \t]+chủ[ \t]+trì[ \t]*(?:hội[ \t]+nghị[ \t]*)?(?:có|là|gồm)?[ \t]*"
)
_CO_CHAIR_SENTENCES = 3


def _add_co_chairs(text: str, chair_start: int, people: list[PersonMention]) -> None:
    """Add to ``people`` the co-chairs named in the sentences after the one at
    ``chair_start`` (a bounded look ahead)."""
    following = [
        span for span in _sentences(text, chair_start, min(len(text), chair_start + 3000))
    ][1 : 1 + _CO_CHAIR_SENTENCES]
    for start, end in following:
        lead = _CO_CHAIRS.match(text, start, end)
        if lead is None:
            continue
        names = {person.name for person in people}
        for person in _people_in(text[lead.end() : min(end, lead.end() + _WINDOW)]):
            if person.name not in names:
                people.append(person)
        return


def _clause_before(text: str) -> tuple[int, str]:
    """The words before 'chủ trì' that can hold the chair: after 'do', else the sentence."""
    marker = max(text.rfind(" do "), -1)
    if marker >= 0:
        return marker + 4, text[marker + 4 :]
    return 0, text


# "… có các đồng chí:" introduces a list whose items start with the name.
_COMRADES_COLON = re.compile(r"(?:các[ \t]+)?(?:[Đđ]ồng[ \t]+chí|[Đđ]/[Cc])[ \t]*:")


def _people_in(fragment: str) -> list[PersonMention]:
    people: list[PersonMention] = []
    shared = _people_sharing_a_title(fragment)
    if shared:
        return shared
    listed = _COMRADES_COLON.search(fragment)
    if listed is not None:
        fragment = fragment[listed.end() :]
    for piece in re.split(r";|\s+và\s+(?=[Đđ]ồng\s+chí)|,\s+(?=[Đđ]ồng\s+chí)", fragment):
        for part in _split_after_names(piece):
            person = (_person_name_comma(part) if listed else None) or _person(part)
            if person is not None and person.name not in {p.name for p in people}:
                people.append(person)
    return people


_AND = re.compile(r"[ \t]+và[ \t]+(?=[{_UPPER}])".replace("{_UPPER}", _UPPER))


def _split_after_names(piece: str) -> list[str]:
    """'Chủ tịch UBND tỉnh Đỗ Văn Phúc và Phó Chủ tịch … Lương Thị Mai': split at a 'và'
    that follows a person's name, never inside a title ('Ban Tuyên giáo và Dân vận')."""
    parts: list[str] = []
    start = 0
    for conjunction in _AND.finditer(piece):
        name = _NAME_AT_END.search(piece, max(start, conjunction.start() - 60), conjunction.start())
        if name is not None and _trim_to_surname(name.group("name")) is not None:
            parts.append(piece[start : conjunction.start()])
            start = conjunction.end()
    parts.append(piece[start:])
    return parts


# --------------------------------------------------------------------------- host point

_HOST = re.compile(
    r"trực[ \t]+tuyến[ \t]+từ[ \t]+(?P<a>[^\n.;]{3,80}?)[ \t]+(?:đến|tới)[ \t]+"
    r"|điểm[ \t]+cầu[ \t]+(?:chính|Trung[ \t]+ương)[ \t]+(?:đặt[ \t]+)?(?:tại|ở)[ \t]+"
    r"(?P<b>[^\n.;,]{3,80})",
    re.IGNORECASE,
)


def _host_point(text: str) -> tuple[str | None, Span | None]:
    match = _HOST.search(text)
    if match is None:
        return None, None
    group = "a" if match.group("a") else "b"
    name = match.group(group).strip()
    return name, Span(match.start(group), match.start(group) + len(name), "host_point")


# --------------------------------------------------------------------------- bridge points

_BRIDGE = re.compile(r"(?<![\w])điểm[ \t]+c[ầẩ]u[ \t]+(?:trực[ \t]+tuyến[ \t]+)?", re.IGNORECASE)
_BRIDGE_NAME_STOP = frozenset(
    "có dự với cùng là do đã và các tham chủ để trên của đến tới ở tại thì nên".split()
)
_PRESENCE = re.compile(
    r"^[ \t]*,?[ \t]*(?:(?:dự|tham dự)[ \t]+(?:hội nghị[ \t]+)?(?:có[ \t]+)?|có[ \t]+|do[ \t]+)?",
    re.IGNORECASE,
)
_PRESENCE_END = re.compile(
    r"[ \t]+(?:cùng|cùng với|dự|tham dự|chủ trì|và các|và toàn thể)\b|;|$", re.IGNORECASE
)


def _bridge_name(text: str, start: int) -> tuple[str, int, int]:
    """The name after 'điểm cầu', with where its first word starts and its last ends."""
    words: list[str] = []
    first = end = start
    pattern = re.compile(r"[ \t]*([^\s,.;:()]+)")
    cursor = start
    while (match := pattern.match(text, cursor, start + 120)) is not None:
        word = match.group(1)
        cursor = match.end()
        if word.lower() in _BRIDGE_NAME_STOP or len(words) >= 8:
            break
        if words and not word[:1].isupper() and not words[-1][:1].isupper():
            break
        if not words:
            first = match.start(1)
        words.append(word)
        end = match.end()
    return " ".join(words), first, end


# A national conference has some seven hundred points at most, each named a few times;
# beyond that the text is not a report and reading on only costs time.
_MOST_BRIDGE_MENTIONS = 3000


def _bridge_points(text: str) -> tuple[tuple[BridgePointDraft, ...], list[Span]]:
    found: dict[str, tuple[str, list[PersonMention]]] = {}
    spans: list[Span] = []
    seen = 0
    for start, end in _sentences(text):
        sentence = text[start:end]
        for match in _BRIDGE.finditer(sentence):
            seen += 1
            if seen > _MOST_BRIDGE_MENTIONS:
                break
            if re.search(
                r"(?i)(?:các|\d+)\s+$", sentence[max(0, match.start() - 12) : match.start()]
            ):
                continue
            name, name_start, name_end = _bridge_name(sentence, match.end())
            if not name or not any(word[:1].isupper() for word in name.split()):
                continue
            people = _presiding(sentence, match.start(), name_end)
            key = shadow(name).lower()
            if key not in found:
                # One span per point, at its first mention: the window lists them in order.
                spans.append(Span(start + name_start, start + name_end, "bridge_point"))
            _, known = found.setdefault(key, (f"Điểm cầu {name}", []))
            _add_people(known, people)
    points = tuple(BridgePointDraft(label, tuple(people)) for label, people in found.values())
    return points, spans


def _presiding(sentence: str, bridge_start: int, name_end: int) -> list[PersonMention]:
    after = sentence[name_end : name_end + _WINDOW]
    lead = _PRESENCE.match(after)
    rest = after[lead.end() if lead else 0 :]
    stop = _PRESENCE_END.search(rest)
    piece = rest[: stop.start() if stop else len(rest)]
    person = _person(piece)
    if person is None:
        before = sentence[max(0, bridge_start - _WINDOW) : bridge_start]
        verb = re.search(r"(?:tham\s+)?dự\s+(?:hội nghị\s+)?tại\s*$", before, re.IGNORECASE)
        if verb is not None:
            person = _person_name_first(before[: verb.start()])
    return [person] if person is not None else []


def _add_people(known: list[PersonMention], people: list[PersonMention]) -> None:
    for person in people:
        for index, other in enumerate(known):
            if other.name == person.name:
                if len(person.title or "") > len(other.title or ""):
                    known[index] = person
                break
        else:
            known.append(person)


# --------------------------------------------------------------------------- instructions

# A closing speech is named "phát biểu chỉ đạo / kết luận"; a plain "phát biểu tại hội
# nghị" is only a fallback, because delegates' speeches are introduced the same way.
_CLOSING_CUES = (
    re.compile(
        r"phát biểu (?:chỉ đạo|kết luận|bế mạc)|kết luận hội nghị[,:]|(?:^|\n)Kết luận[,:]",
        re.IGNORECASE,
    ),
    re.compile(r"phát biểu tại hội nghị|phát biểu tại buổi", re.IGNORECASE),
)
_DIRECTIVE_VERB = re.compile(
    r"(?<!\w)(?P<verb>đề nghị|yêu cầu|nhấn mạnh|chỉ đạo|lưu ý|nêu rõ|chỉ rõ|giao)(?!\w)[ \t]*:?[ \t]*",
    re.IGNORECASE,
)
# Verbs whose object is itself a directive; "nhấn mạnh" may introduce mere comment.
_COMMANDING = frozenset({"đề nghị", "yêu cầu", "chỉ đạo", "lưu ý", "giao"})
_SPEAKER_THEN_VERB = re.compile(
    r"\b(?:[Đđ]ồng chí|Ông|Bà)\b[^;]{0,120}?\b(?:đề nghị|yêu cầu|lưu ý|chỉ đạo)\b[ \t]*:?[ \t]*"
)
_DIRECTIVE_MARKS = re.compile(
    r"\b(?:cần|phải|đề nghị|yêu cầu|tiếp tục|tập trung|tăng cường|đẩy mạnh|khẩn trương|"
    r"chú trọng|quan tâm|nâng cao|hoàn thiện|thực hiện|triển khai|tham mưu|rà soát|"
    r"kịp thời|bảo đảm|đảm bảo|xử lý|giao)\b",
    re.IGNORECASE,
)
_REPORTING_PARAGRAPH = re.compile(
    r"^(?:Trong chương trình|Tại hội nghị|Tại điểm cầu|Đối với (?:tỉnh|huyện|thành phố)|"
    r"Dự hội nghị|Hội nghị đã|Các đại biểu|Trước đó|Theo báo cáo)",
    re.IGNORECASE,
)
_CONNECTIVES = re.compile(
    r"^(?:Vì vậy|Do đó|Đồng thời|Theo đó|Trong đó|Bên cạnh đó|Ngoài ra|Trước mắt)[ \t]*,[ \t]*",
    re.IGNORECASE,
)


def _instructions(text: str) -> tuple[tuple[str, ...], list[Span]]:
    verb = _first_directive(text)
    if verb is None:
        return (), []
    items: list[str] = []
    spans: list[Span] = []
    first = verb.group("verb").lower() in _COMMANDING
    for start, end in _paragraphs(text, verb.end()):
        paragraph = text[start:end]
        if not first and (_REPORTING_PARAGRAPH.match(paragraph) or len(paragraph.split()) < 6):
            if items:
                break
            continue
        for item_start, item_end in _clauses(text, start, end):
            found = _instruction_item(text[item_start:item_end], first)
            first = False
            if found is not None:
                item, low, high = found
                items.append(item)
                spans.append(Span(item_start + low, item_start + high, "instruction"))
    return tuple(items), spans


def _first_directive(text: str) -> re.Match[str] | None:
    for cue_pattern in _CLOSING_CUES:
        cue = cue_pattern.search(text)
        if cue is not None:
            return _DIRECTIVE_VERB.search(text, cue.end())
    return None


def _paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text[start:]):
        spans.append((start + match.start(), start + match.end()))
    return spans


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    clauses: list[tuple[int, int]] = []
    for sentence_start, sentence_end in _sentences(text, start, end):
        cursor = sentence_start
        for match in re.finditer(";", text[sentence_start:sentence_end]):
            clauses.append((cursor, sentence_start + match.start()))
            cursor = sentence_start + match.end()
        clauses.append((cursor, sentence_end))
    return clauses


def _trim(raw: str, low: int, high: int, chars: str) -> tuple[int, int]:
    while low < high and raw[low] in chars:
        low += 1
    while high > low and raw[high - 1] in chars:
        high -= 1
    return low, high


_ITEM_END = re.compile(r"(?:\./\.|/\.|…+|\.{2,}|\.)$")


def _instruction_item(raw: str, governed: bool) -> tuple[str, int, int] | None:
    """A directive as a clean sentence, with where it stands in ``raw``; ``None`` for
    narration around the directives."""
    low, high = _trim(raw, 0, len(raw), " \t\n")
    lead = _DIRECTIVE_VERB.search(raw, low, min(high, low + 160))
    if lead is not None and ":" in raw[lead.start() : lead.end()]:
        low, governed = lead.end(), lead.group("verb").lower() in _COMMANDING
    speaker = _SPEAKER_THEN_VERB.search(raw, low, high)
    if speaker is not None:
        low, governed = speaker.end(), True
    if not governed and re.match(r"(?:[Đđ]ồng chí|Ông|Bà)\b", raw[low:high]):
        return None
    low, high = _trim(raw, low, high, " \t")
    connective = _CONNECTIVES.match(raw[low:high])
    if connective is not None:
        low += connective.end()
    ending = _ITEM_END.search(raw[low:high])
    if ending is not None:
        high = low + ending.start()
    low, high = _trim(raw, low, high, " \t,;")
    item = raw[low:high]
    if len(item.split()) < 4:
        return None
    if not governed and (
        _DIRECTIVE_MARKS.search(item) is None or re.search(r"\b(?:sẽ|đã)\b", item)
    ):
        return None
    return item[:1].upper() + item[1:], low, high


# --------------------------------------------------------------------------- the draft


def draft_from_text(text: str) -> ConferenceDraft:
    """Read a conference draft from an article; never raises on any text."""
    text = nfc(text)
    shade = shadow(text)
    mentions = find_mentions(text)
    documents = documents_of(mentions)
    cited = _Cited([(m.start, m.end) for m in mentions])
    spans = [Span(m.start, m.end, "document") for m in mentions]

    title, title_span = _title(text)
    date, date_text, year_inferred, session = None, None, False, None
    found = _event_date(text, shade, cited)
    if found is not None:
        year = found.year
        if year is None:
            year = _infer_year(text, shade, found, cited, documents)
            year_inferred = year is not None
        date = _safe_date(year, found.month, found.day) if year is not None else None
        if date is not None:
            date_text = text[found.span.start : found.span.end]
            spans.append(found.span)
        else:
            year_inferred = False
        session = found.session or _session_today(shade, cited)
    organizer, organizer_span = _organizer(text, shade)
    host, host_span = _host_point(text)
    chairs, chair_spans = _chairs(text)
    bridges, bridge_spans = _bridge_points(text)
    instructions, instruction_spans = _instructions(text)
    for span in (title_span, organizer_span, host_span):
        if span is not None:
            spans.append(span)
    spans.extend(chair_spans + bridge_spans + instruction_spans)
    return ConferenceDraft(
        title=title,
        date=date,
        date_text=date_text,
        year_inferred=year_inferred,
        session=session,
        organizer=organizer,
        host_point=host,
        chairs=chairs,
        bridge_points=bridges,
        documents=tuple(documents),
        instructions=instructions,
        spans=tuple(sorted(spans, key=lambda s: (s.start, s.end))),
    )


def _person_json(person: PersonMention) -> dict[str, object]:
    return {"name": person.name, "title": person.title}


def _document_json(doc: Citation) -> dict[str, object]:
    return {
        "kind": doc.kind,
        "number": doc.number,
        "symbol": doc.symbol,
        "issued_on": doc.issued_on.isoformat() if doc.issued_on else None,
        "issuer": doc.issuer,
        "subject": doc.subject,
        "text": doc.text,
    }


def draft_to_json(draft: ConferenceDraft) -> dict[str, object]:
    """The draft in the shape of CONTRACT.md, section ``parse --json``."""
    return {
        "title": draft.title,
        "date": draft.date.isoformat() if draft.date else None,
        "date_text": draft.date_text,
        "year_inferred": draft.year_inferred,
        "session": draft.session,
        "organizer": draft.organizer,
        "host_point": draft.host_point,
        "chairs": [_person_json(person) for person in draft.chairs],
        "bridge_points": [
            {"name": point.name, "presiding": [_person_json(p) for p in point.presiding]}
            for point in draft.bridge_points
        ],
        "documents": [_document_json(doc) for doc in draft.documents],
        "instructions": list(draft.instructions),
    }
