"""Task deadlines as an iCalendar file (RFC 5545) for Outlook, Google or Thunderbird.

One all-day event per deadline of an open task, with a display reminder some days
before. The ``icalendar`` library writes each event (escaped text, lines folded at 75
octets between characters, CRLF); the events are written one batch at a time between
the calendar's head and its end, so a large export never holds them all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from minutes_app.base.days import vn_date
from minutes_app.base.files import replacing
from minutes_app.base.progress import Progress, report_progress
from minutes_app.core.tasks.batches import ExportedTask, TaskBatches, TaskSelection
from minutes_app.core.tasks.tracking import IN_PROGRESS, OVERDUE
from minutes_app.db.engine import Database

PRODUCT_ID = "-//minutes-app//Hạn nhiệm vụ//VI"
UID_DOMAIN = "minutes-app"
DEFAULT_REMINDER_DAYS = 3
_END = b"END:VCALENDAR\r\n"

# Open tasks with a deadline are the in-progress and overdue classes (FORMAT.md): the
# other classes are finished, cancelled, or have no deadline to put in a calendar.
OPEN_WITH_DEADLINE = frozenset({IN_PROGRESS, OVERDUE})


def event_uid(task: ExportedTask) -> str:
    """The event's UID: from the task's ``uid`` (FORMAT.md), which it keeps in every file
    it travels to, so that a calendar fed from another copy of the data updates the same
    events. Only a task stored without a uid (by a tool other than this program) falls
    back to its row id, which holds within this file only."""
    if task.uid:
        return f"task-{task.uid}@{UID_DOMAIN}"
    return f"task-row-{task.id}@{UID_DOMAIN}"


def task_event(task: ExportedTask, stamp: dt.datetime, reminder_days: int | None) -> Event:
    """The all-day VEVENT of ``task``'s deadline, which it must have."""
    assert task.deadline is not None
    description = [f"Đơn vị chủ trì: {task.lead_unit}"]
    if task.support_units:
        description.append(f"Đơn vị phối hợp: {'; '.join(task.support_units)}")
    if task.owner:
        description.append(f"Người theo dõi: {task.owner}")
    description.append(f"Hội nghị: {task.conference} ({vn_date(task.conference_date)})")
    description.append(f"Giao ngày: {vn_date(task.assigned_on)}")
    summary = f"Hạn nhiệm vụ: {task.title}"
    event = Event()
    event.add("uid", event_uid(task))
    event.add("dtstamp", stamp)
    event.add("dtstart", task.deadline)  # a date: an all-day event
    event.add("dtend", task.deadline + dt.timedelta(days=1))
    # Each extension moves the deadline: a higher sequence tells a calendar that already
    # holds the event to take the new date.
    event.add("sequence", len(task.extensions))
    event.add("summary", summary)
    event.add("description", "\n".join(description))
    event.add("categories", [task.lead_unit])
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    if reminder_days is not None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        # Before the start of the deadline day.
        alarm.add("trigger", -dt.timedelta(days=reminder_days))
        event.add_component(alarm)
    return event


def _ical(event: Event) -> bytes:
    # Properties in the order added (UID first): a tenth faster than sorted by name.
    return event.to_ical(sorted=False)


def _calendar_head(as_of: dt.date) -> bytes:
    """The calendar with its properties, up to where its events go."""
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Hạn nhiệm vụ (đến {vn_date(as_of)})")
    whole = calendar.to_ical(sorted=False)
    assert whole.endswith(_END)
    return whole[: -len(_END)]


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
        out.write(_calendar_head(as_of))
        for batch in batches:
            dated = [task for task in batch if task.deadline is not None]
            out.write(b"".join(_ical(task_event(task, stamp, reminder_days)) for task in dated))
            events += len(dated)
            done += len(batch)
            report_progress(progress, done, batches.total)
        out.write(_END)
    return events
