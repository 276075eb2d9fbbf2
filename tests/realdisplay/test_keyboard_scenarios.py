"""A counsellor's daily acts by keyboard only, on a real display with real key events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jmd_desk.domain.clock import SystemClock
from jmd_desk.services import accounts, clients
from tests.conftest import PASSWORDS, POLICY
from tests.realdisplay.harness import RealApp, shots_dir

SHOTS = shots_dir()


def read_clients(store: Path) -> list:
    session = accounts.sign_in(store, "berta", PASSWORDS["berta"], clock=SystemClock(), policy=POLICY)
    try:
        return [clients.client_file(session, row.id, opening=False) for row in clients.client_rows(session)]
    finally:
        session.close()


def new_client(app: RealApp) -> None:
    """Ctrl+N and every master-data field typed; nationality and language picked by name + Enter."""
    app.key("ctrl+n")
    app.wait_window("Klient")
    app.type("Amira")
    app.key("Tab")
    app.type("Haddad")
    app.key("Tab", "Tab")  # the number is assigned automatically
    app.type("5.3.08")  # century rule: 2008
    app.key("Tab", "space", "Tab")  # estimated
    app.type("w")  # weiblich
    app.key("Tab")
    app.type("Syrien")
    app.key("Return", "Tab")
    app.type("Syr")
    app.key("Return")  # the first match: Syrien
    app.type("Turk")
    app.key("Down", "Up", "Return", "Tab")  # Türkei, Turkmenistan, …: arrows down and back
    app.type("Arab")
    app.key("Return", "Tab")
    app.type("01.09.2022")
    app.key("Tab")
    app.type("Au")  # Aufenthaltserlaubnis …
    app.key("Tab")
    app.type("A2")
    app.key("Tab")
    app.type("Hauptschulabschluss")
    app.key("Tab")
    app.type("Schule")
    app.key("Tab")
    app.type("Schule")
    app.key("Tab", "j", "Tab")  # unbegleitet eingereist: ja
    app.type("Vormund Mehmet")
    app.key("Tab")
    app.type("0151 2345678")
    app.key("Tab")
    app.type("amira@example.org")
    app.key("Tab")
    app.type("Hauptstraße 5, 12345 Musterstadt")
    app.key("Tab", "Tab", "Tab", "Tab")
    app.type("14.11.26")


def test_create_client_with_every_field_typed(real_app: RealApp, real_store: Path) -> None:
    new_client(real_app)
    real_app.screenshot(SHOTS / "realdisplay-new-client.png")
    real_app.key("Return")
    real_app.wait_window("Akte")
    real_app.key("ctrl+w")
    real_app.wait_window("JMD Desk –")
    real_app.quit()
    (file,) = read_clients(real_store)
    c = file.client
    assert (c.first_name, c.last_name, c.date_of_birth, c.dob_estimated) == ("Amira", "Haddad", date(2008, 3, 5), True)
    assert c.gender == "female"
    assert c.country_of_birth == "SY"
    assert set(c.nationalities) == {"SY", "TR"}
    assert c.languages == ("ar",)
    assert c.arrival_date == date(2022, 9, 1)
    assert c.german_level == "A2"
    assert c.unaccompanied_minor is True
    assert (c.guardian, c.phone, c.email) == ("Vormund Mehmet", "0151 2345678", "amira@example.org")
    assert c.address == "Hauptstraße 5, 12345 Musterstadt"
    assert file.cases[0].case.opened_on == date(2026, 11, 14)


def log_contact(app: RealApp) -> list[int]:
    """From the open file: Alt+K, then every field with a non-default value, Ctrl+Enter.
    Returns the focus ring's pixel count at every step."""
    ring: list[int] = []
    steps = [
        (("alt+k",), "281126"),  # digits of the date
        (("Tab",), "45"),  # digits of the minutes
        (("Tab", "t"), ""),  # Telefon
        (("Tab", "Right", "space"), ""),  # participants: + parents
        (("Tab", "space", "Right", "space"), ""),  # topics: language, school
        (("Tab", "space"), ""),  # interpreter
        (("Tab",), "Telefonat mit Mutter und Dolmetscherin wegen Schulanmeldung."),
    ]
    for keys, text in steps:
        app.key(*keys)
        if text:
            app.type(text, counted=False)
        ring.append(app.focus_ring_pixels())
        if keys[-1] == "space" and len(keys) == 4:
            app.screenshot(SHOTS / "realdisplay-contact-by-keyboard.png")
    app.key("ctrl+Return")
    return ring


def test_daily_work_by_keyboard(real_app: RealApp, real_store: Path) -> None:
    app = real_app
    new_client(app)
    app.key("Return")
    app.wait_window("Akte")
    app.keystrokes = 0
    ring = log_contact(app)
    assert app.keystrokes <= 25, f"{app.keystrokes} keystrokes besides note, date and minutes digits"
    assert min(ring) > 100, f"focus not visible at some step: ring pixels per step {ring}"
    app.key("alt+i", "alt+z")  # Integrationsförderplan, Neues Ziel
    app.wait_window("Neues Ziel")
    app.type("sc")  # Schule / Bildung
    app.key("Tab")
    app.type("Anmeldung an der Berufsschule")
    app.key("Tab")
    app.type("20.11.2026")
    app.key("Tab")
    app.type("31.03.27")
    app.key("Return")
    app.wait_window("Akte")
    app.key("ctrl+w")
    app.wait_window("JMD Desk –")
    app.key("ctrl+f")
    app.type("Hadd")
    app.key("Down", "Return")
    app.wait_window("Akte")
    app.key("ctrl+w")
    app.wait_window("JMD Desk –")
    app.quit()

    (file,) = read_clients(real_store)
    case = file.cases[0]
    (contact,) = [c.value for c in case.contacts]
    assert (contact.date, contact.minutes, contact.mode) == (date(2026, 11, 28), 45, "phone")
    assert set(contact.participants) == {"young_person", "parents"}
    assert set(contact.topics) == {"language", "school"}
    assert contact.interpreter is True
    assert contact.notes == "Telefonat mit Mutter und Dolmetscherin wegen Schulanmeldung."
    (goal,) = [g.value for g in case.goals]
    assert (goal.area, goal.title) == ("school", "Anmeldung an der Berufsschule")
    assert (goal.agreed_on, goal.due_on) == (date(2026, 11, 20), date(2027, 3, 31))
