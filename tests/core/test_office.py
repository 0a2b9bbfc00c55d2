"""Office settings are kept in the database and survive reopening."""

from __future__ import annotations

from pathlib import Path

from minutes_app.core.paperwork.office import Office, load_office, save_office
from minutes_app.db.engine import Database


def test_defaults_until_saved(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "m.sqlite3")
    try:
        assert load_office(db) == Office()
    finally:
        db.close()


def test_saved_values_are_cleaned_and_reloaded(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite3"
    db = Database.open(path)
    try:
        stored = save_office(
            db,
            Office(
                superior_body=" TỈNH ỦY BẮC KẠN ",
                place="Bắc  Kạn",
                secretary="Nguyễn Thị Hoa",
            ),
        )
    finally:
        db.close()
    assert stored.superior_body == "TỈNH ỦY BẮC KẠN"
    assert stored.place == "Bắc Kạn"
    db = Database.open(path)
    try:
        assert load_office(db) == stored
        assert load_office(db).office_name == "BAN TỔ CHỨC"
    finally:
        db.close()


def test_problems_name_empty_heading_fields() -> None:
    assert Office().problems() == []
    assert len(Office(office_name="", symbol="").problems()) == 2


def test_samples_set_the_office_only_when_it_was_never_set(tmp_path: Path) -> None:
    from minutes_app.core.exchange.samples import SAMPLE_OFFICE, load_samples

    db = Database.open(tmp_path / "m.sqlite3")
    try:
        load_samples(db)
        assert load_office(db) == SAMPLE_OFFICE
        mine = Office(superior_body="TỈNH ỦY LẠNG SƠN", place="Lạng Sơn")
        save_office(db, mine)
        load_samples(db)
        assert load_office(db).place == "Lạng Sơn"
    finally:
        db.close()
