"""Build a deterministic, realistic database for measuring: ten years of a province's work.

    python benchmarks/generate.py --tasks 200000 --db /tmp/bench.sqlite3
    python benchmarks/generate.py --tasks 2000000 --db postgresql://HOST/DBNAME

Conferences (about one per hundred tasks) with chairs, bridge points and studied
documents; closing instructions; tasks spread over ten years in every tracking class,
with history events (extensions among them); a few hundred units and people; Vietnamese
text throughout. The same arguments always give the same database, an SQLite file or
a database on a PostgreSQL server (empty, made ready by ``minutes-app server-setup``),
written there with COPY.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert

from minutes_app.db.engine import Database
from minutes_app.db.models import (
    Base,
    BridgePoint,
    BridgePointPerson,
    Conference,
    ConferenceChair,
    Document,
    Instruction,
    Person,
    StudiedDocument,
    Task,
    TaskEvent,
    TaskSupport,
    Unit,
    task_search_text,
)

DISTRICTS = [
    "Ba Bể",
    "Bạch Thông",
    "Chợ Đồn",
    "Chợ Mới",
    "Na Rì",
    "Ngân Sơn",
    "Pác Nặm",
    "Bắc Kạn",
    "Cao Lộc",
    "Văn Lãng",
    "Tràng Định",
    "Bình Gia",
    "Lộc Bình",
    "Đình Lập",
    "Hữu Lũng",
    "Chi Lăng",
    "Bắc Sơn",
    "Văn Quan",
    "Đồng Xoài",
    "Bình Long",
    "Phước Long",
    "Lộc Ninh",
    "Bù Đăng",
    "Bù Gia Mập",
    "Hớn Quản",
    "Chơn Thành",
    "Đồng Phú",
    "Long Hồ",
    "Mang Thít",
    "Vũng Liêm",
    "Tam Bình",
    "Trà Ôn",
    "Bình Minh",
    "Bình Tân",
]
KINDS = [
    "Huyện ủy",
    "Đảng ủy",
    "Ban Tổ chức Huyện ủy",
    "Ủy ban Kiểm tra Huyện ủy",
    "Ban Tuyên giáo Huyện ủy",
    "Ban Dân vận Huyện ủy",
    "Văn phòng Huyện ủy",
]
PROVINCIAL = [
    "Ban Tổ chức Tỉnh ủy",
    "Văn phòng Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Ban Tuyên giáo Tỉnh ủy",
    "Ban Dân vận Tỉnh ủy",
    "Ban Nội chính Tỉnh ủy",
    "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh",
    "Sở Nội vụ",
]
SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Lương",
    "Trương",
    "Mai",
]
MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thanh", "Hồng", "Quang", "Ngọc", "Xuân", "Duy"]
GIVEN = [
    "An",
    "Bình",
    "Chính",
    "Dũng",
    "Đạt",
    "Giang",
    "Hà",
    "Hải",
    "Hiếu",
    "Hoa",
    "Hùng",
    "Khánh",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Nghiệm",
    "Phúc",
    "Quân",
    "Sơn",
    "Tấn",
    "Thảo",
    "Thủy",
    "Trung",
    "Tuấn",
    "Uyên",
    "Vinh",
    "Yến",
]
DOC_KINDS = [
    ("Quy định", "QĐ/TW"),
    ("Hướng dẫn", "HD/BTCTW"),
    ("Kết luận", "KL/TW"),
    ("Chỉ thị", "CT/TW"),
    ("Nghị quyết", "NQ/TW"),
    ("Kế hoạch", "KH/TU"),
]
SUBJECTS = [
    "công tác cán bộ",
    "kiểm điểm, đánh giá, xếp loại chất lượng",
    "quản lý biên chế của hệ thống chính trị",
    "sinh hoạt chi bộ",
    "bảo vệ chính trị nội bộ",
    "luân chuyển cán bộ lãnh đạo, quản lý",
    "lấy phiếu tín nhiệm",
    "tinh giản biên chế",
    "phát triển đảng viên",
    "đại hội đảng bộ các cấp",
]
VERBS = [
    "Quán triệt",
    "Triển khai thực hiện",
    "Tham mưu xây dựng kế hoạch thực hiện",
    "Tổng hợp, báo cáo kết quả thực hiện",
    "Rà soát, bổ sung",
    "Kiểm tra, đôn đốc việc thực hiện",
    "Sơ kết việc thực hiện",
    "Hướng dẫn cơ sở thực hiện",
]
TODAY = dt.date(2026, 11, 22)  # the day the data is built around (benchmarks/run.py)
CONF_KINDS = ["quán triệt, triển khai văn bản", "giao ban", "sơ kết", "tổng kết", "chuyên đề"]


Row = dict[str, Any]


def _setting(rng: random.Random, tasks: int, today: dt.date) -> dict[type[Base], list[Row]]:
    """The records around the tasks: units, people, documents, conferences with their
    chairs, bridge points, studied documents and closing instructions."""
    first_day = today - dt.timedelta(days=3650)
    units = [
        {"id": i + 1, "name": f"{name} tỉnh", "kind": "ban"} for i, name in enumerate(PROVINCIAL)
    ]
    for district in DISTRICTS:
        for kind in KINDS:
            units.append({"id": len(units) + 1, "name": f"{kind} {district}", "kind": "huyện ủy"})
    people: list[Row] = []
    seen = set()
    while len(people) < 400:
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        unit_id = rng.randrange(1, len(units) + 1)
        if (name, unit_id) not in seen:
            seen.add((name, unit_id))
            people.append({"id": len(people) + 1, "name": name, "unit_id": unit_id})
    documents = []
    for i in range(600):
        kind, code = rng.choice(DOC_KINDS)
        issued = first_day + dt.timedelta(days=rng.randrange(3650))
        documents.append(
            {
                "id": i + 1,
                "kind": kind,
                "number": str(i + 1),
                "symbol": f"{i + 1}-{code}",
                "issued_on": issued,
                "issuer": rng.choice(["Bộ Chính trị", "Ban Bí thư", "Ban Tổ chức Trung ương"]),
                "subject": f"về {rng.choice(SUBJECTS)}",
            }
        )
    conferences_count = max(1, tasks // 100)
    conferences: list[Row] = []
    chairs: list[Row] = []
    points: list[Row] = []
    point_people: list[Row] = []
    studied: list[Row] = []
    instructions: list[Row] = []
    for c in range(1, conferences_count + 1):
        day = first_day + dt.timedelta(days=rng.randrange(3650))
        doc = rng.choice(documents)
        conferences.append(
            {
                "id": c,
                "date": day,
                "session": rng.choice(["morning", "afternoon"]),
                "title": (
                    f"Hội nghị trực tuyến {rng.choice(VERBS).lower()} "
                    f"{doc['kind']} số {doc['symbol']}"
                ),
                "kind": rng.choice(CONF_KINDS),
                "mode": "online",
                "organizer": rng.choice(["Ban Tổ chức Trung ương", "Ban Thường vụ Tỉnh ủy"]),
                "host_point": "Trụ sở Ban Tổ chức Trung ương, Hà Nội",
            }
        )
        chairs.append(
            {
                "conference_id": c,
                "position": 0,
                "person_id": rng.randrange(1, 401),
                "title": "Trưởng ban Tổ chức Tỉnh ủy",
            }
        )
        for p in range(3):
            point_id = len(points) + 1
            points.append(
                {
                    "id": point_id,
                    "conference_id": c,
                    "position": p,
                    "name": f"Điểm cầu {rng.choice(DISTRICTS)}",
                    "unit_id": rng.randrange(1, len(units) + 1),
                    "attendee_count": 20 + p,
                }
            )
            point_people.append(
                {
                    "bridge_point_id": point_id,
                    "role": "presiding",
                    "position": 0,
                    "person_id": rng.randrange(1, 401),
                    "title": "Bí thư Huyện ủy",
                }
            )
        for p, d in enumerate(rng.sample(range(1, 601), 2)):
            studied.append({"conference_id": c, "position": p, "document_id": d})
        for p in range(4):
            instructions.append(
                {
                    "id": len(instructions) + 1,
                    "conference_id": c,
                    "position": p,
                    "text": f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} bảo đảm "
                    f"tiến độ, chất lượng.",
                }
            )
    return {
        Unit: units,
        Person: people,
        Document: documents,
        Conference: conferences,
        ConferenceChair: chairs,
        BridgePoint: points,
        BridgePointPerson: point_people,
        StudiedDocument: studied,
        Instruction: instructions,
    }


def _tasks(
    rng: random.Random, tasks: int, today: dt.date, setting: dict[type[Base], list[Row]]
) -> Iterator[tuple[Row, list[Row], list[Row]]]:
    """Each task in turn, with its supporting units and its history events: made one at a
    time, so that two million need not be held at once."""
    units, conferences = setting[Unit], setting[Conference]
    instructions = setting[Instruction]
    for t in range(1, tasks + 1):
        instruction = instructions[rng.randrange(len(instructions))]
        conference = conferences[instruction["conference_id"] - 1]
        assigned: dt.date = conference["date"]
        deadline = (
            None
            if rng.random() < 0.12
            else assigned + dt.timedelta(days=rng.choice([7, 15, 30, 45, 60, 90, 180]))
        )
        roll = rng.random()
        status = (
            "done"
            if roll < 0.62
            else "cancelled"
            if roll < 0.65
            else "in_progress"
            if roll < 0.85
            else "open"
        )
        completed = None
        if status == "done":
            span = (deadline - assigned).days if deadline else 60
            completed = min(today, assigned + dt.timedelta(days=rng.randrange(int(span * 1.3) + 1)))
        task: Row = {
            "id": t,
            "instruction_id": instruction["id"],
            "title": f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} tại {rng.choice(DISTRICTS)}",
            "lead_unit_id": rng.randrange(1, len(units) + 1),
            "owner_id": rng.randrange(1, 401) if rng.random() < 0.6 else None,
            "assigned_on": assigned,
            "deadline": deadline,
            "status": status,
            "completed_on": completed,
            "result": f"Báo cáo số {rng.randrange(1, 300)}-BC/HU" if status == "done" else None,
        }
        # Bulk inserts skip the ORM's listener, so the folded text is filled here.
        task["search_text"] = task_search_text(
            str(task["title"]),
            task["result"],
        )
        supports: list[Row] = []
        if rng.random() < 0.5:
            unit_id = rng.randrange(1, len(units) + 1)
            if unit_id != task["lead_unit_id"]:  # the lead unit does not support itself
                supports.append({"task_id": t, "unit_id": unit_id, "position": 0})
        events: list[Row] = [
            {"task_id": t, "kind": "created", "at": dt.datetime.combine(assigned, dt.time(10))}
        ]
        if deadline and rng.random() < 0.1:
            new = deadline + dt.timedelta(days=30)
            events.append(
                {
                    "task_id": t,
                    "kind": "deadline_changed",
                    "note": "Chờ hướng dẫn",
                    "old_deadline": deadline,
                    "new_deadline": new,
                    "at": dt.datetime.combine(min(today, deadline), dt.time(15)),
                }
            )
            task["deadline"] = new
        if status == "done":
            events.append(
                {
                    "task_id": t,
                    "kind": "completed",
                    "at": dt.datetime.combine(completed, dt.time(16)),  # type: ignore[arg-type]
                }
            )
        yield task, supports, events


def build(path: Path, tasks: int, seed: int = 2024, today: dt.date | None = None) -> None:
    """An SQLite file at ``path`` holding ``tasks`` tasks and what surrounds them."""
    rng = random.Random(seed)
    today = today or TODAY
    db = Database.open(path)
    setting = _setting(rng, tasks, today)
    task_rows: list[Row] = []
    supports: list[Row] = []
    events: list[Row] = []
    for task, its_supports, its_events in _tasks(rng, tasks, today, setting):
        task_rows.append(task)
        supports.extend(its_supports)
        events.extend(its_events)
    with db.transaction() as s:
        written: list[tuple[type[Base], list[Row]]] = [
            *setting.items(),
            (Task, task_rows),
            (TaskSupport, supports),
            (TaskEvent, events),
        ]
        for model, rows in written:
            for start in range(0, len(rows), 20_000):
                s.execute(insert(model), rows[start : start + 20_000])
    with db.engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
    db.close()


# Tasks written per round of COPY statements (tasks, then their supports and events: one
# COPY at a time on a connection).
_CHUNK = 20_000


def build_server(url: str, tasks: int, seed: int = 2024, today: dt.date | None = None) -> None:
    """The same records as ``build`` makes, written into the empty database at ``url`` on a
    PostgreSQL server (made ready by server-setup) with COPY, in one transaction, as a
    restore does: the secondary indexes and foreign keys are made again after the rows
    are in (a build and one check each, not one step per row), the search index's
    triggers are off while loading and its rows are written here (the tasks' as they go,
    the other kinds' by the index's own refresh); VACUUM ANALYZE at the end gives the
    planner its statistics."""
    from minutes_app.db.search_index import BY_KIND, DIRTY, KINDS, TRIGGERS, refresh
    from minutes_app.db.server import ServerAddress, check_server, connected

    address = ServerAddress.parse(url)
    check_server(address)  # set up by server-setup, at this program's schema
    rng = random.Random(seed)
    today = today or TODAY
    setting = _setting(rng, tasks, today)
    index = BY_KIND["task"]
    tables = [t.name for t in Base.metadata.sorted_tables] + [k.table for k in KINDS] + [DIRTY]
    with connected(address) as pg:
        for table in tables:
            if pg.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
                sys.exit(f"{address} holds records already; generate into an empty database")
        # Emptied in this transaction, so that COPY may write its rows frozen, marked visible
        # to every transaction: index-only scans need no VACUUM after (one that ran while
        # an older snapshot was open elsewhere would leave the pages unmarked).
        pg.execute(f"TRUNCATE {', '.join(tables)}")
        watched = sorted({table for table, _event, _marks in TRIGGERS})
        for table in watched:  # the table's owner may (server-setup made them)
            pg.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        pg.execute("SET LOCAL maintenance_work_mem = '256MB'")  # for the index builds
        again = _set_aside(pg, tables)
        for model, rows in setting.items():
            _copy(pg, model.__table__, rows)  # type: ignore[arg-type]
        task_rows: list[Row] = []
        supports: list[Row] = []
        events: list[Row] = []
        words: list[tuple[object, ...]] = []
        event_ids = 0
        for task, its_supports, its_events in _tasks(rng, tasks, today, setting):
            task_rows.append(task)
            supports.extend(its_supports)
            for event in its_events:  # numbered in order, as SQLite numbers them
                event_ids += 1
                event["id"] = event_ids
                events.append(event)
            words.append((task["id"], *index.make((task["title"], None, task["result"]))))
            if len(task_rows) == _CHUNK:
                _copy_tasks(pg, task_rows, supports, events, words)
        _copy_tasks(pg, task_rows, supports, events, words)
        for statement in again:
            pg.execute(statement)
        for kind in ("conference", "document", "person", "unit"):
            pg.execute(f"INSERT INTO {DIRTY} (kind, id) SELECT '{kind}', id FROM {kind}")
        # The planner's statistics of what this transaction wrote, for the refresh's joins
        # (without them it joins 20,000 conferences to their notes by nested scans).
        pg.execute("ANALYZE")
        refresh(pg)
        for written in Base.metadata.sorted_tables:  # new ids follow the last one written
            if "id" in written.c:
                pg.execute(
                    f"SELECT setval(pg_get_serial_sequence('{written.name}', 'id'), max(id)) "
                    f"FROM {written.name} HAVING count(*) > 0"
                )
        for table in watched:
            pg.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        pg.commit()
    with connected(address, autocommit=True) as pg:
        pg.execute("VACUUM (ANALYZE)")


def _set_aside(pg: Any, tables: list[str]) -> list[str]:
    """Drop the foreign keys and the indexes (other than those of primary keys and unique
    constraints) of ``tables``, and return the SQL that makes them again as they were."""
    keys = pg.execute(
        "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) "
        "FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(%s::regclass[])",
        [tables],
    ).fetchall()
    indexes = pg.execute(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "WHERE i.indrelid = ANY(%s::regclass[]) AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
        [tables],
    ).fetchall()
    for table, name, _definition in keys:
        pg.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    for name, _definition in indexes:
        pg.execute(f"DROP INDEX {name}")
    return [definition for _name, definition in indexes] + [
        f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}"
        for table, name, definition in keys
    ]


def _copy_tasks(
    pg: Any,
    tasks: list[Row],
    supports: list[Row],
    events: list[Row],
    words: list[tuple[object, ...]],
) -> None:
    """Write a round of tasks, their supports, events and index rows, and empty the lists."""
    from minutes_app.db.search_index import BY_KIND

    _copy(pg, Task.__table__, tasks)  # type: ignore[arg-type]
    _copy(pg, TaskSupport.__table__, supports)  # type: ignore[arg-type]
    _copy(pg, TaskEvent.__table__, events)  # type: ignore[arg-type]
    index = BY_KIND["task"]
    with pg.cursor().copy(
        f"COPY {index.table} (rowid, {', '.join(index.columns)}) FROM STDIN (FREEZE)"
    ) as copy:
        for row in words:
            copy.write_row(row)
    for done in (tasks, supports, events, words):
        done.clear()


def _copy(pg: Any, table: Table, rows: list[Row]) -> None:
    """COPY ``rows`` into ``table``: the columns they give, and those the models fill in
    Python (a record's uid) as SQLAlchemy's INSERT would; the server fills the others."""
    if not rows:
        return
    given: set[str] = set()
    for row in rows:
        given.update(row)
    columns = [c for c in table.columns if c.name in given or c.default is not None]
    defaults = [(c.name, c.default) for c in columns]
    names = ", ".join(name for name, _default in defaults)
    with pg.cursor().copy(f"COPY {table.name} ({names}) FROM STDIN (FREEZE)") as copy:
        for row in rows:
            copy.write_row(
                [row[name] if name in row else _default(default) for name, default in defaults]
            )


def _default(default: Any) -> object:
    """The value a column's Python-side default gives (None without one)."""
    if default is None:
        return None
    return default.arg(None) if default.is_callable else default.arg


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=200_000)
    parser.add_argument(
        "--db",
        required=True,
        help="a new SQLite file, or the URL of an empty database on a PostgreSQL server "
        "made ready by server-setup",
    )
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    from minutes_app.db.server import is_server_address

    started = time.perf_counter()
    if is_server_address(args.db):
        build_server(args.db, args.tasks, args.seed)
    else:
        path = Path(args.db)
        if path.exists():
            sys.exit(f"{path} exists; choose a new path")
        build(path, args.tasks, args.seed)
    print(f"{args.db}: {args.tasks} tasks in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
