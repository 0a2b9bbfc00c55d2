"""The document catalogue and what the conference editor offers to complete from."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from minutes_app.core.conferences.catalogue import document_haystack, editor_choices, list_documents
from minutes_app.core.conferences.forms import (
    KINDS,
    AppearanceForm,
    BridgePointForm,
    ConferenceForm,
    DocumentForm,
    PersonRef,
    StudiedForm,
)
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.directory import save_person, save_unit
from minutes_app.core.exchange.importing import import_exchange
from minutes_app.core.exchange.reading import read_exchange
from minutes_app.db.engine import Database
from tests.stores import foreign_key_problems

QD96 = DocumentForm(
    kind="Quy định",
    number="96",
    symbol="96-QĐ/TW",
    issued_on=dt.date(2023, 2, 2),
    issuer="Bộ Chính trị",
    subject="về việc lấy phiếu tín nhiệm đối với chức danh, chức vụ lãnh đạo",
)


@pytest.fixture
def db(store: str) -> Iterator[Database]:
    database = Database.open(store)
    yield database
    database.close()


def conference(title: str, **fields: Any) -> ConferenceForm:
    return dataclasses.replace(ConferenceForm(title=title, date=dt.date(2024, 3, 5)), **fields)


# --- document_haystack ----------------------------------------------------------------------


def test_haystack_folds_the_symbol() -> None:
    assert "96-qd/tw" in document_haystack(QD96)


def test_haystack_folds_the_issuer() -> None:
    assert "bo chinh tri" in document_haystack(QD96)


def test_haystack_holds_every_part_in_order() -> None:
    assert document_haystack(QD96) == (
        "quy dinh 96-qd/tw 96 02/02/2023 bo chinh tri "
        "ve viec lay phieu tin nhiem doi voi chuc danh, chuc vu lanh dao"
    )


def test_haystack_of_a_bare_number_has_no_gaps() -> None:
    assert document_haystack(DocumentForm(kind="Công văn", number="125")) == "cong van 125"


# --- list_documents -------------------------------------------------------------------------


def test_documents_are_listed_newest_first_undated_last(db: Database, example_json: Path) -> None:
    import_exchange(db, read_exchange(example_json.read_bytes()))
    save_conference(
        db, conference("Hội nghị", documents=(StudiedForm(DocumentForm("Công văn", "125")),))
    )

    listed = [(d.symbol or d.number, d.issued_on) for d in list_documents(db)]

    assert listed == [
        ("97-QĐ/TW", dt.date(2023, 2, 7)),
        ("96-QĐ/TW", dt.date(2023, 2, 2)),
        ("22-HD/BTCTW", dt.date(2023, 1, 3)),
        ("03-HD/TW", dt.date(2022, 12, 27)),
        ("125", None),
    ]


def test_listed_document_carries_every_field_and_its_id(db: Database) -> None:
    save_conference(db, conference("Hội nghị", documents=(StudiedForm(QD96),)))

    (listed,) = list_documents(db)

    assert listed.id is not None
    assert listed == dataclasses.replace(QD96, id=listed.id)


# --- editor_choices -------------------------------------------------------------------------


def test_empty_database_offers_only_the_standard_kinds(db: Database) -> None:
    choices = editor_choices(db)

    assert (choices.people, choices.units, choices.organizers, choices.documents) == (
        (),
        (),
        (),
        (),
    )
    assert choices.kinds == KINDS
    assert len(KINDS) == 5


def test_choices_list_people_once_per_name(db: Database) -> None:
    save_person(db, None, "Lý Văn Hùng", "Huyện ủy Ba Bể")
    save_person(db, None, "Lý Văn Hùng", "Tỉnh ủy Bắc Kạn")
    save_person(db, None, "Trương Thị Mai", None)

    assert sorted(editor_choices(db).people) == ["Lý Văn Hùng", "Trương Thị Mai"]


def test_choices_list_units(db: Database) -> None:
    save_unit(db, None, "Huyện ủy Ba Bể", "huyện ủy", "Tỉnh ủy Bắc Kạn")
    save_conference(
        db, conference("Hội nghị", bridge_points=(BridgePointForm("Điểm cầu", unit="Thành ủy"),))
    )

    assert sorted(editor_choices(db).units) == ["Huyện ủy Ba Bể", "Thành ủy", "Tỉnh ủy Bắc Kạn"]


def test_choices_list_each_organizer_once(db: Database) -> None:
    save_conference(db, conference("Hội nghị 1", organizer="Ban Tổ chức Trung ương"))
    save_conference(db, conference("Hội nghị 2", organizer="Ban Tổ chức Trung ương"))
    save_conference(db, conference("Hội nghị 3", organizer="Ban Thường vụ Tỉnh ủy"))
    save_conference(db, conference("Hội nghị 4", organizer=" "))

    assert sorted(editor_choices(db).organizers) == [
        "Ban Thường vụ Tỉnh ủy",
        "Ban Tổ chức Trung ương",
    ]


def test_choices_put_the_standard_kinds_before_the_typed_ones(db: Database) -> None:
    save_conference(db, conference("Hội nghị 1", kind="tập huấn"))
    save_conference(db, conference("Hội nghị 2", kind="giao ban"))
    save_conference(db, conference("Hội nghị 3", kind="tập huấn"))

    assert editor_choices(db).kinds == (
        "quán triệt, triển khai văn bản",
        "giao ban",
        "sơ kết",
        "tổng kết",
        "chuyên đề",
        "tập huấn",
    )


def test_choices_offer_the_catalogue(db: Database) -> None:
    save_conference(
        db,
        conference(
            "Hội nghị",
            chairs=(AppearanceForm(PersonRef("Trương Thị Mai")),),
            documents=(StudiedForm(QD96),),
        ),
    )

    assert editor_choices(db).documents == tuple(list_documents(db))
    assert [d.symbol for d in editor_choices(db).documents] == ["96-QĐ/TW"]


def test_merging_two_entries_of_one_document_moves_the_conferences(db: Database) -> None:
    from minutes_app.core.conferences.catalogue import catalogue, document_use, merge_documents
    from minutes_app.core.exchange.samples import load_samples

    load_samples(db)
    rows = {r.symbol: r for r in catalogue(db)}
    keep, remove = rows["96-QĐ/TW"], rows["97-QĐ/TW"]
    merge_documents(db, keep.id, remove.id)
    after = {r.symbol: r for r in catalogue(db)}
    assert "97-QĐ/TW" not in after
    # Both were studied at the same conference: it studied the kept one once.
    assert after["96-QĐ/TW"].conferences == 1
    assert len(document_use(db, keep.id).conferences) == 1
    assert foreign_key_problems(db) == []
