"""The subject of a cited document: the words after "về", "quy định", … or in quotes,
to the end of the clause."""

from __future__ import annotations

import re

_SUBJECT_START = re.compile(
    r"[ \t]{0,3},?[ \t]{0,3}(?P<lead>(?i:ve|quy[ \t]dinh|huong[ \t]dan|ban[ \t]hanh)\b|[“\"])"
)
CLAUSE_END = re.compile(r";|\.(?:\s|$)|\n|…|\.\.\.")


def read_subject(text: str, shade: str, pos: int, limit: int) -> str | None:
    """The subject written after the citation that ends at ``pos`` (not past ``limit``)."""
    match = _SUBJECT_START.match(shade, pos)
    if match is None:
        return None
    start = match.start("lead")
    if match.group("lead") in '“"':
        closing = text.find("”" if match.group("lead") == "“" else '"', start + 1, limit)
        stop = closing if closing > 0 else limit
        start += 1
    else:
        end = CLAUSE_END.search(text, start, limit)
        stop = end.start() if end else limit
    subject = text[start:stop].strip(' \t,:()“”"')
    return subject or None
