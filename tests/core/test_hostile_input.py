"""Whatever a user types, pastes or imports: a result or a refusal, never a traceback."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_app.core.conference_edit import (
    AppearanceForm,
    BridgePointForm,
    ConferenceForm,
    DocumentForm,
    InstructionForm,
    PersonRef,
    StudiedForm,
    check,
    load_conference,
    save_conference,
)
from minutes_app.core.exchange import import_exchange
from minutes_app.core.exchange_read import ExchangeError, read_exchange
from minutes_app.core.text import clean, fold, nfc
from minutes_app.db.engine import Database

EXAMPLE = Path(__file__).resolve().parents[3] / "shared" / "exchange" / "example.json"

# Text a clerk's clipboard can hold: anything, with the awkward cases made likely.
_AWKWARD = [
    "\x00",
    "\ud800",
    "\udfff",
    "😀👨‍👩‍👧",
    "\u202eمرحبا بالعالم\u202c",
    "Qu¸n triÖt NghÞ quyÕt",  # TCVN3 read as Windows-1252
    "Quy ñònh soá 96",  # VNI read as Windows-1252
    "ho\u0300a",  # decomposed
    "\u200b\ufeff",
    " \t\n ",
    "'; DROP TABLE task; --",
    "%_\\",
]
odd_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(_AWKWARD), max_size=12).map("".join),
    st.lists(st.one_of(st.sampled_from(_AWKWARD), st.text(max_size=5)), max_size=8).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(odd_text)
def test_text_helpers_take_anything_and_give_storable_nfc(text: str) -> None:
    stored = nfc(text)
    stored.encode("utf-8")  # a lone surrogate would raise here
    assert "\x00" not in stored
    assert nfc(stored) == stored
    cleaned = clean(text)
    assert cleaned is None or cleaned == cleaned.strip()
    assert fold(fold(text)) == fold(text)


def test_one_megabyte_of_text_folds() -> None:
    text = "Đồng chí Hoàng Duy Chinh chủ trì hội nghị. " * 25_000
    assert fold(text).startswith("dong chi hoang duy chinh")


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = Database.open(tmp_path_factory.mktemp("hostile") / "m.sqlite3")
    yield db
    db.close()


def _form(title: str, other: str) -> ConferenceForm:
    person = AppearanceForm(PersonRef(other or "Nguyễn Văn A"), other or None)
    return ConferenceForm(
        title=title,
        organizer=other,
        date=dt.date(2024, 3, 1),
        host_point=other,
        chairs=(person,),
        bridge_points=(BridgePointForm(name=other or "Điểm cầu", presiding=(person,)),),
        documents=(
            StudiedForm(DocumentForm(kind=other or "Quy định", number=other or "1", subject=other)),
        ),
        discussion=other,
        instructions=(InstructionForm(other or "Triển khai"),),
        notes=other,
    )


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=odd_text, other=odd_text)
def test_conference_form_is_saved_or_refused_with_problems(
    shared_db: Database, title: str, other: str
) -> None:
    form = _form(title, other)
    problems = check(form)
    if problems:
        assert all(p.code and p.where for p in problems)
        return
    conference_id = save_conference(shared_db, form)
    loaded = load_conference(shared_db, conference_id)
    assert loaded.title == clean(title)
    assert loaded.notes == clean(other)


def test_overlong_values_are_refused_not_stored(shared_db: Database) -> None:
    form = _form("Hội nghị", "x" * 200_001)
    assert {p.code for p in check(form)} == {"too_long"}


def _mutations() -> st.SearchStrategy[Any]:
    leaves = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), odd_text)
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(odd_text, inner, max_size=4)
        ),
        max_leaves=20,
    )


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=500))
def test_random_bytes_are_refused_as_an_exchange_file(raw: bytes) -> None:
    try:
        read_exchange(raw)
    except ExchangeError as exc:
        assert exc.problems


@pytest.mark.skipif(not EXAMPLE.exists(), reason="the shared example is beside the repository")
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    path=st.lists(
        st.sampled_from(
            [
                "units",
                "people",
                "documents",
                "conferences",
                0,
                1,
                "name",
                "title",
                "tasks",
                "instructions",
                "deadline",
                "key",
            ]
        ),
        min_size=1,
        max_size=5,
    ),
    value=_mutations(),
)
def test_damaged_exchange_files_import_whole_or_are_refused(
    shared_db: Database, path: list[Any], value: Any
) -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    target: Any = document
    for step in path[:-1]:
        try:
            target = target[step]
        except (KeyError, IndexError, TypeError):
            return
    try:
        target[path[-1]] = value
    except (IndexError, TypeError):
        return
    try:
        raw = json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")
        parsed = read_exchange(raw)
    except ExchangeError as exc:
        assert exc.problems
        return
    try:
        import_exchange(shared_db, parsed)
    except ExchangeError as exc:
        assert exc.problems


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=odd_text, unit=odd_text, note=odd_text)
def test_task_actions_take_odd_values_or_refuse_them(
    shared_db: Database, title: str, unit: str, note: str
) -> None:
    from minutes_app.core.task_actions import NewTasks, TaskActionError, add_progress, create_tasks

    conference_id = save_conference(shared_db, _form("Hội nghị giao việc", ""))
    instruction_id = load_conference(shared_db, conference_id).instructions[0].id
    assert instruction_id is not None
    request = NewTasks(instruction_id, (title,), (unit,), (unit + " phối hợp",), owner=note)
    try:
        record = create_tasks(shared_db, request)
    except TaskActionError as exc:
        assert exc.args
        return
    try:
        add_progress(shared_db, list(record.created_tasks), note)
    except TaskActionError as exc:
        assert exc.args
