"""The overview (Übersicht) of the signed-in user."""

from __future__ import annotations

from jmd_desk.domain.dashboard import Dashboard
from jmd_desk.services.access import visible_counsellors
from jmd_desk.services.session import UserSession


def dashboard(session: UserSession) -> Dashboard:
    """What needs attention in the files the user may see."""
    with session.uow() as uow:
        visible = visible_counsellors(session, uow)
        return uow.dashboard.build(session.clock.today(), visible)
