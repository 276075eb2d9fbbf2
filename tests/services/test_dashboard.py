"""The overview (Übersicht): what needs attention, per list, in the files the user may see."""

from __future__ import annotations

from datetime import date

from jmd_desk.domain.entities import Case, Client, Consent, FollowUp, Goal, Partner, Referral
from jmd_desk.services import casework, clients, partners
from jmd_desk.services.dashboard import dashboard

INTAKE = date(2026, 3, 2)  # the clock stands at 20 November 2026


def _client(session, first_name: str, born: date) -> tuple[int, int]:
    client = Client(first_name=first_name, last_name="Test", date_of_birth=born)
    client_id = clients.create_client(session, client, Case("case_management", INTAKE))
    return client_id, clients.client_file(session, client_id).cases[0].id


def test_each_list_shows_what_is_due_and_nothing_else(session_for) -> None:
    admin = session_for("admin")
    partner_id = partners.create_partner(admin, Partner("Jobcenter Mitte", "jobcenter"))
    berta = session_for("berta")
    due_id, due_case = _client(berta, "Dina", date(1999, 12, 1))  # 27 on 1 December, no consent
    calm_id, calm_case = _client(berta, "Ruth", date(2010, 4, 4))
    for scope in ("processing", "referral_sharing"):
        casework.add_record(berta, calm_id, Consent(scope, INTAKE))
    casework.add_record(berta, due_case, FollowUp(date(2026, 11, 1), "Nachfragen"))
    casework.add_record(berta, calm_case, FollowUp(date(2026, 11, 2), "Erledigt", done=True))
    casework.add_record(berta, calm_case, FollowUp(date(2026, 12, 24), "Später"))
    casework.add_record(berta, due_case, Goal("language", "B1", due_on=date(2026, 11, 30)))
    casework.add_record(berta, calm_case, Goal("language", "B2", due_on=date(2027, 3, 1)))
    casework.add_record(berta, calm_case, Referral(partner_id, date(2026, 10, 1)))
    casework.add_record(berta, calm_case, Referral(partner_id, date(2026, 11, 15)))

    board = dashboard(berta)

    assert board.open_cases_by_type == {"case_management": 2}
    assert [(i.client_id, i.detail) for i in board.overdue_follow_ups] == [(due_id, "Nachfragen")]
    assert [(i.client_id, i.detail, i.due_on) for i in board.goals_due] == [(due_id, "B1", date(2026, 11, 30))]
    assert [(i.client_id, i.detail) for i in board.referrals_waiting] == [(calm_id, "Jobcenter Mitte")]
    assert [(i.client_id, i.due_on) for i in board.turning_27] == [(due_id, date(2026, 12, 1))]
    assert [(i.client_id, i.due_on) for i in board.missing_processing_consent] == [(due_id, INTAKE)]
    assert {i.client_name for i in board.overdue_follow_ups} == {"Dina Test"}


def test_files_of_other_counsellors_are_not_shown(session_for) -> None:
    berta = session_for("berta")
    _, case_id = _client(berta, "Dina", date(1999, 12, 1))
    casework.add_record(berta, case_id, FollowUp(date(2026, 11, 1), "Nachfragen"))
    cem = session_for("cem")
    board = dashboard(cem)
    assert board.open_cases_by_type == {}
    assert not board.overdue_follow_ups and not board.turning_27 and not board.missing_processing_consent
