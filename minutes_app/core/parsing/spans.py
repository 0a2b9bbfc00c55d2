"""Where a finding of the article reader stands in the text (``Span``), and the sentences
the text is read in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes_app.base.text import UPPER


@dataclass(frozen=True)
class Span:
    """Where in the (NFC) input a field of the draft was read."""

    start: int
    end: int
    what: str


# A place's level, written before its name ("xã Thạch Hà", "thị xã Kỳ Anh", "đặc khu Cô Tô").
PLACE_LEVEL = r"(?:tỉnh|thành[ \t]+phố|huyện|quận|thị[ \t]+xã|thị[ \t]+trấn|xã|phường|đặc[ \t]+khu)"
# A place's level abbreviated with a full stop: "TP. Buôn Ma Thuột", "TX. Hương Thủy",
# "H. Krông Pắc", "Q. 1".
PLACE_ABBREVIATIONS = ("TP", "Tp", "TX", "Tx", "TT", "H", "Q", "P")
# A full stop that ends an abbreviation of a place or a title ("ThS. Nguyễn Văn A") ends no
# sentence.
_ABBREVIATIONS = "".join(rf"(?<!\b{word}\.)" for word in (*PLACE_ABBREVIATIONS, "ThS", "TS", "GS"))
_SENTENCE_END = re.compile(rf"(?<=[.!?…]){_ABBREVIATIONS}[ \t]+(?=[\"“]?[" + UPPER + r"])|\n+")


def line_around(text: str, position: int) -> str:
    """The line of ``text`` that holds ``position``, without its line break."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)]


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text[start:end]."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.start() > cursor:
            spans.append((cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return spans
