"""What the signed-in user may do, for the views: the same rules the services enforce.

A view asks here which pages, buttons and actions to offer instead of looking at roles or
consents itself, so a rule changes in one place (issue 11). The services still check every
call; these answers only keep the views from offering what would be refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jmd_desk.domain import rules
from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import ClientFile
from jmd_desk.services import clients
from jmd_desk.services.session import UserSession

REFERRAL_SCOPE = "referral_sharing"


@dataclass(frozen=True)
class Capabilities:
    """The parts of the program the user works with."""

    case_work: bool  # overview, clients, group offers (counsellor or team lead)
    create_clients: bool  # intake of a new client (counsellor)
    statistics: bool  # anonymised statistics (team lead)
    data_protection: bool  # retention, erasure, audit (team lead or admin)
    administration: bool  # accounts and office settings (admin)
    office_files: bool  # every file's metadata, reassigning (team lead on the office server)
    local_store: bool  # backup, restore and re-key: a local store's tools (the office IT backs up the server)


@dataclass(frozen=True)
class FileCapabilities:
    """What the user may do with one client file, and the consent facts the file view shows."""

    edit: bool
    legal_hold: bool
    propose_erasure: bool
    refer: bool  # a referral-sharing consent is valid today
    referral_consent_withdrawn_on: date | None  # the last withdrawal when there is none valid
    valid_consents: frozenset[int]  # ids of the consents valid today


def oversees_files(session: UserSession) -> bool:
    """Team leads and admins act on every file's data protection (legal hold, erasure)."""
    return session.user.has(Role.TEAM_LEAD) or session.user.has(Role.ADMIN)


def capabilities(session: UserSession) -> Capabilities:
    """The pages and actions of the main window for this user."""
    user = session.user
    return Capabilities(
        case_work=user.has(Role.COUNSELLOR) or user.has(Role.TEAM_LEAD),
        create_clients=user.has(Role.COUNSELLOR),
        statistics=user.has(Role.TEAM_LEAD),
        data_protection=oversees_files(session),
        administration=user.has(Role.ADMIN),
        office_files=session.on_server and user.has(Role.TEAM_LEAD),
        local_store=not session.on_server,
    )


def file_capabilities(session: UserSession, client_id: int, file: ClientFile) -> FileCapabilities:
    """What the user may do with the file ``file`` (as loaded for ``client_id``) today."""
    today = session.clock.today()
    edit = clients.can_edit(session, client_id)
    valid = frozenset(c.id for c in file.consents if rules.consent_valid_on(c.value, c.value.scope, today))
    refer = rules.has_valid_consent((c.value for c in file.consents), REFERRAL_SCOPE, today)
    withdrawn = [c.value.withdrawn_on for c in file.consents if c.value.scope == REFERRAL_SCOPE]
    return FileCapabilities(
        edit=edit,
        legal_hold=edit or oversees_files(session),
        propose_erasure=oversees_files(session),
        refer=refer,
        referral_consent_withdrawn_on=None if refer else max((d for d in withdrawn if d), default=None),
        valid_consents=valid,
    )
