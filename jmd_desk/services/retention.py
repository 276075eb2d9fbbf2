"""Retention and deletion: files due after the office's retention period, legal holds, and
deletion runs that need two different people (an admin and a team lead).

Erasure on request (Art. 17 DSGVO) takes the same path with the reason ``request``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

from jmd_desk.domain import codes
from jmd_desk.domain.audit_chain import AuditEntry, AuditFilter
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, JmdError
from jmd_desk.domain.retention import (
    DEFAULT_YEARS,
    PASSWORD_ACTIONS,
    REASON_REQUEST,
    REASON_RETENTION,
    TIME_LOCK_DAYS,
    DeletionRun,
    DueFile,
    PasswordHistory,
    independent,
)
from jmd_desk.domain.settings import OfficeSettings
from jmd_desk.services import server_retention
from jmd_desk.services import settings as office
from jmd_desk.services.access import require_client
from jmd_desk.services.capabilities import oversees_files
from jmd_desk.services.session import UserSession
from jmd_desk.store.server.server_store import ServerStore
from jmd_desk.store.store import Store
from jmd_desk.store.uow import UnitOfWork

log = logging.getLogger("jmd_desk.services.retention")  # codes and ids only, never names or notes


def _due(uow: UnitOfWork, session: UserSession, settings: OfficeSettings) -> list[DueFile]:
    return uow.retention.due(session.clock.today(), settings.retention_years, DEFAULT_YEARS)


def due_files(session: UserSession) -> list[DueFile]:
    """Files past retention and not on legal hold (admin and team lead; numbers, no names)."""
    session.require(Role.ADMIN, Role.TEAM_LEAD)
    if isinstance(session.store, ServerStore):  # the files are read through the server's function
        return server_retention.due_on(session.store, session.clock)
    settings = office.office_settings(session)
    with session.uow() as uow:
        return _due(uow, session, settings)


def set_legal_hold(session: UserSession, client_id: int, held: bool) -> None:
    """Protect a file from deletion (or lift the protection): team lead, admin, or its counsellor."""
    with session.uow(write=True) as uow:
        if session.on_server and oversees_files(session):  # she reads no case row: the audited function
            uow.narrow().set_legal_hold(client_id, held)
            session.audit(uow, "legal_hold_changed", "client", client_id, client_id)
            return
        if not oversees_files(session):
            require_client(session, uow, client_id, write=True)
        uow.clients.get(client_id)
        uow.clients.set_legal_hold(client_id, held)
        session.audit(uow, "legal_hold_changed", "client", client_id, client_id)


def legal_hold(session: UserSession, client_id: int) -> bool:
    """True if the file is on legal hold."""
    with session.uow() as uow:
        if session.on_server and oversees_files(session):
            return uow.narrow().legal_hold(client_id)
        return uow.clients.legal_hold(client_id)


def propose_deletion(session: UserSession, client_ids: Sequence[int], reason: str = REASON_RETENTION) -> int:
    """Propose deleting files; nothing is deleted until a second person confirms."""
    session.require(Role.ADMIN, Role.TEAM_LEAD)
    if isinstance(session.store, ServerStore):
        return server_retention.propose_on(session.store, client_ids, reason, session.clock)
    if reason not in (REASON_RETENTION, REASON_REQUEST):
        raise JmdError("bad_format", value=reason)
    if not client_ids:
        raise JmdError("deletion_nothing_selected")
    settings = office.office_settings(session)
    with session.uow(write=True) as uow:
        _check_deletable(uow, session, settings, reason, client_ids)
        run_id = uow.retention.add_run(reason, client_ids, session.username, session.clock.now())
        session.audit(uow, "deletion_proposed", "deletion_run", run_id)
    return run_id


def _check_deletable(
    uow: UnitOfWork, session: UserSession, settings: OfficeSettings, reason: str, client_ids: Sequence[int]
) -> None:
    due = {f.client_id for f in _due(uow, session, settings)}
    for client_id in client_ids:
        if uow.clients.legal_hold(client_id):
            raise JmdError("deletion_legal_hold", client_number=uow.clients.get(client_id).value.client_number)
        if reason == REASON_RETENTION and client_id not in due:
            raise JmdError("deletion_not_due", client_number=uow.clients.get(client_id).value.client_number)


def _second_person_may_confirm(uow: UnitOfWork, run: DeletionRun, session: UserSession) -> None:
    """Two independent people (an admin and a team lead), or, in an office whose only admin and
    team lead is one person, the same person after the time lock."""
    if session.username == run.proposed_by:
        _time_lock_passed(uow, run, session)
        return
    proposer = uow.users.get(run.proposed_by)
    proposer_roles = proposer.roles if proposer else frozenset()
    me = session.user.roles
    pairs = (Role.ADMIN in proposer_roles and Role.TEAM_LEAD in me) or (
        Role.TEAM_LEAD in proposer_roles and Role.ADMIN in me
    )
    if not pairs:
        raise AuthError("deletion_needs_admin_and_team_lead")
    if not independent(_history(uow, run.proposed_by), _history(uow, session.username)):
        raise AuthError("deletion_not_independent")


def _history(uow: UnitOfWork, username: str) -> PasswordHistory:
    user_id = uow.users.id_of(username)
    events = uow.audit.find(AuditFilter(entity_kind="user", entity_ids=(user_id,) if user_id else ()))
    wanted = [(e.action, e.user) for e in reversed(events) if e.action in PASSWORD_ACTIONS]
    return PasswordHistory(username, tuple(wanted))


def _time_lock_passed(uow: UnitOfWork, run: DeletionRun, session: UserSession) -> None:
    others = [
        u
        for u in uow.users.all()
        if u.active and u.username != session.username and (u.has(Role.ADMIN) or u.has(Role.TEAM_LEAD))
    ]
    if others or not (session.user.has(Role.ADMIN) and session.user.has(Role.TEAM_LEAD)):
        raise AuthError("deletion_needs_second_person")
    ready = run.proposed_at + timedelta(days=TIME_LOCK_DAYS)
    if session.clock.now().replace(tzinfo=None) < ready.replace(tzinfo=None):
        raise AuthError("deletion_time_lock", date=ready.date().isoformat())


def confirm_deletion(session: UserSession, run_id: int) -> list[int]:
    """A second person (admin for a team lead's proposal, or the other way round) confirms:
    the files are deleted for good and only audit entries without personal data remain."""
    session.require(Role.ADMIN, Role.TEAM_LEAD)
    if isinstance(session.store, ServerStore):  # deleted by the server's audited function; erasure list written
        return server_retention.confirm_on(session.store, session.user, run_id, session.clock)[0]
    settings = office.office_settings(session)
    with session.uow(write=True) as uow:
        run = uow.retention.run(run_id)
        if run.status != "proposed":
            raise JmdError("deletion_already_decided")
        _second_person_may_confirm(uow, run, session)
        existing = [cid for cid in run.client_ids if _exists(uow, cid)]
        _check_deletable(uow, session, settings, run.reason, existing)
        uow.retention.delete_clients(existing, run_id, session.clock.now())
        uow.retention.decide(run_id, "done", session.username, session.clock.now())
        now, user = session.clock.now(), session.username
        uow.audit.append_many(
            [AuditEntry(now, user, "deletion_confirmed", "deletion_run", run_id)]
            + [AuditEntry(now, user, "client_deleted", "client", cid, cid) for cid in existing]
        )
    if isinstance(session.store, Store):  # a local store overwrites the freed pages
        session.store.wipe_deleted()
    log.info("deletion run %d done: %d files deleted", run_id, len(existing))
    return existing


def _exists(uow: UnitOfWork, client_id: int) -> bool:
    try:
        uow.clients.get(client_id)
    except JmdError:
        return False
    return True


def cancel_deletion(session: UserSession, run_id: int) -> None:
    """Drop a proposal (either role)."""
    session.require(Role.ADMIN, Role.TEAM_LEAD)
    with session.uow(write=True) as uow:
        if uow.retention.run(run_id).status != "proposed":
            raise JmdError("deletion_already_decided")
        uow.retention.decide(run_id, "cancelled", session.username, session.clock.now())
        session.audit(uow, "deletion_cancelled", "deletion_run", run_id)


def deletion_runs(session: UserSession) -> list[DeletionRun]:
    """All runs, newest first."""
    session.require(Role.ADMIN, Role.TEAM_LEAD)
    with session.uow() as uow:
        return uow.retention.runs()


def retention_years(session: UserSession) -> dict[str, int]:
    """Years after closure per case type."""
    years = office.office_settings(session).retention_years
    return {t: years.get(t, DEFAULT_YEARS) for t in codes.CASE_TYPES}
