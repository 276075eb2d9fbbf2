"""Queries for the anonymised statistics (DESIGN §7).

A case is active in ``start..end`` when it was opened on or before ``end`` and not closed
before ``start``. A person counts when they have an active case and a statistics consent
given on or before ``end`` and not withdrawn by then — unless the office declared a legal
basis, in which case every person with an active case counts.

Each query is set-based and narrow (a date window, grouped where possible, served by covering
indexes); the small results are joined here with the domain's own rules. On an encrypted store
this is several times faster than asking SQLite for the whole join at once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from jmd_desk.domain import codes, rules
from jmd_desk.domain.entities import Case
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


class StatisticsRepository:
    """Counts and person facts for one period."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def facts(self, period: Period, *, legal_basis: bool) -> StatisticsFacts:
        """Everything the statistics engine needs for ``period``."""
        active = self._active_cases(period)
        with_case = {row[1] for row in active}
        counted = with_case if legal_basis else with_case & self._consenting(period)
        cases = [row for row in active if row[1] in counted]
        case_ids = {row[0] for row in cases}
        client_of = dict(self._s.execute(select(CaseRecord.id, CaseRecord.client_id)).all())
        return StatisticsFacts(
            period=period,
            basis=BASIS_LEGAL if legal_basis else BASIS_CONSENT,
            persons_left_out=len(with_case) - len(counted),
            persons=tuple(self._persons(period, counted, cases)),
            cases_opened=sum(1 for c in cases if period.start <= c[3] <= period.end),
            cases_active=len(cases),
            cases_closed=sum(1 for c in cases if c[4] is not None and period.start <= c[4] <= period.end),
            contacts_by_mode=self._contacts(period, counted, client_of),
            goals_by_area_status=self._goals(period, case_ids),
            **self._referrals(period, counted, client_of),
            closures=tuple(
                ClosureFact(c[5] or codes.UNKNOWN, c[6] or codes.UNKNOWN, c[3], c[4])
                for c in cases
                if c[4] is not None and period.start <= c[4] <= period.end
            ),
        )

    def _active_cases(self, period: Period) -> list[tuple[int, int, str, date, date | None, str | None, str | None]]:
        """(id, client, type, opened, closed, reason, destination) of the cases active in the period."""
        query = select(
            CaseRecord.id,
            CaseRecord.client_id,
            CaseRecord.case_type,
            CaseRecord.opened_on,
            CaseRecord.closed_on,
            CaseRecord.closure_reason,
            CaseRecord.destination,
        ).where(
            CaseRecord.opened_on <= period.end,
            or_(CaseRecord.closed_on.is_(None), CaseRecord.closed_on >= period.start),
        )
        return [tuple(row) for row in self._s.execute(query)]  # type: ignore[misc]

    def _consenting(self, period: Period) -> set[int]:
        """Clients with a statistics consent given by the end and not withdrawn by then."""
        query = select(ConsentRecord.client_id).where(
            ConsentRecord.scope == "statistics",
            ConsentRecord.given_on <= period.end,
            or_(ConsentRecord.withdrawn_on.is_(None), ConsentRecord.withdrawn_on > period.end),
        )
        return set(self._s.scalars(query))

    def _persons(self, period: Period, counted: set[int], cases: list[tuple]) -> list[PersonFact]:  # type: ignore[type-arg]
        latest: dict[int, tuple[date, int, str]] = {}
        at_end: set[int] = set()
        for case_id, client_id, case_type, opened, closed, *_ in cases:
            if (opened, case_id) > latest.get(client_id, (date.min, 0, ""))[:2]:
                latest[client_id] = (opened, case_id, case_type)
            if rules.is_active_in(Case(case_type, opened, closed), period.end, period.end):
                at_end.add(client_id)
        query = select(
            ClientRecord.id,
            ClientRecord.date_of_birth,
            ClientRecord.gender,
            ClientRecord.residence_status,
            ClientRecord.country_of_birth,
        )
        return [
            PersonFact(dob, gender, status, country, latest[client_id][2], client_id in at_end)
            for client_id, dob, gender, status, country in self._s.execute(query)
            if client_id in counted
        ]

    def _contacts(self, period: Period, counted: set[int], client_of: dict[int, int]) -> dict[str, tuple[int, int]]:
        query = (
            select(
                ContactRecord.case_id,
                ContactRecord.mode,
                func.count(),
                func.coalesce(func.sum(ContactRecord.minutes), 0),
            )
            .where(ContactRecord.date.between(period.start, period.end))
            .group_by(ContactRecord.case_id, ContactRecord.mode)
        )
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for case_id, mode, n, minutes in self._s.execute(query):
            if client_of.get(case_id) in counted:
                totals[mode][0] += int(n)
                totals[mode][1] += int(minutes)
        return {mode: (n, minutes) for mode, (n, minutes) in totals.items()}

    def _goals(self, period: Period, case_ids: set[int]) -> dict[tuple[str, str], int]:
        """Goals of the counted active cases, by area and their status on the last day."""
        goals = {
            goal_id: area
            for goal_id, case_id, area, agreed in self._s.execute(
                select(GoalRecord.id, GoalRecord.case_id, GoalRecord.area, GoalRecord.agreed_on)
            )
            if case_id in case_ids and (agreed is None or agreed <= period.end)
        }
        status: dict[int, tuple[date, int, str]] = {}
        history = select(
            GoalStatusRecord.id, GoalStatusRecord.goal_id, GoalStatusRecord.valid_from, GoalStatusRecord.status
        ).where(or_(GoalStatusRecord.valid_from.is_(None), GoalStatusRecord.valid_from <= period.end))
        for row_id, goal_id, valid_from, value in self._s.execute(history):
            if goal_id not in goals:
                continue
            rank = (valid_from or date.min, row_id)
            if rank > status.get(goal_id, (date.min, -1, ""))[:2]:
                status[goal_id] = (*rank, value)
        return dict(Counter((goals[g], s[2]) for g, s in status.items()))

    def _referrals(self, period: Period, counted: set[int], client_of: dict[int, int]) -> dict[str, dict[str, int]]:
        query = (
            select(ReferralRecord.case_id, PartnerRecord.partner_type, ReferralRecord.status, func.count())
            .join(PartnerRecord, PartnerRecord.id == ReferralRecord.partner_id)
            .where(ReferralRecord.date.between(period.start, period.end))
            .group_by(ReferralRecord.case_id, PartnerRecord.partner_type, ReferralRecord.status)
        )
        by_type: Counter[str] = Counter()
        by_status: Counter[str] = Counter()
        for case_id, partner_type, referral_status, n in self._s.execute(query):
            if client_of.get(case_id) in counted:
                by_type[partner_type] += int(n)
                by_status[referral_status] += int(n)
        return {"referrals_by_partner_type": dict(by_type), "referrals_by_status": dict(by_status)}
