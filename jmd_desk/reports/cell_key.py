"""The cell-key method (DESIGN §7): a cell's published value from its count and key sum.

Every counted record carries a random ``record_key`` (0 <= key < 2**32). A cell's key is the sum
of its contributors' keys mod 2**32, read as a fraction of 2**32; the same records therefore
give the same cell key, and the same published value, in every table and report. The deviation
is read from the shipped perturbation table ``resources/statistics/ptable.csv``
(``scripts/make_ptable.py`` makes it from the rules).
"""

from __future__ import annotations

import csv
import io
import math
from bisect import bisect_right
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from pathlib import Path

from jmd_desk.assets import resource

KEY_MODULUS = 2**32
THRESHOLD = 3  # the method's own: 1 and 2 are never published
MAX_ROWS = 10_000


class PerturbationTableError(ValueError):
    """The perturbation table is damaged (a packaging fault, not a user error)."""


@dataclass(frozen=True)
class PerturbationTable:
    """For each n: the integer key-sum thresholds where each deviation starts, and the deviations."""

    starts: tuple[tuple[int, ...], ...]
    shifts: tuple[tuple[int, ...], ...]
    probabilities: tuple[tuple[Fraction, ...], ...]

    def deviation(self, n: int, key_sum: int) -> int:
        """d(n, cell key) for a count ``n`` >= 0 and a key sum (any integer; taken mod 2**32)."""
        row = min(n, len(self.starts) - 1)
        index = bisect_right(self.starts[row], key_sum % KEY_MODULUS) - 1
        return self.shifts[row][index]

    def perturb(self, n: int, key_sum: int) -> int:
        """The published value of a cell with true count ``n`` and this key sum."""
        if n < 0:
            raise ValueError("a count cannot be negative")
        return n + self.deviation(n, key_sum)

    def distribution(self, n: int) -> dict[int, Fraction]:
        """Published value -> probability for a true count ``n`` (cell keys uniform)."""
        row = min(n, len(self.starts) - 1)
        return {n + d: p for d, p in zip(self.shifts[row], self.probabilities[row], strict=True)}


def parse(text: str) -> PerturbationTable:
    """Read a perturbation table (columns ``n, ckey_from, ckey_to, d``) and check its shape."""
    by_n: dict[int, list[tuple[Fraction, Fraction, int]]] = {}
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != ["n", "ckey_from", "ckey_to", "d"]:
        raise PerturbationTableError("columns must be n, ckey_from, ckey_to, d")
    for number, line in enumerate(reader):
        if number >= MAX_ROWS:
            raise PerturbationTableError("too many rows")
        try:
            entry = (Fraction(line["ckey_from"]), Fraction(line["ckey_to"]), int(line["d"]))
            by_n.setdefault(int(line["n"]), []).append(entry)
        except (TypeError, ValueError):
            raise PerturbationTableError(f"bad row {number + 2}") from None
    if sorted(by_n) != list(range(len(by_n))) or not by_n:
        raise PerturbationTableError("n must run from 0 without gaps")
    rows = [_row(n, sorted(by_n[n])) for n in range(len(by_n))]
    return PerturbationTable(
        tuple(tuple(s for s, _, _ in r) for r in rows),
        tuple(tuple(d for _, d, _ in r) for r in rows),
        tuple(tuple(p for _, _, p in r) for r in rows),
    )


def _row(n: int, intervals: list[tuple[Fraction, Fraction, int]]) -> list[tuple[int, int, Fraction]]:
    """(first key sum, d, probability) per interval; the intervals must tile [0, 1)."""
    out = []
    edge = Fraction(0)
    for start, end, d in intervals:
        if start != edge or end <= start:
            raise PerturbationTableError(f"intervals of n={n} do not tile [0, 1)")
        out.append((math.ceil(start * KEY_MODULUS), d, end - start))
        edge = end
    if edge != 1:
        raise PerturbationTableError(f"intervals of n={n} do not reach 1")
    return out


def ptable_path() -> Path:
    """Where the shipped perturbation table lies."""
    return resource("statistics", "ptable.csv")


@cache
def shipped_table() -> PerturbationTable:
    """The perturbation table shipped with the program."""
    return parse(ptable_path().read_text(encoding="utf-8"))


def cell_key(key_sum: int) -> Fraction:
    """The cell key in [0, 1) of a key sum."""
    return Fraction(key_sum % KEY_MODULUS, KEY_MODULUS)
