"""The closing instructions of a conference, read from the chair's closing speech as an
article reports it: one clean sentence per directive."""

from __future__ import annotations

import re

from minutes_app.core.parsing.spans import Span, sentences

# A closing speech is named "phát biểu chỉ đạo / kết luận"; a plain "phát biểu tại hội
# nghị" is only a fallback, because delegates' speeches are introduced the same way.
_CLOSING_CUES = (
    re.compile(
        r"phát biểu (?:chỉ đạo|kết luận|bế mạc)|kết luận hội nghị[,:]|(?:^|\n)Kết luận[,:]",
        re.IGNORECASE,
    ),
    re.compile(r"phát biểu tại hội nghị|phát biểu tại buổi", re.IGNORECASE),
)
_DIRECTIVE_VERB = re.compile(
    r"(?<!\w)(?P<verb>đề nghị|yêu cầu|nhấn mạnh|chỉ đạo|lưu ý|nêu rõ|chỉ rõ|giao)(?!\w)[ \t]*:?[ \t]*",
    re.IGNORECASE,
)
# Verbs whose object is itself a directive; "nhấn mạnh" may introduce mere comment.
_COMMANDING = frozenset({"đề nghị", "yêu cầu", "chỉ đạo", "lưu ý", "giao"})
_SPEAKER_THEN_VERB = re.compile(
    r"\b(?:[Đđ]ồng chí|Ông|Bà)\b[^;]{0,120}?\b(?:đề nghị|yêu cầu|lưu ý|chỉ đạo)\b[ \t]*:?[ \t]*"
)
_DIRECTIVE_MARKS = re.compile(
    r"\b(?:cần|phải|đề nghị|yêu cầu|tiếp tục|tập trung|tăng cường|đẩy mạnh|khẩn trương|"
    r"chú trọng|quan tâm|nâng cao|hoàn thiện|thực hiện|triển khai|tham mưu|rà soát|"
    r"kịp thời|bảo đảm|đảm bảo|xử lý|giao)\b",
    re.IGNORECASE,
)
_REPORTING_PARAGRAPH = re.compile(
    r"^(?:Trong chương trình|Tại hội nghị|Tại điểm cầu|Đối với (?:tỉnh|huyện|thành phố)|"
    r"Dự hội nghị|Hội nghị đã|Các đại biểu|Trước đó|Theo báo cáo)",
    re.IGNORECASE,
)
_CONNECTIVES = re.compile(
    r"^(?:Vì vậy|Do đó|Đồng thời|Theo đó|Trong đó|Bên cạnh đó|Ngoài ra|Trước mắt)[ \t]*,[ \t]*",
    re.IGNORECASE,
)


def read_instructions(text: str) -> tuple[tuple[str, ...], list[Span]]:
    """The directives of the closing speech, each as a sentence, and where each stands."""
    verb = _first_directive(text)
    if verb is None:
        return (), []
    items: list[str] = []
    spans: list[Span] = []
    first = verb.group("verb").lower() in _COMMANDING
    for start, end in _paragraphs(text, verb.end()):
        paragraph = text[start:end]
        if not first and (_REPORTING_PARAGRAPH.match(paragraph) or len(paragraph.split()) < 6):
            if items:
                break
            continue
        for item_start, item_end in _clauses(text, start, end):
            found = _instruction_item(text[item_start:item_end], first)
            first = False
            if found is not None:
                item, low, high = found
                items.append(item)
                spans.append(Span(item_start + low, item_start + high, "instruction"))
    return tuple(items), spans


def _first_directive(text: str) -> re.Match[str] | None:
    for cue_pattern in _CLOSING_CUES:
        cue = cue_pattern.search(text)
        if cue is not None:
            return _DIRECTIVE_VERB.search(text, cue.end())
    return None


def _paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text[start:]):
        spans.append((start + match.start(), start + match.end()))
    return spans


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    clauses: list[tuple[int, int]] = []
    for sentence_start, sentence_end in sentences(text, start, end):
        cursor = sentence_start
        for match in re.finditer(";", text[sentence_start:sentence_end]):
            clauses.append((cursor, sentence_start + match.start()))
            cursor = sentence_start + match.end()
        clauses.append((cursor, sentence_end))
    return clauses


def _trim(raw: str, low: int, high: int, chars: str) -> tuple[int, int]:
    while low < high and raw[low] in chars:
        low += 1
    while high > low and raw[high - 1] in chars:
        high -= 1
    return low, high


_ITEM_END = re.compile(r"(?:\./\.|/\.|…+|\.{2,}|\.)$")


def _instruction_item(raw: str, governed: bool) -> tuple[str, int, int] | None:
    """A directive as a clean sentence, with where it stands in ``raw``; ``None`` for
    narration around the directives."""
    low, high = _trim(raw, 0, len(raw), " \t\n")
    lead = _DIRECTIVE_VERB.search(raw, low, min(high, low + 160))
    if lead is not None and ":" in raw[lead.start() : lead.end()]:
        low, governed = lead.end(), lead.group("verb").lower() in _COMMANDING
    speaker = _SPEAKER_THEN_VERB.search(raw, low, high)
    if speaker is not None:
        low, governed = speaker.end(), True
    if not governed and re.match(r"(?:[Đđ]ồng chí|Ông|Bà)\b", raw[low:high]):
        return None
    low, high = _trim(raw, low, high, " \t")
    connective = _CONNECTIVES.match(raw[low:high])
    if connective is not None:
        low += connective.end()
    ending = _ITEM_END.search(raw[low:high])
    if ending is not None:
        high = low + ending.start()
    low, high = _trim(raw, low, high, " \t,;")
    item = raw[low:high]
    if len(item.split()) < 4:
        return None
    if not governed and (
        _DIRECTIVE_MARKS.search(item) is None or re.search(r"\b(?:sẽ|đã)\b", item)
    ):
        return None
    return item[:1].upper() + item[1:], low, high
