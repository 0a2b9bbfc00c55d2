"""Identity across files and databases (FORMAT.md): every export writes each conference's
and task's uid, an import keeps it, and a record whose uid is stored is not added again."""

from __future__ import annotations

import copy
import uuid
from pathlib import Path

import pytest

from minutes_app.core.exchange.reading import ExchangeError
from tests.exchange_helpers import Json, export_document, import_document, load_json, row_counts
from tests.stores import kind_of, new_store


@pytest.fixture
def example(example_json: Path) -> Json:
    return load_json(example_json)


def uids(document: Json) -> tuple[list[str], list[str]]:
    conferences = [c["uid"] for c in document["conferences"]]
    tasks = [
        t["uid"] for c in document["conferences"] for i in c["instructions"] for t in i["tasks"]
    ]
    return conferences, tasks


def test_every_exported_conference_and_task_has_its_canonical_uid(
    store: str, example: Json
) -> None:
    db = store
    import_document(db, example)

    conferences, tasks = uids(export_document(db))

    assert conferences and tasks
    for uid in (*conferences, *tasks):
        assert str(uuid.UUID(uid)) == uid
    assert len(set(tasks)) == len(tasks)
    assert export_document(db) == export_document(db)  # stored, not made up at each export


def test_uids_travel_through_export_and_import_into_another_database(
    request: pytest.FixtureRequest, store: str, tmp_path: Path, example: Json
) -> None:
    import_document(store, example)
    exported = export_document(store)

    with new_store(request, kind_of(store), tmp_path / "second") as second:
        import_document(second, exported)

        assert uids(export_document(second)) == uids(exported)


def test_a_conference_whose_uid_is_stored_is_not_added_again_even_retitled(
    store: str, example: Json
) -> None:
    db = store
    import_document(db, example)
    again = export_document(db)
    for conference in again["conferences"]:
        conference["title"] += " (sửa tên)"  # its date and title no longer identify it
    before = row_counts(db)

    summary = import_document(db, again)

    assert summary.conferences_added == 0
    assert summary.conferences_present == len(again["conferences"])
    assert row_counts(db) == before


def test_a_task_whose_uid_is_stored_is_not_added_again_under_a_new_conference(
    store: str, example: Json
) -> None:
    db = store
    import_document(db, example)
    exported = export_document(db)
    moved = copy.deepcopy(exported)
    conference = moved["conferences"][0]
    conference["uid"] = str(uuid.uuid4())
    conference["title"] = "Hội nghị khác, cùng nhiệm vụ"
    task_count = sum(len(i["tasks"]) for i in conference["instructions"])

    summary = import_document(db, moved | {"conferences": [conference]})

    assert summary.conferences_added == 1
    assert (summary.tasks_added, summary.tasks_present) == (0, task_count)
    assert uids(export_document(db))[1].count(uids(exported)[1][0]) == 1


@pytest.mark.parametrize(
    "value",
    [
        "8C6F1E2A-3B4D-4E5F-8A9B-0C1D2E3F4A5B",  # upper case
        "8c6f1e2a3b4d4e5f8a9b0c1d2e3f4a5b",  # not the canonical form
        "không phải uuid",
        17,
    ],
)
def test_a_uid_not_in_canonical_form_is_refused_with_its_path(
    tmp_path: Path, example: Json, value: object
) -> None:
    document = copy.deepcopy(example)
    document["conferences"][0]["uid"] = value
    db = tmp_path / "a.sqlite3"

    with pytest.raises(ExchangeError) as refused:
        import_document(db, document)

    assert refused.value.problems == ["conferences[0].uid: not a UUID in lower-case canonical form"]


def test_one_uid_on_two_tasks_of_a_file_is_refused(tmp_path: Path, example: Json) -> None:
    document = copy.deepcopy(example)
    tasks = [t for i in document["conferences"][0]["instructions"] for t in i["tasks"]]
    assert len(tasks) >= 2
    same = str(uuid.uuid4())
    tasks[0]["uid"] = tasks[1]["uid"] = same

    with pytest.raises(ExchangeError) as refused:
        import_document(tmp_path / "a.sqlite3", document)

    assert len(refused.value.problems) == 1
    assert refused.value.problems[0].endswith(f"uid: the task uid '{same}' is used twice")
