"""Dates typed are the dates kept: the window's one date field (issue 14, point 4)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from minutes_app.ui.widgets.date_field import DateField


@pytest.fixture
def field(qtbot: QtBot) -> DateField:
    window = QWidget()
    qtbot.addWidget(window)
    field = DateField(dt.date(2020, 6, 15), window)
    other = QLineEdit(window)  # somewhere for the focus to go
    other.move(0, 40)
    window.show()
    qtbot.waitExposed(window)
    field.other = other  # type: ignore[attr-defined]
    field.holder = window  # type: ignore[attr-defined]  # kept alive with the field
    return field


def type_over(qtbot: QtBot, field: DateField, text: str, leave: str = "tab") -> None:
    """Select the field's whole text, type ``text`` key by key, then leave the field."""
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, text)
    if leave == "tab":
        field.other.setFocus()  # type: ignore[attr-defined]
    else:
        qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("30/06/2020", dt.date(2020, 6, 30)),
        ("30/6/2020", dt.date(2020, 6, 30)),
        ("30-06-2020", dt.date(2020, 6, 30)),
        ("2020-06-30", dt.date(2020, 6, 30)),
        ("31/12/2020", dt.date(2020, 12, 31)),
        ("29/02/2024", dt.date(2024, 2, 29)),
        ("01/01/1900", dt.date(1900, 1, 1)),  # the earliest day
        ("31/12/2999", dt.date(2999, 12, 31)),  # the latest
    ],
)
def test_a_date_typed_over_the_selected_date_is_the_date_kept(
    qtbot: QtBot, field: DateField, text: str, day: dt.date
) -> None:
    type_over(qtbot, field, text)
    assert field.day() == day
    assert field.text() == day.strftime("%d/%m/%Y")
    assert field.error == ""


def test_enter_takes_the_typed_date(qtbot: QtBot, field: DateField) -> None:
    type_over(qtbot, field, "30/06/2020", leave="enter")
    assert field.day() == dt.date(2020, 6, 30)


@pytest.mark.parametrize("text", ["29/02/2023", "31/04/2020", "30/06/20"])
def test_no_such_day_is_said_and_the_date_stays(qtbot: QtBot, field: DateField, text: str) -> None:
    refused: list[str] = []
    field.refused.connect(refused.append)
    type_over(qtbot, field, text)
    assert field.day() == dt.date(2020, 6, 15)
    assert refused == [f"“{text}” is not a date (day/month/year). The date stays 15/06/2020."]
    assert field.toolTip() == refused[0]
    assert "b3261e" in field.styleSheet()
    type_over(qtbot, field, "16/06/2020")  # a date taken clears the error
    assert field.error == ""
    assert field.styleSheet() == ""


def test_a_date_after_the_latest_is_not_snapped_to_it(qtbot: QtBot, field: DateField) -> None:
    field.setMaximumDate(QDate(2023, 3, 10))  # a completion day: not after today
    field.setDate(QDate(2023, 3, 1))
    type_over(qtbot, field, "15/03/2023")
    assert field.day() == dt.date(2023, 3, 1)
    assert field.error == (
        "15/03/2023 is after 10/03/2023, the latest date here. The date stays 01/03/2023."
    )
    type_over(qtbot, field, "01/01/1899")
    assert field.day() == dt.date(2023, 3, 1)
    assert field.error.startswith("01/01/1899 is before 01/01/1900, the earliest date here.")


def test_typing_the_year_alone_keeps_the_day_and_month(qtbot: QtBot, field: DateField) -> None:
    field.setMaximumDate(QDate(2026, 12, 3))
    field.setDate(QDate(2026, 11, 30))
    field.setFocus()
    field.lineEdit().setSelection(6, 4)  # the year
    qtbot.keyClicks(field, "2023")
    field.other.setFocus()  # type: ignore[attr-defined]
    assert field.day() == dt.date(2023, 11, 30)


@pytest.mark.parametrize(
    ("pasted", "day"),
    [
        ("30/6/2020", dt.date(2020, 6, 30)),
        ("30/06/2020", dt.date(2020, 6, 30)),
        ("30-06-2020", dt.date(2020, 6, 30)),
        (" 2020-06-30\n", dt.date(2020, 6, 30)),
    ],
)
def test_a_pasted_date_replaces_the_field_whatever_was_selected(
    qtbot: QtBot, field: DateField, pasted: str, day: dt.date
) -> None:
    QGuiApplication.clipboard().setText(pasted)
    field.setFocus()
    field.lineEdit().setSelection(0, 2)  # only the day was selected
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    field.other.setFocus()  # type: ignore[attr-defined]
    assert field.day() == day


def test_pasting_through_the_line_edit_takes_the_whole_date(qtbot: QtBot, field: DateField) -> None:
    QGuiApplication.clipboard().setText("2020-06-30")
    field.setFocus()
    field.lineEdit().setSelection(0, 2)
    field.lineEdit().paste()  # as the context menu's Paste does
    field.other.setFocus()  # type: ignore[attr-defined]
    assert field.day() == dt.date(2020, 6, 30)


def test_the_special_text_and_an_empty_field_mean_no_limit(qtbot: QtBot, field: DateField) -> None:
    field.setMinimumDate(QDate(1990, 1, 1))
    field.setSpecialValueText("any")
    type_over(qtbot, field, "30/06/2020")
    assert field.day() == dt.date(2020, 6, 30)
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    field.other.setFocus()  # type: ignore[attr-defined]
    assert field.date() == field.minimumDate()
    assert field.text() == "any"


def test_the_arrow_keys_step_from_the_typed_date(qtbot: QtBot, field: DateField) -> None:
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, "20/6/2020")
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.day() in (dt.date(2020, 6, 21), dt.date(2020, 7, 20), dt.date(2021, 6, 20))


def test_every_date_field_of_the_window_is_a_date_field(
    qtbot: QtBot, example_db: object, store: object
) -> None:
    from PySide6.QtWidgets import QDateEdit

    from minutes_app.core.conferences.listing import list_conferences
    from minutes_app.ui.main_window import PAGE_TASKS, MainWindow
    from minutes_app.ui.paperwork.period_dialog import PeriodDialog
    from minutes_app.ui.tasks.dialogs import CreateTasksDialog, TaskActionDialog
    from tests.ui.helpers import open_editor_of, settle

    window = MainWindow(example_db, store)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    window.navigation.setCurrentRow(PAGE_TASKS)
    settle(qtbot, window)
    [conference] = list_conferences(example_db)  # type: ignore[arg-type]
    editor = open_editor_of(qtbot, window, conference.id)
    dialogs = [
        TaskActionDialog(kind, 1, lambda _d: None, parent=window)
        for kind in ("extend", "complete", "progress")
    ]
    dialogs.append(
        CreateTasksDialog(1, "Quán triệt", dt.date(2023, 2, 20), ["Huyện ủy Ba Bể"], [], window)
    )
    dialogs.append(PeriodDialog(dt.date(2023, 3, 1), window))
    fields = [
        f
        for w in (window.task_page, editor, *dialogs)
        for f in w.findChildren(QDateEdit)  # type: ignore[union-attr]
    ]
    assert len(fields) >= 8
    assert all(isinstance(f, DateField) for f in fields)
    editor.close()


def test_a_completion_day_typed_in_the_dialog_is_kept(qtbot: QtBot) -> None:
    from minutes_app.ui.tasks.dialogs import TaskActionDialog

    started: list[dt.date] = []
    dialog = TaskActionDialog("complete", 1, lambda d: started.append(d.chosen_date()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.date.setFocus()
    dialog.date.lineEdit().selectAll()
    qtbot.keyClicks(dialog.date, "30/6/2020")
    qtbot.mouseClick(dialog.buttons.ok, Qt.MouseButton.LeftButton)
    assert started == [dt.date(2020, 6, 30)]


def test_a_refused_completion_day_stops_the_dialog(qtbot: QtBot) -> None:
    from minutes_app.ui.tasks.dialogs import TaskActionDialog

    started: list[dt.date] = []
    dialog = TaskActionDialog("complete", 1, lambda d: started.append(d.chosen_date()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.date.setFocus()
    dialog.date.lineEdit().selectAll()
    later = dt.date.today() + dt.timedelta(days=40)
    qtbot.keyClicks(dialog.date, later.strftime("%d/%m/%Y"))
    qtbot.mouseClick(dialog.buttons.ok, Qt.MouseButton.LeftButton)
    assert started == []
    assert dialog.error.text().startswith(later.strftime("%d/%m/%Y") + " is after ")
    qtbot.mouseClick(dialog.buttons.ok, Qt.MouseButton.LeftButton)  # said once: kept
    assert started == [dt.date.today()]


def test_the_report_period_takes_the_as_of_day_typed(qtbot: QtBot) -> None:
    from minutes_app.ui.paperwork.period_dialog import PeriodDialog

    dialog = PeriodDialog(dt.date(2023, 3, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.as_of.setFocus()
    dialog.as_of.lineEdit().selectAll()
    qtbot.keyClicks(dialog.as_of, "30-06-2020")
    assert dialog.period()[2] == dt.date(2020, 6, 30)  # OK pressed with the focus still there
