<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
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
        <translation><numerusform>Quý %n</numerusform></translation>
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
    <name>MainWindow</name>
    <message>
        <source>%1 — Conference minutes</source>
        <translation>%1 — Biên bản hội nghị</translation>
    </message>
    <message>
        <source>This screen arrives in a later version of minutes-app.</source>
        <translation>Màn hình này sẽ có trong phiên bản sau của minutes-app.</translation>
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
        <source>&amp;Import exchange file…</source>
        <translation>&amp;Nhập tệp trao đổi…</translation>
    </message>
    <message>
        <source>&amp;Export exchange file…</source>
        <translation>&amp;Xuất tệp trao đổi…</translation>
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
        <source>&amp;About minutes-app</source>
        <translation>&amp;Giới thiệu minutes-app</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
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
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <source>%1 of %2 conferences</source>
        <translation>%1 / %2 hội nghị</translation>
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
        <source>Import</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Không đọc được tệp: %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more problems.</source>
        <translation><numerusform>… và %n lỗi khác.</numerusform></translation>
    </message>
    <message>
        <source>Nothing was imported. The file has these problems:</source>
        <translation>Chưa nhập dữ liệu nào. Tệp có các lỗi sau:</translation>
    </message>
    <message>
        <source>Imported %1 conferences and %2 tasks.</source>
        <translation>Đã nhập %1 hội nghị và %2 nhiệm vụ.</translation>
    </message>
    <message>
        <source>Export exchange file</source>
        <translation>Xuất tệp trao đổi</translation>
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
        <source>Exported to %1</source>
        <translation>Đã xuất ra %1</translation>
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
</TS>