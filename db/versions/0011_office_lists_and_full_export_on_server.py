"""office server: admin writes settings and districts; the audited full export (PostgreSQL only)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

On SQLite the revision changes nothing.
"""

from collections.abc import Sequence

from alembic import op

from jmd_desk.store.server import lists_and_export_sql

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in lists_and_export_sql.upgrade_statements():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in lists_and_export_sql.downgrade_statements():
        op.execute(statement)
