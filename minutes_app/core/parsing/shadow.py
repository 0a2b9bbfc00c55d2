"""The shadow of a text: the same-length copy with diacritics removed that the citation
patterns run on.

Matching runs on a *shadow* copy of the text with diacritics removed and đ → d, one
character for one character, so every offset found there is also an offset in the NFC
text. That keeps the patterns short and ASCII, makes them blind to tone-mark placement
and to missing diacritics, and still lets the symbol code be read case-sensitively
("QĐi", "TTg" against a glued "TWngày"). The shadow also reads the dashes of word
processors ("21–NQ/TW") as a hyphen and the no-break spaces of web pages as plain ones,
again one character for one.
"""

from __future__ import annotations

import unicodedata


def _build_shadow_table() -> dict[int, str]:
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for block in (range(0xC0, 0x250), range(0x1E00, 0x1F00)):
        for code in block:
            parts = unicodedata.normalize("NFD", chr(code))
            if len(parts) > 1 and parts[0].isascii() and parts[0].isalpha():
                table[code] = parts[0]
    return table


_SHADOW_TABLE = _build_shadow_table()
# Hyphen, non-breaking hyphen, figure dash, en dash, minus: typed for "-" in symbols and
# dates. The em dash is left alone: it separates clauses, never the parts of a symbol.
_DASHES = "\u2010\u2011\u2012\u2013\u2212"
_SHADOW_TABLE.update({ord(dash): "-" for dash in _DASHES})
_SHADOW_TABLE.update({ord(space): " " for space in "\u00a0\u2007\u2009\u202f"})


def shadow(text: str) -> str:
    """Same-length copy of NFC ``text`` with Vietnamese diacritics removed, case kept;
    dashes read as hyphens and no-break spaces as spaces."""
    return text.translate(_SHADOW_TABLE)


def plain_dashes(symbol: str) -> str:
    """``symbol`` with every dash that stands for a hyphen written as one."""
    return symbol.translate({ord(dash): "-" for dash in _DASHES})
