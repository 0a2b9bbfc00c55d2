"""Opening the window from the command line, or saying plainly why it cannot open."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from minutes_app import APP_NAME
from minutes_app.cli.common import REFUSED, Refused
from minutes_app.cli.words import say


def _no_desktop() -> bool:
    """Whether the window has nowhere to open: on Linux and the like, no X11 or Wayland
    display is named and no Qt platform chosen (a text console, SSH without forwarding)."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _start_qt() -> None:
    """Make the QApplication, saying in plain words why not where Qt cannot (a display
    that is not there, a library missing): Qt itself prints its plugin list and aborts."""
    from PySide6.QtCore import QtMsgType, qFormatLogMessage, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    held: list[str] = []

    def hold(kind: QtMsgType, context: Any, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            reason = held[0].partition(": ")[2] if held else message.splitlines()[0]
            where = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or ""
            variable = "DISPLAY" if os.environ.get("DISPLAY") else "WAYLAND_DISPLAY"
            said = say(
                "the window cannot open on this desktop ({variable}={where}): {reason}. "
                "Check that the desktop session is running and reachable; the commands "
                "work anywhere (minutes-app --help).",
                variable=variable,
                where=where,
                reason=reason.strip().rstrip("."),
            )
            print(f"{APP_NAME}: {said}", file=sys.stderr, flush=True)
            os._exit(REFUSED)  # before Qt's abort()
        held.append(qFormatLogMessage(kind, context, message))

    previous = qInstallMessageHandler(hold)
    try:
        if QApplication.instance() is None:
            QApplication(sys.argv[:1])
    finally:
        qInstallMessageHandler(previous)
    for line in held:  # what Qt said on a start that worked after all
        print(line, file=sys.stderr)


def cmd_open_window(args: argparse.Namespace) -> int:
    if _no_desktop():
        raise Refused(
            say(
                "the window needs a desktop session, and there is none here (neither DISPLAY "
                "nor WAYLAND_DISPLAY is set: a text console, or SSH without X forwarding). "
                "Start it from the desktop; the commands work anywhere (minutes-app --help)."
            )
        )
    _start_qt()
    from minutes_app.ui.app import run_app

    return run_app(args)
