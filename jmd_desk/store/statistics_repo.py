"""Set-based queries for the anonymised statistics (DESIGN §7).

A case is active in ``start..end`` when it was opened on or before ``end`` and not closed
before ``start``. A person counts when they have an active case and a statistics consent
given on or before ``end`` and not withdrawn by then — unless the office declared a legal
basis, in which case every person with an active case counts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from jmd_desk.domain.statistics import (
    BASIS_CONSENT,
    BASIS_LEGAL,
    ClosureFact,
    Period,
    PersonFact,
    StatisticsFacts,
)
from jmd_desk.store.schema import (
    CaseRecord,
    ClientRecord,
    ConsentRecord,
    ContactRecord,
    GoalRecord,
    GoalStatusRecord,
    PartnerRecord,
    ReferralRecord,
)


def _active(period: Period) -> ColumnElement[bool]:
    return and_(
        CaseRecord.opened_on <= period.end,
        or_(CaseRecord.closed_on.is_(None), CaseRecord.closed_on >= period.start),
    )


class StatisticsRepository:
    """Counts and person facts for one period."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def facts(self, period: Period, *, legal_basis: bool) -> StatisticsFacts:
        """Everything the statistics engine needs for ``period``."""
        has_active_case = exists().where(CaseRecord.client_id == ClientRecord.id, _active(period))
        consent = exists().where(
            ConsentRecord.client_id == ClientRecord.id,
            ConsentRecord.scope == "statistics",
            ConsentRecord.given_on <= period.end,
            or_(ConsentRecord.withdrawn_on.is_(None), ConsentRecord.withdrawn_on > period.end),
        )
        with_case = select(ClientRecord.id).where(has_active_case)
        counted = with_case if legal_basis else with_case.where(consent)
        counted_ids = counted.scalar_subquery()
        all_with_case = self._s.scalar(select(func.count()).select_from(with_case.subquery())) or 0
        persons = self._persons(period, counted)
        return StatisticsFacts(
            period=period,
            basis=BASIS_LEGAL if legal_basis else BASIS_CONSENT,
            persons_left_out=int(all_with_case) - len(persons),
            persons=tuple(persons),
            **self._caseload(period, counted_ids),
            contacts_by_mode=self._contacts(period, counted_ids),
            goals_by_area_status=self._goals(period, counted_ids),
            referrals_by_partner_type=self._referrals(period, counted_ids, PartnerRecord.partner_type),
            referrals_by_status=self._referrals(period, counted_ids, ReferralRecord.status),
            closures=self._closures(period, counted_ids),
        )

    def _persons(self, period: Period, counted: Any) -> list[PersonFact]:
        latest_type = (
            select(CaseRecord.case_type)
            .where(CaseRecord.client_id == ClientRecord.id, _active(period))
            .order_by(CaseRecord.opened_on.desc(), CaseRecord.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        at_end = exists().where(
            CaseRecord.client_id == ClientRecord.id,
            CaseRecord.opened_on <= period.end,
            or_(CaseRecord.closed_on.is_(None), CaseRecord.closed_on >= period.end),
        )
        query = select(
            ClientRecord.date_of_birth,
            ClientRecord.gender,
            ClientRecord.residence_status,
            ClientRecord.country_of_birth,
            latest_type.label("case_type"),
            at_end.label("active_at_end"),
        ).where(ClientRecord.id.in_(counted.scalar_subquery()))
        return [
            PersonFact(
                r.date_of_birth,
                r.gender,
                r.residence_status,
                r.country_of_birth,
                r.case_type,
                bool(r.active_at_end),
            )
            for r in self._s.execute(query)
        ]

    def _caseload(self, period: Period, counted_ids: Any) -> dict[str, int]:
        of_counted = CaseRecord.client_id.in_(counted_ids)
        row = self._s.execute(
            select(
                func.count().filter(CaseRecord.opened_on.between(period.start, period.end)),
                func.count().filter(_active(period)),
                func.count().filter(CaseRecord.closed_on.between(period.start, period.end)),
            ).where(of_counted)
        ).one()
        return {"cases_opened": int(row[0]), "cases_active": int(row[1]), "cases_closed": int(row[2])}

    def _contacts(self, period: Period, counted_ids: Any) -> dict[str, tuple[int, int]]:
        query = (
            select(ContactRecord.mode, func.count(), func.coalesce(func.sum(ContactRecord.minutes), 0))
            .join(CaseRecord, CaseRecord.id == ContactRecord.case_id)
            .where(CaseRecord.client_id.in_(counted_ids), ContactRecord.date.between(period.start, period.end))
            .group_by(ContactRecord.mode)
        )
        return {mode: (int(n), int(minutes)) for mode, n, minutes in self._s.execute(query)}

    def _goals(self, period: Period, counted_ids: Any) -> dict[tuple[str, str], int]:
        status_at_end = (
            select(GoalStatusRecord.status)
            .where(
                GoalStatusRecord.goal_id == GoalRecord.id,
                or_(GoalStatusRecord.valid_from.is_(None), GoalStatusRecord.valid_from <= period.end),
            )
            .order_by(GoalStatusRecord.valid_from.desc().nulls_last(), GoalStatusRecord.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        inner = (
            select(GoalRecord.area.label("area"), status_at_end.label("status"))
            .join(CaseRecord, CaseRecord.id == GoalRecord.case_id)
            .where(
                CaseRecord.client_id.in_(counted_ids),
                _active(period),
                or_(GoalRecord.agreed_on.is_(None), GoalRecord.agreed_on <= period.end),
            )
            .subquery()
        )
        query = (
            select(inner.c.area, inner.c.status, func.count())
            .where(inner.c.status.is_not(None))
            .group_by(inner.c.area, inner.c.status)
        )
        return {(area, status): int(n) for area, status, n in self._s.execute(query)}

    def _referrals(self, period: Period, counted_ids: Any, column: Any) -> dict[str, int]:
        query = (
            select(column, func.count())
            .select_from(ReferralRecord)
            .join(CaseRecord, CaseRecord.id == ReferralRecord.case_id)
            .join(PartnerRecord, PartnerRecord.id == ReferralRecord.partner_id)
            .where(CaseRecord.client_id.in_(counted_ids), ReferralRecord.date.between(period.start, period.end))
            .group_by(column)
        )
        return {key: int(n) for key, n in self._s.execute(query)}

    def _closures(self, period: Period, counted_ids: Any) -> tuple[ClosureFact, ...]:
        query = select(
            CaseRecord.closure_reason, CaseRecord.destination, CaseRecord.opened_on, CaseRecord.closed_on
        ).where(CaseRecord.client_id.in_(counted_ids), CaseRecord.closed_on.between(period.start, period.end))
        return tuple(
            ClosureFact(reason or "unknown", destination or "unknown", opened, closed)
            for reason, destination, opened, closed in self._s.execute(query)
        )
