"""Every screen survives hostile typing: a fixed set of inputs goes into every control reached by
Tab, in every dialog and tab (reached by its keyboard shortcut or mnemonic, as a click would). The
program runs in a child process, so a segmentation fault fails the test, and nothing typed here may
reach the store (nothing is ever saved: no Enter, no Space). Several dialogs share one program start
to keep the whole crash test well under five minutes; each test prints how long it took."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from jmd_desk.domain.clock import SystemClock
from jmd_desk.domain.entities import Case, Client, Consent, Contact, GroupOffer, Partner
from jmd_desk.services import accounts, casework, clients, groups, interchange, partners, settings
from tests.conftest import PASSWORDS, POLICY
from tests.realdisplay.harness import RealApp

# letters, umlauts, digits, a date, a code prefix, a percent sign, a 60-character string;
# no space, Enter, "j" or "n" (which would press buttons or answer a question)
INPUTS = "abcÄÖüß0123" + "15.03.1996" + "Sy" + "%" + "x" * 60
FILE_TABS = ("alt+s", "alt+i", "alt+k", "alt+v", "alt+w", "alt+e", "alt+d", "alt+t", "alt+l")
PAGES = ("ctrl+1", "ctrl+2", "ctrl+3", "ctrl+4", "ctrl+5", "ctrl+6", "ctrl+7")  # the admin sees all seven


def admin_session(store: Path) -> accounts.UserSession:
    return accounts.sign_in(store, "admin", PASSWORDS["admin"], clock=SystemClock(), policy=POLICY)


def seed(store: Path) -> None:
    """One file with a contact (to correct) and consent to referrals, a group offer (to record a
    session for) and a partner, all of which the admin (who also counsels) may edit."""
    session = admin_session(store)
    try:
        client = Client(first_name="Tarek", last_name="Testfall", date_of_birth=date(2007, 6, 1), counsellor="admin")
        client_id = clients.create_client(session, client, Case(case_type="counselling", opened_on=date(2026, 10, 1)))
        case_id = clients.client_file(session, client_id, opening=False).cases[0].id
        casework.add_record(session, case_id, Contact(date=date(2026, 10, 2), minutes=30, mode="in_person"))
        casework.add_record(session, client_id, Consent(scope="referral_sharing", given_on=date(2026, 10, 1)))
        groups.create_offer(session, GroupOffer(title="Sprachcafé", kind="course", starts_on=date(2026, 10, 1)))
        partners.create_partner(session, Partner(name="Jobcenter Mitte", partner_type="jobcenter"))
    finally:
        session.close()


def snapshot(store: Path) -> tuple[object, ...]:
    """Everything a user could change here: the whole interchange document (files, partners,
    districts, group offers, anonymous contacts, documents) and the office settings."""
    session = admin_session(store)
    try:
        document = json.loads(interchange.export_data(session))
        document.pop("exported_at", None)
        return document, settings.office_settings(session)
    finally:
        session.close()


def hammer(app: RealApp, stops: int) -> None:
    """Tab through ``stops`` controls and type every input into each."""
    for _ in range(stops):
        app.key("Tab")
        app.type(INPUTS, delay_ms=4)
    app.check_alive()


def wait_other_window(app: RealApp, before: str, keys: tuple[str, ...], timeout: float = 20) -> str:
    """Wait until a window other than ``before`` is active (the dialog just opened)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.check_alive()
        current = app.active_title()
        if current and current != before:
            time.sleep(0.15)
            return current
        time.sleep(0.1)
    raise AssertionError(f"{keys} opened no dialog over {before!r}\n{app.output()}")


def in_dialog(app: RealApp, keys: tuple[str, ...], stops: int) -> str:
    """Open a dialog by ``keys``, hammer ``stops`` of its controls, close it unsaved by Escape."""
    before = app.active_title()
    app.key(*keys)
    title = wait_other_window(app, before, keys)
    print(f"  {' '.join(keys)} → {title}")
    hammer(app, stops)
    for _ in range(4):  # Escape, and Escape again on an "unsaved changes" question or a nested one
        app.key("Escape")
        if back_to(app, before):
            return title
    raise AssertionError(f"{title!r} did not close: {app.active_title()!r}")


def back_to(app: RealApp, before: str, timeout: float = 1.5) -> bool:
    """Whether the window ``before`` is active again within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.check_alive()
        if app.active_title() == before:
            return True
        time.sleep(0.1)
    return False


@contextmanager
def timed(label: str) -> Iterator[None]:
    started = time.monotonic()
    yield
    print(f"\ncrash test {label}: {time.monotonic() - started:.1f} s")


def test_file_window_and_its_dialogs_survive_hostile_typing(real_store: Path, tmp_path: Path) -> None:
    seed(real_store)
    before = snapshot(real_store)
    with timed("file window"):
        app = RealApp.start(real_store, tmp_path / "home", user="admin")
        try:
            in_dialog(app, ("ctrl+n",), 26)
            app.key("ctrl+f")
            app.type("Testf")
            app.key("Down", "Return")
            app.wait_window("Akte")
            for tab in FILE_TABS:
                app.key(tab)
                hammer(app, 6)
            for keys, stops in (
                (("alt+i", "alt+z"), 8),  # new goal
                (("alt+f",), 7),  # case correction
                (("alt+v", "alt+n"), 8),  # referral
                (("alt+w", "alt+n"), 4),  # follow-up
                (("alt+e", "alt+r"), 5),  # consent
                (("alt+t", "alt+p"), 8),  # plan an appointment
                (("alt+t", "alt+a"), 4),  # phase and first request
                (("alt+t", "alt+o"), 5),  # record progress
                (("alt+t", "alt+m"), 4),  # district and qualification note
                (("alt+h",), 6),  # letter
                (("alt+u",), 4),  # support plan: its save dialog
            ):
                in_dialog(app, keys, stops)
            app.key("alt+k", "shift+Tab", "space")  # from the contact date back to the table; select the row
            in_dialog(app, ("alt+b",), 10)  # contact correction
        finally:
            app.kill()
        survived_or_fail(app)
    assert snapshot(real_store) == before


def survived_or_fail(app: RealApp) -> None:
    assert app.process.returncode not in (-11, -6), app.output()


def test_main_pages_and_their_dialogs_survive_hostile_typing(real_store: Path, tmp_path: Path) -> None:
    seed(real_store)
    before = snapshot(real_store)
    with timed("main window"):
        app = RealApp.start(real_store, tmp_path / "home", user="admin")
        try:
            for page in PAGES:
                app.key(page)
                hammer(app, 6)
            in_dialog(app, ("ctrl+shift+a",), 8)  # anonymous quick entry
            in_dialog(app, ("alt+d", "i"), 8)  # spreadsheet import
            app.key("ctrl+3")  # group offers
            in_dialog(app, ("ctrl+shift+n",), 10)  # new offer
            app.key("Tab", "Down")  # select the offer in the table
            in_dialog(app, ("ctrl+shift+g",), 8)  # record a session
            app.key("ctrl+4")  # network partners
            in_dialog(app, ("alt+n",), 6)
            app.key("ctrl+5")  # statistics
            in_dialog(app, ("alt+e",), 2)  # bundle: its passphrase
            in_dialog(app, ("alt+f",), 4)  # merge: choosing bundles
            in_dialog(app, ("alt+v",), 3)  # publication register
            app.key("ctrl+7")  # administration: user accounts, settings (fields of action), districts
            in_dialog(app, ("alt+v",), 2)  # re-key: its question, never answered
            for _ in range(3):
                app.key("ctrl+Tab")
                hammer(app, 10)
        finally:
            app.kill()
        survived_or_fail(app)
    assert snapshot(real_store) == before


def test_setup_wizard_survives_hostile_typing(tmp_path: Path) -> None:
    store = tmp_path / "new" / "office.jmd"
    with timed("setup wizard"):
        app = RealApp.launch(store, tmp_path / "home")
        try:
            app.wait_window("einrichten")
            hammer(app, 8)
            app.check_alive()
        finally:
            app.kill()
        survived_or_fail(app)
    assert not store.exists(), "the wizard wrote a store nobody asked for"
