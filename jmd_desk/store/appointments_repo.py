"""The appointment lists of the overview and the calendar export (across cases and offers)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, false, func, or_, select
from sqlalchemy.orm import Session

from jmd_desk.domain.readmodels import AppointmentItem, DueItem
from jmd_desk.store.schema import AppointmentRecord, CaseRecord, ClientRecord, GroupOfferRecord
from jmd_desk.store.server.fields import FieldOpener, field_opener


class AppointmentListRepository:
    """Appointments of a period with who they belong to."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def between(
        self, start: datetime, end: datetime, *, visible_to: Collection[str] | None = None
    ) -> list[AppointmentItem]:
        """Appointments starting in ``[start, end)`` of cases and offers of these counsellors
        (None: everyone's), by start."""
        counsellor = ClientRecord.counsellor.label("client_counsellor")
        query = (
            select(
                AppointmentRecord,
                CaseRecord.client_id,
                ClientRecord.client_number,
                ClientRecord.first_name,
                ClientRecord.last_name,
                counsellor,
                GroupOfferRecord.title,
                GroupOfferRecord.counsellor,
            )
            .outerjoin(CaseRecord, CaseRecord.id == AppointmentRecord.case_id)
            .outerjoin(ClientRecord, ClientRecord.id == CaseRecord.client_id)
            .outerjoin(GroupOfferRecord, GroupOfferRecord.id == AppointmentRecord.group_offer_id)
            .where(AppointmentRecord.starts_at >= start, AppointmentRecord.starts_at < end)
            .order_by(AppointmentRecord.starts_at, AppointmentRecord.id)
        )
        if visible_to is not None:
            names = list(visible_to)
            allowed: ColumnElement[Any] = (
                or_(ClientRecord.counsellor.in_(names), GroupOfferRecord.counsellor.in_(names)) if names else false()
            )
            query = query.where(allowed)
        items = []
        opened = field_opener(self._s)
        for record, client_id, number, first, last, client_owner, title, offer_owner in self._s.execute(query):
            items.append(
                AppointmentItem(
                    record.id,
                    record.starts_at,
                    record.minutes,
                    record.mode,
                    record.status,
                    client_owner if record.case_id is not None else offer_owner,
                    record.case_id,
                    client_id,
                    number,
                    full_name(opened, client_id, first, last) if first is not None else None,
                    record.group_offer_id,
                    title,
                )
            )
        return items

    def waiting(self, before: date, visible_to: Collection[str] | None = None) -> list[DueItem]:
        """See ``waiting_cases``."""
        return waiting_cases(self._s, before, visible_to)


def waiting_cases(session: Session, before: date, visible_to: Collection[str] | None) -> list[DueItem]:
    """Open case-management cases still in clearing (or without a phase) whose first request,
    or else opening, lies on or before ``before``: the overview's "waiting long" list."""
    since = func.coalesce(CaseRecord.requested_on, CaseRecord.opened_on)
    query = (
        select(CaseRecord.client_id, ClientRecord.client_number, ClientRecord.first_name, ClientRecord.last_name, since)
        .join(ClientRecord, ClientRecord.id == CaseRecord.client_id)
        .where(
            CaseRecord.closed_on.is_(None),
            CaseRecord.case_type == "case_management",
            or_(CaseRecord.phase.is_(None), CaseRecord.phase == "clearing"),
            since <= before,
        )
        .order_by(since)
    )
    if visible_to is not None:
        query = query.where(ClientRecord.counsellor.in_(list(visible_to)))
    opened = field_opener(session)
    return [
        DueItem(client_id, number, full_name(opened, client_id, first, last), waiting_since, "waiting")
        for client_id, number, first, last, waiting_since in session.execute(query)
    ]


def full_name(opened: FieldOpener, client_id: int, first: str, last: str) -> str:
    """A client's "first last", opened where the names are sealed."""
    return f"{opened('clients', 'first_name', client_id, first)} {opened('clients', 'last_name', client_id, last)}"
