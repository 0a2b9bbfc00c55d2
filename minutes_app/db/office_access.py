"""Who may do what on the office's server, enforced by PostgreSQL itself.

CONTRACT.md's four roles are group roles of the database (``<database>_admin``,
``_clerk``, ``_leader``, ``_unit``, named after the database as it was first set up: one
set per office database, so that two offices on one server do not share them).
``server-setup`` makes them and, every time it runs, (re)applies what each may do — the
same statements, so that running it again changes nothing:

- **grants** say which tables and columns a role may read or write (a leader may change a
  task's bookkeeping columns, for a progress note, and a conference's sign-off columns,
  nothing else; a unit a task's status, completion and result);
- **row-level security** says which rows: a unit's login reads the tasks its unit leads or
  supports, the conferences and instructions they come from, their events and the log of
  them, and writes only the tasks its unit leads;
- **triggers** say what a change may be: a unit may complete a task, not reopen or cancel
  one; nobody changes a conference that is signed off, except to reopen it with a reason;
  and the change log (db/change_log.py) is written by the owner's functions only — no
  role is granted any write on it.

The database's owner (who ran ``server-setup``) is above all this, as PostgreSQL makes
an owner; ``users add`` makes logins in the four groups.
"""

from __future__ import annotations

from typing import Any

from minutes_app.db.change_log import REPLAYING, install_server_triggers
from minutes_app.db.engine import quoted_name
from minutes_app.db.models import OFFICE_ROLES, Base
from minutes_app.db.server import SIGNED_OFF_MESSAGE

# Tables no role writes directly: the log (the owner's triggers do), Alembic's version.
_NEVER_WRITTEN = ("change_log", "alembic_version")
# Reference data: every role reads all of it (a unit's tasks name units and people).
_REFERENCE = ("unit", "person", "document", "setting", "alembic_version")
# A conference's parts, read by a unit's login with the conference, locked with its sign-off.
_CONFERENCE_PARTS = (
    "conference_chair",
    "bridge_point",
    "studied_document",
    "absence",
    "issued_paper",
    "instruction",
)
# What a leader may change: the bookkeeping of a progress note, the sign-off.
_BOOKKEEPING = ("version", "updated_at", "updated_by")
_LEADER_COLUMNS = {
    "task": _BOOKKEEPING,
    "conference": (*_BOOKKEEPING, "signed_off_at", "signed_off_by", "reopen_reason"),
}
_UNIT_COLUMNS = {"task": (*_BOOKKEEPING, "status", "completed_on", "result")}
# The events a leader's and a unit's login may record.
LEADER_EVENTS = ("progress", "note")
UNIT_EVENTS = ("progress", "completed", "note")
# The SQLSTATE of a refusal by these rules (insufficient_privilege, as a missing grant's).
REFUSED_STATE = "42501"


def group_role(database: str, role: str) -> str:
    """The group role of ``role`` in ``database``."""
    return f"{database}_{role}"


def _tables() -> list[str]:
    names = [t.name for t in Base.metadata.sorted_tables]
    return [*names, "alembic_version"]


def _search_tables(driver: Any) -> list[str]:
    rows = driver.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
        "AND tablename LIKE 'search\\_%'"
    ).fetchall()
    return sorted(str(r[0]) for r in rows)


def _functions(groups: dict[str, str]) -> list[str]:
    unit = groups["unit"]
    return [
        # The owner (or a superuser): may replay a copy without logging it again.
        """CREATE OR REPLACE FUNCTION minutes_is_owner() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
  SELECT session_user::text = (SELECT pg_get_userbyid(datdba)::text FROM pg_database
                              WHERE datname = current_database())
      OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
$$""",
        f"""CREATE OR REPLACE FUNCTION minutes_is_unit() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
  SELECT pg_has_role(session_user, {_literal(unit)}, 'MEMBER')
$$""",
        """CREATE OR REPLACE FUNCTION minutes_my_unit() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT unit_id FROM office_user WHERE login = session_user
$$""",
        """CREATE OR REPLACE FUNCTION minutes_unit_tasks() RETURNS SETOF integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id FROM task WHERE lead_unit_id = minutes_my_unit()
  UNION SELECT task_id FROM task_support WHERE unit_id = minutes_my_unit()
$$""",
        """CREATE OR REPLACE FUNCTION minutes_unit_conferences() RETURNS SETOF integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT DISTINCT i.conference_id FROM instruction i JOIN task t ON t.instruction_id = i.id
   WHERE t.id IN (SELECT minutes_unit_tasks())
$$""",
        # A unit completes a task; it does not reopen, cancel or revive one.
        f"""CREATE OR REPLACE FUNCTION minutes_unit_task_rule() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF minutes_is_unit() AND NOT minutes_is_owner() AND OLD.status IS DISTINCT FROM NEW.status
     AND NOT (NEW.status = 'done' AND OLD.status IN ('open', 'in_progress')) THEN
    RAISE EXCEPTION 'minutes-app: a unit''s login may complete a task, not make it %',
      NEW.status USING ERRCODE = '{REFUSED_STATE}';
  END IF;
  RETURN NEW;
END $$""",
        # A signed-off conference is read-only; reopening (with a reason) is the one change.
        f"""CREATE OR REPLACE FUNCTION minutes_signed_off_rule() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  conference_id integer;
  signed timestamp;
BEGIN
  IF current_setting('{REPLAYING}', true) = 'on' AND minutes_is_owner() THEN
    RETURN coalesce(NEW, OLD);
  END IF;
  IF TG_TABLE_NAME = 'conference' THEN
    IF OLD.signed_off_at IS NULL THEN RETURN coalesce(NEW, OLD); END IF;
    IF TG_OP = 'UPDATE' AND NEW.signed_off_at IS NULL
       AND length(trim(coalesce(NEW.reopen_reason, ''))) > 0
       AND (to_jsonb(NEW) - ARRAY['signed_off_at', 'signed_off_by', 'reopen_reason',
            'version', 'updated_at', 'updated_by'])
         = (to_jsonb(OLD) - ARRAY['signed_off_at', 'signed_off_by', 'reopen_reason',
            'version', 'updated_at', 'updated_by']) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION '{SIGNED_OFF_MESSAGE}' USING ERRCODE = '{REFUSED_STATE}';
  END IF;
  conference_id := (to_jsonb(coalesce(NEW, OLD)) ->> 'conference_id')::integer;
  IF conference_id IS NULL THEN
    SELECT b.conference_id INTO conference_id FROM bridge_point b
     WHERE b.id = (to_jsonb(coalesce(NEW, OLD)) ->> 'bridge_point_id')::integer;
  END IF;
  SELECT c.signed_off_at INTO signed FROM conference c WHERE c.id = conference_id;
  IF signed IS NOT NULL THEN
    RAISE EXCEPTION '{SIGNED_OFF_MESSAGE}' USING ERRCODE = '{REFUSED_STATE}';
  END IF;
  RETURN coalesce(NEW, OLD);
END $$""",
    ]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _policies() -> list[tuple[str, str, str, str, str | None]]:
    """(table, name, command, USING, WITH CHECK) of the unit's row-level policies."""
    tasks = "(SELECT minutes_unit_tasks())"
    conferences = "(SELECT minutes_unit_conferences())"
    mine = "lead_unit_id = minutes_my_unit()"
    policies: list[tuple[str, str, str, str, str | None]] = [
        ("task", "unit_reads", "SELECT", f"id IN {tasks}", None),
        # A task it supports is seen, not written: refused aloud (WITH CHECK), not skipped.
        ("task", "unit_completes", "UPDATE", f"id IN {tasks}", mine),
        ("task_support", "unit_reads", "SELECT", f"task_id IN {tasks}", None),
        ("task_event", "unit_reads", "SELECT", f"task_id IN {tasks}", None),
        (
            "task_event",
            "unit_records",
            "INSERT",
            "true",
            "task_id IN (SELECT id FROM task WHERE lead_unit_id = minutes_my_unit()) "
            f"AND kind IN ({', '.join(map(_literal, UNIT_EVENTS))})",
        ),
        ("conference", "unit_reads", "SELECT", f"id IN {conferences}", None),
        (
            "change_log",
            "unit_reads",
            "SELECT",
            f"task_id IN {tasks} OR (task_id IS NULL AND conference_id IN {conferences})",
            None,
        ),
        ("search_task", "unit_reads", "ALL", f"rowid IN {tasks}", f"rowid IN {tasks}"),
        (
            "search_conference",
            "unit_reads",
            "ALL",
            f"rowid IN {conferences}",
            f"rowid IN {conferences}",
        ),
        ("office_user", "unit_reads", "SELECT", "login = session_user", None),
    ]
    for part in _CONFERENCE_PARTS:
        policies.append((part, "unit_reads", "SELECT", f"conference_id IN {conferences}", None))
    policies.append(
        (
            "bridge_point_person",
            "unit_reads",
            "SELECT",
            "bridge_point_id IN (SELECT id FROM bridge_point WHERE conference_id IN "
            f"{conferences})",
            None,
        )
    )
    return policies


def group_prefix(driver: Any, database: str) -> str:
    """The name the database's group roles begin with: the database's name when it was
    first set up, kept in the database (``minutes_groups()``), so that a copy made from it
    as a template, or restored under another name, keeps the groups its grants name."""
    found = driver.execute(
        "SELECT 1 FROM pg_proc WHERE proname = 'minutes_groups' "
        "AND pronamespace = 'public'::regnamespace"
    ).fetchone()
    if found is None:
        driver.execute(
            "CREATE FUNCTION minutes_groups() RETURNS text LANGUAGE sql IMMUTABLE "
            f"AS $$ SELECT {_literal(database)}::text $$"
        )
        driver.execute("GRANT EXECUTE ON FUNCTION minutes_groups() TO PUBLIC")
        return database
    return str(driver.execute("SELECT minutes_groups()").fetchone()[0])


def ensure_groups(driver: Any, database: str) -> dict[str, str]:
    """The four group roles of ``database``, made when missing; role -> group name."""
    prefix = group_prefix(driver, database)
    groups = {role: group_role(prefix, role) for role in OFFICE_ROLES}
    for name in groups.values():
        exists = driver.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        if exists is None:
            driver.execute(f"CREATE ROLE {quoted_name(name)} NOLOGIN")
    return groups


def apply_access(driver: Any, database: str) -> None:
    """Roles, grants, policies, rules and the change log's triggers, as this version has
    them: made where missing, replaced where present (in the setup's transaction)."""
    groups = ensure_groups(driver, database)
    everyone = ", ".join(quoted_name(g) for g in groups.values())
    db = quoted_name(database)
    driver.execute(f"REVOKE ALL ON DATABASE {db} FROM PUBLIC")
    driver.execute(f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {everyone}")
    driver.execute(f"GRANT USAGE ON SCHEMA public TO {everyone}")
    for statement in _functions(groups):
        driver.execute(statement)
    install_server_triggers(driver)

    search = _search_tables(driver)
    tables = _tables() + search
    listed = ", ".join(quoted_name(t) for t in tables)
    driver.execute(f"REVOKE ALL ON {listed} FROM PUBLIC, {everyone}")
    driver.execute(f"GRANT SELECT ON {listed} TO {everyone}")
    driver.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {everyone}")
    written = [t for t in tables if t not in _NEVER_WRITTEN]
    admin, clerk = quoted_name(groups["admin"]), quoted_name(groups["clerk"])
    leader, unit = quoted_name(groups["leader"]), quoted_name(groups["unit"])
    driver.execute(
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(map(quoted_name, written))} TO {admin}"
    )
    clerk_tables = [t for t in written if t not in ("office_user", "unit")]
    driver.execute(
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(map(quoted_name, clerk_tables))} TO {clerk}"
    )
    driver.execute(f"GRANT INSERT ON unit TO {clerk}")
    index_tables = ", ".join(map(quoted_name, search))
    driver.execute(f"GRANT INSERT, UPDATE, DELETE ON {index_tables} TO {leader}, {unit}")
    driver.execute(f"GRANT INSERT ON task_event TO {leader}, {unit}")
    for table, columns in _LEADER_COLUMNS.items():
        driver.execute(f"GRANT UPDATE ({', '.join(columns)}) ON {table} TO {leader}")
    for table, columns in _UNIT_COLUMNS.items():
        driver.execute(f"GRANT UPDATE ({', '.join(columns)}) ON {table} TO {unit}")

    # Row-level security: every role but the unit's sees every row (one policy for them);
    # a leader records only its kinds of events.
    others = f"{admin}, {clerk}, {leader}"
    policies = _policies()
    secured = sorted({table for table, *_ in policies})
    for table in secured:
        driver.execute(f"ALTER TABLE {quoted_name(table)} ENABLE ROW LEVEL SECURITY")
        for name in ("every_row", "unit_reads", "unit_completes", "unit_records"):
            driver.execute(f"DROP POLICY IF EXISTS {name} ON {quoted_name(table)}")
        driver.execute(
            f"CREATE POLICY every_row ON {quoted_name(table)} TO {others} USING (true) "
            "WITH CHECK (true)"
        )
    driver.execute("DROP POLICY IF EXISTS every_row ON task_event")
    driver.execute(f"CREATE POLICY every_row ON task_event TO {admin}, {clerk} USING (true)")
    driver.execute("DROP POLICY IF EXISTS leader_records ON task_event")
    driver.execute("DROP POLICY IF EXISTS leader_reads ON task_event")
    driver.execute(f"CREATE POLICY leader_reads ON task_event FOR SELECT TO {leader} USING (true)")
    driver.execute(
        f"CREATE POLICY leader_records ON task_event FOR INSERT TO {leader} WITH CHECK "
        f"(kind IN ({', '.join(map(_literal, LEADER_EVENTS))}))"
    )
    for table, name, command, using, check in policies:
        clause = f" USING ({using})" if command != "INSERT" else ""
        if check is not None:
            clause += f" WITH CHECK ({check})"
        driver.execute(
            f"CREATE POLICY {name} ON {quoted_name(table)} FOR {command} TO {unit}{clause}"
        )

    driver.execute("DROP TRIGGER IF EXISTS minutes_unit_task_rule ON task")
    driver.execute(
        "CREATE TRIGGER minutes_unit_task_rule BEFORE UPDATE ON task FOR EACH ROW "
        "EXECUTE FUNCTION minutes_unit_task_rule()"
    )
    for table in ("conference", *_CONFERENCE_PARTS, "bridge_point_person"):
        if table == "issued_paper":
            continue  # a paper printed from signed-off minutes is registered all the same
        driver.execute(f"DROP TRIGGER IF EXISTS minutes_signed_off_rule ON {quoted_name(table)}")
        driver.execute(
            f"CREATE TRIGGER minutes_signed_off_rule BEFORE UPDATE OR DELETE "
            f"{'' if table == 'conference' else 'OR INSERT '}ON {quoted_name(table)} "
            "FOR EACH ROW EXECUTE FUNCTION minutes_signed_off_rule()"
        )


class UserRefused(Exception):
    """``users add`` refused: a unit's login without a known unit, a login taken…"""


def add_user(
    driver: Any,
    database: str,
    login: str,
    role: str,
    *,
    unit: str | None = None,
    name: str | None = None,
    password: str | None = None,
) -> None:
    """Make ``login`` a login in ``role``'s group of ``database`` (or move an existing
    login there) and record it in ``office_user``; in the caller's transaction."""
    if role not in OFFICE_ROLES:
        raise UserRefused(f"{role}: not a role (one of {', '.join(OFFICE_ROLES)})")
    if not login.strip() or len(login) > 63:
        raise UserRefused(f"{login!r}: a login is 1 to 63 characters")
    unit_id = None
    if role == "unit" and unit is None:
        raise UserRefused("a unit's login needs --unit NAME")
    if unit is not None:
        row = driver.execute("SELECT id FROM unit WHERE name = %s", (unit,)).fetchone()
        if row is None:
            raise UserRefused(f"there is no unit named {unit!r}; add it first")
        unit_id = int(row[0])
    groups = ensure_groups(driver, database)
    existing = driver.execute(
        "SELECT rolcanlogin, rolsuper FROM pg_roles WHERE rolname = %s", (login,)
    ).fetchone()
    if existing is not None and existing[1]:
        raise UserRefused(f"{login} is a superuser of the server; choose another login")
    quoted = quoted_name(login)
    if existing is None:
        driver.execute(f"CREATE ROLE {quoted} LOGIN")
    if password:
        driver.execute(
            f"ALTER ROLE {quoted} PASSWORD {_literal(password)}"
        )  # sent to the server only; PostgreSQL keeps a SCRAM hash of it
    for other, group in groups.items():
        if other != role:
            driver.execute(f"REVOKE {quoted_name(group)} FROM {quoted}")
    driver.execute(f"GRANT {quoted_name(groups[role])} TO {quoted}")
    driver.execute(f"ALTER ROLE {quoted} {'CREATEROLE' if role == 'admin' else 'NOCREATEROLE'}")
    driver.execute(
        "INSERT INTO office_user (login, role, unit_id, name) VALUES (%s, %s, %s, %s) "
        "ON CONFLICT (login) DO UPDATE SET role = excluded.role, unit_id = excluded.unit_id, "
        "name = coalesce(excluded.name, office_user.name)",
        (login, role, unit_id, name),
    )


def list_users(driver: Any, database: str) -> list[dict[str, Any]]:
    """Every login of ``office_user`` with its role, unit and name, and whether the server
    still has it in that role's group."""
    rows = driver.execute(
        "SELECT o.login, o.role, u.name, o.name, "
        "coalesce(pg_has_role(o.login, minutes_groups() || '_' || o.role, 'MEMBER'), false) "
        "FROM office_user o LEFT JOIN unit u ON u.id = o.unit_id "
        "WHERE EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = o.login) "
        "ORDER BY o.login"
    ).fetchall()
    return [
        {"login": r[0], "role": r[1], "unit": r[2], "name": r[3], "active": bool(r[4])}
        for r in rows
    ]


def role_of(driver: Any) -> str:
    """The role of the session's login: ``owner`` for the database's owner or a superuser,
    else the first of the four groups it is in (``none`` for none)."""
    if driver.execute("SELECT minutes_is_owner()").fetchone()[0]:
        return "owner"
    prefix = str(driver.execute("SELECT minutes_groups()").fetchone()[0])
    for role in OFFICE_ROLES:
        member = driver.execute(
            "SELECT pg_has_role(session_user, %s, 'MEMBER')", (group_role(prefix, role),)
        ).fetchone()[0]
        if member:
            return role
    return "none"


def login_access(driver: Any) -> tuple[str, str | None]:
    """The session login's role (as ``role_of``) and, for a unit's login, its unit's name."""
    role = role_of(driver)
    unit = None
    if role == "unit":
        row = driver.execute("SELECT u.name FROM unit u WHERE u.id = minutes_my_unit()").fetchone()
        unit = None if row is None else str(row[0])
    return role, unit
