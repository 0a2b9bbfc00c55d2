"""The directory of units and people: lists, edits and merges."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select

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
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.directory import (
    DirectoryError,
    PersonRow,
    UnitRow,
    list_people,
    list_units,
    merge_people,
    merge_units,
    save_person,
    save_unit,
)
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    BridgePoint,
    BridgePointPerson,
    Conference,
    ConferenceChair,
    Instruction,
    Person,
    StudiedDocument,
    Task,
    TaskSupport,
    Unit,
)
from tests.stores import foreign_key_problems

DAY = dt.date(2024, 3, 5)
TU = "Tỉnh ủy Bắc Kạn"
BTC = "Ban Tổ chức Tỉnh ủy Bắc Kạn"
HU = "Huyện ủy Ba Bể"


@pytest.fixture
def db(store: str) -> Iterator[Database]:
    database = Database.open(store)
    yield database
    database.close()


def appear(name: str, title: str | None = None) -> AppearanceForm:
    return AppearanceForm(PersonRef(name), title)


def person_id(db: Database, name: str, unit: str | None = None) -> int:
    with db.reading() as session:
        query = select(Person.id).where(Person.name == name)
        if unit is None:
            query = query.where(Person.unit_id.is_(None))
        else:
            query = query.join(Unit).where(Unit.name == unit)
        return session.scalars(query).one()


def unit_id(db: Database, name: str) -> int:
    with db.reading() as session:
        return session.scalars(select(Unit.id).where(Unit.name == name)).one()


def add_task(
    db: Database,
    conference_id: int,
    title: str,
    lead: str,
    supports: tuple[str, ...] = (),
    owner: int | None = None,
) -> int:
    with db.transaction() as session:
        instruction_id = session.scalars(
            select(Instruction.id)
            .where(Instruction.conference_id == conference_id)
            .order_by(Instruction.position)
        ).first()
        assert instruction_id is not None
        units = dict(session.execute(select(Unit.name, Unit.id)).all())
        task = Task(
            instruction_id=instruction_id,
            title=title,
            lead_unit_id=units[lead],
            owner_id=owner,
            assigned_on=DAY,
            supports=[
                TaskSupport(unit_id=units[name], position=i) for i, name in enumerate(supports)
            ],
        )
        session.add(task)
        session.flush()
        return task.id


# --- save_unit and save_person ------------------------------------------------------------


def test_unit_with_a_blank_name_is_refused(db: Database) -> None:
    with pytest.raises(DirectoryError) as refused:
        save_unit(db, None, "  ", "ban", None)

    assert refused.value.code == "required"
    assert list_units(db) == []


def test_unit_with_a_taken_name_is_refused(db: Database) -> None:
    save_unit(db, None, TU, "tỉnh ủy", None)

    with pytest.raises(DirectoryError) as refused:
        save_unit(db, None, f" {TU} ", "ban", None)

    assert refused.value.code == "exists"


def test_renaming_a_unit_to_a_taken_name_is_refused(db: Database) -> None:
    save_unit(db, None, TU, "tỉnh ủy", None)
    other = save_unit(db, None, HU, "huyện ủy", None)

    with pytest.raises(DirectoryError) as refused:
        save_unit(db, other, TU, "huyện ủy", None)

    assert refused.value.code == "exists"


def test_saving_a_unit_under_its_own_name_is_allowed(db: Database) -> None:
    unit = save_unit(db, None, HU, "huyện ủy", None)

    assert save_unit(db, unit, HU, "huyện ủy", TU) == unit

    assert sorted(list_units(db), key=lambda u: u.name) == [
        UnitRow(unit, HU, "huyện ủy", TU, 0, 0),
        UnitRow(unit_id(db, TU), TU, None, None, 0, 0),
    ]


def test_unit_as_its_own_parent_is_a_cycle(db: Database) -> None:
    unit = save_unit(db, None, TU, "tỉnh ủy", None)

    with pytest.raises(DirectoryError) as refused:
        save_unit(db, unit, TU, "tỉnh ủy", TU)

    assert refused.value.code == "cycle"


def test_unit_under_its_own_child_is_a_cycle(db: Database) -> None:
    parent = save_unit(db, None, TU, "tỉnh ủy", None)
    save_unit(db, None, HU, "huyện ủy", TU)

    with pytest.raises(DirectoryError) as refused:
        save_unit(db, parent, TU, "tỉnh ủy", HU)

    assert refused.value.code == "cycle"
    assert {u.name: u.parent for u in list_units(db)} == {TU: None, HU: TU}


def test_new_parent_named_for_a_unit_is_created(db: Database) -> None:
    save_unit(db, None, HU, "huyện ủy", f" {TU} ")

    assert sorted((u.name, u.parent) for u in list_units(db)) == [(HU, TU), (TU, None)]


def test_person_with_a_taken_name_and_unit_is_refused(db: Database) -> None:
    save_person(db, None, "Hoàng Duy Chinh", TU)

    with pytest.raises(DirectoryError) as refused:
        save_person(db, None, "Hoàng Duy Chinh ", TU)

    assert refused.value.code == "exists"


def test_person_without_unit_with_a_taken_name_is_refused(db: Database) -> None:
    save_person(db, None, "Trương Thị Mai", None)

    with pytest.raises(DirectoryError) as refused:
        save_person(db, None, "Trương Thị Mai", " ")

    assert refused.value.code == "exists"


def test_same_name_in_another_unit_is_another_person(db: Database) -> None:
    first = save_person(db, None, "Lý Văn Hùng", TU)

    second = save_person(db, None, "Lý Văn Hùng", HU)

    assert sorted(p.label() for p in list_people(db)) == [
        "Lý Văn Hùng (Huyện ủy Ba Bể)",
        "Lý Văn Hùng (Tỉnh ủy Bắc Kạn)",
    ]
    assert first != second


def test_person_with_a_blank_name_is_refused(db: Database) -> None:
    with pytest.raises(DirectoryError) as refused:
        save_person(db, None, "\t", TU)

    assert refused.value.code == "required"


# --- counts ---------------------------------------------------------------------------------


@pytest.fixture
def recorded(db: Database) -> int:
    """A conference where Mai chairs and speaks, Chinh presides, Hùng attends twice."""
    conference_id = save_conference(
        db,
        ConferenceForm(
            title="Hội nghị giao ban công tác tổ chức",
            date=DAY,
            secretary=appear("Nông Thị Thư"),
            chairs=(appear("Trương Thị Mai", "Trưởng ban"),),
            bridge_points=(
                BridgePointForm(
                    "Điểm cầu tỉnh Bắc Kạn",
                    unit=TU,
                    presiding=(appear("Hoàng Duy Chinh"),),
                    attendees=(appear("Lý Văn Hùng"),),
                ),
                BridgePointForm(
                    "Điểm cầu huyện Ba Bể", unit=HU, attendees=(appear("Lý Văn Hùng"),)
                ),
            ),
            documents=(
                StudiedForm(DocumentForm("Quy định", "96", "96-QĐ/TW"), appear("Hoàng Duy Chinh")),
            ),
            instructions=(InstructionForm("Triển khai ngay.", appear("Trương Thị Mai")),),
        ),
    )
    save_unit(db, None, BTC, "ban", TU)
    return conference_id


def test_people_count_their_appearances(db: Database, recorded: int) -> None:
    add_task(db, recorded, "Báo cáo kết quả", BTC, owner=person_id(db, "Lý Văn Hùng"))

    counts = {p.name: p.appearances for p in list_people(db)}

    assert counts == {
        "Nông Thị Thư": 1,
        "Trương Thị Mai": 2,
        "Hoàng Duy Chinh": 2,
        "Lý Văn Hùng": 3,
    }


def test_units_count_their_people_and_the_tasks_they_lead(db: Database, recorded: int) -> None:
    save_person(db, None, "Hà Văn Điện", HU)
    save_person(db, None, "Lý Thị Hoa", HU)
    save_person(db, None, "Đỗ Văn Nam", BTC)
    add_task(db, recorded, "Quán triệt tới chi bộ", HU, supports=(BTC,))
    add_task(db, recorded, "Tổng hợp khó khăn", BTC, supports=(HU,))
    add_task(db, recorded, "Lập kế hoạch", BTC)

    rows = sorted(list_units(db), key=lambda u: u.name)

    assert [(u.name, u.parent, u.people, u.tasks) for u in rows] == [
        (BTC, TU, 1, 2),
        (HU, None, 2, 1),
        (TU, None, 0, 0),
    ]


def test_person_label_names_the_unit_when_there_is_one() -> None:
    assert PersonRow(1, "Hà Văn Điện", HU, 0).label() == "Hà Văn Điện (Huyện ủy Ba Bể)"
    assert PersonRow(2, "Trương Thị Mai", None, 0).label() == "Trương Thị Mai"


# --- merge_people ---------------------------------------------------------------------------


@pytest.fixture
def misspelt(db: Database) -> tuple[int, int, int]:
    """Chinh is recorded once correctly (chair) and once misspelt in every other role.

    Returns (conference id, the right person, the misspelt person).
    """
    wrong = appear("Hoàng Duy Chính", "Bí thư Tỉnh ủy")
    conference_id = save_conference(
        db,
        ConferenceForm(
            title="Hội nghị sơ kết",
            date=DAY,
            secretary=wrong,
            chairs=(appear("Hoàng Duy Chinh", "Bí thư Tỉnh ủy"),),
            bridge_points=(
                BridgePointForm("Điểm cầu tỉnh", presiding=(wrong,), attendees=(wrong,)),
            ),
            documents=(StudiedForm(DocumentForm("Quy định", "96", "96-QĐ/TW"), wrong),),
            instructions=(InstructionForm("Triển khai ngay.", wrong),),
        ),
    )
    save_unit(db, None, TU, "tỉnh ủy", None)
    wrong_id = person_id(db, "Hoàng Duy Chính")
    add_task(db, conference_id, "Lập kế hoạch", TU, owner=wrong_id)
    return conference_id, person_id(db, "Hoàng Duy Chinh"), wrong_id


def references(db: Database) -> dict[str, list[int | None]]:
    with db.reading() as session:
        columns = {
            "chair": ConferenceChair.person_id,
            "bridge_point_person": BridgePointPerson.person_id,
            "presenter": StudiedDocument.presenter_id,
            "speaker": Instruction.speaker_id,
            "secretary": Conference.secretary_id,
            "owner": Task.owner_id,
        }
        return {
            name: list(session.scalars(select(column).order_by(column)))
            for name, column in columns.items()
        }


def test_merging_people_moves_every_reference(db: Database, misspelt: tuple[int, int, int]) -> None:
    _, right, wrong = misspelt

    merge_people(db, right, wrong)

    assert references(db) == {
        "chair": [right],
        "bridge_point_person": [right, right],
        "presenter": [right],
        "speaker": [right],
        "secretary": [right],
        "owner": [right],
    }
    assert foreign_key_problems(db) == []


def test_merging_people_moves_absences_and_signers_of_papers(db: Database) -> None:
    wrong = AppearanceForm(PersonRef("Hoàng Duy Chính"), "Phó Trưởng ban")
    conference_id = save_conference(
        db,
        ConferenceForm(
            title="Hội nghị sơ kết",
            date=DAY,
            chairs=(AppearanceForm(PersonRef("Hoàng Duy Chinh")),),
            absent=(AbsenceForm(wrong.person, None, "Đi công tác"),),
            papers=(PaperForm("notice", "05-TB/BTCTU", DAY, wrong, "K/T TRƯỞNG BAN"),),
        ),
    )
    right, wrong_id = person_id(db, "Hoàng Duy Chinh"), person_id(db, "Hoàng Duy Chính")

    merge_people(db, right, wrong_id)

    loaded = load_conference(db, conference_id)
    signer = loaded.papers[0].signer
    assert [a.person.id for a in loaded.absent] == [right]
    assert signer is not None and signer.person.id == right
    assert [(p.id, p.appearances) for p in list_people(db)] == [(right, 3)]


def test_merged_person_is_deleted(db: Database, misspelt: tuple[int, int, int]) -> None:
    _, right, wrong = misspelt

    merge_people(db, right, wrong)

    assert [(p.id, p.name, p.appearances) for p in list_people(db)] == [
        (right, "Hoàng Duy Chinh", 7)
    ]


def test_people_who_chaired_together_merge_into_one_chair(db: Database) -> None:
    conference_id = save_conference(
        db,
        ConferenceForm(
            title="Hội nghị tổng kết",
            date=DAY,
            chairs=(
                appear("Trương Thị Mai", "Trưởng ban"),
                appear("Hoàng Đăng Quang"),
                appear("Truong Thi Mai", "Trưởng ban Tổ chức"),
            ),
        ),
    )
    right, wrong = person_id(db, "Trương Thị Mai"), person_id(db, "Truong Thi Mai")

    merge_people(db, right, wrong)

    chairs = load_conference(db, conference_id).chairs
    assert [(a.person.name, a.title) for a in chairs] == [
        ("Trương Thị Mai", "Trưởng ban"),
        ("Hoàng Đăng Quang", None),
    ]
    assert foreign_key_problems(db) == []


def test_merging_a_person_into_itself_is_refused(
    db: Database, misspelt: tuple[int, int, int]
) -> None:
    _, right, _ = misspelt

    with pytest.raises(DirectoryError) as refused:
        merge_people(db, right, right)

    assert refused.value.code == "same"


# --- merge_units ----------------------------------------------------------------------------

KEEP = "Ban Tổ chức Tỉnh ủy"
REMOVE = "Ban Tổ chức TU"


@pytest.fixture
def two_spellings(db: Database) -> dict[str, int]:
    """One unit under two names, each with people, tasks, children and a bridge point.

    Returns the ids of the tasks by title.
    """
    conference_id = save_conference(
        db,
        ConferenceForm(
            title="Hội nghị giao ban",
            date=DAY,
            bridge_points=(
                BridgePointForm("Điểm cầu Ban Tổ chức", unit=REMOVE),
                BridgePointForm("Điểm cầu Huyện ủy", unit=HU),
            ),
            instructions=(InstructionForm("Triển khai ngay."),),
        ),
    )
    save_unit(db, None, KEEP, "ban", TU)
    save_unit(db, None, "Phòng Tổ chức cán bộ", None, REMOVE)
    for name, unit in (
        ("Lê Văn Bình", KEEP),
        ("Lê Văn Bình", REMOVE),
        ("Hà Thị Cúc", REMOVE),
        ("Đỗ Văn Nam", KEEP),
    ):
        save_person(db, None, name, unit)
    owner = person_id(db, "Lê Văn Bình", REMOVE)
    return {
        "led by remove": add_task(db, conference_id, "A", REMOVE, owner=owner),
        "supported by both": add_task(db, conference_id, "B", HU, supports=(REMOVE, TU, KEEP)),
        "keep supported by remove": add_task(db, conference_id, "C", KEEP, supports=(REMOVE, HU)),
        "supported by remove": add_task(db, conference_id, "D", HU, supports=(REMOVE,)),
    }


def supports_by_task(db: Database) -> dict[int, list[str]]:
    with db.reading() as session:
        rows = session.execute(
            select(TaskSupport.task_id, Unit.name)
            .join(Unit, TaskSupport.unit_id == Unit.id)
            .order_by(TaskSupport.task_id, TaskSupport.position)
        ).all()
    grouped: dict[int, list[str]] = {}
    for task_id, name in rows:
        grouped.setdefault(task_id, []).append(name)
    return grouped


def test_merging_units_moves_bridge_points(db: Database, two_spellings: dict[str, int]) -> None:
    merge_units(db, unit_id(db, KEEP), unit_id(db, REMOVE))

    with db.reading() as session:
        rows = session.execute(
            select(BridgePoint.name, Unit.name).join(Unit).order_by(BridgePoint.position)
        ).all()
    assert [tuple(r) for r in rows] == [("Điểm cầu Ban Tổ chức", KEEP), ("Điểm cầu Huyện ủy", HU)]
    assert foreign_key_problems(db) == []


def test_merging_units_moves_lead_units(db: Database, two_spellings: dict[str, int]) -> None:
    merge_units(db, unit_id(db, KEEP), unit_id(db, REMOVE))

    with db.reading() as session:
        leads = dict(session.execute(select(Task.id, Task.lead_unit_id)).all())
    keep, hu = unit_id(db, KEEP), unit_id(db, HU)
    assert leads == {
        two_spellings["led by remove"]: keep,
        two_spellings["supported by both"]: hu,
        two_spellings["keep supported by remove"]: keep,
        two_spellings["supported by remove"]: hu,
    }
    assert foreign_key_problems(db) == []


def test_merging_units_moves_supports_without_duplicates_or_the_lead(
    db: Database, two_spellings: dict[str, int]
) -> None:
    merge_units(db, unit_id(db, KEEP), unit_id(db, REMOVE))

    assert supports_by_task(db) == {
        two_spellings["supported by both"]: [TU, KEEP],
        two_spellings["keep supported by remove"]: [HU],
        two_spellings["supported by remove"]: [KEEP],
    }
    assert foreign_key_problems(db) == []


def test_merging_units_moves_children_and_people(
    db: Database, two_spellings: dict[str, int]
) -> None:
    merge_units(db, unit_id(db, KEEP), unit_id(db, REMOVE))

    assert sorted((u.name, u.parent, u.people, u.tasks) for u in list_units(db)) == [
        (KEEP, TU, 3, 2),
        (HU, None, 0, 2),
        ("Phòng Tổ chức cán bộ", KEEP, 0, 0),
        (TU, None, 0, 0),
    ]
    assert foreign_key_problems(db) == []


def test_same_name_in_merged_units_becomes_one_person(
    db: Database, two_spellings: dict[str, int]
) -> None:
    kept = person_id(db, "Lê Văn Bình", KEEP)

    merge_units(db, unit_id(db, KEEP), unit_id(db, REMOVE))

    assert sorted((p.name, p.unit, p.appearances) for p in list_people(db)) == [
        ("Hà Thị Cúc", KEEP, 0),
        ("Lê Văn Bình", KEEP, 1),
        ("Đỗ Văn Nam", KEEP, 0),
    ]
    with db.reading() as session:
        owner = session.scalar(
            select(Task.owner_id).where(Task.id == two_spellings["led by remove"])
        )
    assert owner == kept
    assert foreign_key_problems(db) == []


def test_unit_merged_into_its_child_leaves_the_child_in_its_place(db: Database) -> None:
    save_unit(db, None, TU, "tỉnh ủy", None)
    parent = save_unit(db, None, REMOVE, "ban", TU)
    child = save_unit(db, None, KEEP, "ban", REMOVE)

    merge_units(db, child, parent)

    assert sorted((u.name, u.parent) for u in list_units(db)) == [(KEEP, TU), (TU, None)]


def test_unit_merged_into_its_grandchild_leaves_no_loop(db: Database) -> None:
    save_unit(db, None, TU, "tỉnh ủy", None)
    grandparent = save_unit(db, None, REMOVE, "ban", TU)
    save_unit(db, None, "Phòng Tổ chức", None, REMOVE)
    grandchild = save_unit(db, None, KEEP, "ban", "Phòng Tổ chức")

    merge_units(db, grandchild, grandparent)

    assert sorted((u.name, u.parent) for u in list_units(db)) == [
        (KEEP, TU),
        ("Phòng Tổ chức", KEEP),
        (TU, None),
    ]


def test_merging_a_unit_into_itself_is_refused(db: Database) -> None:
    unit = save_unit(db, None, TU, "tỉnh ủy", None)

    with pytest.raises(DirectoryError) as refused:
        merge_units(db, unit, unit)

    assert refused.value.code == "same"
