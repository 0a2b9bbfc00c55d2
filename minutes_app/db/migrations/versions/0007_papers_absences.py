"""Papers issued from a conference, with their numbers and dates, and who was absent.

Revision ID: 0007
Revises: 0006

Issue 14, items 12 and 13. The minutes and the notice of a conference are registered
under a number ("12-BB/BTCTU") and a date of issue, which the clerk enters or the app
proposes from the papers of that kind already issued that year; they are printed on the
paper instead of blanks. The minutes (HD 16-HD/VPTW) name who was absent and why.

Two new tables (``FORMAT.md``: Paper and Absence); no existing table changes, so the
records already stored, and the search triggers on their tables, stay as they are.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "absence",
        sa.Column("conference_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name="fk_absence_conference_id_conference",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name="fk_absence_person_id_person",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("conference_id", "position", name="pk_absence"),
    )
    op.create_index("ix_absence_person_id", "absence", ["person_id"])
    op.create_table(
        "issued_paper",
        sa.Column("conference_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("signer_id", sa.Integer(), nullable=True),
        sa.Column("signer_title", sa.String(), nullable=True),
        sa.Column("authority", sa.String(), nullable=True),
        sa.CheckConstraint("kind IN ('minutes', 'notice')", name="ck_issued_paper_kind_known"),
        sa.CheckConstraint("length(trim(number)) > 0", name="ck_issued_paper_number_not_blank"),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name="fk_issued_paper_conference_id_conference",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["signer_id"],
            ["person.id"],
            name="fk_issued_paper_signer_id_person",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("conference_id", "position", name="pk_issued_paper"),
    )
    op.create_index("ix_issued_paper_kind_issued_on", "issued_paper", ["kind", "issued_on"])
    op.create_index("ix_issued_paper_signer_id", "issued_paper", ["signer_id"])


def downgrade() -> None:
    op.drop_table("issued_paper")
    op.drop_table("absence")
