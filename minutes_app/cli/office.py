"""The office server's commands: ``server-setup``."""

from __future__ import annotations

import argparse

from minutes_app.cli.common import OK, Refused
from minutes_app.cli.words import say

DONE = {
    "created": "{url}: the minutes-app database was created (schema {revision})",
    "upgraded": "{url}: upgraded to schema {revision}",
    "current": "{url}: already at schema {revision}; nothing changed",
}


def cmd_server_setup(args: argparse.Namespace) -> int:
    """Create or upgrade the office's database at URL (run by its administrator)."""
    from minutes_app.db.engine import HEAD_REVISION
    from minutes_app.db.server import ServerAddress, is_server_address
    from minutes_app.db.server_setup import setup_server

    if not is_server_address(args.url):
        raise Refused(
            say(
                "{url}: not a PostgreSQL address (postgresql://LOGIN@HOST[:PORT]/DBNAME); "
                "an SQLite file needs no setup",
                url=args.url,
            )
        )
    try:
        address = ServerAddress.parse(args.url)
    except ValueError as exc:
        raise Refused(str(exc)) from exc
    done = setup_server(address)
    print(say(DONE[done], url=str(address), revision=HEAD_REVISION))
    return OK
