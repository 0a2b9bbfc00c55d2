"""What every subcommand shares: the exit codes, opening the database, reading
input, dates given as options, refusals."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from minutes_app.base.days import vn_date
from minutes_app.base.files import remove_leftovers
from minutes_app.cli.words import say

OK, REFUSED, USAGE = 0, 1, 2  # the contract's exit codes


class Refused(Exception):
    """Bad input or a refusal: each line of the message goes to stderr, exit code 1."""


# The databases this run opened: once a command has done its work, each is noted as sound.
OPENED: list[Path] = []


CHECKED_FILE = "checked-databases.json"  # in the data folder: see db/soundness.CheckedFiles


def checked_files() -> Any:
    from minutes_app.base.paths import data_dir
    from minutes_app.db.soundness import CheckedFiles

    return CheckedFiles(data_dir() / CHECKED_FILE)


def open_db(args: argparse.Namespace) -> Any:
    """The database of ``--db``, checked for damage unless it is untouched since it was last
    found sound; of a folder that does not exist, only the data folder is made."""
    return open_location(args.db)


def open_location(location: str | None, *, must_exist: bool = False) -> Any:
    """The database at ``location`` (an SQLite path, a server's URL, or None for the
    default file), opened as ``open_db`` opens ``--db``. With ``must_exist``, a file that
    is not there is refused rather than created."""
    from minutes_app.base.paths import data_dir, default_database
    from minutes_app.db.server import is_server_address
    from minutes_app.db.soundness import open_sound

    if is_server_address(location):  # the office's server: checked, never migrated here
        from minutes_app.db.engine import Database

        return Database.open(str(location))
    path = Path(location) if location else default_database()
    if must_exist and not path.exists():
        raise Refused(say("{name} does not exist; nothing was changed.", name=path))
    db = open_sound(path, data_dir(), checked_files())
    OPENED.append(path)
    remove_leftovers(path.parent)  # what a killed or failed write left beside the database
    return db


def read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise Refused(
            say("{name}: cannot be read ({reason})", name=name, reason=os_reason(exc))
        ) from exc


def os_reason(exc: OSError) -> str:
    return str(exc.strerror or exc)


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def iso_date(text: str) -> dt.date:
    """A DATE argument: YYYY-MM-DD."""
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}")


def iso_moment(text: str) -> dt.datetime:
    """A DATETIME argument: YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS] (or a space for the T)."""
    try:
        return dt.datetime.fromisoformat(text.strip()).replace(tzinfo=None, microsecond=0)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"not a date and time (YYYY-MM-DDTHH:MM:SS): {text!r}")


_DATE_OPTIONS = {"start": "--from", "end": "--to", "as_of": "--as-of"}


def check_days(args: argparse.Namespace) -> None:
    """Refuse a DATE outside the days the program reckons with (core.limits): a real date
    such as 9999-12-31 has no day after it, and a period's end needs one."""
    from minutes_app.base.limits import FIRST_DAY, LAST_DAY, day_in_range

    wrong = [
        say(
            "{option}: {day} is out of range ({first} to {last})",
            option=option,
            day=day.isoformat(),
            first=FIRST_DAY.isoformat(),
            last=LAST_DAY.isoformat(),
        )
        for name, option in _DATE_OPTIONS.items()
        if isinstance(day := getattr(args, name, None), dt.date) and not day_in_range(day)
    ]
    if wrong:
        raise Refused("\n".join(wrong))


def day(value: dt.date | None) -> str:
    return vn_date(value) or "—"


def storage_problem(exc: BaseException) -> str | None:
    """Plain words for an error that comes of the database being locked or read-only."""
    from minutes_app.db.locks import is_busy, is_read_only
    from minutes_app.db.server import SIGNED_OFF_MESSAGE, is_connection_lost, not_allowed

    refused = not_allowed(exc)
    if refused == SIGNED_OFF_MESSAGE:
        return say(
            "the conference is signed off: it must be reopened, with a reason, before it "
            "is changed; nothing was written"
        )
    if refused is not None:
        return say(
            "the office server refused: your login's role may not do this ({reason}); "
            "nothing was written",
            reason=refused,
        )
    if is_connection_lost(exc):
        return say(
            "the office server cannot be reached (the network or the server is down); "
            "nothing was changed: try again when it is back"
        )
    if is_busy(exc):
        return say("the database is busy: another copy of minutes-app is writing to it; try again")
    if is_read_only(exc):
        return say(
            "the database cannot be written: the file or its folder is read-only; "
            "nothing was changed"
        )
    return None


def utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="replace")
