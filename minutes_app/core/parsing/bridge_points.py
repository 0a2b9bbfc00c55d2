"""Where an online conference was held: its host point and each bridge point (điểm cầu)
named in the article, with who presided there."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes_app.base.names import is_surname, province_words
from minutes_app.base.text import LOWER, UPPER
from minutes_app.core.parsing.issuers import (
    AND_IN_NAME,
    BODY_HEAD,
    COMMA_IN_NAME,
    is_name_syllable,
)
from minutes_app.core.parsing.people import (
    TITLE_WORDS,
    WINDOW,
    PersonMention,
    person_name_first,
    read_person,
)
from minutes_app.core.parsing.shadow import shadow
from minutes_app.core.parsing.spans import (
    PLACE_ABBREVIATIONS,
    PLACE_LEVEL,
    Span,
    line_around,
    sentences,
)


@dataclass(frozen=True)
class BridgePointDraft:
    """An điểm cầu and who led the delegation there."""

    name: str
    presiding: tuple[PersonMention, ...]


# What leads to the host point's name: the place the chair presides at ("chủ trì hội nghị
# tại (điểm cầu) X"), the point named main ("điểm cầu chính: X", "điểm cầu chính là X",
# "điểm cầu chính đặt tại X"), where the conference is held ("tổ chức tại điểm cầu X") and
# where the others are reached from ("trực tuyến từ X đến …"). Each ends where the name
# begins; the name itself is read by ``_place_name``.
_AT_POINT = (
    r"(?:điểm|đầu)[ \t]+cầu(?:[ \t]+chính)?(?:[ \t]+(?:đặt[ \t]+)?(?:tại|ở)|[ \t]*[–-](?=[ \t]))?"
)
_HOST_LEAD = re.compile(
    r"(?P<from>(?:trực[ \t]+tuyến|kết[ \t]+nối)[ \t]+từ[ \t]+(?:(?:điểm|đầu)[ \t]+cầu[ \t]+"
    r"(?:chính[ \t]+)?(?:(?:đặt[ \t]+)?(?:tại|ở)[ \t]+)?)?)"
    r"|(?:điểm|đầu)[ \t]+cầu[ \t]+(?:chính|Trung[ \t]+ương|trung[ \t]+tâm)[ \t]+"
    r"(?:của[ \t]+hội[ \t]+nghị[ \t]+)?"
    r"(?:(?:được[ \t]+)?(?:đặt|bố[ \t]+trí)[ \t]+)?(?:tại|ở)[ \t]+"
    # "… khai mạc tại Hội trường Tỉnh ủy (điểm cầu chính)"
    r"|(?P<marked>(?<![\w])tại[ \t]+)"
    r"(?=[^\n.;()]{3,90}\([ \t]*(?:điểm|đầu)[ \t]+cầu[ \t]+chính[ \t]*\))"
    # ("Tại điểm cầu chính (Hội trường …): đồng chí …": the hall in brackets)
    r"|(?:điểm|đầu)[ \t]+cầu[ \t]+chính[ \t]*(?::|là\b|[–-](?=[ \t])|\()?[ \t]*"
    # "Điểm cầu trung tâm: Phòng họp …", "Điểm cầu chủ trì – Hội trường …"
    r"|(?:điểm|đầu)[ \t]+cầu[ \t]+(?:trung[ \t]+tâm|chủ[ \t]+trì)[ \t]*"
    r"(?::|là\b|[–-](?=[ \t]))[ \t]*"
    r"|(?:tổ[ \t]+chức|diễn[ \t]+ra)[ \t]+(?:trực[ \t]+(?:tuyến|tiếp)[ \t]+)?tại[ \t]+"
    + _AT_POINT
    + r"[ \t]+"
    r"|(?P<held>(?:(?:tổ[ \t]+chức|diễn[ \t]+ra)[ \t]+(?:trực[ \t]+(?:tuyến|tiếp)[ \t]+)?"
    r"|trực[ \t]+tuyến[ \t]+)tại[ \t]+)"
    # "Từ điểm cầu UBND tỉnh, hội nghị kết nối tới …"
    r"|(?P<reached>(?<![\w])[Tt]ừ[ \t]+(?:điểm|đầu)[ \t]+cầu[ \t]+(?!chính\b))"
    # "Tại điểm cầu Trung ương, …": the central point hosts a national conference
    r"|(?<![\w])tại[ \t]+(?:điểm|đầu)[ \t]+cầu[ \t]+(?=Trung[ \t]+ương\b)"
    r"|chủ[ \t]+trì(?:[ \t]+(?-i:[" + LOWER + r"]+)){0,8}?[ \t]+(?:tại|ở)[ \t]+"
    r"(?:" + _AT_POINT + r"[ \t]+)?",
    re.IGNORECASE,
)
# "Tại điểm cầu tỉnh đặt tại Hội trường X, đồng chí … chủ trì hội nghị": where the
# conference's chair sits (a point's own chair "chủ trì" there, not the conference); read
# beside ``_HOST_LEAD``, whose leads may start inside it.
_CHAIRED_AT = re.compile(
    r"(?<![\w])[Tt]ại[ \t]+(?:điểm|đầu)[ \t]+cầu[ \t]+"
    r"(?:(?:[^\s,.;]+[ \t]+){0,2}?(?:đặt|bố[ \t]+trí)[ \t]+tại[ \t]+)?",
    re.IGNORECASE,
)


# "(số 9 Lê Duẩn, phường Buôn Ma Thuột)": a place's address in brackets after its name.
_ADDRESS_IN_BRACKETS = r"(?:[ \t]*\([^()\n]{1,80}\))?"
# After the hall a meeting was held in: it is linked to others ("…, kết nối …", "… và
# trực tuyến đến …"), or named the main point ("… (điểm cầu chính)").
_LINKED_AFTER = re.compile(
    r"(?i)[ \t]*\([ \t]*(?:điểm|đầu)[ \t]+cầu[ \t]+chính[ \t]*\)"
    r"|" + _ADDRESS_IN_BRACKETS + r"[,;]?[ \t]+(?:và[ \t]+)?"
    r"(?:kết[ \t]+nối|trực[ \t]+tuyến|truyền[ \t]+(?:hình|dẫn))\b"
)
# After the point reached from: "… đến / tới" the others, an address in brackets between.
_TO_OTHERS = re.compile(r"(?i)" + _ADDRESS_IN_BRACKETS + r"[ \t]+(?:đến|tới)\b")


# After "điểm cầu Trung ương": the hall it is in ("… là Hội trường …", "… ở trụ sở …").
_CENTRAL_AT = re.compile(r"[ \t]+(?:là|ở|tại|đặt[ \t]+tại)[ \t]+")
# After a point's name, its clause says who chairs the conference there.
_CHAIRS_THE_MEETING = re.compile(
    r"[^.;\n]{0,200}?\bchủ[ \t]+trì[ \t]+hội[ \t]+nghị\b", re.IGNORECASE
)
# Before "từ điểm cầu X": someone spoke from it, which hosts nothing ("Phát biểu tham luận
# từ điểm cầu …", "Các ý kiến thảo luận từ điểm cầu …").
_SPOKE_FROM = re.compile(
    r"(?i)(?:phát[ \t]+biểu|tham[ \t]+luận|ý[ \t]+kiến|thảo[ \t]+luận|chia[ \t]+sẻ|đại[ \t]+diện)"
    r"[^.;]{0,20}$"
)


# A plan's or notice's line naming the main point: "- Điểm cầu Trung ương: Hội trường …",
# "Điểm cầu chính: …"; it names the hall, where the text may also say "điểm cầu Trung ương".
_HOST_LINE = re.compile(
    r"(?im)^[ \t]*(?:[-–•*+][ \t]*)?(?:điểm|đầu)[ \t]+cầu[ \t]+"
    r"(?:chính|trung[ \t]+tâm|chủ[ \t]+trì|(?-i:Trung[ \t]+ương))[ \t]*:[ \t]*"
)


def read_host_point(text: str) -> tuple[str | None, Span | None]:
    """The host point (điểm cầu chính) and where the text names it: a plan's line for it
    first, else the first of the ways a report names it (``_HOST_LEAD``)."""
    for line in _HOST_LINE.finditer(text):
        name, first, last = _place_name(text, line.end(), joins_and=True)
        if name:
            return name, Span(first, last, "host_point")
    leads = sorted(
        (*_HOST_LEAD.finditer(text), *_CHAIRED_AT.finditer(text)), key=lambda lead: lead.start()
    )
    for lead in leads:
        name, first, last = _place_name(text, lead.end(), joins_and=True)
        if not name:
            continue
        hall = _CENTRAL_AT.match(text, last) if name == "Trung ương" else None
        named = _place_name(text, hall.end(), joins_and=True) if hall is not None else None
        if named is not None and _is_venue(named[0].split()):
            # "điểm cầu Trung ương là Hội trường tầng 5 TANDTC" (not "… ở Hà Nội")
            name, first, last = named
        if lead.re is _CHAIRED_AT:
            if _CHAIRS_THE_MEETING.match(text, last):
                return name, Span(first, last, "host_point")
            continue
        after = text[last : last + 120]
        if lead.group("from") and not _TO_OTHERS.match(after):
            continue
        if lead.group("held") and not _LINKED_AFTER.match(after):
            continue  # a hall the meeting sat in, not a point others were linked to
        if lead.group("reached") and _SPOKE_FROM.search(
            text, max(0, lead.start() - 40), lead.start()
        ):
            continue  # "Các ý kiến từ điểm cầu A, B và C": where speakers sat
        return name, Span(first, last, "host_point")
    return None, None


_BRIDGE = re.compile(
    r"(?<![\w])(?:điểm|đầu)[ \t]+c[ầẩ]u(?:[ \t]+trực[ \t]+tuyến)?(?:[ \t]+|(?=[ \t]*[:,)]))",
    re.IGNORECASE,
)
# Words that end a place's name where the sentence goes on: a verb, a preposition, a
# conjunction (written in lower case; in capitals they belong to a name).
_NAME_STOP = frozenset(
    (
        "có dự với cùng là do đã và các tham chủ để trên của đến tới ở tại thì nên nhằm "
        "được sẽ đang theo kết báo phát trong vào sáng chiều lúc từ toàn gồm hướng nêu về "
        "đề kiến phản bày thảo trình chia nhấn khẳng đánh ghi mong bố"
    ).split()
)
# A word of a place's name: an abbreviation with its full stop ("TP.", "TX."), or a run of
# characters up to a space or a mark that ends a name.
_NAME_WORD = re.compile(
    r"[ \t]*((?:" + "|".join(PLACE_ABBREVIATIONS) + r")\.|(?=[\w–-])[^\s,.;:()\[\]\"“”]+)"
)
# A name may begin with one of these in lower case: the kind of place it is.
_PLACE_NOUNS = frozenset(
    (
        "phòng hội trụ trung huyện xã phường tỉnh thành thị quận khu đặc đảng ủy văn thôn "
        "bản nhà ấp tổ xóm khóm buôn chi"
    ).split()
)
_MOST_NAME_WORDS = 14
# Words that open a sentence, never a place's name, even with their capital.
_NEVER_FIRST = frozenset("các những tại từ với và của có".split())
# "Công đoàn các Khu công nghiệp Nhơn Trạch": "các" before a capital is inside a name.
_CAPITAL_NEXT = re.compile(r"[ \t]+[" + UPPER + r"]")
# "UBND các huyện": "các" before a level names every point of that level, none of them.
_LEVELS_AFTER = re.compile(rf"[ \t]+{PLACE_LEVEL}\b")
# The sectors a bloc's committee covers, after "các" or "và" in its name: "Đảng ủy Khối Các
# cơ quan và Doanh nghiệp tỉnh".
_SECTOR = re.compile(r"[ \t]+(?:các[ \t]+)?(?:cơ[ \t]+quan|doanh[ \t]+nghiệp)\b", re.IGNORECASE)
# The first words of a kind of venue ("Hội trường", "Phòng họp", "Trụ sở", "Nhà văn hóa"):
# with nothing capitalised after them and no level ("… tỉnh"), they name no place.
_VENUE_HEADS = frozenset("hội phòng trụ nhà".split())
# ", Trụ sở Tỉnh ủy", ", Trung tâm Hội nghị tỉnh": the building a hall is in goes on the
# host point's name.
_ADDRESS = re.compile(
    r",[ \t]+(?=(?:trụ[ \t]+sở|trung[ \t]+tâm|tầng|nhà|văn[ \t]+phòng)\b)", re.IGNORECASE
)
# The words of a place's level: a name may end on them in lower case ("… thị xã", "… tỉnh").
_LEVELS = frozenset("tỉnh huyện xã phường quận trấn phố thôn bản ấp vực buôn".split())
# Below a commune: "thôn 3", "buôn Ea Kmar", "tổ dân phố Loan Lý".
_HAMLET = r"(?:thôn|bản|buôn|ấp|xóm|khóm|làng|khu[ \t]+phố|tổ[ \t]+dân[ \t]+phố)"
# "khu phố 3", "tổ dân phố 5", "thôn 7": places named by their number.
_NUMBERED = re.compile(
    r"(?:(?:khu|tổ[ \t]+dân)[ \t]+phố|khu|tổ|xóm|khóm|" + "|".join(_LEVELS) + r")[ \t]+\d\w*"
)
# "Hội trường A, Tỉnh ủy", "Phòng họp số 2, UBND tỉnh": a hall that names no body has the
# body it belongs to after a comma.
_BODY_AFTER = re.compile(
    r",[ \t]+(?="
    + BODY_HEAD
    + r"|Viện[ \t]|Tòa[ \t]+án|Công[ \t]+an|Bộ[ \t]+Chỉ[ \t]+huy|Trường[ \t]|Cơ[ \t]+quan[ \t])"
)
# "Trung tâm chỉ huy của UBND thành phố": a venue belongs to a body named after "của".
_OWNER_NEXT = re.compile(r"[ \t]+(?=" + BODY_HEAD + r")")


# A name may end on these words in lower case: "Trụ sở Tòa án nhân dân tối cao", "Trung tâm
# Hội nghị quốc gia".
_KEPT_TAILS = ("nhân dân", "tối cao", "quốc gia", "quốc tế")
# A dash then a lower-case word: the sentence goes on ("Ngân Sơn – những địa phương …").
_DASH_THEN_WORDS = re.compile(rf"[ \t]*[–-][ \t]+[{LOWER}]")
_DASH_THEN_VENUE = re.compile(
    r"[ \t]*[–-][ \t]+(?:Hội[ \t]+trường|Phòng[ \t]+họp|Trụ[ \t]+sở|Nhà[ \t]+văn[ \t]+hóa)\b"
)


def _is_capital(word: str) -> bool:
    return word[:1].isupper()


def _comma_in_name(text: str, cursor: int) -> int | None:
    """Where a body's own name that holds the comma at ``cursor`` ends ("Phát thanh,
    Truyền hình"), or None when that comma ends the name."""
    if text[cursor : cursor + 1] != ",":
        return None
    start = max(0, cursor - 12)
    for found in COMMA_IN_NAME.finditer(shadow(text[start : cursor + 40])):
        if found.start() < cursor - start < found.end():
            return start + found.end()
    return None


def _and_in_name(text: str, after: int) -> bool:
    """Whether the "và" just before ``after`` is inside a remit of ``AND_IN_NAME``."""
    start = max(0, after - 24)
    window = shadow(text[start : after + 24])
    return any(
        found.start() < after - start - 1 < found.end() for found in AND_IN_NAME.finditer(window)
    )


def _is_venue(words: list[str]) -> bool:
    """Whether the name begun with ``words`` is a venue's ("Hội trường …", "Trung tâm …")."""
    head = [word.lower() for word in words[:2]]
    return bool(head) and (head[0] in _VENUE_HEADS or head == ["trung", "tâm"])


def _is_bare_venue(words: list[str]) -> bool:
    """A venue named by its kind, a letter or a number only: "Hội trường A", "Phòng họp số
    2", "Phòng họp trực tuyến", "Hội trường Nhà A"."""
    return (
        len(words) >= 2
        and words[0].lower() in _VENUE_HEADS
        and all(
            not _is_capital(word) or len(word) == 1 or word.lower() in _VENUE_HEADS
            for word in words[1:]
        )
        and words[-1][:1].isalnum()
    )


def _place_name(text: str, start: int, *, joins_and: bool) -> tuple[str, int, int]:
    """The name of a place written from ``start``, with where its first word starts and
    its last ends; empty when no such name is there. Lower-case words belong to it until
    a verb or preposition (``_NAME_STOP``) or a mark ends it; "và" joins two parts of one
    name when ``joins_and`` and a capital follows ("Văn phòng Đoàn ĐBQH và HĐND tỉnh"),
    when only lower-case words follow to the end of the item ("Đảng ủy Khối các cơ quan
    và doanh nghiệp tỉnh"), or before a bloc's sector; "các" is kept before a sector or a
    capital; ", trụ sở" and the like go on a hall's address (``_ADDRESS``)."""
    words: list[str] = []
    first = last = start
    cursor = start
    limit = min(len(text), start + 200)
    while len(words) < _MOST_NAME_WORDS and (match := _NAME_WORD.match(text, cursor, limit)):
        word = match.group(1)
        lower = word.lower()
        if not _is_capital(word) and (lower in _NAME_STOP or (word[:1].isdigit() and not words)):
            if not words:
                break
            bloc = any(word.lower() == "khối" for word in words)
            if lower == "các" and _LEVELS_AFTER.match(text, match.end()):
                return "", start, start  # "UBND các huyện": the kind of every point, no name
            kept = (
                (lower == "ở" and words[-1].lower() == "nhà")  # "Khu nhà ở công nhân …"
                or (lower == "dự" and text[match.end() : match.end() + 3] == " án")  # "dự án"
                or (lower == "của" and _is_venue(words) and _OWNER_NEXT.match(text, match.end()))
                or (lower == "các" and _SECTOR.match(text, match.end()) is not None)
                or (lower == "các" and _CAPITAL_NEXT.match(text, match.end()) is not None)
                or (lower == "và" and _and_joins(text, match.end(), limit, joins_and=joins_and))
                or (lower == "và" and bloc and _SECTOR.match(text, match.end()) is not None)
            )
            if not kept:
                break
        if words and _DASH_THEN_WORDS.match(text, match.start()):
            break
        if words and _DASH_THEN_VENUE.match(text, match.start()):
            break  # "phường Thuận Hóa – Hội trường tầng 2, …": the point, then its hall
        if not words:
            if not _is_capital(word) and lower not in _PLACE_NOUNS:
                break
            if lower in _NEVER_FIRST:
                break  # "- Các đơn vị còn lại dự tại …": a sentence, not a name
            first = match.start(1)
        words.append(word)
        last = match.end()
        cursor = match.end()
        if (comma := _comma_in_name(text, cursor)) is not None:
            words.append(text[cursor + 1 : comma].strip())
            words[-2] += ","
            last = cursor = comma
        address = _ADDRESS.match(text, cursor) if joins_and else None
        if joins_and and address is None and _is_bare_venue(words):
            address = _BODY_AFTER.match(text, cursor)
        if address is not None:
            cursor = address.end()
            words[-1] += ","
    # A name ends on a capitalised word, a number or its level ("… tỉnh"): lower-case
    # words after the last of them are the sentence going on ("Cần Thơ chia sẻ …").
    kept_tail = " ".join(words[-4:]).lower().endswith(_KEPT_TAILS)
    while words and not kept_tail and not _is_capital(words[-1]) and not words[-1][:1].isdigit():
        if words[-1].rstrip(",") in _LEVELS:
            break
        if len(words) > 1 and _is_capital(words[-2]) and is_name_syllable(words[-1], words[-2]):
            break  # "Tỉnh ủy", "Bộ Chính trị": a name's own lower-case syllable
        if len(words) > 1 and (words[-2].lower(), words[-1]) == ("hội", "nghị"):
            break  # "Trung tâm Hội nghị": a venue's
        dropped = words.pop()
        last = text.rfind(dropped, first, last)
        last = _last_end(text, first, last)
    numbered = _NUMBERED.fullmatch(" ".join(words).lower()) is not None
    if not numbered and not any(_is_capital(word) for word in words):
        return "", start, start  # "phường 3", "thôn 7" are named by their number
    if (
        words[0].lower() in _VENUE_HEADS
        and not any(_is_capital(word) or word[:1].isdigit() for word in words[1:])
        and words[-1] not in _LEVELS
    ):
        return "", start, start  # "Hội trường", "Phòng họp": a kind of place, not one
    return " ".join(words), first, last


def _last_end(text: str, first: int, before: int) -> int:
    """Where the word before ``before`` ends (spaces between them skipped)."""
    end = before
    while end > first and text[end - 1] in " \t,":
        end -= 1
    return end


def _and_joins(text: str, start: int, limit: int, *, joins_and: bool) -> bool:
    """Whether the "và" before ``start`` joins two parts of one name (see _place_name)."""
    rest = re.match(r"[^,.;:()\n]*", text[start:limit])
    words = rest.group(0).split() if rest else []
    if "và" in words:
        words = words[: words.index("và")]  # the item ends at the next "và"
    if not words:
        return False
    if _is_capital(words[0]):
        # "Báo và Phát thanh, Truyền hình Lào Cai": "và" before a body's own pair of words;
        # "Sở Giáo dục và Đào tạo": the "và" of a body's remit; "Trường PTDTNT THCS và THPT
        # Mù Cang Chải": a school of two levels
        before = text[max(0, start - 12) : start].split()
        return (
            joins_and
            or COMMA_IN_NAME.match(shadow(text[start:limit].lstrip())) is not None
            or _and_in_name(text, start)
            or (len(before) > 1 and before[-2] in _SCHOOL_LEVELS and words[0] in _SCHOOL_LEVELS)
        )
    return (
        len(words) <= 4
        and not any(_is_capital(w) or w[:1].isdigit() or w.lower() in _NAME_STOP for w in words)
        and "điểm" not in words
    )


# The levels a school's name joins with "và".
_SCHOOL_LEVELS = frozenset("MN MG TH THCS THPT".split())


# A national conference has some seven hundred points at most, each named a few times;
# beyond that the text is not a report and reading on only costs time.
_MOST_BRIDGE_MENTIONS = 3000
# Before "điểm cầu", what makes the names after it a list: "các điểm cầu A, B và C", "5
# điểm cầu gồm …", "kết nối đến điểm cầu A, B và C".
_LIST_BEFORE = re.compile(r"(?i)(?:\bcác|\d+|\bđến|\btới|\bvới|\bsố|\bcó)[ \t]+$")
# "và" then a second point's name: its level in lower case, or a capital.
_AND_ANOTHER = re.compile(
    r"[ \t]+và[ \t]+(?=(?:(?:điểm|đầu)[ \t]+cầu[ \t]+)?(?:["
    + UPPER
    + r"]|(?:"
    + PLACE_LEVEL
    + r"|"
    + _HAMLET
    + r")[ \t]+["
    + UPPER
    + r"\d]))"
)
# A list opened later in the sentence, after words that say which points: "… tại các
# thôn, gồm: …", "… và đoàn trực thuộc, trong đó có: …", "… có đông đảng viên như: …".
_LIST_LATER = re.compile(
    r"[^.;:\n]{0,100}?\b(?:gồm(?:[ \t]+có)?|trong[ \t]+đó[ \t]+có|như|là)[ \t]*:[ \t]*"
    r"|[^.;:\n]{0,100}?\b(?:gồm(?:[ \t]+có)?|trong[ \t]+đó[ \t]+có|như|là(?=[ \t]+các\b))[ \t]+",
    re.IGNORECASE,
)
# After a count, the kind of its points then a colon: "4 điểm cầu Ban Chỉ huy Phòng thủ khu
# vực (PTKV): A, B, C".
_COUNT_THEN_COLON = re.compile(r"[^.;:\n]{0,100}?:[ \t]*")
# After "điểm cầu", a qualifier in lower case then a colon: "Điểm cầu cấp huyện: A, B".
# ("Các điểm cầu “đinh” tối nay sẽ lên sóng: …": the qualifier may be in quotes)
_LIST_AFTER = re.compile(
    r"(?:[ \t]*[“\"]?(?-i:[" + LOWER + r"]+)[”\"]?(?:[ \t]+[^\s:.;,()]+){0,7})?[ \t]*:",
    re.IGNORECASE,
)


# "Tại" opening a sentence or an item, before "(các) điểm cầu".
_AT_OPENS = re.compile(
    r"(?i)(?:(?:^|[:;])[\s\-–•*+]*(?:\d{1,2}[.)][ \t]*)?|thành[ \t]+phần[ \t]+)tại[ \t]+"
    r"(?:các[ \t]+)?$"
)


def _at_opens(sentence: str, end: int) -> bool:
    """Whether "Tại" opens the sentence or item that ends at ``end`` (read in a bounded
    window: "x" stands for the words before it, which no item opens after)."""
    cut = max(0, end - _AT_REACH)
    return _AT_OPENS.search(("x" if cut else "") + sentence[cut:end]) is not None


_AT_REACH = 80
# "điểm cầu chính", "điểm cầu trung tâm: …", "điểm cầu chủ trì – …": the host point.
_MAIN = re.compile(
    # ("Điểm cầu chính của tỉnh: …": a province's main point of a national conference)
    r"(?i:chính)\b(?![ \t]+của[ \t]+(?:tỉnh|thành[ \t]+phố|huyện|xã|phường|đơn[ \t]+vị)\b)"
    r"|(?:trung[ \t]+tâm|chủ[ \t]+trì)[ \t]*(?::|là\b|[–-])|Trung[ \t]+ương[ \t]*:"
)


def read_bridge_points(
    text: str, host: str | None = None
) -> tuple[tuple[BridgePointDraft, ...], list[Span]]:
    """Every bridge point named, once each in order of first mention, with who presided
    there; one span per point. ``host``: the host point's name, which is none of them."""
    found: dict[str, tuple[str, list[PersonMention]]] = {}
    spans: list[Span] = []
    where: dict[str, Span] = {}  # the span of each point's first mention
    # the host, and "Trung ương", the central point, which hosts whatever conference it is in
    host_key = shadow(host).lower() if host else ""
    skip = {host_key, "trung uong"} if host else {"trung uong"}

    def note(name: str, first: int, last: int) -> list[PersonMention] | None:
        """Record the point ``name`` (at ``first``..``last`` in the text), once, with one
        span at its first mention (the window lists them in order); its people, or None
        for the host, which is none of the points."""
        key = shadow(name).lower()
        if key in skip:
            return None
        if host_key and _BARE_COMMITTEE.fullmatch(key) and f" {key}" in f" {host_key}":
            return None  # "điểm cầu Tỉnh ủy" where the host is "Hội trường 25B, Trụ sở Tỉnh ủy"
        if key not in found and " " in key:
            # "thị xã Kỳ Anh" after "Phòng giao dịch NHCSXH thị xã Kỳ Anh": the same point
            longer = next((other for other in found if other.endswith(f" {key}")), None)
            if longer is not None:
                return found[longer][1]
        if key not in found:
            spans.append(Span(first, last, "bridge_point"))
            where[key] = spans[-1]
        return found.setdefault(key, (f"Điểm cầu {name}", []))[1]

    def note_all(listed: list[tuple[str, int, int]], offset: int = 0) -> None:
        """Record each point of ``listed``, its places ``offset`` into the text."""
        for name, first, last in listed:
            note(name, offset + first, offset + last)

    seen = 0
    for start, end in sentences(text):
        sentence = text[start:end]
        for match in _BRIDGE.finditer(sentence):
            seen += 1
            if seen > _MOST_BRIDGE_MENTIONS:
                break
            if _MAIN.match(sentence, match.end()):
                continue  # the host point (read_host_point), not one of the others
            if match.group().isupper():
                continue  # "QUÁN TRIỆT … ĐẾN 65 ĐIỂM CẦU TOÀN TỈNH": a headline's words
            before = sentence[max(0, match.start() - 12) : match.start()]
            colon = _LIST_AFTER.match(sentence, match.end())
            if colon is not None and _IN_A_PLACE.match(sentence, match.end()):
                colon = None  # "- Tại điểm cầu thị xã Kỳ Anh: ông …": a point's name
            if colon is not None and _at_opens(sentence, match.start()):
                listed = _listed_lines(text, end) if not sentence[colon.end() :].strip() else []
                if not any(":" in line_around(text, first) for _, first, _ in listed):
                    # "- Tại các điểm cầu:" then a line for each unit attending at its own
                    # (not "Chủ trì điểm cầu: …" and the like, who attends where)
                    note_all(listed)
                continue  # "- Tại (các) điểm cầu cơ sở: …" lists who attends there
            if (
                _LIST_BEFORE.search(before)
                or colon is not None
                or _LEVELS_LISTED.match(sentence, match.end())
                or _BODY_LEVELS_LISTED.match(sentence, match.end())
            ):
                # "các điểm cầu: A, B và C", "5 điểm cầu gồm A, B…": each named in the list
                opening = colon.end() if colon is not None else match.end()
                if colon is not None and not sentence[opening:].strip():
                    # "Hội nghị được truyền dẫn tới các điểm cầu:" then a line for each
                    note_all(_listed_lines(text, end))
                    continue
                whole = _whole_item(sentence, opening) if colon is not None else None
                listed = [whole] if whole is not None else _listed(sentence, opening)
                later = _LIST_LATER.match(sentence, match.end()) if not listed else None
                if later is None and not listed and re.search(r"\d[ \t]+$", before):
                    later = _COUNT_THEN_COLON.match(sentence, match.end())
                if later is not None and not sentence[later.end() :].strip():
                    # "… kết nối tới 78 điểm cầu …, trong đó có:" then a line for each
                    note_all(_listed_lines(text, end))
                    continue
                if later is not None:
                    # "3 điểm cầu tại các thôn, gồm: A, B và C", "… trong đó có: A, B"
                    listed = _listed(sentence, later.end())
                    further = _LIST_LATER.match(sentence, later.end()) if not listed else None
                    if further is not None:
                        # "14 điểm cầu là các phòng giao dịch trực thuộc, trong đó có …"
                        listed = _listed(sentence, further.end())
                note_all(listed, start)
                continue
            name, name_start, name_end = _place_name(sentence, match.end(), joins_and=False)
            if not name and _AT_PLACES.match(sentence, match.end()):
                # "mở thêm điểm cầu tại xã Gia Tân, Gia Phúc": the places it was opened at
                note_all(_listed(sentence, match.end()), start)
                continue
            if name and (name.split()[-2:-1] == ["cấp"] or _OTHERS_AFTER.match(sentence, name_end)):
                continue  # "điểm cầu UBND cấp xã", "13 điểm cầu BHXH cơ sở khác": kinds
            known = note(name, start + name_start, start + name_end) if name else None
            if known is None:
                continue
            _add_people(known, _presiding(sentence, match.start(), name_end))
            # "từ điểm cầu Đảng ủy Chính phủ, Tỉnh ủy Gia Lai và Thành ủy Cần Thơ": a list
            # without "các", when its items are alike and the last follows "và"
            note_all(_comma_list(sentence, name_start), start)
            # "Điểm cầu thị xã Nghi Sơn, Thọ Xuân nêu …": a second place of the same level
            if (pair := _second_of_pair(sentence, name, name_end)) is not None:
                note(pair[0], start + pair[1], start + pair[2])
            # "Tại điểm cầu phường Hạc Thành và phường Sầm Sơn, …": a second point after "và"
            also = _AND_ANOTHER.match(sentence, name_end)
            other = _place_name(sentence, also.end(), joins_and=False) if also else None
            if other is not None and other[0] and _alike(name, other[0]):
                note(other[0], start + other[1], start + other[2])
        # "Hội nghị kết nối với Hội LHPN huyện Quỳnh Phụ và …", "… kết nối tới huyện Bảo
        # Yên, huyện Bát Xát …": the places linked to, with no "điểm cầu"
        for linked in _LINKED_TO.finditer(sentence):
            counted = _COUNTED.search(sentence, linked.end(), linked.end() + _COUNT_REACH)
            if counted is not None:
                # "kết nối tới Hội Nông dân 38 xã, phường, trong đó có các xã A, B": a count,
                # then the places it names
                later = _LIST_LATER.match(sentence, counted.end())
                note_all(_listed(sentence, later.end()) if later is not None else [], start)
                continue
            if _OF_EVERY.match(sentence, linked.end()):
                continue
            kinds = sentence.startswith("các ", linked.end())  # the items' kind named
            for name, name_start, name_end in _listed(sentence, linked.end()):
                if not (kinds or _PLACE_HEAD.match(name)) or _COUNTED.search(name):
                    break  # "Ủy ban MTTQ Việt Nam 9 huyện": a count, not a place
                if note(name, start + name_start, start + name_end) is None:
                    break  # the host
    # "Tỉnh ủy" alone beside "Tỉnh ủy Hà Tĩnh": the same point, named short
    short = [key for key in found if _BARE_COMMITTEE.fullmatch(key)]
    for key in short:
        if any(other.startswith(f"{key} ") for other in found):
            del found[key]
            spans.remove(where[key])
    points = tuple(BridgePointDraft(label, tuple(people)) for label, people in found.values())
    return points, spans


# After a name, the words that make it the kind of the other points: "… cơ sở khác",
# "… còn lại".
_OTHERS_AFTER = re.compile(rf"(?:[ \t]+[{LOWER}]+){{0,3}}?[ \t]+(?:khác|còn[ \t]+lại)\b")
# After "điểm cầu": "tại" then a place of a level ("tại xã Gia Tân").
_AT_PLACES = re.compile(rf"[ \t]*(?:tại|ở)[ \t]+(?:{PLACE_LEVEL}|{_HAMLET})[ \t]+[{UPPER}\d]")
# A Party committee named by its level alone (shadow, lower case): "tinh uy", "huyen uy".
_BARE_COMMITTEE = re.compile(r"(?:tinh|thanh|huyen|thi|quan|dang) uy")
_COUNTED = re.compile(rf"\d+[ \t]+(?:{PLACE_LEVEL}|điểm)\b")
_COUNT_REACH = 40  # how far after "kết nối tới" a count of the places reached stands
_LINKED_TO = re.compile(
    r"(?i)kết[ \t]+nối(?:[ \t]+trực[ \t]+tuyến)?[ \t]+(?:với|tới|đến)[ \t]+"
    # ("… kết nối tới các huyện Krông Búk, Ea Súp và Buôn Đôn": the places of a level)
    r"(?!điểm\b|\d)(?!các\b(?![ \t]+(?:" + PLACE_LEVEL + r"[ \t]+(?-i:[" + UPPER + r"])"
    # ("… kết nối tới các trường Đại học A, B": a kind in lower case, then its items)
    r"|(?-i:[" + LOWER + r"]+[ \t]+){1,4}?(?-i:[" + UPPER + r"]|\d))))"
)
# After the kinds of unit linked to: they stand in every province ("kết nối tới Sở Tài
# chính, Thuế tỉnh, Kho bạc Nhà nước khu vực của 34 tỉnh, thành phố").
_OF_EVERY = re.compile(r"[^.;\n]{0,120}?\bcủa[ \t]+(?:\d+|các|cả)[ \t]+(?:" + PLACE_LEVEL + r")\b")
# What a place linked to opens with: its level, an abbreviation, or a body's name.
_PLACE_HEAD = re.compile(
    r"(?:" + PLACE_LEVEL + r"|TP\.|TX\.|H\.|"
    r"Hội[ \t]+(?!nghị)|Công[ \t]+an|Bộ[ \t]+Chỉ[ \t]+huy|Trung[ \t]+tâm[ \t]+(?-i:["
    + UPPER
    + r"])"
    r"|Bệnh[ \t]+viện|Trường[ \t]+(?-i:[" + UPPER + r"])|" + BODY_HEAD + r")",
    re.IGNORECASE,
)


# After a place of a level: a comma, then a capital.
_PAIRED = re.compile(rf",[ \t]+(?=[{UPPER}])")


def _second_of_pair(sentence: str, name: str, name_end: int) -> tuple[str, int, int] | None:
    """The second of two places a point's name lists without "các" or "và": a bare name
    of two or three words in capitals after a place of a level ("xã Ngãi Xuyên, Tập Sơn",
    "Trung tâm Y tế khu vực An Khê, Hoài Nhơn"), or a second of the same kind ("TAND tỉnh
    Nghệ An, TAND tỉnh Quảng Trị"); None when what follows the comma is a province (the
    first's address), a title, a body ("Hội Cựu chiến binh phường") or a person's name."""
    pair = _PAIRED.match(sentence, name_end)
    if pair is None:
        return None
    second = _place_name(sentence, pair.end(), joins_and=False)
    words = second[0].split()
    if not words:
        return None
    if words[0] == name.split()[0] and len(words) > 1 and _IN_A_PLACE.search(second[0]):
        return second  # "TAND tỉnh Nghệ An, TAND tỉnh Quảng Trị": two of one kind
    leveled = name.split()[0].lower() in _LEVEL_WORDS or _IN_A_PLACE.search(name)
    return second if leveled and _bare_place(words) else None


# A level, then a place's name: "… xã Trường Sơn", "… khu vực An Khê".
_IN_A_PLACE = re.compile(rf"(?:{PLACE_LEVEL}|khu[ \t]+vực)[ \t]+[{UPPER}]")


def _alike(first: str, second: str) -> bool:
    """Whether two names joined by "và" name two points: both open with a place's level
    ("phường Hạc Thành và phường Sầm Sơn", "tỉnh Lào Cai và thành phố Cần Thơ") or with
    the same word ("Huyện ủy A và Huyện ủy B"); "Báo và Phát thanh" is one name."""
    one, two = first.split()[0], second.split()[0]
    return one.lower() == two.lower() or (
        one.lower() in _LEVEL_WORDS and two.lower() in _LEVEL_WORDS
    )


_LEVEL_WORDS = _LEVELS | {"thành", "thị", "đặc"}
_LOCAL = frozenset("thôn bản buôn ấp".split())  # the levels below a commune's


# After "các điểm cầu": a colon or a word that opens the list.
# ("02 điểm cầu phụ tại A và B": the points' kind may come before "tại")
_LIST_OPENS = re.compile(
    r"[ \t]*(?:(?:phụ|thành[ \t]+phần)[ \t]+(?=tại\b|ở\b))?"
    r"(?::|(?:gồm|gồm có|là|tại|ở)\b[ \t]*:?)[ \t]*",
    re.IGNORECASE,
)
# Between two items: a comma, a semicolon or "và".
# ("xã Xuân Hòa, Thọ Lập (huyện Thọ Xuân), Định Tân": an item's place in brackets is passed)
# ("… Ea Súp và Buôn Đôn cùng thị xã Buôn Hồ": "cùng" before a place of another level)
_LIST_SEPARATOR = re.compile(
    r"(?:[ \t]*\([^()\n]{1,60}\))?[ \t]*(?:[,;][ \t]*(?:và\b)?|và\b|cùng(?=[ \t]+"
    + PLACE_LEVEL
    + r"[ \t]+(?-i:["
    + UPPER
    + r"])))[ \t]*",
    re.IGNORECASE,
)
_MOST_LISTED = 60
# "các xã Đức Thọ, Hương Sơn": the level every item after it has ("xã Đức Thọ").
# ... "các sư đoàn 324, 968": units of the army named by their numbers.
_LEVELS_LISTED = re.compile(
    rf"các[ \t]+(?:(?P<level>{PLACE_LEVEL}|{_HAMLET})[ \t]+(?=[^\W\d_])"
    rf"|(?P<unit>(?:sư|lữ|trung)[ \t]+đoàn)[ \t]+(?=\d))"
)
# "các Trung tâm Y tế khu vực Mộc Châu, Sông Mã": bodies of a kind, then their level.
_BODIES_OF_LEVEL = re.compile(
    rf"các[ \t]+(?P<body>(?:Trung[ \t]+tâm|Bệnh[ \t]+viện|Công[ \t]+an|Chi[ \t]+cục|Kho[ \t]+bạc"
    rf"|Bảo[ \t]+hiểm|Thuế|Hội|Đoàn|{BODY_HEAD})"
    rf"(?:[ \t]+(?!và\b|điểm\b|đầu\b|các\b)[^\s,;:.]+){{0,5}}?)"
    rf"[ \t]+(?P<level>{PLACE_LEVEL}|khu[ \t]+vực)[ \t]+(?=[{UPPER}])"
)
_UNIT_NUMBER = re.compile(r"\d{1,4}\b")
# "các trường Đại học …", "các chi bộ khu phố 1, 2": a kind in lower case (no level, no
# people), then its first item's name or number.
_KINDS_LISTED = re.compile(
    rf"các[ \t]+(?P<kind>(?!(?:đồng|ông|bà|đại|điểm|đầu|cơ|đơn|ban|sở|ngành)\b)"
    rf"(?:[{LOWER}]+[ \t]+){{1,4}}?(?=[{UPPER}]|\d|số[ \t]+\d)"
    # ... or a unit's kind in capitals: "các Hạt Kiểm lâm Minh Hóa, Tuyên Hóa"
    rf"|(?:Hạt[ \t]+Kiểm[ \t]+lâm|Đồn[ \t]+Biên[ \t]+phòng|Phòng[ \t]+Giao[ \t]+dịch"
    rf"|Trung[ \t]+tâm[ \t]+Y[ \t]+tế|Bệnh[ \t]+viện|Trường)[ \t]+(?=[{UPPER}]))"
)
_KIND_NUMBER = re.compile(r"(?:số[ \t]+)?\d{1,4}\b")
# "Công an các xã Tương Dương, Kỳ Sơn", "Bộ Chỉ huy Quân sự các tỉnh An Giang, Cà Mau": a
# body, then the places of one level where it has a point each.
_BODY_LEVELS_LISTED = re.compile(
    rf"(?P<body>(?:{BODY_HEAD}|Công[ \t]+an|Bộ[ \t]+Chỉ[ \t]+huy|Hội|Đoàn|Chi[ \t]+bộ|Viện"
    rf"|Tòa[ \t]+án)"
    rf"(?:[ \t]+(?!và\b|điểm\b|đầu\b|các\b)[^\s,;:.]+){{0,5}}?)[ \t]+các[ \t]+"
    rf"(?P<level>{PLACE_LEVEL})[ \t]+(?=[{UPPER}])"
)


# A first item's kind in lower case before its name: "chi bộ thôn Tân Phú", "xã Cẩm Bình".
_KIND_WORDS = re.compile(rf"((?:[{LOWER}]+ ){{1,3}}?)(?=[{UPPER}])")
# A first item's kind in capitals, with the level of its place: "Bệnh viện …", "Công an
# phường …".
_CAPITAL_KIND = re.compile(
    rf"((?:Bệnh[ \t]+viện|Công[ \t]+an|Đảng[ \t]+ủy|Chi[ \t]+bộ|Trường)(?:[ \t]+{PLACE_LEVEL})?)"
    rf"[ \t]+(?=[{UPPER}\d])"
)
# "Thuế tỉnh, thành phố": a level and its like, every place of them.
_AND_CITIES = re.compile(r"[ \t]*,[ \t]*thành[ \t]+phố\b")
# A list's item that names the points of a kind: "Ban Chỉ huy Quân sự các huyện, thị xã;".
_KIND_OF_POINTS = re.compile(
    rf"[^;.:\n]{{0,80}}?\bcác[ \t]+{PLACE_LEVEL}\b(?![ \t]+[{UPPER}])"
    r"[^;.:\n]{0,80};[ \t]*"
)
# A name ending on one of these levels, bare, names a kind of point, one in every commune or
# district ("Công an xã", "VKSND khu vực"); a province's ("Công an tỉnh") or a town's ("…
# thị xã") is one place.
_LOWER_LEVELS = frozenset("xã phường huyện quận vực".split())


def _names_a_kind(name: str) -> bool:
    words = name.split()
    if len(words) > 1 and words[-2] == "cấp":
        return True  # "Tòa án nhân dân cấp tỉnh"
    if name.endswith("trực thuộc Trung ương"):
        return True  # "đảng ủy trực thuộc Trung ương" ("Đoàn trực" before "thuộc": _listed)
    if len(words) == 1 and words[0].lower() in _LEVEL_WORDS:
        return True  # "21 điểm cầu Huyện, Thành, Thị Đoàn": levels in capitals
    return words[-1] in _LOWER_LEVELS and not (len(words) > 1 and words[-2] == "thị")


def _listed(sentence: str, start: int) -> list[tuple[str, int, int]]:
    """The names a list of bridge points gives: each a place's name (``_place_name``)
    after a comma, a semicolon or "và"; the list ends at the first item that is not one,
    or after an item the sentence goes on from."""
    opens = _LIST_OPENS.match(sentence, start)
    cursor = opens.end() if opens else start
    while sentence[cursor : cursor + 1] in (" ", "\t"):
        cursor += 1  # "Điểm cầu phụ: các phường A, B": the list after a colon's space
    names: list[tuple[str, int, int]] = []
    level = kind_of_first = body = numbered = ""
    while len(names) < _MOST_LISTED:
        # "TP. Thái Bình và các huyện Đông Hưng, Hưng Hà": the level, then its places
        levels = _LEVELS_LISTED.match(sentence, cursor)
        if levels is not None:
            cursor = levels.end()
            level = " ".join((levels.group("level") or levels.group("unit")).split())
        bodies = (
            _BODY_LEVELS_LISTED.match(sentence, cursor) or _BODIES_OF_LEVEL.match(sentence, cursor)
            if levels is None
            else None
        )
        if bodies is not None:
            cursor = bodies.end()
            body = " ".join(bodies.group("body").split())
            level = " ".join(bodies.group("level").split())
        kinds = _KINDS_LISTED.match(sentence, cursor) if not names and not level else None
        if kinds is not None:
            # "các trường Đại học A, B", "các chi bộ khu phố 1, 2 và 5", "các phòng giao
            # dịch số 2, số 5": the kind every item after it has
            cursor = kinds.end()
            level = numbered = " ".join(kinds.group("kind").split())
        name, first, last = _place_name(sentence, cursor, joins_and=False)
        number = (
            _UNIT_NUMBER.match(sentence, cursor)
            if level.endswith("đoàn")
            else _KIND_NUMBER.match(sentence, cursor)
            if numbered and level == numbered
            else None
        )
        if not name and number is not None:
            name, first, last = number.group(), number.start(), number.end()
        elif level.endswith("đoàn"):
            level = ""  # "… và Lữ đoàn Công binh 414": a unit named in full
        if not name:
            # "26 đầu cầu Ban Chỉ huy Quân sự các huyện, thị xã; Công an tỉnh": the points
            # of a kind, then a list's next item after the semicolon
            kind = _KIND_OF_POINTS.match(sentence, cursor)
            if kind is None:
                break
            cursor = kind.end()
            continue
        name = name.rstrip(".")
        head = name.split()[0]
        if head.lower() in _LEVEL_WORDS and not (_is_capital(head) and head.lower() in _LOCAL):
            # "… Vũ Quang và phường Hà Huy Tập": an item with its own level ("Buôn Đôn",
            # "Bản Lầu": a name that opens with a hamlet's word)
            level = ""
        prefix = level
        if kind_of_first and _is_capital(name) and not _PLACE_HEAD.match(name):
            prefix = kind_of_first  # "… chi bộ thôn Tân Phú, Hải Hà": the first item's kind
        elif names:
            kind_of_first = ""  # an item with its own kind or body ends the sharing
        if not names and not level and (kind := _KIND_WORDS.match(name)) is not None:
            # "các điểm cầu chi bộ thôn Tân Phú, Hải Hà và Nam Hải": the first item's kind
            # goes on the items named without one
            words = kind.group(1).split()
            # ("xã Xuân Hòa, Thọ Lập": a level alone is the first item's only)
            kind_of_first = "" if all(w in _LEVEL_WORDS for w in words) else " ".join(words)
        elif not names and not level and (kind := _CAPITAL_KIND.match(name)) is not None:
            # "Bệnh viện Nhân dân 115, Nhân dân Gia Định và Hùng Vương", "Công an phường Hải
            # Châu, Sơn Trà": a kind in capitals, its level with it
            kind_of_first = " ".join(kind.group(1).split())
        if _OTHERS_AFTER.match(sentence, last):
            break  # "… và 13 điểm cầu BHXH cơ sở khác": the kind of the rest
        every = name.endswith(" tỉnh") and _AND_CITIES.match(sentence, last) is not None
        every = every or re.match(r"[ \t]+thuộc\b", sentence[last:]) is not None
        if not _names_a_kind(name) and not every:  # "69 điểm cầu Công an xã, phường": a kind
            if name.lower().startswith(f"{prefix.lower()} "):
                prefix = ""  # "…; Hạt Kiểm lâm Vườn quốc gia …": an item naming its kind
            label = f"{prefix} {name}" if prefix else name
            if body and (prefix or name.split()[0].lower() in _LEVEL_WORDS):
                label = f"{body} {label}"  # "… và thành phố Cần Thơ": the body's there too
            names.append((label, first, first + len(name)))
        separator = _LIST_SEPARATOR.match(sentence, last)
        if separator is None:
            break
        cursor = separator.end()
    return names


# A list's item on a line of its own: a mark ("-", "•", "👉", "1.") before the name.
_ITEM_LINE = re.compile(r"[ \t]*(?:[^\w\s]{1,3}|\d{1,2}[.)])?[ \t]*")
_MOST_ITEM_LINES = 60
_HEADING = re.compile(rf"[^{LOWER}]*[{UPPER}][^{LOWER}]*")


def _whole_item(line: str, opening: int) -> tuple[str, int, int] | None:
    """The one point a list's line or a colon's item names, commas and all, when one name
    reaches its end ("Hội trường A, Tỉnh ủy Quảng Trị (phường Đồng Hới)."), else None."""
    whole = _place_name(line, opening, joins_and=True)
    tail = re.sub(r"\([^()\n]*\)", "", line[whole[2] :]).strip(" \t;.,")
    return whole if "," in whole[0] and not tail else None


def _one_item(line: str) -> bool:
    """Whether a list's line that holds commas is one item: its parts open with different
    words ("Trường Đại học Sư phạm, Đại học Huế"), not alike ones ("Huyện ủy A, Huyện ủy
    B"), and no "và" or semicolon parts it."""
    parts = [part.split() for part in line.split(",")]
    return (
        len(parts) > 1
        and all(parts)
        and len({part[0].lower() for part in parts}) == len(parts)
        and not re.search(r"[ \t]và[ \t]|;", line)
        and all(part[0][:1].isupper() for part in parts)
    )


def _comma_list(sentence: str, start: int) -> list[tuple[str, int, int]]:
    """The points after the first of a list that has no "các" before it, read from
    ``start``: each item alike the first (the same first word, a level, a body or a
    province) and the last after "và"; none when the list is not one."""
    listed = _listed(sentence, start)
    if len(listed) < 3 or not re.match(r"[ \t]*và\b", sentence[listed[-2][2] :]):
        return []
    head = listed[0][0].split()[0].lower()
    for name, _first, _last in listed:
        words = name.split()
        if not (
            words[0].lower() == head
            or _PLACE_HEAD.match(name)
            or province_words(words) == len(words)
            or (head in _LEVEL_WORDS and _bare_place(words))
        ):
            return []
    return listed[1:]


def _bare_place(words: list[str]) -> bool:
    """Whether ``words`` may be a place's bare name in a list that opens with a place of a
    level ("xã Kiến Thụy, Tiên Lãng và phường Lê Chân"): two or three words in capitals,
    no title, no person's name."""
    if not 2 <= len(words) <= 3 or not all(_is_capital(word) for word in words):
        return False
    if province_words(words) or words[0].lower() in TITLE_WORDS:
        return False
    return not (len(words) == 3 and is_surname(words[0]))


def _numbered(mark: str) -> bool:
    return mark[:1].isdigit()


def _listed_lines(text: str, end: int) -> list[tuple[str, int, int]]:
    """The points listed on the lines after ``end`` (where a line opening the list ends),
    each line an item or a list of its own ("Sư đoàn 324 và Lữ đoàn 414."), until a blank
    line or a line that names no place."""
    names: list[tuple[str, int, int]] = []
    marks = ""  # the first item's mark ("-", "•", "👉", "1.")
    start = end + 1 if text[end : end + 1] == "\n" else end
    for _ in range(_MOST_ITEM_LINES):
        stop = text.find("\n", start)
        line = text[start : stop if stop >= 0 else len(text)]
        mark = _ITEM_LINE.match(line)
        opening = mark.end() if mark else 0
        marked = line[:opening].strip()
        if names and marks and (not marked or _numbered(marked) != _numbered(marks)):
            # the items had marks; a line without one is the text going on, and a number
            # after bullets ("5. Kiểm tra kỹ thuật: …") the plan's next point
            break
        marks = marks or marked
        named = _BRIDGE.match(line, opening)  # "- Điểm cầu huyện Chư Sê;"
        opening = named.end() if named else opening
        # "+ Phòng họp số 2, Trung tâm Phục vụ hành chính công xã Nghi Xuân;": the line is
        # the item, its commas and all, when one name reaches its end
        whole = _whole_item(line, opening)
        rest = line[opening:].rstrip(" \t;.,")
        if whole is not None:
            listed = [whole]
        elif _place_name(line, opening, joins_and=False)[0] and _one_item(rest):
            # "– Trường Đại học Y - Dược, Đại học Huế;": the school, then its university
            listed = [(rest, opening, opening + len(rest))]
        else:
            listed = _listed(line, opening)
        if not line.strip() or not listed or _HEADING.fullmatch(line.strip()):
            break  # a blank line, or a heading in capitals ("I. THỜI GIAN, ĐIỂM CẦU")
        names.extend((name, start + first, start + last) for name, first, last in listed)
        if stop < 0:
            break
        start = stop + 1
    return names


# Who led the delegation at a point: "điểm cầu X (dự hội nghị) có đồng chí Y", "…, do Y".
_PRESENCE = re.compile(
    r"^[ \t]*,?[ \t]*(?:(?:dự|tham dự)[ \t]+(?:hội nghị[ \t]+)?(?:có[ \t]+)?|có[ \t]+|do[ \t]+)?",
    re.IGNORECASE,
)
_PRESENCE_END = re.compile(
    r"[ \t]+(?:cùng|cùng với|dự|tham dự|chủ trì|và các|và toàn thể)\b|;|$", re.IGNORECASE
)


def _presiding(sentence: str, bridge_start: int, name_end: int) -> list[PersonMention]:
    after = sentence[name_end : name_end + WINDOW]
    lead = _PRESENCE.match(after)
    rest = after[lead.end() if lead else 0 :]
    stop = _PRESENCE_END.search(rest)
    piece = rest[: stop.start() if stop else len(rest)]
    person = read_person(piece)
    if person is None:
        before = sentence[max(0, bridge_start - WINDOW) : bridge_start]
        verb = re.search(r"(?:tham\s+)?dự\s+(?:hội nghị\s+)?tại\s*$", before, re.IGNORECASE)
        if verb is not None:
            person = person_name_first(before[: verb.start()])
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
