"""The office whose documents these are: names, place and signers printed on exports.

They are kept in the database beside the records (key/value rows of ``setting``), so the
window, the command line and every copy of the file print the same heading. Who signs
each kind of paper, and how (``core.paperwork.signing``), is part of them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from sqlalchemy import delete, select

from minutes_app.base.text import clean
from minutes_app.core.paperwork.signing import (
    CHAIR,
    DEPUTY,
    PAPER_KINDS,
    SignerLines,
    default_way,
    problem,
    problem_words,
    signer_lines,
    way_of_authority,
)
from minutes_app.db.engine import Database
from minutes_app.db.models import Setting
from minutes_app.formats.document import Signature

_PREFIX = "office."


@dataclass(frozen=True)
class Office:
    """What a Party office prints at the top and bottom of its documents."""

    superior_body: str = "TỈNH ỦY"  # tên cơ quan cấp trên, top left, first line
    office_name: str = "BAN TỔ CHỨC"  # tên cơ quan ban hành, top left, bold
    symbol: str = "BTCTU"  # after the dash in "Số 12-BB/BTCTU"
    place: str = ""  # địa danh in "…, ngày … tháng … năm …"
    secretary: str = ""  # default clerk who signs the minutes
    # Per kind of paper: the way of signing (signing.CHAIR, OWN, DEPUTY, ON_BEHALF,
    # AUTHORISED), the signer's post (empty: the usual one for the way) and name.
    minutes_signing: str = CHAIR
    minutes_signer_post: str = ""
    minutes_signer: str = ""
    notice_signing: str = DEPUTY
    notice_signer_post: str = ""
    notice_signer: str = ""
    report_signing: str = DEPUTY
    report_signer_post: str = ""
    report_signer: str = ""

    def signing(self, kind: str) -> str:
        """The way a paper of ``kind`` (minutes, notice, report) is signed."""
        return str(getattr(self, f"{kind}_signing"))

    def signer_lines(self, kind: str) -> SignerLines:
        """Authority line, post and name of the signer of a paper of ``kind``."""
        return signer_lines(
            self.office_name,
            self.signing(kind),
            getattr(self, f"{kind}_signer_post"),
            getattr(self, f"{kind}_signer"),
        )

    def signing_problems(self) -> list[tuple[str, str]]:
        """(kind of paper, signing.PROBLEMS code) for each way of signing HD 36 does not
        allow under this office's heading."""
        found = [(kind, problem(self.office_name, self.signing(kind))) for kind in PAPER_KINDS]
        return [(kind, code) for kind, code in found if code is not None]

    def problems(self) -> list[str]:
        """What is missing or wrong for a document to carry a proper heading and signer."""
        missing: list[str] = []
        if not self.symbol:
            missing.insert(0, "The office symbol is empty.")
        if not self.office_name:  # the ways of signing are judged by the office's name
            return ["The office name is empty.", *missing]
        for kind, code in self.signing_problems():
            missing.append(f"{kind.capitalize()}: {problem_words(code, self.office_name)}")
        return missing


FIELDS = tuple(f.name for f in fields(Office))
# Kept before the ways of signing existed (one signer for notices and reports): read once
# into the fields above, and removed when the office is saved again.
_OLD_KEYS = ("notice_authority", "notice_signer_title")


def _mapped(saved: dict[str, str]) -> dict[str, str]:
    """``saved`` with the old signer keys turned into the ways of signing of the notice and
    the report. An old way HD 36 does not allow under the heading (the "T/L BAN THƯỜNG
    VỤ / CHÁNH VĂN PHÒNG" once preset under any heading) gives way to the usual one for the
    heading, with no name (it was someone else's)."""
    if not any(key in saved for key in _OLD_KEYS) or "notice_signing" in saved:
        return saved
    office_name = saved.get("office_name", Office.office_name)
    way = way_of_authority(saved.get("notice_authority", ""))
    post = saved.get("notice_signer_title", "")
    name = saved.get("notice_signer", "")
    if problem(office_name, way) is not None:
        way, post, name = default_way(office_name), "", ""
    mapped = dict(saved)
    for kind in ("notice", "report"):
        mapped.setdefault(f"{kind}_signing", way)
        mapped.setdefault(f"{kind}_signer_post", post)
        mapped.setdefault(f"{kind}_signer", name)
    mapped["notice_signer"] = name
    return mapped


# What loading the sample data once wrote into an office never set (the samples' province):
# not the clerk's office, so read as never set.
_WRITTEN_BY_SAMPLES = {
    "superior_body": "TỈNH ỦY BẮC KẠN",
    "office_name": "BAN TỔ CHỨC",
    "symbol": "BTCTU",
    "place": "Bắc Kạn",
    "secretary": "",
    "notice_authority": "T/L BAN THƯỜNG VỤ",
    "notice_signer_title": "CHÁNH VĂN PHÒNG",
    "notice_signer": "",
}


def _saved(db: Database) -> dict[str, str]:
    """The office settings stored, by field name; empty when the clerk never set them."""
    with db.reading() as session:
        rows = session.execute(
            select(Setting.key, Setting.value).where(Setting.key.like(f"{_PREFIX}%"))
        ).all()
    saved = {key.removeprefix(_PREFIX): value for key, value in rows}
    return {} if saved == _WRITTEN_BY_SAMPLES else saved


def load_office(db: Database) -> Office:
    """The saved settings, with defaults for those never saved."""
    saved = _mapped(_saved(db))
    return replace(Office(), **{k: v for k, v in saved.items() if k in FIELDS})


def office_is_set(db: Database) -> bool:
    """Whether the clerk ever saved the office settings (papers printed before carry the
    defaults: a heading with no province and no place)."""
    return bool(_saved(db))


def save_office(db: Database, office: Office) -> Office:
    """Store every field, cleaned (NFC, single spaces); returns what was stored."""
    stored = Office(
        **{name: " ".join((clean(getattr(office, name)) or "").split()) for name in FIELDS}
    )
    with db.transaction() as session:
        for name in FIELDS:
            session.merge(Setting(key=_PREFIX + name, value=getattr(stored, name)))
        session.execute(delete(Setting).where(Setting.key.in_([_PREFIX + k for k in _OLD_KEYS])))
    return stored


def signature(office: Office, kind: str) -> Signature:
    """The signer's block of a notice or a report, as the office settings say."""
    lines = office.signer_lines(kind)
    return Signature(lines.post, lines.name, lines.authority)


def minutes_signatures(office: Office, chair: str, recorder: str) -> tuple[Signature, Signature]:
    """The recorder's block and the chair's, side by side at the foot of the minutes. Signed
    by the chair and the recorder (HD 16), or, when the settings say so, with the chair's
    block under an authority line (its name that of the settings, else the chair's)."""
    if office.signing("minutes") == CHAIR:
        return Signature("THƯ KÝ", recorder), Signature("CHỦ TRÌ", chair)
    lines = office.signer_lines("minutes")
    return Signature("THƯ KÝ", recorder), Signature(
        lines.post, lines.name or chair, lines.authority
    )
