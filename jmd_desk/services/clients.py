"""Client files: creating, changing, reading and listing clients."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from jmd_desk.domain import client_list, rules
from jmd_desk.domain.audit_chain import AuditFilter
from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import Case, Client, ClientFile
from jmd_desk.domain.errors import AuthError, FieldError, ValidationError
from jmd_desk.domain.fields import check_entity, tidy
from jmd_desk.domain.readmodels import ClientChange, ClientQuery, ClientSummary
from jmd_desk.domain.settings import OfficeSettings
from jmd_desk.reports import access_report
from jmd_desk.reports.access_report import AccessData
from jmd_desk.services.access import require_client, visible_counsellors
from jmd_desk.services.progress import check_district, require_progress_match
from jmd_desk.services.session import UserSession
from jmd_desk.store.uow import UnitOfWork


def _raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def client_problems(client: Client, cases: list[Case], today: date) -> list[FieldError]:
    """Field and cross-field problems of master data, including the age at every intake."""
    errors = check_entity(client, today)
    if errors:
        return errors
    errors += rules.client_errors(client)
    for case in cases:
        for e in rules.intake_errors(client, case):
            if e not in errors:
                errors.append(e)
    return errors


def _check_number(uow: UnitOfWork, number: str | None, client_id: int | None) -> None:
    if number and uow.clients.number_taken(number, except_id=client_id):
        raise ValidationError([FieldError("client_number", "client_number_taken", {"value": number})])


def create_client(session: UserSession, client: Client, first_case: Case) -> int:
    """Register a young person together with the first case (intake). Returns the client id."""
    session.require(Role.COUNSELLOR)
    today = session.clock.today()
    client = tidy(client)
    if client.counsellor is None:
        client = replace(client, counsellor=session.username)
    first_case = tidy(first_case)
    case_errors = check_entity(first_case, today) or rules.case_errors(first_case, client.date_of_birth)
    _raise_if(client_problems(client, [first_case], today) + [e.at("case") for e in case_errors])
    with session.uow(write=True) as uow:
        _check_number(uow, client.client_number, None)
        check_district(uow, client.district)
        if client.client_number is None:
            client = replace(client, client_number=uow.clients.next_number(first_case.opened_on.year))
        client_id = uow.clients.add(client, session.clock.now())
        case_id = uow.cases.add(client_id, first_case)
        session.audit(uow, "client_created", "client", client_id, client_id)
        session.audit(uow, "case_opened", "case", case_id, client_id)
    return client_id


def update_client(session: UserSession, client_id: int, client: Client, *, seen_version: int | None = None) -> None:
    """Change the master data (the client number may change if it stays unique). On the office
    server ``seen_version`` (``ClientFile.version`` as read) refuses a save over a colleague's newer
    one with ``edit_conflict``, naming who saved when; nothing is written then."""
    client = tidy(client)
    today = session.clock.today()
    with session.uow(write=True) as uow:
        require_client(session, uow, client_id, write=True)
        old = uow.clients.get(client_id).value
        if client.client_number is None:
            client = replace(client, client_number=old.client_number)
        if client.counsellor is None and session.on_server:
            # every file on the server has a counsellor; the team lead reassigns files there
            client = replace(client, counsellor=old.counsellor)
        cases = [c.value for c in uow.cases.for_parents([client_id])[client_id]]
        _raise_if(client_problems(client, cases, today))
        _check_number(uow, client.client_number, client_id)
        check_district(uow, client.district)
        require_progress_match(uow, client_id, client)
        if client == old:
            return
        uow.clients.check_version(client_id, seen_version)
        uow.clients.update(client_id, client, session.clock.now(), session.username)
        session.audit(uow, "client_updated", "client", client_id, client_id)


def client_file(session: UserSession, client_id: int, *, opening: bool = True) -> ClientFile:
    """The whole file of one client; opening it is audited (reloads after a change are not)."""
    with session.uow(write=opening) as uow:
        require_client(session, uow, client_id, write=False)
        result = uow.clients.file(client_id)
        if opening:
            session.audit(uow, "client_viewed", "client", client_id, client_id)
    return result


def correction_history(session: UserSession, client_id: int) -> list[ClientChange]:
    """Who changed which master-data field when, with old and new value."""
    with session.uow() as uow:
        require_client(session, uow, client_id, write=False)
        return uow.clients.changes(client_id)


def can_edit(session: UserSession, client_id: int) -> bool:
    """True if the signed-in user may change this client's file."""
    with session.uow() as uow:
        try:
            require_client(session, uow, client_id, write=True)
        except AuthError:
            return False
    return True


def client_rows(session: UserSession) -> list[ClientSummary]:
    """Every row of the client list the signed-in user may see, unordered.

    The client list page reads them once and filters and sorts them in memory per keystroke.
    """
    with session.uow() as uow:
        return uow.clients.summaries(visible_to=visible_counsellors(session, uow))


def list_clients(session: UserSession, query: ClientQuery | None = None) -> list[ClientSummary]:
    """The client list the signed-in user may see, filtered by ``query``, ordered by name."""
    rows = client_list.filter_clients(client_rows(session), query or ClientQuery(), session.clock.today())
    return client_list.by_name(rows)


def access_export(session: UserSession, client_id: int, lang: str = "de") -> tuple[bytes, bytes]:
    """Everything stored about one client (Art. 15 DSGVO) as JSON and PDF; audited."""
    with session.uow(write=True) as uow:
        require_client(session, uow, client_id, write=False)
        file = uow.clients.file(client_id)
        data = AccessData(
            file=file,
            partners=tuple(uow.partners.all()),
            corrections=tuple(uow.clients.changes(client_id)),
            access_log=tuple(uow.audit.find(AuditFilter(client_id=client_id))),
            office=OfficeSettings.from_values(uow.settings.all()).office_name,
            created_on=session.clock.today(),
            document_contents={d.id: uow.documents.content(d.id) for d in file.documents},
        )
        session.audit(uow, "access_exported", "client", client_id, client_id)
    return access_report.json_bytes(data), access_report.pdf_bytes(data, lang)
