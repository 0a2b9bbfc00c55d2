"""Numbers and dates of issue of papers (issue 14, item 12): the register proposes the next
number of a kind in a year, and the minutes and the notice print what was registered, or
blanks to fill in by hand, never the day of export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from minutes_app.core.conferences.catalogue import editor_choices
from minutes_app.core.conferences.forms import AppearanceForm, PaperForm, PersonRef
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.numbering import IssuedNumber, issued_numbers, next_number
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.paperwork.minutes import minutes_paper
from minutes_app.core.paperwork.notice import notice_paper
from minutes_app.core.paperwork.report import report_paper
from minutes_app.core.paperwork.wording import DAY_BLANK, NUMBER_BLANK
from minutes_app.db.engine import Database
from minutes_app.formats.document import Issue
from minutes_app.formats.docx import write_docx
from tests.paper_helpers import OFFICE, REPORT_AS_OF, first_conference, sample_database

MARCH_15 = dt.date(2023, 3, 15)
BLANK_DAY = f"Bắc Kạn, ngày {DAY_BLANK} tháng {DAY_BLANK} năm 20.."


@pytest.fixture
def db(store: str) -> Iterator[Database]:
    database = sample_database(store)
    yield database
    database.close()


def register(db: Database, conference_id: int, *papers: PaperForm) -> None:
    form = load_conference(db, conference_id)
    save_conference(db, replace(form, papers=papers))


def issued(kind: str, day: dt.date, number: str, conference: int = 1) -> IssuedNumber:
    return IssuedNumber(conference, kind, day, number)


# --- the register -----------------------------------------------------------------------------


def test_the_next_number_follows_the_highest_of_its_kind_that_year() -> None:
    register_ = [
        issued("minutes", dt.date(2023, 1, 9), "10-BB/BTCTU"),
        issued("minutes", dt.date(2023, 2, 1), "11-BB/BTCTU"),
        issued("minutes", dt.date(2022, 12, 30), "40-BB/BTCTU"),  # last year
        issued("notice", dt.date(2023, 2, 2), "30-TB/BTCTU"),  # another kind
    ]

    assert next_number(register_, "minutes", 2023, "BTCTU") == "12-BB/BTCTU"
    assert next_number(register_, "notice", 2023, "BTCTU") == "31-TB/BTCTU"


def test_the_first_paper_of_a_year_is_number_01() -> None:
    assert next_number([], "notice", 2024, "BTCTU") == "01-TB/BTCTU"
    assert next_number([], "minutes", 2024, "BTCTU") == "01-BB/BTCTU"


def test_the_conference_being_edited_counts_as_the_editor_shows_it() -> None:
    stored = [issued("minutes", MARCH_15, "12-BB/BTCTU", conference=7)]

    # Its stored minutes were taken off in the editor: 12 is free again.
    assert next_number(stored, "minutes", 2023, "BTCTU", conference_id=7) == "01-BB/BTCTU"
    unsaved = [PaperForm("minutes", "05-BB/BTCTU", MARCH_15)]
    assert (
        next_number(stored, "minutes", 2023, "BTCTU", conference_id=7, unsaved=unsaved)
        == "06-BB/BTCTU"
    )


def test_the_editor_is_given_the_register_and_the_office_symbol(db: Database) -> None:
    conference = first_conference(db)
    register(db, conference, PaperForm("minutes", "11-BB/BTCTU", MARCH_15))

    choices = editor_choices(db)

    assert choices.office_symbol == "BTCTU"
    assert choices.issued == issued_numbers(db)
    assert next_number(choices.issued, "minutes", 2023, choices.office_symbol) == "12-BB/BTCTU"


# --- printed ----------------------------------------------------------------------------------


def test_registered_minutes_print_their_number_and_day_of_issue(db: Database) -> None:
    conference = first_conference(db)
    register(db, conference, PaperForm("minutes", "12-BB/BTCTU", MARCH_15))

    paper = minutes_paper(db, conference, OFFICE)

    assert paper.heading.number == "Số 12-BB/BTCTU"
    assert paper.heading.place_date == "Bắc Kạn, ngày 15 tháng 3 năm 2023"
    assert paper.issue == Issue("12-BB/BTCTU", MARCH_15)


def test_minutes_not_registered_leave_number_and_day_blank(db: Database) -> None:
    paper = minutes_paper(db, first_conference(db), OFFICE)

    assert paper.heading.number == f"Số {NUMBER_BLANK}-BB/BTCTU"
    assert paper.heading.place_date == BLANK_DAY
    assert paper.issue is None


def test_a_notice_not_registered_is_not_dated_the_day_of_export(db: Database) -> None:
    paper = notice_paper(db, first_conference(db), OFFICE)

    assert paper.heading.number == f"Số {NUMBER_BLANK}-TB/BTCTU"
    assert paper.heading.place_date == BLANK_DAY
    assert dt.date.today().strftime("năm %Y") not in paper.heading.place_date


def test_a_registered_notice_gives_its_signer_to_the_signature_code(db: Database) -> None:
    conference = first_conference(db)
    signer = AppearanceForm(PersonRef("Hà Văn Bình"), "Phó Trưởng ban")
    register(
        db,
        conference,
        PaperForm("minutes", "12-BB/BTCTU", MARCH_15),
        PaperForm("notice", "05-TB/BTCTU", dt.date(2023, 2, 20), signer, "K/T TRƯỞNG BAN"),
    )

    paper = notice_paper(db, conference, OFFICE)

    assert paper.heading.number == "Số 05-TB/BTCTU"
    assert paper.heading.place_date == "Bắc Kạn, ngày 20 tháng 02 năm 2023"
    assert paper.issue == Issue(
        "05-TB/BTCTU", dt.date(2023, 2, 20), "Hà Văn Bình", "Phó Trưởng ban", "K/T TRƯỞNG BAN"
    )


def test_the_report_leaves_room_for_its_number_too(db: Database) -> None:
    paper = report_paper(db, dt.date(2023, 1, 1), dt.date(2023, 12, 31), REPORT_AS_OF, OFFICE)

    assert paper.heading.number == f"Số {NUMBER_BLANK}-BC/BTCTU"


def test_the_word_file_carries_the_registered_number_and_day(db: Database, tmp_path: Path) -> None:
    conference = first_conference(db)
    register(db, conference, PaperForm("minutes", "12-BB/BTCTU", MARCH_15))
    target = tmp_path / "bien-ban.docx"

    write_docx(minutes_paper(db, conference, OFFICE), target)

    heading = docx.Document(str(target)).tables[0]
    assert heading.cell(1, 0).text == "Số 12-BB/BTCTU"
    assert heading.cell(1, 1).text == "Bắc Kạn, ngày 15 tháng 3 năm 2023"


def test_the_word_file_keeps_the_room_to_write_by_hand(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "thong-bao.docx"

    write_docx(notice_paper(db, first_conference(db), OFFICE), target)

    heading = docx.Document(str(target)).tables[0]
    assert heading.cell(1, 0).text == f"Số {NUMBER_BLANK}-TB/BTCTU"
    assert heading.cell(1, 1).text == BLANK_DAY
