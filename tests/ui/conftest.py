"""Fixtures for widget tests: an open database and settings in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from minutes_app.db.engine import Database


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def example_db(db: Database, example_json: Path) -> Database:
    from minutes_app.core.exchange import import_exchange
    from minutes_app.core.exchange_read import read_exchange

    import_exchange(db, read_exchange(example_json.read_bytes()))
    return db
