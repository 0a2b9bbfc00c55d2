"""Render every main screen and the conference editor, filled with the sample data, to PNG.

    python scripts/screenshots.py OUTDIR [--lang vi|en]

Runs offscreen: no display is needed. The README's pictures are made with
`python scripts/screenshots.py docs/screenshots`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.exchange.samples import load_samples
from minutes_app.db.engine import Database
from minutes_app.ui.app import install_language
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.paperwork.office_dialog import OfficeDialog

SIZE = (1280, 760)


def render(out: Path, language: str) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_language(app, language)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "screens.sqlite3")
        load_samples(db)
        store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db, store)
        window.resize(*SIZE)
        window.show()

        def shot(name: str, widget: object) -> None:
            # What the database worker reads arrives, and the layouts it changes settle.
            settled = time.monotonic() + 0.5
            while time.monotonic() < settled:
                app.processEvents()
                time.sleep(0.01)
            path = out / f"{name}.png"
            widget.grab().save(str(path))  # type: ignore[attr-defined]
            written.append(path)

        for row, name in enumerate(("conferences", "tasks", "documents", "units", "overview")):
            window.navigation.setCurrentRow(row)
            shot(name, window)
        window.navigation.setCurrentRow(0)
        newest = list_conferences(db)[0]
        editor = window.conferences.open_conference(newest.id)
        assert editor is not None
        editor.resize(*SIZE)
        tabs = ("general", "bridge-points", "documents", "discussion", "instructions", "notes")
        for index, name in enumerate(tabs):
            editor.tabs.setCurrentIndex(index)
            if name == "instructions":
                editor.instructions.table.selectRow(0)
            shot(f"editor-{name}", editor)
        editor.close()
        articles = Path(__file__).resolve().parents[2] / "shared" / "samples" / "articles"
        article = next(iter(sorted(articles.glob("*.txt"))), None)
        if article is not None:
            dialog = window.conferences.new_conference_from_text()
            dialog.resize(*SIZE)
            dialog.set_text(article.read_text(encoding="utf-8"))
            shot("from-text", dialog)
            dialog.close()
        office = OfficeDialog(window.worker, window)
        shot("office", office)
        window.close()
        db.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    for path in render(args.outdir, args.lang):
        print(path)


if __name__ == "__main__":
    main()
