"""The three publication methods of DESIGN §7 on real stores and on fixed facts."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date

import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.statistics import BASIS_CONSENT, Period, PersonFact, StatisticsFacts
from jmd_desk.reports.cell_key import shipped_table
from jmd_desk.reports.statistics import TOTAL, Report, publish, raw_statistics
from jmd_desk.reports.statistics_output import to_json
from jmd_desk.services import interchange, statistics
from tests.conftest import TODAY, sign_in

QUARTER = Period.quarter("2026-Q2")


@pytest.fixture
def loaded(store_path, clock):
    doc = generate_document(150, today=TODAY.date(), seed=16, counsellors=["admin"])
    admin = sign_in(store_path, "admin", clock)
    interchange.import_data(admin, json.dumps(doc).encode())
    admin.close()
    lead = sign_in(store_path, "lead", clock)
    yield lead, doc
    lead.close()


# ------------------------------------------------------------------ internal: an independent recount
def _active(case: dict, period: Period) -> bool:
    opened = date.fromisoformat(case["opened_on"])
    closed = date.fromisoformat(case["closed_on"]) if case["closed_on"] else None
    return opened <= period.end and (closed is None or closed >= period.start)


def _consents(client: dict, period: Period) -> bool:
    return any(
        c["scope"] == "statistics"
        and date.fromisoformat(c["given_on"]) <= period.end
        and (c["withdrawn_on"] is None or date.fromisoformat(c["withdrawn_on"]) > period.end)
        for c in client["consents"]
    )


def recount(doc: dict, period: Period) -> dict[str, Counter]:
    """Some §7 tables counted straight from the interchange document, without the statistics code."""
    counted = [c for c in doc["clients"] if any(_active(k, period) for k in c["cases"]) and _consents(c, period)]
    cases = [k for c in counted for k in c["cases"] if _active(k, period)]
    in_period = [k for k in cases if k["closed_on"] and period.start <= date.fromisoformat(k["closed_on"])]
    contacts = [t for k in cases for t in k["contacts"] if period.start <= date.fromisoformat(t["date"]) <= period.end]
    return {
        "persons_by_gender": Counter(c["gender"] for c in counted),
        "persons_by_residence_status": Counter(c["residence_status"] for c in counted),
        "persons_by_country_of_birth": Counter(c["country_of_birth"] for c in counted),
        "closures_by_reason": Counter(
            k["closure_reason"] or "unknown" for k in in_period if k["closed_on"] <= period.end.isoformat()
        ),
        "contacts_by_mode": Counter(t["mode"] for t in contacts),
        "caseload": Counter(
            {
                "cases_active": len(cases),
                "cases_opened": sum(1 for k in cases if date.fromisoformat(k["opened_on"]) >= period.start),
            }
        ),
        "minutes": Counter({"all": sum(t["minutes"] for t in contacts)}),
    }


def test_internal_report_equals_an_independent_recount(loaded) -> None:
    lead, doc = loaded
    report = statistics.report_for(lead, QUARTER, "internal")
    expected = recount(doc, QUARTER)
    assert report.k is None and report.method == "internal"
    for table_id in (
        "persons_by_gender",
        "persons_by_residence_status",
        "persons_by_country_of_birth",
        "closures_by_reason",
        "contacts_by_mode",
    ):
        table = report.table(table_id)
        dim = table.dimensions[0]
        got = {c.code(dim): c.value for c in table.cells if c.value}
        assert got == dict(expected[table_id]), table_id  # no country recoding either
        assert table.total == sum(expected[table_id].values())
    caseload = report.table("caseload")
    for measure in ("cases_active", "cases_opened"):
        assert caseload.cell(measure=measure).value == expected["caseload"][measure]
    hours = report.table("contact_hours_by_mode")
    assert hours.total == (expected["minutes"]["all"] + 30) // 60  # rounded once, from exact minutes


def test_internal_report_is_for_team_leads_only(store_path, clock) -> None:
    for user in ("berta", "it"):
        session = sign_in(store_path, user, clock)
        try:
            with pytest.raises(JmdError):
                statistics.report_for(session, QUARTER, "internal")
        finally:
            session.close()


# ------------------------------------------------------------------ cell key
def _cells(report: Report):
    for table in report.tables:
        yield from table.cells


def test_cell_key_values_stay_within_the_rules(loaded) -> None:
    lead, _ = loaded
    report = statistics.report_for(lead, QUARTER)
    assert report.method == "cell_key" and report.k == 3
    for cell in _cells(report):
        n, v = cell.true_value, cell.value
        assert cell.suppressed is False and v is not None
        assert abs(v - n) <= 2 and v not in (1, 2) and v >= 0
        if n == 0:
            assert v == 0
    assert report.table("caseload").total is None
    again = statistics.report_for(lead, QUARTER)
    assert to_json(again) == to_json(report)


def test_same_contributors_same_value_across_tables_periods_and_merges(loaded) -> None:
    lead, _ = loaded
    report = statistics.report_for(lead, QUARTER)
    assert report.table("persons_by_gender").total == report.table("persons_by_age_group").total
    assert report.table("persons_by_age_group_gender").total == report.table("persons_by_gender").total
    free = statistics.report_for(lead, Period(QUARTER.start, QUARTER.end))
    assert to_json(free) == to_json(report)
    merged = statistics.merge_bundles(
        [statistics.create_bundle(lead, QUARTER, "Buero-Statistik-2026")], "Buero-Statistik-2026", QUARTER
    )
    assert to_json(statistics.publish_raw(merged, "cell_key", None)) == to_json(report)


def test_k_and_free_periods_are_refused_where_they_do_not_apply(loaded) -> None:
    lead, _ = loaded
    with pytest.raises(JmdError) as raised:
        statistics.report_for(lead, QUARTER, "cell_key", 5)
    assert raised.value.code == "k_only_with_suppression"
    with pytest.raises(JmdError) as raised:
        statistics.report_for(lead, Period(date(2026, 4, 3), date(2026, 6, 30)), "suppression")
    assert raised.value.code == "suppression_needs_calendar_period"
    for start, end in ((date(2026, 1, 1), date(2026, 6, 30)), (date(2026, 1, 1), date(2026, 12, 31))):
        assert statistics.report_for(lead, Period(start, end), "suppression", 4).k == 4
    with pytest.raises(JmdError):
        statistics.report_for(lead, QUARTER, "bogus")


# ------------------------------------------------------------------ headline figures
def headline_facts() -> StatisticsFacts:
    rng = random.Random(4)
    persons = []
    for gender, n in (("female", 9), ("male", 12), ("diverse", 1), ("unknown", 2)):
        for _ in range(n):
            born = date(rng.randint(1999, 2013), rng.randint(1, 12), rng.randint(1, 28))
            persons.append(PersonFact(born, gender, "asylum_pending", "SY", "counselling", True, rng.randrange(2**32)))
    return StatisticsFacts(QUARTER, BASIS_CONSENT, 0, tuple(persons))


@pytest.mark.parametrize(("method", "k"), [("cell_key", None), ("suppression", 3)])
def test_women_and_men_are_published(method, k) -> None:
    report = publish(raw_statistics(headline_facts()), method, k)
    gender = report.table("persons_by_gender")
    for code in ("female", "male"):
        assert gender.cell(gender=code).value is not None, (method, code)
        cross = report.table("persons_by_age_group_gender").cell(age_group=TOTAL, gender=code)
        assert cross.value == gender.cell(gender=code).value
    if method == "suppression":
        assert gender.cell(gender="female").value == 9 and gender.cell(gender="male").value == 12


def test_cell_key_perturbs_persons_left_out_like_a_cell() -> None:
    facts = StatisticsFacts(QUARTER, BASIS_CONSENT, 1, (), persons_left_out_key_sum=12345)
    report = publish(raw_statistics(facts), "cell_key")
    assert report.persons_left_out == shipped_table().perturb(1, 12345)
    assert report.persons_left_out in (0, 3)
