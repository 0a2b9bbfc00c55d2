"""Reading an exchange file (shared/exchange/FORMAT.md) into checked records.

Every problem is collected with its JSON path, so that the clerk sees all of them at
once; nothing here touches the database.

The JSON is parsed by the standard library's decoder, one element of each top-level list
at a time (``_parse``), so that a worker thread never holds the GIL for long. ijson 3.6
(its yajl2_c backend, items read from the open file) was measured in its place, with the
same checks after it, in a worker thread as the window reads (collections off) while the
main thread ticks every 5 ms, on the shared 2-core machine:

- 20,000-task file (22 MB, the benchmark's import): this reader 2.0-3.9 s, longest stall
  49-85 ms, peak 154 MB; ijson 2.4-3.5 s, 50-77 ms, 139 MB (four runs each). Parsing
  alone: 0.38-0.57 s against 0.47-0.74 s. At 200,000 tasks (221 MB) neither keeps to
  300 MB (this reader 1,110 MB, ijson 940 MB).
- What it does not keep: a lone surrogate (``"\\ud800"``) becomes "?" without a word
  instead of being refused at its path; a whole number past 64 bits, NaN and Infinity are
  "broken JSON" instead of a value judged at its path; a byte order mark, UTF-16 and
  UTF-32 are refused; errors name no line and column; and nesting costs it memory by the
  square of the depth: a 60 KB file of 30,000 nested lists takes 2.2 GB, 100,000 levels
  got the process killed, where this reader refuses them at once ("nested too deeply").

So it stays; tests/core/test_exchange_pieces.py pins what a replacement must keep.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
import uuid
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from minutes_app.base.limits import (
    MAX_COUNT,
    MAX_TEXT,
    MAX_TITLE,
    day_in_range,
    day_range_words,
)
from minutes_app.base.text import nfc
from minutes_app.db.models import EVENT_KINDS, MODES, PAPER_KINDS, SESSIONS, TASK_STATUSES

FORMAT_NAME = "minutes-app/exchange"
FORMAT_VERSION = 1

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
_HHMM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ExchangeError(Exception):
    """The file cannot be imported; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class UnitRecord:
    key: str
    name: str
    kind: str | None
    parent: str | None


@dataclass(frozen=True)
class PersonRecord:
    key: str
    name: str
    unit: str | None


@dataclass(frozen=True)
class DocumentRecord:
    key: str
    kind: str
    symbol: str | None
    number: str
    issued_on: dt.date | None
    issuer: str | None
    subject: str | None

    @property
    def identity(self) -> tuple[str, dt.date | None]:
        return (self.symbol or self.number, self.issued_on)


@dataclass(frozen=True)
class Appearance:
    person: str
    title: str | None


@dataclass(frozen=True)
class AbsenceRecord:
    """An expected participant who did not attend, and the reason given."""

    person: str
    title: str | None
    reason: str | None


@dataclass(frozen=True)
class PaperRecord:
    """A paper issued from a conference, with its registered number and date of issue."""

    kind: str
    number: str
    issued_on: dt.date
    signer: Appearance | None
    authority: str | None


@dataclass(frozen=True)
class BridgePointRecord:
    name: str
    unit: str | None
    presiding: tuple[Appearance, ...]
    attendees: tuple[Appearance, ...]
    attendee_count: int | None


@dataclass(frozen=True)
class StudiedRecord:
    document: str
    presenter: Appearance | None


@dataclass(frozen=True)
class EventRecord:
    at: dt.datetime
    kind: str
    note: str | None
    old_deadline: dt.date | None
    new_deadline: dt.date | None
    by: str | None


@dataclass(frozen=True)
class TaskRecord:
    key: str
    title: str
    detail: str | None
    lead_unit: str
    support_units: tuple[str, ...]
    owner: str | None
    assigned_on: dt.date
    deadline: dt.date | None
    status: str
    completed_on: dt.date | None
    result: str | None
    history: tuple[EventRecord, ...]
    uid: str | None = None  # the task's identity across files and databases (FORMAT.md)


@dataclass(frozen=True)
class InstructionRecord:
    key: str
    speaker: Appearance | None
    text: str
    tasks: tuple[TaskRecord, ...]


@dataclass(frozen=True)
class ConferenceRecord:
    key: str
    title: str
    kind: str | None
    mode: str
    organizer: str | None
    date: dt.date
    session: str | None
    start_time: str | None
    end_time: str | None
    secretary: Appearance | None
    host_point: str | None
    chairs: tuple[Appearance, ...]
    bridge_points: tuple[BridgePointRecord, ...]
    documents_studied: tuple[StudiedRecord, ...]
    discussion: str | None
    instructions: tuple[InstructionRecord, ...]
    notes: str | None
    uid: str | None = None  # the conference's identity across files and databases
    absent: tuple[AbsenceRecord, ...] = ()
    papers: tuple[PaperRecord, ...] = ()


@dataclass(frozen=True)
class ExchangeFile:
    units: tuple[UnitRecord, ...] = ()
    people: tuple[PersonRecord, ...] = ()
    documents: tuple[DocumentRecord, ...] = ()
    conferences: tuple[ConferenceRecord, ...] = ()


class _Missing:
    """Stands for a field that is absent or unusable; never stored."""


MISSING: Any = _Missing()


@dataclass
class _Reader:
    """Walks the JSON tree, keeping the path of each value and every problem met."""

    problems: list[str] = field(default_factory=list)
    keys: dict[str, set[str]] = field(default_factory=dict)

    def problem(self, path: str, message: str) -> Any:
        self.problems.append(f"{path}: {message}")
        return MISSING

    def obj(self, value: Any, path: str, required: set[str], optional: set[str]) -> dict[str, Any]:
        """The object at ``path``, or an empty dict after reporting what is wrong with it."""
        if not isinstance(value, dict):
            self.problem(path, "not an object")
            return {}
        for name in sorted(set(value) - required - optional):
            self.problem(_join(path, name), "unknown field")
        for name in sorted(required - set(value)):
            self.problem(_join(path, name), "missing required field")
        return value

    def text(
        self,
        obj: dict[str, Any],
        name: str,
        path: str,
        *,
        required: bool = False,
        limit: int = MAX_TEXT,
    ) -> Any:
        """A string field in NFC with outer spaces removed; ``None`` for null or blank.

        Longer than ``limit`` (as stored) is refused: the limits of the editor.
        """
        where = _join(path, name)
        if name not in obj:
            return MISSING if required else None
        value = obj[name]
        if value is None:
            return self.problem(where, "must not be null") if required else None
        if not isinstance(value, str):
            return self.problem(where, "not a string")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return self.problem(where, "not valid Unicode text (lone surrogate)")
        if _CONTROL.search(value):
            return self.problem(where, "contains control characters")
        value = nfc(value).strip()
        if not value:
            return self.problem(where, "must not be empty") if required else None
        if len(value) > limit:
            return self.problem(where, f"too long (at most {limit:,} characters)")
        return value

    def date(self, obj: dict[str, Any], name: str, path: str, *, required: bool = False) -> Any:
        return self._parsed(obj, name, path, required, _DATE, dt.date.fromisoformat, "a date")

    def timestamp(self, obj: dict[str, Any], name: str, path: str) -> Any:
        parse = dt.datetime.fromisoformat
        return self._parsed(obj, name, path, True, _TIMESTAMP, parse, "a timestamp")

    def _parsed(
        self,
        obj: dict[str, Any],
        name: str,
        path: str,
        required: bool,
        pattern: re.Pattern[str],
        parse: Callable[[str], Any],
        what: str,
    ) -> Any:
        raw = self.text(obj, name, path, required=required)
        if raw is None or raw is MISSING:
            return raw
        if pattern.fullmatch(raw):
            try:
                value = parse(raw)
            except ValueError:
                pass
            else:
                day = value.date() if isinstance(value, dt.datetime) else value
                if day_in_range(day):
                    return value
                return self.problem(_join(path, name), f"out of range ({day_range_words()})")
        return self.problem(_join(path, name), f"not {what}")

    def clock(self, obj: dict[str, Any], name: str, path: str) -> Any:
        raw = self.text(obj, name, path)
        if raw is None or raw is MISSING or _HHMM.fullmatch(raw):
            return raw
        return self.problem(_join(path, name), "not a time of day (HH:MM)")

    def choice(
        self, obj: dict[str, Any], name: str, path: str, allowed: Iterable[str], default: Any
    ) -> Any:
        raw = self.text(obj, name, path)
        if raw is MISSING:
            return raw
        if raw is None:
            return default
        if raw not in allowed:
            return self.problem(_join(path, name), f"must be one of {', '.join(allowed)}")
        return raw

    def count(self, obj: dict[str, Any], name: str, path: str) -> Any:
        value = obj.get(name)
        if value is None:
            return None
        if isinstance(value, _HugeInteger):
            return self.problem(_join(path, name), f"out of range (0 to {MAX_COUNT:,})")
        if isinstance(value, bool) or not isinstance(value, int):
            return self.problem(_join(path, name), "not a whole number")
        if value < 0:
            return self.problem(_join(path, name), "must not be negative")
        if value > MAX_COUNT:
            return self.problem(_join(path, name), f"out of range (0 to {MAX_COUNT:,})")
        return value

    def items(self, obj: dict[str, Any], name: str, path: str) -> list[tuple[str, Any]]:
        """The elements of a list field with their paths; absent or null is empty."""
        value = obj.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(_join(path, name), "not a list")
            return []
        return [(f"{_join(path, name)}[{i}]", item) for i, item in enumerate(value)]

    def new_key(self, obj: dict[str, Any], path: str, kind: str) -> Any:
        key = self.text(obj, "key", path, required=True)
        if key is MISSING:
            return key
        seen = self.keys.setdefault(kind, set())
        if key in seen:
            return self.problem(_join(path, "key"), f"duplicate key '{key}'")
        seen.add(key)
        return key

    def uid(self, obj: dict[str, Any], path: str, kind: str) -> Any:
        """An optional ``uid``: a UUID in its canonical lower-case form, once per file."""
        if "uid" not in obj or obj["uid"] is None:
            return None
        where = _join(path, "uid")
        value = obj["uid"]
        try:
            canonical = str(uuid.UUID(value)) if isinstance(value, str) else None
        except ValueError:
            canonical = None
        if canonical is None or canonical != value:
            return self.problem(where, "not a UUID in lower-case canonical form")
        seen = self.keys.setdefault(f"{kind} uid", set())
        if value in seen:
            return self.problem(where, f"the {kind} uid '{value}' is used twice")
        seen.add(value)
        return value

    def reference(
        self, obj: dict[str, Any], name: str, path: str, kind: str, *, required: bool = False
    ) -> Any:
        key = self.text(obj, name, path, required=required)
        return self._check_reference(key, _join(path, name), kind)

    def _check_reference(self, key: Any, where: str, kind: str) -> Any:
        if key is None or key is MISSING:
            return key
        if key not in self.keys.get(kind, set()):
            return self.problem(where, f"unknown {kind} key '{key}'")
        return key

    def references(self, obj: dict[str, Any], name: str, path: str, kind: str) -> list[Any]:
        found = []
        for where, item in self.items(obj, name, path):
            if not isinstance(item, str):
                self.problem(where, f"not a {kind} key")
                continue
            found.append(self._check_reference(nfc(item).strip(), where, kind))
        return found


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _complete(*values: Any) -> bool:
    return all(v is not MISSING for v in values)


class _HugeInteger(float):
    """A whole number written with more digits than any number the format holds.

    Python refuses to convert a string of more than 4,300 digits to an int (CVE-2020-10735),
    and a number that large has no use here: it is kept as a float (perhaps infinite) that
    the reader reports as out of range.
    """


# Longer numbers are refused as out of range anyway; below Python's own limit of 4,300
# digits they are read as json.loads reads them (ints), so that the two readers agree.
_INTEGER_DIGITS = 4_000


def _integer(digits: str) -> int | float:
    if len(digits.lstrip("-")) > _INTEGER_DIGITS:
        return _HugeInteger(digits)
    return int(digits)


_SPACE = re.compile(r"[ \t\n\r]*")
_DECODE_PIECE = 1 << 20  # characters decoded at a time
_decoder = json.JSONDecoder(parse_int=_integer)


class _NotPlain(ValueError):
    """The document is not a plain object of lists: ``json.loads`` reads it whole instead."""


def _text(raw: bytes | str) -> str:
    """``raw`` as text, decoded as ``json.loads`` would (UTF-8, -16 or -32), in pieces."""
    if isinstance(raw, str):
        return raw
    encoding = json.detect_encoding(raw)
    decoder = codecs.getincrementaldecoder(encoding)("surrogatepass")
    view = memoryview(raw)
    pieces = []
    try:
        for start in range(0, len(raw), _DECODE_PIECE):
            pieces.append(decoder.decode(view[start : start + _DECODE_PIECE]))
        pieces.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        return raw.decode(encoding, "surrogatepass")  # raises again, at its place in the file
    return "".join(pieces)


def _parse(raw: bytes | str) -> Any:
    """What ``json.loads(raw)`` returns, parsed one list element at a time.

    Parsing a large file in one call holds the GIL for as long as it takes, which freezes
    the window while a worker thread imports. A document whose shape is not the plain
    object of lists an exchange file is, or which is not valid JSON, is read whole by the
    same decoder (``json.loads``, less its failure on a whole number of thousands of
    digits), so that the result and every error message are exactly its own.
    """
    text = _text(raw)
    try:
        return _parse_object(text)
    except (ValueError, IndexError, RecursionError):
        return _decoder.decode(text)


def _skip(text: str, at: int) -> int:
    """Where the white space from ``at`` on ends."""
    found = _SPACE.match(text, at)
    return found.end() if found else at


def _parse_object(text: str) -> dict[str, Any]:
    at = _skip(text, 0)
    if text[at] != "{":
        raise _NotPlain
    document: dict[str, Any] = {}
    at = _skip(text, at + 1)
    if text[at] == "}":
        return _end(text, at + 1, document)
    while True:
        if text[at] != '"':
            raise _NotPlain
        name, at = _decoder.raw_decode(text, at)
        at = _skip(text, at)
        if text[at] != ":":
            raise _NotPlain
        at = _skip(text, at + 1)
        if text[at] == "[":
            document[name], at = _parse_list(text, at + 1)
        else:
            document[name], at = _decoder.raw_decode(text, at)
        at = _skip(text, at)
        if text[at] == "}":
            return _end(text, at + 1, document)
        if text[at] != ",":
            raise _NotPlain
        at = _skip(text, at + 1)


def _parse_list(text: str, at: int) -> tuple[list[Any], int]:
    items: list[Any] = []
    at = _skip(text, at)
    if text[at] == "]":
        return items, at + 1
    while True:
        item, at = _decoder.raw_decode(text, at)
        items.append(item)
        at = _skip(text, at)
        if text[at] == "]":
            return items, at + 1
        if text[at] != ",":
            raise _NotPlain
        at = _skip(text, at + 1)


def _end(text: str, at: int, document: dict[str, Any]) -> dict[str, Any]:
    if _skip(text, at) != len(text):
        raise _NotPlain  # extra data: json.loads says where
    return document


def read_exchange(raw: bytes | str) -> ExchangeFile:
    """Parse and check an exchange document; raise ``ExchangeError`` listing every problem."""
    try:
        document = _parse(raw)
    except UnicodeDecodeError as exc:
        raise ExchangeError([f"$: not UTF-8 text ({exc.reason} at byte {exc.start})"]) from exc
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise ExchangeError([f"$: not valid JSON ({exc.msg} at {where})"]) from exc
    except RecursionError as exc:
        raise ExchangeError(["$: nested too deeply"]) from exc
    reader = _Reader()
    top = reader.obj(
        document,
        "$",
        {"format", "version"},
        {"units", "people", "documents", "conferences"},
    )
    reader.problems = [p.removeprefix("$.") for p in reader.problems]
    if top and top.get("format", FORMAT_NAME) != FORMAT_NAME:
        reader.problem("format", f"expected '{FORMAT_NAME}'")
    version = top.get("version", FORMAT_VERSION) if top else FORMAT_VERSION
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise ExchangeError([f"version: unsupported version {json.dumps(version)}; expected 1"])
    if not top:
        raise ExchangeError(reader.problems or ["$: empty document"])
    result = _read_lists(reader, top)
    if reader.problems:
        raise ExchangeError(reader.problems)
    return result


def _read_lists(reader: _Reader, top: dict[str, Any]) -> ExchangeFile:
    # Keys are declared before any list is read, so references may point forward.
    unit_items = reader.items(top, "units", "")
    people_items = reader.items(top, "people", "")
    document_items = reader.items(top, "documents", "")
    for items, kind in (
        (unit_items, "unit"),
        (people_items, "person"),
        (document_items, "document"),
    ):
        for path, item in items:
            if isinstance(item, dict):
                reader.new_key(item, path, kind)
    units = [_read_unit(reader, path, item) for path, item in unit_items]
    _check_unit_cycles(reader, [u for u in units if u is not None])
    return ExchangeFile(
        units=tuple(u for u in units if u is not None),
        people=tuple(
            p for p in (_read_person(reader, path, item) for path, item in people_items) if p
        ),
        documents=tuple(
            d for d in (_read_document(reader, path, item) for path, item in document_items) if d
        ),
        conferences=tuple(
            c
            for c in (
                _read_conference(reader, path, item)
                for path, item in reader.items(top, "conferences", "")
            )
            if c
        ),
    )


def _read_unit(reader: _Reader, path: str, item: Any) -> UnitRecord | None:
    obj = reader.obj(item, path, {"key", "name"}, {"kind", "parent"})
    if not obj:
        return None
    key = obj.get("key")
    name = reader.text(obj, "name", path, required=True)
    kind = reader.text(obj, "kind", path)
    parent = reader.reference(obj, "parent", path, "unit")
    if not _complete(name, kind, parent) or not isinstance(key, str):
        return None
    return UnitRecord(key=nfc(key).strip(), name=name, kind=kind, parent=parent)


def _check_unit_cycles(reader: _Reader, units: list[UnitRecord]) -> None:
    """Report each unit whose line of parents runs into a loop.

    Linear in the number of units: each key is walked once, and what was found for it (a
    loop above, or none) is kept for every unit whose line passes through it.
    """
    parents = {u.key: u.parent for u in units}
    looped = keys_above_a_loop(parents)
    for index, unit in enumerate(units):
        if unit.parent is not None and (unit.parent == unit.key or looped.get(unit.parent)):
            reader.problem(f"units[{index}].parent", "units form a cycle")


Key = TypeVar("Key", bound=Hashable)


def keys_above_a_loop(parents: Mapping[Key, Key | None]) -> dict[Key, bool]:
    """For every key of ``parents`` (key → parent key), whether following its parents
    leads into a loop. Each key is walked once, so a chain of any length costs its length."""
    found: dict[Key, bool] = {}
    for start in parents:
        path: list[Key] = []
        on_path: set[Key] = set()
        current: Key | None = start
        while current is not None and current not in found:
            if current in on_path:  # back on this walk's own path: a loop
                verdict = True
                break
            path.append(current)
            on_path.add(current)
            current = parents.get(current)
        else:
            verdict = found.get(current, False) if current is not None else False
        for key in path:
            found[key] = verdict
    return found


def _read_person(reader: _Reader, path: str, item: Any) -> PersonRecord | None:
    obj = reader.obj(item, path, {"key", "name"}, {"unit"})
    if not obj:
        return None
    name = reader.text(obj, "name", path, required=True)
    unit = reader.reference(obj, "unit", path, "unit")
    key = obj.get("key")
    if not _complete(name, unit) or not isinstance(key, str):
        return None
    return PersonRecord(key=nfc(key).strip(), name=name, unit=unit)


def _read_document(reader: _Reader, path: str, item: Any) -> DocumentRecord | None:
    obj = reader.obj(
        item, path, {"key", "kind", "number"}, {"symbol", "issued_on", "issuer", "subject"}
    )
    if not obj:
        return None
    fields = {
        "kind": reader.text(obj, "kind", path, required=True),
        "symbol": reader.text(obj, "symbol", path),
        "number": reader.text(obj, "number", path, required=True),
        "issued_on": reader.date(obj, "issued_on", path),
        "issuer": reader.text(obj, "issuer", path),
        "subject": reader.text(obj, "subject", path),
    }
    key = obj.get("key")
    if not _complete(*fields.values()) or not isinstance(key, str):
        return None
    return DocumentRecord(key=nfc(key).strip(), **fields)


def _read_appearance(reader: _Reader, path: str, value: Any) -> Any:
    obj = reader.obj(value, path, {"person"}, {"title"})
    if not obj:
        return MISSING
    person = reader.reference(obj, "person", path, "person", required=True)
    title = reader.text(obj, "title", path)
    if not _complete(person, title):
        return MISSING
    return Appearance(person=person, title=title)


def _optional_appearance(reader: _Reader, obj: dict[str, Any], name: str, path: str) -> Any:
    value = obj.get(name)
    return None if value is None else _read_appearance(reader, _join(path, name), value)


def _appearances(
    reader: _Reader, obj: dict[str, Any], name: str, path: str, *, distinct: bool
) -> Any:
    found: list[Appearance] = []
    complete = True
    for where, item in reader.items(obj, name, path):
        appearance = _read_appearance(reader, where, item)
        if appearance is MISSING:
            complete = False
        elif distinct and any(a.person == appearance.person for a in found):
            reader.problem(where, f"person '{appearance.person}' listed twice")
            complete = False
        else:
            found.append(appearance)
    return tuple(found) if complete else MISSING


def _read_conference(reader: _Reader, path: str, item: Any) -> ConferenceRecord | None:
    obj = reader.obj(
        item,
        path,
        {"key", "title", "date"},
        {
            "uid",
            "kind",
            "mode",
            "organizer",
            "session",
            "start_time",
            "end_time",
            "secretary",
            "host_point",
            "chairs",
            "bridge_points",
            "documents_studied",
            "discussion",
            "instructions",
            "notes",
            "absent",
            "papers",
        },
    )
    if not obj:
        return None
    fields = {
        "key": reader.new_key(obj, path, "conference"),
        "uid": reader.uid(obj, path, "conference"),
        "title": reader.text(obj, "title", path, required=True),
        "kind": reader.text(obj, "kind", path),
        "mode": reader.choice(obj, "mode", path, MODES, "online"),
        "organizer": reader.text(obj, "organizer", path),
        "date": reader.date(obj, "date", path, required=True),
        "session": reader.choice(obj, "session", path, SESSIONS, None),
        "start_time": reader.clock(obj, "start_time", path),
        "end_time": reader.clock(obj, "end_time", path),
        "secretary": _optional_appearance(reader, obj, "secretary", path),
        "host_point": reader.text(obj, "host_point", path),
        "chairs": _appearances(reader, obj, "chairs", path, distinct=True),
        "bridge_points": _collect(
            _read_bridge_point(reader, where, value)
            for where, value in reader.items(obj, "bridge_points", path)
        ),
        "documents_studied": _read_studied(reader, obj, path),
        "discussion": reader.text(obj, "discussion", path),
        "instructions": _collect(
            _read_instruction(reader, where, value)
            for where, value in reader.items(obj, "instructions", path)
        ),
        "notes": reader.text(obj, "notes", path),
        "absent": _read_absent(reader, obj, path),
        "papers": _collect(
            _read_paper(reader, where, value) for where, value in reader.items(obj, "papers", path)
        ),
    }
    if not _complete(*fields.values()):
        return None
    return ConferenceRecord(**fields)


def _collect(values: Iterable[Any]) -> Any:
    found = list(values)
    return MISSING if any(v is MISSING for v in found) else tuple(found)


def _read_bridge_point(reader: _Reader, path: str, item: Any) -> Any:
    obj = reader.obj(item, path, {"name"}, {"unit", "presiding", "attendees", "attendee_count"})
    if not obj:
        return MISSING
    fields = {
        "name": reader.text(obj, "name", path, required=True),
        "unit": reader.reference(obj, "unit", path, "unit"),
        "presiding": _appearances(reader, obj, "presiding", path, distinct=False),
        "attendees": _appearances(reader, obj, "attendees", path, distinct=False),
        "attendee_count": reader.count(obj, "attendee_count", path),
    }
    return BridgePointRecord(**fields) if _complete(*fields.values()) else MISSING


def _read_absent(reader: _Reader, obj: dict[str, Any], path: str) -> Any:
    found: list[AbsenceRecord] = []
    complete = True
    for where, item in reader.items(obj, "absent", path):
        entry = reader.obj(item, where, {"person"}, {"title", "reason"})
        if not entry:
            complete = False
            continue
        person = reader.reference(entry, "person", where, "person", required=True)
        title = reader.text(entry, "title", where)
        reason = reader.text(entry, "reason", where)
        if not _complete(person, title, reason):
            complete = False
        elif any(a.person == person for a in found):
            reader.problem(_join(where, "person"), f"person '{person}' listed twice")
            complete = False
        else:
            found.append(AbsenceRecord(person=person, title=title, reason=reason))
    return tuple(found) if complete else MISSING


def _read_paper(reader: _Reader, path: str, item: Any) -> Any:
    obj = reader.obj(item, path, {"kind", "number", "issued_on"}, {"signer", "authority"})
    if not obj:
        return MISSING
    fields = {
        "kind": reader.choice(obj, "kind", path, PAPER_KINDS, MISSING),
        "number": reader.text(obj, "number", path, required=True, limit=MAX_TITLE),
        "issued_on": reader.date(obj, "issued_on", path, required=True),
        "signer": _optional_appearance(reader, obj, "signer", path),
        "authority": reader.text(obj, "authority", path, limit=MAX_TITLE),
    }
    if fields["kind"] is MISSING and "kind" in obj and obj["kind"] is None:
        reader.problem(_join(path, "kind"), "must not be null")
    return PaperRecord(**fields) if _complete(*fields.values()) else MISSING


def _read_studied(reader: _Reader, obj: dict[str, Any], path: str) -> Any:
    found: list[StudiedRecord] = []
    complete = True
    for where, item in reader.items(obj, "documents_studied", path):
        entry = reader.obj(item, where, {"document"}, {"presenter"})
        document = reader.reference(entry, "document", where, "document", required=True)
        presenter = _optional_appearance(reader, entry, "presenter", where)
        if not entry or not _complete(document, presenter):
            complete = False
        elif any(s.document == document for s in found):
            reader.problem(_join(where, "document"), f"document '{document}' listed twice")
            complete = False
        else:
            found.append(StudiedRecord(document=document, presenter=presenter))
    return tuple(found) if complete else MISSING


def _read_instruction(reader: _Reader, path: str, item: Any) -> Any:
    obj = reader.obj(item, path, {"key", "text"}, {"speaker", "tasks"})
    if not obj:
        return MISSING
    fields = {
        "key": reader.new_key(obj, path, "instruction"),
        "speaker": _optional_appearance(reader, obj, "speaker", path),
        "text": reader.text(obj, "text", path, required=True),
        "tasks": _collect(
            _read_task(reader, where, value) for where, value in reader.items(obj, "tasks", path)
        ),
    }
    return InstructionRecord(**fields) if _complete(*fields.values()) else MISSING


def _read_task(reader: _Reader, path: str, item: Any) -> Any:
    obj = reader.obj(
        item,
        path,
        {"key", "title", "lead_unit", "assigned_on"},
        {
            "uid",
            "detail",
            "support_units",
            "owner",
            "deadline",
            "status",
            "completed_on",
            "result",
            "history",
        },
    )
    if not obj:
        return MISSING
    fields = {
        "key": reader.new_key(obj, path, "task"),
        "uid": reader.uid(obj, path, "task"),
        "title": reader.text(obj, "title", path, required=True, limit=MAX_TITLE),
        "detail": reader.text(obj, "detail", path),
        "lead_unit": reader.reference(obj, "lead_unit", path, "unit", required=True),
        "support_units": _collect(reader.references(obj, "support_units", path, "unit")),
        "owner": reader.reference(obj, "owner", path, "person"),
        "assigned_on": reader.date(obj, "assigned_on", path, required=True),
        "deadline": reader.date(obj, "deadline", path),
        "status": reader.choice(obj, "status", path, TASK_STATUSES, "open"),
        "completed_on": reader.date(obj, "completed_on", path),
        "result": reader.text(obj, "result", path),
        "history": _collect(
            _read_event(reader, where, value) for where, value in reader.items(obj, "history", path)
        ),
    }
    if not _complete(*fields.values()):
        return MISSING
    task = TaskRecord(**fields)
    return task if _task_is_consistent(reader, path, task) else MISSING


def _task_is_consistent(reader: _Reader, path: str, task: TaskRecord) -> bool:
    before = len(reader.problems)
    if task.status == "done" and task.completed_on is None:
        reader.problem(_join(path, "completed_on"), "required when status is done")
    if task.deadline is not None and task.deadline < task.assigned_on:
        reader.problem(_join(path, "deadline"), "before assigned_on")
    for index, unit in enumerate(task.support_units):
        where = f"{path}.support_units[{index}]"
        if unit == task.lead_unit:
            reader.problem(where, "the lead unit cannot also support")
        elif unit in task.support_units[:index]:
            reader.problem(where, f"unit '{unit}' listed twice")
    return len(reader.problems) == before


def _read_event(reader: _Reader, path: str, item: Any) -> Any:
    obj = reader.obj(item, path, {"at", "kind"}, {"note", "old_deadline", "new_deadline", "by"})
    if not obj:
        return MISSING
    fields = {
        "at": reader.timestamp(obj, "at", path),
        "kind": reader.choice(obj, "kind", path, EVENT_KINDS, MISSING),
        "note": reader.text(obj, "note", path),
        "old_deadline": reader.date(obj, "old_deadline", path),
        "new_deadline": reader.date(obj, "new_deadline", path),
        "by": reader.text(obj, "by", path),
    }
    if fields["kind"] is MISSING and "kind" in obj and obj["kind"] is None:
        reader.problem(_join(path, "kind"), "must not be null")
    if not _complete(*fields.values()):
        return MISSING
    event = EventRecord(**fields)
    if event.kind == "deadline_changed":
        for name in ("note", "old_deadline", "new_deadline"):
            if getattr(event, name) is None:
                reader.problem(_join(path, name), "required for a deadline change")
        if None in (event.note, event.old_deadline, event.new_deadline):
            return MISSING
    return event
