"""The change log, the office's users, and the sign-off of a conference's minutes.

Revision ID: 0008
Revises: 0007

Issue 16. ``change_log`` holds every insert, update, delete and restore of a record, field
by field, written by triggers in the same transaction as the change (db/change_log.py):
on a file the SQLite triggers are made here; on a server ``server-setup`` makes the
PostgreSQL ones with the roles and policies (db/office_access.py). ``office_user`` names a
server's logins, their role and unit. A conference gains its sign-off (who, when) and the
reason it was last reopened; a paper issued from it, when the minutes were signed off.

The records already stored are not logged retroactively: the log begins with this version.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("conference") as batch:
        batch.add_column(sa.Column("signed_off_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("signed_off_by", sa.String(), nullable=True))
        batch.add_column(sa.Column("reopen_reason", sa.Text(), nullable=True))
    with op.batch_alter_table("issued_paper") as batch:
        batch.add_column(sa.Column("signed_off_at", sa.DateTime(), nullable=True))
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_name", sa.String(), nullable=True),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("changes", sa.Text(), server_default="{}", nullable=False),
        sa.Column("conference_id", sa.Integer(), nullable=True),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "action IN ('insert', 'update', 'delete', 'restore')",
            name="ck_change_log_action_known",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_change_log"),
    )
    op.create_index("ix_change_log_task_id", "change_log", ["task_id", "id"])
    op.create_index("ix_change_log_conference_id", "change_log", ["conference_id", "id"])
    op.create_index("ix_change_log_at", "change_log", ["at"])
    op.create_table(
        "office_user",
        sa.Column("login", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(), nullable=True),
        sa.CheckConstraint(
            "role IN ('admin', 'clerk', 'leader', 'unit')", name="ck_office_user_role_known"
        ),
        sa.CheckConstraint(
            "role <> 'unit' OR unit_id IS NOT NULL", name="ck_office_user_unit_has_unit"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name="fk_office_user_unit_id_unit", ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("login", name="pk_office_user"),
    )
    op.create_index("ix_office_user_unit_id", "office_user", ["unit_id"])
    if op.get_bind().dialect.name == "sqlite":
        from minutes_app.db.change_log import install_file_triggers

        install_file_triggers(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        from minutes_app.db.change_log import drop_file_triggers

        drop_file_triggers(op.get_bind())
    op.drop_table("office_user")
    op.drop_table("change_log")
    with op.batch_alter_table("issued_paper") as batch:
        batch.drop_column("signed_off_at")
    with op.batch_alter_table("conference") as batch:
        batch.drop_column("reopen_reason")
        batch.drop_column("signed_off_by")
        batch.drop_column("signed_off_at")
