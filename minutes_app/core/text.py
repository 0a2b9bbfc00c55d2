"""Vietnamese text helpers: NFC storage form and a folded form for matching."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")

# Combining marks are dropped after NFD; đ/Đ have no decomposition, so they are mapped.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form every stored string uses."""
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
