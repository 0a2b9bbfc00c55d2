"""How long the conference list takes to open with many conferences.

    python benchmarks/conference_list.py [--conferences 10000]

Fills a temporary database with conferences (each with two chairs, three bridge points,
two documents and tasks), then times reading the list and handing it to the Qt model.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert

from minutes_app.core.conferences.listing import list_conferences
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    BridgePoint,
    Conference,
    ConferenceChair,
    Document,
    Instruction,
    Person,
    StudiedDocument,
    Task,
    Unit,
)


def fill(db: Database, count: int) -> None:
    start = dt.date(2015, 1, 1)
    with db.transaction() as s:
        s.execute(insert(Unit), [{"id": i, "name": f"Huyện ủy số {i}"} for i in range(1, 101)])
        s.execute(insert(Person), [{"id": i, "name": f"Nguyễn Văn {i}"} for i in range(1, 301)])
        s.execute(
            insert(Document),
            [
                {"id": i, "kind": "Quy định", "number": str(i), "symbol": f"{i}-QĐ/TW"}
                for i in range(1, 501)
            ],
        )
        s.execute(
            insert(Conference),
            [
                {
                    "id": i,
                    "title": f"Hội nghị trực tuyến quán triệt văn bản số {i}",
                    "date": start + dt.timedelta(days=i % 3650),
                    "session": "morning",
                    "organizer": "Ban Tổ chức Trung ương" if i % 2 else "Ban Thường vụ Tỉnh ủy",
                    "kind": "giao ban",
                }
                for i in range(1, count + 1)
            ],
        )
        s.execute(
            insert(ConferenceChair),
            [
                {"conference_id": i, "position": p, "person_id": (i + p) % 300 + 1}
                for i in range(1, count + 1)
                for p in range(2)
            ],
        )
        s.execute(
            insert(BridgePoint),
            [
                {"conference_id": i, "position": p, "name": f"Điểm cầu {p}", "unit_id": p + 1}
                for i in range(1, count + 1)
                for p in range(3)
            ],
        )
        s.execute(
            insert(StudiedDocument),
            [
                {"conference_id": i, "position": p, "document_id": (i + p) % 500 + 1}
                for i in range(1, count + 1)
                for p in range(2)
            ],
        )
        s.execute(
            insert(Instruction),
            [
                {"id": i, "conference_id": i, "position": 0, "text": "Triển khai thực hiện"}
                for i in range(1, count + 1)
            ],
        )
        s.execute(
            insert(Task),
            [
                {
                    "instruction_id": i,
                    "title": "Báo cáo kết quả",
                    "lead_unit_id": i % 100 + 1,
                    "assigned_on": start + dt.timedelta(days=i % 3650),
                    "deadline": start + dt.timedelta(days=i % 3650 + 30),
                    "status": "open",
                }
                for i in range(1, count + 1)
                for _ in range(3)
            ],
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conferences", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from minutes_app.ui.conferences.listing import ConferenceTableModel

    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "bench.sqlite3")
        fill(db, args.conferences)
        read, model_ms = [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            rows = list_conferences(db)
            t1 = time.perf_counter()
            model = ConferenceTableModel()
            model.set_rows(rows)
            app.processEvents()
            t2 = time.perf_counter()
            read.append((t1 - t0) * 1000)
            model_ms.append((t2 - t1) * 1000)
        db.close()
    print(
        f"{args.conferences} conferences: read {statistics.median(read):.0f} ms, "
        f"model {statistics.median(model_ms):.0f} ms (medians of {args.repeat})"
    )


if __name__ == "__main__":
    main()
