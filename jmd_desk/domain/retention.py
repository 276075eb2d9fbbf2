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


TIME_LOCK_DAYS = 7
DEFAULT_YEARS = 3  # retention after closure where the office set nothing for a case type
PASSWORD_ACTIONS = ("user_created", "password_reset", "password_changed")


@dataclass(frozen=True)
class PasswordHistory:
    """Who created an account and who set its password, oldest first, from the audit log."""

    username: str
    events: tuple[tuple[str, str], ...]  # (action, by whom)

    @property
    def creator(self) -> str | None:
        """Who created the account."""
        return next((by for action, by in self.events if action == "user_created"), None)

    def set_by(self) -> set[str]:
        """Everyone who created the account or set its password."""
        return {by for _, by in self.events}

    def own_password(self) -> bool:
        """True if the last password was set by the account holder herself."""
        return bool(self.events) and self.events[-1][1] == self.username


def independent(a: PasswordHistory, b: PasswordHistory) -> bool:
    """Four eyes are two people (DESIGN §3a): neither account was created or had its password
    set by the other, and both hold a password they set themselves."""
    return b.username not in a.set_by() and a.username not in b.set_by() and a.own_password() and b.own_password()
