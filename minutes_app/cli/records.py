"""Subcommands that read and change records: conferences, tasks, task actions,
the period report, search."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence

from minutes_app.base.text import display_width, fitted, nfc
from minutes_app.cli.common import OK, Refused, day, dump, open_db
from minutes_app.cli.words import say, stale_words

_SESSIONS = ("morning", "afternoon", "evening")  # the draft's and the list's "session"


def cmd_conferences(args: argparse.Namespace) -> int:
    from minutes_app.core.conferences.listing import list_conferences

    db = open_db(args)
    try:
        rows = list_conferences(db)
    finally:
        db.close()
    if args.json:
        sys.stdout.write(dump([r.to_json() for r in rows]))
        return OK
    sessions = {name: say(name) for name in _SESSIONS}
    session_width = max(map(display_width, sessions.values()))
    for r in rows:
        session = fitted(sessions.get(r.session or "", ""), session_width)
        print(f"{r.id:>5}  {r.date:%d/%m/%Y} {session}  {one_line(r.title)}")
        facts = say(
            "chair: {chairs}; bridge points: {points}; documents: {documents}; tasks: {tasks}",
            chairs=", ".join(r.chairs) or "—",
            points=len(r.bridge_points),
            documents=len(r.documents),
            tasks=r.tasks,
        )
        print(f"       {one_line(facts)}")
    if not rows:
        print(say("No conferences recorded yet."))
    return OK


# The words of each tracking class: in a task's line, and as a column of the report.
_CLASS_WORDS = {
    "done_on_time": "done on time",
    "done_late": "done late",
    "in_progress": "in progress",
    "overdue": "OVERDUE",
    "ongoing": "ongoing",
    "cancelled": "cancelled",
}


_REPORT_WORDS = {
    "done_on_time": "on time",
    "done_late": "late",
    "in_progress": "in progress",
    "overdue": "overdue",
    "ongoing": "ongoing",
    "cancelled": "cancelled",
}


_TASK_COLUMNS = ("ID", "Class", "Days late", "Deadline", "Lead unit", "Task")


UNIT_COLUMN = 36


def one_line(text: str) -> str:
    """``text`` on one line, in NFC: a title typed over several lines keeps the table's."""
    return " ".join(nfc(text).split())


def _table(rows: Sequence[Sequence[str]], right: Sequence[bool], widest: Sequence[int]) -> None:
    """Print ``rows`` (the first is the header) in columns two spaces apart, each as wide
    as its widest cell by display width (a combining tone mark takes no column) but at most
    ``widest`` (0: no limit); the last column is not padded on the right."""
    widths = [
        min(max(display_width(row[i]) for row in rows), limit or sys.maxsize)
        for i, limit in enumerate(widest)
    ]
    last = len(widths) - 1
    for row in rows:
        cells = [
            fitted(cell, widths[i], right=right[i]) if i < last or right[i] else cell
            for i, cell in enumerate(row)
        ]
        print("  ".join(cells).rstrip())


def cmd_tasks(args: argparse.Namespace) -> int:
    from minutes_app.core.tasks.rows import by_urgency, classified_tasks

    as_of = args.as_of or dt.date.today()
    db = open_db(args)
    try:
        rows = classified_tasks(db, as_of, classes=args.classes or (), unit=args.unit)
    finally:
        db.close()
    if args.json:  # in id order, as the contract's list has always been
        sys.stdout.write(dump([r.to_json() for r in rows]))
        return OK
    print(say("Tasks as of {day}: {count}", day=day(as_of), count=len(rows)))
    if not rows:
        return OK
    header = [say(word) for word in _TASK_COLUMNS]
    lines = [
        [
            str(r.id),
            say(_CLASS_WORDS[r.tracking]),
            str((as_of - r.deadline).days) if r.tracking == "overdue" and r.deadline else "",
            day(r.deadline),
            one_line(r.lead_unit),
            one_line(r.title),
        ]
        for r in by_urgency(rows)
    ]
    _table(
        [header, *lines],
        right=(True, False, True, False, False, False),
        widest=(0, 0, 0, 0, UNIT_COLUMN, 0),
    )
    return OK


# Why a task action was refused (TaskActionError.code), in plain words (see ``say``).
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


def cmd_task(args: argparse.Namespace) -> int:
    """One action on one task, recorded in its history exactly as the window records it."""
    from minutes_app.base.text import clean
    from minutes_app.core.tasks import actions as task_actions
    from minutes_app.core.tasks.actions import TaskActionError
    from minutes_app.core.tasks.rows import task_row
    from minutes_app.db.versions import RecordGone, StaleRecord

    read = None if args.if_version is None else {args.task_id: args.if_version}
    ids = [args.task_id]
    db = open_db(args)
    by = db.user
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
            raise Refused(stale_words(exc)) from exc
        except TaskActionError as exc:
            reason = say(_ACTION_REFUSALS[exc.code]) if exc.code in _ACTION_REFUSALS else exc.code
            raise Refused(
                say("task {id}: {reason}; nothing was written", id=args.task_id, reason=reason)
            ) from exc
        row = task_row(db, args.task_id, dt.date.today())
    finally:
        db.close()
    assert row is not None
    if args.json:
        sys.stdout.write(dump(row.to_json()))
    else:
        print(
            say(
                "task {id} (version {version}): {state}, deadline {deadline}, {unit}: {title}",
                id=row.id,
                version=row.version,
                state=say(_CLASS_WORDS[row.tracking]),
                deadline=day(row.deadline),
                unit=one_line(row.lead_unit),
                title=one_line(row.title),
            )
        )
    return OK


def cmd_report(args: argparse.Namespace) -> int:
    from minutes_app.core.tasks.rows import period_report
    from minutes_app.core.tasks.tracking import CLASSES

    if args.start > args.end:
        raise Refused(say("--from: after --to"))
    db = open_db(args)
    try:
        report = period_report(db, args.start, args.end, args.as_of)
    finally:
        db.close()
    if args.json:
        sys.stdout.write(dump(report.to_json()))
        return OK
    print(
        say(
            "Tasks assigned from {start} to {end}, as of {as_of}",
            start=day(report.start),
            end=day(report.end),
            as_of=day(report.as_of),
        )
    )
    header = [say("Lead unit"), *(say(_REPORT_WORDS[c]) for c in CLASSES)]
    lines = [[one_line(u.unit), *(str(u.counts[c]) for c in CLASSES)] for u in report.units]
    lines.append([say("Total"), *(str(report.total[c]) for c in CLASSES)])
    _table(
        [header, *lines],
        right=(False, *(True for _ in CLASSES)),
        widest=(UNIT_COLUMN, *(0 for _ in CLASSES)),
    )
    rate = report.on_time_rate
    print(
        say("Done on time: {rate}", rate=f"{rate:.0%}")
        if rate is not None
        else say("Done on time: no task finished yet")
    )
    return OK


_KIND_WORDS = {
    "conference": "Conferences",
    "document": "Documents",
    "task": "Tasks",
    "person": "People",
    "unit": "Units",
}


def cmd_search(args: argparse.Namespace) -> int:
    from minutes_app.core.search import KINDS, search

    db = open_db(args)
    try:
        hits = search(db, args.query)
    finally:
        db.close()
    if args.json:
        sys.stdout.write(dump([h.to_json() for h in hits]))
        return OK
    if not hits:
        print(say("Nothing found."))
    for kind in KINDS:
        group = [h for h in hits if h.type == kind]
        if group:
            shown = f"{len(group)}/{hits.total_text(kind)}"
            count = shown if len(group) < hits.total(kind) else len(group)
            print(f"{say(_KIND_WORDS[kind])} ({count})")
        for hit in group:
            print(f"  {hit.id:>6}  {one_line(hit.label)}")
            if hit.snippet:
                print(f"          {one_line(hit.snippet)}")
    return OK


def cmd_history(args: argparse.Namespace) -> int:
    """The change log of a task, a conference, or everything since a moment."""
    from minutes_app.core.history import Filter, NothingToShow, history

    which = Filter(task=args.task, conference=args.conference, since=args.since)
    db = open_db(args)
    try:
        try:
            entries = history(db, which)
        except NothingToShow as exc:
            kind, number = exc.args
            raise Refused(say("there is no {kind} {id}", kind=kind, id=number)) from exc
    finally:
        db.close()
    if args.json:
        sys.stdout.write(dump([entry.to_json() for entry in entries]))
        return OK
    for entry in entries:
        what = f"{entry.entity} {entry.record_id if entry.record_id is not None else ''}"
        print(
            f"{entry.at:%Y-%m-%d %H:%M:%S}  {entry.user or '?'}  {entry.action} "
            f"{what.strip()}: {one_line(entry.label or '')}"
        )
        for field, (old, new) in entry.changes.items():
            print(f"    {field}: {_shown(old)} → {_shown(new)}")
    if not entries:
        print(say("No changes recorded."))
    return OK


def _shown(value: object) -> str:
    return "—" if value is None else one_line(str(value))
