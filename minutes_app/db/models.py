"""The tables: every kind of record minutes-app holds, with integrity in the schema."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    column,
    event,
    func,
    text,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from minutes_app.base.text import fold

# Stable constraint names let Alembic's batch mode find and alter them on SQLite.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

MODES = ("online", "in_person", "hybrid")
SESSIONS = ("morning", "afternoon", "evening")
TASK_STATUSES = ("open", "in_progress", "done", "cancelled")
EVENT_KINDS = (
    "created",
    "progress",
    "deadline_changed",
    "completed",
    "reopened",
    "cancelled",
    "note",
)
PERSON_ROLES = ("presiding", "attendee")
PAPER_KINDS = ("minutes", "notice")  # biên bản, thông báo (FORMAT.md Paper)
# What a change-log entry records (CONTRACT.md, history): a conference moved to the trash is
# deleted, one taken out of it restored.
CHANGE_ACTIONS = ("insert", "update", "delete", "restore")
# The office's roles (CONTRACT.md, Office mode); a file's lone clerk may do everything.
OFFICE_ROLES = ("admin", "clerk", "leader", "unit")

NO_DEADLINE = "9999-12-31"  # sorts after every real deadline


def new_uid() -> str:
    """A record's identity across files and databases (FORMAT.md): a random UUID."""
    return str(uuid.uuid4())


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _not_blank(column: str) -> str:
    return f"length(trim({column})) > 0"


class _Hhmm(FunctionElement[bool]):
    """The check that a column holds a time as HH:MM (or nothing): SQLite's GLOB,
    PostgreSQL's regular expression; the same text as migration 0001 wrote on SQLite."""

    inherit_cache = True


@compiles(_Hhmm)
def _hhmm_glob(element: _Hhmm, compiler: SQLCompiler, **kw: Any) -> str:
    name = compiler.process(element.clauses, **kw)
    return f"{name} IS NULL OR {name} GLOB '[0-2][0-9]:[0-5][0-9]'"


@compiles(_Hhmm, "postgresql")
def _hhmm_pattern(element: _Hhmm, compiler: SQLCompiler, **kw: Any) -> str:
    name = compiler.process(element.clauses, **kw)
    return f"{name} IS NULL OR {name} ~ '^[0-2][0-9]:[0-5][0-9]$'"


class _OrNoDay(FunctionElement[str]):
    """A day, or what stands for none in a unique index: '' on SQLite (days are text
    there, as migration 0001 wrote it), a day before every day on PostgreSQL."""

    inherit_cache = True


@compiles(_OrNoDay)
def _or_empty(element: _OrNoDay, compiler: SQLCompiler, **kw: Any) -> str:
    return f"coalesce({compiler.process(element.clauses, **kw)}, '')"


@compiles(_OrNoDay, "postgresql")
def _or_minus_infinity(element: _OrNoDay, compiler: SQLCompiler, **kw: Any) -> str:
    return f"coalesce({compiler.process(element.clauses, **kw)}, '-infinity'::date)"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Unit(Base):
    """An organisation that hosts a bridge point or owns a task."""

    __tablename__ = "unit"
    __table_args__ = (CheckConstraint(_not_blank("name"), name="name_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    kind: Mapped[str | None] = mapped_column(String)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))

    parent: Mapped[Unit | None] = relationship(remote_side=[id])


class Person(Base):
    """A person as written in the records; titles belong to each appearance."""

    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint(_not_blank("name"), name="name_not_blank"),
        # NULLs are distinct in a UNIQUE constraint, so the identity needs an expression index.
        Index("uq_person_name_unit", "name", text("coalesce(unit_id, 0)"), unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))

    unit: Mapped[Unit | None] = relationship()


class Document(Base):
    """A directive, regulation, guide or conclusion that can be studied."""

    __tablename__ = "document"
    __table_args__ = (
        CheckConstraint(_not_blank("kind"), name="kind_not_blank"),
        CheckConstraint(_not_blank("number"), name="number_not_blank"),
        CheckConstraint("symbol IS NULL OR " + _not_blank("symbol"), name="symbol_not_blank"),
        # Party numbering restarts each term: (symbol or number, date) is the identity.
        Index(
            "uq_document_identity",
            text("coalesce(symbol, number)"),
            _OrNoDay(column("issued_on")),
            unique=True,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String)
    symbol: Mapped[str | None] = mapped_column(String)
    number: Mapped[str] = mapped_column(String)
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(String)
    subject: Mapped[str | None] = mapped_column(Text)


class Conference(Base):
    """One conference: who chaired, where, what was studied and what was instructed."""

    __tablename__ = "conference"
    __table_args__ = (
        CheckConstraint(_not_blank("title"), name="title_not_blank"),
        CheckConstraint(_one_of("mode", MODES), name="mode_known"),
        CheckConstraint("session IS NULL OR " + _one_of("session", SESSIONS), name="session_known"),
        CheckConstraint(_Hhmm(column("start_time")), name="start_time_hhmm"),
        CheckConstraint(_Hhmm(column("end_time")), name="end_time_hhmm"),
        Index("ix_conference_date", "date"),
        Index("uq_conference_uid", "uid", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = mapped_column(String(36), default=new_uid)
    title: Mapped[str] = mapped_column(String)
    kind: Mapped[str | None] = mapped_column(String)
    mode: Mapped[str] = mapped_column(String, default="online", server_default="online")
    organizer: Mapped[str | None] = mapped_column(String)
    date: Mapped[dt.date] = mapped_column(Date)
    session: Mapped[str | None] = mapped_column(String)
    start_time: Mapped[str | None] = mapped_column(String(5))
    end_time: Mapped[str | None] = mapped_column(String(5))
    host_point: Mapped[str | None] = mapped_column(String)
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    secretary_title: Mapped[str | None] = mapped_column(String)
    discussion: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )
    # Set when the clerk deletes the conference: it sits in the trash until restored or purged.
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Grows with every change (SQLAlchemy adds 1 on each UPDATE and checks it): a save from
    # a copy that read an older version is refused (core/versions.py).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str | None] = mapped_column(String)
    # Signed off (the minutes are final): the record is read-only until reopened with a
    # reason (core/conferences/sign_off.py; the server's triggers refuse it too).
    signed_off_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    signed_off_by: Mapped[str | None] = mapped_column(String)
    reopen_reason: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it once)

    secretary: Mapped[Person | None] = relationship()
    chairs: Mapped[list[ConferenceChair]] = relationship(
        back_populates="conference",
        cascade="all, delete-orphan",
        order_by="ConferenceChair.position",
    )
    bridge_points: Mapped[list[BridgePoint]] = relationship(
        back_populates="conference",
        cascade="all, delete-orphan",
        order_by="BridgePoint.position",
    )
    documents_studied: Mapped[list[StudiedDocument]] = relationship(
        back_populates="conference",
        cascade="all, delete-orphan",
        order_by="StudiedDocument.position",
    )
    instructions: Mapped[list[Instruction]] = relationship(
        back_populates="conference",
        cascade="all, delete-orphan",
        order_by="Instruction.position",
    )
    absences: Mapped[list[Absence]] = relationship(
        back_populates="conference",
        cascade="all, delete-orphan",
        order_by="Absence.position",
    )
    papers: Mapped[list[IssuedPaper]] = relationship(
        back_populates="conference",
        cascade="all, delete-orphan",
        order_by="IssuedPaper.position",
    )


class ConferenceChair(Base):
    """A person who chaired a conference, with the title held that day."""

    __tablename__ = "conference_chair"
    __table_args__ = (UniqueConstraint("conference_id", "person_id"),)

    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conference.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str | None] = mapped_column(String)

    conference: Mapped[Conference] = relationship(back_populates="chairs")
    person: Mapped[Person] = relationship()


class BridgePoint(Base):
    """A connected location (điểm cầu) and the delegation that attended there."""

    __tablename__ = "bridge_point"
    __table_args__ = (
        UniqueConstraint("conference_id", "position"),
        CheckConstraint(_not_blank("name"), name="name_not_blank"),
        CheckConstraint(
            "attendee_count IS NULL OR attendee_count >= 0", name="attendee_count_not_negative"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String)
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    attendee_count: Mapped[int | None] = mapped_column(Integer)

    conference: Mapped[Conference] = relationship(back_populates="bridge_points")
    unit: Mapped[Unit | None] = relationship()
    people: Mapped[list[BridgePointPerson]] = relationship(
        back_populates="bridge_point",
        cascade="all, delete-orphan",
        order_by="(BridgePointPerson.role, BridgePointPerson.position)",
    )


class BridgePointPerson(Base):
    """Someone who presided over or attended at a bridge point."""

    __tablename__ = "bridge_point_person"
    __table_args__ = (CheckConstraint(_one_of("role", PERSON_ROLES), name="role_known"),)

    bridge_point_id: Mapped[int] = mapped_column(
        ForeignKey("bridge_point.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str | None] = mapped_column(String)

    bridge_point: Mapped[BridgePoint] = relationship(back_populates="people")
    person: Mapped[Person] = relationship()


class Absence(Base):
    """An expected participant who did not attend (vắng mặt), with the reason given."""

    __tablename__ = "absence"

    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conference.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str | None] = mapped_column(String)
    reason: Mapped[str | None] = mapped_column(Text)

    conference: Mapped[Conference] = relationship(back_populates="absences")
    person: Mapped[Person] = relationship()


class IssuedPaper(Base):
    """A paper issued from a conference (its minutes, its notice) with the number it was
    registered under and its date of issue; who signed it, and with what authority, when
    recorded."""

    __tablename__ = "issued_paper"
    __table_args__ = (
        CheckConstraint(_one_of("kind", PAPER_KINDS), name="kind_known"),
        CheckConstraint(_not_blank("number"), name="number_not_blank"),
        # The register of issued papers: the numbers of one kind in one year.
        Index("ix_issued_paper_kind_issued_on", "kind", "issued_on"),
    )

    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conference.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String)
    number: Mapped[str] = mapped_column(String)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    signer_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True
    )
    signer_title: Mapped[str | None] = mapped_column(String)
    authority: Mapped[str | None] = mapped_column(String)
    # When the minutes it was issued from were signed off (core/conferences/sign_off.py):
    # the register says which papers were issued from final minutes.
    signed_off_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    conference: Mapped[Conference] = relationship(back_populates="papers")
    signer: Mapped[Person | None] = relationship()


class StudiedDocument(Base):
    """A document studied at a conference, in order, with who presented it."""

    __tablename__ = "studied_document"
    __table_args__ = (UniqueConstraint("conference_id", "document_id"),)

    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conference.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="RESTRICT"), index=True
    )
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    presenter_title: Mapped[str | None] = mapped_column(String)

    conference: Mapped[Conference] = relationship(back_populates="documents_studied")
    document: Mapped[Document] = relationship()
    presenter: Mapped[Person | None] = relationship()


class Instruction(Base):
    """One closing direction of the chair; the source of follow-up tasks."""

    __tablename__ = "instruction"
    __table_args__ = (
        UniqueConstraint("conference_id", "position"),
        CheckConstraint(_not_blank("text"), name="text_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    speaker_title: Mapped[str | None] = mapped_column(String)
    text: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    updated_by: Mapped[str | None] = mapped_column(String)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it once)

    conference: Mapped[Conference] = relationship(back_populates="instructions")
    speaker: Mapped[Person | None] = relationship()
    tasks: Mapped[list[Task]] = relationship(
        back_populates="instruction", cascade="all, delete-orphan", order_by="Task.id"
    )


class Task(Base):
    """A trackable follow-up of an instruction: lead unit, supporting units, deadline."""

    __tablename__ = "task"
    __table_args__ = (
        CheckConstraint(_not_blank("title"), name="title_not_blank"),
        CheckConstraint(_one_of("status", TASK_STATUSES), name="status_known"),
        CheckConstraint(
            "deadline IS NULL OR deadline >= assigned_on", name="deadline_after_assigned"
        ),
        CheckConstraint("status <> 'done' OR completed_on IS NOT NULL", name="done_has_date"),
        # Covering indexes for the register and the overview (migration 0005, issue 7).
        Index(
            "ix_task_deadline",
            "status",
            "deadline",
            "completed_on",
            "lead_unit_id",
            "assigned_on",
            "instruction_id",
        ),
        Index("ix_task_completed", "status", "completed_on", "deadline", "instruction_id"),
        Index(
            "ix_task_status_unit",
            "status",
            "lead_unit_id",
            "deadline",
            "completed_on",
            "assigned_on",
            "instruction_id",
        ),
        # The register lists by deadline, tasks without one last: this expression is its order.
        Index("ix_task_deadline_order", text(f"coalesce(deadline, '{NO_DEADLINE}')")),
        Index("uq_task_uid", "uid", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = mapped_column(String(36), default=new_uid)
    instruction_id: Mapped[int] = mapped_column(
        ForeignKey("instruction.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)
    lead_unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True
    )
    assigned_on: Mapped[dt.date] = mapped_column(Date, index=True)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String, default="open", server_default="open")
    completed_on: Mapped[dt.date | None] = mapped_column(Date)
    result: Mapped[str | None] = mapped_column(Text)
    # Title and result folded (no diacritics, lower case, đ = d), kept by the listener below.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    updated_by: Mapped[str | None] = mapped_column(String)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it once)

    instruction: Mapped[Instruction] = relationship(back_populates="tasks")
    lead_unit: Mapped[Unit] = relationship()
    owner: Mapped[Person | None] = relationship()
    supports: Mapped[list[TaskSupport]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="TaskSupport.position"
    )
    history: Mapped[list[TaskEvent]] = relationship(
        back_populates="task",
        cascade="all, delete-orphan",
        order_by="(TaskEvent.at, TaskEvent.id)",
    )


class TaskSupport(Base):
    """A unit that supports (phối hợp) a task."""

    __tablename__ = "task_support"

    task_id: Mapped[int] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)

    task: Mapped[Task] = relationship(back_populates="supports")
    unit: Mapped[Unit] = relationship()


class TaskEvent(Base):
    """One entry of a task's history: created, progress, extension, completion…"""

    __tablename__ = "task_event"
    __table_args__ = (
        Index("ix_task_event_kind_at", "kind", "at"),
        Index("ix_task_event_task_kind_at", "task_id", "kind", "at"),
        CheckConstraint(_one_of("kind", EVENT_KINDS), name="kind_known"),
        CheckConstraint(
            "kind <> 'deadline_changed' OR (note IS NOT NULL AND length(trim(note)) > 0 "
            "AND old_deadline IS NOT NULL AND new_deadline IS NOT NULL)",
            name="extension_complete",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String)
    note: Mapped[str | None] = mapped_column(Text)
    old_deadline: Mapped[dt.date | None] = mapped_column(Date)
    new_deadline: Mapped[dt.date | None] = mapped_column(Date)
    by: Mapped[str | None] = mapped_column(String)

    task: Mapped[Task] = relationship(back_populates="history")


def task_search_text(title: str | None, result: str | None) -> str:
    """The folded text the task register's word filter looks in."""
    return fold(f"{title or ''} {result or ''}")


@event.listens_for(Task, "before_insert")
@event.listens_for(Task, "before_update")
def _fold_task_text(_mapper: object, _connection: object, task: Task) -> None:
    task.search_text = task_search_text(task.title, task.result)


class ChangeEntry(Base):
    """One change of one record: who, when, what, field by field (db/change_log.py).

    Written by triggers in the same transaction as the change, never by the app's own
    statements: on a file by SQLite's triggers (the user stamped just before the commit), on
    a server by PostgreSQL's, with the login. No foreign keys: the log outlives the records.
    """

    __tablename__ = "change_log"
    __table_args__ = (
        CheckConstraint(_one_of("action", CHANGE_ACTIONS), name="action_known"),
        Index("ix_change_log_task_id", "task_id", "id"),
        Index("ix_change_log_conference_id", "conference_id", "id"),
        Index("ix_change_log_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user_name: Mapped[str | None] = mapped_column(String)
    action: Mapped[str] = mapped_column(String)
    entity: Mapped[str] = mapped_column(String)
    entity_id: Mapped[int | None] = mapped_column(Integer)
    label: Mapped[str | None] = mapped_column(Text)
    # {field: [old, new]} as JSON text
    changes: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    conference_id: Mapped[int | None] = mapped_column(Integer)
    task_id: Mapped[int | None] = mapped_column(Integer)
    unit_id: Mapped[int | None] = mapped_column(Integer)


class OfficeUser(Base):
    """A login of the office's server, its role and, for a unit's login, its unit."""

    __tablename__ = "office_user"
    __table_args__ = (
        CheckConstraint(_one_of("role", OFFICE_ROLES), name="role_known"),
        CheckConstraint("role <> 'unit' OR unit_id IS NOT NULL", name="unit_has_unit"),
    )

    login: Mapped[str] = mapped_column(String, primary_key=True)
    role: Mapped[str] = mapped_column(String)
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str | None] = mapped_column(String)


class Setting(Base):
    """One named value of the office's settings (see core.office)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
