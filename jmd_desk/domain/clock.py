"""Time as a collaborator, so rules and tests can fix "today"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    """Tells the current time."""

    def now(self) -> datetime:
        """Current time, timezone-aware (UTC)."""
        ...

    def today(self) -> date:
        """Current local calendar day."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """Current time in UTC."""
        return datetime.now(UTC)

    def today(self) -> date:
        """Today's date on this computer."""
        return datetime.now().astimezone().date()


@dataclass
class FixedClock:
    """A clock that stands still (tests, time travel); ``moment`` may be changed."""

    moment: datetime

    def now(self) -> datetime:
        """The fixed moment."""
        return self.moment

    def today(self) -> date:
        """The fixed moment's date."""
        return self.moment.date()
