"""Find the documents (nghị quyết, quy định, hướng dẫn, …) cited in Vietnamese text.

Matching runs on a *shadow* copy of the text with diacritics removed and đ → d, one
character for one character, so every offset found there is also an offset in the NFC
text. That keeps the patterns short and ASCII, makes them blind to tone-mark placement
and to missing diacritics, and still lets the symbol code be read case-sensitively
("QĐi", "TTg" against a glued "TWngày"). The shadow also reads the dashes of word
processors ("21–NQ/TW") as a hyphen and the no-break spaces of web pages as plain ones,
again one character for one.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import itertools
import re
import unicodedata
from dataclasses import dataclass

from minutes_app.base.text import nfc

__all__ = [
    "Citation",
    "documents_of",
    "find_citations",
    "find_mentions",
    "parse_date",
    "shadow",
]


@dataclass(frozen=True)
class Citation:
    """One cited document, as written at one place in the text."""

    kind: str
    number: str
    symbol: str | None
    issued_on: datetime.date | None
    issuer: str | None
    subject: str | None
    text: str
    start: int
    end: int


# --------------------------------------------------------------------------- shadow text


def _build_shadow_table() -> dict[int, str]:
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for block in (range(0xC0, 0x250), range(0x1E00, 0x1F00)):
        for code in block:
            parts = unicodedata.normalize("NFD", chr(code))
            if len(parts) > 1 and parts[0].isascii() and parts[0].isalpha():
                table[code] = parts[0]
    return table


_SHADOW_TABLE = _build_shadow_table()
# Hyphen, non-breaking hyphen, figure dash, en dash, minus: typed for "-" in symbols and
# dates. The em dash is left alone: it separates clauses, never the parts of a symbol.
_DASHES = "\u2010\u2011\u2012\u2013\u2212"
_SHADOW_TABLE.update({ord(dash): "-" for dash in _DASHES})
_SHADOW_TABLE.update({ord(space): " " for space in "\u00a0\u2007\u2009\u202f"})


def shadow(text: str) -> str:
    """Same-length copy of NFC ``text`` with Vietnamese diacritics removed, case kept;
    dashes read as hyphens and no-break spaces as spaces."""
    return text.translate(_SHADOW_TABLE)


def _plain_dashes(symbol: str) -> str:
    return symbol.translate({ord(dash): "-" for dash in _DASHES})


# --------------------------------------------------------------------------- document kinds

# Longest first: the alternation must prefer "thong bao ket luan" over "thong bao".
_KINDS: tuple[tuple[str, str], ...] = (
    ("thong bao ket luan", "Thông báo kết luận"),
    ("nghi quyet lien tich", "Nghị quyết liên tịch"),
    ("thong tu lien tich", "Thông tư liên tịch"),
    ("huong dan lien tich", "Hướng dẫn liên tịch"),
    ("chuong trinh hanh dong", "Chương trình hành động"),
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
    ("quy che", "Quy chế"),
    ("de an", "Đề án"),
    ("phap lenh", "Pháp lệnh"),
    ("luat", "Luật"),
    ("bao cao", "Báo cáo"),
    ("to trinh", "Tờ trình"),
    ("chuong trinh", "Chương trình"),
)
_KIND_NAMES = {key: name for key, name in _KINDS}

# Everyday nouns that also name documents; a bare number after them is usually a count
# or a period ("báo cáo 6 tháng"), so it counts only after "số" or a capital letter.
_WEAK_KINDS = frozenset(
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
    "DA": "Đề án",
    "CD": "Công điện",
    "QH": "Luật",
}


def _kind_pattern() -> str:
    words = sorted({key for key, _ in _KINDS}, key=len, reverse=True)
    return "|".join(r"\s{1,3}".join(word.split()) for word in words)


_KIND = r"(?i:\b(?P<kind>" + _kind_pattern() + r")\b)"
# "số" may be glued to the number that follows it ("Kết luận số21-KL/TW").
_SO = r"(?:[ \t]{1,3}(?i:so)(?:\b|(?=\d))[ \t]{0,3}:?)?[ \t]{0,3}"
_NOT_GLUED = r"(?:(?<![\w/.\-])|(?<=\b[Ss][Oo]))"
# A code is capitals and digits, with at most one trailing small letter ("QĐi", "TTg",
# "TTr") that must not start a glued word ("TWngày").
_CODE = r"[A-Z][A-Z0-9]{0,15}(?:[a-z](?![a-z]))?"
# Joint documents add the second body after a dash: "07-HDLT/BTCTW-BNV".
_PARTY_SYMBOL = (
    rf"\d{{1,5}}[ \t]{{0,2}}-[ \t]{{0,2}}{_CODE}(?:[ \t]{{0,2}}/[ \t]{{0,2}}{_CODE})+"
    rf"(?:-{_CODE})*"
)
_STATE_SYMBOL = (
    rf"\d{{1,5}}[ \t]{{0,2}}/[ \t]{{0,2}}(?:\d{{4}}[ \t]{{0,2}}/[ \t]{{0,2}})?"
    rf"{_CODE}(?:[ \t]{{0,2}}[-/][ \t]{{0,2}}{_CODE})*"
)
_NUMBER_ONLY = r"(?P<num>\d{1,4})(?![\w])(?![ \t]?[-/][ \t]?[\dA-Za-z])(?!\.\d)"
# Running text shortens the best-known Party documents to their code: "NQ 18", "CT 05".
_SHORT_KINDS = {"NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận"}
_SHORT_REFERENCE = (
    r"\b(?P<short>NQ|CT|KL)[ \t]{1,2}(?P<snum>\d{1,3})(?![\w])"
    r"(?![ \t]?[-/][ \t]?[\dA-Za-z])(?!\.\d)"
)
_HEAD = re.compile(
    rf"(?:{_KIND}{_SO})?{_NOT_GLUED}(?P<sym>{_PARTY_SYMBOL}|{_STATE_SYMBOL})"
    rf"|(?P<kind2>(?i:\b(?:{_kind_pattern()})\b)){_SO}{_NOT_GLUED}{_NUMBER_ONLY}"
    rf"|{_SHORT_REFERENCE}"
)
_GLUED_CAPS_WORDS = ("NGAY", "CUA")

# A number-only reference continued by a list: "Kết luận số 40, 41 và 42".
_LIST_NUMBER = re.compile(
    r"[ \t]{0,3}(?:,|;|(?i:\bva\b))[ \t]{0,3}(?:(?i:so)[ \t]{0,3}:?[ \t]{0,3})?"
    r"(?P<num>\d{1,4})(?=[ \t]{0,3}(?:[,;.)]|(?i:va|cua|ngay|ve)\b|$))"
)

# Words after a bare number that show it counts or dates something, not a document.
_NOT_A_DOCUMENT_AFTER = frozenset(
    "thang nam quy ngay lan nguoi dong trieu ty gio phut km ha tuoi diem doan dang van "
    "noi nhiem muc chuong dieu khoan giai nhom to chi cap huyen xa tinh don co phong "
    "bo de chuyen cuoc hoi dai tap ca".split()
)
_NEXT_WORD = re.compile(r"[ \t]{0,3}(?P<word>[^\W\d_]+)(?P<rest>[ \t]{0,3}\d{4})?")

# --------------------------------------------------------------------------- dates

_NUMERIC_DATE = (
    r"(?P<d>\d{1,2})[ \t]?(?P<s>[/.\-])[ \t]?(?P<m>\d{1,2})[ \t]?(?P=s)[ \t]?(?P<y>\d{4})(?!\d)"
)
_WORDED_DATE = (
    r"(?i:ngay)[ \t]{1,3}(?P<d2>\d{1,2})[ \t]{1,3}(?i:thang)[ \t]{1,3}(?P<m2>\d{1,2})"
    r"[ \t]{0,3},?[ \t]{1,3}(?i:nam)[ \t]{1,3}(?P<y2>\d{4})(?!\d)"
)
DATE_PATTERN = rf"(?:(?:(?i:ngay)[ \t]{{0,3}})?{_NUMERIC_DATE}|{_WORDED_DATE})"
_TAIL_DATE = re.compile(
    r"[ \t]{0,3}(?:,[ \t]{0,3}|\([ \t]{0,3})?(?P<same>(?i:cung)[ \t]{1,3})?"
    r"(?:(?i:ban[ \t]hanh|ky)[ \t]{1,3})?"
    rf"{DATE_PATTERN}(?:[ \t]{{0,3}}\))?"
)
# "ngày 10/6", "ngày 10 tháng 6": the year is read from the symbol or the text around.
_PARTIAL_DATE = (
    r"(?i:ngay)[ \t]{0,3}(?P<pd>\d{1,2})[ \t]?[/\-.][ \t]?(?P<pm>\d{1,2})"
    r"(?![\d/\-]|[ \t]?[/.][ \t]?\d)"
    r"|(?i:ngay)[ \t]{1,3}(?P<pd2>\d{1,2})[ \t]{1,3}(?i:thang)[ \t]{1,3}(?P<pm2>\d{1,2})(?!\d)"
    r"(?![ \t]{0,3},?[ \t]{0,3}(?i:nam)\b)"
)
_TAIL_PARTIAL_DATE = re.compile(
    r"[ \t]{0,3}(?:,[ \t]{0,3}|\([ \t]{0,3})?(?:(?i:ban[ \t]hanh|ky)[ \t]{1,3})?"
    rf"(?:{_PARTIAL_DATE})(?:[ \t]{{0,3}}\))?"
)
_TAIL_ISSUER = re.compile(r"[ \t]{0,3},?[ \t]{0,3}(?:\([ \t]{0,3})?(?i:cua)[ \t]{1,3}")
# "Kế hoạch số 145-KH/TU … do Ban Thường vụ Tỉnh ủy ban hành": the issuer before the verb.
_TAIL_BY = re.compile(r"[ \t]{0,3},?[ \t]{0,3}(?i:do)[ \t]{1,3}(?=[A-Z])")
_ISSUED_VERB = re.compile(r"[ \t]{1,3}(?i:ban[ \t]{1,3}hanh|ky[ \t]{1,3}ban[ \t]{1,3}hanh)\b")
# A resolution of a plenum ("Hội nghị Trung ương 6", "Hội nghị lần thứ năm Ban Chấp hành
# Trung ương Đảng khóa XIII") is issued by the Central Committee.
_TAIL_PLENUM = re.compile(
    r"[ \t]{0,3},?[ \t]{0,3}(?:(?i:cua)[ \t]{1,3})?H(?i:oi[ \t]{1,3}nghi)[ \t]{1,3}"
    r"(?:(?i:lan[ \t]{1,3}thu)[ \t]{1,3}[^\W_]{1,8}|(?i:trung[ \t]{1,3}uong)[ \t]{1,3}\d{1,2}(?!\d))"
    r"(?P<bch>[ \t]{0,3},?[ \t]{0,3}(?:(?i:cua)[ \t]{1,3})?(?=(?i:ban[ \t]chap[ \t]hanh|bch)\b))?"
)
_CENTRAL_COMMITTEE = "Ban Chấp hành Trung ương"


def parse_date(match: re.Match[str]) -> datetime.date | None:
    """The date named by a match of :data:`DATE_PATTERN`; ``None`` if impossible (30/02)."""
    day = match.group("d") or match.group("d2")
    month = match.group("m") or match.group("m2")
    year = match.group("y") or match.group("y2")
    if not (day and month and year):
        return None
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


# --------------------------------------------------------------------------- issuers

_KOA = re.compile(r"[ \t]{0,3}\(?[ \t]{0,2}(?i:khoa)[ \t]{1,3}(?P<term>[IVXLC]{1,7})\b\)?")
_JOINT_SECRETARIAT = re.compile(r",[ \t]{0,3}(?i:ban[ \t]bi[ \t]thu)\b")
_WORD = re.compile(r"[ \t]{0,3}(?P<w>[^\W_]+)")
_ISSUER_STOP = frozenset(
    "ve ngay quy huong tai theo da la cua nam thi voi trong de cho nham ky "
    "trien thuc giup duoc se yeu neu xac va hoac so tiep nhu quan".split()
)
_ABBREVIATIONS = {
    "BCH": "Ban Chấp hành",
    "TW": "Trung ương",
    "TƯ": "Trung ương",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "BTV": "Ban Thường vụ",
    "BTC": "Ban Tổ chức",
    "MTTQ": "Mặt trận Tổ quốc",
    "UBKT": "Ủy ban Kiểm tra",
    # Party usage; a state symbol's "BCT" is the Ministry of Industry and Trade, see
    # _read_tail.
    "BCT": "Bộ Chính trị",
    "BBT": "Ban Bí thư",
}
# Old and new tone placement: stored names use the new one ("Tỉnh ủy", "khóa").
_SPELLING = (("Uỷ", "Ủy"), ("uỷ", "ủy"), ("khoá", "khóa"), ("Khoá", "Khóa"))


_KIND_AT = re.compile(_KIND)


# Lower-case syllables that occur inside organisation names ("Ban Chấp hành", "Bộ Chính
# trị", "Tỉnh ủy"); any other lower-case word ends the name ("… Trung ương Đảng tổng hợp").
_NAME_SYLLABLES = frozenset(
    "hanh tri thu chuc uong vu uy phu tuong giao van tra phong hoi dan nhan tich dong "
    "quoc noi duc tao chinh tin thong te ngoai sat an phap tu khoa hoc nghe truong xa "
    "chien binh nien nu tinh thanh huyen pho thi quan ban bo lao nghiep mai vien lien "
    "doan dao truc kiem ke hoach dau cong nong thuong luc tai nguyen moi y gia dinh su "
    "the thao du lich dung xay lanh hai ky dang chap tuyen nhan tran".split()
)


_PLACE_WORDS = frozenset({"tinh", "huyen", "xa", "quan", "phuong"})
# Levels written in two syllables: "Đảng bộ thành phố", "Ủy ban nhân dân thị xã".
_TWO_WORD_PLACES = {"thanh": frozenset({"pho"}), "thi": frozenset({"xa", "tran"})}
# ... only after "Đảng bộ", "nhân dân" and "Đảng ủy" ("Đảng ủy xã Cẩm Bình"): "Bộ Chính
# trị huyện đã …" is two clauses.
_BEFORE_PLACE = frozenset({"bo", "dan", "ubnd", "hdnd", "uy", "su", "hoi"})
# Pairs of lower-case syllables inside a name, after the word that opens them: "Ủy ban
# nhân dân", "Hội đồng nhân dân", "Đoàn đại biểu Quốc hội".
_LOWER_PAIRS = {("nhan", "dan"): frozenset({"ban", "dong"}), ("dai", "bieu"): frozenset({"doan"})}
# Lower-case words that fold like a name syllable ("tài", "giáo") but end a name: "của
# Thường trực Huyện ủy Mỏ Cày Nam tại buổi làm việc", "… Tỉnh ủy giao Sở …".
_LOWER_STOPS = frozenset({"tại", "giao"})
# "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh": the sectors a bloc committee covers.
_BLOC = re.compile(
    r"(?i:(?:cac[ \t]{1,3})?(?:co[ \t]{1,3}quan|doanh[ \t]{1,3}nghiep)"
    r"(?:[ \t]{0,3}(?:,|va)[ \t]{0,3}(?:cac[ \t]{1,3})?(?:co[ \t]{1,3}quan|doanh[ \t]{1,3}nghiep))*)"
)
# "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh", "Ban Chỉ đạo Chương trình mục
# tiêu quốc gia … vùng đồng bào dân tộc thiểu số và miền núi tỉnh Lai Châu": a steering
# committee's remit, in lower case and with commas, runs to the level it works at.
_STEERING = re.compile(r"(?i:ban[ \t]{1,3}chi[ \t]{1,3}dao)$")
_REMIT_WORD = re.compile(r"[ \t]{0,3}(?:[,\-–][ \t]{0,3})?(?P<w>[^\W\d_]+)")
_REMIT_LEVELS = frozenset({"tỉnh", "huyện", "quận", "xã", "phường", "thành phố", "thị xã"})
_REMIT_STOPS = frozenset(
    "về ngày nhằm theo của đã được tại trên để gửi với cho đến là thì sẽ vừa đang chỉ yêu "
    "đề giao kiểm họp làm tổ ban".split()
)
_MOST_REMIT_WORDS = 30
_REMIT_CITED = re.compile(r"[ \t]{0,3}(?:(?i:so)\b|\d)")


def _remit_end(text: str, shade: str, pos: int) -> int | None:
    """End of the level word that closes a steering committee's remit starting at
    ``pos``, or None when a verb, a date or a clause mark comes first."""
    end = pos
    previous = ""
    for _ in range(_MOST_REMIT_WORDS):
        match = _REMIT_WORD.match(shade, end)
        if match is None:
            return None
        word = text[match.start("w") : match.end("w")]
        lower = word.lower()
        # A cited document ends the remit; a kind without a number is part of it ("Ban Chỉ
        # đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh").
        kind = _KIND_AT.match(shade, match.start("w"))
        if lower in _REMIT_STOPS or (kind and _REMIT_CITED.match(shade, kind.end())):
            return None
        society = lower == "xã" and shade[match.end("w") : match.end("w") + 4].lower() == " hoi"
        if not society and (lower in _REMIT_LEVELS or f"{previous} {lower}" in _REMIT_LEVELS):
            return match.end("w")
        if lower == "trung" and shade[match.end("w") : match.end("w") + 5].lower() == " uong":
            return match.end("w") + 5
        previous = lower
        end = match.end("w")
    return None


# "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam" has thirteen.
_MOST_NAME_WORDS = 16


def _issuer_end(text: str, shade: str, pos: int) -> int:
    """End of an organisation name starting at ``pos``: capitalised words, each allowed
    one known lower-case syllable after it ("Ban Chấp hành Trung ương Đảng")."""
    end = pos
    previous_capital = False
    previous_folded = ""
    count = 0
    while count < _MOST_NAME_WORDS:
        match = _WORD.match(shade, end)
        if match is None:
            break
        word_start = match.start("w")
        original = text[word_start : match.end("w")]
        folded = match.group("w").lower()
        if (
            count > 0
            and _STEERING.search(shade, pos, end)
            and (remit := _remit_end(text, shade, end)) is not None
        ):
            end, previous_capital, previous_folded = remit, True, "bo"
            count += 2
            continue
        if folded == "va":
            if count == 0 or not _capital_follows(text, shade, match):
                break
        elif _KIND_AT.match(shade, word_start):
            break
        elif original.isupper() and len(original) > 1:
            if folded in _ISSUER_STOP:
                break
        elif original[:1].isupper():
            pass
        elif original in _LOWER_STOPS:
            break
        elif previous_folded == "khoi" and (bloc := _BLOC.match(shade, word_start)):
            # "Đảng ủy Khối các cơ quan tỉnh": the place level may follow.
            end, previous_capital, previous_folded = bloc.end(), True, "bo"
            count += 2
            continue
        elif folded in ("thi", "ban") and _next_is(shade, match, "hanh"):
            # "… Trung ương Đảng thi hành Điều lệ Đảng", "… do Ban Tổ chức Tỉnh ủy Hà Giang
            # ban hành": the verbs "thi hành" and "ban hành" (in lower case) end the name.
            break
        elif (
            (pair := next((p for p in _LOWER_PAIRS if p[0] == folded), None)) is not None
            and previous_folded in _LOWER_PAIRS[pair]
            and _next_is(shade, match, pair[1])
        ):
            # "Ủy ban nhân dân", "Đoàn đại biểu": two lower-case syllables in a row.
            end = _WORD.match(shade, match.end("w")).end("w")  # type: ignore[union-attr]
            previous_capital, previous_folded = True, pair[1]
            count += 2
            continue
        elif (
            folded in _TWO_WORD_PLACES
            and previous_folded in _BEFORE_PLACE
            and (second := _WORD.match(shade, match.end("w"))) is not None
            and second.group("w").lower() in _TWO_WORD_PLACES[folded]
            and not text[second.start("w")].isupper()
        ):
            previous_capital, previous_folded = True, "pho"
            end = second.end("w")
            count += 2
            continue
        elif folded in _PLACE_WORDS and previous_folded in _BEFORE_PLACE:
            # "Ban Chấp hành Đảng bộ tỉnh", "Ủy ban nhân dân huyện": the level of
            # government ends a name, or leads to the place's own name.
            previous_capital = True
            end = match.end("w")
            count += 1
            previous_folded = folded
            continue
        elif count == 0 or not previous_capital or folded not in _NAME_SYLLABLES:
            break
        end = match.end("w")
        previous_capital = original[:1].isupper()
        previous_folded = folded
        count += 1
    return end


def organisation_end(text: str, shade: str, pos: int) -> int:
    """Where the name of a body that starts at ``pos`` ends (``pos`` when none starts
    there); ``shade`` is ``shadow(text)``."""
    return _issuer_end(text, shade, pos)


def _next_is(shade: str, match: re.Match[str], folded: str) -> bool:
    nxt = _WORD.match(shade, match.end("w"))
    return nxt is not None and nxt.group("w").lower() == folded


def _capital_follows(text: str, shade: str, match: re.Match[str]) -> bool:
    nxt = _WORD.match(shade, match.end("w"))
    if nxt is None or _KIND_AT.match(shade, nxt.start("w")):
        return False
    return text[nxt.start("w") : nxt.start("w") + 1].isupper()


# Usual spelling of the bodies that issue most documents, by folded name: it fixes the
# case of headlines in capitals and the many ways of writing the Central Committee.
_KNOWN_ISSUERS = {
    shadow(name).lower(): name
    for name in (
        "Bộ Chính trị",
        "Ban Bí thư",
        "Ban Chấp hành Trung ương",
        "Ban Chấp hành Trung ương Đảng",
        "Ban Tổ chức Trung ương",
        "Ban Tuyên giáo Trung ương",
        "Ban Dân vận Trung ương",
        "Ban Nội chính Trung ương",
        "Ban Kinh tế Trung ương",
        "Ban Đối ngoại Trung ương",
        "Ủy ban Kiểm tra Trung ương",
        "Văn phòng Trung ương Đảng",
        "Chính phủ",
        "Thủ tướng Chính phủ",
        "Văn phòng Chính phủ",
        "Quốc hội",
        "Ủy ban Thường vụ Quốc hội",
        "Ban Thường vụ Tỉnh ủy",
        "Ban Thường vụ Thành ủy",
        "Ban Thường vụ Huyện ủy",
        "Ban Tổ chức Tỉnh ủy",
        "Tỉnh ủy",
        "Thành ủy",
        "Huyện ủy",
        "Bộ Nội vụ",
    )
}
_KNOWN_ISSUERS["trung uong"] = "Ban Chấp hành Trung ương"
_KNOWN_ISSUERS["ban bi thu trung uong"] = "Ban Bí thư"
_KNOWN_ISSUERS["ban bi thu trung uong dang"] = "Ban Bí thư"
_KNOWN_ISSUERS["trung uong dang"] = "Ban Chấp hành Trung ương Đảng"


def _canonical_issuer(raw: str) -> str:
    words = [_ABBREVIATIONS.get(word, word) for word in raw.split()]
    name = " ".join(words)
    for old, new in _SPELLING:
        name = name.replace(old, new)
    term = re.search(r"\s+(?i:khóa)\s+([IVXLC]+)$", name)
    suffix = f" khóa {term.group(1)}" if term else ""
    base = name[: term.start()] if term else name
    known = _KNOWN_ISSUERS.get(shadow(base).lower())
    if known is not None:
        return known + suffix
    if base.isupper():
        base = " ".join(word.capitalize() for word in base.split())
    return base + suffix


# "liên Bộ Tài nguyên và Môi trường - Bộ Nội vụ", "Liên bộ Tài chính - Nội vụ": the
# bodies that issue a joint document, joined by a spaced dash.
_JOINT_LEAD = re.compile(r"(?i:lien)[ \t]{1,3}(?=B)")
_JOINT_DASH = re.compile(r"[ \t]{1,3}-[ \t]{1,3}(?=[A-Z])")
# "của Ủy ban Thường vụ Quốc hội, Chính phủ, Đoàn Chủ tịch …": a joint document lists its
# bodies with commas; an item counts only when the list or the citation goes on after it
# ("…, Sở Tài chính đã hướng dẫn" is the next clause, not an issuer).
_JOINT_COMMA = re.compile(r"[ \t]{0,3},[ \t]{0,3}(?=[A-Z])")
_JOINT_ITEM_END = re.compile(
    r"[ \t]{0,3}(?:[,;.)]|$|[ \t]-[ \t]|(?i:va|ve|quy[ \t]dinh|huong[ \t]dan|ban[ \t]hanh|ngay)\b)"
)


# No joint document has more bodies than this.
_MOST_JOINT_BODIES = 8


def _joint_end(text: str, shade: str, end: int, commas: bool) -> int:
    """Where the list of issuing bodies that starts before ``end`` stops."""
    for _ in range(_MOST_JOINT_BODIES):
        joint = _JOINT_DASH.match(shade, end) or (
            _JOINT_COMMA.match(shade, end) if commas else None
        )
        if joint is None:
            return end
        item_end = _issuer_end(text, shade, joint.end())
        if item_end == joint.end() or _JOINT_ITEM_END.match(shade, item_end) is None:
            return end
        end = item_end
    return end


def _read_issuer(
    text: str, shade: str, pos: int, joint_kind: bool = False
) -> tuple[str | None, int]:
    """The issuer named at ``pos`` and where it ends; ``joint_kind`` for a "liên tịch"
    document, whose bodies may be listed with commas."""
    lead = _JOINT_LEAD.match(shade, pos)
    first = lead.end() if lead else pos
    end = _issuer_end(text, shade, first)
    if end == first:
        return None, pos
    if joint_kind or lead or shadow(text[pos : pos + 7]).lower() == "lien bo":
        end = _joint_end(text, shade, end, commas=joint_kind)
    name = _canonical_issuer(text[pos:end])
    joint = _JOINT_SECRETARIAT.match(shade, end)
    if joint and name == "Bộ Chính trị":
        name, end = "Bộ Chính trị, Ban Bí thư", joint.end()
    term = _KOA.match(shade, end)
    if term and " khóa " not in name:
        name, end = f"{name} khóa {term.group('term')}", term.end()
    years = _TERM_YEARS.match(shade, end) if " khóa " in name else None
    if years is not None:
        span = " ".join(text[years.start("years") : years.end("years")].split())
        name, end = f"{name}, nhiệm kỳ {span}", years.end()
    return name, end


# "… khóa XVII, nhiệm kỳ 2020 - 2025": the years of the term named after its number.
_TERM_YEARS = re.compile(
    r"[ \t]{0,3},?[ \t]{0,3}(?i:nhiem[ \t]{1,3}ky)[ \t]{1,3}"
    r"(?P<years>(?:19|20)\d\d[ \t]{0,3}[-–][ \t]{0,3}(?:19|20)\d\d)(?!\d)"
)


# --------------------------------------------------------------------------- subjects

_SUBJECT_START = re.compile(
    r"[ \t]{0,3},?[ \t]{0,3}(?P<lead>(?i:ve|quy[ \t]dinh|huong[ \t]dan|ban[ \t]hanh)\b|[“\"])"
)
_CLAUSE_END = re.compile(r";|\.(?:\s|$)|\n|…|\.\.\.")


def _read_subject(text: str, shade: str, pos: int, limit: int) -> str | None:
    match = _SUBJECT_START.match(shade, pos)
    if match is None:
        return None
    start = match.start("lead")
    if match.group("lead") in '“"':
        closing = text.find("”" if match.group("lead") == "“" else '"', start + 1, limit)
        stop = closing if closing > 0 else limit
        start += 1
    else:
        end = _CLAUSE_END.search(text, start, limit)
        stop = end.start() if end else limit
    subject = text[start:stop].strip(' \t,:()“”"')
    return subject or None


# --------------------------------------------------------------------------- the scan


@dataclass
class _Mention:
    kind: str
    number: str
    symbol: str | None
    start: int
    head_end: int
    issued_on: datetime.date | None = None
    issuer: str | None = None
    end: int = 0
    subject: str | None = None
    inherited_issuer: bool = False
    same_date: bool = False
    partial_date: tuple[int, int] | None = None
    siblings: list[_Mention] = dataclasses.field(default_factory=list)


def _kind_from_word(shade: str, match: re.Match[str], group: str) -> str:
    key = " ".join(shade[match.start(group) : match.end(group)].lower().split())
    return _KIND_NAMES[key]


def _kind_from_symbol(symbol_shade: str) -> str:
    compact = symbol_shade.replace(" ", "")
    party = re.match(r"\d+-", compact) is not None
    codes = re.findall(r"[A-Za-z][A-Za-z0-9]*", compact)
    first = re.sub(r"\d+$", "", codes[0].upper()) if codes else ""
    if first == "QD":
        return "Quy định" if party else "Quyết định"
    if first == "TT":
        return "Thông tri" if party else "Thông tư"
    return _CODE_KINDS.get(first, "Văn bản")


def _trim_glued_caps(shade: str, start: int, end: int) -> int:
    """'96-QĐ/TWNGÀY' in capitals: the glued word cannot be told by case, so by spelling."""
    for word in _GLUED_CAPS_WORDS:
        tail = shade[start:end]
        if tail.endswith(word) and len(tail.rsplit("/", 1)[-1]) > len(word) + 1:
            return end - len(word)
    return end


def _is_number_reference(text: str, shade: str, match: re.Match[str], kind: str) -> bool:
    has_so = re.search(r"(?i:so)", shade[match.end("kind2") : match.start("num")]) is not None
    if kind in _WEAK_KINDS and not has_so and not text[match.start("kind2")].isupper():
        return False
    return _number_stands_alone(shade, match.end("num"))


def _number_stands_alone(shade: str, pos: int) -> bool:
    if shade[pos : pos + 1] == "%":
        return False
    nxt = _NEXT_WORD.match(shade, pos)
    if nxt is None or not nxt.group("word").islower():
        return True
    word = nxt.group("word")
    if word == "nam" and nxt.group("rest"):
        return True
    if word == "ngay" and re.match(r"[ \t]{0,3}ngay[ \t]{0,3}\d", shade[pos : pos + 12]):
        return True
    return word not in _NOT_A_DOCUMENT_AFTER


def _read_tail(text: str, shade: str, mention: _Mention, pos: int) -> int:
    """Date and issuer after the number, in either order: returns where they end."""
    for _ in range(2):
        date = _TAIL_DATE.match(shade, pos)
        if date and mention.issued_on is None:
            mention.issued_on = parse_date(date)
            mention.same_date = date.group("same") is not None
            pos = date.end()
            continue
        partial = _TAIL_PARTIAL_DATE.match(shade, pos)
        if partial and mention.issued_on is None and mention.partial_date is None:
            day = partial.group("pd") or partial.group("pd2")
            month = partial.group("pm") or partial.group("pm2")
            mention.partial_date = (int(day), int(month))
            pos = partial.end()
            continue
        plenum = _TAIL_PLENUM.match(shade, pos)
        if plenum and mention.issuer is None:
            mention.issuer, pos = _plenum_issuer(text, shade, plenum)
            continue
        by = _TAIL_BY.match(shade, pos)
        if by and mention.issuer is None:
            name, end = _read_issuer(text, shade, by.end())
            issued = _ISSUED_VERB.match(shade, end) if name is not None else None
            if issued is not None:
                mention.issuer, pos = name, issued.end()
                continue
        issuer = _TAIL_ISSUER.match(shade, pos)
        if issuer and mention.issuer is None:
            joint = "liên tịch" in mention.kind
            name, end = _read_issuer(text, shade, issuer.end(), joint)
            if name is None:
                break
            if text[issuer.end() : end].strip() == "BCT" and _is_state_symbol(mention.symbol):
                name = "Bộ Công Thương"
            mention.issuer, pos = name, end
            continue
        break
    return pos


def _plenum_issuer(text: str, shade: str, plenum: re.Match[str]) -> tuple[str, int]:
    if plenum.group("bch") is not None:
        name, end = _read_issuer(text, shade, plenum.end())
        if name is not None:
            return name, end
    term = _KOA.match(shade, plenum.end())
    if term is not None:
        return f"{_CENTRAL_COMMITTEE} khóa {term.group('term')}", term.end()
    return _CENTRAL_COMMITTEE, plenum.end()


def _list_numbers(shade: str, mention: _Mention, pos: int) -> int:
    """Sibling numbers after a number-only reference ("Nghị quyết số 18, 19 và 20")."""
    while True:
        match = _LIST_NUMBER.match(shade, pos)
        if match is None or not _number_stands_alone(shade, match.end("num")):
            return pos
        sibling = _Mention(
            kind=mention.kind,
            number=match.group("num"),
            symbol=None,
            start=match.start("num"),
            head_end=match.end("num"),
            end=match.end("num"),
        )
        mention.siblings.append(sibling)
        pos = match.end()


# "các Nghị quyết số 18, 19-NQ/TW", "số 27, 28 và 29-NQ/TW": the numbers share the code.
_SHARED_SUFFIX = re.compile(
    r"[ \t]{0,3}(?:,|(?i:va)\b)[ \t]{0,3}(?P<num>\d{1,5})"
    rf"(?P<suffix>[ \t]{{0,2}}-[ \t]{{0,2}}{_CODE}(?:[ \t]{{0,2}}/[ \t]{{0,2}}{_CODE})+(?:-{_CODE})*)"
)


def _shared_suffix(text: str, shade: str, mention: _Mention, pos: int) -> int:
    """Give a list of bare numbers the code written once after its last number."""
    match = _SHARED_SUFFIX.match(shade, pos)
    if match is None:
        return pos
    end = _trim_glued_caps(shade, match.start("suffix"), match.end("suffix"))
    suffix = _plain_dashes(re.sub(r"\s+", "", text[match.start("suffix") : end]))
    last = _Mention(
        kind=mention.kind,
        number=match.group("num"),
        symbol=None,
        start=match.start("num"),
        head_end=end,
        end=end,
    )
    mention.siblings.append(last)
    for item in (mention, *mention.siblings):
        item.symbol = item.number + suffix
    return end


_SEPARATOR_GAP = re.compile(r"[\s,;]*(?:(?i:va|so)\b[\s:]*)*$")


def _scan(text: str, shade: str) -> list[_Mention]:
    mentions: list[_Mention] = []
    pos = 0
    previous: _Mention | None = None
    while True:
        match = _HEAD.search(shade, pos)
        if match is None:
            break
        mention = _mention_from_head(text, shade, match, previous)
        if mention is None:
            pos = match.end()
            continue
        after = mention.head_end
        shares_code = False
        if mention.symbol is None:
            after = _list_numbers(shade, mention, after)
            listed = len(mention.siblings)
            after = _shared_suffix(text, shade, mention, after)
            shares_code = len(mention.siblings) > listed
        after = _read_tail(text, shade, mention, after)
        mention.end = after
        for sibling in mention.siblings:
            sibling.issuer = mention.issuer
            if shares_code:
                sibling.issued_on = mention.issued_on
                sibling.partial_date = mention.partial_date
        mentions.append(mention)
        mentions.extend(mention.siblings)
        previous = mention
        pos = max(after, match.end())
    return mentions


def _mention_from_head(
    text: str, shade: str, match: re.Match[str], previous: _Mention | None
) -> _Mention | None:
    if match.group("sym") is not None:
        sym_end = _trim_glued_caps(shade, match.start("sym"), match.end("sym"))
        symbol = _plain_dashes(re.sub(r"\s+", "", text[match.start("sym") : sym_end]))
        if match.group("kind") is not None:
            kind = _kind_from_word(shade, match, "kind")
            start = match.start("kind")
        elif previous is not None and _SEPARATOR_GAP.match(shade[previous.end : match.start()]):
            kind, start = previous.kind, match.start("sym")
        else:
            kind, start = _kind_from_symbol(shade[match.start("sym") : sym_end]), match.start("sym")
        number = re.match(r"\d+", symbol)
        return _Mention(kind, number.group() if number else symbol, symbol, start, sym_end)
    if match.group("short") is not None:
        if not _number_stands_alone(shade, match.end("snum")):
            return None
        kind = _SHORT_KINDS[match.group("short")]
        return _Mention(kind, match.group("snum"), None, match.start("short"), match.end("snum"))
    kind = _kind_from_word(shade, match, "kind2")
    if not _is_number_reference(text, shade, match, kind):
        return None
    return _Mention(kind, match.group("num"), None, match.start("kind2"), match.end("num"))


# --------------------------------------------------------------------------- merging


_KIND_FAMILIES = ({"Thông báo kết luận", "Kết luận", "Thông báo"},)


def _kinds_compatible(a: str, b: str) -> bool:
    return a == b or any(a in family and b in family for family in _KIND_FAMILIES)


def _numbers_equal(a: str, b: str) -> bool:
    if a.isdigit() and b.isdigit():
        return int(a) == int(b)
    return a == b


def _same_document(a: Citation, b: Citation) -> bool:
    if a.issued_on and b.issued_on and a.issued_on != b.issued_on:
        return False
    if a.symbol and b.symbol:
        return a.symbol.casefold() == b.symbol.casefold()
    return _numbers_equal(a.number, b.number) and _kinds_compatible(a.kind, b.kind)


def _merge(first: Citation, later: Citation) -> Citation:
    richer = later if later.symbol and not first.symbol else first
    return dataclasses.replace(
        richer,
        kind=first.kind,
        symbol=first.symbol or later.symbol,
        issued_on=first.issued_on or later.issued_on,
        issuer=first.issuer or later.issuer,
        subject=first.subject or later.subject,
    )


def _to_citation(text: str, shade: str, mention: _Mention, limit: int) -> Citation:
    subject = _read_subject(text, shade, mention.end, limit)
    start, end = mention.start, mention.end
    while start < end and text[start] in _LOOSE_ENDS:
        start += 1
    while end > start and text[end - 1] in _LOOSE_ENDS:
        end -= 1
    # A closing bracket belongs to the citation only when it opened inside it.
    if text[end - 1 : end] == ")" and text.count("(", start, end) < text.count(")", start, end):
        end -= 1
    return Citation(
        kind=mention.kind,
        number=mention.number,
        symbol=mention.symbol,
        issued_on=mention.issued_on,
        issuer=mention.issuer,
        subject=subject,
        text=text[start:end],
        start=start,
        end=end,
    )


_LOOSE_ENDS = frozenset(" \t,(")


_SHARED_TAIL_GAP = re.compile(
    r"[ \t]{0,3}(?:,|(?i:va)\b)?[ \t]{0,3}(?:(?i:so)\b[ \t]{0,3}:?[ \t]{0,3})?$"
)


def _issuing_code(symbol: str | None) -> str | None:
    """The last code of a symbol names the issuing level: "TW", "TU", "CP", "BNV"."""
    return re.split(r"[/-]", symbol)[-1].casefold() if symbol else None


def _is_state_symbol(symbol: str | None) -> bool:
    return symbol is not None and re.match(r"\d+/", symbol) is not None


def _share_issuers(shade: str, mentions: list[_Mention]) -> None:
    """'Quy định số 70 và Quyết định số 71 của Bộ Chính trị': one issuer for the list.

    An item with its own date shares the issuer only when both symbols end in the same
    code ('50-QĐ/TW ngày … và 80-QĐ/TW ngày … của Bộ Chính trị'); 'cùng ngày' shares
    the date as well.
    """
    for index in range(len(mentions) - 2, -1, -1):
        here, after = mentions[index], mentions[index + 1]
        if not _SHARED_TAIL_GAP.match(shade[here.end : after.start]):
            continue
        if (after.same_date and here.issued_on is None) or _issued_together(here, after):
            here.issued_on, here.same_date = after.issued_on, True
        if here.issuer is not None or after.issuer is None:
            continue
        code = _issuing_code(here.symbol)
        if _is_state_symbol(here.symbol) and _is_state_symbol(after.symbol):
            # A state symbol names its issuer ("…/QH12" the National Assembly, "…/NĐ-CP"
            # the Government): a different code is a different issuer, dated or not.
            if code != _issuing_code(after.symbol):
                continue
        if (
            here.issued_on is None
            or here.same_date
            or (code is not None and code == _issuing_code(after.symbol))
        ):
            here.issuer = after.issuer


# "Nghị quyết 79 về phát triển kinh tế nhà nước và Nghị quyết 80 về phát triển văn hóa
# Việt Nam của Bộ Chính trị": a central body named at the end of the subject issued the
# document, and the others listed before it with their subjects. Only these bodies: "…
# về thực hiện các chủ trương của Tỉnh ủy" more often names whose policy it is.
_CENTRAL_ISSUERS = frozenset(
    {
        "Bộ Chính trị",
        "Ban Bí thư",
        "Bộ Chính trị, Ban Bí thư",
        "Ban Chấp hành Trung ương",
        "Ban Chấp hành Trung ương Đảng",
        "Chính phủ",
        "Quốc hội",
    }
)
_SUBJECT_LEAD = re.compile(r"[ \t]{0,3},?[ \t]{0,3}(?i:ve)[ \t]")
_OF_WORD = re.compile(r"[ \t]{1,3}(?i:cua)[ \t]{1,3}")
_LISTED_WITH_SUBJECT = re.compile(
    r"[ \t]{0,3},?[ \t]{0,3}(?i:ve)[ \t][^.;\n]{0,200}?(?:,|\b(?i:va)\b)[ \t]{0,3}$"
)


def _issuers_closing_subjects(text: str, shade: str, mentions: list[_Mention]) -> None:
    for index, mention in enumerate(mentions):
        if mention.issuer is not None:
            continue
        lead = _SUBJECT_LEAD.match(shade, mention.end)
        if lead is None:
            continue
        limit = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
        clause = _CLAUSE_END.search(text, lead.end(), limit)
        stop = clause.start() if clause else limit
        of = max(_OF_WORD.finditer(shade, lead.end(), stop), key=lambda m: m.start(), default=None)
        if of is None or _KIND_AT.search(shade, lead.end(), of.start()):
            continue
        name, end = _read_issuer(text, shade, of.end())
        if name is None or text[end:stop].strip(" \t,)"):
            continue
        if name.split(" khóa ")[0] not in _CENTRAL_ISSUERS:
            continue
        mention.issuer = name
        for before, after in itertools.pairwise(reversed(mentions[: index + 1])):
            # ``after`` precedes ``before`` here: walking back along the list.
            gap = shade[after.end : before.start]
            if after.issuer is not None or after.kind != mention.kind:
                break
            if not _LISTED_WITH_SUBJECT.match(gap) or _KIND_AT.search(gap):
                break
            after.issuer = name


def _issued_together(here: _Mention, after: _Mention) -> bool:
    """'Nghị quyết số 18-NQ/TW, Nghị quyết số 19-NQ/TW ngày 25/10/2017': documents of one
    kind and one code whose numbers follow each other were issued together, so the date
    written once after the last is theirs too ("Chỉ thị số 05-CT/TW và Kết luận số
    01-KL/TW ngày …" dates the conclusion alone)."""
    if here.issued_on is not None or here.partial_date is not None or here.issuer is not None:
        return False
    if after.issued_on is None or here.kind != after.kind or not (here.symbol and after.symbol):
        return False
    if _issuing_code(here.symbol) != _issuing_code(after.symbol):
        return False
    first, second = re.match(r"\d+", here.symbol), re.match(r"\d+", after.symbol)
    if first is None or second is None:
        return False
    return 0 < abs(int(second.group()) - int(first.group())) <= 2


# "4 nghị quyết của Bộ Chính trị, gồm: Nghị quyết số 59-NQ/TW …, Nghị quyết số 70-NQ/TW …":
# the heading names the issuer of every document of its kind listed after the colon.
_HEADING = re.compile(
    r"(?<![\w])(?:(?i:cac|nhung|\d{1,2})[ \t]{1,3})(?P<kind>"
    + _kind_pattern()
    + r")[ \t]{1,3}(?i:cua)[ \t]{1,3}",
    re.IGNORECASE,
)
_HEADING_END = re.compile(
    r"[ \t]{0,3},?[ \t]{0,3}(?:(?i:gom|bao[ \t]gom|sau[ \t]day|sau)[ \t]{0,3})?:"
)
_LIST_END = re.compile(r"\.(?:\s|$)|\n")
# A list runs to the end of its sentence, and no sentence is longer than this.
_LIST_REACH = 3000


def _issuers_from_heading(text: str, shade: str, mentions: list[_Mention]) -> None:
    starts = [mention.start for mention in mentions]
    sentence_ends: list[int] | None = None
    for heading in _HEADING.finditer(shade):
        kind = _KIND_NAMES[" ".join(heading.group("kind").lower().split())]
        issuer, end = _read_issuer(text, shade, heading.end())
        colon = _HEADING_END.match(shade, end) if issuer is not None else None
        if colon is None:
            continue
        if sentence_ends is None:
            sentence_ends = [stop.start() for stop in _LIST_END.finditer(shade)]
        after = bisect.bisect_left(sentence_ends, colon.end())
        limit = min(len(shade), colon.end() + _LIST_REACH)
        if after < len(sentence_ends):
            limit = min(limit, sentence_ends[after])
        index = bisect.bisect_left(starts, colon.end())
        while index < len(mentions) and mentions[index].start < limit:
            mention = mentions[index]
            if mention.issuer is None and mention.kind == kind:
                mention.issuer = issuer
            index += 1


# "Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII (Nghị quyết số
# 44-NQ/TW …)": the plenum is named before the bracket that holds the number.
_KIND_THEN_PLENUM_GAP = 160


def _issuers_from_plenum_before(text: str, shade: str, mentions: list[_Mention]) -> None:
    for mention in mentions:
        if mention.issuer is not None:
            continue
        bracket = re.search(r"\([ \t]{0,3}$", shade[max(0, mention.start - 4) : mention.start])
        if bracket is None:
            continue
        paren = mention.start - 4 + bracket.start() if mention.start >= 4 else bracket.start()
        window_start = max(0, paren - _KIND_THEN_PLENUM_GAP)
        for kind in reversed(list(_KIND_AT.finditer(shade, window_start, paren))):
            if _kind_from_word(shade, kind, "kind") != mention.kind:
                continue
            plenum = _TAIL_PLENUM.match(shade, kind.end())
            if plenum is None:
                continue
            issuer, end = _plenum_issuer(text, shade, plenum)
            if not shade[end:paren].strip():
                mention.issuer = issuer
            break


# Years that date the text itself, for a "ngày 24/1" without one: "năm 2025" and full
# dates outside any citation, except the end of a span ("đến năm 2030").
_TEXT_YEAR = re.compile(
    rf"(?<![\w])(?:{DATE_PATTERN}|(?<!(?i:den|toi) )(?i:nam)[ \t]{{1,3}}(?P<year>\d{{4}})(?!\d))"
)
_SYMBOL_YEAR = re.compile(r"/(?P<year>\d{4})/")


def _years_of_partial_dates(shade: str, mentions: list[_Mention]) -> None:
    partial = [m for m in mentions if m.partial_date is not None and m.issued_on is None]
    if not partial:
        return
    starts = [mention.start for mention in mentions]
    references: list[tuple[int, int, datetime.date | None]] = []
    for match in _TEXT_YEAR.finditer(shade):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and match.start() < mentions[index].end:
            continue
        full = parse_date(match) if match.group("year") is None else None
        year = full.year if full else int(match.group("year") or 0)
        if year:
            references.append((match.start(), year, full))
    positions = [position for position, _, _ in references]
    for mention in partial:
        day, month = mention.partial_date  # type: ignore[misc]
        symbol_year = _SYMBOL_YEAR.search(mention.symbol or "")
        if symbol_year is not None:
            mention.issued_on = _date_or_none(int(symbol_year.group("year")), month, day)
            continue
        index = bisect.bisect_left(positions, mention.start) - 1
        if index < 0:
            # Nothing dates the text before the citation: the first year after it does
            # ("Kế hoạch số 96-KH/TU ngày 1/3 … trong năm 2023").
            index = bisect.bisect_left(positions, mention.start)
            if index >= len(references):
                continue
        _, year, full = references[index]
        issued = _date_or_none(year, month, day)
        if issued is not None and full is not None and issued > full:
            issued = _date_or_none(year - 1, month, day)
        mention.issued_on = issued


# "Luật … số 15/2023/QH15 được Quốc hội thông qua ngày 9/1/2023", "Nghị quyết số 35-NQ/TW
# về … được Bộ Chính trị ban hành ngày 22/10/2018": the date given later in the clause.
# (A date before "X ban hành Nghị quyết …" is not read: like the issuer named there, it is
# left to the clerk, as the labelled corpus does.)
_ISSUED_LATER = re.compile(
    r"(?<![\w])(?i:duoc|do)[ \t]{1,3}[A-Z][^\W\d_]*(?:[ \t]{1,3}[^\W\d_]+){0,8}?[ \t]{1,3}"
    r"(?:(?i:ky)[ \t]{1,3})?(?i:ban[ \t]{1,3}hanh|thong[ \t]{1,3}qua)[ \t]{1,3}"
    rf"(?:(?i:vao)[ \t]{{1,3}})?{DATE_PATTERN}"
)
_CLAUSE_STOP = re.compile(r"[;\n]|\.(?:\s|$)")
_ISSUED_REACH = 300


def _dates_around(shade: str, mentions: list[_Mention]) -> None:
    for index, mention in enumerate(mentions):
        if mention.issued_on is not None or mention.partial_date is not None:
            continue
        following = mentions[index + 1].start if index + 1 < len(mentions) else len(shade)
        limit = min(following, mention.end + _ISSUED_REACH)
        stop = _CLAUSE_STOP.search(shade, mention.end, limit)
        later = _ISSUED_LATER.search(shade, mention.end, stop.start() if stop else limit)
        if later is not None:
            mention.issued_on = parse_date(later)


def _date_or_none(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def find_mentions(text: str) -> list[Citation]:
    """Every place a document is cited, in order, repeats included (for highlighting)."""
    text = nfc(text)
    shade = shadow(text)
    mentions = sorted(_scan(text, shade), key=lambda m: m.start)
    _share_issuers(shade, mentions)
    _issuers_closing_subjects(text, shade, mentions)
    _issuers_from_heading(text, shade, mentions)
    _issuers_from_plenum_before(text, shade, mentions)
    _years_of_partial_dates(shade, mentions)
    _dates_around(shade, mentions)
    citations: list[Citation] = []
    for index, mention in enumerate(mentions):
        following = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
        limit = max(following, mention.end)
        citations.append(_to_citation(text, shade, mention, limit))
    return citations


def find_citations(text: str) -> list[Citation]:
    """Every document cited in ``text``, once each, in order of first mention.

    A later mention of the same document ("Quy định 96" after "Quy định số 96-QĐ/TW")
    adds what the first lacked (date, issuer, symbol) but is not listed again.
    """
    return documents_of(find_mentions(text))


def _number_key(number: str) -> str:
    return str(int(number)) if number.isdigit() else number


def documents_of(mentions: list[Citation]) -> list[Citation]:
    """The documents named by ``mentions`` (from :func:`find_mentions`), once each."""
    documents: list[Citation] = []
    # Two mentions can only be one document when their numbers agree, so each mention is
    # compared with the documents of its own number, not with every document so far.
    by_number: dict[str, list[int]] = {}
    for mention in mentions:
        indices = by_number.setdefault(_number_key(mention.number), [])
        for index in indices:
            if _same_document(documents[index], mention):
                documents[index] = _merge(documents[index], mention)
                break
        else:
            indices.append(len(documents))
            documents.append(mention)
    return documents
