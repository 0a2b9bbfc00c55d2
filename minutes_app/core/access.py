"""What this program's user may do, so that the window offers only that (issue 16, 3).

The server enforces the roles itself (db/office_access.py); this only reads which role the
login has, so that a leader's window does not offer to edit a conference and a unit's
login sees the actions it may take. On a file the lone clerk may do everything, signing
off included.
"""

from __future__ import annotations

from dataclasses import dataclass

from minutes_app.db.engine import Database

FILE = "file"  # a local file: its clerk may do everything
_RECORDERS = frozenset({FILE, "owner", "admin", "clerk"})
_SIGNERS = frozenset({FILE, "owner", "admin", "leader"})


@dataclass(frozen=True)
class Access:
    role: str  # FILE, "owner", "admin", "clerk", "leader", "unit" or "none"
    login: str
    unit: str | None = None

    @property
    def records(self) -> bool:
        """Records conferences; creates, changes and cancels tasks; imports."""
        return self.role in _RECORDERS

    @property
    def notes_progress(self) -> bool:
        return self.role in _RECORDERS | {"leader", "unit"}

    @property
    def completes(self) -> bool:
        return self.role in _RECORDERS | {"unit"}

    @property
    def signs_off(self) -> bool:
        return self.role in _SIGNERS

    @property
    def manages_units(self) -> bool:
        return self.role in (FILE, "owner", "admin")


def access_of(db: Database) -> Access:
    """The access of ``db``'s user: on a server read from the login's groups."""
    if db.server is None:
        return Access(FILE, db.user)
    from minutes_app.db.office_access import login_access
    from minutes_app.db.server import connected

    with connected(db.server) as driver:
        role, unit = login_access(driver)
        driver.rollback()
    return Access(role, db.user, unit)
