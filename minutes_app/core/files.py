"""Writing files so that a failure never leaves half a file behind."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def shared_mode(target: Path) -> int:
    """The permissions a written file gets: those of the file it replaces, else rw-r--r--.

    A temporary file is private (0600); an export or a copy is meant to be shared like any
    other document the user saves.
    """
    return stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644


def write_atomically(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` as a whole.

    The bytes go to a temporary file in the same folder, are flushed to disk, and the
    temporary file is then renamed over the target; on any failure it is removed and an
    existing target is untouched.
    """
    target = target.absolute()
    if target.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(target))
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp_name, shared_mode(target))
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
