"""Whatever is typed or pasted into the search box, search answers and never raises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.search import KINDS, Hits, search
from minutes_app.db.engine import Database

# FTS5 query syntax, SQL quoting and the letters of the sample data, mixed with anything.
SYNTAX = [*"\"*^:(){}+-.,/\\'`;%_ \t\n\x00", "AND", "OR", "NOT", "NEAR", "NEAR/2"]
WORDS = ["qđ", "96", "Trương", "thị", "MAI", "hoà", "thuỷ", "đảng", "lạng sơn", "tw"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    database = Database.open(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite3")
    load_samples(database)
    return database


def check(hits: Hits) -> None:
    assert isinstance(hits, Hits)
    assert set(hits.counts) <= set(KINDS)
    for kind in KINDS:
        assert len(hits.of_kind(kind)) <= hits.total(kind)
    for hit in hits:
        assert hit.type in KINDS and hit.label


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=st.text())
def test_any_text_is_answered(db: Database, query: str) -> None:
    check(search(db, query))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.sampled_from(SYNTAX + WORDS) | st.text(max_size=3), max_size=12))
def test_query_syntax_mixed_with_words_is_answered(db: Database, parts: list[str]) -> None:
    check(search(db, "".join(parts)))
    check(search(db, " ".join(parts)))
