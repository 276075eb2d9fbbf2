"""Moving a local store into the office server (``server import-store``), all or nothing.

The local side gives a snapshot: the whole store as an interchange document, the correction
history and the audit history. The server side writes it in one transaction through the
"crossing" an admin opens for that transaction, seals every §3b field, merges partners by name
and type, and compares the row counts before committing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from jmd_desk.domain.audit_chain import GENESIS
from jmd_desk.domain.errors import StoreError
from jmd_desk.domain.interchange import Document, parse_document
from jmd_desk.domain.interchange_export import build_document, dump_document
from jmd_desk.domain.readmodels import ClientChange
from jmd_desk.store.additions_repo import AnonymousContactRepository, DistrictRepository, DocumentRepository
from jmd_desk.store.bulk import RowSealer, new_ids
from jmd_desk.store.clients_repo import ClientRepository
from jmd_desk.store.groups_repo import GroupOfferRepository
from jmd_desk.store.partners_repo import PartnerRepository
from jmd_desk.store.schema import AuditRecord, ClientChangeRecord, PartnerRecord
from jmd_desk.store.server.audit import rechained
from jmd_desk.store.server.security_sql import CASE_TABLES

COUNTED_TABLES = (*CASE_TABLES, "audit_events")


@dataclass(frozen=True)
class LocalSnapshot:
    """Everything of a local store that moves: records, histories and the row counts."""

    document: Document
    client_ids: tuple[int, ...]  # the local ids, in document order
    changes: dict[int, list[ClientChange]]
    audit: tuple[dict[str, Any], ...]
    counts: dict[str, int]


def take_snapshot(session: Session, today: date) -> LocalSnapshot:
    """Read a whole local store (inside one reading transaction)."""
    clients = ClientRepository(session)
    ids = clients.ids()
    files = clients.files(ids)
    documents, offers = DocumentRepository(session), GroupOfferRepository(session)
    raw = build_document(
        PartnerRepository(session).all(),
        files,
        districts=DistrictRepository(session).all(),
        offers=offers.files(offers.ids()),
        anonymous=AnonymousContactRepository(session).all(),
        contents={d.id: documents.content(d.id) for f in files for d in f.documents},
    )
    districts = frozenset(d.code for d in DistrictRepository(session).all())
    document = parse_document(dump_document(raw), today, districts)
    changes = {cid: clients.changes(cid) for cid in ids}
    audit = tuple(
        {c.name: getattr(r, c.name) for c in AuditRecord.__table__.columns}
        for r in session.scalars(select(AuditRecord).order_by(AuditRecord.seq))
    )
    counts = {}
    for table in COUNTED_TABLES:
        counts[table] = int(session.scalar(text(f"SELECT count(*) FROM {table}")) or 0)  # noqa: S608 - fixed names
    return LocalSnapshot(document, tuple(ids), changes, audit, counts)


def open_crossing(session: Session) -> None:
    """Open the crossing for this transaction (the server checks that the caller is an admin)."""
    session.execute(text("SELECT jmd_open_crossing('import_store')"))


def server_counts(session: Session) -> Counter[str]:
    """Row counts of the counted tables on the server (through the admin's narrow function)."""
    rows = session.execute(text("SELECT table_name, row_count FROM jmd_row_counts()"))
    return Counter({name: int(n) for name, n in rows if name in COUNTED_TABLES})


def known_partners(session: Session, document: Document) -> dict[int, int]:
    """Document index → id of partners the server has already (same name and type)."""
    existing = {(n, t): i for i, n, t in session.execute(select(PartnerRecord.id, PartnerRecord.name,
                                                                 PartnerRecord.partner_type))}  # fmt: skip
    return {
        index: existing[(p.name, p.partner_type)]
        for index, (_, p) in enumerate(document.partners)
        if (p.name, p.partner_type) in existing
    }


def write_changes(session: Session, snapshot: LocalSnapshot, id_map: dict[int, int], seal: RowSealer) -> None:
    """The correction history, with its values sealed like the fields they came from."""
    rows = [
        {
            "client_id": id_map[old],
            "changed_at": c.changed_at,
            "user": c.user,
            "field": c.field,
            "old_value": c.old_value,
            "new_value": c.new_value,
        }
        for old, changes in snapshot.changes.items()
        for c in changes
    ]
    if not rows:
        return
    ids = new_ids(session, ClientChangeRecord, len(rows))
    sealed = [seal("client_changes", {**row, "id": i}) for row, i in zip(rows, ids, strict=True)]
    session.connection().execute(insert(ClientChangeRecord.__table__), sealed)


def write_audit(session: Session, snapshot: LocalSnapshot, id_map: dict[int, int], audit_key: bytes) -> None:
    """The audit history after the server's own events, chained on under the server's audit
    key; client references follow the move."""
    if not snapshot.audit:
        return
    last = session.execute(select(AuditRecord.seq, AuditRecord.hash).order_by(AuditRecord.seq.desc()).limit(1)).first()
    events = []
    for event in snapshot.audit:
        row = {**event, "client_id": id_map.get(event["client_id"], event["client_id"])}
        if event["entity_kind"] == "client" and event["entity_id"] in id_map:
            row["entity_id"] = id_map[event["entity_id"]]
        events.append(row)
    rows = rechained(events, last[0] if last else 0, last[1] if last else GENESIS, audit_key)
    session.connection().execute(insert(AuditRecord.__table__), rows)


def check_counsellors(session: Session, document: Document) -> None:
    """Every client has a counsellor who already has an active counsellor account on the server."""
    unassigned = sum(1 for b in document.clients if not b.client.counsellor)
    if unassigned:
        raise StoreError("server_import_unassigned", count=unassigned)
    known = set(session.scalars(text("SELECT username FROM users WHERE active AND is_counsellor")))
    counsellors = {b.client.counsellor for b in document.clients if b.client.counsellor}
    missing = sorted(counsellors - known)
    if missing:
        raise StoreError("server_import_unknown_counsellors", names=", ".join(missing))


def check_counts(before: Counter[str], after: Counter[str], snapshot: LocalSnapshot) -> None:
    """Every local row arrived (partners merged by name and type are not counted)."""
    for table in COUNTED_TABLES:
        if after[table] - before[table] != snapshot.counts[table]:
            raise StoreError("server_import_count_mismatch", table=table)
