"""Vietnamese text typed in the legacy 8-bit fonts, arriving as mojibake, made Unicode again.

Old Word files were typed with TCVN3 (ABC: .VnTime fonts) or VNI-Windows fonts: each
Vietnamese letter is a byte that only the font draws right. Copied out as Unicode, each
byte arrives as the Windows-1252 character of that code ("Quy ®Þnh", "Hoäi nghò").

- TCVN3 (TCVN 5712:1993, VN3): one byte per letter; the lower-case letters with marks at
  0xA8–0xFE, Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7 (VN3 has no upper-case letters with tone marks;
  its capitals font draws the lower-case codes as capitals).
- VNI-Windows: a base letter followed by a mark byte (or, for i, y with a dot below, đ,
  ơ, ư, one byte of their own); capitals with capital mark bytes.

``detect`` says whether a text is one of them (many such letters, and none of the
Vietnamese letters a Unicode text would hold); ``convert`` turns it into NFC Unicode.
Written out here, rather than taken from a library, because no well-kept Python package
on PyPI converts both (the tables are the published ones, 134 and 67 entries).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TCVN3 = "TCVN3"
VNI = "VNI"

# TCVN3 code -> letter. Lower case: the row of each vowel, its tone marks in the order the
# table has them (grave, hook, tilde, acute, dot below).
_TCVN3_CODES: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip


def _cp1252(code: int) -> str:
    return bytes([code]).decode("cp1252", errors="replace")


_FROM_TCVN3 = {_cp1252(code): letter for code, letter in _TCVN3_CODES.items()}

# VNI: the mark bytes after a base vowel (lower case; capitals are their upper case).
_COMBINING = {
    "grave": "\u0300",
    "acute": "\u0301",
    "tilde": "\u0303",
    "hook": "\u0309",
    "dot": "\u0323",
    "circumflex": "\u0302",
    "breve": "\u0306",
}
_VNI_MARKS: dict[str, tuple[str, ...]] = {
    "ù": ("acute",),
    "ø": ("grave",),
    "û": ("hook",),
    "õ": ("tilde",),
    "ï": ("dot",),
    "â": ("circumflex",),
    "á": ("circumflex", "acute"),
    "à": ("circumflex", "grave"),
    "å": ("circumflex", "hook"),
    "ã": ("circumflex", "tilde"),
    "ä": ("circumflex", "dot"),
    "ê": ("breve",),
    "é": ("breve", "acute"),
    "è": ("breve", "grave"),
    "ú": ("breve", "hook"),
    "ü": ("breve", "tilde"),
    "ë": ("breve", "dot"),
}
# VNI's letters of one byte: ơ, ư, đ, and i and y with their marks.
_VNI_SINGLE = {
    "ô": "ơ",
    "ö": "ư",
    "ñ": "đ",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}
_VNI_BASES = "aeouyAEOUY" + "ôöÔÖ"  # a mark may follow ơ and ư too
_VNI_MARK_CHARS = "".join(_VNI_MARKS) + "".join(_VNI_MARKS).upper()
_VNI_PAIR = re.compile(f"([{_VNI_BASES}])([{re.escape(_VNI_MARK_CHARS)}])")

# Letters only Unicode Vietnamese has (beyond Latin-1): a text holding them is not mojibake.
_UNICODE_ONLY = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")
# The TCVN3 letters that a Latin text seldom holds (not á, ô…; not the soft hyphen, which a
# PDF leaves in Unicode text too, though it is TCVN3's ư).
_TCVN3_SIGNS = re.compile(
    "[" + re.escape("".join(c for c in _FROM_TCVN3 if c not in "ãáàâêíìóòôõùúý\xad")) + "]"
)
# TCVN3's codes that are no letter in Windows-1252 ("vµ", "c¸c", "®¶ng"): a Latin text
# (French, a name) has letters with accents, never these among its words.
_TCVN3_STRONG = re.compile(
    "[" + re.escape("".join(c for c in _FROM_TCVN3 if not c.isalpha() and c != "\xad")) + "]"
)
_VNI_SIGNS = re.compile(f"[{_VNI_BASES}][{re.escape(_VNI_MARK_CHARS)}]|[ñÑ]|[a-zA-Z][æòîÆÒÎ]")
_LETTERS = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Converted:
    text: str
    encoding: str | None  # TCVN3, VNI, or None: the text was Unicode already
    letters: int = 0  # how many letters were converted


def detect(text: str) -> str | None:
    """``TCVN3`` or ``VNI`` when ``text`` reads as that font's mojibake, else None."""
    if _UNICODE_ONLY.search(text):
        return None
    return _detect_old(text)


def _detect_old(text: str) -> str | None:
    letters = len(_LETTERS.findall(text))
    if letters < 8:
        return None
    vni = len(_VNI_SIGNS.findall(text))
    # A TCVN3 letter stands for the vowel itself; VNI's mark bytes follow their vowel.
    tcvn3 = len(_TCVN3_SIGNS.findall(_VNI_SIGNS.sub("", text)))
    strong = len(_TCVN3_STRONG.findall(text))
    least = max(2, letters // 60)  # Vietnamese marks about one letter in four
    if strong and tcvn3 >= least and tcvn3 > vni:
        return TCVN3
    if vni >= least:
        return VNI
    return None


def repair(text: str) -> Converted:
    """``text`` with its legacy lines made Unicode: the lines that hold no letter only
    Unicode has are read together to decide the encoding, then each is converted (a
    heading typed again in Unicode above an old body stays as it is)."""
    lines = text.split("\n")
    old = [i for i, line in enumerate(lines) if not _UNICODE_ONLY.search(line)]
    encoding = _detect_old("\n".join(lines[i] for i in old))
    if encoding is None:
        return Converted(text, None)
    letters = 0
    for i in old:
        done = convert(lines[i], encoding)
        lines[i] = done.text
        letters += done.letters
    return Converted("\n".join(lines), encoding, letters)


def convert(text: str, encoding: str | None = None) -> Converted:
    """``text`` from ``encoding`` (by default: ``detect``'s answer) to NFC Unicode."""
    found = encoding or detect(text)
    if found == TCVN3:
        count = sum(1 for c in text if c in _FROM_TCVN3)
        out = "".join(_FROM_TCVN3.get(c, c) for c in text)
        return Converted(unicodedata.normalize("NFC", out), TCVN3, count)
    if found == VNI:
        count = 0

        def pair(match: re.Match[str]) -> str:
            nonlocal count
            count += 1
            base, mark = match.group(1), match.group(2)
            base = {"ô": "ơ", "ö": "ư", "Ô": "Ơ", "Ö": "Ư"}.get(base, base)
            marks = _VNI_MARKS[mark.lower()]
            return base + "".join(_COMBINING[m] for m in marks)

        out = _VNI_PAIR.sub(pair, text)
        singles = {**_VNI_SINGLE, **{k.upper(): v.upper() for k, v in _VNI_SINGLE.items()}}
        count += sum(1 for c in out if c in singles)
        out = "".join(singles.get(c, c) for c in out)
        return Converted(unicodedata.normalize("NFC", out), VNI, count)
    return Converted(text, None)
