"""Units and people: lists, edits, and merging two spellings of one into one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from minutes_app.base.text import clean
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    Absence,
    BridgePoint,
    BridgePointPerson,
    Conference,
    ConferenceChair,
    Instruction,
    IssuedPaper,
    Person,
    StudiedDocument,
    Task,
    TaskSupport,
    Unit,
)


class DirectoryError(ValueError):
    """An edit that cannot be made; ``code`` says why: required, exists, same, cycle."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class UnitRow:
    id: int
    name: str
    kind: str | None
    parent: str | None
    people: int
    tasks: int


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    unit: str | None
    appearances: int

    def label(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name


def unit_choices(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every unit, without the counts ``list_units`` adds: for lists to
    choose one from."""
    with db.reading() as session:
        return [(r.id, r.name) for r in session.execute(select(Unit.id, Unit.name))]


def list_units(db: Database) -> list[UnitRow]:
    with db.reading() as session:
        people = dict(
            session.execute(select(Person.unit_id, func.count()).group_by(Person.unit_id)).all()
        )
        tasks = dict(
            session.execute(
                select(Task.lead_unit_id, func.count()).group_by(Task.lead_unit_id)
            ).all()
        )
        names = dict(session.execute(select(Unit.id, Unit.name)).all())
        rows = session.execute(select(Unit.id, Unit.name, Unit.kind, Unit.parent_id)).all()
    return [
        UnitRow(
            id=r.id,
            name=r.name,
            kind=r.kind,
            parent=names.get(r.parent_id) if r.parent_id else None,
            people=people.get(r.id, 0),
            tasks=tasks.get(r.id, 0),
        )
        for r in rows
    ]


def list_people(db: Database) -> list[PersonRow]:
    with db.reading() as session:
        counts: dict[int, int] = {}
        for column in (
            ConferenceChair.person_id,
            BridgePointPerson.person_id,
            StudiedDocument.presenter_id,
            Instruction.speaker_id,
            Conference.secretary_id,
            Task.owner_id,
            Absence.person_id,
            IssuedPaper.signer_id,
        ):
            for person_id, n in session.execute(
                select(column, func.count()).where(column.is_not(None)).group_by(column)
            ):
                if person_id is not None:
                    counts[person_id] = counts.get(person_id, 0) + n
        rows = session.execute(
            select(Person.id, Person.name, Unit.name.label("unit")).outerjoin(Unit)
        ).all()
    return [PersonRow(r.id, r.name, r.unit, counts.get(r.id, 0)) for r in rows]


def _unit_by_name(session: Session, name: str | None) -> Unit | None:
    name = clean(name)
    if name is None:
        return None
    unit = session.scalars(select(Unit).where(Unit.name == name)).one_or_none()
    if unit is None:
        unit = Unit(name=name)
        session.add(unit)
        session.flush()
    return unit


def save_unit(
    db: Database, unit_id: int | None, name: str, kind: str | None, parent: str | None
) -> int:
    """Create (``unit_id`` None) or change a unit; the parent is named, created if new."""
    name_ = clean(name)
    if name_ is None:
        raise DirectoryError("required")
    with db.transaction() as session:
        clash = session.scalars(select(Unit).where(Unit.name == name_)).one_or_none()
        if clash is not None and clash.id != unit_id:
            raise DirectoryError("exists")
        unit = Unit(name=name_) if unit_id is None else session.get(Unit, unit_id)
        if unit is None:
            raise LookupError(unit_id)
        session.add(unit)
        unit.name = name_
        unit.kind = clean(kind)
        parent_unit = _unit_by_name(session, parent) if clean(parent) != name_ else unit
        session.flush()
        if parent_unit is not None and (
            parent_unit.id == unit.id or unit.id in _ancestors(session, parent_unit.id)
        ):
            raise DirectoryError("cycle")
        unit.parent = parent_unit
        session.flush()
        return unit.id


def save_person(db: Database, person_id: int | None, name: str, unit: str | None) -> int:
    name_ = clean(name)
    if name_ is None:
        raise DirectoryError("required")
    with db.transaction() as session:
        unit_row = _unit_by_name(session, unit)
        clash = session.scalars(
            select(Person).where(
                Person.name == name_,
                Person.unit_id.is_(None) if unit_row is None else Person.unit_id == unit_row.id,
            )
        ).one_or_none()
        if clash is not None and clash.id != person_id:
            raise DirectoryError("exists")
        person = Person(name=name_) if person_id is None else session.get(Person, person_id)
        if person is None:
            raise LookupError(person_id)
        session.add(person)
        person.name = name_
        person.unit = unit_row
        session.flush()
        return person.id


def merge_people(db: Database, keep_id: int, remove_id: int) -> None:
    """Make ``remove_id`` the same person as ``keep_id``: every reference moves, then it goes."""
    if keep_id == remove_id:
        raise DirectoryError("same")
    with db.transaction() as session:
        _merge_people(session, keep_id, remove_id)


def _merge_people(session: Session, keep_id: int, remove_id: int) -> None:
    # A conference chaired by both spellings keeps one chair row.
    both = select(ConferenceChair.conference_id).where(ConferenceChair.person_id == keep_id)
    session.execute(
        delete(ConferenceChair).where(
            ConferenceChair.person_id == remove_id, ConferenceChair.conference_id.in_(both)
        )
    )
    for column in (
        ConferenceChair.person_id,
        BridgePointPerson.person_id,
        StudiedDocument.presenter_id,
        Instruction.speaker_id,
        Conference.secretary_id,
        Task.owner_id,
        Absence.person_id,
        IssuedPaper.signer_id,
    ):
        session.execute(update(column.class_).where(column == remove_id).values({column: keep_id}))
    session.execute(delete(Person).where(Person.id == remove_id))


def _ancestors(session: Session, unit_id: int) -> dict[int, None]:
    """The ids above ``unit_id``, nearest first (a dict, for order and quick lookup).

    The whole tree is read in one query and walked in memory: a unit at the bottom of a
    chain of 200,000 costs one query, not one per level. A loop already stored (a file
    edited by hand) ends the walk where it closes.
    """
    parent_of: dict[int, int | None] = {
        unit: parent for unit, parent in session.execute(select(Unit.id, Unit.parent_id))
    }
    chain: dict[int, None] = {}
    current = parent_of.get(unit_id)
    while current is not None and current not in chain and current != unit_id:
        chain[current] = None
        current = parent_of.get(current)
    return chain


def merge_units(db: Database, keep_id: int, remove_id: int) -> None:
    """Make ``remove_id`` the same unit as ``keep_id``; people who then share a name and unit
    become one person too."""
    if keep_id == remove_id:
        raise DirectoryError("same")
    with db.transaction() as session:
        # A task supported by both keeps one support row; one led by keep drops keep's support.
        session.execute(
            delete(TaskSupport).where(
                TaskSupport.unit_id == remove_id,
                TaskSupport.task_id.in_(
                    select(TaskSupport.task_id).where(TaskSupport.unit_id == keep_id)
                ),
            )
        )
        for column in (BridgePoint.unit_id, Task.lead_unit_id, TaskSupport.unit_id):
            session.execute(
                update(column.class_).where(column == remove_id).values({column: keep_id})
            )
        session.execute(
            delete(TaskSupport).where(
                TaskSupport.unit_id == keep_id,
                TaskSupport.task_id.in_(select(Task.id).where(Task.lead_unit_id == keep_id)),
            )
        )
        if remove_id in _ancestors(session, keep_id):
            # keep sits below remove, so handing it remove's children would close a loop
            # (keep → … → keep): it takes remove's place in the tree instead.
            remove_parent = session.scalar(select(Unit.parent_id).where(Unit.id == remove_id))
            session.execute(update(Unit).where(Unit.id == keep_id).values(parent_id=remove_parent))
        session.execute(update(Unit).where(Unit.parent_id == remove_id).values(parent_id=keep_id))
        session.execute(
            update(Unit).where(Unit.id == keep_id, Unit.parent_id == keep_id).values(parent_id=None)
        )
        keep_people = {
            p.name: p.id for p in session.scalars(select(Person).where(Person.unit_id == keep_id))
        }
        for person in session.scalars(select(Person).where(Person.unit_id == remove_id)).all():
            if person.name in keep_people:
                _merge_people(session, keep_people[person.name], person.id)
            else:
                person.unit_id = keep_id
        session.flush()
        session.execute(delete(Unit).where(Unit.id == remove_id))
        if session.get(Unit, keep_id) is None:
            raise LookupError(keep_id)
