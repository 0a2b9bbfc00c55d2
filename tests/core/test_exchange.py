"""Import and export of the exchange format: round trips, repeat imports, merging, NFC."""

from __future__ import annotations

import copy
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from minutes_app.core.exchange.importing import ImportSummary
from tests.exchange_helpers import (
    Json,
    dump_tables,
    export_document,
    identified,
    import_document,
    load_json,
    row_counts,
)
from tests.stores import kind_of, new_store


def _second_conference(example: Json) -> Json:
    """A file that names the example's unit, person and documents under other keys."""
    conference = copy.deepcopy(example["conferences"][0])
    conference["key"] = "hn-2023-03-02"
    conference["title"] = "Hội nghị giao ban công tác tổ chức xây dựng Đảng quý I năm 2023"
    conference["date"] = "2023-03-02"
    conference["chairs"] = [{"person": "mai", "title": "Trưởng ban Tổ chức Trung ương"}]
    conference["bridge_points"] = []
    conference["documents_studied"] = [{"document": "quy-dinh-96", "presenter": None}]
    conference["instructions"] = [
        {
            "key": "x1",
            "speaker": None,
            "text": "Tiếp tục quán triệt Quy định 96-QĐ/TW.",
            "tasks": [
                {
                    "key": "x1-1",
                    "title": "Báo cáo kết quả quán triệt Quy định 96-QĐ/TW",
                    "lead_unit": "ban-to-chuc",
                    "assigned_on": "2023-03-02",
                    "deadline": "2023-04-30",
                    "status": "open",
                }
            ],
        }
    ]
    return {
        "format": "minutes-app/exchange",
        "version": 1,
        "units": [{"key": "ban-to-chuc", "name": "Ban Tổ chức Tỉnh ủy Bắc Kạn", "kind": "ban"}],
        "people": [{"key": "mai", "name": "Trương Thị Mai", "unit": None}],
        "documents": [
            {
                "key": "quy-dinh-96",
                "kind": "Quy định",
                "symbol": "96-QĐ/TW",
                "number": "96",
                "issued_on": "2023-02-02",
            }
        ],
        "conferences": [conference],
    }


# --- round trip -------------------------------------------------------------------------------


def test_export_of_imported_example_matches_it_after_renaming_keys(
    store: str, example_json: Path
) -> None:
    original = load_json(example_json)
    import_document(store, original)

    assert identified(export_document(store)) == identified(original)


def test_export_of_imported_example_keeps_every_list_inside_a_conference_in_order(
    store: str, example_json: Path
) -> None:
    import_document(store, load_json(example_json))

    conference = export_document(store)["conferences"][0]
    tasks = [t["title"][:20] for i in conference["instructions"] for t in i["tasks"]]
    assert tasks == ["Tham mưu Ban Thường ", "Quán triệt Quy định ", "Tổng hợp, báo cáo kh"]
    history = conference["instructions"][0]["tasks"][1]["history"]
    assert [e["kind"] for e in history] == ["created", "deadline_changed"]
    documents = export_document(store)["documents"]
    by_key = {d["key"]: d["symbol"] for d in documents}
    studied = [by_key[s["document"]] for s in conference["documents_studied"]]
    assert studied == ["96-QĐ/TW", "97-QĐ/TW", "03-HD/TW", "22-HD/BTCTW"]


def _with_papers_and_absences(example: Json) -> Json:
    """The example with its minutes and notice registered and one delegate absent."""
    document = copy.deepcopy(example)
    person = document["people"][0]["key"]
    conference = document["conferences"][0]
    conference["papers"] = [
        {"kind": "minutes", "number": "12-BB/BTCTU", "issued_on": "2023-02-18"},
        {
            "kind": "notice",
            "number": "05-TB/BTCTU",
            "issued_on": "2023-02-20",
            "signer": {"person": person, "title": "Phó Trưởng ban"},
            "authority": "K/T TRƯỞNG BAN",
        },
    ]
    conference["absent"] = [{"person": person, "title": "Ủy viên", "reason": "Đi công tác"}]
    return document


def test_papers_and_absences_survive_a_round_trip(store: str, example_json: Path) -> None:
    original = _with_papers_and_absences(load_json(example_json))
    import_document(store, original)

    exported = export_document(store)

    assert identified(exported) == identified(original)
    conference = exported["conferences"][0]
    assert [(p["kind"], p["number"], p["issued_on"]) for p in conference["papers"]] == [
        ("minutes", "12-BB/BTCTU", "2023-02-18"),
        ("notice", "05-TB/BTCTU", "2023-02-20"),
    ]
    assert conference["papers"][1]["authority"] == "K/T TRƯỞNG BAN"
    assert conference["papers"][1]["signer"]["title"] == "Phó Trưởng ban"
    assert conference["absent"][0]["reason"] == "Đi công tác"


def test_a_changed_paper_number_is_seen_by_the_round_trip_check(
    store: str, example_json: Path
) -> None:
    original = _with_papers_and_absences(load_json(example_json))
    import_document(store, original)
    changed = copy.deepcopy(original)
    changed["conferences"][0]["papers"][0]["number"] = "13-BB/BTCTU"

    assert identified(export_document(store)) != identified(changed)


def test_export_writes_absent_optional_fields_as_null(store: str, example_json: Path) -> None:
    import_document(store, load_json(example_json))

    conference = export_document(store)["conferences"][0]
    assert (conference["end_time"], conference["secretary"], conference["start_time"]) == (
        None,
        None,
        None,
    )


def test_key_free_form_sees_a_changed_value(store: str, example_json: Path) -> None:
    # The comparison above must be able to fail: a changed title inside a task shows.
    original = load_json(example_json)
    import_document(store, original)
    changed = copy.deepcopy(original)
    changed["conferences"][0]["instructions"][1]["tasks"][0]["title"] = "Một nhiệm vụ khác"

    assert identified(export_document(store)) != identified(changed)


def test_key_free_form_sees_reordered_chairs_history_and_documents(example_json: Path) -> None:
    original = load_json(example_json)
    reordered = copy.deepcopy(original)
    conference = reordered["conferences"][0]
    conference["documents_studied"].reverse()
    conference["instructions"][0]["tasks"][1]["history"].reverse()

    assert identified(reordered) != identified(original)


@pytest.fixture
def second_store(request: pytest.FixtureRequest, store: str, tmp_path: Path) -> Iterator[str]:
    """A second new database on the same store as ``store``."""
    with new_store(request, kind_of(store), tmp_path / "second") as where:
        yield where


def test_reexport_through_a_second_database_is_identical(
    store: str, second_store: str, example_json: Path
) -> None:
    import_document(store, load_json(example_json))
    exported = export_document(store)

    import_document(second_store, exported)

    assert json.dumps(export_document(second_store), ensure_ascii=False) == json.dumps(
        exported, ensure_ascii=False
    )


@pytest.mark.postgresql
@pytest.mark.parametrize("first", ["sqlite", "postgresql"])
def test_an_export_read_into_the_other_store_exports_the_same(
    request: pytest.FixtureRequest, tmp_path: Path, example_json: Path, first: str
) -> None:
    """SQLite → server and server → SQLite: the same file, byte for byte."""
    second = "postgresql" if first == "sqlite" else "sqlite"
    with (
        new_store(request, first, tmp_path / "first") as one,
        new_store(request, second, tmp_path / "second") as other,
    ):
        example = load_json(example_json)
        import_document(one, example)
        import_document(one, _second_conference(example))
        exported = json.dumps(export_document(one), ensure_ascii=False)

        import_document(other, json.loads(exported))

        assert json.dumps(export_document(other), ensure_ascii=False) == exported


# --- a second import ------------------------------------------------------------------------


def test_second_import_changes_no_table(store: str, example_json: Path) -> None:
    import_document(store, load_json(example_json))
    before = dump_tables(store)

    import_document(store, load_json(example_json))

    assert dump_tables(store) == before


def test_second_import_changes_nothing_exported(store: str, example_json: Path) -> None:
    import_document(store, load_json(example_json))
    before = json.dumps(export_document(store), ensure_ascii=False)

    import_document(store, load_json(example_json))

    assert json.dumps(export_document(store), ensure_ascii=False) == before


def test_second_import_reports_nothing_added(store: str, example_json: Path) -> None:
    import_document(store, load_json(example_json))

    summary = import_document(store, load_json(example_json))

    assert summary == ImportSummary(conferences_present=1)
    assert summary.changed is False


def test_first_import_reports_what_it_added(store: str, example_json: Path) -> None:
    summary = import_document(store, load_json(example_json))

    assert summary == ImportSummary(
        units_added=4, people_added=2, documents_added=4, conferences_added=1, tasks_added=3
    )


# --- merging ---------------------------------------------------------------------------------


def test_merge_reuses_unit_person_and_document_under_other_keys(
    store: str, example_json: Path
) -> None:
    example = load_json(example_json)
    import_document(store, example)

    import_document(store, _second_conference(example))

    counts = row_counts(store)
    assert (counts["unit"], counts["person"], counts["document"]) == (4, 2, 4)


def test_merge_adds_the_new_conference_and_its_task(store: str, example_json: Path) -> None:
    example = load_json(example_json)
    import_document(store, example)

    summary = import_document(store, _second_conference(example))

    assert summary == ImportSummary(conferences_added=1, tasks_added=1)
    counts = row_counts(store)
    assert (counts["conference"], counts["task"]) == (2, 4)


def test_merged_conference_references_the_stored_rows(store: str, example_json: Path) -> None:
    example = load_json(example_json)
    import_document(store, example)
    import_document(store, _second_conference(example))

    exported = export_document(store)
    first, second = exported["conferences"]
    assert second["date"] == "2023-03-02"
    assert second["chairs"][0]["person"] == first["chairs"][0]["person"]
    assert second["documents_studied"][0]["document"] == first["documents_studied"][0]["document"]
    lead = second["instructions"][0]["tasks"][0]["lead_unit"]
    assert lead == first["instructions"][0]["tasks"][0]["lead_unit"]
    names = {u["key"]: u["name"] for u in exported["units"]}
    assert names[lead] == "Ban Tổ chức Tỉnh ủy Bắc Kạn"


def test_document_with_same_symbol_and_another_date_is_a_new_document(
    store: str, example_json: Path
) -> None:
    example = load_json(example_json)
    import_document(store, example)
    later_term = _second_conference(example)
    later_term["documents"][0]["issued_on"] = "2028-05-10"

    summary = import_document(store, later_term)

    assert summary.documents_added == 1
    symbols = [(d["symbol"], d["issued_on"]) for d in export_document(store)["documents"]]
    assert symbols.count(("96-QĐ/TW", "2023-02-02")) == 1
    assert symbols.count(("96-QĐ/TW", "2028-05-10")) == 1


def test_person_with_same_name_in_another_unit_is_a_new_person(
    store: str, example_json: Path
) -> None:
    example = load_json(example_json)
    import_document(store, example)
    other = _second_conference(example)
    other["people"][0]["unit"] = "ban-to-chuc"

    summary = import_document(store, other)

    assert summary.people_added == 1
    assert row_counts(store)["person"] == 3


# --- NFC ----------------------------------------------------------------------------------


def _nfd(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFD", value)
    if isinstance(value, list):
        return [_nfd(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfd(v) for k, v in value.items()}
    return value


def test_nfd_example_is_really_decomposed(example_json: Path) -> None:
    text = json.dumps(_nfd(load_json(example_json)), ensure_ascii=False)

    assert not unicodedata.is_normalized("NFC", text)


def test_import_stores_nfd_names_in_nfc(store: str, example_json: Path) -> None:
    import_document(store, _nfd(load_json(example_json)))

    exported = export_document(store)
    text = json.dumps(exported, ensure_ascii=False)
    assert unicodedata.is_normalized("NFC", text)
    assert exported["units"][0]["name"] == "Ban Tổ chức Tỉnh ủy Bắc Kạn"
    assert identified(exported) == identified(load_json(example_json))


def test_nfd_spelling_merges_with_stored_nfc_spelling(store: str, example_json: Path) -> None:
    example = load_json(example_json)
    import_document(store, example)
    before = dump_tables(store)

    summary = import_document(store, _nfd(example))

    assert summary == ImportSummary(conferences_present=1)
    assert dump_tables(store) == before
