"""SQL of the team lead's and the admin's narrow functions on the office server (§3b).

The team lead sees, for every file, only the metadata of §3 (client number, sealed names that
the workstation opens, counsellor, case type and dates) and reassigns files; an admin resets a
password, and the owner of the account is told at her next sign-in. Every call is logged in
``jmd_private.privileged_log``.
"""

from __future__ import annotations

from jmd_desk.store.server.grants_sql import execute_grants

STAFF_FUNCTIONS = r"""
CREATE FUNCTION jmd_team_overview()
    RETURNS TABLE (client_id integer, client_number text, first_name text, last_name text, counsellor text,
                   case_id integer, case_type text, opened_on date, closed_on date)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT jmd_caller_is('team_lead') THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT c.id, c.client_number::text, c.first_name::text, c.last_name::text, c.counsellor::text,
                        k.id, k.case_type::text, k.opened_on, k.closed_on
                 FROM clients c LEFT JOIN cases k ON k.client_id = c.id ORDER BY c.client_number, k.opened_on;
END $$;

CREATE FUNCTION jmd_reassign_client(p_client integer, p_counsellor text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT jmd_caller_is('team_lead') THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM users WHERE username = p_counsellor AND active AND is_counsellor) THEN
        RAISE EXCEPTION 'jmd:deputy_not_counsellor' USING ERRCODE = '22023';
    END IF;
    UPDATE clients SET counsellor = p_counsellor WHERE id = p_client;
    IF NOT FOUND THEN RAISE EXCEPTION 'jmd:unknown_client' USING ERRCODE = '22023'; END IF;
    INSERT INTO jmd_private.privileged_log (login, action, subject)
        VALUES (session_user, 'client_reassigned', p_client || ' -> ' || p_counsellor);
END $$;

CREATE TABLE jmd_private.password_resets (
    id bigserial PRIMARY KEY,
    login name NOT NULL,
    reset_by name NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    seen boolean NOT NULL DEFAULT false
);

-- A person changes her own password, or an admin resets someone else's (told at next sign-in).
CREATE FUNCTION jmd_set_login_password(p_user text, p_verifier text, p_slot text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE own boolean := p_user = session_user;
BEGIN
    IF NOT (own OR jmd_caller_is('admin')) THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    IF p_verifier !~ '^SCRAM-SHA-256\$' OR NOT EXISTS (SELECT 1 FROM users WHERE username = p_user AND active) THEN
        RAISE EXCEPTION 'jmd:unknown_user' USING ERRCODE = '22023';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_user, p_verifier);
    UPDATE office_key_slots SET slot = p_slot WHERE slot_id = 'user:' || p_user;
    IF NOT own THEN
        INSERT INTO jmd_private.password_resets (login, reset_by) VALUES (p_user::name, session_user);
    END IF;
    INSERT INTO jmd_private.privileged_log (login, action, subject)
        VALUES (session_user, CASE WHEN own THEN 'password_changed' ELSE 'password_reset' END, p_user);
END $$;

-- Resets of the caller's password she has not been told about yet; telling marks them seen.
CREATE FUNCTION jmd_take_password_resets() RETURNS TABLE (reset_by text, at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    RETURN QUERY UPDATE jmd_private.password_resets r SET seen = true
                 WHERE r.login = session_user AND NOT r.seen RETURNING r.reset_by::text, r.at;
END $$;
"""

STAFF_SIGNATURES = (
    "jmd_team_overview()",
    "jmd_reassign_client(integer, text)",
    "jmd_set_login_password(text, text, text)",
    "jmd_take_password_resets()",
)

STAFF_DOWNGRADE = r"""
DROP FUNCTION IF EXISTS jmd_team_overview(), jmd_reassign_client(integer, text),
    jmd_set_login_password(text, text, text), jmd_take_password_resets();
"""

# Revision 0013: user administration in Verwaltung on the server. An admin changes a person's
# name, roles and active flag; deactivating makes the login NOLOGIN and removes its key slot, and
# a reactivated login stays NOLOGIN until an admin sets a new password (which writes a new slot).
LOGIN_ADMIN_FUNCTIONS = r"""
CREATE FUNCTION jmd_update_login(p_user text, p_display text, p_counsellor boolean, p_team_lead boolean,
        p_admin boolean, p_active boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE old users%ROWTYPE;
BEGIN
    IF NOT jmd_caller_is('admin') THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO old FROM users WHERE username = p_user FOR UPDATE;
    IF NOT FOUND THEN RAISE EXCEPTION 'jmd:unknown_user' USING ERRCODE = '22023'; END IF;
    IF NOT (p_counsellor OR p_team_lead OR p_admin) OR length(p_display) > 200 THEN
        RAISE EXCEPTION 'jmd:invalid_login' USING ERRCODE = '22023';
    END IF;
    -- Nobody locks herself out or widens her own roles (an admin must not open case files to herself).
    IF p_user = session_user AND (NOT p_active OR (p_counsellor, p_team_lead, p_admin)
            IS DISTINCT FROM (old.is_counsellor, old.is_team_lead, old.is_admin)) THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    UPDATE users SET display_name = p_display, is_counsellor = p_counsellor, is_team_lead = p_team_lead,
                     is_admin = p_admin, active = p_active
        WHERE username = p_user;
    IF old.active AND NOT p_active THEN
        EXECUTE format('ALTER ROLE %I NOLOGIN', p_user);
        DELETE FROM office_key_slots WHERE login = p_user::name;
    END IF;
    INSERT INTO jmd_private.privileged_log (login, action, subject)
        VALUES (session_user, CASE WHEN old.active AND NOT p_active THEN 'login_disabled' ELSE 'login_updated' END,
                p_user);
END $$;
"""

# The same function as in revision 0009, but a (re)set password also re-opens a login that was
# reactivated and writes its key slot when it has none.
_SET_PASSWORD_0009 = STAFF_FUNCTIONS[
    STAFF_FUNCTIONS.index("CREATE FUNCTION jmd_set_login_password") : STAFF_FUNCTIONS.index(
        "-- Resets of the caller's password"
    )
].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION")
_SET_PASSWORD_0013 = _SET_PASSWORD_0009.replace(
    "EXECUTE format('ALTER ROLE %I PASSWORD %L', p_user, p_verifier);\n"
    "    UPDATE office_key_slots SET slot = p_slot WHERE slot_id = 'user:' || p_user;",
    "EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', p_user, p_verifier);\n"
    "    INSERT INTO office_key_slots (slot_id, login, slot) VALUES ('user:' || p_user, p_user::name, p_slot)\n"
    "        ON CONFLICT (slot_id) DO UPDATE SET slot = EXCLUDED.slot;",
)
assert _SET_PASSWORD_0013 != _SET_PASSWORD_0009, "revision 0013 must change jmd_set_login_password"

# Revision 0013: an admin imports files on behalf of one named counsellor (§3b). The
# crossing (security_sql.CROSSING) is opened for this transaction with that counsellor's name,
# and every client row inserted meanwhile must be hers (checked by the trigger below).
IMPORT_FOR = r"""
CREATE FUNCTION jmd_open_import_for(p_counsellor text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT jmd_caller_is('admin') THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM users WHERE username = p_counsellor AND active AND is_counsellor) THEN
        RAISE EXCEPTION 'jmd:deputy_not_counsellor' USING ERRCODE = '22023';
    END IF;
    DELETE FROM jmd_private.crossing WHERE pid = pg_backend_pid();
    INSERT INTO jmd_private.crossing (pid, xact, purpose)
        VALUES (pg_backend_pid(), pg_current_xact_id(), 'import_for:' || p_counsellor);
    INSERT INTO jmd_private.privileged_log (login, action, subject)
        VALUES (session_user, 'open_crossing:import_for', p_counsellor);
END $$;

CREATE FUNCTION jmd_check_import_for() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE opened text;
BEGIN
    SELECT purpose INTO opened FROM jmd_private.crossing
        WHERE pid = pg_backend_pid() AND xact = pg_current_xact_id();
    IF opened LIKE 'import_for:%' AND NEW.counsellor IS DISTINCT FROM substr(opened, 12) THEN
        RAISE EXCEPTION 'jmd:import_for_other_counsellor' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER jmd_check_import_for BEFORE INSERT ON clients
    FOR EACH ROW EXECUTE FUNCTION jmd_check_import_for();
"""

# Revision 0013: the team lead's (or an admin's) legal hold on any file: set, clear and read
# through one audited function each; she reads no other column of the file.
LEGAL_HOLD = r"""
CREATE FUNCTION jmd_set_legal_hold(p_client integer, p_held boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT (jmd_caller_is('team_lead') OR jmd_caller_is('admin')) THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    UPDATE clients SET legal_hold = p_held WHERE id = p_client;
    IF NOT FOUND THEN RAISE EXCEPTION 'jmd:unknown_client' USING ERRCODE = '22023'; END IF;
    INSERT INTO jmd_private.privileged_log (login, action, subject)
        VALUES (session_user, CASE WHEN p_held THEN 'legal_hold_set' ELSE 'legal_hold_cleared' END, p_client::text);
END $$;

CREATE FUNCTION jmd_legal_hold(p_client integer) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE held boolean;
BEGIN
    IF NOT (jmd_caller_is('team_lead') OR jmd_caller_is('admin')) THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    SELECT legal_hold INTO held FROM clients WHERE id = p_client;
    IF NOT FOUND THEN RAISE EXCEPTION 'jmd:unknown_client' USING ERRCODE = '22023'; END IF;
    RETURN held;
END $$;
"""

NARROW_SIGNATURES = (
    "jmd_open_import_for(text)",
    "jmd_set_legal_hold(integer, boolean)",
    "jmd_legal_hold(integer)",
)


# Revision 0013: deputies are named in Verwaltung by an admin too (as on a local store), and
# nobody names herself a deputy, which would open files her role does not (DESIGN §3).
def _deputy_function(functions: str) -> str:
    start = functions.index("CREATE FUNCTION jmd_set_deputy")
    end = functions.index("END $$;", start) + len("END $$;")
    return functions[start:end].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION")


def deputy_function_0013(functions_0009: str) -> tuple[str, str]:
    """(new, old) text of ``jmd_set_deputy`` from revision 0009's ``FUNCTIONS``."""
    old = _deputy_function(functions_0009)
    new = old.replace(
        "IF NOT (jmd_caller_is('team_lead') OR (p_for = session_user AND jmd_caller_is('counsellor'))) THEN",
        "IF NOT (jmd_caller_is('team_lead') OR jmd_caller_is('admin')\n"
        "            OR (p_for = session_user AND jmd_caller_is('counsellor'))) OR p_deputy = session_user THEN",
    )
    assert new != old, "revision 0013 must change jmd_set_deputy"
    return new, old


LOGIN_ADMIN_SIGNATURES = ("jmd_update_login(text, text, boolean, boolean, boolean, boolean)",)


def login_admin_upgrade() -> list[str]:
    """What revision 0013 runs: user administration, import on behalf, legal hold (PostgreSQL only)."""
    return [
        LOGIN_ADMIN_FUNCTIONS,
        _SET_PASSWORD_0013,
        IMPORT_FOR,
        LEGAL_HOLD,
        *execute_grants(LOGIN_ADMIN_SIGNATURES + NARROW_SIGNATURES),
        "REVOKE ALL ON FUNCTION jmd_check_import_for() FROM PUBLIC",
    ]


def login_admin_downgrade() -> list[str]:
    """Undo ``login_admin_upgrade``."""
    return [
        "DROP TRIGGER IF EXISTS jmd_check_import_for ON clients",
        "DROP FUNCTION IF EXISTS jmd_check_import_for()",
        *(f"DROP FUNCTION IF EXISTS {s}" for s in LOGIN_ADMIN_SIGNATURES + NARROW_SIGNATURES),
        _SET_PASSWORD_0009,
    ]
