"""Writing files so that a failure never leaves half a file behind, nor a temporary one."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Permissions of a file only its owner may read: backups, which hold the whole database.
PRIVATE = 0o600

# Temporary files are ".<target name>.<8 random characters>.part" (tempfile.mkstemp's
# names) beside their target; a SQLite file being written has its journal beside it.
TEMPORARY_SUFFIX = ".part"
_TEMPORARY = re.compile(r"^(?P<temp>\..+\.[a-z0-9_]{8}\.part)(?:-journal|-wal|-shm)?$")
_COMPANIONS = ("-journal", "-wal", "-shm")

# A temporary file untouched for this long is a leftover: every writer of this program
# writes its temporary file steadily and renames it within seconds of the last write.
LEFTOVER_AGE = dt.timedelta(minutes=15)

_umask_lock = threading.Lock()


class NotARegularFile(OSError):
    """The path names something that is not a file (a device, a named pipe, a socket):
    it is never replaced."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            errno.EINVAL,
            "not a regular file; a device or a pipe is never written over",
            str(path),
        )


def current_umask() -> int:
    """The process's umask, left as it is.

    Linux shows it in /proc; elsewhere the only way is to set it and set it back, which
    other threads could see for an instant: so it is set to the strictest mask meanwhile.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _umask_lock:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def shared_mode(target: Path) -> int:
    """The permissions an export gets: those of the file it replaces; for a new file, what
    the user's umask allows (0666 & ~umask), as for any document a program saves.

    The temporary file is private (0600) while it is written; a clerk whose umask keeps
    papers to himself or his group gets the same for his exports.
    """
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return 0o666 & ~current_umask()


def writable_target(target: Path) -> Path:
    """The file that writing ``target`` replaces: ``target`` itself, or for a symbolic link
    the file it points to (the link stays a link). A new file is fine.

    Raises ``IsADirectoryError`` for a folder and ``NotARegularFile`` for a device, a named
    pipe or a socket, also behind a link: those are never replaced by a file.
    """
    target = Path(os.path.realpath(target)) if target.is_symlink() else target.absolute()
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return target
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(target))
    if not stat.S_ISREG(info.st_mode):
        raise NotARegularFile(target)
    return target


def temporary_beside(target: Path, tag: str = "") -> Path:
    """A new, empty, private temporary file in ``target``'s folder, named as
    ``remove_leftovers`` recognises: ``.<name>.<tag><8 characters>.part``."""
    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.{tag}", suffix=TEMPORARY_SUFFIX, dir=target.parent
    )
    os.close(handle)
    return Path(name)


def remove_temporary(temp: Path) -> None:
    """Delete ``temp`` and the journal SQLite may have left beside it."""
    for companion in ("", *_COMPANIONS):
        Path(f"{temp}{companion}").unlink(missing_ok=True)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles).

    A folder that refuses it (some network shares) holds the renamed file whole anyway.
    """
    if os.name != "posix":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


@contextmanager
def replacing(target: Path, *, mode: int | None = None) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to; it replaces ``target`` as a whole
    when the block ends normally, flushed to disk first, with ``mode`` as permissions
    (default: ``shared_mode``). On an exception (a cancel included) the temporary file
    and any journal beside it are removed and an existing ``target`` is left untouched.
    Only a regular file is replaced (see ``writable_target``); for a link, the file it
    points to. For writers that want a file name (openpyxl, zipfile, csv, SQLite)."""
    target = writable_target(target)
    temp = temporary_beside(target)
    try:
        yield temp
        with temp.open("rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temp, shared_mode(target) if mode is None else mode)
        writable_target(target)  # still a file, or none: not swapped for a device meanwhile
        os.replace(temp, target)
        sync_folder(target.parent)
    except BaseException:
        remove_temporary(temp)
        raise


def write_atomically(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` as a whole (see ``replacing``)."""
    with replacing(target) as temp:
        temp.write_bytes(data)


def remove_leftovers(folder: Path, *, older_than: dt.timedelta = LEFTOVER_AGE) -> list[Path]:
    """Delete the temporary files that a killed or failed write of this program left in
    ``folder``, and their journals; returns what was deleted.

    Only files named as ``temporary_beside`` names them are touched, and only those whose
    file and journal alike were last written more than ``older_than`` ago: a copy of the
    program that is writing one right now keeps it.
    """
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    groups: dict[str, list[os.DirEntry[str]]] = {}
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match is not None and entry.is_file(follow_symlinks=False):
            groups.setdefault(match["temp"], []).append(entry)
    limit = time.time() - older_than.total_seconds()
    removed = []
    for members in groups.values():
        try:
            if any(e.stat(follow_symlinks=False).st_mtime > limit for e in members):
                continue
        except OSError:
            continue
        for entry in members:
            try:
                os.unlink(entry.path)
            except OSError:
                continue
            removed.append(Path(entry.path))
    return removed
