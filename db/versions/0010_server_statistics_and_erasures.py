"""office server: statistics views for the team lead, deletion runs, erasure lists, audit chain links (PostgreSQL only)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

On SQLite the revision changes nothing: a local store reads its own tables for the statistics.
"""

from collections.abc import Sequence

from alembic import op

from jmd_desk.store.server import audit_sql, erasure_sql, statistics_sql

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _statements() -> list[str]:
    return statistics_sql.upgrade_statements() + erasure_sql.upgrade_statements() + audit_sql.upgrade_statements()


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _statements():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    downgrade_all = audit_sql.downgrade_statements() + erasure_sql.downgrade_statements()
    for statement in downgrade_all + statistics_sql.downgrade_statements():
        op.execute(statement)
