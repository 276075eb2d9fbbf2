"""The statistics engine: the tables of DESIGN §7 with disclosure control.

``raw_statistics`` turns the store's facts into unsuppressed counts (what a bundle carries);
``protect`` recodes rare countries, then suppresses: every cell 1 <= v < k (primary), and in
every row, column and table whose total is published either nothing or at least two cells
whose sum is at least k (secondary). Totals are published unless they are below k themselves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from jmd_desk.domain import codes
from jmd_desk.domain.rules import age_group, duration_band
from jmd_desk.domain.statistics import Period, StatisticsFacts

TOTAL = "total"
Key = tuple[str, ...]
Suppression = Literal[False, "primary", "secondary"]

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
}
STATUS_CATEGORIES = {
    "goals_by_area_status": codes.GOAL_STATUSES,
    "referrals_by_status": codes.REFERRAL_STATUSES,
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
}
# The raw form of contact_hours_by_mode holds minutes, so that merged bundles round once.
MINUTES_TABLE = "contact_hours_by_mode"


@dataclass(frozen=True)
class RawStatistics:
    """Unsuppressed counts per table and key (before recoding); safe to add up across stores."""

    period: Period
    basis: str
    persons_left_out: int
    counts: dict[str, dict[Key, int]]

    def merged(self, other: RawStatistics) -> RawStatistics:
        """The counts of two stores for the same period, added up."""
        counts = {}
        for table in TABLES:
            total: Counter[Key] = Counter(self.counts.get(table, {}))
            total.update(other.counts.get(table, {}))
            counts[table] = dict(total)
        basis = self.basis if self.basis == other.basis else "mixed"
        return RawStatistics(self.period, basis, self.persons_left_out + other.persons_left_out, counts)


def raw_statistics(facts: StatisticsFacts) -> RawStatistics:
    """Count every table from the facts of one store."""
    end = facts.period.end
    persons = facts.persons
    groups = [age_group(p.date_of_birth, end) for p in persons]

    def count(values: Iterable[Key]) -> dict[Key, int]:
        return dict(Counter(values))

    counts: dict[str, dict[Key, int]] = {
        "caseload": {
            ("cases_opened",): facts.cases_opened,
            ("cases_active",): facts.cases_active,
            ("cases_closed",): facts.cases_closed,
            ("persons_active_at_end",): sum(1 for p in persons if p.active_at_end),
        },
        "persons_by_age_group": count((g,) for g in groups),
        "persons_by_gender": count((p.gender,) for p in persons),
        "persons_by_age_group_gender": count((g, p.gender) for g, p in zip(groups, persons, strict=True)),
        "persons_by_residence_status": count((p.residence_status,) for p in persons),
        "persons_by_country_of_birth": count((p.country_of_birth,) for p in persons),
        "persons_by_case_type": count((p.case_type or codes.UNKNOWN,) for p in persons),
        "contacts_by_mode": {(mode,): n for mode, (n, _) in facts.contacts_by_mode.items()},
        MINUTES_TABLE: {(mode,): minutes for mode, (_, minutes) in facts.contacts_by_mode.items()},
        "goals_by_area_status": {(a, s): n for (a, s), n in facts.goals_by_area_status.items()},
        "referrals_by_partner_type": {(t,): n for t, n in facts.referrals_by_partner_type.items()},
        "referrals_by_status": {(s,): n for s, n in facts.referrals_by_status.items()},
        "closures_by_reason": count((c.closure_reason,) for c in facts.closures),
        "closures_by_destination": count((c.destination,) for c in facts.closures),
        "closures_by_duration": count((duration_band(c.opened_on, c.closed_on),) for c in facts.closures),
    }
    return RawStatistics(facts.period, facts.basis, facts.persons_left_out, counts)


# ----------------------------------------------------------------- report
@dataclass(frozen=True)
class Cell:
    """One published cell; ``true_value`` stays inside the program (tests, margins)."""

    key: tuple[tuple[str, str], ...]
    true_value: int
    suppressed: Suppression = False

    @property
    def value(self) -> int | None:
        """The published value (None when suppressed)."""
        return None if self.suppressed else self.true_value

    def code(self, dimension: str) -> str:
        """The category of this cell in ``dimension``."""
        return dict(self.key)[dimension]


@dataclass(frozen=True)
class Table:
    """A protected table: cells (margins carry the code ``total``) and the grand total."""

    id: str
    dimensions: tuple[str, ...]
    cells: tuple[Cell, ...]
    true_total: int
    total_suppressed: bool = False

    @property
    def total(self) -> int | None:
        """The published grand total (None if it is itself below k)."""
        return None if self.total_suppressed else self.true_total

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
    """The whole protected statistics release."""

    period: Period
    k: int
    basis: str
    persons_left_out: int
    tables: tuple[Table, ...] = field(default=())

    def table(self, table_id: str) -> Table:
        """One table by id."""
        return next(t for t in self.tables if t.id == table_id)


class _Grid:
    """Cells of one (or two linked) tables, the additive relations between them, and the
    suppression pattern that satisfies DESIGN §7 rules 2 and 3."""

    def __init__(self, values: dict[Key, int], relations: list[tuple[Key, list[Key]]], grand: Key) -> None:
        self.values = values
        self.relations = relations
        self.grand = grand
        self.status: dict[Key, Suppression] = dict.fromkeys(values, False)
        self.order = {key: i for i, key in enumerate(values)}

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
                    pick = min(open_parts, key=lambda p: (self.values[p] == 0, self.values[p], self.order[p]))
                    self.status[pick] = "secondary"
                changed = True


def _one_dim(values: dict[str, int]) -> _Grid:
    keys = [(c,) for c in values]
    grid_values = {(c,): v for c, v in values.items()}
    grid_values[(TOTAL,)] = sum(values.values())
    return _Grid(grid_values, [((TOTAL,), keys)], (TOTAL,))


def _two_dim(rows: Sequence[str], cols: Sequence[str], inner: dict[Key, int]) -> _Grid:
    values: dict[Key, int] = {}
    for r in rows:
        for c in cols:
            values[(r, c)] = inner.get((r, c), 0)
        values[(r, TOTAL)] = sum(values[(r, c)] for c in cols)
    for c in cols:
        values[(TOTAL, c)] = sum(values[(r, c)] for r in rows)
    values[(TOTAL, TOTAL)] = sum(values[(r, TOTAL)] for r in rows)
    relations: list[tuple[Key, list[Key]]] = [((r, TOTAL), [(r, c) for c in cols]) for r in rows]
    relations += [((TOTAL, c), [(r, c) for r in rows]) for c in cols]
    relations.append(((TOTAL, TOTAL), [(r, TOTAL) for r in rows]))
    relations.append(((TOTAL, TOTAL), [(TOTAL, c) for c in cols]))
    relations.append(((TOTAL, TOTAL), [(r, c) for r in rows for c in cols]))
    return _Grid(values, relations, (TOTAL, TOTAL))


def _categories(dimension: str, observed: Iterable[str], table_id: str = "") -> list[str]:
    base = STATUS_CATEGORIES.get(table_id, ()) if dimension == "status" else CATEGORIES.get(dimension, ())
    extra = sorted(set(observed) - set(base))
    return [*base, *extra]


def _table(table_id: str, dims: tuple[str, ...], grid: _Grid, keys: Iterable[Key]) -> Table:
    cells = tuple(Cell(tuple(zip(dims, key, strict=True)), grid.values[key], grid.status[key]) for key in keys)
    return Table(table_id, dims, cells, grid.values[grid.grand], bool(grid.status[grid.grand]))


def _one_dim_table(table_id: str, dim: str, grid: _Grid, categories: Sequence[str]) -> Table:
    return _table(table_id, (dim,), grid, [(c,) for c in categories])


def _recode_countries(values: dict[str, int], k: int) -> dict[str, int]:
    kept: Counter[str] = Counter()
    for country, n in values.items():
        rare = n < k and country not in (codes.UNKNOWN, codes.OTHER)
        kept[codes.OTHER if rare else country] += n
    ordered = sorted((c for c in kept if c not in (codes.OTHER, codes.UNKNOWN)), key=lambda c: (-kept[c], c))
    return {c: kept.get(c, 0) for c in [*ordered, codes.OTHER, codes.UNKNOWN]}


def _hours(minutes: int) -> int:
    return (minutes + 30) // 60


def protect(raw: RawStatistics, k: int) -> Report:
    """The protected report of ``raw`` for minimum cell size ``k`` (3..10)."""
    if not 3 <= k <= 10:
        raise ValueError("k must be between 3 and 10")
    counts = raw.counts
    tables: dict[str, Table] = {}

    def flat(table_id: str) -> dict[str, int]:
        observed = {key[0]: n for key, n in counts.get(table_id, {}).items()}
        return {c: observed.get(c, 0) for c in _categories(TABLES[table_id][0], observed, table_id)}

    for table_id in (
        "caseload",
        "persons_by_residence_status",
        "persons_by_case_type",
        "contacts_by_mode",
        "referrals_by_partner_type",
        "referrals_by_status",
        "closures_by_reason",
        "closures_by_destination",
        "closures_by_duration",
    ):
        values = flat(table_id)
        grid = _one_dim(values)
        grid.protect(k)
        tables[table_id] = _one_dim_table(table_id, TABLES[table_id][0], grid, list(values))

    countries = _recode_countries({key[0]: n for key, n in counts.get("persons_by_country_of_birth", {}).items()}, k)
    grid = _one_dim(countries)
    grid.protect(k)
    tables["persons_by_country_of_birth"] = _one_dim_table(
        "persons_by_country_of_birth", "country_of_birth", grid, list(countries)
    )

    # Contact hours: a mode whose number of contacts is hidden has its hours hidden too.
    minutes = flat(MINUTES_TABLE)
    hours = {mode: _hours(m) for mode, m in minutes.items()}
    grid = _one_dim(hours)
    hidden_counts = [(c.code("mode"),) for c in tables["contacts_by_mode"].cells if c.suppressed]
    grid.protect(k, seeds=hidden_counts)
    tables[MINUTES_TABLE] = _one_dim_table(MINUTES_TABLE, "mode", grid, list(hours))

    # Age group × gender with both margins; its margins are the age-group and gender tables.
    inner = counts.get("persons_by_age_group_gender", {})
    rows = _categories("age_group", (a for a, _ in inner))
    cols = _categories("gender", (g for _, g in inner))
    grid = _two_dim(rows, cols, inner)
    grid.protect(k)
    keys = [(r, c) for r in rows for c in [*cols, TOTAL]] + [(TOTAL, c) for c in cols]
    tables["persons_by_age_group_gender"] = _table("persons_by_age_group_gender", ("age_group", "gender"), grid, keys)
    tables["persons_by_age_group"] = _table(
        "persons_by_age_group", ("age_group",), _margin(grid, 0, rows), [(r,) for r in rows]
    )
    tables["persons_by_gender"] = _table("persons_by_gender", ("gender",), _margin(grid, 1, cols), [(c,) for c in cols])

    goals = counts.get("goals_by_area_status", {})
    areas = _categories("area", (a for a, _ in goals))
    statuses = _categories("status", (s for _, s in goals), "goals_by_area_status")
    grid = _two_dim(areas, statuses, goals)
    grid.protect(k)
    keys = [(a, s) for a in areas for s in [*statuses, TOTAL]] + [(TOTAL, s) for s in statuses]
    tables["goals_by_area_status"] = _table("goals_by_area_status", ("area", "status"), grid, keys)

    return Report(raw.period, k, raw.basis, raw.persons_left_out, tuple(tables[t] for t in TABLES))


def _margin(grid: _Grid, axis: int, categories: Sequence[str]) -> _Grid:
    """The row (axis 0) or column (axis 1) margins of a 2-D grid as a 1-D grid, same status."""
    values: dict[Key, int] = {}
    status: dict[Key, Suppression] = {}
    for c in categories:
        key = (c, TOTAL) if axis == 0 else (TOTAL, c)
        values[(c,)] = grid.values[key]
        status[(c,)] = grid.status[key]
    values[(TOTAL,)] = grid.values[grid.grand]
    status[(TOTAL,)] = grid.status[grid.grand]
    margin = _Grid(values, [((TOTAL,), [(c,) for c in categories])], (TOTAL,))
    margin.status = status
    return margin
