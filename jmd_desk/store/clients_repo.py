"""Clients: master data, numbering, the client list and whole files."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, func, or_, select
from sqlalchemy.orm import Session

from jmd_desk.domain import rules
from jmd_desk.domain.entities import CaseFile, Client, ClientFile, Saved
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.readmodels import ClientChange, ClientQuery, ClientSummary
from jmd_desk.domain.text import fold, search_key
from jmd_desk.store.mapping import from_row, to_row
from jmd_desk.store.records_repo import (
    CaseRepository,
    GoalRepository,
    consent_repository,
    contact_repository,
    follow_up_repository,
    referral_repository,
)
from jmd_desk.store.schema import CaseRecord, ClientChangeRecord, ClientRecord, ContactRecord

_AGE_BOUNDS = {"12-14": (12, 14), "15-17": (15, 17), "18-20": (18, 20), "21-24": (21, 24), "25-27": (25, 27)}


def _text(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def client_search_key(client: Client) -> str:
    """What the name search looks in: names and client number, folded."""
    return search_key(client.first_name, client.last_name, client.client_number)


def born_between(age_low: int, age_high: int, on: date) -> tuple[date, date]:
    """Birth dates of people aged ``age_low``..``age_high`` on ``on`` (inclusive bounds)."""
    latest = rules.add_months(on, -12 * age_low)
    earliest = rules.add_months(on, -12 * (age_high + 1)) + (date(2000, 1, 2) - date(2000, 1, 1))
    return earliest, latest


class ClientRepository:
    """Reads and writes ``clients``; assembles whole files."""

    def __init__(self, session: Session) -> None:
        self._s = session

    # -------------------------------------------------------------- writing
    def next_number(self, year: int) -> str:
        """The next free client number of ``year`` (``YYYY-NNNN``)."""
        prefix = f"{year:04d}-"
        last = self._s.scalar(
            select(func.max(ClientRecord.client_number)).where(ClientRecord.client_number.like(prefix + "%"))
        )
        number = int(last[5:]) + 1 if last else 1
        if number > 9999:
            raise JmdError("client_numbers_exhausted", year=year)
        return f"{prefix}{number:04d}"

    def number_taken(self, number: str, except_id: int | None = None) -> bool:
        """True if another client has this number."""
        query = select(ClientRecord.id).where(ClientRecord.client_number == number)
        if except_id is not None:
            query = query.where(ClientRecord.id != except_id)
        return self._s.scalar(query) is not None

    def add(self, client: Client, now: datetime) -> int:
        """Insert; the client must already carry its number."""
        assert client.client_number
        record = ClientRecord(**to_row(client), search_key=client_search_key(client), created_at=now, updated_at=now)
        self._s.add(record)
        self._s.flush()
        return record.id

    def update(self, client_id: int, client: Client, now: datetime, user: str) -> None:
        """Replace the master data; every changed field goes into the correction history."""
        record = self._get(client_id)
        for name, value in to_row(client).items():
            old = getattr(record, name)
            if old != value:
                self._s.add(
                    ClientChangeRecord(
                        client_id=client_id,
                        changed_at=now,
                        user=user,
                        field=name,
                        old_value=_text(old),
                        new_value=_text(value),
                    )
                )
            setattr(record, name, value)
        record.search_key = client_search_key(client)
        record.updated_at = now

    def changes(self, client_id: int) -> list[ClientChange]:
        """The correction history of one client, oldest first."""
        query = (
            select(ClientChangeRecord).where(ClientChangeRecord.client_id == client_id).order_by(ClientChangeRecord.id)
        )
        return [ClientChange(r.changed_at, r.user, r.field, r.old_value, r.new_value) for r in self._s.scalars(query)]

    def set_legal_hold(self, client_id: int, held: bool) -> None:
        """Protect the file from deletion runs (or lift the protection)."""
        self._get(client_id).legal_hold = held

    # -------------------------------------------------------------- reading
    def _get(self, client_id: int) -> ClientRecord:
        record = self._s.get(ClientRecord, client_id)
        if record is None:
            raise JmdError("not_found", kind="client", id=client_id)
        return record

    def get(self, client_id: int) -> Saved[Client]:
        """Master data of one client."""
        return Saved(client_id, from_row(Client, self._get(client_id)))

    def counsellor_of(self, client_id: int) -> str | None:
        """User name of the responsible counsellor."""
        return self._get(client_id).counsellor

    def legal_hold(self, client_id: int) -> bool:
        """True if the file is protected from deletion."""
        return self._get(client_id).legal_hold

    def ids(self) -> list[int]:
        """All client ids by client number."""
        return list(self._s.scalars(select(ClientRecord.id).order_by(ClientRecord.client_number)))

    def count(self) -> int:
        """Number of clients."""
        return int(self._s.scalar(select(func.count(ClientRecord.id))) or 0)

    def file(self, client_id: int) -> ClientFile:
        """The whole file of one client."""
        return self.files([client_id])[0]

    def files(self, client_ids: list[int]) -> list[ClientFile]:
        """Whole files of several clients, in the given order."""
        records = {r.id: r for r in self._s.scalars(select(ClientRecord).where(ClientRecord.id.in_(client_ids)))}
        missing = [i for i in client_ids if i not in records]
        if missing:
            raise JmdError("not_found", kind="client", id=missing[0])
        cases = CaseRepository(self._s).for_parents(client_ids)
        consents = consent_repository(self._s).for_parents(client_ids)
        case_ids = [c.id for lst in cases.values() for c in lst]
        goals = GoalRepository(self._s).for_parents(case_ids)
        contacts = contact_repository(self._s).for_parents(case_ids)
        referrals = referral_repository(self._s).for_parents(case_ids)
        follow_ups = follow_up_repository(self._s).for_parents(case_ids)
        result = []
        for cid in client_ids:
            case_files = tuple(
                CaseFile(
                    c.id,
                    c.value,
                    tuple(goals.get(c.id, ())),
                    tuple(contacts.get(c.id, ())),
                    tuple(referrals.get(c.id, ())),
                    tuple(follow_ups.get(c.id, ())),
                )
                for c in cases.get(cid, ())
            )
            result.append(ClientFile(cid, from_row(Client, records[cid]), tuple(consents.get(cid, ())), case_files))
        return result

    def summaries(
        self,
        query: ClientQuery,
        today: date,
        *,
        visible_to: Collection[str] | None = None,
        include_unassigned: bool = True,
    ) -> list[ClientSummary]:
        """Rows of the client list matching ``query``.

        ``visible_to`` limits the list to clients of these counsellors (None: everyone), plus
        clients without a counsellor if ``include_unassigned``.
        """
        open_case = (
            select(CaseRecord.case_type)
            .where(CaseRecord.client_id == ClientRecord.id, CaseRecord.closed_on.is_(None))
            .order_by(CaseRecord.opened_on.desc(), CaseRecord.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        last_opened = (
            select(func.max(CaseRecord.opened_on)).where(CaseRecord.client_id == ClientRecord.id).scalar_subquery()
        )
        last_contact = (
            select(func.max(ContactRecord.date))
            .join(CaseRecord, CaseRecord.id == ContactRecord.case_id)
            .where(CaseRecord.client_id == ClientRecord.id)
            .scalar_subquery()
        )
        stmt = select(
            ClientRecord.id,
            ClientRecord.client_number,
            ClientRecord.first_name,
            ClientRecord.last_name,
            ClientRecord.date_of_birth,
            ClientRecord.gender,
            ClientRecord.counsellor,
            open_case.label("open_case_type"),
            last_opened.label("last_opened_on"),
            last_contact.label("last_contact_on"),
        ).order_by(ClientRecord.last_name, ClientRecord.first_name, ClientRecord.id)
        for condition in self._conditions(query, today, visible_to, include_unassigned):
            stmt = stmt.where(condition)
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        return [ClientSummary(**row._asdict()) for row in self._s.execute(stmt)]

    @staticmethod
    def _conditions(
        query: ClientQuery, today: date, visible_to: Collection[str] | None, include_unassigned: bool
    ) -> list[ColumnElement[Any]]:
        conditions: list[ColumnElement[Any]] = []
        if visible_to is not None:
            allowed: ColumnElement[Any] = ClientRecord.counsellor.in_(list(visible_to)) if visible_to else false()
            if include_unassigned:
                allowed = or_(allowed, ClientRecord.counsellor.is_(None))
            conditions.append(allowed)
        for word in fold(query.text).split():
            conditions.append(ClientRecord.search_key.contains(word, autoescape=True))
        if query.counsellor is not None:
            conditions.append(ClientRecord.counsellor == query.counsellor)
        has_open = exists().where(CaseRecord.client_id == ClientRecord.id, CaseRecord.closed_on.is_(None))
        if query.status == "open":
            conditions.append(has_open)
        elif query.status == "closed":
            conditions.append(~has_open)
        if query.case_type is not None:
            conditions.append(
                exists().where(CaseRecord.client_id == ClientRecord.id, CaseRecord.case_type == query.case_type)
            )
        if query.age_group is not None:
            if query.age_group in _AGE_BOUNDS:
                earliest, latest = born_between(*_AGE_BOUNDS[query.age_group], today)
                conditions.append(and_(ClientRecord.date_of_birth >= earliest, ClientRecord.date_of_birth <= latest))
            else:
                earliest, latest = born_between(12, 27, today)
                conditions.append(or_(ClientRecord.date_of_birth < earliest, ClientRecord.date_of_birth > latest))
        return conditions
