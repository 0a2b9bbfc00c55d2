"""Whatever a user types, pastes or imports: a result or a refusal, never a traceback."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_app.base.limits import MAX_COUNT, MAX_TEXT
from minutes_app.base.text import clean, fold, nfc
from minutes_app.core.conferences.checks import Problem, check
from minutes_app.core.conferences.forms import (
    AppearanceForm,
    BridgePointForm,
    ConferenceForm,
    DocumentForm,
    InstructionForm,
    PersonRef,
    StudiedForm,
)
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.exchange.exporting import export_exchange
from minutes_app.core.exchange.importing import import_exchange
from minutes_app.core.exchange.reading import ExchangeError, read_exchange
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
    from minutes_app.core.tasks.actions import NewTasks, TaskActionError, add_progress, create_tasks

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


# --- one set of limits for the editor and the importer ------------------------------------------


def _form_at_length(length: int) -> ConferenceForm:
    """A conference whose every text (each chair, bridge point, document, instruction and
    their people) is ``length`` characters long."""

    def text(word: str) -> str:
        return (word * (length // len(word) + 1))[:length]

    def person(name: str) -> AppearanceForm:
        return AppearanceForm(PersonRef(text(name)), text("Ủy viên "))

    return ConferenceForm(
        title=text("Hội nghị "),
        kind=text("chuyên đề "),
        organizer=text("Ban Thường vụ "),
        date=dt.date(2024, 3, 1),
        host_point=text("Trụ sở "),
        secretary=person("Thư ký "),
        chairs=(person("Chủ trì "),),
        bridge_points=(
            BridgePointForm(
                name=text("Điểm cầu "),
                unit=text("Huyện ủy "),
                presiding=(person("Bí thư "),),
                attendees=(person("Đại biểu "),),
                attendee_count=MAX_COUNT,
            ),
        ),
        documents=(
            StudiedForm(
                DocumentForm(
                    kind=text("Quy định "),
                    number=text("96 "),
                    symbol=text("96-QĐ/TW "),
                    issuer=text("Bộ Chính trị "),
                    subject=text("về công tác "),
                ),
                person("Báo cáo viên "),
            ),
        ),
        discussion=text("Ý kiến. "),
        instructions=(InstructionForm(text("Triển khai. "), person("Kết luận ")),),
        notes=text("Ghi chú "),
    )


def test_what_the_editor_saves_at_its_limits_the_importer_takes_back(tmp_path: Path) -> None:
    form = _form_at_length(MAX_TEXT)
    assert check(form) == []
    source = Database.open(tmp_path / "a.sqlite3")
    target = Database.open(tmp_path / "b.sqlite3")
    try:
        save_conference(source, form)
        raw = json.dumps(export_exchange(source), ensure_ascii=False).encode("utf-8")

        summary = import_exchange(target, read_exchange(raw))

        assert summary.conferences_added == 1
        assert export_exchange(target)["conferences"][0]["title"] == form.title
    finally:
        source.close()
        target.close()


def test_the_editor_refuses_every_text_one_character_past_the_limit() -> None:
    problems = check(_form_at_length(MAX_TEXT + 1))

    assert {p.code for p in problems} == {"too_long"}
    assert [p.where for p in problems] == [
        "title",
        "kind",
        "organizer",
        "host_point",
        "secretary.person",
        "secretary.title",
        "discussion",
        "notes",
        "chairs[0].person",
        "chairs[0].title",
        "bridge_points[0].name",
        "bridge_points[0].unit",
        "bridge_points[0].presiding[0].person",
        "bridge_points[0].presiding[0].title",
        "bridge_points[0].attendees[0].person",
        "bridge_points[0].attendees[0].title",
        "documents[0].kind",
        "documents[0].number",
        "documents[0].symbol",
        "documents[0].issuer",
        "documents[0].subject",
        "documents[0].presenter.person",
        "documents[0].presenter.title",
        "instructions[0].text",
        "instructions[0].speaker.person",
        "instructions[0].speaker.title",
    ]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"date": dt.date(1899, 12, 31)}, "date"),
        ({"date": dt.date(9999, 12, 31)}, "date"),
        (
            {"bridge_points": (BridgePointForm(name="Điểm cầu", attendee_count=MAX_COUNT + 1),)},
            "bridge_points[0].attendee_count",
        ),
        (
            {"bridge_points": (BridgePointForm(name="Điểm cầu", attendee_count=2**63),)},
            "bridge_points[0].attendee_count",
        ),
    ],
)
def test_the_editor_refuses_days_and_head_counts_out_of_range(
    change: dict[str, Any], where: str
) -> None:
    form = replace(_form("Hội nghị", "Nguyễn Văn A"), **change)

    assert check(form) == [Problem(where, "out_of_range")]
