"""From a parsed article to a conference form the clerk checks, and text files to read.

The draft (core.draft) knows only the words of the article; here its documents are
matched to the catalogue, so a document studied before is linked rather than added
twice, and its people to the directory.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]  # no stubs installed

from minutes_app.base.text import fold, nfc
from minutes_app.core.conferences.forms import (
    AppearanceForm,
    BridgePointForm,
    ConferenceForm,
    DocumentForm,
    InstructionForm,
    PersonRef,
    StudiedForm,
)
from minutes_app.core.parsing.citations import Citation
from minutes_app.core.parsing.draft import ConferenceDraft
from minutes_app.core.parsing.people import PersonMention

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
            text = _docx_text(path)
            if len(text) > MAX_TEXT_BYTES:
                raise TextFileError(f"{path.name} is too long to be an article.")
            return nfc(text)
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


MAX_DOCX_XML_BYTES = 20_000_000
"""Bytes of a .docx's text part (word/document.xml) once unpacked: an article's is a few
hundred kilobytes. A small file may unpack to gigabytes (a "zip bomb")."""
_MAX_RELATIONS_BYTES = 1_000_000  # the package's table of contents, _rels/.rels
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFFICE_DOCUMENT = "/officeDocument"
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}
_RUN_TEXT[f"{_W}noBreakHyphen"] = "-"


def _docx_text(path: Path) -> str:
    """The paragraphs of the body, then each row of its tables (cells separated by tabs),
    as python-docx reads them; read within MAX_DOCX_XML_BYTES and without expanding
    entities, loading a DTD or reaching the network."""
    not_word = TextFileError(f"{path.name} is not a Word document (.docx).")
    try:
        package = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise not_word from exc
    try:
        with package:
            relations = _xml(path, _member(path, package, "_rels/.rels", _MAX_RELATIONS_BYTES))
            part = _main_part(relations) if relations is not None else "word/document.xml"
            document = _xml(path, _member(path, package, part, MAX_DOCX_XML_BYTES))
    except KeyError as exc:  # a part the package does not hold
        raise not_word from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as exc:
        raise TextFileError(f"{path.name} is damaged: its text cannot be read.") from exc
    except (NotImplementedError, RuntimeError) as exc:  # a compression or encryption unknown
        raise TextFileError(
            f"{path.name} cannot be opened: it is encrypted or packed in a way Word does not use."
        ) from exc
    body = document.find(f"{_W}body") if document is not None else None
    if body is None:
        raise not_word
    lines = [_paragraph_text(p) for p in body.iterchildren(f"{_W}p")]
    for table in body.iterchildren(f"{_W}tbl"):
        lines += _table_lines(table)
    return "\n".join(lines)


def _member(path: Path, package: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """The unpacked bytes of ``name``: refused when its declared size is over ``limit``,
    and never more than ``limit`` read whatever it declares (a declared size can lie)."""
    info = package.getinfo(name)
    too_large = TextFileError(
        f"{path.name} is too large to be an article once unpacked "
        f"(its text takes more than {limit:,} bytes)."
    )
    if info.file_size > limit:
        raise too_large
    with package.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise too_large
    return data


def _xml(path: Path, data: bytes) -> etree._Element | None:
    """``data`` parsed as XML with no entity expanded, no DTD loaded and nothing fetched;
    a document type declaration (which Word never writes) is refused."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    declares = TextFileError(
        f"{path.name} is not a Word document (.docx): it declares a document type."
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        # libxml2 stops an entity that grows too much (the "billion laughs") itself.
        head = data[:65536]
        if b"<!DOCTYPE" in head or "<!DOCTYPE".encode("utf-16-le") in head:
            raise declares from exc
        raise TextFileError(f"{path.name} is damaged: its text cannot be read.") from exc
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise declares
    return root


def _main_part(relations: etree._Element) -> str:
    """The name of the main document part that the package's relationships point to."""
    for relation in relations:
        if str(relation.get("Type", "")).endswith(_OFFICE_DOCUMENT):
            target = str(relation.get("Target", "")).lstrip("/")
            if target:
                return target
    return "word/document.xml"


def _paragraph_text(paragraph: etree._Element) -> str:
    """What python-docx's ``Paragraph.text`` gives: the runs, and those of hyperlinks."""
    parts = []
    for run in paragraph.iterchildren(f"{_W}r", f"{_W}hyperlink"):
        runs = run.iterchildren(f"{_W}r") if run.tag == f"{_W}hyperlink" else [run]
        for inner in runs:
            for item in inner:
                if item.tag == f"{_W}t":
                    parts.append(item.text or "")
                elif item.tag in _RUN_TEXT:
                    kind = item.get(f"{_W}type")
                    if item.tag != f"{_W}br" or kind in (None, "textWrapping"):
                        parts.append(_RUN_TEXT[item.tag])
    return "".join(parts)


def _table_lines(table: etree._Element) -> list[str]:
    """Each row of ``table`` as its cells' text joined by tabs; a cell merged across
    columns repeats, one merged down a column repeats the text above, as in python-docx."""
    lines: list[str] = []
    above: list[str] = []
    for row in table.iterchildren(f"{_W}tr"):
        cells: list[str] = []
        for cell in row.iterchildren(f"{_W}tc"):
            properties = cell.find(f"{_W}tcPr")
            span, merged = 1, False
            if properties is not None:
                grid = properties.find(f"{_W}gridSpan")
                if grid is not None and str(grid.get(f"{_W}val", "1")).isdigit():
                    span = max(1, min(int(str(grid.get(f"{_W}val"))), 64))
                vertical = properties.find(f"{_W}vMerge")
                merged = vertical is not None and vertical.get(f"{_W}val") in (None, "continue")
            column = len(cells)
            if merged and column < len(above):
                text = above[column]
            else:
                text = "\n".join(_paragraph_text(p) for p in cell.iterchildren(f"{_W}p"))
            cells += [text] * span
        lines.append("\t".join(cells))
        above = cells
    return lines


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
