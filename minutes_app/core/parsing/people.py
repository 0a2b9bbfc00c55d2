"""People named in an article, with the title given there: "đồng chí Trương Thị Mai, Ủy
viên Bộ Chính trị", "Phó Bí thư Tỉnh ủy Phạm Minh Tấn", "Nguyễn Đình Trung - Bí thư Tỉnh
ủy", and lists of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes_app.base.names import is_rare_surname, is_surname, province_words
from minutes_app.base.text import LOWER, UPPER


@dataclass(frozen=True)
class PersonMention:
    """A person as named in the text, with the title given there."""

    name: str
    title: str | None


# How far from its anchor word a name, title or clause is looked for: long enough for
# "đồng chí X, Ủy viên …, Bí thư …, Trưởng đoàn …", short enough to keep scans linear.
WINDOW = 400
# ("H’Lin", "K’Bình", "M’gar": a syllable of the Highlands with an apostrophe in it)
_SYLLABLE = rf"[{UPPER}][{LOWER}]*(?:['’][{UPPER}]?[{LOWER}]+)?"
# Vietnamese names: two to five capitalised syllables ("Trương Thị Mai").
# ("K’Điệp", "K'Bình": a Cơ Ho name of one syllable and its prefix)
_PREFIXED = rf"[{UPPER}]['’][{UPPER}][{LOWER}]+(?![\w'’])"
_NAME = rf"(?:{_SYLLABLE}(?:[ \t]{{1,2}}{_SYLLABLE}){{1,4}}|{_PREFIXED})"
NAME = _NAME
# What stands before a name and is no part of the title: "đồng chí", "ông", "bà", the youth's
# "anh", "chị", a degree ("PGS.TS.", "ThS.") and a rank of the army or the police ("Đại tá",
# "Thiếu tướng").
_HONORIFICS = (
    r"[Đđ]ồng[ \t]+chí|[Đđ]/[Cc]|[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị"
    # ("TS.BS", "BSCKII.", "BS.CKI": a doctor's degrees, the dot after them left out)
    r"|(?:PGS|GS|TS|ThS|BS|KS|DS)\.(?:[ \t]?(?:TS|ThS|BS|CKII|CKI)\.?)?|BSCKII\.?|BSCKI\.?|"
    r"(?:[Đđ]ại|[Tt]hượng|[Tt]rung|[Tt]hiếu)[ \t]+(?:tướng|tá|úy|uý)"
)
_HONORIFIC = re.compile(rf"^(?:{_HONORIFICS})[ \t]+")
_PERSON_NAME_FIRST = re.compile(
    rf"(?<![\w])(?:(?:{_HONORIFICS})[ \t]+)(?P<name>{_NAME})[ \t]*(?:(?:,|[-–])[ \t]*(?P<title>[^;.]*))?"
)
NAME_AT_END = re.compile(rf"(?<![\w])(?P<name>{_NAME})[ \t]*$")
# Lists of the form "các đồng chí: Nguyễn Đình Trung - Bí thư Tỉnh ủy; …".
# The dash is found first and the name read back from it: trying a name at every
# capital letter costs too much on long texts.
_DASH_THEN_TITLE = re.compile(rf"[ \t]+[-–][ \t]+(?P<title>[{UPPER}][^;.]*)")


def trim_to_surname(name: str) -> str | None:
    """The person's name inside a run of capitalised words ("Tỉnh ủy Nguyễn Văn Dũng")."""
    words = name.split()
    if re.fullmatch(_PREFIXED, words[-1]):
        return words[-1]  # "Phó Chủ tịch HĐND tỉnh K’Bình"
    place = province_words(words)
    if place and len(words) - place >= 2 and is_surname(words[place]):
        words = words[place:]  # "Quảng Ninh Lã Minh Khuê": the province, then the person
    found = [i for i, word in enumerate(words) if is_surname(word) and 2 <= len(words) - i <= 5]
    # "Thành ủy Cẩm Phả Nguyễn Văn Dũng": a rare family name that is also a place's word
    # ("Cầm", "Cẩm") gives way to a common one after it
    while len(found) > 1 and is_rare_surname(words[found[0]]) and len(words) - found[1] >= 3:
        found.pop(0)
    return " ".join(words[found[0] :]) if found else None


def _clean_title(title: str | None) -> str | None:
    if title is None:
        return None
    title = re.sub(r"\s+", " ", title).strip(" \t,:;–-")
    return title or None


# Words that start a title, never a name: "đồng chí Phó Bí thư …" is not named "Phó Bí".
TITLE_WORDS = frozenset(
    "phó bí chủ trưởng ủy uỷ giám thứ bộ tổng đại ban tỉnh huyện thành viện cục vụ "
    "thường chánh".split()
)
# "Các đồng chí Phó Bí thư Tỉnh ủy: Nguyễn Đăng Bình, Phạm Duy Hưng": one title, many names.
# The colon is found first, then the title read back from it (a bounded look back).
_SHARED_NAMES = re.compile(
    rf":[ \t]*(?P<names>{_NAME}(?:[ \t]*(?:,|và)[ \t]*{_NAME})+)(?![{LOWER}])[ \t]*"
    rf"(?:$|[.;]|[{LOWER}])"
)
_LEADING_COMRADES = re.compile(r"^(?:[Cc]ác[ \t]+)?(?:[Đđ]ồng[ \t]+chí)?[ \t]*")


# "Cùng chủ trì có các Thứ trưởng Bùi Văn Khánh, Lò Thị Nga": no colon, the title and the
# first name run together after "các".
_SHARED_AFTER_CAC = re.compile(
    rf"(?<![\w])[Cc]ác[ \t]+(?P<run>[{UPPER}][^,;:.]{{2,80}}?)[ \t]*,[ \t]*"
    rf"(?P<names>{_NAME}(?:[ \t]*(?:,|và)[ \t]*{_NAME})*)(?![{LOWER}])[ \t]*(?:$|[.;]|[{LOWER}])"
)
# Where the shared title begins in what precedes its names: after "(và) các (đồng chí)".
_SHARED_TITLE_OPENS = re.compile(
    r"(?:[ \t]*(?:,|\bvà\b))?[ \t]*\b[Cc]ác[ \t]+(?:[Đđ]ồng[ \t]+chí[ \t]+)?"
)


def _people_sharing_a_title(piece: str) -> list[PersonMention]:
    """The people of "các đồng chí <title>: A, B" (or "các <title> A, B"), each with the
    title, after whoever the piece names before them ("Đồng chí X, Chánh án … và các đồng
    chí Phó Chánh án: A, B")."""
    match = _SHARED_NAMES.search(piece)
    if match is not None:
        before_at = max(0, match.start() - 120)
        before = piece[before_at : match.start()]
        cut = max(before.rfind(";"), before.rfind("."), before.rfind(":")) + 1
        before_at, before = before_at + cut, before[cut:]
        names = match.group("names")
    else:
        match = _SHARED_AFTER_CAC.search(piece)
        if match is None:
            return []
        run = match.group("run")
        at_end = NAME_AT_END.search(run)
        first = trim_to_surname(at_end.group("name")) if at_end is not None else None
        if first is None or run[: len(run) - len(first)].split()[0].lower() not in TITLE_WORDS:
            return []
        before_at = match.start()
        before = piece[before_at : match.start("run") + len(run) - len(first)]
        names = f"{first}, {match.group('names')}"
    opens = list(_SHARED_TITLE_OPENS.finditer(before))
    head = piece[: before_at + opens[-1].start()] if opens else ""
    title_text = before[opens[-1].end() :] if opens else before
    title = _clean_title(_LEADING_COMRADES.sub("", title_text.strip()))
    if title is not None and not title[:1].isupper():
        title = None
    people: list[PersonMention] = [] if not head.strip() else people_in(head)
    for raw in re.split(r"[ \t]*(?:,|\bvà\b)[ \t]*", names):
        name = trim_to_surname(raw.strip())
        if name is None or name != raw.strip():
            return []
        if name not in {person.name for person in people}:
            people.append(PersonMention(name, title))
    return people


def person_name_first(piece: str) -> PersonMention | None:
    """'đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, …' (title after the name)."""
    match = _PERSON_NAME_FIRST.search(piece)
    if match is None or match.group("name").split()[0].lower() in TITLE_WORDS:
        return None
    return PersonMention(match.group("name"), _clean_title(match.group("title")))


def _person_title_first(piece: str) -> PersonMention | None:
    """'Phó Bí thư Thường trực Tỉnh ủy, Phạm Minh Tấn' (title before the name)."""
    piece = piece.rstrip(" \t,.;")
    # A name is at most five short syllables: look only at the tail, so that a long
    # run of capitalised words costs no more than a short one.
    tail_start = max(0, len(piece) - 60)
    match = NAME_AT_END.search(piece, tail_start)
    if match is None:
        return None
    name = trim_to_surname(match.group("name"))
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
        match = NAME_AT_END.search(piece, max(0, dash.start() - 60), dash.start())
        name = trim_to_surname(match.group("name")) if match else None
        if name is not None:
            return PersonMention(name, _clean_title(dash.group("title")))
    return None


_NAME_THEN_COMMA = re.compile(rf"^[ \t]*(?P<name>{_NAME})[ \t]*,[ \t]*(?P<title>[^;.]*)")


def _person_name_comma(piece: str) -> PersonMention | None:
    """'Lê Thanh Sơn, Thứ trưởng Bộ Nội vụ' in a list after 'các đồng chí:' (no honorific)."""
    match = _NAME_THEN_COMMA.match(piece)
    if match is None or trim_to_surname(match.group("name")) != match.group("name"):
        return None
    title = _clean_title(match.group("title"))
    if title is not None and not title[:1].isupper():
        title = None
    return PersonMention(match.group("name"), title)


def read_person(piece: str) -> PersonMention | None:
    """The person named in ``piece``: name then title, name - title, or title then name."""
    return person_name_first(piece) or _person_dash(piece) or _person_title_first(piece)


# "… có các đồng chí:" introduces a list whose items start with the name.
_COMRADES_COLON = re.compile(r"(?:các[ \t]+)?(?:[Đđ]ồng[ \t]+chí|[Đđ]/[Cc])[ \t]*:")


# Where the next person of a list begins: a semicolon, or "và" or a comma before "đồng chí"
# or a rank.
_NEXT_PERSON = re.compile(
    rf";|[ \t]+và[ \t]+(?=(?:{_HONORIFICS})[ \t]+[{UPPER}])|,[ \t]+(?=[Đđ]ồng[ \t]+chí)"
)
_NEXT_LISTED = re.compile(rf"[ \t]+và[ \t]+(?={_NAME}[ \t]*,)")


def people_in(fragment: str) -> list[PersonMention]:
    """The people named in a fragment of a sentence, once each, in order."""
    people: list[PersonMention] = []
    shared = _people_sharing_a_title(fragment)
    if shared:
        return shared
    listed = _COMRADES_COLON.search(fragment)
    if listed is not None:
        fragment = fragment[listed.end() :]
    pieces = _NEXT_PERSON.split(fragment)
    if listed is not None:
        # "A, Chủ tịch UBND huyện và B, Chủ tịch HĐND huyện": "và" before a name and its
        # comma opens the list's next item
        pieces = [part for piece in pieces for part in _NEXT_LISTED.split(piece)]
    for piece in pieces:
        for part in _split_after_names(piece):
            person = (_person_name_comma(part) if listed else None) or read_person(part)
            if person is not None and person.name not in {p.name for p in people}:
                people.append(person)
    return people


_AND = re.compile(r"[ \t]+và[ \t]+(?=[{UPPER}])".replace("{UPPER}", UPPER))


def _titled_after(before: str, after: str) -> bool:
    """Whether "và" between ``before`` and ``after`` parts two people: a person named
    before it (name first, "Đồng chí X, Phó Thống đốc …, Chủ tịch …") and a post then a
    name after it ("Tổng Giám đốc NHCSXH Lương Thị Hải Yến")."""
    if person_name_first(before) is None:
        return False
    person = _person_title_first(re.split(r"[,;]", after, maxsplit=1)[0])
    title = person.title if person is not None else None
    return title is not None and title.split()[0].lower() in TITLE_WORDS


def _split_after_names(piece: str) -> list[str]:
    """'Chủ tịch UBND tỉnh Đỗ Văn Phúc và Phó Chủ tịch … Lương Thị Mai': split at a 'và'
    that follows a person's name, never inside a title ('Ban Tuyên giáo và Dân vận')."""
    parts: list[str] = []
    start = 0
    for conjunction in _AND.finditer(piece):
        name = NAME_AT_END.search(piece, max(start, conjunction.start() - 60), conjunction.start())
        named = name is not None and trim_to_surname(name.group("name")) is not None
        if named or _titled_after(piece[start : conjunction.start()], piece[conjunction.end() :]):
            parts.append(piece[start : conjunction.start()])
            start = conjunction.end()
    parts.append(piece[start:])
    return parts
