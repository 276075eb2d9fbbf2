"""Writing a whole interchange document in few statements (imports of thousands of files)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from jmd_desk.domain.interchange_model import CaseBundle, Document
from jmd_desk.store.additions_repo import DistrictRepository
from jmd_desk.store.clients_repo import client_search_key
from jmd_desk.store.groups_repo import offer_row
from jmd_desk.store.mapping import to_row
from jmd_desk.store.partners_repo import partner_search_key
from jmd_desk.store.records_repo import initial_history
from jmd_desk.store.schema import (
    AnonymousContactRecord,
    AppointmentRecord,
    CaseRecord,
    ClientRecord,
    ConsentRecord,
    ContactRecord,
    DocumentRecord,
    FollowUpRecord,
    GoalRecord,
    GoalStatusRecord,
    GroupOfferClientRecord,
    GroupOfferRecord,
    GroupSessionRecord,
    PartnerRecord,
    ProgressRecord,
    ReferralRecord,
    new_record_key,
)


def _insert(session: Session, record: type[Any], rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert rows with ids assigned here, returning them in row order.

    The import runs in a writing unit of work that holds SQLite's write lock, so the next ids
    are ours; one executemany is far faster than RETURNING row by row. (On a server database
    this would use the table's sequence instead.)
    """
    if not rows:
        return []
    start = (session.scalar(select(func.max(record.id))) or 0) + 1
    ids = list(range(start, start + len(rows)))
    keyed = "record_key" in record.__table__.c  # absent keys are generated (DESIGN §4)
    session.connection().execute(
        insert(record.__table__),
        [
            {**row, "id": i, **({"record_key": row.get("record_key", new_record_key())} if keyed else {})}
            for row, i in zip(rows, ids, strict=True)
        ],
    )
    return ids


def write_document(session: Session, document: Document, now: datetime, counsellor: str | None = None) -> list[int]:
    """Insert every partner, client and record of ``document``; returns the new client ids
    in document order. Clients must already carry their numbers; group offers and anonymous
    contacts are recorded as the ``counsellor``'s."""
    partner_ids = _insert(
        session,
        PartnerRecord,
        [{**to_row(p), "search_key": partner_search_key(p)} for _, p in document.partners],
    )
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
    )
    _insert(
        session,
        ConsentRecord,
        [
            {**to_row(c), "client_id": cid}
            for cid, b in zip(client_ids, document.clients, strict=True)
            for c in b.consents
        ],
    )
    case_bundles = [(cid, cb) for cid, b in zip(client_ids, document.clients, strict=True) for cb in b.cases]
    case_ids = _insert(session, CaseRecord, [{**to_row(cb.case), "client_id": cid} for cid, cb in case_bundles])
    pairs = list(zip(case_ids, (cb for _, cb in case_bundles), strict=True))
    goals = [(case_id, g) for case_id, cb in pairs for g in cb.goals]
    goal_ids = _insert(session, GoalRecord, [{**to_row(g), "case_id": case_id} for case_id, g in goals])
    history = [
        {"goal_id": goal_id, "valid_from": valid_from, "status": status}
        for goal_id, (_, goal) in zip(goal_ids, goals, strict=True)
        for valid_from, status in initial_history(goal)
    ]
    if history:
        session.connection().execute(insert(GoalStatusRecord.__table__), history)
    contact_ids = _insert(
        session,
        ContactRecord,
        [{**to_row(c), "case_id": case_id} for case_id, cb in pairs for c in cb.contacts],
    )
    _write_case_appointments(session, pairs, contact_ids)
    _insert(
        session,
        ReferralRecord,
        [
            {**to_row(r), "case_id": case_id, "partner_id": partner_ids[r.partner_id]}
            for case_id, cb in pairs
            for r in cb.referrals
        ],
    )
    _insert(
        session,
        FollowUpRecord,
        [{**to_row(f), "case_id": case_id} for case_id, cb in pairs for f in cb.follow_ups],
    )
    _write_client_additions(session, document, client_ids)
    _write_group_offers(session, document, partner_ids, client_ids, counsellor)
    _insert(
        session,
        AnonymousContactRecord,
        [{**to_row(a), "counsellor": counsellor} for a in document.anonymous_contacts],
    )
    return client_ids


def _write_case_appointments(session: Session, pairs: list[tuple[int, CaseBundle]], contact_ids: list[int]) -> None:
    """Case appointments; a held one's ``contact_id`` is its contact's index in the case."""
    rows = []
    first_contact = 0
    for case_id, cb in pairs:
        for a in cb.appointments:
            contact = contact_ids[first_contact + a.contact_id] if a.contact_id is not None else None
            rows.append({**to_row(a), "case_id": case_id, "contact_id": contact})
        first_contact += len(cb.contacts)
    _insert(session, AppointmentRecord, rows)


def _write_client_additions(session: Session, document: Document, client_ids: list[int]) -> None:
    """Districts, progress entries and documents."""
    DistrictRepository(session).add_missing(document.districts)
    clients = list(zip(client_ids, document.clients, strict=True))
    _insert(session, ProgressRecord, [{**to_row(p), "client_id": cid} for cid, b in clients for p in b.progress])
    _insert(
        session,
        DocumentRecord,
        [
            {**to_row(d.info), "size": len(d.content), "content": d.content, "client_id": cid}
            for cid, b in clients
            for d in b.documents
        ],
    )


def _write_group_offers(
    session: Session, document: Document, partner_ids: list[int], client_ids: list[int], counsellor: str | None
) -> None:
    """Group offers with their sessions, appointments and client links."""
    rows = []
    for bundle in document.group_offers:
        row = offer_row(bundle.offer)
        if bundle.offer.partner_id is not None:
            row["partner_id"] = partner_ids[bundle.offer.partner_id]
        rows.append({**row, "counsellor": counsellor})
    offer_ids = _insert(session, GroupOfferRecord, rows)
    pairs = list(zip(offer_ids, document.group_offers, strict=True))
    _insert(session, GroupSessionRecord, [{**to_row(s), "group_offer_id": oid} for oid, b in pairs for s in b.sessions])
    _insert(
        session,
        AppointmentRecord,
        [{**to_row(a), "group_offer_id": oid, "case_id": None} for oid, b in pairs for a in b.appointments],
    )
    links = [{"group_offer_id": oid, "client_id": client_ids[i]} for oid, b in pairs for i in b.client_indexes]
    if links:
        session.connection().execute(insert(GroupOfferClientRecord.__table__), links)
