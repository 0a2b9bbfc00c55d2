"""Time and peak memory of the minutes and notice papers of one conference whose every
text is as long as the editor allows (or longer: a database written by hand).

    python benchmarks/long_fields.py [--length N] [--items N] [--kinds minutes.pdf,...]

Each paper is written in a process of its own, so that its peak memory is its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from minutes_app.base.limits import MAX_TEXT, MAX_TITLE  # noqa: E402


def _text(length: int, word: str = "Hội nghị quán triệt ") -> str:
    """``length`` characters of Vietnamese words with no line break (the worst case for a
    paragraph laid out as one)."""
    return (word * (length // len(word) + 1))[:length]


def build(path: Path, length: int, items: int) -> int:
    """A database at ``path`` holding one conference with every text ``length`` long,
    ``items`` chairs, bridge points, documents and instructions, each instruction with
    ``items`` tasks; returns the conference's id."""
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
        TaskSupport,
        Unit,
    )

    db = Database.open(path)
    day = dt.date(2024, 3, 1)
    with db.transaction() as s:
        units = [Unit(name=f"{i} " + _text(length - 8, "Ban Tổ chức ")) for i in range(items + 1)]
        people = [Person(name=f"{i} " + _text(length - 8, "Nguyễn Văn ")) for i in range(items)]
        s.add_all(units + people)
        conference = Conference(
            title=_text(length),
            kind=_text(length),
            organizer=_text(length, "Ban Thường vụ "),
            date=day,
            session="morning",
            start_time="07:30",
            end_time="11:00",
            host_point=_text(length, "Trụ sở "),
            secretary=people[0],
            secretary_title=_text(length, "Chuyên viên "),
            discussion=_text(length, "Ý kiến thảo luận. "),
            notes=_text(length),
        )
        conference.chairs = [
            ConferenceChair(position=i, person=p, title=_text(length, "Ủy viên "))
            for i, p in enumerate(people)
        ]
        conference.bridge_points = [
            BridgePoint(
                position=i,
                name=_text(length, "Điểm cầu "),
                unit=units[i],
                attendee_count=100,
                people=[
                    BridgePointPerson(
                        role="presiding", position=0, person=p, title=_text(length, "Bí thư ")
                    )
                ],
            )
            for i, p in enumerate(people)
        ]
        conference.documents_studied = [
            StudiedDocument(
                position=i,
                document=Document(
                    kind=_text(length, "Nghị quyết "),
                    number=f"{i} " + _text(length - 8, "96 "),
                    symbol=f"{i} " + _text(length - 8, "96-QĐ/TW "),
                    issued_on=day,
                    issuer=_text(length, "Bộ Chính trị "),
                    subject=_text(length, "về công tác cán bộ "),
                ),
                presenter=p,
                presenter_title=_text(length, "Phó Trưởng ban "),
            )
            for i, p in enumerate(people)
        ]
        conference.instructions = [
            Instruction(
                position=i,
                speaker=p,
                speaker_title=_text(length, "Trưởng ban "),
                text=_text(length, "Giao các đơn vị triển khai. "),
                tasks=[
                    Task(
                        title=_text(max(length, MAX_TITLE), "Xây dựng kế hoạch "),
                        lead_unit=units[j],
                        assigned_on=day,
                        deadline=day + dt.timedelta(days=30),
                        supports=[TaskSupport(position=0, unit=units[j + 1])],
                    )
                    for j in range(items)
                ],
            )
            for i, p in enumerate(people)
        ]
        s.add(conference)
        s.flush()
        conference_id = conference.id
    db.close()
    return conference_id


def _one(db_path: str, conference_id: int, target: str) -> None:
    """Write one paper (run in a child process)."""
    from minutes_app.db.engine import Database
    from minutes_app.exporting import ExportRequest, run_export

    kind = Path(target).stem
    db = Database.open(Path(db_path))
    try:
        run_export(db, ExportRequest(kind, Path(target), conference_id=conference_id))
    finally:
        db.close()


def measure(db_path: Path, conference_id: int, target: Path) -> dict[str, object]:
    call = f"_one({str(db_path)!r}, {conference_id}, {str(target)!r})"
    code = (
        f"import sys; sys.path.insert(0, {str(REPO)!r}); sys.argv = ['bench']; "
        f"from benchmarks.long_fields import _one; {call}"
    )
    code += "; import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak_kib = int(done.stdout.split()[-1]) if done.returncode == 0 else 0
    return {
        "paper": target.name,
        "exit": done.returncode,
        "seconds": round(seconds, 1),
        "peak_mib": round(peak_kib / 1024),
        "bytes": target.stat().st_size if target.exists() else None,
        "stderr": done.stderr.strip()[-300:] if done.returncode else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--length", type=int, default=MAX_TEXT, help="characters of each text")
    parser.add_argument("--items", type=int, default=3, help="entries of each list")
    parser.add_argument("--kinds", default="minutes.pdf,notice.pdf,minutes.docx,notice.docx")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "long.sqlite3"
        # Built in a process of its own: a child's peak memory counts what it inherited
        # before exec, so the parent must stay small.
        built = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import sys; sys.path.insert(0, {str(REPO)!r}); "
                "from benchmarks.long_fields import build; "
                f"print(build(__import__('pathlib').Path({str(db_path)!r}), "
                f"{args.length}, {args.items}))",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        conference_id = int(built.stdout)
        for name in args.kinds.split(","):
            print(json.dumps(measure(db_path, conference_id, Path(folder) / name)), flush=True)


if __name__ == "__main__":
    main()
