"""Install the test dependencies into .venv and run every check, as CI does.

    python3 scripts/check.py          (Windows: py scripts\\check.py)

Runs ruff (lint and format), mypy, the import-linter contracts, then the whole pytest
suite headless (QT_QPA_PLATFORM=offscreen). Extra arguments go to pytest.
"""

from __future__ import annotations

import os
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


def main() -> None:
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
