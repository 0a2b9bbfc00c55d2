"""Telling the clerk, in plain words, that someone else changed or deleted a record first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from minutes_app.ui.widgets.common import inform

if TYPE_CHECKING:
    # SQLAlchemy comes with them: loaded when a conflict is first told, not with the
    # window (issue 7: startup budget).
    from minutes_app.db.versions import RecordGone, StaleRecord

_CONTEXT = "Conflicts"

# ``%1``: the record's id.
_RECORDS = {
    "conference": QT_TRANSLATE_NOOP("Conflicts", "This conference"),
    "instruction": QT_TRANSLATE_NOOP("Conflicts", "A closing instruction of this conference"),
    "task": QT_TRANSLATE_NOOP("Conflicts", "Task %1"),
}


_TRASHED = QT_TRANSLATE_NOOP(
    "Conflicts", "%1 was moved to the trash by someone else. Nothing was saved."
)
_DELETED = QT_TRANSLATE_NOOP("Conflicts", "%1 was deleted by someone else. Nothing was saved.")
_CHANGED_AT = QT_TRANSLATE_NOOP(
    "Conflicts", "%1 was changed by %2 at %3, after you opened it. Nothing was saved."
)
_CHANGED = QT_TRANSLATE_NOOP(
    "Conflicts", "%1 was changed by %2 after you opened it. Nothing was saved."
)
_SOMEONE = QT_TRANSLATE_NOOP("Conflicts", "another copy of the program")


def _tr(text: object) -> str:
    return QCoreApplication.translate(_CONTEXT, str(text))


def _record(entity: str, record_id: int) -> str:
    return _tr(_RECORDS.get(entity, _RECORDS["task"])).replace("%1", str(record_id))


def conflict_text(error: StaleRecord | RecordGone) -> str:
    """What happened, who did it and when; the caller adds what was kept."""
    from minutes_app.db.versions import RecordGone

    record = _record(error.entity, error.record_id)
    if isinstance(error, RecordGone):
        return _tr(_TRASHED if error.trashed else _DELETED).replace("%1", record)
    who = error.by or _tr(_SOMEONE)
    if error.at is not None:
        when = error.at.strftime("%H:%M %d/%m/%Y")
        text = _tr(_CHANGED_AT).replace("%3", when)
    else:
        text = _tr(_CHANGED)
    return text.replace("%1", record).replace("%2", who)


def tell_conflict(parent: QWidget | None, error: Exception, title: str, kept: str = "") -> None:
    """Say that someone else changed or deleted a record first (``StaleRecord``,
    ``RecordGone``), and what of the clerk's work is kept (``kept``)."""
    from minutes_app.db.versions import RecordGone, StaleRecord

    assert isinstance(error, StaleRecord | RecordGone), error
    text = conflict_text(error)
    inform(parent, title, f"{text}\n\n{kept}" if kept else text, error=True)
