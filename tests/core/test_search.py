"""Search everywhere finds what a clerk types, however it is typed."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from minutes_app.base.text import fold
from minutes_app.cli import main
from minutes_app.core import search as search_module
from minutes_app.core.directory import save_person, save_unit
from minutes_app.core.search import KINDS, Hits, query_terms, search
from minutes_app.db.engine import Database
from minutes_app.db.models import Person
from minutes_app.db.search_index import words
from tests.stores import STORES, open_store

QD96 = "Quy định 96-QĐ/TW ngày 02/02/2023"
LANG_SON_CONFERENCE = (
    "03/04/2023 Hội nghị giao ban trực tuyến đánh giá tình hình, kết quả công tác quý I, "
    "triển khai nhiệm vụ quý II/2023"
)


@pytest.fixture(scope="module", params=STORES)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    """The samples and a few names, on each store: the same queries find the same."""
    database = open_store(request, tmp_path_factory.mktemp("search"), request.param)
    save_person(database, None, "Nguyễn Thị Hoà", None)  # the old tone-mark placement
    save_person(database, None, "Lê Văn Thủy", None)  # the new one
    save_unit(database, None, "Đảng ủy Khối Cơ quan tỉnh Thuỷ Nguyên", None, None)
    return database


@pytest.fixture(params=STORES)
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    return open_store(request, tmp_path, request.param, samples=False)


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


def test_dj_in_capitals_finds_d_and_dj(db: Database) -> None:
    assert "Đảng ủy Khối Cơ quan tỉnh Thuỷ Nguyên" in labels(db, "ĐẢNG ỦY KHỐI", "unit")
    assert labels(db, "ĐẢNG ỦY KHỐI CƠ QUAN TỈNH THUỶ NG", "unit") == [
        "Đảng ủy Khối Cơ quan tỉnh Thuỷ Nguyên"
    ]
    assert labels(db, "NGUYỄN VĂN DŨNG", "person") == ["Nguyễn Văn Dũng"]


@pytest.mark.parametrize(
    "query", ["t", "T", "đ", "Đ", "d", "m", "n", "c", "tr", "Th", "ng", "ch", "dũ", "ĐU"]
)
def test_one_and_two_letters_find_every_name_with_a_word_so_begun(db: Database, query: str) -> None:
    with db.reading() as session:
        names = session.scalars(select(Person.name)).all()
    prefix = fold(query)
    begun = [n for n in names if any(w.startswith(prefix) for w in words(n))]
    assert begun, "the samples have names of this letter"
    assert sorted(labels(db, query, "person")) == sorted(begun)


def test_a_word_that_begins_another_is_a_prefix_only_while_typed(empty_db: Database) -> None:
    for name in ("Hà Văn Tư", "Hà Văn Tường", "Hà Văn Tú", "Hà Tư Văn"):
        save_person(empty_db, None, name, None)
    # Every word in any order; "tu" whole is "Tư" and "Tú", not "Tường".
    assert sorted(labels(empty_db, "ha van tu ", "person")) == [
        "Hà Tư Văn",
        "Hà Văn Tú",
        "Hà Văn Tư",
    ]
    assert len(labels(empty_db, "ha van tu", "person")) == 4  # "tu" begins "Tư", "Tường" and "Tú"
    assert labels(empty_db, "ha van tuo", "person") == ["Hà Văn Tường"]
    assert labels(empty_db, "tuong va ", "person") == []  # "va" is no whole word here
    assert labels(empty_db, "tuong va", "person") == ["Hà Văn Tường"]


@pytest.mark.parametrize(
    "query",
    [
        "'truong' thi mai",
        "truong' & 'thi",
        'truong "thi" mai',
        "truong\\ thi\\ mai",
        "\\'truong\\' thi mai",
        "truong & thi & mai",
        "truong | thi | mai",
        "!truong !thi !mai",
        "truong:* thi:* mai:*",
        "(truong) (thi) (ma",
        "truong* thi* ma*",
        "truong' & !thi | mai:*",
        "truong <-> thi <-> mai",
        "truong&thi|mai",
    ],
)
def test_query_syntax_typed_by_the_clerk_is_taken_as_words(db: Database, query: str) -> None:
    assert labels(db, query, "person") == ["Trương Thị Mai"]


def test_quotes_and_backslashes_in_a_record_are_between_words(empty_db: Database) -> None:
    save_unit(empty_db, None, "Chi bộ O'Brien & Co. \\ (Nà|Mạ) !x:* 'y'", None, None)
    for query in ("o brien", "O'Brien", "co na ma x y", "na|ma", "'y'", "\\", "!x:*"):
        found = labels(empty_db, query, "unit")
        assert found == (["Chi bộ O'Brien & Co. \\ (Nà|Mạ) !x:* 'y'"] if query != "\\" else [])


def test_a_word_is_matched_whole_whatever_its_letters_and_signs(empty_db: Database) -> None:
    # Words as the index splits them in Python on either store: a superscript or a fraction
    # is part of a word, "2e5ab" is one word (not a number and "ab"), and so is a long one.
    name = "Tổ đo đạc 120 m² ½ ha lô 2e5ab Ꮳ " + "x" * 300
    save_unit(empty_db, None, name, None, None)
    for query in ("m²", "½", "2e5ab", "2e5", "ꮳ", "Ꮳ ", "x" * 40, "120 m² ½ ha lo 2e5ab "):
        assert labels(empty_db, query, "unit") == [name], query
    for query in ("m ", "ab", "2e5 ", "e5ab", "x" * 40 + " ", "2 ", "1 "):
        assert labels(empty_db, query, "unit") == [], query


def test_the_better_rank_comes_first_when_the_limit_cuts(empty_db: Database) -> None:
    # The newer unit holds the words in its kind (weight 1), the older in its name (3): with
    # room for one hit, the index's ranking keeps the older.
    older = save_unit(empty_db, None, "Tổ khảo sát miền núi", None, None)
    newer = save_unit(empty_db, None, "Chi bộ Pò Hèn", "Tổ khảo sát", None)
    assert newer > older
    assert [h.id for h in search(empty_db, "khao sat", limit=1).of_kind("unit")] == [older]
    assert search(empty_db, "khao sat").total("unit") == 2


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


def test_each_kind_shows_at_most_the_limit_and_counts_them_all(empty_db: Database) -> None:
    db = empty_db
    for i in range(30):
        save_unit(db, None, f"Chi bộ thôn Nà Mạ {i}", None, None)
    hits = search(db, "chi bo na ma", limit=20)
    assert len(hits.of_kind("unit")) == 20
    assert hits.total("unit") == 30
    assert len(search(db, "chi bo na ma", limit=5)) == 5


def test_counts_stop_at_the_cap(empty_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    db = empty_db
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
    capsys.readouterr()
    assert main(["--db", db.where, "search", "qd 96", "--json"]) == 0
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
