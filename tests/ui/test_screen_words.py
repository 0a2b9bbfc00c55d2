"""Words on the screens read right (issue 14, point 9): the status bar's count is the shown
screen's, "Follow-up by", English plurals, the create-tasks dialog's deadline and unit
filter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from minutes_app.db.engine import Database
from minutes_app.ui.main_window import PAGE_CONFERENCES, PAGE_OVERVIEW, PAGE_TASKS, MainWindow
from minutes_app.ui.tasks.dialogs import CreateTasksDialog
from tests.ui.helpers import settle

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
UNITS = ["Huyện ủy Ba Bể", "Huyện ủy Bạch Thông", "Thành ủy Bắc Kạn", "Đảng ủy Khối Cơ quan"]


@pytest.fixture
def window(qtbot: QtBot, example_db: Database, store: QSettings) -> MainWindow:
    window = MainWindow(example_db, store)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    return window


def translated(language: str) -> Iterator[QTranslator]:
    app = QCoreApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load(str(I18N / f"minutes_app_{language}.qm"))
    app.installTranslator(translator)
    try:
        yield translator
    finally:
        app.removeTranslator(translator)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QTranslator]:
    yield from translated("en")


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[QTranslator]:
    yield from translated("vi")


def test_the_conference_count_shows_on_the_conference_screen_only(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.status_count.text() == "1 of 1 conferences"
    for page in (PAGE_TASKS, PAGE_OVERVIEW):
        window.navigation.setCurrentRow(page)
        settle(qtbot, window)
        assert window.status_count.text() == ""
    window.navigation.setCurrentRow(PAGE_CONFERENCES)
    assert window.status_count.text() == "1 of 1 conferences"


def test_who_follows_a_task_up_is_the_follow_up_column(qtbot: QtBot, window: MainWindow) -> None:
    window.navigation.setCurrentRow(PAGE_TASKS)
    settle(qtbot, window)
    model = window.task_page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Follow-up by" in headers
    assert "Owner" not in headers


def test_follow_up_by_stays_nguoi_theo_doi_in_vietnamese(vietnamese: QTranslator) -> None:
    for context in ("TaskTableModel", "OverviewPage", "TaskDetail"):
        assert QCoreApplication.translate(context, "Follow-up by") == "Người theo dõi"
    assert QCoreApplication.translate("CreateTasksDialog", "&Follow-up by") == "&Người theo dõi"


@pytest.mark.parametrize(
    ("overdue", "soon", "text"),
    [
        (1, 0, "1 task overdue and 0 due within 7 days."),
        (8, 1, "8 tasks overdue and 1 due within 7 days."),
    ],
)
def test_the_reminder_reads_as_english_does(
    qtbot: QtBot, english: QTranslator, store: QSettings, overdue: int, soon: int, text: str
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from minutes_app.ui.tasks.reminders import Reminders

    main = QMainWindow()
    qtbot.addWidget(main)
    reminders = Reminders(main, store, lambda: None)
    box = reminders.show_reminder((overdue, soon))
    assert box is not None
    assert box.text() == text
    box.close()


def test_the_reminder_in_vietnamese(
    qtbot: QtBot, vietnamese: QTranslator, store: QSettings
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from minutes_app.ui.tasks.reminders import Reminders

    main = QMainWindow()
    qtbot.addWidget(main)
    box = Reminders(main, store, lambda: None).show_reminder((8, 1))
    assert box is not None
    assert box.text() == "8 nhiệm vụ quá hạn và 1 nhiệm vụ đến hạn trong 7 ngày tới."
    box.close()


def test_every_counted_english_string_has_its_singular(english: QTranslator) -> None:
    assert QCoreApplication.translate("TaskRegisterPage", "%n task(s)", "", 1) == "1 task"
    assert QCoreApplication.translate("TaskRegisterPage", "%n task(s)", "", 2) == "2 tasks"


@pytest.fixture
def create(qtbot: QtBot) -> CreateTasksDialog:
    dialog = CreateTasksDialog(1, "Quán triệt Quy định 96", dt.date(2023, 2, 20), UNITS, [])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize(
    ("preset", "day"),
    [
        ("7d", dt.date(2023, 2, 27)),
        ("30d", dt.date(2023, 3, 22)),
        ("month", dt.date(2023, 2, 28)),
        ("quarter", dt.date(2023, 3, 31)),
        ("half", dt.date(2023, 6, 30)),
        ("year", dt.date(2023, 12, 31)),
    ],
)
def test_the_date_field_shows_the_deadline_of_the_standard_term(
    create: CreateTasksDialog, preset: str, day: dt.date
) -> None:
    create.preset_box.setCurrentIndex(create.preset_box.findData(preset))
    assert create.deadline() == day
    assert create.date.day() == day
    assert create.preset.isChecked()
    assert create.deadline_label.text() == f"Deadline: {day:%d/%m/%Y}"


def test_a_date_chosen_becomes_the_deadline(create: CreateTasksDialog) -> None:
    create.date.setDate(QDate(2023, 5, 15))
    assert create.by_date.isChecked()
    assert create.deadline() == dt.date(2023, 5, 15)
    create.no_deadline.setChecked(True)
    assert not create.date.isEnabled()
    assert create.deadline() is None


def test_the_terms_read_naturally_in_vietnamese(vietnamese: QTranslator, qtbot: QtBot) -> None:
    dialog = CreateTasksDialog(1, "Quán triệt", dt.date(2023, 2, 20), UNITS, [])
    qtbot.addWidget(dialog)
    terms = [dialog.preset_box.itemText(i) for i in range(dialog.preset_box.count())]
    assert "Đến hết quý" in terms
    assert not any(t.startswith("cuối") for t in terms)
    assert dialog.preset.text() == "Theo mốc"


def test_the_unit_lists_narrow_to_what_is_typed_blind_to_diacritics(
    qtbot: QtBot, create: CreateTasksDialog
) -> None:
    create.check_units(create.leads, ["Thành ủy Bắc Kạn"])
    qtbot.keyClicks(create.unit_filter, "huyen uy ba")

    def shown(box: object) -> list[str]:
        return [
            box.item(r).text()  # type: ignore[attr-defined]
            for r in range(box.count())  # type: ignore[attr-defined]
            if not box.item(r).isHidden()  # type: ignore[attr-defined]
        ]

    assert shown(create.leads) == ["Huyện ủy Ba Bể", "Huyện ủy Bạch Thông", "Thành ủy Bắc Kạn"]
    assert shown(create.supports) == ["Huyện ủy Ba Bể", "Huyện ủy Bạch Thông"]
    create.unit_filter.clear()
    assert shown(create.supports) == UNITS
