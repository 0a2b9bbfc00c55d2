"""Who chaired the conference an article reports: the people before or after "chủ trì",
those who chaired with them, or the one who gave the directing speech."""

from __future__ import annotations

import dataclasses
import re

from minutes_app.base.text import UPPER
from minutes_app.core.parsing.people import (
    NAME,
    WINDOW,
    PersonMention,
    people_in,
    trim_to_surname,
)
from minutes_app.core.parsing.spans import Span, sentences


def _locate(text: str, words: str, start: int, end: int, what: str) -> Span | None:
    """Where ``words`` stand in text[start:end], however they are spaced there."""
    pattern = r"[ \t]+".join(re.escape(word) for word in words.split())
    if not pattern:
        return None
    match = re.compile(pattern).search(text, start, end)
    return Span(match.start(), match.end(), what) if match else None


_CHAIRS_VERB = re.compile(r"(?:đồng[ \t]+)?chủ[ \t]+trì", re.IGNORECASE)


# "Phó Bí thư Thường trực Tỉnh ủy Hầu A Lềnh dự và chủ trì": the words that lead to the
# verb, after the name.
_CHAIR_VERB_LEAD = re.compile(
    r"(?:[ \t]+(?:đã|cùng|trực[ \t]+tiếp|(?:tham[ \t]+)?dự[ \t]+và))+[ \t]*$", re.IGNORECASE
)


# "Tại điểm cầu Trung ương, đồng chí … chủ trì": the central point is the host's.
_HOST_POINT_WORDS = re.compile(
    r"(?:điểm|đầu)[ \t]+cầu[ \t]+(?:chính|trung[ \t]+ương|trung[ \t]+tâm)\b", re.IGNORECASE
)


def _at_another_point(before_verb: str, host: str | None) -> bool:
    """Whether the words before a chair's verb place it at a bridge point, not the host."""
    lower = before_verb.lower()
    if "điểm cầu" not in lower and "đầu cầu" not in lower:
        return False
    at_host = _HOST_POINT_WORDS.search(before_verb) is not None
    return not (at_host or (host is not None and host.lower() in lower))


# "Từ điểm cầu Hội trường Tỉnh ủy Lâm Đồng, đồng chí … chủ trì": the place, no person.
_AT_THE_POINT = re.compile(
    r"^[ \t]*(?:Tại|Từ|Ở)[ \t]+(?:điểm|đầu)[ \t]+cầu[ \t]+[^,;]{1,100},[ \t]*"
)
# The sentence opens with the verb, its chairs after it: "Chủ trì hội nghị có …", "Đồng chủ
# trì hội nghị có đồng chí A … và đồng chí B …".
_VERB_OPENS = re.compile(r"^\s*(?:đồng\s+|cùng\s+)?chủ\s+trì", re.IGNORECASE)


def read_chairs(text: str, host: str | None = None) -> tuple[tuple[PersonMention, ...], list[Span]]:
    """The chairs named in the first sentence that says who chaired, and where each name
    stands in the text; one who chaired at a bridge point other than the host point
    (``host``) chaired that point, not the conference."""
    # a plan's or notice's heading "1. Chủ trì:" and its items name them all
    planned, planned_spans = _planned_chairs(text)
    if planned:
        return planned, planned_spans
    posts_tried = 0
    for start, end in sentences(text):
        sentence = text[start:end]
        verb = _CHAIRS_VERB.search(sentence)
        if verb is None or _at_another_point(sentence[: verb.start()], host):
            continue
        before = _clause_before(sentence[max(0, verb.start() - WINDOW) : verb.start()])
        clause = _AT_THE_POINT.sub("", _CHAIR_VERB_LEAD.sub("", before[1]))
        people = people_in(clause) or _post_name_then_posts(clause)
        post_only = _POST_ONLY.match(clause) if not people else None
        if post_only is not None and posts_tried < _MOST_POSTS_TRIED:
            posts_tried += 1
            people = _post_named(text, post_only)
        if not people and _VERB_OPENS.match(sentence[verb.start() :]):
            people = people_in(sentence[verb.end() : verb.end() + WINDOW])
        if people:
            _add_co_chairs(text, start, start + verb.end(), people)
            located = (_locate(text, person.name, start, len(text), "chair") for person in people)
            return tuple(people), [span for span in located if span is not None]
    # "Phiên họp do đồng chí Trưởng Ban Chỉ đạo chủ trì" names the post only: the person
    # who gave the directing speech ("Đồng chí … phát biểu chỉ đạo") chaired.
    for start, end in sentences(text):
        sentence = text[start:end]
        speech = _DIRECTING_SPEECH.search(sentence)
        if speech is None:
            continue
        people = people_in(sentence[max(0, speech.start() - WINDOW) : speech.start()])[:1]
        if people:
            span = _locate(text, people[0].name, start, len(text), "chair")
            return tuple(people), [span] if span is not None else []
    return (), []


# A plan's or notice's heading "3. Chủ trì" on a line of its own, then a line for each
# point: "- Tại điểm cầu Trung ương: đồng chí …" names who chairs the conference.
_CHAIR_HEADING = re.compile(
    r"(?im)^[ \t]*(?:(?:[IVX]{1,4}|\d{1,2})[.)][ \t]*|[^\w\s]{1,3}[ \t]*)?chủ[ \t]+trì"
    r"(?:[ \t]+hội[ \t]+nghị)?[ \t]*:?[ \t]*$"
)
# The items under the heading, a line each: "👉 Anh Hoàng Văn Phúc – Bí thư Tỉnh Đoàn".
# ("2. Chủ trì" / "Đồng chí Hà Minh Tuấn, …": one chair on a line without a mark)
_ITEM_LINES = re.compile(r"(?:\n[ \t]*(?:[^\w\s]|[Đđ]ồng[ \t]+chí\b)[^\n]*)+")
# An item that opens "- Tại điểm cầu …": who is at a point.
_AT_A_POINT_ITEM = r"[ \t]*(?:[-–•*+][ \t]*)?tại[ \t]+(?:điểm|đầu)[ \t]+cầu"
_AT_A_POINT = re.compile(rf"(?i){_AT_A_POINT_ITEM}\b")
# ... at the main point: "- Tại điểm cầu Trung ương: đồng chí …".
_MAIN_POINT_ITEM = re.compile(
    rf"(?im)^{_AT_A_POINT_ITEM}[ \t]+"
    r"(?:chính|trung[ \t]+tâm|(?-i:Trung[ \t]+ương))[ \t]*(?:\([^()\n]{1,120}\)[ \t]*)?:[ \t]*"
    r"(?P<who>[^\n]+)"
)
_HEADING_REACH = 400  # the items stand within these characters of their heading


def _planned_chairs(text: str) -> tuple[tuple[PersonMention, ...], list[Span]]:
    for heading in _CHAIR_HEADING.finditer(text):
        reach = heading.end() + _HEADING_REACH
        lines = _ITEM_LINES.match(text, heading.end(), reach)
        items_end = lines.end() if lines is not None else heading.end()
        item = _MAIN_POINT_ITEM.search(text, heading.end(), items_end)
        if item is not None:
            people, named_from = people_in(item.group("who")), item.start()
        else:
            # no points named: each item under the heading is a chair, but one at another
            # point ("- Tại điểm cầu phường: đồng chí …")
            lines_text = lines.group() if lines is not None else ""
            people = [
                p
                for line in lines_text.split("\n")
                if not _AT_A_POINT.match(line)
                for p in people_in(line)
            ]
            named_from = heading.end()
        if people:
            located = (_locate(text, p.name, named_from, len(text), "chair") for p in people)
            return tuple(people), [span for span in located if span is not None]
    return (), []


_DIRECTING_SPEECH = re.compile(r"phát[ \t]+biểu[ \t]+(?:chỉ[ \t]+đạo|kết[ \t]+luận)", re.IGNORECASE)


# "Cùng chủ trì có đồng chí …", "Đồng chủ trì hội nghị có các đồng chí: …", "…, cùng dự và
# đồng chủ trì có …": the chair's sentence, after its verb, or one soon after it names
# those who chaired with them.
_CO_CHAIRS = re.compile(
    r"(?<![\w])(?:[Cc]ùng|[Đđ]ồng)[ \t]+chủ[ \t]+trì[ \t]*(?:hội[ \t]+nghị[ \t]*)?"
    r"(?:còn[ \t]+)?(?:có|là|gồm)?[ \t]*:?[ \t]*"
)
_CO_CHAIR_SENTENCES = 3
_CO_CHAIR_LEAD = 60  # how far into a sentence its "cùng chủ trì" may stand


def _add_co_chairs(text: str, chair_start: int, verb_end: int, people: list[PersonMention]) -> None:
    """Add to ``people`` the co-chairs named after the chair's verb (at ``verb_end``, in
    the sentence at ``chair_start``) or in the sentences after it (a bounded look ahead)."""
    spans = sentences(text, chair_start, min(len(text), chair_start + 3000))
    together = _CHAIRS_WITH.match(text, verb_end)
    if together is not None and spans:
        # "A … cùng chủ trì với đồng chí B, …": B chairs with A
        piece = text[together.end() : min(spans[0][1], together.end() + WINDOW)]
        _add_new(people, _co_chairs_in(piece))
        return
    following = [(verb_end, spans[0][1])] if spans else []
    following += spans[1 : 1 + _CO_CHAIR_SENTENCES]
    for index, (start, end) in enumerate(following):
        reach = end if index == 0 else min(end, start + _CO_CHAIR_LEAD)
        lead = _CO_CHAIRS.search(text, start, reach)
        closing = _CO_CHAIRS_CLOSE.search(text, start, end) if lead is None and index else None
        if closing is not None:
            # "Phó Chánh án A và Phó Chánh án B đồng chủ trì.": the co-chairs before it
            _add_new(people, _co_chairs_in(text[start : closing.start()]))
            return
        if lead is None:
            continue
        found = _co_chairs_in(text[lead.end() : min(end, lead.end() + WINDOW)])
        if not found and index == 0:
            # "A … chủ trì hội nghị; B, … đồng chủ trì": the co-chairs before their verb,
            # after the clause mark that follows the chair
            clause = max(text.rfind(";", start, lead.start()), start - 1) + 1
            found = _co_chairs_in(_CO_CHAIRS_OPEN.sub("", text[clause : lead.start()]))
        _add_new(people, found)
        return


# A sentence of its own that ends "… đồng chủ trì (hội nghị)."
_CO_CHAIRS_CLOSE = re.compile(
    r"[ \t]+(?:cùng|đồng)[ \t]+chủ[ \t]+trì(?:[ \t]+hội[ \t]+nghị)?[ \t]*[.;]?[ \t]*$"
)


def _add_new(people: list[PersonMention], found: list[PersonMention]) -> None:
    """Add to ``people`` those of ``found`` it does not name yet."""
    names = {person.name for person in people}
    people.extend(person for person in found if person.name not in names)


_CHAIRS_WITH = re.compile(
    r"[ \t]+(?:hội[ \t]+nghị[ \t]+)?với[ \t]+(?=(?:các[ \t]+)?[Đđ]ồng[ \t]+chí|[" + UPPER + r"])"
)
# "; cùng các đồng chí …", "; và đồng chí …": the words that open a clause of co-chairs.
_CO_CHAIRS_OPEN = re.compile(r"^[ \t]*(?:cùng|và)?[ \t]*", re.IGNORECASE)


def _co_chairs_in(piece: str) -> list[PersonMention]:
    """The co-chairs a piece names, each with the post they share when one is named before
    their list ("các đồng chí Phó Bí thư Tỉnh ủy: A, …; B, …")."""
    shared = _SHARED_POST.match(piece)
    found = people_in("các đồng chí: " + piece[shared.end() :] if shared else piece)
    if shared is None:
        return found
    post = " ".join(shared.group("post").split())
    return [
        dataclasses.replace(person, title=f"{post}, {person.title}" if person.title else post)
        for person in found
    ]


# "Cùng chủ trì có các đồng chí Phó Bí thư Tỉnh ủy: A, Chủ tịch UBND tỉnh; B, …": a post
# they share, then the list.
_SHARED_POST = re.compile(
    r"(?:các[ \t]+)?đồng[ \t]+chí[ \t]+"
    r"(?P<post>(?-i:[" + UPPER + r"])[^:;.\n]{2,80}?)[ \t]*:[ \t]*",
    re.IGNORECASE,
)


# a post named after the name ("Trưởng Ban Chỉ đạo của Chính phủ về tổng kết thực hiện
# Nghị quyết số 18-NQ/TW")
_MOST_POST_WORDS = 20


# The words a person's post opens with ("Phó Bí thư …", "Chủ tịch …", "Giám đốc …").
_PERSON_POST = (
    r"(?:Phó[ \t]+|Tổng[ \t]+)?(?:Bí[ \t]+thư|Chủ[ \t]+tịch|Trưởng|Giám[ \t]+đốc|Bộ[ \t]+trưởng|"
    r"Thứ[ \t]+trưởng|Thủ[ \t]+tướng|Chủ[ \t]+nhiệm|Ủy[ \t]+viên|Chánh)\b"
)
# "Hội nghị do đồng chí Phó Chủ tịch UBND tỉnh chủ trì": a post, no name.
_POST_ONLY = re.compile(
    r"^[ \t]*(?:[Đđ]ồng[ \t]+chí[ \t]+)?(?P<post>" + _PERSON_POST + r"[^,;:()]{3,80}?)"
    r"(?P<more>[ \t]*,[^;:()]{3,120}?)?[ \t]*$"
)
_MOST_POST_MENTIONS = 50
_MOST_POSTS_TRIED = 3  # chairs named by post alone, each looked for in the whole text
_POST_REACH = 50_000  # how far into the text a post's holder is looked for


def _post_named(text: str, only: re.Match[str]) -> list[PersonMention]:
    """The person a post (``only``, a match of ``_POST_ONLY``) names elsewhere in the text
    ("đồng chí Đinh Quang Vinh, Phó Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh Đinh
    Quang Vinh"), for a chair named by the post alone; none when the text names no one, or
    more than one, with it."""
    post = re.escape(" ".join(only.group("post").split())).replace(r"\ ", r"[ \t]+")
    title = " ".join((only.group("post") + (only.group("more") or "")).split())
    found: dict[str, PersonMention] = {}
    pattern = re.compile(
        rf"(?P<a>{NAME})[ \t]*,[ \t]*(?:[^,;.]{{0,60}},[ \t]*)?{post}(?![\w])"
        rf"|{post}[ \t]+(?P<b>{NAME})"
    )
    for count, match in enumerate(pattern.finditer(text, 0, _POST_REACH)):
        if count >= _MOST_POST_MENTIONS:
            break
        name = trim_to_surname(match.group("a") or match.group("b"))
        if name is not None:
            found.setdefault(name, PersonMention(name, title))
    return list(found.values()) if len(found) == 1 else []


def _post_name_then_posts(clause: str) -> list[PersonMention]:
    """A national leader named with several posts, the first before the name and the
    others after it ("Thủ tướng Chính phủ Phạm Minh Chính, Trưởng Ban Chỉ đạo quốc gia về
    chuyển đổi số,"): the person of the first part, titled with every post."""
    parts: list[str] = []
    for part in (part.strip() for part in clause.strip().rstrip(",").split(",")):
        if parts and part[:1].islower():
            # "Trưởng Ban Chỉ huy Phòng, chống thiên tai …": a post's own comma
            parts[-1] = f"{parts[-1]}, {part}"
        else:
            parts.append(part)
    if len(parts) < 2:
        return []
    first = people_in(parts[0])
    posts = parts[1:]
    if len(first) != 1 or not all(
        post[:1].isupper() and len(post.split()) <= _MOST_POST_WORDS for post in posts
    ):
        return []
    person = first[0]
    title = ", ".join([t for t in (person.title, *posts) if t])
    return [dataclasses.replace(person, title=title)]


def _clause_before(text: str) -> tuple[int, str]:
    """The words before 'chủ trì' that can hold the chair: after 'do', else the sentence."""
    marker = max(text.rfind(" do "), -1)
    if marker >= 0:
        return marker + 4, text[marker + 4 :]
    return 0, text
