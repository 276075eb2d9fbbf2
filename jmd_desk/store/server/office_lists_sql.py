"""SQL of revision 0011: the office settings and the district list are written by the admin on
the office server too (Verwaltung), read by everyone.

Neither table holds case data. Row-level security names who may write: settings only an admin;
districts an admin, and a counsellor may add the districts an interchange file brings along.
"""

from __future__ import annotations

_GRANT = "DO $$ BEGIN EXECUTE format('GRANT {privileges} ON {table} TO %I', jmd_app_role()); END $$;"
_REVOKE = "DO $$ BEGIN EXECUTE format('REVOKE {privileges} ON {table} FROM %I', jmd_app_role()); END $$;"
ADMIN = "jmd_caller_is('admin')"
_WRITERS = {"settings": ADMIN, "districts": f"({ADMIN} OR jmd_caller_is('counsellor'))"}


def upgrade_statements() -> list[str]:
    """Policies and grants for writing the office lists."""
    statements = []
    for table, inserters in _WRITERS.items():
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY read_all ON {table} FOR SELECT USING (true)",
            f"CREATE POLICY office_insert ON {table} FOR INSERT WITH CHECK ({inserters})",
            f"CREATE POLICY office_update ON {table} FOR UPDATE USING ({ADMIN}) WITH CHECK ({ADMIN})",
            _GRANT.format(privileges="INSERT, UPDATE", table=table),
        ]
    return statements


def downgrade_statements() -> list[str]:
    """Undo ``upgrade_statements``."""
    statements = []
    for table in _WRITERS:
        statements += [
            _REVOKE.format(privileges="INSERT, UPDATE", table=table),
            *(f"DROP POLICY IF EXISTS {p} ON {table}" for p in ("read_all", "office_insert", "office_update")),
            f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY",
        ]
    return statements
