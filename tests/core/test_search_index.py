"""The search index stays in step with the records through every kind of change."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import datetime as dt
import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from minutes_app.core.conferences.catalogue import merge_documents
from minutes_app.core.conferences.forms import AppearanceForm, BridgePointForm, PersonRef
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.conferences.trash import move_to_trash, purge_from_trash, restore_from_trash
from minutes_app.core.directory import DirectoryError, merge_people, save_person, save_unit
from minutes_app.core.exchange.importing import import_exchange
from minutes_app.core.exchange.reading import read_exchange
from minutes_app.core.exchange.samples import load_samples, sample_bytes
from minutes_app.core.search import search
from minutes_app.core.tasks.actions import NewTasks, complete, create_tasks, undo
from minutes_app.db.engine import Database
from minutes_app.db.models import Task
from minutes_app.db.search_index import (
    index_reading,
    index_rows,
    pending,
    rebuild,
    refresh,
    tsquery_expression,
)
from tests.stores import STORES, open_store

QD96 = "Quy định 96-QĐ/TW ngày 02/02/2023"


@pytest.fixture(params=STORES)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    return open_store(request, tmp_path, request.param)


class Plain:
    """A plain connection of the driver, as another program would open one: no ``fold``
    function, each statement its own transaction unless BEGIN says otherwise; SQL with
    SQLite's ``?`` marks on either store."""

    def __init__(self, connection: Any, server: bool) -> None:
        self.connection = connection
        self.server = server

    def execute(self, sql: str, parameters: tuple[object, ...] = ()) -> Any:
        return self.connection.execute(sql.replace("?", "%s") if self.server else sql, parameters)


@contextlib.contextmanager
def plain(db: Database) -> Iterator[Plain]:
    if db.server is not None:
        with psycopg.connect(db.server.url, autocommit=True) as connection:
            yield Plain(connection, server=True)
        return
    conn = sqlite3.connect(db.file, isolation_level=None)
    try:
        yield Plain(conn, server=False)
    finally:
        conn.close()


def assert_in_step(db: Database) -> None:
    """Nothing is waiting to be indexed, and the index equals one built from scratch."""
    with plain(db) as conn:
        assert not pending(conn.connection)
        kept = index_rows(conn.connection)
        conn.execute("BEGIN")
        rebuild(conn.connection)
        fresh = index_rows(conn.connection)
        conn.execute("ROLLBACK")
    assert kept == fresh


def labels(db: Database, query: str, kind: str) -> list[str]:
    return [h.label for h in search(db, query).of_kind(kind)]


def ids(db: Database, query: str, kind: str) -> list[int]:
    return [h.id for h in search(db, query).of_kind(kind)]


def conference_id(db: Database, query: str) -> int:
    [hit] = search(db, query).of_kind("conference")
    return hit.id


def test_sample_data_is_indexed_as_it_is_loaded(db: Database) -> None:
    assert_in_step(db)
    with plain(db) as conn:
        rows = index_rows(conn.connection)
    assert {kind: len(r) for kind, r in rows.items()} == {
        "conference": 5,
        "document": 16,
        "task": 38,
        "person": 7,
        "unit": 30,
    }


def test_an_edited_title_is_found_and_the_old_one_is_not(db: Database) -> None:
    conference = conference_id(db, "giai dap nhung thac mac")
    form = load_conference(db, conference)
    old_label = f"17/02/2023 {form.title}"
    save_conference(db, dataclasses.replace(form, title="Hội nghị chuyên đề về Điện Biên Phủ"))
    assert labels(db, "dien bien phu", "conference") == [
        "17/02/2023 Hội nghị chuyên đề về Điện Biên Phủ"
    ]
    assert old_label not in labels(db, form.title, "conference")
    assert_in_step(db)


def test_an_edited_bridge_point_and_its_people_are_found(db: Database) -> None:
    conference = conference_id(db, "lang son")
    form = load_conference(db, conference)
    point = BridgePointForm(
        name="Điểm cầu huyện Mèo Vạc",
        presiding=(AppearanceForm(PersonRef("Sùng Mí Chứ"), "Bí thư Huyện ủy"),),
    )
    save_conference(db, dataclasses.replace(form, bridge_points=(point,)))
    assert ids(db, "meo vac", "conference") == [conference]
    assert ids(db, "sung mi chu", "conference") == [conference]
    # Lạng Sơn is still in the discussion, no longer a bridge point with Hoàng Văn Nghiệm.
    [hit] = search(db, "lang son").of_kind("conference")
    assert "Tại tỉnh Lạng Sơn, trong quý I/2023" in hit.snippet
    assert ids(db, "hoang van nghiem", "conference") != [conference]
    assert labels(db, "sung mi chu", "person") == ["Sùng Mí Chứ"]
    assert_in_step(db)


def test_a_conference_in_the_trash_is_not_found_nor_are_its_tasks(db: Database) -> None:
    conference = conference_id(db, "lang son")
    tasks_before = search(db, "quy hoach").total("task")
    move_to_trash(db, [conference])
    assert labels(db, "lang son", "conference") == []
    assert search(db, "quy hoach").total("task") < tasks_before
    assert_in_step(db)
    restore_from_trash(db, [conference])
    assert len(labels(db, "lang son", "conference")) == 1
    assert search(db, "quy hoach").total("task") == tasks_before
    assert_in_step(db)


def test_a_purged_conference_leaves_the_index_with_its_tasks(db: Database) -> None:
    conference = conference_id(db, "lang son")
    move_to_trash(db, [conference])
    purge_from_trash(db, [conference])
    assert labels(db, "lang son", "conference") == []
    with plain(db) as conn:
        assert (
            conn.execute("SELECT count(*) FROM search_task").fetchone()[0]
            == conn.execute("SELECT count(*) FROM task").fetchone()[0]
        )
    assert_in_step(db)


def test_a_renamed_person_is_found_in_their_conferences_by_the_new_name(db: Database) -> None:
    [person] = search(db, "pham minh tan").of_kind("person")
    save_person(db, person.id, "Phạm Minh Tuấn", "Tỉnh ủy Vĩnh Long")
    assert labels(db, "pham minh tuan", "person") == ["Phạm Minh Tuấn"]
    assert len(labels(db, "pham minh tuan", "conference")) == 1
    assert labels(db, "pham minh tan ", "person") == []
    assert_in_step(db)


def test_merged_people_leave_one_person_found_where_both_were(db: Database) -> None:
    [keep] = search(db, "truong thi mai").of_kind("person")
    other = save_person(db, None, "Trương Thị Mai (Ban Tổ chức Trung ương)", None)
    merge_people(db, keep.id, other)
    assert labels(db, "truong thi mai", "person") == ["Trương Thị Mai"]
    assert_in_step(db)


def test_merged_documents_leave_one_document_found(db: Database) -> None:
    [kept] = search(db, "96-QD/TW").of_kind("document")
    with db.transaction() as session:
        from minutes_app.db.models import Document

        twin = Document(kind="Quy định", number="96", symbol="96-QĐ/TW", subject="bản sao chép lỗi")
        session.add(twin)
        session.flush()
        twin_id = twin.id
    assert len(labels(db, "96-QD/TW", "document")) == 2
    merge_documents(db, kept.id, twin_id)
    assert labels(db, "96-QD/TW", "document") == [QD96]
    assert labels(db, "sao chep loi", "document") == []
    assert_in_step(db)


def test_an_imported_conference_is_found(db: Database) -> None:
    exchange = json.loads(sample_bytes())
    new = copy.deepcopy(exchange["conferences"][0])
    new["key"] = "c-new"
    new["title"] = "Hội nghị trực tuyến về chuyển đổi số ở Mường Tè"
    new["date"] = "2024-05-06"
    for instruction in new["instructions"]:
        for task in instruction["tasks"]:
            task["title"] = "Số hóa kho lưu trữ Mường Tè: " + task["title"]
    exchange["conferences"] = [new]
    summary = import_exchange(db, read_exchange(json.dumps(exchange).encode()))
    assert summary.conferences_added == 1
    assert labels(db, "muong te", "conference") == [
        "06/05/2024 Hội nghị trực tuyến về chuyển đổi số ở Mường Tè"
    ]
    assert search(db, "so hoa kho luu tru muong te").total("task") == summary.tasks_added > 0
    assert_in_step(db)


def test_a_second_import_of_the_same_file_changes_no_index_row(db: Database) -> None:
    # FTS5's segments, or each server row's version (xmin changes when a row is rewritten).
    if db.server is None:
        stored = "SELECT * FROM search_task_data ORDER BY id"
    else:
        stored = "SELECT rowid, xmin::text FROM search_task ORDER BY rowid"
    with plain(db) as conn:
        before = conn.execute(stored).fetchall()
    load_samples(db)
    with plain(db) as conn:
        assert conn.execute(stored).fetchall() == before


def test_a_completed_task_is_found_by_its_result(db: Database) -> None:
    [task] = search(db, "quan triet 97").of_kind("task")
    complete(db, [task.id], dt.date(2023, 3, 1), "Đã tổ chức 12 hội nghị quán triệt ở Pác Nặm")
    [hit] = search(db, "pac nam").of_kind("task")
    assert hit.id == task.id
    assert "12 hội nghị quán triệt ở Pác Nặm" in hit.snippet
    assert_in_step(db)


def test_created_tasks_are_found_until_undone(db: Database) -> None:
    [task] = search(db, "quan triet 97").of_kind("task")
    with plain(db) as conn:
        [instruction] = conn.execute(
            "SELECT instruction_id FROM task WHERE id = ?", (task.id,)
        ).fetchone()
    record = create_tasks(
        db,
        NewTasks(
            instruction_id=instruction,
            titles=("Khảo sát mô hình bí thư chi bộ đồng thời là trưởng thôn",),
            lead_units=("Ban Dân vận Tỉnh ủy Hà Giang",),
        ),
    )
    assert len(labels(db, "khao sat mo hinh bi thu", "task")) == 1
    assert labels(db, "ban dan van ha giang", "unit") == ["Ban Dân vận Tỉnh ủy Hà Giang"]
    undo(db, record)
    assert labels(db, "khao sat mo hinh bi thu", "task") == []
    assert_in_step(db)


def test_a_refused_change_leaves_the_index_as_it_was(db: Database) -> None:
    unit = save_unit(db, None, "Chi bộ thôn Lũng Cú", None, "Đảng ủy xã Lũng Cú")
    parent = search(db, "dang uy xa lung cu").of_kind("unit")[0].id
    with pytest.raises(DirectoryError):
        save_unit(db, parent, "Đảng ủy xã Lũng Táo", None, "Chi bộ thôn Lũng Cú")
    assert labels(db, "lung tao", "unit") == []
    assert unit in {h.id for h in search(db, "lung cu").of_kind("unit")}
    assert_in_step(db)


def test_a_change_by_another_program_is_found(db: Database) -> None:
    """A plain connection cannot fold; the triggers note the change and search folds it."""
    [task] = search(db, "quan triet 97").of_kind("task")
    with plain(db) as conn:
        conn.execute(
            "UPDATE task SET title = 'Kiểm tra việc thực hiện Quy định 102' WHERE id = ?",
            (task.id,),
        )
        # Its supporting roles first: the server keeps foreign keys (a plain SQLite
        # connection does not).
        minh = "(SELECT id FROM unit WHERE name = 'Thị ủy Bình Minh')"
        conn.execute(f"DELETE FROM task_support WHERE unit_id = {minh}")
        conn.execute(f"DELETE FROM unit WHERE id = {minh}")
        assert pending(conn.connection)
    assert labels(db, "kiem tra viec thuc hien quy dinh 102", "task") == [
        "Kiểm tra việc thực hiện Quy định 102"
    ]
    assert labels(db, "quan triet 97", "task") == []
    assert labels(db, "thi uy binh minh", "unit") == []
    assert_in_step(db)


def test_the_check_sees_an_index_out_of_step(db: Database) -> None:
    # The counterpart of assert_in_step above: a row lost behind the triggers' back shows.
    with plain(db) as conn:
        conn.execute("DELETE FROM search_task WHERE rowid = (SELECT min(rowid) FROM search_task)")
    with pytest.raises(AssertionError):
        assert_in_step(db)


def test_a_change_and_its_index_rows_are_one_commit(db: Database) -> None:
    [task] = search(db, "quan triet 97").of_kind("task")
    new_title = "Kiểm tra chuyên đề ở Pác Nặm"
    other = Database.open(db.server or db.file)  # another clerk's program
    try:
        with db.transaction() as session:
            session.get_one(Task, task.id).title = new_title
            session.flush()
            assert labels(other, "kiem tra chuyen de", "task") == []  # not committed yet
        with plain(db) as conn:  # the commit brought the index in step: nothing is left
            assert not pending(conn.connection)
        assert labels(other, "kiem tra chuyen de", "task") == [new_title]
        assert labels(other, "quan triet 97", "task") == []
    finally:
        other.close()
    assert_in_step(db)


def test_a_change_rolled_back_leaves_the_hits_as_they_were(db: Database) -> None:
    [task] = search(db, "quan triet 97").of_kind("task")
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.get_one(Task, task.id).title = "Kiểm tra chuyên đề ở Pác Nặm"
        session.flush()
        raise RuntimeError("the clerk's change failed half-way")
    assert labels(db, "kiem tra chuyen de", "task") == []
    assert ids(db, "quan triet 97", "task") == [task.id]
    assert_in_step(db)


def test_records_give_days_as_iso_text_on_either_store(db: Database) -> None:
    [document] = search(db, "96-QD/TW").of_kind("document")
    [conference] = search(db, "lang son").of_kind("conference")
    with index_reading(db) as index:
        [document_row] = index.records("document", [document.id])
        [conference_row] = index.records("conference", [conference.id])
    assert document_row[4] == "2023-02-02"
    assert conference_row[2] == "2023-04-03"


# The server's own: tsquery and tsvector texts (FTS5's quoting is pinned by the hostile
# queries above, on either store).
ODD_WORDS = ["a'b", "a\\b", "''", "\\", "&|!", ":*", "(x)", "<->", "x:1A", "a b"]


@pytest.mark.postgresql
@pytest.mark.parametrize("word", ODD_WORDS)
def test_a_server_query_takes_any_word_as_one_lexeme(
    request: pytest.FixtureRequest, tmp_path: Path, word: str
) -> None:
    db = open_store(request, tmp_path, "postgresql", samples=False)
    assert db.server is not None
    query = tsquery_expression([(word, False), ("z", True)])
    with psycopg.connect(db.server.url) as conn:
        [(exact, other, prefix)] = conn.execute(
            "SELECT array_to_tsvector(%s::text[]) @@ %s::tsquery, "
            "array_to_tsvector(%s::text[]) @@ %s::tsquery, "
            "array_to_tsvector(%s::text[]) @@ %s::tsquery",
            ([word, "zz"], query, [word + "x", "zz"], query, [word, "y"], query),
        ).fetchall()
    assert (exact, other, prefix) == (True, False, False)


@pytest.mark.postgresql
@pytest.mark.parametrize(
    ("separator", "long_word", "kept"),
    [
        (" ", "w" * 300, "w" * 300),  # as index_text writes: quoted by replacing the spaces
        ("  ", "w" * 300, "w" * 255),  # other spacing: split, and each word cut
        (" ", "w" * 3000, "w" * 255),  # too long for one lexeme: split, and each word cut
    ],
)
def test_a_server_index_row_holds_its_words_as_they_are(
    request: pytest.FixtureRequest, tmp_path: Path, separator: str, long_word: str, kept: str
) -> None:
    db = open_store(request, tmp_path, "postgresql", samples=False)
    assert db.server is not None
    words = [*ODD_WORDS, "m²", "2e5ab", long_word]
    with psycopg.connect(db.server.url) as conn:
        conn.execute(
            "INSERT INTO search_unit (rowid, name, body) VALUES (1, %s, '')",
            (separator.join(words),),
        )

        def found(*terms: tuple[str, bool]) -> bool:
            [(hit,)] = conn.execute(
                "SELECT count(*) FROM search_unit WHERE words @@ %s::tsquery",
                (tsquery_expression(terms),),
            ).fetchall()
            return bool(hit)

        for word in ODD_WORDS:
            assert all(found((part, False)) for part in word.split()), word
        if len(long_word) < 1000:  # a query's word is at most 40 characters; a lexeme 2047 bytes
            assert found((long_word, False)) == (kept == long_word)
        assert found(("m²", False), ("2e5ab", False), ("2e5", True))
        assert not any(found((word, False)) for word in ("m", "2e5", "ab", "w" * 40))
        assert found((kept, False)) and found(("w" * 40, True))


@pytest.mark.postgresql
def test_two_searches_bringing_the_same_change_in_step_both_answer(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # The server's own: SQLite's write lock lets one refresh at a time. Here another
    # program's change is being folded by one search's refresh while another search's
    # refresh of it waits, then finds it done.
    db = open_store(request, tmp_path, "postgresql")
    assert db.server is not None
    [task] = search(db, "quan triet 97").of_kind("task")
    with plain(db) as conn:
        conn.execute(
            "UPDATE task SET title = 'Kiểm tra chuyên đề ở Pác Nặm' WHERE id = ?", (task.id,)
        )
    first = psycopg.connect(db.server.url)
    try:
        refresh(first)  # folds the change and holds its rows, not yet committed
        found: list[list[str]] = []
        second = threading.Thread(target=lambda: found.append(labels(db, "pac nam", "task")))
        second.start()
        time.sleep(0.5)  # the second search's refresh waits for the first's rows
        first.commit()
        second.join(timeout=30)
    finally:
        first.close()
    assert found == [["Kiểm tra chuyên đề ở Pác Nặm"]]
    assert_in_step(db)


@pytest.mark.postgresql
def test_a_login_that_may_only_read_searches_what_the_index_holds(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # The server's own: a login's rights. Another program's change waits to be folded;
    # this login may not write it, and is answered from the index as it is.
    db = open_store(request, tmp_path, "postgresql")
    assert db.server is not None
    cluster = request.getfixturevalue("pg_cluster")
    role = f"reader_{uuid.uuid4().hex[:8]}"
    database = db.server.database
    # Not one of the office's roles: it reads every row (past the row-level policies, as
    # only a superuser can let it) and writes nothing.
    cluster.sql(f"CREATE ROLE {role} LOGIN BYPASSRLS")
    cluster.sql(f'GRANT CONNECT ON DATABASE "{database}" TO {role}')
    cluster.sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}", dbname=database)
    request.addfinalizer(lambda: cluster.sql(f"DROP ROLE IF EXISTS {role}"))
    request.addfinalizer(lambda: cluster.sql(f"DROP OWNED BY {role}", dbname=database))
    [task] = search(db, "quan triet 97").of_kind("task")
    with plain(db) as conn:
        conn.execute(
            "UPDATE task SET title = 'Kiểm tra chuyên đề ở Pác Nặm' WHERE id = ?", (task.id,)
        )
    reader = Database.open(cluster.url(database, user=role))
    try:
        assert ids(reader, "quan triet 97", "task") == [task.id]  # the index as it is
        assert labels(reader, "pac nam", "task") == []
    finally:
        reader.close()
    assert labels(db, "pac nam", "task") == ["Kiểm tra chuyên đề ở Pác Nặm"]  # folded now


def test_the_index_counts_with_or_without_a_ranked_window(db: Database) -> None:
    # search() counts through ranked() (on a server, in the same statement); count() alone
    # gives the same.
    total = search(db, "tinh uy").total("unit")
    assert 5 < total < 1000
    terms = [("tinh", False), ("uy", True)]
    with index_reading(db) as index:
        query = index.query(terms)
        assert index.count("unit", query, 5) == 5
        assert index.count("unit", query, 1000) == total
        assert len(index.ranked(["unit"], query, 3, 6)["unit"]) == 3
        assert index.count("unit", query, 6) == 6
        assert index.count("unit", query, 1000) == total
