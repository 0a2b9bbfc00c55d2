"""Install the test dependencies into .venv and run every check, as CI does.

    python3 scripts/check.py          (Windows: py scripts\\check.py)

Runs ruff (lint and format), mypy, the import-linter contracts, then the whole pytest
suite headless (QT_QPA_PLATFORM=offscreen), on SQLite and on a throwaway PostgreSQL server
that the tests start and stop themselves (scripts/throwaway_pg.py; MINUTES_APP_TEST_PG=URL
uses a running one instead). Extra arguments go to pytest (-m "not postgresql" leaves the
PostgreSQL tests out).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path

from throwaway_pg import ClusterUnavailable, find_binaries  # beside this script

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


# The PostgreSQL tests start a server of their own from Debian's server programs.
POSTGRESQL_PACKAGE = "postgresql"
# Debian's postgresql package starts a server of its own when installed; a policy-rc.d
# that answers 101 (action forbidden) keeps it stopped, out of the tests' way.
POLICY_RC_D = Path("/usr/sbin/policy-rc.d")


def serif_missing() -> bool:
    if shutil.which("fc-list") is None:
        return False  # without fontconfig there is no telling
    families = subprocess.run(
        ["fc-list", ":", "family"], capture_output=True, text=True, check=False
    ).stdout
    return not any(font in families for font in SERIF_FONTS)


def postgresql_missing() -> str | None:
    """Why no PostgreSQL server programs can be used here, or None when they can."""
    try:
        find_binaries()
    except ClusterUnavailable as reason:
        return str(reason)
    return None


@contextlib.contextmanager
def services_kept_stopped() -> Iterator[None]:
    if POLICY_RC_D.exists():
        yield
        return
    POLICY_RC_D.write_text("#!/bin/sh\nexit 101\n")
    POLICY_RC_D.chmod(0o755)
    try:
        yield
    finally:
        POLICY_RC_D.unlink(missing_ok=True)


def install_system_packages() -> None:
    """On Debian or Ubuntu, install what the tests need and pip does not bring, when it is
    missing: the serif fonts the papers need and PostgreSQL's server (as root, as CI runs;
    otherwise say what to install)."""
    if sys.platform != "linux":
        return
    fonts = serif_missing()
    postgresql = postgresql_missing()
    if not fonts and postgresql is None:
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        if fonts:
            print(f"note: install one of {', '.join(FONT_PACKAGES)} for the printing tests")
        if postgresql is not None:
            print(f"note: {postgresql}; the PostgreSQL tests skip without it (fail if CI=true)")
        return
    packages = [
        *(FONT_PACKAGES if fonts else ()),
        *(() if postgresql is None else (POSTGRESQL_PACKAGE,)),
    ]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    with services_kept_stopped():
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages, env=env)
    if postgresql is not None and (still := postgresql_missing()) is not None:
        print(f"note: {still}; the PostgreSQL tests skip without it (fail if CI=true)")


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
