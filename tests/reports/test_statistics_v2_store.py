"""The version-2 tables counted from a real store: districts with the office's labels, progress
between opening and closure, waiting band, group offers, anonymous contacts, real record keys."""

from __future__ import annotations

import dataclasses
from datetime import date

from jmd_desk.domain.entities import AnonymousContact, Case, Client, District, GroupOffer, GroupSession, Progress
from jmd_desk.domain.statistics import Period
from jmd_desk.reports.cell_key import shipped_table
from jmd_desk.services import anonymous, clients, groups, progress, statistics
from jmd_desk.services import settings as office
from tests.conftest import sign_in

Q = Period.quarter("2026-Q2")


def build(store_path, clock) -> dict[str, int]:
    admin = sign_in(store_path, "admin", clock)
    try:
        office.save_office_settings(
            admin, dataclasses.replace(office.office_settings(admin), statistics_legal_basis=True)
        )
        progress.save_district(admin, District("nord", "Nordstadt"))
        keys = {}
        for i, (district, german) in enumerate([("nord", "A1"), ("nord", "B1"), (None, "A2")]):
            case = Case(
                "case_management",
                date(2026, 1, 10),
                date(2026, 5, 5) if i == 0 else None,
                "goals_achieved" if i == 0 else None,
                "vocational_training" if i == 0 else None,
                requested_on=date(2025, 12, 1),
                record_key=1000 * (i + 1),
            )
            client = Client(
                f"Vorname{i}",
                f"Nachname{i}",
                date(2006, 3, 1),
                gender="female",
                district=district,
                german_level=german,
                record_key=7 + i,
            )
            client_id = clients.create_client(admin, client, case)
            keys[f"client{i}"] = client_id
        progress.add_progress(admin, keys["client0"], Progress("german_level", "A1", date(2026, 1, 10)))
        progress.add_progress(admin, keys["client0"], Progress("german_level", "B1", date(2026, 4, 20)))
        opened = Case("counselling", date(2026, 4, 20), requested_on=date(2026, 4, 10), record_key=77)
        clients.create_client(admin, Client("Neu", "Person", date(2008, 1, 1), gender="male", record_key=99), opened)
        offer = GroupOffer(
            "Bewerbungstraining",
            "workshop",
            date(2026, 4, 1),
            date(2026, 6, 30),
            participants_by_gender=(("female", 6), ("male", 4)),
            participants_by_age_group=(("15-17", 9),),
            record_key=4242,
        )
        offer_id = groups.create_offer(admin, offer)
        groups.add_session(admin, offer_id, GroupSession(date(2026, 4, 7), 90, 8))
        groups.add_session(admin, offer_id, GroupSession(date(2026, 4, 14), 100, 9))
        for topics, mode in ((("language",), "phone"), (("language", "school"), "in_person"), ((), "phone")):
            anonymous.record_anonymous_contact(
                admin, AnonymousContact(date(2026, 5, 2), 20, mode, topics, "18-20", "female", record_key=5)
            )
    finally:
        admin.close()
    return keys


def cells(report, table_id: str) -> dict[str, int]:
    table = report.table(table_id)
    return {c.key[0][1]: c.value for c in table.cells if c.value}


def test_v2_tables_from_the_store(store_path, clock) -> None:
    build(store_path, clock)
    lead = sign_in(store_path, "lead", clock)
    try:
        report = statistics.report_for(lead, Q, "internal")
        assert cells(report, "persons_by_district") == {"nord": 2, "unknown": 2}
        assert report.table("persons_by_district").labels == (("nord", "Nordstadt"),)
        assert cells(report, "closures_by_german_level_change") == {"gained_2_plus": 1}  # A1 at opening, B1 at closure
        assert cells(report, "cases_by_waiting_band") == {"8-14": 1}  # the case opened in the quarter
        assert {c.code("measure"): c.value for c in report.table("group_offers").cells} == {
            "offers_active": 1,
            "sessions": 2,
            "session_hours": 3,  # 190 minutes
            "participants": 10,
        }
        assert cells(report, "group_participants_by_age_group") == {"15-17": 9}
        assert cells(report, "anonymous_contacts_by_mode") == {"phone": 2, "in_person": 1}
        assert cells(report, "anonymous_contacts_by_topic") == {"language": 2, "school": 1, "unknown": 1}
        assert report.table("anonymous_contacts_by_topic").total == 3
        closures = report.table("closures_by_destination_age_group")
        assert closures.cell(destination="vocational_training", age_group="18-20").value == 1
        # The cell-key method reads the real record keys: the four persons' key sum is 7+8+9+99.
        masked = statistics.report_for(lead, Q)
        assert masked.table("persons_by_gender").total == shipped_table().perturb(4, 7 + 8 + 9 + 99)
        assert masked.table("group_offers").cell(measure="participants").value == shipped_table().perturb(10, 4242)
    finally:
        lead.close()
