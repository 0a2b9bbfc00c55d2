"""The command line of shared/CONTRACT.md: the parser and ``main``; the subcommands live in
``records`` (conferences, tasks, task actions, report, search), ``files`` (exchange JSON,
exports, backups, demo, parse) and ``window``, their words in ``words``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from minutes_app import APP_NAME, __version__
from minutes_app.cli.common import (
    OK,
    OPENED,
    REFUSED,
    USAGE,
    Refused,
    check_days,
    checked_files,
    iso_date,
    iso_moment,
    storage_problem,
    utf8,
)
from minutes_app.cli.files import (
    cmd_backup,
    cmd_copy_db,
    cmd_demo,
    cmd_export,
    cmd_export_json,
    cmd_import_json,
    cmd_parse,
)
from minutes_app.cli.office import cmd_server_setup, cmd_users
from minutes_app.cli.records import (
    cmd_conferences,
    cmd_history,
    cmd_report,
    cmd_search,
    cmd_task,
    cmd_tasks,
)
from minutes_app.cli.window import cmd_open_window
from minutes_app.cli.words import LANGUAGES, SPOKEN, refusal_words, say

Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Minutes and follow-up tasks of online conferences.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the SQLite file (default: per-user data) or an office server's "
        "postgresql://LOGIN@HOST/DBNAME",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the window (default: its settings, else vi) and of the messages "
        "here (default: en)",
    )
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
    p.add_argument(
        "--as-of", type=iso_date, metavar="DATE", help="default: --to, or today if earlier"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_report)

    p = commands.add_parser("parse", help="read article or notice text, print a conference draft")
    p.add_argument("file", metavar="FILE", help="text file ('-' = stdin)")
    p.add_argument(
        "--today",
        type=iso_date,
        metavar="DATE",
        help="the day the text is read (default today): a date without a year is the "
        "latest such day on or before it",
    )
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
    p.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help="default: today (report: --to, or today if earlier)",
    )
    p.set_defaults(run=cmd_export)

    p = commands.add_parser("backup", help="consistent copy of the live database")
    p.add_argument("dest", metavar="DEST", help="a file, or a folder for a dated copy")
    p.set_defaults(run=cmd_backup)

    p = commands.add_parser(
        "copy-db", help="copy a whole database, SQLite file or server, into an empty one"
    )
    p.add_argument("source", metavar="SOURCE", help="an SQLite file or postgresql://… URL")
    p.add_argument(
        "dest",
        metavar="DEST",
        help="a new SQLite file, or a postgresql://… database server-setup has just made",
    )
    p.set_defaults(run=cmd_copy_db)

    p = commands.add_parser("demo", help="load the sample conferences")
    p.set_defaults(run=cmd_demo)

    p = commands.add_parser(
        "server-setup", help="create or upgrade an office database on a PostgreSQL server"
    )
    p.add_argument("url", metavar="URL", help="postgresql://LOGIN@HOST[:PORT]/DBNAME")
    p.set_defaults(run=cmd_server_setup)

    p = commands.add_parser("history", help="the change log: who changed what, and when")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--task", type=int, metavar="ID", help="one task's changes")
    which.add_argument("--conference", type=int, metavar="ID", help="one conference's changes")
    which.add_argument("--since", type=iso_moment, metavar="DATETIME", help="every change since")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_history)

    p = commands.add_parser("users", help="the office server's users (its administrator)")
    users = p.add_subparsers(title="actions", metavar="ACTION", dest="action", required=True)
    p.set_defaults(run=cmd_users)
    a = users.add_parser("add", help="a new login in one of the roles")
    a.add_argument("login", metavar="LOGIN")
    a.add_argument("--role", required=True, choices=("admin", "clerk", "leader", "unit"))
    a.add_argument("--unit", metavar="NAME", help="the unit of a unit's login")
    a.add_argument("--name", metavar="TEXT", help="the person's full name")
    a = users.add_parser("list", help="every login and its role")
    a.add_argument("--json", action="store_true", help="print JSON")

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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of raising it."""
    from sqlalchemy.exc import OperationalError

    from minutes_app.db.engine import DatabaseRefused

    utf8(sys.stdout)
    utf8(sys.stderr)
    OPENED.clear()
    SPOKEN["language"] = "en"
    try:
        args = build_parser().parse_args(argv)
        SPOKEN["language"] = args.lang or "en"
        check_days(args)
        command: Command = args.run
        code = command(args)
        if code == OK:  # what this program wrote leaves a sound file sound
            for path in OPENED:
                checked_files().remember(path)
        return code
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else USAGE
    except (Refused, DatabaseRefused) as exc:
        said = refusal_words(exc) if isinstance(exc, DatabaseRefused) else storage_problem(exc)
        for line in (said or str(exc)).splitlines():
            print(f"{APP_NAME}: {line}", file=sys.stderr)
        return REFUSED
    except OperationalError as exc:
        said = storage_problem(exc) or say("the database cannot be used: {reason}", reason=exc.orig)
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
        said = storage_problem(exc)
        if said is not None:
            print(f"{APP_NAME}: {said}", file=sys.stderr)
            return REFUSED
        if os.environ.get("MINUTES_APP_DEBUG"):
            raise
        said = say("unexpected error: {kind}: {reason}", kind=type(exc).__name__, reason=exc)
        print(f"{APP_NAME}: {said}", file=sys.stderr)
        return REFUSED
