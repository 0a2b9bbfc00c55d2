"""Refused exchange files: every problem named by its JSON path, and the database untouched."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from minutes_app.base.limits import MAX_TEXT, MAX_TITLE
from minutes_app.cli import main
from minutes_app.core.exchange.reading import ExchangeError, read_exchange
from tests.conftest import EXAMPLE_JSON
from tests.exchange_helpers import Json, dump_tables, export_document, import_document, load_json
from tests.stores import STORES, new_store, on_server, sql

NEW_UNIT = {"key": "btg-tu", "name": "Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "kind": "ban"}


def _new_material(example: Json) -> Json:
    """The example with a new unit and a retitled (so new) conference: importable as is."""
    document = copy.deepcopy(example)
    document["units"].append(dict(NEW_UNIT))
    document["conferences"][0]["title"] = "Hội nghị sơ kết công tác tổ chức xây dựng Đảng"
    return document


def _task(document: Json, index: int) -> Json:
    task: Json = document["conferences"][0]["instructions"][0]["tasks"][index]
    return task


def _version_2(d: Json) -> None:
    d["version"] = 2


def _unknown_top_level_field(d: Json) -> None:
    d["remarks"] = "không có trong định dạng"


def _dangling_lead_unit(d: Json) -> None:
    _task(d, 0)["lead_unit"] = "ban-khong-co"


def _unit_without_name(d: Json) -> None:
    del d["units"][0]["name"]


def _impossible_date(d: Json) -> None:
    d["conferences"][0]["date"] = "2023-02-30"


def _done_without_completed_on(d: Json) -> None:
    _task(d, 1)["status"] = "done"


def _deadline_before_assigned_on(d: Json) -> None:
    _task(d, 0)["deadline"] = "2023-02-01"


def _extension_without_note(d: Json) -> None:
    _task(d, 1)["history"][1]["note"] = None


# Texts and numbers beyond the editor's limits (core.limits), and days beyond its range.
def _title_too_long(d: Json) -> None:
    d["conferences"][0]["title"] = "Hội nghị " + "x" * MAX_TEXT


def _discussion_too_long(d: Json) -> None:
    d["conferences"][0]["discussion"] = "Ý kiến " * (MAX_TEXT // 7 + 1)


def _task_title_too_long(d: Json) -> None:
    _task(d, 0)["title"] = "Nhiệm vụ " * (MAX_TITLE // 9 + 1)


def _person_name_too_long(d: Json) -> None:
    d["people"][0]["name"] = "N" * (MAX_TEXT + 1)


def _head_count(value: object) -> Callable[[Json], None]:
    def spoil(d: Json) -> None:
        d["conferences"][0]["bridge_points"][0]["attendee_count"] = value

    return spoil


HUGE_DIGITS = "9" * 5000  # more digits than Python turns into an int (4,300)
HUGE = "@huge@"  # written in the file as HUGE_DIGITS


def _date_before_the_range(d: Json) -> None:
    d["conferences"][0]["date"] = "1899-12-31"


def _deadline_at_the_end_of_the_calendar(d: Json) -> None:
    _task(d, 0)["deadline"] = "9999-12-31"


def _event_before_the_range(d: Json) -> None:
    _task(d, 1)["history"][0]["at"] = "0001-01-01T00:00:00"


def _paper(**fields: object) -> Callable[[Json], None]:
    def spoil(d: Json) -> None:
        paper: Json = {"kind": "minutes", "number": "12-BB/BTCTU", "issued_on": "2023-02-18"}
        paper.update(fields)
        d["conferences"][0]["papers"] = [{k: v for k, v in paper.items() if v != "-"}]

    return spoil


def _absent_twice(d: Json) -> None:
    person = d["people"][0]["key"]
    d["conferences"][0]["absent"] = [{"person": person}, {"person": person, "reason": "ốm"}]


def _absent_stranger(d: Json) -> None:
    d["conferences"][0]["absent"] = [{"person": "nguoi-la", "reason": "ốm"}]


TASKS = "conferences[0].instructions[0].tasks"
PAPER = "conferences[0].papers[0]"
COUNT = "conferences[0].bridge_points[0].attendee_count"
OUT_OF_RANGE_COUNT = "out of range (0 to 1,000,000)"
OUT_OF_RANGE_DAY = "out of range (1900-01-01 to 2999-12-31)"
REFUSALS: dict[str, tuple[Callable[[Json], None], list[str]]] = {
    "unknown_version": (_version_2, ["version: unsupported version 2; expected 1"]),
    "unknown_top_level_field": (_unknown_top_level_field, ["remarks: unknown field"]),
    "dangling_key": (
        _dangling_lead_unit,
        [f"{TASKS}[0].lead_unit: unknown unit key 'ban-khong-co'"],
    ),
    "missing_required_field": (_unit_without_name, ["units[0].name: missing required field"]),
    "impossible_date": (_impossible_date, ["conferences[0].date: not a date"]),
    "done_without_completed_on": (
        _done_without_completed_on,
        [f"{TASKS}[1].completed_on: required when status is done"],
    ),
    "deadline_before_assigned_on": (
        _deadline_before_assigned_on,
        [f"{TASKS}[0].deadline: before assigned_on"],
    ),
    "extension_without_note": (
        _extension_without_note,
        [f"{TASKS}[1].history[1].note: required for a deadline change"],
    ),
    "title_too_long": (
        _title_too_long,
        ["conferences[0].title: too long (at most 100,000 characters)"],
    ),
    "discussion_too_long": (
        _discussion_too_long,
        ["conferences[0].discussion: too long (at most 100,000 characters)"],
    ),
    "task_title_too_long": (
        _task_title_too_long,
        [f"{TASKS}[0].title: too long (at most 2,000 characters)"],
    ),
    "person_name_too_long": (
        _person_name_too_long,
        ["people[0].name: too long (at most 100,000 characters)"],
    ),
    "head_count_above_a_million": (_head_count(1_000_001), [f"{COUNT}: {OUT_OF_RANGE_COUNT}"]),
    "head_count_10_to_the_30": (_head_count(10**30), [f"{COUNT}: {OUT_OF_RANGE_COUNT}"]),
    "head_count_2_to_the_63": (_head_count(2**63), [f"{COUNT}: {OUT_OF_RANGE_COUNT}"]),
    "head_count_of_5000_digits": (_head_count(HUGE), [f"{COUNT}: {OUT_OF_RANGE_COUNT}"]),
    "head_count_1e30": (_head_count(1e30), [f"{COUNT}: not a whole number"]),
    "date_before_the_range": (
        _date_before_the_range,
        [f"conferences[0].date: {OUT_OF_RANGE_DAY}"],
    ),
    "deadline_at_the_end_of_the_calendar": (
        _deadline_at_the_end_of_the_calendar,
        [f"{TASKS}[0].deadline: {OUT_OF_RANGE_DAY}"],
    ),
    "paper_of_unknown_kind": (
        _paper(kind="report"),
        [f"{PAPER}.kind: must be one of minutes, notice"],
    ),
    "paper_without_number": (_paper(number="-"), [f"{PAPER}.number: missing required field"]),
    "paper_with_blank_number": (_paper(number="  "), [f"{PAPER}.number: must not be empty"]),
    "paper_without_date_of_issue": (
        _paper(issued_on="-"),
        [f"{PAPER}.issued_on: missing required field"],
    ),
    "paper_with_impossible_date": (
        _paper(issued_on="2023-02-30"),
        [f"{PAPER}.issued_on: not a date"],
    ),
    "paper_signed_by_a_stranger": (
        _paper(signer={"person": "nguoi-la", "title": None}),
        [f"{PAPER}.signer.person: unknown person key 'nguoi-la'"],
    ),
    "absent_listed_twice": (
        _absent_twice,
        ["conferences[0].absent[1].person: person 'ttmai' listed twice"],
    ),
    "absent_stranger": (
        _absent_stranger,
        ["conferences[0].absent[0].person: unknown person key 'nguoi-la'"],
    ),
    "event_before_the_range": (
        _event_before_the_range,
        [f"{TASKS}[1].history[0].at: {OUT_OF_RANGE_DAY}"],
    ),
}
BROKEN_JSON = b'{"format": "minutes-app/exchange", "version": 1, "units": ['
BROKEN_JSON_PROBLEM = "$: not valid JSON (Expecting value at line 1, column 60)"
CASES = ["broken_json", *REFUSALS]


def _refused_file(example: Json, case: str) -> bytes:
    if case == "broken_json":
        return BROKEN_JSON
    document = _new_material(example)
    spoil, _ = REFUSALS[case]
    spoil(document)
    text = json.dumps(document, ensure_ascii=False).replace(json.dumps(HUGE), HUGE_DIGITS)
    return text.encode("utf-8")


def _expected_problems(case: str) -> list[str]:
    return [BROKEN_JSON_PROBLEM] if case == "broken_json" else REFUSALS[case][1]


@pytest.fixture
def example(example_json: Path) -> Json:
    return load_json(example_json)


@pytest.fixture
def stored_example(store: str, example: Json) -> Json:
    """The database at ``store`` holds example.json; returns the example."""
    import_document(store, example)
    return example


@pytest.fixture(scope="module", params=STORES)
def refusing(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Json]]:
    """A database holding example.json, and the example, on each store: one for all the
    refused files, which must each leave it as it was (every test checks that it did)."""
    if not EXAMPLE_JSON.exists():
        pytest.skip("shared/exchange/example.json is not beside the repository")
    example = load_json(EXAMPLE_JSON)
    with new_store(request, request.param, tmp_path_factory.mktemp("refusing")) as where:
        import_document(where, example)
        yield where, example


def test_new_material_would_change_the_database(store: str, stored_example: Json) -> None:
    # Without its error a refused file would add rows, so "unchanged" below means something.
    summary = import_document(store, _new_material(stored_example))

    assert (summary.units_added, summary.conferences_added, summary.tasks_added) == (1, 1, 3)


@pytest.mark.parametrize("case", CASES)
def test_read_exchange_names_the_problem_by_its_path(example: Json, case: str) -> None:
    with pytest.raises(ExchangeError) as refused:
        read_exchange(_refused_file(example, case))

    assert refused.value.problems == _expected_problems(case)


@pytest.mark.parametrize("case", CASES)
def test_refused_import_reports_the_path_on_stderr_with_exit_code_1(
    tmp_path: Path,
    refusing: tuple[str, Json],
    case: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store, stored_example = refusing
    source = tmp_path / "refused.json"
    source.write_bytes(_refused_file(stored_example, case))

    code = main(["--db", store, "import-json", str(source)])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.splitlines() == [f"minutes-app: {p}" for p in _expected_problems(case)]


@pytest.mark.parametrize("case", CASES)
def test_refused_import_leaves_every_table_unchanged(
    tmp_path: Path,
    refusing: tuple[str, Json],
    case: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store, stored_example = refusing
    source = tmp_path / "refused.json"
    source.write_bytes(_refused_file(stored_example, case))
    before = dump_tables(store)

    assert main(["--db", store, "import-json", str(source)]) == 1

    assert dump_tables(store) == before


@pytest.mark.parametrize("case", CASES)
def test_refused_import_leaves_the_export_unchanged(
    tmp_path: Path,
    refusing: tuple[str, Json],
    case: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store, stored_example = refusing
    source, before, after = tmp_path / "refused.json", tmp_path / "a.json", tmp_path / "b.json"
    source.write_bytes(_refused_file(stored_example, case))
    assert main(["--db", store, "export-json", str(before)]) == 0

    assert main(["--db", store, "import-json", str(source)]) == 1

    assert main(["--db", store, "export-json", str(after)]) == 0
    assert after.read_bytes() == before.read_bytes()


def test_every_problem_is_reported_at_once(
    tmp_path: Path, store: str, stored_example: Json, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _new_material(stored_example)
    _unit_without_name(document)
    _impossible_date(document)
    _dangling_lead_unit(document)
    source = tmp_path / "three.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    code = main(["--db", store, "import-json", str(source)])

    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        "minutes-app: units[0].name: missing required field",
        "minutes-app: conferences[0].date: not a date",
        f"minutes-app: {TASKS}[0].lead_unit: unknown unit key 'ban-khong-co'",
    ]


def test_two_keys_for_one_person_chairing_become_one_chair(
    tmp_path: Path, store: str, stored_example: Json
) -> None:
    # Two keys of the file name one stored person: the chair is listed once, not refused.
    document = _new_material(stored_example)
    document["people"].append({"key": "mai-2", "name": "Trương Thị Mai", "unit": None})
    document["conferences"][0]["chairs"].append({"person": "mai-2", "title": None})
    source = tmp_path / "twice.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    assert main(["--db", store, "import-json", str(source)]) == 0

    titles = {c["title"]: c for c in export_document(store)["conferences"]}
    added = titles["Hội nghị sơ kết công tác tổ chức xây dựng Đảng"]
    assert len(added["chairs"]) == 1


def test_file_refused_by_the_database_changes_nothing(
    tmp_path: Path, store: str, stored_example: Json, capsys: pytest.CaptureFixture[str]
) -> None:
    # A trigger makes the database refuse the last rows written (the tasks), after units and
    # the conference have been flushed: the whole import must be rolled back.
    if on_server(store):
        sql(
            store,
            "CREATE FUNCTION no_tasks() RETURNS trigger LANGUAGE plpgsql AS "
            "$$BEGIN RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'no'; END$$",
        )
        sql(store, "CREATE TRIGGER no_tasks BEFORE INSERT ON task EXECUTE FUNCTION no_tasks()")
    else:
        sql(
            store,
            "CREATE TRIGGER no_tasks BEFORE INSERT ON task BEGIN SELECT RAISE(ABORT, 'no'); END",
        )
    document = _new_material(stored_example)
    source = tmp_path / "refused.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = dump_tables(store)

    code = main(["--db", store, "import-json", str(source)])

    err = capsys.readouterr().err.splitlines()
    assert (code, err) == (1, ["minutes-app: $: refused by the database (no)"])
    assert dump_tables(store) == before
