"""The title of an article: its first line of four words or more that is not a date,
a menu or a page header."""

from __future__ import annotations

import re

from minutes_app.core.parsing.spans import Span

_BOILERPLATE_LINE = re.compile(
    r"^(?:\d|Thứ|Chủ nhật|Cập nhật|Ngày đăng|Đăng ngày|You are|Xem thêm|Trang chủ|In trang)",
    re.IGNORECASE,
)


def read_title(text: str) -> tuple[str | None, Span | None]:
    """The article's title and where it stands."""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        start = offset + line.find(stripped) if stripped else offset
        offset += len(line)
        if len(stripped.split()) < 4 or _BOILERPLATE_LINE.match(stripped):
            continue
        if len(stripped) > 250:
            return None, None
        title = re.sub(r"[ \t]+In trang$", "", stripped).strip()
        return title, Span(start, start + len(title), "title")
    return None, None
