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

On a PostgreSQL server (``create_server_index``, made by server-setup) each kind has a plain
table of the same columns, key ``rowid``, kept by the same triggers and ``refresh()``, and
a generated ``words`` tsvector with a GIN index: the columns' words as they are (not what
a text search parser would make of them), each column under its weight letter. A search
there needs every word as a tsquery of quoted lexemes (``'word':*`` for a prefix), takes
the newest matches along the key as FTS5 does along its rowids (for several words walking
the newest rows first, so that where they match often the cost is bounded by the window,
not by the matches: ``newest_matches_sql``), and ranks them by ts_rank with the kind's
weights, so that both stores find the same records for the same words
(``tests/core/test_search_fuzz.py`` compares them).

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


# A server index row's words are its columns' words as they are, cut at the spaces, not
# passed through a text search parser, which splits some words and drops some signs by the
# server's locale ("2e5ab" is a number and "ab" to it, "m²" is "m"): they match as in FTS5.
# A lexeme holds at most 2047 bytes: in a column that long, a word keeps its first MAX_WORD
# characters (a query's words are at most core/search.py's 40, so a cut word matches as the
# whole would).
MAX_WORD = 255
LEXEMES = "search_lexemes"  # the function making one column's lexemes

# Two functions, as a generated column takes no subquery. Each quotes the column's words
# as tsvector text wants them (quotes and backslashes doubled), each at position 1 under
# the weight letter: a position carries the weight only, so a rank counts the columns a
# word is in. search_lexemes is one expression, which PostgreSQL writes into the generated
# column's: a column with single spaces between words and too short to hold a word past
# the limit (what index_text makes, most often) is quoted by replacing its spaces, as fast
# as to_tsvector; any other goes to search_lexemes_cut, which splits it and cuts each word,
# twice as slow. (A regular expression that cuts long words is 20 times slower.)
_LEXEMES_CUT = (
    f"CREATE FUNCTION {LEXEMES}_cut(words text, weight text) RETURNS tsvector "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(string_agg("
    f"'''' || replace(replace(left(w, {MAX_WORD}), '\\', '\\\\'), '''', '''''') "
    "|| ''':1' || weight, ' '), '')::tsvector "
    "FROM unnest(string_to_array(words, ' ')) AS w WHERE w <> '' $$"
)
_LEXEMES = (
    f"CREATE FUNCTION {LEXEMES}(words text, weight text) RETURNS tsvector "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE "
    "WHEN words = '' THEN ''::tsvector "
    "WHEN octet_length(words) < 2047 AND left(words, 1) <> ' ' "
    "AND right(words, 1) <> ' ' AND strpos(words, '  ') = 0 "
    "THEN ('''' || replace(replace(replace(words, '\\', '\\\\'), '''', ''''''), "
    "' ', ''':1' || weight || ' ''') || ''':1' || weight)::tsvector "
    f"ELSE {LEXEMES}_cut(words, weight) END $$"
)


def words_vector(kind: IndexKind) -> str:
    """The tsvector of a server index row: each column's words, as they are, under the
    column's weight letter (A, B, C, D in the columns' order)."""
    return " || ".join(
        f"{LEXEMES}({column}, '{letter}')"
        for column, letter in zip(kind.columns, _WEIGHT_LETTERS, strict=False)
    )


def create_server_index(conn: Any) -> None:
    """Make the search index on a PostgreSQL server, for a new, empty database: the notes,
    one table per kind (its key named ``rowid`` as in FTS5, so that refresh's SQL is the
    same), each row's words as a weighted tsvector (``words_vector``) with a GIN index, and
    the triggers."""
    conn.execute(
        f"CREATE TABLE {DIRTY} (kind text NOT NULL, id integer NOT NULL, PRIMARY KEY (kind, id))"
    )
    conn.execute(_LEXEMES_CUT)
    conn.execute(_LEXEMES)
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


@dataclass(frozen=True)
class IndexQuery:
    """A search's words as the store's index takes them (``IndexReading.query``): what a
    match needs, and on a server what is ranked (any of the words)."""

    match: str
    rank: str | None = None
    # More than one word: a server walks the newest rows first (``newest_matches_sql``).
    several: bool = False

    @property
    def parameters(self) -> tuple[str, ...]:
        """The parameters of one kind's ranked statement in SQLite."""
        return (self.match,) if self.rank is None else (self.match, self.rank)

    @property
    def walk(self) -> Walk | None:
        """How a server finds the newest matches: walking first for several words, whose
        frequency together PostgreSQL cannot estimate; as it plans for one."""
        return WALK if self.several else None

    @property
    def named(self) -> dict[str, str]:
        """The parameters of a server's statements, named (each is used more than once):
        ``q`` what a match needs, ``r`` what is ranked."""
        return {"q": self.match, "r": self.match if self.rank is None else self.rank}


class IndexReading:
    """The search index and the records it names, read in one snapshot through a Core
    connection, on either store. The query (the searched words, made by ``query()``) is
    always a bound parameter of a statement sent through the engine (its events see every
    one); the rows are taken as the driver gives them, and the records read by id on the
    driver's connection beneath: SQLAlchemy's Row objects and its 45 µs a statement would
    add a fifth to a search, so the kinds are ranked in one statement."""

    def __init__(self, connection: Connection, *, server: bool = False) -> None:
        self._connection = connection
        self._server = server
        # (kind, match, cap) -> matches counted up to cap by ``ranked`` on a server
        self._counted: dict[tuple[str, str, int], int] = {}

    def _rows(self, sql: str, parameters: tuple[object, ...] | dict[str, str]) -> list[Any]:
        result = self._connection.exec_driver_sql(sql, parameters)
        try:
            return list(result.cursor.fetchall())
        finally:
            result.close()

    def query(self, terms: Sequence[tuple[str, bool]]) -> IndexQuery:
        """The query that needs every one of ``terms`` (folded words, each flagged when it
        is a prefix), in this store's language: FTS5's, or PostgreSQL's tsquery."""
        if self._server:
            return IndexQuery(
                tsquery_expression(terms), tsquery_expression(terms, "|"), len(terms) > 1
            )
        return IndexQuery(match_expression(terms))

    def ranked(
        self, kinds: Sequence[str], query: IndexQuery, window: int, cap: int = 0
    ) -> dict[str, list[tuple[int, float]]]:
        """For each of ``kinds``, (id, rank) of its newest ``window`` records that match
        ``query``, newest first; the lower the rank, the better the match (bm25 in FTS5,
        ts_rank negated on a server). One statement for all kinds.

        On a server the same statement counts each kind's matches up to ``cap`` (the
        newest ``cap`` matches are found along the same path, and only the window's are
        ranked): ``count`` then answers without a statement of its own, which would find
        the matches a second time."""
        found: dict[str, list[tuple[int, float]]] = {kind: [] for kind in kinds}
        if not self._server:
            sql = _ranked_kinds_sql(tuple(kinds), window)
            for index, rowid, rank in self._rows(sql, query.parameters * len(kinds)):
                found[kinds[index]].append((rowid, rank))
        else:
            counted = [0] * len(kinds)
            sql = _ranked_kinds_sql(tuple(kinds), window, server=True, cap=cap, walk=query.walk)
            for index, rowid, rank in self._rows(sql, query.named):
                counted[index] += 1
                if rank is not None:  # in the window
                    found[kinds[index]].append((rowid, rank))
            for index, kind in enumerate(kinds):
                self._counted[(kind, query.match, cap)] = min(counted[index], cap)
        for rows in found.values():
            rows.sort(key=itemgetter(0), reverse=True)
        return found

    def count(self, kind: str, query: IndexQuery, cap: int) -> int:
        """How many records of ``kind`` match ``query``, counted up to ``cap``."""
        counted = self._counted.get((kind, query.match, cap))
        if counted is not None:
            return counted
        if self._server:
            sql = server_count_sql(BY_KIND[kind], cap, query.walk)
            return int(self._rows(sql, {"q": query.match})[0][0])
        return int(self._rows(count_sql(BY_KIND[kind], cap), (query.match,))[0][0])

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
        sql = f"{_RECORDS[kind]}({marks})"
        values = [int(i) for i in ids]
        if not self._server:
            return list(driver.execute(sql, values).fetchall())
        from psycopg.types.string import TextLoader

        cursor: Any = driver.cursor()
        try:
            # Days as ISO text, as SQLite gives them (the loaders are this cursor's own).
            cursor.adapters.register_loader("date", TextLoader)
            return list(cursor.execute(_Driver(driver).sql(sql), values).fetchall())
        finally:
            cursor.close()


@functools.lru_cache(maxsize=16)
def _ranked_kinds_sql(
    kinds: tuple[str, ...],
    window: int,
    *,
    server: bool = False,
    cap: int = 0,
    walk: Walk | None = None,
) -> str:
    """``ranked_sql`` (``server_ranked_sql`` on a server, walking as ``walk`` says) of each
    kind, its index in ``kinds`` first, all in one statement."""
    if server:
        return " UNION ALL ".join(
            f"SELECT {index}, * FROM ({server_ranked_sql(BY_KIND[kind], window, cap, walk)}) "
            f"AS k{index}"
            for index, kind in enumerate(kinds)
        )
    return " UNION ALL ".join(
        f"SELECT * FROM (SELECT {index}, * FROM ({ranked_sql(BY_KIND[kind], window)}))"
        for index, kind in enumerate(kinds)
    )


def _refresh_refusals(server: bool) -> tuple[type[BaseException], ...]:
    """What a search's refresh may meet, to read the index as it is: the file locked or
    read-only; on a server a login without the right to write, or another search folding
    the same records at the same moment (one of the two finds the other's rows)."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    if not server:
        return (sqlite3.OperationalError, OperationalError)
    import psycopg

    return (psycopg.OperationalError, psycopg.IntegrityError, psycopg.ProgrammingError, DBAPIError)


@contextmanager
def index_reading(db: Database) -> Iterator[IndexReading]:
    """A read of the search index, brought in step first with what another program wrote
    (when the write lock is free: otherwise what the index holds is read, and the app's
    next commit folds the noted records)."""
    server = db.server is not None
    with db.engine.connect() as connection:
        driver = connection.connection.dbapi_connection
        assert driver is not None
        if server:
            # One snapshot for the whole read, as SQLite gives, begun by the look at the
            # notes (psycopg begins it, unknown to SQLAlchemy): the app's own writes leave
            # none, so the search reads on in it, two round trips saved.
            connection.execution_options(isolation_level="REPEATABLE READ")
        # On SQLite before the snapshot begins, so that the read sees what a refresh wrote.
        if pending(driver):
            if server:
                driver.rollback()  # the next statement begins a snapshot after the refresh
            try:
                with db.transaction() as session:
                    refresh(session.connection().connection.dbapi_connection)
            except _refresh_refusals(server):
                pass
        connection.rollback()
        yield IndexReading(connection, server=server)
        connection.rollback()


def match_expression(terms: Sequence[tuple[str, bool]]) -> str:
    """An FTS5 query that needs every term: each quoted (so no character of it is FTS5
    syntax), a prefix query where the flag says so."""
    return " ".join('"' + t.replace('"', '""') + '"' + ("*" if p else "") for t, p in terms)


def tsquery_expression(terms: Sequence[tuple[str, bool]], operator: str = "&") -> str:
    """A tsquery (as text, for a ``::tsquery`` cast) that needs every term (``operator``
    "&"; "|" for any): each a lexeme as it is, quoted, its quotes and backslashes doubled,
    so that no character of it is tsquery syntax (``& | ! : * ( ) <->``), with ``:*`` (a
    prefix) where the flag says so. The index's lexemes are the folded words as they are
    (``words_vector``), and so are the terms: no parser comes between."""
    return f" {operator} ".join(
        "'" + t.replace("\\", "\\\\").replace("'", "''") + "'" + (":*" if p else "")
        for t, p in terms
    )


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


# ts_rank's normalisation: the rank divided by 1 + the logarithm of the row's length in
# words, so that, as with bm25, a word in a short row weighs more than in a long one.
_RANK_NORMALIZATION = 1


def rank_weights(kind: IndexKind) -> str:
    """The weights of ``kind``'s columns as ts_rank takes them: an array literal for the
    weight letters D, C, B, A (the columns are under A, B, C, D in order), each in 0..1,
    so divided by the largest (the order of the ranks is the same)."""
    top = max(kind.weights)
    by_letter = [w / top for w in kind.weights]
    by_letter += [min(by_letter)] * (len(_WEIGHT_LETTERS) - len(by_letter))
    return "{" + ", ".join(f"{w:g}" for w in reversed(by_letter)) + "}"


@dataclass(frozen=True)
class Walk:
    """How far a server's search walks the newest rows along the key before it takes the
    GIN index (``newest_matches_sql``)."""

    sample: int = 1024  # the newest ids walked first, to see how often the words match
    further: int = 250_000  # the ids walked on at most, when they match often enough


WALK = Walk()  # read at each search (a test may set a smaller walk)

# What a match found through the GIN index costs against a row walked along the key, by
# kind (measured on 2,000,000 tasks and 20,000 conferences, their pages in the system's
# cache but not the server's buffers): a task row walked costs 0.25 µs (its words inline),
# a task found 3 to 6 µs (a heap page each); a conference row walked 2.5 µs (its words
# compressed), a conference found 8 µs.
_GIN_COST = {"conference": 3.0}
_GIN_COST_ELSE = 16.0


def newest_matches_sql(kind: IndexKind, cap: int, walk: Walk | None = WALK) -> str:
    """Rowid and words of the newest ``cap`` rows whose words match the tsquery parameter
    ``q``, newest first: the cost of a search on a server.

    Without ``walk``, one query whose plan PostgreSQL chooses from its estimate of how
    many rows match: it walks the newest rows along the key (``ORDER BY rowid DESC``)
    until it has ``cap`` for words it thinks common, and reads every match through the
    GIN index, then sorts them, for words it thinks rare. For one word its estimate is
    the word's frequency in the table's statistics, and it chooses well. For several it
    multiplies their frequencies, as if they were independent: two words that nearly
    always go together ("ba be": 59,039 of 2,000,000 tasks) are estimated rare (1,682),
    and every match is read, 300 ms, where walking the newest rows finds the window in
    33,000 rows, 10 ms. Search takes this form for one word only.

    With ``walk`` the statement looks first and chooses, in three parts run in turn, each
    the newest matches below those of the one before:

    1. the newest ``walk.sample`` ids are walked along the key (kept whole by their LIMIT,
       so that no index on the words can replace the walk) and their matches taken, up
       to ``cap``: with ``cap`` of them, done;
    2. otherwise their number ``n`` says how often the words match: walking on to ``cap``
       would read about (cap - n) * sample / n more rows, the GIN index about
       n * rest / sample older matches (``rest`` the older ids), each costing
       ``_GIN_COST`` rows walked. When the walk is the cheaper and fits twice in
       ``walk.further`` ids (a walk that falls short is paid on top of the GIN index),
       those next ids are walked, up to the matches still wanted;
    3. the rest, below what was walked, through the GIN index, only when still short of
       ``cap``: its words come from a sub-select, which PostgreSQL does not look into
       (it takes one row in 200 to match), and its order is by ``rowid + 0``, which no
       index gives, so that it reads the GIN index and does not walk.

    Each part's condition names only what the parts before found: PostgreSQL tests it
    once, before reading any row, and a part not wanted reads nothing. So where the words
    match often the statement reads about ``sample + cap / frequency`` rows, and never
    more than ``sample + further`` in a walk, whatever the table's size. The GIN index is
    read only for words that match too seldom among the newest rows for a walk to pay
    (at 2,000,000 tasks, fewer than 9 of the newest 1,024, under 1 in 114): it costs the
    older matches, fewer than the rows a walk would read, and those grow with the data
    (under 17,500 at 2,000,000 tasks; "kiem tra ba be", 7,338 of them, takes 50 to 60 ms,
    as before). So do words that match often but seldom among the newest rows (two
    common words that never go together, a name no longer used): their matches are far
    back or nowhere, and no order of reading finds them sooner.
    """
    table, cap = kind.table, int(cap)
    match = "%(q)s::tsquery"
    if walk is None:
        return (
            f"SELECT rowid, words FROM {table} WHERE words @@ {match} "
            f"ORDER BY rowid DESC LIMIT {cap}"
        )
    sample, further = int(walk.sample), int(walk.further)
    gin = _GIN_COST.get(kind.kind, _GIN_COST_ELSE)
    newest = "(SELECT m FROM top)"
    return (
        f"WITH top AS (SELECT max(rowid) AS m FROM {table}), "
        f"a AS MATERIALIZED (SELECT rowid, words FROM (SELECT rowid, words FROM {table} "
        f"WHERE rowid > {newest} - {sample} ORDER BY rowid DESC LIMIT {sample}) AS n "
        f"WHERE words @@ {match} LIMIT {cap}), "
        f"way AS (SELECT n, m, n < {cap} "
        f"AND {gin} * n * n * (m - {sample}) > ({cap} - n) * {sample * sample}.0 "
        f"AND 2 * ({cap} - n) * {sample} <= n * {further}.0 AS walk "
        "FROM (SELECT count(*) AS n FROM a) AS c, top), "
        f"b AS MATERIALIZED (SELECT rowid, words FROM (SELECT rowid, words FROM {table} "
        f"WHERE rowid <= {newest} - {sample} AND rowid > {newest} - {sample + further} "
        f"ORDER BY rowid DESC LIMIT {further}) AS n "
        f"WHERE words @@ {match} AND (SELECT walk FROM way) "
        f"LIMIT {cap} - (SELECT n FROM way)), "
        f"rest AS (SELECT m - {sample} - CASE WHEN walk THEN {further} ELSE 0 END AS below, "
        f"{cap} - n - (SELECT count(*) FROM b) AS wanted FROM way) "
        "SELECT rowid, words FROM a UNION ALL SELECT rowid, words FROM b UNION ALL "
        f"(SELECT rowid, words FROM {table} WHERE words @@ (SELECT {match}) "
        "AND rowid + 0 <= (SELECT below FROM rest) "
        "AND (SELECT wanted > 0 AND below > 0 FROM rest) "
        f"ORDER BY rowid + 0 DESC LIMIT {cap}) "
        f"ORDER BY rowid DESC LIMIT {cap}"
    )


def server_ranked_sql(kind: IndexKind, window: int, cap: int = 0, walk: Walk | None = WALK) -> str:
    """``ranked_sql`` on a server: rowid and rank of the newest ``window`` rows whose words
    match the tsquery parameter ``q`` (every term), found by ``newest_matches_sql`` (as
    ``walk`` says), the rank that ts_rank gives them for the parameter ``r`` (any term:
    each counts by the weights of the columns it is in), negated so that lower is better,
    as bm25's. The rank is taken of those rows only, after the LIMIT, as in FTS5. With
    ``cap`` above ``window``, the next newest matches follow up to ``cap`` rows in all,
    unranked (NULL): their number is the count up to ``cap``.

    The words are bound parameters, named (each is used more than once), made constants
    of the plan: without a walk each search is planned for its words. psycopg would
    prepare a statement run five times on a connection, whose plan may then serve any
    words; it forgets them at every rollback, and each search is a read rolled back."""
    rank = f"-ts_rank('{rank_weights(kind)}', words, %(r)s::tsquery, {_RANK_NORMALIZATION})"
    if cap > window:
        rank = f"CASE WHEN row_number() OVER (ORDER BY rowid DESC) <= {int(window)} THEN {rank} END"
    newest = newest_matches_sql(kind, max(int(window), int(cap)), walk)
    return f"SELECT rowid, {rank} FROM ({newest}) AS w"


def server_count_sql(kind: IndexKind, cap: int, walk: Walk | None = WALK) -> str:
    """``count_sql`` on a server: how many rows match the tsquery parameter ``q``, up to
    ``cap``: the newest matches as ``newest_matches_sql`` finds them with ``walk``, or
    without it, any ``cap`` matches in the plan PostgreSQL chooses."""
    if walk is None:
        return (
            f"SELECT count(*) FROM (SELECT 1 FROM {kind.table} "
            f"WHERE words @@ %(q)s::tsquery LIMIT {int(cap)}) AS m"
        )
    return f"SELECT count(*) FROM ({newest_matches_sql(kind, cap, walk)}) AS m"


def is_index_table(name: str | None) -> bool:
    """True for the tables of the search index (FTS5 tables, their shadow tables and
    search_dirty): built by migrations, not in the models, left alone by autogenerate."""
    return name is not None and name.startswith("search_")
