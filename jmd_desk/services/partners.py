"""The directory of network partners (Netzwerkpartner)."""

from __future__ import annotations

from dataclasses import replace

from jmd_desk.domain.entities import Partner, Saved
from jmd_desk.domain.errors import ValidationError
from jmd_desk.domain.fields import check_entity, tidy
from jmd_desk.domain.readmodels import PartnerChoice
from jmd_desk.services.session import UserSession


def create_partner(session: UserSession, partner: Partner) -> int:
    """Add a partner to the directory."""
    partner = tidy(partner)
    errors = check_entity(partner, session.clock.today())
    if errors:
        raise ValidationError(errors)
    with session.uow(write=True) as uow:
        partner_id = uow.partners.add(partner)
        session.audit(uow, "partner_created", "partner", partner_id)
    return partner_id


def update_partner(session: UserSession, partner_id: int, partner: Partner, *, seen_version: int | None = None) -> None:
    """Change a partner's data, or (de)activate it; old referrals keep pointing to it. On the
    office server ``seen_version`` (``Saved.version`` as listed) refuses a save over a newer one."""
    partner = tidy(partner)
    errors = check_entity(partner, session.clock.today())
    if errors:
        raise ValidationError(errors)
    with session.uow(write=True) as uow:
        if uow.partners.get(partner_id).value == partner:
            return
        uow.partners.check_version(partner_id, seen_version)
        uow.partners.update(partner_id, partner)
        session.audit(uow, "partner_updated", "partner", partner_id)


def set_partner_active(session: UserSession, partner_id: int, active: bool, *, seen_version: int | None = None) -> None:
    """Deactivate a partner (no new referrals) or activate it again."""
    with session.uow() as uow:
        saved = uow.partners.get(partner_id)
    seen = saved.version if seen_version is None else seen_version
    update_partner(session, partner_id, replace(saved.value, active=active), seen_version=seen)


def list_partners(session: UserSession, text: str = "", *, active_only: bool = False) -> list[Saved[Partner]]:
    """Partners matching ``text`` (name, contact person, type; case and accents ignored)."""
    with session.uow() as uow:
        return uow.partners.all(text, active_only=active_only)


def partner_choices(session: UserSession) -> list[PartnerChoice]:
    """Every partner's name for the referral form and table (the file window needs no contact data)."""
    with session.uow() as uow:
        return uow.partners.choices()
