"""Record versions, who changed a record last, and stable identities.

Revision ID: 0006
Revises: 0005

Issue 12: two copies of the program on one file lost each other's work, because a save
rewrote the record it had read without asking whether someone else had changed it since.
Conferences, instructions and tasks now carry a ``version`` that grows with every change,
and who made the last change and when; a save or an action from a stale copy is refused.
Conferences and tasks also get their ``uid`` (FORMAT.md, "Identity across files and
databases"), given to every existing record here.

The columns are added with ALTER TABLE ADD COLUMN, not by copying the tables (Alembic's
batch mode), so that the search triggers on these tables stay as they are.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_VERSIONED = ("conference", "instruction", "task")
_WITH_UID = ("conference", "task")


def upgrade() -> None:
    for table in _VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        op.add_column(table, sa.Column("updated_by", sa.String(), nullable=True))
    for table in ("instruction", "task"):
        op.add_column(table, sa.Column("updated_at", sa.DateTime(), nullable=True))
    connection = op.get_bind()
    for table in _WITH_UID:
        op.add_column(table, sa.Column("uid", sa.String(36), nullable=True))
        ids = [row[0] for row in connection.execute(sa.text(f"SELECT id FROM {table}"))]
        if ids:
            connection.execute(
                sa.text(f"UPDATE {table} SET uid = :uid WHERE id = :id"),
                [{"uid": str(uuid.uuid4()), "id": i} for i in ids],
            )
        op.create_index(f"uq_{table}_uid", table, ["uid"], unique=True)


def downgrade() -> None:
    for table in _WITH_UID:
        op.drop_index(f"uq_{table}_uid", table_name=table)
        op.drop_column(table, "uid")
    for table in ("instruction", "task"):
        op.drop_column(table, "updated_at")
    for table in _VERSIONED:
        op.drop_column(table, "updated_by")
        op.drop_column(table, "version")
