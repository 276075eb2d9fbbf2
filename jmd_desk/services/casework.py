"""Case work: cases, goals, contacts, referrals, follow-ups and consents.

Every change checks the user's access to the client file, validates the whole record, and
is written together with its audit event in one unit of work.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from jmd_desk.domain import codes, rules
from jmd_desk.domain.entities import Case, Consent, Contact, FollowUp, Goal, Referral
from jmd_desk.domain.errors import FieldError, JmdError, ValidationError
from jmd_desk.domain.fields import check_entity, tidy
from jmd_desk.services.access import require_client
from jmd_desk.services.session import UserSession
from jmd_desk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")

# Which records hang below a case and which below the client itself.
_KIND_OF = {Goal: "goal", Contact: "contact", Referral: "referral", FollowUp: "follow_up", Consent: "consent"}
_CLIENT_LEVEL = {"consent"}


def _raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def _problems(entity: Any, today: date) -> list[FieldError]:
    errors = check_entity(entity, today)
    if errors:
        return errors
    if isinstance(entity, Goal):
        return rules.goal_errors(entity)
    if isinstance(entity, Consent):
        return rules.consent_errors(entity)
    return []


def _client_of(uow: UnitOfWork, kind: str, parent_id: int) -> int:
    return parent_id if kind in _CLIENT_LEVEL else uow.cases.client_of(parent_id)


def _check_referral(uow: UnitOfWork, client_id: int, referral: Referral, *, new: bool) -> None:
    if not uow.partners.exists(referral.partner_id):
        raise ValidationError([FieldError("partner_id", "unknown_partner")])
    if new and not uow.partners.get(referral.partner_id).value.active:
        raise ValidationError([FieldError("partner_id", "partner_inactive")])
    consents = [c.value for c in uow.consents.for_parents([client_id])[client_id]]
    if not rules.has_valid_consent(consents, "referral_sharing", referral.date):
        raise JmdError("referral_needs_consent", date=referral.date.isoformat())


# ------------------------------------------------------------------- cases
def open_case(session: UserSession, client_id: int, case: Case) -> int:
    """Open a new case (also "reopen": a client's next case is always a new one)."""
    case = tidy(case)
    with session.uow(write=True) as uow:
        require_client(session, uow, client_id, write=True)
        client = uow.clients.get(client_id).value
        _raise_if(
            check_entity(case, session.clock.today())
            or rules.case_errors(case, client.date_of_birth) + rules.intake_errors(client, case)
        )
        if case.is_open and uow.cases.open_cases(client_id):
            raise JmdError("client_has_open_case")
        case_id = uow.cases.add(client_id, case)
        session.audit(uow, "case_opened", "case", case_id, client_id)
    return case_id


def update_case(session: UserSession, case_id: int, case: Case, *, seen_version: int | None = None) -> None:
    """Correct a case's type, dates or closure. On the office server ``seen_version``
    (``CaseFile.version`` as read) refuses a save over a colleague's newer one."""
    case = tidy(case)
    with session.uow(write=True) as uow:
        client_id = uow.cases.client_of(case_id)
        require_client(session, uow, client_id, write=True)
        client = uow.clients.get(client_id).value
        _raise_if(
            check_entity(case, session.clock.today())
            or rules.case_errors(case, client.date_of_birth) + rules.intake_errors(client, case)
        )
        uow.cases.check_version(case_id, seen_version)
        uow.cases.update(case_id, case)
        session.audit(uow, "case_updated", "case", case_id, client_id)


def close_case(
    session: UserSession,
    case_id: int,
    closed_on: date,
    reason: str,
    destination: str = codes.UNKNOWN,
    *,
    seen_version: int | None = None,
) -> None:
    """Close a case with date, reason and where the young person went (refused on the office
    server if the case changed since ``seen_version``)."""
    with session.uow(write=True) as uow:
        client_id = uow.cases.client_of(case_id)
        require_client(session, uow, client_id, write=True)
        case = uow.cases.get(case_id).value
        if not case.is_open:
            raise JmdError("case_already_closed")
        closed = replace(case, closed_on=closed_on, closure_reason=reason, destination=destination)
        _raise_if(check_entity(closed, session.clock.today()) or rules.case_errors(closed))
        uow.cases.check_version(case_id, seen_version)
        uow.cases.update(case_id, closed)
        session.audit(uow, "case_closed", "case", case_id, client_id)


# ------------------------------------------------------ records below a case
def add_record(session: UserSession, parent_id: int, entity: R) -> int:
    """Add a goal, contact, referral or follow-up to a case, or a consent to a client."""
    kind = _KIND_OF[type(entity)]
    entity = tidy(entity)
    _raise_if(_problems(entity, session.clock.today()))
    with session.uow(write=True) as uow:
        client_id = _client_of(uow, kind, parent_id)
        require_client(session, uow, client_id, write=True)
        if isinstance(entity, Referral):
            _check_referral(uow, client_id, entity, new=True)
        item_id = uow.children(kind).add(parent_id, entity)
        session.audit(uow, f"{kind}_added", kind, item_id, client_id)
    return item_id


def update_record(session: UserSession, item_id: int, entity: R, *, seen_version: int | None = None) -> None:
    """Replace a record's values (a goal's status change is kept in its history). On the office
    server ``seen_version`` (``Saved.version`` as read) refuses a save over a newer one."""
    kind = _KIND_OF[type(entity)]
    entity = tidy(entity)
    _raise_if(_problems(entity, session.clock.today()))
    with session.uow(write=True) as uow:
        repo = uow.children(kind)
        client_id = _client_of(uow, kind, repo.parent_of(item_id))
        require_client(session, uow, client_id, write=True)
        old = repo.get(item_id).value
        if isinstance(entity, Referral) and isinstance(old, Referral):
            _check_referral(uow, client_id, entity, new=entity.partner_id != old.partner_id)
        if old == entity:
            return
        repo.check_version(item_id, seen_version)
        repo.update(item_id, entity)
        session.audit(uow, f"{kind}_updated", kind, item_id, client_id)


def delete_record(session: UserSession, kind: str, item_id: int) -> None:
    """Remove a record entered by mistake (consents are withdrawn, not deleted)."""
    if kind not in _KIND_OF.values() or kind in _CLIENT_LEVEL:
        raise JmdError("not_deletable", kind=kind)
    with session.uow(write=True) as uow:
        repo = uow.children(kind)
        client_id = _client_of(uow, kind, repo.parent_of(item_id))
        require_client(session, uow, client_id, write=True)
        repo.delete(item_id)
        session.audit(uow, f"{kind}_deleted", kind, item_id, client_id)


def set_goal_status(
    session: UserSession, goal_id: int, status: str, on: date, *, seen_version: int | None = None
) -> None:
    """Record a new status of a goal from ``on`` (refused on the office server if the goal changed
    since ``seen_version``)."""
    with session.uow() as uow:
        goal = uow.goals.get(goal_id).value
    update_record(session, goal_id, replace(goal, status=status, status_changed_on=on), seen_version=seen_version)


def set_referral_status(session: UserSession, referral_id: int, status: str, outcome: str | None) -> None:
    """Record the partner's answer or the result of a referral."""
    with session.uow() as uow:
        referral = uow.referrals.get(referral_id).value
    update_record(session, referral_id, replace(referral, status=status, outcome=outcome))


def withdraw_consent(session: UserSession, consent_id: int, on: date, *, seen_version: int | None = None) -> None:
    """Withdraw a consent from ``on``; what depended on it is blocked from that day (refused on
    the office server if it changed since ``seen_version``)."""
    with session.uow() as uow:
        consent = uow.consents.get(consent_id).value
    if consent.withdrawn_on is not None:
        raise JmdError("consent_already_withdrawn")
    update_record(session, consent_id, replace(consent, withdrawn_on=on), seen_version=seen_version)


def set_follow_up_done(
    session: UserSession, follow_up_id: int, done: bool = True, *, seen_version: int | None = None
) -> None:
    """Tick off (or reopen) a follow-up (refused on the office server if it changed since
    ``seen_version``)."""
    with session.uow() as uow:
        follow_up = uow.follow_ups.get(follow_up_id).value
    update_record(session, follow_up_id, replace(follow_up, done=done), seen_version=seen_version)
