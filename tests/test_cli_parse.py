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
    # Read the week it was published (the text gives no year: the latest 17/02 on or
    # before the day it is read)
    assert main(["parse", str(ARTICLE), "--json", "--today", "2023-02-20"]) == 0
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


@pytest.mark.parametrize(
    ("today", "date"),
    [("2024-09-20", "2024-09-14"), ("2024-09-14", "2024-09-14"), ("2024-09-13", "2023-09-14")],
)
def test_a_date_without_a_year_is_the_latest_such_day_on_or_before_today(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, today: str, date: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Sáng 14/9, Ban Tổ chức Tỉnh ủy tổ chức hội nghị trực tuyến quán triệt Quy định số "
        "96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị.",
        encoding="utf-8",
    )
    assert main(["parse", str(article), "--json", "--today", today]) == 0
    draft = json.loads(capsys.readouterr().out)
    assert (draft["date"], draft["year_inferred"], draft["date_text"]) == (date, True, "Sáng 14/9")


def test_a_pages_dateline_gives_the_year_whatever_today_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Quán triệt các văn bản mới\nCập nhật lúc 08:15, 02/05/2024\n\n"
        "Chiều ngày 29-4, Huyện ủy Ba Bể tổ chức hội nghị trực tuyến.",
        encoding="utf-8",
    )
    assert main(["parse", str(article), "--json", "--today", "2026-12-04"]) == 0
    draft = json.loads(capsys.readouterr().out)
    assert (draft["date"], draft["session"]) == ("2024-04-29", "afternoon")
