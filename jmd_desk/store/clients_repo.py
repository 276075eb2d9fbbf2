"""Clients: master data, numbering, the client list and whole files."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, String, cast, false, func, or_, select, text, type_coerce
from sqlalchemy.orm import Session

from jmd_desk.domain.entities import CaseFile, Client, ClientFile, Saved
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.readmodels import ClientChange, ClientSummary
from jmd_desk.domain.text import search_key
from jmd_desk.store.additions_repo import DocumentRepository
from jmd_desk.store.groups_repo import GroupOfferRepository
from jmd_desk.store.mapping import from_row, to_row, update_row
from jmd_desk.store.records_repo import (
    CaseRepository,
    GoalRepository,
    case_appointment_repository,
    consent_repository,
    contact_repository,
    follow_up_repository,
    progress_repository,
    referral_repository,
)
from jmd_desk.store.row_versions import check_version, versions_of
from jmd_desk.store.schema import CaseRecord, ClientChangeRecord, ClientRecord, ContactRecord
from jmd_desk.store.server.fields import FieldCipher, field_cipher


@dataclass(slots=True)
class _ClientCases:
    """The client list's view of one client's cases; dates as ISO text (they sort as dates)."""

    open_type: str | None = None  # of the most recently opened open case
    open_key: tuple[str, int] = ("", 0)
    types: set[str] = field(default_factory=set)
    last_contact: str | None = None

    def add(self, case_id: int, case_type: str, opened: str, is_open: bool, last_contact: str | None) -> None:
        self.types.add(case_type)
        if is_open and (opened, case_id) > self.open_key:
            self.open_type, self.open_key = case_type, (opened, case_id)
        if last_contact is not None and (self.last_contact is None or last_contact > self.last_contact):
            self.last_contact = last_contact


def _text(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


NUMBER_LOCK = 0x4A4D444E  # "JMDN": the office server's advisory lock for new client numbers


def _iso(session: Session, column: Any) -> Any:
    """A date column as ISO text: SQLite stores it so (no per-value conversion), PostgreSQL casts."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(column, String)
    return type_coerce(column, String)


def _opened_summary_row(cipher: FieldCipher, row: Any) -> tuple[Any, ...]:
    """A list row with its names opened; the search key is derived from them again, as it was
    made, which costs less than opening the sealed copy."""
    cid, number, first, last, born, gender, counsellor, _sealed_key = row
    first = cipher.open("clients", "first_name", cid, first)
    last = cipher.open("clients", "last_name", cid, last)
    return (cid, number, first, last, born, gender, counsellor, search_key(first, last, number))


def client_search_key(client: Client) -> str:
    """What the name search looks in: names and client number, folded."""
    return search_key(client.first_name, client.last_name, client.client_number)


def _merged_cases(rows: Iterable[Any]) -> dict[int, _ClientCases]:
    """Rows (case id, client id, type, opened, is open, last contact) merged per client."""
    result: dict[int, _ClientCases] = {}
    for case_id, client_id, case_type, opened, is_open, last_contact in rows:
        facts = result.get(client_id)
        if facts is None:
            facts = result[client_id] = _ClientCases()
        facts.add(case_id, case_type, opened, bool(is_open), last_contact)
    return result


class ClientRepository:
    """Reads and writes ``clients``; assembles whole files."""

    def __init__(self, session: Session) -> None:
        self._s = session

    # -------------------------------------------------------------- writing
    def next_number(self, year: int) -> str:
        """The next free client number of ``year`` (``YYYY-NNNN``)."""
        prefix = f"{year:04d}-"
        if self._on_server():
            # Numbers are unique in the whole office, but a counsellor sees only her own files:
            # the server's narrow function answers, and creators take their numbers one at a time.
            self._s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": NUMBER_LOCK})
            last = self._s.scalar(text("SELECT jmd_last_client_number(:y)"), {"y": year})
        else:
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
        if self._on_server():
            if (
                except_id is not None
                and self._s.scalar(select(ClientRecord.client_number).where(ClientRecord.id == except_id)) == number
            ):
                return False  # her own number (unique, so nobody else has it)
            return bool(self._s.scalar(text("SELECT jmd_client_number_taken(:n)"), {"n": number}))
        return self._s.scalar(query) is not None

    def _on_server(self) -> bool:
        return self._s.get_bind().dialect.name == "postgresql"

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
        for name, value in update_row(client).items():
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

    def set_progress_field(self, client_id: int, field_name: str, value: str | None, now: datetime) -> None:
        """Set a field to its latest progress: real progress, so no correction is recorded."""
        record = self._get(client_id)
        setattr(record, field_name, value)
        record.updated_at = now

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

    def _column(self, column: Any, client_id: int) -> Any:
        # one column, not the whole row: on the office server no sealed field needs opening
        row = self._s.execute(select(column).where(ClientRecord.id == client_id)).one_or_none()
        if row is None:
            raise JmdError("not_found", kind="client", id=client_id)
        return row[0]

    def counsellor_of(self, client_id: int) -> str | None:
        """User name of the responsible counsellor."""
        counsellor: str | None = self._column(ClientRecord.counsellor, client_id)
        return counsellor

    def legal_hold(self, client_id: int) -> bool:
        """True if the file is protected from deletion."""
        return bool(self._column(ClientRecord.legal_hold, client_id))

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
        appointments = case_appointment_repository(self._s).for_parents(case_ids)
        progress = progress_repository(self._s).for_parents(client_ids)
        documents = DocumentRepository(self._s).for_parents(client_ids)
        offers = GroupOfferRepository(self._s).of_clients(client_ids)
        versions = versions_of(self._s, "clients", client_ids)
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
                    tuple(appointments.get(c.id, ())),
                    c.version,
                )
                for c in cases.get(cid, ())
            )
            result.append(
                ClientFile(
                    cid,
                    from_row(Client, records[cid]),
                    tuple(consents.get(cid, ())),
                    case_files,
                    tuple(progress.get(cid, ())),
                    tuple(documents.get(cid, ())),
                    tuple(offers.get(cid, ())),
                    versions.get(cid),
                )
            )
        return result

    def check_version(self, client_id: int, seen: int | None) -> None:
        """Refuse a save over a newer one (office server; see ``row_versions``)."""
        check_version(self._s, "clients", client_id, seen)

    def summaries(
        self, *, visible_to: Collection[str] | None = None, include_unassigned: bool = True
    ) -> list[ClientSummary]:
        """All rows of the client list, unordered.

        ``visible_to`` limits the list to clients of these counsellors (None: everyone), plus
        clients without a counsellor if ``include_unassigned``. Three narrow queries (clients,
        their cases, the last contact per case from an index) are merged here, which is far
        cheaper on an encrypted store than one query with correlated subqueries per row. Dates
        come as ISO text and are parsed here: SQLAlchemy's per-value date processing would cost
        more than the queries themselves.
        """
        stmt = select(
            ClientRecord.id,
            ClientRecord.client_number,
            ClientRecord.first_name,
            ClientRecord.last_name,
            _iso(self._s, ClientRecord.date_of_birth),
            ClientRecord.gender,
            ClientRecord.counsellor,
            ClientRecord.search_key,
        )
        if visible_to is not None:
            allowed: ColumnElement[Any] = ClientRecord.counsellor.in_(list(visible_to)) if visible_to else false()
            if include_unassigned:
                allowed = or_(allowed, ClientRecord.counsellor.is_(None))
            stmt = stmt.where(allowed)
        rows: Sequence[Any] = self._s.connection().execute(stmt).all()
        cipher = field_cipher(self._s)
        if cipher is not None:  # office server: names and search keys are opened here
            rows = [_opened_summary_row(cipher, row) for row in rows]
        cases = self._cases_of([r[0] for r in rows])
        parse = date.fromisoformat
        none = _ClientCases()
        return [
            ClientSummary(
                client_id,
                number,
                first,
                last,
                parse(born),
                gender,
                counsellor,
                (own := cases.get(client_id, none)).open_type,
                tuple(sorted(own.types)),
                parse(own.last_contact) if own.last_contact else None,
                key,
            )
            for client_id, number, first, last, born, gender, counsellor, key in rows
        ]

    def _cases_of(self, client_ids: list[int]) -> dict[int, _ClientCases]:
        """What the list shows of the cases of these clients, in one pass over cases."""
        case_query = select(
            CaseRecord.id,
            CaseRecord.client_id,
            CaseRecord.case_type,
            _iso(self._s, CaseRecord.opened_on),
            CaseRecord.closed_on.is_(None),
        )
        few = len(client_ids) <= 500  # a few clients: look them up instead of scanning everything
        if few:
            case_query = case_query.where(CaseRecord.client_id.in_(client_ids))
        connection = self._s.connection()  # Core, not ORM: plain rows are all we need
        if connection.dialect.name == "postgresql":
            return _merged_cases(connection.execute(case_query.add_columns(self._last_contact())))
        contact_query = select(ContactRecord.case_id, _iso(self._s, func.max(ContactRecord.date))).group_by(
            ContactRecord.case_id
        )
        if few:
            contact_query = contact_query.join(CaseRecord, CaseRecord.id == ContactRecord.case_id).where(
                CaseRecord.client_id.in_(client_ids)
            )
        last_contact: dict[int, str] = dict(connection.execute(contact_query).all())
        return _merged_cases((*row, last_contact.get(row[0])) for row in connection.execute(case_query))

    def _last_contact(self) -> Any:
        """The office server: a case's last contact from the index, one probe per visible case.
        Grouping all contacts instead reads every contact of the office, as row-level security
        hides the others only row by row (18 ms against 57 ms for a counsellor's 1,300 cases)."""
        last = select(func.max(ContactRecord.date)).where(ContactRecord.case_id == CaseRecord.id)
        return _iso(self._s, last.scalar_subquery())
