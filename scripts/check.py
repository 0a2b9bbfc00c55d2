"""Install the test dependencies into .venv and run every check, as CI does.

    python3 scripts/check.py          (Windows: py scripts\\check.py)

Runs ruff (lint and format), mypy, the import-linter contracts, then the whole pytest
suite headless (QT_QPA_PLATFORM=offscreen). Extra arguments go to pytest.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENV = REPO / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    print("$", " ".join(str(c) for c in command), flush=True)
    result = subprocess.run([str(c) for c in command], cwd=REPO, env=env, check=False)
    if result.returncode != 0:
        print(f"check failed: {command[0]} ... exited with {result.returncode}", flush=True)
        sys.exit(result.returncode)


# The papers are printed in Times New Roman or a metric twin with every Vietnamese letter;
# the printing tests read their text back, which DejaVu's other widths would rewrap.
SERIF_FONTS = ("Times New Roman", "Tinos", "Liberation Serif")
FONT_PACKAGES = ("fonts-croscore", "fonts-liberation2")


def install_system_packages() -> None:
    """On Debian or Ubuntu, install the serif fonts the papers need when none is there
    (as root, as CI runs; otherwise say what to install)."""
    if sys.platform != "linux" or shutil.which("fc-list") is None:
        return
    families = subprocess.run(
        ["fc-list", ":", "family"], capture_output=True, text=True, check=False
    ).stdout
    if any(font in families for font in SERIF_FONTS):
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        print(f"note: install one of {', '.join(FONT_PACKAGES)} for the printing tests")
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", *FONT_PACKAGES, env=env)


def main() -> None:
    install_system_packages()
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", ".[test]")
    run(PYTHON, "-m", "ruff", "check", ".")
    run(PYTHON, "-m", "ruff", "format", "--check", ".")
    run(PYTHON, "-m", "mypy")
    run(BIN / "lint-imports")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    run(PYTHON, "-m", "pytest", "-p", "no:cacheprovider", *sys.argv[1:], env=env)


if __name__ == "__main__":
    main()
