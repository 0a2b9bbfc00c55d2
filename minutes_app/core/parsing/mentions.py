"""The scan for citations: each place a document is cited, read from its head (kind,
number, symbol) through the list of numbers and the date and issuer written after it."""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass

from minutes_app.core.parsing.dates import TAIL_DATE, TAIL_PARTIAL_DATE, parse_date
from minutes_app.core.parsing.document_kinds import SHORT_KINDS, kind_from_symbol, kind_from_word
from minutes_app.core.parsing.document_numbers import (
    HEAD,
    LIST_NUMBER,
    SHARED_SUFFIX,
    is_number_reference,
    is_state_symbol,
    number_stands_alone,
    trim_glued_caps,
)
from minutes_app.core.parsing.issuers import TAIL_PLENUM, plenum_issuer, read_issuer
from minutes_app.core.parsing.shadow import plain_dashes

_TAIL_ISSUER = re.compile(r"[ \t]{0,3},?[ \t]{0,3}(?:\([ \t]{0,3})?(?i:cua)[ \t]{1,3}")
# "Kế hoạch số 145-KH/TU … do Ban Thường vụ Tỉnh ủy ban hành": the issuer before the verb.
_TAIL_BY = re.compile(r"[ \t]{0,3},?[ \t]{0,3}(?i:do)[ \t]{1,3}(?=[A-Z])")
# After the issuer, a comma, a date and a comma before a capital: a date that opens the
# next clause ("… khóa XIII, ngày 15/3/2022, Ban Thường vụ … ban hành …").
_NEXT_CLAUSE_DATE = re.compile(
    r"[ \t]{0,3},[ \t]{0,3}(?i:ngay)[ \t]{1,3}\d{1,2}[\d/.\- \t]{0,12}"
    r"(?i:[ \t]thang[ \t]\d{1,2}[ \t]nam[ \t]\d{4})?[ \t]{0,3},[ \t]{0,3}[A-Z]"
)
# "Nghị quyết số 04-NQ/TU năm 2021 của …", "Kế hoạch số 15-KH/BCĐ tháng 8/2025 của …": a
# year or a month alone dates nothing, but the issuer is read after it.
_TAIL_YEAR = re.compile(
    r"[ \t]{0,3},?[ \t]{0,3}(?:(?i:thang)[ \t]{1,3}\d{1,2}"
    r"(?:[ \t]?[/\-][ \t]?|[ \t]{1,3}(?i:nam)[ \t]{1,3})|(?i:nam)[ \t]{1,3})(?:19|20)\d\d(?!\d)"
)
_ISSUED_VERB = re.compile(r"[ \t]{1,3}(?i:ban[ \t]{1,3}hanh|ky[ \t]{1,3}ban[ \t]{1,3}hanh)\b")


@dataclass
class Mention:
    """One place a document is cited, as the scan reads it; inference.py fills in what
    the text around it says, and citations.py makes it a ``Citation``."""

    kind: str
    number: str
    symbol: str | None
    start: int
    head_end: int
    issued_on: datetime.date | None = None
    issuer: str | None = None
    end: int = 0
    subject: str | None = None
    inherited_issuer: bool = False
    same_date: bool = False
    partial_date: tuple[int, int] | None = None
    siblings: list[Mention] = dataclasses.field(default_factory=list)


def _read_tail(text: str, shade: str, mention: Mention, pos: int) -> int:
    """Date and issuer after the number, in either order: returns where they end."""
    for _ in range(3):
        date = TAIL_DATE.match(shade, pos)
        if date and mention.issuer is not None and _NEXT_CLAUSE_DATE.match(shade, pos):
            break  # "… của X, ngày 15/3/2022, Ban Thường vụ …": the next clause's date
        if date and mention.issued_on is None:
            mention.issued_on = parse_date(date)
            mention.same_date = date.group("same") is not None
            pos = date.end()
            continue
        partial = TAIL_PARTIAL_DATE.match(shade, pos)
        if partial and mention.issued_on is None and mention.partial_date is None:
            day = partial.group("pd") or partial.group("pd2")
            month = partial.group("pm") or partial.group("pm2")
            mention.partial_date = (int(day), int(month))
            pos = partial.end()
            continue
        year = _TAIL_YEAR.match(shade, pos)
        if (
            year
            and mention.issuer is None
            and mention.issued_on is None
            and (_TAIL_ISSUER.match(shade, year.end()) or TAIL_PLENUM.match(shade, year.end()))
        ):
            pos = year.end()
            continue
        plenum = TAIL_PLENUM.match(shade, pos)
        if plenum and mention.issuer is None:
            mention.issuer, pos = plenum_issuer(text, shade, plenum)
            continue
        by = _TAIL_BY.match(shade, pos)
        if by and mention.issuer is None:
            name, end = read_issuer(text, shade, by.end())
            issued = _ISSUED_VERB.match(shade, end) if name is not None else None
            if issued is not None:
                mention.issuer, pos = name, issued.end()
                continue
        issuer = _TAIL_ISSUER.match(shade, pos)
        if issuer and mention.issuer is None:
            joint = "liên tịch" in mention.kind
            name, end = read_issuer(text, shade, issuer.end(), joint)
            if name is None:
                break
            if text[issuer.end() : end].strip() == "BCT" and is_state_symbol(mention.symbol):
                name = "Bộ Công Thương"
            mention.issuer, pos = name, end
            continue
        break
    return pos


def _list_numbers(shade: str, mention: Mention, pos: int) -> int:
    """Sibling numbers after a number-only reference ("Nghị quyết số 18, 19 và 20")."""
    while True:
        match = LIST_NUMBER.match(shade, pos)
        if match is None or not number_stands_alone(shade, match.end("num")):
            return pos
        sibling = Mention(
            kind=mention.kind,
            number=match.group("num"),
            symbol=None,
            start=match.start("num"),
            head_end=match.end("num"),
            end=match.end("num"),
        )
        mention.siblings.append(sibling)
        pos = match.end()


def _shared_suffix(text: str, shade: str, mention: Mention, pos: int) -> int:
    """Give a list of bare numbers the code written once after its last number."""
    match = SHARED_SUFFIX.match(shade, pos)
    if match is None:
        return pos
    end = trim_glued_caps(shade, match.start("suffix"), match.end("suffix"))
    suffix = plain_dashes(re.sub(r"\s+", "", text[match.start("suffix") : end]))
    last = Mention(
        kind=mention.kind,
        number=match.group("num"),
        symbol=None,
        start=match.start("num"),
        head_end=end,
        end=end,
    )
    mention.siblings.append(last)
    for item in (mention, *mention.siblings):
        item.symbol = item.number + suffix
    return end


_SEPARATOR_GAP = re.compile(r"[\s,;]*(?:(?i:va|so)\b[\s:]*)*$")


def scan_mentions(text: str, shade: str) -> list[Mention]:
    """Every citation in ``text`` (``shade`` is ``shadow(text)``), each followed by the
    numbers listed with it."""
    mentions: list[Mention] = []
    pos = 0
    previous: Mention | None = None
    while True:
        match = HEAD.search(shade, pos)
        if match is None:
            break
        mention = _mention_from_head(text, shade, match, previous)
        if mention is None:
            pos = match.end()
            continue
        after = mention.head_end
        shares_code = False
        if mention.symbol is None:
            after = _list_numbers(shade, mention, after)
            listed = len(mention.siblings)
            after = _shared_suffix(text, shade, mention, after)
            shares_code = len(mention.siblings) > listed
        after = _read_tail(text, shade, mention, after)
        mention.end = after
        for sibling in mention.siblings:
            sibling.issuer = mention.issuer
            if shares_code:
                sibling.issued_on = mention.issued_on
                sibling.partial_date = mention.partial_date
        mentions.append(mention)
        mentions.extend(mention.siblings)
        previous = mention
        pos = max(after, match.end())
    return mentions


def _mention_from_head(
    text: str, shade: str, match: re.Match[str], previous: Mention | None
) -> Mention | None:
    if match.group("sym") is not None:
        sym_end = trim_glued_caps(shade, match.start("sym"), match.end("sym"))
        symbol = plain_dashes(re.sub(r"\s+", "", text[match.start("sym") : sym_end]))
        symbol = re.sub(r"^(\d+)(?=[^\W\d_])", r"\1-", symbol)  # "41QĐ/TW": 41-QĐ/TW
        if match.group("kind") is not None:
            kind = kind_from_word(shade, match, "kind")
            start = match.start("kind")
        elif previous is not None and _SEPARATOR_GAP.match(shade[previous.end : match.start()]):
            kind, start = previous.kind, match.start("sym")
        else:
            kind, start = kind_from_symbol(shade[match.start("sym") : sym_end]), match.start("sym")
        number = re.match(r"\d+", symbol)
        return Mention(kind, number.group() if number else symbol, symbol, start, sym_end)
    if match.group("short") is not None:
        if not number_stands_alone(shade, match.end("snum")):
            return None
        kind = SHORT_KINDS[match.group("short")]
        return Mention(kind, match.group("snum"), None, match.start("short"), match.end("snum"))
    kind = kind_from_word(shade, match, "kind2")
    if not is_number_reference(text, shade, match, kind):
        return None
    return Mention(kind, match.group("num"), None, match.start("kind2"), match.end("num"))
