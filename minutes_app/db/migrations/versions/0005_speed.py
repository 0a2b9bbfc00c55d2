"""Register and overview speed: task indexes that answer counts and pages on their own.

Revision ID: 0005
Revises: 0004

Issue 7. The register's class order, the overdue filter, the conference list's overdue
counts and the overview's counts per lead unit read only these columns of a task, so
indexes that hold them all (covering indexes) spare SQLite a lookup of each of 200,000
rows in the table:

- ix_task_deadline (status, deadline, ...) gives each class its rows in deadline order
  and counts a class as one index range;
- ix_task_status_unit (status, lead_unit_id, ...) lists each status unit by unit, so the
  overview groups by lead unit without sorting;
- ix_task_completed (status, completed_on, deadline, ...) counts completions by period.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DEADLINE = ["status", "deadline", "completed_on", "lead_unit_id", "assigned_on", "instruction_id"]
_UNIT = ["status", "lead_unit_id", "deadline", "completed_on", "assigned_on", "instruction_id"]
_COMPLETED = ["status", "completed_on", "deadline", "instruction_id"]


def upgrade() -> None:
    op.drop_index("ix_task_deadline", table_name="task")
    op.create_index("ix_task_deadline", "task", _DEADLINE)
    op.drop_index("ix_task_completed", table_name="task")
    op.create_index("ix_task_completed", "task", _COMPLETED)
    op.create_index("ix_task_status_unit", "task", _UNIT)


def downgrade() -> None:
    op.drop_index("ix_task_status_unit", table_name="task")
    op.drop_index("ix_task_completed", table_name="task")
    op.create_index("ix_task_completed", "task", ["status", "completed_on"])
    op.drop_index("ix_task_deadline", table_name="task")
    op.create_index("ix_task_deadline", "task", ["status", "deadline"])
