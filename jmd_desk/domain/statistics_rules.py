"""Category rules of the statistics tables added with interchange version 2 (DESIGN §7)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

UNKNOWN = "unknown"
GERMAN_ORDER = ("none", "A1", "A2", "B1", "B2", "C1", "C2")
GERMAN_CHANGES = ("gained_2_plus", "gained_1", "no_change", UNKNOWN)
SCHOOL_ORDER = ("none", "lower_secondary", "intermediate_secondary", "upper_secondary")
SCHOOL_RECOGNISED = "foreign_recognised"
SCHOOL_CHANGES = ("gained", "no_change", UNKNOWN)
WAITING_BANDS = ("0-7", "8-14", "15-30", ">30", UNKNOWN)


def value_at(entries: Iterable[tuple[date, str]], on: date, current: str | None) -> str | None:
    """A progress field's value on ``on``: the latest entry on or before it; with none before,
    the earliest entry; with no entries at all, the client's field (DESIGN §6)."""
    ordered = sorted(entries)
    if not ordered:
        return current
    before = [value for day, value in ordered if day <= on]
    return before[-1] if before else ordered[0][1]


def german_level_change(at_opening: str | None, at_closure: str | None) -> str:
    """``gained_2_plus``, ``gained_1`` or ``no_change`` (a lower level too); ``unknown`` without both."""
    if at_opening not in GERMAN_ORDER or at_closure not in GERMAN_ORDER:
        return UNKNOWN
    steps = GERMAN_ORDER.index(at_closure) - GERMAN_ORDER.index(at_opening)
    return "gained_2_plus" if steps >= 2 else ("gained_1" if steps == 1 else "no_change")


def school_qualification_change(at_opening: str | None, at_closure: str | None) -> str:
    """``gained``: a higher German rank or a change to a recognised foreign qualification."""
    if at_opening in (None, UNKNOWN) or at_closure in (None, UNKNOWN):
        return UNKNOWN
    if at_closure == SCHOOL_RECOGNISED:
        return "gained" if at_opening != SCHOOL_RECOGNISED else "no_change"
    if at_opening in SCHOOL_ORDER and at_closure in SCHOOL_ORDER:
        return "gained" if SCHOOL_ORDER.index(at_closure) > SCHOOL_ORDER.index(at_opening) else "no_change"
    return "no_change"


def waiting_band(requested_on: date | None, opened_on: date) -> str:
    """Days from the first request to the opening: 0-7, 8-14, 15-30, >30 or unknown."""
    if requested_on is None or requested_on > opened_on:
        return UNKNOWN
    days = (opened_on - requested_on).days
    for limit, band in ((7, "0-7"), (14, "8-14"), (30, "15-30")):
        if days <= limit:
            return band
    return ">30"
