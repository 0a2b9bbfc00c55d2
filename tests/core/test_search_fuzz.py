"""Whatever is typed or pasted into the search box, search answers and never raises, and
the office's server answers as the SQLite file does."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_app.core import search as search_module
from minutes_app.core.search import KINDS, Hits, search
from minutes_app.db.engine import Database
from tests.stores import STORES, open_store

# FTS5 and tsquery syntax, SQL quoting and the letters of the sample data, mixed with anything.
SYNTAX = [*"\"*^:(){}+-.,/\\'`;%_&|!<> \t\n\x00", "AND", "OR", "NOT", "NEAR", "NEAR/2", "<->"]
WORDS = ["qđ", "96", "Trương", "thị", "MAI", "hoà", "thuỷ", "đảng", "lạng sơn", "tw"]
FEW = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module", params=STORES)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return open_store(request, tmp_path_factory.mktemp("fuzz"), request.param)


@pytest.fixture(scope="module")
def stores(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Database, Database]:
    """The samples in an SQLite file and on the server: the same records, the same ids."""
    folder = tmp_path_factory.mktemp("both")
    return open_store(request, folder, "sqlite"), open_store(request, folder, "postgresql")


def check(hits: Hits) -> None:
    assert isinstance(hits, Hits)
    assert set(hits.counts) <= set(KINDS)
    for kind in KINDS:
        assert len(hits.of_kind(kind)) <= hits.total(kind)
    for hit in hits:
        assert hit.type in KINDS and hit.label


def check_same(stores: tuple[Database, Database], query: str) -> None:
    """The server finds what SQLite finds: the same counts, and the same hits where every
    match is shown (past the limit, which are shown depends on each store's ranking)."""
    local, server = (search(db, query) for db in stores)
    assert (server.counts, server.more) == (local.counts, local.more), query
    for kind in KINDS:
        here = {h.id: h for h in local.of_kind(kind)}
        there = {h.id: h for h in server.of_kind(kind)}
        if local.total(kind) <= search_module.LIMIT:
            assert there == here, (query, kind)
        else:
            assert len(there) == len(here)
            assert all(there[i] == here[i] for i in there.keys() & here.keys()), (query, kind)


@pytest.mark.postgresql
@pytest.mark.parametrize(
    "query",
    [
        "hoà",
        "hòa",
        "HOA",
        "thuỷ",
        "thủy",
        "ĐẢNG ỦY",
        "dang uy ",
        "đ",
        "Đ",
        "t",
        "tr",
        "qu",
        "quy",
        "quy ",
        "quyet",
        "96-QD/TW",
        "96-QĐ/TW",
        "qd 96",
        "96qđ",
        "96 qđ tw ",
        "120-KH/TU",
        "tinh uy",
        "ban to chuc lang son",
        '\'truong\\ "thi" & | ! : * ( ) <-> mai',
        "",
        "   ",
    ],
)
def test_the_server_answers_these_as_sqlite_does(
    stores: tuple[Database, Database], query: str
) -> None:
    check_same(stores, query)


@FEW
@given(query=st.text())
def test_any_text_is_answered(db: Database, query: str) -> None:
    check(search(db, query))


@FEW
@given(parts=st.lists(st.sampled_from(SYNTAX + WORDS) | st.text(max_size=3), max_size=12))
def test_query_syntax_mixed_with_words_is_answered(db: Database, parts: list[str]) -> None:
    check(search(db, "".join(parts)))
    check(search(db, " ".join(parts)))


@pytest.mark.postgresql
@FEW
@given(parts=st.lists(st.sampled_from(SYNTAX + WORDS) | st.text(max_size=3), max_size=8))
def test_the_server_answers_as_sqlite_does(
    stores: tuple[Database, Database], parts: list[str]
) -> None:
    check_same(stores, "".join(parts))
    check_same(stores, " ".join(parts))
