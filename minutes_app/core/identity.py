"""Who makes a change: the name recorded with it and shown in the window's status bar.

On a local file it is the user name chosen in the settings (Settings → User name), by
default the operating system's login. The window and the command line read the same
settings file, so both record a change under the same name.
"""

from __future__ import annotations

import configparser
import getpass
import os
from pathlib import Path

USER_KEY = "user_name"  # the settings key, in the [General] section of the INI file
MAX_USER = 100


def os_login() -> str:
    """The operating system's login name, or a neutral word when there is none."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no entry in the password database (a container, a service)
        name = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    return name.strip() or "?"


def chosen_user(value: object) -> str:
    """The name to record for a settings value: the value cleaned, else the login."""
    name = " ".join(str(value).split()) if value is not None else ""
    return name[:MAX_USER] or os_login()


def _unquote(value: str) -> str:
    # QSettings writes a value with commas, quotes or semicolons in double quotes, with \"
    # and \\ escaped (its INI format); other values stand as written.
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return value


def user_from_settings(ini: Path) -> str:
    """The user name that the window's settings file ``ini`` holds, or the login."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(ini, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return os_login()
    return chosen_user(_unquote(parser.get("General", USER_KEY, fallback="")))
