"""``verify`` on the office server: what a workstation can check with its own login.

The database's own integrity (pages, foreign keys) is PostgreSQL's and the office IT's job. A
workstation checks that the connection is encrypted, the schema revision, that every sealed
field it may see opens under the office key for its own table, column and row (a value changed
or moved on the server does not), and that the audit log has no gap in its sequence.
"""

from __future__ import annotations

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from jmd_desk.domain.errors import StoreError
from jmd_desk.store import migrate
from jmd_desk.store.schema import AuditRecord, Base
from jmd_desk.store.server.fields import ENCRYPTED_COLUMNS, FieldCipher

MAX_FINDINGS = 20
BATCH = 2000


def integrity_problems(engine: Engine, cipher: FieldCipher) -> dict[str, list[str]]:
    """Findings per check; empty lists mean "all good"."""
    with Session(engine) as session:
        found = {
            "tls": _tls(session),
            "sealed_fields": _sealed_field_findings(session, cipher),
            "audit_sequence": _audit_gaps(session),
        }
        revision = migrate.current_revision(session.connection())
    head = migrate.head_revision()
    found["schema"] = [] if revision == head else [f"{revision} != {head}"]
    return found


def _tls(session: Session) -> list[str]:
    row = session.execute(text("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).first()
    return [] if row is not None and row[0] else ["connection_not_encrypted"]


def _sealed_field_findings(session: Session, cipher: FieldCipher) -> list[str]:
    """Open every sealed value of every visible row, in batches by id."""
    findings: list[str] = []
    for table_name, columns in ENCRYPTED_COLUMNS.items():
        table = Base.metadata.tables[table_name]
        last = 0
        while len(findings) < MAX_FINDINGS:
            query = (
                select(table.c.id, *(table.c[c] for c in columns))
                .where(table.c.id > last)
                .order_by(table.c.id)
                .limit(BATCH)
            )
            rows = session.execute(query).all()
            if not rows:
                break
            for row_id, *values in rows:
                findings += _row_findings(cipher, table_name, columns, row_id, values)
            last = rows[-1][0]
    return findings[:MAX_FINDINGS]


def _row_findings(cipher: FieldCipher, table: str, columns: tuple[str, ...], row_id: int, values: list) -> list[str]:  # type: ignore[type-arg]
    found = []
    for column, value in zip(columns, values, strict=True):
        try:
            cipher.open_any(table, column, row_id, value)
        except StoreError as exc:
            found.append(f"{table}#{row_id}.{column}: {exc.code}")
    return found


def _audit_gaps(session: Session) -> list[str]:
    """Sequence numbers missing in the audit log (removing events needs the database owner)."""
    count, last = session.execute(select(func.count(AuditRecord.seq), func.max(AuditRecord.seq))).one()
    if not count or count == last:
        return []
    seqs = session.scalars(select(AuditRecord.seq).order_by(AuditRecord.seq))
    expected, gaps = 1, []
    for seq in seqs:
        if seq != expected:
            gaps.append(f"#{expected}: audit_gap")
        expected = seq + 1
    return gaps[:MAX_FINDINGS]
