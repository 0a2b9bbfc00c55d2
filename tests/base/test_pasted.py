"""Pasted text made plain (issue 17, points 8 and 9): legacy fonts converted, artefacts
removed with every character's place kept, the lines a page's width broke joined."""

from __future__ import annotations

import time
import unicodedata

import pytest

from minutes_app.base.legacy import TCVN3, VNI, convert, detect, repair
from minutes_app.base.pasted import readable, tidy, unwrap

SENTENCE = "Hội nghị quán triệt Quy định số 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị về công tác"

# Typed with the VNI-Windows keyboard and font, copied out as Unicode (letters and the
# mark bytes after them, each shown as its Windows-1252 character).
VNI_TEXT = "Hoäi nghò tröïc tuyeán quaùn trieät Nghò quyeát soá 18 cuûa Ban Chaáp haønh Trung öông"
VNI_MEANT = "Hội nghị trực tuyến quán triệt Nghị quyết số 18 của Ban Chấp hành Trung ương"


def _as_tcvn3(text: str) -> str:
    """``text`` as a TCVN3 font's bytes shown as Windows-1252 (the table's inverse)."""
    from minutes_app.base import legacy

    back = {letter: code for code, letter in legacy._TCVN3_CODES.items()}
    out = []
    for char in unicodedata.normalize("NFC", text):
        code = back.get(char)
        out.append(bytes([code]).decode("cp1252") if code is not None else char)
    return "".join(out)


def test_tcvn3_mojibake_is_detected_and_converted() -> None:
    pasted = _as_tcvn3(SENTENCE)
    assert "®" in _as_tcvn3("đ") and "Þ" in _as_tcvn3("ị")  # "Quy ®Þnh", as issue 17 shows it
    assert detect(pasted) == TCVN3
    done = convert(pasted)
    assert (done.text, done.encoding) == (SENTENCE, TCVN3)


def test_vni_mojibake_is_detected_and_converted() -> None:
    assert detect(VNI_TEXT) == VNI
    assert convert(VNI_TEXT).text == VNI_MEANT
    assert convert("Ñaûng boä tænh").text == "Đảng bộ tỉnh"
    assert convert("ÑAÛNG BOÄ").text == "ĐẢNG BỘ"


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE,
        "Hội nghị trực tuyến toàn quốc",
        "Café à la carte, déjà vu, naïve",  # French: Latin-1 letters, no mojibake
        "Số 125-KH/TU ® 2024",
        "",
    ],
)
def test_unicode_text_is_never_converted(text: str) -> None:
    assert detect(text) is None
    assert repair(text).text == text


def test_a_unicode_heading_over_an_old_body_converts_the_body_only() -> None:
    done = repair("Tỉnh ủy Bắc Kạn\n" + VNI_TEXT)
    assert done.text == "Tỉnh ủy Bắc Kạn\n" + VNI_MEANT
    assert done.encoding == VNI


def test_artefacts_are_removed_and_each_character_keeps_its_place() -> None:
    pasted = (
        "Quy\u00a0định  số\u200b 96\u2011QĐ/TW của Ban Tổ chức Trung\u00ad ương "
        "\u201cvề\u201d Ð\u1ea3ng ﬁ\t tab"
    )
    done = tidy(pasted)
    # a tab stays (the edge of a header's column), the spaces beside it go
    assert done.text == 'Quy định số 96-QĐ/TW của Ban Tổ chức Trung ương "về" Đảng fi\ttab'
    for word in ("định", "96-QĐ/TW", "Trung", "ương", "tab"):
        start = done.text.index(word)
        begin, end = done.place(start, start + len(word))
        assert tidy(pasted[begin:end]).text.strip() == word


def test_decomposed_letters_are_composed_in_place() -> None:
    pasted = unicodedata.normalize("NFD", "Lê Văn Hòa, Bí thư")
    done = tidy(pasted)
    assert done.text == "Lê Văn Hòa, Bí thư"
    begin, end = done.place(0, len("Lê Văn Hòa"))
    assert unicodedata.normalize("NFC", pasted[begin:end]) == "Lê Văn Hòa"


def test_a_word_cut_with_a_hyphen_at_a_lines_end_is_joined() -> None:
    assert tidy("xây dựng tổ chức cơ sở đảng vững mạ-\nnh").text.endswith("vững mạnh")
    assert tidy("18 -\nHD/BTCTW").text == "18 -\nHD/BTCTW"  # a symbol is not a word
    # Capitals on both sides are a symbol's parts, whatever their accents: the break goes,
    # the hyphen stays.
    assert tidy("Kế hoạch số 05-KH/BCĐ-\nĐTN").text == "Kế hoạch số 05-KH/BCĐ-ĐTN"
    assert tidy("Số 7-TB/BCĐ-\nẤP").text == "Số 7-TB/BCĐ-ẤP"
    assert tidy("Số 112-KH/MTTQ-\nBTT ngày").text == "Số 112-KH/MTTQ-BTT ngày"
    assert tidy("Số 112-KH/MTTQ -\nBTT").text == "Số 112-KH/MTTQ -\nBTT"  # a spaced dash
    assert tidy("Số 112-KH/MTTQ-\nBan").text == "Số 112-KH/MTTQ-\nBan"  # a word after it


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Hướng dẫn số 18-HD/BTCTW\nngày 15/11/2022 của Ban", "joined"),
        ("ngày 9 tháng\n8 năm 2019", "joined"),
        ("Hội nghị Trung ương lần thứ\n12 khóa XIII", "joined"),  # a number goes on
        ("của Ban\nTổ chức Tỉnh ủy", "joined"),
        ("Kế hoạch số 12-KH/HU ngày 3/4/2024 của Ban Thường vụ Huyện ủy Ba Bể về việc\n"
         "triển khai", "joined"),
        ("Quán triệt các văn bản mới về công tác tổ chức xây dựng Đảng\n"
         "Cập nhật lúc 08:15, 02/05/2024", "kept"),
        ("của Ban Chấp hành Đảng bộ tỉnh khóa XI\nVề phát triển kinh tế", "kept"),
        ("Hội nghị kết thúc.\nĐồng chí Bí thư phát biểu", "kept"),
        ("Phát biểu kết luận\nĐồng chí Bí thư nhấn mạnh", "kept"),  # Đ is a capital
        ("Ban Chấp hành Trung ương\nĐảng", "joined"),
        ("BAN CHẤP HÀNH TRUNG ƯƠNG\n*", "kept"),  # a header's star
        ("TIN VẮN\n- Đồng chí Bí thư làm việc", "kept"),  # an item of a list
        ("Dự hội nghị có đồng chí Nguyễn Hữu\nPhúc, Bí thư Huyện ủy", "joined"),  # a name
        ("Dự hội nghị có đồng chí Lê\nVăn Nam", "joined"),
        ("Dự hội nghị có đồng chí Nguyễn Văn Nam\nPhát biểu tại hội nghị", "kept"),  # whole
        ("Dự hội nghị có Sở Nội vụ\nĐồng chí Bí thư", "kept"),  # no family name
        ("Nguyễn Hữu\nPhúc", "kept"),  # a line with nothing but the name
        ("kết nối đến Hội trường Đảng ủy xã Hương\nTrà và", "joined"),  # a place's name
        ("tổ chức tại Hội trường Huyện ủy Thanh\nChương, kết nối", "joined"),
        ("Quyết định số 1205-QĐ/ĐUK ngày 18\n- 11 - 2022", "joined"),
        ("VỀ TIẾP TỤC ĐỔI MỚI\n(Nghị quyết số 28-NQ/TW)", "kept"),  # under a heading
        ("Nghị quyết số 28-NQ/TW\n(ngày 17/11/2022)", "joined"),
        ("của Ban Chấp hành\nTrung ương Đảng", "joined"),
        ("của Ban Thường vụ\nTỉnh ủy về", "joined"),
        ("Quy định số 37-QĐ/TW ngày\n25/10/2021 của Ban", "joined"),  # a date, no dateline
        ("Quy định số 50-QĐ/\nTW ngày 27/12/2021", "joined"),
        ("quy định, hướng dẫn của Trung ương\n07/11/2019 (GMT+7)", "kept"),  # a dateline
        ("Đoạn một\n\nđoạn hai", "kept"),
    ],
)  # fmt: skip
def test_lines_broken_inside_a_sentence_are_joined(before: str, after: str) -> None:
    unwrapped = unwrap(before)
    assert len(unwrapped) == len(before)  # every place kept
    assert ("\n" not in unwrapped) == (after == "joined"), unwrapped


# A page 39 characters wide: three lines broken inside sentences (40, 39, 37) show its
# width, their median.
_PAGE = (
    "Sáng 14/9, Ban Thường vụ Tỉnh ủy tổ chức\n"
    "hội nghị trực tuyến quán triệt Quy định\n"
    "số 96-QĐ/TW. Hội nghị kết nối tới các\n"
    "điểm cầu Thành ủy Đà Lạt, Thành ủy Bảo\n"
    "Lộc và Huyện ủy Lâm Hà.\n"
)


@pytest.mark.parametrize(
    ("last_line", "after"),
    [
        ("Ngắn quá\n", "kept"),  # a line well short of the page's width
        ("Hội nghị có các đồng chí lãnh đạo ở đây\n", "joined"),  # 39 wide as the page
        ("Hội nghị có các đồng chí Thành\n", "joined"),  # 30: 3/4 of 39 is 29.25
        ("Hội nghị có các đồng chí lãnh\n", "kept"),  # 29
        ("HỘI NGHỊ CÓ CÁC ĐỒNG CHÍ LÃNH ĐẠO Ở ĐÂY\n", "kept"),  # a heading
        ("Hội nghị có các đồng chí lãnh đạo ở đây.\n", "kept"),  # a sentence ends
        ("Hội nghị có các đồng chí lãnh đạo ở đây\nCập nhật lúc 08:15", "kept"),
    ],
)
def test_a_line_as_wide_as_the_page_is_joined_to_a_capital(last_line: str, after: str) -> None:
    text = _PAGE + last_line + "Đồng chí Bí thư phát biểu."
    unwrapped = unwrap(text)
    assert len(unwrapped) == len(text)
    assert "Bảo Lộc" in unwrapped
    assert (unwrapped.count("\n") == 1) == (after == "joined"), unwrapped


def test_a_title_as_wide_as_the_page_stays_on_its_line() -> None:
    text = "Hội nghị trực tuyến quán triệt Quy định mới\n" + _PAGE
    assert unwrap(text).startswith("Hội nghị trực tuyến quán triệt Quy định mới\nSáng")


def test_two_lines_broken_do_not_show_a_width() -> None:
    text = (
        "Sáng 14/9, Ban Thường vụ Tỉnh ủy tổ chức\nhội nghị trực tuyến quán triệt Quy định\n"
        "số 96-QĐ/TW. Hội nghị đã kết nối các điểm\nCầu dự hội nghị"  # no sentence's tail
    )
    assert unwrap(text).count("\n") == 1


def test_readable_text_of_a_megabyte_takes_little_time() -> None:
    text = ("Quy\u00a0định  số 96-QĐ/TW\nngày 02/02/2023 của Bộ Chính trị. " * 20_000)[:1_000_000]
    started = time.perf_counter()
    done = readable(text)
    elapsed = time.perf_counter() - started
    assert len(done.text) > 900_000
    assert elapsed < 20  # linear: a second or two on this machine; quadratic would be hours


@pytest.mark.parametrize(
    ("text", "breaks"),
    [
        # a paragraph's line, then the sentence's short tail: joined
        ("Sáng nay, hội nghị đã diễn ra tại điểm cầu chính Hội\ntrường Trung tâm\n"
         "Hội nghị tỉnh.\n\nĐồng chí Bí thư phát biểu.", 2),
        # a long line, then the tail
        ("Tiêu đề\n\nSáng nay, hội nghị đã diễn ra tại điểm cầu chính Hội trường Trung tâm\n"
         "Hội nghị tỉnh.", 2),
        # a short line of its own: a heading, kept
        ("Tiêu đề\n\nPhát biểu kết luận\nHội nghị thành công.", 3),
        # a tail too long to be one
        ("Tiêu đề\n\nSáng nay, hội nghị đã diễn ra tại điểm cầu chính Hội trường Trung tâm\n"
         "Hội nghị tỉnh với sự tham dự của đông đảo cán bộ, đảng viên toàn tỉnh.", 3),
        # a tail that does not end its sentence
        ("Tiêu đề\n\nSáng nay, hội nghị đã diễn ra tại điểm cầu chính Hội trường Trung tâm\n"
         "Hội nghị tỉnh", 3),
    ],
)  # fmt: skip
def test_a_sentences_short_tail_joins_the_line_it_broke_from(text: str, breaks: int) -> None:
    assert unwrap(text).count("\n") == breaks


def test_a_numbered_or_marked_item_keeps_its_own_line() -> None:
    text = (
        "II. THỜI GIAN, HÌNH THỨC, ĐIỂM CẦU\n"
        "1. Thời gian: 01 buổi, từ 07 giờ 30 phút, thứ Hai, ngày 21/9/2026 (đại biểu có mặt)\n"
        "3. Điểm cầu\n"
        "\t- Điểm cầu Trung ương: Hội trường Trung tâm Hội nghị quốc tế.\n"
        "III. CHỦ TRÌ, THÀNH PHẦN\n"
        "1. Chủ trì\n"
    )
    assert unwrap(text) == text
