"""Text as clerks paste it, made plain: one normaliser in front of the parser and of every
stored text (issue 17, points 8 and 9).

What copying from PDFs, Word files and news pages leaves in a text, and what becomes of it:

- legacy 8-bit fonts (TCVN3, VNI) arriving as mojibake: converted (``base.legacy``);
- decomposed letters: NFC;
- no-break, thin and other wide spaces: a space; zero-width spaces and joiners, the byte
  order mark and soft hyphens: removed; tabs and runs of spaces within a line: one space;
- PDF ligatures (ﬁ, ﬂ…): their letters; typographic quotes: plain ones; the non-breaking
  hyphen and the minus sign: a hyphen;
- the Latin capital eth (Ð, U+00D0), which old fonts and OCR give for Đ: Đ;
- a word hyphenated at a line's end ("xây dựng tổ chức cơ sở đảng vững mạ-" / "nh"): joined.

``unwrap`` then joins the hard line breaks a PDF puts inside sentences, for the parser
only (a stored text keeps its lines).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from minutes_app.base.legacy import repair
from minutes_app.base.names import is_surname
from minutes_app.base.text import LOWER, UPPER

# Removed: zero-width spaces and joiners, the byte order mark, soft hyphens.
_REMOVED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Replaced: wide and no-break spaces, tabs, typographic quotes, odd hyphens, the eth, ligatures.
_REPLACEMENTS: dict[str, str] = {
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2011": "-",
    "\u2212": "-",
    "\u00d0": "\u0110",  # Ð (eth) for Đ
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
}
# A word cut at a line's end with a hyphen: lower-case letters on both sides.
_HYPHENATED = re.compile(rf"(?<=[{LOWER}])-\n(?=[{LOWER}])")
# A symbol cut after one of its hyphens ("Kế hoạch số 112-KH/MTTQ-" / "BTT ngày …"): the
# break goes, the hyphen stays.
_SYMBOL_CUT = re.compile(rf"(?<=[{UPPER}0-9]-)\n(?=[{UPPER}]{{2}})")


@dataclass(frozen=True)
class Pasted:
    text: str
    legacy: str | None = None  # "TCVN3" or "VNI" when the text was converted from one
    converted: int = 0  # the letters converted
    source: str = ""  # the text the positions refer to: as pasted, legacy fonts converted
    # where[i]: the place in ``source`` of ``text[i]`` (None: the same place)
    where: tuple[int, ...] | None = None

    def place(self, start: int, end: int) -> tuple[int, int]:
        """The span ``text[start:end]`` as a span of ``source``."""
        if self.where is None or start >= end:
            return start, end
        return self.where[start], self.where[end - 1] + 1


# Anything tidy would change: when none is there, the text is its own tidy form.
_TOUCHED = re.compile(
    "["
    + re.escape("".join(_REMOVED) + "".join(_REPLACEMENTS))
    + "]|  | \n| \t|\t |"
    + _HYPHENATED.pattern
    + "|"
    + _SYMBOL_CUT.pattern
)


def tidy(text: str) -> Pasted:
    """``text`` made plain (see the module); lines are kept. Each character of the result
    knows where it was (``Pasted.place``), so that what the parser finds is shown where the
    clerk pasted it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fixed = repair(text)
    source = fixed.text
    if unicodedata.is_normalized("NFC", source) and not _TOUCHED.search(source):
        return Pasted(source, fixed.encoding, fixed.letters, source)
    chars: list[str] = []
    where: list[int] = []
    i, n = 0, len(source)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(source[j]):
            j += 1
        cluster = source[i:j]
        for char in unicodedata.normalize("NFC", cluster) if j > i + 1 else cluster:
            if char in _REMOVED:
                continue
            for out in _REPLACEMENTS.get(char, char):
                if out == " " and chars and chars[-1] in " \t":
                    continue  # a run of spaces: one; none after a tab
                if out in "\n\t" and chars and chars[-1] == " ":
                    chars.pop()  # spaces before a line's end or a tab
                    where.pop()
                chars.append(out)
                where.append(i)
        i = j
    plain = "".join(chars)
    cuts = [*_HYPHENATED.finditer(plain), *_SYMBOL_CUT.finditer(plain)]
    for found in sorted(cuts, key=lambda cut: cut.start(), reverse=True):
        del chars[found.start() : found.end()]  # a word or a symbol cut at a line's end
        del where[found.start() : found.end()]
    return Pasted("".join(chars), fixed.encoding, fixed.letters, source, tuple(where))


# How many broken lines show a page's width, and how much of it a line must fill.
_LEAST_WRAPPED = 3
_FULL_LINE = 0.75
# A line this long (or within a paragraph) that ends on a word, then a short line that
# ends the sentence.
_LONG_LINE = 60
_SHORT_TAIL = 60
# A line that ends a sentence, a heading's label or a list item: its break stays.
_ENDS = re.compile(r"[.!?:;…]\"?$")
# The next line goes on with the sentence: a lower-case word (``_joins``), a number, a
# slash or a dash.
_GOES_ON = re.compile(r"^[0-9/(,–-]")
# A line ends on a word that cannot end a sentence (a preposition, "số", "ngày"…).
_OPEN_END = re.compile(
    r"(?:\b(?:số|ngày|tháng|năm|của|về|và|với|tại|theo|do|cho|các|những|ban|bộ|hội|ủy|uỷ|"
    r"tổ|đảng|thường|thường[ \t]+vụ|chấp|hành|trung|ương|tỉnh|huyện|kế|nghị|quyết|chỉ|hướng|quy|"
    r"kết|thông)|"
    r"[,/–-])$",
    re.IGNORECASE,
)
# A header's number line: "Số 12-QĐ/HU", "Số: 1024/SNV-XDCQ" (a capital S: in running
# text a line broken before the number goes on with "số").
_NUMBER_LINE = re.compile(r"Số[ \t]*:?[ \t]*\d")
# A line that begins an item of a list: a mark, a space, a capital (``_joins``).
_ITEM = re.compile(r"(?:[-–•*+]|[^\w\s(\"“'‘]{1,3})[ \t]+(?P<first>\w)")
# A numbered item of a plan or a notice: "1. Chủ trì", "2) Thành phần", "III. MỤC ĐÍCH".
_NUMBERED_ITEM = re.compile(rf"(?:\d{{1,2}}|[IVX]{{1,4}})[.)][ \t]+[{UPPER}]")
# A line that ends where a date begins: the next line goes on with the date.
_DATE_OPEN = re.compile(r"\b(?:ngày|tháng|năm)$", re.IGNORECASE)
# A line that begins a page's dateline ("Cập nhật lúc 08:15", "Thứ Hai, 02/05/2024"): its
# own line, whatever comes before it.
# ("thứ năm Ban Chấp hành …" goes on "Hội nghị lần": a weekday dates a line only when a
# day, a comma or a bracket follows it)
_DATELINE = re.compile(
    r"^(?:cập nhật|ngày đăng|đăng lúc|(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)"
    r"(?=[ \t]*(?:[,(–-]|ngày|\d|$))|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})",
    re.IGNORECASE,
)


def unwrap(text: str) -> str:
    """Join the line breaks a PDF or a narrow page put inside sentences, each made a space
    (so that every other character keeps its place): a break stays where a paragraph ends
    (a blank line), where its line ends a sentence, before a dateline, and wherever the
    next line may begin a sentence of its own (``_joins``)."""
    lines = text.split("\n")
    joined = [
        i > 0
        and bool(lines[i - 1].strip())
        and bool(lines[i].strip())
        and _joins(lines[i - 1].rstrip(), lines[i].lstrip())
        for i in range(len(lines))
    ]
    # A page's width: how long the lines it broke are. A line nearly that long which ends
    # on a word (and is not the title) broke at the edge, even before a capital ("Thành
    # ủy Bảo" / "Lộc, …").
    title = next((i for i, line in enumerate(lines) if line.strip()), 0)
    widths = sorted(len(lines[i - 1].rstrip()) for i in range(1, len(lines)) if joined[i])
    if len(widths) >= _LEAST_WRAPPED:
        width = widths[len(widths) // 2]
        for i in range(title + 2, len(lines)):  # a title's break stays
            before, after = lines[i - 1].rstrip(), lines[i].lstrip()
            joined[i] = joined[i] or (
                len(before) >= width * _FULL_LINE
                and bool(after)
                and before[-1:].isalpha()
                and not before.isupper()
                and not _DATELINE.match(after)
                and not _opens_an_item(after)
            )
    # A sentence's short tail on a line of its own ("… tại Hội trường Trung tâm" / "Hội
    # nghị tỉnh."): the long line, or the paragraph's line, before it broke, whatever the
    # page's width.
    for i in range(title + 2, len(lines)):
        before, after = lines[i - 1].rstrip(), lines[i].strip()
        joined[i] = joined[i] or (
            (len(before) >= _LONG_LINE or joined[i - 1])
            and before[-1:].isalpha()
            and not before.isupper()
            and 0 < len(after) <= _SHORT_TAIL
            and after[-1:] in ".;!?"
            and not _DATELINE.match(after)
            and not _opens_an_item(after)
        )
    out = [lines[0]]
    for i in range(1, len(lines)):
        out.append((" " if joined[i] else "\n") + lines[i])
    return "".join(out)


def readable(text: str) -> Pasted:
    """What the parser reads: ``text`` made plain (``tidy``) and its sentences unwrapped
    (which keeps every place)."""
    pasted = tidy(text)
    return replace(pasted, text=unwrap(pasted.text))


def _opens_an_item(line: str) -> bool:
    """Whether ``line`` opens an item of a list: "- Ban …", "👉 Đoàn …", "1. Chủ trì"."""
    return _opens_a_marked_item(line) or bool(_NUMBERED_ITEM.match(line))


def _opens_a_marked_item(line: str) -> bool:
    """Whether ``line`` opens an item with a mark: "- Ban Thường vụ …", "👉 Đoàn …"."""
    item = _ITEM.match(line)
    return item is not None and item.group("first").isupper()


def _joins(before: str, after: str) -> bool:
    """Whether the break between ``before`` and ``after`` is inside a sentence: the next
    line goes on with a lower-case word, a number or a dash, or this one ends on a word
    that cannot end a sentence ("số", "ngày", "của", "Ban"…)."""
    if _ENDS.search(before) or not any(c.isalnum() for c in after):
        return False  # a sentence ends, or a header's "*" stands alone
    if after.startswith("(") and before.isupper():
        return False  # a heading, then its number in brackets on a line of its own
    if _NUMBER_LINE.match(after):
        return False  # "Số 12-QĐ/HU, ngày …": a header's number on a line of its own
    if _opens_a_marked_item(after):
        return False  # "- Ban Thường vụ …": an item of a list begins
    if _NUMBERED_ITEM.match(after) and not _OPEN_END.search(before):
        return False  # "1. Chủ trì" after "III. CHỦ TRÌ, THÀNH PHẦN": a numbered item
    if _DATELINE.match(after) and not _DATE_OPEN.search(before):
        return False  # "ngày" / "25/10/2021" is a date going on, not a dateline
    return bool(
        after[:1].islower()
        or _GOES_ON.match(after)
        or _OPEN_END.search(before)
        or _name_goes_on(before, after)
    )


_LEVEL_WORDS = frozenset(
    {"tỉnh", "huyện", "xã", "phường", "quận", "trấn", "phố", "thôn", "ủy", "uỷ", "ấp", "bản"}
)


def _name_goes_on(before: str, after: str) -> bool:
    """A name cut by the break: the line ends on a family name, or on a place's level and
    its name's first word, and at most one more capitalised word ("Đồng chí Nguyễn Hữu" /
    "Phúc, Tỉnh ủy viên …"), inside a sentence, and the next line goes on with a
    capital."""
    words = before.split()
    if len(words) < 4 or before.isupper() or not after[:1].isupper():
        return False
    run = 0  # the capitalised words at the end, a degree's "PGS.TS." not among them
    while (
        run < min(len(words), 3)
        and words[-1 - run][:1].isupper()
        and not words[-1 - run].endswith(".")
    ):
        run += 1
    before_run = words[-run - 1]
    if not 1 <= run <= 2 or (before_run[:1].isupper() and not before_run.endswith(".")):
        return False
    # a family name, or a place after its level ("Đảng ủy xã Hương" / "Trà")
    return is_surname(words[-run]) or words[-run - 1] in _LEVEL_WORDS
