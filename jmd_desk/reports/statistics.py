"""The statistics engine: the tables of DESIGN §7 and the three ways to publish them.

``raw_statistics`` turns the store's facts into exact counts plus, per cell, the sum of the
record keys of its contributors (what a bundle carries). ``publish`` then applies one method:
``internal`` (exact), ``cell_key`` (every cell perturbed from its count and key sum, nothing
withheld) or ``suppression`` (rare countries recoded, every cell 1 <= v < k withheld, and in
every row, column and table whose total is published either nothing or at least two cells
whose sum is at least k). A margin or total is a cell with its own contributors.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from jmd_desk.domain import codes
from jmd_desk.domain import statistics_rules as rules_v2
from jmd_desk.domain.rules import age_group, duration_band
from jmd_desk.domain.settings import DEFAULT_STATISTICS_FIELDS
from jmd_desk.domain.statistics import Period, StatisticsFacts
from jmd_desk.reports.cell_key import KEY_MODULUS, THRESHOLD, shipped_table

TOTAL = "total"
Key = tuple[str, ...]
Suppression = Literal[False, "primary", "secondary"]
METHODS = ("cell_key", "suppression", "internal")

MEASURES = ("cases_opened", "cases_active", "cases_closed", "persons_active_at_end")
CATEGORIES: dict[str, tuple[str, ...]] = {
    "measure": MEASURES,
    "age_group": codes.AGE_GROUPS,
    "gender": codes.GENDERS,
    "residence_status": codes.RESIDENCE_STATUSES,
    "case_type": codes.CASE_TYPES,
    "mode": codes.CONTACT_MODES,
    "area": codes.AREAS,
    "partner_type": codes.PARTNER_TYPES,
    "closure_reason": codes.CLOSURE_REASONS,
    "destination": codes.DESTINATIONS,
    "duration_band": codes.DURATION_BANDS,
    "waiting_band": rules_v2.WAITING_BANDS,
    "topics": codes.AREAS,
}
GROUP_MEASURES = ("offers_active", "sessions", "session_hours", "participants")
# Categories that depend on the table, not only on the dimension.
TABLE_CATEGORIES: dict[tuple[str, str], tuple[str, ...]] = {
    ("goals_by_area_status", "status"): codes.GOAL_STATUSES,
    ("referrals_by_status", "status"): codes.REFERRAL_STATUSES,
    ("closures_by_german_level_change", "change"): rules_v2.GERMAN_CHANGES,
    ("closures_by_school_qualification_change", "change"): rules_v2.SCHOOL_CHANGES,
    ("group_offers", "measure"): GROUP_MEASURES,
    ("goals_by_field", "field"): (codes.OTHER, codes.UNKNOWN),  # after the office's fields
    ("persons_by_district", "district"): (codes.UNKNOWN,),  # after the office's districts
}

# Table id -> dimensions, in report order.
TABLES: dict[str, tuple[str, ...]] = {
    "caseload": ("measure",),
    "persons_by_age_group": ("age_group",),
    "persons_by_gender": ("gender",),
    "persons_by_age_group_gender": ("age_group", "gender"),
    "persons_by_residence_status": ("residence_status",),
    "persons_by_country_of_birth": ("country_of_birth",),
    "persons_by_case_type": ("case_type",),
    "contacts_by_mode": ("mode",),
    "contact_hours_by_mode": ("mode",),
    "goals_by_area_status": ("area", "status"),
    "referrals_by_partner_type": ("partner_type",),
    "referrals_by_status": ("status",),
    "closures_by_reason": ("closure_reason",),
    "closures_by_destination": ("destination",),
    "closures_by_duration": ("duration_band",),
    "persons_by_district": ("district",),
    "closures_by_destination_age_group": ("destination", "age_group"),
    "closures_by_german_level_change": ("change",),
    "closures_by_school_qualification_change": ("change",),
    "cases_by_waiting_band": ("waiting_band",),
    "goals_by_field": ("field",),
    "group_offers": ("measure",),
    "group_participants_by_gender": ("gender",),
    "group_participants_by_age_group": ("age_group",),
    "anonymous_contacts_by_mode": ("mode",),
    "anonymous_contacts_by_topic": ("topics",),
    "anonymous_contacts_by_gender": ("gender",),
}
# The raw form of contact_hours_by_mode holds minutes, so that merged bundles round once.
MINUTES_TABLE = "contact_hours_by_mode"
GROUP_MINUTES = ("session_hours",)  # the raw group_offers table holds this measure in minutes
# Measures that do not add up: these tables have no total.
NO_TOTAL = frozenset({"caseload", "group_offers"})
TWO_DIM = ("persons_by_age_group_gender", "goals_by_area_status", "closures_by_destination_age_group")
# Headline cells: withheld by suppression only when no smaller combination protects the rest.
HEADLINE = {"gender": frozenset({"female", "male"}), "age_group": frozenset(codes.AGE_GROUPS) - {codes.OTHER}}


@dataclass(frozen=True)
class RawStatistics:
    """Exact counts per table and key (before recoding) and the key sum of each cell's
    contributors (mod 2**32); safe to add up across stores."""

    period: Period
    basis: str
    persons_left_out: int
    counts: dict[str, dict[Key, int]]
    key_sums: dict[str, dict[Key, int]] = field(default_factory=dict)
    persons_left_out_key_sum: int = 0
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # office codes: districts, fields

    def merged(self, other: RawStatistics) -> RawStatistics:
        """The counts and key sums of two stores for the same period, added up."""
        counts, key_sums = {}, {}
        for table in TABLES:
            total: Counter[Key] = Counter(self.counts.get(table, {}))
            total.update(other.counts.get(table, {}))
            counts[table] = dict(total)
            sums: Counter[Key] = Counter(self.key_sums.get(table, {}))
            sums.update(other.key_sums.get(table, {}))
            key_sums[table] = {key: value % KEY_MODULUS for key, value in sums.items()}
        basis = self.basis if self.basis == other.basis else "mixed"
        left_out_keys = (self.persons_left_out_key_sum + other.persons_left_out_key_sum) % KEY_MODULUS
        labels = {
            dim: {**other.labels.get(dim, {}), **self.labels.get(dim, {})} for dim in {*self.labels, *other.labels}
        }
        left_out = self.persons_left_out + other.persons_left_out
        return RawStatistics(self.period, basis, left_out, counts, key_sums, left_out_keys, labels)


def _tally(items: Iterable[tuple[Key, int]]) -> tuple[dict[Key, int], dict[Key, int]]:
    """Counts and key sums of (category key, record key) pairs (a hot loop: plain dicts)."""
    counts: dict[Key, int] = {}
    sums: dict[Key, int] = {}
    for key, record_key in items:
        if key in counts:
            counts[key] += 1
            sums[key] += record_key
        else:
            counts[key] = 1
            sums[key] = record_key
    return counts, {key: value % KEY_MODULUS for key, value in sums.items()}


def raw_statistics(
    facts: StatisticsFacts, fields: Sequence[dict[str, Any]] = DEFAULT_STATISTICS_FIELDS
) -> RawStatistics:
    """Count every table (and sum its contributors' keys) from the facts of one store;
    ``fields`` are the office's Handlungsfelder for ``goals_by_field``."""
    tallies = {**_person_tallies(facts), **_closure_tallies(facts), **_v2_tallies(facts)}
    at_end = [p for p in facts.persons if p.active_at_end]
    counts: dict[str, dict[Key, int]] = {
        "caseload": {
            ("cases_opened",): facts.cases_opened,
            ("cases_active",): facts.cases_active,
            ("cases_closed",): facts.cases_closed,
            ("persons_active_at_end",): len(at_end),
        },
        "contacts_by_mode": {(mode,): n for mode, (n, _) in facts.contacts_by_mode.items()},
        MINUTES_TABLE: {(mode,): minutes for mode, (_, minutes) in facts.contacts_by_mode.items()},
        "goals_by_area_status": {(a, s): n for (a, s), n in facts.goals_by_area_status.items()},
        "referrals_by_partner_type": {(t,): n for t, n in facts.referrals_by_partner_type.items()},
        "referrals_by_status": {(s,): n for s, n in facts.referrals_by_status.items()},
    }
    key_sums = {table: dict(facts.key_sums.get(table, {})) for table in counts}
    key_sums["caseload"][("persons_active_at_end",)] = sum(p.record_key for p in at_end) % KEY_MODULUS
    counts["goals_by_field"], key_sums["goals_by_field"] = _goals_by_field(counts, key_sums, fields)
    counts["group_offers"], key_sums["group_offers"] = _group_offers(facts)
    for table, (table_counts, table_sums) in tallies.items():
        counts[table], key_sums[table] = table_counts, table_sums
    labels = {"district": dict(facts.district_labels), "field": {f["code"]: f["label"] for f in fields}}
    left_out = facts.persons_left_out
    return RawStatistics(facts.period, facts.basis, left_out, counts, key_sums, facts.persons_left_out_key_sum, labels)


def _person_tallies(facts: StatisticsFacts) -> dict[str, tuple[dict[Key, int], dict[Key, int]]]:
    persons = facts.persons
    groups = [age_group(p.date_of_birth, facts.period.end) for p in persons]
    pairs = list(zip(groups, persons, strict=True))
    return {
        "persons_by_age_group": _tally(((g,), p.record_key) for g, p in pairs),
        "persons_by_gender": _tally(((p.gender,), p.record_key) for p in persons),
        "persons_by_age_group_gender": _tally(((g, p.gender), p.record_key) for g, p in pairs),
        "persons_by_residence_status": _tally(((p.residence_status,), p.record_key) for p in persons),
        "persons_by_country_of_birth": _tally(((p.country_of_birth,), p.record_key) for p in persons),
        "persons_by_case_type": _tally(((p.case_type or codes.UNKNOWN,), p.record_key) for p in persons),
        "persons_by_district": _tally(((p.district or codes.UNKNOWN,), p.record_key) for p in persons),
    }


def _closure_tallies(facts: StatisticsFacts) -> dict[str, tuple[dict[Key, int], dict[Key, int]]]:
    closures = facts.closures
    return {
        "closures_by_reason": _tally(((c.closure_reason,), c.record_key) for c in closures),
        "closures_by_destination": _tally(((c.destination,), c.record_key) for c in closures),
        "closures_by_duration": _tally(((duration_band(c.opened_on, c.closed_on),), c.record_key) for c in closures),
        "closures_by_destination_age_group": _tally(((c.destination, c.age_group), c.record_key) for c in closures),
        "closures_by_german_level_change": _tally(((c.german_level_change,), c.record_key) for c in closures),
        "closures_by_school_qualification_change": _tally(
            ((c.school_qualification_change,), c.record_key) for c in closures
        ),
    }


def _v2_tallies(facts: StatisticsFacts) -> dict[str, tuple[dict[Key, int], dict[Key, int]]]:
    anonymous = facts.anonymous_contacts
    offers = facts.group_offers
    topics = _tally(((t,), a.record_key) for a in anonymous for t in dict.fromkeys(a.topics or (codes.UNKNOWN,)))
    topics[0][(TOTAL,)] = len(anonymous)  # contacts, each once: its own cell
    topics[1][(TOTAL,)] = sum(a.record_key for a in anonymous) % KEY_MODULUS
    return {
        "cases_by_waiting_band": _tally(
            ((rules_v2.waiting_band(c.requested_on, c.opened_on),), c.record_key) for c in facts.opened_cases
        ),
        "group_participants_by_gender": _headcounts((o.participants_by_gender, o.record_key) for o in offers),
        "group_participants_by_age_group": _headcounts((o.participants_by_age_group, o.record_key) for o in offers),
        "anonymous_contacts_by_mode": _tally(((a.mode,), a.record_key) for a in anonymous),
        "anonymous_contacts_by_topic": topics,
        "anonymous_contacts_by_gender": _tally(((a.gender,), a.record_key) for a in anonymous),
    }


def _headcounts(offers: Iterable[tuple[dict[str, int], int]]) -> tuple[dict[Key, int], dict[Key, int]]:
    """Participants of offers: an offer adds its headcount and, once, its key to each cell it counts in."""
    counts: Counter[Key] = Counter()
    sums: Counter[Key] = Counter()
    for headcounts, record_key in offers:
        for code, n in headcounts.items():
            if n > 0:
                counts[(code,)] += n
                sums[(code,)] += record_key
    return dict(counts), {key: value % KEY_MODULUS for key, value in sums.items()}


def _group_offers(facts: StatisticsFacts) -> tuple[dict[Key, int], dict[Key, int]]:
    """Offers, sessions, session minutes (rounded to hours when published) and participants."""
    offers = facts.group_offers

    def headcount(o: Any) -> int:
        return max(sum(o.participants_by_gender.values()), sum(o.participants_by_age_group.values()))

    measures = {
        "offers_active": [(1, o.record_key) for o in offers],
        "sessions": [(o.sessions, o.record_key) for o in offers if o.sessions],
        "session_hours": [(o.session_minutes, o.record_key) for o in offers if o.session_minutes],
        "participants": [(headcount(o), o.record_key) for o in offers if headcount(o)],
    }
    counts: dict[Key, int] = {(m,): sum(n for n, _ in items) for m, items in measures.items()}
    sums: dict[Key, int] = {(m,): sum(k for _, k in items) % KEY_MODULUS for m, items in measures.items()}
    return counts, sums


def _goals_by_field(
    counts: dict[str, dict[Key, int]], key_sums: dict[str, dict[Key, int]], fields: Sequence[dict[str, Any]]
) -> tuple[dict[Key, int], dict[Key, int]]:
    """Goals by the office's Handlungsfelder, from goals by area (each area in at most one field)."""
    field_of = {area: f["code"] for f in fields for area in f["areas"]}
    by_field: Counter[Key] = Counter()
    sums: Counter[Key] = Counter()
    for (area, status), n in counts["goals_by_area_status"].items():
        target = (codes.UNKNOWN if area == codes.UNKNOWN else field_of.get(area, codes.OTHER),)
        by_field[target] += n
        sums[target] += key_sums["goals_by_area_status"].get((area, status), 0)
    return dict(by_field), {key: value % KEY_MODULUS for key, value in sums.items()}


# ----------------------------------------------------------------- report
@dataclass(frozen=True)
class Cell:
    """One published cell; ``true_value`` stays inside the program (tests, margins)."""

    key: tuple[tuple[str, str], ...]
    true_value: int
    suppressed: Suppression = False
    published: int | None = None  # the perturbed value (cell-key method); else the true value

    @property
    def value(self) -> int | None:
        """The published value (None when suppressed)."""
        if self.suppressed:
            return None
        return self.true_value if self.published is None else self.published

    def code(self, dimension: str) -> str:
        """The category of this cell in ``dimension``."""
        return dict(self.key)[dimension]


@dataclass(frozen=True)
class Table:
    """A published table: cells (margins carry the code ``total``) and the grand total."""

    id: str
    dimensions: tuple[str, ...]
    cells: tuple[Cell, ...]
    true_total: int | None
    total_suppressed: bool = False
    published_total: int | None = None
    labels: tuple[tuple[str, str], ...] = ()  # the office's labels of its own codes (districts, fields)

    @property
    def total(self) -> int | None:
        """The published grand total (None when the table has none or it is withheld)."""
        if self.true_total is None or self.total_suppressed:
            return None
        return self.true_total if self.published_total is None else self.published_total

    def cell(self, **key: str) -> Cell:
        """The cell with exactly this key."""
        wanted = tuple(sorted(key.items()))
        return next(c for c in self.cells if tuple(sorted(c.key)) == wanted)

    def categories(self, dimension: str) -> list[str]:
        """The categories of one dimension, in order, without ``total``."""
        seen: dict[str, None] = {}
        for c in self.cells:
            code = c.code(dimension)
            if code != TOTAL:
                seen.setdefault(code)
        return list(seen)


@dataclass(frozen=True)
class Report:
    """The whole statistics release."""

    period: Period
    k: int | None
    basis: str
    persons_left_out: int
    tables: tuple[Table, ...] = field(default=())
    method: str = "suppression"
    differs_from: datetime | None = None  # an earlier publication of the same period and method differs

    def table(self, table_id: str) -> Table:
        """One table by id."""
        return next(t for t in self.tables if t.id == table_id)


class _Grid:
    """Cells of one (or two linked) tables with their key sums, the additive relations between
    them, and the suppression pattern that satisfies DESIGN §7 rules 2 and 3."""

    def __init__(
        self, values: dict[Key, int], relations: list[tuple[Key, list[Key]]], grand: Key | None, dims: Sequence[str]
    ) -> None:
        self.values = values
        self.key_sums: dict[Key, int] = dict.fromkeys(values, 0)
        self.relations = relations
        self.grand = grand
        self.status: dict[Key, Suppression] = dict.fromkeys(values, False)
        self.order = {key: i for i, key in enumerate(values)}
        self.headline = {
            key
            for key in values
            if any(code in HEADLINE.get(dim, ()) for dim, code in zip(dims, key, strict=True))
            and (len(key) == 1 or TOTAL in key)
        }

    def protect(self, k: int, seeds: Iterable[Key] = ()) -> None:
        for key, value in self.values.items():
            if 1 <= value < k:
                self.status[key] = "primary"
        for key in seeds:
            if not self.status[key]:
                self.status[key] = "secondary"
        changed = True
        while changed:
            changed = False
            for total, parts in self.relations:
                if self.status[total]:
                    continue  # an unpublished total gives nothing away
                hidden = [p for p in parts if self.status[p]]
                if not hidden or (len(hidden) >= 2 and sum(self.values[p] for p in hidden) >= k):
                    continue
                open_parts = [p for p in parts if not self.status[p]]
                if not open_parts:  # only possible when the total itself is below k
                    self.status[total] = "secondary"
                else:
                    self.status[self._pick(open_parts)] = "secondary"
                changed = True

    def _pick(self, open_parts: list[Key]) -> Key:
        """The cell to withhold next: the smallest, zeros and headline cells last."""
        return min(open_parts, key=lambda p: (p in self.headline, self.values[p] == 0, self.values[p], self.order[p]))


def _one_dim_values(values: dict[str, int]) -> dict[Key, int]:
    out: dict[Key, int] = {(c,): v for c, v in values.items()}
    out[(TOTAL,)] = sum(values.values())
    return out


def _one_dim(values: dict[str, int], dim: str, with_total: bool = True) -> _Grid:
    keys: list[Key] = [(c,) for c in values]
    if not with_total:
        return _Grid({(c,): v for c, v in values.items()}, [], None, (dim,))
    return _Grid(_one_dim_values(values), [((TOTAL,), keys)], (TOTAL,), (dim,))


def _two_dim_values(rows: Sequence[str], cols: Sequence[str], inner: dict[Key, int]) -> dict[Key, int]:
    values: dict[Key, int] = {}
    for r in rows:
        for c in cols:
            values[(r, c)] = inner.get((r, c), 0)
        values[(r, TOTAL)] = sum(values[(r, c)] for c in cols)
    for c in cols:
        values[(TOTAL, c)] = sum(values[(r, c)] for r in rows)
    values[(TOTAL, TOTAL)] = sum(values[(r, TOTAL)] for r in rows)
    return values


def _two_dim(rows: Sequence[str], cols: Sequence[str], inner: dict[Key, int], dims: Sequence[str]) -> _Grid:
    values = _two_dim_values(rows, cols, inner)
    relations: list[tuple[Key, list[Key]]] = [((r, TOTAL), [(r, c) for c in cols]) for r in rows]
    relations += [((TOTAL, c), [(r, c) for r in rows]) for c in cols]
    relations.append(((TOTAL, TOTAL), [(r, TOTAL) for r in rows]))
    relations.append(((TOTAL, TOTAL), [(TOTAL, c) for c in cols]))
    relations.append(((TOTAL, TOTAL), [(r, c) for r in rows for c in cols]))
    return _Grid(values, relations, (TOTAL, TOTAL), dims)


def _categories(dimension: str, observed: Iterable[str], table_id: str = "", office: Iterable[str] = ()) -> list[str]:
    """The categories of a dimension in report order: the office's own codes (districts, fields),
    the known codes, then any other observed code."""
    known = TABLE_CATEGORIES.get((table_id, dimension), CATEGORIES.get(dimension, ()))
    base = list(dict.fromkeys([*office, *known]))
    extra = sorted(set(observed) - set(base) - {TOTAL})
    return [*base, *extra]


def _hours(minutes: int) -> int:
    """Whole hours of exact minutes, rounded half up."""
    return (minutes + 30) // 60


def _recode_countries(values: dict[str, int], sums: dict[str, int], k: int) -> tuple[dict[str, int], dict[str, int]]:
    kept: Counter[str] = Counter()
    kept_sums: Counter[str] = Counter()
    for country, n in values.items():
        target = codes.OTHER if n < k and country not in (codes.UNKNOWN, codes.OTHER) else country
        kept[target] += n
        kept_sums[target] += sums.get(country, 0)
    ordered = sorted((c for c in kept if c not in (codes.OTHER, codes.UNKNOWN)), key=lambda c: (-kept[c], c))
    order = [*ordered, codes.OTHER, codes.UNKNOWN]
    return {c: kept.get(c, 0) for c in order}, {c: kept_sums.get(c, 0) % KEY_MODULUS for c in order}


# Built apart: recoded, from minutes, or the margins of the age-group × gender table.
SPECIAL_ONE_DIM = frozenset(
    {
        MINUTES_TABLE,
        "persons_by_country_of_birth",
        "persons_by_age_group",
        "persons_by_gender",
        "anonymous_contacts_by_topic",
    }
)


@dataclass
class _Built:
    """One table's grid before a method is applied, with the keys to publish in order."""

    dims: tuple[str, ...]
    grid: _Grid
    keys: list[Key]


def _flat(raw: RawStatistics, table_id: str) -> tuple[dict[str, int], dict[str, int]]:
    observed = {key[0]: n for key, n in raw.counts.get(table_id, {}).items() if key != (TOTAL,)}
    sums = {key[0]: s for key, s in raw.key_sums.get(table_id, {}).items()}
    dim = TABLES[table_id][0]
    cats = _categories(dim, observed, table_id, raw.labels.get(dim, {}))
    return {c: observed.get(c, 0) for c in cats}, {c: sums.get(c, 0) for c in cats}


def _build_one_dim(table_id: str, values: dict[str, int], sums: dict[str, int]) -> _Built:
    dim = TABLES[table_id][0]
    with_total = table_id not in NO_TOTAL
    grid = _one_dim(values, dim, with_total)
    grid.key_sums = {
        key: value % KEY_MODULUS
        for key, value in (_one_dim_values(sums) if with_total else {(c,): v for c, v in sums.items()}).items()
    }
    return _Built((dim,), grid, [(c,) for c in values])


def _build_two_dim(raw: RawStatistics, table_id: str, rows: list[str] | None = None) -> _Built:
    dims = TABLES[table_id]
    inner = raw.counts.get(table_id, {})
    rows = rows or _categories(dims[0], (a for a, _ in inner), table_id)
    cols = _categories(dims[1], (b for _, b in inner), table_id)
    grid = _two_dim(rows, cols, inner, dims)
    grid.key_sums = {
        key: value % KEY_MODULUS for key, value in _two_dim_values(rows, cols, raw.key_sums.get(table_id, {})).items()
    }
    keys: list[Key] = [(r, c) for r in rows for c in [*cols, TOTAL]]
    keys += [(TOTAL, c) for c in cols]
    return _Built(dims, grid, keys)


def _build(raw: RawStatistics, recode_below: int) -> dict[str, _Built]:
    """Every table's grid with exact counts and key sums; rare countries recoded."""
    built: dict[str, _Built] = {}
    for table_id, dims in TABLES.items():
        if len(dims) == 1 and table_id not in SPECIAL_ONE_DIM:
            built[table_id] = _build_one_dim(table_id, *_flat(raw, table_id))
    values, sums = _flat(raw, "persons_by_country_of_birth")
    built["persons_by_country_of_birth"] = _build_one_dim(
        "persons_by_country_of_birth", *_recode_countries(values, sums, recode_below)
    )
    minutes, sums = _flat(raw, MINUTES_TABLE)
    hours = _build_one_dim(MINUTES_TABLE, {mode: _hours(m) for mode, m in minutes.items()}, sums)
    hours.grid.values[(TOTAL,)] = _hours(sum(minutes.values()))  # from exact minutes, not rounded cells
    built[MINUTES_TABLE] = hours
    groups = built["group_offers"].grid
    for key in GROUP_MINUTES:
        groups.values[(key,)] = _hours(groups.values[(key,)])
    built["anonymous_contacts_by_topic"] = _build_topics(raw)
    for table_id in TWO_DIM:
        built[table_id] = _build_two_dim(raw, table_id)
    return built


def _build_topics(raw: RawStatistics) -> _Built:
    """Topics of anonymous contacts: the total counts contacts (its own cell), not the sum of cells."""
    table_id = "anonymous_contacts_by_topic"
    values, sums = _flat(raw, table_id)
    built = _build_one_dim(table_id, values, sums)
    grid = built.grid
    grid.relations = []  # not additive: nothing to derive from the total
    grid.values[(TOTAL,)] = raw.counts.get(table_id, {}).get((TOTAL,), 0)
    grid.key_sums[(TOTAL,)] = raw.key_sums.get(table_id, {}).get((TOTAL,), 0)
    return built


def _table(table_id: str, built: _Built, published: Callable[[Key], int | None] | None = None) -> Table:
    grid = built.grid

    def shown(key: Key) -> int | None:
        return None if published is None else published(key)

    cells = tuple(
        Cell(tuple(zip(built.dims, key, strict=True)), grid.values[key], grid.status[key], shown(key))
        for key in built.keys
    )
    if grid.grand is None:
        return Table(table_id, built.dims, cells, None)
    grand = grid.grand
    return Table(table_id, built.dims, cells, grid.values[grand], bool(grid.status[grand]), shown(grand))


def _margin(built: _Built, axis: int) -> _Built:
    """The row (axis 0) or column (axis 1) margins of a 2-D grid as a 1-D grid, same status."""
    grid = built.grid
    assert grid.grand is not None  # a 2-D grid always has its grand total
    grand = grid.grand
    dim = built.dims[axis]
    categories = sorted(
        {key[axis] for key in grid.values if key[axis] != TOTAL}, key=lambda c: grid.order[_at(c, axis)]
    )
    margin = _one_dim({c: grid.values[_at(c, axis)] for c in categories}, dim)
    for c in [*categories, TOTAL]:
        source = _at(c, axis) if c != TOTAL else grand
        margin.status[(c,)] = grid.status[source]
        margin.key_sums[(c,)] = grid.key_sums[source]
    return _Built((dim,), margin, [(c,) for c in categories])


def _at(code: str, axis: int) -> Key:
    return (code, TOTAL) if axis == 0 else (TOTAL, code)


def _suppress(built: dict[str, _Built], k: int) -> None:
    for table_id, item in built.items():
        if table_id != MINUTES_TABLE:
            item.grid.protect(k)
    # Contact hours: a mode whose number of contacts is withheld has its hours withheld too.
    counts = built["contacts_by_mode"].grid
    built[MINUTES_TABLE].grid.protect(k, seeds=[key for key in counts.values if key != (TOTAL,) and counts.status[key]])


def publish(raw: RawStatistics, method: str, k: int | None = None) -> Report:
    """The report of ``raw`` by one of the three methods of DESIGN §7."""
    if method == "suppression":
        return protect(raw, k if k is not None else 3)
    if method not in METHODS:
        raise ValueError(f"unknown method {method}")
    if k is not None:
        raise ValueError("k applies to the suppression method only")
    if method == "internal":
        built = _build(raw, recode_below=0)
        return _report(raw, built, None, method, None, raw.persons_left_out)
    ptable = shipped_table()
    built = _build(raw, recode_below=THRESHOLD)

    def perturbed(item: _Built) -> Callable[[Key], int | None]:
        return lambda key: ptable.perturb(item.grid.values[key], item.grid.key_sums[key])

    left_out = ptable.perturb(raw.persons_left_out, raw.persons_left_out_key_sum)
    return _report(raw, built, perturbed, method, THRESHOLD, left_out)


def protect(raw: RawStatistics, k: int) -> Report:
    """The suppression report of ``raw`` for minimum cell size ``k`` (3..10)."""
    if not 3 <= k <= 10:
        raise ValueError("k must be between 3 and 10")
    built = _build(raw, recode_below=k)
    _suppress(built, k)
    return _report(raw, built, None, "suppression", k, raw.persons_left_out)


def _report(
    raw: RawStatistics,
    built: dict[str, _Built],
    perturbed: Callable[[_Built], Callable[[Key], int | None]] | None,
    method: str,
    k: int | None,
    left_out: int,
) -> Report:
    """Tables in report order; the age-group and gender tables are the margins of their cross table."""
    cross = built["persons_by_age_group_gender"]
    built = {**built, "persons_by_age_group": _margin(cross, 0), "persons_by_gender": _margin(cross, 1)}
    tables = tuple(
        _labelled(_table(table_id, built[table_id], perturbed(built[table_id]) if perturbed else None), raw)
        for table_id in TABLES
    )
    return Report(raw.period, k, raw.basis, left_out, tables, method)


def _labelled(table: Table, raw: RawStatistics) -> Table:
    labels = raw.labels.get(table.dimensions[0], {}) if len(table.dimensions) == 1 else {}
    return dataclasses.replace(table, labels=tuple(labels.items())) if labels else table
