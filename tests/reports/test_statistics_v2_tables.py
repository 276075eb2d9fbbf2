"""The tables added with interchange version 2 (DESIGN §7), counted from fixed facts."""

from __future__ import annotations

from datetime import date

import pytest

from jmd_desk.domain import statistics_rules as r
from jmd_desk.domain.settings import OfficeSettings
from jmd_desk.domain.statistics import (
    BASIS_CONSENT,
    AnonymousContactFact,
    ClosureFact,
    GroupOfferFact,
    OpenedCaseFact,
    Period,
    PersonFact,
    StatisticsFacts,
)
from jmd_desk.reports.statistics import TOTAL, publish, raw_statistics
from jmd_desk.reports.statistics_output import table_rows

Q = Period.quarter("2026-Q2")


def facts() -> StatisticsFacts:
    persons = tuple(
        PersonFact(date(2005, 1, 1), "female", "asylum_pending", "SY", "counselling", True, 1000 + i, district)
        for i, district in enumerate(["nord"] * 6 + ["sued"] * 4 + ["unknown"])
    )
    closures = (
        ClosureFact(
            "goals_achieved", "school", date(2025, 1, 1), date(2026, 5, 1), 7, "18-20", "gained_2_plus", "gained"
        ),
        ClosureFact("contact_lost", "none", date(2025, 9, 1), date(2026, 5, 2), 8, "21-24", "no_change", "unknown"),
        ClosureFact(
            "goals_achieved", "school", date(2025, 2, 1), date(2026, 6, 1), 9, "18-20", "gained_1", "no_change"
        ),
    )
    opened = (
        OpenedCaseFact(date(2026, 4, 1), date(2026, 4, 5), 11),
        OpenedCaseFact(date(2026, 4, 1), date(2026, 4, 20), 12),
        OpenedCaseFact(None, date(2026, 5, 1), 13),
        OpenedCaseFact(date(2026, 3, 1), date(2026, 5, 1), 14),
    )
    offers = (
        GroupOfferFact(4, 360, {"female": 7, "male": 5}, {"15-17": 12}, 21),
        GroupOfferFact(2, 95, {"male": 3}, {"18-20": 2, "21-24": 2}, 22),
    )
    anonymous = (
        AnonymousContactFact("phone", ("language", "school"), "female", 31),
        AnonymousContactFact("in_person", ("language",), "male", 32),
        AnonymousContactFact("in_person", (), "male", 33),
    )
    return StatisticsFacts(
        Q,
        BASIS_CONSENT,
        0,
        persons,
        closures=closures,
        goals_by_area_status={("language", "open"): 4, ("vocational", "achieved"): 3, ("unknown", "open"): 1},
        key_sums={"goals_by_area_status": {("language", "open"): 5, ("vocational", "achieved"): 6}},
        opened_cases=opened,
        group_offers=offers,
        anonymous_contacts=anonymous,
        district_labels={"nord": "Nordstadt", "sued": "Südstadt"},
    )


def values(report, table_id: str) -> dict:
    table = report.table(table_id)
    return {tuple(v for _, v in c.key): c.value for c in table.cells if c.value}


def test_internal_counts_of_the_new_tables() -> None:
    report = publish(raw_statistics(facts()), "internal")
    assert values(report, "persons_by_district") == {("nord",): 6, ("sued",): 4, ("unknown",): 1}
    assert report.table("persons_by_district").categories("district")[:2] == ["nord", "sued"]
    cross = values(report, "closures_by_destination_age_group")
    assert cross[("school", "18-20")] == 2 and cross[("none", "21-24")] == 1 and cross[(TOTAL, "18-20")] == 2
    assert values(report, "closures_by_german_level_change") == {
        ("gained_2_plus",): 1,
        ("gained_1",): 1,
        ("no_change",): 1,
    }
    assert values(report, "closures_by_school_qualification_change") == {
        ("gained",): 1,
        ("no_change",): 1,
        ("unknown",): 1,
    }
    assert values(report, "cases_by_waiting_band") == {("0-7",): 1, ("15-30",): 1, ("unknown",): 1, (">30",): 1}
    assert values(report, "goals_by_field") == {("education_social",): 4, ("vocational",): 3, ("unknown",): 1}
    groups = report.table("group_offers")
    assert groups.total is None
    assert {c.code("measure"): c.value for c in groups.cells} == {
        "offers_active": 2,
        "sessions": 6,
        "session_hours": 8,  # (360 + 95) / 60 = 7.58 -> 8, rounded once
        "participants": 16,  # per offer the larger headcount: 12 + 4
    }
    assert values(report, "group_participants_by_gender") == {("female",): 7, ("male",): 8}
    topics = report.table("anonymous_contacts_by_topic")
    assert values(report, "anonymous_contacts_by_topic") == {("language",): 2, ("school",): 1, ("unknown",): 1}
    assert topics.total == 3  # contacts, not topic mentions
    assert values(report, "anonymous_contacts_by_gender") == {("female",): 1, ("male",): 2}


def test_labels_of_office_codes_and_new_categories() -> None:
    report = publish(raw_statistics(facts()), "internal")
    rows = table_rows(report.table("persons_by_district"), "de")
    assert rows[0] == ["Stadtteil", "Anzahl"] and rows[1] == ["Nordstadt", "6"] and rows[2] == ["Südstadt", "4"]
    fields = table_rows(report.table("goals_by_field"), "de")
    assert fields[1] == ["Bildung und Soziales", "4"]
    waiting = table_rows(report.table("cases_by_waiting_band"), "de")
    assert waiting[1] == ["0–7 Tage", "1"]


def test_office_mapping_of_fields() -> None:
    mapping = [
        {"code": "sprache", "label": "Sprache und Bildung", "areas": ["language", "school"]},
        {"code": "arbeit", "label": "Arbeit", "areas": ["vocational"]},
    ]
    assert OfficeSettings(statistics_fields=mapping).problems() == []
    report = publish(raw_statistics(facts(), mapping), "internal")
    assert values(report, "goals_by_field") == {("sprache",): 4, ("arbeit",): 3, ("unknown",): 1}
    bad = [{"code": "a", "label": "A", "areas": ["language"]}, {"code": "b", "label": "B", "areas": ["language"]}]
    assert OfficeSettings(statistics_fields=bad).problems()


@pytest.mark.parametrize(("method", "k"), [("cell_key", None), ("suppression", 3)])
def test_protected_new_tables(method, k) -> None:
    report = publish(raw_statistics(facts()), method, k)
    for table_id in ("persons_by_district", "group_offers", "anonymous_contacts_by_topic", "goals_by_field"):
        for cell in report.table(table_id).cells:
            assert cell.value is None or cell.value == 0 or cell.value >= 3, (table_id, cell)
    if method == "cell_key":
        # A group offer is one record: every cell it alone counts in has the same cell key.
        ptable_value = report.table("group_participants_by_age_group").cell(age_group="15-17").value
        assert abs(ptable_value - 12) <= 2


def test_category_rules() -> None:
    assert r.german_level_change("A1", "B1") == "gained_2_plus"
    assert r.german_level_change("B1", "A2") == "no_change"
    assert r.german_level_change("unknown", "B1") == "unknown"
    assert r.school_qualification_change("foreign_not_recognised", "foreign_recognised") == "gained"
    assert r.school_qualification_change("upper_secondary", "lower_secondary") == "no_change"
    assert r.waiting_band(date(2026, 1, 1), date(2026, 1, 8)) == "0-7"
    assert r.waiting_band(date(2026, 1, 1), date(2026, 1, 9)) == "8-14"
    assert r.waiting_band(date(2026, 1, 1), date(2026, 2, 1)) == ">30"
    entries = [(date(2026, 3, 1), "A2"), (date(2026, 1, 1), "A1")]
    assert r.value_at(entries, date(2026, 2, 1), "B1") == "A1"
    assert r.value_at(entries, date(2025, 2, 1), "B1") == "A1"  # none before: the earliest
    assert r.value_at([], date(2025, 2, 1), "B1") == "B1"
