"""The command line of shared/CONTRACT.md: one function per subcommand, exit codes 0/1/2."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from minutes_app import APP_NAME, __version__
from minutes_app.base.files import remove_leftovers, write_atomically

OK, REFUSED, USAGE = 0, 1, 2  # the contract's exit codes


class Refused(Exception):
    """Bad input or a refusal: each line of the message goes to stderr, exit code 1."""


Command = Callable[[argparse.Namespace], int]


# The databases this run opened: once a command has done its work, each is noted as sound.
_OPENED: list[Path] = []
CHECKED_FILE = "checked-databases.json"  # in the data folder: see db/soundness.CheckedFiles


def _checked_files() -> Any:
    from minutes_app.base.paths import data_dir
    from minutes_app.db.soundness import CheckedFiles

    return CheckedFiles(data_dir() / CHECKED_FILE)


def _open_db(args: argparse.Namespace) -> Any:
    """The database of ``--db``, checked for damage unless it is untouched since it was last
    found sound; of a folder that does not exist, only the data folder is made."""
    from minutes_app.base.paths import data_dir, default_database
    from minutes_app.db.soundness import open_sound

    path = Path(args.db) if args.db else default_database()
    db = open_sound(path, data_dir(), _checked_files())
    _OPENED.append(path)
    remove_leftovers(path.parent)  # what a killed or failed write left beside the database
    return db


def _read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise Refused(f"{name}: cannot be read ({exc.strerror or exc})") from exc


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def cmd_import_json(args: argparse.Namespace) -> int:
    from minutes_app.core.exchange.importing import import_exchange, summary_lines
    from minutes_app.core.exchange.reading import ExchangeError, read_exchange

    raw = _read_input(args.file)
    try:
        exchange = read_exchange(raw)
        db = _open_db(args)
        try:
            summary = import_exchange(db, exchange)
        finally:
            db.close()
    except ExchangeError as exc:
        raise Refused("\n".join(exc.problems)) from exc
    for line in summary_lines(summary):
        print(line)
    return OK


def cmd_export_json(args: argparse.Namespace) -> int:
    from minutes_app.core.exchange.exporting import export_exchange

    db = _open_db(args)
    try:
        text = _dump(export_exchange(db))
    finally:
        db.close()
    if args.file == "-":
        sys.stdout.write(text)
    else:
        try:
            write_atomically(Path(args.file), text.encode("utf-8"))
        except OSError as exc:
            raise Refused(f"{args.file}: cannot be written ({exc.strerror or exc})") from exc
    return OK


_SESSION_WORDS = {"morning": "sáng", "afternoon": "chiều", "evening": "tối"}


def cmd_conferences(args: argparse.Namespace) -> int:
    from minutes_app.core.conferences.listing import list_conferences

    db = _open_db(args)
    try:
        rows = list_conferences(db)
    finally:
        db.close()
    if args.json:
        sys.stdout.write(_dump([r.to_json() for r in rows]))
        return OK
    for r in rows:
        session = _SESSION_WORDS.get(r.session or "", "")
        chairs = ", ".join(r.chairs) or "—"
        print(f"{r.id:>5}  {r.date:%d/%m/%Y} {session:<5}  {r.title}")
        print(
            f"       chair: {chairs}; bridge points: {len(r.bridge_points)}; "
            f"documents: {len(r.documents)}; tasks: {r.tasks}"
        )
    if not rows:
        print("No conferences recorded yet.")
    return OK


def cmd_demo(args: argparse.Namespace) -> int:
    from minutes_app.core.exchange.importing import summary_lines
    from minutes_app.core.exchange.reading import ExchangeError
    from minutes_app.core.exchange.samples import load_samples

    db = _open_db(args)
    try:
        summary = load_samples(db)
    except ExchangeError as exc:  # the database refused the samples: said as import-json does
        raise Refused("\n".join(exc.problems)) from exc
    finally:
        db.close()
    for line in summary_lines(summary):
        print(line)
    return OK


def iso_date(text: str) -> dt.date:
    """A DATE argument: YYYY-MM-DD."""
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}")


_DATE_OPTIONS = {"start": "--from", "end": "--to", "as_of": "--as-of"}


def _check_days(args: argparse.Namespace) -> None:
    """Refuse a DATE outside the days the program reckons with (core.limits): a real date
    such as 9999-12-31 has no day after it, and a period's end needs one."""
    from minutes_app.base.limits import day_in_range, day_range_words

    wrong = [
        f"{option}: {day.isoformat()} is out of range ({day_range_words()})"
        for name, option in _DATE_OPTIONS.items()
        if isinstance(day := getattr(args, name, None), dt.date) and not day_in_range(day)
    ]
    if wrong:
        raise Refused("\n".join(wrong))


_CLASS_WORDS = {
    "done_on_time": "đúng hạn",
    "done_late": "trễ hạn",
    "in_progress": "đang làm",
    "overdue": "QUÁ HẠN",
    "ongoing": "thường xuyên",
    "cancelled": "đã hủy",
}


def _day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def cmd_tasks(args: argparse.Namespace) -> int:
    from minutes_app.core.tasks.rows import classified_tasks

    as_of = args.as_of or dt.date.today()
    db = _open_db(args)
    try:
        rows = classified_tasks(db, as_of, classes=args.classes or (), unit=args.unit)
    finally:
        db.close()
    if args.json:
        sys.stdout.write(_dump([r.to_json() for r in rows]))
        return OK
    print(f"Nhiệm vụ tính đến ngày {_day(as_of)}: {len(rows)}")
    for r in rows:
        late = (
            f" ({(as_of - r.deadline).days} ngày)" if r.tracking == "overdue" and r.deadline else ""
        )
        print(
            f"{r.id:>6}  {_CLASS_WORDS[r.tracking]:<12}{late}  hạn {_day(r.deadline)}  "
            f"{r.lead_unit}: {r.title}"
        )
    return OK


# Why a task action was refused (TaskActionError.code), in plain words.
_ACTION_REFUSALS = {
    "required": "a reason or note is required",
    "future": "the completion date is after today",
    "before_assigned": "the date is before the task was given",
    "not_later": "the new deadline is not after the current one",
    "no_deadline": "the task is ongoing (no deadline) and cannot be extended",
    "not_open": "the task is already done or cancelled",
    "not_done": "the task is not done or cancelled, so it cannot be reopened",
    "too_long": "the text is too long (at most 100,000 characters)",
}


def _current_user() -> str:
    from minutes_app.base.identity import user_from_settings
    from minutes_app.base.paths import settings_file

    return user_from_settings(settings_file())


def cmd_task(args: argparse.Namespace) -> int:
    """One action on one task, recorded in its history exactly as the window records it."""
    from minutes_app.base.text import clean
    from minutes_app.core.tasks import actions as task_actions
    from minutes_app.core.tasks.actions import TaskActionError
    from minutes_app.core.tasks.rows import task_row
    from minutes_app.db.versions import RecordGone, StaleRecord

    by = _current_user()
    read = None if args.if_version is None else {args.task_id: args.if_version}
    ids = [args.task_id]
    db = _open_db(args)
    try:
        try:
            if args.action == "progress":
                task_actions.add_progress(db, ids, args.note, by=by, read=read)
            elif args.action == "extend":
                task_actions.extend_deadline(db, ids, args.to, args.reason, by=by, read=read)
            elif args.action == "complete":
                task_actions.complete(db, ids, args.on, args.result, by=by, read=read)
            elif args.action == "reopen":
                if clean(args.reason) is None:  # the contract's reopen takes a reason
                    raise TaskActionError("required")
                task_actions.reopen(db, ids, args.reason, by=by, read=read)
            else:
                task_actions.cancel(db, ids, args.reason, by=by, read=read)
        except (StaleRecord, RecordGone) as exc:
            raise Refused(str(exc)) from exc
        except TaskActionError as exc:
            reason = _ACTION_REFUSALS.get(exc.code, exc.code)
            raise Refused(f"task {args.task_id}: {reason}; nothing was written") from exc
        row = task_row(db, args.task_id, dt.date.today())
    finally:
        db.close()
    assert row is not None
    if args.json:
        sys.stdout.write(_dump(row.to_json()))
    else:
        print(
            f"task {row.id} (version {row.version}): {_CLASS_WORDS[row.tracking]}, "
            f"hạn {_day(row.deadline)}, {row.lead_unit}: {row.title}"
        )
    return OK


def cmd_report(args: argparse.Namespace) -> int:
    from minutes_app.core.tasks.rows import period_report
    from minutes_app.core.tasks.tracking import CLASSES

    if args.start > args.end:
        raise Refused("--from: after --to")
    db = _open_db(args)
    try:
        report = period_report(db, args.start, args.end, args.as_of)
    finally:
        db.close()
    if args.json:
        sys.stdout.write(_dump(report.to_json()))
        return OK
    print(
        f"Nhiệm vụ giao từ {_day(report.start)} đến {_day(report.end)}, "
        f"tính đến ngày {_day(report.as_of)}"
    )
    header = ["Đơn vị chủ trì", *(_CLASS_WORDS[c] for c in CLASSES)]
    lines = [[u.unit, *(str(u.counts[c]) for c in CLASSES)] for u in report.units]
    lines.append(["Tổng cộng", *(str(report.total[c]) for c in CLASSES)])
    width = max(len(row[0]) for row in [header, *lines])
    for row in [header, *lines]:
        print(row[0].ljust(width) + "".join(cell.rjust(13) for cell in row[1:]))
    rate = report.on_time_rate
    print(
        f"Tỷ lệ hoàn thành đúng hạn: {rate:.0%}"
        if rate is not None
        else "Tỷ lệ hoàn thành đúng hạn: chưa có nhiệm vụ hoàn thành"
    )
    return OK


_KIND_WORDS = {
    "conference": "Hội nghị",
    "document": "Văn bản",
    "task": "Nhiệm vụ",
    "person": "Cá nhân",
    "unit": "Đơn vị",
}


def cmd_search(args: argparse.Namespace) -> int:
    from minutes_app.core.search import KINDS, search

    db = _open_db(args)
    try:
        hits = search(db, args.query)
    finally:
        db.close()
    if args.json:
        sys.stdout.write(_dump([h.to_json() for h in hits]))
        return OK
    if not hits:
        print("Không tìm thấy kết quả nào.")
    for kind in KINDS:
        group = [h for h in hits if h.type == kind]
        if group:
            shown = f"{len(group)}/{hits.total_text(kind)}"
            print(f"{_KIND_WORDS[kind]} ({shown if len(group) < hits.total(kind) else len(group)})")
        for hit in group:
            print(f"  {hit.id:>6}  {hit.label}")
            if hit.snippet:
                print(f"          {hit.snippet}")
    return OK


def cmd_parse(args: argparse.Namespace) -> int:
    from minutes_app.core.parsing.draft import draft_from_text, draft_to_json

    raw = _read_input(args.file)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(f"{args.file}: not UTF-8 text (byte {exc.start})") from exc
    draft = draft_to_json(draft_from_text(text))
    if args.json:
        sys.stdout.write(_dump(draft))
        return OK
    for key, value in draft.items():
        shown = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
        print(f"{key}: {shown}")
    return OK


def cmd_backup(args: argparse.Namespace) -> int:
    from minutes_app.db.backup import BackupError, backup_database

    db = _open_db(args)
    try:
        written = backup_database(db, Path(args.dest))
    except BackupError as exc:  # the database itself, or its -wal or -journal
        raise Refused(
            f"{args.dest}: is the database itself or a file SQLite keeps beside it; "
            "choose another file. Nothing was written."
        ) from exc
    except OSError as exc:
        raise Refused(f"{args.dest}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        db.close()
    print(written)
    return OK


def cmd_export(args: argparse.Namespace) -> int:
    from minutes_app.base.limits import MAX_INTEGER
    from minutes_app.base.progress import ExportCancelled
    from minutes_app.exporting import ExportRequest, problems, run_export

    request = ExportRequest(
        kind=args.kind,
        target=Path(args.out),
        conference_id=args.conference,
        start=args.start,
        end=args.end,
        as_of=args.as_of,
    )
    found = problems(request)
    if found:
        raise Refused("\n".join(found))
    if args.conference is not None and not 1 <= args.conference <= MAX_INTEGER:
        raise Refused(f"--conference {args.conference}: no such conference")
    db = _open_db(args)
    try:
        run_export(db, request)
    except LookupError as exc:
        raise Refused(f"--conference {args.conference}: no such conference") from exc
    except OSError as exc:
        raise Refused(f"{args.out}: cannot be written ({exc.strerror or exc})") from exc
    except ExportCancelled as exc:  # only a progress callback cancels; none is given here
        raise Refused(str(exc)) from exc
    finally:
        db.close()
    print(request.target)
    return OK


def cmd_open_window(args: argparse.Namespace) -> int:
    from minutes_app.ui.app import run_app

    return run_app(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Minutes and follow-up tasks of online conferences.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the SQLite file (default: per-user data)")
    parser.add_argument("--lang", choices=("vi", "en"), help="language of the window")
    parser.set_defaults(run=cmd_open_window)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = commands.add_parser("import-json", help="merge an exchange file into the database")
    p.add_argument("file", metavar="FILE", help="exchange file ('-' = stdin)")
    p.set_defaults(run=cmd_import_json)

    p = commands.add_parser("export-json", help="write the whole database as an exchange file")
    p.add_argument("file", metavar="FILE", help="output file ('-' = stdout)")
    p.set_defaults(run=cmd_export_json)

    p = commands.add_parser("conferences", help="list conferences, newest first")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_conferences)

    p = commands.add_parser("tasks", help="tasks with their tracking class")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="classify as of DATE")
    p.add_argument(
        "--class",
        dest="classes",
        action="append",
        metavar="CLASS",
        choices=("done_on_time", "done_late", "in_progress", "overdue", "ongoing", "cancelled"),
        help="only tasks of this class (repeatable)",
    )
    p.add_argument("--unit", metavar="NAME", help="only tasks led by this unit")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_tasks)

    p = commands.add_parser("report", help="tasks of a period counted per lead unit")
    p.add_argument("--from", dest="start", type=iso_date, required=True, metavar="DATE")
    p.add_argument("--to", dest="end", type=iso_date, required=True, metavar="DATE")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="default: --to")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_report)

    p = commands.add_parser("parse", help="read article or notice text, print a conference draft")
    p.add_argument("file", metavar="FILE", help="text file ('-' = stdin)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_parse)

    p = commands.add_parser("search", help="search everything, blind to case and accents")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_search)

    p = commands.add_parser(
        "export", help="minutes, notice, tasks, calendar or report as .docx/.pdf/.xlsx/.csv/.ics"
    )
    p.add_argument(
        "kind", metavar="KIND", choices=("minutes", "notice", "tasks", "calendar", "report")
    )
    p.add_argument("out", metavar="OUT", help="the file to write; its extension sets the format")
    p.add_argument("--conference", type=int, metavar="ID", help="for minutes and notice")
    p.add_argument("--from", dest="start", type=iso_date, metavar="DATE", help="for report")
    p.add_argument("--to", dest="end", type=iso_date, metavar="DATE", help="for report")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="default: today (report: --to)")
    p.set_defaults(run=cmd_export)

    p = commands.add_parser("backup", help="consistent copy of the live database")
    p.add_argument("dest", metavar="DEST", help="a file, or a folder for a dated copy")
    p.set_defaults(run=cmd_backup)

    p = commands.add_parser("demo", help="load the sample conferences")
    p.set_defaults(run=cmd_demo)

    _task_parser(commands)
    return parser


def _task_parser(commands: Any) -> None:
    """``task ID ACTION ...`` of the contract's "Task actions"."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--if-version",
        type=int,
        metavar="N",
        help="refuse (exit 1, nothing written) if the task changed since version N was read",
    )
    common.add_argument("--json", action="store_true", help="print the task as JSON")
    p = commands.add_parser("task", help="act on one task: progress, extend, complete, …")
    p.add_argument("task_id", type=int, metavar="ID")
    actions = p.add_subparsers(title="actions", metavar="ACTION", dest="action", required=True)
    p.set_defaults(run=cmd_task)
    a = actions.add_parser("progress", parents=[common], help="a progress note")
    a.add_argument("--note", required=True, metavar="TEXT")
    a = actions.add_parser("extend", parents=[common], help="a later deadline, with the reason")
    a.add_argument("--to", required=True, type=iso_date, metavar="DATE")
    a.add_argument("--reason", required=True, metavar="TEXT")
    a = actions.add_parser("complete", parents=[common], help="done on a day, with the result")
    a.add_argument("--on", required=True, type=iso_date, metavar="DATE")
    a.add_argument("--result", metavar="TEXT")
    for name, help_text in (("reopen", "back to in progress"), ("cancel", "cancel the task")):
        a = actions.add_parser(name, parents=[common], help=help_text)
        a.add_argument("--reason", required=True, metavar="TEXT")


def _storage_problem(exc: BaseException) -> str | None:
    """Plain words for an error that comes of the database being locked or read-only."""
    from minutes_app.db.locks import is_busy, is_read_only

    if is_busy(exc):
        return "the database is busy: another copy of minutes-app is writing to it; try again"
    if is_read_only(exc):
        return (
            "the database cannot be written: the file or its folder is read-only; "
            "nothing was changed"
        )
    return None


def _utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of raising it."""
    from sqlalchemy.exc import OperationalError

    from minutes_app.db.engine import DatabaseRefused

    _utf8(sys.stdout)
    _utf8(sys.stderr)
    _OPENED.clear()
    try:
        args = build_parser().parse_args(argv)
        _check_days(args)
        command: Command = args.run
        code = command(args)
        if code == OK:  # what this program wrote leaves a sound file sound
            for path in _OPENED:
                _checked_files().remember(path)
        return code
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else USAGE
    except (Refused, DatabaseRefused) as exc:
        said = str(exc) if isinstance(exc, DatabaseRefused) else _storage_problem(exc)
        for line in (said or str(exc)).splitlines():
            print(f"{APP_NAME}: {line}", file=sys.stderr)
        return REFUSED
    except OperationalError as exc:
        said = _storage_problem(exc) or f"the database cannot be used: {exc.orig}"
        print(f"{APP_NAME}: {said}", file=sys.stderr)
        return REFUSED
    except KeyboardInterrupt:
        return REFUSED
    except BrokenPipeError:
        # The reader stopped reading (`tasks | head`): what it wanted was written. Python's
        # own flush at exit would fail again, so standard output goes nowhere from here.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    except Exception as exc:
        # Whatever slipped through is still reported as one line, never a traceback.
        said = _storage_problem(exc)
        if said is not None:
            print(f"{APP_NAME}: {said}", file=sys.stderr)
            return REFUSED
        if os.environ.get("MINUTES_APP_DEBUG"):
            raise
        print(f"{APP_NAME}: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return REFUSED
