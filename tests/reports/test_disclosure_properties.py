"""Property tests: on random data and random k, the published tables never show a value
1 <= v < k, protect every row, column and table with a published total, and keep totals
equal to the true sums."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from jmd_desk.domain import codes
from jmd_desk.domain.statistics import ClosureFact, Period, PersonFact, StatisticsFacts
from jmd_desk.reports.statistics import TOTAL, Report, Table, protect, raw_statistics

PERIOD = Period.quarter("2026-Q2")
COUNTRIES = ("SY", "AF", "UA", "TR", "IQ", "ER", "DE", "XK", "GN", "unknown")

persons = st.builds(
    PersonFact,
    date_of_birth=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2016, 1, 1))),
    gender=st.sampled_from(codes.GENDERS),
    residence_status=st.sampled_from(codes.RESIDENCE_STATUSES),
    country_of_birth=st.sampled_from(COUNTRIES),
    case_type=st.sampled_from(codes.CASE_TYPES),
    active_at_end=st.booleans(),
)
small = st.integers(0, 12)
closures = st.builds(
    ClosureFact,
    closure_reason=st.sampled_from(codes.CLOSURE_REASONS),
    destination=st.sampled_from(codes.DESTINATIONS),
    opened_on=st.dates(date(2023, 1, 1), date(2026, 4, 1)),
    closed_on=st.just(date(2026, 5, 1)),
).map(
    lambda c: (
        c
        if c.opened_on <= c.closed_on
        else ClosureFact(c.closure_reason, c.destination, c.closed_on - timedelta(days=3), c.closed_on)
    )
)
facts = st.builds(
    StatisticsFacts,
    period=st.just(PERIOD),
    basis=st.just("consent"),
    persons_left_out=small,
    persons=st.lists(persons, max_size=40).map(tuple),
    cases_opened=small,
    cases_active=st.integers(0, 60),
    cases_closed=small,
    contacts_by_mode=st.dictionaries(
        st.sampled_from(codes.CONTACT_MODES), st.tuples(st.integers(0, 15), st.integers(0, 900)), max_size=9
    ),
    goals_by_area_status=st.dictionaries(
        st.tuples(st.sampled_from(codes.AREAS), st.sampled_from(codes.GOAL_STATUSES)),
        st.integers(1, 9),
        max_size=25,
    ),
    referrals_by_partner_type=st.dictionaries(st.sampled_from(codes.PARTNER_TYPES), st.integers(1, 8), max_size=8),
    referrals_by_status=st.dictionaries(st.sampled_from(codes.REFERRAL_STATUSES), st.integers(1, 8), max_size=6),
    closures=st.lists(closures, max_size=15).map(tuple),
)


def relations(table: Table) -> list[tuple[int | None, list]]:
    """(published total, part cells) for every additive relation of a table."""
    if len(table.dimensions) == 1:
        return [(table.total, list(table.cells))]
    row_dim, col_dim = table.dimensions
    rows, cols = table.categories(row_dim), table.categories(col_dim)
    inner = {(r, c): table.cell(**{row_dim: r, col_dim: c}) for r in rows for c in cols}
    result = []
    for r in rows:
        margin = table.cell(**{row_dim: r, col_dim: TOTAL})
        result.append((margin.value, [inner[(r, c)] for c in cols]))
    for c in cols:
        margin = table.cell(**{row_dim: TOTAL, col_dim: c})
        result.append((margin.value, [inner[(r, c)] for r in rows]))
    result.append((table.total, [table.cell(**{row_dim: r, col_dim: TOTAL}) for r in rows]))
    result.append((table.total, [table.cell(**{row_dim: TOTAL, col_dim: c}) for c in cols]))
    result.append((table.total, list(inner.values())))
    return result


def check(report: Report) -> None:
    k = report.k
    for table in report.tables:
        for cell in table.cells:
            assert (cell.value is None) == bool(cell.suppressed)
            assert cell.value is None or not 1 <= cell.value < k, (table.id, cell)
        assert table.total is None or not 1 <= table.total < k
        for total, parts in relations(table):
            true_sum = sum(p.true_value for p in parts)
            if total is None:
                continue
            if table.id != "contact_hours_by_mode":  # its total is rounded from exact minutes
                assert total == true_sum, table.id
            hidden = [p for p in parts if p.suppressed]
            assert not hidden or (len(hidden) >= 2 and sum(p.true_value for p in hidden) >= k), (
                table.id,
                hidden,
            )
    counts = report.table("contacts_by_mode")
    hours = report.table("contact_hours_by_mode")
    for cell in counts.cells:
        if cell.suppressed:
            assert hours.cell(mode=cell.code("mode")).suppressed
    two_dim = report.table("persons_by_age_group_gender")
    for one_dim, axis in (
        (report.table("persons_by_age_group"), "age_group"),
        (report.table("persons_by_gender"), "gender"),
    ):
        for cell in one_dim.cells:
            key = {"age_group": TOTAL, "gender": TOTAL, axis: cell.code(axis)}
            margin = two_dim.cell(**key)
            assert (margin.true_value, bool(margin.suppressed)) == (cell.true_value, bool(cell.suppressed))
    countries = report.table("persons_by_country_of_birth")
    for cell in countries.cells:
        if cell.code("country_of_birth") not in ("other", "unknown"):
            assert cell.true_value >= k


@settings(max_examples=300, deadline=None)
@given(facts=facts, k=st.integers(3, 10))
def test_disclosure_rules_hold(facts: StatisticsFacts, k: int) -> None:
    check(protect(raw_statistics(facts), k))


@settings(max_examples=100, deadline=None)
@given(a=facts, b=facts, k=st.integers(3, 10))
def test_merge_is_addition(a: StatisticsFacts, b: StatisticsFacts, k: int) -> None:
    merged = raw_statistics(a).merged(raw_statistics(b))
    for table, values in merged.counts.items():
        for key, n in values.items():
            assert n == raw_statistics(a).counts[table].get(key, 0) + raw_statistics(b).counts[table].get(key, 0)
    check(protect(merged, k))
