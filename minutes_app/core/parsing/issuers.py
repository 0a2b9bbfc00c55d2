"""The bodies that issue documents: where an organisation's name ends in running text, and
the usual spelling of the name ("BCH TW" → "Ban Chấp hành Trung ương", terms, joint
bodies, plenums)."""

from __future__ import annotations

import re

from minutes_app.core.parsing.document_kinds import KIND_AT
from minutes_app.core.parsing.shadow import shadow

# A resolution of a plenum ("Hội nghị Trung ương 6", "Hội nghị lần thứ năm Ban Chấp hành
# Trung ương Đảng khóa XIII") is issued by the Central Committee.
TAIL_PLENUM = re.compile(
    r"[ \t]{0,3},?[ \t]{0,3}(?:(?i:cua)[ \t]{1,3})?H(?i:oi[ \t]{1,3}nghi)[ \t]{1,3}"
    r"(?:(?i:lan[ \t]{1,3}thu)[ \t]{1,3}[^\W_]{1,8}|(?i:trung[ \t]{1,3}uong)[ \t]{1,3}\d{1,2}(?!\d))"
    r"(?P<bch>[ \t]{0,3},?[ \t]{0,3}(?:(?i:cua)[ \t]{1,3})?(?=(?i:ban[ \t]chap[ \t]hanh|bch)\b))?"
)
_CENTRAL_COMMITTEE = "Ban Chấp hành Trung ương"


_KOA = re.compile(r"[ \t]{0,3}\(?[ \t]{0,2}(?i:khoa)[ \t]{1,3}(?P<term>[IVXLC]{1,7})\b\)?")
_JOINT_SECRETARIAT = re.compile(r",[ \t]{0,3}(?i:ban[ \t]bi[ \t]thu)\b")
# A word of a name; "GD&ĐT", "KH&CN": an abbreviation joined by an ampersand is one.
_WORD = re.compile(r"[ \t]{0,3}(?P<w>[^\W_]+(?:&[^\W_]+)*)")
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
    # mentions.py.
    "BCT": "Bộ Chính trị",
    "BBT": "Ban Bí thư",
}
# Old and new tone placement: stored names use the new one ("Tỉnh ủy", "khóa").
_SPELLING = (("Uỷ", "Ủy"), ("uỷ", "ủy"), ("khoá", "khóa"), ("Khoá", "Khóa"))


# Lower-case syllables that occur inside organisation names ("Ban Chấp hành", "Bộ Chính
# trị", "Tỉnh ủy"); any other lower-case word ends the name ("… Trung ương Đảng tổng hợp").
_NAME_SYLLABLES = frozenset(
    "hanh tri chuc uong vu uy phu tuong giao van tra phong hoi dan nhan tich dong "
    "quoc noi duc tao chinh tin thong te ngoai sat an phap tu khoa hoc nghe truong xa "
    "chien binh nien nu tinh thanh huyen pho thi quan ban bo lao nghiep mai vien lien "
    "doan dao truc kiem ke hoach dau cong nong thuong luc tai nguyen moi y gia dinh su "
    "the thao du lich dung xay lanh hai ky dang chap tuyen nhan tran huy tam hoa khu lenh muu toc cuc".split()
)


# Bodies whose own names hold a comma: "Sở Văn hóa, Thể thao và Du lịch", "Đài Phát thanh,
# Truyền hình tỉnh", "Bộ Lao động, Thương binh và Xã hội", "Trung tâm Giám sát, điều hành
# đô thị thông minh". Read on the shadow from the name's first word of the pair.
COMMA_IN_NAME = re.compile(
    r"(?i:(?:van[ \t]hoa|phat[ \t]thanh|lao[ \t]dong|giam[ \t]sat|phong[ \t]chay|cuu[ \t]nan),[ \t]{1,3}"
    r"(?:the[ \t]thao(?:[ \t]va[ \t]du[ \t]lich)?|thong[ \t]tin|xa[ \t]hoi|truyen[ \t]hinh"
    r"|thuong[ \t]binh[ \t]va[ \t]xa[ \t]hoi|dieu[ \t]hanh|chua[ \t]chay|cuu[ \t]ho))\b"
)


# The remits a body's name joins with "và": "Sở Giáo dục và Đào tạo", "Ban Tuyên giáo và Dân
# vận", "Bộ Nông nghiệp và Môi trường" (read on the shadow, from the remit's first word).
AND_IN_NAME = re.compile(
    r"(?i:giao[ \t]duc[ \t]va[ \t]dao[ \t]tao|khoa[ \t]hoc[ \t]va[ \t]cong[ \t]nghe"
    r"|tai[ \t]nguyen[ \t]va[ \t]moi[ \t]truong|nong[ \t]nghiep[ \t]va[ \t](?:phat[ \t]trien"
    r"|moi[ \t]truong)|ke[ \t]hoach[ \t]va[ \t]dau[ \t]tu|thong[ \t]tin[ \t]va[ \t]truyen"
    r"[ \t]thong|dan[ \t]toc[ \t]va[ \t]ton[ \t]giao|tuyen[ \t]giao[ \t]va[ \t]dan[ \t]van"
    r"|the[ \t]thao[ \t]va[ \t]du[ \t]lich|binh[ \t]va[ \t]xa[ \t]hoi|phat[ \t]thanh[ \t]va"
    r"[ \t]truyen[ \t]hinh|xay[ \t]dung[ \t]va[ \t]phat[ \t]trien"
    r"|co[ \t]truyen[ \t]va[ \t]phuc[ \t]hoi)\b"
)


# The words a body's name opens with ("Ban Thường vụ …", "Sở Nội vụ", "UBND tỉnh").
BODY_HEAD = (
    r"(?:Bộ|Ban|Ủy[ \t]+ban|Uỷ[ \t]+ban|UBND|HĐND|Hội[ \t]+đồng|Chính[ \t]+phủ|Quốc[ \t]+hội|"
    r"Tỉnh[ \t]+ủy|Thành[ \t]+ủy|Huyện[ \t]+ủy|Thị[ \t]+ủy|Quận[ \t]+ủy|Đảng[ \t]+ủy|"
    r"Đảng[ \t]+đoàn|Tỉnh[ \t]+đoàn|Thành[ \t]+đoàn|Huyện[ \t]+đoàn|Trung[ \t]+ương|"
    r"Mặt[ \t]+trận|Hội[ \t]+Liên[ \t]+hiệp|Liên[ \t]+đoàn|Sở|Văn[ \t]+phòng)(?![\w])"
)


def is_name_syllable(word: str, before: str = "") -> bool:
    """Whether ``word``, in lower case after the capitalised ``before``, may belong to a
    body's name ("ủy" of "Tỉnh ủy", "trị" of "Bộ Chính trị", "phạm" of "Sư phạm")."""
    folded = shadow(word).lower()
    return folded in _NAME_SYLLABLES or shadow(before).lower() in _ONLY_AFTER.get(folded, ())


_PLACE_WORDS = frozenset({"tinh", "huyen", "xa", "quan", "phuong"})
# Levels written in two syllables: "Đảng bộ thành phố", "Ủy ban nhân dân thị xã".
_TWO_WORD_PLACES = {"thanh": frozenset({"pho"}), "thi": frozenset({"xa", "tran"})}
# ... only after "Đảng bộ", "nhân dân", "Đảng ủy" ("Đảng ủy xã Cẩm Bình"), "Công an" and the
# like: "Bộ Chính trị huyện đã …" is two clauses.
_BEFORE_PLACE = frozenset(
    {"bo", "dan", "ubnd", "hdnd", "uy", "su", "hoi", "cu", "binh", "nghiep", "an"}
    # "Hội Khuyến học tỉnh", "Liên đoàn Lao động tỉnh", "… Chữ thập đỏ tỉnh", "… Người cao
    # tuổi tỉnh"
    | {"hoc", "dong", "do", "tuoi"}
)
# Lower-case syllables of a name only after one word: "Hội đồng Thẩm phán", "Trường Đại
# học Sư phạm" (elsewhere "phán", "phản", "vi phạm" go on the sentence).
_ONLY_AFTER = {
    "phan": frozenset({"tham"}),
    "pham": frozenset({"su"}),
    "thu": frozenset({"bi"}),  # "Ban Bí thư"; "… Nguyễn Trường Tộ thu hút …" goes on
    "doc": frozenset({"giam"}),  # "Giám đốc BHXH Việt Nam"
    "bac": frozenset({"kho"}),  # "Kho bạc Nhà nước"
    "nuoc": frozenset({"nha"}),
    "khi": frozenset({"dau"}),  # "Dầu khí"
    "cu": frozenset({"bau"}),  # "Ủy ban Bầu cử tỉnh"
    "dien": frozenset({"dai"}),  # "Ban Đại diện"
}
# Pairs of lower-case syllables inside a name, after the word that opens them: "Ủy ban
# nhân dân", "Hội đồng nhân dân", "Đoàn đại biểu Quốc hội", "Ủy ban bầu cử".
_LOWER_PAIRS = {
    # "Viện kiểm sát nhân dân tỉnh", "Tòa án nhân dân tối cao"
    ("nhan", "dan"): frozenset({"ban", "dong", "sat", "an"}),
    ("toi", "cao"): frozenset({"dan", "vksnd", "tand"}),  # "… VKSND tối cao"
    ("kiem", "sat"): frozenset({"vien"}),
    ("dai", "bieu"): frozenset({"doan"}),
    ("bau", "cu"): frozenset({"ban"}),  # "Ủy ban bầu cử tỉnh"
    ("chien", "binh"): frozenset({"cuu"}),  # "Hội Cựu chiến binh tỉnh"
    ("thap", "do"): frozenset({"chu"}),  # "Hội Chữ thập đỏ Việt Nam"
    ("cao", "tuoi"): frozenset({"nguoi"}),  # "Hội Người cao tuổi tỉnh"
}
# Lower-case words that fold like a name syllable ("tài", "giáo") but end a name: "của
# Thường trực Huyện ủy Mỏ Cày Nam tại buổi làm việc", "… Tỉnh ủy giao Sở …".
_LOWER_STOPS = frozenset({"tại", "giao"})
# "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh": the sectors a bloc committee covers.
_BLOC = re.compile(
    r"(?i:(?:cac[ \t]{1,3})?(?:co[ \t]{1,3}quan|doanh[ \t]{1,3}nghiep)"
    r"(?:[ \t]{0,3}(?:,|va)[ \t]{0,3}(?:cac[ \t]{1,3})?(?:co[ \t]{1,3}quan|doanh[ \t]{1,3}nghiep))*)"
)
# "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh", "Ban Chỉ huy Phòng, chống thiên
# tai và Tìm kiếm cứu nạn tỉnh", "Ban Chỉ đạo Chương trình mục
# tiêu quốc gia … vùng đồng bào dân tộc thiểu số và miền núi tỉnh Lai Châu": a steering
# committee's remit, in lower case and with commas, runs to the level it works at.
_STEERING = re.compile(r"(?i:ban[ \t]{1,3}chi[ \t]{1,3}(?:dao|huy))$")
# "dịch COVID-19": a disease's name may carry its year.
_REMIT_WORD = re.compile(r"[ \t]{0,3}(?:[,\-–][ \t]{0,3})?(?P<w>[^\W\d_]+(?:-\d+)?)")
_REMIT_LEVELS = frozenset({"tỉnh", "huyện", "quận", "xã", "phường", "thành phố", "thị xã"})
_REMIT_STOPS = frozenset(
    "về ngày nhằm theo của đã được tại trên để gửi với cho đến là thì sẽ vừa đang chỉ yêu "
    "đề giao kiểm họp làm tổ ban".split()
)
_MOST_REMIT_WORDS = 30
_STEERING_NUMBER = re.compile(r"[ \t]{1,3}\d{2,3}(?![\d/-])")
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
        kind = KIND_AT.match(shade, match.start("w"))
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


_ABBREVIATED_PLACE = re.compile(r"(?:TP|TX|TT)\.[ \t]{1,2}(?=[A-Z])")
# "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam" has thirteen.
_MOST_NAME_WORDS = 16


def _issuer_end(text: str, shade: str, pos: int) -> int:
    """End of an organisation name starting at ``pos``: capitalised words, each allowed
    one known lower-case syllable after it ("Ban Chấp hành Trung ương Đảng")."""
    end = pos
    previous_capital = False
    previous_folded = ""
    count = 0
    after_level = False  # the word before was a level in lower case ("… Đảng ủy xã")
    while count < _MOST_NAME_WORDS:
        match = _WORD.match(shade, end)
        if match is None:
            break
        was_level, after_level = after_level, False
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
        if count > 0 and (comma := COMMA_IN_NAME.match(shade, word_start)) is not None:
            end, previous_capital, previous_folded = comma.end(), True, "bo"
            count += 2
            continue
        if previous_folded == "dao" and _STEERING.search(shade, pos, end):
            number = _STEERING_NUMBER.match(shade, end)
            if number is not None:
                # "Ban Chỉ đạo 35 tỉnh": a steering committee known by its number
                end, previous_capital, previous_folded = number.end(), True, "bo"
                count += 1
                continue
        if original.isdigit() and count > 0 and previous_folded in ("khu", "doan", "vuc"):
            pass  # "Quân khu 4", "Sư đoàn 324", "khu vực 3": a unit known by its number
        elif folded == "va":
            if count == 0 or not _capital_follows(text, shade, match):
                break
        elif KIND_AT.match(shade, word_start):
            break
        elif original.isupper() and len(original) > 1:
            if folded in _ISSUER_STOP:
                break
            if _ABBREVIATED_PLACE.match(shade, word_start):
                # "UBND TP. Đông Hà": the abbreviation's full stop, then the place's name
                end = match.end("w") + 1
                previous_capital, previous_folded = True, "bo"
                count += 1
                continue
        elif original[:1].isupper():
            pass
        elif original in _LOWER_STOPS:
            break
        elif previous_folded in ("khoi", "uy") and (bloc := _BLOC.match(shade, word_start)):
            # "Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy các cơ quan Đảng tỉnh": the place
            # level may follow.
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
        elif folded == "thanh" and _next_is(shade, match, "lap"):
            break  # "… Thành ủy TP. Hồ Chí Minh thành lập Ban Chỉ đạo": the verb
        elif (
            folded in _TWO_WORD_PLACES
            and (previous_folded in _BEFORE_PLACE or _place_name_after(text, shade, match))
            and (second := _WORD.match(shade, match.end("w"))) is not None
            and second.group("w").lower() in _TWO_WORD_PLACES[folded]
            and not text[second.start("w")].isupper()
        ):
            previous_capital, previous_folded = True, "pho"
            end = second.end("w")
            count += 2
            after_level = True
            continue
        elif folded == "khu" and count > 0 and _next_is(shade, match, "vuc"):
            # "VKSND khu vực 3", "BHXH khu vực XXVI": a region, then its number
            end = _WORD.match(shade, match.end("w")).end("w")  # type: ignore[union-attr]
            previous_capital, previous_folded = True, "vuc"
            count += 2
            continue
        elif folded in _PLACE_WORDS and previous_folded in _BEFORE_PLACE:
            # "Ban Chấp hành Đảng bộ tỉnh", "Ủy ban nhân dân huyện": the level of
            # government ends a name, or leads to the place's own name.
            previous_capital = True
            end = match.end("w")
            count += 1
            previous_folded = folded
            after_level = True
            continue
        elif was_level and not original[:1].isupper():
            break  # "… Đảng ủy xã xây dựng kế hoạch": after a level, its verb
        elif (
            count == 0
            or not previous_capital
            or (
                folded not in _NAME_SYLLABLES and previous_folded not in _ONLY_AFTER.get(folded, ())
            )
        ):
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


def _place_name_after(text: str, shade: str, match: re.Match[str]) -> bool:
    """Whether a place's name in capitals follows the two-word level that ``match`` opens
    ("… Việt Nam thành phố Huế", "Bệnh viện Đa khoa thành phố Cần Thơ")."""
    second = _WORD.match(shade, match.end("w"))
    third = _WORD.match(shade, second.end("w")) if second is not None else None
    return third is not None and text[third.start("w")].isupper()


def _next_is(shade: str, match: re.Match[str], folded: str) -> bool:
    nxt = _WORD.match(shade, match.end("w"))
    return nxt is not None and nxt.group("w").lower() == folded


# "… của Bộ Chính trị và NQ số 18": a short kind after "và" cites a document.
_SHORT_KIND_AT = re.compile(r"(?:NQ|CT|KL)[ \t]{1,2}(?:(?i:so)[ \t]{1,2})?\d")


def _capital_follows(text: str, shade: str, match: re.Match[str]) -> bool:
    nxt = _WORD.match(shade, match.end("w"))
    if nxt is None or KIND_AT.match(shade, nxt.start("w")):
        return False
    if _SHORT_KIND_AT.match(shade, nxt.start("w")):
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
        base = from_capitals(base)
    return base + suffix


# The words an organisation's name writes with capitals, in the order they are tried
# (longest first): everything else of a name typed in capitals is lower case.
_CASED_TERMS = (
    "Ban Chấp hành Trung ương",
    "Ban Chấp hành",
    "Ban Thường vụ",
    "Ban Tổ chức",
    "Ban Tuyên giáo",
    "Ban Dân vận",
    "Ban Nội chính",
    "Ban Bí thư",
    "Ban Thường trực",
    "Bộ Chính trị",
    "Ủy ban Kiểm tra",
    "Ủy ban nhân dân",
    "Ủy ban",
    "Tập đoàn",
    "Tổng công ty",
    "Mặt trận Tổ quốc Việt Nam",
    "MTTQ",
    "LHPN",
    "LĐLĐ",
    "HĐND",
    "UBND",
    "Việt Nam",
    "Hội",
    "Văn phòng",
    "Chính phủ",
    "Quốc hội",
    "Trung ương",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Thị ủy",
    "Đảng ủy",
    "Đảng bộ",
    "Đảng",
)
# After these, a place's name: each of its words with a capital.
_PLACE_LEAD = re.compile(
    r"\b(Tỉnh ủy|Thành ủy|Huyện ủy|Thị ủy|tỉnh|thành phố|huyện|thị xã|xã|phường|quận)"
    r"[ \t]+(?P<place>.+)$"
)


# Words that end a place's name: what follows is the sentence's ("… NGHI LỘC VỀ CHẾ ĐỘ").
_AFTER_A_PLACE = frozenset({"về", "của", "và", "tại", "trong", "với", "theo", "năm", "khóa"})


def from_capitals(name: str) -> str:
    """A name typed in capitals ("BAN THƯỜNG VỤ TỈNH ỦY BẮC KẠN") as it is written
    ("Ban Thường vụ Tỉnh ủy Bắc Kạn"): sentence case, with an organisation's own capitals
    and a place's; never every word capitalised."""
    out = " ".join(name.lower().split())
    for term in _CASED_TERMS:
        out = re.sub(rf"(?<!\w){re.escape(term.lower())}(?!\w)", term, out)
    out = out[:1].upper() + out[1:]
    # "SỞ NỘI VỤ", "BỘ TÀI CHÍNH": a department's own name starts with a capital
    out = re.sub(r"^(Sở|Bộ|Cục|Chi cục|Vụ) (\w)", lambda m: f"{m[1]} {m[2].upper()}", out)
    place = _PLACE_LEAD.search(out)
    if place is not None:
        words = place.group("place").split()
        named = next((i for i, word in enumerate(words) if word in _AFTER_A_PLACE), len(words))
        cased = [word[:1].upper() + word[1:] for word in words[:named]] + words[named:]
        out = out[: place.start("place")] + " ".join(cased)
    return re.sub(r"\b(khóa|khoá)[ \t]+([ivxlc]+)\b", lambda m: f"{m[1]} {m[2].upper()}", out)


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


def read_issuer(
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


def plenum_issuer(text: str, shade: str, plenum: re.Match[str]) -> tuple[str, int]:
    """The issuer of a plenum's resolution matched by ``TAIL_PLENUM``, and where it ends."""
    if plenum.group("bch") is not None:
        name, end = read_issuer(text, shade, plenum.end())
        if name is not None:
            return name, end
    term = _KOA.match(shade, plenum.end())
    if term is not None:
        return f"{_CENTRAL_COMMITTEE} khóa {term.group('term')}", term.end()
    return _CENTRAL_COMMITTEE, plenum.end()
