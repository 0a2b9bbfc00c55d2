"""The sample conferences shipped with the app (the five articles in shared/samples)."""

from __future__ import annotations

from importlib.resources import files

from minutes_app.core.exchange.importing import ImportSummary, import_exchange
from minutes_app.core.exchange.reading import read_exchange
from minutes_app.db.engine import Database


def sample_bytes() -> bytes:
    return (files("minutes_app.resources") / "sample" / "conferences.json").read_bytes()


def load_samples(db: Database) -> ImportSummary:
    """Import the sample conferences; loading them twice adds nothing.

    The office settings are left as they are: the samples' province is not the clerk's,
    and a paper's heading is the clerk's to set (the first paper exported asks for it).
    """
    return import_exchange(db, read_exchange(sample_bytes()))
