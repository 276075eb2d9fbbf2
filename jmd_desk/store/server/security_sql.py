"""SQL for the server's need-to-know rules (DESIGN §3b), used by the Alembic revisions.

Kept here as data so that a later revision adding a table with case data only names the table
and the column that leads to its parent (``case_table_sql``); the policy then follows the parent
row's visibility up to the client, whose counsellor (or her deputy) may see it.

Application logins are members of one group role per database (``jmd_app_role()``); they never
own a table, so row-level security always applies to them. The owner (the office IT's login)
runs migrations and owns the SECURITY DEFINER functions that cross the rows on purpose.
"""

from __future__ import annotations

from jmd_desk.store.server import versions_sql
from jmd_desk.store.server.fields import ENCRYPTED_COLUMNS
from jmd_desk.store.server.grants_sql import execute_grants
from jmd_desk.store.server.staff_sql import STAFF_DOWNGRADE, STAFF_FUNCTIONS, STAFF_SIGNATURES

# table -> (column, parent table[, "nullable"]); the client table is the root of every case-data
# path. "nullable": rows without a parent (a group offer's appointment) are not case data.
CASE_TABLES: dict[str, tuple[str, ...] | None] = {
    "clients": None,
    "client_changes": ("client_id", "clients"),
    "consents": ("client_id", "clients"),
    "progress_entries": ("client_id", "clients"),
    "documents": ("client_id", "clients"),
    "group_offer_clients": ("client_id", "clients"),
    "cases": ("client_id", "clients"),
    "goals": ("case_id", "cases"),
    "goal_status_history": ("goal_id", "goals"),
    "contacts": ("case_id", "cases"),
    "referrals": ("case_id", "cases"),
    "follow_ups": ("case_id", "cases"),
    "appointments": ("case_id", "cases", "nullable"),
}
READ_ONLY_TABLES = ("store_meta", "settings", "users", "deputies", "districts")
# No personal data: shared by the whole office (group offers hold headcounts, not names).
SHARED_TABLES = ("partners", "deletion_runs", "group_offers", "group_sessions", "anonymous_contacts")
APPEND_ONLY_TABLES = ("audit_events", "published_reports", "erasures")

FOUNDATION = r"""
CREATE FUNCTION jmd_app_role() RETURNS name LANGUAGE sql STABLE
    AS $$ SELECT (current_database() || '_jmd_users')::name $$;

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = jmd_app_role()) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', jmd_app_role());
    END IF;
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), jmd_app_role());
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', jmd_app_role());
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', jmd_app_role());
    EXECUTE format('ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO %I', jmd_app_role());
END $$;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION jmd_app_role() FROM PUBLIC;

-- What the privileged functions did: who, what, about whom (user names and ids, no case data).
-- Only the owner can read it; no application role can change it.
CREATE SCHEMA jmd_private;
REVOKE ALL ON SCHEMA jmd_private FROM PUBLIC;
CREATE TABLE jmd_private.privileged_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    login name NOT NULL,
    action text NOT NULL,
    subject text
);

-- Office data key, wrapped once per login and once for recovery; each login reads only its own.
CREATE TABLE office_key_slots (
    slot_id text PRIMARY KEY,
    login name,
    slot text NOT NULL
);
ALTER TABLE office_key_slots ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_slot ON office_key_slots USING (login = current_user) WITH CHECK (login = current_user);
"""

# Privileged functions: each checks the caller (session_user: inside SECURITY DEFINER,
# current_user is the owner) and is executable by the application role only.
FUNCTIONS = r"""
CREATE FUNCTION jmd_caller_is(p_role text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$ SELECT EXISTS (SELECT 1 FROM users u WHERE u.username = session_user AND u.active AND CASE p_role
        WHEN 'counsellor' THEN u.is_counsellor WHEN 'team_lead' THEN u.is_team_lead
        WHEN 'admin' THEN u.is_admin ELSE false END) $$;

CREATE FUNCTION jmd_caller_owns_database() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$ SELECT d.datdba = (SELECT oid FROM pg_roles WHERE rolname = session_user)
          FROM pg_database d WHERE d.datname = current_database() $$;

CREATE FUNCTION jmd_create_login(p_user text, p_verifier text, p_display text, p_counsellor boolean,
        p_team_lead boolean, p_admin boolean, p_slot text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE new_id integer;
BEGIN
    IF NOT (jmd_caller_is('admin') OR (jmd_caller_owns_database() AND NOT EXISTS (SELECT 1 FROM users))) THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    IF p_user !~ '^[a-z0-9][a-z0-9._-]{1,39}$' OR p_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'jmd:invalid_login' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_user) THEN
        RAISE EXCEPTION 'jmd:server_login_exists' USING ERRCODE = '42710';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN NOINHERIT PASSWORD %L', p_user, p_verifier);
    EXECUTE format('GRANT %I TO %I', jmd_app_role(), p_user);
    EXECUTE format('ALTER ROLE %I INHERIT', p_user);
    INSERT INTO users (username, display_name, is_counsellor, is_team_lead, is_admin, active, created_at)
        VALUES (p_user, p_display, p_counsellor, p_team_lead, p_admin, true, localtimestamp(0))
        RETURNING id INTO new_id;
    INSERT INTO office_key_slots (slot_id, login, slot) VALUES ('user:' || p_user, p_user::name, p_slot);
    INSERT INTO jmd_private.privileged_log (login, action, subject) VALUES (session_user, 'login_created', p_user);
    RETURN new_id;
END $$;

CREATE FUNCTION jmd_disable_login(p_user text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT jmd_caller_is('admin') OR p_user = session_user THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    UPDATE users SET active = false WHERE username = p_user;
    IF NOT FOUND THEN RAISE EXCEPTION 'jmd:unknown_user' USING ERRCODE = '22023'; END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_user);
    DELETE FROM office_key_slots WHERE login = p_user::name;
    INSERT INTO jmd_private.privileged_log (login, action, subject) VALUES (session_user, 'login_disabled', p_user);
END $$;

CREATE FUNCTION jmd_set_deputy(p_for text, p_deputy text, p_on boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT (jmd_caller_is('team_lead') OR (p_for = session_user AND jmd_caller_is('counsellor'))) THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    IF p_on THEN
        IF NOT EXISTS (SELECT 1 FROM users WHERE username = p_deputy AND active AND is_counsellor) THEN
            RAISE EXCEPTION 'jmd:deputy_not_counsellor' USING ERRCODE = '22023';
        END IF;
        INSERT INTO deputies (username, deputy) VALUES (p_for, p_deputy) ON CONFLICT DO NOTHING;
    ELSE
        DELETE FROM deputies WHERE username = p_for AND deputy = p_deputy;
    END IF;
    INSERT INTO jmd_private.privileged_log (login, action, subject)
        VALUES (session_user, CASE WHEN p_on THEN 'deputy_set' ELSE 'deputy_removed' END, p_for || ' -> ' || p_deputy);
END $$;
"""

# Client numbers are unique in the whole office, but a counsellor sees only her own clients:
# these two answer with numbers only (no names, no counsellor).
NUMBER_FUNCTIONS = r"""
CREATE FUNCTION jmd_client_number_taken(p_number text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT (jmd_caller_is('counsellor') OR jmd_caller_is('admin')) THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    RETURN EXISTS (SELECT 1 FROM clients WHERE client_number = p_number);
END $$;

CREATE FUNCTION jmd_last_client_number(p_year integer) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT (jmd_caller_is('counsellor') OR jmd_caller_is('admin')) THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    RETURN (SELECT max(client_number) FROM clients WHERE client_number LIKE lpad(p_year::text, 4, '0') || '-%');
END $$;
"""

# Sealed values are longer than the plaintext limits of the models; on the server the sealed text
# columns hold text (the domain still bounds the plaintext). Binary columns stay binary.
BINARY_SEALED_COLUMNS = frozenset({("documents", "content")})


def widen_sealed_columns_sql() -> list[str]:
    """ALTER … TYPE text for every sealed column (a no-op for columns that are text already)."""
    return [
        f"ALTER TABLE {table} ALTER COLUMN {column} TYPE text"
        for table, columns in ENCRYPTED_COLUMNS.items()
        for column in columns
        if (table, column) not in BINARY_SEALED_COLUMNS
    ]


# Operations that must cross the rows (moving a local store in; later imports on behalf of a
# counsellor and deletion runs) open a "crossing" for the current transaction only, through one
# function that checks the caller's role and logs the opening where no application role can
# change it. While open, INSERTs of case rows pass row-level security; reading does not.
CROSSING = r"""
CREATE TABLE jmd_private.crossing (
    pid integer PRIMARY KEY,
    xact xid8 NOT NULL,
    purpose text NOT NULL
);

CREATE FUNCTION jmd_crossing_open() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$ SELECT EXISTS (SELECT 1 FROM jmd_private.crossing
                         WHERE pid = pg_backend_pid() AND xact = pg_current_xact_id()) $$;

CREATE FUNCTION jmd_open_crossing(p_purpose text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF p_purpose <> 'import_store' OR NOT jmd_caller_is('admin') THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    DELETE FROM jmd_private.crossing WHERE pid = pg_backend_pid();
    INSERT INTO jmd_private.crossing (pid, xact, purpose) VALUES (pg_backend_pid(), pg_current_xact_id(), p_purpose);
    INSERT INTO jmd_private.privileged_log (login, action) VALUES (session_user, 'open_crossing:' || p_purpose);
END $$;

-- Row counts of every table under need-to-know (no contents): to verify a move-in.
CREATE FUNCTION jmd_row_counts() RETURNS TABLE (table_name text, row_count bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE t text;
BEGIN
    IF NOT jmd_caller_is('admin') THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    FOR t IN SELECT p.tablename FROM pg_policies p WHERE p.schemaname = 'public' AND p.policyname = 'need_to_know'
             UNION SELECT 'audit_events' UNION SELECT 'partners' LOOP
        table_name := t;
        EXECUTE format('SELECT count(*) FROM public.%I', t) INTO row_count;
        RETURN NEXT;
    END LOOP;
END $$;
"""

# Live refresh: every change of a case or partner row is announced on one channel with ids only
# (table, row id, client id); listeners reload what they may see. No names ever travel here.
CHANGE_CHANNEL = "jmd_changes"
NOTIFY = r"""
CREATE FUNCTION jmd_notify_change() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, public AS $$
DECLARE
    row_data jsonb := to_jsonb(COALESCE(NEW, OLD));
BEGIN
    PERFORM pg_notify('jmd_changes', json_build_object(
        'table', TG_TABLE_NAME, 'op', lower(TG_OP), 'id', row_data -> 'id',
        'client_id', CASE WHEN TG_TABLE_NAME = 'clients' THEN row_data -> 'id' ELSE row_data -> 'client_id' END,
        'by', session_user)::text);
    RETURN NULL;
END $$;
"""


def notify_trigger_sql(table: str) -> str:
    """The change announcement on one table (case data, partners)."""
    return (
        f"CREATE TRIGGER jmd_notify_change AFTER INSERT OR UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION jmd_notify_change()"
    )


PRIVILEGED_FUNCTIONS = (
    "jmd_crossing_open()",
    "jmd_open_crossing(text)",
    "jmd_row_counts()",
    "jmd_client_number_taken(text)",
    "jmd_last_client_number(integer)",
    "jmd_caller_is(text)",
    "jmd_create_login(text, text, text, boolean, boolean, boolean, text)",
    "jmd_disable_login(text)",
    "jmd_set_deputy(text, text, boolean)",
)


def _grant(privileges: str, table: str) -> str:
    return f"DO $$ BEGIN EXECUTE format('GRANT {privileges} ON {table} TO %I', jmd_app_role()); END $$;"


# Need-to-know, written out in the policy rather than called as a function: a SQL function with a
# subquery is never inlined, and a call per row made every check cost a call per client. The
# deputy list and the role check are uncorrelated, so they run once per statement.
MAY_WORK_ON = (
    "(counsellor = current_user::text OR counsellor IN "
    "(SELECT d.username FROM public.deputies d WHERE d.deputy = current_user::text)) "
    "AND EXISTS (SELECT 1 FROM public.users u WHERE u.username = current_user::text AND u.active AND u.is_counsellor)"
)


def case_table_sql(table: str, parent: tuple[str, ...] | None) -> list[str]:
    """Row-level security and grants for one table that holds case data."""
    if parent is None:
        visible = MAY_WORK_ON
    else:
        column, parent_table, *nullable = parent
        # correlated: one index lookup per row, whose own policy follows the path up to the client
        visible = f"EXISTS (SELECT 1 FROM {parent_table} p WHERE p.id = {table}.{column})"  # noqa: S608 - our names
        if nullable:
            visible = f"{column} IS NULL OR {visible}"
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY need_to_know ON {table} USING ({visible}) WITH CHECK ({visible})",
        f"CREATE POLICY crossing_insert ON {table} FOR INSERT WITH CHECK (jmd_crossing_open())",
        notify_trigger_sql(table),
        _grant("SELECT, INSERT, UPDATE, DELETE", table),
    ]


def grants_sql() -> list[str]:
    """Grants on the tables without case data and on the privileged functions."""
    statements = [_grant("SELECT", t) for t in READ_ONLY_TABLES]
    statements += [_grant("SELECT, INSERT, UPDATE", t) for t in SHARED_TABLES]
    statements += [_grant("SELECT, INSERT", t) for t in APPEND_ONLY_TABLES]
    statements += [notify_trigger_sql(t) for t in ("partners", "group_offers", "group_sessions", "anonymous_contacts")]
    statements += [
        "ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY read_all ON audit_events FOR SELECT USING (true)",
        'CREATE POLICY own_events ON audit_events FOR INSERT WITH CHECK ("user" = current_user)',
        "CREATE POLICY crossing_insert ON audit_events FOR INSERT WITH CHECK (jmd_crossing_open())",
        _grant("SELECT, UPDATE", "office_key_slots"),
    ]
    statements += execute_grants((*PRIVILEGED_FUNCTIONS, *STAFF_SIGNATURES))
    return statements


def upgrade_statements() -> list[str]:
    """Everything revision 0009 runs on PostgreSQL, in order."""
    statements = [
        FOUNDATION,
        FUNCTIONS,
        NUMBER_FUNCTIONS,
        CROSSING,
        NOTIFY,
        STAFF_FUNCTIONS,
        *widen_sealed_columns_sql(),
        *versions_sql.upgrade_statements(),
    ]
    for table, parent in CASE_TABLES.items():
        statements += case_table_sql(table, parent)
    return statements + grants_sql()


DOWNGRADE = r"""
DROP FUNCTION IF EXISTS jmd_client_number_taken(text), jmd_last_client_number(integer),
    jmd_set_deputy(text, text, boolean), jmd_disable_login(text),
    jmd_create_login(text, text, text, boolean, boolean, boolean, text), jmd_caller_owns_database(),
    jmd_caller_is(text);
DROP TABLE IF EXISTS office_key_slots;
DROP FUNCTION IF EXISTS jmd_row_counts(), jmd_open_crossing(text);
"""


def downgrade_statements() -> list[str]:
    """Undo revision 0009 (roles stay: logins may still be members)."""
    statements = [*versions_sql.downgrade_statements(), STAFF_DOWNGRADE, DOWNGRADE]
    for table in [*CASE_TABLES, "audit_events"]:
        statements.append(f"DROP POLICY IF EXISTS need_to_know ON {table}")
        statements.append(f"DROP POLICY IF EXISTS crossing_insert ON {table}")
        statements.append(f"DROP TRIGGER IF EXISTS jmd_notify_change ON {table}")
        statements.append(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    statements += ["DROP POLICY IF EXISTS read_all ON audit_events", "DROP POLICY IF EXISTS own_events ON audit_events"]
    return [
        *statements,
        *[
            f"DROP TRIGGER IF EXISTS jmd_notify_change ON {t}"
            for t in ("partners", "group_offers", "group_sessions", "anonymous_contacts")
        ],
        "DROP FUNCTION IF EXISTS jmd_notify_change()",
        "DROP FUNCTION IF EXISTS jmd_crossing_open(), jmd_app_role()",
        "DROP SCHEMA IF EXISTS jmd_private CASCADE",
    ]
