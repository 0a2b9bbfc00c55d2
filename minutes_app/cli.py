"""The command line of shared/CONTRACT.md: one function per subcommand, exit codes 0/1/2."""

from __future__ import annotations

import argparse
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
