"""office server: roles, row-level security, key slots and privileged functions (PostgreSQL only)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

A local SQLCipher store is encrypted whole and needs none of this; on SQLite the revision
changes nothing.
"""

from collections.abc import Sequence

from alembic import op

from jmd_desk.store.server import security_sql

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in security_sql.upgrade_statements():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in security_sql.downgrade_statements():
        op.execute(statement)
