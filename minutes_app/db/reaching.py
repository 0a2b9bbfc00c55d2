"""Reaching a database on the office's server from the window: the URL of what a clerk
types in the connect dialog, telling a lost connection from the other errors of a read or
a write, and a cheap look whether the server answers again.

Qt-free (the window's ``ui/storage/server_link.py`` uses it); psycopg is imported only
when a server is in use.
"""

from __future__ import annotations

import sys
from urllib.parse import quote

from minutes_app.db.server import ServerAddress, ServerError, server_error

DEFAULT_PORT = 5432
# How long the look whether the server answers again may wait for it.
PROBE_TIMEOUT_S = 3

# SQLSTATEs of a connection that is gone: class 08 (connection exception), the server shut
# down by its administrator or after a crash, or not accepting connections yet (starting).
_LOST_STATES = ("57P01", "57P02", "57P03")


def server_url(host: str, port: int, database: str, login: str = "") -> str:
    """The libpq URL of ``database`` on ``host``: ``postgresql://[LOGIN@]HOST[:PORT]/DB``.
    Names are quoted where a URL needs it; an IPv6 address is put in brackets. No password:
    it is asked for when the server wants one and kept in memory only."""
    host = host.strip()
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    login_part = f"{quote(login.strip(), safe='')}@" if login.strip() else ""
    port_part = f":{port}" if port and port != DEFAULT_PORT else ""
    return f"postgresql://{login_part}{host}{port_part}/{quote(database.strip(), safe='')}"


def _causes(error: BaseException | None) -> list[BaseException]:
    """``error``, what SQLAlchemy wrapped in it, and every error it was raised from."""
    found: list[BaseException] = []
    while error is not None and all(error is not seen for seen in found):
        found.append(error)
        original = getattr(error, "orig", None)
        if isinstance(original, BaseException):
            found.append(original)
        error = error.__cause__ or error.__context__
    return found


# Any address: ``server_error`` only reads the driver's words to classify them.
_ANY = ServerAddress("postgresql://")


def is_server_lost(error: BaseException | None) -> bool:
    """Whether ``error`` comes of the office's server not being reachable (the network
    down, the server stopped or restarting), rather than of what was read or written: the
    window then says so and tries again. A refused login or a missing database is not a
    lost server, nor is anything on an SQLite file."""
    psycopg = sys.modules.get("psycopg")
    for cause in _causes(error):
        if isinstance(cause, ServerError):
            return cause.reason == "unreachable"
        if getattr(cause, "connection_invalidated", False):  # SQLAlchemy saw a disconnect
            return True
        if psycopg is None:
            continue
        if isinstance(cause, psycopg.OperationalError):
            state = getattr(cause, "sqlstate", None)
            if state is None:  # the driver's own: connecting failed, the connection dropped
                return server_error(_ANY, cause).reason == "unreachable"
            return str(state).startswith("08") or state in _LOST_STATES
        if isinstance(cause, psycopg.InterfaceError) and "connection" in str(cause).lower():
            return True  # "the connection is closed" / "is lost"
    return False


def server_answers(address: ServerAddress) -> bool:
    """Whether the server of ``address`` answers now: one connection and ``SELECT 1``,
    waiting at most ``PROBE_TIMEOUT_S``. For a worker thread, never the UI thread."""
    import psycopg

    arguments = address.connect_arguments()
    arguments["connect_timeout"] = min(
        int(arguments.get("connect_timeout", PROBE_TIMEOUT_S)), PROBE_TIMEOUT_S
    )
    try:
        with psycopg.connect(autocommit=True, **arguments) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error:
        return False
    return True
