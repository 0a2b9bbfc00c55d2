"""`parse` prints the contract's draft of an article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes_app.cli import main

ARTICLE = Path(__file__).resolve().parents[2] / "shared/samples/articles/000_888d76cd00af702e.txt"


def test_parse_json_gives_the_contract_keys_and_the_chair(
    capsys: pytest.CaptureFixture[str],
) -> None:
    if not ARTICLE.exists():
        pytest.skip("shared/samples is not beside the repository")
    assert main(["parse", str(ARTICLE), "--json"]) == 0
    draft = json.loads(capsys.readouterr().out)
    assert set(draft) == {
        "title", "date", "date_text", "year_inferred", "session", "organizer", "host_point",
        "chairs", "bridge_points", "documents", "instructions",
    }  # fmt: skip
    assert (draft["date"], draft["session"]) == ("2023-02-17", "morning")
    assert draft["chairs"][0]["name"] == "Trương Thị Mai"
    assert [d["symbol"] for d in draft["documents"]] == [
        "96-QĐ/TW", "97-QĐ/TW", "03-HD/TW", "22-HD/BTCTW",
    ]  # fmt: skip


def test_parse_of_a_missing_file_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "/no/such/file.txt"]) == 1
