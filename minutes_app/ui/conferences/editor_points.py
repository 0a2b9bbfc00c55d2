"""The Bridge points tab of the conference editor: the table of bridge points, who
presided and who attended at the one selected, and who was absent, with the reason."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QSplitter, QVBoxLayout, QWidget

from minutes_app.base.text import clean
from minutes_app.core.conferences.catalogue import EditorChoices
from minutes_app.core.conferences.forms import AbsenceForm, BridgePointForm, ConferenceForm
from minutes_app.ui.conferences.editor_widgets import (
    appearance_cells,
    error_label,
    person_ref,
    read_people,
    set_error,
)
from minutes_app.ui.widgets.common import plain_label
from minutes_app.ui.widgets.completion import CompletingDelegate
from minutes_app.ui.widgets.table_section import TableSection


class BridgePointsTab(QWidget):
    """Shows the bridge points of a form and reads them back; the editor keeps the form.

    Each row of ``points`` carries its place in the form as data, so that a point keeps
    the people it had (shown for the selected row only) when rows move."""

    # The clerk edited a table; the key names the edit (see EditCommand).
    edited = Signal(str)

    def __init__(self, choices: EditorChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points = TableSection(
            [self.tr("Bridge point"), self.tr("Host unit"), self.tr("Head count")],
            stretch=0,
            caps={1: 220},
        )
        self.points.table.setItemDelegateForColumn(1, CompletingDelegate(choices.units, self))
        self.presiding = TableSection(
            [self.tr("Presiding"), self.tr("Title")], stretch=1, caps={0: 200}
        )
        self.attendees = TableSection(
            [self.tr("Named attendee"), self.tr("Title")], stretch=1, caps={0: 200}
        )
        for people in (self.presiding, self.attendees):
            people.table.setItemDelegateForColumn(0, CompletingDelegate(choices.people, self))
        self.points_error = error_label()
        # Expected participants who did not attend (vắng mặt), printed in the minutes.
        self.absent = TableSection(
            [self.tr("Absent"), self.tr("Title"), self.tr("Reason")], stretch=2
        )
        self.absent.table.setItemDelegateForColumn(0, CompletingDelegate(choices.people, self))
        self.absent.table.horizontalHeader().resizeSection(0, 200)
        self.absent.table.horizontalHeader().resizeSection(1, 200)
        self.absent_error = error_label()
        absent = QWidget()
        absent_layout = QVBoxLayout(absent)
        absent_layout.setContentsMargins(0, 0, 0, 0)
        absent_layout.addWidget(plain_label(self.tr("Absent, with the reason given")))
        absent_layout.addWidget(self.absent, 1)
        absent_layout.addWidget(self.absent_error)
        detail = QWidget()
        detail_layout = QGridLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.point_caption = plain_label()  # "People at %1": the name as the clerk typed it
        detail_layout.addWidget(self.point_caption, 0, 0, 1, 2)
        detail_layout.addWidget(self.presiding, 1, 0)
        detail_layout.addWidget(self.attendees, 1, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.points)
        splitter.addWidget(detail)
        splitter.addWidget(absent)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.points_error)
        self.points.changed.connect(lambda: self.edited.emit("!points"))
        self.presiding.changed.connect(lambda: self.edited.emit("!presiding"))
        self.attendees.changed.connect(lambda: self.edited.emit("!attendees"))
        self.absent.changed.connect(lambda: self.edited.emit("!absent"))

    def show_form(self, form: ConferenceForm) -> None:
        """Show the bridge points of ``form``, and the people of the selected one."""
        self.points.set_rows(
            [
                (
                    [
                        p.name,
                        p.unit or "",
                        "" if p.attendee_count is None else str(p.attendee_count),
                    ],
                    i,
                )
                for i, p in enumerate(form.bridge_points)
            ]
        )
        self.show_point(form, self.points.table.currentRow())
        self.absent.set_rows(
            [([a.person.name, a.title or "", a.reason or ""], a.person.id) for a in form.absent]
        )

    def show_point(self, form: ConferenceForm, row: int) -> None:
        """Show the people of the bridge point at ``row`` (none when -1)."""
        points = form.bridge_points
        point = points[row] if 0 <= row < len(points) else None
        for section, people in (
            (self.presiding, point.presiding if point else ()),
            (self.attendees, point.attendees if point else ()),
        ):
            section.set_rows([appearance_cells(a) for a in people])
            section.setEnabled(point is not None)
        self.point_caption.setText(
            self.tr("People at %1").replace("%1", point.name) if point and point.name else ""
        )

    def renumber(self, form: ConferenceForm) -> None:
        """Give each row its place in ``form`` again, after rows were added, removed or moved."""
        for row in range(self.points.row_count()):
            self.points.set_data(row, row)
        point_row = self.points.table.currentRow()
        if 0 <= point_row < len(form.bridge_points):
            name = form.bridge_points[point_row].name
            self.point_caption.setText(self.tr("People at %1").replace("%1", name) if name else "")

    def read(self, old: ConferenceForm) -> tuple[BridgePointForm, ...]:
        """The bridge points as the widgets show them, keeping what they do not show."""
        points = []
        current = self.points.table.currentRow()
        for row in range(self.points.row_count()):
            index = self.points.data(row)
            before = (
                old.bridge_points[index]
                if isinstance(index, int) and 0 <= index < len(old.bridge_points)
                else BridgePointForm(name="")
            )
            count_text = self.points.text(row, 2).strip()
            count: int | None
            try:
                count = int(count_text) if count_text else None
            except ValueError:
                count = before.attendee_count
            point = replace(
                before,
                name=self.points.text(row, 0).strip(),
                unit=clean(self.points.text(row, 1)),
                attendee_count=count,
            )
            if row == current and self.presiding.isEnabled():
                point = replace(
                    point,
                    presiding=read_people(self.presiding, before.presiding),
                    attendees=read_people(self.attendees, before.attendees),
                )
            points.append(point)
        return tuple(points)

    def read_absent(self) -> tuple[AbsenceForm, ...]:
        """The absentees as the table shows them; a row keeps its person's id while the
        name stays as it was."""
        absent = []
        for row in range(self.absent.row_count()):
            cells = [self.absent.text(row, column).strip() for column in range(3)]
            if not any(cells):
                continue
            person = person_ref(cells[0], self.absent.data(row))
            absent.append(AbsenceForm(person, clean(cells[1]), clean(cells[2])))
        return tuple(absent)

    def show_errors(self, by_area: dict[str, list[str]]) -> None:
        set_error(self.points_error, by_area.get("bridge_points"))
        set_error(self.absent_error, by_area.get("absent"))
