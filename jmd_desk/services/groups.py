"""Group offers (Gruppenangebote): offers, sessions with attendance and links to client files.

An offer belongs to the counsellor who created it; colleagues deputising for her may change
it, team leads read it. Linking a client also needs write access to that client's file.
"""

from __future__ import annotations

from jmd_desk.domain import rules
from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import GroupOffer, GroupOfferFile, GroupSession
from jmd_desk.domain.errors import AuthError, FieldError, ValidationError
from jmd_desk.domain.fields import check_entity, tidy
from jmd_desk.services.access import Access, access_to, require_client, visible_counsellors
from jmd_desk.services.session import UserSession
from jmd_desk.store.uow import UnitOfWork


def _raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def require_offer(session: UserSession, uow: UnitOfWork, offer_id: int, *, write: bool) -> None:
    """Raise ``not_permitted_offer`` unless the user may read (or change) the offer."""
    needed = Access.WRITE if write else Access.READ
    if access_to(session, uow, uow.group_offers.counsellor_of(offer_id)) < needed:
        raise AuthError("not_permitted_offer", offer_id=offer_id)


def _offer_problems(session: UserSession, uow: UnitOfWork, offer: GroupOffer) -> list[FieldError]:
    errors = check_entity(offer, session.clock.today()) or rules.group_offer_errors(offer)
    if offer.partner_id is not None and not uow.partners.exists(offer.partner_id):
        errors.append(FieldError("partner_id", "unknown_partner"))
    return errors


def create_offer(session: UserSession, offer: GroupOffer) -> int:
    """Create a group offer run by the signed-in counsellor."""
    session.require(Role.COUNSELLOR)
    offer = tidy(offer)
    with session.uow(write=True) as uow:
        _raise_if(_offer_problems(session, uow, offer))
        offer_id = uow.group_offers.add(offer, session.username)
        session.audit(uow, "group_offer_created", "group_offer", offer_id)
    return offer_id


def update_offer(session: UserSession, offer_id: int, offer: GroupOffer, *, seen_version: int | None = None) -> None:
    """Change an offer; its recorded sessions must still fit its period and headcount. On the
    office server ``seen_version`` (``GroupOfferFile.version``) refuses a save over a newer one."""
    offer = tidy(offer)
    with session.uow(write=True) as uow:
        require_offer(session, uow, offer_id, write=True)
        problems = _offer_problems(session, uow, offer)
        for s in uow.group_offers.sessions.for_parents([offer_id])[offer_id]:
            problems += [e.at(f"sessions[{s.id}]") for e in rules.group_session_errors(offer, s.value)]
        _raise_if(problems)
        uow.group_offers.check_version(offer_id, seen_version)
        uow.group_offers.update(offer_id, offer)
        session.audit(uow, "group_offer_updated", "group_offer", offer_id)


def add_session(session: UserSession, offer_id: int, group_session: GroupSession) -> int:
    """Record a session with the number of participants present."""
    with session.uow(write=True) as uow:
        require_offer(session, uow, offer_id, write=True)
        offer = uow.group_offers.get(offer_id).value
        _raise_if(
            check_entity(group_session, session.clock.today()) or rules.group_session_errors(offer, group_session)
        )
        session_id = uow.group_offers.sessions.add(offer_id, group_session)
        session.audit(uow, "group_session_added", "group_session", session_id)
    return session_id


def link_client(session: UserSession, offer_id: int, client_id: int) -> None:
    """Record that a client with a file took part (shown in her file; no contact is made)."""
    with session.uow(write=True) as uow:
        require_offer(session, uow, offer_id, write=True)
        require_client(session, uow, client_id, write=True)
        uow.group_offers.link(offer_id, client_id)
        session.audit(uow, "group_client_linked", "group_offer", offer_id, client_id)


def list_offers(session: UserSession) -> list[GroupOfferFile]:
    """The offers the user may see (own and deputised; team leads all), newest first."""
    with session.uow() as uow:
        ids = uow.group_offers.ids(visible_counsellors(session, uow))
        return uow.group_offers.files(ids)


def offer_file(session: UserSession, offer_id: int) -> GroupOfferFile:
    """One offer with sessions, appointments and linked clients."""
    with session.uow() as uow:
        require_offer(session, uow, offer_id, write=False)
        return uow.group_offers.files([offer_id])[0]
