"""Where minutes-app keeps its files on this computer."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

DATABASE_FILE = "minutes.sqlite3"


def data_dir() -> Path:
    """The per-user data folder; ``MINUTES_APP_HOME`` overrides it (tests, portable use)."""
    override = os.environ.get("MINUTES_APP_HOME")
    if override:
        return Path(override)
    return user_data_path("minutes-app", appauthor=False)


def default_database() -> Path:
    return data_dir() / DATABASE_FILE


def settings_file() -> Path:
    """The window's settings (an INI file), read by the command line too."""
    return data_dir() / "settings.ini"
