"""Statistics periods and the facts the store hands to the statistics engine (DESIGN §7)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.fields import parse_date

QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
BASIS_CONSENT = "consent"
BASIS_LEGAL = "legal_basis"


@dataclass(frozen=True)
class Period:
    """A closed date range ``start..end`` (both days included)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise JmdError("period_reversed", start=self.start.isoformat(), end=self.end.isoformat())

    @classmethod
    def quarter(cls, text: str) -> Period:
        """``2026-Q3`` -> 1 July .. 30 September 2026."""
        match = QUARTER_RE.match(text.strip())
        if not match:
            raise JmdError("bad_quarter", value=text)
        year, quarter = int(match.group(1)), int(match.group(2))
        start = date(year, 3 * quarter - 2, 1)
        end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return cls(start, date.fromordinal(end.toordinal() - 1))

    @classmethod
    def from_text(cls, start: str, end: str) -> Period:
        """From two ISO dates."""
        parsed = []
        for value in (start, end):
            day = parse_date(value)
            if day is None:
                raise JmdError("bad_date_argument", value=value)
            parsed.append(day)
        return cls(parsed[0], parsed[1])

    def is_calendar_block(self) -> bool:
        """True for a whole calendar quarter, half-year or year (the periods suppression allows)."""
        start, end = self.start, self.end
        if start.day != 1 or start.month not in (1, 4, 7, 10) or end.year != start.year:
            return False
        following = date(end.year + 1, 1, 1) if end.month == 12 else date(end.year, end.month + 1, 1)
        if following.toordinal() - end.toordinal() != 1:
            return False  # not the last day of a month
        months = end.month - start.month + 1
        return months == 3 or (months == 6 and start.month in (1, 7)) or (months == 12 and start.month == 1)

    def label(self) -> str:
        """``2026-Q3`` when the period is a calendar quarter, else ``from – to``."""
        for q in range(1, 5):
            if self == Period.quarter(f"{self.start.year}-Q{q}"):
                return f"{self.start.year}-Q{q}"
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


@dataclass(frozen=True)
class PersonFact:
    """One counted person, reduced to what the tables need."""

    date_of_birth: date | None
    gender: str
    residence_status: str
    country_of_birth: str
    case_type: str  # of the latest opened active case
    active_at_end: bool
    record_key: int = 0  # the client's statistics key (cell-key method)
    district: str = "unknown"


@dataclass(frozen=True)
class ClosureFact:
    """One case closed in the period."""

    closure_reason: str
    destination: str
    opened_on: date
    closed_on: date
    record_key: int = 0  # the case's statistics key
    age_group: str = "other"  # of the client on the period's last day
    german_level_change: str = "unknown"  # gained_2_plus | gained_1 | no_change | unknown
    school_qualification_change: str = "unknown"  # gained | no_change | unknown


@dataclass(frozen=True)
class OpenedCaseFact:
    """A counted case opened in the period (for the waiting band)."""

    requested_on: date | None
    opened_on: date
    record_key: int = 0


@dataclass(frozen=True)
class GroupOfferFact:
    """A group offer active in the period: one record, whatever its headcount."""

    sessions: int
    session_minutes: int
    participants_by_gender: dict[str, int]
    participants_by_age_group: dict[str, int]
    record_key: int = 0


@dataclass(frozen=True)
class AnonymousContactFact:
    """An anonymous short counselling dated in the period."""

    mode: str
    topics: tuple[str, ...]
    gender: str
    record_key: int = 0


@dataclass(frozen=True)
class StatisticsFacts:
    """Everything the statistics engine counts, for one store and one period.

    Exact dates stay inside the program: the engine only publishes counts.
    """

    period: Period
    basis: str
    persons_left_out: int
    persons: tuple[PersonFact, ...] = ()
    cases_opened: int = 0
    cases_active: int = 0
    cases_closed: int = 0
    contacts_by_mode: dict[str, tuple[int, int]] = field(default_factory=dict)  # mode -> (count, minutes)
    goals_by_area_status: dict[tuple[str, str], int] = field(default_factory=dict)
    referrals_by_partner_type: dict[str, int] = field(default_factory=dict)
    referrals_by_status: dict[str, int] = field(default_factory=dict)
    closures: tuple[ClosureFact, ...] = ()
    # Sum of the record keys behind each pre-counted cell: table id -> category key -> key sum
    # (caseload measures, contacts and their hours, goals, referrals) and behind persons_left_out.
    key_sums: dict[str, dict[tuple[str, ...], int]] = field(default_factory=dict)
    persons_left_out_key_sum: int = 0
    opened_cases: tuple[OpenedCaseFact, ...] = ()
    group_offers: tuple[GroupOfferFact, ...] = ()
    anonymous_contacts: tuple[AnonymousContactFact, ...] = ()
    district_labels: dict[str, str] = field(default_factory=dict)  # the office's list


@dataclass(frozen=True)
class PublishedReport:
    """One entry of the publication register: a report that left the program (no cell values)."""

    id: int
    published_at: datetime
    user: str
    period: Period
    method: str
    k: int | None
    output: str  # json, csv, pdf, print, bundle, trend_json, trend_pdf
    cells_hash: str
