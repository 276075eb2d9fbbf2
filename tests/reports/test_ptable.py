"""The shipped perturbation table obeys every rule of DESIGN §7, read straight from the file."""

from __future__ import annotations

import csv
import importlib.util
import random
from collections import defaultdict
from fractions import Fraction
from itertools import pairwise, product
from pathlib import Path

import pytest

from jmd_desk.reports.cell_key import KEY_MODULUS, PerturbationTableError, parse, ptable_path, shipped_table

ROOT = Path(__file__).resolve().parents[2]
BEYOND = 60  # the last row applies to every larger n: check a stretch of them


def _file_rows() -> dict[int, list[tuple[Fraction, Fraction, int]]]:
    rows: dict[int, list[tuple[Fraction, Fraction, int]]] = defaultdict(list)
    with ptable_path().open(encoding="utf-8") as handle:
        for line in csv.DictReader(handle):
            rows[int(line["n"])].append((Fraction(line["ckey_from"]), Fraction(line["ckey_to"]), int(line["d"])))
    return rows


ROWS = _file_rows()
LAST = max(ROWS)


def published(n: int, rows: dict | None = None) -> dict[int, Fraction]:
    """True n -> {published value: probability}, computed from the file alone."""
    rows = ROWS if rows is None else rows
    row = rows[min(n, max(rows))]
    out: dict[int, Fraction] = defaultdict(Fraction)
    for start, end, d in row:
        out[n + d] += end - start
    return dict(out)


def test_intervals_tile_zero_to_one_for_every_n():
    assert sorted(ROWS) == list(range(LAST + 1))
    for n, row in ROWS.items():
        edges = sorted(row)
        assert edges[0][0] == 0 and edges[-1][1] == 1, n
        assert all(a[1] == b[0] for a, b in pairwise(edges)), n


def test_zero_stays_zero():
    assert published(0) == {0: 1}


@pytest.mark.parametrize("n", range(1, LAST + BEYOND))
def test_shift_at_most_two_never_one_or_two_never_negative(n):
    for value, p in published(n).items():
        assert p > 0
        assert abs(value - n) <= 2
        assert value not in (1, 2)
        assert value >= 0


def test_large_counts_symmetric_mostly_unchanged_small_variance():
    assert LAST >= 5
    shifts = {value - LAST: p for value, p in published(LAST).items()}
    assert all(shifts.get(-d, 0) == p for d, p in shifts.items())
    assert shifts.get(0, 0) >= Fraction(1, 2)
    assert sum(p * d * d for d, p in shifts.items()) <= 1
    assert sum(p * d for d, p in shifts.items()) == 0


def _pins_down(m: int, v: int, w: int, rows: dict | None) -> bool:
    """Only m -> m + 1 gives the published pair (v, w) a positive chance."""
    fitting = [c for c in range(0, v + 4) if published(c, rows).get(v, 0) and published(c + 1, rows).get(w, 0)]
    return fitting == [m]


def disclosure(true: int, rows: dict | None = None) -> Fraction:
    """Chance that two reports differing by one known record reveal ``true`` exactly (worse transition)."""
    worst = Fraction(0)
    for m in (true - 1, true):
        chance = sum(
            (
                pv * pw
                for (v, pv), (w, pw) in product(published(m, rows).items(), published(m + 1, rows).items())
                if _pins_down(m, v, w, rows)
            ),
            Fraction(0),
        )
        worst = max(worst, chance)
    return worst


@pytest.mark.parametrize("true", [1, 2])
def test_differencing_pins_a_small_value_down_in_at_most_five_percent(true):
    chance = disclosure(true)
    print(f"P(reveal true {true}) = {chance} = {float(chance):.4f}")
    assert chance <= Fraction(5, 100)


def test_exact_unbiased_table_would_fail_the_differencing_rule():
    """The rule can fail: an unbiased table for n = 1, 2 reveals far more (the check is not vacuous)."""
    unbiased = {
        **ROWS,
        1: [(Fraction(0), Fraction(2, 3), -1), (Fraction(2, 3), Fraction(1), 2)],
        2: [(Fraction(0), Fraction(1, 3), -2), (Fraction(1, 3), Fraction(1), 1)],
    }
    assert disclosure(1, unbiased) == Fraction(1, 9)


def test_generator_script_reproduces_the_shipped_file():
    spec = importlib.util.spec_from_file_location("make_ptable", ROOT / "scripts" / "make_ptable.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.check_rules()
    expected = [["n", "ckey_from", "ckey_to", "d"], *([str(x) for x in r] for r in module.rows())]
    with ptable_path().open(encoding="utf-8") as handle:
        assert list(csv.reader(handle)) == expected


def test_lookup_matches_interval_edges_and_frequencies():
    table = shipped_table()
    # n = 1: [0, 0.7) -> -1, [0.7, 1) -> +2; the edge belongs to the upper interval.
    edge = -(-7 * KEY_MODULUS // 10)
    assert table.perturb(1, edge - 1) == 0
    assert table.perturb(1, edge) == 3
    assert table.perturb(1, edge + KEY_MODULUS) == 3  # key sums are taken mod 2**32
    rng = random.Random(7)
    for n in (1, 2, 3, 7, 1000):
        seen: dict[int, int] = defaultdict(int)
        draws = 20_000
        for _ in range(draws):
            seen[table.perturb(n, rng.randrange(KEY_MODULUS))] += 1
        for value, p in table.distribution(n).items():
            assert abs(seen[value] / draws - float(p)) < 0.015, (n, value)


@pytest.mark.parametrize(
    "text",
    [
        "n,ckey_from,ckey_to,d\n0,0,0.5,0\n",
        "n,ckey_from,ckey_to,d\n0,0,1,0\n2,0,1,0\n",
        "n,from,to,d\n0,0,1,0\n",
        "n,ckey_from,ckey_to,d\n0,0,1,x\n",
        "n,ckey_from,ckey_to,d\n",
    ],
)
def test_damaged_tables_are_refused(text):
    with pytest.raises(PerturbationTableError):
        parse(text)
