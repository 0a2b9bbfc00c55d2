"""The one date field of the window: the date typed or pasted is the date kept.

Qt's ``QDateEdit`` types section by section and keeps every step in range: typing
"30/06/2020" over a selected date stepped the day through 3 and 30 and the month through
0, and ended on another day; typing a year into a field with a latest day snapped the day
to it. A ``DateField`` takes the text as a whole instead: the day is read once the text
writes out a whole date (``base.days.typed_day``: "30/6/2020", "30-06-2020",
"2020-06-30"), and a text that is no date, or a date outside the field's range, is not
put right silently: the field keeps its date and says why beside it (``error``).
Pasting a whole date replaces the field's text, whatever part of it was selected. The
arrow keys and the calendar work as in ``QDateEdit``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime, Signal
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QToolTip, QWidget

from minutes_app.base.days import may_become_day, typed_day, vn_date
from minutes_app.base.limits import FIRST_DAY, LAST_DAY

ERROR_STYLE = "QDateEdit { border: 1px solid #b3261e; }"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DateField(QDateEdit):
    """A day, shown dd/mm/yyyy with a calendar; see the module's docstring.

    A field with ``specialValueText`` (such as "any") shows it at its minimum date, and
    taking that text, or emptying the field, sets the minimum back.
    """

    # A text was refused; carries what the field says about it (also in ``error``).
    refused = Signal(str)

    def __init__(self, day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self.setDateRange(qdate(FIRST_DAY), qdate(LAST_DAY))
        # The date is taken when the text is done (Enter, Tab, a click elsewhere), not at
        # each key: "2020-06-3" is on its way to the 30th, not the 3rd.
        self.setKeyboardTracking(False)
        self.error = ""
        if day is not None:
            self.setDate(qdate(day))
        self.dateChanged.connect(self._forget_error)
        self.lineEdit().textEdited.connect(self._forget_error)

    def day(self) -> dt.date:
        return pydate(self.date())

    # --- reading the text ----------------------------------------------------------

    def _special(self, text: str) -> bool:
        special = self.specialValueText()
        return bool(special) and text.strip() in ("", special)

    def _in_range(self, day: dt.date) -> bool:
        return pydate(self.minimumDate()) <= day <= pydate(self.maximumDate())

    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        if self._special(text):
            return QValidator.State.Acceptable, text, pos
        day = typed_day(text)
        if day is not None:
            state = QValidator.State.Acceptable if self._in_range(day) else _INTERMEDIATE
            return state, text, pos
        if may_become_day(text):
            return _INTERMEDIATE, text, pos
        # A whole date pasted into a part of the text: the pasted date replaces it all.
        pasted = QGuiApplication.clipboard().text().strip()
        if pasted and pasted in text and typed_day(pasted) is not None:
            return self.validate(pasted, len(pasted))
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        return text  # nothing is put right silently: see _check

    def dateTimeFromText(self, text: str) -> QDateTime:
        if self._special(text):
            return QDateTime(self.minimumDate(), QTime(0, 0))
        day = typed_day(text)
        if day is None:
            return super().dateTimeFromText(text)
        return QDateTime(qdate(day), QTime(0, 0))

    # --- when the text is done -----------------------------------------------------

    def take_typed(self) -> str:
        """Take what was typed now, as leaving the field would (a dialog's OK, Ctrl+S while
        the field has the focus). Returns why the last text typed was refused ("" when
        it was not); the field then keeps its date."""
        self._check()
        self.interpretText()
        return self.error

    def _check(self) -> None:
        """The text is done: a date outside the range, or no date, is said beside the
        field, which keeps its date; a whole date in range is taken by Qt."""
        text = self.lineEdit().text()
        if text == self.textFromDateTime(self.dateTime()) or self._special(text):
            return
        day = typed_day(text)
        if day is not None and self._in_range(day):
            return
        at_special = self.specialValueText() and self.date() == self.minimumDate()
        kept = self.specialValueText() if at_special else vn_date(self.day())
        low, high = pydate(self.minimumDate()), pydate(self.maximumDate())
        if day is None:
            message = self.tr("“%1” is not a date (day/month/year). The date stays %2.")
            message = message.replace("%1", text.strip()).replace("%2", kept)
        elif day < low:
            message = self.tr("%1 is before %2, the earliest date here. The date stays %3.")
            message = message.replace("%1", vn_date(day)).replace("%2", vn_date(low))
            message = message.replace("%3", kept)
        else:
            message = self.tr("%1 is after %2, the latest date here. The date stays %3.")
            message = message.replace("%1", vn_date(day)).replace("%2", vn_date(high))
            message = message.replace("%3", kept)
        self.error = message
        self.setStyleSheet(ERROR_STYLE)
        self.setToolTip(message)
        if self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)
        self.refused.emit(message)

    def _forget_error(self) -> None:
        if self.error:
            self.error = ""
            self.setStyleSheet("")
            self.setToolTip("")
            QToolTip.hideText()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._check()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._check()
            super().keyPressEvent(event)
        elif event.matches(QKeySequence.StandardKey.Paste):
            pasted = QGuiApplication.clipboard().text().strip()
            if typed_day(pasted) is not None or self._special(pasted):
                self.lineEdit().setText(pasted)  # the whole field, whatever was selected
            else:
                QAbstractSpinBox.keyPressEvent(self, event)
        elif (event.text() and event.text().isprintable()) or key in _EDITING_KEYS:
            # Typed into the text as into a line edit: QDateEdit's own typing steps each
            # section through values in range (the snapping this field exists to avoid).
            QAbstractSpinBox.keyPressEvent(self, event)
        else:
            if key in _STEPPING_KEYS:
                self._take_typed()
            super().keyPressEvent(event)

    def _take_typed(self) -> None:
        """Before the arrow keys step the date: take what was typed (or say why not)."""
        text = self.lineEdit().text()
        if text == self.textFromDateTime(self.dateTime()) or self._special(text):
            return
        self._check()
        day = typed_day(text)
        if day is not None and self._in_range(day):
            self.setDate(qdate(day))


_INTERMEDIATE = QValidator.State.Intermediate
_EDITING_KEYS = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete}
_STEPPING_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
