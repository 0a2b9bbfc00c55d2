"""Qt's own dialogs speak Vietnamese: file dialogs, standard buttons, context menus, the
print preview (resources/i18n/qtbase_vi.ts, made by scripts/qt_strings.py)."""

from __future__ import annotations

import re
import sys
import tomllib
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QDate, QLocale, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from minutes_app.ui import app as app_module
from minutes_app.ui.app import install_language, remove_language

REPO = Path(__file__).resolve().parents[2]
QT_TS = REPO / "resources" / "i18n" / "qtbase_vi.ts"
sys.path.insert(0, str(REPO / "scripts"))
import qt_strings  # noqa: E402

PLACEHOLDERS = re.compile(r"%(?:n|L?\d+)")


Install = Callable[[str], object]


@pytest.fixture(autouse=True)
def this_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    """The translations of this checkout (an editable install may point at another)."""
    monkeypatch.setattr(app_module, "translations_dir", lambda: REPO / "resources" / "i18n")


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Install]:
    """Install a language as the app does, and take it away after the test."""
    locale = QLocale()
    yield lambda language: install_language(qapp, language)
    remove_language(qapp)
    QLocale.setDefault(locale)


def file_dialog(qtbot: QtBot, tmp_path: Path) -> QFileDialog:
    dialog = QFileDialog(None, "Xuất", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    return dialog


def texts(dialog: QFileDialog) -> dict[str, str]:
    """What the file dialog shows, by the object names of Qt's widgets."""
    shown = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    shown |= {b.objectName(): b.toolTip() for b in dialog.findChildren(QToolButton)}
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert box is not None
    for role in (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel):
        button = box.button(role)
        assert button is not None
        shown[role.name] = button.text()
    tree = dialog.findChild(QTreeView, "treeView")
    assert tree is not None
    model = tree.model()
    for column in range(4):
        shown[f"column{column}"] = str(model.headerData(column, tree.header().orientation()))
    return shown


def test_the_file_dialog_speaks_vietnamese(qtbot: QtBot, tmp_path: Path, language: Install) -> None:
    language("vi")
    shown = texts(file_dialog(qtbot, tmp_path))
    assert shown["lookInLabel"] == "&Tìm trong:"
    assert shown["fileNameLabel"] == "Tê&n tệp:"
    assert shown["fileTypeLabel"] == "Loại tệ&p:"
    assert shown["Save"] == "&Lưu"
    assert shown["Cancel"] == "Hủy"
    assert [shown[f"column{c}"] for c in range(4)] == ["Tên", "Kích thước", "Loại", "Ngày sửa đổi"]
    assert shown["backButton"] == "Quay lại"
    assert shown["newFolderButton"] == "Tạo thư mục mới"


def test_the_overwrite_question_speaks_vietnamese(
    qtbot: QtBot, tmp_path: Path, language: Install
) -> None:
    language("vi")
    existing = tmp_path / "bien-ban.pdf"
    existing.write_bytes(b"%PDF-1.4")
    dialog = file_dialog(qtbot, tmp_path)
    dialog.show()
    dialog.selectFile(str(existing))
    asked: list[tuple[str, list[str]]] = []

    def answer() -> None:  # Qt's own question, modal: read it and say No
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append((box.text(), [b.text() for b in box.buttons()]))
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer)
    dialog.accept()
    assert asked == [
        ("bien-ban.pdf đã tồn tại.\nBạn có muốn thay thế tệp này không?", ["&Có", "&Không"])
    ]
    assert existing.read_bytes() == b"%PDF-1.4"


def test_in_english_the_file_dialog_is_qt_s_own(
    qtbot: QtBot, tmp_path: Path, language: Install
) -> None:
    language("vi")
    language("en")  # as after switching back: nothing of the Vietnamese stays
    shown = texts(file_dialog(qtbot, tmp_path))
    assert shown["lookInLabel"] == "&Look in:"
    assert shown["fileNameLabel"] == "File &name:"
    assert shown["Save"] == "&Save"
    assert shown["Cancel"] == "Cancel"
    assert [shown[f"column{c}"] for c in range(4)] == ["Name", "Size", "Type", "Date Modified"]


STANDARD = {
    QDialogButtonBox.StandardButton.Ok: "Đồng ý",
    QDialogButtonBox.StandardButton.Cancel: "Hủy",
    QDialogButtonBox.StandardButton.Yes: "&Có",
    QDialogButtonBox.StandardButton.No: "&Không",
    QDialogButtonBox.StandardButton.Save: "Lưu",
    QDialogButtonBox.StandardButton.Discard: "Bỏ thay đổi",
    QDialogButtonBox.StandardButton.Close: "Đóng",
    QDialogButtonBox.StandardButton.Apply: "Áp dụng",
    QDialogButtonBox.StandardButton.Help: "Trợ giúp",
    QDialogButtonBox.StandardButton.RestoreDefaults: "Khôi phục mặc định",
}


def test_standard_buttons_speak_vietnamese(qtbot: QtBot, language: Install) -> None:
    language("vi")
    box = QDialogButtonBox()
    qtbot.addWidget(box)
    for role in STANDARD:
        box.addButton(role)
    assert {role: box.button(role).text() for role in STANDARD} == STANDARD
    message = QMessageBox(QMessageBox.Icon.Warning, "minutes-app", "Không lưu được.")
    message.setDetailedText("chi tiết")
    qtbot.addWidget(message)
    buttons = {b.text() for b in message.findChildren(QPushButton)}
    assert "Xem chi tiết…" in buttons
    assert "Show Details..." not in buttons


def menu_texts(widget: QLineEdit | QPlainTextEdit) -> list[str]:
    menu = widget.createStandardContextMenu()
    return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]


def test_text_box_context_menus_speak_vietnamese(qtbot: QtBot, language: Install) -> None:
    language("vi")
    line, text = QLineEdit("Hội nghị"), QPlainTextEdit("Hội nghị")
    qtbot.addWidget(line)
    qtbot.addWidget(text)
    expected = ["&Hoàn tác", "&Làm lại", "Cắ&t", "Sao &chép", "&Dán", "Xóa", "Chọn tất cả"]
    assert menu_texts(line) == expected
    assert menu_texts(text) == expected


def test_text_box_context_menus_stay_english_in_english(qtbot: QtBot, language: Install) -> None:
    language("en")
    line = QLineEdit("minutes")
    qtbot.addWidget(line)
    assert menu_texts(line) == ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"]


def test_the_print_preview_and_the_calendar_speak_vietnamese(
    qtbot: QtBot, language: Install
) -> None:
    language("vi")
    dialog = QPrintPreviewDialog(QPrinter())
    qtbot.addWidget(dialog)
    actions = {a.text() for a in dialog.findChildren(QAction)}
    assert {"Trang sau", "Phóng to", "Khổ ngang", "Thiết lập trang", "In"} <= actions
    assert "Next page" not in actions
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    assert calendar.locale().language() == QLocale.Language.Vietnamese
    assert calendar.locale().monthName(6) == QLocale(QLocale.Language.Vietnamese).monthName(6)
    assert "6" in calendar.locale().monthName(6)  # "tháng 6", not "June"
    assert QLocale().toString(QDate(2026, 6, 1), "dddd") == "Thứ Hai"


def test_a_fresh_install_carries_qt_s_translation() -> None:
    # The app loads minutes_app.resources/i18n, which pyproject.toml maps to resources/
    # with every file in it: the compiled translation must be there, beside the app's.
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    setup = project["tool"]["setuptools"]
    assert setup["package-dir"]["minutes_app.resources"] == "resources"
    assert "**/*" in setup["package-data"]["minutes_app.resources"]
    assert (REPO / "resources" / "i18n" / "qtbase_vi.qm").is_file()


def test_every_qt_string_is_translated_keeping_placeholders_and_accelerators() -> None:
    root = ElementTree.parse(QT_TS).getroot()
    assert root.get("language") == "vi_VN"
    problems = []
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
            if translation.get("type") is not None or len(texts) != 1 or not texts[0].strip():
                problems.append((name, source, "unfinished"))
                continue
            text = texts[0]
            if unicodedata.normalize("NFC", text) != text:
                problems.append((name, source, "not NFC"))
            if sorted(PLACEHOLDERS.findall(text)) != sorted(PLACEHOLDERS.findall(source)):
                problems.append((name, source, f"placeholders of {text!r}"))
            if text.count("&") != source.count("&"):
                problems.append((name, source, f"ampersands of {text!r}"))
    assert problems == []
    assert count > 400


def test_the_translation_holds_every_string_the_dialogs_ask_for(qapp: QApplication) -> None:
    # What the dialogs look up when they open: Qt's strings of this version, not those of
    # the older versions the shipped .qm files were made for.
    root = ElementTree.parse(QT_TS).getroot()
    held = {
        (context.findtext("name"), m.findtext("source"), m.findtext("comment") or "")
        for context in root.iter("context")
        for m in context.iter("message")
    }
    asked = {entry.key for entry in qt_strings.probe()}
    assert ("QFileDialog", "&Look in:", "") in asked
    assert asked - held == set()
