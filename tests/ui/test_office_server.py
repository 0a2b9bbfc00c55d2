"""The window on a database of the office's server (issue 15, point 1): opened from the
command line, its screens read it, its refusals and the password said plainly; the backups
that are a file's only, disabled there."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from minutes_app.db.engine import Database
from minutes_app.db.server import ServerAddress
from minutes_app.ui.app import Started, finish, run_app, settings, start_app
from minutes_app.ui.main_window import (
    PAGE_CONFERENCES,
    PAGE_DOCUMENTS,
    PAGE_OVERVIEW,
    PAGE_TASKS,
    PAGE_UNITS,
)
from minutes_app.ui.settings_dialog import SettingsDialog
from minutes_app.ui.storage.recent import recent_databases
from tests.ui.helpers import Messages, open_editor_of, settle, when_shown

pytestmark = pytest.mark.postgresql
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def messages(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Messages:
    return Messages(monkeypatch)


def _start(location: str) -> Started | None:
    return start_app(argparse.Namespace(db=location, lang="en"))


def _close(started: Started) -> None:
    started.window.close()
    finish(started)


def test_the_window_opens_on_a_server_and_every_screen_reads_it(
    qtbot: QtBot, server_url: str
) -> None:
    started = _start(server_url)
    assert started is not None
    window = started.window
    try:
        assert started.path is None and started.db.server is not None
        assert window.status_db.text() == f"Office server: {server_url}"
        assert window.windowTitle().endswith(f"— {server_url.rsplit('/', 1)[1]}")
        assert window.conference_page.model.visible_count() == 5
        settle(qtbot, window)
        for page in (PAGE_TASKS, PAGE_DOCUMENTS, PAGE_UNITS, PAGE_OVERVIEW, PAGE_CONFERENCES):
            window.navigation.setCurrentRow(page)
            settle(qtbot, window)  # an error on the worker fails the test here
        assert window.task_page.model.rowCount() > 0
        assert window.overview_page.tiles["overdue"].number.text() != ""
        # The editor reads a conference of the server.
        first = window.conference_page.model.rows()[0]
        editor = open_editor_of(qtbot, window, first.id)
        assert editor is not None and editor.form().title == first.title
        editor.close()
        # The server is the newest of the recent databases; the menus say what a file
        # only can do.
        assert recent_databases(started.store)[0] == server_url
        assert not window.restore_action.isEnabled()
        assert "administrator" in window.restore_action.toolTip()
        assert not window.databases.move_action.isEnabled()
        assert window.backup_action.isEnabled()
    finally:
        _close(started)


@pytest.mark.parametrize(
    ("prepare", "said"),
    [
        (
            "empty",
            "{url} is an empty database: the office's administrator makes it ready with "
            "“minutes-app server-setup” first. Nothing was changed.",
        ),
        (
            "old",
            "{url} needs upgrading to this version of minutes-app: the office's "
            "administrator runs “minutes-app server-setup” on it. Nothing was changed.",
        ),
        (
            "newer",
            "{url} was set up by a newer version of minutes-app. Please update the program; "
            "the database was not changed.",
        ),
        (
            "foreign",
            "{url} is a database of another program, not of minutes-app. Nothing was changed.",
        ),
        (
            "missing",
            "The office server refused to open {url}: the database may not exist, or this "
            "login may not use it. Ask the office's administrator.",
        ),
        (
            "closed",
            "The office server of {url} cannot be reached: is the network connected and the "
            "server running? Nothing was changed.",
        ),
    ],
)
def test_a_server_database_that_cannot_be_used_is_said_plainly(
    pg_url: str, messages: Messages, prepare: str, said: str
) -> None:
    import psycopg

    from minutes_app.db.server_setup import setup_server

    url = pg_url
    if prepare in ("old", "newer"):
        setup_server(ServerAddress.parse(url))
        revision = "0006" if prepare == "old" else "9999"
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("UPDATE alembic_version SET version_num = %s", (revision,))
    elif prepare == "foreign":
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("CREATE TABLE invoices (id integer)")
    elif prepare == "missing":
        url = url.rsplit("/", 1)[0] + "/no_such_database"
    elif prepare == "closed":
        url = "postgresql://postgres@127.0.0.1:9/minutes"
    assert run_app(argparse.Namespace(db=url, lang="en")) == 1
    assert messages.texts == [said.format(url=url)]


def test_the_refusals_of_a_server_are_said_in_vietnamese(
    qapp: QApplication, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    from minutes_app.ui import app

    # This checkout's translations (an editable install may point at another's).
    monkeypatch.setattr(app, "translations_dir", lambda: REPO / "resources" / "i18n")
    url = "postgresql://postgres@127.0.0.1:9/minutes"
    assert run_app(argparse.Namespace(db=url, lang="vi")) == 1
    assert messages.texts == [
        f"Không kết nối được tới máy chủ cơ quan của {url}: mạng đã được nối và máy chủ có "
        "đang chạy không? Không có gì bị thay đổi."
    ]


@pytest.fixture
def password_url(pg_cluster: Any, server_url: str) -> Iterator[str]:
    """``server_url`` for the login minutes_pw, which must give the password "right horse"."""
    pg_cluster.sql("DROP ROLE IF EXISTS minutes_pw")
    pg_cluster.sql("CREATE ROLE minutes_pw LOGIN PASSWORD 'right horse' IN ROLE postgres")
    yield server_url.replace("postgres@", "minutes_pw@")
    pg_cluster.drop_database(server_url.rsplit("/", 1)[1])  # its connections first
    pg_cluster.sql("DROP ROLE minutes_pw")


def _answer_password(answers: list[str | None], asked: list[str]) -> None:
    """Answer the password prompts in turn (None: Cancel), noting what each said."""

    def answer(dialog: QInputDialog) -> None:
        asked.append(dialog.labelText())
        assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
        typed = answers.pop(0)
        if typed is None:
            dialog.reject()
        else:
            dialog.setTextValue(typed)
            dialog.accept()
        if answers:
            when_shown(QInputDialog, answer)

    when_shown(QInputDialog, answer)


def test_the_password_is_asked_for_asked_again_when_wrong_and_never_stored(
    qtbot: QtBot, password_url: str, messages: Messages
) -> None:
    asked: list[str] = []
    _answer_password(["wrong", "right horse"], asked)
    started = _start(password_url)
    assert started is not None
    try:
        assert asked == [
            f"The office server asks for the password of the login “minutes_pw” to open "
            f"{password_url}.",
            f"The server did not accept that password. Type the password of the login "
            f"“minutes_pw” for {password_url} again.",
        ]
        assert started.db.server is not None and started.db.server.password == "right horse"
        assert started.window.conference_page.model.visible_count() == 5
        assert messages.texts == []
    finally:
        _close(started)
    written = Path(settings().fileName()).read_text(encoding="utf-8")
    assert "minutes_pw@" in written  # the recent list names it…
    assert "right horse" not in written and "wrong" not in written  # …never its password


def test_a_password_not_given_opens_nothing_and_says_why(
    qtbot: QtBot, password_url: str, messages: Messages
) -> None:
    asked: list[str] = []
    _answer_password([None], asked)
    assert run_app(argparse.Namespace(db=password_url, lang="en")) == 1
    assert len(asked) == 1
    assert messages.texts == [
        f"The office server of {password_url} needs the password of this login; without it "
        "nothing was opened."
    ]


def test_on_a_server_the_automatic_backups_are_off_and_say_why(
    qtbot: QtBot, server_url: str, store: QSettings
) -> None:
    dialog = SettingsDialog(store, on_server=True)
    qtbot.addWidget(dialog)
    for choice in (dialog.backup_daily, dialog.backup_on_exit):
        assert not choice.isEnabled()
        assert "administrator" in choice.toolTip()
    on_file = SettingsDialog(store)
    qtbot.addWidget(on_file)
    assert on_file.backup_daily.isEnabled() and on_file.backup_on_exit.isEnabled()
    # Neither the daily backup nor the one at exit is taken of a server database.
    from minutes_app.ui.settings_dialog import backup_settings
    from minutes_app.ui.storage.backup import daily_backup, exit_backup

    store.setValue("backup/on_exit", "true")
    db = Database.open(server_url)
    try:
        assert daily_backup(db, store) is None
        assert exit_backup(db, store) is None
    finally:
        db.close()
    assert not backup_settings(store).folder.exists()


def test_back_up_on_a_server_writes_a_snapshot_file_off_the_ui_thread(
    qtbot: QtBot, server_url: str, store: QSettings, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from minutes_app.core.conferences.listing import list_conferences
    from minutes_app.ui.main_window import MainWindow

    target = tmp_path / "office-copy.sqlite3"
    suggested: list[str] = []

    def save_as(_parent: object, _title: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    db = Database.open(server_url)
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.show()
    try:
        window.backup_action.trigger()
        qtbot.waitUntil(
            lambda: window.statusBar().currentMessage() == f"Backed up to {target}",
            timeout=60_000,
        )
        assert Path(suggested[0]).name.startswith(server_url.rsplit("/", 1)[1] + "-")
        snapshot = Database.open(target)
        try:
            assert len(list_conferences(snapshot)) == 5
        finally:
            snapshot.close()
    finally:
        window.stop_working()
        db.close()
