"""Conference drafts from whole articles: the five samples and the report corpus."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from minutes_app.base.pasted import readable, tidy
from minutes_app.core.parsing.draft import ConferenceDraft, draft_from_text, draft_to_json

ARTICLES = Path(__file__).parents[3] / "shared/samples/articles"
REPORTS = Path(__file__).parents[1] / "data" / "parser" / "reports"


def _article(prefix: str) -> ConferenceDraft:
    if not ARTICLES.is_dir():
        pytest.skip("shared sample articles are not available")
    matches = sorted(ARTICLES.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"sample article {prefix} is missing")
    return draft_from_text(matches[0].read_text(encoding="utf-8"))


def _docs(draft: ConferenceDraft) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [
        (
            d.kind,
            d.number,
            d.symbol,
            d.issued_on.isoformat() if d.issued_on else None,
            d.issuer,
        )
        for d in draft.documents
    ]


def _chairs(draft: ConferenceDraft) -> list[tuple[str, str | None]]:
    return [(p.name, p.title) for p in draft.chairs]


BCT = "Bộ Chính trị"
BTC = "Ban Tổ chức Trung ương"
MAI_TITLE = "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Tổ chức Trung ương"


def test_article_000_matches_the_example_record() -> None:
    draft = _article("000")
    assert draft.date == datetime.date(2023, 2, 17)
    assert draft.date_text == "Sáng 17/02"
    assert draft.year_inferred is True
    assert draft.session == "morning"
    assert draft.organizer == BTC
    assert _chairs(draft) == [("Trương Thị Mai", MAI_TITLE)]
    assert _docs(draft) == [
        ("Quy định", "96", "96-QĐ/TW", "2023-02-02", BCT),
        ("Quy định", "97", "97-QĐ/TW", "2023-02-07", BCT),
        ("Hướng dẫn", "03", "03-HD/TW", "2022-12-27", "Ban Bí thư"),
        ("Hướng dẫn", "22", "22-HD/BTCTW", "2023-01-03", BTC),
    ]
    assert draft.documents[0].subject is not None
    assert draft.documents[0].subject.startswith("về việc lấy phiếu tín nhiệm")
    (bridge,) = draft.bridge_points
    assert bridge.name == "Điểm cầu tỉnh Bắc Kạn"
    assert bridge.presiding[0].name == "Hoàng Duy Chinh"
    assert len(draft.instructions) == 2
    assert "cần quán triệt" in draft.instructions[0]
    assert "cần báo cáo kịp thời" in draft.instructions[1]


def test_article_001_year_from_the_page_date() -> None:
    draft = _article("001")
    assert draft.date == datetime.date(2023, 4, 3)
    assert (draft.date_text, draft.year_inferred, draft.session) == ("Chiều 3/4", True, "afternoon")
    assert draft.organizer == BTC
    assert _chairs(draft) == [
        (
            "Mai Văn Chính",
            "Ủy viên Trung ương Đảng, Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương",
        )
    ]
    assert _docs(draft) == [
        ("Quy định", "04", "04-QĐi/TW", "2018-07-25", "Ban Bí thư"),
        ("Kết luận", "50", "50-KL/TW", "2023-02-28", BCT),
        ("Nghị quyết", "18", "18-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương Đảng khóa XII"),
    ]
    (bridge,) = draft.bridge_points
    assert bridge.name == "Điểm cầu tỉnh Lạng Sơn"
    assert bridge.presiding[0].name == "Hoàng Văn Nghiệm"
    assert bridge.presiding[0].title is not None
    assert bridge.presiding[0].title.startswith("Phó Bí thư Thường trực")
    assert draft.instructions


def test_article_002_dash_date_and_title_first_bridge_person() -> None:
    draft = _article("002")
    assert draft.date == datetime.date(2020, 3, 2)
    assert (draft.date_text, draft.session) == ("Chiều 2-3", "afternoon")
    assert draft.organizer == BTC
    assert _chairs(draft) == [("Phạm Minh Chính", MAI_TITLE)]
    assert _docs(draft) == [("Chỉ thị", "35", "35-CT/TW", None, BCT)]
    (bridge,) = draft.bridge_points
    assert bridge.name == "Điểm cầu Bình Phước"
    assert [(p.name, p.title) for p in bridge.presiding] == [
        ("Nguyễn Văn Dũng", "Ủy viên Ban Thường vụ, Trưởng ban Tổ chức Tỉnh ủy")
    ]


def test_article_003_number_only_documents_and_no_date() -> None:
    draft = _article("003")
    assert draft.date is None
    assert draft.date_text is None
    assert draft.session is None
    assert draft.organizer == BTC
    assert draft.host_point == BTC
    assert _chairs(draft) == [
        (
            "Trương Thị Mai",
            "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương",
        )
    ]
    assert _docs(draft) == [
        ("Thông báo kết luận", "16", None, None, BCT),
        ("Nghị quyết", "18", None, None, "Ban Chấp hành Trung ương Đảng khóa XII"),
        ("Kết luận", "40", None, None, BCT),
        ("Quy định", "70", None, None, BCT),
        ("Quyết định", "71", None, None, BCT),
        ("Kết luận", "39", None, None, BCT),
    ]


def test_article_004_title_first_chair() -> None:
    draft = _article("004")
    assert draft.date == datetime.date(2019, 11, 7)
    assert (draft.date_text, draft.year_inferred, draft.session) == ("Sáng 7-11", True, "morning")
    assert draft.organizer == "Ban Thường vụ Tỉnh ủy"
    assert _chairs(draft) == [("Phạm Minh Tấn", "Phó Bí thư Thường trực Tỉnh ủy")]
    assert _docs(draft) == [
        ("Quy định", "205", "205-QĐ/TW", None, BCT),
        ("Hướng dẫn", "21", "21-HD/BTCTW", None, BTC),
        ("Hướng dẫn", "26", "26-HD/BTCTW", None, BTC),
        ("Chỉ thị", "35", "35-CT/TW", None, BCT),
    ]
    assert any("khẩn trương" in item for item in draft.instructions)


def _report_names() -> list[str]:
    return sorted(path.stem for path in REPORTS.glob("*.txt"))


def test_report_corpus_is_large_enough() -> None:
    assert len(_report_names()) >= 6


@pytest.mark.parametrize("name", _report_names())
def test_report(name: str) -> None:
    text = (REPORTS / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((REPORTS / f"{name}.json").read_text(encoding="utf-8"))
    got = draft_to_json(draft_from_text(text))
    for key in ("date", "session", "organizer", "chairs"):
        assert got[key] == expected[key], key
    documents = got["documents"]
    assert isinstance(documents, list)
    fields = ("kind", "number", "symbol", "issued_on", "issuer")
    assert [{k: d[k] for k in fields} for d in documents] == expected["documents"]


def test_json_has_exactly_the_contract_keys() -> None:
    got = draft_to_json(draft_from_text("Sáng 17/2/2023, Ban Tổ chức Trung ương tổ chức hội nghị."))
    assert set(got) == {
        "title",
        "date",
        "date_text",
        "year_inferred",
        "session",
        "organizer",
        "host_point",
        "chairs",
        "bridge_points",
        "documents",
        "instructions",
    }
    assert got["date"] == "2023-02-17"
    assert got["year_inferred"] is False
    json.dumps(got, ensure_ascii=False)


def test_document_json_fields() -> None:
    got = draft_to_json(
        draft_from_text("Quán triệt Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị.")
    )
    assert got["documents"] == [
        {
            "kind": "Chỉ thị",
            "number": "35",
            "symbol": "35-CT/TW",
            "issued_on": "2019-05-30",
            "issuer": BCT,
            "subject": None,
            "text": "Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị",
        }
    ]


@pytest.mark.parametrize(
    ("text", "expected", "words"),
    [
        (
            "Thứ hai, 02/10/2023\n\nChiều 3/4, hội nghị diễn ra.",
            datetime.date(2023, 4, 3),
            "Chiều 3/4",
        ),
        (
            "Thứ hai, 02/01/2023\n\nSáng 28/12, hội nghị diễn ra.",
            datetime.date(2022, 12, 28),
            "Sáng 28/12",
        ),
        (
            "Tối 2-3, hội nghị triển khai nhiệm vụ tháng 3-2020.",
            datetime.date(2020, 3, 2),
            "Tối 2-3",
        ),
        (
            "Hội nghị ngày 7-11 triển khai nhiệm vụ quý IV/2019.",
            datetime.date(2019, 11, 7),
            "ngày 7-11",
        ),
        ("Hội nghị ngày 17/2/2023 đã diễn ra.", datetime.date(2023, 2, 17), "ngày 17/2/2023"),
        # today's date beside "Hôm nay"
        (
            "Thứ năm, 04/12/2025\n\nHôm nay (4/12), Hội Nông dân tỉnh tổ chức hội nghị.",
            datetime.date(2025, 12, 4),
            "Hôm nay (4/12)",
        ),
        (
            "Hôm qua, thứ Tư, 3/12/2025, hội nghị diễn ra.",
            datetime.date(2025, 12, 3),
            "Hôm qua, thứ Tư, 3/12/2025",
        ),
    ],
)
def test_event_date_and_year(text: str, expected: datetime.date, words: str) -> None:
    draft = draft_from_text(text)
    assert draft.date == expected
    assert draft.date_text == words


def test_year_cannot_be_inferred() -> None:
    draft = draft_from_text("Sáng 17/02, hội nghị diễn ra.")
    assert draft.date is None
    assert draft.year_inferred is False


def test_spans_point_into_the_text() -> None:
    text = (
        "Sáng 17/2/2023, Ban Tổ chức Trung ương tổ chức hội nghị. Đồng chí Trương Thị Mai, "
        "Trưởng ban Tổ chức Trung ương chủ trì. Hội nghị quán triệt Quy định số 96-QĐ/TW."
    )
    draft = draft_from_text(text)
    kinds = {span.what for span in draft.spans}
    assert {"date", "organizer", "chair", "document"} <= kinds
    for span in draft.spans:
        assert 0 <= span.start < span.end <= len(text)


def test_chair_name_excludes_dong_chi() -> None:
    draft = draft_from_text("Đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị.")
    assert _chairs(draft) == [("Nguyễn Văn An", "Bí thư Huyện ủy")]


def _span_texts() -> list[tuple[str, str]]:
    texts = [
        (path.stem, path.read_text(encoding="utf-8"))
        for folder in (REPORTS, REPORTS.parent / "heldout" / "reports")
        for path in sorted(folder.glob("*.txt"))
    ]
    if ARTICLES.is_dir():
        texts += [
            (path.stem, path.read_text(encoding="utf-8")) for path in sorted(ARTICLES.glob("*.txt"))
        ]
    return texts


def _squeeze(words: str) -> str:
    return " ".join(words.split())


def _plain(pasted: str | None) -> str | None:
    """What the parser reads of a stretch of the pasted text (its spaces, line breaks and
    artefacts made plain): a span covers the pasted text, a field holds what was read."""
    return None if pasted is None else _squeeze(tidy(pasted).text)


@pytest.mark.parametrize(("name", "text"), _span_texts(), ids=lambda value: str(value)[:12])
def test_each_span_covers_what_was_recognised(name: str, text: str) -> None:
    draft = draft_from_text(text)
    spans: dict[str, list[str]] = {}
    for span in draft.spans:
        assert 0 <= span.start < span.end <= len(text), span
        spans.setdefault(span.what, []).append(str(_plain(text[span.start : span.end])))
    assert spans.get("title") == ([_plain(draft.title)] if draft.title else None)
    assert spans.get("date") == ([_plain(draft.date_text)] if draft.date_text else None)
    assert spans.get("organizer") == ([_plain(draft.organizer)] if draft.organizer else None)
    assert spans.get("host_point") == ([_plain(draft.host_point)] if draft.host_point else None)
    assert [_squeeze(t) for t in spans.get("chair", [])] == [p.name for p in draft.chairs]
    assert ["Điểm cầu " + _squeeze(t) for t in spans.get("bridge_point", [])] == [
        point.name for point in draft.bridge_points
    ]
    instructions = spans.get("instruction", [])
    assert [t[:1].upper() + t[1:] for t in instructions] == [_plain(i) for i in draft.instructions]
    cited = spans.get("document", [])
    assert all(_plain(document.text) in cited for document in draft.documents)
    assert all(_plain(text[d.start : d.end]) == _plain(d.text) for d in draft.documents)


def test_chairs_get_one_span_each_at_their_names() -> None:
    text = (
        "Chủ trì hội nghị có các đồng chí: Nguyễn Đình Trung - Bí thư Tỉnh ủy; "
        "Lê  Văn Hòa - Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh."
    )
    draft = draft_from_text(text)
    assert _chairs(draft) == [
        ("Nguyễn Đình Trung", "Bí thư Tỉnh ủy"),
        ("Lê Văn Hòa", "Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh"),
    ]
    chair_spans = [text[s.start : s.end] for s in draft.spans if s.what == "chair"]
    assert chair_spans == ["Nguyễn Đình Trung", "Lê  Văn Hòa"]


def test_bridge_point_named_twice_has_one_span() -> None:
    text = (
        "Tại điểm cầu tỉnh Cao Bằng, đồng chí Trần Hồng Minh, Bí thư Tỉnh ủy dự hội nghị. "
        "Các đại biểu dự hội nghị tại điểm cầu tỉnh Cao Bằng."
    )
    draft = draft_from_text(text)
    assert [p.name for p in draft.bridge_points] == ["Điểm cầu tỉnh Cao Bằng"]
    spans = [s for s in draft.spans if s.what == "bridge_point"]
    assert [text[s.start : s.end] for s in spans] == ["tỉnh Cao Bằng"]
    assert spans[0].start == text.index("tỉnh Cao Bằng")


def test_chair_with_a_dash_before_the_title() -> None:
    draft = draft_from_text(
        "Đồng chí Nguyễn Văn Ánh - Ủy viên Ban Thường vụ, Trưởng ban Dân vận Tỉnh ủy chủ trì."
    )
    assert _chairs(draft) == [
        ("Nguyễn Văn Ánh", "Ủy viên Ban Thường vụ, Trưởng ban Dân vận Tỉnh ủy")
    ]


def test_chairs_sharing_one_title_before_a_colon() -> None:
    draft = draft_from_text(
        "Các đồng chí Phó Bí thư Tỉnh ủy: Nguyễn Đăng Bình, Phạm Duy Hưng đồng chủ trì hội nghị."
    )
    assert _chairs(draft) == [
        ("Nguyễn Đăng Bình", "Phó Bí thư Tỉnh ủy"),
        ("Phạm Duy Hưng", "Phó Bí thư Tỉnh ủy"),
    ]


def test_a_title_after_dong_chi_is_not_taken_for_a_name() -> None:
    draft = draft_from_text("Đồng chí Phó Bí thư Tỉnh ủy Nguyễn Đăng Bình chủ trì hội nghị.")
    assert _chairs(draft) == [("Nguyễn Đăng Bình", "Phó Bí thư Tỉnh ủy")]


# --------------------------------------------------------------------------- blind set rules


def test_chairs_listed_after_cac_dong_chi_colon_name_first() -> None:
    draft = draft_from_text(
        "Ngày 15/3/2024, Đảng ủy Bộ Nội vụ tổ chức hội nghị. Chủ trì hội nghị có các đồng chí: "
        "Lê Thanh Sơn, Ủy viên Ban Cán sự đảng, Thứ trưởng Bộ Nội vụ; Phạm Văn Thành, Bí thư "
        "Đảng ủy Bộ."
    )
    assert _chairs(draft) == [
        ("Lê Thanh Sơn", "Ủy viên Ban Cán sự đảng, Thứ trưởng Bộ Nội vụ"),
        ("Phạm Văn Thành", "Bí thư Đảng ủy Bộ"),
    ]


def test_two_chairs_with_titles_before_their_names_joined_by_va() -> None:
    draft = draft_from_text(
        "Chiều 14/11/2023, Ủy ban nhân dân tỉnh tổ chức hội nghị. Chủ tịch UBND tỉnh Đỗ Văn Phúc "
        "và Phó Chủ tịch UBND tỉnh Lương Thị Mai đồng chủ trì hội nghị."
    )
    assert _chairs(draft) == [
        ("Đỗ Văn Phúc", "Chủ tịch UBND tỉnh"),
        ("Lương Thị Mai", "Phó Chủ tịch UBND tỉnh"),
    ]


def test_va_inside_a_title_does_not_split_the_chair() -> None:
    draft = draft_from_text(
        "Sáng 3/4/2024, hội nghị do đồng chí Trần Văn An, Trưởng Ban Tuyên giáo và Dân vận "
        "Tỉnh ủy chủ trì."
    )
    assert _chairs(draft) == [("Trần Văn An", "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy")]


def test_session_before_a_date_in_words() -> None:
    draft = draft_from_text(
        "Sáng ngày 19 tháng 11 năm 2024, Ban Thường vụ Huyện ủy tổ chức hội nghị."
    )
    assert (draft.date, draft.session) == (datetime.date(2024, 11, 19), "morning")


def test_co_chairs_named_in_the_next_sentence() -> None:
    draft = draft_from_text(
        "Chiều 3/5/2024, Chính phủ tổ chức hội nghị. Thủ tướng Chính phủ Phạm Văn Khải chủ trì "
        "hội nghị. Cùng chủ trì có các đồng chí: Trần Hồng Quân, Phó Thủ tướng Chính phủ; "
        "Đỗ Đức Minh, Bộ trưởng Bộ Tài nguyên và Môi trường."
    )
    assert _chairs(draft) == [
        ("Phạm Văn Khải", "Thủ tướng Chính phủ"),
        ("Trần Hồng Quân", "Phó Thủ tướng Chính phủ"),
        ("Đỗ Đức Minh", "Bộ trưởng Bộ Tài nguyên và Môi trường"),
    ]


def test_a_later_paragraph_naming_co_chairs_elsewhere_is_not_read() -> None:
    draft = draft_from_text(
        "Sáng 3/5/2024, Tỉnh ủy tổ chức hội nghị. Đồng chí Lê Văn An, Bí thư Tỉnh ủy chủ trì. "
        "Hội nghị nghe ba báo cáo. Các đại biểu thảo luận. Đại biểu biểu quyết. "
        "Cùng chủ trì có đồng chí Hà Văn Bình, Phó Bí thư Tỉnh ủy."
    )
    assert _chairs(draft) == [("Lê Văn An", "Bí thư Tỉnh ủy")]


@pytest.mark.parametrize(
    ("text", "organizer"),
    [
        (
            "Sáng 12/4/2023, tại Hội trường Diên Hồng, Nhà Quốc hội, Bộ Chính trị, Ban Bí thư "
            "tổ chức Hội nghị toàn quốc.",
            "Bộ Chính trị",
        ),
        (
            "Sáng 5/6/2024, Huyện ủy Yên Thành và Ủy ban MTTQ huyện tổ chức hội nghị đối thoại.",
            "Huyện ủy Yên Thành",
        ),
        (
            "Chiều 21/9/2023, Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lạng Sơn tổ "
            "chức hội nghị sơ kết.",
            "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lạng Sơn",
        ),
        (
            "Sáng 28/8/2023, dưới sự chủ trì của đồng chí Đặng Xuân Phong, Bí thư Tỉnh ủy, Ban "
            "Thường vụ Tỉnh ủy Lào Cai họp cho ý kiến vào một số nội dung.",
            "Ban Thường vụ Tỉnh ủy Lào Cai",
        ),
        ("Chiều 5/6/2024, các đại biểu họp bàn về kế hoạch.", None),
        # a command's or a steering committee's remit, commas and a disease's year in it
        (
            "Chiều ngày 5-11, Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh Hà "
            "Tĩnh tổ chức hội nghị trực tuyến.",
            "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh Hà Tĩnh",
        ),
        (
            "Sáng 14/10/2021, Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh tổ chức hội nghị.",
            "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh",
        ),
        ("Sáng 14/10/2021, Ban Chỉ đạo 2021 tỉnh tổ chức hội nghị.", None),
        # a place's name with a dash; an abbreviation in brackets left out
        (
            "Sáng thứ Bảy (27/9), Đảng ủy phường Chân Mây – Lăng Cô tổ chức hội nghị.",
            "Đảng ủy phường Chân Mây – Lăng Cô",
        ),
        (
            "Sáng 3/10, Liên đoàn Lao động (LĐLĐ) tỉnh Đồng Nai tổ chức hội nghị trực tuyến.",
            "Liên đoàn Lao động tỉnh Đồng Nai",
        ),
        ("QK4 – Sáng 3/10, Bộ Tư lệnh Quân khu 4 tổ chức hội nghị.", "Bộ Tư lệnh Quân khu 4"),
        # the body, then its verbs before "tổ chức"
        (
            "Để tổng kết công tác năm 2024, Ban Thường vụ Tỉnh ủy xây dựng kế hoạch tổ chức "
            "hội nghị như sau:",
            "Ban Thường vụ Tỉnh ủy",
        ),
        (
            "Sáng 3/4/2024, Ủy ban Quốc gia về chuyển đổi số tổ chức hội nghị trực tuyến.",
            "Ủy ban Quốc gia về chuyển đổi số",
        ),
        # a report's heading is no body
        ("2. Công tác tổ chức hội nghị trực tuyến\nHội nghị bàn nhiệm vụ.", None),
        # a unit of the army known by its number
        (
            "QK4 - Ngày 23/9/2025, Bộ Tư lệnh Quân khu 4 tổ chức hội nghị trực tuyến.",
            "Bộ Tư lệnh Quân khu 4",
        ),
        ("Ngày 23/9/2025, Bộ Tư lệnh Quân khu 12 tổ chức hội nghị trực tuyến.", None),
        ("Ngày 5/6/2025, Sư đoàn 324 tổ chức hội nghị trực tuyến.", "Sư đoàn 324"),
    ],
)
def test_organizer_is_the_lead_body(text: str, organizer: str | None) -> None:
    assert draft_from_text(text).organizer == organizer


def test_session_of_the_report_day_named_without_a_date() -> None:
    draft = draft_from_text(
        "Hòa Bình, ngày 3 tháng 4 năm 2024\n\nSáng nay, Ban Thường vụ Tỉnh ủy tổ chức hội nghị."
    )
    assert (draft.date, draft.session) == (datetime.date(2024, 4, 3), "morning")
    plain = draft_from_text("Hòa Bình, ngày 3 tháng 4 năm 2024\n\nBan Thường vụ Tỉnh ủy họp.")
    assert plain.session is None


def test_sang_nay_and_no_day_written_is_the_day_it_is_read() -> None:
    text = "(Baonghean.vn) – Chiều nay, Ban Chỉ huy tỉnh tổ chức hội nghị. Hạn báo cáo 28/10."
    draft = draft_from_text(text, today=datetime.date(2025, 10, 27))
    assert (draft.date, draft.year_inferred, draft.session) == (
        datetime.date(2025, 10, 27),
        True,
        "afternoon",
    )
    assert draft.date_text == "Chiều nay"
    assert draft_from_text(text).date is None  # no day to read it on
    # a day written with its year, or an agency's dateline, dates it instead
    dated = "Hòa Bình, ngày 3 tháng 4 năm 2024\n\nSáng nay, Tỉnh ủy tổ chức hội nghị."
    assert draft_from_text(dated, today=datetime.date(2025, 1, 1)).date == datetime.date(2024, 4, 3)
    agency = "Pleiku, 22/10/2024 (TTXVN) – Chiều nay, Tỉnh ủy tổ chức hội nghị."
    assert draft_from_text(agency, today=datetime.date(2025, 1, 1)).date == datetime.date(
        2024, 10, 22
    )
    # "hôm nay" outside a sentence on the meeting dates nothing
    other = "Hôm nay trời mưa. Hội nghị bàn về kế hoạch."
    assert draft_from_text(other, today=datetime.date(2025, 1, 1)).date is None


def test_chieu_qua_is_the_day_before_it_is_read() -> None:
    draft = draft_from_text(
        "Chiều qua, Hội Cựu chiến binh tỉnh tổ chức hội nghị trực tuyến.",
        today=datetime.date(2025, 9, 26),
    )
    assert (draft.date, draft.year_inferred, draft.session) == (
        datetime.date(2025, 9, 25),
        True,
        "afternoon",
    )
    assert draft_from_text(
        "Hôm qua, Tỉnh ủy tổ chức hội nghị.", today=datetime.date(2026, 1, 1)
    ).date == datetime.date(2025, 12, 31)


def test_the_session_of_a_meeting_held_in_the_afternoon_with_no_date() -> None:
    draft = draft_from_text("Đại học Huế tổ chức hội nghị. Hội nghị diễn ra vào buổi chiều.")
    assert (draft.date, draft.session) == (None, "afternoon")


@pytest.mark.parametrize(
    ("opens", "session"),
    [("7h30", "morning"), ("11 giờ 59", "morning"), ("12h00", "afternoon"), ("17:59", "afternoon"),
     ("18 giờ", "evening"), ("24h", None)],
)  # fmt: skip
def test_session_of_the_hour_the_meeting_opened(opens: str, session: str | None) -> None:
    draft = draft_from_text(
        f"Hôm nay (4/12), Hội Nông dân tỉnh tổ chức hội nghị. Hội nghị khai mạc lúc {opens} "
        "tại Hội trường."
    )
    assert draft.session == session


def test_chair_with_the_title_before_the_name_who_attends_and_chairs() -> None:
    draft = draft_from_text(
        "Sáng 2/3/2024, Tỉnh ủy tổ chức hội nghị. "
        "Bí thư Tỉnh ủy Lò Văn Mạnh dự và chủ trì hội nghị."
    )
    assert _chairs(draft) == [("Lò Văn Mạnh", "Bí thư Tỉnh ủy")]


@pytest.mark.parametrize(
    ("text", "organizer"),
    [
        (
            "Sáng 4/4/2024, Ban Chỉ đạo cải cách hành chính, chuyển đổi số tỉnh Hòa Bình tổ "
            "chức hội nghị sơ kết.",
            "Ban Chỉ đạo cải cách hành chính, chuyển đổi số tỉnh Hòa Bình",
        ),
        (
            "Chiều 6/6/2024, đồng chí Lê Văn Tâm, Bí thư Tỉnh ủy chủ trì buổi làm việc của Ban "
            "Thường vụ Tỉnh ủy với Đảng ủy Công an tỉnh.",
            "Ban Thường vụ Tỉnh ủy",
        ),
        (
            "Thông báo kết luận của Thường trực Tỉnh ủy tại buổi làm việc với Huyện ủy Mỹ Xuyên\n"
            "Ngày 4/7/2024, đồng chí Lâm Văn Mẫn, Bí thư Tỉnh ủy chủ trì buổi làm việc.",
            "Thường trực Tỉnh ủy",
        ),
        # A person's words, not a body's meeting.
        ("Ngày 4/7/2024, kết luận của đồng chí Bí thư tại buổi làm việc được công bố.", None),
    ],
)
def test_organizer_named_by_its_meeting(text: str, organizer: str | None) -> None:
    assert draft_from_text(text).organizer == organizer


def test_organizer_leaves_out_the_province_in_brackets() -> None:
    draft = draft_from_text(
        "Tối 8/9/2024, Ban Thường vụ Huyện ủy Bảo Lạc (Cao Bằng) tổ chức cuộc họp khẩn."
    )
    assert draft.organizer == "Ban Thường vụ Huyện ủy Bảo Lạc"


def test_chair_named_by_post_only_is_who_gave_the_directing_speech() -> None:
    draft = draft_from_text(
        "Ngày 20/11/2024, Ban Chỉ đạo tỉnh tổ chức phiên họp. Phiên họp do đồng chí Trưởng "
        "Ban Chỉ đạo chủ trì.\n\nĐồng chí Hoàng Văn Thái, Bí thư Tỉnh ủy, Trưởng Ban Chỉ "
        "đạo phát biểu chỉ đạo phiên họp."
    )
    assert [person.name for person in draft.chairs] == ["Hoàng Văn Thái"]


def test_year_of_a_review_is_the_years_after_the_document_reviewed() -> None:
    draft = draft_from_text(
        "Sáng 22/4, Ban Thường vụ Huyện ủy Nguyên Bình tổ chức hội nghị tổng kết 10 năm thực "
        "hiện Nghị quyết số 05-NQ/HU ngày 18/3/2015 của Ban Chấp hành Đảng bộ huyện. Quyết "
        "định số 1125/QĐ-UBND ngày 24/7/2019 của Ủy ban nhân dân tỉnh."
    )
    assert (draft.date, draft.year_inferred) == (datetime.date(2025, 4, 22), True)


@pytest.mark.parametrize(
    ("text", "points"),
    [
        (
            "Hội nghị kết nối đến các điểm cầu: Huyện ủy Pác Nặm, Thành ủy Bắc Kạn và "
            "Đảng ủy Khối các cơ quan tỉnh.",
            ["Huyện ủy Pác Nặm", "Thành ủy Bắc Kạn", "Đảng ủy Khối các cơ quan tỉnh"],
        ),
        (
            "Dự tại 3 điểm cầu gồm Thị ủy TX. Hương Thủy, Thành ủy TP. Huế và Huyện ủy "
            "Phong Điền có các đồng chí lãnh đạo.",
            ["Thị ủy TX. Hương Thủy", "Thành ủy TP. Huế", "Huyện ủy Phong Điền"],
        ),
        # a description, not names: nothing is listed
        ("Hội nghị kết nối đến 10 điểm cầu các huyện ủy, thành ủy trực thuộc.", []),
        # one "điểm cầu" after "đến", then a list; an item may begin in lower case
        (
            "Hội nghị được kết nối đến điểm cầu Đảng ủy phường Phú Bài, Đảng ủy xã Thủy Phù "
            "và huyện Chư Sê.",
            ["Đảng ủy phường Phú Bài", "Đảng ủy xã Thủy Phù", "huyện Chư Sê"],
        ),
        # "và" inside a name whose rest is in lower case; a count ends the list
        (
            "Kết nối tới các điểm cầu UBND TP. Tam Kỳ, Đảng ủy Khối các cơ quan và doanh "
            "nghiệp tỉnh và 241 điểm cầu xã, phường.",
            ["UBND TP. Tam Kỳ", "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh"],
        ),
        # a qualifier then a colon; a bracket ends the list
        (
            "- Điểm cầu cấp huyện: Huyện ủy Ba Bể, Thành ủy Bắc Kạn (tại hội trường các huyện ủy).",
            ["Huyện ủy Ba Bể", "Thành ủy Bắc Kạn"],
        ),
        # the host named again in the list is none of the others
        (
            "Hội nghị được tổ chức tại Hội trường Tỉnh ủy, kết nối trực tuyến với các điểm "
            "cầu: Hội trường Tỉnh ủy, Thành ủy Vinh và Huyện ủy Nghi Lộc.",
            ["Thành ủy Vinh", "Huyện ủy Nghi Lộc"],
        ),
        # a count after the last name is no part of it; "các huyện" then its places
        (
            "Kết nối với 11 điểm cầu gồm: TP. Quy Nhơn, TX. An Nhơn, TX. Hoài Nhơn và 8 huyện.",
            ["TP. Quy Nhơn", "TX. An Nhơn", "TX. Hoài Nhơn"],
        ),
        (
            "Kết nối với 4 điểm cầu gồm TP. Thái Bình và các huyện Đông Hưng, Hưng Hà, Vũ Thư.",
            ["TP. Thái Bình", "huyện Đông Hưng", "huyện Hưng Hà", "huyện Vũ Thư"],
        ),
        # the list opened later in the sentence
        (
            "Hội nghị được kết nối tới 3 điểm cầu tại các thôn, gồm: Nhà văn hóa thôn Đông "
            "Hưng và Nhà văn hóa thôn Tân Hòa.",
            ["Nhà văn hóa thôn Đông Hưng", "Nhà văn hóa thôn Tân Hòa"],
        ),
        (
            "Một số điểm cầu có đông đảng viên tham dự như: Đảng ủy thị trấn Phước An; Đảng "
            "ủy xã Ea Phê.",
            ["Đảng ủy thị trấn Phước An", "Đảng ủy xã Ea Phê"],
        ),
        (
            "Kết nối đến 21 điểm cầu huyện, thành, thị đoàn, trong đó có: Thành đoàn Vinh, "
            "Thị đoàn Cửa Lò.",
            ["Thành đoàn Vinh", "Thị đoàn Cửa Lò"],
        ),
        # a kind of place is no point; who attends at a point is no list of points
        (
            "- Điểm cầu cơ sở: Hội trường đảng ủy các xã, thị trấn.\n"
            "- Tại điểm cầu cơ sở: Ban Chấp hành đảng bộ xã, thị trấn.",
            [],
        ),
        # "H." for a district; places named by their number; a level's units alone are none
        (
            "Kết nối đến các điểm cầu: TP. Buôn Ma Thuột, H. Krông Pắc, H. Ea H'leo và 11 "
            "huyện còn lại.",
            ["TP. Buôn Ma Thuột", "H. Krông Pắc", "H. Ea H'leo"],
        ),
        (
            "Kết nối trực tuyến tới điểm cầu thôn Tân Hòa, phường 1, thôn 7 và thôn 8. Tại "
            "điểm cầu UBND các huyện, thành phố, lãnh đạo báo cáo.",
            ["thôn Tân Hòa", "phường 1", "thôn 7", "thôn 8"],
        ),
        (
            "Kết nối với các điểm cầu Đảng ủy các cơ quan Đảng tỉnh và Đảng ủy Khối các cơ "
            "quan tỉnh.",
            ["Đảng ủy các cơ quan Đảng tỉnh", "Đảng ủy Khối các cơ quan tỉnh"],
        ),
        # two points of one kind joined by "và" after a single "điểm cầu"; "và" inside a name
        (
            "Tại điểm cầu phường Hạc Thành và phường Sầm Sơn, lãnh đạo báo cáo. Tại điểm cầu "
            "tỉnh Lào Cai và thành phố Cần Thơ, đại biểu đề nghị.",
            ["phường Hạc Thành", "phường Sầm Sơn", "tỉnh Lào Cai", "thành phố Cần Thơ"],
        ),
        # "trong đó có điểm cầu A, B": a list; "bản" a level; "các" before a capital
        (
            "Kết nối tới 18 điểm cầu các thôn, bản, trong đó có điểm cầu bản Nà Sài, bản Co Mạ "
            "ở vùng khó khăn. Kết nối đến các điểm cầu: Công đoàn các Khu công nghiệp Nhơn "
            "Trạch và 95 công đoàn cơ sở.",
            ["bản Nà Sài", "bản Co Mạ", "Công đoàn các Khu công nghiệp Nhơn Trạch"],
        ),
        # the places a conference is linked to, with no "điểm cầu"; nothing that is no place
        (
            "Hội nghị kết nối với Hội LHPN huyện Quỳnh Phụ và Hội LHPN huyện Kiến Xương. Hội "
            "nghị kết nối tới huyện Bảo Yên, thị xã Sa Pa – những địa phương thiệt hại. Hội "
            "nghị kết nối với Zalo và hệ thống của Bộ.",
            [
                "Hội LHPN huyện Quỳnh Phụ",
                "Hội LHPN huyện Kiến Xương",
                "huyện Bảo Yên",
                "thị xã Sa Pa",
            ],
        ),
        # a qualifier in quotes before the colon; points "phụ" at two places; "điểm cầu tại"
        # places of a level; a venue alone after "tại" is no list of points
        (
            "Các điểm cầu “đinh” tối nay sẽ lên sóng giao lưu: Đoàn phường Hạc Thành và Đoàn "
            "xã Nga Sơn. Đảng ủy bố trí thêm 02 điểm cầu phụ tại Nhà văn hóa buôn Ea Knốp và "
            "Hội trường thôn 3. Hội còn mở thêm điểm cầu tại xã Gia Tân, Gia Phúc để theo dõi. "
            "Điểm cầu tại hội trường đã sẵn sàng.",
            [
                "Đoàn phường Hạc Thành",
                "Đoàn xã Nga Sơn",
                "Nhà văn hóa buôn Ea Knốp",
                "Hội trường thôn 3",
                "xã Gia Tân",
                "Gia Phúc",
            ],
        ),
        # two places of a level without "các" or "và"; after the comma a province is the
        # first's address, a title or a body opens the sentence going on
        (
            "Điểm cầu thị xã Nghi Sơn, Thọ Xuân nêu kinh nghiệm. Ở điểm cầu phường Đông Hà, "
            "Hội Cựu chiến binh phường báo cáo. Tại điểm cầu xã Ea Tu, Đắk Lắk, hội viên "
            "chia sẻ. Tại điểm cầu xã Tân Lập, Bí thư Đảng ủy phát biểu. Tại điểm cầu xã Cư "
            "Jút, Hội Nông dân báo cáo. Tại điểm cầu xã Hòa "
            "An, Nguyễn Văn Tâm phát biểu.",
            [
                "thị xã Nghi Sơn",
                "Thọ Xuân",
                "phường Đông Hà",
                "xã Ea Tu",
                "xã Tân Lập",
                "xã Cư Jút",
                "xã Hòa An",
            ],
        ),
        # a headline in capitals names no point; "điểm cầu Tỉnh ủy" is the host named short
        (
            "QUÁN TRIỆT NGHỊ QUYẾT ĐẾN 65 ĐIỂM CẦU TOÀN TỈNH\n"
            "- Điểm cầu chính: Hội trường 25B, Trụ sở Tỉnh ủy.\n"
            "- Tại điểm cầu Tỉnh ủy: các đồng chí Ủy viên Ban Chấp hành.\n"
            "- Tại điểm cầu Huyện ủy Thọ Xuân: các đồng chí Ủy viên Ban Thường vụ.",
            ["Huyện ủy Thọ Xuân"],
        ),
        # a count, a comma, then the items on lines with a mark; a line with another mark
        # ends them; "nhà ở" goes on a name; a list after a colon's space
        (
            "Hơn 1.500 công nhân tham gia tại 27 điểm cầu, trong đó có:\n"
            "🔹 Khu công nghiệp Quang Châu\n"
            "🔹 Khu nhà ở công nhân KCN Đình Trám\n"
            "5. Kiểm tra kỹ thuật đường truyền: 15 giờ 00.\n"
            "- Các đơn vị còn lại dự tại UBND xã.\n"
            "- Điểm cầu phụ: các phường Vĩnh Phúc, Hòa Bình (tại hội trường Văn phòng).",
            [
                "Khu công nghiệp Quang Châu",
                "Khu nhà ở công nhân KCN Đình Trám",
                "phường Vĩnh Phúc",
                "phường Hòa Bình",
            ],
        ),
        # a first item's kind in capitals, with its level, goes on the bare names after it
        (
            "Tại các điểm cầu Bệnh viện Nhân dân 115, Nhân dân Gia Định và Hùng Vương, đảng "
            "viên theo dõi. Tại các điểm cầu Công an phường Hải Châu, Sơn Trà và Công an "
            "phường Hội An, lãnh đạo báo cáo.",
            [
                "Bệnh viện Nhân dân 115",
                "Bệnh viện Nhân dân Gia Định",
                "Bệnh viện Hùng Vương",
                "Công an phường Hải Châu",
                "Công an phường Sơn Trà",
                "Công an phường Hội An",
            ],
        ),
        # the units attending at their own points, a line each; lines that say who chairs
        # where are none; "dự án" inside a name; a point, a dash, then its hall
        (
            "3. Đại biểu dự:\n- Tại các điểm cầu:\n  • Đảng ủy Sở Y tế;\n  • Chi bộ Ban Quản lý "
            "dự án đầu tư xây dựng thành phố.\n- Có mặt 41/43 đồng chí.\n"
            "- Tại các điểm cầu:\n+ Chủ trì điểm cầu: đồng chí Võ Văn Sơn.\n+ Thư ký: đồng "
            "chí Lê Hải.\n\n2. Địa điểm: Điểm cầu phường Thuận Hóa – Hội trường tầng 2, Trụ "
            "sở Ủy ban MTTQ Việt Nam phường.",
            [
                "Đảng ủy Sở Y tế",
                "Chi bộ Ban Quản lý dự án đầu tư xây dựng thành phố",
                "phường Thuận Hóa",
            ],
        ),
        # two of one kind after a comma; a second place's bare name after a region's;
        # kinds ("cấp xã", "… khác") are none; "Dầu khí" a name's; a point's name before a
        # colon; a count in brackets, "trong đó:", then its lines; a point named again
        # shorter is the same point
        (
            "Tại điểm cầu TAND tỉnh Nghệ An, TAND tỉnh Quảng Trị, nhiều thẩm phán đề nghị. "
            "Điểm cầu Trung tâm Y tế khu vực An Khê, Hoài Nhơn; trưởng trạm dự tại điểm cầu "
            "UBND cấp xã. Kết nối tới điểm cầu BHXH cơ sở Buôn Hồ và 13 điểm cầu BHXH cơ sở "
            "khác. Đại biểu tại điểm cầu Công an cơ sở khác theo dõi. Tại đầu cầu Đảng ủy "
            "Tổng công ty Thăm dò Khai thác Dầu khí, đồng chí Bình "
            "phát biểu.\n- Tại điểm cầu thị xã Kỳ Anh: ông Võ Quang Định kiến nghị.\n"
            "4. Điểm cầu huyện, thị xã (12 điểm cầu), trong đó:\n- Phòng giao dịch NHCSXH "
            "huyện Vũ Quang;\n- Phòng giao dịch NHCSXH thị xã Hồng Lĩnh.\n\nTại điểm cầu "
            "thị xã Hồng Lĩnh, ông Sáu phản ánh.",
            [
                "TAND tỉnh Nghệ An",
                "TAND tỉnh Quảng Trị",
                "Trung tâm Y tế khu vực An Khê",
                "Hoài Nhơn",
                "BHXH cơ sở Buôn Hồ",
                "Đảng ủy Tổng công ty Thăm dò Khai thác Dầu khí",
                "thị xã Kỳ Anh",
                "Phòng giao dịch NHCSXH huyện Vũ Quang",
                "Phòng giao dịch NHCSXH thị xã Hồng Lĩnh",
            ],
        ),
        # after "các", a kind in lower case or a unit's in capitals goes on every item, a
        # name or a number; an item naming its kind keeps its own; a list after "là" that
        # names none, then "trong đó có" one that does
        (
            "Hội nghị kết nối tới các trường Đại học Sư phạm, Đại học Y - Dược và Đại học Nông "
            "Lâm. Điểm cầu chính kết nối đến các chi bộ khu phố 1, 2 và 5. Hội nghị được kết "
            "nối với 14 điểm cầu là các phòng giao dịch trực thuộc, trong đó có các phòng giao "
            "dịch số 2 và số 9. Hội nghị kết nối tới 26 điểm cầu, gồm các Hạt Kiểm lâm Minh "
            "Hóa, Tuyên Hóa; Hạt Kiểm lâm Vườn quốc gia Phong Nha – Kẻ Bàng.",
            [
                "trường Đại học Sư phạm",
                "trường Đại học Y - Dược",
                "trường Đại học Nông Lâm",
                "chi bộ khu phố 1",
                "chi bộ khu phố 2",
                "chi bộ khu phố 5",
                "phòng giao dịch số 2",
                "phòng giao dịch số 9",
                "Hạt Kiểm lâm Minh Hóa",
                "Hạt Kiểm lâm Tuyên Hóa",
                "Hạt Kiểm lâm Vườn quốc gia Phong Nha – Kẻ Bàng",
            ],
        ),
        # a line's sentence opening with "Các" is no item
        (
            "Hội nghị kết nối tới các điểm cầu:\n- Huyện ủy Thọ Xuân;\n- Các đơn vị còn lại dự "
            "tại UBND xã.",
            ["Huyện ủy Thọ Xuân"],
        ),
        # a heading in capitals after "điểm cầu như sau:" is no item
        (
            "UBND tỉnh ban hành Kế hoạch tổ chức điểm cầu như sau:\n"
            "I. THỜI GIAN, HÌNH THỨC, ĐIỂM CẦU\n"
            "1. Thời gian: 01 buổi, từ 08 giờ 00.",
            [],
        ),
        # the places of a level linked to, one of another level after "cùng"; the kinds of
        # unit in every province are none; centres and hospitals linked to
        (
            "Hội nghị cũng được kết nối tới các huyện Krông Búk, Ea Súp và Buôn Đôn cùng thị "
            "xã Buôn Hồ. Hội nghị được kết nối tới Sở Tài chính, Thuế tỉnh, Kho bạc Nhà nước "
            "khu vực của 34 tỉnh, thành phố. Trong tỉnh, hội nghị được kết nối tới Trung tâm "
            "Y tế khu vực An Khê và Bệnh viện Đa khoa tỉnh.",
            [
                "huyện Krông Búk",
                "huyện Ea Súp",
                "huyện Buôn Đôn",
                "thị xã Buôn Hồ",
                "Trung tâm Y tế khu vực An Khê",
                "Bệnh viện Đa khoa tỉnh",
            ],
        ),
        # a province's main point of a national conference is one of its points; a list
        # opening with a place of a level, bare names after it; bodies of a level listed
        (
            "+ Điểm cầu chính của tỉnh: Phòng họp trực tuyến tầng 2, Trụ sở UBND tỉnh (số 09 "
            "Lê Duẩn).\nTham luận có đại diện điểm cầu xã Kiến Thụy, Tiên Lãng và phường Lê "
            "Chân. Hội nghị kết nối tới 75 điểm cầu, trong đó có các Trung tâm Y tế khu vực "
            "Mộc Châu, Sông Mã và Bắc Yên cùng các trạm y tế xã.",
            [
                "Phòng họp trực tuyến tầng 2, Trụ sở UBND tỉnh",
                "xã Kiến Thụy",
                "Tiên Lãng",
                "phường Lê Chân",
                "Trung tâm Y tế khu vực Mộc Châu",
                "Trung tâm Y tế khu vực Sông Mã",
                "Trung tâm Y tế khu vực Bắc Yên",
            ],
        ),
        # a body's units counted are no point
        (
            "Kết nối với Ủy ban MTTQ Việt Nam 9 huyện, thị xã. Tại điểm cầu thị xã Hòa Thành, "
            "đại biểu phát biểu.",
            ["thị xã Hòa Thành"],
        ),
        # the hamlets of the south ("ấp") and a cultural house in lower case
        (
            "Hội nghị kết nối đến 3 điểm cầu là nhà văn hóa ấp Tân Quới và nhà văn hóa ấp Phú Hòa.",
            ["nhà văn hóa ấp Tân Quới", "nhà văn hóa ấp Phú Hòa"],
        ),
        # a bloc's sectors joined by "và" in capitals
        (
            "Điểm cầu Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh do đồng chí Phan Thị Hạnh "
            "dẫn đầu. Đại biểu tại các điểm cầu Nghệ An và Cần Thơ chia sẻ.",
            ["Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh", "Nghệ An", "Cần Thơ"],
        ),
        # "và" inside a merged body's name ("Báo và Phát thanh, Truyền hình")
        (
            "Dự tại điểm cầu Chi bộ Báo và Phát thanh, Truyền hình Lào Cai có đồng chí Bí thư. "
            "Tại các điểm cầu Thành ủy Vinh và Huyện ủy Quỳnh Lưu, lãnh đạo báo cáo.",
            [
                "Chi bộ Báo và Phát thanh, Truyền hình Lào Cai",
                "Thành ủy Vinh",
                "Huyện ủy Quỳnh Lưu",
            ],
        ),
        # the level of a list's places is each place's
        (
            "Hội nghị kết nối đến đầu cầu các xã Đức Thọ, Hương Sơn, Vũ Quang và phường Hà Huy "
            "Tập. Tại đầu cầu xã Vũ Quang, CCB Phạm Văn Lĩnh chia sẻ.",
            ["xã Đức Thọ", "xã Hương Sơn", "xã Vũ Quang", "phường Hà Huy Tập"],
        ),
        # the "và" of a body's remit
        (
            "Tại điểm cầu Sở Giáo dục và Đào tạo Hà Tĩnh, lãnh đạo sở dự. Tại các điểm cầu Sở "
            "Nội vụ và Sở Khoa học và Công nghệ, lãnh đạo báo cáo.",
            ["Sở Giáo dục và Đào tạo Hà Tĩnh", "Sở Nội vụ", "Sở Khoa học và Công nghệ"],
        ),
        # the points of a kind are none of them; a list goes on after a semicolon
        (
            "Hội nghị kết nối đến 69 điểm cầu Công an xã, phường, đặc khu. Hội nghị kết nối tới "
            "26 đầu cầu Ban Chỉ huy Quân sự các huyện, thị xã, thành phố; Bộ Chỉ huy Bộ đội Biên "
            "phòng tỉnh và Công an tỉnh. Hội nghị kết nối trực tuyến với 10 điểm cầu VKSND khu "
            "vực. Tại các điểm cầu Đảng ủy xã Thủy Phù, Trung tâm Bồi dưỡng chính trị thị xã, "
            "lãnh đạo báo cáo.",
            [
                "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
                "Công an tỉnh",
                "Đảng ủy xã Thủy Phù",
                "Trung tâm Bồi dưỡng chính trị thị xã",
            ],
        ),
        # every level of place, the 2025 special zone and the townlet too
        (
            "Tại điểm cầu xã Vân Đồn và đặc khu Cô Tô, lãnh đạo báo cáo. Hội nghị kết nối đến "
            "đầu cầu các thị trấn Nghèn, Thiên Cầm và xã Cẩm Bình.",
            ["xã Vân Đồn", "đặc khu Cô Tô", "thị trấn Nghèn", "thị trấn Thiên Cầm", "xã Cẩm Bình"],
        ),
        # hamlets after "các", a verb in lower case ends a name
        (
            "Tại điểm cầu các tổ dân phố Loan Lý, Hải Vân và An Cư Đông, đảng viên dự đầy đủ. "
            "Các điểm cầu thôn 3, thôn 5 và buôn Ea Kmar cũng kết nối thông suốt. Đại diện các "
            "điểm cầu phường Thành Sen và xã Thạch Hà nêu vướng mắc về cơ cấu khối Mặt trận.",
            [
                "tổ dân phố Loan Lý",
                "tổ dân phố Hải Vân",
                "tổ dân phố An Cư Đông",
                "thôn 3",
                "thôn 5",
                "buôn Ea Kmar",
                "phường Thành Sen",
                "xã Thạch Hà",
            ],
        ),
        # "Tại các điểm cầu cơ sở: …" lists who attends, no point
        (
            "Thành phần: - Tại các điểm cầu cơ sở: Ban chấp hành đảng bộ; bí thư các chi bộ.",
            [],
        ),
        # a list without "các": its items alike, the last after "và"
        (
            "Các ý kiến thảo luận từ điểm cầu Đảng ủy Chính phủ, Tỉnh ủy Gia Lai và Thành ủy "
            "Cần Thơ tập trung vào tiêu chí. Hội nghị nghe đại biểu tại điểm cầu Tuyên Quang, "
            "Gia Lai và Cần Thơ trình bày tham luận. Tại điểm cầu Thuế thành phố Hà Nội, Thuế "
            "tỉnh Bắc Ninh và Thuế tỉnh Đồng Nai, lãnh đạo trình bày.",
            [
                "Đảng ủy Chính phủ",
                "Tỉnh ủy Gia Lai",
                "Thành ủy Cần Thơ",
                # ("Gia Lai", "Cần Thơ": the points of the two committees above, named short)
                "Tuyên Quang",
                "Thuế thành phố Hà Nội",
                "Thuế tỉnh Bắc Ninh",
                "Thuế tỉnh Đồng Nai",
            ],
        ),
        # ... and not a point then people
        (
            "Tại điểm cầu Hà Nội, Thủ tướng Phạm Minh Chính, Phó Thủ tướng Lê Thành Long và "
            "Bộ trưởng Bộ Nội vụ Phạm Thị Thanh Trà dự.",
            ["Hà Nội"],
        ),
        # the places of a kind; "như" opens a list, a place's bracket is passed
        (
            "Hội nghị kết nối tới 34 điểm cầu Thuế tỉnh, thành phố, 34 điểm cầu Tòa án nhân "
            "dân cấp tỉnh và một số xã trọng điểm như xã Xuân Hòa, Thọ Lập (huyện Thọ Xuân), "
            "Định Tân (huyện Yên Định).",
            ["xã Xuân Hòa", "Thọ Lập", "Định Tân"],
        ),
        # after a count, the kind then a colon
        (
            "Hội nghị được tổ chức tại 4 điểm cầu Ban Chỉ huy Phòng thủ khu vực (PTKV): Ban "
            "CHPTKV 1 – Tân Trào, Ban CHPTKV 2 – Hàm Yên; cùng 124 điểm cầu Ban CHQS xã.",
            ["Ban CHPTKV 1 – Tân Trào", "Ban CHPTKV 2 – Hàm Yên"],
        ),
        # places of the Highlands with an apostrophe; "là các xã …" opens a list; a dash
        # then a lower-case word ends a name
        (
            "Các điểm cầu có số lượng đảng viên tham dự đông là các xã Ea Kar, Cư M’gar và "
            "Krông Búk; phường Tuy Hòa; xã Ea H’leo. Trong số đó có điểm cầu các xã Na Rì, "
            "Ngân Sơn – những địa phương thuộc tỉnh Bắc Kạn trước đây.",
            [
                "xã Ea Kar",
                "xã Cư M'gar",
                "xã Krông Búk",
                "phường Tuy Hòa",
                "xã Ea H'leo",
                "xã Na Rì",
                "xã Ngân Sơn",
            ],
        ),
        # units of the army by their numbers after "các sư đoàn"; kinds of points; a body
        # named short beside its full name; a name with its own commas
        (
            "Từ điểm cầu các sư đoàn 324, 968 và Lữ đoàn Công binh 414, đại diện cấp ủy đề "
            "nghị. Kết nối 21 điểm cầu Huyện, Thành và Đoàn trực thuộc. Tại điểm cầu "
            "Tỉnh ủy Hà Tĩnh, lãnh đạo dự; điểm cầu Tỉnh ủy bảo đảm đường truyền. Tại điểm cầu "
            "Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ khu vực số 2, cán bộ dự.",
            [
                "sư đoàn 324",
                "sư đoàn 968",
                "Lữ đoàn Công binh 414",
                "Tỉnh ủy Hà Tĩnh",
                "Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ khu vực số 2",
            ],
        ),
        # a body with a point in each place of a level
        (
            "Hội nghị được kết nối đến điểm cầu Bộ Chỉ huy Quân sự các tỉnh An Giang, Cà Mau và "
            "thành phố Cần Thơ; các Ban Chỉ huy Phòng thủ khu vực. Từ điểm cầu Công an các xã "
            "Tương Dương và Quế Phong, lãnh đạo báo cáo.",
            [
                "Bộ Chỉ huy Quân sự tỉnh An Giang",
                "Bộ Chỉ huy Quân sự tỉnh Cà Mau",
                "Bộ Chỉ huy Quân sự thành phố Cần Thơ",
                "Công an xã Tương Dương",
                "Công an xã Quế Phong",
            ],
        ),
        # a first item's kind goes on items named without one; "thu" after a name is a verb
        (
            "Tại các điểm cầu chi bộ thôn Tân Phú, Hải Hà và Nam Hải, 100% đảng viên tham dự. "
            "Điểm cầu Chi bộ Trường THCS Nguyễn Trường Tộ thu hút đông đảo đảng viên.",
            [
                "chi bộ thôn Tân Phú",
                "chi bộ thôn Hải Hà",
                "chi bộ thôn Nam Hải",
                "Chi bộ Trường THCS Nguyễn Trường Tộ",
            ],
        ),
        # a count of the places reached, then those it names; a school of two levels
        (
            "Hội nghị được kết nối tới Hội Nông dân 38 xã, phường trong tỉnh, trong đó có các "
            "xã Pa Tần, Bum Nưa và phường Tân Phong. Tại các điểm cầu Trường PTDTNT THCS và THPT "
            "Mù Cang Chải, Trường THPT số 1 Bát Xát, học sinh theo dõi.",
            [
                "xã Pa Tần",
                "xã Bum Nưa",
                "phường Tân Phong",
                "Trường PTDTNT THCS và THPT Mù Cang Chải",
                "Trường THPT số 1 Bát Xát",
            ],
        ),
        # places named by their number
        (
            "Từ các điểm cầu ấp Phú Xuân, ấp Tân Lập và khu phố 3, nhiều đảng viên phát biểu. "
            "Tại điểm cầu tổ dân phố 12, bà con theo dõi.",
            ["ấp Phú Xuân", "ấp Tân Lập", "khu phố 3", "tổ dân phố 12"],
        ),
        # a special zone ("đặc khu") is a level of place
        (
            "Tại điểm cầu đặc khu Phú Quý và điểm cầu phường Phan Thiết, lãnh đạo báo cáo.",
            ["đặc khu Phú Quý", "phường Phan Thiết"],
        ),
        # a name ends on a capital, its level or a name's own syllable, not on a verb
        (
            "Đại biểu tại các điểm cầu Nghệ An và Cần Thơ chia sẻ kinh nghiệm lựa chọn.",
            ["Nghệ An", "Cần Thơ"],
        ),
        # lower-case words of a name go on until a verb
        (
            "Tại điểm cầu Ủy ban nhân dân phường Thục Phán và điểm cầu Trung tâm Bồi dưỡng "
            "chính trị thị xã, lãnh đạo địa phương báo cáo.",
            ["Ủy ban nhân dân phường Thục Phán", "Trung tâm Bồi dưỡng chính trị thị xã"],
        ),
    ],
)
def test_a_list_of_bridge_points_gives_each_name(text: str, points: list[str]) -> None:
    draft = draft_from_text(text)
    assert [p.name for p in draft.bridge_points] == [f"Điểm cầu {p}" for p in points]


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Tại điểm cầu chính Hội trường Tỉnh ủy, đồng chí Bí thư phát biểu.", "Hội trường Tỉnh ủy"),
        (
            "Hội nghị được tổ chức tại Hội trường Ban Tổ chức Trung ương, kết nối trực tuyến "
            "với 63 điểm cầu.",
            "Hội trường Ban Tổ chức Trung ương",
        ),
        (
            "Hội nghị kết nối từ điểm cầu chính tại Nhà văn hóa tỉnh tới các điểm cầu cơ sở.",
            "Nhà văn hóa tỉnh",
        ),
    ],
)
def test_the_host_point_is_read_and_not_taken_for_a_bridge_point(text: str, host: str) -> None:
    draft = draft_from_text(text)
    assert draft.host_point == host
    assert all("chính" not in p.name for p in draft.bridge_points)


@pytest.mark.parametrize(
    ("text", "host"),
    [
        (
            "Đồng chí Lê Văn Nam, Trưởng Ban Tổ chức Tỉnh ủy chủ trì hội nghị tại điểm cầu "
            "Hội trường Tỉnh ủy. Hội nghị được kết nối tới các điểm cầu Thành ủy Vinh.",
            "Hội trường Tỉnh ủy",
        ),
        (
            "Đồng chí Hà Văn Tuấn chủ trì hội nghị tại phòng họp trực tuyến Văn phòng Đoàn "
            "ĐBQH và HĐND tỉnh. Hội nghị được kết nối đến các điểm cầu Thành ủy Vinh.",
            "phòng họp trực tuyến Văn phòng Đoàn ĐBQH và HĐND tỉnh",
        ),
        (
            "Đồng chí Trần Văn Sơn chủ trì và phát biểu chỉ đạo hội nghị tại điểm cầu chính "
            "đặt tại Nhà Văn hóa Thanh niên tỉnh. Kết nối với các điểm cầu Thành ủy Vinh.",
            "Nhà Văn hóa Thanh niên tỉnh",
        ),
        (
            "- Điểm cầu chính: Hội trường tầng 3, trụ sở Tỉnh ủy.\n"
            "- Điểm cầu cấp huyện: Thành ủy Vinh.",
            "Hội trường tầng 3, trụ sở Tỉnh ủy",
        ),
        (
            "Hội nghị được tổ chức tại điểm cầu Hội trường Tỉnh ủy, kết nối trực tuyến đến "
            "các điểm cầu Thành ủy Vinh.",
            "Hội trường Tỉnh ủy",
        ),
        # the building a hall is in goes on its name
        (
            "Hội nghị theo hình thức trực tiếp kết hợp trực tuyến tại Hội trường A, Trung tâm "
            "Hội nghị tỉnh, kết nối với các điểm cầu Thành ủy Vinh.",
            "Hội trường A, Trung tâm Hội nghị tỉnh",
        ),
        (
            "Điểm cầu chính của hội nghị đặt tại Hội trường Trường Chính trị Nguyễn Chí Thanh; "
            "các điểm cầu: Thành ủy Vinh.",
            "Hội trường Trường Chính trị Nguyễn Chí Thanh",
        ),
        (
            "Hội nghị đã khai mạc tại Hội trường Tỉnh ủy (điểm cầu chính). Kết nối với các "
            "điểm cầu Thành ủy Vinh.",
            "Hội trường Tỉnh ủy",
        ),
        (
            "Điểm cầu chính được đặt tại Hội trường Nhà khách Tỉnh ủy. Hội nghị kết nối với "
            "các điểm cầu Thành ủy Vinh.",
            "Hội trường Nhà khách Tỉnh ủy",
        ),
        (
            "Hội nghị được tổ chức trực tiếp tại Trung tâm Hội nghị tỉnh và trực tuyến đến các "
            "điểm cầu Thành ủy Vinh.",
            "Trung tâm Hội nghị tỉnh",
        ),
        (
            "Hội nghị diễn ra tại Hội trường Đảng ủy xã, kết nối trực tuyến tới các điểm cầu "
            "Thành ủy Vinh.",
            "Hội trường Đảng ủy xã",
        ),
        (
            "Hội nghị được tổ chức tại Hội trường 2-9 (điểm cầu chính) và kết nối trực tuyến "
            "tới các điểm cầu Thành ủy Vinh.",
            "Hội trường 2-9",
        ),
        (
            "Từ điểm cầu UBND tỉnh, hội nghị kết nối tới các điểm cầu: Thành ủy Vinh.",
            "UBND tỉnh",
        ),
        (
            "Điểm cầu chính là phòng họp số 2, Văn phòng UBND tỉnh. Các điểm cầu tham dự gồm "
            "có Thành ủy Vinh.",
            "phòng họp số 2, Văn phòng UBND tỉnh",
        ),
        (
            "Tại điểm cầu chính – Hội trường A, Trung tâm Hội nghị tỉnh, đồng chí Sùng Thị Mai "
            "chủ trì. Kết nối với các điểm cầu Thành ủy Vinh.",
            "Hội trường A, Trung tâm Hội nghị tỉnh",
        ),
        (
            "Điểm cầu chính của hội nghị được bố trí tại Hội trường Trung tâm Chính trị huyện, "
            "kết nối đến các điểm cầu Thành ủy Vinh.",
            "Hội trường Trung tâm Chính trị huyện",
        ),
        (
            "Hội nghị được tổ chức trực tiếp tại điểm cầu Trung ương ở Hà Nội, kết nối trực "
            "tuyến tới các điểm cầu Thành ủy Vinh.",
            "Trung ương",
        ),
        (
            "Hội nghị diễn ra tại điểm cầu Hội trường UBND tỉnh, kết nối với điểm cầu Thành "
            "ủy Vinh.",
            "Hội trường UBND tỉnh",
        ),
        (
            "Hội nghị được tổ chức tại điểm cầu chính – Trung tâm Hội nghị tỉnh và kết nối "
            "tới các điểm cầu Thành ủy Vinh.",
            "Trung tâm Hội nghị tỉnh",
        ),
        (
            "Điểm cầu trung tâm đặt tại Hội trường Ủy ban MTTQ tỉnh, kết nối với các điểm cầu "
            "Thành ủy Vinh.",
            "Hội trường Ủy ban MTTQ tỉnh",
        ),
        # "đầu cầu" for "điểm cầu"
        (
            "Phó Chủ tịch UBND tỉnh Đinh Quốc Vinh chủ trì tại đầu cầu UBND tỉnh. Tại đầu cầu "
            "Thành ủy Vinh, lãnh đạo báo cáo.",
            "UBND tỉnh",
        ),
        # the central point, then the hall it is in
        (
            "Hội nghị được tổ chức tại điểm cầu Trung ương là Hội trường tầng 5 TANDTC (48 Lý "
            "Thường Kiệt, Hà Nội), kết nối tới các điểm cầu Thành ủy Vinh.",
            "Hội trường tầng 5 TANDTC",
        ),
        # the main point's hall in brackets
        (
            "- Tại điểm cầu chính (Hội trường Ủy ban MTTQ Việt Nam thành phố Huế): đồng chí "
            "Hoàng Thị Thu Hà chủ trì.\n- Tham luận của các điểm cầu Thành ủy Vinh.",
            "Hội trường Ủy ban MTTQ Việt Nam thành phố Huế",
        ),
        # where the conference's chair sits; a point's own chair "chủ trì" only there
        (
            "Tại đầu cầu Thành ủy Vinh, đồng chí Lò Văn Pao chủ trì. Tại điểm cầu tỉnh đặt "
            "tại Hội trường NHCSXH chi nhánh tỉnh, đồng chí Giàng A Tính chủ trì hội nghị.",
            "Hội trường NHCSXH chi nhánh tỉnh",
        ),
        # the central point hosts a national conference
        (
            "Tại điểm cầu Trung ương, đồng chí Trịnh Thu Hà chủ trì hội nghị. Hội nghị kết "
            "nối tới các điểm cầu Thành ủy Vinh.",
            "Trung ương",
        ),
        (
            "Đồng chí Khổng Minh Tuệ chủ trì hội nghị tại điểm cầu chính Hội trường Bộ Tư lệnh "
            "Quân khu. Hội nghị kết nối tới các điểm cầu Thành ủy Vinh.",
            "Hội trường Bộ Tư lệnh Quân khu",
        ),
        (
            "Điểm cầu trung tâm: Phòng họp trực tuyến tầng 4, Viện kiểm sát nhân dân tỉnh. Hội "
            "nghị kết nối tới các điểm cầu Thành ủy Vinh.",
            "Phòng họp trực tuyến tầng 4, Viện kiểm sát nhân dân tỉnh",
        ),
        # an address in brackets before "đến" the others
        (
            "Hội nghị được kết nối từ điểm cầu chính tại Hội trường 10/3 Tỉnh ủy (số 9 Lê Duẩn, "
            "phường Buôn Ma Thuột) đến các điểm cầu Thành ủy Vinh.",
            "Hội trường 10/3 Tỉnh ủy",
        ),
        # held in a hall, then televised to the others; a name ending "nhân dân tối cao"
        (
            "Hội nghị được tổ chức tại Hội trường Bộ Tư lệnh Quân khu 9 và truyền hình trực "
            "tuyến tới các điểm cầu Thành ủy Vinh.",
            "Hội trường Bộ Tư lệnh Quân khu 9",
        ),
        (
            "Hội nghị được tổ chức tại điểm cầu Trụ sở Tòa án nhân dân tối cao (48 Lý Thường "
            "Kiệt, Hà Nội), kết nối với các điểm cầu Thành ủy Vinh.",
            "Trụ sở Tòa án nhân dân tối cao",
        ),
        # a venue belongs to a body after "của"
        (
            "Chủ tịch UBND thành phố Lương Minh Khang chủ trì hội nghị tại Trung tâm chỉ huy "
            "của UBND thành phố. Hội nghị kết nối tới các điểm cầu Thành ủy Vinh.",
            "Trung tâm chỉ huy của UBND thành phố",
        ),
        # a hall named by a letter has its body after a comma
        (
            "Điểm cầu chủ trì đặt tại Hội trường A, Tỉnh ủy; các điểm cầu: Thành ủy Vinh.",
            "Hội trường A, Tỉnh ủy",
        ),
        (
            "Điểm cầu chính đặt tại Phòng họp số 2, UBND tỉnh; các điểm cầu: Thành ủy Vinh.",
            "Phòng họp số 2, UBND tỉnh",
        ),
    ],
)
def test_the_host_point_is_where_the_chair_presides_and_the_others_are_linked_from(
    text: str, host: str
) -> None:
    draft = draft_from_text(text)
    assert draft.host_point == host
    assert [p.name for p in draft.bridge_points] == ["Điểm cầu Thành ủy Vinh"]


@pytest.mark.parametrize(
    "text",
    [
        "Đồng chí Lê Văn Nam chủ trì hội nghị tại hội trường.",  # no name
        "Đồng chí Lê Văn Nam chủ trì hội nghị. Tại điểm cầu tỉnh Thái Bình, đồng chí Phạm "
        "Văn Nghiêm dự.",  # the chair's place is not written; a bridge point is no host
        "Hội nghị được tổ chức tại Hội trường Tỉnh ủy.",  # a hall, nothing linked to it
        "Hội nghị kết nối trực tuyến từ Hà Nội.",  # from it, to nowhere
    ],
)
def test_no_host_point_where_none_is_named(text: str) -> None:
    assert draft_from_text(text).host_point is None


def test_co_chairs_named_in_the_chairs_sentence_or_soon_after() -> None:
    draft = draft_from_text(
        "Đồng chí Nguyễn Văn Thành, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị. "
        "Dự hội nghị có lãnh đạo các ban đảng. Tham dự và đồng chủ trì hội nghị có đồng chí "
        "Trần Thị Hoa, Trưởng Ban Tổ chức Tỉnh ủy."
    )
    assert [p.name for p in draft.chairs] == ["Nguyễn Văn Thành", "Trần Thị Hoa"]


def test_a_leader_named_with_several_posts_chairs_with_them_all() -> None:
    draft = draft_from_text(
        "Thủ tướng Chính phủ Phạm Minh Chính, Trưởng Ban Chỉ đạo quốc gia về chuyển đổi số, "
        "chủ trì hội nghị."
    )
    assert _chairs(draft) == [
        ("Phạm Minh Chính", "Thủ tướng Chính phủ, Trưởng Ban Chỉ đạo quốc gia về chuyển đổi số")
    ]


@pytest.mark.parametrize(
    ("text", "chairs"),
    [
        # at the host point: the conference's chair
        ("Tại điểm cầu Trung ương, đồng chí Trịnh Thu Hà, Phó Chủ tịch Ủy ban Trung ương MTTQ "
         "Việt Nam chủ trì hội nghị.", ["Trịnh Thu Hà"]),
        ("Hội nghị được tổ chức tại Hội trường Tỉnh ủy, kết nối với các điểm cầu Thành ủy Vinh. "
         "Tại điểm cầu Hội trường Tỉnh ủy, đồng chí Lê Văn Nam chủ trì.", ["Lê Văn Nam"]),
        # the sentence opens with the verb, the co-chairs after it
        ("Đồng chủ trì hội nghị có đồng chí Hồ Thị Ngọc Lan, Phó Bí thư Thường trực Tỉnh ủy và "
         "đồng chí Chu Văn Đức, Trưởng Ban Tổ chức Tỉnh ủy.", ["Hồ Thị Ngọc Lan", "Chu Văn Đức"]),
        # a leader's second post, long and citing a document
        ("Phó Thủ tướng Chính phủ Hoàng Đức Minh, Trưởng Ban Chỉ đạo của Chính phủ về tổng kết "
         "thực hiện Nghị quyết số 18-NQ/TW, chủ trì và phát biểu chỉ đạo hội nghị.",
         ["Hoàng Đức Minh"]),
        # co-chairs before their own verb, after the chair's clause
        ("Đồng chí Nguyễn Hữu Phúc, Bí thư Huyện ủy chủ trì hội nghị; đồng chí Lê Thị Thu "
         "Trang, Chủ tịch HĐND huyện đồng chủ trì.", ["Nguyễn Hữu Phúc", "Lê Thị Thu Trang"]),
        ("Ông Phạm Văn Lộc, Phó Bí thư Huyện ủy chủ trì hội nghị; bà Nguyễn Thị Mỹ Hạnh, Phó "
         "Chủ tịch Ủy ban MTTQ huyện đồng chủ trì.", ["Phạm Văn Lộc", "Nguyễn Thị Mỹ Hạnh"]),
        ("Chủ trì hội nghị là đồng chí Y Khiêm Mlô, Bí thư Huyện ủy; cùng các đồng chí Phó Bí "
         "thư Huyện ủy: Nguyễn Thị Lan, Chủ tịch UBND huyện và Đỗ Văn Tuấn, Chủ tịch HĐND "
         "huyện đồng chủ trì.", ["Y Khiêm Mlô", "Nguyễn Thị Lan", "Đỗ Văn Tuấn"]),
        # a chair named by the post alone, and by name with it elsewhere
        ("Hội nghị do đồng chí Phó Chủ tịch UBND tỉnh chủ trì. Phát biểu khai mạc, đồng chí "
         "Đinh Quang Vinh, Phó Chủ tịch UBND tỉnh nhấn mạnh.", ["Đinh Quang Vinh"]),
        # ... but not when two people hold that post
        ("Hội nghị do đồng chí Phó Chủ tịch UBND tỉnh chủ trì. Dự có Phó Chủ tịch UBND tỉnh "
         "Lê Văn An và đồng chí Trần Văn Bình, Phó Chủ tịch UBND tỉnh.", []),
        # ... by posts with no "đồng chí", and by name after the first of them
        ("Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì hội nghị. Phát biểu kết "
         "luận, Phó Bí thư Thường trực Tỉnh ủy Huỳnh Hữu Thiện ghi nhận.", ["Huỳnh Hữu Thiện"]),
        # ... but a body that chairs is no person
        ("Hội nghị do Ban Tổ chức Tỉnh ủy chủ trì. Trưởng Ban Tổ chức Tỉnh ủy Nguyễn Văn An "
         "phát biểu.", []),
        # "cùng chủ trì với": the one named after "với" chairs too
        ("Đồng chí Ngô Thị Phương Thảo, Bí thư Tỉnh đoàn cùng chủ trì với đồng chí Đinh Văn "
         "Khoa, Giám đốc Sở Khoa học và Công nghệ.", ["Ngô Thị Phương Thảo", "Đinh Văn Khoa"]),
        # the host point named before the chair is no person
        ("Từ điểm cầu Hội trường Tỉnh ủy Lâm Đồng, đồng chí Đinh Văn Tuấn, Phó Bí thư Thường "
         "trực Tỉnh ủy chủ trì hội nghị.", ["Đinh Văn Tuấn"]),
        ("Từ đầu cầu Hội trường Tỉnh ủy Lâm Đồng, đồng chí Đinh Văn Tuấn, Phó Bí thư Thường "
         "trực Tỉnh ủy chủ trì hội nghị.", ["Đinh Văn Tuấn"]),
        # a family name of the Central Highlands
        ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh A Pui chủ trì hội nghị.", ["A Pui"]),
        # a name a line break cut
        ("Đồng chí Nguyễn Hữu\nPhúc, Bí thư Huyện ủy chủ trì hội nghị.", ["Nguyễn Hữu Phúc"]),
        # at another point: that point's, not the conference's
        ("Tại điểm cầu tỉnh Thái Bình, đồng chí Phạm Văn Nghiêm, Chủ tịch UBND tỉnh chủ trì.",
         []),
    ],
)  # fmt: skip
def test_who_chairs_at_the_host_point_chairs_the_conference(text: str, chairs: list[str]) -> None:
    assert [person.name for person in draft_from_text(text).chairs] == chairs


def test_a_post_with_its_own_comma_is_one_post() -> None:
    draft = draft_from_text(
        "Chủ tịch UBND tỉnh Đinh Quốc Thái, Trưởng Ban Chỉ huy Phòng, chống thiên tai và Tìm "
        "kiếm cứu nạn tỉnh chủ trì hội nghị."
    )
    assert _chairs(draft) == [
        (
            "Đinh Quốc Thái",
            "Chủ tịch UBND tỉnh, Trưởng Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn "
            "tỉnh",
        )
    ]


def test_co_chairs_sharing_a_post_named_before_their_list() -> None:
    draft = draft_from_text(
        "Đồng chí Phạm Đức Long, Bí thư Tỉnh ủy chủ trì hội nghị. Cùng chủ trì có các đồng chí "
        "Phó Bí thư Tỉnh ủy: Trịnh Minh Hà, Chủ tịch UBND tỉnh; Nguyễn Thị Thanh Vân, Chủ tịch "
        "HĐND tỉnh."
    )
    assert _chairs(draft) == [
        ("Phạm Đức Long", "Bí thư Tỉnh ủy"),
        ("Trịnh Minh Hà", "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh"),
        ("Nguyễn Thị Thanh Vân", "Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh"),
    ]


@pytest.mark.parametrize(
    ("text", "date", "session"),
    [
        # the day the meeting is held, not the day before it looked back to
        (
            "Ngày 10/8/2021, Tỉnh ủy Đồng Tháp tổ chức hội nghị trực tuyến. Trước đó, chiều "
            "9/8, Thường trực Tỉnh ủy đã làm việc với Sở Y tế.",
            datetime.date(2021, 8, 10),
            None,
        ),
        (
            "Ngày 10/8/2021, Tỉnh ủy Đồng Tháp tổ chức hội nghị trực tuyến. Trước đó, chiều "
            "9/8, Thường trực Tỉnh ủy đã chủ trì buổi làm việc với Sở Y tế.",
            datetime.date(2021, 8, 10),
            None,
        ),
        # a plan: its header's date is the plan's; its "Thời gian" the meeting's, and the
        # clock gives the session
        (
            "Bắc Kạn, ngày 12 tháng 3 năm 2024\nKẾ HOẠCH\n1. Thời gian: 01 buổi, khai mạc "
            "lúc 7 giờ 30 phút, thứ Ba, ngày 19/3/2024.",
            datetime.date(2024, 3, 19),
            "morning",
        ),
        ("Hội nghị khai mạc lúc 14h00 ngày 19/3/2024.", datetime.date(2024, 3, 19), "afternoon"),
        ("Hội nghị khai mạc lúc 11 giờ 59, ngày 19/3/2024.", datetime.date(2024, 3, 19), "morning"),
        ("Hội nghị khai mạc lúc 12 giờ, ngày 19/3/2024.", datetime.date(2024, 3, 19), "afternoon"),
        ("Hội nghị khai mạc lúc 18 giờ ngày 19/3/2024.", datetime.date(2024, 3, 19), "evening"),
        ("Hội nghị khai mạc lúc 17h59 ngày 19/3/2024.", datetime.date(2024, 3, 19), "afternoon"),
        # minutes: "Thời gian:" dates the meeting; a deadline never does
        (
            "BIÊN BẢN\n1. Thời gian: Vào hồi 8 giờ 00 phút, sáng ngày 18 tháng 4 năm 2025.\n"
            "Hội nghị yêu cầu các chi bộ tổ chức đại hội xong trước ngày 31/5/2025.",
            datetime.date(2025, 4, 18),
            "morning",
        ),
        ("Hội nghị yêu cầu tổ chức đại hội xong trước ngày 31/5/2025.", None, None),
        ("Hội nghị yêu cầu báo cáo đến ngày 31/5/2025.", None, None),
        # the hour before the day, with no "lúc"; a duration is no hour of the day
        ("14 giờ ngày 05/8/2025, Ban Tổ chức Trung ương tổ chức hội nghị trực tuyến.",
         datetime.date(2025, 8, 5), "afternoon"),
        ("19 giờ 30 ngày 29/11/2025, Ban Thường vụ Thành ủy tổ chức hội nghị.",
         datetime.date(2025, 11, 29), "evening"),
        ("Hội nghị tổ chức ngày 12/5/2024, kéo dài 3 giờ.", datetime.date(2024, 5, 12), None),
        # a notice's own date in its header is not the meeting's; a dateline alone is
        ("Số 215-TB/TU\t\tHải Phòng, ngày 03 tháng 11 năm 2025\nTHÔNG BÁO\nHội nghị trực "
         "tuyến.\n- 01 buổi, bắt đầu từ 08 giờ 00, ngày 06/11/2025 (thứ Năm).",
         datetime.date(2025, 11, 6), "morning"),
        ("Cà Mau, ngày 17 tháng 7 năm 2024\n\nSáng nay, Ban Chỉ đạo tổ chức phiên họp.",
         datetime.date(2024, 7, 17), "morning"),
        # a day that comes every year dates no meeting
        ("Chiều qua, UBND thành phố tổ chức hội nghị trực tuyến. Hội nghị thống nhất lấy "
         "ngày 10/10 hằng năm làm mốc sơ kết.", None, "afternoon"),
        # ... the weekday between the hour and the day
        ("Hội nghị trực tuyến. Thời gian: 14 giờ 00, thứ Sáu, ngày 07/11/2025.",
         datetime.date(2025, 11, 7), "afternoon"),
        # "14h00 ngày …" with no "lúc"; the earliest meeting's date, whatever its form
        ("14h00 ngày 10/11/2025, Sở Khoa học và Công nghệ tổ chức hội nghị trực tuyến.",
         datetime.date(2025, 11, 10), "afternoon"),
        ("Lúc 20 giờ ngày 27/10/2024, Ban Chỉ huy tổ chức hội nghị trực tuyến. Sáng 28/10, "
         "hội nghị tiếp tục họp.", datetime.date(2024, 10, 27), "evening"),
        # an agency's dateline, then "Chiều nay": that day, that session
        ("Pleiku, 22/10/2024 (TTXVN) – Chiều nay, Tỉnh ủy Gia Lai tổ chức hội nghị trực tuyến.",
         datetime.date(2024, 10, 22), "afternoon"),
        # ... a page's dateline alone dates no meeting
        ("Thứ Ba, 19/11/2024 - 16:05\n\nVừa qua, Tỉnh ủy tổ chức hội nghị trực tuyến.", None,
         None),
        # with no sentence about the meeting, the first date still dates it
        ("Chiều 9/8/2021, Thường trực Tỉnh ủy làm việc với Sở Y tế.", datetime.date(2021, 8, 9),
         "afternoon"),
    ],
)  # fmt: skip
def test_the_date_of_the_sentence_that_reports_the_meeting(
    text: str, date: datetime.date | None, session: str | None
) -> None:
    draft = draft_from_text(text)
    assert (draft.date, draft.session) == (date, session)


@pytest.mark.parametrize(
    ("text", "organizer"),
    [
        # a heading in capitals the text runs into is no body, nor part of one
        ("NỘI DUNG HỘI NGHỊ\nBan Thường vụ Đảng ủy xã Thanh Xương tổ chức hội nghị trực "
         "tuyến quán triệt.", "Ban Thường vụ Đảng ủy xã Thanh Xương"),
        ("KẾ HOẠCH\ntổ chức hội nghị trực tuyến học tập chuyên đề.", None),
        ("THÔNG BÁO về việc tổ chức hội nghị trực tuyến sơ kết.", None),
        # an abbreviation's full stop inside a body's name; a steering committee's number
        ("Sáng 28/12, Ban Thường vụ Thành ủy TP. Hồ Chí Minh tổ chức hội nghị trực tuyến.",
         "Ban Thường vụ Thành ủy TP. Hồ Chí Minh"),
        ("Chiều 3/8/2023, Ban Chỉ đạo 35 tỉnh Kon Tum tổ chức hội nghị trực tuyến sơ kết.",
         "Ban Chỉ đạo 35 tỉnh Kon Tum"),
        ("Ngày 3/8/2023, 12 đảng bộ tổ chức hội nghị.", None),
        # one word in capitals opens a body's name
        ("UBND tỉnh Quảng Nam tổ chức hội nghị trực tuyến.", "UBND tỉnh Quảng Nam"),
        # a paper's subject line is no body; a body's verbs and their object after its level
        ("V/v tổ chức hội nghị trực tuyến sơ kết.", None),
        ("Về việc tổ chức Hội nghị trực tuyến sơ kết.", None),
        ("Ban Thường vụ Đảng ủy phường xây dựng Kế hoạch tổ chức hội nghị trực tuyến.",
         "Ban Thường vụ Đảng ủy phường"),
        ("Ban Thường vụ Đảng ủy xã xây dựng kế hoạch tổ chức hội nghị trực tuyến.",
         "Ban Thường vụ Đảng ủy xã"),
    ],
)  # fmt: skip
def test_a_heading_in_capitals_is_no_organizer(text: str, organizer: str | None) -> None:
    assert draft_from_text(text).organizer == organizer


def test_a_period_still_to_come_gives_no_year_to_a_day_already_reported() -> None:
    draft = draft_from_text(
        "Sáng 28/12, Ban Thường vụ tổ chức hội nghị. Hoàn thành trong quý I/2025.",
        today=datetime.date(2025, 1, 3),
    )
    assert (draft.date, draft.year_inferred) == (datetime.date(2024, 12, 28), True)
    reviewed = draft_from_text(
        "Sáng 28/12, Ban Thường vụ sơ kết công tác quý IV/2024.", today=datetime.date(2025, 1, 3)
    )
    assert reviewed.date == datetime.date(2024, 12, 28)


def test_and_between_words_unlike_two_points_adds_no_point() -> None:
    draft = draft_from_text("Điểm cầu Chi bộ Báo và Phát thanh tỉnh có 30 đảng viên dự.")
    assert all("Phát thanh" not in p.name[len("Điểm cầu ") :][:10] for p in draft.bridge_points)
    assert len(draft.bridge_points) == 1


def test_an_agency_dateline_without_a_year_takes_the_reference_day_s() -> None:
    draft = draft_from_text(
        "HÀ TĨNH, 14/11 – Sáng nay, Ban Thường vụ Tỉnh ủy tổ chức hội nghị trực tuyến.",
        today=datetime.date(2024, 11, 18),
    )
    assert (draft.date, draft.session, draft.year_inferred) == (
        datetime.date(2024, 11, 14),
        "morning",
        True,
    )


def test_a_chair_named_again_among_the_co_chairs_is_listed_once() -> None:
    draft = draft_from_text(
        "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy chủ trì hội nghị. Cùng chủ trì có đồng chí "
        "Nguyễn Văn An, Bí thư Tỉnh ủy và đồng chí Lê Thị Hoa, Chủ tịch UBND tỉnh."
    )
    assert [person.name for person in draft.chairs] == ["Nguyễn Văn An", "Lê Thị Hoa"]


def test_a_body_whose_name_holds_a_comma_is_read_whole() -> None:
    draft = draft_from_text(
        "Chiều 5/6/2024, Sở Văn hóa, Thể thao và Du lịch tổ chức hội nghị trực tuyến. "
        "Trước đó, Bộ Lao động, Thương binh và Xã hội ban hành Kế hoạch số 12/KH-LĐTBXH "
        "ngày 3/4/2024. Điểm cầu chính đặt tại Trung tâm Giám sát, điều hành đô thị thông "
        "minh tỉnh; hội nghị kết nối đến các điểm cầu Đài Phát thanh, Truyền hình tỉnh, "
        "Sở Văn hóa, Thông tin, huyện Phú Vang."
    )
    assert draft.organizer == "Sở Văn hóa, Thể thao và Du lịch"
    assert [(d.symbol, d.issuer) for d in draft.documents] == [
        ("12/KH-LĐTBXH", "Bộ Lao động, Thương binh và Xã hội")
    ]
    assert draft.host_point == "Trung tâm Giám sát, điều hành đô thị thông minh tỉnh"
    assert [p.name for p in draft.bridge_points] == [
        "Điểm cầu Đài Phát thanh, Truyền hình tỉnh",
        "Điểm cầu Sở Văn hóa, Thông tin",
        "Điểm cầu huyện Phú Vang",
    ]


def test_a_comma_between_two_bodies_still_parts_them() -> None:
    draft = draft_from_text(
        "Hội nghị kết nối đến các điểm cầu Sở Văn hóa, Sở Thông tin, huyện Phú Vang."
    )
    assert [p.name for p in draft.bridge_points] == [
        "Điểm cầu Sở Văn hóa",
        "Điểm cầu Sở Thông tin",
        "Điểm cầu huyện Phú Vang",
    ]


@pytest.mark.parametrize(
    ("text", "chairs"),
    [
        # a rank of the army stands before the name, no part of the title
        (
            "Đại tá Trương Công Bảy, Chủ tịch Hội CCB tỉnh và Thượng tá Lê Hữu Nghĩa, Phó Chủ "
            "tịch Thường trực Hội CCB tỉnh đồng chủ trì hội nghị.",
            [("Trương Công Bảy", "Chủ tịch Hội CCB tỉnh"),
             ("Lê Hữu Nghĩa", "Phó Chủ tịch Thường trực Hội CCB tỉnh")],
        ),
        (
            "Đồng chí Nguyễn Quốc Bình, Bí thư Tỉnh ủy chủ trì hội nghị. Cùng chủ trì có Thiếu "
            "tướng Lê Văn Hòa, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh.",
            [("Nguyễn Quốc Bình", "Bí thư Tỉnh ủy"),
             ("Lê Văn Hòa", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh")],
        ),
        # the youth's "anh", "chị"
        (
            "Chủ trì chương trình có anh Nguyễn Tiến Đạt – Bí thư Tỉnh đoàn và chị Lê Hoài Thu – "
            "Phó Bí thư Thường trực Tỉnh đoàn.",
            [("Nguyễn Tiến Đạt", "Bí thư Tỉnh đoàn"),
             ("Lê Hoài Thu", "Phó Bí thư Thường trực Tỉnh đoàn")],
        ),
        # a title shared after "các", with or without a colon, after another chair
        (
            "Bộ trưởng Bộ Nội vụ Vũ Thị Thanh Hương chủ trì hội nghị. Cùng chủ trì có các Thứ "
            "trưởng Bùi Văn Khánh, Lò Thị Nga.",
            [("Vũ Thị Thanh Hương", "Bộ trưởng Bộ Nội vụ"), ("Bùi Văn Khánh", "Thứ trưởng"),
             ("Lò Thị Nga", "Thứ trưởng")],
        ),
        (
            "Đồng chí Nguyễn Văn Khải, Chánh án TANDTC và các đồng chí Phó Chánh án TANDTC: Lưu "
            "Hoàng Sơn, Phan Thị Thu Hà đồng chủ trì hội nghị.",
            [("Nguyễn Văn Khải", "Chánh án TANDTC"), ("Lưu Hoàng Sơn", "Phó Chánh án TANDTC"),
             ("Phan Thị Thu Hà", "Phó Chánh án TANDTC")],
        ),
        # "và" then a post and a name: a second chair
        (
            "Đồng chí Đào Minh Khôi, Phó Thống đốc Ngân hàng Nhà nước, Chủ tịch Hội đồng quản "
            "trị NHCSXH và Tổng Giám đốc NHCSXH Lương Thị Hải Yến đồng chủ trì hội nghị.",
            [("Đào Minh Khôi", "Phó Thống đốc Ngân hàng Nhà nước, Chủ tịch Hội đồng quản trị "
              "NHCSXH"), ("Lương Thị Hải Yến", "Tổng Giám đốc NHCSXH")],
        ),
        # ... but not "và" inside a post's own name
        (
            "Đồng chí Trần Văn Nam, Giám đốc Sở Nông nghiệp và Môi trường Hà Tĩnh chủ trì hội "
            "nghị.",
            [("Trần Văn Nam", "Giám đốc Sở Nông nghiệp và Môi trường Hà Tĩnh")],
        ),
        # a degree before the name, the name cut by a line's end
        (
            "Chủ trì hội nghị có PGS.TS. Lê Anh\nPhương, Giám đốc Đại học Huế; PGS.TS. Trần Thị "
            "Hải Yến, Phó Giám đốc Đại học Huế.",
            [("Lê Anh Phương", "Giám đốc Đại học Huế"),
             ("Trần Thị Hải Yến", "Phó Giám đốc Đại học Huế")],
        ),
        # names of the Highlands: "Điểu", "Nay", a syllable with an apostrophe
        (
            "Bộ trưởng Bộ Dân tộc và Tôn giáo Ma Đình Quyết chủ trì hội nghị. Cùng chủ trì có "
            "Thứ trưởng Điểu Thị Hạnh.",
            [("Ma Đình Quyết", "Bộ trưởng Bộ Dân tộc và Tôn giáo"),
             ("Điểu Thị Hạnh", "Thứ trưởng")],
        ),
        (
            "Đồng chí Ksor Thuận, Bí thư Tỉnh đoàn và đồng chí Nay H’Lin, Phó Bí thư Tỉnh đoàn "
            "đồng chủ trì hội nghị.",
            [("Ksor Thuận", "Bí thư Tỉnh đoàn"), ("Nay H'Lin", "Phó Bí thư Tỉnh đoàn")],
        ),
        # a family name of the Tày
        (
            "Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban Bầu cử tỉnh Lộc Thị Hạnh chủ trì hội nghị.",
            [("Lộc Thị Hạnh", "Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban Bầu cử tỉnh")],
        ),
        # "ông" inside a family name is no honorific
        ("Thứ trưởng Nông Thị Bích Ngà chủ trì hội nghị.", [("Nông Thị Bích Ngà", "Thứ trưởng")]),
        # a province's name, then the person
        (
            "Bí thư Tỉnh ủy Quảng Ninh Lã Minh Khuê chủ trì hội nghị.",
            [("Lã Minh Khuê", "Bí thư Tỉnh ủy Quảng Ninh")],
        ),
        (
            "Bí thư Tỉnh ủy Lê Trần Minh Hà chủ trì hội nghị.",
            [("Lê Trần Minh Hà", "Bí thư Tỉnh ủy")],
        ),
    ],
)  # fmt: skip
def test_chairs_named_after_a_rank_or_a_province(text: str, chairs: list[tuple[str, str]]) -> None:
    assert _chairs(draft_from_text(text)) == chairs


def test_bridge_points_listed_a_line_each_after_a_colon() -> None:
    draft = draft_from_text(
        "Hội nghị được truyền dẫn trực tuyến tới các điểm cầu:\n"
        "- Bộ Chỉ huy Quân sự tỉnh Thanh Hóa;\n"
        "- Điểm cầu huyện Chư Sê;\n"
        "👉 Đoàn xã Hương Sơn\n"
        "- Sư đoàn 324 và Lữ đoàn 414.\n"
        "\t+ Phòng họp trực tuyến, UBND xã Thạch Hà;\n"
        "\t+ Phòng họp số 2, Trung tâm Phục vụ hành chính công xã Nghi Xuân.\n"
        "– Trường Đại học Sư phạm, Đại học Huế;\n"
        "🔹 Đoàn Thanh niên Công an tỉnh\n"
        "🔹 Đoàn đặc khu Cồn Cỏ\n"
        "- Huyện ủy Can Lộc, Huyện ủy Đức Thọ;\n"
        "Huyện ủy Hương Khê theo dõi qua mạng.\n"
        "- Công an tỉnh.\n"
    )
    assert [p.name for p in draft.bridge_points] == [
        "Điểm cầu Bộ Chỉ huy Quân sự tỉnh Thanh Hóa",
        "Điểm cầu huyện Chư Sê",
        "Điểm cầu Đoàn xã Hương Sơn",
        "Điểm cầu Sư đoàn 324",
        "Điểm cầu Lữ đoàn 414",
        "Điểm cầu Phòng họp trực tuyến, UBND xã Thạch Hà",
        "Điểm cầu Phòng họp số 2, Trung tâm Phục vụ hành chính công xã Nghi Xuân",
        "Điểm cầu Trường Đại học Sư phạm, Đại học Huế",
        "Điểm cầu Đoàn Thanh niên Công an tỉnh",
        "Điểm cầu Đoàn đặc khu Cồn Cỏ",
        "Điểm cầu Huyện ủy Can Lộc",
        "Điểm cầu Huyện ủy Đức Thọ",
    ]
    unmarked = draft_from_text(
        "Hội nghị kết nối tới các điểm cầu:\nHuyện ủy Can Lộc;\nHuyện ủy Đức Thọ.\n\nCông an tỉnh."
    )
    assert [p.name for p in unmarked.bridge_points] == [
        "Điểm cầu Huyện ủy Can Lộc",
        "Điểm cầu Huyện ủy Đức Thọ",
    ]


def test_a_plans_lines_name_the_host_and_the_points() -> None:
    draft = draft_from_text(
        "2. Hình thức: Bộ Chính trị, Ban Bí thư tổ chức hội nghị trực tuyến từ điểm cầu Trung "
        "ương đến các điểm cầu tỉnh ủy, thành ủy.\n"
        "3. Điểm cầu\n"
        "\t- Điểm cầu Trung ương: Hội trường Trung tâm Hội nghị quốc tế (số 11 Lê Hồng Phong, "
        "Hà Nội).\n"
        "\t- Điểm cầu của tỉnh: Hội trường A, Tỉnh ủy Quảng Trị (phường Đồng Hới).\n"
        "\t- Điểm cầu các đảng bộ trực thuộc Tỉnh ủy: Đảng ủy Công an tỉnh; Đảng ủy Quân sự tỉnh.\n"
        "\t- Điểm cầu cấp xã: 130 điểm cầu tại hội trường đảng ủy các xã, phường.\n"
        "4. Thành phần tại điểm cầu của tỉnh: Ủy viên Ban Chấp hành Đảng bộ tỉnh.\n"
        "Dự hội nghị tại các điểm cầu: Quân khu 4, Quân đoàn 12 và Học viện Chính trị có thủ "
        "trưởng các đơn vị.\n"
    )
    assert draft.host_point == "Hội trường Trung tâm Hội nghị quốc tế"
    assert [p.name for p in draft.bridge_points] == [
        "Điểm cầu Hội trường A, Tỉnh ủy Quảng Trị",
        "Điểm cầu Đảng ủy Công an tỉnh",
        "Điểm cầu Đảng ủy Quân sự tỉnh",
        "Điểm cầu Quân khu 4",
        "Điểm cầu Quân đoàn 12",
        "Điểm cầu Học viện Chính trị",
    ]


def test_a_plans_chair_is_who_chairs_at_the_central_point() -> None:
    text = (
        "III. CHỦ TRÌ, THÀNH PHẦN\n"
        "1. Chủ trì\n"
        "\t- Tại điểm cầu Trung ương: đồng chí Hà Quang Thái, Tổng Bí thư.\n"
        "\t- Tại điểm cầu của tỉnh: đồng chí Nguyễn Khắc Trung, Bí thư Tỉnh ủy.\n"
        "2. Thành phần tại điểm cầu của tỉnh: Ủy viên Ban Chấp hành Đảng bộ tỉnh.\n"
    )
    assert _chairs(draft_from_text(text)) == [("Hà Quang Thái", "Tổng Bí thư")]
    # no heading "Chủ trì" on a line of its own: a point's chair chairs nothing
    assert _chairs(draft_from_text(text.replace("1. Chủ trì\n", ""))) == []


def test_co_chairs_named_before_their_verb_in_the_next_sentence() -> None:
    draft = draft_from_text(
        "Chánh án TANDTC Lê Văn Thắng chủ trì hội nghị. Phó Chánh án TANDTC Nguyễn Thị Hạnh và "
        "Phó Chánh án TANDTC Phạm Quốc Tuấn đồng chủ trì."
    )
    assert [p.name for p in draft.chairs] == ["Lê Văn Thắng", "Nguyễn Thị Hạnh", "Phạm Quốc Tuấn"]


def test_chairs_listed_a_line_each_under_a_heading() -> None:
    draft = draft_from_text(
        "🎙 Chủ trì hội nghị:\n"
        "👉 Anh Hoàng Văn Phúc – Bí thư Tỉnh Đoàn\n"
        "👉 Chị Đinh Thị Ngọc Ánh – Phó Bí thư Tỉnh Đoàn\n\n"
        "Hơn 3.500 đoàn viên theo dõi."
    )
    assert _chairs(draft) == [
        ("Hoàng Văn Phúc", "Bí thư Tỉnh Đoàn"),
        ("Đinh Thị Ngọc Ánh", "Phó Bí thư Tỉnh Đoàn"),
    ]


def test_a_plans_chairs_are_read_whole_before_a_sentence_names_one() -> None:
    # the second item's own "cùng chủ trì" does not make it the only chair; an item on a
    # line with no mark
    draft = draft_from_text(
        "3. Chủ trì hội nghị:\n"
        "- Đồng chí Trịnh Quốc Hưng, Bí thư Tỉnh ủy;\n"
        "- Đồng chí Phạm Thu Hằng, Phó Bí thư Thường trực Tỉnh ủy, cùng chủ trì.\n\n"
        "4. Thành phần mời dự: lãnh đạo các sở.\n"
    )
    assert [p.name for p in draft.chairs] == ["Trịnh Quốc Hưng", "Phạm Thu Hằng"]
    alone = draft_from_text("2. Chủ trì\nĐồng chí Hà Minh Tuấn, Trưởng Ban Tổ chức Tỉnh ủy.\n")
    assert _chairs(alone) == [("Hà Minh Tuấn", "Trưởng Ban Tổ chức Tỉnh ủy")]


def test_a_plans_items_end_where_its_next_heading_begins() -> None:
    # the main point's hall in brackets; a point's own chair is none; who attends at the
    # main point under a later heading is no chair
    bracketed = draft_from_text(
        "3. Chủ trì hội nghị:\n"
        "\t- Tại điểm cầu chính (Hội trường Ủy ban MTTQ Việt Nam thành phố Huế): đồng chí "
        "Hoàng Thị Thu Hà, Chủ tịch Ủy ban MTTQ Việt Nam thành phố.\n"
        "\t- Tại điểm cầu phường: đồng chí Ngô Văn Thành, Chủ tịch Ủy ban MTTQ phường chủ trì.\n"
    )
    assert [p.name for p in bracketed.chairs] == ["Hoàng Thị Thu Hà"]
    unnamed = draft_from_text(
        "3. Chủ trì hội nghị:\n"
        "\t- Đồng chí Hoàng Thị Thu Hà, Chủ tịch Ủy ban MTTQ thành phố;\n"
        "\t- Tại điểm cầu phường: đồng chí Ngô Văn Thành, Chủ tịch Ủy ban MTTQ phường.\n"
    )
    assert [p.name for p in unnamed.chairs] == ["Hoàng Thị Thu Hà"]
    listed = draft_from_text(
        "1. Chủ trì:\n"
        "- Đồng chí Nguyễn Đăng Khoa – Chủ tịch UBND thành phố;\n"
        "- Đồng chí Tôn Nữ Thanh Thảo – Phó Bí thư Thường trực Đảng ủy.\n"
        "2. Thư ký: đồng chí Lê Phước Hải.\n"
        "3. Đại biểu dự:\n"
        "- Tại điểm cầu chính: các đồng chí Ủy viên Ban Chấp hành Đảng bộ.\n"
    )
    assert [p.name for p in listed.chairs] == ["Nguyễn Đăng Khoa", "Tôn Nữ Thanh Thảo"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a doctor's degrees, with and without their dots
        ("TS.BS Trương Hoài Nam, Giám đốc Sở Y tế chủ trì hội nghị.", "Trương Hoài Nam"),
        ("BSCKII Đặng Thị Lan Phương, Phó Giám đốc chủ trì hội nghị.", "Đặng Thị Lan Phương"),
        (
            "Sở Y tế họp. Cùng chủ trì có BSCKII Đặng Thị Lan Phương, Phó Bí thư.",
            "Đặng Thị Lan Phương",
        ),
        # a Thái family name
        ("BSCKII. Cầm Văn Đôi, Giám đốc Bệnh viện chủ trì hội nghị.", "Cầm Văn Đôi"),
        # a place's word that is also a family name, then the person's own
        ("Bí thư Thành ủy Cẩm Phả Nguyễn Văn Dũng chủ trì hội nghị.", "Nguyễn Văn Dũng"),
    ],
)
def test_a_chairs_name_without_degrees_and_places(text: str, name: str) -> None:
    assert [p.name for p in draft_from_text(text).chairs] == [name]


def test_a_weekday_after_a_line_break_goes_on_the_sentence_unless_it_dates_the_line() -> None:
    draft = draft_from_text(
        "Thực hiện Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Hội nghị lần\n"
        "thứ năm Ban Chấp hành Trung ương Đảng khóa XIII về nông nghiệp.\n"
    )
    assert [d.issuer for d in draft.documents] == ["Ban Chấp hành Trung ương Đảng khóa XIII"]
    assert (
        "lần thứ năm"
        in readable("Thực hiện Nghị quyết của Hội nghị lần\nthứ năm Ban Chấp hành.\n").text
    )
    assert "\nThứ Năm, 12/3/2025" in readable("Hội nghị trực tuyến của\nThứ Năm, 12/3/2025").text


def test_a_meeting_said_to_be_yesterday_before_a_later_dated_sentence() -> None:
    today = datetime.date(2025, 9, 5)
    said = draft_from_text(
        "Chiều hôm qua, Ban Thường trực Ủy ban MTTQ tỉnh tổ chức hội nghị trực tuyến. Hội nghị "
        "cũng thống nhất hỗ trợ các trường kịp khai giảng năm học mới ngày 5/9.",
        today,
    )
    assert (said.date, said.session) == (datetime.date(2025, 9, 4), "afternoon")
    # ... but "Hôm nay" with its day written soon after is that day
    written = draft_from_text(
        "Hôm nay, vào lúc 14 giờ 00, ngày 18 tháng 9 năm 2025, Đảng ủy phường tổ chức hội nghị "
        "trực tuyến.",
        today,
    )
    assert written.date == datetime.date(2025, 9, 18)
    # ... and a "chiều nay" after the meeting's own day is that day's afternoon, no other
    later = draft_from_text(
        "Sáng 3/9/2025, Tỉnh ủy tổ chức hội nghị trực tuyến. Chiều nay, hội nghị tiếp tục "
        "thảo luận ở tổ.",
        today,
    )
    assert later.date == datetime.date(2025, 9, 3)


def test_a_name_of_one_syllable_after_its_prefix() -> None:
    draft = draft_from_text(
        "Chủ tịch HĐND tỉnh Đinh Văn Tuấn và Phó Chủ tịch HĐND tỉnh K’Bình chủ trì hội nghị. "
    )
    assert [p.name for p in draft.chairs] == ["Đinh Văn Tuấn", "K'Bình"]  # quotes made plain
    co = draft_from_text(
        "Bà Phạm Thị Nhung, Chủ tịch Hội chủ trì hội nghị. Cùng chủ trì có đồng chí K’Điệp, "
        "Phó Chủ tịch Thường trực Hội."
    )
    assert [p.name for p in co.chairs] == ["Phạm Thị Nhung", "K'Điệp"]
