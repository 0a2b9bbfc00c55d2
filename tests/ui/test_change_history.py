"""The change log and the sign-off in the window (issue 16, points 3–6): a task's and a
conference's "Change history" tab, the activity view's filters, signing off and reopening
in the editor, and a window that offers a leader's and a unit's login only what their
role may do."""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.history import Filter, history
from minutes_app.core.tasks.actions import add_progress
from minutes_app.db.engine import Database
from minutes_app.db.office_access import add_user
from minutes_app.db.server import ServerAddress, connected
from minutes_app.ui.activity import ActivityDialog
from minutes_app.ui.main_window import PAGE_TASKS, MainWindow
from minutes_app.ui.operations import TASKS, changes
from tests.ui.helpers import open_editor_of, select_task, settle


def _settings(tmp_path: Path, user: str = "An") -> QSettings:
    store = QSettings(str(tmp_path / f"settings-{user}.ini"), QSettings.Format.IniFormat)
    store.setValue("user_name", user)
    store.setValue("remind_on_start", "false")
    return store


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    db = Database.open(tmp_path / "minutes.sqlite3")
    load_samples(db)
    shown = MainWindow(db, _settings(tmp_path))
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_a_tasks_history_tab_shows_who_changed_what(qtbot: QtBot, window: MainWindow) -> None:
    task = select_task(qtbot, window, "Quán triệt Quy định 96")
    window.db.user = "Bình"  # another copy of the program, under another name, on the file
    add_progress(window.db, [task], "Đã quán triệt tới chi bộ", by="Bình")
    window.worker.notify(changes(TASKS))  # as the watch would say it
    page = window.task_page
    page.detail_tabs.setCurrentWidget(page.history)
    qtbot.waitUntil(lambda: page.history.model.rowCount() > 0, timeout=5000)
    # the newest first: the progress note, by whom
    qtbot.waitUntil(
        lambda: "Bình" in page.history.model.index(0, 1).data(),
        timeout=5000,
    )
    what = page.history.model.index(0, 2).data()
    fields = page.history.model.index(0, 3).data()
    assert "Đã quán triệt tới chi bộ" in fields
    assert what  # "added task history «progress»"
    assert page.history.model.rowCount() == len(history(window.db, Filter(task=task)))


def test_signing_off_makes_the_editor_read_only_until_reopened_with_a_reason(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor_of(qtbot, window, 1)
    controls = editor.sign_off
    qtbot.waitUntil(lambda: controls.state is not None, timeout=5000)
    assert controls.sign_button.isVisible() and not controls.reopen_button.isVisible()
    assert editor.save_button.isEnabled()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    controls.sign_button.click()
    qtbot.waitUntil(lambda: controls.state is not None and controls.state.signed_off, timeout=5000)

    assert editor.read_only and not editor.save_button.isEnabled()
    assert "An" in editor.lock_label.text()
    assert controls.reopen_button.isVisible() and not controls.sign_button.isVisible()
    assert not editor.general_tab.isEnabled()
    assert editor.save() is False  # Ctrl+S does nothing

    answers = iter([("", True), ("Bổ sung ý kiến của Huyện ủy Ba Bể", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    controls.reopen_button.click()  # no reason: nothing happens
    settle(qtbot, window)
    assert controls.state.signed_off
    controls.reopen_button.click()
    qtbot.waitUntil(lambda: not controls.state.signed_off, timeout=5000)

    assert not editor.read_only and editor.general_tab.isEnabled()
    entries = history(window.db, Filter(conference=1))
    reasons = [e.changes.get("reopen_reason") for e in entries if e.entity == "conference"]
    assert reasons[-1] == [None, "Bổ sung ý kiến của Huyện ủy Ba Bể"]
    # the editor holds the conference's new version: a save goes through
    editor.title_edit.setText(editor.title_edit.text() + ".")
    saved: list[bool] = []
    editor.save(then=saved.append)
    qtbot.waitUntil(lambda: saved == [True], timeout=5000)
    editor.close()


def test_the_activity_view_filters_by_person_unit_and_day(qtbot: QtBot, window: MainWindow) -> None:
    task = select_task(qtbot, window, "Quán triệt Quy định 96")
    add_progress(window.db, [task], "Ghi chú của Bình", by="Bình")
    window.db.user = "Bình"  # the next commit's entries are stamped with this name
    add_progress(window.db, [task], "Ghi chú thứ hai", by="Bình")
    dialog = ActivityDialog(window.worker, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.person_box.count() >= 2, timeout=5000)
    everyone = len(history(window.db, Filter(limit=2000)))
    qtbot.waitUntil(lambda: dialog.view.model.rowCount() == everyone, timeout=5000)

    dialog.person_box.setCurrentIndex(dialog.person_box.findData("Bình"))
    qtbot.waitUntil(lambda: dialog.view.model.rowCount() == 1, timeout=5000)
    assert "Ghi chú thứ hai" in dialog.view.model.index(0, 3).data()

    dialog.person_box.setCurrentIndex(0)
    lead = dialog.unit_box.findText("Huyện ủy Ba Bể")
    dialog.unit_box.setCurrentIndex(lead)
    unit_id = dialog.unit_box.currentData()
    expected = len(history(window.db, Filter(unit=unit_id, limit=2000)))
    assert 0 < expected < everyone
    qtbot.waitUntil(lambda: dialog.view.model.rowCount() == expected, timeout=5000)

    dialog.day_edit.setDate(dialog.day_edit.date().addYears(30))  # a day with nothing
    qtbot.waitUntil(lambda: dialog.view.model.rowCount() == 0, timeout=5000)
    dialog.close()


# --- a window on the server, as a leader's and a unit's login --------------------------------


def _login(server_url: str, role: str) -> str:
    address = ServerAddress.parse(server_url)
    login = f"w_{role}_{uuid.uuid4().hex[:6]}"
    with connected(address) as driver:
        add_user(
            driver,
            address.database,
            login,
            role,
            unit="Ban Tổ chức Tỉnh ủy Bắc Kạn" if role == "unit" else None,
        )
        driver.commit()
    host, name = server_url.split("@", 1)[1].rsplit("/", 1)
    return f"postgresql://{login}@{host}/{name}"


@pytest.mark.postgresql
@pytest.mark.parametrize(
    ("role", "buttons", "records"),
    [
        ("leader", {"progress"}, False),
        ("unit", {"progress", "complete"}, False),
        ("clerk", {"progress", "extend", "complete", "reopen", "cancel"}, True),
    ],
)
def test_the_window_offers_a_login_only_what_its_role_may_do(
    qtbot: QtBot,
    qapp: QApplication,
    server_url: str,
    tmp_path: Path,
    role: str,
    buttons: set[str],
    records: bool,
) -> None:
    db = Database.open(_login(server_url, role))
    window = MainWindow(db, _settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    try:
        window.after_first_paint()
        qtbot.waitUntil(lambda: window.access is not None, timeout=5000)
        assert window.access is not None and window.access.role == role
        assert role in window.status_user.text() or "unit" in window.status_user.text()
        assert window.new_action.isVisible() == records
        assert window.import_action.isVisible() == records
        window.navigation.setCurrentRow(PAGE_TASKS)
        settle(qtbot, window)
        shown = {kind for kind, b in window.tasks.buttons.items() if not b.isHidden()}
        assert shown == buttons

        conference = window.conference_page.model.conference_id(0)
        assert conference is not None
        editor = open_editor_of(qtbot, window, conference)
        qtbot.waitUntil(lambda: editor.sign_off.state is not None, timeout=5000)
        assert editor.read_only == (not records)
        assert editor.sign_off.sign_button.isVisible() == (role == "leader")
        editor.close()
    finally:
        window.stop_working()
        settle(qtbot, window)
        window.close()
        db.close()


def test_a_change_reads_in_words_days_as_days_and_ids_as_names(qapp: QApplication) -> None:
    import datetime as dt

    from minutes_app.core.history import Entry
    from minutes_app.ui.history_view import changes_text

    entry = Entry(
        id=1,
        at=dt.datetime(2026, 12, 4, 9, 0),
        user="An",
        action="insert",
        entity="task_event",
        record_id=7,
        label="deadline_changed",
        changes={
            "task_id": [None, 3],
            "kind": [None, "deadline_changed"],
            "old_deadline": [None, "2023-03-31"],
            "at": [None, "2026-12-04T09:00:00"],
        },
        conference_id=1,
        task_id=3,
    )
    assert changes_text(entry) == (
        "kind: — → extension; old deadline: — → 31/03/2023; at: — → 04/12/2026 09:00"
    )
    unit = dataclasses.replace(entry, entity="task", changes={"lead_unit_id": [1, 2]})
    assert changes_text(unit, names={("unit", 1): "Huyện ủy Ba Bể"}) == (
        "lead unit: Huyện ủy Ba Bể → 2"
    )
