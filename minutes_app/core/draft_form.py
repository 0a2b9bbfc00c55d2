"""From a parsed article to a conference form the clerk checks, and text files to read.

The draft (core.draft) knows only the words of the article; here its documents are
matched to the catalogue, so a document studied before is linked rather than added
twice, and its people to the directory.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from minutes_app.core.citations import Citation
from minutes_app.core.conference_edit import (
    AppearanceForm,
    BridgePointForm,
    ConferenceForm,
    DocumentForm,
    InstructionForm,
    PersonRef,
    StudiedForm,
)
from minutes_app.core.draft import ConferenceDraft, PersonMention
from minutes_app.core.text import fold, nfc

MAX_TEXT_BYTES = 5_000_000  # an article is a few kilobytes; a bigger file is not one


class TextFileError(ValueError):
    """A file that cannot be read as article text; the message says why, plainly."""


def read_text_file(path: Path) -> str:
    """The text of a ``.txt`` (UTF-8, UTF-16 or Windows-1258) or ``.docx`` file, as NFC."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise TextFileError(f"{path.name} is too large to be an article ({size:,} bytes).")
        if path.suffix.lower() == ".docx":
            return nfc(_docx_text(path))
        raw = path.read_bytes()
    except OSError as exc:
        raise TextFileError(f"{path.name} could not be read: {exc.strerror or exc}.") from exc
    return nfc(_decode(raw))


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1258", errors="replace")


def _docx_text(path: Path) -> str:
    import docx  # python-docx; imported here so the command line starts fast
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TextFileError(f"{path.name} is not a Word document (.docx).") from exc
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


# --------------------------------------------------------------------------- matching

_SYMBOL_KEY = re.compile(r"[^0-9a-z]+")


def symbol_key(symbol: str) -> str:
    """A document symbol reduced to letters and digits: "96 - QĐ/ TW" → "96qdtw"."""
    return _SYMBOL_KEY.sub("", fold(symbol))


@dataclass(frozen=True)
class DocumentMatch:
    """A cited document, and the catalogue document it was matched to (or None: new)."""

    citation: Citation
    form: DocumentForm
    known: bool


def match_documents(
    citations: tuple[Citation, ...], catalogue: list[DocumentForm]
) -> list[DocumentMatch]:
    """Each citation matched to the catalogue by symbol, or by kind and number with its year.

    A citation with a symbol matches a catalogue document with the same symbol (and the
    same date when both have one); a number-only citation matches a single document of
    the same kind and number. What the article adds (a date, issuer or subject the
    catalogue lacks) is kept on a new-document form only; a known one stays as it is.
    """
    by_symbol: dict[str, list[DocumentForm]] = {}
    by_number: dict[tuple[str, str], list[DocumentForm]] = {}
    for doc in catalogue:
        if doc.symbol:
            by_symbol.setdefault(symbol_key(doc.symbol), []).append(doc)
        by_number.setdefault((fold(doc.kind), fold(doc.number)), []).append(doc)
    matches: list[DocumentMatch] = []
    for cited in citations:
        found = _find(cited, by_symbol, by_number)
        if found is not None:
            matches.append(DocumentMatch(cited, found, known=True))
            continue
        form = DocumentForm(
            kind=cited.kind,
            number=cited.number,
            symbol=cited.symbol,
            issued_on=cited.issued_on,
            issuer=cited.issuer,
            subject=cited.subject,
        )
        matches.append(DocumentMatch(cited, form, known=False))
    return matches


def _find(
    cited: Citation,
    by_symbol: dict[str, list[DocumentForm]],
    by_number: dict[tuple[str, str], list[DocumentForm]],
) -> DocumentForm | None:
    if cited.symbol:
        candidates = by_symbol.get(symbol_key(cited.symbol), [])
    else:
        candidates = by_number.get((fold(cited.kind), fold(cited.number)), [])
    if cited.issued_on is not None:
        candidates = [d for d in candidates if d.issued_on in (None, cited.issued_on)]
    return candidates[0] if len(candidates) == 1 else None


# --------------------------------------------------------------------------- the form


def _appearance(person: PersonMention) -> AppearanceForm:
    return AppearanceForm(PersonRef(person.name), person.title)


def form_from_draft(draft: ConferenceDraft, catalogue: list[DocumentForm]) -> ConferenceForm:
    """The conference form the editor opens with, for the clerk to check and save."""
    documents = tuple(StudiedForm(m.form) for m in match_documents(draft.documents, catalogue))
    points = tuple(
        BridgePointForm(name=point.name, presiding=tuple(_appearance(p) for p in point.presiding))
        for point in draft.bridge_points
    )
    return ConferenceForm(
        title=draft.title or "",
        mode="online",
        organizer=draft.organizer,
        date=draft.date,
        session=draft.session,
        host_point=draft.host_point,
        chairs=tuple(_appearance(p) for p in draft.chairs),
        bridge_points=points,
        documents=documents,
        instructions=tuple(InstructionForm(text) for text in draft.instructions),
    )
