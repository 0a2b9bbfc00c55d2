"""Integrity kept by the database itself: raw SQL that breaks a rule is refused by the
schema, on SQLite and on the server (whose refusals are said here in SQLite's words)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from minutes_app.db.engine import BUSY_TIMEOUT_MS, Database, sqlite_engine
from tests.stores import sqlite_only

# Into empty tables: each row's id is 1 on either store.
SEED = [
    "INSERT INTO unit (name) VALUES ('Ban Tổ chức Tỉnh ủy Bắc Kạn')",
    "INSERT INTO person (name, unit_id) VALUES ('Trương Thị Mai', NULL)",
    "INSERT INTO document (kind, symbol, number, issued_on) "
    "VALUES ('Quy định', '96-QĐ/TW', '96', '2023-02-02')",
    "INSERT INTO conference (title, mode, date) "
    "VALUES ('Hội nghị trực tuyến', 'online', '2023-02-17')",
    "INSERT INTO instruction (conference_id, position, text) VALUES (1, 0, 'Quán triệt kịp thời')",
    "INSERT INTO task (instruction_id, title, lead_unit_id, assigned_on, status) "
    "VALUES (1, 'Tham mưu kế hoạch', 1, '2023-02-17', 'open')",
    "INSERT INTO bridge_point (conference_id, position, name) "
    "VALUES (1, 0, 'Điểm cầu tỉnh Bắc Kạn')",
]


@pytest.fixture
def engine(store: str) -> Iterator[Engine]:
    """A database at head holding one unit, person, document, conference, task, bridge point."""
    db = Database.open(store)
    with db.engine.begin() as conn:
        for statement in SEED:
            conn.execute(text(statement))
        ids = {conn.execute(text(f"SELECT max(id) FROM {t}")).scalar_one() for t in TABLES}
    assert ids == {1}
    yield db.engine
    db.close()


TABLES = ("unit", "person", "document", "conference", "instruction", "task", "bridge_point")


def _refusal(engine: Engine, statement: str) -> str:
    """The message with which the database refuses ``statement``, in SQLite's words."""
    with pytest.raises(IntegrityError) as refused, engine.begin() as conn:
        conn.execute(text(statement))
    if engine.dialect.name == "sqlite":
        return str(refused.value.orig)
    return _in_sqlite_words(engine, refused.value.orig)


def _in_sqlite_words(engine: Engine, error: object) -> str:
    """A server's refusal as SQLite words the same one: the rule named as it names it."""
    diag = error.diag  # type: ignore[attr-defined]
    kind, name = diag.sqlstate, diag.constraint_name
    if kind == "23514":  # check_violation
        return f"CHECK constraint failed: {name}"
    if kind == "23503":  # foreign_key_violation
        return "FOREIGN KEY constraint failed"
    assert kind == "23505", error  # unique_violation: a table's constraint, or an index
    with engine.connect() as conn:
        columns = (
            conn.execute(
                text(
                    "SELECT a.attname FROM pg_constraint c "
                    "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey) "
                    "WHERE c.conname = :name AND c.contype = 'u' ORDER BY a.attnum"
                ),
                {"name": name},
            )
            .scalars()
            .all()
        )
    if not columns:
        return f"UNIQUE constraint failed: index '{name}'"
    return "UNIQUE constraint failed: " + ", ".join(f"{diag.table_name}.{c}" for c in columns)


def _task(deadline: str = "NULL", status: str = "'open'", completed_on: str = "NULL") -> str:
    return (
        "INSERT INTO task (instruction_id, title, lead_unit_id, assigned_on, deadline, status, "
        f"completed_on) VALUES (1, 'Báo cáo', 1, '2023-02-17', {deadline}, {status}, "
        f"{completed_on})"
    )


def test_seed_task_rows_are_accepted(engine: Engine) -> None:
    # The statements below differ from accepted ones only in the rule they break.
    with engine.begin() as conn:
        conn.execute(text(_task(deadline="'2023-02-17'")))
        conn.execute(text(_task(status="'done'", completed_on="'2023-03-01'")))
        count = conn.execute(text("SELECT count(*) FROM task")).scalar_one()

    assert count == 3


def test_task_with_deadline_before_assigned_on_is_refused(engine: Engine) -> None:
    message = _refusal(engine, _task(deadline="'2023-02-16'"))

    assert message == "CHECK constraint failed: ck_task_deadline_after_assigned"


def test_done_task_without_completed_on_is_refused(engine: Engine) -> None:
    message = _refusal(engine, _task(status="'done'"))

    assert message == "CHECK constraint failed: ck_task_done_has_date"


def test_task_with_unknown_status_is_refused(engine: Engine) -> None:
    message = _refusal(engine, _task(status="'postponed'"))

    assert message == "CHECK constraint failed: ck_task_status_known"


def test_task_whose_lead_unit_does_not_exist_is_refused(engine: Engine) -> None:
    message = _refusal(
        engine,
        "INSERT INTO task (instruction_id, title, lead_unit_id, assigned_on, status) "
        "VALUES (1, 'Báo cáo', 99, '2023-02-17', 'open')",
    )

    assert message == "FOREIGN KEY constraint failed"


def test_deadline_change_without_note_is_refused(engine: Engine) -> None:
    message = _refusal(
        engine,
        "INSERT INTO task_event (task_id, at, kind, note, old_deadline, new_deadline) "
        "VALUES (1, '2023-03-20 08:00:00', 'deadline_changed', NULL, '2023-03-15', '2023-03-31')",
    )

    assert message == "CHECK constraint failed: ck_task_event_extension_complete"


def test_deadline_change_with_note_is_accepted(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO task_event (task_id, at, kind, note, old_deadline, new_deadline) "
                "VALUES (1, '2023-03-20 08:00:00', 'deadline_changed', 'Chờ tài liệu', "
                "'2023-03-15', '2023-03-31')"
            )
        )
        count = conn.execute(text("SELECT count(*) FROM task_event")).scalar_one()

    assert count == 1


def test_two_documents_with_the_same_symbol_and_date_are_refused(engine: Engine) -> None:
    message = _refusal(
        engine,
        "INSERT INTO document (kind, symbol, number, issued_on) "
        "VALUES ('Quy định', '96-QĐ/TW', '96', '2023-02-02')",
    )

    assert message == "UNIQUE constraint failed: index 'uq_document_identity'"


def test_document_with_the_same_symbol_and_another_date_is_accepted(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO document (kind, symbol, number, issued_on) "
                "VALUES ('Quy định', '96-QĐ/TW', '96', '2028-05-10')"
            )
        )
        count = conn.execute(text("SELECT count(*) FROM document")).scalar_one()

    assert count == 2


def test_two_undated_documents_with_the_same_number_are_refused(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO document (kind, number) VALUES ('Công văn', '45')"))

    message = _refusal(engine, "INSERT INTO document (kind, number) VALUES ('Công văn', '45')")

    assert message == "UNIQUE constraint failed: index 'uq_document_identity'"


def test_two_units_of_the_same_name_are_refused(engine: Engine) -> None:
    message = _refusal(engine, "INSERT INTO unit (name) VALUES ('Ban Tổ chức Tỉnh ủy Bắc Kạn')")

    assert message == "UNIQUE constraint failed: unit.name"


def test_two_people_with_the_same_name_and_no_unit_are_refused(engine: Engine) -> None:
    message = _refusal(engine, "INSERT INTO person (name, unit_id) VALUES ('Trương Thị Mai', NULL)")

    assert message == "UNIQUE constraint failed: index 'uq_person_name_unit'"


def test_person_with_the_same_name_in_a_unit_is_accepted(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO person (name, unit_id) VALUES ('Trương Thị Mai', 1)"))
        count = conn.execute(text("SELECT count(*) FROM person")).scalar_one()

    assert count == 2


def test_bridge_point_with_negative_attendee_count_is_refused(engine: Engine) -> None:
    message = _refusal(
        engine,
        "INSERT INTO bridge_point (conference_id, position, name, attendee_count) "
        "VALUES (1, 1, 'Điểm cầu Huyện ủy Ba Bể', -1)",
    )

    assert message == "CHECK constraint failed: ck_bridge_point_attendee_count_not_negative"


def test_blank_unit_name_is_refused(engine: Engine) -> None:
    message = _refusal(engine, "INSERT INTO unit (name) VALUES ('   ')")

    assert message == "CHECK constraint failed: ck_unit_name_not_blank"


def test_deleting_a_unit_that_leads_a_task_is_refused(engine: Engine) -> None:
    message = _refusal(engine, "DELETE FROM unit WHERE id = 1")

    assert message == "FOREIGN KEY constraint failed"


def _pragma(path: Path, name: str, *, foreign_keys: bool = True) -> object:
    """The value of PRAGMA ``name`` on a fresh connection of ``sqlite_engine``."""
    engine = sqlite_engine(path, foreign_keys=foreign_keys)
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar_one()
    finally:
        engine.dispose()


SQLITE_CONNECTIONS = sqlite_only("how SQLite's connections are set up (PRAGMAs)")


@SQLITE_CONNECTIONS
def test_sqlite_engine_turns_foreign_keys_on(engine: Engine, store: str) -> None:
    assert _pragma(Path(store), "foreign_keys") == 1


@SQLITE_CONNECTIONS
def test_sqlite_engine_uses_write_ahead_logging(engine: Engine, store: str) -> None:
    assert _pragma(Path(store), "journal_mode") == "wal"


@SQLITE_CONNECTIONS
def test_sqlite_engine_sets_a_busy_timeout(engine: Engine, store: str) -> None:
    assert _pragma(Path(store), "busy_timeout") == BUSY_TIMEOUT_MS == 10_000


@SQLITE_CONNECTIONS
def test_sqlite_engine_for_migrations_can_turn_foreign_keys_off(engine: Engine, store: str) -> None:
    assert _pragma(Path(store), "foreign_keys", foreign_keys=False) == 0
