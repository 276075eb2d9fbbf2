"""SQL of deletion runs on the office server (DESIGN §3b), revision 0010.

Nobody but a file's counsellor reads its rows, yet a deletion run is proposed and confirmed by
an admin and a team lead. So they work through narrow functions that check the caller's role:
``jmd_retention_files`` gives the metadata a retention decision needs (client number, case
types and closing dates; no name), ``jmd_execute_deletion_run`` deletes a proposed run's files
when a second person confirms it, and ``jmd_reapply_erasures`` erases again, after the IT
restored an older dump, every file of an erasure list. Each call is logged in
``jmd_private.privileged_log``; the erasure register (``erasures``) holds ids only.
"""

from __future__ import annotations

from jmd_desk.store.server.grants_sql import execute_grants

ERASURE_FUNCTIONS = r"""
CREATE FUNCTION jmd_retention_files()
    RETURNS TABLE (client_id integer, client_number text, case_type text, closed_on date)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT (jmd_caller_is('admin') OR jmd_caller_is('team_lead')) THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT c.id, c.client_number::text, k.case_type::text, k.closed_on
                 FROM clients c JOIN cases k ON k.client_id = c.id
                 WHERE NOT c.legal_hold ORDER BY c.client_number, k.id;
END $$;

CREATE FUNCTION jmd_execute_deletion_run(p_run integer, p_now timestamp)
    RETURNS TABLE (client_id integer, client_created_at timestamp)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    run deletion_runs%ROWTYPE;
    ids integer[];
BEGIN
    IF NOT (jmd_caller_is('admin') OR jmd_caller_is('team_lead')) THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO run FROM deletion_runs r WHERE r.id = p_run FOR UPDATE;
    IF NOT FOUND THEN RAISE EXCEPTION 'jmd:unknown_deletion_run' USING ERRCODE = '22023'; END IF;
    IF run.status <> 'proposed' THEN
        RAISE EXCEPTION 'jmd:deletion_already_decided' USING ERRCODE = '22023';
    END IF;
    -- four eyes: an admin and a team lead, two people; or the office's only admin and team lead
    -- (the services check her time lock and both people's password history as well)
    IF run.proposed_by = session_user::text THEN
        IF NOT (jmd_caller_is('admin') AND jmd_caller_is('team_lead')) OR EXISTS (
                SELECT 1 FROM users u WHERE u.active AND u.username <> session_user::text
                AND (u.is_admin OR u.is_team_lead)) THEN
            RAISE EXCEPTION 'jmd:deletion_needs_second_person' USING ERRCODE = '42501';
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM users p WHERE p.username = run.proposed_by AND (
            (p.is_admin AND jmd_caller_is('team_lead')) OR (p.is_team_lead AND jmd_caller_is('admin')))) THEN
        RAISE EXCEPTION 'jmd:deletion_needs_admin_and_team_lead' USING ERRCODE = '42501';
    END IF;
    ids := string_to_array(run.client_ids, ',')::integer[];
    IF EXISTS (SELECT 1 FROM clients c WHERE c.id = ANY (ids) AND c.legal_hold) THEN
        RAISE EXCEPTION 'jmd:deletion_legal_hold' USING ERRCODE = '22023';
    END IF;
    RETURN QUERY INSERT INTO erasures AS e (client_id, client_created_at, run_id, erased_at)
        SELECT c.id, c.created_at, p_run, p_now FROM clients c WHERE c.id = ANY (ids) ORDER BY c.id
        RETURNING e.client_id, e.client_created_at;
    DELETE FROM clients c WHERE c.id = ANY (ids);
    UPDATE deletion_runs r SET status = 'done', decided_by = session_user, decided_at = p_now WHERE r.id = p_run;
    INSERT INTO jmd_private.privileged_log (login, action, subject)
        VALUES (session_user, 'deletion_run_executed', p_run::text);
END $$;

-- p_entries: [{"client_id": int, "client_created_at": text|null, "run_id": int|null, "erased_at": text}]
CREATE FUNCTION jmd_reapply_erasures(p_entries jsonb) RETURNS SETOF integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE erased integer[];
BEGIN
    IF NOT jmd_caller_is('admin') THEN
        RAISE EXCEPTION 'jmd:not_allowed' USING ERRCODE = '42501';
    END IF;
    SELECT coalesce(array_agg(c.id ORDER BY c.id), '{}') INTO erased FROM clients c
        WHERE EXISTS (SELECT 1 FROM jsonb_to_recordset(p_entries) AS r(client_id integer, client_created_at timestamp)
                      WHERE r.client_id = c.id AND (r.client_created_at IS NULL OR r.client_created_at = c.created_at));
    DELETE FROM clients c WHERE c.id = ANY (erased);
    INSERT INTO erasures (client_id, client_created_at, run_id, erased_at)
        SELECT DISTINCT ON (r.client_id, r.client_created_at) r.client_id, r.client_created_at, r.run_id, r.erased_at
        FROM jsonb_to_recordset(p_entries)
             AS r(client_id integer, client_created_at timestamp, run_id integer, erased_at timestamp)
        WHERE NOT EXISTS (SELECT 1 FROM erasures e WHERE e.client_id = r.client_id
                          AND e.client_created_at IS NOT DISTINCT FROM r.client_created_at);
    INSERT INTO jmd_private.privileged_log (login, action, subject)
        VALUES (session_user, 'erasures_reapplied', cardinality(erased) || ' of ' || jsonb_array_length(p_entries));
    RETURN QUERY SELECT unnest(erased);
END $$;
"""

ERASURE_SIGNATURES = (
    "jmd_retention_files()",
    "jmd_execute_deletion_run(integer, timestamp)",
    "jmd_reapply_erasures(jsonb)",
)


def upgrade_statements() -> list[str]:
    """The deletion part of revision 0010."""
    statements = [ERASURE_FUNCTIONS]
    statements += execute_grants(ERASURE_SIGNATURES)
    return statements


def downgrade_statements() -> list[str]:
    """Undo the deletion part of revision 0010."""
    return [f"DROP FUNCTION IF EXISTS {', '.join(ERASURE_SIGNATURES)}"]
