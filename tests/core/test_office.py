"""Office settings are kept in the database and survive reopening."""

from __future__ import annotations

from dataclasses import replace

from minutes_app.core.paperwork.office import Office, load_office, office_is_set, save_office
from minutes_app.db.engine import Database


def test_defaults_until_saved(store: str) -> None:
    db = Database.open(store)
    try:
        assert load_office(db) == Office()
    finally:
        db.close()


def test_saved_values_are_cleaned_and_reloaded(store: str) -> None:
    db = Database.open(store)
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
    db = Database.open(store)
    try:
        assert load_office(db) == stored
        assert load_office(db).office_name == "BAN TỔ CHỨC"
    finally:
        db.close()


def test_problems_name_empty_heading_fields() -> None:
    assert Office().problems() == []
    assert len(Office(office_name="", symbol="").problems()) == 2


def test_samples_leave_the_office_unset(store: str) -> None:
    from minutes_app.core.exchange.samples import load_samples

    db = Database.open(store)
    try:
        assert not office_is_set(db)
        load_samples(db)
        assert not office_is_set(db)
        assert load_office(db) == Office()
        assert "BẮC KẠN" not in load_office(db).superior_body
        mine = Office(superior_body="TỈNH ỦY LẠNG SƠN", place="Lạng Sơn")
        save_office(db, mine)
        assert office_is_set(db)
        load_samples(db)
        assert load_office(db).place == "Lạng Sơn"
    finally:
        db.close()


def test_the_office_once_written_by_the_samples_reads_as_never_set(store: str) -> None:
    from minutes_app.db.models import Setting

    written = {
        "superior_body": "TỈNH ỦY BẮC KẠN",
        "office_name": "BAN TỔ CHỨC",
        "symbol": "BTCTU",
        "place": "Bắc Kạn",
        "secretary": "",
        "notice_authority": "T/L BAN THƯỜNG VỤ",
        "notice_signer_title": "CHÁNH VĂN PHÒNG",
        "notice_signer": "",
    }
    db = Database.open(store)
    try:
        with db.transaction() as session:
            for key, value in written.items():
                session.merge(Setting(key=f"office.{key}", value=value))
        assert not office_is_set(db)
        assert load_office(db) == Office()
        # One field the clerk changed: theirs, kept.
        with db.transaction() as session:
            session.merge(Setting(key="office.secretary", value="Nông Thị Hà"))
        assert office_is_set(db)
        assert load_office(db).place == "Bắc Kạn"
        # Saved through the dialog with the same values: theirs too.
        save_office(db, replace(load_office(db), secretary=""))
        assert office_is_set(db)
        assert load_office(db).superior_body == "TỈNH ỦY BẮC KẠN"
    finally:
        db.close()
