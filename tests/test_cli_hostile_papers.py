"""Papers of records beyond the editor's limits (written by an older version or by hand):
each field printed up to a limit with a visible "…", the whole in seconds, and a .docx
whatever the length of the title."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import docx
import pytest

from minutes_app.cli import main
from minutes_app.core.conferences.forms import (
    AppearanceForm,
    ConferenceForm,
    InstructionForm,
    PersonRef,
)
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.paperwork.bounds import OMITTED, PRINTED_LINE, PRINTED_TOTAL
from minutes_app.core.paperwork.minutes import minutes_paper
from minutes_app.core.paperwork.notice import notice_paper
from minutes_app.core.paperwork.office import load_office
from minutes_app.db.engine import Database
from minutes_app.db.models import (
    Conference,
    ConferenceChair,
    Instruction,
    Person,
    Task,
    Unit,
)

DAY = dt.date(2024, 3, 1)
BIG = 1_000_000  # characters of each long text: ten times what the editor takes


def _words(length: int, word: str) -> str:
    return (word * (length // len(word) + 1))[:length]


@pytest.fixture(scope="module")
def hand_written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A database holding one conference far beyond the editor's limits: a title, an
    organizer, a chair's name and a discussion of a million characters each (the
    discussion one line), 60 instructions of 100,000 characters, 100 tasks of 100,000."""
    path = tmp_path_factory.mktemp("hostile") / "m.sqlite3"
    db = Database.open(path)
    with db.transaction() as session:
        unit = Unit(name=_words(BIG, "Ban Tổ chức "))
        chair = Person(name=_words(BIG, "Nguyễn Văn "))
        conference = Conference(
            title=_words(BIG, "Hội nghị quán triệt "),
            organizer=_words(BIG, "Ban Thường vụ "),
            date=DAY,
            discussion=_words(BIG, "Ý kiến thảo luận "),
            chairs=[ConferenceChair(position=0, person=chair, title=_words(BIG, "Ủy viên "))],
            instructions=[
                Instruction(
                    position=i,
                    text=_words(100_000, "Giao các đơn vị triển khai "),
                    tasks=[
                        Task(
                            title=_words(100_000, "Xây dựng kế hoạch "),
                            lead_unit=unit,
                            assigned_on=DAY,
                            deadline=DAY + dt.timedelta(days=30),
                        )
                        for _ in range(2 if i < 50 else 0)
                    ],
                )
                for i in range(60)
            ],
        )
        session.add(conference)
        session.flush()
        conference_id = conference.id
    db.close()
    return path, conference_id


@pytest.mark.parametrize("paper", [minutes_paper, notice_paper])
def test_a_paper_prints_each_field_cut_with_a_mark_and_a_bounded_whole(
    hand_written: tuple[Path, int], paper: object
) -> None:
    path, conference_id = hand_written
    db = Database.open(path)
    try:
        made = paper(db, conference_id, load_office(db))  # type: ignore[operator]
    finally:
        db.close()

    text = made.text()
    assert len(text) < PRINTED_TOTAL + 20 * PRINTED_LINE
    # A line of the subject names at most a person, their title and the conference, each
    # cut with "…".
    for line in made.title.subject:
        assert len(line) <= 3 * PRINTED_LINE + len("Kết luận của đồng chí ,  tại Hội nghị ")
        assert "…" in line
    assert OMITTED in text
    assert made.body[-1].runs[0].text.endswith("./.")  # the closing sentence is kept


@pytest.mark.parametrize("name", ["minutes.pdf", "notice.pdf", "minutes.docx", "notice.docx"])
def test_the_papers_of_a_hand_written_record_take_seconds(
    hand_written: tuple[Path, int], tmp_path: Path, name: str
) -> None:
    # Before the limits, a 30 MB discussion crashed the process (1.5 GB) and a notice at
    # the editor's limits took four minutes.
    path, conference_id = hand_written
    out = tmp_path / name
    kind = name.split(".")[0]
    started = time.perf_counter()

    code = main(["--db", str(path), "export", kind, str(out), "--conference", str(conference_id)])

    assert code == 0
    assert time.perf_counter() - started < 30
    if out.suffix == ".docx":
        document = docx.Document(str(out))
        text = "\n".join(p.text for p in document.paragraphs)
        assert OMITTED in text
        assert len(text) < PRINTED_TOTAL + 20 * PRINTED_LINE
        assert len(document.core_properties.title) <= 255


def test_a_title_of_307_characters_exports_as_docx(tmp_path: Path) -> None:
    # python-docx refuses a core property longer than 255 characters; the editor takes
    # a title of up to 100,000.
    title = _words(306, "Hội nghị trực tuyến toàn quốc quán triệt ").rstrip()
    title += "X" * (307 - len(title))
    path = tmp_path / "m.sqlite3"
    db = Database.open(path)
    try:
        conference_id = save_conference(
            db,
            ConferenceForm(
                title=title,
                date=DAY,
                chairs=(AppearanceForm(PersonRef("Trương Thị Mai")),),
                instructions=(InstructionForm("Triển khai thực hiện."),),
            ),
        )
    finally:
        db.close()

    for kind in ("minutes", "notice"):
        out = tmp_path / f"{kind}.docx"
        code = main(
            ["--db", str(path), "export", kind, str(out), "--conference", str(conference_id)]
        )

        assert code == 0
        document = docx.Document(str(out))
        assert len(document.core_properties.title) <= 255
        assert document.core_properties.title.endswith("…")
        # The paper itself prints the whole title.
        assert title.upper() in "\n".join(p.text for p in document.paragraphs).upper()
