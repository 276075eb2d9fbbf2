"""Who may see and change which client file (DESIGN §3).

counsellor: own clients, clients of colleagues they deputise for, and unassigned clients;
team_lead: reads every file; admin: no case contents unless also counsellor.
"""

from __future__ import annotations

from enum import IntEnum

from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError
from jmd_desk.services.session import UserSession
from jmd_desk.store.uow import UnitOfWork


class Access(IntEnum):
    """What a user may do with one client file."""

    NONE = 0
    READ = 1
    WRITE = 2


def access_to(session: UserSession, uow: UnitOfWork, counsellor: str | None) -> Access:
    """The signed-in user's access to a file held by ``counsellor``."""
    user = session.user
    if user.has(Role.COUNSELLOR) and (
        counsellor is None or counsellor == user.username or counsellor in uow.users.deputised_for(user.username)
    ):
        return Access.WRITE
    if user.has(Role.TEAM_LEAD):
        return Access.READ
    return Access.NONE


def require_client(session: UserSession, uow: UnitOfWork, client_id: int, *, write: bool) -> None:
    """Raise ``not_permitted`` unless the user may read (or write) the client's file."""
    needed = Access.WRITE if write else Access.READ
    if access_to(session, uow, uow.clients.counsellor_of(client_id)) < needed:
        raise AuthError("not_permitted_file", client_id=client_id)


def visible_counsellors(session: UserSession, uow: UnitOfWork) -> frozenset[str] | None:
    """Counsellors whose files the user sees in lists (None: all of them)."""
    user = session.user
    if user.has(Role.TEAM_LEAD):
        return None
    if user.has(Role.COUNSELLOR):
        return frozenset({user.username}) | uow.users.deputised_for(user.username)
    raise AuthError("not_permitted", roles="counsellor,team_lead")
