"""The office's roles, proved on the server itself: each role's login, connected with plain
psycopg (not through the app), tries what it may not do, and the server refuses it.

One database with the sample records for the module; each statement runs in its own
transaction, rolled back, so that one test's write never feeds another's.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import errors

from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database
from minutes_app.db.office_access import add_user
from minutes_app.db.server import ServerAddress, connected
from tests.stores import new_store

pytestmark = pytest.mark.postgresql

UNIT = "Ban Tổ chức Tỉnh ủy Bắc Kạn"


@dataclass
class Office:
    owner: str  # the owner's URL
    logins: dict[str, str]  # role -> login
    urls: dict[str, str]  # role -> URL
    unit_id: int

    def run(self, role: str, statement: str, parameters: Any = None) -> list[Any]:
        """``statement`` as ``role``'s login, in a transaction rolled back at the end."""
        with psycopg.connect(self.urls[role]) as connection:
            try:
                cursor = connection.execute(statement, parameters)
                return cursor.fetchall() if cursor.description else []
            finally:
                connection.rollback()

    def written(self, role: str, statement: str) -> int:
        """How many rows ``statement`` wrote as ``role``'s login (rolled back)."""
        with psycopg.connect(self.urls[role]) as connection:
            try:
                return connection.execute(statement).rowcount
            finally:
                connection.rollback()

    def owner_rows(self, statement: str, parameters: Any = None) -> list[Any]:
        with psycopg.connect(self.owner) as connection:
            return connection.execute(statement, parameters).fetchall()


@pytest.fixture(scope="module")
def office(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Office]:
    with new_store(request, "postgresql", tmp_path_factory.mktemp("office")) as url:
        db = Database.open(url)
        try:
            load_samples(db)
        finally:
            db.close()
        address = ServerAddress.parse(url)
        tag = uuid.uuid4().hex[:8]
        logins = {role: f"t_{role}_{tag}" for role in ("admin", "clerk", "leader", "unit")}
        with connected(address) as driver:
            for role, login in logins.items():
                add_user(
                    driver,
                    address.database,
                    login,
                    role,
                    unit=UNIT if role == "unit" else None,
                )
            driver.commit()
            unit_id = driver.execute("SELECT id FROM unit WHERE name = %s", (UNIT,)).fetchone()[0]
        base = url.rsplit("/", 1)
        host = base[0].split("@")[-1].replace("postgresql://", "")
        urls = {role: f"postgresql://{login}@{host}/{base[1]}" for role, login in logins.items()}
        try:
            yield Office(url, logins, urls, unit_id)
        finally:
            with connected(address, autocommit=True) as driver:
                for login in logins.values():
                    driver.execute(f'DROP OWNED BY "{login}"')
            # the database is dropped by new_store; the logins go with the cluster


def _task_of_other_unit(office: Office) -> int:
    """A task the unit neither leads nor supports."""
    return office.owner_rows(
        "SELECT id FROM task WHERE lead_unit_id <> %s AND id NOT IN "
        "(SELECT task_id FROM task_support WHERE unit_id = %s) ORDER BY id LIMIT 1",
        (office.unit_id, office.unit_id),
    )[0][0]


def _task_supported(office: Office) -> int:
    return office.owner_rows(
        "SELECT t.id FROM task t JOIN task_support s ON s.task_id = t.id "
        "WHERE s.unit_id = %s AND t.lead_unit_id <> %s ORDER BY t.id LIMIT 1",
        (office.unit_id, office.unit_id),
    )[0][0]


def _task_led(office: Office, status: str = "open") -> int:
    return office.owner_rows(
        "SELECT id FROM task WHERE lead_unit_id = %s AND status = %s ORDER BY id LIMIT 1",
        (office.unit_id, status),
    )[0][0]


# --- reads ------------------------------------------------------------------------------------


def test_a_unit_reads_only_the_tasks_its_unit_leads_or_supports(office: Office) -> None:
    mine = {
        r[0]
        for r in office.owner_rows(
            "SELECT id FROM task WHERE lead_unit_id = %(u)s UNION "
            "SELECT task_id FROM task_support WHERE unit_id = %(u)s",
            {"u": office.unit_id},
        )
    }
    every = {r[0] for r in office.owner_rows("SELECT id FROM task")}
    assert mine and mine != every

    seen = {r[0] for r in office.run("unit", "SELECT id FROM task")}

    assert seen == mine
    other = _task_of_other_unit(office)
    assert office.run("unit", "SELECT id FROM task WHERE id = %s", (other,)) == []
    assert office.run("unit", "SELECT id FROM task_event WHERE task_id = %s", (other,)) == []
    assert office.run("unit", "SELECT rowid FROM search_task WHERE rowid = %s", (other,)) == []


def test_a_unit_reads_only_the_conferences_its_tasks_come_from(office: Office) -> None:
    theirs = {
        r[0]
        for r in office.owner_rows(
            "SELECT DISTINCT i.conference_id FROM instruction i JOIN task t "
            "ON t.instruction_id = i.id WHERE t.lead_unit_id = %(u)s OR t.id IN "
            "(SELECT task_id FROM task_support WHERE unit_id = %(u)s)",
            {"u": office.unit_id},
        )
    }
    every = {r[0] for r in office.owner_rows("SELECT id FROM conference")}
    assert theirs and theirs != every

    assert {r[0] for r in office.run("unit", "SELECT id FROM conference")} == theirs
    parts = office.run("unit", "SELECT DISTINCT conference_id FROM bridge_point")
    assert {r[0] for r in parts} <= theirs
    log = office.run("unit", "SELECT DISTINCT task_id, conference_id FROM change_log")
    assert log
    assert all(c in theirs for _, c in log)


def test_a_unit_sees_its_own_row_of_the_users_only(office: Office) -> None:
    rows = office.run("unit", "SELECT login FROM office_user")
    assert rows == [(office.logins["unit"],)]
    assert len(office.run("admin", "SELECT login FROM office_user")) >= 4


# --- what each role may not write --------------------------------------------------------------

_EVERY_ROLE = ("admin", "clerk", "leader", "unit")

# (roles refused, statement): {other}, {supported}, {led}, {done} are filled from the data.
FORBIDDEN: list[tuple[tuple[str, ...], str]] = [
    # the change log: written by the database alone
    (_EVERY_ROLE, "INSERT INTO change_log (at, action, entity, changes) "
     "VALUES (now(), 'update', 'task', '{{}}')"),
    (_EVERY_ROLE, "UPDATE change_log SET user_name = 'someone else'"),
    (_EVERY_ROLE, "DELETE FROM change_log"),
    (_EVERY_ROLE, "TRUNCATE change_log"),
    (_EVERY_ROLE, "ALTER TABLE change_log DISABLE TRIGGER ALL"),
    (_EVERY_ROLE, "DROP TRIGGER minutes_log_task ON task"),
    # users and units: the administrator's
    (("clerk", "leader", "unit"), "INSERT INTO office_user (login, role) VALUES ('x', 'admin')"),
    (("clerk", "leader", "unit"), "UPDATE office_user SET role = 'admin'"),
    (("clerk", "leader", "unit"), "UPDATE unit SET name = name || ' (cũ)'"),
    (("clerk", "leader", "unit"), "DELETE FROM unit WHERE id = {other_unit}"),
    (("clerk", "leader", "unit"), "CREATE ROLE someone_new LOGIN"),
    # a conference: the clerk's
    (("leader", "unit"), "UPDATE conference SET title = title || ' (sửa)'"),
    (("leader", "unit"), "INSERT INTO conference (title, date) VALUES ('Hội nghị', '2026-12-01')"),
    (("leader", "unit"), "DELETE FROM conference"),
    (("leader", "unit"), "UPDATE conference SET deleted_at = now()"),
    (("leader", "unit"), "DELETE FROM bridge_point"),
    (("leader", "unit"), "UPDATE instruction SET text = 'khác'"),
    (("leader", "unit"), "INSERT INTO person (name) VALUES ('Nguyễn Văn Mới')"),
    (("leader", "unit"), "INSERT INTO document (kind, number) VALUES ('Quy định', '999')"),
    (("leader", "unit"), "UPDATE setting SET value = 'x'"),
    # a task: the clerk creates, changes and cancels; a leader notes progress
    (("leader", "unit"), "UPDATE task SET title = 'khác' WHERE id = {led}"),
    (("leader", "unit"), "UPDATE task SET deadline = '2030-01-01' WHERE id = {led}"),
    (("leader", "unit"), "UPDATE task SET lead_unit_id = {other_unit} WHERE id = {led}"),
    (("leader", "unit"), "DELETE FROM task WHERE id = {led}"),
    (("leader", "unit"), "INSERT INTO task_support (task_id, unit_id, position) "
     "VALUES ({led}, {other_unit}, 99)"),
    (("leader", "unit"), "UPDATE task SET status = 'cancelled' WHERE id = {led}"),
    (("leader",), "UPDATE task SET status = 'done', completed_on = '2026-12-01' "
     "WHERE id = {led}"),
    (("leader",), "INSERT INTO task_event (task_id, at, kind) "
     "VALUES ({led}, now(), 'completed')"),
    (("leader", "unit"), "INSERT INTO task_event (task_id, at, kind, note, old_deadline, "
     "new_deadline) VALUES ({led}, now(), 'deadline_changed', 'x', '2026-01-01', '2027-01-01')"),
    (("leader", "unit"), "INSERT INTO task_event (task_id, at, kind) "
     "VALUES ({led}, now(), 'cancelled')"),
    # a unit: its own tasks only, and only forward
    (("unit",), "UPDATE task SET version = version + 1 WHERE id = {supported}"),
    (("unit",), "UPDATE task SET status = 'done', completed_on = '2026-12-01' "
     "WHERE id = {supported}"),
    (("unit",), "INSERT INTO task_event (task_id, at, kind, note) "
     "VALUES ({supported}, now(), 'progress', 'x')"),
    (("unit",), "INSERT INTO task_event (task_id, at, kind, note) "
     "VALUES ({other}, now(), 'progress', 'x')"),
    (("unit",), "UPDATE task SET status = 'open', completed_on = NULL WHERE id = {done}"),
    (("unit",), "UPDATE conference SET signed_off_at = now(), signed_off_by = 'x'"),
]  # fmt: skip


def _cases() -> list[Any]:
    return [
        pytest.param(role, statement, id=f"{role}: {statement[:60]}")
        for roles, statement in FORBIDDEN
        for role in roles
    ]


@pytest.mark.parametrize(("role", "statement"), _cases())
def test_the_server_refuses_what_a_role_may_not_do(
    office: Office, role: str, statement: str
) -> None:
    filled = statement.format(
        other=_task_of_other_unit(office),
        supported=_task_supported(office),
        led=_task_led(office),
        done=_task_led(office, "done"),
        other_unit=office.owner_rows(
            "SELECT id FROM unit WHERE id <> %s ORDER BY id LIMIT 1", (office.unit_id,)
        )[0][0],
    )
    log_before = office.owner_rows("SELECT count(*) FROM change_log")[0][0]

    with pytest.raises(psycopg.Error) as refused:
        # An UPDATE or DELETE whose rows a policy hides writes nothing: refused all the same
        if office.written(role, filled) == 0:  # (DDL done counts -1: not refused)
            raise errors.InsufficientPrivilege("no row written")

    assert refused.value.sqlstate in ("42501", None), refused.value
    assert office.owner_rows("SELECT count(*) FROM change_log")[0][0] == log_before


@pytest.mark.parametrize(
    ("role", "statement"),
    [
        ("admin", "UPDATE unit SET name = name || ' (cũ)'"),
        ("clerk", "UPDATE conference SET title = title || ' (sửa)'"),
        ("clerk", "DELETE FROM bridge_point"),
        ("admin", "UPDATE office_user SET name = 'x'"),
        ("admin", "CREATE ROLE t_allowed_here LOGIN"),
    ],
)
def test_the_check_of_a_refusal_sees_an_allowed_write(
    office: Office, role: str, statement: str
) -> None:
    # The test above takes "no row written" for a refusal; the same check, on what these
    # roles may do, counts the rows written (DDL: -1, no error).
    assert office.written(role, statement) != 0


# --- what each role may do ------------------------------------------------------------------------


def test_a_unit_records_progress_on_and_completes_a_task_it_leads(office: Office) -> None:
    led = _task_led(office)
    with psycopg.connect(office.urls["unit"]) as connection:
        connection.execute(
            "INSERT INTO task_event (task_id, at, kind, note) VALUES (%s, now(), 'progress', 'x')",
            (led,),
        )
        done = connection.execute(
            "UPDATE task SET status = 'done', completed_on = '2026-12-01', "
            "version = version + 1 WHERE id = %s RETURNING id",
            (led,),
        ).fetchall()
        logged = connection.execute(
            "SELECT user_name, action, entity FROM change_log WHERE task_id = %s "
            "ORDER BY id DESC LIMIT 2",
            (led,),
        ).fetchall()
        connection.rollback()

    assert done == [(led,)]
    assert logged == [
        (office.logins["unit"], "update", "task"),
        (office.logins["unit"], "insert", "task_event"),
    ]


def test_a_leader_notes_progress_and_signs_off(office: Office) -> None:
    led = _task_led(office)
    with psycopg.connect(office.urls["leader"]) as connection:
        connection.execute(
            "INSERT INTO task_event (task_id, at, kind, note) VALUES (%s, now(), 'progress', 'x')",
            (led,),
        )
        bumped = connection.execute(
            "UPDATE task SET version = version + 1 WHERE id = %s RETURNING id", (led,)
        ).fetchall()
        signed = connection.execute(
            "UPDATE conference SET signed_off_at = now(), signed_off_by = current_user "
            "WHERE id = (SELECT min(id) FROM conference) RETURNING id"
        ).fetchall()
        connection.rollback()
    assert bumped == [(led,)]
    assert len(signed) == 1


def test_a_clerk_changes_a_task_and_the_log_names_the_clerk(office: Office) -> None:
    led = _task_led(office)
    with psycopg.connect(office.urls["clerk"]) as connection:
        connection.execute("UPDATE task SET title = 'Tiêu đề mới' WHERE id = %s", (led,))
        entry = connection.execute(
            "SELECT user_name, action, changes::jsonb -> 'title' ->> 1 FROM change_log "
            "ORDER BY id DESC LIMIT 1"
        ).fetchone()
        connection.rollback()
    assert entry == (office.logins["clerk"], "update", "Tiêu đề mới")


# --- the sign-off ---------------------------------------------------------------------------------


def test_a_signed_off_conference_is_read_only_until_reopened_with_a_reason(
    office: Office,
) -> None:
    with psycopg.connect(office.urls["clerk"]) as connection:
        conference = connection.execute("SELECT min(id) FROM conference").fetchone()[0]
        connection.execute(
            "UPDATE conference SET signed_off_at = now(), signed_off_by = 'lãnh đạo' WHERE id = %s",
            (conference,),
        )
        refused = []
        for statement in (
            "UPDATE conference SET title = 'khác' WHERE id = %(c)s",
            "UPDATE conference SET deleted_at = now() WHERE id = %(c)s",
            "DELETE FROM conference WHERE id = %(c)s",
            "UPDATE instruction SET text = 'khác' WHERE conference_id = %(c)s",
            "DELETE FROM bridge_point WHERE conference_id = %(c)s",
            "INSERT INTO absence (conference_id, position, person_id) "
            "VALUES (%(c)s, 99, (SELECT min(id) FROM person))",
            # reopened without a reason, or with something else changed at once
            "UPDATE conference SET signed_off_at = NULL WHERE id = %(c)s",
            "UPDATE conference SET signed_off_at = NULL, reopen_reason = 'sửa', title = 'x' "
            "WHERE id = %(c)s",
        ):
            connection.execute("SAVEPOINT s")
            try:
                connection.execute(statement, {"c": conference})
            except errors.InsufficientPrivilege:
                refused.append(statement)
            connection.execute("ROLLBACK TO SAVEPOINT s")
        connection.execute(
            "UPDATE conference SET signed_off_at = NULL, signed_off_by = NULL, "
            "reopen_reason = 'Bổ sung ý kiến' WHERE id = %s",
            (conference,),
        )
        changed = connection.execute(
            "UPDATE conference SET title = title || '.' WHERE id = %s RETURNING id", (conference,)
        ).fetchall()
        log = connection.execute(
            "SELECT changes::jsonb ? 'signed_off_at', changes::jsonb ? 'reopen_reason' "
            "FROM change_log WHERE entity = 'conference' AND entity_id = %s "
            "ORDER BY id DESC LIMIT 3",
            (conference,),
        ).fetchall()
        connection.rollback()

    assert len(refused) == 8
    assert changed == [(conference,)]
    assert log == [(False, False), (True, True), (True, False)]


def test_server_setup_again_changes_no_access(office: Office) -> None:
    from minutes_app.db.server_setup import setup_server

    def grants() -> list[Any]:
        return office.owner_rows(
            "SELECT grantee, table_name, privilege_type FROM information_schema.table_privileges "
            "WHERE table_schema = 'public' ORDER BY 1, 2, 3"
        ) + office.owner_rows(
            "SELECT tablename, policyname, cmd, roles::text, qual, with_check FROM pg_policies "
            "ORDER BY 1, 2"
        )

    before = grants()
    assert setup_server(ServerAddress.parse(office.owner)) == "current"
    assert grants() == before


def test_a_unit_login_needs_a_known_unit(office: Office, tmp_path: Path) -> None:
    from minutes_app.db.office_access import UserRefused

    address = ServerAddress.parse(office.owner)
    with connected(address) as driver:
        with pytest.raises(UserRefused, match="needs --unit"):
            add_user(driver, address.database, "t_nobody", "unit")
        with pytest.raises(UserRefused, match="no unit named"):
            add_user(driver, address.database, "t_nobody", "unit", unit="Không có")
        driver.rollback()


def test_a_refused_command_says_so_plainly_and_writes_nothing(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    from minutes_app.cli import main

    led = _task_led(office)
    log_before = office.owner_rows("SELECT count(*) FROM change_log")[0][0]
    capsys.readouterr()

    code = main(["--db", office.urls["unit"], "task", str(led), "cancel", "--reason", "Thôi"])
    err = capsys.readouterr().err

    assert code == 1
    assert "the office server refused: your login's role may not do this" in err
    assert "nothing was written" in err and "Traceback" not in err
    assert office.owner_rows("SELECT count(*) FROM change_log")[0][0] == log_before
