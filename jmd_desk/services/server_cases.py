"""Use cases on the office server that are ready so far: a counsellor imports her own files.

The services' checks stand beside the database's own (defence in depth): the server's
row-level security would refuse a client in a colleague's name even if this check were missing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from jmd_desk.domain.audit_chain import AuditFilter
from jmd_desk.domain.clock import Clock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError
from jmd_desk.domain.interchange import Document, parse_document
from jmd_desk.services.accounts import normalise_username
from jmd_desk.services.interchange import ImportSummary, only_own_clients, store_document, with_numbers
from jmd_desk.services.server_admin import open_profile
from jmd_desk.services.session import PasswordResetNotice, UserSession
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.store.server.server_store import ServerStore, StaffFunctions


def import_own_files(
    profile_path: Path, username: str, password: str, data: bytes, *, clock: Clock, policy: KdfPolicy
) -> ImportSummary:
    """A counsellor imports an interchange file for herself, all or nothing, fields sealed."""
    document = parse_document(data, clock.today())
    return import_own_document(profile_path, username, password, document, clock=clock, policy=policy)


def import_own_document(
    profile_path: Path, username: str, password: str, document: Document, *, clock: Clock, policy: KdfPolicy
) -> ImportSummary:
    """Import a validated document (an interchange file, or the rows of a spreadsheet)."""
    store = ServerStore.open(open_profile(profile_path), username, password, policy)
    try:
        user = store.user()
        if user is None or not user.active or not user.has(Role.COUNSELLOR):
            raise AuthError("not_permitted", roles=Role.COUNSELLOR.value)
        document = with_numbers(store, document, username, clock.today().year)
        only_own_clients(document, username)
        store.write_document(document, clock.now(), username)
    finally:
        store.close()
    return ImportSummary(
        partners=len(document.partners),
        clients=len(document.clients),
        cases=sum(len(b.cases) for b in document.clients),
        contacts=sum(len(cb.contacts) for b in document.clients for cb in b.cases),
    )


def import_for_counsellor(
    profile_path: Path, username: str, password: str, data: bytes, counsellor: str, *, clock: Clock, policy: KdfPolicy
) -> ImportSummary:
    """An admin imports an interchange file for the counsellor she names, all or nothing, through
    the server's audited function (clients without a counsellor go to her; others are refused)."""
    document = parse_document(data, clock.today())
    session = sign_in_server(profile_path, username, password, clock=clock, policy=policy)
    try:
        return store_document(session, document, normalise_username(counsellor))
    finally:
        session.close()


def sign_in_server(profile_path: Path, username: str, password: str, *, clock: Clock, policy: KdfPolicy) -> UserSession:
    """Sign in to the office server: the same session and use cases as on a local store."""
    store = ServerStore.open(open_profile(profile_path), normalise_username(username), password, policy)
    try:
        user = store.user()
        if user is None or not user.active:
            raise AuthError("wrong_credentials")
        session = UserSession(store, user, clock, policy)
        with session.uow(write=True) as uow:
            session.audit(uow, "signed_in", "user", uow.users.id_of(user.username))
        session.password_resets = _password_resets(session)
    except BaseException:
        store.close()
        raise
    return session


def _password_resets(session: UserSession) -> tuple[PasswordResetNotice, ...]:
    """An admin's resets of this person's password since her last sign-in (taken: told once),
    each with the number of files opened with her account since."""
    assert isinstance(session.store, ServerStore)
    resets = StaffFunctions(session.store).take_password_resets()
    if not resets:
        return ()
    with session.uow() as uow:
        earliest = min(at for _, at in resets)
        views = uow.audit.find(AuditFilter(user=session.username, action="client_viewed", date_from=earliest.date()))
    return tuple(
        PasswordResetNotice(by, at, len({e.client_id for e in views if _not_before(e.at, at)})) for by, at in resets
    )


def _not_before(moment: datetime, reset_at: datetime) -> bool:
    if moment.tzinfo is None:  # a naive audit time is UTC
        moment = moment.replace(tzinfo=UTC)
    return moment >= reset_at
