"""`tasks` and `report` on a fixture with a task of every class, as the contract prints them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from minutes_app.cli import main
from tests.stores import STORES, new_store

AS_OF = "2023-03-31"
ZERO = dict.fromkeys(
    ("done_on_time", "done_late", "in_progress", "overdue", "ongoing", "cancelled"), 0
)


def task(key: str, lead: str, status: str, deadline: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "title": f"Nhiệm vụ {key}",
        "lead_unit": lead,
        "support_units": extra.pop("support", []),
        "assigned_on": extra.pop("assigned_on", "2023-02-17"),
        "deadline": deadline,
        "status": status,
        "completed_on": extra.pop("completed_on", None),
        "history": extra.pop("history", []),
        **extra,
    }


def ext(at: str, old: str, new: str) -> dict[str, Any]:
    kind = "deadline_changed"
    return {"at": at, "kind": kind, "note": "gia hạn", "old_deadline": old, "new_deadline": new}


TASKS = [
    task("on-time", "a", "done", "2023-03-15", completed_on="2023-03-10"),
    task("late", "a", "done", "2023-03-01", completed_on="2023-03-05"),
    task("running", "a", "in_progress", "2023-03-31"),  # deadline equal to D
    task("overdue", "b", "open", "2023-03-30", support=["a"]),
    task("ongoing", "b", "open", None),
    task("cancelled", "b", "cancelled", "2023-03-20"),
    task("done-after-D", "b", "done", "2023-04-05", completed_on="2023-04-02"),
    task(
        "extended-after-D",
        "a",
        "in_progress",
        "2023-04-30",
        history=[ext("2023-04-03T09:00:00", "2023-03-25", "2023-04-30")],
    ),
    task("assigned-after-D", "a", "open", None, assigned_on="2023-04-01"),
]


@pytest.fixture(scope="module", params=STORES)
def db_file(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The tasks above on each store, one database for the module: every test only reads."""
    folder = tmp_path_factory.mktemp("report")
    with new_store(request, request.param, folder) as where:
        yield _imported(where, folder)


def _imported(where: str, tmp_path: Path) -> str:
    exchange = {
        "format": "minutes-app/exchange",
        "version": 1,
        "units": [
            {"key": "a", "name": "Ban Tổ chức Tỉnh ủy"},
            {"key": "b", "name": "Đảng ủy Khối"},
        ],
        "conferences": [
            {
                "key": "c",
                "title": "Hội nghị giao ban",
                "date": "2023-02-17",
                "instructions": [{"key": "i", "text": "Triển khai", "tasks": TASKS}],
            }
        ],
    }
    source = tmp_path / "fixture.json"
    source.write_text(json.dumps(exchange, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", where, "import-json", str(source)]) == 0
    return where


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_tasks_json_gives_every_class_as_of_the_day(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = run_json(capsys, "--db", db_file, "tasks", "--as-of", AS_OF, "--json")
    assert {r["title"].removeprefix("Nhiệm vụ "): r["class"] for r in rows} == {
        "on-time": "done_on_time",
        "late": "done_late",
        "running": "in_progress",
        "overdue": "overdue",
        "ongoing": "ongoing",
        "cancelled": "cancelled",
        "done-after-D": "in_progress",
        "extended-after-D": "overdue",
    }
    overdue = next(r for r in rows if r["title"] == "Nhiệm vụ overdue")
    assert overdue["support_units"] == ["Ban Tổ chức Tỉnh ủy"]
    assert set(overdue) == {
        "id", "uid", "version", "title", "conference", "lead_unit", "support_units", "owner",
        "assigned_on", "deadline", "status", "completed_on", "class",
    }  # fmt: skip


def test_tasks_filters_by_class_and_unit_without_accents(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = run_json(
        capsys, "--db", db_file, "tasks", "--as-of", AS_OF, "--class", "overdue",
        "--class", "ongoing", "--unit", "dang uy khoi", "--json",
    )  # fmt: skip
    assert sorted(r["title"] for r in rows) == ["Nhiệm vụ ongoing", "Nhiệm vụ overdue"]
    assert rows[0]["lead_unit"] == "Đảng ủy Khối"


def test_report_counts_each_task_once_under_its_lead_unit(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run_json(
        capsys, "--db", db_file, "report", "--from", "2023-01-01", "--to", AS_OF, "--json"
    )
    assert report == {
        "from": "2023-01-01",
        "to": AS_OF,
        "as_of": AS_OF,
        "units": [
            {"unit": "Ban Tổ chức Tỉnh ủy", **ZERO, "done_on_time": 1, "done_late": 1,
             "in_progress": 1, "overdue": 1},
            {"unit": "Đảng ủy Khối", **ZERO, "overdue": 1, "ongoing": 1, "cancelled": 1,
             "in_progress": 1},
        ],
        "total": {"done_on_time": 1, "done_late": 1, "in_progress": 2, "overdue": 2,
                  "ongoing": 1, "cancelled": 1},
    }  # fmt: skip


def test_report_run_later_reads_differently_only_by_its_as_of(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run_json(
        capsys, "--db", db_file, "report", "--from", "2023-01-01", "--to", "2023-04-30",
        "--as-of", "2023-04-30", "--json",
    )  # fmt: skip
    assert report["total"] == {
        "done_on_time": 2, "done_late": 1, "in_progress": 1, "overdue": 2, "ongoing": 2,
        "cancelled": 1,
    }  # fmt: skip


def test_report_with_from_after_to_is_refused(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", db_file, "report", "--from", "2023-05-01", "--to", "2023-04-01"])
    assert code == 1
    assert capsys.readouterr().err == "minutes-app: --from: after --to\n"


def test_readable_report_shows_a_total_line(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    argv = ["--db", db_file, "report", "--from", "2023-01-01", "--to", AS_OF]
    assert main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2].split() == ["Total", "1", "1", "2", "2", "1", "1"]
    assert out[-1] == "Done on time: 50%"
    assert main(["--lang", "vi", *argv]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2].split() == ["Tổng", "cộng", "1", "1", "2", "2", "1", "1"]
    assert out[-1] == "Tỷ lệ hoàn thành đúng hạn: 50%"
