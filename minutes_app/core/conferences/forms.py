"""A conference as the editor holds it: plain, immutable values that compare equal when
unchanged, and the kinds of conference offered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

KINDS = (
    "quán triệt, triển khai văn bản",
    "giao ban",
    "sơ kết",
    "tổng kết",
    "chuyên đề",
)


@dataclass(frozen=True)
class PersonRef:
    """A person as the editor names them: an existing row, or a name to create."""

    name: str
    id: int | None = None


@dataclass(frozen=True)
class AppearanceForm:
    person: PersonRef
    title: str | None = None


@dataclass(frozen=True)
class AbsenceForm:
    """An expected participant who did not attend, and why (vắng mặt, lý do)."""

    person: PersonRef
    title: str | None = None
    reason: str | None = None


PAPER_KINDS = ("minutes", "notice")
PAPER_CODES = {"minutes": "BB", "notice": "TB"}  # biên bản, thông báo: "12-BB/BTCTU"


@dataclass(frozen=True)
class PaperForm:
    """A paper issued from the conference: its kind, registered number and date of issue;
    who signs it and with what authority when recorded with it (FORMAT.md Paper)."""

    kind: str
    number: str
    issued_on: dt.date | None = None
    signer: AppearanceForm | None = None
    authority: str | None = None
    # Issued from signed-off minutes: when they were signed off (kept by saving).
    signed_off_at: dt.datetime | None = None


@dataclass(frozen=True)
class BridgePointForm:
    name: str
    unit: str | None = None
    presiding: tuple[AppearanceForm, ...] = ()
    attendees: tuple[AppearanceForm, ...] = ()
    attendee_count: int | None = None


@dataclass(frozen=True)
class DocumentForm:
    """A catalogue document; ``id`` is None for one added inline from the editor."""

    kind: str
    number: str
    symbol: str | None = None
    issued_on: dt.date | None = None
    issuer: str | None = None
    subject: str | None = None
    id: int | None = None

    def label(self) -> str:
        head = self.symbol or self.number
        when = f" ngày {self.issued_on:%d/%m/%Y}" if self.issued_on else ""
        return f"{self.kind} {head}{when}"


@dataclass(frozen=True)
class StudiedForm:
    document: DocumentForm
    presenter: AppearanceForm | None = None


@dataclass(frozen=True)
class InstructionForm:
    text: str
    speaker: AppearanceForm | None = None
    id: int | None = None  # kept so that the tasks of an instruction survive edits
    task_count: int = 0


@dataclass(frozen=True)
class InstructionStamp:
    """An instruction as the editor read it: its version and its tasks' versions. A save
    removes an instruction, and its tasks, only if none of them changed since."""

    id: int
    version: int
    tasks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class ConferenceForm:
    """Everything the editor shows, as immutable values that compare equal when unchanged.

    ``version`` and ``read_instructions`` say what the form was read from: a save is
    refused when the stored conference changed since (db/versions.py)."""

    title: str = ""
    kind: str | None = None
    mode: str = "online"
    organizer: str | None = None
    date: dt.date | None = None
    session: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    host_point: str | None = None
    secretary: AppearanceForm | None = None
    chairs: tuple[AppearanceForm, ...] = ()
    bridge_points: tuple[BridgePointForm, ...] = ()
    absent: tuple[AbsenceForm, ...] = ()
    documents: tuple[StudiedForm, ...] = ()
    discussion: str | None = None
    instructions: tuple[InstructionForm, ...] = ()
    notes: str | None = None
    papers: tuple[PaperForm, ...] = ()
    id: int | None = None
    version: int | None = None
    read_instructions: tuple[InstructionStamp, ...] = ()
