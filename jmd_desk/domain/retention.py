"""Retention: when a closed file is due for deletion, and the deletion run read models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from jmd_desk.domain.rules import add_months

REASON_RETENTION = "retention"
REASON_REQUEST = "request"  # Art. 17 DSGVO


def delete_after(closed_on: date, years: int) -> date:
    """The first day a case closed on ``closed_on`` may be deleted."""
    return add_months(closed_on, 12 * years)


@dataclass(frozen=True)
class DueFile:
    """A file whose every case is closed and past its retention period (no names)."""

    client_id: int
    client_number: str
    last_closed_on: date
    due_since: date


@dataclass(frozen=True)
class DeletionRun:
    """A proposed (or decided) deletion, needing a second person's confirmation."""

    id: int
    reason: str
    client_ids: tuple[int, ...]
    proposed_by: str
    proposed_at: datetime
    status: str
    decided_by: str | None = None
    decided_at: datetime | None = None
