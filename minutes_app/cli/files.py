"""Subcommands that read or write files: the exchange JSON, exports, backups, the
demo data, parsing a text."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from minutes_app import APP_NAME
from minutes_app.base.files import write_atomically
from minutes_app.cli.common import (
    OK,
    OPENED,
    Refused,
    day,
    dump,
    open_db,
    open_location,
    os_reason,
    read_input,
)
from minutes_app.cli.records import one_line
from minutes_app.cli.words import SPOKEN, say


def cmd_import_json(args: argparse.Namespace) -> int:
    from minutes_app.core.exchange.importing import import_exchange, summary_lines
    from minutes_app.core.exchange.reading import ExchangeError, read_exchange

    raw = read_input(args.file)
    try:
        exchange = read_exchange(raw)
        db = open_db(args)
        try:
            summary = import_exchange(db, exchange)
        finally:
            db.close()
    except ExchangeError as exc:
        raise Refused("\n".join(exc.problems)) from exc
    _print_summary(summary_lines(summary))
    return OK


def _print_summary(lines: Sequence[str]) -> None:
    """The lines of an import's summary ("units added: 4"), their labels translated."""
    for line in lines:
        label, _, count = line.rpartition(": ")
        print(f"{say(label)}: {count}")


def cmd_export_json(args: argparse.Namespace) -> int:
    from minutes_app.core.exchange.exporting import export_exchange

    db = open_db(args)
    try:
        text = dump(export_exchange(db))
    finally:
        db.close()
    if args.file == "-":
        sys.stdout.write(text)
    else:
        try:
            write_atomically(Path(args.file), text.encode("utf-8"))
        except OSError as exc:
            raise Refused(
                say("{name}: cannot be written ({reason})", name=args.file, reason=os_reason(exc))
            ) from exc
    return OK


def cmd_demo(args: argparse.Namespace) -> int:
    from minutes_app.core.exchange.importing import summary_lines
    from minutes_app.core.exchange.reading import ExchangeError
    from minutes_app.core.exchange.samples import load_samples

    db = open_db(args)
    try:
        summary = load_samples(db)
    except ExchangeError as exc:  # the database refused the samples: said as import-json does
        raise Refused("\n".join(exc.problems)) from exc
    finally:
        db.close()
    _print_summary(summary_lines(summary))
    return OK


def cmd_parse(args: argparse.Namespace) -> int:
    from minutes_app.core.parsing.draft import draft_from_text, draft_to_json

    raw = read_input(args.file)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(
            say("{name}: not UTF-8 text (byte {at})", name=args.file, at=exc.start)
        ) from exc
    draft = draft_from_text(text, today=args.today or dt.date.today())
    if args.json:
        sys.stdout.write(dump(draft_to_json(draft)))
        return OK
    for line in _draft_lines(draft):
        print(line)
    return OK


def _person(name: str, title: str | None) -> str:
    return one_line(f"{name}, {title}" if title else name)


def _draft_lines(draft: Any) -> list[str]:
    """A ``ConferenceDraft`` as a clerk reads it: one field a line, lists numbered below
    their heading, dates as dd/mm/yyyy, what the text does not say marked "—"."""
    none = f"  ({say('none found in the text')})"
    when = "—"
    if draft.date is not None:
        when = day(draft.date)
        if draft.session:
            when += f", {say(draft.session)}"
        source = [say("from “{words}”", words=one_line(draft.date_text or ""))]
        if draft.year_inferred:
            source.append(say("year not in the text: inferred"))
        when += f" ({'; '.join(source)})"
    lines = [
        f"{say('Title')}: {one_line(draft.title or '—')}",
        f"{say('Date')}: {when}",
        f"{say('Organizer')}: {one_line(draft.organizer or '—')}",
        f"{say('Host point')}: {one_line(draft.host_point or '—')}",
        f"{say('Chaired by')}:",
        *(f"  - {_person(p.name, p.title)}" for p in draft.chairs),
    ]
    if not draft.chairs:
        lines.append(none)
    lines.append(f"{say('Bridge points')}:")
    for point in draft.bridge_points:
        presiding = "; ".join(_person(p.name, p.title) for p in point.presiding)
        lines.append(
            f"  - {one_line(point.name)}"
            + (f" — {say('presiding')}: {presiding}" if presiding else "")
        )
    if not draft.bridge_points:
        lines.append(none)
    lines.append(f"{say('Documents studied')}:")
    for n, doc in enumerate(draft.documents, 1):
        facts = [f"{doc.kind} {doc.symbol or doc.number}"]
        if doc.issued_on:
            facts.append(say("issued {day}", day=day(doc.issued_on)))
        if doc.issuer:
            facts.append(doc.issuer)
        lines.append(f"  {n}. {one_line(', '.join(facts))}")
        if doc.subject:
            lines.append(f"     {one_line(doc.subject)}")
    if not draft.documents:
        lines.append(none)
    lines.append(f"{say('Closing instructions')}:")
    lines.extend(f"  {n}. {one_line(text)}" for n, text in enumerate(draft.instructions, 1))
    if not draft.instructions:
        lines.append(none)
    return lines


def cmd_backup(args: argparse.Namespace) -> int:
    from minutes_app.db.backup import BackupError, backup_database
    from minutes_app.db.copying import CopyFailed, failure_words

    db = open_db(args)
    try:
        written = backup_database(db, Path(args.dest))
    except CopyFailed as exc:  # a server's snapshot that could not be written whole
        raise Refused(failure_words(exc, SPOKEN["language"])) from exc
    except BackupError as exc:  # the database itself, or its -wal or -journal
        raise Refused(
            say(
                "{dest}: is the database itself or a file SQLite keeps beside it; choose "
                "another file. Nothing was written.",
                dest=args.dest,
            )
        ) from exc
    except OSError as exc:
        raise Refused(
            say("{name}: cannot be written ({reason})", name=args.dest, reason=os_reason(exc))
        ) from exc
    finally:
        db.close()
    print(written)
    return OK


def cmd_export(args: argparse.Namespace) -> int:
    from minutes_app.base.limits import MAX_INTEGER
    from minutes_app.base.progress import ExportCancelled
    from minutes_app.core.paperwork.office import office_is_set
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
        raise Refused(say("--conference {id}: no such conference", id=args.conference))
    db = open_db(args)
    try:
        missing = run_export(db, request)
        heading = (
            args.kind in ("minutes", "notice", "report")
            and request.target.suffix.lower() != ".xlsx"
        )
        if heading and not office_is_set(db):
            warning = say(
                "warning: the office is not set, so the paper has the default heading "
                "(TỈNH ỦY, BAN TỔ CHỨC) and no place name; set it in the window: "
                "File → Office and signers…"
            )
            print(f"{APP_NAME}: {warning}", file=sys.stderr)
    except LookupError as exc:
        raise Refused(say("--conference {id}: no such conference", id=args.conference)) from exc
    except OSError as exc:
        raise Refused(
            say("{name}: cannot be written ({reason})", name=args.out, reason=os_reason(exc))
        ) from exc
    except ExportCancelled as exc:  # only a progress callback cancels; none is given here
        raise Refused(str(exc)) from exc
    finally:
        db.close()
    if missing:
        warning = say(
            "warning: {name}: no installed serif font draws {letters}; they may print "
            "wrongly. Install Times New Roman or Tinos (Debian: fonts-croscore)",
            name=args.out,
            letters=" ".join(missing),
        )
        print(f"{APP_NAME}: {warning}", file=sys.stderr)
    print(request.target)
    return OK


def cmd_copy_db(args: argparse.Namespace) -> int:
    from minutes_app.db.copying import CopyFailed, copy_database, failure_words
    from minutes_app.db.engine import Database
    from minutes_app.db.server import is_server_address

    if not is_server_address(args.dest) and Path(args.dest).exists():
        # Said before the source is opened: an older source file would be upgraded.
        raise Refused(
            say(
                "{dest} already exists: copy-db writes a new file only. Choose a new file "
                "name; nothing was changed.",
                dest=args.dest,
            )
        )
    source = open_location(args.source, must_exist=True)
    try:
        dest = (
            Database.open(args.dest)  # set up by server-setup, at this program's schema
            if is_server_address(args.dest)
            else Database(Path(args.dest))  # created by the copy, when it succeeds
        )
        try:
            report = copy_database(source, dest)
        except CopyFailed as exc:
            raise Refused(failure_words(exc, SPOKEN["language"])) from exc
        except OSError as exc:
            raise Refused(
                say("{name}: cannot be written ({reason})", name=args.dest, reason=os_reason(exc))
            ) from exc
        finally:
            dest.close()
    finally:
        source.close()
    if dest.path is not None:
        OPENED.append(dest.path)
    width = max(len(t.table) for t in report.tables)
    print(f"{say('table'):<{width}}  {say('source'):>10}  {say('copied'):>10}")
    for t in report.tables:
        print(f"{t.table:<{width}}  {t.source:>10}  {t.dest:>10}")
    print(
        say(
            "counts match: {records} records in {tables} tables",
            records=report.records,
            tables=len(report.tables),
        )
    )
    return OK
