"""Vietnamese family names, for telling a person's name from the capitalised words around
it ("Tỉnh ủy Nguyễn Văn Dũng") and a name a line break cut ("Nguyễn Hữu" / "Phúc, …")."""

from __future__ import annotations

from minutes_app.base.text import fold

_WRITTEN = (
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly mai truong "
    "dinh lam ha dao cao luu to luong trieu doan vi lo hua chu ta quach thai kieu giang "
    "nong luc hau tong chau phung vuong mac khong la than be ma sam au ninh lai diep "
    "nghiem kim dam trinh dong tang khuc lau sung giang tu mong doan ton cu lu thach "
    "y ksor h rah nie mlo bdap tieu van an bach khuat ung lanh vuu quan hoa phi chuc "
    "a siu kpa ro"
)
SURNAMES = frozenset(_WRITTEN.split())  # without their marks, in lower case


def is_surname(word: str) -> bool:
    """Whether ``word`` (any case, with or without its marks) is a family name."""
    return fold(word) in SURNAMES
