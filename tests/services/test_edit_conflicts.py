"""Optimistic concurrency on the office server for the records the master-data, goal, contact
and referral tests do not cover: follow-ups, consents, goal status, case corrections and
closing, network partners, appointments and group offers. Two sessions (two workstations, own connections) read the same
record; the first save wins, the second is refused with ``edit_conflict`` naming who saved
when, and the first one's values stay. On a local store the same calls simply save."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

import pytest

from jmd_desk.domain.entities import Appointment, Consent, FollowUp, Goal, Partner
from jmd_desk.domain.errors import StoreError
from jmd_desk.services import appointments, casework, clients, groups, partners
from jmd_desk.services.session import UserSession
from tests.services.test_additions import offer
from tests.services.test_casework import first_case, new_client

SessionFor = Callable[[str], UserSession]


def _two_sessions(session_for: SessionFor, on_server: bool) -> tuple[UserSession, UserSession]:
    """Berta at two workstations (on a local store: one session used twice)."""
    first = session_for("berta")
    return first, session_for("berta") if on_server else first


def _file_with_records(berta: UserSession) -> tuple[int, int]:
    client_id = clients.create_client(berta, new_client(), first_case())
    case_id = clients.client_file(berta, client_id).cases[0].id
    casework.add_record(berta, case_id, FollowUp(due_on=date(2026, 12, 1), text="Zeugnis abholen"))
    casework.add_record(berta, client_id, Consent(scope="processing", given_on=date(2026, 3, 2), given_by="self"))
    casework.add_record(berta, case_id, Goal(area="language", title="B1", agreed_on=date(2026, 3, 2), status="open"))
    return client_id, case_id


def _conflict(on_server: bool):
    """``with _conflict(on_server):`` the stale save: refused on the server, saved locally."""
    if on_server:
        return pytest.raises(StoreError, match=r"^edit_conflict\(.*by=berta")
    return _Saves()


class _Saves:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False


def test_follow_up_consent_and_goal_status_are_version_checked(session_for, on_server: bool) -> None:
    one, two = _two_sessions(session_for, on_server)
    client_id, _ = _file_with_records(one)
    file_one, file_two = clients.client_file(one, client_id), clients.client_file(two, client_id)
    follow_up_one, follow_up_two = file_one.cases[0].follow_ups[0], file_two.cases[0].follow_ups[0]
    assert (follow_up_one.version is not None) == on_server
    casework.set_follow_up_done(one, follow_up_one.id, seen_version=follow_up_one.version)
    with _conflict(on_server):
        casework.set_follow_up_done(two, follow_up_two.id, False, seen_version=follow_up_two.version)
    assert clients.client_file(one, client_id).cases[0].follow_ups[0].value.done is on_server

    consent_one, consent_two = file_one.consents[0], file_two.consents[0]
    casework.withdraw_consent(one, consent_one.id, date(2026, 10, 1), seen_version=consent_one.version)
    with _conflict(on_server):
        casework.update_record(
            two, consent_two.id, replace(consent_two.value, form_version="2025-09"), seen_version=consent_two.version
        )
    kept = clients.client_file(one, client_id).consents[0].value
    if on_server:  # the withdrawal stands; nothing of the stale save was merged in
        assert (kept.withdrawn_on, kept.form_version) == (date(2026, 10, 1), None)
    else:
        assert kept.form_version == "2025-09"

    goal_one, goal_two = file_one.cases[0].goals[0], file_two.cases[0].goals[0]
    casework.set_goal_status(one, goal_one.id, "achieved", date(2026, 11, 1), seen_version=goal_one.version)
    with _conflict(on_server):
        casework.set_goal_status(two, goal_two.id, "dropped", date(2026, 11, 2), seen_version=goal_two.version)
    status = clients.client_file(one, client_id).cases[0].goals[0].value.status
    assert status == ("achieved" if on_server else "dropped")


def test_case_correction_and_closing_are_version_checked(session_for, on_server: bool) -> None:
    one, two = _two_sessions(session_for, on_server)
    client_id, case_id = _file_with_records(one)
    case_one = clients.client_file(one, client_id).cases[0]
    case_two = clients.client_file(two, client_id).cases[0]
    assert (case_one.version is not None) == on_server
    corrected = replace(case_one.case, opened_on=date(2026, 3, 3))
    casework.update_case(one, case_id, corrected, seen_version=case_one.version)
    with _conflict(on_server):
        casework.close_case(two, case_id, date(2026, 11, 1), "goals_achieved", seen_version=case_two.version)
    after = clients.client_file(one, client_id).cases[0]
    assert after.case.opened_on == date(2026, 3, 3)
    assert after.case.is_open is on_server
    if on_server:  # with the version she has now, her save goes through
        casework.close_case(two, case_id, date(2026, 11, 1), "goals_achieved", seen_version=after.version)
        assert not clients.client_file(one, client_id).cases[0].case.is_open


def test_partner_edits_are_version_checked(session_for, on_server: bool) -> None:
    one, two = _two_sessions(session_for, on_server)
    partner_id = partners.create_partner(one, Partner(name="Jobcenter Mitte", partner_type="jobcenter"))
    seen_one = next(p for p in partners.list_partners(one) if p.id == partner_id)
    seen_two = next(p for p in partners.list_partners(two) if p.id == partner_id)
    assert (seen_one.version is not None) == on_server
    partners.update_partner(one, partner_id, replace(seen_one.value, phone="030 1234"), seen_version=seen_one.version)
    with _conflict(on_server):
        partners.update_partner(
            two, partner_id, replace(seen_two.value, phone="030 9999"), seen_version=seen_two.version
        )
    with _conflict(on_server):
        partners.set_partner_active(two, partner_id, False, seen_version=seen_two.version)
    now = next(p for p in partners.list_partners(one) if p.id == partner_id)
    assert now.value.phone == ("030 1234" if on_server else "030 9999")
    assert now.value.active is on_server


def test_appointments_and_group_offers_are_version_checked(session_for, on_server: bool) -> None:
    one, two = _two_sessions(session_for, on_server)
    client_id, case_id = _file_with_records(one)
    planned = Appointment(datetime(2026, 11, 25, 10, 0), 45, "in_person")
    appointment_id = appointments.add_case_appointment(one, case_id, planned)
    seen_one = clients.client_file(one, client_id).cases[0].appointments[0]
    seen_two = clients.client_file(two, client_id).cases[0].appointments[0]
    assert (seen_one.version is not None) == on_server
    moved = replace(seen_one.value, starts_at=datetime(2026, 11, 26, 10, 0))
    appointments.update_appointment(one, appointment_id, moved, seen_version=seen_one.version)
    with _conflict(on_server):
        appointments.set_status(two, appointment_id, "cancelled", seen_version=seen_two.version)
    now = clients.client_file(one, client_id).cases[0].appointments[0].value
    assert now.status == ("planned" if on_server else "cancelled")

    offer_id = groups.create_offer(one, offer())
    offer_one, offer_two = groups.offer_file(one, offer_id), groups.offer_file(two, offer_id)
    assert (offer_one.version is not None) == on_server
    groups.update_offer(one, offer_id, replace(offer_one.offer, title="Bewerbung 1"), seen_version=offer_one.version)
    with _conflict(on_server):
        groups.update_offer(
            two, offer_id, replace(offer_two.offer, title="Bewerbung 2"), seen_version=offer_two.version
        )
    assert groups.offer_file(one, offer_id).offer.title == ("Bewerbung 1" if on_server else "Bewerbung 2")
