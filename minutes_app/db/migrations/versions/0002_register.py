"""Task register: folded task text for the word filter, and the indexes the register uses.

Revision ID: 0002
Revises: 0001
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_D = str.maketrans({"đ": "d", "Đ": "d"})


def _fold(text: str) -> str:
    # A frozen copy of minutes_app.base.text.fold as it was at this revision.
    bare = unicodedata.normalize("NFD", text.translate(_D))
    bare = "".join(ch for ch in bare if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", bare.casefold().translate(_D)).strip()


def upgrade() -> None:
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), server_default="", nullable=False))
    op.create_index("ix_task_deadline_order", "task", [sa.text("coalesce(deadline, '9999-12-31')")])
    op.create_index("ix_task_event_kind_at", "task_event", ["kind", "at"])
    op.create_index("ix_task_completed", "task", ["status", "completed_on"])
    # The deadline in force on a past day looks up one task's extensions by time.
    op.create_index("ix_task_event_task_kind_at", "task_event", ["task_id", "kind", "at"])
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, title, result FROM task")).all()
    if rows:
        connection.execute(
            sa.text("UPDATE task SET search_text = :text WHERE id = :id"),
            [{"id": r.id, "text": _fold(f"{r.title or ''} {r.result or ''}")} for r in rows],
        )


def downgrade() -> None:
    op.drop_index("ix_task_event_task_kind_at", table_name="task_event")
    op.drop_index("ix_task_event_kind_at", table_name="task_event")
    op.drop_index("ix_task_completed", table_name="task")
    op.drop_index("ix_task_deadline_order", table_name="task")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_column("search_text")
