"""Anonymous short counselling (anonyme Kurzberatung): no name, no date of birth, no file."""

from __future__ import annotations

from datetime import date

from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import AnonymousContact, Saved
from jmd_desk.domain.errors import AuthError, ValidationError
from jmd_desk.domain.fields import check_entity, tidy
from jmd_desk.services.access import Access, access_to, visible_counsellors
from jmd_desk.services.session import UserSession


def record_anonymous_contact(session: UserSession, contact: AnonymousContact) -> int:
    """Record one anonymous contact by the signed-in counsellor."""
    session.require(Role.COUNSELLOR)
    contact = tidy(contact)
    errors = check_entity(contact, session.clock.today())
    if errors:
        raise ValidationError(errors)
    with session.uow(write=True) as uow:
        item_id = uow.anonymous_contacts.add(contact, session.username)
        session.audit(uow, "anonymous_contact_added", "anonymous_contact", item_id)
    return item_id


def delete_anonymous_contact(session: UserSession, item_id: int) -> None:
    """Remove one entered by mistake (who recorded it, or her deputy)."""
    with session.uow(write=True) as uow:
        if access_to(session, uow, uow.anonymous_contacts.counsellor_of(item_id)) < Access.WRITE:
            raise AuthError("not_permitted", roles="counsellor")
        uow.anonymous_contacts.delete(item_id)
        session.audit(uow, "anonymous_contact_deleted", "anonymous_contact", item_id)


def list_anonymous_contacts(
    session: UserSession, start: date | None = None, end: date | None = None
) -> list[Saved[AnonymousContact]]:
    """Anonymous contacts the user may see (own and deputised; team leads all), by date."""
    with session.uow() as uow:
        return uow.anonymous_contacts.all(visible_to=visible_counsellors(session, uow), start=start, end=end)
