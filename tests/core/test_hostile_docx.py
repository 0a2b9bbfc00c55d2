"""Word files that are not what they say: bombs, entity expansion, broken XML. Each is
refused with a plain message, quickly and in little memory; a real one is read."""

from __future__ import annotations

import resource
import struct
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from minutes_app.cli import main
from minutes_app.core.parsing.draft_form import (
    MAX_DOCX_XML_BYTES,
    MAX_TEXT_BYTES,
    TextFileError,
    read_text_file,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org'
    '/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def _package(path: Path, document: bytes | Callable[[zipfile.ZipFile], None]) -> Path:
    """A .docx at ``path`` whose word/document.xml is ``document`` (or written by it)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", TYPES)
        package.writestr("_rels/.rels", RELS)
        if callable(document):
            document(package)
        else:
            package.writestr("word/document.xml", document)
    return path


def _body(inner: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f'<w:document xmlns:w="{W}"><w:body>{inner}</w:body></w:document>'
    ).encode()


def _bomb(inflated: int) -> Callable[[zipfile.ZipFile], None]:
    """word/document.xml of ``inflated`` bytes of one repeated paragraph, written in pieces."""
    paragraph = b"<w:p><w:r><w:t>Hoi nghi quan triet</w:t></w:r></w:p>"
    head = _body("").split(b"<w:body>")[0] + b"<w:body>"

    def write(package: zipfile.ZipFile) -> None:
        with package.open("word/document.xml", "w") as member:
            member.write(head)
            piece = paragraph * (1 << 16)
            for _ in range(inflated // len(piece)):
                member.write(piece)
            member.write(b"</w:body></w:document>")

    return write


def _refused_quickly(path: Path) -> str:
    """The message ``read_text_file(path)`` refuses with; it must take little time and
    memory (checked against the process's peak, which must not grow by 200 MB)."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["text"] = read_text_file(path)
        except BaseException as exc:  # handed to the test below
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "still reading after 10 s"
    assert time.perf_counter() - started < 5
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mib < 200
    error = outcome.get("error")
    assert isinstance(error, TextFileError), outcome
    return str(error)


def test_a_small_file_that_inflates_past_the_limit_is_refused_by_its_declared_size(
    tmp_path: Path,
) -> None:
    bomb = _package(tmp_path / "bomb.docx", _bomb(2 * MAX_DOCX_XML_BYTES))
    assert bomb.stat().st_size < MAX_TEXT_BYTES  # it passes the file size check

    message = _refused_quickly(bomb)

    assert message == (
        "bomb.docx is too large to be an article once unpacked "
        f"(its text takes more than {MAX_DOCX_XML_BYTES:,} bytes)."
    )


def _lie_about_sizes(path: Path, declared: int) -> None:
    """Write ``declared`` as word/document.xml's unpacked size, in its local header and in
    the central directory, as a hostile tool would."""
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = data.find(signature)
        while at != -1:
            if data[at + name_at : at + name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, declared)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as package:
        assert package.getinfo("word/document.xml").file_size == declared


def test_a_file_that_lies_about_its_unpacked_size_is_stopped_at_the_limit(
    tmp_path: Path,
) -> None:
    bomb = _package(tmp_path / "liar.docx", _bomb(2 * MAX_DOCX_XML_BYTES))
    _lie_about_sizes(bomb, 1000)

    message = _refused_quickly(bomb)

    assert message.startswith("liar.docx ")
    assert "damaged" in message or "too large" in message


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "ha"}">' for i in range(10))
    bomb = _package(
        tmp_path / "laughs.docx",
        _body("<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>", f"<!DOCTYPE d [{laughs}]>"),
    )

    message = _refused_quickly(bomb)

    assert message == "laughs.docx is not a Word document (.docx): it declares a document type."


def test_an_external_entity_is_not_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("mật khẩu", encoding="utf-8")
    spy = _package(
        tmp_path / "spy.docx",
        _body(
            "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>",
            f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>',
        ),
    )

    message = _refused_quickly(spy)

    assert "mật khẩu" not in message
    assert message.endswith("it declares a document type.")


@pytest.mark.parametrize(
    "xml",
    [
        _body("<w:p><w:r><w:t>a\x00b</w:t></w:r></w:p>"),
        _body("<w:p><w:r><w:t>unclosed</w:p>"),
        b"\xff\xfe not xml at all",
        _body("<w:p>" * 300 + "</w:p>" * 300),  # deeper than libxml2 allows by default
    ],
    ids=["nul", "unclosed", "garbage", "deep"],
)
def test_broken_xml_is_refused_plainly(tmp_path: Path, xml: bytes) -> None:
    broken = _package(tmp_path / "broken.docx", xml)

    message = _refused_quickly(broken)

    assert message == "broken.docx is damaged: its text cannot be read."


def test_a_package_without_a_document_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.docx"
    with zipfile.ZipFile(empty, "w") as package:
        package.writestr("hello.txt", "xin chào")

    assert _refused_quickly(empty) == "empty.docx is not a Word document (.docx)."


def test_a_real_document_is_read_with_its_tables(tmp_path: Path) -> None:
    word = tmp_path / "bai.docx"
    document = docx.Document()
    document.add_paragraph("Sáng 17/02, Ban Tổ chức Trung ương tổ chức hội nghị")
    run = document.add_paragraph("Dòng một").add_run()
    run.add_break()
    run.add_text("dòng hai\tcột")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Điểm cầu"
    table.cell(0, 1).text = "Chủ trì"
    table.cell(1, 0).merge(table.cell(1, 1))
    table.cell(1, 0).text = "Bắc Kạn"
    document.save(str(word))
    expected = "\n".join(
        [p.text for p in docx.Document(str(word)).paragraphs]
        + ["\t".join(c.text for c in row.cells) for row in docx.Document(str(word)).tables[0].rows]
    )

    assert read_text_file(word) == expected
    assert "Dòng một\ndòng hai\tcột" in expected
    assert expected.endswith("Điểm cầu\tChủ trì\nBắc Kạn\tBắc Kạn")


def test_parse_refuses_a_word_file_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The command line reads UTF-8 text only; a .docx is named as what it is.
    word = tmp_path / "bai.docx"
    document = docx.Document()
    document.add_paragraph("Sáng 17/02")
    document.save(str(word))

    code = main(["parse", str(word)])

    assert code == 1
    assert capsys.readouterr().err.startswith(f"minutes-app: {word}: not UTF-8 text")
