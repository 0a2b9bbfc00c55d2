"""The General tab of the conference editor: title, kind, mode, organizer, date, session and
times, host point, secretary and chairs."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)

from minutes_app.base.text import clean
from minutes_app.core.conferences.catalogue import EditorChoices
from minutes_app.core.conferences.forms import AppearanceForm, ConferenceForm
from minutes_app.ui.conferences.editor_widgets import (
    appearance_cells,
    buddy,
    combo_line,
    error_label,
    line_edit,
    person_ref,
    read_people,
    set_combo_text,
    set_error,
    set_line,
)
from minutes_app.ui.widgets.completion import CompletingDelegate, FoldingCompleter
from minutes_app.ui.widgets.date_field import DateField
from minutes_app.ui.widgets.table_section import TableSection

MODES = ("online", "in_person", "hybrid")
SESSIONS = (None, "morning", "afternoon", "evening")


class GeneralTab(QWidget):
    """Shows the general part of a form and reads it back; the editor keeps the form."""

    # The clerk edited a field; the key names the edit (see EditCommand).
    edited = Signal(str)

    def __init__(
        self, choices: EditorChoices, undo_keys: QObject, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        session_names = [self.tr("—"), self.tr("morning"), self.tr("afternoon"), self.tr("evening")]
        self.title_edit = line_edit(
            undo_keys, self.tr("e.g. Hội nghị trực tuyến quán triệt Quy định số 96-QĐ/TW")
        )
        self.title_error = error_label()
        self.kind_box = QComboBox()
        self.kind_box.setEditable(True)
        self.kind_box.addItems(list(choices.kinds))
        combo_line(self.kind_box).installEventFilter(undo_keys)
        self.mode_box = QComboBox()
        self.mode_box.addItems([self.tr("online"), self.tr("in person"), self.tr("hybrid")])
        self.organizer_box = QComboBox()
        self.organizer_box.setEditable(True)
        self.organizer_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.organizer_box.addItems(list(choices.organizers))
        combo_line(self.organizer_box).installEventFilter(undo_keys)
        combo_line(self.organizer_box).setPlaceholderText(self.tr("e.g. Ban Tổ chức Trung ương"))
        self.date_edit = DateField()
        self.date_error = error_label()
        self.date_edit.refused.connect(lambda text: set_error(self.date_error, text))
        self.session_box = QComboBox()
        self.session_box.addItems(session_names)
        self.start_edit = line_edit(undo_keys, self.tr("HH:MM"))
        self.end_edit = line_edit(undo_keys, self.tr("HH:MM"))
        for edit in (self.start_edit, self.end_edit):
            edit.setMaximumWidth(80)
        self.time_error = error_label()
        self.host_edit = line_edit(undo_keys, self.tr("e.g. Trụ sở Ban Tổ chức Trung ương, Hà Nội"))
        self.secretary_edit = line_edit(undo_keys, self.tr("who writes the minutes"))
        self.secretary_title = line_edit(undo_keys, self.tr("title"))
        FoldingCompleter(choices.people, self.secretary_edit).attach(self.secretary_edit)
        self.chairs = TableSection(
            [self.tr("Chair"), self.tr("Title held that day")], stretch=1, caps={0: 220}
        )
        self.chairs.table.setItemDelegateForColumn(0, CompletingDelegate(choices.people, self))
        self.chairs_error = error_label()

        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addWidget(QLabel(self.tr("Session")))
        when.addWidget(self.session_box)
        when.addWidget(QLabel(self.tr("from")))
        when.addWidget(self.start_edit)
        when.addWidget(QLabel(self.tr("to")))
        when.addWidget(self.end_edit)
        when.addStretch(1)
        secretary = QHBoxLayout()
        secretary.addWidget(self.secretary_edit, 1)
        secretary.addWidget(self.secretary_title, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(buddy(self.tr("&Title"), self.title_edit), self.title_edit)
        form.addRow("", self.title_error)
        kind_mode = QHBoxLayout()
        kind_mode.addWidget(self.kind_box, 2)
        kind_mode.addWidget(buddy(self.tr("&Mode"), self.mode_box))
        kind_mode.addWidget(self.mode_box, 1)
        form.addRow(buddy(self.tr("&Kind"), self.kind_box), kind_mode)
        form.addRow(buddy(self.tr("O&rganizer"), self.organizer_box), self.organizer_box)
        form.addRow(buddy(self.tr("D&ate"), self.date_edit), when)
        form.addRow("", self.date_error)
        form.addRow("", self.time_error)
        form.addRow(buddy(self.tr("&Host point"), self.host_edit), self.host_edit)
        form.addRow(buddy(self.tr("Secretar&y"), self.secretary_edit), secretary)
        form.addRow(self.tr("Chairs"), self.chairs)
        form.addRow("", self.chairs_error)
        self.setLayout(form)
        self._connect_edits()

    def _connect_edits(self) -> None:
        self.title_edit.textEdited.connect(lambda: self.edited.emit("title"))
        self.kind_box.currentTextChanged.connect(lambda: self.edited.emit("kind"))
        self.mode_box.currentIndexChanged.connect(lambda: self.edited.emit("!mode"))
        self.organizer_box.currentTextChanged.connect(lambda: self.edited.emit("organizer"))
        self.date_edit.dateChanged.connect(lambda: self.edited.emit("date"))
        self.session_box.currentIndexChanged.connect(lambda: self.edited.emit("!session"))
        self.start_edit.textEdited.connect(lambda: self.edited.emit("start_time"))
        self.end_edit.textEdited.connect(lambda: self.edited.emit("end_time"))
        self.host_edit.textEdited.connect(lambda: self.edited.emit("host_point"))
        self.secretary_edit.textChanged.connect(lambda: self.edited.emit("secretary"))
        self.secretary_title.textEdited.connect(lambda: self.edited.emit("secretary_title"))
        self.chairs.changed.connect(lambda: self.edited.emit("!chairs"))

    def show_form(self, form: ConferenceForm) -> None:
        """Show the general fields of ``form``."""
        set_line(self.title_edit, form.title)
        set_combo_text(self.kind_box, form.kind or "")
        self.mode_box.setCurrentIndex(MODES.index(form.mode) if form.mode in MODES else 0)
        set_combo_text(self.organizer_box, form.organizer or "")
        when = form.date or dt.date.today()
        self.date_edit.setDate(QDate(when.year, when.month, when.day))
        self.session_box.setCurrentIndex(SESSIONS.index(form.session))
        set_line(self.start_edit, form.start_time or "")
        set_line(self.end_edit, form.end_time or "")
        set_line(self.host_edit, form.host_point or "")
        secretary_cells, _ = appearance_cells(form.secretary)
        set_line(self.secretary_edit, secretary_cells[0])
        set_line(self.secretary_title, secretary_cells[1])
        self.chairs.set_rows([appearance_cells(a) for a in form.chairs])

    def read(self, old: ConferenceForm) -> ConferenceForm:
        """``old`` with the general fields as the widgets show them."""
        self.date_edit.take_typed()  # saved with Ctrl+S while the date is being typed
        date = self.date_edit.date()
        secretary_name = self.secretary_edit.text().strip()
        old_secretary_id = old.secretary.person.id if old.secretary else None
        return replace(
            old,
            title=self.title_edit.text(),
            kind=clean(self.kind_box.currentText()),
            mode=MODES[max(self.mode_box.currentIndex(), 0)],
            organizer=clean(self.organizer_box.currentText()),
            date=dt.date(date.year(), date.month(), date.day()),
            session=SESSIONS[max(self.session_box.currentIndex(), 0)],
            start_time=clean(self.start_edit.text()),
            end_time=clean(self.end_edit.text()),
            host_point=clean(self.host_edit.text()),
            secretary=AppearanceForm(
                person_ref(
                    secretary_name,
                    old_secretary_id
                    if old.secretary and old.secretary.person.name == secretary_name
                    else None,
                ),
                clean(self.secretary_title.text()),
            )
            if secretary_name
            else None,
            chairs=read_people(self.chairs, old.chairs),
        )

    def show_errors(self, by_area: dict[str, list[str]]) -> None:
        """Show the problems of the general fields, ``by_area`` keyed by field name."""
        set_error(self.title_error, by_area.get("title"))
        set_error(self.date_error, by_area.get("date"))
        set_error(
            self.time_error, (by_area.get("start_time") or []) + (by_area.get("end_time") or [])
        )
        set_error(self.chairs_error, by_area.get("chairs"))
