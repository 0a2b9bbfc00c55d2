"""Search everywhere: conferences, documents, tasks, people and units, blind to accents.

The typed words are folded and split as the index folds and splits records
(db/search_index.py): no diacritics, no case, đ = d, so both tone-mark placements match,
and a symbol's punctuation separates words ("96-QD/TW", "qd 96" and "96 qđ tw" all find
"96-QĐ/TW"). Every word must be in a record; the last one is a prefix unless a space
follows it, so results come as the clerk types. Each kind is ranked in its own index table
(bm25 in SQLite's FTS5, ts_rank on a server); hits whose name holds the words come first
across kinds. db/search_index.py reads the index and the records, on either store; this
module judges, orders and words the hits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, overload

from minutes_app.base.text import fold
from minutes_app.db.engine import Database
from minutes_app.db.search_index import CHILD_SEPARATOR, index_reading, words

KINDS = ("conference", "document", "task", "person", "unit")
LIMIT = 20  # hits shown per kind
WINDOW = 500  # newest matches of a kind ranked (see db/search_index.ranked_sql)
COUNT_CAP = 1000  # matches of a kind counted exactly up to this many
SNIPPET = 90  # characters of context around a match
MAX_QUERY = 500  # characters of a query read: a pasted page is not a query
MAX_TERMS = 12
MAX_TERM = 40

Term = tuple[str, bool]  # a folded word, and whether it is a prefix of the word sought


@dataclass(frozen=True)
class Hit:
    type: str
    id: int
    label: str
    snippet: str
    # How well the hit's name matches: above 2 when the name holds every word, the closer to
    # 3 the more of the name the words make up; below 1 when some word is only elsewhere.
    score: float

    def to_json(self) -> dict[str, object]:
        return {"type": self.type, "id": self.id, "label": self.label, "snippet": self.snippet}


@dataclass(frozen=True)
class Hits(Sequence[Hit]):
    """The hits of a search, best first, with how many records of each kind matched."""

    hits: tuple[Hit, ...] = ()
    # Matches per kind, counted up to COUNT_CAP; kinds in ``more`` have more than that.
    counts: Mapping[str, int] = field(default_factory=dict)
    more: frozenset[str] = frozenset()

    @overload
    def __getitem__(self, index: int) -> Hit: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Hit]: ...
    def __getitem__(self, index: int | slice) -> Hit | Sequence[Hit]:
        return self.hits[index]

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def of_kind(self, kind: str) -> tuple[Hit, ...]:
        return tuple(h for h in self.hits if h.type == kind)

    def total(self, kind: str) -> int:
        """Records of ``kind`` that match (at least this many when in ``more``)."""
        return self.counts.get(kind, 0)

    def total_text(self, kind: str) -> str:
        """The count as shown: "12", or "1000+" past the cap."""
        return f"{self.total(kind)}+" if kind in self.more else str(self.total(kind))


def query_terms(query: str) -> list[Term]:
    """The folded words of ``query``, at most MAX_TERMS of them; the last one is a prefix
    unless the query ends in a space."""
    text = query[:MAX_QUERY]
    found = [w[:MAX_TERM] for w in words(text)]
    if not found:
        return []
    typing = not text[-1].isspace()
    terms = [(w, False) for w in found[:-1]] + [(found[-1], typing)]
    return list(dict.fromkeys(terms))[-MAX_TERMS:]


def search(db: Database, query: str, limit: int = LIMIT) -> Hits:
    """Records that hold every word of ``query``: at most ``limit`` of each kind, best first.

    Never raises for what a person can type or paste: FTS5 syntax, quotes, control
    characters and overlong text are all taken as words or ignored.
    """
    terms = query_terms(query) if isinstance(query, str) else []
    if not terms:
        return Hits()
    match = _Matcher(terms)
    found: list[tuple[float, int, int, Hit]] = []
    counts: dict[str, int] = {}
    more: set[str] = set()
    with index_reading(db) as index:
        sought = index.query(terms)
        windows = index.ranked(KINDS, sought, WINDOW, COUNT_CAP + 1)
        for order, kind in enumerate(KINDS):
            ranked = windows[kind]
            count = len(ranked)
            if count == WINDOW:
                count = index.count(kind, sought, COUNT_CAP + 1)
                if count > COUNT_CAP:
                    count = COUNT_CAP
                    more.add(kind)
            counts[kind] = count
            # Newest first among equal ranks: the window came in rowid order, the sort is stable.
            best = [r[0] for r in sorted(ranked, key=itemgetter(1))[:limit]]
            if not best:
                continue
            by_id = {h.id: h for h in _DETAILS[kind](index.records(kind, best), match)}
            for position, rowid in enumerate(best):
                hit = by_id.get(rowid)
                if hit is not None:
                    found.append((-hit.score, order, position, hit))
    found.sort(key=lambda f: f[:3])
    return Hits(tuple(f[3] for f in found), counts, frozenset(more))


# --- naming and context ---------------------------------------------------------------------


def _loose_char(char: str) -> str:
    if char.isspace() or unicodedata.category(char) == "Cs":
        return " "
    folded = fold(char)[:1]
    return folded if folded.isalnum() else " "


# A str.translate table that folds each character to exactly one character, so that a
# position in the folded text is the same position in the original (fold() squeezes spaces
# and may change lengths). Every character but a letter or digit becomes a space: only word
# starts and ends matter. A plain dict, as translate() is three times faster with one;
# characters past ASCII are added as they are met.
_LOOSE = {code: _loose_char(chr(code)) for code in range(128)}


def _loose(text: str) -> str:
    loose = text.translate(_LOOSE)
    if loose.isascii():
        return loose
    missing = {ord(c) for c in text}.difference(_LOOSE)
    if not missing:
        return loose  # letters of other scripts, folded to themselves
    _LOOSE.update((code, _loose_char(chr(code))) for code in missing)
    return text.translate(_LOOSE)


_WORD = re.compile(r"[^\W_]+")
_WORD_CHAR = r"[^\W_]"
_WORD_END = r"(?![^\W_])"


class _Matcher:
    """Finds the query's terms in stored text, where they start a word (a whole word unless
    the term is a prefix), with positions in the original text."""

    def __init__(self, terms: Sequence[Term]) -> None:
        # The term comes first, then a look back at the character before it: a pattern
        # that starts with a literal is searched for fast (a leading look-behind is tried
        # at every position).
        self.patterns = [
            re.compile(f"{re.escape(t)}(?<!{_WORD_CHAR}{re.escape(t)}){'' if p else _WORD_END}")
            for t, p in terms
        ]

    def _best_field(self, fields: Sequence[str | None]) -> tuple[int, int, str] | None:
        """(terms held, where the first starts, text) of the field holding the most terms,
        the earlier on a tie; None when none holds any."""
        best: tuple[int, int, str] | None = None
        for text in fields:
            if not text:
                continue
            loose = _loose(text)
            starts = [m.start() for m in (p.search(loose) for p in self.patterns) if m]
            if starts and (best is None or len(starts) > best[0]):
                best = (len(starts), min(starts), text)
                if best[0] == len(self.patterns):
                    break  # no later field can do better: long texts further on are spared
        return best

    def judge(
        self, name: str, fields: Sequence[str | None] = (), fallback: str = ""
    ) -> tuple[float, str]:
        """A hit's score and snippet.

        The score is above 2 when ``name`` holds every term (toward 3 as the terms make up
        more of the name); between 1 and 1.5 when one of ``fields`` holds every term; below
        1 otherwise, by how many terms the name or the best field holds. The snippet is a
        window of the field holding the most terms, around its first one, or ``fallback``.
        """
        loose = _loose(name)
        size = len(self.patterns)
        in_name, covered = 0, set()
        for pattern in self.patterns:
            starts = {m.start() for m in pattern.finditer(loose)}
            in_name += bool(starts)
            covered |= starts
        best = self._best_field(fields)
        snippet = fallback if best is None else _window(best[2], best[1])
        in_field = 0 if best is None else best[0]
        if in_name == size:
            score = 2.0 + len(covered) / max(1, len(_WORD.findall(loose)))
        elif in_field == size:
            score = 1.0 + 0.5 * in_name / size
        else:
            score = 0.99 * max(in_name, in_field) / size
        return score, snippet


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _shorten(text: str, size: int = 2 * SNIPPET) -> str:
    text = _squeeze(text)
    if len(text) <= size:
        return text
    cut = text.rfind(" ", 0, size)
    return text[: cut if cut > size // 2 else size] + "…"


def _window(text: str, start: int) -> str:
    """About SNIPPET characters of ``text`` around ``start``, cut between words."""
    left = max(0, start - SNIPPET // 3)
    if left:
        space = text.rfind(" ", 0, left)
        left = space + 1 if space >= 0 and left - space < 15 else left
    right = min(len(text), left + SNIPPET)
    if right < len(text):
        space = text.find(" ", right)
        right = space if 0 <= space - right < 15 else right
    piece = _squeeze(text[left:right])
    return ("…" if left else "") + piece + ("…" if right < len(text) else "")


def _day(iso: object) -> str:
    """dd/mm/yyyy of a day as the driver gives it (ISO text from SQLite, a date from psycopg)."""
    return "/".join(reversed(str(iso).split("-"))) if iso else ""


# --- each kind's hits -----------------------------------------------------------------------

# Each kind's rows (as db/search_index.IndexReading.records gives them) made into hits.
Details = Callable[[Sequence[Any], _Matcher], list[Hit]]
_SEP = CHILD_SEPARATOR


def _conferences(rows: Sequence[Any], match: _Matcher) -> list[Hit]:
    hits = []
    for row in rows:
        conference_id, title, day, kind, organizer, host, discussion, notes = row[:8]
        chairs, points, told = row[8:]
        fields = [
            chairs,
            *(points or "").split(_SEP),
            host,
            organizer,
            kind,
            *(told or "").split(_SEP),
            discussion,
            notes,
        ]
        score, snippet = match.judge(title, fields, _shorten(organizer or ""))
        hits.append(Hit("conference", conference_id, f"{_day(day)} {title}", snippet, score))
    return hits


def _documents(rows: Sequence[Any], match: _Matcher) -> list[Hit]:
    hits = []
    for doc_id, kind, symbol, number, issued_on, issuer, subject in rows:
        shown = symbol or number
        when = f" ngày {_day(issued_on)}" if issued_on else ""
        label = f"{kind} {shown}{when}"
        # The name as the index has it: the symbol's words, and also run together.
        name = f"{kind} {shown} {''.join(_WORD.findall(_loose(shown)))}"
        score, snippet = match.judge(name, [subject, issuer], _shorten(subject or issuer or ""))
        hits.append(Hit("document", doc_id, label, snippet, score))
    return hits


def _tasks(rows: Sequence[Any], match: _Matcher) -> list[Hit]:
    hits = []
    for task_id, title, detail, result, unit in rows:
        score, told = match.judge(title, [result, detail], _shorten(result or ""))
        hits.append(Hit("task", task_id, title, f"{unit} — {told}" if told else unit, score))
    return hits


def _people(rows: Sequence[Any], match: _Matcher) -> list[Hit]:
    return [
        Hit("person", person_id, name, unit or "", match.judge(name)[0])
        for person_id, name, unit in rows
    ]


def _units(rows: Sequence[Any], match: _Matcher) -> list[Hit]:
    return [
        Hit("unit", unit_id, name, kind or "", match.judge(name, [kind])[0])
        for unit_id, name, kind in rows
    ]


_DETAILS: dict[str, Details] = {
    "conference": _conferences,
    "document": _documents,
    "task": _tasks,
    "person": _people,
    "unit": _units,
}
