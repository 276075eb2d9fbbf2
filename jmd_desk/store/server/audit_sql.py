"""SQL of the server audit chain's links (revision 0010).

Application logins may only INSERT audit events (revision 0009). This trigger also makes every
new event continue the chain: its number follows the last one and its ``prev_hash`` is the last
event's hash, so no login can leave a gap or start a second branch. (The HMAC itself needs the
office data key, which the server never has; ``verify --server`` checks it on a workstation.)
Writers of one transaction are serialised by an advisory lock held until its end.
"""

from __future__ import annotations

CHAIN_LOCK = "SELECT pg_advisory_xact_lock(7201313)"  # the chain's lock (the number is the trigger's)

CHAIN_TRIGGER = r"""
CREATE FUNCTION jmd_audit_continues() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
DECLARE last_seq integer; last_hash text;
BEGIN
    PERFORM pg_advisory_xact_lock(7201313);
    SELECT a.seq, a.hash INTO last_seq, last_hash FROM audit_events a ORDER BY a.seq DESC LIMIT 1;
    IF NEW.seq <> coalesce(last_seq, 0) + 1 OR NEW.prev_hash <> coalesce(last_hash, repeat('0', 64)) THEN
        RAISE EXCEPTION 'jmd:audit_chain_moved' USING ERRCODE = '40001';
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION jmd_audit_continues() FROM PUBLIC;
CREATE TRIGGER jmd_audit_continues BEFORE INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION jmd_audit_continues();
"""


# ``verify --server`` compares the schema revision; the Alembic table is the owner's alone.
REVISION_FUNCTION = r"""
CREATE FUNCTION jmd_schema_revision() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$ SELECT max(version_num)::text FROM alembic_version $$;
REVOKE ALL ON FUNCTION jmd_schema_revision() FROM PUBLIC;
DO $$ BEGIN EXECUTE format('GRANT EXECUTE ON FUNCTION jmd_schema_revision() TO %I', jmd_app_role()); END $$;
"""


def upgrade_statements() -> list[str]:
    """The audit part of revision 0010."""
    return [CHAIN_TRIGGER, REVISION_FUNCTION]


def downgrade_statements() -> list[str]:
    """Undo the audit part of revision 0010."""
    return [
        "DROP TRIGGER IF EXISTS jmd_audit_continues ON audit_events",
        "DROP FUNCTION IF EXISTS jmd_audit_continues()",
        "DROP FUNCTION IF EXISTS jmd_schema_revision()",
    ]
