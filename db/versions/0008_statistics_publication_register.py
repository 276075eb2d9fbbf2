"""statistics publication register; record keys in the statistics' covering indexes

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "published_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("user_name", sa.String(length=40), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("k", sa.Integer(), nullable=True),
        sa.Column("output", sa.String(length=20), nullable=False),
        sa.Column("cells_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_published_reports")),
    )
    op.create_index("ix_published_reports_period", "published_reports", ["period_from", "period_to", "method"])
    # The cell-key method sums record keys per cell: with the key in the index the statistics
    # read contacts and referrals from the index alone.
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_date_case_mode")
        batch_op.create_index("ix_contacts_date_case_mode", ["date", "case_id", "mode", "minutes", "record_key"])
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index("ix_referrals_date_case")
        batch_op.create_index("ix_referrals_date_case", ["date", "case_id", "partner_id", "status", "record_key"])


def downgrade() -> None:
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index("ix_referrals_date_case")
        batch_op.create_index("ix_referrals_date_case", ["date", "case_id", "partner_id", "status"])
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_date_case_mode")
        batch_op.create_index("ix_contacts_date_case_mode", ["date", "case_id", "mode", "minutes"])
    op.drop_index("ix_published_reports_period", table_name="published_reports")
    op.drop_table("published_reports")
