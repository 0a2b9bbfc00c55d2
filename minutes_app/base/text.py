"""Vietnamese text helpers: NFC storage form and a folded form for matching."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")

# Combining marks are dropped after NFD; đ/Đ have no decomposition, so they are mapped.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def _letters(upper: bool) -> str:
    """Every Latin letter Vietnamese writes, of one case, as the body of a character class:
    the accented ones alternate upper and lower case in Unicode, so no range will do."""
    blocks = (range(0xC0, 0x250), range(0x1EA0, 0x1F00))
    letters = (chr(code) for block in blocks for code in block)
    chosen = "".join(c for c in letters if c.isalpha() and (c.isupper() if upper else c.islower()))
    return ("A-Z" if upper else "a-z") + chosen


UPPER = _letters(upper=True)
LOWER = _letters(upper=False)


# Control characters other than tab and line breaks say nothing in a record and upset
# files and terminals; a lone surrogate cannot be written as UTF-8 at all.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _safe(match: re.Match[str]) -> str:
    return "\ufffd" if match.group() >= "\ud800" else ""


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form every stored string uses.

    Control characters (but tab and line breaks) are dropped and a lone surrogate
    becomes U+FFFD, so that whatever was pasted can be stored and written as UTF-8.
    """
    if _UNSAFE.search(text):
        text = _UNSAFE.sub(_safe, text)
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str | None:
    """NFC with outer white space removed; empty text becomes ``None``."""
    if text is None:
        return None
    text = nfc(text).strip()
    return text or None


def fold(text: str) -> str:
    """Fold text for matching: no diacritics, lower case, đ = d, single spaces.

    Both tone-mark placements ("hoà" and "hòa") fold to the same string because
    every mark is removed.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare.casefold().translate(_EXTRA)).strip()


def contains_folded(haystack: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack``, blind to case and diacritics."""
    return fold(needle) in fold(haystack)


# Vietnamese alphabetical order: the letters with breve, circumflex and horn, and đ, are
# letters of their own; the five tone marks only break ties.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SHAPED = {
    "a\u0306": "ă",
    "a\u0302": "â",
    "e\u0302": "ê",
    "o\u0302": "ô",
    "o\u031b": "ơ",
    "u\u031b": "ư",
}


# Letters in Vietnamese alphabet order, then tones, then the text itself.
SortKey = tuple[tuple[int, ...], tuple[int, ...], str]


def vietnamese_sort_key(text: str) -> SortKey:
    """A key that sorts Vietnamese words as a dictionary does (Đ after D, Ă and Â after A).

    The window sorts with QCollator; this is for places without Qt (the command line).
    """
    primary: list[int] = []
    tones: list[int] = []
    for char in nfc(text).casefold():
        parts = unicodedata.normalize("NFD", char)
        base, marks = parts[0], parts[1:]
        tone = 0
        for mark in marks:
            if mark in _TONES:
                tone = _TONES[mark]
            else:
                base = _SHAPED.get(base + mark, base)
        rank = _LETTER_RANK.get(base)
        primary.append(rank + 1000 if rank is not None else ord(base))
        tones.append(tone)
    return (tuple(primary), tuple(tones), text)


ELLIPSIS = "…"


def shortened(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending with "…" where it was cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def display_width(text: str) -> int:
    """The columns ``text`` takes in a terminal: a combining mark (a tone mark typed apart
    from its letter) none, a wide (East Asian) character two, any other character one."""
    width = 0
    for char in unicodedata.normalize("NFC", text):
        if unicodedata.combining(char) or unicodedata.category(char) in ("Me", "Mn", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def fitted(text: str, width: int, *, right: bool = False) -> str:
    """``text`` in NFC padded with spaces to ``width`` terminal columns (on the left when
    ``right``), or cut to them with "…" where it is wider."""
    text = unicodedata.normalize("NFC", text)
    if display_width(text) > width:
        kept: list[str] = []
        used = 0
        for char in text:
            used += display_width(char)
            if used > width - 1:
                break
            kept.append(char)
        text = "".join(kept).rstrip() + ELLIPSIS
    padding = " " * (width - display_width(text))
    return padding + text if right else text + padding
