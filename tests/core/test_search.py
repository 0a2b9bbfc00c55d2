"""Search everywhere finds what a clerk types, however it is typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes_app.cli import main
from minutes_app.core.directory import save_person, save_unit
from minutes_app.core.samples import load_samples
from minutes_app.core.search import search
from minutes_app.db.engine import Database


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    database = Database.open(tmp_path_factory.mktemp("search") / "s.sqlite3")
    load_samples(database)
    save_person(database, None, "Nguyễn Thị Hoà", None)
    save_unit(database, None, "Đảng ủy Khối Cơ quan tỉnh Thuỷ Nguyên", None, None)
    return database


def labels(db: Database, query: str, kind: str) -> list[str]:
    return [h.label for h in search(db, query) if h.type == kind]


@pytest.mark.parametrize("query", ["96-QD/TW", "qd 96", "96-qđ/tw", "QUY DINH 96"])
def test_a_symbol_typed_any_way_finds_the_document_first(db: Database, query: str) -> None:
    [first, *_] = search(db, query)
    assert (first.type, first.label) == ("document", "Quy định 96-QĐ/TW ngày 02/02/2023")


def test_no_accents_and_no_case_find_a_person(db: Database) -> None:
    assert labels(db, "TRUONG THI MAI", "person") == ["Trương Thị Mai"]


def test_both_tone_mark_placements_match(db: Database) -> None:
    assert labels(db, "Nguyễn Thị Hòa", "person") == ["Nguyễn Thị Hoà"]
    assert labels(db, "thủy nguyên", "unit") == ["Đảng ủy Khối Cơ quan tỉnh Thuỷ Nguyên"]


def test_d_finds_dj(db: Database) -> None:
    assert "Đảng ủy Khối Cơ quan tỉnh Thuỷ Nguyên" in labels(db, "dang uy khoi", "unit")


def test_a_conference_is_found_by_its_bridge_point_and_chair(db: Database) -> None:
    by_point = labels(db, "lang son", "conference")
    assert by_point == [
        "03/04/2023 Hội nghị giao ban trực tuyến đánh giá tình hình, kết quả công tác quý I, "
        "triển khai nhiệm vụ quý II/2023"
    ]
    assert len(labels(db, "pham minh tan", "conference")) == 1


def test_every_word_must_match(db: Database) -> None:
    assert search(db, "truong thi mai lang son") == []
    assert search(db, "   ") == []


def test_search_json_has_the_contract_shape(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = Path(str(db.path))
    capsys.readouterr()
    assert main(["--db", str(path), "search", "qd 96", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0] == {
        "type": "document",
        "id": hits[0]["id"],
        "label": "Quy định 96-QĐ/TW ngày 02/02/2023",
        "snippet": "về việc lấy phiếu tín nhiệm đối với chức danh, chức vụ lãnh đạo, quản lý trong "
        "hệ thống chính trị",
    }
    assert {h["type"] for h in hits} <= {"conference", "document", "task", "person", "unit"}
