"""Group offers with their sessions, appointments and linked clients."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from jmd_desk.domain import codes
from jmd_desk.domain.entities import GroupOffer, GroupOfferFile, GroupSession, Saved
from jmd_desk.domain.errors import JmdError
from jmd_desk.store.records_repo import ChildRepository, offer_appointment_repository
from jmd_desk.store.row_versions import check_version, versions_of
from jmd_desk.store.schema import GroupOfferClientRecord, GroupOfferRecord, GroupSessionRecord

_HEADCOUNTS = {"participants_by_gender": codes.GENDERS, "participants_by_age_group": codes.AGE_GROUP_CODES}


def offer_row(offer: GroupOffer, *, new: bool = True) -> dict[str, Any]:
    """Column values of an offer (areas comma-separated, headcounts as JSON objects); the
    record key only for a new offer (None: the column's random default)."""
    row: dict[str, Any] = {
        name: getattr(offer, name) for name in ("title", "kind", "starts_on", "ends_on", "partner_id")
    }
    row["areas"] = ",".join(offer.areas)
    for name in _HEADCOUNTS:
        row[name] = json.dumps(dict(getattr(offer, name)), sort_keys=True)
    if new and offer.record_key is not None:
        row["record_key"] = offer.record_key
    return row


def _offer(record: GroupOfferRecord) -> GroupOffer:
    values = {name: getattr(record, name) for name in ("title", "kind", "starts_on", "ends_on", "partner_id")}
    for name, order in _HEADCOUNTS.items():
        counts = json.loads(getattr(record, name) or "{}")
        values[name] = tuple((code, counts[code]) for code in order if code in counts)
    areas = tuple(record.areas.split(",")) if record.areas else ()
    return GroupOffer(**values, areas=areas, record_key=record.record_key)


def session_repository(session: Session) -> ChildRepository[GroupSession]:
    """Sessions of group offers, by date."""
    return ChildRepository(session, GroupSessionRecord, GroupSession, "group_offer_id", "date", "group_session")


class GroupOfferRepository:
    """Reads and writes ``group_offers`` and what belongs to them."""

    def __init__(self, session: Session) -> None:
        self._s = session
        self.sessions = session_repository(session)
        self.appointments = offer_appointment_repository(session)

    def add(self, offer: GroupOffer, counsellor: str | None) -> int:
        """Insert; returns the new id."""
        record = GroupOfferRecord(**offer_row(offer), counsellor=counsellor)
        self._s.add(record)
        self._s.flush()
        return int(record.id)

    def _get(self, offer_id: int) -> GroupOfferRecord:
        record = self._s.get(GroupOfferRecord, offer_id)
        if record is None:
            raise JmdError("not_found", kind="group_offer", id=offer_id)
        return record

    def update(self, offer_id: int, offer: GroupOffer) -> None:
        """Replace the offer's values (its record key stays)."""
        record = self._get(offer_id)
        for name, value in offer_row(offer, new=False).items():
            setattr(record, name, value)

    def get(self, offer_id: int) -> Saved[GroupOffer]:
        """One offer."""
        return Saved(offer_id, _offer(self._get(offer_id)))

    def check_version(self, offer_id: int, seen: int | None) -> None:
        """Refuse a save over a newer one (office server; see ``row_versions``)."""
        check_version(self._s, "group_offers", offer_id, seen)

    def counsellor_of(self, offer_id: int) -> str | None:
        """User name of the counsellor who runs the offer."""
        return self._get(offer_id).counsellor

    def delete(self, offer_id: int) -> None:
        """Remove the offer with its sessions, appointments and client links."""
        self._s.delete(self._get(offer_id))

    def ids(self, visible_to: Collection[str] | None = None) -> list[int]:
        """Offers of these counsellors (None: all), newest first."""
        query = select(GroupOfferRecord.id).order_by(GroupOfferRecord.starts_on.desc(), GroupOfferRecord.id.desc())
        if visible_to is not None:
            query = query.where(GroupOfferRecord.counsellor.in_(list(visible_to)))
        return list(self._s.scalars(query))

    # ------------------------------------------------------------ client links
    def link(self, offer_id: int, client_id: int) -> None:
        """Record that a client with a file took part (once)."""
        key = {"group_offer_id": offer_id, "client_id": client_id}
        if self._s.get(GroupOfferClientRecord, (offer_id, client_id)) is None:
            self._s.add(GroupOfferClientRecord(**key))

    def unlink(self, offer_id: int, client_id: int) -> None:
        """Remove a client's link to an offer."""
        self._s.execute(
            delete(GroupOfferClientRecord).where(
                GroupOfferClientRecord.group_offer_id == offer_id, GroupOfferClientRecord.client_id == client_id
            )
        )

    def client_ids(self, offer_ids: Iterable[int]) -> dict[int, list[int]]:
        """Linked clients per offer."""
        result: dict[int, list[int]] = defaultdict(list)
        query = select(GroupOfferClientRecord.group_offer_id, GroupOfferClientRecord.client_id).where(
            GroupOfferClientRecord.group_offer_id.in_(list(offer_ids))
        )
        for offer_id, client_id in self._s.execute(query.order_by(GroupOfferClientRecord.client_id)):
            result[offer_id].append(client_id)
        return result

    def of_clients(self, client_ids: Iterable[int]) -> dict[int, list[Saved[GroupOffer]]]:
        """The offers each client took part in, oldest first."""
        query = (
            select(GroupOfferClientRecord.client_id, GroupOfferRecord)
            .join(GroupOfferRecord, GroupOfferRecord.id == GroupOfferClientRecord.group_offer_id)
            .where(GroupOfferClientRecord.client_id.in_(list(client_ids)))
            .order_by(GroupOfferRecord.starts_on, GroupOfferRecord.id)
        )
        result: dict[int, list[Saved[GroupOffer]]] = defaultdict(list)
        for client_id, record in self._s.execute(query):
            result[client_id].append(Saved(record.id, _offer(record)))
        return result

    # ------------------------------------------------------------------ files
    def files(self, offer_ids: list[int]) -> list[GroupOfferFile]:
        """Whole offers in the given order."""
        records = {r.id: r for r in self._s.scalars(select(GroupOfferRecord).where(GroupOfferRecord.id.in_(offer_ids)))}
        missing = [i for i in offer_ids if i not in records]
        if missing:
            raise JmdError("not_found", kind="group_offer", id=missing[0])
        sessions = self.sessions.for_parents(offer_ids)
        appointments = self.appointments.for_parents(offer_ids)
        clients = self.client_ids(offer_ids)
        versions = versions_of(self._s, "group_offers", offer_ids)
        return [
            GroupOfferFile(
                i,
                _offer(records[i]),
                records[i].counsellor,
                tuple(sessions.get(i, ())),
                tuple(appointments.get(i, ())),
                tuple(clients.get(i, ())),
                versions.get(i),
            )
            for i in offer_ids
        ]
