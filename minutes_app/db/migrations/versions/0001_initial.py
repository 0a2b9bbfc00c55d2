"""initial schema

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("symbol", sa.String(), nullable=True),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("issuer", sa.String(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.CheckConstraint("length(trim(kind)) > 0", name=op.f("ck_document_kind_not_blank")),
        sa.CheckConstraint("length(trim(number)) > 0", name=op.f("ck_document_number_not_blank")),
        sa.CheckConstraint(
            "symbol IS NULL OR length(trim(symbol)) > 0", name=op.f("ck_document_symbol_not_blank")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
    )
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_unit_name_not_blank")),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["unit.id"], name=op.f("fk_unit_parent_id_unit"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
        sa.UniqueConstraint("name", name=op.f("uq_unit_name")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_person_name_not_blank")),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_person_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    # Expression indexes: autogenerate cannot reflect them on SQLite, so they are written here.
    op.create_index(
        "uq_person_name_unit", "person", ["name", sa.text("coalesce(unit_id, 0)")], unique=True
    )
    op.create_index(
        "uq_document_identity",
        "document",
        [sa.text("coalesce(symbol, number)"), sa.text("coalesce(issued_on, '')")],
        unique=True,
    )
    op.create_table(
        "conference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("mode", sa.String(), server_default="online", nullable=False),
        sa.Column("organizer", sa.String(), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("session", sa.String(), nullable=True),
        sa.Column("start_time", sa.String(length=5), nullable=True),
        sa.Column("end_time", sa.String(length=5), nullable=True),
        sa.Column("host_point", sa.String(), nullable=True),
        sa.Column("secretary_id", sa.Integer(), nullable=True),
        sa.Column("secretary_title", sa.String(), nullable=True),
        sa.Column("discussion", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "end_time IS NULL OR end_time GLOB '[0-2][0-9]:[0-5][0-9]'",
            name=op.f("ck_conference_end_time_hhmm"),
        ),
        sa.CheckConstraint(
            "mode IN ('online', 'in_person', 'hybrid')", name=op.f("ck_conference_mode_known")
        ),
        sa.CheckConstraint(
            "session IS NULL OR session IN ('morning', 'afternoon', 'evening')",
            name=op.f("ck_conference_session_known"),
        ),
        sa.CheckConstraint(
            "start_time IS NULL OR start_time GLOB '[0-2][0-9]:[0-5][0-9]'",
            name=op.f("ck_conference_start_time_hhmm"),
        ),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_conference_title_not_blank")),
        sa.ForeignKeyConstraint(
            ["secretary_id"],
            ["person.id"],
            name=op.f("fk_conference_secretary_id_person"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conference")),
    )
    with op.batch_alter_table("conference", schema=None) as batch_op:
        batch_op.create_index("ix_conference_date", ["date"], unique=False)

    op.create_table(
        "bridge_point",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conference_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("attendee_count", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "attendee_count IS NULL OR attendee_count >= 0",
            name=op.f("ck_bridge_point_attendee_count_not_negative"),
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_bridge_point_name_not_blank")),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_bridge_point_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_bridge_point_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bridge_point")),
        sa.UniqueConstraint(
            "conference_id", "position", name=op.f("uq_bridge_point_conference_id")
        ),
    )
    with op.batch_alter_table("bridge_point", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bridge_point_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "conference_chair",
        sa.Column("conference_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_conference_chair_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_conference_chair_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("conference_id", "position", name=op.f("pk_conference_chair")),
        sa.UniqueConstraint(
            "conference_id", "person_id", name=op.f("uq_conference_chair_conference_id")
        ),
    )
    with op.batch_alter_table("conference_chair", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conference_chair_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "instruction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conference_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("speaker_title", sa.String(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint("length(trim(text)) > 0", name=op.f("ck_instruction_text_not_blank")),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_instruction_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["person.id"],
            name=op.f("fk_instruction_speaker_id_person"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instruction")),
        sa.UniqueConstraint("conference_id", "position", name=op.f("uq_instruction_conference_id")),
    )
    op.create_table(
        "studied_document",
        sa.Column("conference_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("presenter_id", sa.Integer(), nullable=True),
        sa.Column("presenter_title", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_studied_document_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_studied_document_document_id_document"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["presenter_id"],
            ["person.id"],
            name=op.f("fk_studied_document_presenter_id_person"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("conference_id", "position", name=op.f("pk_studied_document")),
        sa.UniqueConstraint(
            "conference_id", "document_id", name=op.f("uq_studied_document_conference_id")
        ),
    )
    with op.batch_alter_table("studied_document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_studied_document_document_id"), ["document_id"], unique=False
        )

    op.create_table(
        "bridge_point_person",
        sa.Column("bridge_point_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=True),
        sa.CheckConstraint(
            "role IN ('presiding', 'attendee')", name=op.f("ck_bridge_point_person_role_known")
        ),
        sa.ForeignKeyConstraint(
            ["bridge_point_id"],
            ["bridge_point.id"],
            name=op.f("fk_bridge_point_person_bridge_point_id_bridge_point"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_bridge_point_person_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "bridge_point_id", "role", "position", name=op.f("pk_bridge_point_person")
        ),
    )
    with op.batch_alter_table("bridge_point_person", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bridge_point_person_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("instruction_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("lead_unit_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("assigned_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("status", sa.String(), server_default="open", nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status <> 'done' OR completed_on IS NOT NULL", name=op.f("ck_task_done_has_date")
        ),
        sa.CheckConstraint(
            "status IN ('open', 'in_progress', 'done', 'cancelled')",
            name=op.f("ck_task_status_known"),
        ),
        sa.CheckConstraint(
            "deadline IS NULL OR deadline >= assigned_on",
            name=op.f("ck_task_deadline_after_assigned"),
        ),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_task_title_not_blank")),
        sa.ForeignKeyConstraint(
            ["instruction_id"],
            ["instruction.id"],
            name=op.f("fk_task_instruction_id_instruction"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lead_unit_id"],
            ["unit.id"],
            name=op.f("fk_task_lead_unit_id_unit"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["person.id"], name=op.f("fk_task_owner_id_person"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task")),
    )
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_assigned_on"), ["assigned_on"], unique=False)
        batch_op.create_index("ix_task_deadline", ["status", "deadline"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_task_instruction_id"), ["instruction_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_task_lead_unit_id"), ["lead_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "task_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("old_deadline", sa.Date(), nullable=True),
        sa.Column("new_deadline", sa.Date(), nullable=True),
        sa.Column("by", sa.String(), nullable=True),
        sa.CheckConstraint(
            "kind <> 'deadline_changed' OR (note IS NOT NULL AND length(trim(note)) > 0 AND old_deadline IS NOT NULL AND new_deadline IS NOT NULL)",
            name=op.f("ck_task_event_extension_complete"),
        ),
        sa.CheckConstraint(
            "kind IN ('created', 'progress', 'deadline_changed', 'completed', 'reopened', 'cancelled', 'note')",
            name=op.f("ck_task_event_kind_known"),
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["task.id"], name=op.f("fk_task_event_task_id_task"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_event")),
    )
    with op.batch_alter_table("task_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_event_task_id"), ["task_id"], unique=False)

    op.create_table(
        "task_support",
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"], ["task.id"], name=op.f("fk_task_support_task_id_task"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_task_support_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("task_id", "unit_id", name=op.f("pk_task_support")),
    )
    with op.batch_alter_table("task_support", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_support_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("task_support", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_support_unit_id"))

    op.drop_table("task_support")
    with op.batch_alter_table("task_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_event_task_id"))

    op.drop_table("task_event")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_owner_id"))
        batch_op.drop_index(batch_op.f("ix_task_lead_unit_id"))
        batch_op.drop_index(batch_op.f("ix_task_instruction_id"))
        batch_op.drop_index("ix_task_deadline")
        batch_op.drop_index(batch_op.f("ix_task_assigned_on"))

    op.drop_table("task")
    with op.batch_alter_table("bridge_point_person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bridge_point_person_person_id"))

    op.drop_table("bridge_point_person")
    with op.batch_alter_table("studied_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_studied_document_document_id"))

    op.drop_table("studied_document")
    op.drop_table("instruction")
    with op.batch_alter_table("conference_chair", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conference_chair_person_id"))

    op.drop_table("conference_chair")
    with op.batch_alter_table("bridge_point", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bridge_point_unit_id"))

    op.drop_table("bridge_point")
    with op.batch_alter_table("conference", schema=None) as batch_op:
        batch_op.drop_index("ix_conference_date")

    op.drop_table("conference")
    op.drop_index("uq_person_name_unit", table_name="person")
    op.drop_index("uq_document_identity", table_name="document")
    op.drop_table("person")
    op.drop_table("unit")
    op.drop_table("document")
