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


def cmd_users(args: argparse.Namespace) -> int:
    """``users add`` and ``users list`` on the office's server (its administrator)."""
    import sys

    from minutes_app.cli.common import dump
    from minutes_app.db.office_access import UserRefused, add_user, list_users
    from minutes_app.db.server import ServerAddress, connected, is_server_address

    if not is_server_address(args.db):
        raise Refused(
            say(
                "users belong to an office server (--db postgresql://…); "
                "a file's clerk may do everything"
            )
        )
    address = ServerAddress.parse(args.db)
    if args.action == "list":
        with connected(address) as driver:
            users = list_users(driver, address.database)
        if args.json:
            sys.stdout.write(dump(users))
            return OK
        for user in users:
            unit = f" ({user['unit']})" if user["unit"] else ""
            name = f" — {user['name']}" if user["name"] else ""
            print(f"{user['login']}: {user['role']}{unit}{name}")
        if not users:
            print(say("No users yet."))
        return OK
    password = _new_password()
    try:
        with connected(address) as driver:
            add_user(
                driver,
                address.database,
                args.login,
                args.role,
                unit=args.unit,
                name=args.name,
                password=password,
            )
            driver.commit()
    except UserRefused as exc:
        raise Refused(str(exc)) from exc
    print(say("{login}: a {role} of {url}", login=args.login, role=args.role, url=address))
    return OK


def _new_password() -> str | None:
    """The new login's password: asked twice on a terminal; none otherwise (the server's
    pg_hba.conf decides then how the login proves who it is)."""
    import getpass
    import sys

    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(say("Password for the new login (empty: none): "))
    if not first:
        return None
    if getpass.getpass(say("The same password again: ")) != first:
        raise Refused(say("the two passwords differ; nothing was changed"))
    return first
