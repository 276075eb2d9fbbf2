"""Every screen survives hostile typing: a fixed set of inputs goes into every control reached by
Tab. The program runs in a child process, so a segmentation fault fails the test, and nothing
typed here may reach the store (nothing is ever saved: no Enter, no Space)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jmd_desk.domain.clock import SystemClock
from jmd_desk.domain.entities import Case, Client
from jmd_desk.services import accounts, clients
from tests.conftest import PASSWORDS, POLICY
from tests.realdisplay.harness import RealApp

# letters, umlauts, digits, a date, a code prefix, a percent sign, a 60-character string;
# no space, Enter, "j" or "n" (which would press buttons or answer a question)
INPUTS = "abcÄÖüß0123" + "15.03.1996" + "Sy" + "%" + "x" * 60
FILE_TABS = ("alt+s", "alt+i", "alt+k", "alt+v", "alt+w", "alt+e", "alt+d", "alt+l")
PAGES = ("ctrl+1", "ctrl+2", "ctrl+3", "ctrl+4", "ctrl+5", "ctrl+6")  # the admin sees all six


def seed_client(store: Path) -> None:
    """One file that the admin (who also counsels) may edit."""
    session = accounts.sign_in(store, "admin", PASSWORDS["admin"], clock=SystemClock(), policy=POLICY)
    try:
        client = Client(first_name="Tarek", last_name="Testfall", date_of_birth=date(2007, 6, 1), counsellor="admin")
        clients.create_client(session, client, Case(case_type="counselling", opened_on=date(2026, 10, 1)))
    finally:
        session.close()


def snapshot(store: Path) -> list:
    session = accounts.sign_in(store, "berta", PASSWORDS["berta"], clock=SystemClock(), policy=POLICY)
    try:
        return [clients.client_file(session, row.id, opening=False) for row in clients.client_rows(session)]
    finally:
        session.close()


def hammer(app: RealApp, stops: int) -> None:
    """Tab through ``stops`` controls and type every input into each."""
    for _ in range(stops):
        app.key("Tab")
        app.type(INPUTS, delay_ms=4)
    app.check_alive()


def close_dialog(app: RealApp, title: str) -> None:
    for _ in range(3):  # Escape, and Escape again on an "unsaved changes" question
        if title not in app.active_title():
            return
        app.key("Escape")
    assert title not in app.active_title()


def test_every_screen_survives_hostile_typing(real_store: Path, tmp_path: Path) -> None:
    seed_client(real_store)
    before = snapshot(real_store)
    app = RealApp.start(real_store, tmp_path / "home", user="admin")
    try:
        app.key("ctrl+n")
        app.wait_window("Klient")
        hammer(app, 26)
        close_dialog(app, "Klient")
        app.key("ctrl+f")
        app.type("Testf")
        app.key("Down", "Return")
        app.wait_window("Akte")
        for tab in FILE_TABS:
            app.key(tab)
            hammer(app, 6)
        app.key("alt+i", "alt+z")
        app.wait_window("Neues Ziel")
        hammer(app, 8)
        close_dialog(app, "Neues Ziel")
        for keys, title, stops in (
            (("alt+f",), "Fall korrigieren", 7),
            (("alt+w", "alt+n"), "Neue Wiedervorlage", 4),
            (("alt+e", "alt+r"), "Einwilligung erfassen", 5),
        ):
            app.key(*keys)
            app.wait_window(title)
            hammer(app, stops)
            close_dialog(app, title)
        app.activate("^JMD Desk – JMD Desk")
        for page in PAGES:
            app.key(page)
            hammer(app, 6)
        app.check_alive()
    finally:
        app.kill()
    assert app.process.returncode not in (-11, -6), app.output()
    assert snapshot(real_store) == before
