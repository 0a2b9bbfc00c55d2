"""What keeps a conference form from being saved: each problem, named by field and code."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from minutes_app.base.limits import MAX_COUNT, MAX_TEXT, day_in_range, too_long
from minutes_app.base.text import clean
from minutes_app.core.conferences.forms import PAPER_KINDS, AppearanceForm, ConferenceForm
from minutes_app.db.models import MODES, SESSIONS

_HHMM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


@dataclass(frozen=True)
class Problem:
    """One thing that keeps the form from being saved.

    ``where`` names the field ("title", "chairs[0].person", …); ``code`` says what is
    wrong, for the window to put into words: required, too_long, bad_time, time_order,
    bad_mode, bad_session, duplicate, negative, out_of_range, bad_kind.
    """

    where: str
    code: str


def check(form: ConferenceForm) -> list[Problem]:
    """Every problem of ``form``, in the order the fields appear on screen.

    Every text is held to ``base.limits.MAX_TEXT``, the limit the importer applies too.
    """
    problems: list[Problem] = []

    def need(value: str | None, where: str) -> None:
        if clean(value) is None:  # as it would be stored: blank after cleaning is empty
            problems.append(Problem(where, "required"))
        else:
            within(value, where)

    def within(value: str | None, where: str) -> None:
        if too_long(clean(value), MAX_TEXT):
            problems.append(Problem(where, "too_long"))

    def appearance(value: AppearanceForm | None, where: str, named: bool = True) -> None:
        """A person and their title; ``named``: the name is required (a chair's, not a
        secretary's, a presenter's or a speaker's, which the editor leaves out when blank)."""
        if value is not None:
            (need if named else within)(value.person.name, f"{where}.person")
            within(value.title, f"{where}.title")

    need(form.title, "title")
    within(form.kind, "kind")
    within(form.organizer, "organizer")
    if form.mode not in MODES:
        problems.append(Problem("mode", "bad_mode"))
    if form.date is None:
        problems.append(Problem("date", "required"))
    elif not day_in_range(form.date):
        problems.append(Problem("date", "out_of_range"))
    if form.session is not None and form.session not in SESSIONS:
        problems.append(Problem("session", "bad_session"))
    for name in ("start_time", "end_time"):
        value = getattr(form, name)
        if value is not None and not _HHMM.fullmatch(value):
            problems.append(Problem(name, "bad_time"))
    if (
        form.start_time
        and form.end_time
        and _HHMM.fullmatch(form.start_time)
        and _HHMM.fullmatch(form.end_time)
        and form.end_time < form.start_time
    ):
        problems.append(Problem("end_time", "time_order"))
    within(form.host_point, "host_point")
    appearance(form.secretary, "secretary", named=False)
    for name in ("discussion", "notes"):
        within(getattr(form, name), name)
    seen: set[str] = set()
    for i, chair in enumerate(form.chairs):
        appearance(chair, f"chairs[{i}]")
        # Compared as stored (NFC): two spellings of one name resolve to one person.
        name = clean(chair.person.name) or ""
        if name in seen:
            problems.append(Problem(f"chairs[{i}].person", "duplicate"))
        seen.add(name)
    for i, point in enumerate(form.bridge_points):
        need(point.name, f"bridge_points[{i}].name")
        within(point.unit, f"bridge_points[{i}].unit")
        if point.attendee_count is not None and point.attendee_count < 0:
            problems.append(Problem(f"bridge_points[{i}].attendee_count", "negative"))
        elif point.attendee_count is not None and point.attendee_count > MAX_COUNT:
            problems.append(Problem(f"bridge_points[{i}].attendee_count", "out_of_range"))
        for role, people in (("presiding", point.presiding), ("attendees", point.attendees)):
            for j, person in enumerate(people):
                appearance(person, f"bridge_points[{i}].{role}[{j}]")
    identities: set[tuple[str, dt.date | None]] = set()
    for i, studied in enumerate(form.documents):
        doc = studied.document
        need(doc.kind, f"documents[{i}].kind")
        need(doc.number, f"documents[{i}].number")
        for name in ("symbol", "issuer", "subject"):
            within(getattr(doc, name), f"documents[{i}].{name}")
        appearance(studied.presenter, f"documents[{i}].presenter", named=False)
        identity = (clean(doc.symbol) or clean(doc.number) or "", doc.issued_on)
        if identity in identities:
            problems.append(Problem(f"documents[{i}]", "duplicate"))
        identities.add(identity)
    for i, instruction in enumerate(form.instructions):
        need(instruction.text, f"instructions[{i}].text")
        appearance(instruction.speaker, f"instructions[{i}].speaker", named=False)
    absent: set[str] = set()
    for i, absence in enumerate(form.absent):
        appearance(AppearanceForm(absence.person, absence.title), f"absent[{i}]")
        within(absence.reason, f"absent[{i}].reason")
        name = clean(absence.person.name) or ""
        if name and name in absent:
            problems.append(Problem(f"absent[{i}].person", "duplicate"))
        absent.add(name)
    numbers: set[tuple[str, str]] = set()
    for i, paper in enumerate(form.papers):
        if paper.kind not in PAPER_KINDS:
            problems.append(Problem(f"papers[{i}].kind", "bad_kind"))
        need(paper.number, f"papers[{i}].number")
        if paper.issued_on is None:
            problems.append(Problem(f"papers[{i}].issued_on", "required"))
        elif not day_in_range(paper.issued_on):
            problems.append(Problem(f"papers[{i}].issued_on", "out_of_range"))
        appearance(paper.signer, f"papers[{i}].signer", named=False)
        within(paper.authority, f"papers[{i}].authority")
        number = (paper.kind, clean(paper.number) or "")
        if number[1] and number in numbers:
            problems.append(Problem(f"papers[{i}].number", "duplicate"))
        numbers.add(number)
    return problems
