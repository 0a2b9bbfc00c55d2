"""Is a database file fit to open: its folder, an empty file, and damage SQLite's check misses.

SQLite's ``quick_check`` finds broken pages. Through a read-only connection (the file is
checked before anything may write to it) it does not evaluate CHECK constraints, and it
never looks at foreign keys or at what a value means: a task whose status is 'bogus',
a date '2023-13-45' or a task whose instruction is gone pass it, and then every screen
and command that reads them fails. ``find_damage`` looks for those as well, with the
file's own schema as the rules: every CHECK constraint, every NOT NULL column, every
foreign key (``PRAGMA foreign_key_check``), and every DATE, DATETIME, INTEGER and text
column holding something the program cannot read back. One scan per table, in SQL.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from minutes_app.db.engine import (
    BUSY_TIMEOUT_MS,
    KNOWN_REVISIONS,
    Database,
    DatabaseRefused,
    quoted_name,
    stored_revision,
)
from minutes_app.db.locks import is_busy

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Progress = Callable[[int, int], object]

_SHOWN_LENGTH = 40  # a value longer than this is cut in a message
# Threads that check parts of a file side by side (each a read-only connection).
_WORKERS = max(2, min(4, os.cpu_count() or 2))

# Whether a value of each column type can be read back, as the program writes it: a date
# is 'YYYY-MM-DD', a date and time 'YYYY-MM-DD HH:MM:SS' with up to six decimals (what
# SQLAlchemy writes and CURRENT_TIMESTAMP gives). A modifier ('+0 days') makes SQLite's
# date() work the date out, so a valid one comes back unchanged and '2023-02-30' as
# '2023-03-02'; NULL for what is no date at all. The year 0 has no Python date. The seconds
# are left out of datetime()'s round trip: it keeps milliseconds and would round them.
# Written for speed (about 0.6 s for 340,000 history entries; a GLOB settles the usual
# six decimals); tests/db/test_soundness.py checks them against date/datetime.fromisoformat.
_BAD_DATE = "date({c}, '+0 days') IS NOT {c} OR {c} < '0001'"
_BAD_DATETIME = (
    "datetime(substr({c}, 1, 19), '+0 seconds') IS NOT substr({c}, 1, 19) OR {c} < '0001'"
    " OR NOT (length({c}) = 19 OR {c} GLOB '???????????????????.[0-9][0-9][0-9][0-9][0-9][0-9]'"
    " OR (length({c}) BETWEEN 21 AND 25 AND substr({c}, 20, 1) = '.'"
    " AND substr({c}, 21) NOT GLOB '*[^0-9]*'))"
)
_BAD_NUMBER = "typeof({c}) NOT IN ('integer', 'null')"
# NULL in a NOT NULL column is found by quick_check ("NULL value in task.title"); this
# names the rows. (Not "IS NULL": SQLite answers that from the NOT NULL alone.)
_NULL = "typeof({c}) = 'null'"


@dataclass(frozen=True)
class Damage:
    """One thing wrong in a database file.

    ``kind`` says what, for a message in the window's language:
    "file" (SQLite's own finding, in ``detail``), "empty_file", "not_allowed" (a value a
    CHECK constraint lists no place for), "rule" (another CHECK constraint, in ``detail``),
    "missing" (NULL in a NOT NULL column), "date", "datetime", "number" (a value that is
    none of these) and "reference" (a foreign key to ``detail``, the table referred to,
    that finds no row). ``str()`` is the English line.
    """

    kind: str
    table: str = ""
    row: str = ""  # the row's key: "17", or "conference_id 3, position 1"
    column: str = ""
    value: str = ""  # the value as shown: 'bogus', 999
    detail: str = ""

    def __str__(self) -> str:
        where = f"table {self.table}, row {self.row}"
        match self.kind:
            case "empty_file":
                return "the file is empty (0 bytes)"
            case "not_allowed":
                return f"{where}: {self.column} {self.value} is not allowed"
            case "rule":
                return f"{where}: breaks the rule {self.detail}"
            case "missing":
                return f"{where}: {self.column} is missing"
            case "date":
                return f"{where}: {self.column} {self.value} is not a valid date"
            case "datetime":
                return f"{where}: {self.column} {self.value} is not a valid date and time"
            case "number":
                return f"{where}: {self.column} {self.value} is not a whole number"
            case "reference":
                return (
                    f"{where}: {self.column} refers to {self.detail} {self.value}, "
                    "which does not exist"
                )
        return self.detail


class DatabaseDamaged(DatabaseRefused):
    """A database that is damaged: ``damage`` says where; ``str()`` is one plain line."""

    def __init__(
        self, path: Path | str, damage: Sequence[Damage], message: str | None = None
    ) -> None:
        self.damage = list(damage)
        if message is None:
            first = str(self.damage[0]) if self.damage else "SQLite found errors in it"
            more = len(self.damage) - 1
            also = f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""
            message = (
                f"{path} is damaged: {first}{also}. Nothing was changed; restore it from a "
                "backup in the window (File → Restore from a backup…)."
            )
        super().__init__("damaged", path, message)


# --- where the file is ---------------------------------------------------------------------


def check_folder(path: Path, own_folder: Path | None = None) -> None:
    """Refuse a database whose folder does not exist (a network share or a drive that is
    not connected) rather than make the folder and a new, empty database in it, which
    would hide the clerk's data; ``own_folder``, the program's own data folder, is made.
    (An existing file of 0 bytes is refused by ``Database.open``.)
    """
    folder = path.absolute().parent
    if not folder.is_dir() and (own_folder is None or folder != own_folder.absolute()):
        raise DatabaseRefused(
            "no_folder",
            path,
            f"{path} cannot be opened: the folder {folder} does not exist (is the drive or "
            "network share connected?). Nothing was created.",
        )


# --- the check -----------------------------------------------------------------------------


def _read_only(path: Path) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def _shown(value: object) -> str:
    if isinstance(value, bytes):
        return "(binary data)"
    if isinstance(value, str):
        cut = value if len(value) <= _SHOWN_LENGTH else value[: _SHOWN_LENGTH - 1] + "…"
        return "'" + cut + "'"
    return str(value)


def _checks_of(create_sql: str) -> Iterator[tuple[str, str]]:
    """The CHECK constraints of a CREATE TABLE statement: (name or '', expression)."""
    upper = create_sql.upper()
    position = 0
    while True:
        found = _next_keyword(create_sql, upper, "CHECK", position)
        if found < 0:
            return
        start = create_sql.index("(", found)
        end = _closing(create_sql, start)
        expression = create_sql[start + 1 : end].strip()
        name = re.search(r"CONSTRAINT\s+(\"[^\"]+\"|\w+)\s*$", create_sql[:found], re.IGNORECASE)
        yield (name[1].strip('"') if name else "", expression)
        position = end + 1


def _next_keyword(sql: str, upper: str, word: str, position: int) -> int:
    """Where ``word`` next stands as a keyword in ``sql`` (not inside quotes), or -1."""
    quote = ""
    index = position
    while index < len(sql):
        char = sql[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"`[":
            quote = "]" if char == "[" else char
        elif (
            upper.startswith(word, index)
            and (index == 0 or not (sql[index - 1].isalnum() or sql[index - 1] == "_"))
            and not (sql[index + len(word) : index + len(word) + 1].isalnum())
        ):
            return index
        index += 1
    return -1


def _closing(sql: str, start: int) -> int:
    """The index of the parenthesis that closes the one at ``start``."""
    depth = 0
    quote = ""
    for index in range(start, len(sql)):
        char = sql[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"`":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError("unbalanced parentheses")


# "status IN ('open', …)", or "session IS NULL OR session IN (…)": a list of allowed values.
_ONE_OF = re.compile(
    r"^(?:(?P<a>\w+) IS NULL OR )?(?P<column>\w+) IN \((?P<values>[^()]*)\)$", re.I
)


@dataclass(frozen=True)
class _Test:
    """One condition a row must not meet; ``column`` is shown with its value."""

    kind: str
    sql: str
    column: str = ""
    detail: str = ""


@dataclass(frozen=True)
class _Table:
    name: str
    key: tuple[str, ...]  # the columns that name a row; () for the rowid
    tests: tuple[_Test, ...]


def _tables(conn: sqlite3.Connection) -> list[_Table]:
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for name, sql in rows if str(sql).upper().startswith("CREATE VIRTUAL")]
    tables = []
    for name, sql in rows:
        if name in virtual or any(name.startswith(f"{v}_") for v in virtual):
            continue  # full-text search indexes: SQLite's own format, rebuilt from the records
        tables.append(_table(conn, name, str(sql)))
    return tables


def _table(conn: sqlite3.Connection, name: str, sql: str) -> _Table:
    columns = conn.execute(f"PRAGMA table_info({quoted_name(name)})").fetchall()
    key = tuple(c[1] for c in sorted((c for c in columns if c[5]), key=lambda c: c[5]))
    rowid_alias = len(key) == 1 and any(
        c[1] == key[0] and c[2].upper() == "INTEGER" for c in columns
    )
    # A foreign key's column holding something else than a whole number refers to no row:
    # the reference check finds it, so it is not tested twice.
    referring = {r[3] for r in conn.execute(f"PRAGMA foreign_key_list({quoted_name(name)})")}
    tests: list[_Test] = []
    for _cid, column, declared, _not_null, _default, _pk in columns:
        c = quoted_name(column)
        kind = declared.upper()
        if kind == "DATE":
            tests.append(_Test("date", _BAD_DATE.format(c=c), column))
        elif kind in ("DATETIME", "TIMESTAMP"):
            tests.append(_Test("datetime", _BAD_DATETIME.format(c=c), column))
        elif "INT" in kind and column not in referring and not (rowid_alias and column == key[0]):
            tests.append(_Test("number", _BAD_NUMBER.format(c=c), column))
    for constraint, expression in _checks_of(sql):
        one_of = _ONE_OF.match(expression)
        if one_of and one_of["a"] in (None, one_of["column"]):
            tests.append(_Test("not_allowed", f"NOT ({expression})", one_of["column"]))
        else:
            rule = f"{constraint} ({expression})" if constraint else f"({expression})"
            tests.append(_Test("rule", f"NOT ({expression})", detail=rule))
    return _Table(name, () if rowid_alias else key, tuple(tests))


def _row_name(table: _Table, key: Sequence[object]) -> str:
    if not table.key:
        return str(key[0])
    return ", ".join(
        f"{column} {_shown(value)}" for column, value in zip(table.key, key, strict=True)
    )


def _key_columns(table: _Table) -> list[str]:
    return [quoted_name(k) for k in table.key] or ["rowid"]


def _failing_rows(conn: sqlite3.Connection, table: _Table, limit: int) -> list[Damage]:
    """The rows of ``table`` that fail one of its tests: one scan of the table."""
    if not table.tests or limit <= 0:
        return []
    key = _key_columns(table)
    shown = sorted({t.column for t in table.tests if t.column})
    flags = [f"coalesce({t.sql}, 0)" for t in table.tests]
    sql = (
        f"SELECT {', '.join([*key, *flags, *(quoted_name(c) for c in shown)])} "
        f"FROM {quoted_name(table.name)} WHERE {' OR '.join(f'({t.sql})' for t in table.tests)} "
        f"LIMIT {int(limit)}"
    )
    found: list[Damage] = []
    for row in conn.execute(sql):
        row_key = row[: len(key)]
        hits = row[len(key) : len(key) + len(flags)]
        values = dict(zip(shown, row[len(key) + len(flags) :], strict=True))
        for test, hit in zip(table.tests, hits, strict=True):
            if hit:
                value = _shown(values[test.column]) if test.column else ""
                found.append(
                    Damage(
                        test.kind,
                        table.name,
                        _row_name(table, row_key),
                        test.column,
                        value,
                        test.detail,
                    )
                )
    return found[:limit]


def _table_named(conn: sqlite3.Connection, name: str) -> _Table:
    sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return _table(conn, name, str(sql[0]))


def reference_damage(conn: sqlite3.Connection) -> Iterator[Damage]:
    """Every foreign key that finds no row to refer to, as ``PRAGMA foreign_key_check``
    reports them (lazily: stop iterating to stop the check)."""
    keys: dict[str, dict[int, str]] = {}
    tables: dict[str, _Table] = {}
    for table, rowid, parent, fkid in conn.execute("PRAGMA foreign_key_check"):
        if table not in keys:
            keys[table] = {
                r[0]: r[3]
                for r in conn.execute(f"PRAGMA foreign_key_list({quoted_name(table)})")
                if r[1] == 0  # the first column of each key (every key here has one)
            }
            tables[table] = _table_named(conn, table)
        column = keys[table].get(fkid, "")
        described = tables[table]
        row, value = str(rowid), None
        if rowid is not None and column:
            found = conn.execute(
                f"SELECT {', '.join([*_key_columns(described), quoted_name(column)])} "
                f"FROM {quoted_name(table)} WHERE rowid = ?",
                (rowid,),
            ).fetchone()
            if found is not None:
                row, value = _row_name(described, found[:-1]), found[-1]
        yield Damage("reference", table, row, column, _shown(value), parent)


def broken_references(session: Session) -> list[Damage]:
    """``reference_damage`` read in ``session``'s own transaction (its snapshot). None on
    a PostgreSQL server: it enforces every foreign key always (SQLite only when a
    connection asks, so another program may have left a dangling one in a file)."""
    if session.get_bind().dialect.name != "sqlite":
        return []
    connection = session.connection().connection.dbapi_connection
    if connection is None:
        return []
    return list(reference_damage(connection))  # type: ignore[arg-type]  # the driver's


_NULL_FOUND = re.compile(r"^NULL value in (?P<table>\w+)\.(?P<column>\w+)$")


def _page_damage(path: Path, limit: int) -> list[Damage]:
    """SQLite's own check of the file's pages and indexes (``quick_check``); a NULL in a
    NOT NULL column, which it finds too, is named by its rows."""
    try:
        with closing(_read_only(path)) as conn:
            lines = [str(r[0]) for r in conn.execute(f"PRAGMA quick_check({int(limit)})")]
            if lines == ["ok"]:
                return []
            found: list[Damage] = []
            for line in lines:
                null = _NULL_FOUND.match(line)
                if null is None:
                    found.append(Damage("file", detail=line))
                    continue
                table = _table_named(conn, null["table"])
                rows = conn.execute(
                    f"SELECT {', '.join(_key_columns(table))} FROM {quoted_name(table.name)} "
                    f"WHERE {_NULL.format(c=quoted_name(null['column']))} LIMIT {int(limit)}"
                )
                found += [
                    Damage("missing", table.name, _row_name(table, row), null["column"])
                    for row in rows
                ]
            return found
    except sqlite3.DatabaseError as exc:
        return _file_damage(exc)


def _file_damage(error: sqlite3.DatabaseError) -> list[Damage]:
    """The file as SQLite could not read it; a lock another copy of the program holds is
    no damage, and is raised for the caller to say so."""
    if is_busy(error):
        raise error
    return [Damage("file", detail=str(error))]


def _in_table(path: Path, name: str, limit: int) -> list[Damage]:
    with closing(_read_only(path)) as conn:
        return _failing_rows(conn, _table_named(conn, name), limit)


def _in_references(path: Path, limit: int) -> list[Damage]:
    with closing(_read_only(path)) as conn:
        return list(_first(reference_damage(conn), limit))


def _first(items: Iterable[Damage], count: int) -> Iterator[Damage]:
    for index, item in enumerate(items):
        if index >= count:
            return
        yield item


def find_damage(
    path: Path, *, limit: int = 20, pages: bool = True, progress: Progress | None = None
) -> list[Damage]:
    """What is wrong with the database at ``path``, at most ``limit`` findings: none when
    it is sound.

    Broken pages (SQLite's ``quick_check``, unless ``pages`` is False because the caller
    ran ``integrity_check`` already); when the pages are sound, foreign keys that refer
    to no row, and values that break a constraint or cannot be read back. The page check,
    the references and each table are checked side by side, each on a thread with a
    read-only connection of its own: it is SQL, which SQLite runs without the GIL. The
    file is left as it was. ``progress(done, total)`` is told as each part is done.
    """
    if path.is_file() and path.stat().st_size == 0:
        return [Damage("empty_file")]
    try:
        with closing(_read_only(path)) as conn:
            names = [t.name for t in _tables(conn) if t.tests]
    except sqlite3.DatabaseError as exc:
        return _file_damage(exc)
    with ThreadPoolExecutor(_WORKERS, thread_name_prefix="damage-check") as pool:
        page_check = pool.submit(_page_damage, path, limit) if pages else None
        parts = [pool.submit(_in_references, path, limit)]
        parts += [pool.submit(_in_table, path, name, limit) for name in names]
        for done, _part in enumerate(as_completed(parts), start=1):
            if progress is not None:
                progress(done, len(parts))
        on_pages = page_check.result() if page_check is not None else []
    if any(d.kind == "file" for d in on_pages):
        return on_pages[:limit]  # what else was found may be read from broken pages
    found = list(on_pages)
    for part in parts:
        try:
            found += part.result()
        except sqlite3.DatabaseError as exc:
            return _file_damage(exc)
    return found[:limit]


# --- files found sound ---------------------------------------------------------------------


def fingerprint(path: Path) -> str:
    """Size and modification time of ``path`` and of the -wal beside it, where another copy
    of the program writes while it has the file open (an empty one, as a look at the file
    leaves, holds nothing): equal fingerprints mean an untouched file."""
    info = path.stat()
    text = f"{info.st_size}:{info.st_mtime_ns}"
    try:
        beside = Path(f"{path}-wal").stat()
    except OSError:
        return text
    return text + (f":{beside.st_size}:{beside.st_mtime_ns}" if beside.st_size else "")


class CheckedFiles:
    """The databases found sound, or left so by this program, each with the fingerprint
    it had then, in a small JSON file: a file untouched since is not checked again.
    It is only a shortcut, so a record that cannot be read or written is no error."""

    def __init__(self, record: Path) -> None:
        self.record = record

    def _read(self) -> dict[str, str]:
        try:
            found = json.loads(self.record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}

    def known(self, path: Path) -> bool:
        """True when ``path`` is exactly as it was when last found or left sound."""
        try:
            return self._read().get(str(path.resolve())) == fingerprint(path)
        except OSError:
            return False

    def remember(self, path: Path) -> None:
        try:
            entries = self._read()
            entries[str(path.resolve())] = fingerprint(path)
            self.record.parent.mkdir(parents=True, exist_ok=True)
            temp = self.record.with_name(f".{self.record.name}.{os.getpid()}.part")
            temp.write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(temp, self.record)
        except OSError:
            pass


def open_sound(path: Path, own_folder: Path, checked: CheckedFiles) -> Database:
    """Open the database at ``path`` for a command, or refuse it without changing it.

    The folder is checked as ``check_folder`` does; a file changed since it was last
    found sound is checked with ``find_damage`` first (``DatabaseDamaged``); an empty
    file, a file that is not a minutes-app database, or a newer one is refused as
    ``Database.open`` refuses it.
    """
    check_folder(path, own_folder)
    if path.is_file() and stored_revision(path) in KNOWN_REVISIONS and not checked.known(path):
        damage = find_damage(path)
        if damage:
            raise DatabaseDamaged(path, damage)
        checked.remember(path)
    return Database.open(path)
