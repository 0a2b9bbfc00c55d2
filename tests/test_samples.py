"""The shipped sample data: five conferences that import cleanly, once."""

from __future__ import annotations

import unicodedata

from minutes_app.cli import main
from minutes_app.core.conferences.listing import list_conferences
from minutes_app.core.exchange.reading import read_exchange
from minutes_app.core.exchange.samples import load_samples, sample_bytes
from minutes_app.db.engine import Database


def test_sample_file_passes_every_check_and_is_nfc() -> None:
    exchange = read_exchange(sample_bytes())
    assert len(exchange.conferences) == 5
    text = sample_bytes().decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)


def test_samples_are_marked_as_samples() -> None:
    exchange = read_exchange(sample_bytes())
    for conference in exchange.conferences:
        assert conference.notes is not None and "Dữ liệu mẫu" in conference.notes
        for instruction in conference.instructions:
            for task in instruction.tasks:
                assert task.detail is not None and task.detail.startswith("[Mẫu]")


def test_demo_loads_the_five_conferences_once(store: str, capsys: object) -> None:
    assert main(["--db", store, "demo"]) == 0
    assert main(["--db", store, "demo"]) == 0
    db = Database.open(store)
    try:
        rows = list_conferences(db)
        assert [(r.date.isoformat(), r.chairs) for r in rows] == [
            ("2023-04-03", ("Mai Văn Chính",)),
            ("2023-02-17", ("Trương Thị Mai",)),
            ("2022-08-09", ("Trương Thị Mai",)),
            ("2020-03-02", ("Phạm Minh Chính",)),
            ("2019-11-07", ("Phạm Minh Tấn",)),
        ]
        assert load_samples(db).conferences_added == 0
    finally:
        db.close()
