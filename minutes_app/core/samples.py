"""The sample conferences shipped with the app (the five articles in shared/samples)."""

from __future__ import annotations

from importlib.resources import files

from minutes_app.core.exchange import ImportSummary, import_exchange
from minutes_app.core.exchange_read import read_exchange
from minutes_app.db.engine import Database


def sample_bytes() -> bytes:
    return (files("minutes_app.resources") / "sample" / "conferences.json").read_bytes()


def load_samples(db: Database) -> ImportSummary:
    """Import the sample conferences; loading them twice adds nothing."""
    return import_exchange(db, read_exchange(sample_bytes()))
