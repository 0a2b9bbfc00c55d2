"""The document model of minutes, notice and period report, built from the sample data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from minutes_app.core.conferences.loading import load_conference
from minutes_app.core.paperwork.minutes import minutes_paper
from minutes_app.core.paperwork.notice import notice_paper
from minutes_app.core.paperwork.office import load_office
from minutes_app.core.paperwork.report import (
    CHART_BARS,
    _charted_units,
    period_words,
    report_paper,
)
from minutes_app.core.paperwork.wording import DAY_BLANK, NUMBER_BLANK, day_words
from minutes_app.core.tasks.actions import cancel
from minutes_app.core.tasks.labels import CLASS_FILLS
from minutes_app.core.tasks.overdue import overdue_tasks
from minutes_app.core.tasks.rows import UnitCounts, classified_tasks, period_report
from minutes_app.core.tasks.tracking import CLASSES
from minutes_app.db.engine import Database
from minutes_app.formats.document import (
    Chart,
    NumberedItem,
    Paper,
    Paragraph,
    Recipients,
    Signature,
    Table,
)
from tests.paper_helpers import (
    NOTICE_DAY,
    OFFICE,
    REPORT_AS_OF,
    REPORT_FROM,
    REPORT_TO,
    first_conference,
    sample_database,
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = sample_database(tmp_path / "minutes.sqlite3")
    yield database
    database.close()


def tables(paper: Paper) -> list[Table]:
    return [b for b in paper.body if isinstance(b, Table)]


def paragraphs(paper: Paper) -> list[str]:
    return ["".join(r.text for r in b.runs) for b in paper.body if isinstance(b, Paragraph)]


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (dt.date(2023, 2, 17), "ngày 17 tháng 02 năm 2023"),
        (dt.date(2023, 1, 5), "ngày 05 tháng 01 năm 2023"),
        (dt.date(2023, 3, 5), "ngày 05 tháng 3 năm 2023"),
        (dt.date(2023, 12, 31), "ngày 31 tháng 12 năm 2023"),
    ],
)
def test_dates_are_written_with_the_leading_zeros_of_hd36(day: dt.date, words: str) -> None:
    assert day_words(day) == words


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (dt.date(2023, 3, 1), dt.date(2023, 3, 31), "tháng 3 năm 2023"),
        (dt.date(2023, 4, 1), dt.date(2023, 6, 30), "quý II năm 2023"),
        (dt.date(2023, 1, 1), dt.date(2023, 6, 30), "6 tháng đầu năm 2023"),
        (dt.date(2023, 7, 1), dt.date(2023, 12, 31), "6 tháng cuối năm 2023"),
        (dt.date(2023, 1, 1), dt.date(2023, 12, 31), "năm 2023"),
        (dt.date(2023, 2, 3), dt.date(2023, 2, 28), "từ ngày 03/02/2023 đến ngày 28/02/2023"),
        (dt.date(2023, 2, 1), dt.date(2023, 4, 30), "từ ngày 01/02/2023 đến ngày 30/04/2023"),
    ],
)
def test_a_period_is_named_as_the_office_names_it(start: dt.date, end: dt.date, words: str) -> None:
    assert period_words(start, end) == words


def test_minutes_heading_names_the_office_and_leaves_number_and_day_to_fill_in(
    db: Database,
) -> None:
    paper = minutes_paper(db, first_conference(db), load_office(db))

    assert [r.text for r in paper.heading.left] == ["TỈNH ỦY BẮC KẠN", "BAN TỔ CHỨC", "*"]
    assert paper.heading.left[1].bold
    assert paper.heading.right[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert paper.heading.right[0].underline
    # Not registered yet (tests/core/test_paper_numbers.py): blanks to fill in by hand.
    assert paper.heading.number == f"Số {NUMBER_BLANK}-BB/BTCTU"
    assert paper.heading.place_date == f"Bắc Kạn, ngày {DAY_BLANK} tháng {DAY_BLANK} năm 20.."
    assert paper.title.kind == "BIÊN BẢN"
    assert paper.title.subject[0].startswith("Hội nghị trực tuyến quán triệt, triển khai")


def test_a_registered_number_replaces_the_dots(db: Database) -> None:
    paper = minutes_paper(db, first_conference(db), OFFICE, number="12")
    assert paper.heading.number == "Số 12-BB/BTCTU"


def test_minutes_list_the_documents_studied_with_kind_symbol_date_issuer_subject(
    db: Database,
) -> None:
    conference = load_conference(db, first_conference(db))
    paper = minutes_paper(db, first_conference(db), OFFICE)

    [studied] = tables(paper)
    assert studied.header[:5] == (
        "TT",
        "Loại văn bản",
        "Số, ký hiệu",
        "Ngày ban hành",
        "Cơ quan ban hành",
    )
    assert [row[2] for row in studied.rows] == [
        "96-QĐ/TW",
        "97-QĐ/TW",
        "03-HD/TW",
        "22-HD/BTCTW",
    ]
    first = studied.rows[0]
    assert first[1] == "Quy định"
    assert first[3] == "02/02/2023"
    assert first[4] == "Bộ Chính trị"
    assert first[5].startswith("Về việc lấy phiếu tín nhiệm")
    assert len(studied.rows) == len(conference.documents)
    assert sum(studied.widths) == pytest.approx(165)


def test_minutes_name_chair_secretary_bridge_points_and_closing_instructions(
    db: Database,
) -> None:
    paper = minutes_paper(db, first_conference(db), OFFICE)
    text = paper.text()

    assert "Chủ trì: Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị" in text
    # The sample records no secretary: the office's clerk is named instead.
    assert "Thư ký (người ghi biên bản): Đồng chí Nông Thị Hà." in text
    assert "- Điểm cầu tỉnh Bắc Kạn: đồng chí Hoàng Duy Chinh" in text
    items = [b for b in paper.body if isinstance(b, NumberedItem)]
    assert [i.label for i in items] == ["a)", "b)"]
    assert "kịp thời, nghiêm túc và hiệu quả." in items[0].runs[0].text
    assert paragraphs(paper)[-1] == "Hội nghị kết thúc vào hồi … giờ … phút cùng ngày./."
    secretary, chair = paper.signatures.columns
    assert secretary == Signature("THƯ KÝ", "Nông Thị Hà")
    # Who presided at this province's bridge point signs the minutes recorded there.
    assert chair == Signature("CHỦ TRÌ", "Hoàng Duy Chinh")


def test_minutes_of_a_missing_conference_are_refused(db: Database) -> None:
    with pytest.raises(LookupError):
        minutes_paper(db, 999, OFFICE)


def test_notice_gives_each_instruction_its_tasks_units_and_deadlines(db: Database) -> None:
    paper = notice_paper(db, first_conference(db), OFFICE, issued_on=NOTICE_DAY)

    assert paper.heading.number == f"Số {NUMBER_BLANK}-TB/BTCTU"
    assert paper.heading.place_date == "Bắc Kạn, ngày 20 tháng 02 năm 2023"
    assert paper.title.kind == "THÔNG BÁO"
    # HD 36: the kind in capitals, the subject below it in sentence case, as typed.
    [subject] = paper.title.subject
    assert subject.startswith(
        "Kết luận của đồng chí Trương Thị Mai, Trưởng ban Tổ chức Trung ương "
        "tại Hội nghị trực tuyến quán triệt"
    )
    body = paragraphs(paper)
    assert body[0].startswith("Sáng ngày 17/02/2023, Ban Tổ chức Trung ương tổ chức hội nghị")
    assert "Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị" in body[0]
    assert [b.label for b in paper.body if isinstance(b, NumberedItem)] == ["1.", "2."]
    assert (
        "- Quán triệt Quy định 96-QĐ/TW và 97-QĐ/TW tới cấp ủy cơ sở. Chủ trì: Huyện ủy Ba Bể; "
        "phối hợp: Ban Tổ chức Tỉnh ủy Bắc Kạn; thời hạn: 31/03/2023." in body
    )
    assert any(line.endswith("Thành ủy Bắc Kạn; thời hạn: thường xuyên.") for line in body)
    recipients, signer = paper.signatures.columns
    assert isinstance(recipients, Recipients)
    assert recipients.lines[-1] == "- Lưu Văn phòng."
    assert "- Huyện ủy Ba Bể," in recipients.lines
    assert signer == Signature("PHÓ TRƯỞNG BAN", "Lý Văn Đức", "K/T TRƯỞNG BAN")


@pytest.mark.parametrize(
    ("title", "speaker_title", "subject"),
    [
        (
            "hội nghị giao ban công tác tổ chức xây dựng Đảng quý I",
            "Phó Bí thư Tỉnh ủy Bắc Kạn",
            "Kết luận của đồng chí Trương Thị Mai, Phó Bí thư Tỉnh ủy Bắc Kạn tại hội nghị "
            "giao ban công tác tổ chức xây dựng Đảng quý I",
        ),
        (
            "Sơ kết 6 tháng thực hiện Nghị quyết 18-NQ/TW",
            "",
            "Kết luận của đồng chí Trương Thị Mai tại Hội nghị sơ kết 6 tháng thực hiện "
            "Nghị quyết 18-NQ/TW",
        ),
    ],
)
def test_notice_subject_keeps_the_words_as_typed_with_a_capital_first_letter(
    db: Database, title: str, speaker_title: str, subject: str
) -> None:
    from minutes_app.core.conferences.saving import save_conference

    form = load_conference(db, first_conference(db))
    speaker = replace(form.chairs[0], title=speaker_title)
    instructions = tuple(replace(i, speaker=speaker) for i in form.instructions)
    changed = replace(form, title=title, instructions=instructions)
    save_conference(db, changed)
    paper = notice_paper(db, first_conference(db), OFFICE, issued_on=NOTICE_DAY)
    assert paper.title.subject == (subject,)


def test_notice_leaves_out_a_cancelled_task(db: Database) -> None:
    conference = first_conference(db)
    before = notice_paper(db, conference, OFFICE, issued_on=NOTICE_DAY).text()
    rows = classified_tasks(db, REPORT_AS_OF)
    [task] = [r for r in rows if r.title.startswith("Tổng hợp, báo cáo khó khăn")]
    cancel(db, [task.id], "trùng nhiệm vụ")

    after = notice_paper(db, conference, OFFICE, issued_on=NOTICE_DAY).text()
    assert "Tổng hợp, báo cáo khó khăn" in before
    assert "Tổng hợp, báo cáo khó khăn" not in after


def test_notice_signer_follows_the_office_settings(db: Database) -> None:
    office = replace(
        OFFICE, office_name="Tỉnh ủy", notice_signing="on_behalf", notice_signer="Hà Văn Bình"
    )
    paper = notice_paper(db, first_conference(db), office, issued_on=NOTICE_DAY)
    signer = paper.signatures.columns[-1]
    assert signer == Signature("BÍ THƯ", "Hà Văn Bình", "T/M BAN THƯỜNG VỤ")


def test_report_counts_are_those_of_the_report_command(db: Database) -> None:
    expected = period_report(db, REPORT_FROM, REPORT_TO, REPORT_AS_OF).to_json()
    paper = report_paper(db, REPORT_FROM, REPORT_TO, REPORT_AS_OF, OFFICE)

    counts, _overdue = tables(paper)
    units = expected["units"]
    assert isinstance(units, list)
    assert [row[1] for row in counts.rows[:-1]] == [u["unit"] for u in units]
    for row, unit in zip(counts.rows, units, strict=False):
        assert [int(n) for n in row[3:9]] == [unit[c] for c in CLASSES]
        assert int(row[2]) == sum(unit[c] for c in CLASSES)
    total = expected["total"]
    assert isinstance(total, dict)
    assert counts.rows[-1][1] == "Tổng cộng"
    assert [int(n) for n in counts.rows[-1][3:9]] == [total[c] for c in CLASSES]
    assert counts.total_row


def test_report_states_the_on_time_rate_and_period(db: Database) -> None:
    paper = report_paper(db, REPORT_FROM, REPORT_TO, REPORT_AS_OF, OFFICE)
    report = period_report(db, REPORT_FROM, REPORT_TO, REPORT_AS_OF)
    assert report.on_time_rate is not None

    assert paper.title.subject == ("Kết quả thực hiện nhiệm vụ sau hội nghị năm 2023",)
    assert paper.heading.number == f"Số {NUMBER_BLANK}-BC/BTCTU"
    rate = f"{report.on_time_rate:.0%}"
    assert f"Tỷ lệ hoàn thành đúng hạn (trên số nhiệm vụ đã hoàn thành): {rate}." in paper.text()
    assert "tính đến ngày 30/06/2024" in paragraphs(paper)[0]


def test_report_lists_every_overdue_task_with_the_deadline_it_missed(db: Database) -> None:
    paper = report_paper(db, REPORT_FROM, REPORT_TO, REPORT_AS_OF, OFFICE)
    overdue = classified_tasks(
        db, REPORT_AS_OF, classes=["overdue"], assigned_from=REPORT_FROM, assigned_to=REPORT_TO
    )

    _counts, listed = tables(paper)
    assert sorted(row[1] for row in listed.rows) == sorted(t.title for t in overdue)
    for row in listed.rows:
        deadline = dt.datetime.strptime(row[4], "%d/%m/%Y").date()
        assert int(row[5]) == (REPORT_AS_OF - deadline).days > 0


def test_report_chart_shows_each_unit_by_class(db: Database) -> None:
    paper = report_paper(db, REPORT_FROM, REPORT_TO, REPORT_AS_OF, OFFICE)
    report = period_report(db, REPORT_FROM, REPORT_TO, REPORT_AS_OF)

    [chart] = [b for b in paper.body if isinstance(b, Chart)]
    assert chart.categories == tuple(u.unit for u in report.units)
    assert [s.key for s in chart.series] == list(CLASSES)
    assert chart.series[3].colour == CLASS_FILLS["overdue"]
    for i, unit in enumerate(report.units):
        assert chart.total(i) == sum(unit.counts.values())


def test_report_of_an_empty_period_says_there_is_nothing_overdue(db: Database) -> None:
    paper = report_paper(db, dt.date(2030, 1, 1), dt.date(2030, 3, 31), None, OFFICE)

    assert not any(isinstance(b, Chart) for b in paper.body)
    assert "Không có nhiệm vụ quá hạn./." in paragraphs(paper)
    assert "chưa có nhiệm vụ hoàn thành." in paper.text()
    assert paper.title.subject == ("Kết quả thực hiện nhiệm vụ sau hội nghị quý I năm 2030",)


def test_a_long_overdue_list_names_the_most_overdue_and_says_how_many_are_left_out(
    db: Database,
) -> None:
    report = period_report(db, REPORT_FROM, REPORT_TO, REPORT_AS_OF)
    overdue = overdue_tasks(db, report)
    assert len(overdue) >= 3
    paper = report_paper(db, REPORT_FROM, REPORT_TO, REPORT_AS_OF, OFFICE, listed_at_most=2)

    _counts, listed = tables(paper)
    most = sorted(overdue, key=lambda o: (-o.days_overdue, o.task.id))[:2]
    assert sorted(row[1] for row in listed.rows) == sorted(o.task.title for o in most)
    assert [row[0] for row in listed.rows] == ["1", "2"]
    least = min(o.days_overdue for o in most)
    assert (
        f"Có {len(overdue)} nhiệm vụ quá hạn; dưới đây là 2 nhiệm vụ quá hạn lâu nhất "
        f"(từ {least} ngày trở lên)." in paper.text()
    )
    # Under the limit, every overdue task is listed and nothing is said about the rest.
    whole = report_paper(db, REPORT_FROM, REPORT_TO, REPORT_AS_OF, OFFICE)
    assert len(tables(whole)[1].rows) == len(overdue)
    assert "nhiệm vụ quá hạn lâu nhất" not in whole.text()


def test_chart_of_many_units_draws_those_with_the_most_tasks() -> None:
    units = tuple(
        UnitCounts(f"Đơn vị {i:02}", {c: (i if c == "overdue" else 1) for c in CLASSES})
        for i in range(30)
    )
    charted = _charted_units(units)
    assert [u.unit for u in charted] == [f"Đơn vị {i:02}" for i in range(30 - CHART_BARS, 30)]
    assert _charted_units(units[:CHART_BARS]) == units[:CHART_BARS]
