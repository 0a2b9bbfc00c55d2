"""The command line's words: English by default, Vietnamese with ``--lang vi``;
JSON is never translated."""

from __future__ import annotations

# --- the language of the command line ------------------------------------------------------
# English is the source language, as in the window, and Vietnamese its translation, spoken
# with ``--lang vi``. (Not taken from the window's settings: what a script reads must not
# change when someone picks a language in the window.) Only the program's own words
# change: names and titles print as stored, JSON is never translated, and argparse's usage
# lines stay English.


LANGUAGES = ("vi", "en")


SPOKEN = {"language": "en"}  # set by main() for this run


VIETNAMESE: dict[str, str] = {
    # the change log, users and roles (issue 16)
    "No changes recorded.": "Chưa có thay đổi nào được ghi lại.",
    "No users yet.": "Chưa có người dùng nào.",
    "Password for the new login (empty: none): ": (
        "Mật khẩu của tài khoản mới (để trống: không có): "
    ),
    "The same password again: ": "Nhập lại mật khẩu: ",
    "the conference is signed off: it must be reopened, with a reason, before it is "
    "changed; nothing was written": (
        "hội nghị đã được ký duyệt: phải mở lại, có nêu lý do, trước khi sửa; chưa ghi gì"
    ),
    "the office server refused: your login's role may not do this ({reason}); nothing "
    "was written": (
        "máy chủ của cơ quan từ chối: vai trò của tài khoản này không được làm việc đó "
        "({reason}); chưa ghi gì"
    ),
    "the two passwords differ; nothing was changed": (
        "hai mật khẩu không giống nhau; chưa có gì bị thay đổi"
    ),
    "there is no {kind} {id}": "không có {kind} {id}",
    "users belong to an office server (--db postgresql://…); a file's clerk may do everything": (
        "người dùng chỉ có trên máy chủ của cơ quan (--db postgresql://…); với một tệp, "
        "văn thư được làm mọi việc"
    ),
    "{login}: a {role} of {url}": "{login}: tài khoản {role} của {url}",
    # the office server
    "{url}: the minutes-app database was created (schema {revision})": (
        "{url}: đã tạo cơ sở dữ liệu minutes-app (lược đồ {revision})"
    ),
    "the office server cannot be reached (the network or the server is down); "
    "nothing was changed: try again when it is back": (
        "không kết nối được máy chủ của cơ quan (mạng hoặc máy chủ đang gián đoạn); chưa có "
        "gì bị thay đổi: hãy thử lại khi kết nối được"
    ),
    "{url}: upgraded to schema {revision}": "{url}: đã nâng cấp lên lược đồ {revision}",
    "{url}: already at schema {revision}; nothing changed": (
        "{url}: đã ở lược đồ {revision}; không thay đổi gì"
    ),
    "{url}: not a PostgreSQL address (postgresql://LOGIN@HOST[:PORT]/DBNAME); "
    "an SQLite file needs no setup": (
        "{url}: không phải địa chỉ PostgreSQL (postgresql://TÊN_ĐĂNG_NHẬP@MÁY_CHỦ[:CỔNG]/"
        "TÊN_CSDL); tệp SQLite không cần thiết lập"
    ),
    # reading and writing files
    "{name}: cannot be read ({reason})": "{name}: không đọc được ({reason})",
    "{name}: cannot be written ({reason})": "{name}: không ghi được ({reason})",
    "{name}: not UTF-8 text (byte {at})": "{name}: không phải văn bản UTF-8 (byte {at})",
    "{option}: {day} is out of range ({first} to {last})": (
        "{option}: ngày {day} nằm ngoài khoảng cho phép (từ {first} đến {last})"
    ),
    "--from: after --to": "--from: ngày bắt đầu sau ngày kết thúc (--to)",
    "warning: {name}: no installed serif font draws {letters}; they may print wrongly. "
    "Install Times New Roman or Tinos (Debian: fonts-croscore)": (
        "cảnh báo: {name}: không phông chữ có chân nào đã cài vẽ được {letters}; các chữ "
        "này có thể in sai. Hãy cài Times New Roman hoặc Tinos (Debian: fonts-croscore)"
    ),
    # export
    (
        "warning: the office is not set, so the paper has the default heading (TỈNH ỦY, BAN TỔ "
        "CHỨC) and no place name; set it in the window: File → Office and signers…"
    ): (
        "cảnh báo: chưa thiết lập thông tin cơ quan, nên văn bản mang tiêu đề mặc định (TỈNH "
        "ỦY, BAN TỔ CHỨC) và chưa có địa danh; hãy thiết lập trong cửa sổ chương trình: Tệp → "
        "Cơ quan và người ký…"
    ),
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
    # copy-db
    "{dest} already exists: copy-db writes a new file only. Choose a new file name; nothing "
    "was changed.": (
        "{dest} đã có: copy-db chỉ ghi vào một tệp mới. Hãy chọn tên tệp khác; chưa thay đổi gì."
    ),
    "{name} does not exist; nothing was changed.": "{name} không tồn tại; chưa thay đổi gì.",
    "table": "bảng",
    "source": "nguồn",
    "copied": "đã chép",
    "counts match: {records} records in {tables} tables": (
        "số bản ghi khớp: {records} bản ghi trong {tables} bảng"
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
    "not_utf8": (
        "{path} không lưu văn bản dạng UTF-8 nên không giữ được chữ tiếng Việt; chưa có gì "
        "bị thay đổi. Hãy tạo cơ sở dữ liệu với ENCODING 'UTF8' (createdb --encoding UTF8 "
        "--template template0 …)."
    ),
    "not_set_up": (
        "{path} là cơ sở dữ liệu trống: quản trị viên của cơ quan cần chuẩn bị trước bằng "
        "lệnh `minutes-app server-setup {path}`."
    ),
    "server_old": (
        "{path} cần được nâng cấp cho phiên bản minutes-app này: quản trị viên của cơ quan "
        "chạy lệnh `minutes-app server-setup {path}`. Chưa có gì bị thay đổi."
    ),
    "unreachable": (
        "Không kết nối được máy chủ {path} (mạng đã được kết nối và máy chủ đang chạy chưa?)."
    ),
    "password": "Máy chủ {path} cần mật khẩu của tên đăng nhập này (hoặc mật khẩu đã nhập sai).",
    "refused": "Máy chủ {path} từ chối kết nối (tên đăng nhập hoặc cơ sở dữ liệu không đúng).",
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
    # copy-db (db.copying.CopyRefused)
    "dest_exists": (
        "{path} đã có: chỉ sao chép vào một tệp mới. Chưa thay đổi gì; hãy chọn tên tệp khác."
    ),
    "dest_not_empty": (
        "{path} không trống (đã có dữ liệu): chỉ sao chép vào một tệp mới hoặc một cơ sở dữ "
        "liệu vừa được tạo bằng server-setup. Chưa thay đổi gì."
    ),
    "dest_busy": (
        "{path} đang được sử dụng: có người đang ghi vào. Chưa thay đổi gì; hãy thử lại khi "
        "không còn ai làm việc trên đó."
    ),
    "dest_no_folder": (
        "Thư mục {path} không tồn tại: cần có thư mục chứa tệp mới trước. Chưa thay đổi gì."
    ),
    "schema": (
        "Cơ sở dữ liệu nguồn hoặc đích không cùng phiên bản lược đồ với chương trình này. "
        "Chưa thay đổi gì."
    ),
    "same": "{path} chính là cơ sở dữ liệu nguồn; chưa thay đổi gì.",
    "damaged": (
        "{path} bị hỏng: {where}. Chưa thay đổi gì; hãy khôi phục từ bản sao lưu trong "
        "cửa sổ chương trình (Tệp → Khôi phục từ bản sao lưu…)."
    ),
}


_ENTITIES_VI = {"task": "nhiệm vụ", "conference": "hội nghị", "instruction": "kết luận"}


def say(text: str, /, **values: object) -> str:
    """``text`` (English, with ``{name}`` fields) in the language of this run, filled in
    with ``values``."""
    if SPOKEN["language"] == "vi":
        text = VIETNAMESE.get(text, text)
    return text.format(**values) if values else text


def refusal_words(exc: Exception) -> str:
    """Why the database was refused (a ``DatabaseRefused``), in the language of this run."""
    reason = getattr(exc, "reason", None)
    words = _REFUSED_VI.get(reason or "") if SPOKEN["language"] == "vi" else None
    if words is None:
        return str(exc)
    damage = [str(d) for d in getattr(exc, "damage", [])]
    where = damage[0] if damage else "SQLite tìm thấy lỗi trong tệp"
    if len(damage) > 1:
        where += f" (và {len(damage) - 1} vấn đề khác)"
    return words.format(path=getattr(exc, "path", ""), where=where)


def stale_words(exc: Exception) -> str:
    """Why a write was refused (a ``StaleRecord`` or ``RecordGone``), in the language of
    this run."""
    from minutes_app.db.versions import RecordGone, StaleRecord

    if SPOKEN["language"] != "vi":
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
