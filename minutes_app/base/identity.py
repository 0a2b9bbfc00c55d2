"""Who makes a change: the name recorded with it and shown in the window's status bar.

On a local file it is the user name chosen in the settings (Settings → User name), by
default the operating system's login. The window and the command line read the same
settings file, so both record a change under the same name.
"""

from __future__ import annotations

import configparser
import getpass
import os
import unicodedata
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
    return unicodedata.normalize("NFC", name[:MAX_USER]) or os_login()


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _qsettings_value(raw: str) -> str:
    """A string value as QSettings' INI format wrote it, read back as QSettings reads it:
    double quotes around parts that hold commas, semicolons or edge spaces; backslash
    escapes (``\\"``, ``\\\\``, ``\\t``, ``\\xNNNN``…) inside or outside them; and a
    leading ``@`` doubled, since ``@`` starts a typed value there."""
    out: list[str] = []
    quoted = False
    i = 0
    while i < len(raw):
        char = raw[i]
        if char == '"':
            quoted = not quoted
        elif char == "\\" and i + 1 < len(raw):
            i += 1
            code = raw[i]
            if code == "x":
                digits = ""
                while (
                    i + 1 < len(raw) and len(digits) < 4 and raw[i + 1] in "0123456789abcdefABCDEF"
                ):
                    i += 1
                    digits += raw[i]
                out.append(chr(int(digits, 16)) if digits else "x")
            else:
                out.append(_ESCAPES.get(code, code))
        elif quoted or not char.isspace() or out:
            out.append(char)
        i += 1
    value = "".join(out).rstrip()
    return value[1:] if value.startswith("@@") else value


def user_from_settings(ini: Path) -> str:
    """The user name that the window's settings file ``ini`` holds, or the login."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(ini, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return os_login()
    return chosen_user(_qsettings_value(parser.get("General", USER_KEY, fallback="")))
