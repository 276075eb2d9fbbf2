"""Optimistic concurrency on the office server: every editable row carries a version.

A trigger sets ``row_version`` (1 on insert, +1 on every update), ``changed_by`` (the login) and
``changed_at``; the workstation saves with ``… WHERE id = :id AND row_version = :seen`` and, when
no row matches, tells the user who changed what and when. Only the server has concurrent
writers, so this is a PostgreSQL-only step (a local store is opened by one program at a time).
"""

from __future__ import annotations

VERSIONED_TABLES = (
    "clients",
    "consents",
    "cases",
    "goals",
    "contacts",
    "referrals",
    "follow_ups",
    "partners",
    "progress_entries",
    "documents",
    "appointments",
    "group_offers",
    "group_sessions",
    "anonymous_contacts",
)

VERSION_FUNCTION = r"""
CREATE FUNCTION jmd_stamp_version() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, public AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.row_version := 1;
    ELSE
        NEW.row_version := OLD.row_version + 1;
    END IF;
    NEW.changed_by := session_user;
    NEW.changed_at := now();
    RETURN NEW;
END $$;
"""


def versioned_table_sql(table: str) -> list[str]:
    """Version columns and their trigger on one editable table."""
    return [
        f"ALTER TABLE {table} ADD COLUMN row_version integer NOT NULL DEFAULT 1, "
        "ADD COLUMN changed_by name, ADD COLUMN changed_at timestamptz",
        f"CREATE TRIGGER jmd_stamp_version BEFORE INSERT OR UPDATE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION jmd_stamp_version()",
    ]


def upgrade_statements() -> list[str]:
    """Everything the versions need."""
    statements = [VERSION_FUNCTION]
    for table in VERSIONED_TABLES:
        statements += versioned_table_sql(table)
    return statements


def downgrade_statements() -> list[str]:
    """Undo ``upgrade_statements``."""
    statements = []
    for table in VERSIONED_TABLES:
        statements.append(f"DROP TRIGGER IF EXISTS jmd_stamp_version ON {table}")
        statements.append(
            f"ALTER TABLE {table} DROP COLUMN IF EXISTS row_version, DROP COLUMN IF EXISTS changed_by, "
            "DROP COLUMN IF EXISTS changed_at"
        )
    return [*statements, "DROP FUNCTION IF EXISTS jmd_stamp_version()"]
