"""office server: JIT off for the office database (PostgreSQL only)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

On SQLite the revision changes nothing.
"""

from collections.abc import Sequence

from alembic import op

from jmd_desk.store.server import planner_sql

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in planner_sql.upgrade_statements():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in planner_sql.downgrade_statements():
        op.execute(statement)
