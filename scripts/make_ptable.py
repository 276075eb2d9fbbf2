"""Write ``resources/statistics/ptable.csv``, the perturbation table of the cell-key method (DESIGN §7).

Run: ``python scripts/make_ptable.py`` (rewrites the file; the tests check every rule on it).

The rules: n = 0 stays 0; |d| <= 2; n + d is never 1 or 2 and never negative; for n >= 5 the
deviation is symmetric with P(d = 0) >= 0.5 and variance <= 1 (the last row applies to every
larger n). For n = 1 … 4 the probabilities are chosen so that two reports that differ by one
known record pin a true 1 or 2 down exactly in at most 5 % of cases: the only published pairs
that do so are (3, 0) for 1 -> 2 and (0, 5) for 2 -> 3, so P(1 -> 3) * P(2 -> 0) and
P(2 -> 0) * P(3 -> 5) are kept small, at the price of a small upward bias for n = 1 … 4.
"""

from __future__ import annotations

import csv
import sys
from fractions import Fraction
from itertools import product
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "resources" / "statistics" / "ptable.csv"
MAX_SHIFT = 2
THRESHOLD = 3
DISCLOSURE_LIMIT = Fraction(5, 100)

# Published value -> probability, for each true n; the last entry holds for every larger n (as d).
SMALL: dict[int, dict[int, Fraction]] = {
    0: {0: Fraction(1)},
    1: {0: Fraction(70, 100), 3: Fraction(30, 100)},
    2: {0: Fraction(15, 100), 3: Fraction(75, 100), 4: Fraction(10, 100)},
    3: {3: Fraction(60, 100), 4: Fraction(30, 100), 5: Fraction(10, 100)},
    4: {3: Fraction(25, 100), 4: Fraction(50, 100), 5: Fraction(20, 100), 6: Fraction(5, 100)},
}
LARGE_N = 5
LARGE_SHIFTS: dict[int, Fraction] = {
    -2: Fraction(5, 100),
    -1: Fraction(20, 100),
    0: Fraction(50, 100),
    1: Fraction(20, 100),
    2: Fraction(5, 100),
}


def published(n: int) -> dict[int, Fraction]:
    """The distribution of the published value for true count ``n``."""
    if n in SMALL:
        return SMALL[n]
    return {n + d: p for d, p in LARGE_SHIFTS.items()}


def check_rules() -> None:
    """Fail loudly when the distributions break a rule of DESIGN §7."""
    for n in [*SMALL, LARGE_N, LARGE_N + 20]:
        dist = published(n)
        assert sum(dist.values()) == 1, n
        assert all(p > 0 for p in dist.values()), n
        for v in dist:
            assert abs(v - n) <= MAX_SHIFT and v >= 0 and v not in range(1, THRESHOLD), (n, v)
    assert published(0) == {0: 1}
    assert LARGE_SHIFTS[0] >= Fraction(1, 2)
    assert all(LARGE_SHIFTS[d] == LARGE_SHIFTS[-d] for d in LARGE_SHIFTS)
    assert sum(p * d * d for d, p in LARGE_SHIFTS.items()) <= 1
    for true in (1, 2):
        assert disclosure_chance(true) <= DISCLOSURE_LIMIT, (true, disclosure_chance(true))


def disclosure_chance(true: int) -> Fraction:
    """Chance that two reports differing by one known record determine ``true`` exactly.

    The attacker knows this table and that the count went from m to m + 1 (or back); the two
    cell keys are independent and uniform. A published pair determines m when only one m gives
    it a positive probability. The worse of the two transitions that involve ``true`` counts.
    """
    return max(_transition_disclosure(m, true) for m in (true - 1, true))


def _transition_disclosure(m: int, true: int) -> Fraction:
    chance = Fraction(0)
    for (v, pv), (w, pw) in product(published(m).items(), published(m + 1).items()):
        fitting = [c for c in range(max(0, v - MAX_SHIFT - 1), v + MAX_SHIFT + 1) if _fits(c, v, w)]
        if fitting == [m]:
            chance += pv * pw
    return chance if true in (m, m + 1) else Fraction(0)


def _fits(m: int, v: int, w: int) -> bool:
    return published(m).get(v, 0) > 0 and published(m + 1).get(w, 0) > 0


def rows() -> list[tuple[int, str, str, int]]:
    """(n, ckey_from, ckey_to, d) with the intervals of each n covering [0, 1) in order of d."""
    out = []
    for n in [*SMALL, LARGE_N]:
        start = Fraction(0)
        for v, p in sorted(published(n).items()):
            out.append((n, _decimal(start), _decimal(start + p), v - n))
            start += p
    return out


def _decimal(value: Fraction) -> str:
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    assert Fraction(text) == value, value
    return text or "0"


def main() -> int:
    check_rules()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with TARGET.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["n", "ckey_from", "ckey_to", "d"])
        writer.writerows(rows())
    for true in (1, 2):
        print(f"P(two reports pin a true {true} down) = {float(disclosure_chance(true)):.4f}")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
