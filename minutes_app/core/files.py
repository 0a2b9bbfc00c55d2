"""Writing files so that a failure never leaves half a file behind."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def shared_mode(target: Path) -> int:
    """The permissions a written file gets: those of the file it replaces, else rw-r--r--.

    A temporary file is private (0600); an export or a copy is meant to be shared like any
    other document the user saves.
    """
    return stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to; it replaces ``target`` as a whole
    when the block ends normally, flushed to disk first and with ``shared_mode``. On an
    exception (a cancel included) the temporary file is removed and an existing ``target``
    is left untouched. For writers that want a file name (openpyxl, zipfile, csv)."""
    target = target.absolute()
    if target.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(target))
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent
    )
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        with temp.open("rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temp, shared_mode(target))
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_atomically(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` as a whole (see ``replacing``)."""
    with replacing(target) as temp:
        temp.write_bytes(data)
