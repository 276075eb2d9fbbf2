"""The statistics counts as hand-written SQLite SQL on the same encrypted store: the floor the
statistics engine is compared with (same rules, no Python beyond fetching the counts)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from jmd_desk.domain.statistics import Period
from jmd_desk.services.session import UserSession

CTE = """
WITH active AS (
    SELECT * FROM cases WHERE opened_on <= :end AND (closed_on IS NULL OR closed_on >= :start)
),
counted AS (
    SELECT DISTINCT a.client_id AS id FROM active a
    WHERE EXISTS (SELECT 1 FROM consents s WHERE s.client_id = a.client_id AND s.scope = 'statistics'
                  AND s.given_on <= :end AND (s.withdrawn_on IS NULL OR s.withdrawn_on > :end))
),
persons AS (
    SELECT c.id,
           CASE
             WHEN age BETWEEN 12 AND 14 THEN '12-14' WHEN age BETWEEN 15 AND 17 THEN '15-17'
             WHEN age BETWEEN 18 AND 20 THEN '18-20' WHEN age BETWEEN 21 AND 24 THEN '21-24'
             WHEN age BETWEEN 25 AND 27 THEN '25-27' ELSE 'other' END AS age_group,
           c.gender, c.residence_status, c.country_of_birth,
           (SELECT a.case_type FROM active a WHERE a.client_id = c.id ORDER BY a.opened_on DESC, a.id DESC
            LIMIT 1) AS case_type
    FROM (SELECT cl.*, CAST(strftime('%Y', :end) AS INTEGER) - CAST(strftime('%Y', cl.date_of_birth) AS INTEGER)
                 - (strftime('%m-%d', :end) < strftime('%m-%d', cl.date_of_birth)) AS age
          FROM clients cl JOIN counted ON counted.id = cl.id) AS c
)
"""

QUERIES = {
    "caseload": """SELECT sum(opened_on BETWEEN :start AND :end), count(*), sum(closed_on BETWEEN :start AND :end),
                   (SELECT count(DISTINCT client_id) FROM active WHERE client_id IN (SELECT id FROM counted)
                    AND (closed_on IS NULL OR closed_on >= :end))
                   FROM active WHERE client_id IN (SELECT id FROM counted)""",
    "age_gender": "SELECT age_group, gender, count(*) FROM persons GROUP BY age_group, gender",
    "residence": "SELECT residence_status, count(*) FROM persons GROUP BY residence_status",
    "country": "SELECT country_of_birth, count(*) FROM persons GROUP BY country_of_birth",
    "case_type": "SELECT case_type, count(*) FROM persons GROUP BY case_type",
    "contacts": """SELECT t.mode, count(*), sum(t.minutes) FROM contacts t JOIN cases k ON k.id = t.case_id
                   WHERE k.client_id IN (SELECT id FROM counted) AND t.date BETWEEN :start AND :end
                   GROUP BY t.mode""",
    "goals": """SELECT area, status_at, count(*) FROM (
                   SELECT g.area, (SELECT h.status FROM goal_status_history h WHERE h.goal_id = g.id
                                   AND (h.valid_from IS NULL OR h.valid_from <= :end)
                                   ORDER BY h.valid_from IS NULL, h.valid_from DESC, h.id DESC LIMIT 1) AS status_at
                   FROM goals g JOIN active a ON a.id = g.case_id
                   WHERE a.client_id IN (SELECT id FROM counted) AND (g.agreed_on IS NULL OR g.agreed_on <= :end))
                WHERE status_at IS NOT NULL GROUP BY area, status_at""",
    "referrals": """SELECT p.partner_type, r.status, count(*) FROM referrals r JOIN cases k ON k.id = r.case_id
                    JOIN partners p ON p.id = r.partner_id
                    WHERE k.client_id IN (SELECT id FROM counted) AND r.date BETWEEN :start AND :end
                    GROUP BY p.partner_type, r.status""",
    "closures": """SELECT closure_reason, destination,
                   CASE WHEN julianday(closed_on) - julianday(opened_on) < 30 THEN '<1m'
                        WHEN julianday(closed_on) - julianday(opened_on) < 91 THEN '1-3m'
                        WHEN julianday(closed_on) - julianday(opened_on) < 182 THEN '3-6m'
                        WHEN julianday(closed_on) - julianday(opened_on) <= 366 THEN '6-12m' ELSE '>12m' END,
                   count(*)
                   FROM cases WHERE client_id IN (SELECT id FROM counted) AND closed_on BETWEEN :start AND :end
                   GROUP BY 1, 2, 3""",
}


def statistics_floor(session: UserSession, period: Period) -> dict[str, list[Any]]:
    """Run every query once in one read transaction; returns the rows."""
    params = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    with session.store.engine.connect() as conn:
        return {name: list(conn.execute(text(CTE + sql), params)) for name, sql in QUERIES.items()}
