"""Render every main screen and the conference editor, filled with the sample data, to PNG.

    python scripts/screenshots.py OUTDIR [--lang vi|en] [--size 1200x760]

Runs offscreen: no display is needed. The README's pictures are made with
`python scripts/screenshots.py docs/screenshots`. So that the same code makes the same
pictures, the screens are taken on a fixed day (SCREEN_DAY, through `faketime`, which the
script installs on Debian when it is missing), from a database in a folder of a fixed
name, by a clerk of a fixed name.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from minutes_app.base.identity import USER_KEY
from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.conferences.sign_off import sign_off
from minutes_app.core.exchange.samples import load_samples
from minutes_app.core.paperwork.office import load_office
from minutes_app.db.engine import Database
from minutes_app.db.server import ServerAddress
from minutes_app.ui.activity import ActivityDialog
from minutes_app.ui.app import install_language
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.paperwork.office_dialog import OfficeDialog
from minutes_app.ui.storage.connecting import ConnectDialog

SIZE = (1280, 760)
SCREEN_DAY = "2026-11-30 09:00:00"  # the day the README's screens show
CLERK = "Nguyễn Thị Thu"
OFFICE_SERVER = "postgresql://thu@maychu.bantochuc.local/bien_ban"  # File → Connect…
FAKED = "MINUTES_APP_SCREEN_DAY"


def on_screen_day() -> None:
    """Run this script again under faketime on SCREEN_DAY, unless it already is."""
    if os.environ.get(FAKED) == SCREEN_DAY:
        return
    faketime = shutil.which("faketime")
    if faketime is None and shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-q", "faketime"], check=False)
        faketime = shutil.which("faketime")
    if faketime is None:
        print("faketime not found: the screens show today's date", file=sys.stderr)
        return
    env = {**os.environ, FAKED: SCREEN_DAY}
    command = [faketime, "-f", f"@{SCREEN_DAY}", sys.executable, *sys.argv]
    raise SystemExit(subprocess.run(command, env=env, check=False).returncode)


def render(out: Path, language: str, size: tuple[int, int] = SIZE) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_language(app, language)
    written: list[Path] = []
    folder = Path(tempfile.gettempdir()) / "minutes-app-screens"  # its name shows on screen
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        db = Database.open(folder / "screens.sqlite3")
        db.user = CLERK  # the change log's name for what is loaded here
        load_samples(db)
        store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        store.setValue(USER_KEY, CLERK)
        window = MainWindow(db, store)
        window.resize(*size)
        window.show()

        def arrived() -> None:
            """What the database worker reads arrives (an editor opens once it is read)."""
            give_up = time.monotonic() + 30
            while not window.worker.idle() and time.monotonic() < give_up:
                app.processEvents()
                time.sleep(0.01)

        def shot(name: str, widget: object) -> None:
            # What the database worker reads arrives, and the layouts it changes settle.
            arrived()
            settled = time.monotonic() + 0.5
            while time.monotonic() < settled:
                app.processEvents()
                time.sleep(0.01)
            app.processEvents()  # the layout requests the last callbacks posted
            path = out / f"{name}.png"
            widget.grab().save(str(path))  # type: ignore[attr-defined]
            written.append(path)

        for row, name in enumerate(("conferences", "tasks", "documents", "units", "overview")):
            window.navigation.setCurrentRow(row)
            shot(name, window)
            if name == "tasks":  # a task's change history, below the register
                page = window.task_page
                page.table.selectRow(0)
                page.detail_tabs.setCurrentWidget(page.history)
                shot("tasks-history", window)
                page.detail_tabs.setCurrentIndex(0)
        window.navigation.setCurrentRow(0)
        newest = list_conferences(db)[0]
        window.conferences.open_conference(newest.id)
        arrived()
        editor = window.conferences.editor
        assert editor is not None
        editor.resize(*size)
        tabs = ("general", "bridge-points", "documents", "discussion", "instructions", "notes")
        for index, name in enumerate(tabs):
            editor.tabs.setCurrentIndex(index)
            if name == "instructions":
                editor.instructions.table.selectRow(0)
            shot(f"editor-{name}", editor)
        editor.close()
        # Signed off: read-only, saying by whom; its change history.
        sign_off(db, newest.id, None, CLERK)
        window.conferences.open_conference(newest.id)
        arrived()
        editor = window.conferences.editor
        assert editor is not None
        editor.resize(*size)
        shot("editor-signed-off", editor)
        assert editor.history_tab is not None
        editor.tabs.setCurrentWidget(editor.history_tab)
        shot("editor-history", editor)
        editor.close()
        activity = ActivityDialog(window.worker, window)
        activity.resize(*size)
        activity.show()
        shot("activity", activity)
        activity.close()
        articles = Path(__file__).resolve().parents[2] / "shared" / "samples" / "articles"
        article = next(iter(sorted(articles.glob("*.txt"))), None)
        if article is not None:
            window.conferences.new_conference_from_text()
            arrived()
            dialog = window.conferences.from_text
            assert dialog is not None
            dialog.resize(*size)
            dialog.set_text(article.read_text(encoding="utf-8"))
            shot("from-text", dialog)
            dialog.close()
        office = OfficeDialog(window.worker, load_office(db), window)
        shot("office", office)
        office.close()
        connect = ConnectDialog(window, ServerAddress.parse(OFFICE_SERVER))
        shot("connect", connect)
        connect.close()
        window.close()
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return written


def main() -> None:
    on_screen_day()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--size", default="x".join(map(str, SIZE)), help="WIDTHxHEIGHT")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.lower().split("x"))
    args.outdir.mkdir(parents=True, exist_ok=True)
    for path in render(args.outdir, args.lang, (width, height)):
        print(path)


if __name__ == "__main__":
    main()
