"""`export KIND OUT`: every kind in every format the contract names, read back."""

from __future__ import annotations

import csv
import os
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import docx
import icalendar
import openpyxl
import pypdf
import pytest

from minutes_app.cli import main
from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "m.sqlite3"
    db = Database.open(path)
    try:
        load_samples(db)
    finally:
        db.close()
    return path


def _first_conference(path: Path) -> int:
    db = Database.open(path)
    try:
        return min(c.id for c in list_conferences(db))
    finally:
        db.close()


def _export(db: Path, *args: str) -> int:
    return main(["--db", str(db), "export", *args])


def test_minutes_and_notice_as_docx_and_pdf(sample_db: Path, tmp_path: Path) -> None:
    first = str(_first_conference(sample_db))
    for kind in ("minutes", "notice"):
        for suffix in (".docx", ".pdf"):
            out = tmp_path / f"{kind}{suffix}"
            assert _export(sample_db, kind, str(out), "--conference", first) == 0
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "minutes.docx")).paragraphs)
    assert "BIÊN BẢN" in text
    notice = "\n".join(p.text for p in docx.Document(str(tmp_path / "notice.docx")).paragraphs)
    assert "THÔNG BÁO" in notice
    pdf = pypdf.PdfReader(str(tmp_path / "minutes.pdf"))
    # Qt writes a line in several text runs; the words are there, spacing aside.
    extracted = "".join("".join(page.extract_text().split()) for page in pdf.pages)
    assert "BIÊNBẢN" in unicodedata.normalize("NFC", extracted)


def test_tasks_calendar_and_report_in_their_formats(sample_db: Path, tmp_path: Path) -> None:
    assert _export(sample_db, "tasks", str(tmp_path / "t.xlsx"), "--as-of", "2023-12-31") == 0
    assert _export(sample_db, "tasks", str(tmp_path / "t.csv"), "--as-of", "2023-12-31") == 0
    assert _export(sample_db, "calendar", str(tmp_path / "c.ics"), "--as-of", "2023-01-01") == 0
    period = ("--from", "2023-01-01", "--to", "2023-12-31")
    for suffix in (".docx", ".xlsx", ".pdf"):
        assert _export(sample_db, "report", str(tmp_path / f"r{suffix}"), *period) == 0

    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").worksheets[0]
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    # The 38 sample tasks and a header, then an empty row and the totals (all and per class).
    assert sheet.auto_filter.ref.endswith(str(len(rows))) and len(rows) > 30
    assert sheet.max_row == len(rows) + 1 + 7
    calendar = icalendar.Calendar.from_ical((tmp_path / "c.ics").read_bytes())
    assert calendar.walk("VEVENT")
    assert openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets
    assert pypdf.PdfReader(str(tmp_path / "r.pdf")).pages


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["minutes", "m.xlsx", "--conference", "1"], "minutes is written as .docx or .pdf"),
        (["minutes", "m.docx"], "minutes needs --conference ID"),
        (["minutes", "m.docx", "--conference", "999"], "no such conference"),
        (["report", "r.pdf"], "report needs --from DATE and --to DATE"),
        (["report", "r.pdf", "--from", "2023-12-01", "--to", "2023-01-01"], "after --to"),
        (["tasks", "missing/t.xlsx"], "no such folder"),
    ],
)
def test_bad_requests_are_refused_with_exit_code_1(
    sample_db: Path,
    tmp_path: Path,
    args: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    os.chdir(tmp_path)
    assert _export(sample_db, *args) == 1
    assert message in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == []


def test_unknown_kind_is_wrong_usage(sample_db: Path, tmp_path: Path) -> None:
    assert _export(sample_db, "letters", str(tmp_path / "x.docx")) == 2


@pytest.mark.parametrize(
    ("kind", "name"), [("tasks", "t.xlsx"), ("minutes", "m.docx"), ("report", "r.pdf")]
)
def test_a_failed_export_leaves_an_existing_file_untouched(
    sample_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    name: str,
) -> None:
    out = tmp_path / name
    out.write_bytes(b"the old file")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    extra = {
        "tasks": [],
        "minutes": ["--conference", str(_first_conference(sample_db))],
        "report": ["--from", "2023-01-01", "--to", "2023-12-31"],
    }[kind]
    assert _export(sample_db, kind, str(out), *extra) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_pdf_export_works_without_a_display(sample_db: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "m.pdf"
    first = str(_first_conference(sample_db))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "minutes_app",
            "--db",
            str(sample_db),
            "export",
            "minutes",
            str(out),
            "--conference",
            first,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("kind", "period", "drawn"),
    [
        ("minutes", False, False),
        ("notice", False, False),
        # The report's .docx carries its chart as a picture, which Qt draws: this case shows
        # that the check below does see Qt when it is loaded.
        ("report", True, True),
    ],
)
def test_a_docx_export_loads_qt_only_for_the_report_chart(
    sample_db: Path, tmp_path: Path, kind: str, period: bool, drawn: bool
) -> None:
    out = tmp_path / f"{kind}.docx"
    which = (
        ["--from", "2023-01-01", "--to", "2023-12-31"]
        if period
        else ["--conference", str(_first_conference(sample_db))]
    )
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",  # every module imported, one line each, on stderr
            "-m",
            "minutes_app",
            *("--db", str(sample_db), "export", kind, str(out), *which),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert docx.Document(str(out)).paragraphs
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "minutes_app.exporting" in imported
    assert ("PySide6.QtGui" in imported) is drawn


# --- what an export writes over, and with which permissions ------------------------------


def _writer_args(sample_db: Path, writer: str, out: Path) -> list[str]:
    """The command line of ``writer`` writing ``out``."""
    db = ["--db", str(sample_db)]
    period = ["--from", "2023-01-01", "--to", "2023-12-31"]
    return {
        "export-json": [*db, "export-json", str(out)],
        "tasks .csv": [*db, "export", "tasks", str(out)],
        "tasks .xlsx": [*db, "export", "tasks", str(out)],
        "calendar .ics": [*db, "export", "calendar", str(out)],
        "report .xlsx": [*db, "export", "report", str(out), *period],
        "minutes .docx": [
            *db,
            *("export", "minutes", str(out), "--conference", str(_first_conference(sample_db))),
        ],
        "report .pdf": [*db, "export", "report", str(out), *period],
        "backup": [*db, "backup", str(out)],
    }[writer]


WRITERS = {
    "export-json": "out.json",
    "tasks .csv": "out.csv",
    "tasks .xlsx": "out.xlsx",
    "calendar .ics": "out.ics",
    "report .xlsx": "out.xlsx",
    "minutes .docx": "out.docx",
    "report .pdf": "out.pdf",
    "backup": "out.sqlite3",
}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes and devices")
@pytest.mark.parametrize("writer", list(WRITERS))
@pytest.mark.parametrize("what", ["named pipe", "link to /dev/full"])
def test_every_writer_refuses_to_write_over_what_is_not_a_file(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], writer: str, what: str
) -> None:
    out = tmp_path / WRITERS[writer]
    if what == "named pipe":
        os.mkfifo(out)
    else:
        out.symlink_to("/dev/full")

    assert main(_writer_args(sample_db, writer, out)) == 1

    assert capsys.readouterr().err == (
        f"minutes-app: {out}: cannot be written "
        "(not a regular file; a device or a pipe is never written over)\n"
    )
    if what == "named pipe":
        assert stat.S_ISFIFO(out.lstat().st_mode)
    else:
        assert os.readlink(out) == "/dev/full"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("writer", [w for w in WRITERS if w != "backup"])
def test_an_export_honours_the_umask_and_keeps_the_permissions_it_replaces(
    sample_db: Path, tmp_path: Path, writer: str
) -> None:
    out = tmp_path / WRITERS[writer]
    previous = os.umask(0o027)
    try:
        assert main(_writer_args(sample_db, writer, out)) == 0
        created = stat.S_IMODE(out.stat().st_mode)
        os.chmod(out, 0o604)
        assert main(_writer_args(sample_db, writer, out)) == 0
        replaced = stat.S_IMODE(out.stat().st_mode)
    finally:
        os.umask(previous)
    assert (created, replaced) == (0o640, 0o604)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_backup_is_owner_only_whatever_the_umask_and_whatever_it_replaces(
    sample_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "copy.sqlite3"
    previous = os.umask(0)
    try:
        assert main(_writer_args(sample_db, "backup", out)) == 0
        created = stat.S_IMODE(out.stat().st_mode)
        os.chmod(out, 0o644)
        assert main(_writer_args(sample_db, "backup", out)) == 0
        replaced = stat.S_IMODE(out.stat().st_mode)
    finally:
        os.umask(previous)
    assert (created, replaced) == (0o600, 0o600)


# --- papers printed before the office is set ---------------------------------------------

NOT_SET = (
    "minutes-app: warning: the office is not set, so the paper has the default heading "
    "(TỈNH ỦY, BAN TỔ CHỨC) and no place name; set it in the window: File → Office and "
    "signers…\n"
)


def test_papers_before_the_office_is_set_warn_and_print_with_the_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from minutes_app.core.paperwork.office import Office, save_office

    db_path = tmp_path / "m.sqlite3"
    assert main(["--db", str(db_path), "demo"]) == 0
    first = str(_first_conference(db_path))
    capsys.readouterr()

    out = tmp_path / "bb.docx"
    assert _export(db_path, "minutes", str(out), "--conference", first) == 0
    printed = capsys.readouterr()
    assert printed.err == NOT_SET
    assert printed.out == f"{out}\n"
    heading = docx.Document(str(out)).tables[0]
    assert heading.cell(0, 0).text.split("\n")[:2] == ["TỈNH ỦY", "BAN TỔ CHỨC"]
    assert "BẮC KẠN" not in heading.cell(0, 0).text
    period = ("--from", "2023-01-01", "--to", "2023-12-31")
    assert _export(db_path, "report", str(tmp_path / "r.pdf"), *period) == 0
    assert capsys.readouterr().err == NOT_SET
    # A table has no heading: no warning.
    assert _export(db_path, "report", str(tmp_path / "r.xlsx"), *period) == 0
    assert _export(db_path, "tasks", str(tmp_path / "t.csv")) == 0
    assert capsys.readouterr().err == ""
    assert (
        main(
            [
                "--lang",
                "vi",
                "--db",
                str(db_path),
                "export",
                "notice",
                str(tmp_path / "tb.docx"),
                "--conference",
                first,
            ]
        )
        == 0
    )
    assert "chưa thiết lập thông tin cơ quan" in capsys.readouterr().err

    db = Database.open(db_path)
    try:
        save_office(db, Office(superior_body="TỈNH ỦY LẠNG SƠN", place="Lạng Sơn"))
    finally:
        db.close()
    assert _export(db_path, "minutes", str(out), "--conference", first) == 0
    assert capsys.readouterr().err == ""
    assert "TỈNH ỦY LẠNG SƠN" in docx.Document(str(out)).tables[0].cell(0, 0).text
