"""Appointments (Termine) of cases and group offers.

"Held" turns a case appointment into its contact (date, minutes and mode carried over) and a
group appointment into a session of the offer, in one unit of work. Cancellations and
no-shows are counted per counsellor on the overview; the calendar export of one's own
appointments carries neither names nor places.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from jmd_desk.domain import rules
from jmd_desk.domain.entities import Appointment, Contact, GroupSession
from jmd_desk.domain.errors import FieldError, JmdError, ValidationError
from jmd_desk.domain.fields import check_entity, tidy
from jmd_desk.domain.icalendar import CalendarEntry, ics_bytes
from jmd_desk.domain.readmodels import AppointmentItem, DueItem
from jmd_desk.services.access import require_client, visible_counsellors
from jmd_desk.services.files import write_file
from jmd_desk.services.groups import require_offer
from jmd_desk.services.session import UserSession
from jmd_desk.store.uow import UnitOfWork


def _raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def _problems(appointment: Appointment) -> list[FieldError]:
    errors = check_entity(appointment, date.max)
    if appointment.contact_id is not None:
        errors.append(FieldError("contact_id", "set_when_held"))
    if appointment.status == "held":
        errors.append(FieldError("status", "use_mark_held"))
    return errors


def _require_parent(session: UserSession, uow: UnitOfWork, appointment_id: int) -> tuple[int | None, int | None]:
    """Write access to the case's file or the offer; returns (case id, client id or None)."""
    case_id, offer_id = uow.appointments.parents(appointment_id)
    if case_id is not None:
        client_id = uow.cases.client_of(case_id)
        require_client(session, uow, client_id, write=True)
        return case_id, client_id
    assert offer_id is not None
    require_offer(session, uow, offer_id, write=True)
    return None, None


def add_case_appointment(session: UserSession, case_id: int, appointment: Appointment) -> int:
    """Plan an appointment in a case."""
    appointment = tidy(appointment)
    _raise_if(_problems(appointment))
    with session.uow(write=True) as uow:
        client_id = uow.cases.client_of(case_id)
        require_client(session, uow, client_id, write=True)
        item_id = uow.appointments.add(case_id, appointment)
        session.audit(uow, "appointment_added", "appointment", item_id, client_id)
    return item_id


def add_offer_appointment(session: UserSession, offer_id: int, appointment: Appointment) -> int:
    """Plan an appointment of a group offer."""
    appointment = tidy(appointment)
    _raise_if(_problems(appointment))
    with session.uow(write=True) as uow:
        require_offer(session, uow, offer_id, write=True)
        item_id = uow.group_offers.appointments.add(offer_id, appointment)
        session.audit(uow, "appointment_added", "appointment", item_id)
    return item_id


def update_appointment(
    session: UserSession, appointment_id: int, appointment: Appointment, *, seen_version: int | None = None
) -> None:
    """Move or change a planned appointment (a held one is corrected in its contact). On the
    office server ``seen_version`` (``Saved.version`` as read) refuses a save over a newer one."""
    appointment = tidy(appointment)
    with session.uow(write=True) as uow:
        _, client_id = _require_parent(session, uow, appointment_id)
        old = uow.appointments.get(appointment_id).value
        if old.status == "held":
            raise JmdError("appointment_already_held")
        _raise_if(_problems(appointment))
        uow.appointments.check_version(appointment_id, seen_version)
        uow.appointments.update(appointment_id, appointment)
        session.audit(uow, "appointment_updated", "appointment", appointment_id, client_id)


def set_status(session: UserSession, appointment_id: int, status: str, *, seen_version: int | None = None) -> None:
    """Mark an appointment cancelled, missed (no-show) or planned again (refused on the office
    server if it changed since ``seen_version``)."""
    if status not in ("planned", "cancelled", "no_show"):
        raise ValidationError([FieldError("status", "use_mark_held" if status == "held" else "unknown_code")])
    with session.uow() as uow:
        old = uow.appointments.get(appointment_id).value
    update_appointment(session, appointment_id, replace(old, status=status), seen_version=seen_version)


def mark_held(session: UserSession, appointment_id: int, attendance: int = 0) -> int:
    """The appointment took place: a case appointment becomes its contact, a group one a
    session of the offer (``attendance`` present). Returns the new contact's or session's id."""
    with session.uow(write=True) as uow:
        case_id, client_id = _require_parent(session, uow, appointment_id)
        appointment = uow.appointments.get(appointment_id).value
        if appointment.status == "held":
            raise JmdError("appointment_already_held")
        day = appointment.starts_at.date()
        if case_id is not None:
            contact = Contact(date=day, minutes=appointment.minutes, mode=appointment.mode)
            _raise_if(check_entity(contact, session.clock.today()))
            new_id = uow.contacts.add(case_id, contact)
            held = replace(appointment, status="held", contact_id=new_id)
            session.audit(uow, "contact_added", "contact", new_id, client_id)
        else:
            _, offer_id = uow.appointments.parents(appointment_id)
            assert offer_id is not None
            group_session = GroupSession(date=day, minutes=appointment.minutes, attendance=attendance)
            offer = uow.group_offers.get(offer_id).value
            _raise_if(
                check_entity(group_session, session.clock.today()) or rules.group_session_errors(offer, group_session)
            )
            new_id = uow.group_offers.sessions.add(offer_id, group_session)
            held = replace(appointment, status="held")
            session.audit(uow, "group_session_added", "group_session", new_id)
        uow.appointments.update(appointment_id, held)
        session.audit(uow, "appointment_held", "appointment", appointment_id, client_id)
    return new_id


def appointments_between(session: UserSession, start: datetime, end: datetime) -> list[AppointmentItem]:
    """Appointments in ``[start, end)`` of the files and offers the user may see."""
    with session.uow() as uow:
        return uow.appointment_list.between(start, end, visible_to=visible_counsellors(session, uow))


WAITING_DAYS = 30


def waiting_cases(session: UserSession, days: int = WAITING_DAYS) -> list[DueItem]:
    """Open case-management cases still in clearing although requested ``days`` or more ago."""
    with session.uow() as uow:
        return uow.appointment_list.waiting(
            session.clock.today() - timedelta(days=days), visible_counsellors(session, uow)
        )


def week_of(day: date) -> tuple[datetime, datetime]:
    """Monday 00:00 to the next Monday 00:00 of the week containing ``day``."""
    monday = datetime.combine(day - timedelta(days=day.weekday()), datetime.min.time())
    return monday, monday + timedelta(days=7)


def missed_by_counsellor(session: UserSession, start: datetime, end: datetime) -> dict[str, tuple[int, int]]:
    """Per counsellor (no-shows, cancellations) of appointments in ``[start, end)``."""
    no_shows: Counter[str] = Counter()
    cancelled: Counter[str] = Counter()
    for item in appointments_between(session, start, end):
        owner = item.counsellor or ""
        if item.status == "no_show":
            no_shows[owner] += 1
        elif item.status == "cancelled":
            cancelled[owner] += 1
    return {name: (no_shows[name], cancelled[name]) for name in sorted(set(no_shows) | set(cancelled))}


def calendar_entries(items: list[AppointmentItem]) -> list[CalendarEntry]:
    """Planned and held appointments as neutral calendar events (no names, no places)."""
    entries = []
    for item in items:
        if item.status in ("cancelled", "no_show"):
            continue
        summary = item.client_number if item.client_number else f"Gruppenangebot {item.offer_id}"
        entries.append(CalendarEntry(f"jmd-desk-appointment-{item.id}", summary, item.starts_at, item.minutes))
    return entries


def export_calendar(session: UserSession, path: Path, start: datetime, end: datetime) -> int:
    """Write one's own appointments of ``[start, end)`` as .ics; returns how many. Audited."""
    with session.uow(write=True) as uow:
        items = uow.appointment_list.between(start, end, visible_to=[session.username])
        session.audit(uow, "calendar_exported")
    entries = calendar_entries(items)
    write_file(path, ics_bytes(entries, session.clock.now()), private=True)
    return len(entries)
