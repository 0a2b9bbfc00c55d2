"""Files are written whole or not at all, with the permissions a saved document has."""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from minutes_app.base.files import (
    PRIVATE,
    NotARegularFile,
    current_umask,
    remove_leftovers,
    replacing,
    write_atomically,
)


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process's umask for the test; the previous one comes back after it."""
    previous = os.umask(0o022)
    os.umask(previous)

    def set_umask(mask: int) -> None:
        os.umask(mask)

    yield set_umask
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_is_readable_by_others_and_a_replaced_one_keeps_its_mode(
    tmp_path: Path, umask: Callable[[int], None]
) -> None:
    umask(0o022)
    target = tmp_path / "a.pdf"
    write_atomically(target, b"one")
    assert _mode(target) == 0o644
    os.chmod(target, 0o600)
    write_atomically(target, b"two")
    assert (target.read_bytes(), _mode(target)) == (b"two", 0o600)


def test_failure_leaves_the_target_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"kept")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


# --- what may be replaced ----------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_named_pipe_is_refused_and_left_a_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "out.json"
    os.mkfifo(pipe)
    with pytest.raises(NotARegularFile) as refused:
        write_atomically(pipe, b"{}")
    assert "not a regular file" in str(refused.value.strerror)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="a POSIX device")
def test_a_link_to_a_device_is_refused_and_the_link_and_device_are_left(tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to("/dev/full")
    with pytest.raises(NotARegularFile):
        write_atomically(link, b"{}")
    assert link.is_symlink() and os.readlink(link) == "/dev/full"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.skipif(not hasattr(os, "mknod"), reason="POSIX devices")
def test_a_device_node_is_refused_and_left_a_device(tmp_path: Path) -> None:
    device = tmp_path / "full"
    try:  # the node of /dev/full (char 1, 7); making one needs root
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("making a device node needs root")
    with pytest.raises(NotARegularFile):
        write_atomically(device, b"{}")
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["full"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "out.json"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomically(folder, b"{}")
    assert folder.is_dir() and list(folder.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_link_to_a_file_writes_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    real = papers / "report.pdf"
    real.write_bytes(b"old")
    os.chmod(real, 0o640)
    link = tmp_path / "report.pdf"
    link.symlink_to(real)

    write_atomically(link, b"new")

    assert link.is_symlink() and link.resolve() == real
    assert (real.read_bytes(), _mode(real)) == (b"new", 0o640)
    assert sorted(p.name for p in papers.iterdir()) == ["report.pdf"]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_dangling_link_creates_the_file_it_names(tmp_path: Path) -> None:
    link = tmp_path / "report.pdf"
    link.symlink_to(tmp_path / "real.pdf")
    write_atomically(link, b"new")
    assert link.is_symlink() and (tmp_path / "real.pdf").read_bytes() == b"new"


# --- permissions -------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077, 0o002])
def test_a_new_file_gets_the_permissions_the_umask_allows(
    tmp_path: Path, umask: Callable[[int], None], mask: int
) -> None:
    umask(mask)
    target = tmp_path / "minutes.docx"
    write_atomically(target, b"one")
    assert _mode(target) == 0o666 & ~mask


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_replaced_file_keeps_its_permissions_whatever_the_umask(
    tmp_path: Path, umask: Callable[[int], None]
) -> None:
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"old")
    os.chmod(target, 0o604)
    umask(0o077)
    write_atomically(target, b"new")
    assert (target.read_bytes(), _mode(target)) == (b"new", 0o604)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_private_write_is_owner_only_whatever_was_there(
    tmp_path: Path, umask: Callable[[int], None]
) -> None:
    umask(0)
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    with replacing(target, mode=PRIVATE) as temp:
        temp.write_bytes(b"new")
    assert _mode(target) == 0o600


def test_the_umask_is_read_without_changing_it(umask: Callable[[int], None]) -> None:
    umask(0o027)
    assert current_umask() == 0o027
    assert os.umask(0o027) == 0o027


# --- leftovers ---------------------------------------------------------------------------


def test_a_failed_write_removes_the_temporary_file_and_its_journal(tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"kept")
    with pytest.raises(OSError, match="disk I/O"), replacing(target) as temp:
        Path(f"{temp}-journal").write_bytes(b"a journal SQLite could not delete")
        raise OSError(5, "disk I/O error")
    assert [p.name for p in tmp_path.iterdir()] == ["copy.sqlite3"]


def _age(path: Path, minutes: float) -> None:
    when = time.time() - minutes * 60
    os.utime(path, (when, when))


def test_old_leftovers_of_this_program_are_removed_and_nothing_else(tmp_path: Path) -> None:
    names = {
        ".minutes.sqlite3.k2x9_q0a.part": 60,  # a killed backup, an hour ago…
        ".minutes.sqlite3.k2x9_q0a.part-journal": 60,  # …and its journal
        ".report.docx.a1b2c3d4.part": 30,
        ".minutes.sqlite3.restore.zz99yy88.part": 120,
        ".minutes.sqlite3.orphan01.part-journal": 60,  # a journal whose file is gone
        ".tasks.xlsx.fresh123.part": 1,  # being written right now
        ".busy.sqlite3.abcd1234.part": 60,  # old, but its journal was written just now
        ".busy.sqlite3.abcd1234.part-journal": 0,
        "report.pdf.part": 60,  # a browser's download, not ours
        ".minutes.sqlite3.toolong12.part": 60,  # not the 8 characters of a temporary name
        ".notes.txt": 60,
        "minutes.sqlite3": 60,
        "minutes.sqlite3-journal": 60,
    }
    for name, minutes in names.items():
        (tmp_path / name).write_bytes(b"x")
        _age(tmp_path / name, minutes)
    (tmp_path / ".folder.abcdefgh.part").mkdir()

    removed = remove_leftovers(tmp_path)

    gone = {
        ".minutes.sqlite3.k2x9_q0a.part",
        ".minutes.sqlite3.k2x9_q0a.part-journal",
        ".report.docx.a1b2c3d4.part",
        ".minutes.sqlite3.restore.zz99yy88.part",
        ".minutes.sqlite3.orphan01.part-journal",
    }
    assert {p.name for p in removed} == gone
    assert {p.name for p in tmp_path.iterdir()} == (set(names) - gone) | {".folder.abcdefgh.part"}


def test_leftovers_of_a_missing_folder_are_none(tmp_path: Path) -> None:
    assert remove_leftovers(tmp_path / "missing") == []
