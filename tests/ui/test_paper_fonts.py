"""The paper's font: one serif that draws every letter of the paper, and a warning when no
installed serif does."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox

from minutes_app.cli import main
from minutes_app.core.paperwork.notice import notice_paper
from minutes_app.core.paperwork.office import load_office
from minutes_app.db.engine import Database
from minutes_app.exporting import write_paper
from minutes_app.formats.document import Paper, Title
from minutes_app.render import gui
from minutes_app.render.gui import FAMILIES, paper_family
from tests.paper_helpers import first_conference, sample_database

# Every letter of the Vietnamese alphabet with every tone, in both cases.
VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
ALL_LETTERS = VIETNAMESE + VIETNAMESE.upper()
NOWHERE = "漢"  # no serif of FAMILIES draws Chinese characters


@pytest.fixture
def sample_db(tmp_path: Path) -> Iterator[Database]:
    db = sample_database(tmp_path / "sample.sqlite3")
    yield db
    db.close()


def _fonts_of(pdf: Path) -> set[str]:
    """The base names of the fonts the PDF's pages use, without their subset prefix."""
    names = set()
    for page in PdfReader(str(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            name = str(font.get_object()["/BaseFont"]).lstrip("/")
            names.add(name.split("+", 1)[-1])
    return names


def test_the_first_installed_serif_that_draws_every_vietnamese_letter_is_chosen(
    qapp: object,
) -> None:
    installed = set(QFontDatabase.families())
    choice = paper_family("TỈNH ỦY LẠNG SƠN " + ALL_LETTERS)
    assert choice.missing == ""
    assert choice.family in FAMILIES and choice.family in installed
    # Each family before it is missing here, or misses a letter.
    for family in FAMILIES[: FAMILIES.index(choice.family)]:
        assert family not in installed or paper_family(ALL_LETTERS).family != family


def test_times_new_roman_then_its_metric_twins_in_order() -> None:
    assert FAMILIES[:3] == ("Times New Roman", "Tinos", "Liberation Serif")


def test_a_letter_no_serif_draws_is_named(qapp: object) -> None:
    choice = paper_family(f"Hội nghị {NOWHERE} quán triệt")
    assert choice.missing == NOWHERE
    assert choice.family in FAMILIES


def test_spaces_and_line_breaks_need_no_glyph(qapp: object) -> None:
    assert paper_family("Đảng\n\tCộng  sản\u00a0Việt Nam").missing == ""


def test_the_pdf_is_set_in_one_family_only(
    qapp: object, sample_db: Database, tmp_path: Path
) -> None:
    paper = notice_paper(sample_db, first_conference(sample_db), load_office(sample_db))
    paper = replace(paper, title=Title(paper.title.kind, (*paper.title.subject, ALL_LETTERS)))
    target = tmp_path / "tb.pdf"
    assert write_paper(paper, target) == ""
    family = paper_family(paper.text()).family.replace(" ", "")
    fonts = _fonts_of(target)
    assert fonts and all(name.startswith(family) for name in fonts), fonts


def test_a_pdf_with_a_letter_no_font_draws_is_written_and_the_letter_returned(
    qapp: object, sample_db: Database, tmp_path: Path
) -> None:
    paper: Paper = notice_paper(sample_db, first_conference(sample_db), load_office(sample_db))
    paper = replace(paper, title=Title(paper.title.kind, (f"Ký hiệu {NOWHERE}",)))
    assert write_paper(paper, tmp_path / "tb.pdf") == NOWHERE
    assert write_paper(paper, tmp_path / "tb.docx") == ""  # Word draws it with its fonts
    assert gui.families()[0] == paper_family(paper.text()).family


def test_the_command_line_warns_of_letters_no_font_draws(
    sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from minutes_app.db.models import Conference

    conference = first_conference(sample_db)
    with sample_db.transaction() as session:
        session.get_one(Conference, conference).title += f" {NOWHERE}"
    out = tmp_path / "tb.pdf"
    args = ["--db", str(sample_db.path), "export", "notice", str(out)]
    assert main([*args, "--conference", str(conference)]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and NOWHERE in err and "fonts-croscore" in err
    assert out.exists()
    assert main(["--lang", "vi", *args, "--conference", str(conference)]) == 0
    assert "cảnh báo" in capsys.readouterr().err


def test_the_window_warns_before_a_paper_whose_letters_no_font_draws(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from minutes_app.ui.paperwork.export_actions import ExportActions

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()) or 0)
    actions = ExportActions.__new__(ExportActions)
    window = QMainWindow()
    actions.window = window  # type: ignore[misc]
    ExportActions.warn_of_letters(actions, "")
    assert said == []
    ExportActions.warn_of_letters(actions, NOWHERE + "x")
    assert len(said) == 1 and NOWHERE in said[0] and "Tinos" in said[0]
