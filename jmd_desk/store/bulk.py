"""Writing a whole interchange document in few statements (imports of thousands of files)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from jmd_desk.domain.interchange_model import CaseBundle, ClientBundle, Document
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
    keyed = "record_key" in record.__table__.c  # absent keys are generated (DESIGN §4)
    with_ids = [
        {**row, "id": i, **({"record_key": row.get("record_key", new_record_key())} if keyed else {})}
        for row, i in zip(rows, ids, strict=True)
    ]
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
    counsellor: str | None = None,
    seal: RowSealer | None = None,
    known_partners: dict[int, int] | None = None,
) -> list[int]:
    """Insert every partner, client and record of ``document``; returns the new client ids
    in document order. Clients must already carry their numbers; group offers and anonymous
    contacts are recorded as the ``counsellor``'s."""
    partner_ids = write_partners(session, document, seal, known_partners)
    client_ids = write_clients(session, document.clients, partner_ids, now, seal)
    write_offers(session, document, partner_ids, client_ids, counsellor, seal)
    return client_ids


def write_partners(
    session: Session, document: Document, seal: RowSealer | None = None, known: dict[int, int] | None = None
) -> list[int]:
    """The document's districts and partners; returns the partners' ids (``known``: document
    index → id of partners already stored)."""
    DistrictRepository(session).add_missing(document.districts)
    return _partner_ids(session, document, seal, known)


def write_clients(
    session: Session,
    clients: Sequence[ClientBundle],
    partner_ids: Sequence[int],
    now: datetime,
    seal: RowSealer | None = None,
) -> list[int]:
    """Insert clients with all their records (a whole document's, or a part of it); a
    referral's ``partner_id`` indexes ``partner_ids``. Returns the new client ids in order."""
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
            for b in clients
        ],
        seal,
    )
    _insert(
        session,
        ConsentRecord,
        [{**to_row(c), "client_id": cid} for cid, b in zip(client_ids, clients, strict=True) for c in b.consents],
        seal,
    )
    _write_cases(session, clients, client_ids, partner_ids, seal)
    _write_client_additions(session, clients, client_ids, seal)
    return client_ids


def write_offers(
    session: Session,
    document: Document,
    partner_ids: Sequence[int],
    client_ids: Sequence[int],
    counsellor: str | None,
    seal: RowSealer | None = None,
) -> None:
    """Group offers and anonymous contacts, recorded as the ``counsellor``'s; an offer's client
    indexes index ``client_ids``."""
    _write_group_offers(session, document, partner_ids, client_ids, counsellor, seal)
    _insert(
        session,
        AnonymousContactRecord,
        [{**to_row(a), "counsellor": counsellor} for a in document.anonymous_contacts],
        seal,
    )


def _write_cases(
    session: Session,
    clients: Sequence[ClientBundle],
    client_ids: list[int],
    partner_ids: Sequence[int],
    seal: RowSealer | None,
) -> None:
    """Cases with their goals (and status history), contacts, appointments, referrals, follow-ups."""
    case_bundles = [(cid, cb) for cid, b in zip(client_ids, clients, strict=True) for cb in b.cases]
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
    contact_ids = _insert(
        session,
        ContactRecord,
        [{**to_row(c), "case_id": case_id} for case_id, cb in pairs for c in cb.contacts],
        seal,
    )
    _write_case_appointments(session, pairs, contact_ids, seal)
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


def _write_case_appointments(
    session: Session, pairs: list[tuple[int, CaseBundle]], contact_ids: list[int], seal: RowSealer | None
) -> None:
    """Case appointments; a held one's ``contact_id`` is its contact's index in the case."""
    rows = []
    first_contact = 0
    for case_id, cb in pairs:
        for a in cb.appointments:
            contact = contact_ids[first_contact + a.contact_id] if a.contact_id is not None else None
            rows.append({**to_row(a), "case_id": case_id, "contact_id": contact})
        first_contact += len(cb.contacts)
    _insert(session, AppointmentRecord, rows, seal)


def _write_client_additions(
    session: Session, bundles: Sequence[ClientBundle], client_ids: list[int], seal: RowSealer | None
) -> None:
    """Progress entries and documents."""
    clients = list(zip(client_ids, bundles, strict=True))
    _insert(session, ProgressRecord, [{**to_row(p), "client_id": cid} for cid, b in clients for p in b.progress], seal)
    _insert(
        session,
        DocumentRecord,
        [
            {**to_row(d.info), "size": len(d.content), "content": d.content, "client_id": cid}
            for cid, b in clients
            for d in b.documents
        ],
        seal,
    )


def _write_group_offers(
    session: Session,
    document: Document,
    partner_ids: Sequence[int],
    client_ids: Sequence[int],
    counsellor: str | None,
    seal: RowSealer | None,
) -> None:
    """Group offers with their sessions, appointments and client links."""
    rows = []
    for bundle in document.group_offers:
        row = offer_row(bundle.offer)
        if bundle.offer.partner_id is not None:
            row["partner_id"] = partner_ids[bundle.offer.partner_id]
        rows.append({**row, "counsellor": counsellor})
    offer_ids = _insert(session, GroupOfferRecord, rows, seal)
    pairs = list(zip(offer_ids, document.group_offers, strict=True))
    _insert(
        session,
        GroupSessionRecord,
        [{**to_row(s), "group_offer_id": oid} for oid, b in pairs for s in b.sessions],
        seal,
    )
    _insert(
        session,
        AppointmentRecord,
        [{**to_row(a), "group_offer_id": oid, "case_id": None} for oid, b in pairs for a in b.appointments],
        seal,
    )
    links = [{"group_offer_id": oid, "client_id": client_ids[i]} for oid, b in pairs for i in b.client_indexes]
    if links:
        session.connection().execute(insert(GroupOfferClientRecord.__table__), links)
