"""Load-independent part of the office-server benchmark: the server's own time for the queries
behind the counsellor's list and an opened file, from ``EXPLAIN (ANALYZE)``.

Each query runs as a counsellor (row-level security on) and as the owner (no row-level
security: the SQL floor), in the same run; the list's former query also with JIT on, as the
office database had it before revision 0012. Times are the best of five, planning included.
"""

from __future__ import annotations

import re

import psycopg

from jmd_desk.store.server.login import login_secret
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD

REPEAT = 5
LIST_BEFORE = "SELECT case_id, max(date) FROM contacts GROUP BY case_id"
LIST_NOW = (
    "SELECT c.id, c.client_id, c.case_type, c.opened_on, c.closed_on IS NULL,"
    " (SELECT max(k.date) FROM contacts k WHERE k.case_id = c.id) FROM cases c"
)
LIST_CLIENTS = (
    "SELECT id, client_number, first_name, last_name, date_of_birth, gender, counsellor, search_key FROM clients"
)
FILE_CONTACTS = "SELECT * FROM contacts WHERE case_id IN ({cases}) ORDER BY case_id, date, id"
FILE_VERSIONS = "SELECT id, row_version FROM contacts WHERE id = ANY('{{{contacts}}}')"


def _connect(cluster: PgCluster, database: str, user: str, password: str, jit: str) -> psycopg.Connection:
    return psycopg.connect(
        f"host=localhost port={cluster.port} dbname={database} user={user} password={password} "
        f"sslmode=verify-full sslrootcert={cluster.ca_file} options='-c jit={jit}'",
        autocommit=True,
    )


def _server_ms(conn: psycopg.Connection, query: str) -> float:
    """Planning plus execution time (JIT included) as the server reports it; best of REPEAT."""
    best = float("inf")
    for _ in range(REPEAT):
        plan = "\n".join(row[0] for row in conn.execute(f"EXPLAIN (ANALYZE) {query}"))  # type: ignore[arg-type]
        times = [float(t) for t in re.findall(r"(?:Planning|Execution) Time: ([\d.]+) ms", plan)]
        best = min(best, sum(times))
    return best


def measure(cluster: PgCluster, database: str, counsellor: str, password: str) -> list[tuple[str, float, float]]:
    """(query, ms as the counsellor, ms as the owner) for the list's and a file's queries."""
    secret = login_secret(password, database, counsellor)
    with (
        _connect(cluster, database, counsellor, secret, "off") as her,
        _connect(cluster, database, counsellor, secret, "on") as her_with_jit,
        _connect(cluster, database, OWNER, OWNER_PASSWORD, "off") as owner,
    ):
        row = her.execute(
            "SELECT string_agg(DISTINCT c.id::text, ','), string_agg(k.id::text, ',') FROM cases c"
            " JOIN contacts k ON k.case_id = c.id GROUP BY c.client_id LIMIT 1"
        ).fetchone()
        assert row is not None, "the counsellor has no contacts"
        cases, contacts = row
        queries = [
            ("list: her clients (names sealed)", LIST_CLIENTS),
            ("list: cases with last contact (now)", LIST_NOW),
            ("list: last contact per case (before)", LIST_BEFORE),
            ("file: contacts of a client's cases", FILE_CONTACTS.format(cases=cases)),
            ("file: their row versions", FILE_VERSIONS.format(contacts=contacts)),
        ]
        result = [(what, _server_ms(her, query), _server_ms(owner, query)) for what, query in queries]
        result.append(("list: before, with JIT on (before 0012)", _server_ms(her_with_jit, LIST_BEFORE), float("nan")))
    return result


def markdown(rows: list[tuple[str, float, float]]) -> str:
    """The measurements as a markdown table."""
    lines = [
        "| server time of one query (EXPLAIN ANALYZE, best of 5) | counsellor (RLS) | owner (no RLS, floor) |",
        "| ---------------------------------------------------- | ----------------:| ---------------------:|",
    ]
    for what, her, floor in rows:
        floor_text = "–" if floor != floor else f"{floor:.1f} ms"  # NaN: not measured
        lines.append(f"| {what:52} | {her:13.1f} ms | {floor_text:>21} |")
    return "\n".join(lines)
