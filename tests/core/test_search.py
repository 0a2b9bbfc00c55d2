"""Search everywhere finds what a clerk types, however it is typed."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from minutes_app.cli import main
from minutes_app.core import search as search_module
from minutes_app.core.directory import save_person, save_unit
from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.search import KINDS, Hits, query_terms, search
from minutes_app.db.engine import Database

QD96 = "Quy định 96-QĐ/TW ngày 02/02/2023"
LANG_SON_CONFERENCE = (
    "03/04/2023 Hội nghị giao ban trực tuyến đánh giá tình hình, kết quả công tác quý I, "
    "triển khai nhiệm vụ quý II/2023"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    database = Database.open(tmp_path_factory.mktemp("search") / "s.sqlite3")
    load_samples(database)
    save_person(database, None, "Nguyễn Thị Hoà", None)  # the old tone-mark placement
    save_person(database, None, "Lê Văn Thủy", None)  # the new one
    save_unit(database, None, "Đảng ủy Khối Cơ quan tỉnh Thuỷ Nguyên", None, None)
    return database


def labels(db: Database, query: str, kind: str) -> list[str]:
    return [h.label for h in search(db, query).of_kind(kind)]


# --- how words are typed ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["96-QD/TW", "qd 96", "96-qđ/tw", "96 qđ tw", "QUY DINH 96", "96QĐ", "quy định 96"]
)
def test_a_symbol_typed_any_way_finds_the_document_first(db: Database, query: str) -> None:
    [first, *_] = search(db, query)
    assert (first.type, first.label) == ("document", QD96)


def test_no_accents_and_no_case_find_a_person(db: Database) -> None:
    assert labels(db, "TRUONG THI MAI", "person") == ["Trương Thị Mai"]


def test_accents_typed_find_the_same_as_none(db: Database) -> None:
    assert labels(db, "Trương thị MAI", "person") == labels(db, "truong thi mai", "person")


@pytest.mark.parametrize("query", ["Nguyễn Thị Hòa", "Nguyễn Thị Hoà", "nguyen thi hoa"])
def test_both_tone_mark_placements_of_oa_match(db: Database, query: str) -> None:
    assert labels(db, query, "person") == ["Nguyễn Thị Hoà"]


@pytest.mark.parametrize("query", ["thủy nguyên", "thuỷ nguyên"])
def test_both_tone_mark_placements_of_uy_match(db: Database, query: str) -> None:
    assert labels(db, query, "unit") == ["Đảng ủy Khối Cơ quan tỉnh Thuỷ Nguyên"]


def test_a_new_placement_stored_is_found_by_the_old_one_typed(db: Database) -> None:
    assert labels(db, "lê văn thuỷ", "person") == ["Lê Văn Thủy"]


def test_d_finds_dj(db: Database) -> None:
    assert "Đảng ủy Khối Cơ quan tỉnh Thuỷ Nguyên" in labels(db, "dang uy khoi", "unit")
    assert labels(db, "nguyen van dung", "person") == ["Nguyễn Văn Dũng"]


def test_the_last_word_is_a_prefix_while_it_is_typed(db: Database) -> None:
    assert labels(db, "truong thi ma", "person") == ["Trương Thị Mai"]
    assert labels(db, "tr", "person") == ["Trương Thị Mai"]


def test_a_space_after_the_last_word_ends_it(db: Database) -> None:
    assert labels(db, "truong thi ma ", "person") == []
    assert labels(db, "truong thi mai ", "person") == ["Trương Thị Mai"]


def test_earlier_words_are_whole_words(db: Database) -> None:
    assert labels(db, "truo thi mai", "person") == []


def test_every_word_must_match(db: Database) -> None:
    assert not search(db, "truong thi mai lang son")


@pytest.mark.parametrize("query", ["", "   ", "-/.", "“…”", "***", '""', "\x00", "_"])
def test_an_empty_or_punctuation_query_finds_nothing(db: Database, query: str) -> None:
    hits = search(db, query)
    assert not hits
    assert hits == Hits()


# --- every kind --------------------------------------------------------------------------------


def test_a_conference_is_found_by_its_bridge_point(db: Database) -> None:
    assert labels(db, "lang son", "conference") == [LANG_SON_CONFERENCE]


def test_a_conference_is_found_by_its_chair(db: Database) -> None:
    [first, *_] = search(db, "pham minh tan").of_kind("conference")
    assert first.label.startswith("07/11/2019 Hội nghị trực tuyến quán triệt các quy định")
    assert first.snippet == "Phạm Minh Tấn"


def test_a_conference_is_found_by_a_person_presiding_at_a_bridge_point(db: Database) -> None:
    [first, *others] = search(db, "hoang van nghiem").of_kind("conference")
    assert first.label == LANG_SON_CONFERENCE
    assert first.snippet == "Điểm cầu tỉnh Lạng Sơn: Hoàng Văn Nghiệm"
    # Others hold the words apart ("văn bản", "nghiêm túc"): below the one that names him.
    assert all(h.score < first.score for h in others)


def test_a_conference_is_found_by_its_closing_instructions(db: Database) -> None:
    [hit] = search(db, "vuong mac phat sinh").of_kind("conference")
    assert hit.label.startswith("17/02/2023 Hội nghị trực tuyến quán triệt, triển khai")
    assert "vướng mắc phát sinh" in hit.snippet


def test_a_conference_is_found_by_its_discussion(db: Database) -> None:
    [hit] = search(db, "giai dap nhung thac mac").of_kind("conference")
    assert "giải đáp những thắc mắc" in hit.snippet


def test_a_task_is_found_by_its_title(db: Database) -> None:
    assert labels(db, "quan triet 97", "task") == [
        "Quán triệt Quy định 96-QĐ/TW và 97-QĐ/TW tới cấp ủy cơ sở"
    ]


def test_a_task_is_found_by_its_result_with_the_result_as_snippet(db: Database) -> None:
    [hit] = search(db, "120-KH/TU").of_kind("task")
    assert hit.snippet.startswith("Ban Tổ chức Tỉnh ủy Vĩnh Long — ")
    assert "Kế hoạch số 120-KH/TU ngày 26/11/2019" in hit.snippet


def test_a_document_is_found_by_its_subject(db: Database) -> None:
    assert labels(db, "phieu tin nhiem", "document") == [QD96]


def test_a_unit_is_found_by_its_name(db: Database) -> None:
    assert "Ban Tổ chức Tỉnh ủy Lạng Sơn" in labels(db, "ban to chuc lang son", "unit")


# --- ranking, snippets, groups -------------------------------------------------------------


def test_the_record_a_query_names_comes_before_those_that_mention_it(db: Database) -> None:
    hits = search(db, "truong thi mai")
    assert (hits[0].type, hits[0].label) == ("person", "Trương Thị Mai")
    assert hits[0].score > max(h.score for h in hits[1:])


def test_hits_are_ordered_best_first(db: Database) -> None:
    hits = search(db, "ban to chuc")
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_a_snippet_shows_the_original_accented_text_around_the_match(db: Database) -> None:
    [hit] = search(db, "kiem soat chat che quyen luc").of_kind("conference")
    assert "kiểm soát chặt chẽ quyền lực" in hit.snippet
    assert len(hit.snippet) <= search_module.SNIPPET + 20
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")


def test_hits_are_grouped_by_kind_with_counts(db: Database) -> None:
    hits = search(db, "tinh uy")
    assert set(hits.counts) == set(KINDS)
    for kind in KINDS:
        assert len(hits.of_kind(kind)) == min(hits.total(kind), search_module.LIMIT)
    assert hits.total("unit") > 5
    assert hits.total_text("unit") == str(hits.total("unit"))


def test_each_kind_shows_at_most_the_limit_and_counts_them_all(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "many.sqlite3")
    for i in range(30):
        save_unit(db, None, f"Chi bộ thôn Nà Mạ {i}", None, None)
    hits = search(db, "chi bo na ma", limit=20)
    assert len(hits.of_kind("unit")) == 20
    assert hits.total("unit") == 30
    assert len(search(db, "chi bo na ma", limit=5)) == 5


def test_counts_stop_at_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = Database.open(tmp_path / "many.sqlite3")
    for i in range(12):
        save_unit(db, None, f"Chi bộ bản Khuổi {i}", None, None)
    monkeypatch.setattr(search_module, "WINDOW", 4)
    monkeypatch.setattr(search_module, "COUNT_CAP", 10)
    hits = search(db, "khuoi")
    assert (hits.total("unit"), hits.total_text("unit")) == (10, "10+")
    assert len(hits.of_kind("unit")) == 4


def test_a_long_pasted_text_is_cut_to_a_query(db: Database) -> None:
    # Cut after MAX_QUERY characters, in the middle of a word: that word is a prefix.
    terms = query_terms("trương thị mai " * 100_000)
    assert terms == [("truong", False), ("thi", False), ("mai", False), ("truon", True)]
    assert len(query_terms(" ".join(f"w{i}" for i in range(100)))) == search_module.MAX_TERMS


def test_hostile_input_is_taken_as_words(db: Database) -> None:
    for query in (
        'truong" OR "x',
        "truong AND thi NOT mai",
        "NEAR(truong thi)",
        "name:truong",
        "^truong*",
        "truong\x00thi",
        "{title}: mai",
        "' OR 1=1 --",
        "\ud800 mai",
    ):
        assert isinstance(search(db, query), Hits)
    assert labels(db, 'truong" thi "mai', "person") == ["Trương Thị Mai"]


def test_a_megabyte_query_returns_at_once(db: Database) -> None:
    started = time.perf_counter()
    assert not search(db, "x" * 1_000_000)
    search(db, "truong " * 200_000)
    assert time.perf_counter() - started < 2


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
        "label": QD96,
        "snippet": "về việc lấy phiếu tín nhiệm đối với chức danh, chức vụ lãnh đạo, quản lý trong "
        "hệ thống chính trị",
    }
    assert {h["type"] for h in hits} <= set(KINDS)
    assert all(set(h) == {"type", "id", "label", "snippet"} for h in hits)
