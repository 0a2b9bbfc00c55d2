"""The kinds of document a citation names (Nghị quyết, Quy định, …), by word or by the code
of a symbol."""

from __future__ import annotations

import re

# Longest first: the alternation must prefer "thong bao ket luan" over "thong bao".
_KINDS: tuple[tuple[str, str], ...] = (
    ("thong bao ket luan", "Thông báo kết luận"),
    ("nghi quyet lien tich", "Nghị quyết liên tịch"),
    ("thong tu lien tich", "Thông tư liên tịch"),
    ("huong dan lien tich", "Hướng dẫn liên tịch"),
    ("chuong trinh hanh dong", "Chương trình hành động"),
    ("quy che phoi hop", "Quy chế"),
    ("nghi quyet", "Nghị quyết"),
    ("nghi dinh", "Nghị định"),
    ("quyet dinh", "Quyết định"),
    ("quy dinh", "Quy định"),
    ("qui dinh", "Quy định"),
    ("chi thi", "Chỉ thị"),
    ("ket luan", "Kết luận"),
    ("huong dan", "Hướng dẫn"),
    ("thong bao", "Thông báo"),
    ("thong tri", "Thông tri"),
    ("thong tu", "Thông tư"),
    ("ke hoach", "Kế hoạch"),
    ("cong van", "Công văn"),
    ("cong dien", "Công điện"),
    ("giay moi", "Giấy mời"),
    ("quy che", "Quy chế"),
    ("de an", "Đề án"),
    ("phap lenh", "Pháp lệnh"),
    ("luat", "Luật"),
    ("bao cao", "Báo cáo"),
    ("to trinh", "Tờ trình"),
    ("chuong trinh", "Chương trình"),
)
KIND_NAMES = {key: name for key, name in _KINDS}

# Everyday nouns that also name documents; a bare number after them is usually a count
# or a period ("báo cáo 6 tháng"), so it counts only after "số" or a capital letter.
WEAK_KINDS = frozenset(
    {
        "Báo cáo",
        "Chương trình",
        "Kế hoạch",
        "Đề án",
        "Tờ trình",
        "Luật",
        "Công văn",
        "Quy chế",
        "Thông báo",
        "Pháp lệnh",
        "Công điện",
        "Giấy mời",
    }
)

# Kind inferred from the first code of the symbol when no word names it.
_CODE_KINDS = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "TBKL": "Thông báo kết luận",
    "HD": "Hướng dẫn",
    "HDLT": "Hướng dẫn liên tịch",
    "QDI": "Quy định",
    "TB": "Thông báo",
    "KH": "Kế hoạch",
    "ND": "Nghị định",
    "TTLT": "Thông tư liên tịch",
    "CV": "Công văn",
    "BC": "Báo cáo",
    "TTR": "Tờ trình",
    "CTR": "Chương trình",
    "QC": "Quy chế",
    "QCPH": "Quy chế",
    "DA": "Đề án",
    "CD": "Công điện",
    "QH": "Luật",
    "GM": "Giấy mời",
}


def kind_pattern() -> str:
    """The words of every kind, longest first, as a pattern for the shadow text."""
    words = sorted({key for key, _ in _KINDS}, key=len, reverse=True)
    return "|".join(r"\s{1,3}".join(word.split()) for word in words)


KIND = r"(?i:\b(?P<kind>" + kind_pattern() + r")\b)"
KIND_AT = re.compile(KIND)
# Running text shortens the best-known Party documents to their code: "NQ 18", "CT 05".
SHORT_KINDS = {"NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận"}


def kind_from_word(shade: str, match: re.Match[str], group: str) -> str:
    """The kind named by the words of ``group`` in ``match``."""
    key = " ".join(shade[match.start(group) : match.end(group)].lower().split())
    return KIND_NAMES[key]


def kind_from_symbol(symbol_shade: str) -> str:
    """The kind that the first code of a symbol names ("96-QĐ/TW": Quy định)."""
    compact = symbol_shade.replace(" ", "")
    party = re.match(r"\d+-", compact) is not None
    codes = re.findall(r"[A-Za-z][A-Za-z0-9]*", compact)
    first = re.sub(r"\d+$", "", codes[0].upper()) if codes else ""
    if first == "QD":
        return "Quy định" if party else "Quyết định"
    if first == "TT":
        return "Thông tri" if party else "Thông tư"
    return _CODE_KINDS.get(first, "Văn bản")
