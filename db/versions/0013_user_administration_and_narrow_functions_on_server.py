"""office server: user administration in Verwaltung; import on behalf and legal hold (PostgreSQL only)

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-02

On SQLite the revision changes nothing.
"""

from collections.abc import Sequence

from alembic import op

from jmd_desk.store.server import security_sql, staff_sql

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in staff_sql.login_admin_upgrade():
        op.execute(statement)
    op.execute(staff_sql.deputy_function_0013(security_sql.FUNCTIONS)[0])


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(staff_sql.deputy_function_0013(security_sql.FUNCTIONS)[1])
    for statement in staff_sql.login_admin_downgrade():
        op.execute(statement)
