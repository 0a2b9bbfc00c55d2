"""The change log: every insert, update, delete and restore of a record, field by field.

One table (``change_log``, models.ChangeEntry) written by the database itself, in the same
transaction as the change, so that no path of the app (an ORM save, a Core import, the
command line) can change a record without it being logged:

- on a server, by PostgreSQL triggers (``server_triggers``) that run as the database's
  owner, with the login that made the change (``session_user``): a change made by any
  client is logged, and no role but the owner may write or alter the log (office_access);
- on a file, by SQLite triggers (``file_triggers``, installed by migration 0008); the user
  (SQLite has no logins) is stamped just before the commit by the app (``stamp``), on
  the entries this transaction wrote.

Both forms are generated from one description, ``LOGGED``: which table is which entity,
what labels an entry, and which conference, task and unit it concerns (for
``history --conference``, ``--task`` and the activity view's unit filter). A change that
touches only the bookkeeping columns (``SKIPPED``: a version bumped by a progress note)
is not an entry of its own: the note is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

SKIPPED = frozenset(
    {"id", "uid", "version", "updated_at", "updated_by", "search_text", "created_at"}
)

_TASK_CONFERENCE = (
    "(SELECT i.conference_id FROM instruction i JOIN task t ON t.instruction_id = i.id "
    "WHERE t.id = {r}.task_id)"
)
_TASK_UNIT = "(SELECT t.lead_unit_id FROM task t WHERE t.id = {r}.task_id)"
_PERSON = "(SELECT p.name FROM person p WHERE p.id = {r}.person_id)"


@dataclass(frozen=True)
class Logged:
    """A logged table: its entity's name and, as SQL over the row ``{r}``, the entry's
    record id, label, and the conference, task and unit it concerns."""

    table: str
    entity: str
    label: str
    entity_id: str = "{r}.id"
    conference: str = "NULL"
    task: str = "NULL"
    unit: str = "NULL"


LOGGED: tuple[Logged, ...] = (
    Logged("conference", "conference", "{r}.title", conference="{r}.id"),
    Logged(
        "instruction", "instruction", "substr({r}.text, 1, 200)", conference="{r}.conference_id"
    ),
    Logged(
        "task",
        "task",
        "{r}.title",
        conference="(SELECT i.conference_id FROM instruction i WHERE i.id = {r}.instruction_id)",
        task="{r}.id",
        unit="{r}.lead_unit_id",
    ),
    Logged(
        "task_event",
        "task_event",
        "{r}.kind",
        conference=_TASK_CONFERENCE,
        task="{r}.task_id",
        unit=_TASK_UNIT,
    ),
    Logged(
        "task_support",
        "task_support",
        "(SELECT u.name FROM unit u WHERE u.id = {r}.unit_id)",
        entity_id="{r}.unit_id",
        conference=_TASK_CONFERENCE,
        task="{r}.task_id",
        unit=_TASK_UNIT,
    ),
    Logged("unit", "unit", "{r}.name", unit="{r}.id"),
    Logged("person", "person", "{r}.name"),
    Logged("document", "document", "coalesce({r}.symbol, {r}.number)"),
    Logged(
        "conference_chair",
        "chair",
        _PERSON,
        entity_id="{r}.person_id",
        conference="{r}.conference_id",
    ),
    Logged("bridge_point", "bridge_point", "{r}.name", conference="{r}.conference_id"),
    Logged(
        "bridge_point_person",
        "bridge_point_person",
        _PERSON,
        entity_id="{r}.person_id",
        conference="(SELECT b.conference_id FROM bridge_point b WHERE b.id = {r}.bridge_point_id)",
    ),
    Logged(
        "studied_document",
        "studied_document",
        "(SELECT coalesce(d.symbol, d.number) FROM document d WHERE d.id = {r}.document_id)",
        entity_id="{r}.document_id",
        conference="{r}.conference_id",
    ),
    Logged(
        "absence", "absence", _PERSON, entity_id="{r}.person_id", conference="{r}.conference_id"
    ),
    Logged(
        "issued_paper",
        "issued_paper",
        "{r}.kind || ' ' || {r}.number",
        entity_id="{r}.position",
        conference="{r}.conference_id",
    ),
    Logged("office_user", "user", "{r}.login", entity_id="NULL", unit="{r}.unit_id"),
)

ENTITIES: tuple[str, ...] = tuple(logged.entity for logged in LOGGED)


def logged_columns(table: str) -> list[str]:
    """The columns of ``table`` whose changes are logged, in the table's order."""
    from minutes_app.db.models import Base

    return [c.name for c in Base.metadata.tables[table].columns if c.name not in SKIPPED]


def _has_trash(table: str) -> bool:
    from minutes_app.db.models import Base

    return "deleted_at" in Base.metadata.tables[table].columns


def _update_action(table: str) -> str:
    """The action an UPDATE of ``table`` is, as SQL (both stores): a row put in the trash
    is deleted, one taken out of it restored; any other change an update."""
    if not _has_trash(table):
        return "'update'"
    return (
        "CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'delete' "
        "WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore' "
        "ELSE 'update' END"
    )


def _values(logged: Logged, row: str) -> str:
    def at(expression: str) -> str:
        return expression.format(r=row)

    return ", ".join(
        at(part)
        for part in (logged.entity_id, logged.label, logged.conference, logged.task, logged.unit)
    )


_INSERT = (
    "INSERT INTO change_log (at, action, entity, entity_id, label, conference_id, task_id, "
    "unit_id, changes)"
)


# --- SQLite ----------------------------------------------------------------------------------


def _sqlite_changes(columns: Iterable[str], old: str | None, new: str | None) -> str:
    """A JSON object of ``[old, new]`` for each column whose value differs (json_patch drops
    the members whose value is null: the columns that did not change)."""
    members = []
    for name in columns:
        before = f"{old}.{name}" if old else "NULL"
        after = f"{new}.{name}" if new else "NULL"
        members.append(
            f"'{name}', CASE WHEN {before} IS NOT {after} THEN json_array({before}, {after}) END"
        )
    return f"json_patch('{{}}', json_object({', '.join(members)}))"


def file_trigger_name(table: str, event: str) -> str:
    return f"log_{table}_{event}"


def file_triggers() -> list[str]:
    """The CREATE TRIGGER statements of the file's change log."""
    statements = []
    # As SQLAlchemy writes a time in a file (a copy from a server writes the same text).
    now = "datetime('now', 'localtime') || '.000000'"
    for logged in LOGGED:
        table, entity = logged.table, logged.entity
        columns = logged_columns(table)
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
        action = _update_action(table)
        bodies = {
            "insert": (
                "INSERT",
                "",
                f"{now}, 'insert', '{entity}', {_values(logged, 'NEW')}, "
                f"{_sqlite_changes(columns, None, 'NEW')}",
            ),
            "update": (
                "UPDATE",
                f" WHEN {changed}",
                f"{now}, {action}, '{entity}', {_values(logged, 'NEW')}, "
                f"{_sqlite_changes(columns, 'OLD', 'NEW')}",
            ),
            "delete": (
                "DELETE",
                "",
                f"{now}, 'delete', '{entity}', {_values(logged, 'OLD')}, "
                f"{_sqlite_changes(columns, 'OLD', None)}",
            ),
        }
        for event, (verb, when, values) in bodies.items():
            statements.append(
                f"CREATE TRIGGER {file_trigger_name(table, event)} AFTER {verb} ON {table}"
                f"{when} BEGIN {_INSERT} VALUES ({values}); END"
            )
    return statements


def drop_file_triggers(connection: Any) -> None:
    """Drop the file's change-log triggers (a copy loads records with their log)."""
    run = getattr(connection, "exec_driver_sql", None) or connection.execute
    for logged in LOGGED:
        for event in ("insert", "update", "delete"):
            run(f"DROP TRIGGER IF EXISTS {file_trigger_name(logged.table, event)}")


def install_file_triggers(connection: Any) -> None:
    """(Re)create the file's change-log triggers on a DB-API or SQLAlchemy connection: a
    migration that changes a logged table's columns calls it again."""
    run = getattr(connection, "exec_driver_sql", None) or connection.execute
    drop_file_triggers(connection)
    for statement in file_triggers():
        run(statement)


def last_entry(dbapi_connection: Any) -> int | None:
    """The newest entry's id (0 for none): where this transaction's entries begin; None in
    a file older than the log (a migration's own transaction)."""
    import sqlite3

    try:
        row = dbapi_connection.execute("SELECT max(id) FROM change_log").fetchone()
    except sqlite3.OperationalError:
        return None
    return int(row[0] or 0)


def stamp(dbapi_connection: Any, since: int, user: str) -> None:
    """Put ``user`` on the entries this transaction wrote (those after ``since``)."""
    dbapi_connection.execute(
        "UPDATE change_log SET user_name = ? WHERE id > ? AND user_name IS NULL", (user, since)
    )


# --- PostgreSQL ------------------------------------------------------------------------------

# The owner may load records without logging them again (copy-db: the log travels as it is).
REPLAYING = "minutes.replaying"


def server_function_name(table: str) -> str:
    return f"minutes_log_{table}"


def server_triggers() -> list[str]:
    """The functions and triggers of the server's change log (SECURITY DEFINER: they write
    the log as the owner, which no other role may do)."""
    skipped = ", ".join(f"'{name}'" for name in sorted(SKIPPED))
    statements = []
    for logged in LOGGED:
        table, entity = logged.table, logged.entity
        function = server_function_name(table)
        action = _update_action(table)
        statements.append(f"""
CREATE OR REPLACE FUNCTION {function}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  o jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  n jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  diff jsonb;
BEGIN
  IF current_setting('{REPLAYING}', true) = 'on' AND minutes_is_owner() THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(jsonb_object_agg(k, jsonb_build_array(o -> k, n -> k)), '{{}}')
    INTO diff
    FROM jsonb_object_keys(coalesce(n, o)) AS k
   WHERE k NOT IN ({skipped})
     AND coalesce(o -> k, 'null') IS DISTINCT FROM coalesce(n -> k, 'null');
  IF TG_OP = 'INSERT' THEN
    {_INSERT} VALUES (localtimestamp(0), 'insert', '{entity}', {_values(logged, "NEW")},
      diff::text);
  ELSIF TG_OP = 'UPDATE' THEN
    IF diff = '{{}}' THEN RETURN NULL; END IF;
    {_INSERT} VALUES (localtimestamp(0), {action}, '{entity}', {_values(logged, "NEW")},
      diff::text);
  ELSE
    {_INSERT} VALUES (localtimestamp(0), 'delete', '{entity}', {_values(logged, "OLD")},
      diff::text);
  END IF;
  PERFORM pg_notify('{CHANNEL}', '{entity}');
  RETURN NULL;
END $fn$""")
        statements.append(f"DROP TRIGGER IF EXISTS {function} ON {table}")
        statements.append(
            f"CREATE TRIGGER {function} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()"
        )
    return statements


# The channel of LISTEN/NOTIFY on which a server announces what changed (the payload: an
# entity of ``ENTITIES``); ``ui/storage/watching.py`` listens.
CHANNEL = "minutes_changes"


def install_server_triggers(driver: Any) -> None:
    """The user column is ``session_user`` on a server: set as the column's default."""
    driver.execute("ALTER TABLE change_log ALTER COLUMN user_name SET DEFAULT session_user")
    for statement in server_triggers():
        driver.execute(statement)


# --- reading ---------------------------------------------------------------------------------

_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?$")


def plain_value(value: object) -> object:
    """A logged value as both stores give it: times as ``YYYY-MM-DDTHH:MM:SS`` (SQLite keeps
    SQLAlchemy's ``YYYY-MM-DD HH:MM:SS.ffffff``, PostgreSQL's JSON the ISO form)."""
    if isinstance(value, str) and (found := _STAMP.match(value)):
        return f"{found[1]}T{found[2]}"
    return value


def read_changes(table: str | None, text: str) -> dict[str, list[object]]:
    """An entry's ``changes`` as a dict in the table's column order."""
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    order = {name: i for i, name in enumerate(logged_columns(table))} if table else {}
    pairs = sorted(raw.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))
    return {
        name: [plain_value(v) for v in value]
        for name, value in pairs
        if isinstance(value, list) and len(value) == 2
    }


TABLE_OF: dict[str, str] = {logged.entity: logged.table for logged in LOGGED}
