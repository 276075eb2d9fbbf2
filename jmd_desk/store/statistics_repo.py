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
from collections.abc import Iterable
from datetime import date

from sqlalchemy import ColumnElement, func, or_, select
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

KEY_MODULUS = 2**32


def record_key(model: type) -> ColumnElement[int]:
    """The statistics record key of a table's rows (DESIGN §6).

    Until a store has the ``record_key`` column, a fixed stand-in is derived from the row id
    (a multiplicative hash): the same row keeps the same key, so the cell-key method stays
    consistent between reports; the real random keys replace it once the column exists.
    """
    column = getattr(model, "record_key", None)
    if column is not None:
        return column  # type: ignore[no-any-return]
    return (model.id * 2654435761 + 2246822519) % KEY_MODULUS  # type: ignore[attr-defined,no-any-return]


class StatisticsRepository:
    """Counts and person facts for one period."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def facts(self, period: Period, *, legal_basis: bool) -> StatisticsFacts:
        """Everything the statistics engine needs for ``period``, with the record keys behind each count."""
        active = self._active_cases(period)
        with_case = {row[1] for row in active}
        counted = with_case if legal_basis else with_case & self._consenting(period)
        cases = [row for row in active if row[1] in counted]
        case_ids = {row[0] for row in cases}
        client_of = dict(self._s.execute(select(CaseRecord.id, CaseRecord.client_id)).all())
        persons, left_out_keys = self._persons(period, counted, with_case - counted, cases)
        opened = [c for c in cases if period.start <= c[3] <= period.end]
        closed = [c for c in cases if c[4] is not None and period.start <= c[4] <= period.end]
        contacts, contact_keys = self._contacts(period, counted, client_of)
        goals, goal_keys = self._goals(period, case_ids)
        referrals, referral_keys = self._referrals(period, counted, client_of)
        caseload_keys = {
            ("cases_opened",): _key_sum(c[7] for c in opened),
            ("cases_active",): _key_sum(c[7] for c in cases),
            ("cases_closed",): _key_sum(c[7] for c in closed),
        }
        return StatisticsFacts(
            period=period,
            basis=BASIS_LEGAL if legal_basis else BASIS_CONSENT,
            persons_left_out=len(with_case) - len(counted),
            persons=tuple(persons),
            cases_opened=len(opened),
            cases_active=len(cases),
            cases_closed=len(closed),
            contacts_by_mode=contacts,
            goals_by_area_status=goals,
            **referrals,
            closures=tuple(ClosureFact(c[5] or codes.UNKNOWN, c[6] or codes.UNKNOWN, c[3], c[4], c[7]) for c in closed),
            key_sums={
                "caseload": caseload_keys,
                "contacts_by_mode": contact_keys,
                "contact_hours_by_mode": contact_keys,
                "goals_by_area_status": goal_keys,
                **referral_keys,
            },
            persons_left_out_key_sum=left_out_keys,
        )

    def _active_cases(self, period: Period) -> list[tuple]:  # type: ignore[type-arg]
        """(id, client, type, opened, closed, reason, destination, key) of the cases active in the period."""
        query = select(
            CaseRecord.id,
            CaseRecord.client_id,
            CaseRecord.case_type,
            CaseRecord.opened_on,
            CaseRecord.closed_on,
            CaseRecord.closure_reason,
            CaseRecord.destination,
            record_key(CaseRecord),
        ).where(
            CaseRecord.opened_on <= period.end,
            or_(CaseRecord.closed_on.is_(None), CaseRecord.closed_on >= period.start),
        )
        return [tuple(row) for row in self._s.execute(query)]

    def _consenting(self, period: Period) -> set[int]:
        """Clients with a statistics consent given by the end and not withdrawn by then."""
        query = select(ConsentRecord.client_id).where(
            ConsentRecord.scope == "statistics",
            ConsentRecord.given_on <= period.end,
            or_(ConsentRecord.withdrawn_on.is_(None), ConsentRecord.withdrawn_on > period.end),
        )
        return set(self._s.scalars(query))

    def _persons(
        self,
        period: Period,
        counted: set[int],
        left_out: set[int],
        cases: list[tuple],  # type: ignore[type-arg]
    ) -> tuple[list[PersonFact], int]:
        """The counted persons, and the key sum of those left out for want of consent."""
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
            record_key(ClientRecord),
        )
        persons, left_out_keys = [], 0
        for client_id, dob, gender, status, country, key in self._s.execute(query):
            if client_id in counted:
                persons.append(PersonFact(dob, gender, status, country, latest[client_id][2], client_id in at_end, key))
            elif client_id in left_out:
                left_out_keys += key
        return persons, left_out_keys % KEY_MODULUS

    def _contacts(
        self, period: Period, counted: set[int], client_of: dict[int, int]
    ) -> tuple[dict[str, tuple[int, int]], dict[tuple[str, ...], int]]:
        """(count, minutes) and key sum of the contacts per mode."""
        query = (
            select(
                ContactRecord.case_id,
                ContactRecord.mode,
                func.count(),
                func.coalesce(func.sum(ContactRecord.minutes), 0),
                func.sum(record_key(ContactRecord)),
            )
            .where(ContactRecord.date.between(period.start, period.end))
            .group_by(ContactRecord.case_id, ContactRecord.mode)
        )
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for case_id, mode, n, minutes, keys in self._s.execute(query):
            if client_of.get(case_id) in counted:
                totals[mode][0] += int(n)
                totals[mode][1] += int(minutes)
                totals[mode][2] += int(keys)
        counts = {mode: (n, minutes) for mode, (n, minutes, _) in totals.items()}
        return counts, {(mode,): keys % KEY_MODULUS for mode, (_, _, keys) in totals.items()}

    def _goals(
        self, period: Period, case_ids: set[int]
    ) -> tuple[dict[tuple[str, str], int], dict[tuple[str, ...], int]]:
        """Goals of the counted active cases, by area and their status on the last day (with key sums)."""
        goals = {
            goal_id: (area, key)
            for goal_id, case_id, area, agreed, key in self._s.execute(
                select(GoalRecord.id, GoalRecord.case_id, GoalRecord.area, GoalRecord.agreed_on, record_key(GoalRecord))
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
        counts: Counter[tuple[str, str]] = Counter()
        keys: Counter[tuple[str, ...]] = Counter()
        for goal_id, (_, _, value) in status.items():
            area, key = goals[goal_id]
            counts[(area, value)] += 1
            keys[(area, value)] += key
        return dict(counts), {cell: total % KEY_MODULUS for cell, total in keys.items()}

    def _referrals(
        self, period: Period, counted: set[int], client_of: dict[int, int]
    ) -> tuple[dict[str, dict[str, int]], dict[str, dict[tuple[str, ...], int]]]:
        query = (
            select(
                ReferralRecord.case_id,
                PartnerRecord.partner_type,
                ReferralRecord.status,
                func.count(),
                func.sum(record_key(ReferralRecord)),
            )
            .join(PartnerRecord, PartnerRecord.id == ReferralRecord.partner_id)
            .where(ReferralRecord.date.between(period.start, period.end))
            .group_by(ReferralRecord.case_id, PartnerRecord.partner_type, ReferralRecord.status)
        )
        by_type: Counter[str] = Counter()
        by_status: Counter[str] = Counter()
        type_keys: Counter[tuple[str, ...]] = Counter()
        status_keys: Counter[tuple[str, ...]] = Counter()
        for case_id, partner_type, referral_status, n, keys in self._s.execute(query):
            if client_of.get(case_id) in counted:
                by_type[partner_type] += int(n)
                by_status[referral_status] += int(n)
                type_keys[(partner_type,)] += int(keys)
                status_keys[(referral_status,)] += int(keys)
        counts = {"referrals_by_partner_type": dict(by_type), "referrals_by_status": dict(by_status)}
        sums = {
            "referrals_by_partner_type": {k: v % KEY_MODULUS for k, v in type_keys.items()},
            "referrals_by_status": {k: v % KEY_MODULUS for k, v in status_keys.items()},
        }
        return counts, sums


def _key_sum(keys: Iterable[int]) -> int:
    return sum(keys) % KEY_MODULUS
