"""Import and export of interchange files (DESIGN §6)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from jmd_desk.domain.audit_chain import AuditEntry
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import FieldError, JmdError, ValidationError
from jmd_desk.domain.interchange import ClientBundle, Document, parse_document
from jmd_desk.domain.interchange_export import build_document, dump_document
from jmd_desk.services.files import read_file, write_file
from jmd_desk.services.session import UserSession


@dataclass(frozen=True)
class ImportSummary:
    """What an import added."""

    partners: int
    clients: int
    cases: int
    contacts: int
    group_offers: int = 0
    anonymous_contacts: int = 0


class ClientNumbers(Protocol):
    """Where client numbers are checked and drawn (a local store's repository, the office server)."""

    def number_taken(self, number: str) -> bool:
        """True if a client already has ``number``."""

    def next_number(self, year: int) -> str:
        """The next free number of ``year``."""


def with_numbers(
    numbers: ClientNumbers, document: Document, default_counsellor: str | None, this_year: int
) -> Document:
    """Give every client a number (checked against the store) and a counsellor."""
    errors = []
    given = {b.client.client_number for b in document.clients if b.client.client_number}
    for i, bundle in enumerate(document.clients):
        number = bundle.client.client_number
        if number and numbers.number_taken(number):
            errors.append(FieldError(f"$.clients[{i}].client_number", "client_number_taken", {"value": number}))
    if errors:
        raise ValidationError(errors)
    next_free: dict[int, int] = {}
    clients: list[ClientBundle] = []
    for bundle in document.clients:
        client = bundle.client
        if client.client_number is None:
            first_opened = min((cb.case.opened_on for cb in bundle.cases), default=None)
            year = first_opened.year if first_opened else this_year
            number = _next_number(numbers, year, next_free, given)
            client = replace(client, client_number=number)
        if client.counsellor is None and default_counsellor:
            client = replace(client, counsellor=default_counsellor)
        clients.append(replace(bundle, client=client))
    return replace(document, clients=tuple(clients))


def _next_number(numbers: ClientNumbers, year: int, next_free: dict[int, int], taken: set[str]) -> str:
    if year not in next_free:
        next_free[year] = int(numbers.next_number(year)[5:])
    while True:
        number = f"{year:04d}-{next_free[year]:04d}"
        next_free[year] += 1
        if next_free[year] > 10_000:
            raise JmdError("client_numbers_exhausted", year=year)
        if number not in taken:
            taken.add(number)
            return number


def only_own_clients(document: Document, username: str) -> None:
    """On the office server a person imports only files of her own (the server refuses others;
    an import on behalf of a colleague needs the audited privileged function of §3b)."""
    errors = [
        FieldError(f"$.clients[{i}].counsellor", "server_import_other_counsellor", {"value": b.client.counsellor})
        for i, b in enumerate(document.clients)
        if b.client.counsellor != username
    ]
    if errors:
        raise ValidationError(errors)


def import_data(session: UserSession, data: bytes) -> ImportSummary:
    """Import a whole interchange file, all or nothing (counsellor or admin)."""
    session.require(Role.COUNSELLOR, Role.ADMIN)
    document = parse_document(data, session.clock.today(), office_districts(session))
    return store_document(session, document)


def office_districts(session: UserSession) -> frozenset[str]:
    """The codes of the office's district list (Verwaltung)."""
    with session.uow() as uow:
        return frozenset(uow.districts.codes())


def store_document(session: UserSession, document: Document, counsellor: str | None = None) -> ImportSummary:
    """Write a validated document in one unit of work; clients without a counsellor go to
    ``counsellor``, else to the importing user if she is a counsellor."""
    session.require(Role.COUNSELLOR, Role.ADMIN)
    default_counsellor = counsellor or (session.username if session.user.has(Role.COUNSELLOR) else None)
    with session.uow(write=True) as uow:
        document = with_numbers(uow.clients, document, default_counsellor, session.clock.today().year)
        if session.on_server:
            only_own_clients(document, session.username)
        client_ids = uow.write_document(document, session.clock.now(), default_counsellor)
        now, user = session.clock.now(), session.username
        events = [AuditEntry(now, user, "data_imported")]
        events += [AuditEntry(now, user, "client_imported", "client", cid, cid) for cid in client_ids]
        uow.audit.append_many(events)
    return ImportSummary(
        partners=len(document.partners),
        clients=len(document.clients),
        cases=sum(len(b.cases) for b in document.clients),
        contacts=sum(len(cb.contacts) for b in document.clients for cb in b.cases),
        group_offers=len(document.group_offers),
        anonymous_contacts=len(document.anonymous_contacts),
    )


def import_file(session: UserSession, path: Path) -> ImportSummary:
    """Import the interchange file at ``path``."""
    return import_data(session, read_file(path))


def export_data(session: UserSession) -> bytes:
    """The full interchange document of the store (an admin who is also team lead, DESIGN §3;
    audited; plaintext)."""
    session.require_all(Role.ADMIN, Role.TEAM_LEAD)
    with session.uow(write=True) as uow:
        uow.read_every_file()
        files = uow.clients.files(uow.clients.ids())
        document = build_document(
            uow.partners.list(),
            files,
            districts=uow.districts.list(),
            offers=uow.group_offers.files(uow.group_offers.ids()),
            anonymous=uow.anonymous_contacts.list(),
            contents={d.id: uow.documents.content(d.id) for f in files for d in f.documents},
        )
        session.audit(uow, "data_exported")
    return dump_document(document)


def export_file(session: UserSession, path: Path) -> None:
    """Write the full export to ``path`` (replaced atomically; readable by the owner only)."""
    write_file(path, export_data(session), private=True)
