"""The readable command line of issue 14 ("A clerk's first week", point 19): `tasks` by
urgency in aligned columns, `--unit` by part of a name, `report`'s day, `--lang`, and a
readable `parse`."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from minutes_app.base.text import display_width
from minutes_app.cli import main
from tests.stores import STORES, new_store, sql

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO.parent / "shared/samples/articles/000_888d76cd00af702e.txt"
AS_OF = "2023-03-31"
LONG_UNIT = (
    "Ban Chỉ đạo thực hiện Đề án tinh giản biên chế và cơ cấu lại đội ngũ cán bộ, công chức, "
    "viên chức tỉnh"
)
DECOMPOSED = unicodedata.normalize("NFD", "Đảng ủy Khối các cơ quan tỉnh")


def task(key: str, lead: str, status: str, deadline: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "title": f"Nhiệm vụ {key}",
        "lead_unit": lead,
        "assigned_on": "2023-02-01",
        "deadline": deadline,
        "status": status,
        "completed_on": extra.pop("completed_on", None),
        **extra,
    }


# In id order; as of AS_OF each is of the class its key says. The expected urgency order:
URGENT_FIRST = [
    "late-40", "late-10", "late-1", "soon", "later", "ongoing", "done-late", "on-time",
    "cancelled",
]  # fmt: skip
TASKS = [
    task("on-time", "a", "done", "2023-03-15", completed_on="2023-03-10"),
    task("later", "b", "open", "2023-06-30"),
    task("late-10", "long", "open", "2023-03-21"),
    task("ongoing", "a", "open", None),
    task("late-1", "b", "in_progress", "2023-03-30"),
    task("cancelled", "a", "cancelled", "2023-03-20"),
    task("late-40", "a", "open", "2023-02-19"),
    task("done-late", "long", "done", "2023-03-01", completed_on="2023-03-05"),
    task("soon", "long", "in_progress", "2023-04-05"),
]


def _import(where: str, folder: Path, exchange: dict[str, Any], name: str) -> str:
    source = folder / f"{name}.json"
    source.write_text(json.dumps(exchange, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", where, "import-json", str(source)]) == 0
    return where


@pytest.fixture(scope="module", params=STORES)
def db_file(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """TASKS under three units: a short one, a long one, and one stored in NFD (as another
    program may have written it); on each store, one database for the module (every test
    only reads it)."""
    folder = tmp_path_factory.mktemp("tasks")
    with new_store(request, request.param, folder) as where:
        yield _tasks_database(where, folder)


def _tasks_database(where: str, folder: Path) -> str:
    exchange = {
        "format": "minutes-app/exchange",
        "version": 1,
        "units": [
            {"key": "a", "name": "Ban Tổ chức Tỉnh ủy"},
            {"key": "b", "name": "Đảng ủy Khối các cơ quan tỉnh"},
            {"key": "long", "name": LONG_UNIT},
        ],
        "conferences": [
            {
                "key": "c",
                "title": "Hội nghị giao ban",
                "date": "2023-02-01",
                "instructions": [{"key": "i", "text": "Triển khai", "tasks": TASKS}],
            }
        ],
    }
    path = _import(where, folder, exchange, "tasks")
    sql(
        path,
        "UPDATE unit SET name = ? WHERE name = ?",
        (DECOMPOSED, unicodedata.normalize("NFC", DECOMPOSED)),
    )
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def task_lines(out: str) -> list[str]:
    """The lines of `tasks` that list a task (after the count and the column header)."""
    return out.splitlines()[2:]


# --- tasks: order and columns ---------------------------------------------------------------


def test_tasks_lists_the_overdue_first_most_days_late_first_then_by_deadline(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", db_file, "--lang", "en", "tasks", "--as-of", AS_OF)

    assert code == 0
    keys = [re.search(r"Nhiệm vụ (\S+)$", line).group(1) for line in task_lines(out)]  # type: ignore[union-attr]
    assert keys == URGENT_FIRST
    days_late = [line.split()[2] for line in task_lines(out)[:3]]
    assert days_late == ["40", "10", "1"]


def test_tasks_json_keeps_the_id_order(db_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db_file, "tasks", "--as-of", AS_OF, "--json")

    assert code == 0
    ids = [t["id"] for t in json.loads(out)]
    assert ids == sorted(ids) and len(ids) == len(TASKS)


def test_tasks_columns_line_up_with_long_and_decomposed_unit_names(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", db_file, "--lang", "vi", "tasks", "--as-of", AS_OF)

    assert code == 0
    assert unicodedata.is_normalized("NFC", out)
    lines = out.splitlines()[1:]  # the header and the tasks
    # Where the deadline and the title start, in terminal columns, on every line.
    deadlines = [re.search(r"\d\d/\d\d/\d{4}|—", line) for line in lines[1:]]
    deadline_at = {
        display_width(line[: m.start()]) for line, m in zip(lines[1:], deadlines, strict=True) if m
    }
    title_at = {display_width(line[: line.rindex("Nhiệm vụ")]) for line in lines}
    assert len(deadline_at) == 1
    assert len(title_at) == 1
    long_line = next(line for line in lines if "Ban Chỉ đạo" in line)
    assert "…" in long_line  # cut, so that the title column stays where it is
    assert any(unicodedata.normalize("NFC", DECOMPOSED) in line for line in lines)


def test_tasks_unit_matches_part_of_a_name_blind_to_accents_case_and_d(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def titles(unit: str) -> set[str]:
        code, out, err = run(
            capsys, "--db", db_file, "tasks", "--as-of", AS_OF, "--unit", unit, "--json"
        )
        assert (code, err) == (0, "")
        return {t["title"].removeprefix("Nhiệm vụ ") for t in json.loads(out)}

    assert titles("TO CHUC") == {"on-time", "ongoing", "cancelled", "late-40"}
    assert titles("dang uy khoi") == {"later", "late-1"}  # stored decomposed, đ typed as d
    assert titles("tinh giản biên chế") == {"late-10", "done-late", "soon"}
    assert titles("tỉnh") == {t["key"] for t in TASKS}
    assert titles("100%") == set()  # a LIKE wildcard typed is a plain character


# --- tasks | head ---------------------------------------------------------------------------


def test_tasks_cut_short_by_head_ends_quietly(store: str, tmp_path: Path) -> None:
    many = [task(f"t{i}-" + "x" * 300, "a", "open", "2023-03-01") for i in range(400)]
    exchange = {
        "format": "minutes-app/exchange",
        "version": 1,
        "units": [{"key": "a", "name": "Ban Tổ chức Tỉnh ủy"}],
        "conferences": [
            {
                "key": "c",
                "title": "Hội nghị giao ban",
                "date": "2023-02-01",
                "instructions": [{"key": "i", "text": "Triển khai", "tasks": many}],
            }
        ],
    }
    path = _import(store, tmp_path, exchange, "many")
    reader = subprocess.Popen(
        [sys.executable, "-m", "minutes_app", "--db", path, "tasks"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()  # more than a pipe holds (130 kB) is still to come
    reader.stdout.close()
    error = reader.stderr.read().decode()
    assert reader.wait(timeout=60) == 0
    assert error == ""


# --- report ---------------------------------------------------------------------------------


def report_json(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> dict[str, Any]:
    code, out, err = run(capsys, "--db", db, "report", *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)  # type: ignore[no-any-return]


def test_report_of_a_period_ending_after_today_is_classified_as_of_today(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = dt.date.today()
    due = today + dt.timedelta(days=10)
    exchange = {
        "format": "minutes-app/exchange",
        "version": 1,
        "units": [{"key": "a", "name": "Ban Tổ chức Tỉnh ủy"}],
        "conferences": [
            {
                "key": "c",
                "title": "Hội nghị giao ban",
                "date": (today - dt.timedelta(days=5)).isoformat(),
                "instructions": [
                    {
                        "key": "i",
                        "text": "Triển khai",
                        "tasks": [
                            {
                                **task("due", "a", "open", due.isoformat()),
                                "assigned_on": (today - dt.timedelta(days=5)).isoformat(),
                            }
                        ],
                    }
                ],
            }
        ],
    }
    db = _import(store, tmp_path, exchange, "future")
    start = (today - dt.timedelta(days=30)).isoformat()
    end = (today + dt.timedelta(days=60)).isoformat()

    report = report_json(capsys, db, "--from", start, "--to", end)

    assert report["as_of"] == today.isoformat()
    assert (report["total"]["in_progress"], report["total"]["overdue"]) == (1, 0)
    later = report_json(capsys, db, "--from", start, "--to", end, "--as-of", end)
    assert (later["as_of"], later["total"]["overdue"]) == (end, 1)


def test_report_of_a_past_period_is_classified_as_of_its_end(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    report = report_json(capsys, db_file, "--from", "2023-01-01", "--to", AS_OF)

    assert report["as_of"] == AS_OF
    assert report["total"]["overdue"] == 3


# --- --lang ---------------------------------------------------------------------------------


def test_lang_vi_speaks_vietnamese_and_lang_en_english(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_file
    _, vi, _ = run(capsys, "--db", db, "--lang", "vi", "tasks", "--as-of", AS_OF)
    _, en, _ = run(capsys, "--db", db, "--lang", "en", "tasks", "--as-of", AS_OF)

    assert vi.splitlines()[0] == "Nhiệm vụ tính đến ngày 31/03/2023: 9"
    assert vi.splitlines()[1].split("  ")[0] == "Mã"
    assert "QUÁ HẠN" in vi.splitlines()[2]
    assert en.splitlines()[0] == "Tasks as of 31/03/2023: 9"
    assert "OVERDUE" in en.splitlines()[2]


def test_lang_vi_says_refusals_in_vietnamese(
    tmp_path: Path, db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "khong-co.json"
    vi = ("--db", db_file, "--lang", "vi")
    code, _, err = run(capsys, *vi, "import-json", str(missing))
    assert (code, err) == (
        1,
        f"minutes-app: {missing}: không đọc được (No such file or directory)\n",
    )

    code, _, err = run(capsys, *vi, "report", "--from", "2023-05-01", "--to", "2023-04-01")
    assert (code, err) == (1, "minutes-app: --from: ngày bắt đầu sau ngày kết thúc (--to)\n")

    folder = tmp_path / "thu-muc"
    folder.mkdir()
    code, _, err = run(capsys, "--db", str(folder), "--lang", "vi", "tasks")
    said = f"minutes-app: {folder} là một thư mục, không phải tệp cơ sở dữ liệu.\n"
    assert (code, err) == (1, said)


def test_lang_vi_refuses_a_task_action_in_vietnamese(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "--db", db_file, "--lang", "vi",
        "task", "1", "progress", "--note", "Đã làm", "--if-version", "0",
    )  # fmt: skip

    assert code == 1
    assert err.startswith("minutes-app: nhiệm vụ 1 đã được ")
    assert err.endswith("chưa ghi gì\n")


def test_lang_never_translates_json(db_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["tasks", "--as-of", AS_OF], ["report", "--from", "2023-01-01", "--to", AS_OF]):
        _, vi, _ = run(capsys, "--db", db_file, "--lang", "vi", *argv, "--json")
        _, en, _ = run(capsys, "--db", db_file, "--lang", "en", *argv, "--json")
        assert vi == en


def test_without_lang_the_command_line_speaks_english_whatever_the_window_chose(
    db_file: str, capsys: pytest.CaptureFixture[str], private_data_dirs: Path
) -> None:
    settings = private_data_dirs / "data" / "settings.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[General]\nlanguage=vi\n", encoding="utf-8")

    _, out, _ = run(capsys, "--db", db_file, "tasks", "--as-of", AS_OF)

    assert out.startswith("Tasks as of ")


def test_every_word_the_command_line_says_has_its_vietnamese() -> None:
    """Each English text given to ``say`` is in VIETNAMESE, and each entry is used."""
    sources = (REPO / "minutes_app" / "cli").glob("*.py")
    said: set[str] = set()
    nodes = (n for s in sources for n in ast.walk(ast.parse(s.read_text(encoding="utf-8"))))
    for node in nodes:
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "say"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            said.add(node.args[0].value)
    from minutes_app.cli.office import DONE
    from minutes_app.cli.records import (  # words said by name
        _ACTION_REFUSALS,
        _CLASS_WORDS,
        _KIND_WORDS,
        _REPORT_WORDS,
        _SESSIONS,
        _TASK_COLUMNS,
    )
    from minutes_app.cli.words import VIETNAMESE

    said |= {*DONE.values()}
    said |= {*_CLASS_WORDS.values(), *_KIND_WORDS.values(), *_REPORT_WORDS.values()}
    said |= {*_ACTION_REFUSALS.values(), *_SESSIONS, *_TASK_COLUMNS}
    said |= {  # the labels of core.exchange.importing.summary_lines
        "units added",
        "people added",
        "documents added",
        "conferences added",
        "tasks added",
        "conferences already present, left as they were",
        "tasks already present (same uid), left as they were",
    }
    assert said - set(VIETNAMESE) == set()
    assert set(VIETNAMESE) - said == set()
    assert all(VIETNAMESE[text] and VIETNAMESE[text] != text for text in said)


def test_import_summary_in_vietnamese_names_every_label(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    example = REPO.parent / "shared" / "exchange" / "example.json"
    if not example.exists():
        pytest.skip("shared/exchange/example.json is not beside the repository")
    db = store
    assert main(["--db", db, "import-json", str(example)]) == 0
    code, out, _ = run(capsys, "--db", db, "--lang", "vi", "import-json", str(example))

    assert code == 0
    assert out.splitlines()[0] == "đơn vị thêm mới: 0"
    assert "hội nghị đã có, giữ nguyên: 1" in out.splitlines()


# --- parse ----------------------------------------------------------------------------------


def test_parse_without_json_prints_a_readable_draft(capsys: pytest.CaptureFixture[str]) -> None:
    if not ARTICLE.exists():
        pytest.skip("shared/samples is not beside the repository")
    # read the week it was published: the text gives no year (the latest 17/02 before it)
    code, out, _ = run(capsys, "--lang", "en", "parse", str(ARTICLE), "--today", "2023-02-20")

    assert code == 0
    lines = out.splitlines()
    assert "{" not in out and "[" not in out  # no JSON
    assert lines[0] == (
        "Title: Quán triệt các văn bản mới của Trung ương về công tác tổ chức xây dựng Đảng"
    )
    assert (
        lines[1] == "Date: 17/02/2023, morning (from “Sáng 17/02”; year not in the text: inferred)"
    )
    assert lines[2] == "Organizer: Ban Tổ chức Trung ương"
    assert lines[4:6] == [
        "Chaired by:",
        "  - Trương Thị Mai, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Tổ chức "
        "Trung ương",
    ]
    assert lines[6:8] == [
        "Bridge points:",
        "  - Điểm cầu tỉnh Bắc Kạn — presiding: Hoàng Duy Chinh, Ủy viên BCH Trung ương Đảng, "
        "Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh Bắc Kạn",
    ]
    at = lines.index("Documents studied:")
    assert lines[at + 1] == "  1. Quy định 96-QĐ/TW, issued 02/02/2023, Bộ Chính trị"
    assert lines[at + 2].startswith("     về việc lấy phiếu tín nhiệm")
    at = lines.index("Closing instructions:")
    assert lines[at + 1].startswith("  1. Các cấp ủy, tổ chức đảng cần quán triệt")
    assert lines[at + 2].startswith("  2. Trong quá trình tổ chức thực hiện")


def test_parse_in_vietnamese_marks_what_the_text_does_not_say(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("Không có gì.".encode())))
    code, out, _ = run(capsys, "--lang", "vi", "parse", "-")

    assert code == 0
    assert out.splitlines() == [
        "Tiêu đề: —",
        "Thời gian: —",
        "Cơ quan tổ chức: —",
        "Điểm cầu chính: —",
        "Chủ trì:",
        "  (không thấy trong văn bản)",
        "Các điểm cầu:",
        "  (không thấy trong văn bản)",
        "Văn bản được quán triệt:",
        "  (không thấy trong văn bản)",
        "Kết luận, chỉ đạo:",
        "  (không thấy trong văn bản)",
    ]
