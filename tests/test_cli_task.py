"""``task ID ACTION`` of shared/CONTRACT.md ("Task actions"), checked from the outside.

Everything goes through ``main([...])`` (or, for the races, ``python -m minutes_app`` in
real processes), on each store (an SQLite file, a database on the server); what was written
is read back with ``tasks --json`` and the driver's plain connection.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from minutes_app.cli import main
from minutes_app.db.server import ServerAddress
from tests.exchange_helpers import dump_tables
from tests.stores import STORES, copied_store, new_store, on_server, sql

REPO = Path(__file__).resolve().parents[1]

UUID_TEXT = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# The keys of a ``tasks --json`` object: the contract's list, plus "version" and "uid".
TASK_KEYS = {
    "id",
    "title",
    "conference",
    "lead_unit",
    "support_units",
    "owner",
    "assigned_on",
    "deadline",
    "status",
    "completed_on",
    "class",
    "version",
    "uid",
}
# A name that QSettings writes in double quotes (it holds a comma), with Vietnamese letters.
QUOTED_NAME = "Nguyễn Văn A, phòng 1"

Task = dict[str, Any]


# --- helpers ---------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    """``main(["--db", db, *args])``: exit code, stdout, stderr."""
    capsys.readouterr()
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


def tasks_json(capsys: pytest.CaptureFixture[str], db: str) -> dict[int, Task]:
    code, out, err = run(capsys, db, "tasks", "--json")
    assert (code, err) == (0, "")
    return {t["id"]: t for t in json.loads(out)}


def pick(tasks: dict[int, Task], *statuses: str, deadline: bool = True) -> Task:
    """The first task in one of ``statuses``, with (or without) a deadline."""
    for task in tasks.values():
        if task["status"] in statuses and (task["deadline"] is not None) == deadline:
            return task
    raise AssertionError(f"no task {statuses} deadline={deadline} in the sample data")


def events(db: str, task_id: int | None = None) -> list[tuple[Any, ...]]:
    """(task_id, kind, note, by, old_deadline, new_deadline, at) of the history, oldest
    first; days and times as ISO text."""
    where, params = ("WHERE task_id = ?", (task_id,)) if task_id is not None else ("", ())
    return sql(
        db,
        "SELECT task_id, kind, note, by, old_deadline, new_deadline, at FROM task_event "
        f"{where} ORDER BY id",
        params,
        days_as_text=True,
    )


def write_settings(text: str) -> Path:
    """The window's settings file, ``$MINUTES_APP_HOME/settings.ini``, holding ``text``."""
    ini = Path(os.environ["MINUTES_APP_HOME"]) / "settings.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text(text, encoding="utf-8")
    return ini


def set_user(name: str) -> None:
    write_settings(f"[General]\nuser_name={name}\n")


def names_when(err: str, at: str) -> bool:
    """Whether ``err`` gives the day and minute of the stored time ``at``."""
    when = dt.datetime.fromisoformat(at)
    return any(when.strftime(shape) in err for shape in ("%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"))


@pytest.fixture(scope="module", params=STORES)
def kind(request: pytest.FixtureRequest) -> str:
    """The store of the module's databases: "sqlite" or "postgresql"."""
    return str(request.param)


# For a test of what the settings file or the command's words give, not of what the store
# does with them: on one store.
ONE_STORE = pytest.mark.parametrize("kind", ["sqlite"], indirect=True)


@pytest.fixture(scope="module")
def demo_template(
    kind: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("demo")
    with new_store(request, kind, folder) as where:
        with pytest.MonkeyPatch.context() as patch:  # before the per-test private folders exist
            patch.setenv("MINUTES_APP_HOME", str(folder / "home"))
            assert main(["--db", where, "demo"]) == 0
        yield where


@pytest.fixture
def demo(demo_template: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh copy of the sample conferences, loaded with ``demo``."""
    with copied_store(request, demo_template, tmp_path) as where:
        yield where


@pytest.fixture
def example_db(
    kind: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    example_json: Path,
    capsys: pytest.CaptureFixture[str],
) -> Iterator[str]:
    """The exchange example, loaded with ``import-json``."""
    with new_store(request, kind, tmp_path) as where:
        assert run(capsys, where, "import-json", str(example_json))[0] == 0
        yield where


@pytest.fixture
def clerk(demo: str) -> str:
    """Who the actions are recorded as: on a file the user name of the settings (set here
    in the quoted form QSettings writes it); on a server the login (CONTRACT.md)."""
    set_user(f'"{QUOTED_NAME}"')
    return recorded_as(demo, QUOTED_NAME)


def recorded_as(db: str, settings_name: str) -> str:
    return ServerAddress.parse(db).login if on_server(db) else settings_name


# --- 1. each action: one event, one line or the task as JSON -------------------------------


def _progress(task: Task) -> tuple[list[str], dict[str, Any], tuple[Any, ...]]:
    note = unicodedata.normalize("NFD", "Đã tổ chức quán triệt ở 12/12 chi bộ")
    status = "in_progress" if task["status"] == "open" else task["status"]
    event = ("progress", unicodedata.normalize("NFC", note), None, None)
    return ["progress", "--note", note], {"status": status}, event


def _extend(task: Task) -> tuple[list[str], dict[str, Any], tuple[Any, ...]]:
    new = (dt.date.fromisoformat(task["deadline"]) + dt.timedelta(days=45)).isoformat()
    reason = "Chờ hướng dẫn của Ban Tổ chức Trung ương"
    event = ("deadline_changed", reason, task["deadline"], new)
    return ["extend", "--to", new, "--reason", reason], {"deadline": new}, event


def _complete(task: Task) -> tuple[list[str], dict[str, Any], tuple[Any, ...]]:
    on = dt.date.today().isoformat()
    result = "Đã ban hành Kế hoạch số 15-KH/TU"
    changed = {"status": "done", "completed_on": on}
    return ["complete", "--on", on, "--result", result], changed, ("completed", result, None, None)


def _complete_no_result(task: Task) -> tuple[list[str], dict[str, Any], tuple[Any, ...]]:
    on = task["assigned_on"]
    changed = {"status": "done", "completed_on": on}
    return ["complete", "--on", on], changed, ("completed", None, None, None)


def _reopen(task: Task) -> tuple[list[str], dict[str, Any], tuple[Any, ...]]:
    reason = "Báo cáo chưa đủ số liệu, làm lại"
    changed = {"status": "in_progress", "completed_on": None}
    return ["reopen", "--reason", reason], changed, ("reopened", reason, None, None)


def _cancel(task: Task) -> tuple[list[str], dict[str, Any], tuple[Any, ...]]:
    reason = "Trung ương đã thay thế văn bản"
    changed = {"status": "cancelled"}
    return ["cancel", "--reason", reason], changed, ("cancelled", reason, None, None)


# (action, the statuses of a task it applies to, whether that task has a deadline, --json)
ACTIONS = {
    "progress-open": (_progress, ("open",), True, False),
    "progress-in-progress": (_progress, ("in_progress",), True, True),
    "progress-ongoing": (_progress, ("open", "in_progress"), False, False),
    "extend": (_extend, ("in_progress", "open"), True, False),
    "extend-json": (_extend, ("in_progress", "open"), True, True),
    "complete": (_complete, ("in_progress",), True, True),
    "complete-without-result": (_complete_no_result, ("open",), False, False),
    "reopen-done": (_reopen, ("done",), True, True),
    "reopen-cancelled": (_reopen, ("cancelled",), True, False),
    "cancel": (_cancel, ("open",), True, True),
}


@pytest.mark.parametrize("action", list(ACTIONS))
def test_each_action_records_one_event_and_prints_the_task(
    action: str, demo: str, clerk: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make, statuses, has_deadline, as_json = ACTIONS[action]
    before = tasks_json(capsys, demo)
    task = pick(before, *statuses, deadline=has_deadline)
    args, changed, (kind, note, old_deadline, new_deadline) = make(task)
    history = events(demo)

    code, out, err = run(
        capsys, demo, "task", str(task["id"]), *args, *(["--json"] if as_json else [])
    )

    assert (code, err) == (0, "")
    after = tasks_json(capsys, demo)
    moved = after[task["id"]]
    expected = {**task, **changed}
    fields = ("status", "deadline", "completed_on", "uid", "title", "lead_unit")
    assert {k: moved[k] for k in fields} == {k: expected[k] for k in fields}
    assert moved["version"] > task["version"]
    # Only this task changed, and its history grew by exactly one event, by the clerk.
    assert {i: t for i, t in after.items() if i != task["id"]} == {
        i: t for i, t in before.items() if i != task["id"]
    }
    new_events = events(demo)
    assert new_events[: len(history)] == history
    assert [e[:6] for e in new_events[len(history) :]] == [
        (task["id"], kind, note, clerk, old_deadline, new_deadline)
    ]
    if as_json:
        printed = json.loads(out)
        assert set(printed) == TASK_KEYS
        assert printed == moved
    else:
        assert len(out.splitlines()) == 1 and out.endswith("\n")
        assert out.strip() and not out.lstrip().startswith(("{", "["))


def test_tasks_json_objects_carry_the_contract_keys(
    example_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tasks = tasks_json(capsys, example_db)

    assert len(tasks) == 3
    for task in tasks.values():
        assert set(task) == TASK_KEYS
        assert isinstance(task["version"], int) and not isinstance(task["version"], bool)
        assert task["version"] >= 1


def test_actions_on_the_exchange_example_in_a_row(
    example_db: str, clerk: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tasks = tasks_json(capsys, example_db)
    task = pick(tasks, "in_progress")
    task_id = str(task["id"])
    steps = [
        ["progress", "--note", "Đã quán triệt ở 8/8 xã"],
        ["extend", "--to", "2023-06-30", "--reason", "Chờ hướng dẫn"],
        ["complete", "--on", "2023-06-20", "--result", "Xong"],
        ["reopen", "--reason", "Thiếu biên bản"],
        ["cancel", "--reason", "Gộp vào nhiệm vụ khác"],
    ]
    versions = [task["version"]]
    for step in steps:
        code, out, err = run(capsys, example_db, "task", task_id, *step, "--json")
        assert (code, err) == (0, ""), step
        assert json.loads(out) == tasks_json(capsys, example_db)[task["id"]]
        versions.append(json.loads(out)["version"])

    assert versions == sorted(set(versions))  # grew at every step
    assert [e[1] for e in events(example_db, task["id"])][-5:] == [
        "progress",
        "deadline_changed",
        "completed",
        "reopened",
        "cancelled",
    ]
    assert {e[3] for e in events(example_db, task["id"])[-5:]} == {clerk}


# --- 2. --if-version ----------------------------------------------------------------------


def test_if_version_current_lands_and_grows_the_version_by_one(
    demo: str, clerk: str, capsys: pytest.CaptureFixture[str]
) -> None:
    task = pick(tasks_json(capsys, demo), "in_progress")
    history = events(demo, task["id"])

    code, out, err = run(
        capsys,
        demo,
        "task",
        str(task["id"]),
        "progress",
        "--note",
        "Đang tổng hợp",
        "--if-version",
        str(task["version"]),
        "--json",
    )

    assert (code, err) == (0, "")
    assert json.loads(out)["version"] == task["version"] + 1
    assert tasks_json(capsys, demo)[task["id"]]["version"] == task["version"] + 1
    assert len(events(demo, task["id"])) == len(history) + 1


@pytest.mark.parametrize(
    "action",
    [
        ["progress", "--note", "Ghi chú muộn"],
        ["extend", "--to", "2030-12-31", "--reason", "Xin gia hạn"],
        ["complete", "--on", dt.date.today().isoformat()],
        ["cancel", "--reason", "Không còn phù hợp"],
    ],
    ids=lambda a: a[0],
)
def test_if_version_older_writes_nothing_and_names_who_and_when(
    action: list[str], demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    task = pick(tasks_json(capsys, demo), "in_progress")
    task_id = str(task["id"])
    set_user('"Trần Thị Bích, Văn phòng"')
    code, _, _ = run(capsys, demo, "task", task_id, "progress", "--note", "Bích ghi trước")
    assert code == 0
    changed_at = events(demo, task["id"])[-1][6]
    set_user("Lê Văn Cường")  # the one who read the older version
    state = dump_tables(demo)

    code, out, err = run(
        capsys, demo, "task", task_id, *action, "--if-version", str(task["version"])
    )

    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1
    assert f"changed by {recorded_as(demo, 'Trần Thị Bích, Văn phòng')}" in err
    assert names_when(err, changed_at), err
    assert dump_tables(demo) == state


@ONE_STORE
@pytest.mark.parametrize(
    "settings",
    [
        f'[General]\nuser_name="{QUOTED_NAME}"\n',
        f"[General]\nuser_name={QUOTED_NAME}\n",  # by hand, without the quotes
    ],
    ids=["quoted", "unquoted"],
)
def test_the_user_name_of_the_settings_is_recorded_and_named(
    settings: str, demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write_settings(settings)
    task = pick(tasks_json(capsys, demo), "open")
    task_id = str(task["id"])

    assert run(capsys, demo, "task", task_id, "progress", "--note", "Lần một")[0] == 0
    code, _, err = run(
        capsys, demo, "task", task_id, "cancel", "--reason", "x", "--if-version", "1"
    )

    assert events(demo, task["id"])[-1][3] == QUOTED_NAME
    assert code == 1
    assert f"changed by {QUOTED_NAME} " in err


@ONE_STORE
def test_the_name_qsettings_itself_writes_is_the_one_recorded(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtCore import QSettings

    ini = write_settings("")
    store = QSettings(str(ini), QSettings.Format.IniFormat)
    # As the window leaves the file: other keys and groups beside the name.
    store.setValue("geometry", b"\x01\xd9\xd0\xcb\x00\x03%")
    store.setValue("backup/folder", "C:\\Users\\Văn thư\\backups")
    store.setValue("user_name", QUOTED_NAME)
    store.sync()
    del store
    assert f'user_name="{QUOTED_NAME}"' in ini.read_text(encoding="utf-8")
    task = pick(tasks_json(capsys, demo), "open")

    code, _, err = run(capsys, demo, "task", str(task["id"]), "progress", "--note", "x")

    assert (code, err) == (0, "")
    assert events(demo, task["id"])[-1][3] == QUOTED_NAME


@ONE_STORE
@pytest.mark.parametrize(
    "name",
    [
        "Văn thư; kiêm thủ quỹ",
        "x=y",
        "50% thời gian",
        "[Văn thư]",
        ";đầu dòng",
        pytest.param(unicodedata.normalize("NFD", "Nguyễn Thị Ánh"), id="nfd"),
        pytest.param('Nguyễn Văn "Tư"', id="quote"),
        pytest.param("@vanthu", id="at"),
        pytest.param("Văn thư \\ lưu trữ\t", id="backslash-tab"),
        pytest.param('  "Trần, Văn"  ', id="quoted-comma-spaces"),
    ],
)
def test_the_cli_records_the_name_the_window_would(
    name: str, demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtCore import QSettings

    ini = write_settings("")
    store = QSettings(str(ini), QSettings.Format.IniFormat)
    store.setValue("user_name", name)
    store.sync()
    del store
    window = " ".join(unicodedata.normalize("NFC", name).split())
    assert QSettings(str(ini), QSettings.Format.IniFormat).value("user_name") == name

    code, _, err = run(capsys, demo, "task", "3", "progress", "--note", "x")

    assert (code, err) == (0, "")
    assert events(demo, 3)[-1][3] == window


@ONE_STORE
@pytest.mark.parametrize(
    "settings",
    [None, "[General]\nlanguage=vi\n", "[General]\nuser_name=\n", "[General]\nuser_name=   \n"],
    ids=["no-file", "no-key", "empty", "blank"],
)
def test_without_a_user_name_the_os_login_is_recorded_and_named(
    settings: str | None,
    demo: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LOGNAME", "vanthu-login")
    login = getpass.getuser()
    assert login == "vanthu-login"
    if settings is not None:
        write_settings(settings)
    task = pick(tasks_json(capsys, demo), "in_progress")
    task_id = str(task["id"])

    assert run(capsys, demo, "task", task_id, "progress", "--note", "Lần một")[0] == 0
    changed_at = events(demo, task["id"])[-1][6]
    state = dump_tables(demo)
    code, out, err = run(
        capsys, demo, "task", task_id, "progress", "--note", "Lần hai", "--if-version", "1"
    )

    assert events(demo, task["id"])[-1][3] == login
    assert (code, out) == (1, "")
    assert f"changed by {login} " in err
    assert names_when(err, changed_at), err
    assert dump_tables(demo) == state


# --- 3. refusals and wrong usage ------------------------------------------------------------


def _refusals(tasks: dict[int, Task]) -> dict[str, list[str]]:
    open_task = pick(tasks, "in_progress")
    done = pick(tasks, "done")
    cancelled = pick(tasks, "cancelled")
    ongoing = pick(tasks, "open", "in_progress", deadline=False)
    tid, deadline = str(open_task["id"]), open_task["deadline"]
    earlier = (dt.date.fromisoformat(deadline) - dt.timedelta(days=1)).isoformat()
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    return {
        "missing-task": ["task", str(max(tasks) + 1000), "progress", "--note", "x"],
        "missing-task-if-version": [
            "task",
            "99999",
            "cancel",
            "--reason",
            "x",
            "--if-version",
            "1",
        ],
        "blank-note": ["task", tid, "progress", "--note", "   "],
        "empty-note": ["task", tid, "progress", "--note", ""],
        "blank-extend-reason": ["task", tid, "extend", "--to", "2030-01-01", "--reason", " \t"],
        "blank-cancel-reason": ["task", tid, "cancel", "--reason", "\u00a0 "],
        "blank-reopen-reason": ["task", str(done["id"]), "reopen", "--reason", "  "],
        "extend-same-day": ["task", tid, "extend", "--to", deadline, "--reason", "x"],
        "extend-earlier": ["task", tid, "extend", "--to", earlier, "--reason", "x"],
        "extend-ongoing": [
            "task",
            str(ongoing["id"]),
            "extend",
            "--to",
            "2030-01-01",
            "--reason",
            "x",
        ],
        "extend-done": ["task", str(done["id"]), "extend", "--to", "2030-01-01", "--reason", "x"],
        "complete-tomorrow": ["task", tid, "complete", "--on", tomorrow],
        "complete-before-given": ["task", tid, "complete", "--on", "2000-01-01"],
        "complete-done": ["task", str(done["id"]), "complete", "--on", dt.date.today().isoformat()],
        "complete-cancelled": [
            "task",
            str(cancelled["id"]),
            "complete",
            "--on",
            dt.date.today().isoformat(),
        ],
        "reopen-open": ["task", tid, "reopen", "--reason", "x"],
        "cancel-done": ["task", str(done["id"]), "cancel", "--reason", "x"],
        "cancel-cancelled": ["task", str(cancelled["id"]), "cancel", "--reason", "x"],
    }


@pytest.fixture
def refusals(demo: str, capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    return _refusals(tasks_json(capsys, demo))


REFUSAL_NAMES = [
    "missing-task",
    "missing-task-if-version",
    "blank-note",
    "empty-note",
    "blank-extend-reason",
    "blank-cancel-reason",
    "blank-reopen-reason",
    "extend-same-day",
    "extend-earlier",
    "extend-ongoing",
    "extend-done",
    "complete-tomorrow",
    "complete-before-given",
    "complete-done",
    "complete-cancelled",
    "reopen-open",
    "cancel-done",
    "cancel-cancelled",
]


@pytest.mark.parametrize("name", REFUSAL_NAMES)
def test_a_refusal_exits_1_with_one_plain_line_and_writes_nothing(
    name: str,
    demo: str,
    refusals: dict[str, list[str]],
    clerk: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert set(refusals) == set(REFUSAL_NAMES)
    state = dump_tables(demo)

    code, out, err = run(capsys, demo, *refusals[name])

    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1, err
    assert err.startswith("minutes-app: ")
    assert "Traceback" not in err and "unexpected error" not in err
    assert dump_tables(demo) == state


@ONE_STORE
@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        [],
        ["progress"],
        ["progress", "--text", "x"],
        ["extend", "--to", "2030-13-01", "--reason", "x"],
        ["extend", "--to", "31/12/2030", "--reason", "x"],
        ["extend", "--reason", "x"],
        ["complete", "--on", "hôm nay"],
        ["complete"],
        ["cancel"],
        ["reopen"],
        ["progress", "--note", "x", "--if-version", "hai"],
    ],
    ids=lambda a: " ".join(a) or "no-action",
)
def test_wrong_usage_exits_2_and_writes_nothing(
    args: list[str], demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    state = dump_tables(demo)

    code, out, err = run(capsys, demo, "task", "2", *args)  # task 2: in progress, with a deadline

    assert (code, out) == (2, "")
    assert "usage: minutes-app" in err
    assert dump_tables(demo) == state


@ONE_STORE
def test_a_task_id_that_is_not_a_number_is_wrong_usage(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    state = dump_tables(demo)

    code, out, err = run(capsys, demo, "task", "hai", "progress", "--note", "x")

    assert (code, out) == (2, "")
    assert "usage: minutes-app" in err
    assert dump_tables(demo) == state


# --- 4. races between real processes --------------------------------------------------------


EVENT_KINDS = {
    "progress": "progress",
    "extend": "deadline_changed",
    "complete": "completed",
    "cancel": "cancelled",
}


def test_ten_processes_at_once_one_wins_per_task(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tasks = tasks_json(capsys, demo)
    targets = [
        t for t in tasks.values() if t["status"] in ("open", "in_progress") and t["deadline"]
    ]
    targets = targets[:3]
    assert len(targets) == 3
    history = {t["id"]: len(events(demo, t["id"])) for t in targets}
    total_before = len(events(demo))
    plan = []  # (task, action args, user name) of each process
    for n in range(10):
        task = targets[n % 3]
        deadline = dt.date.fromisoformat(task["deadline"])
        action = [
            ["progress", "--note", f"Ghi chú của tiến trình {n}"],
            ["extend", "--to", str(deadline + dt.timedelta(days=10 + n)), "--reason", f"Lý do {n}"],
            ["complete", "--on", dt.date.today().isoformat(), "--result", f"Kết quả {n}"],
            ["cancel", "--reason", f"Hủy, tiến trình {n}"],
        ][n % 4]
        plan.append((task, action, f"Người dùng {n}, phòng {n % 3}"))
    processes = []
    for n, (task, action, user) in enumerate(plan):
        home = tmp_path / f"home{n}"
        home.mkdir()
        (home / "settings.ini").write_text(f'[General]\nuser_name="{user}"\n', encoding="utf-8")
        env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "PYTHONUTF8": "1",
            "MINUTES_APP_HOME": str(home),
        }
        command = [sys.executable, "-m", "minutes_app", "--db", demo, "task"]
        command += [str(task["id"]), *action, "--if-version", str(task["version"])]
        processes.append(
            subprocess.Popen(
                command,
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
        )
    outcomes = []
    give_up = time.monotonic() + 90  # ten starts on two busy cores take seconds each
    try:
        for process in processes:
            out, err = process.communicate(timeout=max(1.0, give_up - time.monotonic()))
            outcomes.append((process.returncode, out, err))
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()

    report = "\n".join(f"{n}: {plan[n][0]['id']} {o}" for n, o in enumerate(outcomes))
    # Never a crash or a lock error: a lost race is a plain refusal.
    for _, _, err in outcomes:
        assert "unexpected error" not in err and "Traceback" not in err, report
        # A lock error would be the lock-handling bug (busy timeout) fixed elsewhere.
        assert "database is locked" not in err, f"LOCK HANDLING BUG:\n{report}"
    for task in targets:
        mine = [n for n, (t, _, _) in enumerate(plan) if t is task]
        winners = [n for n in mine if outcomes[n][0] == 0]
        assert len(winners) == 1, report
        winner_user = recorded_as(demo, plan[winners[0]][2])
        for n in mine:
            if n != winners[0]:
                code, out, err = outcomes[n]
                assert (code, out) == (1, ""), report
                assert len(err.splitlines()) == 1, report
                assert f"changed by {winner_user} " in err, report
        # One event, by the winner; the task is at the next version.
        new = events(demo, task["id"])[history[task["id"]] :]
        kind = EVENT_KINDS[plan[winners[0]][1][0]]
        assert [(e[1], e[3]) for e in new] == [(kind, winner_user)], report
        assert tasks_json(capsys, demo)[task["id"]]["version"] == task["version"] + 1
    successes = sum(1 for code, _, _ in outcomes if code == 0)
    added = sum(len(events(demo, t["id"])) - history[t["id"]] for t in targets)
    assert added == successes == 3
    assert len(events(demo)) == total_before + 3  # and no other task got one
    if not on_server(demo):
        assert sql(demo, "PRAGMA integrity_check") == [("ok",)]


# --- 5. uid ---------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["demo", "example_db"])
def test_uid_is_a_canonical_lower_case_uuid_distinct_per_task_and_kept_by_actions(
    source: str, kind: str, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    db: str = request.getfixturevalue(source)
    before = tasks_json(capsys, db)
    uids = [t["uid"] for t in before.values()]
    for uid in uids:
        assert isinstance(uid, str) and UUID_TEXT.match(uid), uid
        assert str(uuid.UUID(uid)) == uid
    assert len(set(uids)) == len(uids)
    task = pick(before, "in_progress")
    open_task = pick(before, "open", "in_progress", deadline=False)

    code, out, _ = run(capsys, db, "task", str(task["id"]), "cancel", "--reason", "x", "--json")
    assert code == 0
    assert json.loads(out)["uid"] == task["uid"]
    run(capsys, db, "task", str(task["id"]), "reopen", "--reason", "y")
    run(capsys, db, "task", str(open_task["id"]), "progress", "--note", "z")

    after = tasks_json(capsys, db)
    assert {i: t["uid"] for i, t in after.items()} == {i: t["uid"] for i, t in before.items()}
    assert after[task["id"]]["version"] == task["version"] + 2
