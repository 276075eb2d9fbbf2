"""statistics publication register

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0005"
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


def downgrade() -> None:
    op.drop_index("ix_published_reports_period", table_name="published_reports")
    op.drop_table("published_reports")
