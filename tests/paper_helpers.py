"""Shared set-up of the paperwork tests: the sample conferences and an office that signs."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.paperwork.office import Office, save_office
from minutes_app.db.engine import Database

OFFICE = Office(
    superior_body="TỈNH ỦY BẮC KẠN",
    office_name="BAN TỔ CHỨC",
    symbol="BTCTU",
    place="Bắc Kạn",
    secretary="Nông Thị Hà",
    notice_signer="Lý Văn Đức",  # K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN, the default of a Ban
)
REPORT_FROM = dt.date(2023, 1, 1)
REPORT_TO = dt.date(2023, 12, 31)
REPORT_AS_OF = dt.date(2024, 6, 30)
NOTICE_DAY = dt.date(2023, 2, 20)


def sample_database(path: Path | str) -> Database:
    """A database at ``path`` (an SQLite path or a server's URL) holding the sample
    conferences and OFFICE's settings."""
    db = Database.open(path)
    load_samples(db)
    save_office(db, OFFICE)
    return db


def first_conference(db: Database) -> int:
    """The id of the first sample conference (17/02/2023, four documents studied)."""
    return min(c.id for c in list_conferences(db))


def one_line(text: str) -> str:
    """NFC text with every run of white space made one space (PDF text comes out spaced
    by position)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def leftovers(folder: Path) -> list[str]:
    """Temporary files an export may have left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if re.search(r"\.part$|^\.|~$|\.tmp$", p.name))
