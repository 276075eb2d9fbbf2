"""Hand-computed statistics on a small fixed data set (DESIGN §7), with the edge cases:
a case opened on ``to``, one closed on ``from``, a birthday on ``to``, a consent withdrawn
inside the period, a person with two active cases."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from jmd_desk.domain.statistics import Period
from jmd_desk.reports.statistics import protect
from jmd_desk.services import interchange, settings, statistics
from tests.conftest import sign_in

Q2 = Period.quarter("2026-Q2")  # 2026-04-01 .. 2026-06-30


def consent(scope: str, given: str, withdrawn: str | None = None) -> dict[str, Any]:
    return {
        "scope": scope,
        "given_by": "self",
        "given_on": given,
        "form_version": "1",
        "withdrawn_on": withdrawn,
    }


def contact(day: str, mode: str, minutes: int) -> dict[str, Any]:
    return {
        "date": day,
        "minutes": minutes,
        "mode": mode,
        "participants": ["young_person"],
        "topics": [],
        "interpreter": False,
        "notes": f"Notiz {day}",
    }


def case(
    ref: str,
    case_type: str,
    opened: str,
    closed: str | None = None,
    reason: str | None = None,
    destination: str | None = None,
    **records: Any,
) -> dict[str, Any]:
    return {
        "ref": ref,
        "case_type": case_type,
        "opened_on": opened,
        "closed_on": closed,
        "closure_reason": reason,
        "destination": destination,
        "goals": records.get("goals", []),
        "contacts": records.get("contacts", []),
        "referrals": records.get("referrals", []),
        "follow_ups": [],
    }


def person(ref: str, first: str, dob: str, gender: str, country: str, status: str, consents: list, cases: list):
    return {
        "ref": ref,
        "first_name": first,
        "last_name": "Testfall",
        "date_of_birth": dob,
        "gender": gender,
        "country_of_birth": country,
        "nationalities": [country],
        "residence_status": status,
        "consents": consents,
        "cases": cases,
    }


DATA = {
    "format": "jmd-desk-interchange",
    "version": 1,
    "partners": [
        {"ref": "jc", "name": "Jobcenter", "partner_type": "jobcenter"},
        {"ref": "ik", "name": "Sprachschule", "partner_type": "integration_course_provider"},
    ],
    "clients": [
        # birthday on `to` (16 then); case opened on `to`
        person(
            "p1",
            "Anna",
            "2010-06-30",
            "female",
            "SY",
            "asylum_pending",
            [consent("statistics", "2026-01-10")],
            [
                case(
                    "a1",
                    "case_management",
                    "2026-06-30",
                    contacts=[contact("2026-06-30", "phone", 30)],
                    goals=[{"area": "housing", "title": "Wohnung", "agreed_on": "2026-07-05", "status": "open"}],
                ),
            ],
        ),
        # turns 18 the day after `to`; case closed on `from`
        person(
            "p2",
            "Bilal",
            "2008-07-01",
            "male",
            "AF",
            "toleration",
            [consent("statistics", "2025-01-10"), consent("referral_sharing", "2025-01-10")],
            [
                case(
                    "b1",
                    "counselling",
                    "2025-01-10",
                    "2026-04-01",
                    "goals_achieved",
                    "school",
                    contacts=[contact("2026-03-20", "in_person", 60), contact("2026-04-01", "in_person", 45)],
                    goals=[
                        {
                            "area": "school",
                            "title": "Abschluss",
                            "agreed_on": "2025-02-01",
                            "status": "achieved",
                            "status_changed_on": "2026-03-15",
                        }
                    ],
                    referrals=[
                        {
                            "partner_ref": "jc",
                            "date": "2026-04-01",
                            "area": "vocational",
                            "status": "accepted",
                        }
                    ],
                ),
            ],
        ),
        # two active cases: counts once, under the type of the latest opened
        person(
            "p3",
            "Chiara",
            "2000-05-01",
            "female",
            "UA",
            "temporary_protection_24",
            [consent("statistics", "2025-03-01"), consent("referral_sharing", "2025-03-01")],
            [
                case(
                    "c1",
                    "counselling",
                    "2025-03-01",
                    "2026-05-15",
                    "moved_away",
                    None,
                    contacts=[contact("2026-05-01", "video", 90), contact("2026-05-02", "video", 30)],
                    goals=[
                        {
                            "area": "vocational",
                            "title": "Ausbildung",
                            "agreed_on": "2025-03-05",
                            "status": "in_progress",
                            "status_changed_on": "2026-07-15",
                        }
                    ],
                    referrals=[{"partner_ref": "ik", "date": "2026-03-01", "area": "language", "status": "completed"}],
                ),
                case(
                    "c2",
                    "case_management",
                    "2026-05-20",
                    contacts=[contact("2026-06-01", "in_person", 120)],
                    goals=[{"area": "language", "title": "B1", "agreed_on": "2026-05-20", "status": "open"}],
                    referrals=[{"partner_ref": "ik", "date": "2026-06-15", "area": "language", "status": "requested"}],
                ),
            ],
        ),
        # consent withdrawn inside the period: left out of Q2, still counted in Q1
        person(
            "p4",
            "Dmitri",
            "2005-02-02",
            "male",
            "UA",
            "temporary_protection_24",
            [consent("statistics", "2026-01-15", "2026-05-10")],
            [
                case("d1", "counselling", "2026-01-15", contacts=[contact("2026-05-01", "phone", 60)]),
            ],
        ),
        # case closed before the period: not counted, not left out
        person(
            "p5",
            "Emre",
            "2011-09-09",
            "male",
            "TR",
            "german_citizen",
            [consent("statistics", "2026-02-01")],
            [
                case("e1", "short_contact", "2026-02-01", "2026-03-31", "other", "none"),
            ],
        ),
        # case opened after the period
        person(
            "p6",
            "Fatou",
            "2004-03-03",
            "diverse",
            "GN",
            "residence_permit_humanitarian",
            [consent("statistics", "2026-07-01")],
            [case("f1", "counselling", "2026-07-01")],
        ),
        # no statistics consent: left out
        person(
            "p7",
            "Goran",
            "2003-12-12",
            "male",
            "XK",
            "residence_permit_other",
            [consent("processing", "2026-04-10")],
            [
                case("g1", "counselling", "2026-04-10", contacts=[contact("2026-04-15", "in_person", 60)]),
            ],
        ),
    ],
}


@pytest.fixture
def lead(store_path, clock):
    admin = sign_in(store_path, "admin", clock)
    interchange.import_data(admin, json.dumps(DATA).encode())
    admin.close()
    session = sign_in(store_path, "lead", clock)
    yield session
    session.close()


def counts(raw, table: str) -> dict[tuple[str, ...], int]:
    return {key: n for key, n in raw.counts[table].items() if n}


def test_raw_counts_by_hand(lead) -> None:
    raw = statistics.raw_for(lead, Q2)
    assert raw.basis == "consent"
    assert raw.persons_left_out == 2  # Dmitri (withdrawn), Goran (no consent)
    assert counts(raw, "caseload") == {
        ("cases_opened",): 2,
        ("cases_active",): 4,
        ("cases_closed",): 2,
        ("persons_active_at_end",): 2,
    }
    assert counts(raw, "persons_by_age_group") == {("15-17",): 2, ("25-27",): 1}
    assert counts(raw, "persons_by_gender") == {("female",): 2, ("male",): 1}
    assert counts(raw, "persons_by_age_group_gender") == {
        ("15-17", "female"): 1,
        ("15-17", "male"): 1,
        ("25-27", "female"): 1,
    }
    assert counts(raw, "persons_by_residence_status") == {
        ("asylum_pending",): 1,
        ("toleration",): 1,
        ("temporary_protection_24",): 1,
    }
    assert counts(raw, "persons_by_country_of_birth") == {("SY",): 1, ("AF",): 1, ("UA",): 1}
    assert counts(raw, "persons_by_case_type") == {("case_management",): 2, ("counselling",): 1}
    assert counts(raw, "contacts_by_mode") == {("phone",): 1, ("in_person",): 2, ("video",): 2}
    assert counts(raw, "contact_hours_by_mode") == {("phone",): 30, ("in_person",): 165, ("video",): 120}
    assert counts(raw, "goals_by_area_status") == {
        ("language", "open"): 1,
        ("school", "achieved"): 1,
        ("vocational", "open"): 1,
    }
    assert counts(raw, "referrals_by_partner_type") == {
        ("jobcenter",): 1,
        ("integration_course_provider",): 1,
    }
    assert counts(raw, "referrals_by_status") == {("accepted",): 1, ("requested",): 1}
    assert counts(raw, "closures_by_reason") == {("goals_achieved",): 1, ("moved_away",): 1}
    assert counts(raw, "closures_by_destination") == {("school",): 1, ("unknown",): 1}
    assert counts(raw, "closures_by_duration") == {(">12m",): 2}


def test_withdrawn_consent_still_counts_in_the_earlier_quarter(lead) -> None:
    raw = statistics.raw_for(lead, Period.quarter("2026-Q1"))
    # Q1: Bilal, Chiara (c1), Dmitri (consent valid until 10 May), Emre (closed 31 March)
    assert sum(raw.counts["persons_by_gender"].values()) == 4
    assert raw.persons_left_out == 0


def test_legal_basis_counts_everyone_with_an_active_case(store_path, clock) -> None:
    admin = sign_in(store_path, "admin", clock)
    interchange.import_data(admin, json.dumps(DATA).encode())
    settings.save_office_settings(admin, replace(settings.office_settings(admin), statistics_legal_basis=True))
    raw = statistics.raw_for(admin, Q2)
    admin.close()
    assert raw.basis == "legal_basis"
    assert raw.persons_left_out == 0
    assert sum(raw.counts["persons_by_gender"].values()) == 5


def test_protected_tables(lead) -> None:
    report = protect(statistics.raw_for(lead, Q2), 3)
    gender = report.table("persons_by_gender")
    assert gender.total == 3
    assert gender.cell(gender="female").value is None and gender.cell(gender="female").suppressed == "primary"
    assert gender.cell(gender="male").suppressed == "primary"
    assert gender.cell(gender="diverse").value == 0
    countries = report.table("persons_by_country_of_birth")
    assert [c.code("country_of_birth") for c in countries.cells] == ["other", "unknown"]
    assert countries.cell(country_of_birth="other").value == 3
    caseload = report.table("caseload")
    assert caseload.cell(measure="cases_active").value == 4
    assert caseload.cell(measure="cases_opened").value is None  # 2 < 3
    hours = report.table("contact_hours_by_mode")
    assert hours.cell(mode="in_person").true_value == 3
    assert hours.cell(mode="in_person").suppressed  # hidden because its contact count (2) is hidden
    two_dim = report.table("persons_by_age_group_gender")
    assert two_dim.cell(age_group="15-17", gender="total").value is None
    assert two_dim.cell(age_group="total", gender="female").suppressed == gender.cell(gender="female").suppressed
