"""Build a deterministic, realistic database for measuring: ten years of a province's work.

    python benchmarks/generate.py --tasks 200000 --db /tmp/bench.sqlite3

Conferences (about one per hundred tasks) with chairs, bridge points and studied
documents; closing instructions; tasks spread over ten years in every tracking class,
with history events (extensions among them); a few hundred units and people; Vietnamese
text throughout. The same arguments always give the same database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

from sqlalchemy import insert

from minutes_app.db.engine import Database
from minutes_app.db.models import (
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
CONF_KINDS = ["quán triệt, triển khai văn bản", "giao ban", "sơ kết", "tổng kết", "chuyên đề"]


def build(path: Path, tasks: int, seed: int = 2024, today: dt.date | None = None) -> None:
    rng = random.Random(seed)
    today = today or dt.date(2026, 11, 22)
    first_day = today - dt.timedelta(days=3650)
    db = Database.open(path)
    units = [
        {"id": i + 1, "name": f"{name} tỉnh", "kind": "ban"} for i, name in enumerate(PROVINCIAL)
    ]
    for district in DISTRICTS:
        for kind in KINDS:
            units.append({"id": len(units) + 1, "name": f"{kind} {district}", "kind": "huyện ủy"})
    people = []
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
    conferences, chairs, points, point_people, studied, instructions = [], [], [], [], [], []
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
    task_rows, supports, events = [], [], []
    for t in range(1, tasks + 1):
        instruction = instructions[rng.randrange(len(instructions))]
        conference = conferences[instruction["conference_id"] - 1]
        assigned = conference["date"]
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
        task_rows.append(
            {
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
        )
        # Bulk inserts skip the ORM's listener, so the folded text is filled here.
        task_rows[-1]["search_text"] = task_search_text(
            str(task_rows[-1]["title"]),
            task_rows[-1]["result"],  # type: ignore[arg-type]
        )
        if rng.random() < 0.5:
            supports.append(
                {"task_id": t, "unit_id": rng.randrange(1, len(units) + 1), "position": 0}
            )
        events.append(
            {"task_id": t, "kind": "created", "at": dt.datetime.combine(assigned, dt.time(10))}
        )
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
            task_rows[-1]["deadline"] = new
        if status == "done":
            events.append(
                {
                    "task_id": t,
                    "kind": "completed",
                    "at": dt.datetime.combine(completed, dt.time(16)),
                }
            )
    supports = [s for s in supports if s["unit_id"] != task_rows[s["task_id"] - 1]["lead_unit_id"]]
    with db.transaction() as s:
        for model, rows in (
            (Unit, units),
            (Person, people),
            (Document, documents),
            (Conference, conferences),
            (ConferenceChair, chairs),
            (BridgePoint, points),
            (BridgePointPerson, point_people),
            (StudiedDocument, studied),
            (Instruction, instructions),
            (Task, task_rows),
            (TaskSupport, supports),
            (TaskEvent, events),
        ):
            for start in range(0, len(rows), 20_000):
                s.execute(insert(model), rows[start : start + 20_000])
    with db.engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=200_000)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    if args.db.exists():
        sys.exit(f"{args.db} exists; choose a new path")
    started = time.perf_counter()
    build(args.db, args.tasks, args.seed)
    print(f"{args.db}: {args.tasks} tasks in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
