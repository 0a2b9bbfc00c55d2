"""Who signs each paper, and with what authority (HD 36-HD/VPTW): the way of signing the
office settings hold per kind of paper, checked against the body named in the heading and
turned into the lines of the signature block.

HD 36 in short: the head of a body led by one person (a Ban, a Văn phòng) signs in their
own post ("TRƯỞNG BAN"); a deputy signs "K/T TRƯỞNG BAN" over "PHÓ TRƯỞNG BAN"; a body
led collectively (a cấp ủy, its Ban Thường vụ, a Đảng đoàn…) signs "T/M BAN THƯỜNG VỤ"
over the post of its secretary; the head of the committee's office signs such a body's
papers "T/L BAN THƯỜNG VỤ" over "CHÁNH VĂN PHÒNG". Minutes are signed by the chair and the
recorder (HD 16), with no authority line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PAPER_KINDS = ("minutes", "notice", "report")

CHAIR = "chair"  # minutes only: the conference's chair and the recorder, no authority line
OWN = "own"  # the head, in their own post
DEPUTY = "deputy"  # K/T: a deputy, on behalf of the head
ON_BEHALF = "on_behalf"  # T/M: on behalf of a committee
AUTHORISED = "authorised"  # T/L: by authorisation of a committee
WAYS = (OWN, DEPUTY, ON_BEHALF, AUTHORISED)
PREFIXES = {DEPUTY: "K/T", ON_BEHALF: "T/M", AUTHORISED: "T/L"}


def ways_for(kind: str) -> tuple[str, ...]:
    """The ways a paper of ``kind`` may be signed, the usual one first for minutes."""
    return (CHAIR, *WAYS) if kind == "minutes" else WAYS


# What HD 36 does not allow, by code; the window words each in its own language.
ON_BEHALF_NOT_COMMITTEE = "on_behalf_not_committee"
AUTHORISED_NOT_COMMITTEE = "authorised_not_committee"
PERSONAL_FOR_COMMITTEE = "personal_for_committee"
DEPUTY_WITHOUT_HEAD = "deputy_without_head"
UNKNOWN_WAY = "unknown_way"

REFUSED = frozenset({ON_BEHALF_NOT_COMMITTEE, AUTHORISED_NOT_COMMITTEE, UNKNOWN_WAY})
"""Problems the settings are not saved with; the others are warned about (the heading may
name a body the app does not know)."""

PROBLEMS = {
    ON_BEHALF_NOT_COMMITTEE: (
        "T/M (on behalf of the committee) is only for a committee (a cấp ủy, its Ban Thường "
        "vụ, a Đảng đoàn…); {office} is not one."
    ),
    AUTHORISED_NOT_COMMITTEE: (
        "T/L (by authorisation) is only for papers headed by the committee itself; "
        "{office} is not a committee."
    ),
    PERSONAL_FOR_COMMITTEE: (
        "{office} is led collectively: its papers are signed T/M (on behalf of the "
        "committee) or T/L (by authorisation)."
    ),
    DEPUTY_WITHOUT_HEAD: (
        "K/T (as deputy) names the head's post, which cannot be told from {office} "
        "(a Ban or a Văn phòng has one)."
    ),
    UNKNOWN_WAY: "unknown way of signing",
}
"""Each problem in plain English, with ``{office}`` the office's name."""


@dataclass(frozen=True)
class Body:
    """What the heading's body is, for signing: led collectively (``committee``, signed on
    behalf of ``collective``) or by a head (``head`` and ``deputy`` posts), or neither known."""

    committee: bool = False
    collective: str = ""  # after T/M or T/L: "BAN THƯỜNG VỤ"
    head: str = ""  # "TRƯỞNG BAN"
    deputy: str = ""  # "PHÓ TRƯỞNG BAN"


# A cấp ủy (its papers are its Ban Thường vụ's, signed T/M BAN THƯỜNG VỤ).
_PARTY_COMMITTEE = re.compile(r"^(TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG|KHỐI|XÃ|PHƯỜNG) ỦY\b")
# Bodies led collectively, signing in their own name.
_COLLECTIVE = (
    "BAN THƯỜNG VỤ",
    "BAN CHẤP HÀNH",
    "BAN CÁN SỰ ĐẢNG",
    "ĐẢNG ĐOÀN",
    "ỦY BAN KIỂM TRA",
    "CHI ỦY",
    "CHI BỘ",
)
# Bodies led by a head: (how the name starts, the head's post, the deputy's post).
_HEADED = (
    ("BAN", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
    ("VĂN PHÒNG", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"),
    ("TRƯỜNG CHÍNH TRỊ", "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"),
)


def _words(name: str) -> str:
    """``name`` in capitals, NFC, single spaces, "UỶ" spelt "ỦY" as HD 36 writes it."""
    upper = " ".join(unicodedata.normalize("NFC", name).upper().split())
    return upper.replace("UỶ", "ỦY")


def body_of(office_name: str) -> Body:
    """What kind of body ``office_name`` (the heading's bold line) is."""
    name = _words(office_name)
    if _PARTY_COMMITTEE.match(name):
        return Body(committee=True, collective="BAN THƯỜNG VỤ")
    for collective in _COLLECTIVE:
        if name == collective or name.startswith(collective + " "):
            return Body(committee=True, collective=collective)
    for start, head, deputy in _HEADED:
        if name == start or name.startswith(start + " "):
            return Body(head=head, deputy=deputy)
    return Body()


def default_way(office_name: str) -> str:
    """The usual way for a notice or a report of this body: a deputy head (K/T) for a Ban,
    on behalf of the committee (T/M) for a committee, the head in their post otherwise."""
    body = body_of(office_name)
    if body.committee:
        return ON_BEHALF
    return DEPUTY if body.head else OWN


def problem(office_name: str, way: str) -> str | None:
    """Why HD 36 does not allow ``way`` under a heading naming ``office_name`` (a code of
    PROBLEMS), or None when it does."""
    if way not in (CHAIR, *WAYS):
        return UNKNOWN_WAY
    body = body_of(office_name)
    if way == ON_BEHALF and not body.committee:
        return ON_BEHALF_NOT_COMMITTEE
    if way == AUTHORISED and not body.committee:
        return AUTHORISED_NOT_COMMITTEE
    if way in (OWN, DEPUTY) and body.committee:
        return PERSONAL_FOR_COMMITTEE
    if way == DEPUTY and not body.head:
        return DEPUTY_WITHOUT_HEAD
    return None


def problem_words(code: str, office_name: str) -> str:
    """The problem ``code`` in plain English."""
    return PROBLEMS[code].format(office=f"“{office_name}”")


@dataclass(frozen=True)
class SignerLines:
    """The lines of one signer's block: authority, post, name (each may be empty)."""

    authority: str
    post: str
    name: str


def default_post(office_name: str, way: str) -> str:
    """The post printed when the settings leave it empty."""
    body = body_of(office_name)
    if way == OWN:
        return body.head
    if way == DEPUTY:
        return body.deputy
    if way == ON_BEHALF:
        return "BÍ THƯ"
    if way == AUTHORISED:
        return "CHÁNH VĂN PHÒNG"
    return ""


def signer_lines(office_name: str, way: str, post: str, name: str) -> SignerLines:
    """The signature block of ``way`` under a heading naming ``office_name``: the authority
    line derived from both ("K/T TRƯỞNG BAN", "T/M BAN THƯỜNG VỤ"), the post as set or the
    usual one for the way, and the name. A way HD 36 does not allow still gives lines (with
    "…" for what cannot be derived); ``problem`` says why it is wrong."""
    body = body_of(office_name)
    post = _words(post) or default_post(office_name, way)
    if way == DEPUTY:
        authority = f"K/T {body.head or '…'}"
    elif way in (ON_BEHALF, AUTHORISED):
        authority = f"{PREFIXES[way]} {body.collective or '…'}"
    else:
        authority = ""
    return SignerLines(authority, post, " ".join(name.split()))


def way_of_authority(authority: str) -> str:
    """The way of signing an authority line begins with ("T/L BAN THƯỜNG VỤ": AUTHORISED),
    OWN when it has none: how settings saved before the ways existed are read."""
    first = _words(authority).split(" ", 1)[0]
    return {prefix: way for way, prefix in PREFIXES.items()}.get(first, OWN)
