"""Units and people: two lists with add, edit and merge of two spellings into one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from minutes_app.core.directory import (
    DirectoryError,
    PersonRow,
    UnitRow,
    list_people,
    list_units,
    merge_people,
    merge_units,
    save_person,
    save_unit,
)
from minutes_app.ui.operations import (
    CONFERENCES,
    DIRECTORY,
    TASKS,
    DatabaseWorker,
    changes,
    follow_changes,
    tell_failure,
)
from minutes_app.ui.widgets.columns import fit_columns
from minutes_app.ui.widgets.common import ButtonRow, plain_label
from minutes_app.ui.widgets.completion import FoldingCompleter
from minutes_app.ui.widgets.rows_model import Column, RowsModel
from minutes_app.ui.widgets.steady_view import SteadyTableView

if TYPE_CHECKING:
    from minutes_app.core.search import Hit


class NameDialog(QDialog):
    """Add or edit a unit (name, kind, parent) or a person (name, unit). OK calls
    ``on_ok`` (by default it accepts); the dialog stays open until that succeeds."""

    def __init__(
        self,
        title: str,
        fields: Sequence[tuple[str, str, Sequence[str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.edits: list[QLineEdit] = []
        form = QFormLayout()
        for label, value, choices in fields:
            edit = QLineEdit(value)
            if choices:
                FoldingCompleter(choices, edit).attach(edit)
            form.addRow(label, edit)
            self.edits.append(edit)
        self.error = plain_label()
        self.error.setStyleSheet("color: #b3261e;")
        self.on_ok: Callable[[], object] = self.accept
        self.buttons = ButtonRow(self, self.tr("OK"), lambda: self.on_ok())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(self.buttons)
        self.resize(460, self.sizeHint().height())

    def values(self) -> list[str]:
        return [e.text() for e in self.edits]


class MergeDialog(QDialog):
    """Choose which of two records to keep."""

    def __init__(self, first: str, second: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge"))
        text = QLabel(
            self.tr(
                "The two become one: every conference, bridge point and task that names the "
                "other will name the one you keep. Keep:"
            )
        )
        text.setWordWrap(True)
        self.keep_first = QRadioButton(first)
        self.keep_second = QRadioButton(second)
        self.keep_first.setChecked(True)
        buttons = ButtonRow(self, self.tr("Merge"))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.keep_first)
        layout.addWidget(self.keep_second)
        layout.addLayout(buttons)


class DirectoryList(QGroupBox):
    """One list (units or people) with its filter and buttons."""

    def __init__(
        self,
        title: str,
        model: RowsModel[object],
        stretch: int,
        whole: tuple[int, ...] = (),
        caps: dict[int, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.model = model
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("Filter (diacritics optional)"))
        self.filter_box.setClearButtonEnabled(True)
        self.view = SteadyTableView()
        self.view.setModel(model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        # The longest text takes the room; the other columns fit their content, a long
        # one wrapped on two lines.
        fit_columns(self.view, stretch, default_cap=130, whole=whole, caps=caps)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.merge_button = QPushButton(self.tr("Merge two…"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.merge_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.filter_box.textChanged.connect(model.set_filter)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def selected(self) -> list[object]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [r for r in (self.model.row(i) for i in rows) if r is not None]

    def _update_buttons(self, *_: object) -> None:
        count = len(self.selected())
        self.edit_button.setEnabled(count == 1)
        self.merge_button.setEnabled(count == 2)


# What the lists show: units and people, with the tasks each unit leads and the
# conferences each person appears at.
SHOWN = (DIRECTORY, TASKS, CONFERENCES)
# A merge makes every record that named the one removed name the one kept.
MERGED = changes(DIRECTORY, TASKS, CONFERENCES)


class DirectoryPage(QWidget):
    """Units on the left, people on the right; filled when first shown, reloaded when
    they change."""

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert worker.db is not None
        self.worker = worker
        self.db = worker.db
        unit_columns: list[Column[UnitRow]] = [
            Column(self.tr("Unit"), lambda u: u.name),
            Column(self.tr("Kind"), lambda u: u.kind),
            Column(self.tr("Part of"), lambda u: u.parent),
            Column(self.tr("People"), lambda u: u.people, numeric=True),
            Column(self.tr("Tasks led"), lambda u: u.tasks, numeric=True),
        ]
        person_columns: list[Column[PersonRow]] = [
            Column(self.tr("Name"), lambda p: p.name),
            Column(self.tr("Unit"), lambda p: p.unit),
            Column(self.tr("Appearances"), lambda p: p.appearances, numeric=True),
        ]
        self.units_model: RowsModel[UnitRow] = RowsModel(unit_columns, self)
        self.people_model: RowsModel[PersonRow] = RowsModel(person_columns, self)
        # A unit's kind ("huyện ủy", "sở") whole, its name taking the room.
        self.units = DirectoryList(self.tr("Units"), self.units_model, 0, (1,), {1: 80})  # type: ignore[arg-type]
        # A person's unit is longer than the name: the unit takes the room.
        self.people = DirectoryList(self.tr("People"), self.people_model, 1, (0,))  # type: ignore[arg-type]
        splitter = QSplitter()
        splitter.addWidget(self.units)
        splitter.addWidget(self.people)
        # Units have more columns than people: they take three fifths of the width.
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.units.add_button.clicked.connect(lambda: self._on_edit_unit(None))
        self.units.edit_button.clicked.connect(lambda: self._on_edit_unit(self._one(self.units)))
        self.units.view.doubleClicked.connect(lambda: self._on_edit_unit(self._one(self.units)))
        self.units.merge_button.clicked.connect(self._on_merge_units)
        self.people.add_button.clicked.connect(lambda: self._on_edit_person(None))
        self.people.edit_button.clicked.connect(
            lambda: self._on_edit_person(self._one(self.people))
        )
        self.people.view.doubleClicked.connect(lambda: self._on_edit_person(self._one(self.people)))
        self.people.merge_button.clicked.connect(self._on_merge_people)
        follow_changes(self, worker, SHOWN, self.refresh)

    def refresh(self) -> None:
        """Read both lists on the worker; they show when they come."""
        db = self.db
        self.worker.run_op(self, lambda: (list_units(db), list_people(db)), self._show)

    def _show(self, lists: tuple[list[UnitRow], list[PersonRow]]) -> None:
        units, people = lists
        self.units_model.set_rows(units)
        self.people_model.set_rows(people)

    def show_hit(self, hit: Hit) -> None:
        """Show a person or a unit found by the search, by filtering its list."""
        section = self.people if hit.type == "person" else self.units
        section.filter_box.setText(hit.label)

    @staticmethod
    def _one(section: DirectoryList) -> object | None:
        rows = section.selected()
        return rows[0] if len(rows) == 1 else None

    def _unit_names(self) -> list[str]:
        return [u.name for u in list_units(self.db)]

    def _error_text(self, error: DirectoryError) -> str:
        return {
            "required": self.tr("A name is required."),
            "exists": self.tr("That name is already in the list: use Merge instead."),
            "cycle": self.tr("A unit cannot be part of itself."),
            "same": self.tr("Choose two different entries."),
        }.get(error.code, error.code)

    def _run_dialog(self, dialog: NameDialog, save: Callable[[list[str]], object]) -> None:
        """Ask in ``dialog``; its OK saves on the worker, and a refusal stays in view."""

        def refused(error: BaseException) -> None:
            dialog.buttons.ok.setEnabled(True)
            if isinstance(error, DirectoryError):
                dialog.error.setText(self._error_text(error))
            else:
                tell_failure(dialog, error)

        def start() -> None:
            values = dialog.values()
            dialog.buttons.ok.setEnabled(False)
            self.worker.run_op(
                dialog,
                lambda: save(values),
                lambda _saved: dialog.accept(),
                refused,
                change=changes(DIRECTORY),
            )

        dialog.on_ok = start
        dialog.exec()

    def _on_edit_unit(self, row: object | None) -> None:
        unit = row if isinstance(row, UnitRow) else None
        names = self._unit_names()
        dialog = NameDialog(
            self.tr("Unit"),
            [
                (self.tr("&Name"), unit.name if unit else "", ()),
                (self.tr("&Kind"), (unit.kind or "") if unit else "", ()),
                (self.tr("&Part of"), (unit.parent or "") if unit else "", names),
            ],
            self,
        )
        self._run_dialog(
            dialog,
            lambda v: save_unit(
                self.db, unit.id if unit else None, v[0], v[1] or None, v[2] or None
            ),
        )

    def _on_edit_person(self, row: object | None) -> None:
        person = row if isinstance(row, PersonRow) else None
        dialog = NameDialog(
            self.tr("Person"),
            [
                (self.tr("&Name"), person.name if person else "", ()),
                (self.tr("&Unit"), (person.unit or "") if person else "", self._unit_names()),
            ],
            self,
        )
        self._run_dialog(
            dialog,
            lambda v: save_person(self.db, person.id if person else None, v[0], v[1] or None),
        )

    def _merge(
        self,
        section: DirectoryList,
        label: Callable[[object], str],
        merge: Callable[[int, int], None],
    ) -> None:
        rows = section.selected()
        if len(rows) != 2:
            return
        first, second = rows
        dialog = MergeDialog(label(first), label(second), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        keep, remove = (first, second) if dialog.keep_first.isChecked() else (second, first)
        kept, removed = keep.id, remove.id  # type: ignore[attr-defined]
        self.worker.run_op(self, lambda: merge(kept, removed), change=MERGED)

    def _on_merge_units(self) -> None:
        db = self.db
        self._merge(self.units, lambda u: u.name, lambda k, r: merge_units(db, k, r))  # type: ignore[attr-defined]

    def _on_merge_people(self) -> None:
        db = self.db
        self._merge(self.people, lambda p: p.label(), lambda k, r: merge_people(db, k, r))  # type: ignore[attr-defined]
