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
from minutes_app.core.files import write_atomically

OK, REFUSED, USAGE = 0, 1, 2  # the contract's exit codes


class Refused(Exception):
    """Bad input or a refusal: each line of the message goes to stderr, exit code 1."""


Command = Callable[[argparse.Namespace], int]


def _open_db(args: argparse.Namespace) -> Any:
    from minutes_app.db.engine import Database
    from minutes_app.paths import default_database

    path = Path(args.db) if args.db else default_database()
    return Database.open(path)


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
    from minutes_app.core.exchange import import_exchange, summary_lines
    from minutes_app.core.exchange_read import ExchangeError, read_exchange

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
    from minutes_app.core.exchange import export_exchange

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
    from minutes_app.core.conferences import list_conferences

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
    from minutes_app.core.exchange import summary_lines
    from minutes_app.core.samples import load_samples

    db = _open_db(args)
    try:
        summary = load_samples(db)
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
    from minutes_app.core.limits import day_in_range, day_range_words

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
    from minutes_app.core.tasks import classified_tasks, select_tasks

    as_of = args.as_of or dt.date.today()
    db = _open_db(args)
    try:
        rows = select_tasks(classified_tasks(db, as_of), args.classes or (), args.unit)
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


def cmd_report(args: argparse.Namespace) -> int:
    from minutes_app.core.tasks import period_report
    from minutes_app.core.tracking import CLASSES

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
    from minutes_app.core.draft import draft_from_text, draft_to_json

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
    from minutes_app.core.backup import backup_database

    db = _open_db(args)
    try:
        written = backup_database(db, Path(args.dest))
    except OSError as exc:
        raise Refused(f"{args.dest}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        db.close()
    print(written)
    return OK


def cmd_export(args: argparse.Namespace) -> int:
    from minutes_app.core.export_common import ExportCancelled
    from minutes_app.core.limits import MAX_INTEGER
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
    return parser


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
    try:
        args = build_parser().parse_args(argv)
        _check_days(args)
        command: Command = args.run
        return command(args)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else USAGE
    except (Refused, DatabaseRefused) as exc:
        for line in str(exc).splitlines():
            print(f"{APP_NAME}: {line}", file=sys.stderr)
        return REFUSED
    except OperationalError as exc:
        print(f"{APP_NAME}: the database cannot be used: {exc.orig}", file=sys.stderr)
        return REFUSED
    except KeyboardInterrupt:
        return REFUSED
    except Exception as exc:
        # Whatever slipped through is still reported as one line, never a traceback.
        if os.environ.get("MINUTES_APP_DEBUG"):
            raise
        print(f"{APP_NAME}: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return REFUSED
