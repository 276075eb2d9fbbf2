"""SQL of revision 0011: office lists written by the admin, and the audited full export.

Settings and districts hold no case data. Row-level security names who may write: settings only
an admin; districts an admin, and a counsellor may add the districts an interchange file brings.

The full export (an admin who is also team lead, §3/§5) must read every file: ``jmd_open_export``
checks her roles, logs the call and opens reading for the rest of her transaction only. The read
policy asks ``(SELECT jmd_export_open())`` — an uncorrelated subquery, so once per statement, not
per row. It opens reading only; the import crossing of revision 0009 stays the only way to write
rows of other counsellors.
"""

from __future__ import annotations

from jmd_desk.store.server.grants_sql import execute_grants
from jmd_desk.store.server.security_sql import CASE_TABLES

_GRANT = "DO $$ BEGIN EXECUTE format('GRANT {privileges} ON {table} TO %I', jmd_app_role()); END $$;"
_REVOKE = "DO $$ BEGIN EXECUTE format('REVOKE {privileges} ON {table} FROM %I', jmd_app_role()); END $$;"
ADMIN = "jmd_caller_is('admin')"
_WRITERS = {"settings": ADMIN, "districts": f"({ADMIN} OR jmd_caller_is('counsellor'))"}


EXPORT = r"""
CREATE TABLE jmd_private.export_reading (pid integer PRIMARY KEY, xact xid8 NOT NULL);

CREATE FUNCTION jmd_export_open() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$ SELECT EXISTS (SELECT 1 FROM jmd_private.export_reading
                         WHERE pid = pg_backend_pid() AND xact = pg_current_xact_id()) $$;

CREATE FUNCTION jmd_open_export() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT (jmd_caller_is('admin') AND jmd_caller_is('team_lead')) THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    DELETE FROM jmd_private.export_reading WHERE pid = pg_backend_pid();
    INSERT INTO jmd_private.export_reading (pid, xact) VALUES (pg_backend_pid(), pg_current_xact_id());
    INSERT INTO jmd_private.privileged_log (login, action) VALUES (session_user, 'full_export');
END $$;
"""
EXPORT_FUNCTIONS = ("jmd_export_open()", "jmd_open_export()")


def _export_statements() -> list[str]:
    statements = [EXPORT]
    statements += execute_grants(EXPORT_FUNCTIONS)
    statements += [
        f"CREATE POLICY full_export ON {table} FOR SELECT USING ((SELECT jmd_export_open()))" for table in CASE_TABLES
    ]
    return statements


def upgrade_statements() -> list[str]:
    """Policies and grants for writing the office lists; the full export's function and policies."""
    statements = [*_export_statements(), _GRANT.format(privileges="SELECT", table="alembic_version")]
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
    statements = [_REVOKE.format(privileges="SELECT", table="alembic_version")]
    statements += [f"DROP POLICY IF EXISTS full_export ON {table}" for table in CASE_TABLES]
    statements += [
        "DROP FUNCTION IF EXISTS jmd_open_export(), jmd_export_open()",
        "DROP TABLE IF EXISTS jmd_private.export_reading",
    ]
    for table in _WRITERS:
        statements += [
            _REVOKE.format(privileges="INSERT, UPDATE", table=table),
            *(f"DROP POLICY IF EXISTS {p} ON {table}" for p in ("read_all", "office_insert", "office_update")),
            f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY",
        ]
    return statements
