"""erasure register: ids of erased clients, re-applied when an older backup is restored

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "erasures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("client_created_at", sa.DateTime(), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasures")),
        sa.UniqueConstraint("client_id", "client_created_at", name=op.f("uq_erasures_client_id")),
    )
    # Runs confirmed before the register existed: their client ids, without creation time.
    runs = sa.table(
        "deletion_runs",
        sa.column("id", sa.Integer()),
        sa.column("client_ids", sa.Text()),
        sa.column("status", sa.String()),
        sa.column("decided_at", sa.DateTime()),
    )
    erasures = sa.table(
        "erasures",
        sa.column("client_id", sa.Integer()),
        sa.column("run_id", sa.Integer()),
        sa.column("erased_at", sa.DateTime()),
    )
    conn = op.get_bind()
    done = conn.execute(sa.select(runs.c.id, runs.c.client_ids, runs.c.decided_at).where(runs.c.status == "done"))
    rows = [
        {"client_id": int(cid), "run_id": run_id, "erased_at": decided_at}
        for run_id, client_ids, decided_at in done
        for cid in client_ids.split(",")
        if cid
    ]
    if rows:
        op.bulk_insert(erasures, rows)


def downgrade() -> None:
    op.drop_table("erasures")
