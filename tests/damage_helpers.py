"""Damaged databases for tests: the sample data, then one record broken with plain sqlite3,
the way another program, a disk error or a hand edit leaves it."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database

_TEMPLATES: dict[str, Path] = {}


def sample_database(path: Path) -> Path:
    """``path`` holding the five sample conferences (38 tasks), closed and whole."""
    template = _TEMPLATES.get("samples")
    if template is None or not template.exists():
        template = path.with_name(f".samples-{path.name}")
        db = Database.open(template)
        load_samples(db)
        db.close()
        _TEMPLATES["samples"] = template
    shutil.copyfile(template, path)
    return path


def break_records(path: Path, *statements: str) -> None:
    """Run ``statements`` on ``path`` as a careless program would: no CHECK constraints,
    no foreign keys."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def bogus_status(path: Path) -> str:
    break_records(path, "UPDATE task SET status = 'bogus' WHERE id = 17")
    return "table task, row 17: status 'bogus' is not allowed"


def impossible_deadline(path: Path) -> str:
    break_records(path, "UPDATE task SET deadline = '2023-13-45' WHERE id = 4")
    return "table task, row 4: deadline '2023-13-45' is not a valid date"


def word_for_a_date(path: Path) -> str:
    break_records(path, "UPDATE conference SET date = 'xyz' WHERE id = 2")
    return "table conference, row 2: date 'xyz' is not a valid date"


def orphan_task(path: Path) -> str:
    break_records(path, "UPDATE task SET instruction_id = 999 WHERE id = 5")
    return "table task, row 5: instruction_id refers to instruction 999, which does not exist"


HARMS: dict[str, Callable[[Path], str]] = {
    "bogus_status": bogus_status,
    "impossible_deadline": impossible_deadline,
    "word_for_a_date": word_for_a_date,
    "orphan_task": orphan_task,
}
