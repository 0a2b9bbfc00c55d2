"""Test set-up shared by every test: headless Qt and private data folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Must be set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE_JSON = SHARED / "exchange" / "example.json"


@pytest.fixture(autouse=True)
def private_data_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the app's data folder, settings and XDG folders at a fresh temp dir."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MINUTES_APP_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path of a database file that does not exist yet."""
    return tmp_path / "minutes.sqlite3"


@pytest.fixture
def example_json() -> Path:
    if not EXAMPLE_JSON.exists():
        pytest.skip("shared/exchange/example.json is not beside the repository")
    return EXAMPLE_JSON
