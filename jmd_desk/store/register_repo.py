"""The publication register of statistics reports (DESIGN §7)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from jmd_desk.domain.statistics import Period, PublishedReport
from jmd_desk.store.schema import PublishedReportRecord

MAX_LISTED = 5_000


def _entry(r: PublishedReportRecord) -> PublishedReport:
    return PublishedReport(
        r.id, r.published_at, r.user_name, Period(r.period_from, r.period_to), r.method, r.k, r.output, r.cells_hash
    )


class RegisterRepository:
    """Add to and read the register."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def add(
        self, now: datetime, user: str, period: Period, method: str, k: int | None, output: str, cells_hash: str
    ) -> int:
        record = PublishedReportRecord(
            published_at=now,
            user_name=user,
            period_from=period.start,
            period_to=period.end,
            method=method,
            k=k,
            output=output,
            cells_hash=cells_hash,
        )
        self._s.add(record)
        self._s.flush()
        return record.id

    def for_period(self, start: date, end: date, method: str) -> list[PublishedReport]:
        """Earlier entries of the same period and method, oldest first."""
        query = (
            select(PublishedReportRecord)
            .where(
                PublishedReportRecord.period_from == start,
                PublishedReportRecord.period_to == end,
                PublishedReportRecord.method == method,
            )
            .order_by(PublishedReportRecord.id)
        )
        return [_entry(r) for r in self._s.scalars(query)]

    def entries(self) -> list[PublishedReport]:
        """The newest entries first (bounded)."""
        query = select(PublishedReportRecord).order_by(PublishedReportRecord.id.desc()).limit(MAX_LISTED)
        return [_entry(r) for r in self._s.scalars(query)]
