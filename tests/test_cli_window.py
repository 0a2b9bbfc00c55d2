"""`minutes-app` with no command opens the window; where there is no desktop to open it on,
it says so in plain words (issue 14, point 20), not with Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="X11 and Wayland sessions are Linux's"
)


def start_window(db: Path, *extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m minutes_app --db db`` with no display, or the display of ``env``."""
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, "-m", "minutes_app", "--db", str(db), *extra],
        capture_output=True,
        text=True,
        env={**base, **env},
        timeout=120,
    )


def test_without_a_desktop_session_the_window_says_so_plainly(db_path: Path) -> None:
    done = start_window(db_path)

    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        "minutes-app: the window needs a desktop session, and there is none here (neither "
        "DISPLAY nor WAYLAND_DISPLAY is set: a text console, or SSH without X forwarding). "
        "Start it from the desktop; the commands work anywhere (minutes-app --help).\n"
    )
    assert not db_path.exists()


def test_without_a_desktop_session_the_window_says_so_in_vietnamese(db_path: Path) -> None:
    done = start_window(db_path, "--lang", "vi")

    assert done.returncode == 1
    assert done.stderr.startswith("minutes-app: cửa sổ chương trình cần một phiên làm việc")


def test_a_display_that_cannot_be_reached_is_said_plainly_not_aborted(db_path: Path) -> None:
    display = next(
        n for n in range(97, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
    )  # no X server there

    done = start_window(db_path, DISPLAY=f":{display}")

    assert done.returncode == 1
    assert done.stderr.startswith(
        f"minutes-app: the window cannot open on this desktop (DISPLAY=:{display}): "
    )
    assert len(done.stderr.splitlines()) == 1
    assert "Reinstalling" not in done.stderr and "Traceback" not in done.stderr
    assert not db_path.exists()
