"""Consistent copies of the live database, with SQLite's online backup."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from minutes_app.db.engine import Database


def backup_database(db: Database, destination: Path) -> Path:
    """Copy ``db`` to ``destination`` (a file, or a folder to put a dated file in).

    SQLite's backup API copies a consistent snapshot even while another connection is
    writing. The copy is made beside the destination and renamed into place, so a
    failure leaves no half-written file and an existing file is replaced only whole.
    """
    if destination.is_dir():
        from datetime import datetime

        destination = destination / f"minutes-{datetime.now():%Y%m%d-%H%M%S}.sqlite3"
    destination = destination.absolute()
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".part", dir=destination.parent
    )
    os.close(handle)
    try:
        source = sqlite3.connect(db.path)
        target = sqlite3.connect(temp_name)
        try:
            source.backup(target)
            # One self-contained file: no -wal beside the copy.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
            source.close()
        os.replace(temp_name, destination)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return destination
