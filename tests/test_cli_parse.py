"""`parse` prints the contract's draft of an article."""

from __future__ import annotations

import io
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


def test_parse_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Sáng 17/2/2023, Ban Tổ chức Trung ương tổ chức hội nghị quán triệt Quy định 96-QĐ/TW."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["parse", "-", "--json"]) == 0
    draft = json.loads(capsys.readouterr().out)
    assert (draft["date"], draft["organizer"]) == ("2023-02-17", "Ban Tổ chức Trung ương")
    assert [d["symbol"] for d in draft["documents"]] == ["96-QĐ/TW"]


def test_parse_refuses_bytes_that_are_not_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    legacy = tmp_path / "tcvn3.txt"
    legacy.write_bytes("Qu¸n triÖt NghÞ quyÕt".encode("cp1252") + b"\xff\xfe")
    assert main(["parse", str(legacy), "--json"]) == 1
    assert "UTF-8" in capsys.readouterr().err


def test_parse_of_control_characters_and_emoji_gives_an_empty_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "odd.txt"
    odd.write_text("\u0000\u202eمرحبا 😀 \u0007 ////----" * 1000, encoding="utf-8")
    assert main(["parse", str(odd), "--json"]) == 0
    draft = json.loads(capsys.readouterr().out)
    assert draft["documents"] == [] and draft["chairs"] == [] and draft["date"] is None
