"""Fixtures for widget tests: an open database and settings in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from minutes_app.db.engine import Database
from minutes_app.ui.operations import DatabaseWorker
from tests.stores import STORES, open_store


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture
def worker(db: Database) -> Iterator[DatabaseWorker]:
    """A database worker on ``db``, for a screen or dialog tried on its own."""
    worker = DatabaseWorker(db)
    yield worker
    worker.shutdown()


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def example_db(db: Database, example_json: Path) -> Database:
    from minutes_app.core.exchange.importing import import_exchange
    from minutes_app.core.exchange.reading import read_exchange

    import_exchange(db, read_exchange(example_json.read_bytes()))
    return db


@pytest.fixture(autouse=True)
def no_blocking_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box a test did not expect answers with its escape button instead of
    waiting forever for a click; tests that expect one patch ``exec`` themselves."""

    def escape(box: QMessageBox) -> int:
        button = box.escapeButton()
        if button is not None:
            button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", escape)


@pytest.fixture(autouse=True)
def english(qapp: object) -> Iterator[None]:
    """The window in English as the app starts it: the source strings, with the plural
    forms of its English translation ("1 task overdue"). A test that wants Vietnamese
    installs it over this; either is taken away after the test."""
    from PySide6.QtWidgets import QApplication

    from minutes_app.ui.app import install_language, remove_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, "en")
    yield
    remove_language(app)


@pytest.fixture
def server_url(pg_cluster: Any, server_template: str) -> Iterator[str]:
    """A set-up database on the test server, with the five sample conferences."""
    import throwaway_pg

    from minutes_app.core.exchange.samples import load_samples

    pg_cluster.start()
    name = throwaway_pg.unique_database_name()
    url = pg_cluster.create_database(name, template=server_template)
    db = Database.open(url)
    load_samples(db)
    db.close()
    yield url
    pg_cluster.start()  # a failed test may have left it stopped
    pg_cluster.drop_database(name)


@pytest.fixture(params=STORES)
def samples_db(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    """A database with the five sample conferences: a file, or on the test server."""
    return open_store(request, tmp_path, request.param)
