"""What ``verify --server`` checks on the office server, as the signed-in person: the TLS
connection, that every sealed field she may see opens under the office key for its own table,
column and row (a value changed or moved on the server does not), the audit chain (HMAC under
the office's audit key, which only workstations hold), the need-to-know rules the migrations
created, and the schema revision. The database's own integrity is PostgreSQL's and the IT's."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from jmd_desk.domain.errors import StoreError
from jmd_desk.store import migrate
from jmd_desk.store.audit_repo import AuditRepository
from jmd_desk.store.schema import Base
from jmd_desk.store.server.fields import ENCRYPTED_COLUMNS, FieldCipher
from jmd_desk.store.server.security_sql import CASE_TABLES
from jmd_desk.store.server.server_store import ServerStore, classify_server_error

MAX_FINDINGS = 20
BATCH = 2000

_RLS = text(
    "SELECT c.relname, c.relrowsecurity, EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'public' "
    "AND p.tablename = c.relname AND p.policyname = 'need_to_know') FROM pg_class c "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = ANY(:tables)"
)
_AUDIT_GRANTS = text(
    "SELECT p FROM unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) p "
    "WHERE has_table_privilege((current_database() || '_jmd_users')::name, 'public.audit_events', p)"
)
_CHAIN_TRIGGER = text(
    "SELECT count(*) FROM pg_trigger WHERE tgname = 'jmd_audit_continues' AND tgrelid = 'public.audit_events'::regclass"
)


class ServerChecks:
    """The checks, each returning its findings (empty: passed)."""

    def __init__(self, store: ServerStore) -> None:
        self._store = store

    def run(self) -> list[tuple[str, list[str]]]:
        """(name, findings) of every check; a server error is a typed error, never a traceback."""
        try:
            return [
                ("tls", self.tls()),
                ("sealed_fields", self.sealed_fields()),
                ("audit_chain", self.audit_chain()),
                ("need_to_know", self.need_to_know()),
                ("schema", self.schema()),
            ]
        except DBAPIError as exc:
            raise classify_server_error(exc) from None

    def tls(self) -> list[str]:
        with Session(self._store.engine) as session:
            ssl = session.scalar(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
        return [] if ssl else ["connection_not_encrypted"]

    def sealed_fields(self) -> list[str]:
        """Open every sealed value of every visible row, in batches by id."""
        findings: list[str] = []
        with Session(self._store.engine) as session:
            for table_name, columns in ENCRYPTED_COLUMNS.items():
                findings += _table_findings(session, self._store.cipher, table_name, columns)
                if len(findings) >= MAX_FINDINGS:
                    break
        return findings[:MAX_FINDINGS]

    def audit_chain(self) -> list[str]:
        with Session(self._store.engine) as session:
            problems = AuditRepository(session, self._store.audit_key, keeps_head=False).verify()
        return [f"#{seq}: {code}" for seq, code in problems][:MAX_FINDINGS]

    def need_to_know(self) -> list[str]:
        with Session(self._store.engine) as session:
            rows = {name: (rls, policy) for name, rls, policy in session.execute(_RLS, {"tables": list(CASE_TABLES)})}
            grants = [f"audit_events: {p} granted" for (p,) in session.execute(_AUDIT_GRANTS)]
            trigger = session.scalar(_CHAIN_TRIGGER)
        found = [f"{t}: row_level_security_off" for t in CASE_TABLES if not rows.get(t, (False, False))[0]]
        found += [f"{t}: policy_missing" for t in CASE_TABLES if not rows.get(t, (False, False))[1]]
        return found + grants + ([] if trigger else ["audit_events: chain_trigger_missing"])

    def schema(self) -> list[str]:
        with Session(self._store.engine) as session:
            current = session.scalar(text("SELECT jmd_schema_revision()"))
        head = migrate.head_revision()
        return [] if current == head else [f"revision {current} (expected {head})"]

    def record(self, action: str, now: datetime) -> None:
        """Write the check's own audit event, chained like every other."""
        with Session(self._store.engine) as session, session.begin():
            AuditRepository(session, self._store.audit_key, keeps_head=False).append(now, self._store.username, action)


def _table_findings(session: Session, cipher: FieldCipher, table_name: str, columns: tuple[str, ...]) -> list[str]:
    table = Base.metadata.tables[table_name]
    findings: list[str] = []
    last = 0
    while len(findings) < MAX_FINDINGS:
        query = select(table.c.id, *(table.c[c] for c in columns)).where(table.c.id > last).order_by(table.c.id)
        rows = session.execute(query.limit(BATCH)).all()
        if not rows:
            break
        for row_id, *values in rows:
            for column, value in zip(columns, values, strict=True):
                try:
                    cipher.open_any(table_name, column, row_id, value)
                except StoreError as exc:
                    findings.append(f"{table_name}#{row_id}.{column}: {exc.code}")
        last = rows[-1][0]
    return findings
