"""How a cited document's number and symbol are written: the head of a citation ("Quy
định số 96-QĐ/TW", "Kết luận 21", "NQ 18"), lists of numbers, a bare number that counts
something else, and the issuing level a symbol's last code names."""

from __future__ import annotations

import re

from minutes_app.core.parsing.document_kinds import KIND, WEAK_KINDS, kind_pattern

# "số" may be glued to the number that follows it ("Kết luận số21-KL/TW").
_SO = r"(?:[ \t]{1,3}(?i:so)(?:\b|(?=\d))[ \t]{0,3}:?)?[ \t]{0,3}"
_NOT_GLUED = r"(?:(?<![\w/.\-])|(?<=\b[Ss][Oo]))"
# A code: capitals and digits, with at most a lower-case letter between capitals ("ThU",
# Thành ủy) or one at its end ("TTg", "QĐi") — never a lower-case word glued on ("TWngày").
_CODE = r"[A-Z](?:[A-Z0-9]|[a-z](?=[A-Z0-9])){0,15}(?:[a-z](?![a-z]))?"
# Joint documents add the second body after a dash: "07-HDLT/BTCTW-BNV". The dash between
# number and type is often a space, or nothing, as typed ("52 QĐ/TWĐTN", "41QĐ/TW"): the
# slash and the issuer's code after it still make it a symbol.
_PARTY_SYMBOL = (
    rf"\d{{1,5}}(?:[ \t]{{0,2}}-[ \t]{{0,2}}|[ \t]{{0,2}}(?=[A-Z]))"
    rf"{_CODE}(?:[ \t]{{0,2}}/[ \t]{{0,2}}{_CODE})+(?:-{_CODE})*"
)
_STATE_SYMBOL = (
    rf"\d{{1,5}}[ \t]{{0,2}}/[ \t]{{0,2}}(?:\d{{4}}[ \t]{{0,2}}/[ \t]{{0,2}})?"
    rf"{_CODE}(?:[ \t]{{0,2}}[-/][ \t]{{0,2}}{_CODE})*"
)
_NUMBER_ONLY = r"(?P<num>\d{1,4})(?![\w])(?![ \t]?[-/][ \t]?[\dA-Za-z])(?!\.\d)"
# "NQ 18", "CT 05", "NQ số 18": see SHORT_KINDS.
_SHORT_REFERENCE = (
    r"\b(?P<short>NQ|CT|KL)[ \t]{1,2}(?:(?i:so)[ \t]{1,2})?(?P<snum>\d{1,3})(?![\w])"
    r"(?![ \t]?[-/][ \t]?[\dA-Za-z])(?!\.\d)"
)
HEAD = re.compile(
    rf"(?:{KIND}{_SO})?{_NOT_GLUED}(?P<sym>{_PARTY_SYMBOL}|{_STATE_SYMBOL})"
    rf"|(?P<kind2>(?i:\b(?:{kind_pattern()})\b)){_SO}{_NOT_GLUED}{_NUMBER_ONLY}"
    rf"|{_SHORT_REFERENCE}"
)
_GLUED_CAPS_WORDS = ("NGAY", "CUA")

# A number-only reference continued by a list: "Kết luận số 40, 41 và 42".
LIST_NUMBER = re.compile(
    r"[ \t]{0,3}(?:,|;|(?i:\bva\b))[ \t]{0,3}(?:(?i:so)[ \t]{0,3}:?[ \t]{0,3})?"
    r"(?P<num>\d{1,4})(?=[ \t]{0,3}(?:[,;.)]|(?i:va|cua|ngay|ve)\b|$))"
)

# Words after a bare number that show it counts or dates something, not a document.
_NOT_A_DOCUMENT_AFTER = frozenset(
    "thang nam quy ngay lan nguoi dong trieu ty gio phut km ha tuoi diem doan dang van "
    "noi nhiem muc chuong dieu khoan giai nhom to chi cap huyen xa tinh don co phong "
    "bo de chuyen cuoc hoi dai tap ca".split()
)
_NEXT_WORD = re.compile(r"[ \t]{0,3}(?P<word>[^\W\d_]+)(?P<rest>[ \t]{0,3}\d{4})?")


def trim_glued_caps(shade: str, start: int, end: int) -> int:
    """'96-QĐ/TWNGÀY' in capitals: the glued word cannot be told by case, so by spelling."""
    for word in _GLUED_CAPS_WORDS:
        tail = shade[start:end]
        if tail.endswith(word) and len(tail.rsplit("/", 1)[-1]) > len(word) + 1:
            return end - len(word)
    return end


def is_number_reference(text: str, shade: str, match: re.Match[str], kind: str) -> bool:
    """Whether a kind and a bare number (``HEAD``'s "kind2" and "num") cite a document."""
    has_so = re.search(r"(?i:so)", shade[match.end("kind2") : match.start("num")]) is not None
    if kind in WEAK_KINDS and not has_so:
        # "kế hoạch 2" counts plans; "Đề án 06" is a programme's by-name. Without "số", a
        # plan's or project's number cites it when its date, issuer or subject follows.
        if not text[match.start("kind2")].isupper():
            return False
        if _DATED_OR_ISSUED.match(shade, match.end("num")) is None:
            return False
    return number_stands_alone(shade, match.end("num"))


_DATED_OR_ISSUED = re.compile(r"[ \t]{0,3},?[ \t]{0,3}\(?[ \t]{0,3}(?i:ngay|cua|do|ve)\b")


def number_stands_alone(shade: str, pos: int) -> bool:
    """Whether the number ending at ``pos`` names a document rather than counting or
    dating something ("6 tháng", "20%")."""
    if shade[pos : pos + 1] == "%":
        return False
    nxt = _NEXT_WORD.match(shade, pos)
    if nxt is None or not nxt.group("word").islower():
        return True
    word = nxt.group("word")
    if word == "nam" and nxt.group("rest"):
        return True
    if word == "ngay" and re.match(r"[ \t]{0,3}ngay[ \t]{0,3}\d", shade[pos : pos + 12]):
        return True
    return word not in _NOT_A_DOCUMENT_AFTER


# "các Nghị quyết số 18, 19-NQ/TW", "số 27, 28 và 29-NQ/TW": the numbers share the code.
SHARED_SUFFIX = re.compile(
    r"[ \t]{0,3}(?:,|(?i:va)\b)[ \t]{0,3}(?P<num>\d{1,5})"
    rf"(?P<suffix>[ \t]{{0,2}}-[ \t]{{0,2}}{_CODE}(?:[ \t]{{0,2}}/[ \t]{{0,2}}{_CODE})+(?:-{_CODE})*)"
)


def issuing_code(symbol: str | None) -> str | None:
    """The last code of a symbol names the issuing level: "TW", "TU", "CP", "BNV"."""
    return re.split(r"[/-]", symbol)[-1].casefold() if symbol else None


def is_state_symbol(symbol: str | None) -> bool:
    """A state symbol puts a slash after the number ("15/2023/QH15"), a Party one a dash."""
    return symbol is not None and re.match(r"\d+/", symbol) is not None
