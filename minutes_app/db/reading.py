"""Fast reads for core: statements compiled once and kept, every value a bound parameter.

The register reads a page on every filter change and every scroll; building and compiling
its SQLAlchemy Core statements costs more than SQLite takes to run them. ``run_kept``
compiles a statement once, keeps its SQL text with the values it was built with as
parameters, and from then on hands them straight to the driver (``exec_driver_sql``):
the speed of hand-written SQL, with what the clerk typed never written into SQL text.

Also the SQL that differs between databases, for core to use without naming one:
``in_ids`` (a list of ids as one parameter, however long), ``likely``/``unlikely``
(hints for SQLite's query planner; nothing elsewhere), ``day_constant`` (a day written
into the SQL, of the date type on a server) and ``nulls_low`` (an order that puts NULL
where SQLite puts it, below every value). See the policy in ``db/__init__.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    String,
    TypeDecorator,
    bindparam,
    literal_column,
)
from sqlalchemy.engine.interfaces import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.sql.functions import FunctionElement

_MOST_KEPT = 256  # statements kept; all are let go of when there would be more


@dataclass(frozen=True)
class KeptStatement:
    """A compiled statement: its SQL text and its parameters, ready for the driver."""

    sql: str
    # The parameters' names in the order of the driver's positional marks (None for a
    # driver that takes them by name), and their values as the driver takes them.
    order: tuple[str, ...] | None
    values: Mapping[str, Any]
    processors: Mapping[str, Callable[[Any], Any]]

    def parameters(self, late: Mapping[str, Any]) -> Sequence[Any] | Mapping[str, Any]:
        """The parameters of one run, ``late`` (given at this run) in place of those
        given when the statement was built."""
        values = self.values
        if late:
            values = {**values, **{name: self._processed(name, v) for name, v in late.items()}}
        return values if self.order is None else tuple(values[name] for name in self.order)

    def _processed(self, name: str, value: Any) -> Any:
        if name not in self.values:
            raise KeyError(f"the statement has no parameter {name!r}")
        process = self.processors.get(name)
        return value if process is None or value is None else process(value)


_kept: dict[tuple[Hashable, ...], KeptStatement] = {}
_kept_lock = threading.Lock()


def keep(dialect: Dialect, statement: ClauseElement) -> KeptStatement:
    """``statement`` compiled for ``dialect``, its values taken out as parameters."""
    compiled = statement.compile(dialect=dialect)
    assert isinstance(compiled, SQLCompiler)
    # A list of values (IN) is written out, a mark for each value: the values are kept.
    expanded = compiled.construct_expanded_state()
    # The values as the driver takes them (dates as text for SQLite), processed as
    # SQLAlchemy's own execution does (engine/default.py). (A processor is a sequence only
    # for tuples of values, which no statement here has.)
    processors = cast(
        dict[str, Callable[[Any], Any]],
        {**compiled._bind_processors, **expanded.processors},
    )
    values = {
        name: value if value is None or name not in processors else processors[name](value)
        for name, value in expanded.parameters.items()
    }
    order = tuple(expanded.positiontup) if expanded.positiontup is not None else None
    return KeptStatement(expanded.statement, order, values, processors)


def run_kept(
    connection: Connection,
    key: tuple[Hashable, ...],
    build: Callable[[], ClauseElement],
    **late: Any,
) -> Sequence[Any]:
    """The rows of the statement ``build()`` makes, compiled once and kept under ``key``.

    ``key`` names everything the statement depends on, the values it is built with
    included (they are kept with it); ``late`` gives the values of parameters that change
    from run to run (such as ``in_ids``'s list). The rows come as the driver gives them:
    no SQLAlchemy type turns them into Python values (SQLite gives dates as text).
    """
    dialect = connection.dialect
    full_key = (dialect.name, *key)
    kept = _kept.get(full_key)
    if kept is None:
        kept = keep(dialect, build())
        with _kept_lock:
            if len(_kept) >= _MOST_KEPT:
                _kept.clear()
            _kept[full_key] = kept
    return connection.exec_driver_sql(kept.sql, kept.parameters(late)).all()


class _IdList(TypeDecorator[Iterable[int]]):
    """A list of ids as one parameter: a JSON array for SQLite's json_each(), an array of
    integers for PostgreSQL."""

    impl = String
    cache_ok = True

    def process_bind_param(
        self, value: Iterable[int] | None, dialect: Dialect
    ) -> str | list[int] | None:
        if value is None:
            return None
        ids = [int(i) for i in value]
        return ids if dialect.name == "postgresql" else json.dumps(ids)


class _InIds(FunctionElement[bool]):
    """``column IN (the ids of one parameter)``, written as each database reads a list."""

    inherit_cache = True


@compiles(_InIds)
def _in_json_each(element: _InIds, compiler: SQLCompiler, **kw: Any) -> str:
    id_column, ids = element.clauses
    return (
        f"{compiler.process(id_column, **kw)} IN "
        f"(SELECT value FROM json_each({compiler.process(ids, **kw)}))"
    )


@compiles(_InIds, "postgresql")
def _in_array(element: _InIds, compiler: SQLCompiler, **kw: Any) -> str:
    id_column, ids = element.clauses
    listed = compiler.process(ids, **kw)
    return f"{compiler.process(id_column, **kw)} = ANY(CAST({listed} AS integer[]))"


def in_ids(
    id_column: ColumnElement[int] | QueryableAttribute[int], name: str
) -> ColumnElement[bool]:
    """Whether ``id_column`` is among the ids given as the parameter ``name`` (at each run,
    through ``run_kept``'s ``late``): one parameter however many ids, so that the statement
    is the same for every list."""
    return _InIds(id_column, bindparam(name, None, type_=_IdList()))


class _PlannerHint(FunctionElement[bool]):
    """A condition, with a hint to SQLite's query planner about how often it holds. The
    hint changes no result; other databases get the bare condition. Of no SQL type, as
    SQLAlchemy's ``func.likely`` is: a Boolean would be compared with 1 where the database
    has no boolean type, and SQLite's planner would then not see the condition inside."""

    inherit_cache = True


class likely(_PlannerHint):  # named as the SQL function it stands for
    """A condition that holds for most rows (SQLite's likely())."""

    name = "likely"
    inherit_cache = True


class unlikely(_PlannerHint):
    """A condition that holds for few rows (SQLite's unlikely())."""

    name = "unlikely"
    inherit_cache = True


@compiles(_PlannerHint)
def _bare_condition(element: _PlannerHint, compiler: SQLCompiler, **kw: Any) -> str:
    return f"({compiler.process(element.clauses, **kw)})"


@compiles(_PlannerHint, "sqlite")
def _sqlite_hint(element: _PlannerHint, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{element.name}({compiler.process(element.clauses, **kw)})"


class day_constant(FunctionElement[dt.date]):  # named as a value, as it reads in SQL
    """A day written into the SQL as a constant, not as a parameter: ``'9999-12-31'`` on
    SQLite, where days are text and its expression indexes match the constant as written;
    ``CAST('9999-12-31' AS DATE)`` on a server, where a bare quoted constant has no type
    of its own and is taken as text where nothing gives it one (a column of a UNION)."""

    type = Date()
    inherit_cache = True

    def __init__(self, day: dt.date | str) -> None:
        text = dt.date.fromisoformat(str(day)).isoformat()  # a day, never other text
        super().__init__(literal_column(f"'{text}'", Date))


@compiles(day_constant)
def _typed_day(element: day_constant, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS DATE)"


@compiles(day_constant, "sqlite")
def _text_day(element: day_constant, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


class _NullsLow(FunctionElement[Any]):
    """An ORDER BY term with NULL counted below every value (``nulls_low``)."""

    inherit_cache = True
    descending = False


class _NullsLowDown(_NullsLow):
    inherit_cache = True
    descending = True


def nulls_low(column: Any, descending: bool = False) -> ColumnElement[Any]:
    """An ORDER BY term: ``column`` going up (or down), NULL counted below every value as
    SQLite counts it: first going up, last going down. A server counts NULL above every
    value, so it is told where NULL goes; SQLite gets the bare term, its SQL as it was."""
    return (_NullsLowDown if descending else _NullsLow)(column)


@compiles(_NullsLow)
def _nulls_placed(element: _NullsLow, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"{column} DESC NULLS LAST" if element.descending else f"{column} ASC NULLS FIRST"


@compiles(_NullsLow, "sqlite")
def _nulls_as_they_are(element: _NullsLow, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"{column} DESC" if element.descending else column
