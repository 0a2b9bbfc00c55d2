"""Vietnamese family names, for telling a person's name from the capitalised words around
it ("Tỉnh ủy Nguyễn Văn Dũng") and a name a line break cut ("Nguyễn Hữu" / "Phúc, …"); and
the provinces' names, which end so many titles ("Bí thư Tỉnh ủy Quảng Ninh Lã Minh Khuê")."""

from __future__ import annotations

from minutes_app.base.text import fold

_WRITTEN = (
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly mai truong "
    "dinh lam ha dao cao luu to luong trieu doan vi lo hua chu ta quach thai kieu giang "
    "nong luc hau tong chau phung vuong mac khong la than be ma sam au ninh lai diep "
    "nghiem kim dam trinh dong tang khuc lau sung giang tu mong doan ton cu lu thach "
    "y ksor h rah nie mlo bdap tieu van an bach khuat ung lanh vuu quan hoa phi chuc "
    "a siu kpa ro loc dieu nay"
)
# Family names of the Thái, H'Mông, Dao, Khmer and Jrai that are also the first word of
# many places ("Cầm" and "Cẩm Phả" fold alike): a name opens there only when no common
# family name follows.
_RARE_SURNAMES = frozenset({"cam", "mua", "vang", "thao", "chao", "danh", "rmah"})
SURNAMES = frozenset(_WRITTEN.split()) | _RARE_SURNAMES  # without their marks, in lower case


def is_rare_surname(word: str) -> bool:
    return fold(word) in _RARE_SURNAMES


def is_surname(word: str) -> bool:
    """Whether ``word`` (any case, with or without its marks) is a family name."""
    return fold(word) in SURNAMES


# The provinces and centrally-run cities, before and after the 2025 merger (folded).
_PROVINCES = (
    "an giang|ba ria vung tau|bac giang|bac kan|bac lieu|bac ninh|ben tre|binh dinh|"
    "binh duong|binh phuoc|binh thuan|ca mau|can tho|cao bang|da nang|dak lak|dak nong|"
    "dien bien|dong nai|dong thap|gia lai|ha giang|ha nam|ha noi|ha tinh|hai duong|hai phong|"
    "hau giang|hoa binh|hung yen|khanh hoa|kien giang|kon tum|lai chau|lam dong|lang son|"
    "lao cai|long an|nam dinh|nghe an|ninh binh|ninh thuan|phu tho|phu yen|quang binh|"
    "quang nam|quang ngai|quang ninh|quang tri|soc trang|son la|tay ninh|thai binh|"
    "thai nguyen|thanh hoa|thua thien hue|hue|tien giang|tra vinh|tuyen quang|vinh long|"
    "vinh phuc|yen bai|ho chi minh"
)
PROVINCES = frozenset(_PROVINCES.split("|"))


def province_words(words: list[str]) -> int:
    """How many of ``words``' first words name a province (0 when they name none)."""
    for count in (4, 3, 2, 1):
        if len(words) >= count and fold(" ".join(words[:count])) in PROVINCES:
            return count
    return 0
