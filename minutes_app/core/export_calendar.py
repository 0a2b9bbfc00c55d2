"""Task deadlines as an iCalendar file (RFC 5545) for Outlook, Google or Thunderbird.

One all-day event per deadline of an open task, with a display reminder some days
before. Written by hand: the format needs little (escaped text, lines folded at 75
octets, CRLF), and the app carries no iCalendar library at run time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from minutes_app.core.export_common import (
    Progress,
    report_progress,
    vn_date,
)
from minutes_app.core.export_tables import ExportedTask, TaskBatches, TaskSelection
from minutes_app.core.files import replacing
from minutes_app.core.tracking import IN_PROGRESS, OVERDUE
from minutes_app.db.engine import Database

PRODUCT_ID = "-//minutes-app//Hạn nhiệm vụ//VI"
UID_DOMAIN = "minutes-app"
DEFAULT_REMINDER_DAYS = 3
LINE_OCTETS = 75  # RFC 5545 3.1: lines longer than this are folded

# Open tasks with a deadline are the in-progress and overdue classes (FORMAT.md): the
# other classes are finished, cancelled, or have no deadline to put in a calendar.
OPEN_WITH_DEADLINE = frozenset({IN_PROGRESS, OVERDUE})


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold_line(line: str) -> bytes:
    """One content line as UTF-8 with its CRLF, folded so that no line exceeds 75 octets.

    A fold never splits a character: each piece ends before the octet that would not fit.
    """
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return data + b"\r\n"
    pieces = []
    start = 0
    limit = LINE_OCTETS  # the first line has no leading space
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation byte: step back to a whole char
            end -= 1
        pieces.append(data[start:end])
        start = end
        limit = LINE_OCTETS - 1  # continuation lines begin with one space
    pieces.append(data[start:])
    return b"\r\n ".join(pieces) + b"\r\n"


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _reminder(days: int) -> str:
    """The TRIGGER duration: ``days`` before the start of the deadline day."""
    return f"-P{days}D" if days else "PT0S"


def event_lines(task: ExportedTask, stamp: dt.datetime, reminder_days: int | None) -> Iterator[str]:
    """The content lines of one task's VEVENT; none for a task without a deadline."""
    if task.deadline is None:
        return
    description = [f"Đơn vị chủ trì: {task.lead_unit}"]
    if task.support_units:
        description.append(f"Đơn vị phối hợp: {'; '.join(task.support_units)}")
    if task.owner:
        description.append(f"Người theo dõi: {task.owner}")
    description.append(f"Hội nghị: {task.conference} ({vn_date(task.conference_date)})")
    description.append(f"Giao ngày: {vn_date(task.assigned_on)}")
    summary = f"Hạn nhiệm vụ: {task.title}"
    yield "BEGIN:VEVENT"
    yield f"UID:task-{task.id}@{UID_DOMAIN}"
    yield f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}"
    yield f"DTSTART;VALUE=DATE:{_date(task.deadline)}"
    yield f"DTEND;VALUE=DATE:{_date(task.deadline + dt.timedelta(days=1))}"
    # Each extension moves the deadline: a higher sequence tells a calendar that already
    # holds the event to take the new date.
    yield f"SEQUENCE:{len(task.extensions)}"
    yield f"SUMMARY:{escape_text(summary)}"
    yield f"DESCRIPTION:{escape_text(chr(10).join(description))}"
    yield f"CATEGORIES:{escape_text(task.lead_unit)}"
    yield "TRANSP:TRANSPARENT"  # a deadline does not make anyone busy
    if reminder_days is not None:
        yield "BEGIN:VALARM"
        yield "ACTION:DISPLAY"
        yield f"DESCRIPTION:{escape_text(summary)}"
        yield f"TRIGGER:{_reminder(reminder_days)}"
        yield "END:VALARM"
    yield "END:VEVENT"


def _calendar_head(as_of: dt.date) -> Iterable[str]:
    return (
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(f'Hạn nhiệm vụ (đến {vn_date(as_of)})')}",
    )


def export_calendar(
    db: Database,
    target: Path,
    *,
    as_of: dt.date | None = None,
    unit: str | None = None,
    conference_id: int | None = None,
    reminder_days: int | None = DEFAULT_REMINDER_DAYS,
    progress: Progress | None = None,
    stamp: dt.datetime | None = None,
) -> int:
    """Write the deadlines of the open tasks to the .ics ``target``; returns the events.

    Open on ``as_of`` (default today): in progress or overdue, by FORMAT.md's rules.
    ``unit`` keeps the tasks of one lead unit, blind to accents, as ``tasks --unit`` does;
    ``conference_id`` those of one conference. Each event reminds ``reminder_days`` before
    the deadline (``None``: no reminder). ``stamp`` is the DTSTAMP, by default now (UTC).
    """
    if reminder_days is not None and reminder_days < 0:
        raise ValueError("reminder_days must not be negative")
    as_of = as_of or dt.date.today()
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    batches = TaskBatches(db, TaskSelection(as_of, OPEN_WITH_DEADLINE, unit, conference_id))
    report_progress(progress, 0, batches.total)
    done = events = 0
    with replacing(target) as temp, temp.open("wb") as out:
        out.write(b"".join(fold_line(line) for line in _calendar_head(as_of)))
        for batch in batches:
            out.write(
                b"".join(
                    fold_line(line)
                    for task in batch
                    for line in event_lines(task, stamp, reminder_days)
                )
            )
            events += sum(1 for task in batch if task.deadline is not None)
            done += len(batch)
            report_progress(progress, done, batches.total)
        out.write(fold_line("END:VCALENDAR"))
    return events
