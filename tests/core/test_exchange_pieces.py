"""Import and export in bounded pieces: the same results, texts and errors as whole-file JSON."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from minutes_app.base.progress import ExportCancelled
from minutes_app.core.exchange import exporting, importing
from minutes_app.core.exchange.exporting import export_exchange, write_exchange
from minutes_app.core.exchange.importing import import_exchange
from minutes_app.core.exchange.reading import ExchangeError, _parse, read_exchange
from minutes_app.db.engine import Database
from tests.exchange_helpers import dump_tables, load_json


def _many_conferences(example: dict[str, Any], count: int) -> dict[str, Any]:
    """The example file with ``count`` copies of its conference on different days."""
    document = copy.deepcopy(example)
    base = example["conferences"][0]
    document["conferences"] = []
    for n in range(count):
        conference = copy.deepcopy(base)
        conference["key"] = f"c{n}"
        conference["title"] = f"{base['title']} ({n})"
        for i, instruction in enumerate(conference["instructions"]):
            instruction["key"] = f"c{n}-i{i}"
            for j, task in enumerate(instruction["tasks"]):
                task["key"] = f"c{n}-i{i}-t{j}"
        document["conferences"].append(conference)
    return document


@pytest.mark.parametrize(
    "text",
    [
        '{"a": [1, 2, {"b": [3]}], "c": {"d": null}, "e": []}',
        ' \n{ "a" : [ ] , "b":[ {"x":1} ,{"y":[2]} ] }\n ',
        '{"a": 1, "a": [2]}',  # the last of two equal names wins, as in json.loads
        "{}",
        '{"a": NaN, "b": [Infinity, -0.0, 1e400, 12345678901234567890]}',
        '{"a": "\\ud800", "b": ["\\u00e9"]}',
    ],
)
def test_piecewise_parse_gives_what_json_loads_gives(text: str) -> None:
    expected = json.loads(text)
    for raw in (text, text.encode("utf-8"), text.encode("utf-16"), text.encode("utf-32")):
        got = _parse(raw)
        assert json.dumps(got, sort_keys=True) == json.dumps(expected, sort_keys=True)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a": [1, 2,]}',
        b'{"a": [1, 2] "b": 3}',
        b'{"a": [1, 2]} extra',
        b'{"a": [1, 2]',
        b'{"a" [1]}',
        b"[1, 2]",
        b"",
        b'{"a": "caf\xc3"}',
        b'\xef\xbb\xbf{"a": [1]}',
        "\ufeff{}".encode("utf-16-le"),
        b'{"a": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}",
    ],
)
def test_piecewise_parse_fails_or_succeeds_exactly_as_json_loads(raw: bytes) -> None:
    try:
        expected: Any = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        expected = exc
    if isinstance(expected, BaseException):
        with pytest.raises(type(expected)) as caught:
            _parse(raw)
        assert str(caught.value) == str(expected)
    else:
        assert _parse(raw) == expected


_HEAD = b'{"format": "minutes-app/exchange", "version": 1, '


@pytest.mark.parametrize(
    ("raw", "problems"),
    [
        # What a library reader tried in its place (ijson 3.6, yajl2_c) turned into "?" or
        # refused as broken JSON, or, for the nesting, ate gigabytes: the figures are in
        # the docstring of core/exchange/reading.py.
        (
            _HEAD + b'"units": [{"key": "u", "name": "Ban \\ud800"}]}',
            ["units[0].name: not valid Unicode text (lone surrogate)"],
        ),
        (_HEAD + b'"units": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}", ["$: nested too deeply"]),
        (_HEAD + b'"units": [{"key": "u", "name": NaN}]}', ["units[0].name: not a string"]),
        (
            _HEAD + b'"units": [{"key": "u", "name": "Ban"}], "conferences": '
            b'[{"key": "c", "title": "H", "date": "2023-02-17", "bridge_points": '
            b'[{"name": "B", "attendee_count": 9223372036854775808}]}]}',
            ["conferences[0].bridge_points[0].attendee_count: out of range (0 to 1,000,000)"],
        ),
    ],
    ids=["lone surrogate", "deep nesting", "NaN", "past 64 bits"],
)
def test_what_json_reads_is_judged_by_the_format_at_its_path(
    raw: bytes, problems: list[str]
) -> None:
    with pytest.raises(ExchangeError) as caught:
        read_exchange(raw)
    assert caught.value.problems == problems


@pytest.mark.parametrize(
    "encode", [lambda t: b"\xef\xbb\xbf" + t.encode(), lambda t: t.encode("utf-16")]
)
def test_a_byte_order_mark_and_utf16_are_read_as_json_loads_reads_them(encode: Any) -> None:
    text = (
        '{"format": "minutes-app/exchange", "version": 1, "units": [{"key": "u", "name": "Ban"}]}'
    )
    assert [u.name for u in read_exchange(encode(text)).units] == ["Ban"]


def test_an_invalid_byte_is_reported_at_its_place_in_a_large_file() -> None:
    raw = b'{"units": [' + b'"aaaaaaaaaa",' * 300_000 + b'"\xff"]}'
    with pytest.raises(ExchangeError) as caught:
        read_exchange(raw)
    with pytest.raises(UnicodeDecodeError) as whole:
        raw.decode("utf-8")
    assert caught.value.problems == [
        f"$: not UTF-8 text ({whole.value.reason} at byte {whole.value.start})"
    ]


def test_import_flushes_in_batches_and_keeps_all_or_nothing(
    store: str, example_json: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "BATCH", 3)
    document = _many_conferences(load_json(example_json), 10)
    db = Database.open(store)
    try:
        calls: list[tuple[int, int]] = []
        summary = import_exchange(
            db, read_exchange(json.dumps(document).encode()), lambda d, t: calls.append((d, t))
        )
        assert summary.conferences_added == 10
        assert calls == [(3, 10), (6, 10), (9, 10), (10, 10)]
        before = dump_tables(store)

        # A failure after some batches were flushed leaves nothing of the file behind.
        again = _many_conferences(load_json(example_json), 10)
        for conference in again["conferences"]:
            conference["date"] = "2030-01-01"

        def fail(done: int, total: int) -> None:
            if done == 6:
                raise RuntimeError("power cut")

        with pytest.raises(RuntimeError):
            import_exchange(db, read_exchange(json.dumps(again).encode()), fail)
        assert dump_tables(store) == before
    finally:
        db.close()


def test_streamed_export_writes_the_text_of_the_whole_document(
    store: str, example_json: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "BATCH", 2)
    db = Database.open(store)
    try:
        target = tmp_path / "out.json"
        write_exchange(db, target)  # an empty database: empty lists
        empty = json.dumps(export_exchange(db), ensure_ascii=False, indent=2) + "\n"
        assert target.read_text("utf-8") == empty
        assert '"units": [],' in empty

        document = _many_conferences(load_json(example_json), 5)
        import_exchange(db, read_exchange(json.dumps(document).encode()))
        steps: list[tuple[int, int]] = []

        def record(done: int, total: int) -> bool:
            steps.append((done, total))
            return True

        write_exchange(db, target, record)
        whole = json.dumps(export_exchange(db), ensure_ascii=False, indent=2) + "\n"
        assert target.read_bytes() == whole.encode("utf-8")
        assert steps == [(2, 5), (4, 5), (5, 5)]
        assert len(json.loads(whole)["conferences"]) == 5
    finally:
        db.close()


def test_cancelled_streamed_export_leaves_the_old_file(
    store: str, example_json: Path, tmp_path: Path
) -> None:
    db = Database.open(store)
    try:
        import_exchange(db, read_exchange(example_json.read_bytes()))
        target = tmp_path / "out.json"
        target.write_text("old", "utf-8")
        with pytest.raises(ExportCancelled):
            write_exchange(db, target, lambda d, t: False)
        assert target.read_text("utf-8") == "old"
        assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
        with pytest.raises(IsADirectoryError):
            write_exchange(db, tmp_path)
    finally:
        db.close()
