"""What the sentence around a citation says of its issue (issue 17, point 4).

Ways of writing the date and the issuer that are not "số … ngày … của …":

- the issuer as the subject of the clause: "(Ngày 3/4/2024,) Ban Thường vụ Huyện ủy Ba
  Bể ban hành Kế hoạch số 12-KH/HU …", "Sở Nội vụ có Công văn số …" — a body named just
  before "ban hành" or "có" issued the document cited right after it, and a date that
  opens the sentence before that clause is the document's date;
- the issuer before the number, as headings put it: "NGHỊ ĐỊNH CỦA CHÍNH PHỦ SỐ 33/2023/
  NĐ-CP" (in capitals, written as names are: ``issuers.from_capitals``);
- a document's own header: "Số 125-KH/TU" on a line, and soon after it
  "Bắc Kạn, ngày 12 tháng 3 năm 2024" — the date of that document.

Each only fills what the citation itself lacks.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import re
from typing import Protocol

from minutes_app.base.text import LOWER, UPPER
from minutes_app.core.parsing.dates import parse_date
from minutes_app.core.parsing.document_kinds import kind_pattern
from minutes_app.core.parsing.document_numbers import issuing_code
from minutes_app.core.parsing.issuers import (
    BODY_HEAD,
    COMMA_IN_NAME,
    TAIL_PLENUM,
    from_capitals,
    plenum_issuer,
    read_issuer,
)
from minutes_app.core.parsing.shadow import shadow
from minutes_app.core.parsing.spans import sentences

_DAY = r"(?P<d>\d{1,2})"
_NUMERIC_DATE = rf"{_DAY}[ \t]*[/.-][ \t]*(?P<m>\d{{1,2}})[ \t]*[/.-][ \t]*(?P<y>(?:19|20)\d\d)"
_WORDED_DATE = (
    r"(?P<d2>\d{1,2})[ \t]+tháng[ \t]+(?P<m2>\d{1,2})[ \t]+năm[ \t]+(?P<y2>(?:19|20)\d\d)"
)
# A date that opens a clause, just before the clause that names the issuer.
_CLAUSE_DATE = re.compile(
    rf"[,;][ \t]*(?:[Vv]ào[ \t]+)?[Nn]gày[ \t]+(?:{_NUMERIC_DATE}|{_WORDED_DATE})[ \t]*,[ \t]*$"
)
# A list's mark before a sentence: "- ", "• ", "2. ", "a) ".
_ITEM_MARK = r"(?:[-–•*+][ \t]*|\d{1,2}[.)][ \t]+|[a-zđ]\)[ \t]+)?"
# A sentence that opens with its date: "Ngày 3/4/2024, …", "Ngày 12 tháng 3 năm 2024, …".
_LEADING_DATE = re.compile(
    rf"^[ \t]*{_ITEM_MARK}(?:Vào[ \t]+)?[Nn]gày[ \t]+"
    rf"(?:{_NUMERIC_DATE}|{_WORDED_DATE})[ \t]*,[ \t]*"
)
# "<subject> (đã|vừa )?(ký )?ban hành" or "<subject> (đã )?có" just before the citation:
# the subject of the clause issued it. It is read from the clause's start, so a comma in it
# is one of the body's own name (``COMMA_IN_NAME``).
_ISSUES = re.compile(
    r"[ \t]*"
    + _ITEM_MARK
    + r"(?P<subject>(?-i:["
    + UPPER
    # ("UBND TP. Đà Nẵng ban hành …": an abbreviation's full stop inside the name)
    + r"])(?:[^.;:\n]|(?<=TP)\.|(?<=TX)\.|(?<=TT)\.){1,90}?)[ \t]+(?:(?:cũng|đã|vừa)[ \t]+){0,2}"
    r"(?:(?:ký[ \t]+)?ban[ \t]+hành|có|ký)"
    r"[ \t]+$"
)
# Where the clause that holds the citation begins: after the last comma, semicolon or colon.
_CLAUSE_MARK = re.compile(
    r"[,;:][ \t]*"
    # "… cho biết LĐLĐ tỉnh đã ban hành …", "Sau khi Ủy ban Thường vụ Quốc hội ban hành …"
    r"|(?<![\w])(?:cho[ \t]+biết|cho[ \t]+hay|nêu[ \t]+rõ|[Ss]au[ \t]+khi|[Tt]rước[ \t]+khi"
    r"|[Kk]hi)[ \t]+"
    # "Ủy ban Kiểm tra Tỉnh ủy đã tham mưu Ban Thường vụ Tỉnh ủy ban hành …": the body
    # advised is the one that issues
    r"|(?<![\w])tham[ \t]+mưu(?:[ \t]+cho)?[ \t]+"
)
# "NGHỊ ĐỊNH CỦA CHÍNH PHỦ SỐ 33/2023/NĐ-CP", "Quyết định của Thủ tướng Chính phủ số
# 123/QĐ-TTg": a kind, "của", the issuer, "số" (read in the shadow text: no marks).
# A heading may leave "của" out: "NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH TRUNG
# ƯƠNG ĐẢNG KHÓA XII SỐ 26-NQ/TW"; a joint issuer has its comma ("BỘ CHÍNH TRỊ, BAN BÍ THƯ").
_ISSUER_BEFORE_NUMBER = re.compile(
    r"(?i:\b(?:" + kind_pattern() + r")\b)[ \t]+(?P<of>(?i:cua)[ \t]+)?"
    r"(?P<issuer>[A-Z][^.;:\n]{1,80}?)[ \t]*\n?[ \t]*(?<=[ \t\n])(?i:so)[ \t]*:?[ \t]*$"
)
_ISSUER_REACH = 160  # how far before the number the kind and its issuer may start
# A heading in capitals that opens with its kind ("NGHỊ QUYẾT (CỦA) …"), or is that alone;
# where its subject begins ("… KHÓA XIII VỀ TIẾP TỤC …"), its issuer has ended.
_KIND_FIRST = re.compile(r"(?i:" + kind_pattern() + r")[ \t]+(?:CUA[ \t]+)?(?=\S)")
_KIND_ALONE = re.compile(r"(?i:" + kind_pattern() + r")")
_SUBJECT_BEGINS = re.compile(r"[ \t]+VỀ\b")
# A header's place and date: "Bắc Kạn, ngày 12 tháng 3 năm 2024", on a line of its own or
# in the right-hand column of the number's line.
_PLACE_AND_DATE = rf"[{UPPER}][^\n\t,]{{1,40}},[ \t]*ngày[ \t]+{_WORDED_DATE}"
_HEADER_DATE = re.compile(rf"(?:^|\t|\*)[ \t]*{_PLACE_AND_DATE}", re.MULTILINE)
# ... or just after the number, the columns pasted one space apart.
_HEADER_DATE_BESIDE = re.compile(rf"[ \t]+{_PLACE_AND_DATE}")
_HEADER_NUMBER = re.compile(r"^[ \t]*Số[ \t]*:?[ \t]*$", re.MULTILINE)
_HEADER_REACH = 300  # the header's date stands within these characters of its number
_HEADER_ABOVE = 160  # ... or in the lines just above it
# A state letter has no kind in its number ("Số: 1024/SNV-XDCQ"): its "V/v …" line says it
# is one.
_UNKNOWN_KIND = "Văn bản"
_ABOUT_LINE = re.compile(r"[^\n]{0,80}\n[ \t]*V/[Vv][ \t.:]")


class _Cited(Protocol):
    kind: str
    symbol: str | None
    start: int
    end: int
    issued_on: datetime.date | None
    issuer: str | None


def _heading_issuer(issuer: str, *, plain: bool) -> str | None:
    """The issuer a heading names before the number or above it: a plenum's as the
    Central Committee (``plenum_issuer``), any other as written (in capitals: as names
    are written). Unless ``plain`` (after "của" and with no comma) it must be all a
    body's name."""
    if issuer.isupper():
        issuer = _SUBJECT_BEGINS.split(issuer, maxsplit=1)[0]
    shade = shadow(issuer)
    plenum = TAIL_PLENUM.match(shade)
    if plenum is not None and plenum.start() == 0:
        name, end = plenum_issuer(issuer, shade, plenum)
        return name if end == len(issuer) else None
    written = from_capitals(issuer) if issuer.isupper() else issuer
    if plain and "," not in issuer:
        return written
    return _body(written)


# "(Nghị quyết số 28-NQ/TW, ngày 17/11/2022)" on its own line under the heading
# "NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ SÁU … KHÓA XIII" / "VỀ …": the heading's kind, then its
# issuer, up to "VỀ" or the line's end.
_BRACKET_LINE = re.compile(r"\n[ \t]*\([ \t]*$")
_HEADING_LINES = 4
_HEADING_REACH = 400  # the longest heading's characters before its number


def _heading_above(text: str, citation: _Cited) -> str | None:
    """The issuer the heading of a citation names: the heading above a bracketed
    citation (see ``_BRACKET_LINE``), or the line in capitals the number ends ("NGHỊ
    QUYẾT HỘI NGHỊ … KHÓA XII VỀ … SỐ 26-NQ/TW")."""
    line_start = text.rfind("\n", 0, citation.start) + 1
    if _BRACKET_LINE.search(text, max(0, citation.start - 8), citation.start) is not None:
        lines = text[max(0, citation.start - 600) : citation.start].split("\n")[:-1]
    elif citation.start - line_start <= _HEADING_REACH:
        lines = [re.sub(r"[ \t]+SỐ[ \t]*:?[ \t]*$", "", text[line_start : citation.start])]
    else:
        return None
    heading = citation.kind.upper() + " "
    for line in list(reversed(lines))[:_HEADING_LINES]:
        line = " ".join(line.split())
        if not line or not line.isupper():
            return None
        if line.startswith(heading):
            rest = re.sub(r"^CỦA[ \t]+", "", line[len(heading) :])
            return _heading_issuer(rest, plain=False) if rest else None
    return None


# "Bộ Chính trị ban hành Quy định về … (Quy định số 58-QĐ/TW, ngày 08/02/2022)": the body
# that issued the document named before the bracket, then its number inside it.
_ISSUED_NAMED = re.compile(
    r"(?:^|[,;:][ \t]*)" + _ITEM_MARK + r"(?P<subject>(?-i:[" + UPPER + r"])[^,.;:\n()]{2,90}?)"
    r"[ \t]+(?:(?:đã|vừa)[ \t]+)?(?:ký[ \t]+)?ban[ \t]+hành[ \t]+(?P<kind>[^\s(]+[ \t]+[^\s(]+)"
)
_BRACKET_REACH = 300  # how far before its bracket the document is named


def _issued_before_bracket(text: str, sentence: int, citation: _Cited) -> re.Match[str] | None:
    """The subject of "X ban hành <kind> …" before the bracket the citation opens."""
    opened = text[max(sentence, citation.start - 3) : citation.start]
    if not opened.rstrip().endswith("("):
        return None
    start = max(sentence, citation.start - _BRACKET_REACH)
    kind = citation.kind.split()
    for named in _ISSUED_NAMED.finditer(text[start : citation.start]):
        if named.group("kind").split() == kind[:2]:
            return named
    return None


# "Tại Công văn số 1325-CV/TU ngày 22/8/2023, Ban Thường vụ Tỉnh ủy yêu cầu …": the body
# that asks, directs or concludes in a document is its author.
_IN_DOCUMENT = re.compile(r"(?:^|[,;:][ \t]*)" + _ITEM_MARK + r"[Tt]ại[ \t]+$")
_SAYS = re.compile(
    r"[ \t]*,[ \t]*(?P<subject>(?-i:[" + UPPER + r"])[^,.;:\n()]{2,90}?)[ \t]+(?:đã[ \t]+)?"
    r"(?:yêu[ \t]+cầu|đề[ \t]+nghị|chỉ[ \t]+đạo|giao|quyết[ \t]+định|kết[ \t]+luận|"
    r"nêu[ \t]+rõ|nhấn[ \t]+mạnh|thông[ \t]+báo|quy[ \t]+định)\b"
)


def _said_in(text: str, sentence: int, citation: _Cited) -> str | None:
    """The author of a document the sentence opens with "Tại" (see ``_IN_DOCUMENT``)."""
    if not _IN_DOCUMENT.search(text, max(sentence, citation.start - 12), citation.start):
        return None
    says = _SAYS.match(text, citation.end, citation.end + _ISSUER_REACH)
    return _body(says.group("subject")) if says is not None else None


# "ban hành" after a clause mark and verbs only: no subject of its own.
_VERB_ALONE = re.compile(
    r"[,;][ \t]*(?:(?:và|đã|cũng|đồng[ \t]+thời|thống[ \t]+nhất|tiếp[ \t]+tục|vừa|kịp[ \t]+thời)"
    r"[ \t]+)*ban[ \t]+hành[ \t]+$"
)
# What may open a sentence before its subject: a date, a time, "Cùng ngày", "Tại hội nghị".
_OPENING = re.compile(
    r"[ \t]*(?:(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Nn]gày|[Cc]ùng[ \t]+ngày|[Tt]ại|[Tt]rên[ \t]+cơ[ \t]+sở|"
    r"[Tt]rước[ \t]+đó|[Ss]au[ \t]+đó|[Tt]iếp[ \t]+đó|[Nn]ăm)\b[^,;.\n]{0,60},[ \t]*)?"
)


def _sentence_subject(text: str, sentence: int, end: int) -> str | None:
    """The body the sentence opens with, after its date or setting, when a verb in lower
    case follows it: the subject of every verb of the sentence."""
    opening = _OPENING.match(text, sentence, end)
    start = opening.end() if opening else sentence
    piece = text[start : min(end, start + _ISSUER_REACH)]
    if not _SUBJECT_HEAD.match(piece):
        return None
    name, stop = read_issuer(piece, shadow(piece), 0)
    if name is None or not re.match(rf"[ \t]+[{LOWER}]", piece[stop:]):
        return None
    return name


# A body that opens a sentence: any of BODY_HEAD, its standing members, an association.
_SUBJECT_HEAD = re.compile(
    BODY_HEAD + r"|Thường[ \t]+trực\b|Hội[ \t]+(?!nghị\b)(?-i:[" + UPPER + "])"
)


def _body(subject: str) -> str | None:
    """``subject`` when it is all the name of a body ("Ban Thường vụ Huyện ủy Chợ Mới",
    "Sở Nội vụ"), else None ("Đồng chí Bí thư", "Hội nghị đã")."""
    subject = " ".join(subject.split())
    name, end = read_issuer(subject, shadow(subject), 0)
    return name if name is not None and end == len(subject) else None


def fill_issue(text: str, citations: list[_Cited]) -> list[_Cited]:
    """``citations`` with the date and issuer their sentence or header gives them, where
    they had none."""
    if not citations:
        return citations
    bounds = sentences(text)
    starts = [start for start, _ in bounds]
    filled: list[_Cited] = []
    for citation in citations:
        index = bisect.bisect_right(starts, citation.start) - 1
        inside = index >= 0 and citation.start < bounds[index][1]
        filled.append(_filled(text, starts[index] if inside else None, citation))
    for index in range(1, len(filled)):
        # "X đã ban hành Quy định số 12-QĐ/TU … và Kế hoạch số 47-KH/TU …": the subject
        # issued the documents its verb lists, documents they implement between them
        here = filled[index]
        for back in range(index - 1, max(-1, index - 1 - _MOST_BETWEEN), -1):
            before = filled[back]
            given = citations[back].issuer is None and before.issuer is not None
            if here.issuer is None and given and _listed_after(text, before, here):
                filled[index] = dataclasses.replace(here, issuer=before.issuer)  # type: ignore[type-var]
                break
    return filled


_MOST_BETWEEN = 3  # the documents cited between two a verb lists


# Between two documents one verb lists: no sentence's or clause's end, no issuer of its own.
_LISTED_AFTER = re.compile(r"[^.;:\n]{0,160}?[ \t]và[ \t]+$")


def _listed_after(text: str, before: _Cited, here: _Cited) -> bool:
    gap = text[before.end : here.start]
    if _LISTED_AFTER.fullmatch(gap) is None or re.search(r"\bcủa\b|\bdo\b", gap):
        return False
    code, other = issuing_code(before.symbol), issuing_code(here.symbol)
    return code is not None and code == other


# A sentence's leading date stands within its first characters.
_LEAD_REACH = 60


def _filled(text: str, sentence: int | None, citation: _Cited) -> _Cited:
    """``citation`` with what its sentence (starting at ``sentence``) and its header
    say of its issue."""
    if citation.issued_on is not None and citation.issuer is not None:
        return citation
    changes: dict[str, object] = {}
    if sentence is not None:
        lead = _LEADING_DATE.match(text[sentence : min(citation.start, sentence + _LEAD_REACH)])
        lead_end = sentence + lead.end() if lead is not None else None
        # the subject stands within _ISSUER_REACH of the citation: look no further back
        near = max(sentence, citation.start - _ISSUER_REACH)
        marks = _CLAUSE_MARK.finditer(text, near, citation.start)
        # "Bộ Lao động, Thương binh và Xã hội ban hành …": a comma of a body's name
        own = [
            (near + found.start(), near + found.end())
            for found in COMMA_IN_NAME.finditer(shadow(text[near : citation.start]))
        ]
        clause = max(
            (mark.end() for mark in marks if not any(a < mark.start() < b for a, b in own)),
            default=near,
        )
        if lead_end is not None:
            clause = max(clause, lead_end)
        issues = _ISSUES.match(text[clause : citation.start]) or _issued_before_bracket(
            text, sentence, citation
        )
        subject = _body(issues.group("subject")) if issues is not None else None
        if issues is None and _VERB_ALONE.search(text, near, citation.start):
            # "…; ban hành Kế hoạch số …", "X họp …, thống nhất ban hành Công văn số …": the
            # verb has no subject of its own; the sentence's is the issuer
            subject = _sentence_subject(text, sentence, citation.start)
            if subject is not None and citation.issuer is None:
                changes["issuer"] = subject
        if issues is not None and subject is not None:
            if citation.issuer is None:
                changes["issuer"] = subject
            if citation.issued_on is None and lead is not None and clause == lead_end:
                changes["issued_on"] = parse_date(lead)
            elif citation.issued_on is None and issues.re is _ISSUES:
                # "…; tiếp đó, ngày 12/10/2021, Bộ Y tế ban hành Quyết định số …": the
                # date of the clause just before the subject
                dated = _CLAUSE_DATE.search(text, max(sentence, clause - 42), clause)
                if dated is not None:
                    changes["issued_on"] = parse_date(dated)
    if citation.issuer is None and "issuer" not in changes and sentence is not None:
        said = _said_in(text, sentence, citation)
        if said is not None:
            changes["issuer"] = said
    if citation.issuer is None and "issuer" not in changes:
        at = max(0, citation.start - _ISSUER_REACH)
        named = _ISSUER_BEFORE_NUMBER.search(shadow(text[at : citation.start]))
        if named is not None and not citation.kind.endswith("Luật"):
            # ("Luật Tổ chức Tòa án nhân dân số 34/2024/QH15": a law's name, no issuer)
            issuer = " ".join(text[at + named.start("issuer") : at + named.end("issuer")].split())
            changes["issuer"] = _heading_issuer(issuer, plain=named.group("of") is not None)
    if citation.issuer is None and "issuer" not in changes:
        above = _heading_above(text, citation)
        if above is not None:
            changes["issuer"] = above
    line_start = text.rfind("\n", 0, citation.start) + 1
    header = _HEADER_NUMBER.match(text, line_start, citation.start) is not None
    if header and citation.issuer is None and "issuer" not in changes:
        changes["issuer"] = _letterhead(text, line_start)
    if header and citation.issued_on is None and "issued_on" not in changes:
        # after the number, or in the right-hand column of the lines just above it
        dated = _HEADER_DATE_BESIDE.match(text, citation.end) or _HEADER_DATE.search(
            text, citation.end, citation.end + _HEADER_REACH
        )
        top = max(0, line_start - _HEADER_ABOVE)
        dated = dated or _HEADER_DATE.search(text, top, line_start)
        if dated is not None:
            changes["issued_on"] = parse_date(dated)
    if header and citation.kind == _UNKNOWN_KIND and _ABOUT_LINE.match(text, citation.end):
        changes["kind"] = "Công văn"  # a letter: its number, then "V/v …"
    changes = {k: v for k, v in changes.items() if v is not None}
    return dataclasses.replace(citation, **changes) if changes else citation  # type: ignore[type-var]


# The left-hand column of a header's line: what comes before a tab or a run of spaces.
_COLUMN = re.compile(r"\t|[ ]{3,}")
_NATIONAL_WORDS = "ĐẢNG CỘNG SẢN|CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP"
_NATIONAL = re.compile(rf"^(?:{_NATIONAL_WORDS})")
# A letterhead line that names a place, not a body: "TỈNH HÀ TĨNH" under "ỦY BAN NHÂN DÂN".
_PLACE_LINE = re.compile(r"^(?:TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|XÃ|PHƯỜNG|QUẬN|THỊ TRẤN)\s+(?!Ủ|U)")
# A department named alone under the committee it serves: "TỈNH ỦY BẮC KẠN" / "BAN TỔ CHỨC".
_DEPARTMENT_LINE = re.compile(r"^(?:BAN|VĂN PHÒNG|ỦY BAN KIỂM TRA|UỶ BAN KIỂM TRA)\b")
_LETTERHEAD_LINES = 4
# A letterhead's line that opens a body's name (or a title's kind, "QUY ĐỊNH" / "CỦA …").
_BODY_LINE = re.compile(
    r"^(?:ĐẢNG|BAN|ỦY|UỶ|UBND|HĐND|HỘI|SỞ|BỘ|TỈNH|THÀNH|HUYỆN|THỊ|QUẬN|XÃ|PHƯỜNG|CÔNG AN"
    r"|TÒA|TOÀ|VIỆN|CỤC|CHI|TRUNG|TRƯỜNG|BỆNH|LIÊN|ĐOÀN|KHO|BẢO|NGÂN|TẬP|TỔNG|CÔNG TY"
    r"|VĂN|QUÂN|MẶT|ĐÀI|BÁO|HỌC|ĐẠI|CỦA|CHÍNH|QUỐC|BCH|BTV|UBKT|LĐLĐ|MTTQ|CÔNG)\b"
)
# Where the right-hand column begins inside a line pasted without a gap.
_RIGHT_COLUMN = re.compile(rf" (?={_NATIONAL_WORDS}|Độc lập)")


def _letterhead(text: str, line_start: int) -> str | None:
    """The body whose letterhead stands above a header's "Số …" line (at ``line_start``):
    the last line in capitals of the left-hand column, below its parent ("ĐẢNG BỘ TỈNH
    BẮC KẠN" / "HUYỆN ỦY NA RÌ"); a place on a line of its own completes the line above
    it ("ỦY BAN NHÂN DÂN" / "TỈNH HÀ TĨNH"), a department its committee ("TỈNH ỦY BẮC
    KẠN" / "BAN TỔ CHỨC")."""
    lines = text[max(0, line_start - 400) : line_start].split("\n")[:-1]
    names: list[str] = []
    for line in reversed(lines):
        # the left-hand column: empty when the line starts with the gap before the right one
        cell = " ".join(_COLUMN.split(line.rstrip(), maxsplit=1)[0].split())
        # ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …": the columns pasted one space apart)
        cell = _RIGHT_COLUMN.split(cell, maxsplit=1)[0]
        if not cell or set(cell) <= set("*-–_ ") or (cell.startswith("*") and not names):
            # ("* Đắk Lắk, ngày …": the star under the body, the date beside it)
            if names:
                break
            continue
        if _NATIONAL.match(cell):
            continue  # the national heading of the right-hand column, on a line of its own
        if not cell.isupper() or len(names) == _LETTERHEAD_LINES:
            break
        names.insert(0, cell)
    if not names:
        return None
    name = names[-1]
    if (
        len(names) > 1
        and not _BODY_LINE.match(name)
        and not _PLACE_LINE.match(name)
        and not _KIND_ALONE.match(shadow(name))
    ):
        # "ĐẢNG ỦY TẬP ĐOÀN ĐIỆN" / "LỰC VIỆT NAM": one name broken across two lines
        names[-2:] = [f"{names[-2]} {name}"]
        name = names[-1]
    if len(names) > 1 and name.startswith("CỦA ") and _KIND_ALONE.fullmatch(shadow(names[-2])):
        name = f"{names[-2]} {name}"  # "QUY ĐỊNH" / "CỦA BAN THƯỜNG VỤ … VỀ …"
    elif len(names) > 1 and _PLACE_LINE.match(name):
        name = f"{names[-2]} {name}"
    elif len(names) > 1 and _DEPARTMENT_LINE.match(name) and len(name.split()) <= 3:
        # "TỈNH ỦY PHÚ THỌ" / "BAN TỔ CHỨC", "ỦY BAN MTTQ VIỆT NAM" / "TỈNH CAO BẰNG" /
        # "BAN THƯỜNG TRỰC": the department, then the whole body it belongs to
        parent = names[-2]
        if len(names) > 2 and _PLACE_LINE.match(parent):
            parent = f"{names[-3]} {parent}"
        name = f"{name} {parent}"
    titled = _KIND_FIRST.match(shadow(name))
    if titled is not None:
        # "NGHỊ QUYẾT" / "HỘI NGHỊ LẦN THỨ SÁU BAN CHẤP HÀNH …": the kind, then its issuer
        return _heading_issuer(name[titled.end() :], plain=False)
    return from_capitals(name)
