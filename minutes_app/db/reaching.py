"""Reaching a database on the office's server from the window: the URL of what a clerk
types in the connect dialog, telling a lost connection from the other errors of a read or
a write, and a cheap look whether the server answers again.

Qt-free (the window's ``ui/storage/server_link.py`` uses it); psycopg is imported only
when a server is in use.
"""

from __future__ import annotations

import sys
from urllib.parse import quote

from minutes_app.db.locks import causes
from minutes_app.db.server import ServerAddress, ServerError, is_connection_lost, server_error

DEFAULT_PORT = 5432
# How long the look whether the server answers again may wait for it.
PROBE_TIMEOUT_S = 3


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


# Any address: ``server_error`` only reads the driver's words to classify them.
_ANY = ServerAddress("postgresql://")


def is_server_lost(error: BaseException | None) -> bool:
    """Whether ``error`` comes of the office's server not being reachable (the network
    down, the server stopped or restarting: ``server.is_connection_lost``) rather than of
    what was read or written: the window then says so and tries again. A login refused
    (a password changed) or a database gone is not a lost server, so the words of a failed
    connection are looked at as on opening (``server.server_error``); nothing on an
    SQLite file is."""
    if error is None:
        return False
    psycopg = sys.modules.get("psycopg")
    for cause in causes(error):
        if isinstance(cause, ServerError):  # a plain reading's connection failed
            return cause.reason == "unreachable"
        if getattr(cause, "connection_invalidated", False):  # SQLAlchemy saw it drop
            return True
        if (
            psycopg is not None
            and isinstance(cause, psycopg.OperationalError)
            and not getattr(cause, "sqlstate", None)
        ):  # libpq's own: connecting failed, or the connection dropped
            return server_error(_ANY, cause).reason == "unreachable"
    return is_connection_lost(error)


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
