"""The Papers tab of the conference editor: the papers issued from the conference (its
minutes and its notice) with their registered numbers and dates of issue, the next number
proposed from the register of issued papers."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from minutes_app.base.days import typed_day, vn_date
from minutes_app.base.text import clean
from minutes_app.core.conferences.catalogue import EditorChoices
from minutes_app.core.conferences.forms import PAPER_KINDS, ConferenceForm, PaperForm
from minutes_app.core.conferences.numbering import next_number
from minutes_app.ui.conferences.editor_widgets import error_label, set_error
from minutes_app.ui.widgets.common import plain_label
from minutes_app.ui.widgets.date_field import DateField, qdate
from minutes_app.ui.widgets.table_section import DATA_ROLE, TableSection

KIND, NUMBER, ISSUED_ON = range(3)


class _KindDelegate(QStyledItemDelegate):
    """Picks the kind of paper from a list; the row keeps the kind's key as its data."""

    def __init__(self, names: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = names  # kind → name shown

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        box = QComboBox(parent)
        for kind in PAPER_KINDS:
            box.addItem(self.names[kind], kind)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        data = index.data(DATA_ROLE)
        kind = data.get("kind") if isinstance(data, dict) else None
        editor.setCurrentIndex(max(editor.findData(kind), 0))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        data = index.data(DATA_ROLE)
        row = dict(data) if isinstance(data, dict) else {}
        row["kind"] = editor.currentData()
        model.setData(index, row, DATA_ROLE)
        model.setData(index, editor.currentText())


class _DayDelegate(QStyledItemDelegate):
    """Edits a date of issue in a date field with a calendar."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        # The window's one date field: a whole date typed or pasted is the date kept.
        return DateField(parent=parent)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, DateField)
        editor.setDate(qdate(typed_day(str(index.data() or "")) or dt.date.today()))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, DateField)
        editor.take_typed()  # a refused text leaves the date as it was, and says why
        model.setData(index, vn_date(editor.day()))


class PapersTab(QWidget):
    """Shows the papers of a form and reads them back; the editor keeps the form.

    Each row carries, as its data, the kind of paper and its place in the form it was
    shown from, so that a paper keeps what the tab does not show (its signer and
    authority) when rows move."""

    # The clerk edited the table; the key names the edit (see EditCommand).
    edited = Signal(str)

    def __init__(
        self,
        choices: EditorChoices,
        form: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self._form = form  # () -> ConferenceForm: the editor's form as it is now
        self.kind_names = {"minutes": self.tr("Minutes"), "notice": self.tr("Notice")}
        self.papers = TableSection(
            [self.tr("Kind of paper"), self.tr("Number"), self.tr("Date of issue")],
            stretch=NUMBER,
        )
        table = self.papers.table
        table.setItemDelegateForColumn(KIND, _KindDelegate(self.kind_names, self))
        table.setItemDelegateForColumn(ISSUED_ON, _DayDelegate(self))
        header = table.horizontalHeader()
        header.resizeSection(KIND, 200)
        header.resizeSection(ISSUED_ON, 140)
        # Add proposes the paper not yet registered, numbered from the register.
        self.papers.add_button.clicked.disconnect()
        self.papers.add_button.clicked.connect(self._on_add)
        self.propose_button = QPushButton(self.tr("&Propose number"))
        self.propose_button.setAutoDefault(False)
        self.propose_button.setToolTip(
            self.tr(
                "Number the selected paper after the last one of its kind issued in the "
                "year of its date of issue"
            )
        )
        self.propose_button.clicked.connect(self._on_propose)
        self.papers.button_row.insertWidget(4, self.propose_button)
        self.papers_error = error_label()
        hint = plain_label()
        hint.setWordWrap(True)
        hint.setText(
            self.tr(
                "The number and date of issue are printed on the minutes and the notice. "
                "A paper not listed here is printed with its number and date left blank, "
                "to be filled in by hand."
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.papers, 1)
        layout.addWidget(self.papers_error)
        self.papers.changed.connect(lambda: self.edited.emit("!papers"))
        self.papers.current_changed.connect(lambda row: self.propose_button.setEnabled(row >= 0))
        self.propose_button.setEnabled(False)

    def show_form(self, form: ConferenceForm) -> None:
        """Show the papers of ``form``."""
        self.papers.set_rows(
            [
                (
                    [self._kind_text(p), p.number, vn_date(p.issued_on)],
                    {"kind": p.kind, "index": i},
                )
                for i, p in enumerate(form.papers)
            ]
        )

    def _kind_text(self, paper: PaperForm) -> str:
        """The kind's name, and, for a paper issued from signed-off minutes, when."""
        name = self.kind_names.get(paper.kind, paper.kind)
        if paper.signed_off_at is None:
            return name
        return (
            self.tr("%1 (minutes signed off %2)")
            .replace("%1", name)
            .replace("%2", paper.signed_off_at.strftime("%d/%m/%Y"))
        )

    def renumber(self, form: ConferenceForm) -> None:
        """Give each row its place in ``form`` again, after rows were added, removed or moved."""
        for row in range(self.papers.row_count()):
            data = self.papers.data(row)
            kind = data.get("kind") if isinstance(data, dict) else None
            self.papers.set_data(row, {"kind": kind, "index": row})

    def read(self, old: ConferenceForm) -> tuple[PaperForm, ...]:
        """The papers as the table shows them, keeping their signers and authorities."""
        papers = []
        for row in range(self.papers.row_count()):
            data = self.papers.data(row)
            data = data if isinstance(data, dict) else {}
            index = data.get("index")
            before = (
                old.papers[index]
                if isinstance(index, int) and 0 <= index < len(old.papers)
                else PaperForm(kind="minutes", number="")
            )
            papers.append(
                replace(
                    before,
                    kind=data.get("kind") or before.kind,
                    number=clean(self.papers.text(row, NUMBER)) or "",
                    issued_on=typed_day(self.papers.text(row, ISSUED_ON)),
                )
            )
        return tuple(papers)

    def proposed_number(self, kind: str, day: dt.date, form: ConferenceForm, row: int) -> str:
        """The next number of ``kind`` in ``day``'s year, counting the papers on screen
        except the one at ``row`` (the one being numbered)."""
        others = [p for i, p in enumerate(form.papers) if i != row]
        return next_number(
            self.choices.issued,
            kind,
            day.year,
            self.choices.office_symbol,
            conference_id=form.id,
            unsaved=others,
        )

    def _on_add(self) -> None:
        form = self._form()
        listed = {p.kind for p in form.papers}
        kind = next((k for k in PAPER_KINDS if k not in listed), PAPER_KINDS[0])
        day = form.date or dt.date.today()
        number = self.proposed_number(kind, day, form, -1)
        self.papers.add_row(
            [self.kind_names[kind], number, vn_date(day)],
            {"kind": kind, "index": None},
            edit=False,
        )

    def _on_propose(self) -> None:
        row = self.papers.table.currentRow()
        form = self._form()
        if not 0 <= row < len(form.papers):
            return
        paper = form.papers[row]
        day = paper.issued_on or form.date or dt.date.today()
        item = self.papers.table.item(row, NUMBER)
        if item is not None:
            item.setText(self.proposed_number(paper.kind, day, form, row))

    def show_errors(self, by_area: dict[str, list[str]]) -> None:
        set_error(self.papers_error, by_area.get("papers"))
