"""No silent duplicates: one conference per date and title, read blind to case,
diacritics and spacing (core.conferences.duplicates), for the editor and the import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from minutes_app.core.conferences.duplicates import conference_identity, same_conference
from minutes_app.core.conferences.forms import ConferenceForm
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.conferences.trash import move_to_trash
from minutes_app.db.engine import Database

DAY = dt.date(2023, 2, 20)
TITLE = "Hội nghị trực tuyến quán triệt Quy định 96-QĐ/TW"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path)
    yield database
    database.close()


@pytest.mark.parametrize(
    "title",
    [
        TITLE,
        "HỘI NGHỊ TRỰC TUYẾN QUÁN TRIỆT QUY ĐỊNH 96-QĐ/TW",
        "Hoi nghi truc tuyen quan triet Quy dinh 96-QD/TW",
        "  Hội nghị  trực tuyến\nquán triệt Quy định 96-QĐ/TW ",
        "Hội nghị trực tuyến quán triệt Quy định 96-QĐ/TW".replace("ệ", "e\u0323\u0302"),  # NFD
    ],
)
def test_the_same_title_read_as_a_clerk_reads_it_is_the_same_conference(
    db: Database, title: str
) -> None:
    stored = save_conference(db, ConferenceForm(title=TITLE, date=DAY))
    found = same_conference(db, DAY, title)
    assert found is not None
    assert (found.id, found.date, found.title) == (stored, DAY, TITLE)


@pytest.mark.parametrize(
    ("day", "title"),
    [
        (DAY + dt.timedelta(days=1), TITLE),
        (DAY, TITLE.replace("96", "97")),
        (DAY, TITLE + " (phiên 2)"),
    ],
)
def test_another_date_or_title_is_another_conference(
    db: Database, day: dt.date, title: str
) -> None:
    save_conference(db, ConferenceForm(title=TITLE, date=DAY))
    assert same_conference(db, day, title) is None


def test_a_conference_is_no_duplicate_of_itself(db: Database) -> None:
    stored = save_conference(db, ConferenceForm(title=TITLE, date=DAY))
    assert same_conference(db, DAY, TITLE, other_than=stored) is None


def test_a_conference_in_the_trash_is_not_a_duplicate(db: Database) -> None:
    stored = save_conference(db, ConferenceForm(title=TITLE, date=DAY))
    move_to_trash(db, [stored], by="Lan")
    assert same_conference(db, DAY, TITLE) is None


def test_the_import_uses_the_same_rule() -> None:
    assert conference_identity(DAY, TITLE) == conference_identity(DAY, TITLE.upper())
    assert conference_identity(DAY, TITLE) != conference_identity(DAY + dt.timedelta(1), TITLE)


def test_an_import_finds_a_conference_stored_under_another_case(
    db: Database, example_json: Path
) -> None:
    import json

    from minutes_app.core.exchange.importing import import_exchange
    from minutes_app.core.exchange.reading import read_exchange

    data = json.loads(example_json.read_bytes())
    [conference] = data["conferences"]
    save_conference(
        db,
        ConferenceForm(
            title=conference["title"].upper(), date=dt.date.fromisoformat(conference["date"])
        ),
    )
    conference.pop("uid", None)
    summary = import_exchange(db, read_exchange(json.dumps(data).encode()))
    assert summary.conferences_added == 0
