"""Where an online conference was held: its host point and each bridge point (điểm cầu)
named in the article, with who presided there."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes_app.core.parsing.people import WINDOW, PersonMention, person_name_first, read_person
from minutes_app.core.parsing.shadow import shadow
from minutes_app.core.parsing.spans import UPPER, Span, sentences


@dataclass(frozen=True)
class BridgePointDraft:
    """An điểm cầu and who led the delegation there."""

    name: str
    presiding: tuple[PersonMention, ...]


_HOST = re.compile(
    r"(?:trực[ \t]+tuyến|kết[ \t]+nối)[ \t]+từ[ \t]+(?:điểm[ \t]+cầu[ \t]+(?:chính[ \t]+)?"
    r"(?:(?:đặt[ \t]+)?(?:tại|ở)[ \t]+)?)?(?P<a>[^\n.;]{3,80}?)[ \t]+(?:đến|tới)[ \t]+"
    # "được tổ chức tại X, kết nối trực tuyến với …": the venue the others connect to
    r"|tổ[ \t]+chức[ \t]+(?:trực[ \t]+tuyến[ \t]+)?tại[ \t]+(?P<d>(?-i:[" + UPPER + r"])"
    r"[^\n.;,]{2,80}?)(?=,?[ \t]+(?:kết[ \t]+nối|trực[ \t]+tuyến)\b)"
    r"|điểm[ \t]+cầu[ \t]+(?:chính|Trung[ \t]+ương)[ \t]+(?:đặt[ \t]+)?(?:tại|ở)[ \t]+"
    r"(?P<b>[^\n.;,]{3,80})"
    # "điểm cầu chính (là) Hội trường Tỉnh ủy": the name as written, up to where the
    # sentence goes on ("đến", "kết nối", a comma)
    r"|điểm[ \t]+cầu[ \t]+chính[ \t]+(?:là[ \t]+)?(?P<c>(?-i:[" + UPPER + r"])[^\n.;,]{2,80}?)"
    r"(?=[ \t]+(?:đến|tới|với|kết[ \t]+nối|cùng|và)\b|[\n.;,)]|$)",
    re.IGNORECASE,
)


def read_host_point(text: str) -> tuple[str | None, Span | None]:
    """The host point (điểm cầu chính) and where the text names it."""
    match = _HOST.search(text)
    if match is None:
        return None, None
    group = next(g for g in ("a", "b", "c", "d") if match.group(g))
    name = match.group(group).strip()
    return name, Span(match.start(group), match.start(group) + len(name), "host_point")


_BRIDGE = re.compile(
    r"(?<![\w])điểm[ \t]+c[ầẩ]u(?:[ \t]+trực[ \t]+tuyến)?(?:[ \t]+|(?=[ \t]*:))", re.IGNORECASE
)
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


def read_bridge_points(text: str) -> tuple[tuple[BridgePointDraft, ...], list[Span]]:
    """Every bridge point named, once each in order of first mention, with who presided
    there; one span per point."""
    found: dict[str, tuple[str, list[PersonMention]]] = {}
    spans: list[Span] = []
    seen = 0
    for start, end in sentences(text):
        sentence = text[start:end]
        for match in _BRIDGE.finditer(sentence):
            seen += 1
            if seen > _MOST_BRIDGE_MENTIONS:
                break
            if re.match(r"(?i)chính\b", sentence[match.end() :]):
                continue  # the host point (read_host_point), not one of the others
            if re.search(
                r"(?i)(?:các|\d+)\s+$", sentence[max(0, match.start() - 12) : match.start()]
            ):
                # "các điểm cầu: A, B và C", "5 điểm cầu gồm A, B…": each named in the list
                for name, name_start, name_end in _listed(sentence, match.end()):
                    key = shadow(name).lower()
                    if key not in found:
                        spans.append(Span(start + name_start, start + name_end, "bridge_point"))
                    found.setdefault(key, (f"Điểm cầu {name}", []))
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


# After "các điểm cầu": a colon or a word that opens the list, then its names.
_LIST_OPENS = re.compile(r"[ \t]*(?::|(?:gồm|gồm có|là|tại|ở)\b[ \t]*:?)[ \t]*", re.IGNORECASE)
_LIST_ITEM = re.compile(r"[ \t]*(?:,|;|\bvà\b)?[ \t]*([^,;]+?)(?=[ \t]*(?:,|;|\bvà\b|$))")
# Words that end a listed name: the sentence goes on with a verb or a count.
_ITEM_STOP = re.compile(
    r"[ \t]+(?:dự|tham dự|có|cùng|với|đã|đều|được|theo dõi|kết nối|trong|trên)\b.*$",
    re.IGNORECASE,
)
_MOST_LISTED = 60


def _listed(sentence: str, start: int) -> list[tuple[str, int, int]]:
    """The names a list of bridge points gives after "các điểm cầu" / "N điểm cầu": each
    item begins with a capital; the list ends at the first that does not."""
    opens = _LIST_OPENS.match(sentence, start)
    cursor = opens.end() if opens else start
    names: list[tuple[str, int, int]] = []
    while len(names) < _MOST_LISTED and (item := _LIST_ITEM.match(sentence, cursor)):
        text = item.group(1)
        cut = _ITEM_STOP.search(text)
        name = (text[: cut.start()] if cut else text).strip().rstrip(".")
        if not name or not name[:1].isupper() or len(name.split()) > 10:
            break
        first = item.start(1) + (len(text) - len(text.lstrip()))
        names.append((name, first, first + len(name)))
        if cut is not None:
            break
        cursor = item.end()
    return names


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
