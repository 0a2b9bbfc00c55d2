"""Files are written whole or not at all, with the permissions a saved document has."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from minutes_app.core.files import write_atomically


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_is_readable_by_others_and_a_replaced_one_keeps_its_mode(
    tmp_path: Path,
) -> None:
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
