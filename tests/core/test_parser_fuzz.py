"""The parser never raises, whatever the text, and stays fast on large input."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_app.core.parsing.citations import find_citations
from minutes_app.core.parsing.draft import draft_from_text, draft_to_json

_PIECES = [
    "Quy định số 96-QĐ/TW, ngày 02/02/2023 của Bộ Chính trị về ",
    "Sáng 17/02, ",
    "Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị chủ trì. ",
    "Tại điểm cầu tỉnh Bắc Kạn, dự hội nghị có đồng chí ",
    "Phát biểu chỉ đạo, đồng chí ",
    " yêu cầu: ",
    "Ban Tổ chức Trung ương tổ chức hội nghị ",
    "\u0000",
    "\ud800",
    "😀",
    "\u202eمرحبا",
    "Qu¸n triÖt NghÞ quyÕt",
    "Quy ñònh soá 96",
    "; ",
    "., ",
    "\n",
    "            ",
    "99999999999-",
    "/" * 20,
]

texts = st.one_of(
    st.text(),
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    st.binary(max_size=400).map(lambda raw: raw.decode("latin-1")),
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_never_raises(text: str) -> None:
    find_citations(text)
    draft_to_json(draft_from_text(text))


def test_one_megabyte_finishes() -> None:
    unit = (
        "Sáng 17/02, Ban Tổ chức Trung ương tổ chức hội nghị. Quy định số 96-QĐ/TW, "
        "ngày 02/02/2023 của Bộ Chính trị về việc lấy phiếu; 1 2 3 4 5 6 ---- //// "
        "Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị chủ trì.\n"
    )
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    started = time.perf_counter()
    draft_from_text(text)
    assert time.perf_counter() - started < _SECONDS


# Each run once made some pattern backtrack or some scan go quadratic (profiled with
# cProfile); a megabyte takes about two seconds on one core.
_RUNS = [
    "1",
    " ",
    "\t",
    "Quy định ",
    "9-",
    ". ",
    "\n",
    "a ",
    "Ban Tổ chức Trung ương Đảng ",
    "đồng chí Nguyễn Văn An, ",
    "điểm cầu Tỉnh ủy Bắc Kạn ",
    "Nguyễn Văn An - Bí thư ",
    "phát biểu chỉ đạo yêu cầu: cần làm tốt; ",
    "Quy định số 96-QĐ/TW và ",
    "ngày 12/5 ",
    "do Ban Tổ chức hội nghị ",
    "Ban Tổ chức Trung ương Đảng chủ trì. ",
    "Phó Bí thư: Nguyễn Văn An, Lê Văn Bình và ",
    "chủ trì hội nghị tại điểm cầu ",
    "kết nối đến các điểm cầu Huyện ủy Ba Bể, ",
    "Đảng ủy Khối các cơ quan và doanh nghiệp ",
    "Hội nghị kết nối tới các điểm cầu Thành ủy Bảo\n",
    "NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ BẢY VỀ CÁN BỘ SỐ 26-NQ/TW ",
    "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 5-KH/TU, ",
    "TỈNH ỦY BẮC KẠN\nSố 125-KH/TU\t",
    "Đề án 06 năm 2024 ",
    "Trước đó, chiều 9/8 làm việc ",
    "Hội nghị do đồng chí Phó Chủ tịch UBND tỉnh chủ trì. ",
    "Năm 2024, Ban Thường vụ Tỉnh ủy họp; ban hành Kế hoạch số 5-KH/TU; ",
    "Tại điểm cầu phường Hạc Thành và phường ",
    "cùng chủ trì với đồng chí Đinh Văn Khoa, ",
    "Pleiku, 22/10/2024 (TTXVN) – Chiều nay ",
    "kết nối với Hội LHPN huyện Quỳnh Phụ và đầu cầu ",
    "1. Chủ trì\n\t- Tại điểm cầu Trung ương: ",
    "- Điểm cầu các đảng bộ trực thuộc Tỉnh ủy: Đảng ủy Công an tỉnh; ",
    "Hôm nay (4/12), Chiều qua, ",
]
# Generous for a shared, busy machine; a quadratic scan takes minutes, not seconds.
_SECONDS = 30


@pytest.mark.parametrize("run", _RUNS, ids=lambda run: run.strip()[:12] or repr(run))
def test_one_megabyte_of_a_pathological_run_finishes(run: str) -> None:
    text = (run * (1_000_000 // len(run) + 1))[:1_000_000]
    started = time.perf_counter()
    draft_from_text(text)
    assert time.perf_counter() - started < _SECONDS


def test_distinct_documents_by_the_thousand_finish() -> None:
    text = " ".join(f"Chỉ thị số {n}-CT/TW ngày 1/2/2020 của Bộ Chính trị;" for n in range(30_000))
    started = time.perf_counter()
    assert len(find_citations(text)) == 30_000
    assert time.perf_counter() - started < _SECONDS
