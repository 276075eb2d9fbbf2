"""Reading the audit log: a file's history (Verlauf) and the viewer for team lead and admin."""

from __future__ import annotations

from jmd_desk.domain.audit_chain import AuditFilter
from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import AuditEvent
from jmd_desk.services.access import require_client
from jmd_desk.services.session import UserSession


def client_history(session: UserSession, client_id: int) -> list[AuditEvent]:
    """Events concerning one client file, newest first."""
    with session.uow() as uow:
        require_client(session, uow, client_id, write=False)
        return uow.audit.find(AuditFilter(client_id=client_id))


def audit_events(session: UserSession, flt: AuditFilter) -> list[AuditEvent]:
    """Events matching ``flt`` (team lead and admin); viewing the log is itself logged."""
    session.require(Role.TEAM_LEAD, Role.ADMIN)
    with session.uow(write=True) as uow:
        events = uow.audit.find(flt)
        session.audit(uow, "audit_viewed")
    return events


def audit_actions(session: UserSession) -> list[str]:
    """The actions that occur in the log (for the viewer's filter)."""
    session.require(Role.TEAM_LEAD, Role.ADMIN)
    with session.uow() as uow:
        return uow.audit.actions()


def verify_audit_chain(session: UserSession) -> list[tuple[int, str]]:
    """Problems in the hash chain: (sequence number, code)."""
    session.require(Role.TEAM_LEAD, Role.ADMIN)
    with session.uow() as uow:
        return uow.audit.verify()
