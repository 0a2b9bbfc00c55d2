"""The command line of shared/CONTRACT.md: one function per subcommand, exit codes 0/1/2."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from minutes_app import APP_NAME, __version__
from minutes_app.base.files import remove_leftovers, write_atomically
from minutes_app.base.text import display_width, fitted, nfc

OK, REFUSED, USAGE = 0, 1, 2  # the contract's exit codes

# --- the language of the command line ------------------------------------------------------
# English is the source language, as in the window, and Vietnamese its translation, spoken
# with ``--lang vi``. (Not taken from the window's settings: what a script reads must not
# change when someone picks a language in the window.) Only the program's own words
# change: names and titles print as stored, JSON is never translated, and argparse's usage
# lines stay English.

LANGUAGES = ("vi", "en")
_SPOKEN = {"language": "en"}  # set by main() for this run

VIETNAMESE: dict[str, str] = {
    # reading and writing files
    "{name}: cannot be read ({reason})": "{name}: không đọc được ({reason})",
    "{name}: cannot be written ({reason})": "{name}: không ghi được ({reason})",
    "{name}: not UTF-8 text (byte {at})": "{name}: không phải văn bản UTF-8 (byte {at})",
    "{option}: {day} is out of range ({first} to {last})": (
        "{option}: ngày {day} nằm ngoài khoảng cho phép (từ {first} đến {last})"
    ),
    "--from: after --to": "--from: ngày bắt đầu sau ngày kết thúc (--to)",
    # import-json and demo (the labels of core.exchange.importing.summary_lines)
    "units added": "đơn vị thêm mới",
    "people added": "cá nhân thêm mới",
    "documents added": "văn bản thêm mới",
    "conferences added": "hội nghị thêm mới",
    "tasks added": "nhiệm vụ thêm mới",
    "conferences already present, left as they were": "hội nghị đã có, giữ nguyên",
    "tasks already present (same uid), left as they were": (
        "nhiệm vụ đã có (cùng uid), giữ nguyên"
    ),
    # conferences
    "morning": "sáng",
    "afternoon": "chiều",
    "evening": "tối",
    "chair: {chairs}; bridge points: {points}; documents: {documents}; tasks: {tasks}": (
        "chủ trì: {chairs}; điểm cầu: {points}; văn bản: {documents}; nhiệm vụ: {tasks}"
    ),
    "No conferences recorded yet.": "Chưa có hội nghị nào.",
    # tasks and task actions
    "Tasks as of {day}: {count}": "Nhiệm vụ tính đến ngày {day}: {count}",
    "ID": "Mã",
    "Class": "Tình trạng",
    "Days late": "Số ngày trễ",
    "Deadline": "Hạn",
    "Lead unit": "Đơn vị chủ trì",
    "Task": "Nhiệm vụ",
    "OVERDUE": "QUÁ HẠN",
    "in progress": "đang thực hiện",
    "ongoing": "thường xuyên",
    "done late": "hoàn thành trễ hạn",
    "done on time": "hoàn thành đúng hạn",
    "cancelled": "đã hủy",
    "task {id} (version {version}): {state}, deadline {deadline}, {unit}: {title}": (
        "nhiệm vụ {id} (phiên bản {version}): {state}, hạn {deadline}, {unit}: {title}"
    ),
    "a reason or note is required": "cần ghi lý do hoặc nội dung",
    "the completion date is after today": "ngày hoàn thành sau ngày hôm nay",
    "the date is before the task was given": "ngày này trước ngày giao nhiệm vụ",
    "the new deadline is not after the current one": "hạn mới không sau hạn hiện tại",
    "the task is ongoing (no deadline) and cannot be extended": (
        "nhiệm vụ thường xuyên (không có hạn) nên không gia hạn được"
    ),
    "the task is already done or cancelled": "nhiệm vụ đã hoàn thành hoặc đã hủy",
    "the task is not done or cancelled, so it cannot be reopened": (
        "nhiệm vụ chưa hoàn thành hay bị hủy nên không mở lại được"
    ),
    "the text is too long (at most 100,000 characters)": (
        "nội dung quá dài (tối đa 100.000 ký tự)"
    ),
    "task {id}: {reason}; nothing was written": "nhiệm vụ {id}: {reason}; chưa ghi gì",
    # report
    "Tasks assigned from {start} to {end}, as of {as_of}": (
        "Nhiệm vụ giao từ {start} đến {end}, tính đến ngày {as_of}"
    ),
    "on time": "đúng hạn",
    "late": "trễ hạn",
    "overdue": "quá hạn",
    "Total": "Tổng cộng",
    "Done on time: {rate}": "Tỷ lệ hoàn thành đúng hạn: {rate}",
    "Done on time: no task finished yet": (
        "Tỷ lệ hoàn thành đúng hạn: chưa có nhiệm vụ hoàn thành"
    ),
    # search
    "Conferences": "Hội nghị",
    "Documents": "Văn bản",
    "Tasks": "Nhiệm vụ",
    "People": "Cá nhân",
    "Units": "Đơn vị",
    "Nothing found.": "Không tìm thấy kết quả nào.",
    # parse
    "Title": "Tiêu đề",
    "Date": "Thời gian",
    "from “{words}”": "theo “{words}”",
    "year not in the text: inferred": "văn bản không ghi năm: năm được suy ra",
    "Organizer": "Cơ quan tổ chức",
    "Host point": "Điểm cầu chính",
    "Chaired by": "Chủ trì",
    "Bridge points": "Các điểm cầu",
    "presiding": "chủ trì",
    "Documents studied": "Văn bản được quán triệt",
    "issued {day}": "ban hành ngày {day}",
    "Closing instructions": "Kết luận, chỉ đạo",
    "none found in the text": "không thấy trong văn bản",
    # export and backup
    "--conference {id}: no such conference": "--conference {id}: không có hội nghị này",
    "{dest}: is the database itself or a file SQLite keeps beside it; choose another "
    "file. Nothing was written.": (
        "{dest}: là chính cơ sở dữ liệu hoặc tệp SQLite giữ bên cạnh nó; hãy chọn tệp "
        "khác. Chưa ghi gì."
    ),
    # the database
    "the database is busy: another copy of minutes-app is writing to it; try again": (
        "cơ sở dữ liệu đang bận: một cửa sổ minutes-app khác đang ghi vào; hãy thử lại"
    ),
    "the database cannot be written: the file or its folder is read-only; nothing was changed": (
        "không ghi được vào cơ sở dữ liệu: tệp hoặc thư mục chứa nó chỉ cho phép đọc; "
        "chưa thay đổi gì"
    ),
    "the database cannot be used: {reason}": "không dùng được cơ sở dữ liệu: {reason}",
    "unexpected error: {kind}: {reason}": "lỗi chưa lường trước: {kind}: {reason}",
    # the window
    "the window needs a desktop session, and there is none here (neither DISPLAY nor "
    "WAYLAND_DISPLAY is set: a text console, or SSH without X forwarding). Start it from "
    "the desktop; the commands work anywhere (minutes-app --help).": (
        "cửa sổ chương trình cần một phiên làm việc có màn hình đồ họa, ở đây không có (chưa "
        "đặt DISPLAY hay WAYLAND_DISPLAY: đây là màn hình dòng lệnh, hoặc SSH không chuyển "
        "tiếp X). Hãy mở chương trình trên màn hình nền; các lệnh thì chạy được ở mọi nơi "
        "(minutes-app --help)."
    ),
    "the window cannot open on this desktop ({variable}={where}): {reason}. Check that "
    "the desktop session is running and reachable; the commands work anywhere "
    "(minutes-app --help).": (
        "cửa sổ chương trình không mở được trên màn hình này ({variable}={where}): "
        "{reason}. Hãy kiểm tra phiên làm việc đồ họa đang chạy và kết nối được; các lệnh "
        "thì chạy được ở mọi nơi (minutes-app --help)."
    ),
}

# The words of a refused database (``DatabaseRefused.reason``) in Vietnamese; in English
# the refusal says its own words.
_REFUSED_VI = {
    "folder": "{path} là một thư mục, không phải tệp cơ sở dữ liệu.",
    "not_sqlite": "{path} không phải cơ sở dữ liệu của minutes-app (không phải tệp SQLite).",
    "foreign": "{path} là cơ sở dữ liệu SQLite của chương trình khác, không phải của minutes-app.",
    "unreadable": "Không đọc được {path}: tệp có thể đã bị hỏng.",
    "newer": (
        "{path} được ghi bởi phiên bản minutes-app mới hơn. Hãy cập nhật chương trình; "
        "tệp không bị thay đổi."
    ),
    "busy": (
        "{path} đang bận: một cửa sổ minutes-app khác đang ghi vào tệp; hãy thử lại sau giây lát."
    ),
    "no_folder": (
        "Không mở được {path}: thư mục chứa tệp không tồn tại (ổ đĩa hoặc thư mục dùng "
        "chung trên mạng đã được kết nối chưa?). Chưa có gì được tạo ra."
    ),
    "empty_file": (
        "{path} rỗng (0 byte): dữ liệu trong tệp đã mất, có thể do lỗi ổ đĩa hoặc một lần "
        "sao chép bị ngắt. Chưa thay đổi gì; hãy khôi phục từ bản sao lưu trong cửa sổ "
        "chương trình (Tệp → Khôi phục từ bản sao lưu…), hoặc xóa tệp để bắt đầu cơ sở dữ "
        "liệu mới."
    ),
    "damaged": (
        "{path} bị hỏng: {where}. Chưa thay đổi gì; hãy khôi phục từ bản sao lưu trong "
        "cửa sổ chương trình (Tệp → Khôi phục từ bản sao lưu…)."
    ),
}
_ENTITIES_VI = {"task": "nhiệm vụ", "conference": "hội nghị", "instruction": "kết luận"}


def say(text: str, /, **values: object) -> str:
    """``text`` (English, with ``{name}`` fields) in the language of this run, filled in
    with ``values``."""
    if _SPOKEN["language"] == "vi":
        text = VIETNAMESE.get(text, text)
    return text.format(**values) if values else text


def _refusal_words(exc: Exception) -> str:
    """Why the database was refused (a ``DatabaseRefused``), in the language of this run."""
    reason = getattr(exc, "reason", None)
    words = _REFUSED_VI.get(reason or "") if _SPOKEN["language"] == "vi" else None
    if words is None:
        return str(exc)
    damage = [str(d) for d in getattr(exc, "damage", [])]
    where = damage[0] if damage else "SQLite tìm thấy lỗi trong tệp"
    if len(damage) > 1:
        where += f" (và {len(damage) - 1} vấn đề khác)"
    return words.format(path=getattr(exc, "path", ""), where=where)


def _stale_words(exc: Exception) -> str:
    """Why a write was refused (a ``StaleRecord`` or ``RecordGone``), in the language of
    this run."""
    from minutes_app.db.versions import RecordGone, StaleRecord

    if _SPOKEN["language"] != "vi":
        return str(exc)
    if isinstance(exc, StaleRecord):
        entity = _ENTITIES_VI.get(exc.entity, exc.entity)
        who = exc.by or "một cửa sổ khác của chương trình"
        when = f" lúc {exc.at:%d/%m/%Y %H:%M:%S}" if exc.at else ""
        return (
            f"{entity} {exc.record_id} đã được {who} sửa{when} sau khi bạn đọc (phiên bản "
            f"{exc.current}, bạn đọc phiên bản {exc.read}); chưa ghi gì"
        )
    if isinstance(exc, RecordGone):
        entity = _ENTITIES_VI.get(exc.entity, exc.entity)
        where = (
            "đã bị chuyển vào thùng rác"
            if exc.trashed
            else "không còn trong cơ sở dữ liệu (có thể đã bị xóa)"
        )
        return f"{entity} {exc.record_id} {where}; chưa ghi gì"
    return str(exc)


class Refused(Exception):
    """Bad input or a refusal: each line of the message goes to stderr, exit code 1."""


Command = Callable[[argparse.Namespace], int]


# The databases this run opened: once a command has done its work, each is noted as sound.
_OPENED: list[Path] = []
CHECKED_FILE = "checked-databases.json"  # in the data folder: see db/soundness.CheckedFiles


def _checked_files() -> Any:
    from minutes_app.base.paths import data_dir
    from minutes_app.db.soundness import CheckedFiles

    return CheckedFiles(data_dir() / CHECKED_FILE)


def _open_db(args: argparse.Namespace) -> Any:
    """The database of ``--db``, checked for damage unless it is untouched since it was last
    found sound; of a folder that does not exist, only the data folder is made."""
    from minutes_app.base.paths import data_dir, default_database
    from minutes_app.db.soundness import open_sound

    path = Path(args.db) if args.db else default_database()
    db = open_sound(path, data_dir(), _checked_files())
    _OPENED.append(path)
    remove_leftovers(path.parent)  # what a killed or failed write left beside the database
    return db


def _read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise Refused(
            say("{name}: cannot be read ({reason})", name=name, reason=_os_reason(exc))
        ) from exc


def _os_reason(exc: OSError) -> str:
    return str(exc.strerror or exc)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def cmd_import_json(args: argparse.Namespace) -> int:
    from minutes_app.core.exchange.importing import import_exchange, summary_lines
    from minutes_app.core.exchange.reading import ExchangeError, read_exchange

    raw = _read_input(args.file)
    try:
        exchange = read_exchange(raw)
        db = _open_db(args)
        try:
            summary = import_exchange(db, exchange)
        finally:
            db.close()
    except ExchangeError as exc:
        raise Refused("\n".join(exc.problems)) from exc
    _print_summary(summary_lines(summary))
    return OK


def _print_summary(lines: Sequence[str]) -> None:
    """The lines of an import's summary ("units added: 4"), their labels translated."""
    for line in lines:
        label, _, count = line.rpartition(": ")
        print(f"{say(label)}: {count}")


def cmd_export_json(args: argparse.Namespace) -> int:
    from minutes_app.core.exchange.exporting import export_exchange

    db = _open_db(args)
    try:
        text = _dump(export_exchange(db))
    finally:
        db.close()
    if args.file == "-":
        sys.stdout.write(text)
    else:
        try:
            write_atomically(Path(args.file), text.encode("utf-8"))
        except OSError as exc:
            raise Refused(
                say("{name}: cannot be written ({reason})", name=args.file, reason=_os_reason(exc))
            ) from exc
    return OK


_SESSIONS = ("morning", "afternoon", "evening")  # the draft's and the list's "session"


def cmd_conferences(args: argparse.Namespace) -> int:
    from minutes_app.core.conferences.listing import list_conferences

    db = _open_db(args)
    try:
        rows = list_conferences(db)
    finally:
        db.close()
    if args.json:
        sys.stdout.write(_dump([r.to_json() for r in rows]))
        return OK
    sessions = {name: say(name) for name in _SESSIONS}
    session_width = max(map(display_width, sessions.values()))
    for r in rows:
        session = fitted(sessions.get(r.session or "", ""), session_width)
        print(f"{r.id:>5}  {r.date:%d/%m/%Y} {session}  {_line(r.title)}")
        facts = say(
            "chair: {chairs}; bridge points: {points}; documents: {documents}; tasks: {tasks}",
            chairs=", ".join(r.chairs) or "—",
            points=len(r.bridge_points),
            documents=len(r.documents),
            tasks=r.tasks,
        )
        print(f"       {_line(facts)}")
    if not rows:
        print(say("No conferences recorded yet."))
    return OK


def cmd_demo(args: argparse.Namespace) -> int:
    from minutes_app.core.exchange.importing import summary_lines
    from minutes_app.core.exchange.reading import ExchangeError
    from minutes_app.core.exchange.samples import load_samples

    db = _open_db(args)
    try:
        summary = load_samples(db)
    except ExchangeError as exc:  # the database refused the samples: said as import-json does
        raise Refused("\n".join(exc.problems)) from exc
    finally:
        db.close()
    _print_summary(summary_lines(summary))
    return OK


def iso_date(text: str) -> dt.date:
    """A DATE argument: YYYY-MM-DD."""
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}")


_DATE_OPTIONS = {"start": "--from", "end": "--to", "as_of": "--as-of"}


def _check_days(args: argparse.Namespace) -> None:
    """Refuse a DATE outside the days the program reckons with (core.limits): a real date
    such as 9999-12-31 has no day after it, and a period's end needs one."""
    from minutes_app.base.limits import FIRST_DAY, LAST_DAY, day_in_range

    wrong = [
        say(
            "{option}: {day} is out of range ({first} to {last})",
            option=option,
            day=day.isoformat(),
            first=FIRST_DAY.isoformat(),
            last=LAST_DAY.isoformat(),
        )
        for name, option in _DATE_OPTIONS.items()
        if isinstance(day := getattr(args, name, None), dt.date) and not day_in_range(day)
    ]
    if wrong:
        raise Refused("\n".join(wrong))


# The words of each tracking class: in a task's line, and as a column of the report.
_CLASS_WORDS = {
    "done_on_time": "done on time",
    "done_late": "done late",
    "in_progress": "in progress",
    "overdue": "OVERDUE",
    "ongoing": "ongoing",
    "cancelled": "cancelled",
}
_REPORT_WORDS = {
    "done_on_time": "on time",
    "done_late": "late",
    "in_progress": "in progress",
    "overdue": "overdue",
    "ongoing": "ongoing",
    "cancelled": "cancelled",
}
_TASK_COLUMNS = ("ID", "Class", "Days late", "Deadline", "Lead unit", "Task")
UNIT_COLUMN = 36
"""The widest a unit's name is printed in a table (terminal columns); a longer one is cut
with "…" so that the columns after it stay in line."""


def _day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def _line(text: str) -> str:
    """``text`` on one line, in NFC: a title typed over several lines keeps the table's."""
    return " ".join(nfc(text).split())


def _table(rows: Sequence[Sequence[str]], right: Sequence[bool], widest: Sequence[int]) -> None:
    """Print ``rows`` (the first is the header) in columns two spaces apart, each as wide
    as its widest cell by display width (a combining tone mark takes no column) but at most
    ``widest`` (0: no limit); the last column is not padded on the right."""
    widths = [
        min(max(display_width(row[i]) for row in rows), limit or sys.maxsize)
        for i, limit in enumerate(widest)
    ]
    last = len(widths) - 1
    for row in rows:
        cells = [
            fitted(cell, widths[i], right=right[i]) if i < last or right[i] else cell
            for i, cell in enumerate(row)
        ]
        print("  ".join(cells).rstrip())


def cmd_tasks(args: argparse.Namespace) -> int:
    from minutes_app.core.tasks.rows import by_urgency, classified_tasks

    as_of = args.as_of or dt.date.today()
    db = _open_db(args)
    try:
        rows = classified_tasks(db, as_of, classes=args.classes or (), unit=args.unit)
    finally:
        db.close()
    if args.json:  # in id order, as the contract's list has always been
        sys.stdout.write(_dump([r.to_json() for r in rows]))
        return OK
    print(say("Tasks as of {day}: {count}", day=_day(as_of), count=len(rows)))
    if not rows:
        return OK
    header = [say(word) for word in _TASK_COLUMNS]
    lines = [
        [
            str(r.id),
            say(_CLASS_WORDS[r.tracking]),
            str((as_of - r.deadline).days) if r.tracking == "overdue" and r.deadline else "",
            _day(r.deadline),
            _line(r.lead_unit),
            _line(r.title),
        ]
        for r in by_urgency(rows)
    ]
    _table(
        [header, *lines],
        right=(True, False, True, False, False, False),
        widest=(0, 0, 0, 0, UNIT_COLUMN, 0),
    )
    return OK


# Why a task action was refused (TaskActionError.code), in plain words (see ``say``).
_ACTION_REFUSALS = {
    "required": "a reason or note is required",
    "future": "the completion date is after today",
    "before_assigned": "the date is before the task was given",
    "not_later": "the new deadline is not after the current one",
    "no_deadline": "the task is ongoing (no deadline) and cannot be extended",
    "not_open": "the task is already done or cancelled",
    "not_done": "the task is not done or cancelled, so it cannot be reopened",
    "too_long": "the text is too long (at most 100,000 characters)",
}


def _current_user() -> str:
    from minutes_app.base.identity import user_from_settings
    from minutes_app.base.paths import settings_file

    return user_from_settings(settings_file())


def cmd_task(args: argparse.Namespace) -> int:
    """One action on one task, recorded in its history exactly as the window records it."""
    from minutes_app.base.text import clean
    from minutes_app.core.tasks import actions as task_actions
    from minutes_app.core.tasks.actions import TaskActionError
    from minutes_app.core.tasks.rows import task_row
    from minutes_app.db.versions import RecordGone, StaleRecord

    by = _current_user()
    read = None if args.if_version is None else {args.task_id: args.if_version}
    ids = [args.task_id]
    db = _open_db(args)
    try:
        try:
            if args.action == "progress":
                task_actions.add_progress(db, ids, args.note, by=by, read=read)
            elif args.action == "extend":
                task_actions.extend_deadline(db, ids, args.to, args.reason, by=by, read=read)
            elif args.action == "complete":
                task_actions.complete(db, ids, args.on, args.result, by=by, read=read)
            elif args.action == "reopen":
                if clean(args.reason) is None:  # the contract's reopen takes a reason
                    raise TaskActionError("required")
                task_actions.reopen(db, ids, args.reason, by=by, read=read)
            else:
                task_actions.cancel(db, ids, args.reason, by=by, read=read)
        except (StaleRecord, RecordGone) as exc:
            raise Refused(_stale_words(exc)) from exc
        except TaskActionError as exc:
            reason = say(_ACTION_REFUSALS[exc.code]) if exc.code in _ACTION_REFUSALS else exc.code
            raise Refused(
                say("task {id}: {reason}; nothing was written", id=args.task_id, reason=reason)
            ) from exc
        row = task_row(db, args.task_id, dt.date.today())
    finally:
        db.close()
    assert row is not None
    if args.json:
        sys.stdout.write(_dump(row.to_json()))
    else:
        print(
            say(
                "task {id} (version {version}): {state}, deadline {deadline}, {unit}: {title}",
                id=row.id,
                version=row.version,
                state=say(_CLASS_WORDS[row.tracking]),
                deadline=_day(row.deadline),
                unit=_line(row.lead_unit),
                title=_line(row.title),
            )
        )
    return OK


def cmd_report(args: argparse.Namespace) -> int:
    from minutes_app.core.tasks.rows import period_report
    from minutes_app.core.tasks.tracking import CLASSES

    if args.start > args.end:
        raise Refused(say("--from: after --to"))
    db = _open_db(args)
    try:
        report = period_report(db, args.start, args.end, args.as_of)
    finally:
        db.close()
    if args.json:
        sys.stdout.write(_dump(report.to_json()))
        return OK
    print(
        say(
            "Tasks assigned from {start} to {end}, as of {as_of}",
            start=_day(report.start),
            end=_day(report.end),
            as_of=_day(report.as_of),
        )
    )
    header = [say("Lead unit"), *(say(_REPORT_WORDS[c]) for c in CLASSES)]
    lines = [[_line(u.unit), *(str(u.counts[c]) for c in CLASSES)] for u in report.units]
    lines.append([say("Total"), *(str(report.total[c]) for c in CLASSES)])
    _table(
        [header, *lines],
        right=(False, *(True for _ in CLASSES)),
        widest=(UNIT_COLUMN, *(0 for _ in CLASSES)),
    )
    rate = report.on_time_rate
    print(
        say("Done on time: {rate}", rate=f"{rate:.0%}")
        if rate is not None
        else say("Done on time: no task finished yet")
    )
    return OK


_KIND_WORDS = {
    "conference": "Conferences",
    "document": "Documents",
    "task": "Tasks",
    "person": "People",
    "unit": "Units",
}


def cmd_search(args: argparse.Namespace) -> int:
    from minutes_app.core.search import KINDS, search

    db = _open_db(args)
    try:
        hits = search(db, args.query)
    finally:
        db.close()
    if args.json:
        sys.stdout.write(_dump([h.to_json() for h in hits]))
        return OK
    if not hits:
        print(say("Nothing found."))
    for kind in KINDS:
        group = [h for h in hits if h.type == kind]
        if group:
            shown = f"{len(group)}/{hits.total_text(kind)}"
            count = shown if len(group) < hits.total(kind) else len(group)
            print(f"{say(_KIND_WORDS[kind])} ({count})")
        for hit in group:
            print(f"  {hit.id:>6}  {_line(hit.label)}")
            if hit.snippet:
                print(f"          {_line(hit.snippet)}")
    return OK


def cmd_parse(args: argparse.Namespace) -> int:
    from minutes_app.core.parsing.draft import draft_from_text, draft_to_json

    raw = _read_input(args.file)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(
            say("{name}: not UTF-8 text (byte {at})", name=args.file, at=exc.start)
        ) from exc
    draft = draft_from_text(text)
    if args.json:
        sys.stdout.write(_dump(draft_to_json(draft)))
        return OK
    for line in _draft_lines(draft):
        print(line)
    return OK


def _person(name: str, title: str | None) -> str:
    return _line(f"{name}, {title}" if title else name)


def _draft_lines(draft: Any) -> list[str]:
    """A ``ConferenceDraft`` as a clerk reads it: one field a line, lists numbered below
    their heading, dates as dd/mm/yyyy, what the text does not say marked "—"."""
    none = f"  ({say('none found in the text')})"
    when = "—"
    if draft.date is not None:
        when = _day(draft.date)
        if draft.session:
            when += f", {say(draft.session)}"
        source = [say("from “{words}”", words=_line(draft.date_text or ""))]
        if draft.year_inferred:
            source.append(say("year not in the text: inferred"))
        when += f" ({'; '.join(source)})"
    lines = [
        f"{say('Title')}: {_line(draft.title or '—')}",
        f"{say('Date')}: {when}",
        f"{say('Organizer')}: {_line(draft.organizer or '—')}",
        f"{say('Host point')}: {_line(draft.host_point or '—')}",
        f"{say('Chaired by')}:",
        *(f"  - {_person(p.name, p.title)}" for p in draft.chairs),
    ]
    if not draft.chairs:
        lines.append(none)
    lines.append(f"{say('Bridge points')}:")
    for point in draft.bridge_points:
        presiding = "; ".join(_person(p.name, p.title) for p in point.presiding)
        lines.append(
            f"  - {_line(point.name)}"
            + (f" — {say('presiding')}: {presiding}" if presiding else "")
        )
    if not draft.bridge_points:
        lines.append(none)
    lines.append(f"{say('Documents studied')}:")
    for n, doc in enumerate(draft.documents, 1):
        facts = [f"{doc.kind} {doc.symbol or doc.number}"]
        if doc.issued_on:
            facts.append(say("issued {day}", day=_day(doc.issued_on)))
        if doc.issuer:
            facts.append(doc.issuer)
        lines.append(f"  {n}. {_line(', '.join(facts))}")
        if doc.subject:
            lines.append(f"     {_line(doc.subject)}")
    if not draft.documents:
        lines.append(none)
    lines.append(f"{say('Closing instructions')}:")
    lines.extend(f"  {n}. {_line(text)}" for n, text in enumerate(draft.instructions, 1))
    if not draft.instructions:
        lines.append(none)
    return lines


def cmd_backup(args: argparse.Namespace) -> int:
    from minutes_app.db.backup import BackupError, backup_database

    db = _open_db(args)
    try:
        written = backup_database(db, Path(args.dest))
    except BackupError as exc:  # the database itself, or its -wal or -journal
        raise Refused(
            say(
                "{dest}: is the database itself or a file SQLite keeps beside it; choose "
                "another file. Nothing was written.",
                dest=args.dest,
            )
        ) from exc
    except OSError as exc:
        raise Refused(
            say("{name}: cannot be written ({reason})", name=args.dest, reason=_os_reason(exc))
        ) from exc
    finally:
        db.close()
    print(written)
    return OK


def cmd_export(args: argparse.Namespace) -> int:
    from minutes_app.base.limits import MAX_INTEGER
    from minutes_app.base.progress import ExportCancelled
    from minutes_app.exporting import ExportRequest, problems, run_export

    request = ExportRequest(
        kind=args.kind,
        target=Path(args.out),
        conference_id=args.conference,
        start=args.start,
        end=args.end,
        as_of=args.as_of,
    )
    found = problems(request)
    if found:
        raise Refused("\n".join(found))
    if args.conference is not None and not 1 <= args.conference <= MAX_INTEGER:
        raise Refused(say("--conference {id}: no such conference", id=args.conference))
    db = _open_db(args)
    try:
        run_export(db, request)
    except LookupError as exc:
        raise Refused(say("--conference {id}: no such conference", id=args.conference)) from exc
    except OSError as exc:
        raise Refused(
            say("{name}: cannot be written ({reason})", name=args.out, reason=_os_reason(exc))
        ) from exc
    except ExportCancelled as exc:  # only a progress callback cancels; none is given here
        raise Refused(str(exc)) from exc
    finally:
        db.close()
    print(request.target)
    return OK


def _no_desktop() -> bool:
    """Whether the window has nowhere to open: on Linux and the like, no X11 or Wayland
    display is named and no Qt platform chosen (a text console, SSH without forwarding)."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _start_qt() -> None:
    """Make the QApplication, saying in plain words why not where Qt cannot (a display
    that is not there, a library missing): Qt itself prints its plugin list and aborts."""
    from PySide6.QtCore import QtMsgType, qFormatLogMessage, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    held: list[str] = []

    def hold(kind: QtMsgType, context: Any, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            reason = held[0].partition(": ")[2] if held else message.splitlines()[0]
            where = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or ""
            variable = "DISPLAY" if os.environ.get("DISPLAY") else "WAYLAND_DISPLAY"
            said = say(
                "the window cannot open on this desktop ({variable}={where}): {reason}. "
                "Check that the desktop session is running and reachable; the commands "
                "work anywhere (minutes-app --help).",
                variable=variable,
                where=where,
                reason=reason.strip().rstrip("."),
            )
            print(f"{APP_NAME}: {said}", file=sys.stderr, flush=True)
            os._exit(REFUSED)  # before Qt's abort()
        held.append(qFormatLogMessage(kind, context, message))

    previous = qInstallMessageHandler(hold)
    try:
        if QApplication.instance() is None:
            QApplication(sys.argv[:1])
    finally:
        qInstallMessageHandler(previous)
    for line in held:  # what Qt said on a start that worked after all
        print(line, file=sys.stderr)


def cmd_open_window(args: argparse.Namespace) -> int:
    if _no_desktop():
        raise Refused(
            say(
                "the window needs a desktop session, and there is none here (neither DISPLAY "
                "nor WAYLAND_DISPLAY is set: a text console, or SSH without X forwarding). "
                "Start it from the desktop; the commands work anywhere (minutes-app --help)."
            )
        )
    _start_qt()
    from minutes_app.ui.app import run_app

    return run_app(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Minutes and follow-up tasks of online conferences.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the SQLite file (default: per-user data)")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the window (default: its settings, else vi) and of the messages "
        "here (default: en)",
    )
    parser.set_defaults(run=cmd_open_window)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = commands.add_parser("import-json", help="merge an exchange file into the database")
    p.add_argument("file", metavar="FILE", help="exchange file ('-' = stdin)")
    p.set_defaults(run=cmd_import_json)

    p = commands.add_parser("export-json", help="write the whole database as an exchange file")
    p.add_argument("file", metavar="FILE", help="output file ('-' = stdout)")
    p.set_defaults(run=cmd_export_json)

    p = commands.add_parser("conferences", help="list conferences, newest first")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_conferences)

    p = commands.add_parser("tasks", help="tasks with their tracking class")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="classify as of DATE")
    p.add_argument(
        "--class",
        dest="classes",
        action="append",
        metavar="CLASS",
        choices=("done_on_time", "done_late", "in_progress", "overdue", "ongoing", "cancelled"),
        help="only tasks of this class (repeatable)",
    )
    p.add_argument("--unit", metavar="NAME", help="only tasks led by this unit")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_tasks)

    p = commands.add_parser("report", help="tasks of a period counted per lead unit")
    p.add_argument("--from", dest="start", type=iso_date, required=True, metavar="DATE")
    p.add_argument("--to", dest="end", type=iso_date, required=True, metavar="DATE")
    p.add_argument(
        "--as-of", type=iso_date, metavar="DATE", help="default: --to, or today if earlier"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_report)

    p = commands.add_parser("parse", help="read article or notice text, print a conference draft")
    p.add_argument("file", metavar="FILE", help="text file ('-' = stdin)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_parse)

    p = commands.add_parser("search", help="search everything, blind to case and accents")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_search)

    p = commands.add_parser(
        "export", help="minutes, notice, tasks, calendar or report as .docx/.pdf/.xlsx/.csv/.ics"
    )
    p.add_argument(
        "kind", metavar="KIND", choices=("minutes", "notice", "tasks", "calendar", "report")
    )
    p.add_argument("out", metavar="OUT", help="the file to write; its extension sets the format")
    p.add_argument("--conference", type=int, metavar="ID", help="for minutes and notice")
    p.add_argument("--from", dest="start", type=iso_date, metavar="DATE", help="for report")
    p.add_argument("--to", dest="end", type=iso_date, metavar="DATE", help="for report")
    p.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help="default: today (report: --to, or today if earlier)",
    )
    p.set_defaults(run=cmd_export)

    p = commands.add_parser("backup", help="consistent copy of the live database")
    p.add_argument("dest", metavar="DEST", help="a file, or a folder for a dated copy")
    p.set_defaults(run=cmd_backup)

    p = commands.add_parser("demo", help="load the sample conferences")
    p.set_defaults(run=cmd_demo)

    _task_parser(commands)
    return parser


def _task_parser(commands: Any) -> None:
    """``task ID ACTION ...`` of the contract's "Task actions"."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--if-version",
        type=int,
        metavar="N",
        help="refuse (exit 1, nothing written) if the task changed since version N was read",
    )
    common.add_argument("--json", action="store_true", help="print the task as JSON")
    p = commands.add_parser("task", help="act on one task: progress, extend, complete, …")
    p.add_argument("task_id", type=int, metavar="ID")
    actions = p.add_subparsers(title="actions", metavar="ACTION", dest="action", required=True)
    p.set_defaults(run=cmd_task)
    a = actions.add_parser("progress", parents=[common], help="a progress note")
    a.add_argument("--note", required=True, metavar="TEXT")
    a = actions.add_parser("extend", parents=[common], help="a later deadline, with the reason")
    a.add_argument("--to", required=True, type=iso_date, metavar="DATE")
    a.add_argument("--reason", required=True, metavar="TEXT")
    a = actions.add_parser("complete", parents=[common], help="done on a day, with the result")
    a.add_argument("--on", required=True, type=iso_date, metavar="DATE")
    a.add_argument("--result", metavar="TEXT")
    for name, help_text in (("reopen", "back to in progress"), ("cancel", "cancel the task")):
        a = actions.add_parser(name, parents=[common], help=help_text)
        a.add_argument("--reason", required=True, metavar="TEXT")


def _storage_problem(exc: BaseException) -> str | None:
    """Plain words for an error that comes of the database being locked or read-only."""
    from minutes_app.db.locks import is_busy, is_read_only

    if is_busy(exc):
        return say("the database is busy: another copy of minutes-app is writing to it; try again")
    if is_read_only(exc):
        return say(
            "the database cannot be written: the file or its folder is read-only; "
            "nothing was changed"
        )
    return None


def _utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of raising it."""
    from sqlalchemy.exc import OperationalError

    from minutes_app.db.engine import DatabaseRefused

    _utf8(sys.stdout)
    _utf8(sys.stderr)
    _OPENED.clear()
    _SPOKEN["language"] = "en"
    try:
        args = build_parser().parse_args(argv)
        _SPOKEN["language"] = args.lang or "en"
        _check_days(args)
        command: Command = args.run
        code = command(args)
        if code == OK:  # what this program wrote leaves a sound file sound
            for path in _OPENED:
                _checked_files().remember(path)
        return code
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else USAGE
    except (Refused, DatabaseRefused) as exc:
        said = _refusal_words(exc) if isinstance(exc, DatabaseRefused) else _storage_problem(exc)
        for line in (said or str(exc)).splitlines():
            print(f"{APP_NAME}: {line}", file=sys.stderr)
        return REFUSED
    except OperationalError as exc:
        said = _storage_problem(exc) or say(
            "the database cannot be used: {reason}", reason=exc.orig
        )
        print(f"{APP_NAME}: {said}", file=sys.stderr)
        return REFUSED
    except KeyboardInterrupt:
        return REFUSED
    except BrokenPipeError:
        # The reader stopped reading (`tasks | head`): what it wanted was written. Python's
        # own flush at exit would fail again, so standard output goes nowhere from here.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    except Exception as exc:
        # Whatever slipped through is still reported as one line, never a traceback.
        said = _storage_problem(exc)
        if said is not None:
            print(f"{APP_NAME}: {said}", file=sys.stderr)
            return REFUSED
        if os.environ.get("MINUTES_APP_DEBUG"):
            raise
        said = say("unexpected error: {kind}: {reason}", kind=type(exc).__name__, reason=exc)
        print(f"{APP_NAME}: {said}", file=sys.stderr)
        return REFUSED
