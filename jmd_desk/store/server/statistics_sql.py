"""SQL of the team lead's statistics on the office server (DESIGN §3b, §7), revision 0010.

The team lead reads no case row under row-level security, yet the statistics count every file
of the office. So the statistics read narrow views that carry only what the statistics queries
need — ids, codes, dates, districts and record keys, never a sealed column — and show rows only
inside a transaction in which the caller opened them through ``jmd_open_statistics``. That
function checks that the caller is an active team lead and logs the opening with its period in
``jmd_private.privileged_log``. The views are owned by the owner (who owns the tables, so row
level security does not filter them); a login whose transaction has not opened them reads none.
"""

from __future__ import annotations

from jmd_desk.store.server.grants_sql import execute_grants

# view -> (table, columns): exactly the columns store/statistics_repo.py selects.
STATISTICS_VIEWS: dict[str, tuple[str, tuple[str, ...]]] = {
    "jmd_stat_clients": (
        "clients",
        (
            "id",
            "date_of_birth",
            "gender",
            "residence_status",
            "country_of_birth",
            "record_key",
            "district",
            "german_level",
            "school_qualification",
        ),
    ),
    "jmd_stat_cases": (
        "cases",
        (
            "id",
            "client_id",
            "case_type",
            "opened_on",
            "closed_on",
            "closure_reason",
            "destination",
            "record_key",
            "requested_on",
        ),
    ),
    "jmd_stat_consents": ("consents", ("client_id", "scope", "given_on", "withdrawn_on")),
    "jmd_stat_goals": ("goals", ("id", "case_id", "area", "agreed_on", "record_key")),
    "jmd_stat_goal_status": ("goal_status_history", ("id", "goal_id", "valid_from", "status")),
    "jmd_stat_contacts": ("contacts", ("case_id", "date", "mode", "minutes", "record_key")),
    "jmd_stat_referrals": ("referrals", ("case_id", "partner_id", "date", "status", "record_key")),
    "jmd_stat_progress": ("progress_entries", ("client_id", "field", "on", "value")),
}

GATE = r"""
CREATE TABLE jmd_private.statistics_reader (
    pid integer PRIMARY KEY,
    xact xid8 NOT NULL
);

CREATE FUNCTION jmd_statistics_open() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$ SELECT EXISTS (SELECT 1 FROM jmd_private.statistics_reader
                         WHERE pid = pg_backend_pid() AND xact = pg_current_xact_id_if_assigned()) $$;

CREATE FUNCTION jmd_open_statistics(p_from date, p_to date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT jmd_caller_is('team_lead') THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    DELETE FROM jmd_private.statistics_reader WHERE pid = pg_backend_pid();
    INSERT INTO jmd_private.statistics_reader (pid, xact) VALUES (pg_backend_pid(), pg_current_xact_id());
    INSERT INTO jmd_private.privileged_log (login, action, subject)
        VALUES (session_user, 'statistics_read', p_from || '..' || p_to);
END $$;
"""

STATISTICS_SIGNATURES = ("jmd_statistics_open()", "jmd_open_statistics(date, date)")


def _quoted(column: str) -> str:
    return f'"{column}"'


def view_sql(view: str, table: str, columns: tuple[str, ...]) -> list[str]:
    """One gated view and its grant (a one-time filter: the gate is checked once per query)."""
    names = ", ".join(_quoted(c) for c in columns)
    return [
        f"CREATE VIEW {view} WITH (security_barrier) AS SELECT {names} FROM {table} WHERE jmd_statistics_open()",  # noqa: S608 - our names
        f"REVOKE ALL ON {view} FROM PUBLIC",
        f"DO $$ BEGIN EXECUTE format('GRANT SELECT ON {view} TO %I', jmd_app_role()); END $$;",
    ]


def upgrade_statements() -> list[str]:
    """The statistics part of revision 0010."""
    statements = [GATE]
    statements += execute_grants(STATISTICS_SIGNATURES)
    for view, (table, columns) in STATISTICS_VIEWS.items():
        statements += view_sql(view, table, columns)
    return statements


def downgrade_statements() -> list[str]:
    """Undo the statistics part of revision 0010."""
    return [
        *(f"DROP VIEW IF EXISTS {view}" for view in STATISTICS_VIEWS),
        "DROP FUNCTION IF EXISTS jmd_open_statistics(date, date), jmd_statistics_open()",
        "DROP TABLE IF EXISTS jmd_private.statistics_reader",
    ]
