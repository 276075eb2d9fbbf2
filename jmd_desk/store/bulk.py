"""Writing a whole interchange document in few statements (imports of thousands of files)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from jmd_desk.domain.interchange import Document
from jmd_desk.store.clients_repo import client_search_key
from jmd_desk.store.mapping import to_row
from jmd_desk.store.partners_repo import partner_search_key
from jmd_desk.store.records_repo import initial_history
from jmd_desk.store.schema import (
    CaseRecord,
    ClientRecord,
    ConsentRecord,
    ContactRecord,
    FollowUpRecord,
    GoalRecord,
    GoalStatusRecord,
    PartnerRecord,
    ReferralRecord,
)

# (table name, row with its id) -> the row as stored; the office server seals fields here.
RowSealer = Callable[[str, dict[str, Any]], dict[str, Any]]


def new_ids(session: Session, record: type[Any], count: int) -> list[int]:
    """Ids for ``count`` new rows: SQLite's write lock makes max+1 ours; a server database with
    concurrent writers (and rows hidden by row-level security) takes them from the sequence."""
    table = record.__tablename__
    if session.get_bind().dialect.name == "postgresql":
        query = text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)")
        return [int(i) for i in session.scalars(query, {"t": table, "n": count})]
    start = (session.scalar(select(func.max(record.id))) or 0) + 1
    return list(range(start, start + count))


def _insert(
    session: Session, record: type[Any], rows: Sequence[dict[str, Any]], seal: RowSealer | None = None
) -> list[int]:
    """Insert rows with ids assigned here, returning them in row order.

    One executemany is far faster than RETURNING row by row. The ids are known before the
    insert, so sealed fields can be bound to their row.
    """
    if not rows:
        return []
    ids = new_ids(session, record, len(rows))
    with_ids = [{**row, "id": i} for row, i in zip(rows, ids, strict=True)]
    if seal is not None:
        with_ids = [seal(record.__tablename__, row) for row in with_ids]
    session.connection().execute(insert(record.__table__), with_ids)
    return ids


def _partner_ids(
    session: Session, document: Document, seal: RowSealer | None, known: dict[int, int] | None
) -> list[int]:
    """Ids of the document's partners: ``known`` ones (document index → id) are reused."""
    known = known or {}
    new = [i for i in range(len(document.partners)) if i not in known]
    rows = [{**to_row(p), "search_key": partner_search_key(p)} for p in (document.partners[i][1] for i in new)]
    inserted = dict(zip(new, _insert(session, PartnerRecord, rows, seal), strict=True))
    return [known.get(i) or inserted[i] for i in range(len(document.partners))]


def write_document(
    session: Session,
    document: Document,
    now: datetime,
    seal: RowSealer | None = None,
    known_partners: dict[int, int] | None = None,
) -> list[int]:
    """Insert every partner, client and record of ``document``; returns the new client ids
    in document order. Clients must already carry their numbers."""
    partner_ids = _partner_ids(session, document, seal, known_partners)
    client_ids = _insert(
        session,
        ClientRecord,
        [
            {
                **to_row(b.client),
                "search_key": client_search_key(b.client),
                "created_at": now,
                "updated_at": now,
            }
            for b in document.clients
        ],
        seal,
    )
    _insert(
        session,
        ConsentRecord,
        [
            {**to_row(c), "client_id": cid}
            for cid, b in zip(client_ids, document.clients, strict=True)
            for c in b.consents
        ],
        seal,
    )
    case_bundles = [(cid, cb) for cid, b in zip(client_ids, document.clients, strict=True) for cb in b.cases]
    case_ids = _insert(
        session,
        CaseRecord,
        [{**to_row(cb.case), "client_id": cid} for cid, cb in case_bundles],
        seal,
    )
    pairs = list(zip(case_ids, (cb for _, cb in case_bundles), strict=True))
    goals = [(case_id, g) for case_id, cb in pairs for g in cb.goals]
    goal_ids = _insert(
        session,
        GoalRecord,
        [{**to_row(g), "case_id": case_id} for case_id, g in goals],
        seal,
    )
    history = [
        {"goal_id": goal_id, "valid_from": valid_from, "status": status}
        for goal_id, (_, goal) in zip(goal_ids, goals, strict=True)
        for valid_from, status in initial_history(goal)
    ]
    if history:
        session.connection().execute(insert(GoalStatusRecord.__table__), history)
    _insert(
        session,
        ContactRecord,
        [{**to_row(c), "case_id": case_id} for case_id, cb in pairs for c in cb.contacts],
        seal,
    )
    _insert(
        session,
        ReferralRecord,
        [
            {**to_row(r), "case_id": case_id, "partner_id": partner_ids[r.partner_id]}
            for case_id, cb in pairs
            for r in cb.referrals
        ],
        seal,
    )
    _insert(
        session,
        FollowUpRecord,
        [{**to_row(f), "case_id": case_id} for case_id, cb in pairs for f in cb.follow_ups],
        seal,
    )
    return client_ids
