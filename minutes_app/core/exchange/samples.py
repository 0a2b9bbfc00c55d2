"""The sample conferences shipped with the app (the five articles in shared/samples)."""

from __future__ import annotations

from importlib.resources import files

from minutes_app.core.exchange.importing import ImportSummary, import_exchange
from minutes_app.core.exchange.reading import read_exchange
from minutes_app.core.paperwork.office import Office, load_office, save_office
from minutes_app.db.engine import Database


def sample_bytes() -> bytes:
    return (files("minutes_app.resources") / "sample" / "conferences.json").read_bytes()


# The office of the sample conferences, for documents printed from them.
SAMPLE_OFFICE = Office(
    superior_body="TỈNH ỦY BẮC KẠN",
    office_name="BAN TỔ CHỨC",
    symbol="BTCTU",
    place="Bắc Kạn",
)


def load_samples(db: Database) -> ImportSummary:
    """Import the sample conferences; loading them twice adds nothing.

    An office whose details were never set gets those of the samples' province, so that
    the minutes printed from them carry a real heading.
    """
    summary = import_exchange(db, read_exchange(sample_bytes()))
    if load_office(db) == Office():
        save_office(db, SAMPLE_OFFICE)
    return summary
