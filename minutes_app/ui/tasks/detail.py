"""The detail pane of a task: its fields, then its history as a timeline."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from minutes_app.base.days import vn_date
from minutes_app.core.tasks.rows import TaskCard
from minutes_app.core.tasks.tracking import deadline_on, tracking_class
from minutes_app.ui.tasks.style import class_color, class_name, display_class

_EVENTS = {
    "created": str(QT_TRANSLATE_NOOP("TaskDetail", "Task assigned")),
    "progress": str(QT_TRANSLATE_NOOP("TaskDetail", "Progress")),
    "deadline_changed": str(QT_TRANSLATE_NOOP("TaskDetail", "Deadline extended")),
    "completed": str(QT_TRANSLATE_NOOP("TaskDetail", "Marked as done")),
    "reopened": str(QT_TRANSLATE_NOOP("TaskDetail", "Reopened")),
    "cancelled": str(QT_TRANSLATE_NOOP("TaskDetail", "Cancelled")),
    "note": str(QT_TRANSLATE_NOOP("TaskDetail", "Note")),
}


HISTORY = str(QT_TRANSLATE_NOOP("TaskDetail", "History"))
NO_HISTORY = str(QT_TRANSLATE_NOOP("TaskDetail", "No history recorded."))
NO_DEADLINE = str(QT_TRANSLATE_NOOP("TaskDetail", "none (ongoing task)"))
ENTERED = str(QT_TRANSLATE_NOOP("TaskDetail", "Entered %1"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("TaskDetail", text)


def _day(value: dt.date | None) -> str:
    return vn_date(value) or "—"


def task_detail_html(card: TaskCard, as_of: dt.date) -> str:
    """The pane's text of a task's card (read by ``core.tasks.rows.task_card``)."""
    state = card.state()
    tracking = tracking_class(state, as_of) or "in_progress"
    shown = display_class(tracking, deadline_on(state, as_of), as_of)
    rows = [
        (
            str(QT_TRANSLATE_NOOP("TaskDetail", "Conference")),
            f"{_day(card.conference_date)} — {card.conference}",
        ),
        (str(QT_TRANSLATE_NOOP("TaskDetail", "Instruction")), card.instruction),
        (str(QT_TRANSLATE_NOOP("TaskDetail", "Lead unit")), card.lead_unit),
        (
            str(QT_TRANSLATE_NOOP("TaskDetail", "Supporting units")),
            ", ".join(card.support_units) or "—",
        ),
        (str(QT_TRANSLATE_NOOP("TaskDetail", "Follow-up by")), card.owner or "—"),
        (str(QT_TRANSLATE_NOOP("TaskDetail", "Assigned")), _day(card.assigned_on)),
        (
            str(QT_TRANSLATE_NOOP("TaskDetail", "Deadline")),
            _day(card.deadline)
            if card.deadline
            else _tr(str(QT_TRANSLATE_NOOP("TaskDetail", "none (ongoing task)"))),
        ),
        (str(QT_TRANSLATE_NOOP("TaskDetail", "Completed")), _day(card.completed_on)),
        (str(QT_TRANSLATE_NOOP("TaskDetail", "Result")), card.result or "—"),
    ]
    color = class_color(shown).name()
    parts = [
        f"<h3>{escape(card.title)}</h3>",
        f"<p><b style='color:{color}'>{escape(class_name(shown))}</b></p>",
        "<table cellspacing='2'>",
        *(
            f"<tr><td><i>{escape(_tr(label))}</i></td><td>{escape(value)}</td></tr>"
            for label, value in rows
        ),
        "</table>",
    ]
    if card.detail:
        parts.append(f"<p>{escape(card.detail)}</p>")
    parts.append(f"<h4>{escape(_tr(HISTORY))}</h4><ul>")
    for entry in card.history:
        event = escape(_tr(_EVENTS.get(entry.kind, entry.kind)))
        if entry.day != entry.at.date():  # a task typed in after the day it was assigned
            entered = _tr(ENTERED).replace("%1", f"{entry.at:%d/%m/%Y %H:%M}")
            text = f"<b>{entry.day:%d/%m/%Y}</b> — {event}. {escape(entered)}"
        else:
            text = f"<b>{entry.at:%d/%m/%Y %H:%M}</b> — {event}"
        if entry.kind == "deadline_changed":
            text += f": {_day(entry.old_deadline)} → {_day(entry.new_deadline)}"
        if entry.note:
            text += f". {escape(entry.note)}"
        if entry.by:
            text += f" ({escape(entry.by)})"
        parts.append(f"<li>{text}</li>")
    if not card.history:
        parts.append(f"<li>{escape(_tr(NO_HISTORY))}</li>")
    parts.append("</ul>")
    return "\n".join(parts)
