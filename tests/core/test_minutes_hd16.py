"""The minutes in the form of HD 16-HD/VPTW (issue 14, item 13): start and end times, who
presided at this province's bridge point, the recorder with their post, who attended at
each bridge point with the head count and who was absent with the reason, and the
signatures of the recorder and of the chair of the meeting side by side."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from minutes_app.core.conferences.forms import (
    AbsenceForm,
    AppearanceForm,
    BridgePointForm,
    ConferenceForm,
    InstructionForm,
    PersonRef,
)
from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.conferences.saving import save_conference
from minutes_app.core.paperwork.minutes import home_point, minutes_chair, minutes_paper
from minutes_app.db.engine import Database
from minutes_app.formats.document import Paper, Paragraph, Signature
from minutes_app.formats.docx import write_docx
from tests.paper_helpers import OFFICE, first_conference, sample_database

CHINH = "Hoàng Duy Chinh"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = sample_database(tmp_path / "minutes.sqlite3")
    yield database
    database.close()


def who(name: str, title: str | None = None) -> AppearanceForm:
    return AppearanceForm(PersonRef(name), title)


def recorded(db: Database, **changes: object) -> int:
    """The first sample conference with ``changes`` saved over it."""
    conference = first_conference(db)
    save_conference(db, replace(load_conference(db, conference), **changes))  # type: ignore[arg-type]
    return conference


def lines(paper: Paper) -> list[str]:
    return ["".join(r.text for r in b.runs) for b in paper.body if isinstance(b, Paragraph)]


def test_start_and_end_are_written_as_hd16_writes_them(db: Database) -> None:
    conference = recorded(db, start_time="08:00", end_time="11:30")

    text = lines(minutes_paper(db, conference, OFFICE))

    assert "Thời gian: Vào hồi 08 giờ 00 phút, sáng ngày 17 tháng 02 năm 2023." in text
    assert text[-1] == "Hội nghị kết thúc vào hồi 11 giờ 30 phút cùng ngày./."


def test_times_not_recorded_are_left_to_fill_in_by_hand(db: Database) -> None:
    text = lines(minutes_paper(db, first_conference(db), OFFICE))

    assert "Thời gian: Vào hồi … giờ … phút, sáng ngày 17 tháng 02 năm 2023." in text
    assert text[-1] == "Hội nghị kết thúc vào hồi … giờ … phút cùng ngày./."


def test_the_recorder_is_named_with_the_post(db: Database) -> None:
    conference = recorded(db, secretary=who("Nông Thị Thư", "Chuyên viên Văn phòng Ban"))

    text = lines(minutes_paper(db, conference, OFFICE))

    assert "Thư ký (người ghi biên bản): Đồng chí Nông Thị Thư, Chuyên viên Văn phòng Ban." in text


def test_who_presided_at_this_provinces_bridge_point_is_named_beside_the_chair(
    db: Database,
) -> None:
    text = lines(minutes_paper(db, first_conference(db), OFFICE))

    chair = next(t for t in text if t.startswith("Chủ trì:"))
    here = next(t for t in text if t.startswith("Chủ trì tại điểm cầu tỉnh Bắc Kạn:"))
    assert "Trương Thị Mai" in chair
    assert here.startswith(f"Chủ trì tại điểm cầu tỉnh Bắc Kạn: Đồng chí {CHINH}, Ủy viên")
    assert text.index(chair) < text.index(here)


def test_this_provinces_point_is_found_by_the_office_place_among_several() -> None:
    form = ConferenceForm(
        title="Hội nghị",
        chairs=(who("Trương Thị Mai"),),
        bridge_points=(
            BridgePointForm("Điểm cầu tỉnh Lạng Sơn", presiding=(who("Người khác"),)),
            BridgePointForm("Điểm cầu tỉnh Bắc Kạn", presiding=(who(CHINH),)),
        ),
    )

    assert home_point(form, OFFICE) == form.bridge_points[1]
    assert minutes_chair(form, replace(OFFICE, place="Cao Bằng")) == who("Trương Thị Mai")
    in_person = replace(form, mode="in_person")
    assert minutes_chair(in_person, OFFICE) == who("Trương Thị Mai")


def test_attendance_by_bridge_point_with_the_head_count(db: Database) -> None:
    form = load_conference(db, first_conference(db))
    points = (
        replace(form.bridge_points[0], attendee_count=45),
        BridgePointForm("Điểm cầu huyện Ba Bể", presiding=(who("Hà Văn Điện"),), attendee_count=30),
    )
    conference = recorded(db, bridge_points=points)

    text = lines(minutes_paper(db, conference, OFFICE))

    start = text.index("Thành phần dự tại các điểm cầu:")
    assert text[start + 1].endswith("chủ trì; tổng số 45 đại biểu.")
    assert text[start + 2] == (
        "- Điểm cầu huyện Ba Bể: đồng chí Hà Văn Điện chủ trì; tổng số 30 đại biểu."
    )
    assert text[start + 3] == "Tổng số đại biểu có mặt: 75 đồng chí."


def test_no_total_is_made_up_when_a_point_has_no_count(db: Database) -> None:
    text = lines(minutes_paper(db, first_conference(db), OFFICE))

    assert not any(t.startswith("Tổng số đại biểu có mặt") for t in text)


def test_the_absent_are_listed_with_their_reasons(db: Database) -> None:
    conference = recorded(
        db,
        absent=(
            AbsenceForm(PersonRef("Lý Văn Hùng"), "Ủy viên Ban Thường vụ Tỉnh ủy", "Đi công tác."),
            AbsenceForm(PersonRef("Triệu Đức Thắng")),
        ),
    )

    text = lines(minutes_paper(db, conference, OFFICE))

    start = text.index("Vắng mặt (2 đồng chí):")
    assert text[start + 1 : start + 3] == [
        "- Đồng chí Lý Văn Hùng, Ủy viên Ban Thường vụ Tỉnh ủy (lý do: đi công tác).",
        "- Đồng chí Triệu Đức Thắng (không rõ lý do).",
    ]
    assert text.index("Thành phần dự tại các điểm cầu:") < start


def test_no_one_absent_is_said(db: Database) -> None:
    assert "Vắng mặt: không." in lines(minutes_paper(db, first_conference(db), OFFICE))


def test_recorder_and_chair_of_the_meeting_sign_side_by_side(db: Database, tmp_path: Path) -> None:
    conference = recorded(db, secretary=who("Nông Thị Thư", "Chuyên viên"))
    target = tmp_path / "bien-ban.docx"

    paper = minutes_paper(db, conference, OFFICE)
    write_docx(paper, target)

    assert paper.signatures.columns == (
        Signature("THƯ KÝ", "Nông Thị Thư"),
        Signature("CHỦ TRÌ", CHINH),
    )
    recorder, chair = docx.Document(str(target)).tables[-1].rows[0].cells
    assert (recorder.paragraphs[0].text, recorder.paragraphs[-1].text) == ("THƯ KÝ", "Nông Thị Thư")
    assert (chair.paragraphs[0].text, chair.paragraphs[-1].text) == ("CHỦ TRÌ", CHINH)


def test_the_word_file_reads_the_hd16_lines(db: Database, tmp_path: Path) -> None:
    conference = recorded(
        db,
        start_time="14:00",
        absent=(AbsenceForm(PersonRef("Lý Văn Hùng"), None, "ốm"),),
    )
    target = tmp_path / "bien-ban.docx"

    write_docx(minutes_paper(db, conference, OFFICE), target)

    text = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "Thời gian: Vào hồi 14 giờ 00 phút, sáng ngày 17 tháng 02 năm 2023." in text
    assert "- Đồng chí Lý Văn Hùng (lý do: ốm)." in text
    assert any(t.startswith("Chủ trì tại điểm cầu tỉnh Bắc Kạn: Đồng chí Hoàng") for t in text)


# --- speakers (issue 14, item 10) ------------------------------------------------------------


def test_the_chair_gives_what_has_no_speaker_and_is_not_introduced_twice(db: Database) -> None:
    conference = load_conference(db, first_conference(db))
    chair = conference.chairs[0]
    other = who("Nguyễn Văn Hùng", "Phó Trưởng ban Tổ chức Tỉnh ủy")
    speakers = [None, who(chair.person.name, "Trưởng ban"), other, other, None]
    instructions = tuple(
        InstructionForm(f"Chỉ đạo số {n}", speaker) for n, speaker in enumerate(speakers)
    )
    recorded(db, instructions=instructions)

    text = [t for t in lines(minutes_paper(db, first_conference(db), OFFICE)) if "chỉ đạo:" in t]

    # Under "Chủ trì:" the chair was named with their posts; here by name, once a run.
    assert text == [
        f"Đồng chí {chair.person.name} kết luận, chỉ đạo:",
        "Đồng chí Nguyễn Văn Hùng, Phó Trưởng ban Tổ chức Tỉnh ủy kết luận, chỉ đạo:",
        f"Đồng chí {chair.person.name} kết luận, chỉ đạo:",
    ]
