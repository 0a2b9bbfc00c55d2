"""The Vietnamese translation and the English plural forms are complete, and the shipped
.qm files match their .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))
import i18n  # noqa: E402


def unfinished(ts: Path) -> list[str]:
    root = ElementTree.parse(ts).getroot()
    return [
        message.findtext("source") or ""
        for message in root.iter("message")
        if (t := message.find("translation")) is None
        or t.get("type") in ("unfinished", "vanished")
        or not ("".join(t.itertext()).strip())
    ]


def test_no_string_is_left_unfinished_after_lupdate(tmp_path: Path) -> None:
    # lupdate on a copy: strings added to the code but not to the .ts show up as unfinished.
    copy = tmp_path / "minutes_app_vi.ts"
    shutil.copy(i18n.ts_file("vi"), copy)
    subprocess.run(
        [
            i18n.tool("pyside6-lupdate"),
            *i18n.sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(copy),
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    assert unfinished(copy) == []


@pytest.mark.parametrize("name", ["minutes_app_vi.qm", "minutes_app_en.qm", "qtbase_vi.qm"])
def test_shipped_qm_is_compiled_from_current_ts(tmp_path: Path, name: str) -> None:
    i18n.release(tmp_path)
    assert (tmp_path / name).read_bytes() == (REPO / "resources" / "i18n" / name).read_bytes()


def test_every_english_plural_has_its_forms(tmp_path: Path) -> None:
    # English shows its source strings; only "%n task(s)" needs "1 task" and "8 tasks".
    copy = tmp_path / "minutes_app_en.ts"
    shutil.copy(i18n.ts_file("en"), copy)
    subprocess.run(
        [
            i18n.tool("pyside6-lupdate"),
            *i18n.sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-pluralonly",
            "-target-language",
            "en",
            "-ts",
            str(copy),
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    assert unfinished(copy) == []
    root = ElementTree.parse(copy).getroot()
    for message in root.iter("message"):
        forms = [f.text or "" for f in message.iter("numerusform")]
        assert len(forms) == 2 and "(s)" not in "".join(forms), message.findtext("source")


@pytest.mark.parametrize("language", ["vi"])
def test_translation_is_loaded_by_the_app(qapp: object, language: str) -> None:
    from PySide6.QtCore import QCoreApplication

    from minutes_app.ui.app import install_language, remove_language

    app = QCoreApplication.instance()
    assert app is not None
    translator = install_language(app, language)
    try:
        assert translator is not None
        assert QCoreApplication.translate("MainWindow", "Conferences") == "Hội nghị"
    finally:
        remove_language(app)
