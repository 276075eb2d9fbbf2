"""The counsellor's overview: what needs attention today."""

from __future__ import annotations

from dataclasses import dataclass, field

from jmd_desk.domain.readmodels import DueItem

REFERRAL_ANSWER_DAYS = 14
GOALS_AHEAD_DAYS = 14
TURNING_27_DAYS = 90


@dataclass(frozen=True)
class Dashboard:
    """Counts and lists of the Übersicht page; every item leads to a client file."""

    open_cases_by_type: dict[str, int] = field(default_factory=dict)
    overdue_follow_ups: tuple[DueItem, ...] = ()
    goals_due: tuple[DueItem, ...] = ()
    referrals_waiting: tuple[DueItem, ...] = ()
    turning_27: tuple[DueItem, ...] = ()
    missing_processing_consent: tuple[DueItem, ...] = ()
