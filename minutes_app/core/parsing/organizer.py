"""The body that held the conference an article reports: "Ban Tổ chức Trung ương tổ chức
hội nghị …", "… do Tỉnh ủy tổ chức", "Ban Thường vụ Tỉnh ủy họp …"."""

from __future__ import annotations

import re

from minutes_app.base.text import LOWER, UPPER
from minutes_app.core.parsing.document_kinds import kind_pattern
from minutes_app.core.parsing.issuers import BODY_HEAD, COMMA_IN_NAME, organisation_end
from minutes_app.core.parsing.shadow import shadow
from minutes_app.core.parsing.spans import PLACE_ABBREVIATIONS, PLACE_LEVEL, Span

# Anchors first, then a bounded look back: a pattern that starts its "who" anywhere and
# ends it lazily backtracks quadratically on long runs of spaces.
_ORGANIZE_VERB = re.compile(
    r"(?<![\w])tổ[ \t]+chức[ \t]+(?:các[ \t]+|buổi[ \t]+|cuộc[ \t]+)?"
    r"(?:[Hh]ội[ \t]+nghị|[Hh]ội[ \t]+thảo|phiên[ \t]+họp|họp)(?!\w)"
)
# Marks that end the words before a verb; the full stop of "TP.", "TX.", "H.", "Q." ends none.
_WHO_STOP = re.compile(
    r"[\n,;:–]|"
    + "".join(
        rf"(?<!\b{word})" if len(word) == 1 else rf"(?<!{word})" for word in PLACE_ABBREVIATIONS
    )
    + r"\.|\([^)]{0,3}$"
)
# A place named in two parts with a dash, after its level: "phường Chân Mây – Lăng Cô".
_PLACE_WITH_DASH = re.compile(
    rf"{PLACE_LEVEL}[ \t]+[{UPPER}][^\s,;:–]*(?:[ \t]+[{UPPER}][^\s,;:–]*)*[ \t]+–[ \t]+[{UPPER}]"
)
# An abbreviation in brackets inside a body's name: "Liên đoàn Lao động (LĐLĐ) tỉnh".
_ABBREVIATION_IN_BRACKETS = re.compile(rf"[ \t]*\([{UPPER}&]{{2,10}}\)(?=[ \t])")
_WHO_TAIL = re.compile(
    r"(?:[ \t]+(?:đã|vừa|sẽ|chủ[ \t]+trì|phối[ \t]+hợp|cùng|long[ \t]+trọng|trang[ \t]+trọng))+[ \t]*$"
)
_ORGANIZED_BY = re.compile(r"(?<![\w])do[ \t]+")
_MEETING_WORD = re.compile(r"(?i:hội[ \t]+nghị|hội[ \t]+thảo|phiên[ \t]+họp|cuộc[ \t]+họp)")
_LEADING_NOISE = re.compile(r"^(?:[A-ZĐ]{2,6}[ \t]*[-–][ \t]*|[–-][ \t]*)")
_WHO_WINDOW = 100
# The words that open the name of a body that can hold a conference.
_BODY_HEAD_AT = re.compile(BODY_HEAD)
_LEAD_BEFORE_COMMA = re.compile(r"(?:^|[\n.,;:])[ \t]*(?P<lead>[^\n.,;:]{2,80}?)[ \t]*,[ \t]*$")


def _who_before(text: str, end: int) -> tuple[str, int]:
    """The words just before ``end`` back to the last clause mark, at most a window."""
    start = max(0, end - _WHO_WINDOW)
    window = text[start:end]
    cut = 0
    # "Sở Văn hóa, Thể thao và Du lịch tổ chức", "Đảng ủy phường Chân Mây – Lăng Cô tổ chức":
    # a comma or a dash of the body's own name stops nothing
    own = [found.span() for found in COMMA_IN_NAME.finditer(shadow(window))]
    own += [found.span() for found in _PLACE_WITH_DASH.finditer(window)]
    for stop in _WHO_STOP.finditer(window):
        if not any(first < stop.start() < last for first, last in own):
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
    joint = re.search(rf"[ \t]+và[ \t]+(?={BODY_HEAD})", who)
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


def read_organizer(text: str, shade: str) -> tuple[str | None, Span | None]:
    """The body that held the conference, and where the text names it."""
    who, span = _organizer_named(text, shade)
    if who is not None and span is not None:
        bracket = _PLACE_IN_BRACKETS.search(who)
        if bracket is not None and bracket.start() > 0:
            who, span = (
                who[: bracket.start()],
                Span(span.start, span.start + bracket.start(), span.what),
            )
        who = _ABBREVIATION_IN_BRACKETS.sub("", who)
    return who, span


def _organizer_named(text: str, shade: str) -> tuple[str | None, Span | None]:
    for verb in _ORGANIZE_VERB.finditer(text):
        who, offset = _who_before(text, verb.start())
        heading = _after_heading(who)
        who, offset = who[heading:], offset + heading
        by = list(_ORGANIZED_BY.finditer(who))
        if by and _MEETING_WORD.search(who[: by[-1].start()]):
            who, offset = who[by[-1].end() :], offset + by[-1].end()
        who = _before_its_verbs(who)
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


# "Ban Thường vụ Tỉnh ủy xây dựng kế hoạch tổ chức …": after the body, its verbs in lower case.
# ("… Quốc gia về chuyển đổi số": a remit after "về" is the body's own)
# ("… phường xây dựng Kế hoạch tổ chức …": the verb's object, a kind of paper, in capitals)
_VERBS_AFTER = re.compile(
    rf"[ \t]+(?!về\b)[{LOWER}][^{UPPER}]*"
    rf"(?:(?:Kế[ \t]+hoạch|Chương[ \t]+trình|Hướng[ \t]+dẫn|Công[ \t]+văn)[^{UPPER}]*)?$"
)


def _before_its_verbs(who: str) -> str:
    """The body that opens ``who`` when only lower-case words (its verbs) follow it."""
    if not _BODY_HEAD_AT.match(who):
        return who
    end = organisation_end(who, shadow(who), 0)
    return who[:end] if 0 < end < len(who) and _VERBS_AFTER.fullmatch(who, end) else who


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
    r"[ \t]+của[ \t]+(?=" + BODY_HEAD + r"|Thường[ \t]+trực)"
)
_BODY_THEN_MEETING = re.compile(r"(?<![\w])của[ \t]+(?=" + BODY_HEAD + r"|Thường[ \t]+trực)")
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


# The numbers a body's name may hold: "Ban Chỉ đạo 35 tỉnh", "… phòng, chống dịch COVID-19",
# "Bộ Tư lệnh Quân khu 4", "Sư đoàn 324".
_NUMBERED_WORDS = re.compile(
    r"(?<=Ban Chỉ đạo )\d{2,3}\b|\b[A-Z]+-\d+\b|(?<=Quân khu )\d\b|(?<=đoàn )\d{1,3}\b"
)


def _looks_like_body(name: str) -> bool:
    words = name.split()
    return (
        1 <= len(words) <= 16
        and name[:1].isupper()
        # ("2. Công tác tổ chức hội nghị": a report's heading, no body)
        and not re.match(
            r"(?i)(?:sáng|chiều|tối|ngày|hôm|vừa qua|hội nghị|công tác|việc|về việc|v/v)\b", name
        )
        and not re.search(r"\d", _NUMBERED_WORDS.sub("", name))
        and not _is_heading(name)
    )


def _is_heading(name: str) -> bool:
    """A heading in capitals, alone or before its subject in lower case ("THÔNG BÁO về
    việc …")."""
    heading = _HEADING_WORDS.match(shadow(name))
    return heading is not None and name[: heading.end()].isupper()


# A heading in capitals is no body: "KẾ HOẠCH", "BIÊN BẢN", "NỘI DUNG HỘI NGHỊ".
_HEADING_WORDS = re.compile(r"(?i:(?:" + kind_pattern() + r"|bien[ \t]+ban|noi[ \t]+dung)\b)")


def _after_heading(who: str) -> int:
    """Where a body's name starts after a heading in capitals that the text runs into it
    ("NỘI DUNG HỘI NGHỊ Ban Thường vụ …"): after two words or more in capitals followed by
    one in mixed case; 0 when there is none."""
    words = list(re.finditer(r"\S+", who))
    run = 0
    while run < len(words) and words[run].group(0).isupper():
        run += 1
    if run >= 2 and run < len(words) and words[run].group(0)[:1].isupper():
        return words[run].start()
    return 0
