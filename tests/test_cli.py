"""The command line of shared/CONTRACT.md: exit codes, output shapes and the entry points."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_app import __version__
from minutes_app.cli import main
from tests.exchange_helpers import export_document, import_document, load_json
from tests.stores import on_server

VENV_BIN = Path(sys.executable).parent


@pytest.fixture
def stored_example(store: str, example_json: Path) -> str:
    """``store`` holding example.json."""
    import_document(store, load_json(example_json))
    return store


def test_version_prints_name_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--version"])

    assert (code, capsys.readouterr().out) == (0, "minutes-app 0.1.0\n")
    assert __version__ == "0.1.0"


def test_unknown_subcommand_is_wrong_usage(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(db_path), "frobnicate"])

    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("usage: minutes-app")
    assert not db_path.exists()


def test_unknown_option_is_wrong_usage(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(db_path), "conferences", "--colour"])

    assert code == 2
    assert "unrecognized arguments: --colour" in capsys.readouterr().err


def test_import_json_prints_what_it_added(
    store: str, example_json: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", store, "import-json", str(example_json)])

    assert code == 0
    assert capsys.readouterr().out.splitlines() == [
        "units added: 4",
        "people added: 2",
        "documents added: 4",
        "conferences added: 1",
        "tasks added: 3",
    ]


def test_import_json_reads_stdin_for_dash(
    store: str,
    example_json: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(example_json.read_bytes())))

    code = main(["--db", store, "import-json", "-"])

    assert (code, capsys.readouterr().out.splitlines()[-1]) == (0, "tasks added: 3")
    assert len(export_document(store)["conferences"]) == 1


def test_import_of_a_missing_file_exits_1_with_one_line(
    tmp_path: Path, store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "khong-co.json"

    code = main(["--db", store, "import-json", str(missing)])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == f"minutes-app: {missing}: cannot be read (No such file or directory)\n"
    assert on_server(store) or not Path(store).exists()


def test_export_json_dash_prints_the_database(
    stored_example: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", stored_example, "export-json", "-"])

    out = capsys.readouterr().out
    assert code == 0
    assert json.loads(out) == export_document(stored_example)
    assert "Trương Thị Mai" in out  # UTF-8 as is, not \u escapes


def test_export_json_writes_the_file(
    tmp_path: Path, stored_example: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "xuat.json"

    code = main(["--db", stored_example, "export-json", str(target)])

    assert (code, capsys.readouterr().out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8")) == export_document(stored_example)


def test_export_json_of_a_new_path_creates_an_empty_database(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", store, "export-json", "-"])

    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "format": "minutes-app/exchange",
        "version": 1,
        "units": [],
        "people": [],
        "documents": [],
        "conferences": [],
    }
    assert on_server(store) or Path(store).exists()


def test_conferences_json_has_the_contract_shape(
    stored_example: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", stored_example, "conferences", "--json"])

    assert code == 0
    assert json.loads(capsys.readouterr().out) == [
        {
            "id": 1,
            "title": "Hội nghị trực tuyến quán triệt, triển khai các văn bản mới của Trung ương "
            "về công tác tổ chức xây dựng Đảng",
            "date": "2023-02-17",
            "session": "morning",
            "organizer": "Ban Tổ chức Trung ương",
            "chairs": ["Trương Thị Mai"],
            "bridge_points": ["Điểm cầu tỉnh Bắc Kạn"],
            "documents": ["96-QĐ/TW", "97-QĐ/TW", "03-HD/TW", "22-HD/BTCTW"],
            "tasks": 3,
        }
    ]


def test_conferences_json_lists_newest_first(
    stored_example: str, example_json: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = load_json(example_json)
    later["conferences"][0]["date"] = "2023-05-04"
    import_document(stored_example, later)

    main(["--db", stored_example, "conferences", "--json"])

    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["date"]) for r in rows] == [(2, "2023-05-04"), (1, "2023-02-17")]


def test_conferences_json_of_an_empty_database_is_an_empty_list(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", store, "conferences", "--json"])

    assert (code, capsys.readouterr().out) == (0, "[]\n")


def test_python_m_minutes_app_prints_the_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "minutes_app", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert (done.returncode, done.stdout, done.stderr) == (0, "minutes-app 0.1.0\n", "")


def test_console_script_is_on_the_venv_path() -> None:
    path = os.pathsep.join([str(VENV_BIN), os.environ.get("PATH", "")])
    script = shutil.which("minutes-app", path=path)
    assert script is not None
    assert Path(script).parent == VENV_BIN

    done = subprocess.run(
        ["minutes-app", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PATH": path},
    )

    assert (done.returncode, done.stdout) == (0, "minutes-app 0.1.0\n")


def test_output_cut_short_by_its_reader_ends_quietly(store: str, tmp_path: Path) -> None:
    """`minutes-app conferences | head`: no traceback when the reader stops early."""
    many = {
        "format": "minutes-app/exchange",
        "version": 1,
        "conferences": [
            {
                "key": f"c{i}",
                "title": f"Hội nghị giao ban số {i} " + "x" * 300,
                "date": "2024-01-02",
            }
            for i in range(400)
        ],
    }
    source = tmp_path / "many.json"
    source.write_text(json.dumps(many, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", store, "import-json", str(source)]) == 0
    reader = subprocess.Popen(
        [sys.executable, "-m", "minutes_app", "--db", store, "conferences"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()  # more than a pipe holds is still to come
    reader.stdout.close()
    error = reader.stderr.read().decode()
    assert reader.wait(timeout=60) == 0
    assert error == ""
