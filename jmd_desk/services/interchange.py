"""Import and export of interchange files (DESIGN §6)."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from jmd_desk.domain.audit_chain import AuditEntry
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import FieldError, JmdError, ValidationError
from jmd_desk.domain.interchange import ClientBundle, Document, DocumentReader
from jmd_desk.domain.interchange_export import build_document, dump_document
from jmd_desk.services import json_stream
from jmd_desk.services.files import write_file
from jmd_desk.services.json_stream import Header, JsonSource
from jmd_desk.services.session import UserSession
from jmd_desk.store.uow import UnitOfWork

log = logging.getLogger("jmd_desk.services.interchange")  # codes and ids only, never names or notes


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


def only_own_clients(document: Document, username: str, *, on_behalf: bool = False) -> None:
    """On the office server a person imports only files of her own, or (``on_behalf``) only files
    of the one counsellor she names; the server refuses others either way (§3b)."""
    code = "import_for_other_counsellor" if on_behalf else "server_import_other_counsellor"
    errors = [
        FieldError(f"$.clients[{i}].counsellor", code, {"value": b.client.counsellor, "counsellor": username})
        for i, b in enumerate(document.clients)
        if b.client.counsellor != username
    ]
    if errors:
        raise ValidationError(errors)


def import_data(session: UserSession, data: bytes) -> ImportSummary:
    """Import a whole interchange file, all or nothing (counsellor or admin)."""
    return import_source(session, JsonSource(data=data))


def import_file(session: UserSession, path: Path, counsellor: str | None = None) -> ImportSummary:
    """Import the interchange file at ``path``, read as a stream; clients without a counsellor
    go to ``counsellor`` (else to the importing user if she is a counsellor)."""
    return import_source(session, JsonSource(path=path), counsellor)


def import_source(session: UserSession, source: JsonSource, counsellor: str | None = None) -> ImportSummary:
    """Import an interchange file, all or nothing, with memory bounded whatever its size.

    The file is read twice as a stream: first all but the clients, then each client, which is
    validated and written a batch at a time in the one transaction. The first problem stops the
    writing (validation goes on, to report every problem); any problem rolls everything back.
    """
    session.require(Role.COUNSELLOR, Role.ADMIN)
    header = json_stream.read_header(source)
    reader = DocumentReader(session.clock.today(), office_districts(session))
    reader.begin(header.raw)
    default_counsellor = counsellor or (session.username if session.user.has(Role.COUNSELLOR) else None)
    with session.uow(write=True) as uow:
        writer = _StreamWriter(uow, session, header, default_counsellor)
        writer.begin(reader)
        for index, item in enumerate(json_stream.clients(source, header)):
            writer.add(index, reader.client_at(index, item), reader)
        offers, anonymous = reader.finish(header.raw)
        writer.flush()
        if writer.taken:
            raise ValidationError(writer.taken)
        uow.write_offers(
            Document(group_offers=tuple(offers), anonymous_contacts=tuple(anonymous)),
            writer.partner_ids,
            writer.client_ids,
            default_counsellor,
        )
    return replace(
        writer.summary, partners=len(reader.valid_partners), group_offers=len(offers), anonymous_contacts=len(anonymous)
    )


class _StreamWriter:
    """Writes validated clients a batch at a time, numbered as ``with_numbers`` numbers them."""

    BATCH = 200  # clients held at once; bounds the memory of a large import

    def __init__(self, uow: UnitOfWork, session: UserSession, header: Header, counsellor: str | None) -> None:
        self.uow, self.header, self.counsellor = uow, header, counsellor
        self.now, self.user, self.this_year = session.clock.now(), session.username, session.clock.today().year
        self.batch: list[ClientBundle] = []
        self.partner_ids: list[int] = []
        self.client_ids: list[int] = []
        self.taken: list[FieldError] = []
        self.next_free: dict[int, int] = {}
        self.summary = ImportSummary(partners=0, clients=0, cases=0, contacts=0)

    def begin(self, reader: DocumentReader) -> None:
        """Districts, partners and the import's audit event; the next numbers of every year
        the file needs numbers for, read before its own clients are stored."""
        if reader.failed:
            return
        partners = Document(partners=tuple(reader.valid_partners), districts=tuple(reader.file_districts))
        self.partner_ids = self.uow.write_partners(partners)
        self.uow.audit.append_many([AuditEntry(self.now, self.user, "data_imported")])
        for year in {y or self.this_year for y in self.header.years_to_number}:
            with contextlib.suppress(JmdError):  # a full year fails only if a client needs it
                self.next_free[year] = int(self.uow.clients.next_number(year)[5:])

    def add(self, index: int, bundle: ClientBundle | None, reader: DocumentReader) -> None:
        """Take the client at ``index`` (None: invalid, nothing more is written)."""
        if bundle is not None:
            number = bundle.client.client_number
            if number and self.uow.clients.number_taken(number):
                path = f"$.clients[{index}].client_number"
                self.taken.append(FieldError(path, "client_number_taken", {"value": number}))
            cases = bundle.cases
            self.summary = replace(
                self.summary,
                clients=self.summary.clients + 1,
                cases=self.summary.cases + len(cases),
                contacts=self.summary.contacts + sum(len(cb.contacts) for cb in cases),
            )
        if bundle is None or reader.failed or self.taken:
            self.batch.clear()  # the import will fail: nothing more to write
            return
        self.batch.append(self._numbered(bundle))
        if len(self.batch) >= self.BATCH:
            self.flush()

    def _numbered(self, bundle: ClientBundle) -> ClientBundle:
        client = bundle.client
        if client.client_number is None:
            first_opened = min((cb.case.opened_on for cb in bundle.cases), default=None)
            year = first_opened.year if first_opened else self.this_year
            number = _next_number(self.uow.clients, year, self.next_free, self.header.given_numbers)
            client = replace(client, client_number=number)
        if client.counsellor is None and self.counsellor:
            client = replace(client, counsellor=self.counsellor)
        return replace(bundle, client=client)

    def flush(self) -> None:
        """Write the held clients and their audit events."""
        if not self.batch:
            return
        ids = self.uow.write_clients(self.batch, self.partner_ids, self.now)
        self.uow.audit.append_many([AuditEntry(self.now, self.user, "client_imported", "client", i, i) for i in ids])
        self.client_ids += ids
        self.batch = []


def office_districts(session: UserSession) -> frozenset[str]:
    """The codes of the office's district list (Verwaltung)."""
    with session.uow() as uow:
        return frozenset(uow.districts.codes())


def store_document(session: UserSession, document: Document, counsellor: str | None = None) -> ImportSummary:
    """Write a validated document in one unit of work; clients without a counsellor go to
    ``counsellor``, else to the importing user if she is a counsellor."""
    on_behalf = session.on_server and counsellor is not None and counsellor != session.username
    session.require(Role.ADMIN) if on_behalf else session.require(Role.COUNSELLOR, Role.ADMIN)
    default_counsellor = counsellor or (session.username if session.user.has(Role.COUNSELLOR) else None)
    with session.uow(write=True) as uow:
        document = with_numbers(uow.clients, document, default_counsellor, session.clock.today().year)
        if session.on_server:
            only_own_clients(document, default_counsellor or session.username, on_behalf=on_behalf)
        if on_behalf:  # the audited function that lets this transaction write her files only
            uow.narrow().open_import_for(str(counsellor))
        client_ids = uow.write_document(document, session.clock.now(), default_counsellor)
        now, user = session.clock.now(), session.username
        events = [AuditEntry(now, user, "data_imported")]
        events += [AuditEntry(now, user, "client_imported", "client", cid, cid) for cid in client_ids]
        uow.audit.append_many(events)
    log.info("imported %d clients, %d group offers", len(client_ids), len(document.group_offers))
    return ImportSummary(
        partners=len(document.partners),
        clients=len(document.clients),
        cases=sum(len(b.cases) for b in document.clients),
        contacts=sum(len(cb.contacts) for b in document.clients for cb in b.cases),
        group_offers=len(document.group_offers),
        anonymous_contacts=len(document.anonymous_contacts),
    )


def export_data(session: UserSession) -> bytes:
    """The full interchange document of the store (an admin who is also team lead, DESIGN §3;
    audited; plaintext)."""
    session.require_all(Role.ADMIN, Role.TEAM_LEAD)
    with session.uow(write=True) as uow:
        uow.read_every_file()
        files = uow.clients.files(uow.clients.ids())
        document = build_document(
            uow.partners.all(),
            files,
            districts=uow.districts.all(),
            offers=uow.group_offers.files(uow.group_offers.ids()),
            anonymous=uow.anonymous_contacts.all(),
            contents={d.id: uow.documents.content(d.id) for f in files for d in f.documents},
        )
        session.audit(uow, "data_exported")
    log.info("exported %d clients", len(files))
    return dump_document(document)


def export_file(session: UserSession, path: Path) -> None:
    """Write the full export to ``path`` (replaced atomically; readable by the owner only)."""
    write_file(path, export_data(session), private=True)
