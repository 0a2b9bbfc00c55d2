"""The office whose documents these are: names, place and signers printed on exports.

They are kept in the database beside the records, so the window, the command line and
every copy of the file print the same heading.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from sqlalchemy import select

from minutes_app.base.text import clean
from minutes_app.db.engine import Database
from minutes_app.db.models import Setting

_PREFIX = "office."


@dataclass(frozen=True)
class Office:
    """What a Party office prints at the top and bottom of its documents."""

    superior_body: str = "TỈNH ỦY"  # tên cơ quan cấp trên, top left, first line
    office_name: str = "BAN TỔ CHỨC"  # tên cơ quan ban hành, top left, bold
    symbol: str = "BTCTU"  # after the dash in "Số 12-BB/BTCTU"
    place: str = ""  # địa danh in "…, ngày … tháng … năm …"
    secretary: str = ""  # default clerk who signs the minutes
    notice_authority: str = "T/L BAN THƯỜNG VỤ"  # above the signer of a notice
    notice_signer_title: str = "CHÁNH VĂN PHÒNG"
    notice_signer: str = ""

    def problems(self) -> list[str]:
        """What is missing for a document to carry a proper heading."""
        missing: list[str] = []
        if not self.office_name:
            missing.append("The office name is empty.")
        if not self.symbol:
            missing.append("The office symbol is empty.")
        return missing


FIELDS = tuple(f.name for f in fields(Office))


def load_office(db: Database) -> Office:
    """The saved settings, with defaults for those never saved."""
    with db.reading() as session:
        rows = session.execute(
            select(Setting.key, Setting.value).where(Setting.key.like(f"{_PREFIX}%"))
        ).all()
    saved = {key.removeprefix(_PREFIX): value for key, value in rows}
    return replace(Office(), **{k: v for k, v in saved.items() if k in FIELDS})


def save_office(db: Database, office: Office) -> Office:
    """Store every field, cleaned (NFC, single spaces); returns what was stored."""
    stored = Office(
        **{name: " ".join((clean(getattr(office, name)) or "").split()) for name in FIELDS}
    )
    with db.transaction() as session:
        for name in FIELDS:
            session.merge(Setting(key=_PREFIX + name, value=getattr(stored, name)))
    return stored
