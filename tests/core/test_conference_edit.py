"""The conference editor's services: checks, load, save, and the trash."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from minutes_app.core.conferences.catalogue import list_documents
from minutes_app.core.conferences.checks import Problem, check
from minutes_app.core.conferences.forms import (
    AbsenceForm,
    AppearanceForm,
    BridgePointForm,
    ConferenceForm,
    DocumentForm,
    InstructionForm,
    PaperForm,
    PersonRef,
    StudiedForm,
)
from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.conferences.trash import (
    move_to_trash,
    purge_from_trash,
    restore_from_trash,
    trash,
)
from minutes_app.core.exchange.exporting import export_exchange
from minutes_app.core.exchange.importing import import_exchange
from minutes_app.core.exchange.reading import read_exchange
from minutes_app.db.engine import Database
from minutes_app.db.models import Base, BridgePoint, Document, Instruction, Person, Task, Unit

DAY = dt.date(2024, 3, 5)
MAI = "Trương Thị Mai"


def nfd(value: str) -> str:
    return unicodedata.normalize("NFD", value)


def chair(name: str, title: str | None = None) -> AppearanceForm:
    return AppearanceForm(PersonRef(name), title)


def minimal(**changes: Any) -> ConferenceForm:
    """A form with nothing but what check() requires."""
    return dataclasses.replace(ConferenceForm(title="Hội nghị giao ban", date=DAY), **changes)


def without_ids(form: ConferenceForm) -> ConferenceForm:
    """``form`` as typed into a fresh editor: every database id and version left out."""

    def appearance(a: AppearanceForm | None) -> AppearanceForm | None:
        return None if a is None else AppearanceForm(PersonRef(a.person.name), a.title)

    def appearances(items: tuple[AppearanceForm, ...]) -> tuple[AppearanceForm, ...]:
        return tuple(AppearanceForm(PersonRef(a.person.name), a.title) for a in items)

    return dataclasses.replace(
        form,
        id=None,
        version=None,
        read_instructions=(),
        secretary=appearance(form.secretary),
        chairs=appearances(form.chairs),
        bridge_points=tuple(
            dataclasses.replace(
                p, presiding=appearances(p.presiding), attendees=appearances(p.attendees)
            )
            for p in form.bridge_points
        ),
        documents=tuple(
            StudiedForm(dataclasses.replace(s.document, id=None), appearance(s.presenter))
            for s in form.documents
        ),
        instructions=tuple(
            InstructionForm(i.text, appearance(i.speaker), None, i.task_count)
            for i in form.instructions
        ),
        absent=tuple(dataclasses.replace(a, person=PersonRef(a.person.name)) for a in form.absent),
        papers=tuple(dataclasses.replace(p, signer=appearance(p.signer)) for p in form.papers),
    )


def dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted; left out what a save stamps: who saved, when, and
    the version that says someone saved. A save rebuilds a conference's bridge points, so
    they are named by (conference, position), not by their ids: SQLite hands the freed ids
    out again, a PostgreSQL sequence never does."""
    tables: dict[str, list[tuple[object, ...]]] = {}
    stamps = ("updated_at", "updated_by", "version")
    with db.engine.connect() as conn:
        points = {
            r.id: (r.conference_id, r.position)
            for r in conn.execute(
                select(BridgePoint.id, BridgePoint.conference_id, BridgePoint.position)
            )
        }
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in stamps]
            if table.name == "bridge_point":
                columns = [c for c in columns if c.name != "id"]
            rows = [tuple(r) for r in conn.execute(select(*columns)).all()]
            if table.name == "bridge_point_person":
                at = [c.name for c in columns].index("bridge_point_id")
                rows = [(*r[:at], points[r[at]], *r[at + 1 :]) for r in rows]  # type: ignore[index]
            tables[table.name] = sorted(rows, key=repr)
    return tables


def count(db: Database, model: type[Base]) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def db(store: str) -> Iterator[Database]:
    database = Database.open(store)
    yield database
    database.close()


@pytest.fixture
def example_id(db: Database, example_json: Path) -> int:
    """The conference of example.json, imported; returns its id."""
    import_exchange(db, read_exchange(example_json.read_bytes()))
    (conference,) = list_conferences(db)
    return conference.id


@pytest.fixture
def catalogue_document(db: Database) -> DocumentForm:
    """A document already in the catalogue before the conference is recorded."""
    with db.transaction() as session:
        session.add(
            Document(
                kind="Kết luận",
                symbol="21-KL/TW",
                number="21",
                issued_on=dt.date(2021, 10, 25),
                issuer="Ban Chấp hành Trung ương",
                subject="về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
            )
        )
    (document,) = [d for d in list_documents(db) if d.symbol == "21-KL/TW"]
    return document


@pytest.fixture
def full_form(catalogue_document: DocumentForm) -> ConferenceForm:
    """A new conference with every field of the editor filled in."""
    return ConferenceForm(
        title="Hội nghị trực tuyến quán triệt Quy định 96-QĐ/TW",
        kind="quán triệt, triển khai văn bản",
        mode="hybrid",
        organizer="Ban Tổ chức Trung ương",
        date=DAY,
        session="morning",
        start_time="08:00",
        end_time="11:30",
        host_point="Trụ sở Ban Tổ chức Trung ương, Hà Nội",
        secretary=chair("Nông Thị Thư", "Chuyên viên Văn phòng"),
        chairs=(
            chair(MAI, "Trưởng ban Tổ chức Trung ương"),
            chair("Hoàng Đăng Quang", "Phó Trưởng ban Thường trực"),
        ),
        bridge_points=(
            BridgePointForm(
                name="Điểm cầu tỉnh Bắc Kạn",
                unit="Tỉnh ủy Bắc Kạn",
                presiding=(chair("Hoàng Duy Chinh", "Bí thư Tỉnh ủy"),),
                attendees=(chair("Phương Thị Thanh", "Phó Bí thư"), chair("Lý Văn Hùng")),
                attendee_count=120,
            ),
            BridgePointForm(
                name="Điểm cầu huyện Ba Bể",
                unit="Huyện ủy Ba Bể",
                presiding=(chair("Hà Văn Điện", "Bí thư Huyện ủy"),),
                attendees=(chair("Lý Văn Hùng", "Trưởng ban Tổ chức Huyện ủy"),),
                attendee_count=35,
            ),
        ),
        documents=(
            StudiedForm(
                DocumentForm(
                    kind="Hướng dẫn",
                    number="12",
                    symbol="12-HD/BTCTW",
                    issued_on=dt.date(2024, 1, 10),
                    issuer="Ban Tổ chức Trung ương",
                    subject="về công tác đánh giá cán bộ",
                ),
                chair("Nguyễn Quang Dương", "Vụ trưởng Vụ Tổ chức Đảng"),
            ),
            StudiedForm(catalogue_document, None),
        ),
        discussion="Các điểm cầu nêu khó khăn khi lấy phiếu tín nhiệm ở cơ sở.",
        instructions=(
            InstructionForm("Tổ chức quán triệt đến chi bộ trước 30/4.", chair(MAI, "Trưởng ban")),
            InstructionForm("Báo cáo kết quả về Ban Tổ chức Trung ương.", None),
        ),
        notes="Hội nghị kết thúc lúc 11 giờ 30.",
        absent=(
            AbsenceForm(PersonRef("Lý Văn Hùng"), "Ủy viên Ban Thường vụ", "Đi công tác"),
            AbsenceForm(PersonRef("Triệu Đức Thắng")),
        ),
        papers=(
            PaperForm("minutes", "12-BB/BTCTU", dt.date(2024, 3, 6)),
            PaperForm(
                "notice",
                "05-TB/BTCTU",
                dt.date(2024, 3, 8),
                chair("Hoàng Duy Chinh", "Phó Trưởng ban"),
                "K/T TRƯỞNG BAN",
            ),
        ),
    )


# --- check() ------------------------------------------------------------------------------


def test_empty_form_needs_title_and_date() -> None:
    assert check(ConferenceForm()) == [Problem("title", "required"), Problem("date", "required")]


def test_complete_form_has_no_problems(full_form: ConferenceForm) -> None:
    assert check(full_form) == []


@pytest.mark.parametrize("value", ["8:00", "24:00", "08:60", "08h00", ""])
def test_time_not_in_hhmm_is_bad(value: str) -> None:
    assert check(minimal(start_time=value)) == [Problem("start_time", "bad_time")]


def test_end_before_start_is_reported_on_end_time() -> None:
    form = minimal(start_time="14:00", end_time="13:59")
    assert check(form) == [Problem("end_time", "time_order")]


def test_same_chair_twice_is_a_duplicate() -> None:
    form = minimal(chairs=(chair(MAI), chair(f" {MAI} ")))
    assert check(form) == [Problem("chairs[1].person", "duplicate")]


def test_same_chair_in_another_unicode_form_is_a_duplicate() -> None:
    # Both spellings are stored as one NFC person; a second chair row would break
    # the (conference, person) uniqueness when saving.
    form = minimal(chairs=(chair(MAI), chair(nfd(MAI))))
    assert check(form) == [Problem("chairs[1].person", "duplicate")]


def test_blank_chair_name_is_required_on_its_person() -> None:
    assert check(minimal(chairs=(chair("  "),))) == [Problem("chairs[0].person", "required")]


def test_negative_head_count_is_reported() -> None:
    form = minimal(bridge_points=(BridgePointForm("Điểm cầu tỉnh Bắc Kạn", attendee_count=-1),))
    assert check(form) == [Problem("bridge_points[0].attendee_count", "negative")]


def test_zero_head_count_is_allowed() -> None:
    form = minimal(bridge_points=(BridgePointForm("Điểm cầu tỉnh Bắc Kạn", attendee_count=0),))
    assert check(form) == []


def test_same_document_identity_twice_is_a_duplicate() -> None:
    issued = dt.date(2023, 2, 2)
    form = minimal(
        documents=(
            StudiedForm(DocumentForm("Quy định", "96", "96-QĐ/TW", issued)),
            StudiedForm(DocumentForm("Quy định", "96", "96-QĐ/TW ", issued)),
        )
    )
    assert check(form) == [Problem("documents[1]", "duplicate")]


def test_same_symbol_on_another_date_is_another_document() -> None:
    form = minimal(
        documents=(
            StudiedForm(DocumentForm("Quy định", "96", "96-QĐ/TW", dt.date(2023, 2, 2))),
            StudiedForm(DocumentForm("Quy định", "96", "96-QĐ/TW", dt.date(2017, 5, 2))),
        )
    )
    assert check(form) == []


def test_blank_instruction_text_is_required() -> None:
    form = minimal(instructions=(InstructionForm("Triển khai ngay."), InstructionForm(" \n")))
    assert check(form) == [Problem("instructions[1].text", "required")]


def test_a_paper_needs_its_number_and_date_of_issue() -> None:
    form = minimal(papers=(PaperForm("minutes", " ", None), PaperForm("report", "1-BC/BTCTU")))

    assert check(form) == [
        Problem("papers[0].number", "required"),
        Problem("papers[0].issued_on", "required"),
        Problem("papers[1].kind", "bad_kind"),
        Problem("papers[1].issued_on", "required"),
    ]


def test_one_number_given_twice_to_papers_of_a_kind_is_a_duplicate() -> None:
    paper = PaperForm("notice", "05-TB/BTCTU", DAY)
    minutes = PaperForm("minutes", "05-TB/BTCTU", DAY)

    assert check(minimal(papers=(paper, minutes))) == []
    assert check(minimal(papers=(paper, paper))) == [Problem("papers[1].number", "duplicate")]


def test_an_absentee_is_named_once() -> None:
    absent = AbsenceForm(PersonRef("Lý Văn Hùng"), None, "Ốm")
    blank = AbsenceForm(PersonRef(" "), None, "Ốm")

    assert check(minimal(absent=(absent, absent, blank))) == [
        Problem("absent[1].person", "duplicate"),
        Problem("absent[2].person", "required"),
    ]


# --- save and load ------------------------------------------------------------------------


def test_loaded_form_equals_saved_form_with_ids_filled_in(
    db: Database, full_form: ConferenceForm
) -> None:
    conference_id = save_conference(db, full_form)

    loaded = load_conference(db, conference_id)

    assert loaded.id == conference_id
    assert without_ids(loaded) == without_ids(full_form)


def test_papers_and_absentees_are_stored_in_order_with_their_people(
    db: Database, full_form: ConferenceForm
) -> None:
    loaded = load_conference(db, save_conference(db, full_form))

    assert [(p.kind, p.number, p.issued_on) for p in loaded.papers] == [
        ("minutes", "12-BB/BTCTU", dt.date(2024, 3, 6)),
        ("notice", "05-TB/BTCTU", dt.date(2024, 3, 8)),
    ]
    signer = loaded.papers[1].signer
    assert signer is not None and signer.person.id is not None
    # The signer is the person who presided at the bridge point: one person, not two.
    assert signer.person.id == loaded.bridge_points[0].presiding[0].person.id
    assert [(a.person.name, a.reason) for a in loaded.absent] == [
        ("Lý Văn Hùng", "Đi công tác"),
        ("Triệu Đức Thắng", None),
    ]
    assert loaded.absent[0].person.id == loaded.bridge_points[0].attendees[1].person.id


def test_loading_fills_person_ids_one_per_name(db: Database, full_form: ConferenceForm) -> None:
    loaded = load_conference(db, save_conference(db, full_form))

    refs = [
        *(a.person for a in loaded.chairs),
        *(a.person for p in loaded.bridge_points for a in (*p.presiding, *p.attendees)),
        *(s.presenter.person for s in loaded.documents if s.presenter),
        *(i.speaker.person for i in loaded.instructions if i.speaker),
        *(a.person for a in loaded.absent),
        *(p.signer.person for p in loaded.papers if p.signer),
    ]
    assert loaded.secretary is not None
    refs.append(loaded.secretary.person)
    ids_by_name = {ref.name: ref.id for ref in refs}
    with db.reading() as session:
        stored = {name: id_ for name, id_ in session.execute(select(Person.name, Person.id))}
    assert ids_by_name == stored
    assert len(stored) == 9


def test_saving_keeps_the_catalogue_document_and_adds_the_inline_one(
    db: Database, full_form: ConferenceForm, catalogue_document: DocumentForm
) -> None:
    loaded = load_conference(db, save_conference(db, full_form))

    assert loaded.documents[1].document == catalogue_document
    assert [d.symbol for d in list_documents(db)] == ["12-HD/BTCTW", "21-KL/TW"]


def test_saving_creates_a_host_unit_that_did_not_exist(
    db: Database, full_form: ConferenceForm
) -> None:
    save_conference(db, full_form)

    with db.reading() as session:
        names = session.scalars(select(Unit.name).order_by(Unit.name)).all()
    assert names == ["Huyện ủy Ba Bể", "Tỉnh ủy Bắc Kạn"]


def test_saving_a_loaded_form_again_changes_nothing(
    db: Database, full_form: ConferenceForm
) -> None:
    loaded = load_conference(db, save_conference(db, full_form))
    before = dump(db)

    assert save_conference(db, loaded) == loaded.id

    assert dump(db) == before


def test_text_is_stored_nfc_and_stripped(db: Database) -> None:
    form = minimal(
        title=f"  {nfd('Hội nghị sơ kết')}\n",
        organizer=f" {nfd('Ban Tổ chức Tỉnh ủy')} ",
        chairs=(chair(f"\t{nfd(MAI)} ", f" {nfd('Trưởng ban')} "),),
        bridge_points=(BridgePointForm(f" {nfd('Điểm cầu Ba Bể')} ", unit=nfd(" Huyện ủy Ba Bể")),),
        instructions=(InstructionForm(f" {nfd('Khẩn trương triển khai.')} "),),
        notes=f"{nfd('Ghi chú')}  ",
    )

    loaded = load_conference(db, save_conference(db, form))

    assert (loaded.title, loaded.organizer, loaded.notes) == (
        "Hội nghị sơ kết",
        "Ban Tổ chức Tỉnh ủy",
        "Ghi chú",
    )
    assert loaded.chairs == (
        AppearanceForm(PersonRef(MAI, loaded.chairs[0].person.id), "Trưởng ban"),
    )
    assert (loaded.bridge_points[0].name, loaded.bridge_points[0].unit) == (
        "Điểm cầu Ba Bể",
        "Huyện ủy Ba Bể",
    )
    assert loaded.instructions[0].text == "Khẩn trương triển khai."


def test_nfd_name_finds_the_stored_nfc_person(db: Database) -> None:
    first = load_conference(db, save_conference(db, minimal(chairs=(chair(MAI),))))

    second = load_conference(db, save_conference(db, minimal(chairs=(chair(nfd(MAI)),))))

    assert second.chairs[0].person == first.chairs[0].person
    assert count(db, Person) == 1


def test_form_with_problems_is_refused_and_nothing_is_written(db: Database) -> None:
    before = dump(db)

    with pytest.raises(ValueError, match="problems"):
        save_conference(db, minimal(title=" ", chairs=(chair("Người mới"),)))

    assert dump(db) == before


def test_saving_an_unknown_id_raises_lookup_error_and_writes_nothing(db: Database) -> None:
    before = dump(db)

    with pytest.raises(LookupError):
        save_conference(db, minimal(id=999, chairs=(chair("Người mới"),)))

    assert dump(db) == before


def test_loading_an_unknown_id_raises_lookup_error(db: Database) -> None:
    with pytest.raises(LookupError):
        load_conference(db, 999)


# --- editing an imported conference with tasks ---------------------------------------------


def tasks_by_instruction(db: Database) -> dict[int, list[str]]:
    with db.reading() as session:
        rows = session.execute(select(Task.instruction_id, Task.title).order_by(Task.id)).all()
    grouped: dict[int, list[str]] = {}
    for instruction_id, title in rows:
        grouped.setdefault(instruction_id, []).append(title)
    return grouped


def instruction_rows(db: Database) -> list[tuple[int, int, str]]:
    with db.reading() as session:
        rows = session.execute(
            select(Instruction.id, Instruction.position, Instruction.text).order_by(
                Instruction.position
            )
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_loaded_instructions_count_their_tasks(db: Database, example_id: int) -> None:
    form = load_conference(db, example_id)

    assert [i.task_count for i in form.instructions] == [2, 1]


def test_reordered_and_edited_instructions_keep_their_tasks(db: Database, example_id: int) -> None:
    form = load_conference(db, example_id)
    first, second = form.instructions
    before = tasks_by_instruction(db)
    edited = dataclasses.replace(first, text="Quán triệt kịp thời, nghiêm túc.")

    save_conference(db, dataclasses.replace(form, instructions=(second, edited)))

    assert tasks_by_instruction(db) == before
    assert instruction_rows(db) == [
        (second.id, 0, second.text),
        (first.id, 1, "Quán triệt kịp thời, nghiêm túc."),
    ]


def test_removing_an_instruction_deletes_its_tasks(db: Database, example_id: int) -> None:
    form = load_conference(db, example_id)
    _, second = form.instructions
    assert second.id is not None

    save_conference(db, dataclasses.replace(form, instructions=(second,)))

    assert tasks_by_instruction(db) == {
        second.id: ["Tổng hợp, báo cáo khó khăn, vướng mắc khi thực hiện các văn bản mới"]
    }
    with db.engine.connect() as conn:
        supports = conn.execute(text("SELECT count(*) FROM task_support")).scalar()
        events = conn.execute(text("SELECT count(*) FROM task_event")).scalar()
    assert (supports, events) == (2, 0)


def test_new_instruction_between_kept_ones_gets_its_position(db: Database, example_id: int) -> None:
    form = load_conference(db, example_id)
    first, second = form.instructions
    added = InstructionForm("Rà soát quy hoạch cán bộ.")

    save_conference(db, dataclasses.replace(form, instructions=(first, added, second)))

    rows = instruction_rows(db)
    assert [(r[1], r[2]) for r in rows] == [
        (0, first.text),
        (1, "Rà soát quy hoạch cán bộ."),
        (2, second.text),
    ]
    assert (rows[0][0], rows[2][0]) == (first.id, second.id)


def test_new_name_used_as_chair_and_speaker_creates_one_person(
    db: Database, example_id: int
) -> None:
    form = load_conference(db, example_id)
    people_before = count(db, Person)
    newcomer = chair("Lê Minh Hưng", "Trưởng ban Tổ chức Trung ương")
    first, second = form.instructions

    save_conference(
        db,
        dataclasses.replace(
            form,
            chairs=(*form.chairs, newcomer),
            instructions=(first, dataclasses.replace(second, speaker=newcomer)),
        ),
    )

    assert count(db, Person) == people_before + 1
    loaded = load_conference(db, example_id)
    assert loaded.chairs[1].person == loaded.instructions[1].speaker.person  # type: ignore[union-attr]


def test_editing_one_conference_leaves_another_untouched(
    db: Database, example_id: int, full_form: ConferenceForm
) -> None:
    other_id = save_conference(db, full_form)
    other = load_conference(db, other_id)
    form = load_conference(db, example_id)

    save_conference(db, dataclasses.replace(form, instructions=form.instructions[::-1]))

    assert load_conference(db, other_id) == other


# --- trash ----------------------------------------------------------------------------------


def test_trashed_conference_leaves_the_list(db: Database, example_id: int) -> None:
    move_to_trash(db, [example_id])

    assert list_conferences(db) == []


def test_trashed_conference_is_not_exported(db: Database, example_id: int) -> None:
    move_to_trash(db, [example_id])

    assert export_exchange(db)["conferences"] == []


def test_trash_lists_the_trashed_conference(db: Database, example_id: int) -> None:
    form = load_conference(db, example_id)
    before = dt.datetime.now().replace(microsecond=0)

    move_to_trash(db, [example_id])

    (trashed,) = trash(db)
    assert (trashed.id, trashed.title, trashed.date) == (example_id, form.title, form.date)
    assert before <= trashed.deleted_at <= dt.datetime.now()


def test_restored_conference_comes_back_identical(db: Database, example_id: int) -> None:
    summaries = list_conferences(db, today=DAY)
    form = load_conference(db, example_id)
    exported = export_exchange(db)

    move_to_trash(db, [example_id])
    restore_from_trash(db, [example_id])

    assert trash(db) == []
    assert list_conferences(db, today=DAY) == summaries
    restored = load_conference(db, example_id)
    assert restored.version == (form.version or 0) + 2  # moved and restored: two changes
    assert dataclasses.replace(restored, version=form.version) == form
    assert export_exchange(db) == exported


def test_purge_ignores_a_conference_not_in_the_trash(db: Database, example_id: int) -> None:
    before = dump(db)

    purge_from_trash(db, [example_id])

    assert dump(db) == before


def test_purge_deletes_a_trashed_conference_and_its_tasks(db: Database, example_id: int) -> None:
    move_to_trash(db, [example_id])

    purge_from_trash(db, [example_id])

    tables = dump(db)
    empty = [
        "conference",
        "conference_chair",
        "bridge_point",
        "bridge_point_person",
        "studied_document",
        "instruction",
        "task",
        "task_support",
        "task_event",
    ]
    assert {name: tables[name] for name in empty} == {name: [] for name in empty}
    assert trash(db) == []
    with pytest.raises(LookupError):
        load_conference(db, example_id)


def test_purge_keeps_people_units_and_documents(db: Database, example_id: int) -> None:
    move_to_trash(db, [example_id])

    purge_from_trash(db, [example_id])

    assert (count(db, Person), count(db, Unit), count(db, Document)) == (2, 4, 4)
