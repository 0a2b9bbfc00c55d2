<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Activity: who changed what</source>
        <translation>Hoạt động: ai đã thay đổi gì</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>mọi ngày</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tất cả mọi người</translation>
    </message>
    <message>
        <source>Every unit</source>
        <translation>Tất cả đơn vị</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Người thực hiện:</translation>
    </message>
    <message>
        <source>&amp;Unit&apos;s tasks:</source>
        <translation>Nhiệm vụ của đơn &amp;vị:</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>N&amp;gày:</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 là một thư mục, không phải tệp cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>%1 is not a minutes-app database (not an SQLite file).</source>
        <translation>%1 không phải cơ sở dữ liệu của minutes-app (không phải tệp SQLite).</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not of minutes-app.</source>
        <translation>%1 là cơ sở dữ liệu SQLite của chương trình khác, không phải của minutes-app.</translation>
    </message>
    <message>
        <source>%1 cannot be read as a database: it may be damaged.</source>
        <translation>Không đọc được %1: tệp có thể đã bị hỏng.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of minutes-app. Please update the program; the file was not changed.</source>
        <translation>%1 được ghi bởi phiên bản minutes-app mới hơn. Hãy cập nhật chương trình; tệp không bị thay đổi.</translation>
    </message>
    <message>
        <source>%1 is busy: another copy of minutes-app is writing to it (it may be upgrading it). Try again in a moment.</source>
        <translation>%1 đang bận: một cửa sổ minutes-app khác đang ghi vào tệp (có thể đang nâng cấp tệp). Hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: the folder may be read-only or the disk full.</source>
        <translation>Không mở được %1: thư mục có thể chỉ cho phép đọc hoặc ổ đĩa đã đầy.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: its folder does not exist (is the drive or network share connected?). Nothing was created.</source>
        <translation>Không mở được %1: thư mục chứa tệp không tồn tại (ổ đĩa hoặc thư mục dùng chung trên mạng đã được kết nối chưa?). Chưa có gì được tạo ra.</translation>
    </message>
    <message>
        <source>%1 is an empty database: the office&apos;s administrator makes it ready with “minutes-app server-setup” first. Nothing was changed.</source>
        <translation>%1 là một cơ sở dữ liệu trống: quản trị viên của cơ quan cần chuẩn bị nó bằng “minutes-app server-setup” trước. Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>%1 needs upgrading to this version of minutes-app: the office&apos;s administrator runs “minutes-app server-setup” on it. Nothing was changed.</source>
        <translation>%1 cần được nâng cấp lên phiên bản minutes-app này: quản trị viên của cơ quan chạy “minutes-app server-setup” trên nó. Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The office server of %1 cannot be reached: is the network connected and the server running? Nothing was changed.</source>
        <translation>Không kết nối được tới máy chủ cơ quan của %1: mạng đã được nối và máy chủ có đang chạy không? Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The office server of %1 needs the password of this login; without it nothing was opened.</source>
        <translation>Máy chủ cơ quan của %1 cần mật khẩu của tên đăng nhập này; không có mật khẩu nên chưa mở được gì.</translation>
    </message>
    <message>
        <source>The office server refused to open %1: the database may not exist, or this login may not use it. Ask the office&apos;s administrator.</source>
        <translation>Máy chủ cơ quan từ chối mở %1: có thể cơ sở dữ liệu không tồn tại, hoặc tên đăng nhập này không được phép dùng nó. Hãy hỏi quản trị viên của cơ quan.</translation>
    </message>
    <message>
        <source>%1 is not empty: a file is moved only into a database the office&apos;s administrator has just made ready with “minutes-app server-setup”. Nothing was changed.</source>
        <translation>%1 không trống: tệp chỉ được chuyển vào một cơ sở dữ liệu mà quản trị viên của cơ quan vừa chuẩn bị bằng “minutes-app server-setup”. Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>%1 is in use: someone is writing to it. Nothing was changed; try again when nobody works in it.</source>
        <translation>%1 đang được sử dụng: có người đang ghi vào đó. Không có gì bị thay đổi; hãy thử lại khi không còn ai làm việc trên đó.</translation>
    </message>
    <message>
        <source>%1 is a database of another program, not of minutes-app. Nothing was changed.</source>
        <translation>%1 là cơ sở dữ liệu của một chương trình khác, không phải của minutes-app. Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>%1 was set up by a newer version of minutes-app. Please update the program; the database was not changed.</source>
        <translation>%1 được chuẩn bị bởi một phiên bản minutes-app mới hơn. Vui lòng cập nhật chương trình; cơ sở dữ liệu không bị thay đổi.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>minutes-app databases (*.sqlite3 *.sqlite *.db)</source>
        <translation>Cơ sở dữ liệu minutes-app (*.sqlite3 *.sqlite *.db)</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>Không có tệp %1.</translation>
    </message>
    <message>
        <source>%1 is not a minutes-app database.</source>
        <translation>%1 không phải là cơ sở dữ liệu của minutes-app.</translation>
    </message>
    <message>
        <source>%1 holds no minutes-app data.</source>
        <translation>%1 không chứa dữ liệu của minutes-app.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of minutes-app. Update the program to restore it.</source>
        <translation>%1 được ghi bởi phiên bản minutes-app mới hơn. Hãy cập nhật chương trình để khôi phục tệp này.</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be used.</source>
        <translation>%1 bị hỏng, không dùng được.</translation>
    </message>
    <message>
        <source>%1 is the database itself, not a backup.</source>
        <translation>%1 chính là cơ sở dữ liệu đang dùng, không phải bản sao lưu.</translation>
    </message>
    <message>
        <source>%1 is open in another copy of minutes-app or another program. Close it and try again.</source>
        <translation>%1 đang được mở trong một cửa sổ minutes-app khác hoặc chương trình khác. Hãy đóng lại rồi thử lại.</translation>
    </message>
    <message>
        <source>The folder of %1 cannot be written (read-only, or the disk is full). Nothing was changed.</source>
        <translation>Không ghi được vào thư mục của %1 (chỉ đọc, hoặc ổ đĩa đã đầy). Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>%1 is not a file but a device, a pipe or a folder; nothing was written to it. Choose a file.</source>
        <translation>%1 không phải là tệp mà là thiết bị, đường ống (pipe) hoặc thư mục; chưa ghi gì vào đó. Hãy chọn một tệp.</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation>tệp trống (0 byte)</translation>
    </message>
    <message>
        <source>table %1, row %2: %3 %4 is not allowed</source>
        <translation>bảng %1, dòng %2: giá trị %4 của %3 không được phép</translation>
    </message>
    <message>
        <source>table %1, row %2: breaks the rule %5</source>
        <translation>bảng %1, dòng %2: vi phạm quy tắc %5</translation>
    </message>
    <message>
        <source>table %1, row %2: %3 is missing</source>
        <translation>bảng %1, dòng %2: thiếu giá trị của %3</translation>
    </message>
    <message>
        <source>table %1, row %2: %3 %4 is not a valid date</source>
        <translation>bảng %1, dòng %2: %3 %4 không phải là ngày hợp lệ</translation>
    </message>
    <message>
        <source>table %1, row %2: %3 %4 is not a valid date and time</source>
        <translation>bảng %1, dòng %2: %3 %4 không phải là ngày giờ hợp lệ</translation>
    </message>
    <message>
        <source>table %1, row %2: %3 %4 is not a whole number</source>
        <translation>bảng %1, dòng %2: %3 %4 không phải là số nguyên</translation>
    </message>
    <message>
        <source>table %1, row %2: %3 refers to %5 %4, which does not exist</source>
        <translation>bảng %1, dòng %2: %3 trỏ tới bản ghi %4 của bảng %5, nhưng bản ghi này không tồn tại</translation>
    </message>
    <message>
        <source>The office server cannot be reached (the network or the server is down), so nothing was read or saved. What you typed is kept in the window; the program tries the server again and says when it answers.</source>
        <translation>Không kết nối được tới máy chủ cơ quan (mạng hoặc máy chủ đang gặp sự cố), nên chưa đọc hay lưu được gì. Những gì bạn đã nhập vẫn được giữ trong cửa sổ; chương trình sẽ thử kết nối lại và báo khi máy chủ trả lời.</translation>
    </message>
    <message>
        <source>The conference is signed off: it must be reopened, with a reason, before it is changed. Nothing was written.</source>
        <translation>Hội nghị đã được ký duyệt: phải mở lại, có nêu lý do, trước khi sửa. Chưa ghi gì.</translation>
    </message>
    <message>
        <source>The office server refused: your login&apos;s role may not do this (%1). Nothing was written; ask the office&apos;s administrator if you should be able to.</source>
        <translation>Máy chủ của cơ quan từ chối: vai trò của tài khoản này không được làm việc đó (%1). Chưa ghi gì; nếu cần được làm, hãy hỏi người quản trị của cơ quan.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was written. Free some space and try again; what you entered is still in the window.</source>
        <translation>Ổ đĩa đã đầy nên chưa ghi được gì. Hãy giải phóng dung lượng rồi thử lại; những gì đã nhập vẫn còn trên cửa sổ.</translation>
    </message>
    <message>
        <source>The database cannot be written: the file or its folder is read-only. Nothing was changed.</source>
        <translation>Không ghi được cơ sở dữ liệu: tệp hoặc thư mục chứa nó chỉ cho phép đọc. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>Another copy of minutes-app is busy writing to the database. Try again in a moment; what you entered is still in the window.</source>
        <translation>Một cửa sổ minutes-app khác đang ghi vào cơ sở dữ liệu. Hãy thử lại sau giây lát; những gì đã nhập vẫn còn trên cửa sổ.</translation>
    </message>
    <message>
        <source>The database could not be read or written: it may be damaged. Restore it from a backup with File → Restore from a backup….</source>
        <translation>Không đọc hoặc ghi được cơ sở dữ liệu: có thể tệp đã bị hỏng. Hãy khôi phục bằng Tệp → Khôi phục từ bản sao lưu….</translation>
    </message>
    <message>
        <source>The database could not be written: %1</source>
        <translation>Không ghi được cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>%1 is read-only, so minutes-app cannot save anything into it. Allow changes to the file, or copy it into a folder of your own and open the copy.</source>
        <translation>%1 chỉ cho phép đọc nên minutes-app không lưu được gì vào đó. Hãy cho phép sửa tệp, hoặc chép tệp vào một thư mục của bạn rồi mở bản chép.</translation>
    </message>
    <message>
        <source>The folder %1 is read-only; minutes-app needs to keep working files beside the database. Copy the database into a folder of your own and open the copy.</source>
        <translation>Thư mục %1 chỉ cho phép đọc; minutes-app cần ghi các tệp làm việc bên cạnh cơ sở dữ liệu. Hãy chép cơ sở dữ liệu vào một thư mục của bạn rồi mở bản chép.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>Không mở được %1: %2</translation>
    </message>
    <message>
        <source>Checking the database %1…</source>
        <translation>Đang kiểm tra cơ sở dữ liệu %1…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>The database was restored from %1.</source>
        <translation>Đã khôi phục cơ sở dữ liệu từ %1.</translation>
    </message>
    <message>
        <source>The database it replaced was kept as %1.</source>
        <translation>Cơ sở dữ liệu bị thay thế được giữ lại thành %1.</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Sao lưu cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>%1 is the database itself; choose another file.</source>
        <translation>%1 chính là cơ sở dữ liệu đang dùng; hãy chọn tệp khác.</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>Đã sao lưu vào %1</translation>
    </message>
    <message>
        <source>Backing up %1…</source>
        <translation>Đang sao lưu %1…</translation>
    </message>
    <message>
        <source>Close the conference that is open in the editor first.</source>
        <translation>Hãy đóng hội nghị đang mở trong cửa sổ soạn thảo trước.</translation>
    </message>
    <message>
        <source>Replace the database %1 with the backup %2, last changed on %3? What was entered after that backup is replaced too.</source>
        <translation>Thay cơ sở dữ liệu %1 bằng bản sao lưu %2 (sửa lần cuối ngày %3)? Những gì nhập sau bản sao lưu đó cũng bị thay thế.</translation>
    </message>
    <message>
        <source>The current database is kept beside it as a copy.</source>
        <translation>Cơ sở dữ liệu hiện tại được giữ lại bên cạnh thành một bản sao.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>The automatic backup could not be made: %1</source>
        <translation>Không sao lưu tự động được: %1</translation>
    </message>
    <message>
        <source>Automatic backup: %1</source>
        <translation>Sao lưu tự động: %1</translation>
    </message>
</context>
<context>
    <name>BridgePointsTab</name>
    <message>
        <source>Bridge point</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Host unit</source>
        <translation>Đơn vị đăng cai</translation>
    </message>
    <message>
        <source>Head count</source>
        <translation>Số người dự</translation>
    </message>
    <message>
        <source>Presiding</source>
        <translation>Chủ trì tại điểm cầu</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Named attendee</source>
        <translation>Đại biểu dự</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Người vắng mặt</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Absent, with the reason given</source>
        <translation>Vắng mặt và lý do vắng</translation>
    </message>
    <message>
        <source>People at %1</source>
        <translation>Đại biểu tại %1</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ConferenceEditing</name>
    <message>
        <source>Conference already recorded</source>
        <translation>Hội nghị đã có</translation>
    </message>
    <message>
        <source>A conference of %1 with this title is already recorded:
“%2”.

Open it to check or complete it, or save this one as another conference.</source>
        <translation>Đã có hội nghị ngày %1 trùng tên:
“%2”.

Mở hội nghị đó để kiểm tra, bổ sung, hoặc vẫn lưu hội nghị đang nhập thành một hội nghị khác.</translation>
    </message>
    <message>
        <source>Open the existing one</source>
        <translation>Mở hội nghị đã có</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Vẫn lưu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>New conference from text</source>
        <translation>Hội nghị mới từ văn bản</translation>
    </message>
    <message>
        <source>Close the conference that is open in the editor first.</source>
        <translation>Hãy đóng hội nghị đang mở trong cửa sổ soạn thảo trước.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Your text is still in the editor.</source>
        <translation>Nội dung bạn đã nhập vẫn còn trong cửa sổ soạn thảo.</translation>
    </message>
    <message>
        <source>Your text is still in the editor: copy what you want to keep.</source>
        <translation>Nội dung bạn nhập vẫn còn trong cửa sổ soạn thảo: hãy sao chép phần muốn giữ lại.</translation>
    </message>
    <message>
        <source>Your text is still in the editor. Restore the conference from Edit → Trash, then save again.</source>
        <translation>Nội dung bạn nhập vẫn còn trong cửa sổ soạn thảo. Hãy khôi phục hội nghị từ Sửa → Thùng rác rồi lưu lại.</translation>
    </message>
    <message>
        <source>The conference could not be saved: %1</source>
        <translation>Không lưu được hội nghị: %1</translation>
    </message>
    <message>
        <source>Their changes are now in the editor together with yours, which are not saved yet. Check the conference, then save again.</source>
        <translation>Các thay đổi của người kia đã được đưa vào cửa sổ soạn thảo cùng với thay đổi của bạn (chưa được lưu). Hãy kiểm tra lại hội nghị rồi lưu lần nữa.</translation>
    </message>
    <message>
        <source>You both changed: %1. Your version is shown; Undo shows theirs.</source>
        <translation>Cả hai người cùng sửa: %1. Đang hiển thị bản của bạn; bấm Hoàn tác để xem bản của người kia.</translation>
    </message>
</context>
<context>
    <name>ConferenceEditor</name>
    <message>
        <source>Conference</source>
        <translation>Hội nghị</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>Thông tin &amp;chung</translation>
    </message>
    <message>
        <source>&amp;Bridge points</source>
        <translation>Điểm &amp;cầu</translation>
    </message>
    <message>
        <source>&amp;Documents studied</source>
        <translation>&amp;Văn bản quán triệt</translation>
    </message>
    <message>
        <source>D&amp;iscussion</source>
        <translation>Thảo l&amp;uận</translation>
    </message>
    <message>
        <source>&amp;Closing instructions</source>
        <translation>&amp;Kết luận chỉ đạo</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Ghi chú</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>title</source>
        <translation>chức vụ</translation>
    </message>
    <message>
        <source>Delegates&apos; opinions, proposals and the answers given</source>
        <translation>Ý kiến, đề xuất, kiến nghị của đại biểu và nội dung giải đáp</translation>
    </message>
    <message>
        <source>Anything else worth keeping</source>
        <translation>Những điều khác cần ghi lại</translation>
    </message>
    <message>
        <source>&amp;Papers issued</source>
        <translation>Văn bản &amp;phát hành</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Bắt buộc nhập.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>Quá dài.</translation>
    </message>
    <message>
        <source>Enter a time as HH:MM, e.g. 07:30.</source>
        <translation>Nhập giờ dạng HH:MM, ví dụ 07:30.</translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation>Giờ kết thúc sớm hơn giờ bắt đầu.</translation>
    </message>
    <message>
        <source>Listed twice.</source>
        <translation>Bị trùng.</translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation>Không được là số âm.</translation>
    </message>
    <message>
        <source>Out of range.</source>
        <translation>Ngoài phạm vi cho phép.</translation>
    </message>
    <message>
        <source>Unknown mode.</source>
        <translation>Hình thức không hợp lệ.</translation>
    </message>
    <message>
        <source>Unknown session.</source>
        <translation>Buổi không hợp lệ.</translation>
    </message>
    <message>
        <source>Unknown kind of paper.</source>
        <translation>Loại văn bản không hợp lệ.</translation>
    </message>
    <message>
        <source>Row %1: %2 %3</source>
        <translation>Dòng %1: %2 — %3</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving.</source>
        <translation>
            <numerusform>Còn %n lỗi cần sửa trước khi lưu.</numerusform>
        </translation>
    </message>
    <message>
        <source>mode</source>
        <translation>hình thức</translation>
    </message>
    <message>
        <source>organizer</source>
        <translation>cơ quan tổ chức</translation>
    </message>
    <message>
        <source>date</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>session</source>
        <translation>buổi</translation>
    </message>
    <message>
        <source>start time</source>
        <translation>giờ bắt đầu</translation>
    </message>
    <message>
        <source>end time</source>
        <translation>giờ kết thúc</translation>
    </message>
    <message>
        <source>host point</source>
        <translation>điểm cầu chính</translation>
    </message>
    <message>
        <source>recorder</source>
        <translation>người ghi biên bản</translation>
    </message>
    <message>
        <source>chairs</source>
        <translation>chủ trì</translation>
    </message>
    <message>
        <source>bridge points</source>
        <translation>điểm cầu</translation>
    </message>
    <message>
        <source>absentees</source>
        <translation>người vắng mặt</translation>
    </message>
    <message>
        <source>papers issued</source>
        <translation>văn bản phát hành</translation>
    </message>
    <message>
        <source>documents studied</source>
        <translation>văn bản quán triệt</translation>
    </message>
    <message>
        <source>discussion</source>
        <translation>ý kiến thảo luận</translation>
    </message>
    <message>
        <source>closing instructions</source>
        <translation>kết luận, chỉ đạo</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>ghi chú</translation>
    </message>
    <message>
        <source>name</source>
        <translation>tên</translation>
    </message>
    <message>
        <source>head count</source>
        <translation>số người dự</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>loại</translation>
    </message>
    <message>
        <source>number</source>
        <translation>số</translation>
    </message>
    <message>
        <source>text</source>
        <translation>nội dung</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>lý do</translation>
    </message>
    <message>
        <source>date of issue</source>
        <translation>ngày ban hành</translation>
    </message>
    <message>
        <source>authority</source>
        <translation>thẩm quyền ký</translation>
    </message>
    <message>
        <source>presiding person&apos;s name</source>
        <translation>tên người chủ trì</translation>
    </message>
    <message>
        <source>attendee&apos;s name</source>
        <translation>tên đại biểu</translation>
    </message>
    <message>
        <source>absentee&apos;s name</source>
        <translation>tên người vắng mặt</translation>
    </message>
    <message>
        <source>signer</source>
        <translation>người ký</translation>
    </message>
    <message>
        <source>document</source>
        <translation>văn bản</translation>
    </message>
    <message>
        <source>New conference</source>
        <translation>Hội nghị mới</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>This conference has changes that are not saved.</source>
        <translation>Hội nghị này có thay đổi chưa được lưu.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Tiếp tục sửa</translation>
    </message>
    <message>
        <source>Change &amp;history</source>
        <translation>&amp;Lịch sử thay đổi</translation>
    </message>
</context>
<context>
    <name>ConferenceListPage</name>
    <message>
        <source>Filter: title, chair, bridge point, document… (diacritics optional)</source>
        <translation>Lọc: tên hội nghị, chủ trì, điểm cầu, văn bản… (có dấu hay không dấu đều được)</translation>
    </message>
    <message>
        <source>All quarters</source>
        <translation>Tất cả các quý</translation>
    </message>
    <message numerus="yes">
        <source>Quarter %n</source>
        <translation>
            <numerusform>Quý %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No conferences yet. Press Ctrl+N to record one, or load the sample data from the Help menu.</source>
        <translation>Chưa có hội nghị nào. Nhấn Ctrl+N để ghi một hội nghị, hoặc nạp dữ liệu mẫu từ menu Trợ giúp.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Cơ quan tổ chức</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <source>All organizers</source>
        <translation>Tất cả cơ quan tổ chức</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tất cả các loại</translation>
    </message>
</context>
<context>
    <name>ConferenceTableModel</name>
    <message>
        <source>morning</source>
        <translation>sáng</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>chiều</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>tối</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Buổi</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên hội nghị</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Cơ quan tổ chức</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Bridge points</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>This conference</source>
        <translation>Hội nghị này</translation>
    </message>
    <message>
        <source>A closing instruction of this conference</source>
        <translation>Một ý kiến kết luận của hội nghị này</translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation>Nhiệm vụ %1</translation>
    </message>
    <message>
        <source>%1 was moved to the trash by someone else. Nothing was saved.</source>
        <translation>%1 đã bị người khác chuyển vào thùng rác. Chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>%1 was deleted by someone else. Nothing was saved.</source>
        <translation>%1 đã bị người khác xóa. Chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>%1 was changed by %2 at %3, after you opened it. Nothing was saved.</source>
        <translation>%1 đã được %2 sửa lúc %3, sau khi bạn mở. Chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>%1 was changed by %2 after you opened it. Nothing was saved.</source>
        <translation>%1 đã được %2 sửa sau khi bạn mở. Chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>another copy of the program</source>
        <translation>một bản chương trình khác</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to office server</source>
        <translation>Kết nối máy chủ cơ quan</translation>
    </message>
    <message>
        <source>e.g. server.office.local or 192.168.1.10</source>
        <translation>ví dụ: server.office.local hoặc 192.168.1.10</translation>
    </message>
    <message>
        <source>e.g. minutes</source>
        <translation>ví dụ: minutes</translation>
    </message>
    <message>
        <source>your login on the server: %1</source>
        <translation>tên đăng nhập của bạn trên máy chủ: %1</translation>
    </message>
    <message>
        <source>postgresql://login@server:5432/database</source>
        <translation>postgresql://tên-đăng-nhập@máy-chủ:5432/cơ-sở-dữ-liệu</translation>
    </message>
    <message>
        <source>A whole address given by the office&apos;s administrator; it replaces the fields above.</source>
        <translation>Một địa chỉ đầy đủ do quản trị viên của cơ quan cung cấp; địa chỉ này thay cho các ô ở trên.</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Máy chủ</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>&amp;Cổng</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>Cơ sở &amp;dữ liệu</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>Tên đăng &amp;nhập</translation>
    </message>
    <message>
        <source>or &amp;address</source>
        <translation>hoặc đị&amp;a chỉ</translation>
    </message>
    <message>
        <source>The password, if the server asks for one, is asked for when connecting and kept only while the program runs.</source>
        <translation>Nếu máy chủ cần mật khẩu, chương trình sẽ hỏi khi kết nối và chỉ giữ mật khẩu trong lúc chương trình đang chạy.</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>&amp;Kết nối</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Địa chỉ: %1</translation>
    </message>
    <message>
        <source>Fill in the server and the database.</source>
        <translation>Hãy điền máy chủ và cơ sở dữ liệu.</translation>
    </message>
</context>
<context>
    <name>Connecting</name>
    <message>
        <source>%1 is not an address of an office server. Write it as postgresql://login@server/database, or fill in the server and the database.</source>
        <translation>%1 không phải là địa chỉ của máy chủ cơ quan. Hãy viết theo dạng postgresql://tên-đăng-nhập@máy-chủ/cơ-sở-dữ-liệu, hoặc điền máy chủ và cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>The office server asks for the password of the login “%2” to open %1.</source>
        <translation>Máy chủ cơ quan yêu cầu mật khẩu của tên đăng nhập “%2” để mở %1.</translation>
    </message>
    <message>
        <source>The server did not accept that password. Type the password of the login “%2” for %1 again.</source>
        <translation>Máy chủ không chấp nhận mật khẩu đó. Hãy nhập lại mật khẩu của tên đăng nhập “%2” cho %1.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Đang kết nối tới %1…</translation>
    </message>
</context>
<context>
    <name>CreateTasksDialog</name>
    <message>
        <source>Create tasks</source>
        <translation>Tạo nhiệm vụ</translation>
    </message>
    <message>
        <source>One task per line.</source>
        <translation>Mỗi dòng một nhiệm vụ.</translation>
    </message>
    <message>
        <source>A unit not in the list, then Enter</source>
        <translation>Đơn vị chưa có trong danh sách, rồi nhấn Enter</translation>
    </message>
    <message>
        <source>One task per selected lead unit</source>
        <translation>Mỗi đơn vị chủ trì được chọn một nhiệm vụ</translation>
    </message>
    <message>
        <source>who follows it (optional)</source>
        <translation>người theo dõi (không bắt buộc)</translation>
    </message>
    <message>
        <source>Within 7 days</source>
        <translation>Trong 7 ngày</translation>
    </message>
    <message>
        <source>Within 15 days</source>
        <translation>Trong 15 ngày</translation>
    </message>
    <message>
        <source>Within 30 days</source>
        <translation>Trong 30 ngày</translation>
    </message>
    <message>
        <source>By the end of this month</source>
        <translation>Đến hết tháng</translation>
    </message>
    <message>
        <source>By the end of this quarter</source>
        <translation>Đến hết quý</translation>
    </message>
    <message>
        <source>By the end of this half-year</source>
        <translation>Đến hết 6 tháng</translation>
    </message>
    <message>
        <source>By the end of this year</source>
        <translation>Đến hết năm</translation>
    </message>
    <message>
        <source>Find a unit (diacritics optional)</source>
        <translation>Tìm đơn vị (gõ có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>Standard term</source>
        <translation>Theo mốc</translation>
    </message>
    <message>
        <source>By date</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>No deadline (ongoing task)</source>
        <translation>Không có thời hạn (nhiệm vụ thường xuyên)</translation>
    </message>
    <message>
        <source>Lead units (chủ trì)</source>
        <translation>Đơn vị chủ trì</translation>
    </message>
    <message>
        <source>Supporting units (phối hợp)</source>
        <translation>Đơn vị phối hợp</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Nhiệm vụ</translation>
    </message>
    <message>
        <source>F&amp;ind unit</source>
        <translation>&amp;Tìm đơn vị</translation>
    </message>
    <message>
        <source>New &amp;unit</source>
        <translation>Đơn vị &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Follow-up by</source>
        <translation>&amp;Người theo dõi</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Thời hạn: %1</translation>
    </message>
    <message>
        <source>No deadline: the task is tracked as ongoing.</source>
        <translation>Không có thời hạn: theo dõi như nhiệm vụ thường xuyên.</translation>
    </message>
    <message>
        <source>Write at least one task.</source>
        <translation>Hãy ghi ít nhất một nhiệm vụ.</translation>
    </message>
    <message>
        <source>Choose at least one lead unit.</source>
        <translation>Hãy chọn ít nhất một đơn vị chủ trì.</translation>
    </message>
</context>
<context>
    <name>DamagedDatabase</name>
    <message>
        <source>The database %1 is empty (0 bytes): what it held is gone, perhaps after a disk error or an interrupted copy.</source>
        <translation>Cơ sở dữ liệu %1 trống (0 byte): dữ liệu trong tệp đã mất, có thể do lỗi ổ đĩa hoặc do việc sao chép bị gián đoạn.</translation>
    </message>
    <message>
        <source>The database %1 is damaged: SQLite found errors in it. Working on it could lose more data.</source>
        <translation>Cơ sở dữ liệu %1 bị hỏng: SQLite phát hiện lỗi trong tệp. Tiếp tục làm việc trên tệp này có thể mất thêm dữ liệu.</translation>
    </message>
    <message>
        <source>The database %1 is damaged: %2. Working on it could lose more data.</source>
        <translation>Cơ sở dữ liệu %1 bị hỏng: %2. Tiếp tục làm việc trên tệp này có thể mất thêm dữ liệu.</translation>
    </message>
    <message>
        <source>1 more problem is listed under the details.</source>
        <translation>Còn 1 lỗi khác được liệt kê trong phần chi tiết.</translation>
    </message>
    <message>
        <source>%1 more problems are listed under the details.</source>
        <translation>Còn %1 lỗi khác được liệt kê trong phần chi tiết.</translation>
    </message>
    <message>
        <source>The newest backup was taken on %1. Restore it? The damaged file is kept beside the database.</source>
        <translation>Bản sao lưu mới nhất được tạo ngày %1. Khôi phục bản này? Tệp bị hỏng được giữ lại bên cạnh cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>There is no backup in %1. Choose a backup file?</source>
        <translation>Không có bản sao lưu nào trong %1. Chọn một tệp sao lưu?</translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation>Cơ sở dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>Khôi phục bản sao lưu mới nhất</translation>
    </message>
    <message>
        <source>Choose a backup…</source>
        <translation>Chọn bản sao lưu…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <source>Open &amp;database…</source>
        <translation>Mở cơ sở &amp;dữ liệu…</translation>
    </message>
    <message>
        <source>&amp;Connect to office server…</source>
        <translation>Kết nối má&amp;y chủ cơ quan…</translation>
    </message>
    <message>
        <source>Recent d&amp;atabases</source>
        <translation>Cơ sở dữ liệu &amp;gần đây</translation>
    </message>
    <message>
        <source>&amp;Move to office server…</source>
        <translation>C&amp;huyển lên máy chủ cơ quan…</translation>
    </message>
    <message>
        <source>This database is on the office server already.</source>
        <translation>Cơ sở dữ liệu này đã ở trên máy chủ cơ quan.</translation>
    </message>
    <message>
        <source>Copy this file&apos;s records into an empty database of the office server.</source>
        <translation>Chép dữ liệu của tệp này vào một cơ sở dữ liệu trống trên máy chủ cơ quan.</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>%1 is open already.</source>
        <translation>%1 đang được mở.</translation>
    </message>
    <message>
        <source>%1 is not there any more: it was moved or deleted, or it is on a drive or network share that is not connected.</source>
        <translation>%1 không còn ở đó nữa: tệp đã bị chuyển đi hoặc xóa, hoặc nằm trên một ổ đĩa hay thư mục mạng chưa được kết nối.</translation>
    </message>
    <message>
        <source>Remove it from the list of recent databases?</source>
        <translation>Xóa nó khỏi danh sách cơ sở dữ liệu gần đây?</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>Xóa khỏi danh sách</translation>
    </message>
    <message>
        <source>Keep it in the list</source>
        <translation>Giữ trong danh sách</translation>
    </message>
    <message>
        <source>Move to office server</source>
        <translation>Chuyển lên máy chủ cơ quan</translation>
    </message>
    <message>
        <source>Close the conference that is open in the editor first.</source>
        <translation>Hãy đóng hội nghị đang mở trong cửa sổ soạn thảo trước.</translation>
    </message>
    <message>
        <source>Every record of %1 is copied into an empty database of the office server, made ready by the office&apos;s administrator (minutes-app server-setup). The file stays as it is.</source>
        <translation>Toàn bộ dữ liệu của %1 sẽ được chép vào một cơ sở dữ liệu trống trên máy chủ cơ quan, do quản trị viên của cơ quan chuẩn bị (minutes-app server-setup). Tệp vẫn được giữ nguyên.</translation>
    </message>
    <message>
        <source>Copying %1 to %2…</source>
        <translation>Đang chép %1 sang %2…</translation>
    </message>
    <message>
        <source>All %3 records of %1 were copied to the office server (%2), and the counts of every table match. Work on the office server from now on? The file stays as it is.</source>
        <translation>Đã chép toàn bộ %3 bản ghi của %1 lên máy chủ cơ quan (%2), số bản ghi của mọi bảng đều khớp. Từ nay làm việc trên máy chủ cơ quan? Tệp vẫn được giữ nguyên.</translation>
    </message>
    <message>
        <source>Switch to the office server</source>
        <translation>Chuyển sang máy chủ cơ quan</translation>
    </message>
    <message>
        <source>Stay on the file</source>
        <translation>Ở lại với tệp</translation>
    </message>
    <message>
        <source>The move was cancelled: the office database is left empty, as it was, and the file is unchanged.</source>
        <translation>Đã hủy việc chuyển: cơ sở dữ liệu của cơ quan vẫn trống như trước, và tệp không bị thay đổi.</translation>
    </message>
    <message>
        <source>Nothing was moved: %1</source>
        <translation>Chưa chuyển được gì: %1</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>“%1” is not a date (day/month/year). The date stays %2.</source>
        <translation>“%1” không phải là ngày hợp lệ (ngày/tháng/năm). Vẫn giữ ngày %2.</translation>
    </message>
    <message>
        <source>%1 is before %2, the earliest date here. The date stays %3.</source>
        <translation>Ngày %1 sớm hơn ngày %2, là ngày sớm nhất được phép nhập ở đây. Vẫn giữ ngày %3.</translation>
    </message>
    <message>
        <source>%1 is after %2, the latest date here. The date stays %3.</source>
        <translation>Ngày %1 muộn hơn ngày %2, là ngày muộn nhất được phép nhập ở đây. Vẫn giữ ngày %3.</translation>
    </message>
</context>
<context>
    <name>DirectoryList</name>
    <message>
        <source>Filter (diacritics optional)</source>
        <translation>Lọc (có dấu hay không dấu đều được)</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Merge two…</source>
        <translation>Gộp hai mục…</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>Trực thuộc</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Tasks led</source>
        <translation>Nhiệm vụ chủ trì</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Appearances</source>
        <translation>Số lần xuất hiện</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>Cần nhập tên.</translation>
    </message>
    <message>
        <source>That name is already in the list: use Merge instead.</source>
        <translation>Tên này đã có trong danh sách: hãy dùng chức năng Gộp.</translation>
    </message>
    <message>
        <source>A unit cannot be part of itself.</source>
        <translation>Một đơn vị không thể trực thuộc chính nó.</translation>
    </message>
    <message>
        <source>Choose two different entries.</source>
        <translation>Hãy chọn hai mục khác nhau.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Tên</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Loại</translation>
    </message>
    <message>
        <source>&amp;Part of</source>
        <translation>&amp;Trực thuộc</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>Đơn &amp;vị</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>New document</source>
        <translation>Văn bản mới</translation>
    </message>
    <message>
        <source>e.g. 96-QĐ/TW</source>
        <translation>ví dụ 96-QĐ/TW</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>e.g. Bộ Chính trị</source>
        <translation>ví dụ Bộ Chính trị</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Loại</translation>
    </message>
    <message>
        <source>&amp;Symbol</source>
        <translation>Số, &amp;ký hiệu</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Số</translation>
    </message>
    <message>
        <source>&amp;Date of issue</source>
        <translation>&amp;Ngày ban hành</translation>
    </message>
    <message>
        <source>&amp;Issuer</source>
        <translation>Cơ quan &amp;ban hành</translation>
    </message>
    <message>
        <source>Su&amp;bject</source>
        <translation>&amp;Trích yếu</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>The date of issue is not a date (dd/mm/yyyy).</source>
        <translation>Ngày ban hành không hợp lệ (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>Kind and number are required.</source>
        <translation>Cần nhập loại và số văn bản.</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Number and symbol</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Conferences</source>
        <translation>Hội nghị</translation>
    </message>
    <message>
        <source>Filter: symbol, number, issuer or subject (e.g. qd 96, bo chinh tri)</source>
        <translation>Lọc: số, ký hiệu, cơ quan ban hành hoặc trích yếu (ví dụ qd 96, bo chinh tri)</translation>
    </message>
    <message>
        <source>Merge two…</source>
        <translation>Gộp hai mục…</translation>
    </message>
    <message>
        <source>Only documents of this kind</source>
        <translation>Chỉ văn bản thuộc loại này</translation>
    </message>
    <message>
        <source>Only documents of this issuer</source>
        <translation>Chỉ văn bản của cơ quan ban hành này</translation>
    </message>
    <message>
        <source>Only documents issued in this year</source>
        <translation>Chỉ văn bản ban hành trong năm này</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <source>All issuers</source>
        <translation>Mọi cơ quan ban hành</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Mọi năm</translation>
    </message>
    <message>
        <source>Studied at</source>
        <translation>Được quán triệt tại</translation>
    </message>
    <message>
        <source>Not studied at any conference yet.</source>
        <translation>Chưa được quán triệt tại hội nghị nào.</translation>
    </message>
    <message>
        <source>Tasks that followed</source>
        <translation>Nhiệm vụ sau hội nghị</translation>
    </message>
    <message>
        <source>No tasks.</source>
        <translation>Không có nhiệm vụ.</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message numerus="yes">
        <source>… and %n more problems.</source>
        <translation>
            <numerusform>… và %n lỗi khác.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import exchange file</source>
        <translation>Nhập tệp trao đổi</translation>
    </message>
    <message>
        <source>Exchange files (*.json)</source>
        <translation>Tệp trao đổi (*.json)</translation>
    </message>
    <message>
        <source>Imported %1 conferences and %2 tasks.</source>
        <translation>Đã nhập %1 hội nghị và %2 nhiệm vụ.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Không đọc được tệp: %1</translation>
    </message>
    <message>
        <source>Nothing was imported. The file has these problems:</source>
        <translation>Chưa nhập dữ liệu nào. Tệp có các lỗi sau:</translation>
    </message>
    <message>
        <source>Export exchange file</source>
        <translation>Xuất tệp trao đổi</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Đã xuất ra %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất dữ liệu</translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation>Không ghi được tệp: %1</translation>
    </message>
    <message>
        <source>Nothing was exported: these records refer to records that do not exist, so they cannot be exported whole:</source>
        <translation>Chưa xuất dữ liệu nào: các bản ghi sau trỏ tới những bản ghi không tồn tại, nên không thể xuất trọn vẹn:</translation>
    </message>
    <message>
        <source>Sample data: %1 conferences added.</source>
        <translation>Dữ liệu mẫu: đã thêm %1 hội nghị.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Minutes of the conference</source>
        <translation>Biên bản hội nghị</translation>
    </message>
    <message>
        <source>Notice of conclusions</source>
        <translation>Thông báo kết luận</translation>
    </message>
    <message>
        <source>Task list</source>
        <translation>Danh sách nhiệm vụ</translation>
    </message>
    <message>
        <source>Calendar of deadlines</source>
        <translation>Lịch thời hạn nhiệm vụ</translation>
    </message>
    <message>
        <source>Period report</source>
        <translation>Báo cáo theo kỳ</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>X&amp;uất</translation>
    </message>
    <message>
        <source>Print pre&amp;view</source>
        <translation>Xem trước khi &amp;in</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Văn bản Word (*.docx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>Bảng CSV (*.csv)</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Lịch (*.ics)</translation>
    </message>
    <message>
        <source>Choose a conference on the Conferences screen first.</source>
        <translation>Hãy chọn một hội nghị trên màn hình Hội nghị trước.</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Đang ghi %1…</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Đã hủy xuất; chưa ghi tệp nào.</translation>
    </message>
    <message>
        <source>The conference no longer exists.</source>
        <translation>Hội nghị này không còn nữa.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Đã ghi: %1</translation>
    </message>
    <message>
        <source>No serif font installed on this computer draws these letters of the paper: %1. They may print wrongly. Install Times New Roman, or Tinos (on Debian and Ubuntu the package fonts-croscore).</source>
        <translation>Máy này không có phông chữ có chân nào vẽ được các chữ sau của văn bản: %1. Các chữ này có thể in sai. Hãy cài phông Times New Roman, hoặc Tinos (trên Debian và Ubuntu là gói fonts-croscore).</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>Phông chữ</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Đang chuẩn bị…</translation>
    </message>
</context>
<context>
    <name>FromTextDialog</name>
    <message>
        <source>New conference from text</source>
        <translation>Hội nghị mới từ văn bản</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>&amp;Mở tệp…</translation>
    </message>
    <message>
        <source>A .txt or .docx file (Ctrl+O)</source>
        <translation>Tệp .txt hoặc .docx (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Paste the text of a report, a notice or a speech.</source>
        <translation>Dán nội dung bài tin, thông báo hoặc bài phát biểu.</translation>
    </message>
    <message>
        <source>Paste the article here (Ctrl+V), or open a .txt or .docx file.</source>
        <translation>Dán bài viết vào đây (Ctrl+V), hoặc mở tệp .txt hay .docx.</translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation>Nhận diện được</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>&amp;Create conference…</source>
        <translation>&amp;Tạo hội nghị…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <source>(from %1)</source>
        <translation>(từ %1)</translation>
    </message>
    <message>
        <source>Open article text</source>
        <translation>Mở văn bản bài viết</translation>
    </message>
    <message>
        <source>Text and Word files (*.txt *.docx);;All files (*)</source>
        <translation>Tệp văn bản và Word (*.txt *.docx);;Mọi tệp (*)</translation>
    </message>
    <message numerus="yes">
        <source>The text was typed in an old %1 font: %n letter(s) converted to Unicode. Check the names before creating the conference.</source>
        <translation>
            <numerusform>Văn bản được gõ bằng phông chữ cũ %1: đã chuyển %n chữ sang Unicode. Hãy kiểm tra lại các tên trước khi tạo hội nghị.</numerusform>
        </translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Hội nghị</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên hội nghị</translation>
    </message>
    <message>
        <source>(year inferred: check it)</source>
        <translation>(năm được suy ra: hãy kiểm tra)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>sáng</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>chiều</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>tối</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Buổi</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Cơ quan tổ chức</translation>
    </message>
    <message>
        <source>Host point</source>
        <translation>Điểm cầu chính</translation>
    </message>
    <message>
        <source>Chairs (%1)</source>
        <translation>Chủ trì (%1)</translation>
    </message>
    <message>
        <source>Bridge points (%1)</source>
        <translation>Điểm cầu (%1)</translation>
    </message>
    <message>
        <source>Documents (%1: %2 in the catalogue, %3 new)</source>
        <translation>Văn bản (%1: %2 đã có trong danh mục, %3 mới)</translation>
    </message>
    <message>
        <source>in the catalogue</source>
        <translation>đã có trong danh mục</translation>
    </message>
    <message>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <source>Closing instructions (%1)</source>
        <translation>Kết luận chỉ đạo (%1)</translation>
    </message>
    <message>
        <source>Recognised %1 document(s), %2 chair(s), %3 bridge point(s), %4 instruction(s).</source>
        <translation>Nhận diện được %1 văn bản, %2 người chủ trì, %3 điểm cầu, %4 ý kết luận.</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>sáng</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>chiều</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>tối</translation>
    </message>
    <message>
        <source>e.g. Hội nghị trực tuyến quán triệt Quy định số 96-QĐ/TW</source>
        <translation>ví dụ Hội nghị trực tuyến quán triệt Quy định số 96-QĐ/TW</translation>
    </message>
    <message>
        <source>online</source>
        <translation>trực tuyến</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>trực tiếp</translation>
    </message>
    <message>
        <source>hybrid</source>
        <translation>kết hợp</translation>
    </message>
    <message>
        <source>e.g. Ban Tổ chức Trung ương</source>
        <translation>ví dụ Ban Tổ chức Trung ương</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>e.g. Trụ sở Ban Tổ chức Trung ương, Hà Nội</source>
        <translation>ví dụ Trụ sở Ban Tổ chức Trung ương, Hà Nội</translation>
    </message>
    <message>
        <source>who writes the minutes</source>
        <translation>người ghi biên bản</translation>
    </message>
    <message>
        <source>title</source>
        <translation>chức vụ</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Người chủ trì</translation>
    </message>
    <message>
        <source>Title held that day</source>
        <translation>Chức vụ tại thời điểm hội nghị</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Buổi</translation>
    </message>
    <message>
        <source>from</source>
        <translation>từ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Tên hội nghị</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Hình thức</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Loại</translation>
    </message>
    <message>
        <source>O&amp;rganizer</source>
        <translation>Cơ quan &amp;tổ chức</translation>
    </message>
    <message>
        <source>D&amp;ate</source>
        <translation>&amp;Ngày</translation>
    </message>
    <message>
        <source>&amp;Host point</source>
        <translation>Điểm cầu &amp;chính</translation>
    </message>
    <message>
        <source>Secretar&amp;y</source>
        <translation>Thư &amp;ký</translation>
    </message>
    <message>
        <source>Chairs</source>
        <translation>Chủ trì</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>added</source>
        <translation>thêm</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>sửa</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>xóa</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>khôi phục</translation>
    </message>
    <message>
        <source>conference</source>
        <translation>hội nghị</translation>
    </message>
    <message>
        <source>instruction</source>
        <translation>ý kiến chỉ đạo</translation>
    </message>
    <message>
        <source>task</source>
        <translation>nhiệm vụ</translation>
    </message>
    <message>
        <source>task history</source>
        <translation>diễn biến nhiệm vụ</translation>
    </message>
    <message>
        <source>supporting unit</source>
        <translation>đơn vị phối hợp</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>person</source>
        <translation>người</translation>
    </message>
    <message>
        <source>document</source>
        <translation>văn bản</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>người chủ trì</translation>
    </message>
    <message>
        <source>bridge point</source>
        <translation>điểm cầu</translation>
    </message>
    <message>
        <source>person at a bridge point</source>
        <translation>người tại điểm cầu</translation>
    </message>
    <message>
        <source>document studied</source>
        <translation>văn bản quán triệt</translation>
    </message>
    <message>
        <source>absence</source>
        <translation>người vắng mặt</translation>
    </message>
    <message>
        <source>paper issued</source>
        <translation>văn bản phát hành</translation>
    </message>
    <message>
        <source>user</source>
        <translation>người dùng</translation>
    </message>
    <message>
        <source>title</source>
        <translation>tiêu đề</translation>
    </message>
    <message>
        <source>date</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>thời hạn</translation>
    </message>
    <message>
        <source>status</source>
        <translation>trạng thái</translation>
    </message>
    <message>
        <source>completed on</source>
        <translation>ngày hoàn thành</translation>
    </message>
    <message>
        <source>result</source>
        <translation>kết quả</translation>
    </message>
    <message>
        <source>note</source>
        <translation>ghi chú</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>loại</translation>
    </message>
    <message>
        <source>lead unit</source>
        <translation>đơn vị chủ trì</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>người phụ trách</translation>
    </message>
    <message>
        <source>at</source>
        <translation>lúc</translation>
    </message>
    <message>
        <source>by</source>
        <translation>người ghi</translation>
    </message>
    <message>
        <source>assigned on</source>
        <translation>ngày giao</translation>
    </message>
    <message>
        <source>detail</source>
        <translation>chi tiết</translation>
    </message>
    <message>
        <source>old deadline</source>
        <translation>thời hạn cũ</translation>
    </message>
    <message>
        <source>new deadline</source>
        <translation>thời hạn mới</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>ghi chú</translation>
    </message>
    <message>
        <source>organizer</source>
        <translation>cơ quan tổ chức</translation>
    </message>
    <message>
        <source>session</source>
        <translation>buổi</translation>
    </message>
    <message>
        <source>host point</source>
        <translation>điểm cầu chính</translation>
    </message>
    <message>
        <source>in the trash since</source>
        <translation>chuyển vào thùng rác lúc</translation>
    </message>
    <message>
        <source>signed off at</source>
        <translation>ký duyệt lúc</translation>
    </message>
    <message>
        <source>signed off by</source>
        <translation>người ký duyệt</translation>
    </message>
    <message>
        <source>reason for reopening</source>
        <translation>lý do mở lại</translation>
    </message>
    <message>
        <source>text</source>
        <translation>nội dung</translation>
    </message>
    <message>
        <source>name</source>
        <translation>tên</translation>
    </message>
    <message>
        <source>created</source>
        <translation>giao nhiệm vụ</translation>
    </message>
    <message>
        <source>progress</source>
        <translation>tiến độ</translation>
    </message>
    <message>
        <source>extension</source>
        <translation>gia hạn</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>hoàn thành</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>mở lại</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>hủy</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>Chưa có thay đổi nào được ghi lại.</translation>
    </message>
</context>
<context>
    <name>InstructionsTab</name>
    <message>
        <source>Instruction</source>
        <translation>Nội dung chỉ đạo</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Người phát biểu</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>who gave the instruction</source>
        <translation>người chỉ đạo</translation>
    </message>
    <message>
        <source>title</source>
        <translation>chức vụ</translation>
    </message>
    <message>
        <source>The instruction as given</source>
        <translation>Nội dung chỉ đạo như đã phát biểu</translation>
    </message>
    <message>
        <source>Create &amp;tasks…</source>
        <translation>Tạo &amp;nhiệm vụ…</translation>
    </message>
    <message>
        <source>For a&amp;ll instructions</source>
        <translation>Cho tất &amp;cả ý kiến chỉ đạo</translation>
    </message>
    <message>
        <source>Give every instruction this speaker (without one, the chair is assumed).</source>
        <translation>Gán người phát biểu này cho mọi ý kiến chỉ đạo (ý kiến không ghi người phát biểu được coi là của đồng chí chủ trì).</translation>
    </message>
    <message>
        <source>S&amp;peaker</source>
        <translation>Người &amp;phát biểu</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Nội dung</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>%1 — Conference minutes</source>
        <translation>%1 — Biên bản hội nghị</translation>
    </message>
    <message>
        <source>Conferences</source>
        <translation>Hội nghị</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Units &amp; people</source>
        <translation>Đơn vị và cá nhân</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>Office server: %1</source>
        <translation>Máy chủ cơ quan: %1</translation>
    </message>
    <message>
        <source>&amp;New conference…</source>
        <translation>Hội nghị &amp;mới…</translation>
    </message>
    <message>
        <source>New conference from &amp;text…</source>
        <translation>Hội nghị mới từ &amp;văn bản…</translation>
    </message>
    <message>
        <source>&amp;Open conference</source>
        <translation>&amp;Mở hội nghị</translation>
    </message>
    <message>
        <source>&amp;Delete conference</source>
        <translation>&amp;Xóa hội nghị</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Thùng rác…</translation>
    </message>
    <message>
        <source>&amp;Import exchange file…</source>
        <translation>&amp;Nhập tệp trao đổi…</translation>
    </message>
    <message>
        <source>&amp;Export exchange file…</source>
        <translation>&amp;Xuất tệp trao đổi…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <source>O&amp;ffice and signers…</source>
        <translation>Cơ &amp;quan và người ký…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Tìm…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>Load &amp;sample data</source>
        <translation>Nạp dữ liệu &amp;mẫu</translation>
    </message>
    <message>
        <source>&amp;About minutes-app</source>
        <translation>&amp;Giới thiệu minutes-app</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Sao lưu…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>The office server is backed up and restored by the office&apos;s administrator; File → Back up… saves a copy of it as a file.</source>
        <translation>Máy chủ cơ quan do quản trị viên của cơ quan sao lưu và khôi phục; Tệp → Sao lưu… lưu một bản sao của nó thành tệp.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Activity…</source>
        <translation>&amp;Hoạt động…</translation>
    </message>
    <message>
        <source>Who changed what, by person, unit and day</source>
        <translation>Ai đã thay đổi gì, theo người, đơn vị và ngày</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <source>owner of the database</source>
        <translation>chủ cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>quản trị</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>văn thư</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>lãnh đạo</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>chưa có vai trò</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Người dùng: %1</translation>
    </message>
    <message>
        <source>Moved to the trash. Ctrl+Z puts it back.</source>
        <translation>Đã chuyển vào thùng rác. Nhấn Ctrl+Z để lấy lại.</translation>
    </message>
    <message>
        <source>%1 of %2 conferences</source>
        <translation>%1 / %2 hội nghị</translation>
    </message>
    <message>
        <source>About minutes-app</source>
        <translation>Giới thiệu minutes-app</translation>
    </message>
    <message>
        <source>minutes-app %1
Minutes and follow-up tasks of online conferences.</source>
        <translation>minutes-app %1
Biên bản hội nghị trực tuyến và theo dõi nhiệm vụ sau hội nghị.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge</source>
        <translation>Gộp</translation>
    </message>
    <message>
        <source>The two become one: every conference, bridge point and task that names the other will name the one you keep. Keep:</source>
        <translation>Hai mục sẽ thành một: mọi hội nghị, điểm cầu và nhiệm vụ đang ghi mục kia sẽ ghi mục được giữ lại. Giữ lại:</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>Office and signers</source>
        <translation>Cơ quan và người ký</translation>
    </message>
    <message>
        <source>&amp;Superior body (first heading line)</source>
        <translation>Cơ quan &amp;cấp trên (dòng đầu tiêu đề)</translation>
    </message>
    <message>
        <source>&amp;Office name</source>
        <translation>&amp;Tên cơ quan</translation>
    </message>
    <message>
        <source>Office s&amp;ymbol (Số …-BB/symbol)</source>
        <translation>&amp;Ký hiệu cơ quan (Số …-BB/ký hiệu)</translation>
    </message>
    <message>
        <source>&amp;Place name (…, ngày … tháng … năm …)</source>
        <translation>&amp;Địa danh (…, ngày … tháng … năm …)</translation>
    </message>
    <message>
        <source>Default s&amp;ecretary of minutes</source>
        <translation>&amp;Thư ký mặc định của biên bản</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>ví dụ: %1</translation>
    </message>
    <message>
        <source>Who signs each paper (HD 36)</source>
        <translation>Người ký từng loại văn bản (HD 36)</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>Notice of conclusions</source>
        <translation>Thông báo kết luận</translation>
    </message>
    <message>
        <source>Period report</source>
        <translation>Báo cáo theo kỳ</translation>
    </message>
    <message>
        <source>&amp;Way of signing</source>
        <translation>&amp;Thể thức ký</translation>
    </message>
    <message>
        <source>Signer&apos;s p&amp;ost</source>
        <translation>&amp;Chức vụ người ký</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;name</source>
        <translation>&amp;Họ tên người ký</translation>
    </message>
    <message>
        <source>Signature block</source>
        <translation>Phần chữ ký</translation>
    </message>
    <message>
        <source>These details are kept in the database and printed at the top and bottom of every minutes, notice and report.</source>
        <translation>Các thông tin này được lưu trong cơ sở dữ liệu và in ở đầu và cuối mỗi biên bản, thông báo và báo cáo.</translation>
    </message>
    <message>
        <source>The office has not been set yet. Check the heading and the signers, then Save: the paper follows. These details are kept in the database for every paper.</source>
        <translation>Chưa thiết lập thông tin cơ quan. Hãy kiểm tra tiêu đề và người ký rồi bấm Lưu, văn bản sẽ được xuất tiếp. Các thông tin này được lưu trong cơ sở dữ liệu và dùng cho mọi văn bản.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Chair and recorder (HD 16)</source>
        <translation>Chủ trì và thư ký (HD 16)</translation>
    </message>
    <message>
        <source>Head, in their own post</source>
        <translation>Người đứng đầu ký theo chức vụ</translation>
    </message>
    <message>
        <source>Deputy, for the head (K/T)</source>
        <translation>Cấp phó ký thay (K/T)</translation>
    </message>
    <message>
        <source>On behalf of the committee (T/M)</source>
        <translation>Thay mặt tập thể (T/M)</translation>
    </message>
    <message>
        <source>By authorisation (T/L)</source>
        <translation>Thừa lệnh (T/L)</translation>
    </message>
    <message>
        <source>T/M (on behalf of the committee) is only for a committee (a Party committee, its standing committee…); %1 is not one.</source>
        <translation>Thể thức T/M (thay mặt) chỉ dùng cho tập thể lãnh đạo (cấp ủy, ban thường vụ…); %1 không phải là tập thể lãnh đạo.</translation>
    </message>
    <message>
        <source>T/L (by authorisation) is only for papers headed by the committee itself; %1 is not a committee.</source>
        <translation>Thể thức T/L (thừa lệnh) chỉ dùng cho văn bản mang tên cấp ủy, ban thường vụ; %1 không phải là cấp ủy.</translation>
    </message>
    <message>
        <source>%1 is led collectively: its papers are usually signed T/M or T/L.</source>
        <translation>%1 là tập thể lãnh đạo: văn bản thường ký theo thể thức T/M hoặc T/L.</translation>
    </message>
    <message>
        <source>K/T names the head&apos;s post, which cannot be told from %1 (a Ban or a Văn phòng has one).</source>
        <translation>Thể thức K/T ghi chức vụ người đứng đầu, nhưng không xác định được từ tên %1 (ban, văn phòng thì có).</translation>
    </message>
    <message>
        <source>Choose a way of signing.</source>
        <translation>Hãy chọn thể thức ký.</translation>
    </message>
    <message>
        <source>(names from each conference)</source>
        <translation>(họ tên lấy từ từng hội nghị)</translation>
    </message>
    <message>
        <source>The office name is required.</source>
        <translation>Cần nhập tên cơ quan.</translation>
    </message>
    <message>
        <source>The office symbol is required.</source>
        <translation>Cần nhập ký hiệu cơ quan.</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>Another copy of the program kept the database busy, so nothing was saved. What you entered is still in the window: try again in a moment.</source>
        <translation>Một cửa sổ minutes-app khác đang giữ cơ sở dữ liệu nên chưa lưu được gì. Những gì đã nhập vẫn còn trên cửa sổ: hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Cơ sở dữ liệu đang bận</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Tasks by lead unit (click a bar to see them)</source>
        <translation>Nhiệm vụ theo đơn vị chủ trì (nhấn vào cột để xem)</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Trễ (ngày)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>Đơn vị chủ trì</translation>
    </message>
    <message>
        <source>Follow-up by</source>
        <translation>Người theo dõi</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Trễ hạn</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>Tỷ lệ đúng hạn</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>Theo tháng</translation>
    </message>
    <message>
        <source>By quarter</source>
        <translation>Theo quý</translation>
    </message>
    <message>
        <source>By half-year</source>
        <translation>Theo 6 tháng</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>Theo năm</translation>
    </message>
    <message>
        <source>Open all overdue tasks</source>
        <translation>Xem tất cả nhiệm vụ quá hạn</translation>
    </message>
    <message>
        <source>Overdue, most days late first</source>
        <translation>Quá hạn, lâu nhất trước</translation>
    </message>
    <message>
        <source>Due in the next 7 days</source>
        <translation>Đến hạn trong 7 ngày tới</translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation>Hoàn thành đúng hạn</translation>
    </message>
    <message>
        <source>Situation on %1</source>
        <translation>Tình hình đến ngày %1</translation>
    </message>
    <message numerus="yes">
        <source>Not in the chart: %n other unit(s): %1</source>
        <translation>
            <numerusform>Biểu đồ chưa thể hiện %n đơn vị khác: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 open, %3 done</source>
        <translation>%1: %2 đang thực hiện, %3 đã hoàn thành</translation>
    </message>
</context>
<context>
    <name>PapersTab</name>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Kind of paper</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Date of issue</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>&amp;Propose number</source>
        <translation>Đề xuất &amp;số</translation>
    </message>
    <message>
        <source>Number the selected paper after the last one of its kind issued in the year of its date of issue</source>
        <translation>Lấy số tiếp theo số cuối cùng của cùng loại văn bản đã ban hành trong năm của ngày ban hành</translation>
    </message>
    <message>
        <source>The number and date of issue are printed on the minutes and the notice. A paper not listed here is printed with its number and date left blank, to be filled in by hand.</source>
        <translation>Số và ngày ban hành được in trên biên bản và thông báo. Văn bản chưa có ở đây sẽ được in với số và ngày để trống, để ghi bằng tay.</translation>
    </message>
    <message>
        <source>%1 (minutes signed off %2)</source>
        <translation>%1 (biên bản đã ký duyệt %2)</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>Report period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>Sáu tháng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>&amp;Kind of period</source>
        <translation>&amp;Loại kỳ</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Kỳ</translation>
    </message>
    <message>
        <source>Tracking &amp;as of</source>
        <translation>Theo dõi &amp;tính đến ngày</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>PlainPaste</name>
    <message>
        <source>Pasted text typed in an old %1 font: %n letter(s) converted to Unicode.</source>
        <translation>Văn bản dán vào được gõ bằng phông chữ cũ %1: đã chuyển %n chữ sang Unicode.</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>(none yet)</source>
        <translation>(chưa có)</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>&amp;Xóa danh sách</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>%1 and %2.</source>
        <translation>%1 và %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) overdue</source>
        <translation>
            <numerusform>%n nhiệm vụ quá hạn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due within 7 days</source>
        <translation>
            <numerusform>%n nhiệm vụ đến hạn trong 7 ngày tới</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Nhắc việc</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Xem ngay</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Do not remind me when the program starts</source>
        <translation>Không nhắc khi mở chương trình</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Conferences</source>
        <translation>Hội nghị</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Search everywhere</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>Words, names or a symbol, with or without accents (e.g. qd 96, dong chi)</source>
        <translation>Từ, tên hoặc ký hiệu văn bản, có dấu hay không dấu (ví dụ qd 96, dong chi)</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Ngữ cảnh</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n kết quả</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerLink</name>
    <message>
        <source>The office server cannot be reached; what you typed is kept. Trying again…</source>
        <translation>Không kết nối được tới máy chủ cơ quan; những gì bạn đã nhập vẫn được giữ. Đang thử lại…</translation>
    </message>
    <message>
        <source>The office server answers again; the screens show what it holds now. What was not saved can be saved now.</source>
        <translation>Máy chủ cơ quan đã trả lời trở lại; các màn hình đang hiển thị dữ liệu hiện có trên máy chủ. Những gì chưa lưu giờ có thể lưu được.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Remind me of overdue tasks when the program starts</source>
        <translation>Nhắc nhiệm vụ quá hạn khi mở chương trình</translation>
    </message>
    <message>
        <source>The name recorded with every change you make, and shown to others when your change and theirs meet. Empty: your login name (%1).</source>
        <translation>Tên được ghi cùng mọi thay đổi bạn thực hiện và hiển thị cho người khác khi thay đổi của hai người trùng nhau. Để trống: dùng tên đăng nhập (%1).</translation>
    </message>
    <message>
        <source>A new language applies the next time the program starts.</source>
        <translation>Ngôn ngữ mới có hiệu lực từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Tên người dùng</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Sao lưu tự động</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;họn…</translation>
    </message>
    <message>
        <source>Back up &amp;once a day, when the program starts</source>
        <translation>Sao lưu &amp;mỗi ngày một lần, khi chương trình khởi động</translation>
    </message>
    <message>
        <source>Back up each time the program &amp;closes</source>
        <translation>Sao lưu mỗi khi &amp;đóng chương trình</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> bản sao lưu</translation>
    </message>
    <message>
        <source>Older automatic backups are deleted; copies made with File → Back up… are kept.</source>
        <translation>Các bản sao lưu tự động cũ hơn sẽ bị xóa; các bản tạo bằng Tệp → Sao lưu… được giữ lại.</translation>
    </message>
    <message>
        <source>Backup &amp;folder</source>
        <translation>&amp;Thư mục sao lưu</translation>
    </message>
    <message>
        <source>&amp;Keep the last</source>
        <translation>&amp;Giữ lại</translation>
    </message>
    <message>
        <source>The office server is backed up by the office&apos;s administrator; automatic backups are made of a database file. File → Back up… saves a copy of the server&apos;s database as a file.</source>
        <translation>Máy chủ cơ quan do quản trị viên của cơ quan sao lưu; sao lưu tự động chỉ dành cho tệp cơ sở dữ liệu. Tệp → Sao lưu… lưu một bản sao cơ sở dữ liệu của máy chủ thành tệp.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Thư mục sao lưu</translation>
    </message>
</context>
<context>
    <name>SignOffControls</name>
    <message>
        <source>Si&amp;gn off…</source>
        <translation>&amp;Ký duyệt…</translation>
    </message>
    <message>
        <source>The minutes are final: nobody can change them until they are reopened</source>
        <translation>Biên bản là bản chính thức: không ai sửa được cho đến khi được mở lại</translation>
    </message>
    <message>
        <source>Reo&amp;pen…</source>
        <translation>&amp;Mở lại…</translation>
    </message>
    <message>
        <source>Signed off by %1 on %2: these minutes are final. To change them, reopen them with a reason.</source>
        <translation>Đã được %1 ký duyệt lúc %2: biên bản này là bản chính thức. Muốn sửa, hãy mở lại và nêu lý do.</translation>
    </message>
    <message>
        <source>Your login (%1) may read this conference, not change it.</source>
        <translation>Tài khoản của bạn (%1) được xem hội nghị này, không được sửa.</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Ký duyệt</translation>
    </message>
    <message>
        <source>Save the changes first: what is signed off is what is saved.</source>
        <translation>Hãy lưu các thay đổi trước: nội dung được ký duyệt là nội dung đã lưu.</translation>
    </message>
    <message>
        <source>Sign off these minutes as final? Nobody can change them afterwards unless they are reopened, with a reason; both are kept in the change log.</source>
        <translation>Ký duyệt biên bản này là bản chính thức? Sau đó không ai sửa được nếu chưa mở lại, có nêu lý do; cả hai việc đều được ghi vào lịch sử thay đổi.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <source>Why must the signed-off minutes be changed? (kept in the change log)</source>
        <translation>Vì sao cần sửa biên bản đã ký duyệt? (được ghi vào lịch sử thay đổi)</translation>
    </message>
    <message>
        <source>Reopening needs a reason.</source>
        <translation>Mở lại cần nêu lý do.</translation>
    </message>
</context>
<context>
    <name>StudiedDocumentsTab</name>
    <message>
        <source>Type part of a symbol, number or subject, e.g. 96-QĐ/TW or qd 96, then Enter</source>
        <translation>Gõ một phần số, ký hiệu hoặc trích yếu, ví dụ 96-QĐ/TW hoặc qd 96, rồi nhấn Enter</translation>
    </message>
    <message>
        <source>&amp;New document…</source>
        <translation>Văn bản &amp;mới…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>Người trình bày</translation>
    </message>
    <message>
        <source>Presenter&apos;s title</source>
        <translation>Chức vụ người trình bày</translation>
    </message>
    <message>
        <source>Add from the &amp;catalogue</source>
        <translation>Thêm từ &amp;danh mục</translation>
    </message>
</context>
<context>
    <name>TableSection</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Bỏ</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Chuyển &amp;xuống</translation>
    </message>
</context>
<context>
    <name>TaskActionDialog</name>
    <message>
        <source>Progress note</source>
        <translation>Cập nhật tiến độ</translation>
    </message>
    <message>
        <source>Extend the deadline</source>
        <translation>Gia hạn</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <source>Cancel the task</source>
        <translation>Hủy nhiệm vụ</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) selected.</source>
        <translation>
            <numerusform>Đã chọn %n nhiệm vụ.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New deadline</source>
        <translation>&amp;Thời hạn mới</translation>
    </message>
    <message>
        <source>&amp;Reason (required)</source>
        <translation>&amp;Lý do (bắt buộc)</translation>
    </message>
    <message>
        <source>&amp;Completed on</source>
        <translation>&amp;Ngày hoàn thành</translation>
    </message>
    <message>
        <source>e.g. Báo cáo số 45-BC/BTCTU ngày 10/3/2023</source>
        <translation>ví dụ Báo cáo số 45-BC/BTCTU ngày 10/3/2023</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>&amp;Kết quả</translation>
    </message>
    <message>
        <source>&amp;Note (required)</source>
        <translation>&amp;Nội dung (bắt buộc)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Lý do</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>The office server cannot be reached, so nothing was changed. What you typed is kept: press OK again once the server answers.</source>
        <translation>Không kết nối được tới máy chủ cơ quan, nên không có gì bị thay đổi. Những gì bạn đã nhập vẫn được giữ: hãy bấm OK lần nữa khi máy chủ trả lời.</translation>
    </message>
    <message>
        <source>Close this window to see the task as it is now; your text stays here.</source>
        <translation>Đóng cửa sổ này để xem nhiệm vụ như hiện tại; nội dung bạn nhập vẫn giữ ở đây.</translation>
    </message>
    <message>
        <source>Another copy of the program kept the database busy, so nothing was changed. Press OK again in a moment.</source>
        <translation>Một cửa sổ minutes-app khác đang giữ cơ sở dữ liệu nên chưa có gì thay đổi. Hãy bấm OK lại sau giây lát.</translation>
    </message>
</context>
<context>
    <name>TaskActionError</name>
    <message>
        <source>Please fill in the reason or text.</source>
        <translation>Hãy nhập lý do hoặc nội dung.</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>Ngày không được sau hôm nay.</translation>
    </message>
    <message>
        <source>The date is before the task was assigned.</source>
        <translation>Ngày này trước ngày giao nhiệm vụ.</translation>
    </message>
    <message>
        <source>The new deadline must be later than the current one.</source>
        <translation>Thời hạn mới phải sau thời hạn hiện tại.</translation>
    </message>
    <message>
        <source>An ongoing task has no deadline to extend.</source>
        <translation>Nhiệm vụ thường xuyên không có thời hạn để gia hạn.</translation>
    </message>
    <message>
        <source>Only an open or in-progress task can do that.</source>
        <translation>Chỉ làm được việc này với nhiệm vụ đang thực hiện.</translation>
    </message>
    <message>
        <source>Only a done or cancelled task can be reopened.</source>
        <translation>Chỉ mở lại được nhiệm vụ đã hoàn thành hoặc đã hủy.</translation>
    </message>
    <message>
        <source>Choose at least one lead unit.</source>
        <translation>Hãy chọn ít nhất một đơn vị chủ trì.</translation>
    </message>
    <message>
        <source>The text is too long (a title at most 2,000 characters, a note 100,000).</source>
        <translation>Nội dung quá dài (tên nhiệm vụ tối đa 2.000 ký tự, ghi chú tối đa 100.000 ký tự).</translation>
    </message>
    <message>
        <source>(task %1)</source>
        <translation>(nhiệm vụ %1)</translation>
    </message>
</context>
<context>
    <name>TaskActions</name>
    <message>
        <source>&amp;Progress…</source>
        <translation>&amp;Tiến độ…</translation>
    </message>
    <message>
        <source>E&amp;xtend…</source>
        <translation>&amp;Gia hạn…</translation>
    </message>
    <message>
        <source>&amp;Done…</source>
        <translation>&amp;Hoàn thành…</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>&amp;Mở lại…</translation>
    </message>
    <message>
        <source>&amp;Cancel task…</source>
        <translation>&amp;Hủy nhiệm vụ…</translation>
    </message>
    <message>
        <source>Progress noted on task %1.</source>
        <translation>Đã ghi tiến độ nhiệm vụ %1.</translation>
    </message>
    <message>
        <source>Task %1 extended to %2.</source>
        <translation>Đã gia hạn nhiệm vụ %1 đến %2.</translation>
    </message>
    <message>
        <source>Task %1 marked as done on %2.</source>
        <translation>Đã ghi nhận hoàn thành nhiệm vụ %1 ngày %2.</translation>
    </message>
    <message>
        <source>Task %1 reopened.</source>
        <translation>Đã mở lại nhiệm vụ %1.</translation>
    </message>
    <message>
        <source>Task %1 cancelled.</source>
        <translation>Đã hủy nhiệm vụ %1.</translation>
    </message>
    <message numerus="yes">
        <source>Progress noted on %n task(s).</source>
        <translation>
            <numerusform>Đã ghi tiến độ %n nhiệm vụ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) extended to %1.</source>
        <translation>
            <numerusform>Đã gia hạn %n nhiệm vụ đến %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) marked as done on %1.</source>
        <translation>
            <numerusform>Đã ghi nhận hoàn thành %n nhiệm vụ ngày %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) reopened.</source>
        <translation>
            <numerusform>Đã mở lại %n nhiệm vụ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) cancelled.</source>
        <translation>
            <numerusform>Đã hủy %n nhiệm vụ.</numerusform>
        </translation>
    </message>
    <message>
        <source>It no longer matches the filters, so the list does not show it.</source>
        <translation>Nhiệm vụ không còn khớp với bộ lọc nên không hiện trong danh sách.</translation>
    </message>
    <message>
        <source>Some no longer match the filters, so the list does not show them.</source>
        <translation>Có nhiệm vụ không còn khớp với bộ lọc nên không hiện trong danh sách.</translation>
    </message>
    <message>
        <source>Create tasks</source>
        <translation>Tạo nhiệm vụ</translation>
    </message>
</context>
<context>
    <name>TaskClass</name>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>Đến hạn trong 7 ngày</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>Thường xuyên</translation>
    </message>
    <message>
        <source>Done on time</source>
        <translation>Hoàn thành đúng hạn</translation>
    </message>
    <message>
        <source>Done late</source>
        <translation>Hoàn thành trễ hạn</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
</context>
<context>
    <name>TaskDetail</name>
    <message>
        <source>Assigned</source>
        <translation>Ngày giao</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Deadline extended</source>
        <translation>Gia hạn</translation>
    </message>
    <message>
        <source>Follow-up by</source>
        <translation>Người theo dõi</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Ngày hoàn thành</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <source>Task assigned</source>
        <translation>Giao nhiệm vụ</translation>
    </message>
    <message>
        <source>Marked as done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Quá trình thực hiện</translation>
    </message>
    <message>
        <source>No history recorded.</source>
        <translation>Chưa có ghi nhận nào.</translation>
    </message>
    <message>
        <source>Entered %1</source>
        <translation>Nhập vào máy lúc %1</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Hội nghị</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Nội dung chỉ đạo</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>Đơn vị chủ trì</translation>
    </message>
    <message>
        <source>Supporting units</source>
        <translation>Đơn vị phối hợp</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>none (ongoing task)</source>
        <translation>không có (nhiệm vụ thường xuyên)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
</context>
<context>
    <name>TaskRegisterPage</name>
    <message>
        <source>All classes</source>
        <translation>Tất cả tình trạng</translation>
    </message>
    <message>
        <source>Filter by words (diacritics optional)</source>
        <translation>Lọc theo từ (có dấu hay không dấu đều được)</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>Đơn vị chủ trì</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Hội nghị</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Tính đến ngày</translation>
    </message>
    <message>
        <source>Deadline from</source>
        <translation>Thời hạn từ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>Lịch sử thay đổi</translation>
    </message>
    <message>
        <source>any</source>
        <translation>bất kỳ</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Tất cả đơn vị</translation>
    </message>
    <message>
        <source>All conferences</source>
        <translation>Tất cả hội nghị</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n nhiệm vụ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Trễ (ngày)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>Đơn vị chủ trì</translation>
    </message>
    <message>
        <source>Follow-up by</source>
        <translation>Người theo dõi</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Hội nghị</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Ngày giao</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Hoàn thành</translation>
    </message>
</context>
<context>
    <name>TrashActions</name>
    <message>
        <source>Move the conference of %1 to the trash?
“%2”

It can be restored from Edit → Trash.</source>
        <translation>Chuyển hội nghị ngày %1 vào thùng rác?
“%2”

Có thể khôi phục lại từ Sửa → Thùng rác.</translation>
    </message>
    <message numerus="yes">
        <source>Move %n conference(s) to the trash? They can be restored from Edit → Trash.</source>
        <translation>
            <numerusform>Chuyển %n hội nghị vào thùng rác? Có thể khôi phục tại Sửa → Thùng rác.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Chuyển vào thùng rác</translation>
    </message>
    <message>
        <source>Delete conference</source>
        <translation>Xóa hội nghị</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>Thùng rác</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên hội nghị</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Đã xóa lúc</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>Thùng rác trống.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <source>Delete for &amp;good…</source>
        <translation>Xóa &amp;vĩnh viễn…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n conference(s) for good, with their instructions and tasks? This cannot be undone.</source>
        <translation>
            <numerusform>Xóa vĩnh viễn %n hội nghị, cùng các kết luận và nhiệm vụ của chúng? Không thể hoàn tác.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Xóa vĩnh viễn</translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
</context>
<context>
    <name>WaitingForLock</name>
    <message>
        <source>Waiting for another copy of the program to finish writing…</source>
        <translation>Đang chờ một cửa sổ minutes-app khác ghi xong…</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Thôi chờ</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
</context>
</TS>
