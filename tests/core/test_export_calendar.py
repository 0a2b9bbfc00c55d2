"""Task deadlines as .ics, read back with the icalendar library as a calendar program would."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest

from minutes_app.cli import main
from minutes_app.core.exports.calendar import export_calendar
from minutes_app.db.engine import Database
from tests.core.test_export_tables import AS_OF, TASKS, build_db
from tests.stores import STORES, kind_of, new_store, sql

STAMP = dt.datetime(2023, 3, 31, 8, 0, tzinfo=dt.UTC)
# Open on AS_OF with a deadline: in progress or overdue, look-back rules included.
OPEN = {
    "running", "soon", "far", "overdue", "done-after-D", "extended-after-D",
    "extended-before-D", "odd",
}  # fmt: skip


@pytest.fixture(scope="module", params=STORES)
def db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """The tasks of test_export_tables on each store, one database for the tests that only
    read it."""
    folder = tmp_path_factory.mktemp("calendar")
    with new_store(request, request.param, folder) as where:
        database = Database.open(build_db(where, folder))
        yield database
        database.close()


def read_events(path: Path) -> dict[str, Any]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["SUMMARY"]).removeprefix("Hạn nhiệm vụ: "): e for e in calendar.walk("VEVENT")}


def test_one_all_day_event_per_open_task_deadline(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    assert export_calendar(db, target, as_of=AS_OF, stamp=STAMP) == len(OPEN)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert str(calendar["VERSION"]) == "2.0"
    assert "minutes-app" in str(calendar["PRODID"])
    events = read_events(target)
    assert {title.removeprefix("Nhiệm vụ ") for title in events} - {TASKS[-1]["title"]} == (
        OPEN - {"odd"}
    )
    overdue = events["Nhiệm vụ overdue"]
    assert overdue["DTSTART"].dt == dt.date(2023, 3, 30)  # a date, not a date-time
    assert overdue["DTEND"].dt == dt.date(2023, 3, 31)
    assert overdue.decoded("DTSTAMP") == STAMP


def test_uids_are_stable_from_one_export_to_the_next(db: Database, tmp_path: Path) -> None:
    export_calendar(db, tmp_path / "a.ics", as_of=AS_OF)
    export_calendar(db, tmp_path / "b.ics", as_of=AS_OF)
    first = {str(e["UID"]) for e in read_events(tmp_path / "a.ics").values()}
    second = {str(e["UID"]) for e in read_events(tmp_path / "b.ics").values()}
    assert first == second
    assert all(uid.startswith("task-") and uid.endswith("@minutes-app") for uid in first)
    assert len(first) == len(OPEN)


def test_description_names_the_units_and_the_conference(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "d.ics"
    export_calendar(db, target, as_of=AS_OF)
    description = str(read_events(target)["Nhiệm vụ soon"]["DESCRIPTION"])
    assert description.splitlines() == [
        "Đơn vị chủ trì: Ban Tổ chức Tỉnh ủy",
        "Đơn vị phối hợp: Đảng ủy Khối; Dang uy Khoi",
        "Hội nghị: Hội nghị giao ban công tác tổ chức (17/02/2023)",
        "Giao ngày: 17/02/2023",
    ]


def test_an_extended_deadline_counts_up_the_sequence(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "d.ics"
    export_calendar(db, target, as_of=AS_OF)
    events = read_events(target)
    assert int(events["Nhiệm vụ extended-before-D"]["SEQUENCE"]) == 1
    assert int(events["Nhiệm vụ far"]["SEQUENCE"]) == 0
    assert events["Nhiệm vụ extended-before-D"]["DTSTART"].dt == dt.date(2023, 4, 20)


@pytest.mark.parametrize(("days", "trigger"), [(3, dt.timedelta(days=-3)), (0, dt.timedelta(0))])
def test_each_event_reminds_days_before(
    db: Database, tmp_path: Path, days: int, trigger: dt.timedelta
) -> None:
    target = tmp_path / "d.ics"
    export_calendar(db, target, as_of=AS_OF, reminder_days=days)
    for event in read_events(target).values():
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == trigger
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])


def test_no_reminder_when_asked_for_none(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "d.ics"
    export_calendar(db, target, as_of=AS_OF, reminder_days=None)
    assert all(not e.walk("VALARM") for e in read_events(target).values())
    with pytest.raises(ValueError):
        export_calendar(db, target, as_of=AS_OF, reminder_days=-1)


def test_special_characters_come_back_as_written(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "d.ics"
    export_calendar(db, target, as_of=AS_OF)
    assert TASKS[-1]["title"] in read_events(target)  # , ; \ and a line break
    raw = target.read_bytes().decode("utf-8")
    assert "Rà soát\\, bổ sung quy hoạch\\; báo cáo \\\\ tổng hợp <A&B>\\nvề" in raw.replace(
        "\r\n ", ""
    )


def test_lines_are_crlf_and_folded_at_75_octets_between_characters(
    db: Database, tmp_path: Path
) -> None:
    target = tmp_path / "d.ics"
    export_calendar(db, target, as_of=AS_OF)
    raw = target.read_bytes()
    assert raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # something was long enough to fold
    for line in lines:
        line.decode("utf-8")  # no character was cut in two


def test_unit_and_conference_narrow_the_calendar(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "d.ics"
    assert export_calendar(db, target, as_of=AS_OF, unit="ban to chuc tinh uy") == 3
    assert set(read_events(target)) == {
        "Nhiệm vụ running", "Nhiệm vụ soon", "Nhiệm vụ extended-after-D",
    }  # fmt: skip
    assert export_calendar(db, target, as_of=AS_OF, conference_id=999) == 0
    assert read_events(target) == {}


def _tasks_json(db: Database, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    capsys.readouterr()
    assert main(["--db", db.where, "tasks", "--as-of", AS_OF.isoformat(), "--json"]) == 0
    return list(json.loads(capsys.readouterr().out))


def _event_uids(db: Database, target: Path) -> dict[str, str]:
    export_calendar(db, target, as_of=AS_OF)
    return {title: str(event["UID"]) for title, event in read_events(target).items()}


def test_an_event_is_named_by_its_tasks_uid_not_its_row_id(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    uids = {t["title"]: t["uid"] for t in _tasks_json(db, capsys)}
    events = _event_uids(db, tmp_path / "d.ics")
    assert len(events) == len(OPEN)
    assert events == {title: f"task-{uids[title]}@minutes-app" for title in events}


def test_the_same_tasks_in_another_database_are_the_same_events(
    db: Database,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """As after export-json and import-json into another database: the tasks keep their
    uid (FORMAT.md, "Identity across files and databases") but have other row ids there."""
    with new_store(request, kind_of(db.where), tmp_path) as where:
        second = Database.open(build_db(where, tmp_path, list(reversed(TASKS))))
        try:
            tasks = [_tasks_json(db, capsys), _tasks_json(second, capsys)]
            ids = [{t["title"]: t["id"] for t in found} for found in tasks]
            assert ids[0] != ids[1]  # other row ids in the other database
            for task in tasks[0]:  # the uids travel with the tasks (import-json keeps them)
                sql(where, "UPDATE task SET uid = ? WHERE title = ?", (task["uid"], task["title"]))
            events = [_event_uids(db, tmp_path / "a.ics"), _event_uids(second, tmp_path / "b.ics")]
            assert events[0] == events[1]
            assert len(set(events[0].values())) == len(OPEN)
        finally:
            second.close()


def test_a_task_stored_without_uid_still_gets_an_event(store: str, tmp_path: Path) -> None:
    db = Database.open(build_db(store, tmp_path))
    # As another tool might leave it: the column allows it.
    sql(store, "UPDATE task SET uid = NULL WHERE title = 'Nhiệm vụ soon'")
    [(task_id,)] = sql(store, "SELECT id FROM task WHERE title = 'Nhiệm vụ soon'")
    events = _event_uids(db, tmp_path / "d.ics")
    db.close()
    assert len(set(events.values())) == len(OPEN)
    assert events["Nhiệm vụ soon"] == f"task-row-{task_id}@minutes-app"
