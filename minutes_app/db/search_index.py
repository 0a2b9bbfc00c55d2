"""The search index: each record's words, folded, in SQLite FTS5 tables kept in step with it.

There is one FTS5 table per kind of record (``search_conference``, ``search_document``,
``search_task``, ``search_person``, ``search_unit``), its rowid the record's id, holding the
record's words folded by ``minutes_app.base.text.fold`` (FTS5's own diacritic removal leaves
đ alone) and split as ``words()`` splits them, so that a query folded the same way matches.

Triggers in the database (migration 0004) only note which records changed, in
``search_dirty``: they are plain SQL, so a write from any connection — the sqlite3 shell,
a script, a plain ``sqlite3`` connection without the ``fold`` function — still works and is
never lost. ``refresh()`` folds the noted records' text in Python and rewrites their index
rows. The engine calls it just before every commit (``minutes_app.db.engine``), so the index
changes in the same transaction as the records; ``index_reading()`` calls it as well, for what
another program wrote.

``index_reading()`` is how ``core/search.py`` reads: the matches of an FTS5 query, ranked by
bm25, and the records they name, all in one snapshot and with the words as a bound
parameter.

Triggers name no table but their own and ``search_dirty``: a batch migration that rebuilds
a table (drop, then rename a copy) must not meet a trigger of another table naming it. Such
a migration drops the rebuilt table's triggers with it and must create them again; the
schema tests check that every trigger below exists at head.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from minutes_app.base.text import fold

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from minutes_app.db.engine import Database

DIRTY = "search_dirty"
# The FTS5 tables are made by migration 0004 with tokenize = 'unicode61 remove_diacritics 0'
# (the text comes folded) and prefix = '1 2 3': prefix indexes make the last, half-typed
# word of a query cheap while it has one to three letters.

_WORD = re.compile(r"[^\W_]+")


def words(text: str | None) -> list[str]:
    """The folded words of ``text``: runs of letters and digits, punctuation between them."""
    return _WORD.findall(fold(text)) if text else []


def index_text(*parts: str | None) -> str:
    """The words of ``parts`` as one index column: folded, separated by single spaces."""
    return " ".join(w for part in parts for w in words(part))


def symbol_text(*symbols: str | None) -> str:
    """A document symbol's words and its words run together ("96-QĐ/TW": 96 qd tw 96qdtw),
    so that "qd 96", "96-QD/TW" and a half-typed "96qđ" all find it."""
    out: list[str] = []
    for symbol in symbols:
        parts = words(symbol)
        out.extend(parts)
        if len(parts) > 1:
            out.append("".join(parts))
    return " ".join(out)


@dataclass(frozen=True)
class IndexKind:
    """One kind of record and its FTS5 table: columns, their bm25 weights, their source."""

    kind: str
    columns: tuple[str, ...]
    weights: tuple[float, ...]
    # Rows (id, *values) of the records of this kind noted in search_dirty that are to be
    # found; a noted record missing here leaves the index.
    source: str
    # The index columns of one source row (its values after the id).
    make: Callable[[tuple[str | None, ...]], tuple[str, ...]]

    @property
    def table(self) -> str:
        return f"search_{self.kind}"


def _noted(kind: str, alias: str) -> str:
    return f"JOIN {DIRTY} d ON d.kind = '{kind}' AND d.id = {alias}.id"


def ordered(values: str, where: str, separator: str = "\n") -> str:
    """SQL for the values of one record's children in their order, joined by ``separator``
    (group_concat() keeps the order of its rows, though SQLite does not promise it)."""
    joiner = "'" + separator.replace("'", "''") + "'"
    return f"(SELECT group_concat(v, {joiner}) FROM (SELECT {values} AS v FROM {where}) AS o)"


_CHAIRS = ordered(
    "p.name",
    "conference_chair x JOIN person p ON p.id = x.person_id "
    "WHERE x.conference_id = c.id ORDER BY x.position",
)
_POINT_PEOPLE = ordered(
    "p.name",
    "bridge_point b JOIN bridge_point_person x ON x.bridge_point_id = b.id "
    "JOIN person p ON p.id = x.person_id "
    "WHERE b.conference_id = c.id ORDER BY b.position, x.role, x.position",
)
_POINTS = ordered("x.name", "bridge_point x WHERE x.conference_id = c.id ORDER BY x.position")
_INSTRUCTIONS = ordered("x.text", "instruction x WHERE x.conference_id = c.id ORDER BY x.position")
_CONFERENCE = (
    f"SELECT c.id, c.title, c.kind, c.organizer, {_CHAIRS}, {_POINT_PEOPLE}, c.host_point, "
    f"{_POINTS}, {_INSTRUCTIONS}, c.discussion, c.notes "
    f"FROM conference c {_noted('conference', 'c')} WHERE c.deleted_at IS NULL"
)


def _conference(row: tuple[str | None, ...]) -> tuple[str, ...]:
    title, kind, organizer, chairs, point_people, host, points, instructions, talk, notes = row
    return (
        index_text(title, kind, organizer),
        index_text(chairs, point_people),
        index_text(host, points),
        index_text(instructions, talk, notes),
    )


def _document(row: tuple[str | None, ...]) -> tuple[str, ...]:
    kind, symbol, number, issued_on, issuer, subject = row
    when = "/".join(reversed(issued_on.split("-"))) if issued_on else None
    return (f"{index_text(kind)} {symbol_text(symbol, number)}", index_text(issuer, subject, when))


def _task(row: tuple[str | None, ...]) -> tuple[str, ...]:
    title, detail, result = row
    return (index_text(title), index_text(detail, result))


def _unit(row: tuple[str | None, ...]) -> tuple[str, ...]:
    name, kind = row
    return (index_text(name), index_text(kind))


KINDS: tuple[IndexKind, ...] = (
    IndexKind(
        "conference",
        ("title", "people", "places", "body"),
        (4.0, 2.0, 2.0, 1.0),
        _CONFERENCE,
        _conference,
    ),
    IndexKind(
        "document",
        ("symbol", "body"),
        (4.0, 1.0),
        "SELECT x.id, x.kind, x.symbol, x.number, x.issued_on, x.issuer, x.subject "
        f"FROM document x {_noted('document', 'x')}",
        _document,
    ),
    # A task of a conference in the trash is in the trash with it.
    IndexKind(
        "task",
        ("title", "body"),
        (3.0, 1.0),
        f"SELECT x.id, x.title, x.detail, x.result FROM task x {_noted('task', 'x')} "
        "JOIN instruction i ON i.id = x.instruction_id "
        "JOIN conference c ON c.id = i.conference_id WHERE c.deleted_at IS NULL",
        _task,
    ),
    IndexKind(
        "person",
        ("name",),
        (1.0,),
        f"SELECT x.id, x.name FROM person x {_noted('person', 'x')}",
        lambda row: (index_text(row[0]),),
    ),
    IndexKind(
        "unit",
        ("name", "body"),
        (3.0, 1.0),
        f"SELECT x.id, x.name, x.kind FROM unit x {_noted('unit', 'x')}",
        _unit,
    ),
)
BY_KIND = {k.kind: k for k in KINDS}

# What a noted change means for other records' index rows. A person's new name changes the
# conferences they chaired or presided at; a bridge point's people change its conference;
# a conference moved to or out of the trash takes its tasks with it.
_EXPAND = (
    f"""INSERT INTO {DIRTY} (kind, id)
    SELECT 'conference', x.conference_id FROM conference_chair x
    JOIN {DIRTY} d ON d.kind = 'person' AND d.id = x.person_id WHERE true
    ON CONFLICT DO NOTHING""",
    f"""INSERT INTO {DIRTY} (kind, id)
    SELECT 'bridge_point', x.bridge_point_id FROM bridge_point_person x
    JOIN {DIRTY} d ON d.kind = 'person' AND d.id = x.person_id WHERE true
    ON CONFLICT DO NOTHING""",
    f"""INSERT INTO {DIRTY} (kind, id)
    SELECT 'conference', x.conference_id FROM bridge_point x
    JOIN {DIRTY} d ON d.kind = 'bridge_point' AND d.id = x.id WHERE true
    ON CONFLICT DO NOTHING""",
    f"""INSERT INTO {DIRTY} (kind, id)
    SELECT 'task', t.id FROM task t JOIN instruction i ON i.id = t.instruction_id
    JOIN {DIRTY} d ON d.kind = 'conference_tasks' AND d.id = i.conference_id WHERE true
    ON CONFLICT DO NOTHING""",
)


class _Driver:
    """The driver's connection beneath the engine, SQLite's or psycopg's, taking SQL with
    SQLite's ``?`` marks (psycopg's ``%s`` are put in their place; no SQL here holds a
    ``?`` or ``%`` of its own) and SQLite's ``group_concat`` (PostgreSQL's ``string_agg``,
    the same arguments)."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.server = not isinstance(connection, sqlite3.Connection)

    def sql(self, text: str) -> str:
        if not self.server:
            return text
        return text.replace("?", "%s").replace("group_concat(", "string_agg(")

    def rows(self, text: str, parameters: Sequence[object] = ()) -> list[Any]:
        return list(self.connection.execute(self.sql(text), parameters).fetchall())

    def run(self, text: str, parameters: Sequence[object] = ()) -> None:
        self.connection.execute(self.sql(text), parameters)

    def run_many(self, text: str, rows: list[tuple[object, ...]]) -> None:
        if not rows:
            return
        if self.server:
            with self.connection.cursor() as cursor:
                cursor.executemany(self.sql(text), rows)
        else:
            self.connection.executemany(text, rows)


def _no_index(exc: sqlite3.OperationalError) -> bool:
    return f"no such table: {DIRTY}" in str(exc)


def pending(conn: Any) -> bool:
    """True when records changed since the index was last brought in step."""
    driver = _Driver(conn)
    try:
        return bool(driver.rows(f"SELECT EXISTS (SELECT 1 FROM {DIRTY})")[0][0])
    except sqlite3.OperationalError as exc:
        if _no_index(exc):  # a schema older than the index (during a migration)
            return False
        raise


def refresh(conn: Any) -> int:
    """Rewrite the index rows of the records noted in ``search_dirty`` and clear the notes;
    returns how many records' rows changed. Runs in the caller's transaction, on the
    driver's connection (SQLite's or psycopg's)."""
    if not pending(conn):
        return 0
    driver = _Driver(conn)
    for statement in _EXPAND:
        driver.run(statement)
    changed = 0
    for kind in KINDS:
        changed += _refresh_kind(driver, kind)
    driver.run(f"DELETE FROM {DIRTY}")
    return changed


def _refresh_kind(driver: _Driver, kind: IndexKind) -> int:
    table, columns = kind.table, ", ".join(kind.columns)
    noted = [r[0] for r in driver.rows(f"SELECT id FROM {DIRTY} WHERE kind = ?", (kind.kind,))]
    if not noted:
        return 0
    stored = {
        row[0]: tuple(row[1:])
        for row in driver.rows(
            f"SELECT d.id, {columns} FROM {DIRTY} d JOIN {table} s ON s.rowid = d.id "
            "WHERE d.kind = ?",
            (kind.kind,),
        )
    }
    fresh = {row[0]: kind.make(_as_text(row[1:])) for row in driver.rows(kind.source)}
    # Rows that would come back unchanged are left alone: no churn in the FTS5 segments.
    changed = [i for i in noted if stored.get(i) != fresh.get(i)]
    driver.run_many(f"DELETE FROM {table} WHERE rowid = ?", [(i,) for i in changed if i in stored])
    marks = ", ".join("?" * len(kind.columns))
    driver.run_many(
        f"INSERT INTO {table} (rowid, {columns}) VALUES (?, {marks})",
        [(i, *fresh[i]) for i in changed if i in fresh],
    )
    return len(changed)


def _as_text(values: Sequence[object]) -> tuple[str | None, ...]:
    """A source row's values as SQLite gives them: text (PostgreSQL gives a day as a date)."""
    return tuple(v if v is None or isinstance(v, str) else str(v) for v in values)


def rebuild(conn: Any) -> int:
    """Note every record and refresh: the index as a fresh build would make it."""
    driver = _Driver(conn)
    for statement in (
        "SELECT 'conference', id FROM conference",
        "SELECT 'document', id FROM document",
        "SELECT 'task', id FROM task",
        "SELECT 'person', id FROM person",
        "SELECT 'unit', id FROM unit",
    ):
        driver.run(f"INSERT INTO {DIRTY} (kind, id) {statement} WHERE true ON CONFLICT DO NOTHING")
    for kind in KINDS:  # rows of records that no longer exist
        driver.run(
            f"INSERT INTO {DIRTY} (kind, id) SELECT '{kind.kind}', rowid FROM {kind.table} "
            "WHERE true ON CONFLICT DO NOTHING"
        )
    return refresh(conn)


def index_rows(conn: Any) -> dict[str, list[tuple[object, ...]]]:
    """Every index row of every kind, in rowid order (for checks and tests)."""
    driver = _Driver(conn)
    return {
        kind.kind: [
            tuple(row)
            for row in driver.rows(
                f"SELECT rowid, {', '.join(kind.columns)} FROM {kind.table} ORDER BY rowid"
            )
        ]
        for kind in KINDS
    }


# --- the index on a PostgreSQL server ------------------------------------------------------

# (table, event, [(kind noted, id expression)]): what each trigger notes in search_dirty,
# as migration 0004 made them on SQLite (its frozen copy) and create_server_index makes
# them on a server.
TRIGGERS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("task", "INSERT", (("task", "NEW.id"),)),
    ("task", "UPDATE OF title, detail, result, instruction_id", (("task", "NEW.id"),)),
    ("task", "DELETE", (("task", "OLD.id"),)),
    ("document", "INSERT", (("document", "NEW.id"),)),
    ("document", "UPDATE", (("document", "NEW.id"), ("document", "OLD.id"))),
    ("document", "DELETE", (("document", "OLD.id"),)),
    ("person", "INSERT", (("person", "NEW.id"),)),
    ("person", "UPDATE OF name", (("person", "NEW.id"),)),
    ("person", "DELETE", (("person", "OLD.id"),)),
    ("unit", "INSERT", (("unit", "NEW.id"),)),
    ("unit", "UPDATE OF name, kind", (("unit", "NEW.id"),)),
    ("unit", "DELETE", (("unit", "OLD.id"),)),
    ("conference", "INSERT", (("conference", "NEW.id"),)),
    ("conference", "UPDATE", (("conference", "NEW.id"),)),
    ("conference", "DELETE", (("conference", "OLD.id"),)),
    ("conference", "UPDATE OF deleted_at", (("conference_tasks", "NEW.id"),)),
    ("conference_chair", "INSERT", (("conference", "NEW.conference_id"),)),
    (
        "conference_chair",
        "UPDATE",
        (("conference", "NEW.conference_id"), ("conference", "OLD.conference_id")),
    ),
    ("conference_chair", "DELETE", (("conference", "OLD.conference_id"),)),
    ("bridge_point", "INSERT", (("conference", "NEW.conference_id"),)),
    (
        "bridge_point",
        "UPDATE",
        (("conference", "NEW.conference_id"), ("conference", "OLD.conference_id")),
    ),
    ("bridge_point", "DELETE", (("conference", "OLD.conference_id"),)),
    ("bridge_point_person", "INSERT", (("bridge_point", "NEW.bridge_point_id"),)),
    (
        "bridge_point_person",
        "UPDATE",
        (("bridge_point", "NEW.bridge_point_id"), ("bridge_point", "OLD.bridge_point_id")),
    ),
    ("bridge_point_person", "DELETE", (("bridge_point", "OLD.bridge_point_id"),)),
    ("instruction", "INSERT", (("conference", "NEW.conference_id"),)),
    (
        "instruction",
        "UPDATE",
        (("conference", "NEW.conference_id"), ("conference", "OLD.conference_id")),
    ),
    ("instruction", "DELETE", (("conference", "OLD.conference_id"),)),
)


def trigger_name(table: str, event: str) -> str:
    if event == "UPDATE OF deleted_at":
        return f"search_{table}_trash"
    return f"search_{table}_{event.split()[0].lower()}"


_WEIGHT_LETTERS = "ABCD"  # tsvector weights, one per index column, in the columns' order


def words_vector(kind: IndexKind) -> str:
    """The tsvector of a server index row: each column's words under its own weight
    letter. The words come folded and split already, so the 'simple' configuration only
    splits them at the spaces."""
    return " || ".join(
        f"setweight(to_tsvector('simple'::regconfig, {column}), '{letter}')"
        for column, letter in zip(kind.columns, _WEIGHT_LETTERS, strict=False)
    )


def create_server_index(conn: Any) -> None:
    """Make the search index on a PostgreSQL server, for a new, empty database: the notes,
    one table per kind (its key named ``rowid`` as in FTS5, so that refresh's SQL is the
    same), each row's words as a weighted tsvector with a GIN index, and the triggers."""
    conn.execute(
        f"CREATE TABLE {DIRTY} (kind text NOT NULL, id integer NOT NULL, PRIMARY KEY (kind, id))"
    )
    for kind in KINDS:
        columns = ", ".join(f"{column} text NOT NULL DEFAULT ''" for column in kind.columns)
        conn.execute(
            f"CREATE TABLE {kind.table} (rowid integer PRIMARY KEY, {columns}, "
            f"words tsvector GENERATED ALWAYS AS ({words_vector(kind)}) STORED)"
        )
        conn.execute(f"CREATE INDEX ix_{kind.table}_words ON {kind.table} USING gin (words)")
    for table, event, marks in TRIGGERS:
        name = trigger_name(table, event)
        body = " ".join(
            f"INSERT INTO {DIRTY} (kind, id) VALUES ('{kind}', {ref}) ON CONFLICT DO NOTHING;"
            for kind, ref in marks
        )
        conn.execute(
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {body} RETURN NULL; END $$"
        )
        conn.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()"
        )


# --- reading the index for a search ---------------------------------------------------------

CHILD_SEPARATOR = "\x1e"  # between the children of one record in one column (ASCII RS)

# The records a search shows, by kind, for the ids given as parameters: the columns of
# each are named in ``IndexReading.records``.
_CONFERENCE_RECORDS = f"""
SELECT c.id, c.title, c.date, c.kind, c.organizer, c.host_point, c.discussion, c.notes,
  {ordered("p.name", "conference_chair x JOIN person p ON p.id = x.person_id "
           "WHERE x.conference_id = c.id ORDER BY x.position", ", ")},
  {ordered("b.name || coalesce(': ' || " + ordered(
               "p.name", "bridge_point_person x JOIN person p ON p.id = x.person_id "
               "WHERE x.bridge_point_id = b.id ORDER BY x.role, x.position", ", ") + ", '')",
           "bridge_point b WHERE b.conference_id = c.id ORDER BY b.position", CHILD_SEPARATOR)},
  {ordered("x.text", "instruction x WHERE x.conference_id = c.id ORDER BY x.position",
           CHILD_SEPARATOR)}
FROM conference c WHERE c.deleted_at IS NULL AND c.id IN """  # fmt: skip
_RECORDS = {
    "conference": _CONFERENCE_RECORDS,
    "document": "SELECT id, kind, symbol, number, issued_on, issuer, subject FROM document "
    "WHERE id IN ",
    "task": "SELECT t.id, t.title, t.detail, t.result, u.name FROM task t "
    "JOIN unit u ON u.id = t.lead_unit_id WHERE t.id IN ",
    "person": "SELECT p.id, p.name, u.name FROM person p LEFT JOIN unit u ON u.id = p.unit_id "
    "WHERE p.id IN ",
    "unit": "SELECT id, name, kind FROM unit WHERE id IN ",
}


class IndexReading:
    """The search index and the records it names, read in one snapshot through a Core
    connection. The FTS5 query (the searched words) is always a bound parameter of a
    statement sent through the engine (its events see every one); the rows are taken as
    the driver gives them, and the records read by id on the driver's connection beneath:
    SQLAlchemy's Row objects and its 45 µs a statement would add a fifth to a search, so
    the kinds are ranked in one statement."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def _rows(self, sql: str, parameters: tuple[object, ...]) -> list[Any]:
        result = self._connection.exec_driver_sql(sql, parameters)
        try:
            return list(result.cursor.fetchall())
        finally:
            result.close()

    def ranked(
        self, kinds: Sequence[str], expression: str, window: int
    ) -> dict[str, list[tuple[int, float]]]:
        """For each of ``kinds``, (id, bm25 rank) of its newest ``window`` records that
        match the FTS5 query ``expression``, newest first; the lower the rank, the better
        the match. One statement for all kinds."""
        found: dict[str, list[tuple[int, float]]] = {kind: [] for kind in kinds}
        sql = _ranked_kinds_sql(tuple(kinds), window)
        for index, rowid, rank in self._rows(sql, (expression,) * len(kinds)):
            found[kinds[index]].append((rowid, rank))
        for rows in found.values():
            rows.sort(key=itemgetter(0), reverse=True)
        return found

    def count(self, kind: str, expression: str, cap: int) -> int:
        """How many records of ``kind`` match ``expression``, counted up to ``cap``."""
        return int(self._rows(count_sql(BY_KIND[kind], cap), (expression,))[0][0])

    def records(self, kind: str, ids: Sequence[int]) -> list[Any]:
        """The rows of the records ``ids`` of ``kind``, in no order, those gone or in the
        trash left out:

        - conference: id, title, date (ISO text), kind, organizer, host point, discussion,
          notes, its chairs' names (joined by ", "), its bridge points each with who
          presided ("name: people", joined by CHILD_SEPARATOR), its instructions' texts
          (joined by CHILD_SEPARATOR);
        - document: id, kind, symbol, number, issued on (ISO text), issuer, subject;
        - task: id, title, detail, result, lead unit's name;
        - person: id, name, unit's name;
        - unit: id, name, kind.
        """
        driver = self._connection.connection.dbapi_connection
        assert driver is not None
        marks = ", ".join("?" * len(ids))
        return list(driver.execute(f"{_RECORDS[kind]}({marks})", [int(i) for i in ids]).fetchall())


@functools.lru_cache(maxsize=8)
def _ranked_kinds_sql(kinds: tuple[str, ...], window: int) -> str:
    """``ranked_sql`` of each kind, its index in ``kinds`` first, all in one statement."""
    return " UNION ALL ".join(
        f"SELECT * FROM (SELECT {index}, * FROM ({ranked_sql(BY_KIND[kind], window)}))"
        for index, kind in enumerate(kinds)
    )


@contextmanager
def index_reading(db: Database) -> Iterator[IndexReading]:
    """A read of the search index, brought in step first with what another program wrote
    (when the write lock is free: otherwise what the index holds is read, and the app's
    next commit folds the noted records)."""
    from sqlalchemy.exc import OperationalError

    with db.engine.connect() as connection:
        # Before the snapshot begins, so that the read sees what the refresh wrote.
        if pending(connection.connection.dbapi_connection):
            try:
                with db.transaction() as session:
                    refresh(session.connection().connection.dbapi_connection)
            except (sqlite3.OperationalError, OperationalError):
                pass  # locked or read-only
        if db.server is not None:
            # One snapshot for the whole read, as SQLite gives, begun after the refresh:
            # the check above began psycopg's own transaction beneath SQLAlchemy.
            connection.connection.dbapi_connection.rollback()  # type: ignore[union-attr]
            connection.execution_options(isolation_level="REPEATABLE READ")
        yield IndexReading(connection)
        connection.rollback()


def match_expression(terms: Sequence[tuple[str, bool]]) -> str:
    """An FTS5 query that needs every term: each quoted (so no character of it is FTS5
    syntax), a prefix query where the flag says so."""
    return " ".join('"' + t.replace('"', '""') + '"' + ("*" if p else "") for t, p in terms)


def ranked_sql(kind: IndexKind, window: int) -> str:
    """Rowid and bm25 rank of the newest ``window`` matches of a MATCH parameter.

    Ranking every match of a common word costs a bm25 per row (hundreds of milliseconds
    on 200,000 tasks); the newest matches, in FTS5's rowid order, cost a few.
    """
    weights = ", ".join(str(w) for w in kind.weights)
    return (
        f"SELECT rowid, bm25({kind.table}, {weights}) FROM {kind.table} "
        f"WHERE {kind.table} MATCH ? ORDER BY rowid DESC LIMIT {int(window)}"
    )


def count_sql(kind: IndexKind, cap: int) -> str:
    """How many records match a MATCH parameter, counted up to ``cap``."""
    return (
        f"SELECT count(*) FROM (SELECT rowid FROM {kind.table} "
        f"WHERE {kind.table} MATCH ? LIMIT {int(cap)})"
    )


def is_index_table(name: str | None) -> bool:
    """True for the tables of the search index (FTS5 tables, their shadow tables and
    search_dirty): built by migrations, not in the models, left alone by autogenerate."""
    return name is not None and name.startswith("search_")
