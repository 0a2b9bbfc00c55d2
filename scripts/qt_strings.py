"""Collect the strings of Qt's own dialogs that the app shows into a .ts to translate.

    python scripts/qt_strings.py                      # every shipped qtbase_*.qm
    python scripts/qt_strings.py --qm .../qtbase_fr.qm  # only these
    python scripts/i18n.py --release                  # then compile it with the app's own

PySide6 ships no Vietnamese qtbase translation, so the file dialogs, the standard buttons,
the text boxes' context menus and the print preview would speak English. This script reads
the (context, source, comment) entries of the contexts in CONTEXTS from the qtbase .qm
files PySide6 ships for other languages (QM binary format: tagged records, see read_qm),
keeps those whose source text is still in the installed Qt libraries, adds what the
dialogs look up when opened offscreen with a recording translator (a string Qt changed
since the shipped translations were made), and writes resources/i18n/qtbase_vi.ts. The
Vietnamese translations already in that file are kept; a new entry is left unfinished
for a translator (tests/ui/test_qt_translation.py fails until every entry is done).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parents[1]
TS_FILE = REPO / "resources" / "i18n" / "qtbase_vi.ts"
LANGUAGE = "vi_VN"

# The contexts of the Qt dialogs and widgets the app shows.
CONTEXTS = (
    # File dialogs (Qt's own widgets, used where the desktop offers no native one).
    "QFileDialog",
    "QFileSystemModel",
    "QAbstractFileIconProvider",
    # Standard buttons, message boxes, progress dialogs.
    "QPlatformTheme",
    "QGnomeTheme",
    "QDialogButtonBox",
    "QMessageBox",
    "QProgressDialog",
    # Context menus of text boxes, spin and date boxes, scroll bars; tab bar buttons.
    "QLineEdit",
    "QWidgetTextControl",
    "QAbstractSpinBox",
    "QScrollBar",
    "QTabBar",
    # Printing: the print preview, its page setup and print dialogs, paper sizes.
    "QPrintPreviewDialog",
    "QPrintDialog",
    "QAbstractPrintDialog",
    "QPrintWidget",
    "QUnixPrintWidget",
    "QPrintSettingsOutput",
    "QPrintPropertiesDialog",
    "QPrintPropertiesWidget",
    "QPageSetupWidget",
    "QCupsJobWidget",
    "QCupsPrinterSupport",
    "QPageSize",
)

QM_MAGIC = bytes.fromhex("3CB86418CAEF9C95CD211CBF60A1BDDD")
SECTION_MESSAGES = 0x69
TAG_END, TAG_TRANSLATION, TAG_OBSOLETE1 = 1, 3, 5
TAG_SOURCE, TAG_CONTEXT, TAG_COMMENT = 6, 7, 8


@dataclass(frozen=True)
class Entry:
    """One string of Qt's: its context, English source, disambiguating comment."""

    context: str
    source: str
    comment: str = ""
    numerus: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def qt_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt"


def read_qm(path: Path) -> list[Entry]:
    """The messages of a compiled translation: sections (tag byte, big-endian length,
    data); in the messages section, records of tagged fields up to TAG_END. Translations
    are UTF-16BE, context, source and comment UTF-8; a message with more than one
    translation is a plural (numerus) one."""
    data = path.read_bytes()
    if data[:16] != QM_MAGIC:
        raise ValueError(f"{path} is not a .qm file")
    messages = b""
    pos = 16
    while pos + 5 <= len(data):
        tag, length = data[pos], struct.unpack(">I", data[pos + 1 : pos + 5])[0]
        if tag == SECTION_MESSAGES:
            messages = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    entries: list[Entry] = []
    fields: dict[int, str] = {}
    translations = 0
    pos = 0
    while pos < len(messages):
        tag = messages[pos]
        pos += 1
        if tag == TAG_END:
            entries.append(
                Entry(
                    fields.get(TAG_CONTEXT, ""),
                    fields.get(TAG_SOURCE, ""),
                    fields.get(TAG_COMMENT, ""),
                    translations > 1,
                )
            )
            fields, translations = {}, 0
        elif tag == TAG_OBSOLETE1:
            pos += 4
        elif tag in (TAG_TRANSLATION, TAG_SOURCE, TAG_CONTEXT, TAG_COMMENT):
            length = struct.unpack(">I", messages[pos : pos + 4])[0]
            pos += 4
            if length == 0xFFFFFFFF:  # a null string
                length = 0
            raw = messages[pos : pos + length]
            pos += length
            if tag == TAG_TRANSLATION:
                translations += 1
            else:
                fields[tag] = raw.decode("utf-8")
        else:
            raise ValueError(f"{path}: unknown tag {tag} at byte {pos - 1} of the messages")
    return entries


def qt_libraries() -> bytes:
    """The code of the Qt libraries whose strings the contexts come from."""
    lib = qt_dir() / "lib"
    blobs = []
    for name in ("Core", "Gui", "Widgets", "PrintSupport"):
        found = sorted(lib.glob(f"libQt6{name}.so*")) or sorted(lib.glob(f"Qt6{name}.dll"))
        found += sorted((lib / f"Qt{name}.framework").glob(f"Versions/*/Qt{name}"))
        found += sorted((qt_dir().parent).glob(f"Qt6{name}.dll"))  # Windows wheels
        blobs += [path.read_bytes() for path in found[:1]]
    return b"".join(blobs)


def shipped(qm_files: Iterable[Path]) -> dict[tuple[str, str, str], Entry]:
    """The entries of CONTEXTS in the given .qm files whose source text is still in the
    installed Qt (translations lag behind: they hold strings of older versions)."""
    code = qt_libraries()
    found: dict[tuple[str, str, str], Entry] = {}
    for path in qm_files:
        for entry in read_qm(path):
            if entry.context not in CONTEXTS:
                continue
            if code and entry.source.encode("utf-8") + b"\0" not in code:
                continue
            known = found.get(entry.key)
            if known is None or (entry.numerus and not known.numerus):
                found[entry.key] = entry
    return found


def probe() -> set[Entry]:
    """What the dialogs ask a translator for when they open (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint, QTimer, QTranslator, qInstallMessageHandler
    from PySide6.QtGui import QContextMenuEvent, QTextDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import (
        QApplication,
        QDateEdit,
        QDialogButtonBox,
        QFileDialog,
        QLineEdit,
        QMenu,
        QMessageBox,
        QProgressDialog,
        QScrollBar,
        QTextBrowser,
        QWidget,
    )

    seen: set[Entry] = set()

    class Recorder(QTranslator):
        def translate(  # type: ignore[override]
            self, context: str, source: str, comment: str | None = None, n: int = -1
        ) -> None:
            seen.add(Entry(context, source, comment or "", n != -1))
            return None

        def isEmpty(self) -> bool:
            return False

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # The offscreen platform's complaints (no keyboard grab, no raise) say nothing here.
    previous = qInstallMessageHandler(lambda *_: None)
    recorder = Recorder()
    app.installTranslator(recorder)

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    def context_menu(widget: QWidget) -> None:
        # The menu runs its own loop: close it as soon as it is up.
        QTimer.singleShot(
            0, lambda: [m.close() for m in app.topLevelWidgets() if isinstance(m, QMenu)]
        )
        point = QPoint(2, 2)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, widget.mapToGlobal(point))
        app.sendEvent(widget, event)

    keep: list[QWidget] = []
    line = QLineEdit("text")
    line.createStandardContextMenu()
    browser = QTextBrowser()
    browser.setHtml('<a href="https://example.org">link</a>')
    browser.createStandardContextMenu(QPoint(1, 1))
    for widget in (QDateEdit(), QScrollBar()):
        widget.show()
        context_menu(widget)
        keep.append(widget)
    box = QDialogButtonBox()
    for button in QDialogButtonBox.StandardButton:
        if button not in (QDialogButtonBox.StandardButton.NoButton,):
            box.addButton(button)
    message = QMessageBox(QMessageBox.Icon.Information, "t", "text")
    message.setDetailedText("details")
    message.show()
    settle()
    message.close()
    progress = QProgressDialog()
    progress.show()
    progress.close()
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "t", str(REPO), "PDF (*.pdf);;All files (*)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(mode)
        dialog.show()
        settle()
        dialog.close()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    document = QTextDocument("text")
    preview = QPrintPreviewDialog(printer)
    preview.paintRequested.connect(document.print_)
    preview.show()
    settle()
    preview.close()
    printing = QPrintDialog(printer)
    printing.show()
    settle()
    printing.close()
    app.removeTranslator(recorder)
    qInstallMessageHandler(previous)
    return {entry for entry in seen if entry.context in CONTEXTS}


def read_translations(ts: Path) -> dict[tuple[str, str, str], ElementTree.Element]:
    """The <translation> elements of an existing .ts, by (context, source, comment)."""
    if not ts.exists():
        return {}
    found = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None:
                key = (name, message.findtext("source") or "", message.findtext("comment") or "")
                found[key] = translation
    return found


def write_ts(entries: Iterable[Entry], ts: Path) -> tuple[int, int]:
    """Write ``entries`` to ``ts`` keeping its translations; return (entries, unfinished)."""
    kept = read_translations(ts)
    root = ElementTree.Element("TS", version="2.1", language=LANGUAGE)
    unfinished = 0
    by_context: dict[str, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: e.key):
        by_context.setdefault(entry.context, []).append(entry)
    total = 0
    for name in sorted(by_context):
        context = ElementTree.SubElement(root, "context")
        ElementTree.SubElement(context, "name").text = name
        for entry in by_context[name]:
            total += 1
            message = ElementTree.SubElement(context, "message")
            if entry.numerus:
                message.set("numerus", "yes")
            ElementTree.SubElement(message, "source").text = entry.source
            if entry.comment:
                ElementTree.SubElement(message, "comment").text = entry.comment
            old = kept.get(entry.key)
            if old is not None and old.get("type") not in ("unfinished", "vanished", "obsolete"):
                message.append(old)
                continue
            unfinished += 1
            translation = ElementTree.SubElement(message, "translation", type="unfinished")
            if entry.numerus:
                ElementTree.SubElement(translation, "numerusform")
    ElementTree.indent(root, space="    ")
    body = ElementTree.tostring(root, encoding="unicode")
    ts.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
    )
    return total, unfinished


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qm", type=Path, nargs="*", help="qtbase .qm files to read")
    parser.add_argument("--ts", type=Path, default=TS_FILE, help="the .ts to write")
    parser.add_argument("--no-probe", action="store_true", help="do not open the dialogs")
    args = parser.parse_args()
    qm_files = args.qm or sorted((qt_dir() / "translations").glob("qtbase_*.qm"))
    entries = shipped(qm_files)
    if not args.no_probe:
        for entry in probe():
            known = entries.get(entry.key)
            if known is None or (entry.numerus and not known.numerus):
                entries[entry.key] = entry
    total, unfinished = write_ts(entries.values(), args.ts)
    print(f"{args.ts}: {total} entries, {unfinished} to translate")


if __name__ == "__main__":
    main()
