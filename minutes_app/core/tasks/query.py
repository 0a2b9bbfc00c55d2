"""The task register's queries: classes computed in SQL, filters, and pages of rows.

The tracking class of FORMAT.md is computed by SQLite so that 200,000 tasks can be
filtered and paged without loading them. Every SQL form of it here (the class of a task,
the filter of a class, the index ranges of a class, the counts by class) is built from the
tables of conditions of ``tracking.py``, the same ones its Python classifier evaluates:
the rule is written once. This register is also the one engine behind the command line's
``tasks`` and ``report``, the exports and the reports (``tasks.py``).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    case,
    exists,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.engine import Row
from sqlalchemy.orm import aliased

from minutes_app.base.text import fold
from minutes_app.core.tasks.rule_sql import (
    arm_sql,
    class_arms,
    class_sql,
    condition_sql,
    count_where,
    depends_on_deadline,
    due_soon_sql,
    extended_after,
    hinted,
    rule_columns,
    tracking_sql,
    trashed_instructions,
)
from minutes_app.core.tasks.tracking import (
    ASSIGNED,
    CLASS_RULES,
    CLASSES,
    EXISTS_ON_D,
    IN_PROGRESS,
    Arm,
    holds,
)
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    NO_DEADLINE,
    Conference,
    Instruction,
    Person,
    Task,
    TaskSupport,
    Unit,
)
from minutes_app.db.reading import day_constant, in_ids, likely, run_kept

AnySelect = TypeVar("AnySelect", bound=Select)
SORT_KEYS = ("deadline", "assigned_on", "title", "lead_unit", "class", "id")
# Most urgent first: overdue, then running, ongoing, and finished last.
CLASS_ORDER = ("overdue", "in_progress", "ongoing", "done_late", "done_on_time", "cancelled")
# The register's order by deadline, tasks without one last. Written as a constant, not a
# bound parameter, so that SQLite matches it to the expression index ix_task_deadline_order.
DEADLINE_KEY = func.coalesce(Task.deadline, day_constant(NO_DEADLINE))
_LAST_DAY = dt.date.fromisoformat(NO_DEADLINE)
_LEAD = aliased(Unit, name="lead")  # the lead unit of a task, beside its other units


@dataclass(frozen=True)
class TaskQuery:
    """What the register shows: tasks that exist on ``as_of``, narrowed by the filters."""

    as_of: dt.date
    classes: frozenset[str] = frozenset()
    lead_unit_id: int | None = None
    conference_id: int | None = None
    deadline_from: dt.date | None = None
    deadline_to: dt.date | None = None
    text: str = ""
    sort: str = "class"
    descending: bool = False
    ids: tuple[int, ...] | None = field(default=None)
    assigned_from: dt.date | None = None
    assigned_to: dt.date | None = None
    due_soon: bool = False
    """Only in-progress tasks due soon (``tracking.DUE_SOON_ON_D``); see ``due_soon_query``."""


def only_due_soon(query: TaskQuery) -> TaskQuery:
    """``query`` narrowed to the register's "due within 7 days": in-progress tasks whose
    deadline in force is near (read along the in-progress class's index ranges)."""
    return replace(query, classes=frozenset({IN_PROGRESS}), due_soon=True)


class RegisterRow(NamedTuple):
    """One task as the register shows it (a tuple: a page makes hundreds at a time)."""

    id: int
    title: str
    conference_id: int
    conference: str
    conference_date: dt.date
    lead_unit: str
    owner: str | None
    assigned_on: dt.date
    deadline: dt.date | None
    status: str
    completed_on: dt.date | None
    tracking: str
    version: int  # as read: an action on the task is refused if it changed since
    deadline_in_force: dt.date | None = None  # on the day asked about (before later extensions)

    def days_overdue(self, as_of: dt.date) -> int:
        deadline = self.deadline_in_force
        return (as_of - deadline).days if deadline and self.tracking == "overdue" else 0


def _after(key: Any, value: Any, task_id: int, descending: bool) -> ColumnElement[bool]:
    """Rows after (value, task_id) in (key, id) order: the next page without an OFFSET."""
    if key is None:
        return Task.id < task_id if descending else Task.id > task_id
    if descending:
        return and_(key <= value, or_(key < value, Task.id < task_id))
    return and_(key >= value, or_(key > value, Task.id > task_id))


class TaskRegister:
    """Counts and pages of the register for one query; cheap to make, one per query.

    Pages read only the task table, along an index in the order shown, then the shown
    rows are completed with their conference, units and owner. A page that follows the
    previous one (as the view scrolls, or an export reads on) continues from the last row
    it returned instead of skipping ``offset`` rows again.
    """

    def __init__(self, db: Database, query: TaskQuery) -> None:
        self.db = db
        self.query = query
        self.lead = _LEAD

        # Whether deadlines need look-back, and two facts that let the usual query drop a
        # condition every row would pass: read in one statement, with the first read of
        # this register (in its transaction: one round trip to a server, not a read of
        # its own), or in a read of their own when first asked for outside one.
        self._facts: tuple[bool, bool, bool] | None = None
        # (offset just after the last page, sort values of its last row)
        self._cursor: tuple[int, tuple[Any, ...]] | None = None

    def _know_facts(self, connection: Connection | None = None) -> tuple[bool, bool, bool]:
        """(look_back, trash, all_assigned), read once: on ``connection`` when given."""
        if self._facts is not None:
            return self._facts
        if connection is None:
            with self.db.core_reading() as reading:
                return self._know_facts(reading)
        query = self.query

        def facts() -> Any:
            return select(
                extended_after(query.as_of),
                exists().where(Conference.deleted_at.is_not(None)),
                select(func.max(Task.assigned_on)).scalar_subquery(),
            )

        # The SQL every new register runs (its facts, each class's first rows, the rows of a
        # page) is kept for the next one (db/reading.py): building and compiling a statement
        # costs more than SQLite takes to run it.
        [(look_back, trash, latest)] = run_kept(connection, ("facts", query.as_of), facts)
        all_assigned = latest is None or holds(
            EXISTS_ON_D, {ASSIGNED: _as_day(latest)}, query.as_of
        )
        self._facts = (bool(look_back), bool(trash), bool(all_assigned))
        return self._facts

    @property
    def look_back(self) -> bool:
        """Whether a deadline's history must be looked back on (an extension after as_of)."""
        return self._know_facts()[0]

    @property
    def _trash(self) -> bool:
        return self._know_facts()[1]

    @property
    def _all_assigned(self) -> bool:
        return self._know_facts()[2]

    def _filtered(self, statement: AnySelect, classes: bool = True) -> AnySelect:
        q = self.query
        if not self._all_assigned:
            # likely(): a range that keeps most tasks, so that SQLite does not pick the
            # assigned_on index over the one that gives the order.
            statement = statement.where(likely(condition_sql(EXISTS_ON_D, q.as_of, False)))
        if self._trash:
            # Tasks of conferences in the trash are left out; the trash is small, so this
            # subquery costs less than joining every task to its conference.
            statement = statement.where(Task.instruction_id.not_in(trashed_instructions()))
        if q.ids is not None:
            statement = statement.where(Task.id.in_(q.ids))
        if classes and self._narrowed():
            statement = statement.where(
                or_(*(class_sql(c, q.as_of, self.look_back) for c in sorted(q.classes)))
            )
        if q.due_soon:
            statement = statement.where(due_soon_sql(q.as_of, self.look_back))
        if q.assigned_from is not None:
            statement = statement.where(Task.assigned_on >= q.assigned_from)
        if q.assigned_to is not None:
            statement = statement.where(Task.assigned_on <= q.assigned_to)
        if q.lead_unit_id is not None:
            statement = statement.where(Task.lead_unit_id == q.lead_unit_id)
        if q.conference_id is not None:
            statement = statement.where(
                Task.instruction_id.in_(
                    select(Instruction.id).where(Instruction.conference_id == q.conference_id)
                )
            )
        if q.deadline_from is not None:
            statement = statement.where(Task.deadline >= q.deadline_from)
        if q.deadline_to is not None:
            statement = statement.where(Task.deadline <= q.deadline_to)
        for word in fold(q.text).split():
            statement = statement.where(Task.search_text.contains(word, autoescape=True))
        return statement

    def _narrowed(self) -> bool:
        return bool(self.query.classes) and set(self.query.classes) != set(CLASSES)

    def _shown_classes(self) -> list[str]:
        return [c for c in CLASS_ORDER if not self._narrowed() or c in self.query.classes]

    # --- counts ------------------------------------------------------------------------

    def count(self) -> int:
        with self.db.reading() as session:
            self._know_facts(session.connection())
            if self.look_back or not self._narrowed():
                statement = self._filtered(select(func.count()).select_from(Task))
                return int(session.scalar(statement) or 0)
            # One index range per part of each class asked for, counted side by side.
            parts = [
                self._filtered(select(func.count()).select_from(Task), classes=False)
                .where(condition)
                .scalar_subquery()
                for name in self._shown_classes()
                for condition, _dated, _rare in class_arms(name, self.query.as_of)
            ]
            return sum(int(n or 0) for n in session.execute(select(*parts)).one())

    def class_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(CLASSES, 0)
        for unit_counts in self._grouped_counts(by_unit=False).values():
            for name, n in unit_counts.items():
                counts[name] += n
        return counts

    def counts_by_lead_unit(self) -> dict[int, dict[str, int]]:
        return {
            unit: counts
            for unit, counts in self._grouped_counts(by_unit=True).items()
            if unit is not None and any(counts.values())
        }

    def _grouped_counts(self, by_unit: bool) -> dict[int | None, dict[str, int]]:
        """Tasks by class, per lead unit (or under ``None`` for all of them)."""
        if self.look_back:
            return self._grouped_counts_looking_back(by_unit)
        day = self.query.as_of
        unit = [Task.lead_unit_id] if by_unit else []
        # The arms of the rule by what they ask of the status and completion: each such
        # part is a range of the (status, lead unit, ...) index, read in unit order, so no
        # statement needs to sort 200,000 rows to group them; the conditions on the
        # deadline then tell its classes apart.
        parts: dict[Arm, dict[str, list[Arm]]] = {}
        for name, arms in CLASS_RULES.items():
            for arm in arms:
                common = tuple(c for c in arm if not depends_on_deadline(c))
                rest = tuple(c for c in arm if depends_on_deadline(c))
                parts.setdefault(common, {}).setdefault(name, []).append(rest)
        shown = set(self._shown_classes())
        found: dict[int | None, dict[str, int]] = {}
        with self.db.reading() as session:
            for common, classes in parts.items():
                if not shown.intersection(classes):
                    continue
                columns = [
                    func.count()
                    if not all(rests)
                    else count_where(or_(*(arm_sql(r, day, False) for r in rests)))
                    for rests in classes.values()
                ]
                statement = self._filtered(
                    select(*unit, *columns).select_from(Task), classes=False
                ).where(*hinted(common, day)[0])
                if by_unit:
                    statement = statement.group_by(Task.lead_unit_id)
                for row in session.execute(statement):
                    key = row[0] if by_unit else None
                    values = [int(v or 0) for v in row[len(unit) :]]
                    counts = found.setdefault(key, dict.fromkeys(CLASSES, 0))
                    for name, n in zip(classes, values, strict=True):
                        if name in shown:
                            counts[name] += n
        return found

    def _grouped_counts_looking_back(self, by_unit: bool) -> dict[int | None, dict[str, int]]:
        tracking = tracking_sql(self.query.as_of, True).label("tracking")
        unit = [Task.lead_unit_id] if by_unit else []
        statement = self._filtered(select(*unit, tracking, func.count()).select_from(Task))
        statement = statement.group_by(*unit, tracking)
        found: dict[int | None, dict[str, int]] = {}
        with self.db.reading() as session:
            for row in session.execute(statement):
                key = row[0] if by_unit else None
                name, n = row[-2], row[-1]
                found.setdefault(key, dict.fromkeys(CLASSES, 0))[str(name)] = int(n)
        return found

    # --- pages -------------------------------------------------------------------------

    def page(self, offset: int, limit: int) -> list[RegisterRow]:
        if limit <= 0:
            return []
        after = self._cursor[1] if self._cursor and self._cursor[0] == offset else None
        with self.db.core_reading() as session:
            self._know_facts(session)
            if self.query.sort == "class" and not self.look_back:
                found = self._class_page(session, offset, limit, after)
            else:
                found = self._sorted_page(session, offset, limit, after)
            if found:
                self._cursor = (offset + len(found), tuple(found[-1]))
            return self._rows(session, [int(r[-1]) for r in found])

    def _class_page(
        self, session: Connection, offset: int, limit: int, after: tuple[Any, ...] | None
    ) -> list[Any]:
        """A page in class order, read class by class, each along its index ranges."""
        q = self.query
        if offset and after is None:
            # Not the page after the last one: every class's first rows, merged.
            merged = self._class_rows(self._shown_classes(), offset + limit, None)
            return list(session.execute(merged.limit(limit).offset(offset)).all())
        rows: list[Any] = []
        ranks = list(enumerate(CLASS_ORDER))
        if q.descending:
            ranks.reverse()
        for rank, name in ranks:
            if name not in self._shown_classes():
                continue
            if after is not None and (rank > after[0] if q.descending else rank < after[0]):
                continue
            since = after if after is not None and rank == after[0] else None
            wanted = limit - len(rows)
            if since is None:
                # A class's first rows, as every new query reads them: SQL kept ready.
                found = run_kept(
                    session,
                    ("class_sql", *self._shape(), name, wanted),
                    lambda: self._class_rows([name], wanted, None),  # noqa: B023 (called now)
                )
            else:  # further on: SQLAlchemy's own cache keeps the SQL, the values are bound
                found = session.execute(self._class_rows([name], wanted, since)).all()
            rows.extend((r[0], _as_day(r[1]), r[2]) for r in found)
            if len(rows) >= limit:
                break
        return rows

    def _shape(self) -> tuple[Any, ...]:
        """What, besides its arguments, a statement of this register depends on."""
        return (self.query, self.look_back, self._trash, self._all_assigned)

    def _class_rows(self, names: list[str], limit: int, after: tuple[Any, ...] | None) -> Any:
        """(rank, key, id) of the first ``limit`` tasks of these classes, in class order."""
        q = self.query
        desc = q.descending
        parts = []
        for name in names:
            rank = CLASS_ORDER.index(name)
            for condition, dated, rare in class_arms(name, q.as_of):
                key: Any = Task.deadline if dated else day_constant(NO_DEADLINE)
                part = self._filtered(
                    select(literal(rank).label("rank"), key.label("key"), Task.id.label("id")),
                    classes=False,
                ).where(condition)
                if after is not None:
                    if dated:
                        since = _after(Task.deadline, after[1], after[2], desc)
                        part = part.where(likely(since) if rare else since)
                    elif after[1] == _LAST_DAY:
                        part = part.where(_after(None, None, after[2], desc))
                    elif (after[1] < _LAST_DAY) == desc:
                        continue  # every task of this part came before the last row shown
                order = [Task.deadline, Task.id] if dated else [Task.id]
                part = part.order_by(*(c.desc() if desc else c for c in order)).limit(limit)
                parts.append(part.subquery())
        if not parts:
            return select(literal(0), literal(_LAST_DAY), literal(0)).where(literal(False))
        union = union_all(*(select(p.c.rank, p.c.key, p.c.id) for p in parts)).subquery()
        columns = [union.c.rank, union.c.key, union.c.id]
        return select(*columns).order_by(*(c.desc() if desc else c for c in columns)).limit(limit)

    def _sorted_page(
        self, session: Connection, offset: int, limit: int, after: tuple[Any, ...] | None
    ) -> list[Row[Any]]:
        q = self.query
        keys: dict[str, list[Any]] = {
            "deadline": [DEADLINE_KEY],
            "assigned_on": [Task.assigned_on],
            "title": [Task.title],
            "lead_unit": [self.lead.name],
            "class": [self._class_rank(), DEADLINE_KEY],
            "id": [],
        }
        sort = q.sort if q.sort in SORT_KEYS else "deadline"
        columns = keys[sort]
        statement = self._filtered(select(*columns, Task.id))
        if sort == "lead_unit":
            statement = statement.join(self.lead, Task.lead_unit_id == self.lead.id)
        # Continuing after the last row needs a key an index orders; others skip rows.
        if after is not None and sort in ("id", "deadline", "assigned_on"):
            key = columns[0] if columns else None
            statement = statement.where(
                _after(key, after[0] if columns else None, after[-1], q.descending)
            )
        else:
            statement = statement.offset(offset)
        order = [*columns, Task.id]
        statement = statement.order_by(*(c.desc() if q.descending else c for c in order))
        found: list[Any] = list(session.execute(statement.limit(limit)).all())
        return found

    def _class_rank(self) -> ColumnElement[int]:
        day = self.query.as_of
        return case(
            *((class_sql(name, day, self.look_back), rank) for rank, name in enumerate(CLASS_ORDER))
        )

    def _rows(self, session: Connection, ids: list[int]) -> list[RegisterRow]:
        """The register rows of ``ids``, in that order."""
        if not ids:
            return []
        day, look_back = self.query.as_of, self.look_back
        found = {}
        rows = run_kept(
            session, ("rows", day, look_back), lambda: _rows_select(day, look_back), ids=ids
        )
        for row in rows:
            values = list(row)
            for column in _DATE_COLUMNS:
                if values[column] is not None:
                    values[column] = _as_day(values[column])
            found[values[0]] = RegisterRow._make(values)
        return [found[i] for i in ids if i in found]


# The rows of a page are read with SQL compiled once per day, the page's ids one
# parameter: a page is read on every filter change and every scroll, and SQLAlchemy's
# handling of 200 bound ids and 800 dates took longer than SQLite's work (issue 7: the
# overdue filter within 3x plain SQLite).
_DATE_COLUMNS = (4, 7, 8, 10, 13)  # conference_date, assigned_on, deadline, completed_on,
# deadline_in_force
_day = dt.date.fromisoformat


def _as_day(value: str | dt.date) -> dt.date:
    """A day as the driver gives it: text from SQLite, a date from psycopg."""
    return _day(value) if isinstance(value, str) else value


def _rows_select(as_of: dt.date, look_back: bool) -> Any:
    """The columns of RegisterRow, in its order, for the task ids given as ``ids``."""
    tracking, in_force = rule_columns(as_of, look_back)
    lead = _LEAD
    return (
        select(
            Task.id,
            Task.title,
            Conference.id.label("conference_id"),
            Conference.title.label("conference"),
            Conference.date.label("conference_date"),
            lead.name.label("lead_unit"),
            Person.name.label("owner"),
            Task.assigned_on,
            Task.deadline,
            Task.status,
            Task.completed_on,
            tracking,
            Task.version,
            in_force,
        )
        .join(Instruction, Task.instruction_id == Instruction.id)
        .join(Conference, Instruction.conference_id == Conference.id)
        .join(lead, Task.lead_unit_id == lead.id)
        .outerjoin(Person, Task.owner_id == Person.id)
        .where(in_ids(Task.id, "ids"))
    )


def registers_led_by(db: Database, query: TaskQuery, unit: str | None) -> list[TaskRegister]:
    """One register per lead unit whose name holds ``unit`` (blind to accents and case, đ
    as d, as the window's filters match: "to chuc" names every "Ban Tổ chức…"), or one
    register in all when no unit is named (or only blanks)."""
    if not unit or not fold(unit):
        return [TaskRegister(db, query)]
    # Folded here, not in SQL: the units are few, and one fold() serves both stores.
    wanted = fold(unit)
    with db.reading() as session:
        units = session.execute(select(Unit.id, Unit.name).order_by(Unit.id)).all()
    unit_ids = [unit_id for unit_id, name in units if wanted in fold(name)]
    return [TaskRegister(db, replace(query, lead_unit_id=unit_id)) for unit_id in unit_ids]


def register_rows(register: TaskRegister, page_size: int) -> Iterator[RegisterRow]:
    """Every row of ``register``, read ``page_size`` at a time (each page continues where
    the last one stopped)."""
    offset = 0
    while True:
        page = register.page(offset, page_size)
        yield from page
        if len(page) < page_size:
            return
        offset += len(page)


def rows_by_id(registers: list[TaskRegister], page_size: int) -> Iterator[RegisterRow]:
    """The rows of registers sorted by id, merged in id order."""
    streams = [register_rows(register, page_size) for register in registers]
    return streams[0] if len(streams) == 1 else heapq.merge(*streams, key=lambda r: r.id)


def support_units_of(db: Database, task_ids: list[int]) -> dict[int, list[str]]:
    with db.reading() as session:
        found: dict[int, list[str]] = {}
        for task_id, name in session.execute(
            select(TaskSupport.task_id, Unit.name)
            .join(Unit)
            .where(TaskSupport.task_id.in_(task_ids))
            .order_by(TaskSupport.task_id, TaskSupport.position)
        ):
            found.setdefault(task_id, []).append(name)
        return found
