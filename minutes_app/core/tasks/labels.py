"""The words and colours of the office for a task's status and tracking class, and the
register's "due soon" split out of "in progress": what the exports, the papers and the
window show beside the tracking rule (``core.tasks.tracking``)."""

from __future__ import annotations

import datetime as dt

from minutes_app.core.tasks.tracking import (
    CANCELLED,
    DONE_LATE,
    DONE_ON_TIME,
    IN_PROGRESS,
    ONGOING,
    OVERDUE,
    is_due_soon,
)

# A display class of its own for the register's "due within 7 days": an in-progress task
# whose deadline is near (tracking.DUE_SOON_ON_D, within DUE_SOON_DAYS). The window
# (ui/tasks/style.py) splits it out the same way.
DUE_SOON = "due_soon"

CLASS_LABELS: dict[str, str] = {
    DONE_ON_TIME: "Hoàn thành đúng hạn",
    DONE_LATE: "Hoàn thành trễ hạn",
    IN_PROGRESS: "Đang thực hiện",
    OVERDUE: "Quá hạn",
    ONGOING: "Thường xuyên",
    CANCELLED: "Đã hủy",
}
"""The tracking classes of FORMAT.md in the words of the office."""

# Starts with the in-progress label so that a text filter on it still finds these rows.
DISPLAY_LABELS: dict[str, str] = {**CLASS_LABELS, DUE_SOON: "Đang thực hiện - sắp đến hạn"}

# Light backgrounds (RRGGBB) under dark text, one per display class, readable when printed.
CLASS_FILLS: dict[str, str] = {
    OVERDUE: "F4C7C3",  # red
    DUE_SOON: "FFE299",  # amber
    IN_PROGRESS: "D3E3F8",  # blue
    ONGOING: "E3E1EA",  # grey-lilac
    DONE_ON_TIME: "CDEBCF",  # green
    DONE_LATE: "E6DDB0",  # olive: finished, but not by the deadline
    CANCELLED: "EDEDED",  # grey
}

STATUS_LABELS: dict[str, str] = {
    "open": "Mới giao",
    "in_progress": "Đang thực hiện",
    "done": "Đã hoàn thành",
    "cancelled": "Đã hủy",
}

NO_DEADLINE_LABEL = "Thường xuyên"
"""What the deadline column says for a task without a deadline (nhiệm vụ thường xuyên)."""


def display_class(tracking: str, deadline: dt.date | None, as_of: dt.date) -> str:
    """The tracking class, with "due soon" split out of "in progress"; ``deadline`` is the
    one in force on ``as_of``."""
    return DUE_SOON if is_due_soon(tracking, deadline, as_of) else tracking
