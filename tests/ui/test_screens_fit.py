"""Every screen reads at the default window size, in Vietnamese and English: nothing cut.

The main window is resized to 1200×760 (the default size) and 1440×900, with the sample
data and the translation loaded as the app loads it; each screen, each tab of the editor
and the main dialogs are walked. A header section is wide enough for its text (the
header's font, its margins and the sort arrow); a label without word wrap is as wide as
its text, one with word wrap as tall as its lines; a list box shows its choice whole; the
text column of a screen's main table keeps a readable width; a value recognised from a
text shows whole in its tooltip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database
from minutes_app.ui.app import install_language, remove_language
from minutes_app.ui.main_window import MainWindow
from tests.ui.helpers import open_editor_of, settle

# px: the text column of a screen's main table, at 1200 px and wider, unless its longest
# text is shorter
READABLE = 250
ARTICLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "articles"
ARTICLE = (
    "Sáng 17/02/2023, Ban Tổ chức Trung ương tổ chức hội nghị trực tuyến quán triệt, triển "
    "khai các văn bản mới của Trung ương về công tác tổ chức xây dựng Đảng. Đồng chí Trương "
    "Thị Mai, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Tổ chức Trung ương "
    "chủ trì. Dự Hội nghị tại điểm cầu trực tuyến tỉnh Bắc Kạn có đồng chí Hoàng Duy Chinh, "
    "Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh Bắc Kạn. "
    "Các đại biểu được nghe quán triệt: Quy định số 96-QĐ/TW, ngày 02/02/2023 của Bộ Chính "
    "trị về việc lấy phiếu tín nhiệm; Hướng dẫn số 22-HD/BTCTW, ngày 03/01/2023 của Ban Tổ "
    "chức Trung ương hướng dẫn một số nội dung trong tuyển dụng công chức."
)


@pytest.fixture
def language(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    """The window's language, loaded as the app loads it (English: the source strings and
    their plural forms)."""
    assert install_language(qapp, request.param) is not None
    yield request.param
    remove_language(qapp)
    install_language(qapp, "en")


def _settled(qtbot: QtBot, window: MainWindow) -> None:
    settle(qtbot, window)
    qtbot.wait(50)  # the column fitting and layouts that the new rows set off
    QApplication.processEvents()


def _header_needs(header: QHeaderView, logical: int) -> int:
    """What a section needs to show its header text whole."""
    model = header.model()
    text = str(model.headerData(logical, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
    font = QFont(header.font())
    if header.highlightSections():
        font.setBold(True)  # a section of the selected cells is painted in bold
    metrics = QFontMetrics(font)
    width = max((metrics.horizontalAdvance(line) for line in text.splitlines()), default=0)
    style = header.style()
    need = width + 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
        need += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    return need


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    room = label.contentsRect()
    indent = 2 * max(label.margin(), 0)
    if label.wordWrap():
        if label.heightForWidth(label.width()) > label.height():
            return (
                f"{text!r}: {label.heightForWidth(label.width())} px high, shown {label.height()}"
            )
        return None
    if "<" in text and label.textFormat() != Qt.TextFormat.PlainText:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        width = int(document.idealWidth() + 0.99)
    else:
        plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        width = max(
            label.fontMetrics().horizontalAdvance(line) for line in plain.splitlines() or [""]
        )
    if width + indent > room.width():
        return f"{text!r}: needs {width} px, has {room.width()}"
    return None


def clipped(top: QWidget) -> list[str]:
    """Every header section and label of ``top`` that is shown cut."""
    problems: list[str] = []
    for header in top.findChildren(QHeaderView):
        if not header.isVisibleTo(top) or header.orientation() != Qt.Orientation.Horizontal:
            continue
        view = header.parentWidget()
        for logical in range(header.count()):
            if header.isSectionHidden(logical):
                continue
            need, size = _header_needs(header, logical), header.sectionSize(logical)
            if need > size:
                text = header.model().headerData(logical, Qt.Orientation.Horizontal)
                problems.append(
                    f"{type(view).__name__} header {text!r}: needs {need} px, has {size}"
                )
    for box in top.findChildren(QComboBox):
        if box.isVisibleTo(top) and not box.isEditable():
            option = QStyleOptionComboBox()
            box.initStyleOption(option)
            field = box.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox,
                option,
                QStyle.SubControl.SC_ComboBoxEditField,
                box,
            )
            need = box.fontMetrics().horizontalAdvance(box.currentText())
            if not box.itemIcon(box.currentIndex()).isNull():
                need += box.iconSize().width() + 4
            if need > field.width():
                problems.append(
                    f"list box {box.currentText()!r}: needs {need} px, has {field.width()}"
                )
    for label in top.findChildren(QLabel):
        if label.isVisibleTo(top) and label.width() > 0:
            problem = _label_problem(label)
            if problem:
                problems.append(f"label {problem}")
    return problems


def narrow_text_column(view: QAbstractItemView) -> str | None:
    """Whether the text column of ``view`` is narrower than READABLE and than its
    longest text."""
    header = view.horizontalHeader()  # type: ignore[attr-defined]
    stretched = [
        logical
        for logical in range(header.count())
        if header.sectionResizeMode(logical) == QHeaderView.ResizeMode.Stretch
    ]
    assert len(stretched) == 1, "one text column stretches"
    column, model, metrics = stretched[0], view.model(), view.fontMetrics()
    longest = max(
        (
            metrics.horizontalAdvance(str(model.index(row, column).data() or ""))
            for row in range(model.rowCount())
        ),
        default=0,
    )
    # A cell's text has the style's focus margin and one pixel on either side.
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    width = header.sectionSize(column)
    if width < min(READABLE, longest + 2 * margin):
        return f"text column {width} px (its longest text needs {longest} px)"
    return None


@pytest.mark.parametrize(
    ("language", "size"),
    [("vi", (1200, 760)), ("vi", (1440, 900)), ("en", (1200, 760))],
    ids=["vi-1200x760", "vi-1440x900", "en-1200x760"],
    indirect=["language"],
)
def test_every_screen_reads_whole(
    qtbot: QtBot, db: Database, store: QSettings, language: str, size: tuple[int, int]
) -> None:
    load_samples(db)
    window = MainWindow(db, store)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    problems: dict[str, list[str]] = {}
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        _settled(qtbot, window)
        name = window.navigation.item(row).text()
        problems[name] = clipped(window)

    # The text column of each screen's main table.
    window.navigation.setCurrentRow(1)
    _settled(qtbot, window)
    for name, view in (
        ("conferences", window.conference_page.table),
        ("tasks", window.task_page.table),
        ("documents", window.documents_page.view),
        ("units", window.directory_page.units.view),
    ):
        narrow = narrow_text_column(view)
        if narrow:
            problems.setdefault(name, []).append(narrow)

    window.navigation.setCurrentRow(0)
    newest = list_conferences(db)[0]
    editor = open_editor_of(qtbot, window, newest.id)
    qtbot.waitExposed(editor)
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        problems[f"editor: {editor.tabs.tabText(index)}"] = clipped(editor)
    editor.close()

    articles = sorted(ARTICLES.glob("002*.txt"))
    window.conferences.new_conference_from_text()
    qtbot.waitUntil(lambda: window.conferences.from_text is not None)  # read on the worker
    dialog = window.conferences.from_text
    assert dialog is not None
    dialog.set_text(articles[0].read_text(encoding="utf-8") if articles else ARTICLE)
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    problems["from text"] = clipped(dialog)
    problems["from text: values"] = _hidden_values(dialog.found)
    dialog.close()

    from minutes_app.core.paperwork.office import load_office
    from minutes_app.ui.conferences.trash import TrashDialog
    from minutes_app.ui.paperwork.office_dialog import OfficeDialog
    from minutes_app.ui.paperwork.period_dialog import PeriodDialog
    from minutes_app.ui.search_dialog import SearchDialog
    from minutes_app.ui.settings_dialog import SettingsDialog
    from minutes_app.ui.tasks.dialogs import CreateTasksDialog

    units = [unit.name for unit in _units(db)]
    for name, made in (
        ("office", lambda: OfficeDialog(window.worker, load_office(db), window)),
        ("settings", lambda: SettingsDialog(store, window)),
        ("search", lambda: SearchDialog(db, window)),
        ("trash", lambda: TrashDialog(window.worker, window, "Nguyễn Thị Thu")),
        ("period", lambda: PeriodDialog(dt.date(2026, 11, 30), window)),
        (
            "create tasks",
            lambda: CreateTasksDialog(
                1, "Rà soát quy hoạch cán bộ", dt.date(2023, 4, 3), units, [], window
            ),
        ),
    ):
        other = made()
        other.show()
        qtbot.waitExposed(other)
        settle(qtbot, window)
        QApplication.processEvents()
        problems[name] = clipped(other)
        other.close()

    report = [f"{name}: {problem}" for name, found in problems.items() for problem in found]
    assert not report, f"shown cut at {size} in {language}:\n" + "\n".join(report)


def _units(db: Database) -> list:  # type: ignore[type-arg]
    from minutes_app.core.directory import list_units

    return list(list_units(db))


def _hidden_values(tree: QTreeWidget) -> list[str]:
    """Recognised values shown cut, with no tooltip or wrapping that shows them whole."""
    hidden: list[str] = []
    metrics = tree.fontMetrics()

    def look(item: QTreeWidgetItem, depth: int) -> None:
        for column in range(tree.columnCount()):
            text = item.text(column)
            if not text or (item.isFirstColumnSpanned() and column):
                continue
            room = (
                tree.viewport().width() if item.isFirstColumnSpanned() else tree.columnWidth(column)
            )
            depth_shown = depth + 1 if tree.rootIsDecorated() else depth
            room -= 8 + (tree.indentation() * depth_shown if column == 0 else 0)
            whole = escape(text, quote=False) in item.toolTip(column)  # as the tooltip shows it
            if metrics.horizontalAdvance(text) > room and not whole:
                hidden.append(text)
        for index in range(item.childCount()):
            look(item.child(index), depth + 1)

    for index in range(tree.topLevelItemCount()):
        look(tree.topLevelItem(index), 0)
    return hidden
