"""Work beyond the individual file by keyboard only, on a real display with real key events:
a group session with attendance, an anonymous contact, an appointment turned into a contact."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from jmd_desk.domain.clock import SystemClock
from jmd_desk.domain.entities import Appointment, Case, Client, GroupOffer
from jmd_desk.services import accounts, anonymous, appointments, clients, groups
from jmd_desk.services.session import UserSession
from tests.conftest import PASSWORDS, POLICY
from tests.realdisplay.harness import RealApp

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def as_berta(store: Path) -> UserSession:
    return accounts.sign_in(store, "berta", PASSWORDS["berta"], clock=SystemClock(), policy=POLICY)


def test_group_session_with_attendance_by_keyboard(real_store: Path, tmp_path: Path) -> None:
    session = as_berta(real_store)
    today = SystemClock().today()
    offer = GroupOffer(
        "Bewerbungstraining",
        "workshop",
        date(today.year - 1, 1, 1),
        date(today.year + 1, 12, 31),
        participants_by_gender=(("female", 9), ("male", 8)),
    )
    offer_id = groups.create_offer(session, offer)
    session.close()
    app = RealApp.start(real_store, tmp_path / "home")
    try:
        app.key("ctrl+3")  # Gruppenangebote
        app.key("ctrl+shift+g")
        app.wait_window("Gruppentreffen")
        app.key("ctrl+a")
        app.type(today.strftime("%d.%m.%Y"))
        app.key("Tab", "ctrl+a")
        app.type("120")
        app.key("Tab", "ctrl+a")
        app.type("14")
        app.key("Return")
        app.wait_window("JMD Desk –")
        app.screenshot(SHOTS / "group-offers-page.png")
        app.quit()
    finally:
        app.kill()
    session = as_berta(real_store)
    try:
        sessions = [s.value for s in groups.offer_file(session, offer_id).sessions]
    finally:
        session.close()
    assert [(s.date, s.minutes, s.attendance) for s in sessions] == [(today, 120, 14)]


def test_anonymous_contact_by_keyboard(real_app: RealApp, real_store: Path) -> None:
    app = real_app
    app.key("ctrl+shift+a")
    app.wait_window("Anonyme Kurzberatung")
    app.key("Tab", "ctrl+a")
    app.type("20")  # minutes
    app.key("Tab")
    app.type("Tel")  # Telefon
    app.key("Tab", "space")  # topics: Sprache
    app.key("Tab")
    app.type("18")  # 18–20
    app.key("Tab")
    app.type("m")  # männlich
    app.key("Tab")
    app.type("Ausl")  # Ausländerbehörde
    app.screenshot(SHOTS / "anonymous-contact.png")
    app.key("Return")
    app.wait_window("JMD Desk –")
    app.quit()
    session = as_berta(real_store)
    try:
        (saved,) = [c.value for c in anonymous.list_anonymous_contacts(session)]
    finally:
        session.close()
    assert (saved.date, saved.minutes, saved.mode) == (SystemClock().today(), 20, "phone")
    assert (saved.topics, saved.age_group, saved.gender) == (("language",), "18-20", "male")
    assert saved.referred_partner_type == "immigration_office"


def test_appointment_becomes_a_contact_by_keyboard(real_store: Path, tmp_path: Path) -> None:
    session = as_berta(real_store)
    today = SystemClock().today()
    client_id = clients.create_client(
        session, Client("Samir", "Aziz", date(2006, 4, 4), gender="male"), Case("case_management", today)
    )
    case_id = clients.client_file(session, client_id).cases[0].id
    starts = datetime.combine(today, time(0, 5))
    appointments.add_case_appointment(session, case_id, Appointment(starts, 40, "video", place="Büro 3"))
    session.close()
    app = RealApp.start(real_store, tmp_path / "home")
    try:
        app.key("ctrl+t")  # the appointment list of the overview, first row selected
        app.screenshot(SHOTS / "overview-appointments.png")
        app.key("ctrl+Return")  # held: the contact is recorded
        app.quit()
    finally:
        app.kill()
    session = as_berta(real_store)
    try:
        case = clients.client_file(session, client_id, opening=False).cases[0]
    finally:
        session.close()
    (contact,) = case.contacts
    assert (contact.value.date, contact.value.minutes, contact.value.mode) == (today, 40, "video")
    (appointment,) = case.appointments
    assert (appointment.value.status, appointment.value.contact_id) == ("held", contact.id)
