"""A second process for the robustness tests: imports, saves, or works beside another copy.

Run with the test interpreter, not imported by pytest:

    python worker.py import DB EXCHANGE.json [--small-cache]
    python worker.py save DB INSTRUCTIONS
    python worker.py copy DB SECONDS TAG
    python worker.py backup DB DESTINATION
    python worker.py window DB
    python worker.py migrate DB SECONDS

It prints ``ready`` once the database is open and the work is about to start, then one
line per finished unit of work, so that the test knows when to kill it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from minutes_app.core.conferences.forms import BridgePointForm, ConferenceForm, InstructionForm
from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.saving import save_conference
from minutes_app.db.engine import Database


def say(line: str) -> None:
    print(line, flush=True)


def conference(title: str, instructions: int) -> ConferenceForm:
    """A conference whose every child row count equals ``instructions``."""
    return ConferenceForm(
        title=title,
        date=dt.date(2024, 3, 15),
        bridge_points=tuple(
            BridgePointForm(name=f"Điểm cầu huyện số {i}", unit=f"Huyện ủy số {i}")
            for i in range(instructions)
        ),
        instructions=tuple(
            InstructionForm(text=f"Chỉ đạo số {i}: triển khai nghiêm túc kết luận hội nghị.")
            for i in range(instructions)
        ),
    )


def run_import(db: Database, exchange_path: Path, small_cache: bool) -> None:
    from minutes_app.core.exchange.importing import import_exchange
    from minutes_app.core.exchange.reading import read_exchange

    if small_cache:
        # A page cache far smaller than the import, as with a large database: SQLite
        # spills uncommitted pages into the -wal while the transaction is still open.
        @event.listens_for(db.engine, "connect")
        def _small(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA cache_size = -64")

    exchange = read_exchange(exchange_path.read_bytes())
    say("ready")
    summary = import_exchange(db, exchange)
    say(f"done {summary.tasks_added}")


def run_saves(db: Database, instructions: int) -> None:
    say("ready")
    number = 0
    while True:
        saved = save_conference(db, conference(f"Hội nghị số {number}", instructions))
        say(f"saved {saved}")
        number += 1


def run_copy(db: Database, seconds: float, tag: str) -> None:
    """Work as a clerk's copy of the program does: save, then refresh the list."""
    say("ready")
    saved: list[int] = []
    errors: list[str] = []
    seen_other = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            saved.append(save_conference(db, conference(f"{tag} {len(saved)}", 3)))
            # An edit reads before it writes: the case a plain BEGIN lets fail at once.
            form = load_conference(db, saved[-1])
            save_conference(db, dataclasses.replace(form, notes=f"sửa lần {len(saved)}"))
            rows = list_conferences(db)
        except OperationalError as exc:
            errors.append(str(exc.orig))
            continue
        seen_other = max(seen_other, sum(not r.title.startswith(tag) for r in rows))
    say(json.dumps({"saved": saved, "errors": errors, "seen_other": seen_other}))


def run_backup(db: Database, destination: Path) -> None:
    """Copy the database as a backup does (``core.backup._copy_database``), but a page at
    a time and slowly, so that the test can kill it midway."""
    import sqlite3

    from minutes_app.base.files import PRIVATE, replacing

    def step(_status: int, remaining: int, total: int) -> None:
        say(f"page {total - remaining}")
        time.sleep(0.002)

    with replacing(destination, mode=PRIVATE) as temp:
        source, target = sqlite3.connect(db.path), sqlite3.connect(temp)
        say("ready")
        source.backup(target, pages=1, progress=step)
        source.close()
        target.close()
    say("done")


def run_window(db_path: Path) -> None:
    """Start the window as ``minutes-app --db DB`` does; print every message it shows."""
    import argparse

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from minutes_app.ui.app import run_app

    app = QApplication([])

    def critical(_parent: object, _title: str, text: str, *_rest: object) -> object:
        say(f"message: {text}")
        return QMessageBox.StandardButton.Ok

    def box(message_box: QMessageBox) -> int:
        say(f"message: {message_box.text()}")
        button = message_box.escapeButton()
        if button is not None:
            button.click()
        return 0

    QMessageBox.critical = critical  # type: ignore[method-assign,assignment]
    QMessageBox.exec = box  # type: ignore[method-assign,assignment]
    QTimer.singleShot(3000, app.quit)  # a window that did open closes again
    code = run_app(argparse.Namespace(db=str(db_path), lang="en"))
    say(f"exit {code}")


def run_migrate(db_path: Path, seconds: float) -> None:
    """Upgrade ``db_path`` as opening it does, taking ``seconds`` longer before the commit:
    a large database's upgrade, during which another copy opens the file."""
    from alembic import command

    from minutes_app.db import migrate

    upgrade = command.upgrade

    def slow_upgrade(config: Any, revision: str) -> None:
        upgrade(config, revision)
        say("migrating")
        time.sleep(seconds)

    migrate.command.upgrade = slow_upgrade  # type: ignore[attr-defined]
    Database.open(db_path).close()
    say("upgraded")


def main(argv: list[str]) -> None:
    mode, db_path = argv[0], Path(argv[1])
    if mode == "window":
        run_window(db_path)
        return
    if mode == "migrate":
        run_migrate(db_path, float(argv[2]))
        return
    db = Database.open(db_path)
    try:
        if mode == "import":
            run_import(db, Path(argv[2]), "--small-cache" in argv)
        elif mode == "save":
            run_saves(db, int(argv[2]))
        elif mode == "copy":
            run_copy(db, float(argv[2]), argv[3])
        elif mode == "backup":
            run_backup(db, Path(argv[2]))
        else:
            raise SystemExit(f"unknown mode {mode}")
    finally:
        db.close()


if __name__ == "__main__":
    main(sys.argv[1:])
