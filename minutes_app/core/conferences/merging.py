"""The three-way merge of a clerk's unsaved form with a conference someone else saved
meanwhile."""

from __future__ import annotations

from dataclasses import dataclass, replace

from minutes_app.core.conferences.forms import ConferenceForm

# The parts of a form that a clerk edits, each merged whole (a list of bridge points is one).
MERGED_FIELDS = (
    "title",
    "kind",
    "mode",
    "organizer",
    "date",
    "session",
    "start_time",
    "end_time",
    "host_point",
    "secretary",
    "chairs",
    "bridge_points",
    "absent",
    "documents",
    "discussion",
    "instructions",
    "notes",
    "papers",
)


@dataclass(frozen=True)
class Merged:
    """``mine`` and ``theirs`` put together over ``base``: what each changed, and the parts
    both changed differently (``conflicts``, where ``mine`` is kept)."""

    form: ConferenceForm
    conflicts: tuple[str, ...]
    theirs_changed: tuple[str, ...]


def merge_forms(base: ConferenceForm, mine: ConferenceForm, theirs: ConferenceForm) -> Merged:
    """The clerk's unsaved form ``mine`` (edited from ``base``) over ``theirs``, the
    conference as someone else saved it since. A part only one side changed takes that
    side's value; a part both changed keeps the clerk's and is named in ``conflicts``. The
    result is read from ``theirs`` (its id and version), so that saving it applies the
    clerk's changes on top of theirs instead of over them."""
    values: dict[str, object] = {}
    conflicts: list[str] = []
    theirs_changed: list[str] = []
    for name in MERGED_FIELDS:
        b, m, t = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        if t != b:
            theirs_changed.append(name)
        if m == b:
            values[name] = t
        elif t == b or m == t:
            values[name] = m
        else:
            values[name] = m
            conflicts.append(name)
    if "instructions" in values and values["instructions"] is mine.instructions:
        # The clerk's instructions over theirs: task counts are as stored now.
        counts = {i.id: i.task_count for i in theirs.instructions if i.id is not None}
        values["instructions"] = tuple(
            replace(i, task_count=counts.get(i.id, i.task_count)) if i.id is not None else i
            for i in mine.instructions
        )
    form = replace(theirs, **values)  # type: ignore[arg-type]
    return Merged(form, tuple(conflicts), tuple(theirs_changed))
