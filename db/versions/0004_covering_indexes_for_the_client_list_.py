"""covering indexes for the client list and statistics

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_case_id"))
        batch_op.drop_index(batch_op.f("ix_contacts_date"))
        batch_op.create_index("ix_contacts_case_date", ["case_id", "date"], unique=False)
        batch_op.create_index("ix_contacts_date_case_mode", ["date", "case_id", "mode", "minutes"], unique=False)

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_date"))
        batch_op.create_index("ix_referrals_date_case", ["date", "case_id", "partner_id", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index("ix_referrals_date_case")
        batch_op.create_index(batch_op.f("ix_referrals_date"), ["date"], unique=False)

    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_date_case_mode")
        batch_op.drop_index("ix_contacts_case_date")
        batch_op.create_index(batch_op.f("ix_contacts_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_contacts_case_id"), ["case_id"], unique=False)
