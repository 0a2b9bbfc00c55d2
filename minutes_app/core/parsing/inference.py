"""What a citation leaves unsaid, read from the citations and text around it: an issuer
shared along a list, named at the end of a subject, by a heading or by a plenum before
the number; a date shared by documents issued together, a year for a date without one,
a date given later in the clause."""

from __future__ import annotations

import bisect
import datetime
import itertools
import re

from minutes_app.core.parsing.dates import DATE_PATTERN, date_or_none, parse_date
from minutes_app.core.parsing.document_kinds import (
    KIND_AT,
    KIND_NAMES,
    kind_from_word,
    kind_pattern,
)
from minutes_app.core.parsing.document_numbers import is_state_symbol, issuing_code
from minutes_app.core.parsing.issuers import TAIL_PLENUM, plenum_issuer, read_issuer
from minutes_app.core.parsing.mentions import Mention
from minutes_app.core.parsing.subjects import CLAUSE_END

_SHARED_TAIL_GAP = re.compile(
    r"[ \t]{0,3}(?:,|(?i:va)\b)?[ \t]{0,3}(?:(?i:so)\b[ \t]{0,3}:?[ \t]{0,3})?$"
)


def _share_issuers(shade: str, mentions: list[Mention]) -> None:
    """'Quy định số 70 và Quyết định số 71 của Bộ Chính trị': one issuer for the list.

    An item with its own date shares the issuer only when both symbols end in the same
    code ('50-QĐ/TW ngày … và 80-QĐ/TW ngày … của Bộ Chính trị'); 'cùng ngày' shares
    the date as well.
    """
    for index in range(len(mentions) - 2, -1, -1):
        here, after = mentions[index], mentions[index + 1]
        if not _SHARED_TAIL_GAP.match(shade[here.end : after.start]):
            continue
        if (after.same_date and here.issued_on is None) or _issued_together(here, after):
            here.issued_on, here.same_date = after.issued_on, True
        if here.issuer is not None or after.issuer is None:
            continue
        code = issuing_code(here.symbol)
        if is_state_symbol(here.symbol) and is_state_symbol(after.symbol):
            # A state symbol names its issuer ("…/QH12" the National Assembly, "…/NĐ-CP"
            # the Government): a different code is a different issuer, dated or not.
            if code != issuing_code(after.symbol):
                continue
        if (
            here.issued_on is None
            or here.same_date
            or (code is not None and code == issuing_code(after.symbol))
        ):
            here.issuer = after.issuer


# "Nghị quyết 79 về phát triển kinh tế nhà nước và Nghị quyết 80 về phát triển văn hóa
# Việt Nam của Bộ Chính trị": a central body named at the end of the subject issued the
# document, and the others listed before it with their subjects. Only these bodies: "…
# về thực hiện các chủ trương của Tỉnh ủy" more often names whose policy it is.
_CENTRAL_ISSUERS = frozenset(
    {
        "Bộ Chính trị",
        "Ban Bí thư",
        "Bộ Chính trị, Ban Bí thư",
        "Ban Chấp hành Trung ương",
        "Ban Chấp hành Trung ương Đảng",
        "Chính phủ",
        "Quốc hội",
    }
)
_SUBJECT_LEAD = re.compile(r"[ \t]{0,3},?[ \t]{0,3}(?i:ve)[ \t]")
_OF_WORD = re.compile(r"[ \t]{1,3}(?i:cua)[ \t]{1,3}")
_LISTED_WITH_SUBJECT = re.compile(
    r"[ \t]{0,3},?[ \t]{0,3}(?i:ve)[ \t][^.;\n]{0,200}?(?:,|\b(?i:va)\b)[ \t]{0,3}$"
)


def _issuers_closing_subjects(text: str, shade: str, mentions: list[Mention]) -> None:
    for index, mention in enumerate(mentions):
        if mention.issuer is not None:
            continue
        lead = _SUBJECT_LEAD.match(shade, mention.end)
        if lead is None:
            continue
        limit = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
        clause = CLAUSE_END.search(text, lead.end(), limit)
        stop = clause.start() if clause else limit
        of = max(_OF_WORD.finditer(shade, lead.end(), stop), key=lambda m: m.start(), default=None)
        if of is None or KIND_AT.search(shade, lead.end(), of.start()):
            continue
        name, end = read_issuer(text, shade, of.end())
        if name is None or text[end:stop].strip(" \t,)"):
            continue
        if name.split(" khóa ")[0] not in _CENTRAL_ISSUERS:
            continue
        mention.issuer = name
        for before, after in itertools.pairwise(reversed(mentions[: index + 1])):
            # ``after`` precedes ``before`` here: walking back along the list.
            gap = shade[after.end : before.start]
            if after.issuer is not None or after.kind != mention.kind:
                break
            if not _LISTED_WITH_SUBJECT.match(gap) or KIND_AT.search(gap):
                break
            after.issuer = name


def _issued_together(here: Mention, after: Mention) -> bool:
    """'Nghị quyết số 18-NQ/TW, Nghị quyết số 19-NQ/TW ngày 25/10/2017': documents of one
    kind and one code whose numbers follow each other were issued together, so the date
    written once after the last is theirs too ("Chỉ thị số 05-CT/TW và Kết luận số
    01-KL/TW ngày …" dates the conclusion alone)."""
    if here.issued_on is not None or here.partial_date is not None or here.issuer is not None:
        return False
    if after.issued_on is None or here.kind != after.kind or not (here.symbol and after.symbol):
        return False
    if issuing_code(here.symbol) != issuing_code(after.symbol):
        return False
    first, second = re.match(r"\d+", here.symbol), re.match(r"\d+", after.symbol)
    if first is None or second is None:
        return False
    return 0 < abs(int(second.group()) - int(first.group())) <= 2


# "4 nghị quyết của Bộ Chính trị, gồm: Nghị quyết số 59-NQ/TW …, Nghị quyết số 70-NQ/TW …":
# the heading names the issuer of every document of its kind listed after the colon.
_HEADING = re.compile(
    r"(?<![\w])(?:(?i:cac|nhung|\d{1,2})[ \t]{1,3})(?P<kind>"
    + kind_pattern()
    + r")[ \t]{1,3}(?i:cua)[ \t]{1,3}",
    re.IGNORECASE,
)
_HEADING_END = re.compile(
    r"[ \t]{0,3},?[ \t]{0,3}(?:(?i:gom|bao[ \t]gom|sau[ \t]day|sau)[ \t]{0,3})?:"
)
_LIST_END = re.compile(r"\.(?:\s|$)|\n")
# A list runs to the end of its sentence, and no sentence is longer than this.
_LIST_REACH = 3000


def _issuers_from_heading(text: str, shade: str, mentions: list[Mention]) -> None:
    starts = [mention.start for mention in mentions]
    sentence_ends: list[int] | None = None
    for heading in _HEADING.finditer(shade):
        kind = KIND_NAMES[" ".join(heading.group("kind").lower().split())]
        issuer, end = read_issuer(text, shade, heading.end())
        colon = _HEADING_END.match(shade, end) if issuer is not None else None
        if colon is None:
            continue
        if sentence_ends is None:
            sentence_ends = [stop.start() for stop in _LIST_END.finditer(shade)]
        after = bisect.bisect_left(sentence_ends, colon.end())
        limit = min(len(shade), colon.end() + _LIST_REACH)
        if after < len(sentence_ends):
            limit = min(limit, sentence_ends[after])
        index = bisect.bisect_left(starts, colon.end())
        while index < len(mentions) and mentions[index].start < limit:
            mention = mentions[index]
            if mention.issuer is None and mention.kind == kind:
                mention.issuer = issuer
            index += 1


# "Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII (Nghị quyết số
# 44-NQ/TW …)": the plenum is named before the bracket that holds the number.
_KIND_THEN_PLENUM_GAP = 160


def _issuers_from_plenum_before(text: str, shade: str, mentions: list[Mention]) -> None:
    for mention in mentions:
        if mention.issuer is not None:
            continue
        bracket = re.search(r"\([ \t]{0,3}$", shade[max(0, mention.start - 4) : mention.start])
        if bracket is None:
            continue
        paren = mention.start - 4 + bracket.start() if mention.start >= 4 else bracket.start()
        window_start = max(0, paren - _KIND_THEN_PLENUM_GAP)
        for kind in reversed(list(KIND_AT.finditer(shade, window_start, paren))):
            if kind_from_word(shade, kind, "kind") != mention.kind:
                continue
            plenum = TAIL_PLENUM.match(shade, kind.end())
            if plenum is None:
                continue
            issuer, end = plenum_issuer(text, shade, plenum)
            if not shade[end:paren].strip():
                mention.issuer = issuer
            break


# Years that date the text itself, for a "ngày 24/1" without one: "năm 2025" and full
# dates outside any citation, except the end of a span ("đến năm 2030").
_TEXT_YEAR = re.compile(
    rf"(?<![\w])(?:{DATE_PATTERN}|(?<!(?i:den|toi) )(?i:nam)[ \t]{{1,3}}(?P<year>\d{{4}})(?!\d))"
)
_SYMBOL_YEAR = re.compile(r"/(?P<year>\d{4})/")


def _years_of_partial_dates(shade: str, mentions: list[Mention]) -> None:
    partial = [m for m in mentions if m.partial_date is not None and m.issued_on is None]
    if not partial:
        return
    starts = [mention.start for mention in mentions]
    references: list[tuple[int, int, datetime.date | None]] = []
    for match in _TEXT_YEAR.finditer(shade):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and match.start() < mentions[index].end:
            continue
        full = parse_date(match) if match.group("year") is None else None
        year = full.year if full else int(match.group("year") or 0)
        if year:
            references.append((match.start(), year, full))
    positions = [position for position, _, _ in references]
    for mention in partial:
        day, month = mention.partial_date  # type: ignore[misc]
        symbol_year = _SYMBOL_YEAR.search(mention.symbol or "")
        if symbol_year is not None:
            mention.issued_on = date_or_none(int(symbol_year.group("year")), month, day)
            continue
        index = bisect.bisect_left(positions, mention.start) - 1
        if index < 0:
            # Nothing dates the text before the citation: the first year after it does
            # ("Kế hoạch số 96-KH/TU ngày 1/3 … trong năm 2023").
            index = bisect.bisect_left(positions, mention.start)
            if index >= len(references):
                continue
        _, year, full = references[index]
        issued = date_or_none(year, month, day)
        if issued is not None and full is not None and issued > full:
            issued = date_or_none(year - 1, month, day)
        mention.issued_on = issued


# "Luật … số 15/2023/QH15 được Quốc hội thông qua ngày 9/1/2023", "Nghị quyết số 35-NQ/TW
# về … được Bộ Chính trị ban hành ngày 22/10/2018": the date given later in the clause.
# (A date before "X ban hành Nghị quyết …" is not read: like the issuer named there, it is
# left to the clerk, as the labelled corpus does.)
_ISSUED_LATER = re.compile(
    r"(?<![\w])(?i:duoc|do)[ \t]{1,3}[A-Z][^\W\d_]*(?:[ \t]{1,3}[^\W\d_]+){0,8}?[ \t]{1,3}"
    r"(?:(?i:ky)[ \t]{1,3})?(?i:ban[ \t]{1,3}hanh|thong[ \t]{1,3}qua)[ \t]{1,3}"
    rf"(?:(?i:vao)[ \t]{{1,3}})?{DATE_PATTERN}"
)
_CLAUSE_STOP = re.compile(r"[;\n]|\.(?:\s|$)")
_ISSUED_REACH = 300


def _dates_around(shade: str, mentions: list[Mention]) -> None:
    for index, mention in enumerate(mentions):
        if mention.issued_on is not None or mention.partial_date is not None:
            continue
        following = mentions[index + 1].start if index + 1 < len(mentions) else len(shade)
        limit = min(following, mention.end + _ISSUED_REACH)
        stop = _CLAUSE_STOP.search(shade, mention.end, limit)
        later = _ISSUED_LATER.search(shade, mention.end, stop.start() if stop else limit)
        if later is not None:
            mention.issued_on = parse_date(later)


def fill_from_context(text: str, shade: str, mentions: list[Mention]) -> None:
    """Give ``mentions`` (in order of place) the issuers and dates the text around them
    states; ``shade`` is ``shadow(text)``."""
    _share_issuers(shade, mentions)
    _issuers_closing_subjects(text, shade, mentions)
    _issuers_from_heading(text, shade, mentions)
    _issuers_from_plenum_before(text, shade, mentions)
    _years_of_partial_dates(shade, mentions)
    _dates_around(shade, mentions)
