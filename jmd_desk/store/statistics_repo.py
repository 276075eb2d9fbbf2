"""Queries for the anonymised statistics (DESIGN §7).

A case is active in ``start..end`` when it was opened on or before ``end`` and not closed
before ``start``. A person counts when they have an active case and a statistics consent
given on or before ``end`` and not withdrawn by then — unless the office declared a legal
basis, in which case every person with an active case counts.

Each query is set-based and narrow (a date window, grouped where possible, served by covering
indexes); the small results are joined here with the domain's own rules. On an encrypted store
this is several times faster than asking SQLite for the whole join at once. A trend loads the
rows of all its periods once (contacts and referrals grouped by period in SQL) and counts each
period in memory.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Row, Select, String, case, func, or_, select, type_coerce
from sqlalchemy.orm import InstrumentedAttribute, Session

from jmd_desk.domain import codes
from jmd_desk.domain.rules import age_group, consent_covers
from jmd_desk.domain.statistics import (
    BASIS_CONSENT,
    BASIS_LEGAL,
    AnonymousContactFact,
    ClosureFact,
    GroupOfferFact,
    OpenedCaseFact,
    Period,
    PersonFact,
    StatisticsFacts,
)
from jmd_desk.domain.statistics_rules import german_level_change, school_qualification_change, value_at
from jmd_desk.store.mapping import Ts, plain_rows
from jmd_desk.store.schema import (
    AnonymousContactRecord,
    CaseRecord,
    ClientRecord,
    ConsentRecord,
    ContactRecord,
    DistrictRecord,
    GoalRecord,
    GoalStatusRecord,
    GroupOfferRecord,
    GroupSessionRecord,
    PartnerRecord,
    ProgressRecord,
    ReferralRecord,
)

KEY_MODULUS = 2**32


# (id, client, type, opened, closed, reason, destination, key, requested)
CaseRow = tuple[int, int, str, date, "date | None", "str | None", "str | None", int, "date | None"]


class _Client(NamedTuple):
    date_of_birth: date | None
    gender: str
    residence_status: str
    country_of_birth: str
    record_key: int
    district: str | None
    german_level: str | None
    school_qualification: str | None


class _Offer(NamedTuple):
    starts_on: date
    ends_on: date | None
    by_gender: dict[str, int]
    by_age_group: dict[str, int]
    record_key: int
    sessions: list[tuple[date, int]]


@dataclass
class _Snapshot:
    """The rows behind the statistics of one or more periods, loaded once."""

    periods: list[Period]
    cases: list[CaseRow]
    client_of: dict[int, int]
    consents: dict[int, list[tuple[date, date | None]]]
    clients: dict[int, _Client]
    goals: dict[int, tuple[int, str, date | None, int]]
    history: dict[int, list[tuple[date, int, str]]] = field(default_factory=dict)
    progress: dict[tuple[int, str], list[tuple[date, str]]] = field(default_factory=dict)
    districts: dict[str, str] = field(default_factory=dict)
    offers: list[_Offer] = field(default_factory=list)
    anonymous: list[tuple[date, str, str, str, int]] = field(default_factory=list)
    contacts: dict[int, list[tuple[int, str, int, int, int]]] = field(default_factory=dict)
    referrals: dict[int, list[tuple[int, str, str, int, int]]] = field(default_factory=dict)


class StatisticsSources(NamedTuple):
    """Where the case data come from: the tables of a local store, or on the office server the
    team lead's gated views with the same column names (store/server/statistics_sql.py)."""

    clients: type[ClientRecord]
    cases: type[CaseRecord]
    consents: type[ConsentRecord]
    goals: type[GoalRecord]
    goal_status: type[GoalStatusRecord]
    contacts: type[ContactRecord]
    referrals: type[ReferralRecord]
    progress: type[ProgressRecord]


TABLES = StatisticsSources(
    ClientRecord, CaseRecord, ConsentRecord, GoalRecord, GoalStatusRecord, ContactRecord, ReferralRecord, ProgressRecord
)


class StatisticsRepository:
    """Counts and person facts for one period or several."""

    def __init__(self, session: Session, sources: StatisticsSources = TABLES) -> None:
        self._s = session
        self._src = sources
        # PostgreSQL narrows goals and their history to the window's cases by subquery; on an
        # encrypted SQLite store the plain narrow scans joined here are faster (see above).
        self._narrow = session.get_bind().dialect.name == "postgresql"

    def _rows(self, query: Select[*Ts]) -> Sequence[Row[*Ts]]:
        """All rows at once through the session's connection: no ORM row processing and one fetch
        instead of one per row (a trend of the 10,000-client store reads ~2·10⁵ rows)."""
        return self._s.connection().execute(query).all()

    def _plain_rows(self, query: Select[*Ts]) -> Sequence[Any]:
        """The driver's own tuples, without SQLAlchemy's row objects and type processing: for
        the one query that reads ~10⁵ rows of numbers and ISO dates."""
        result = self._s.connection().execute(query)
        try:
            return result.cursor.fetchall()
        finally:
            result.close()

    def facts(self, period: Period, *, legal_basis: bool) -> StatisticsFacts:
        """Everything the statistics engine needs for ``period``, with the record keys behind each count."""
        return self.facts_many([period], legal_basis=legal_basis)[0]

    def facts_many(self, periods: list[Period], *, legal_basis: bool) -> list[StatisticsFacts]:
        """The facts of several periods (a trend), loading the rows once."""
        snapshot = self._load(periods)
        return [_facts(snapshot, i, legal_basis) for i in range(len(periods))]

    # ------------------------------------------------------------------ loading
    def _load(self, periods: list[Period]) -> _Snapshot:
        src = self._src
        start, end = min(p.start for p in periods), max(p.end for p in periods)
        cases = self._cases(start, end)
        case_ids = {row[0] for row in cases}
        goal_query = select(src.goals.id, src.goals.case_id, src.goals.area, src.goals.agreed_on, src.goals.record_key)
        if self._narrow:
            goal_query = goal_query.where(src.goals.case_id.in_(self._window(start, end)))
        goals = {
            goal_id: (case_id, area, agreed, key)
            for goal_id, case_id, area, agreed, key in self._rows(goal_query)
            if case_id in case_ids
        }
        return _Snapshot(
            periods=periods,
            cases=cases,
            client_of=dict(self._rows(select(src.cases.id, src.cases.client_id))),
            consents=self._consents(end),
            clients=self._clients(),
            goals=goals,
            history=self._history(goals, start, end),
            contacts=self._contacts(periods, start, end),
            referrals=self._referrals(periods, start, end),
            progress=self._progress(),
            districts=dict(self._rows(select(DistrictRecord.code, DistrictRecord.label).order_by(DistrictRecord.code))),
            offers=self._offers(start, end),
            anonymous=self._anonymous(start, end),
        )

    def _window(self, start: date, end: date) -> Select[int]:
        """Ids of the cases active in the window (a subquery)."""
        cases = self._src.cases
        return select(cases.id).where(cases.opened_on <= end, or_(cases.closed_on.is_(None), cases.closed_on >= start))

    def _cases(self, start: date, end: date) -> list[CaseRow]:
        """(id, client, type, opened, closed, reason, destination, key) of the cases active in the window."""
        src = self._src
        query = select(
            src.cases.id,
            src.cases.client_id,
            src.cases.case_type,
            src.cases.opened_on,
            src.cases.closed_on,
            src.cases.closure_reason,
            src.cases.destination,
            src.cases.record_key,
            src.cases.requested_on,
        ).where(src.cases.opened_on <= end, or_(src.cases.closed_on.is_(None), src.cases.closed_on >= start))
        return plain_rows(self._rows(query))

    def _consents(self, end: date) -> dict[int, list[tuple[date, date | None]]]:
        """Statistics consents given by the last day, per client."""
        src = self._src
        query = select(src.consents.client_id, src.consents.given_on, src.consents.withdrawn_on).where(
            src.consents.scope == "statistics", src.consents.given_on <= end
        )
        consents: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
        for client_id, given, withdrawn in self._rows(query):
            consents[client_id].append((given, withdrawn))
        return consents

    def _clients(self) -> dict[int, _Client]:
        src = self._src
        query = select(
            src.clients.id,
            src.clients.date_of_birth,
            src.clients.gender,
            src.clients.residence_status,
            src.clients.country_of_birth,
            src.clients.record_key,
            src.clients.district,
            src.clients.german_level,
            src.clients.school_qualification,
        )
        return {row[0]: _Client(*row[1:]) for row in self._rows(query)}

    def _progress(self) -> dict[tuple[int, str], list[tuple[date, str]]]:
        """Progress entries per (client, field)."""
        src = self._src
        progress: dict[tuple[int, str], list[tuple[date, str]]] = defaultdict(list)
        query = select(src.progress.client_id, src.progress.field, src.progress.on, src.progress.value)
        for client_id, name, on, value in self._rows(query):
            progress[(client_id, name)].append((on, value))
        return progress

    def _offers(self, start: date, end: date) -> list[_Offer]:
        """Group offers active in the window, with their sessions in it."""
        query = select(
            GroupOfferRecord.id,
            GroupOfferRecord.starts_on,
            GroupOfferRecord.ends_on,
            GroupOfferRecord.participants_by_gender,
            GroupOfferRecord.participants_by_age_group,
            GroupOfferRecord.record_key,
        ).where(
            GroupOfferRecord.starts_on <= end,
            or_(GroupOfferRecord.ends_on.is_(None), GroupOfferRecord.ends_on >= start),
        )
        offers = {row[0]: row for row in self._rows(query)}
        sessions: dict[int, list[tuple[date, int]]] = defaultdict(list)
        session_query = select(GroupSessionRecord.group_offer_id, GroupSessionRecord.date, GroupSessionRecord.minutes)
        for offer_id, day, minutes in self._rows(session_query.where(GroupSessionRecord.date.between(start, end))):
            if offer_id in offers:
                sessions[offer_id].append((day, minutes))
        return [
            _Offer(starts, ends, _headcounts(by_gender), _headcounts(by_age), key, sessions[offer_id])
            for offer_id, starts, ends, by_gender, by_age, key in offers.values()
        ]

    def _anonymous(self, start: date, end: date) -> list[tuple[date, str, str, str, int]]:
        """(date, mode, topics, gender, key) of the anonymous contacts in the window."""
        query = select(
            AnonymousContactRecord.date,
            AnonymousContactRecord.mode,
            AnonymousContactRecord.topics,
            AnonymousContactRecord.gender,
            AnonymousContactRecord.record_key,
        ).where(AnonymousContactRecord.date.between(start, end))
        return plain_rows(self._rows(query))

    def _history(
        self, goals: dict[int, tuple[int, str, date | None, int]], start: date, end: date
    ) -> dict[int, list[tuple[date, int, str]]]:
        """Each goal's status history up to the last day, in order."""
        src = self._src
        query = select(
            src.goal_status.id, src.goal_status.goal_id, src.goal_status.valid_from, src.goal_status.status
        ).where(or_(src.goal_status.valid_from.is_(None), src.goal_status.valid_from <= end))
        if self._narrow:
            window = select(src.goals.id).where(src.goals.case_id.in_(self._window(start, end)))
            query = query.where(src.goal_status.goal_id.in_(window))
        history: dict[int, list[tuple[date, int, str]]] = defaultdict(list)
        for row_id, goal_id, valid_from, value in self._rows(query):
            if goal_id in goals:
                history[goal_id].append((valid_from or date.min, row_id, value))
        for entries in history.values():
            entries.sort()
        return history

    def _contacts(
        self, periods: list[Period], start: date, end: date
    ) -> dict[int, list[tuple[int, str, int, int, int]]]:
        """(case, mode, count, minutes, key sum) per period index.

        Summed here rather than by GROUP BY: SQLite's sort for the grouping costs twice the scan
        of the covering index, and the date is read as stored text (no date object per row)."""
        src = self._src
        query = select(
            type_coerce(src.contacts.date, String),
            src.contacts.case_id,
            src.contacts.mode,
            src.contacts.minutes,
            src.contacts.record_key,
        ).where(src.contacts.date.between(start, end))
        period_of = _PeriodFinder(periods)
        sums: dict[tuple[int, int, str], list[int]] = {}
        for day, case_id, mode, minutes, key in self._plain_rows(query):
            i = period_of(day)
            if i < 0:
                continue
            total = sums.get((i, case_id, mode))
            if total is None:
                sums[(i, case_id, mode)] = [1, minutes or 0, key]
            else:
                total[0] += 1
                total[1] += minutes or 0
                total[2] += key
        rows: dict[int, list[tuple[int, str, int, int, int]]] = defaultdict(list)
        for (i, case_id, mode), (n, minutes, keys) in sums.items():
            rows[i].append((case_id, mode, n, minutes, keys))
        return rows

    def _referrals(
        self, periods: list[Period], start: date, end: date
    ) -> dict[int, list[tuple[int, str, str, int, int]]]:
        """(case, partner type, status, count, key sum) per period index."""
        src = self._src
        index = _period_index(src.referrals.date, periods)
        query = (
            select(
                index,
                src.referrals.case_id,
                PartnerRecord.partner_type,
                src.referrals.status,
                func.count(),
                func.sum(src.referrals.record_key),
            )
            .join(PartnerRecord, PartnerRecord.id == src.referrals.partner_id)
            .where(src.referrals.date.between(start, end))
            .group_by(index, src.referrals.case_id, PartnerRecord.partner_type, src.referrals.status)
        )
        rows: dict[int, list[tuple[int, str, str, int, int]]] = defaultdict(list)
        for i, case_id, partner_type, status, n, keys in self._rows(query):
            rows[i].append((case_id, partner_type, status, int(n), int(keys)))
        return rows


class _PeriodFinder:
    """Which of non-overlapping periods a day falls in (-1: none); the day as ISO text (SQLite)
    or as a date (PostgreSQL)."""

    def __init__(self, periods: list[Period]) -> None:
        ordered = sorted(range(len(periods)), key=lambda i: periods[i].start)
        self._index = ordered
        self._starts = [periods[i].start.isoformat() for i in ordered]
        self._ends = [periods[i].end.isoformat() for i in ordered]

    def __call__(self, day: str | date) -> int:
        text = day if isinstance(day, str) else day.isoformat()
        at = bisect.bisect_right(self._starts, text) - 1
        return self._index[at] if at >= 0 and text <= self._ends[at] else -1


def _period_index(column: InstrumentedAttribute[date], periods: list[Period]) -> ColumnElement[int]:
    """Which period a date falls in (-1: none); periods do not overlap."""
    return case(*[(column.between(p.start, p.end), i) for i, p in enumerate(periods)], else_=-1)


# ---------------------------------------------------------------------- counting one period
def _facts(snap: _Snapshot, i: int, legal_basis: bool) -> StatisticsFacts:
    period = snap.periods[i]
    active = [c for c in snap.cases if c[3] <= period.end and (c[4] is None or c[4] >= period.start)]
    with_case = {row[1] for row in active}
    counted = with_case if legal_basis else {c for c in with_case if _consents(snap.consents.get(c, ()), period)}
    cases = [row for row in active if row[1] in counted]
    persons, left_out_keys = _persons(snap, period, counted, with_case - counted, cases)
    opened = [c for c in cases if period.start <= c[3] <= period.end]
    closed = [c for c in cases if c[4] is not None and period.start <= c[4] <= period.end]
    contacts, contact_keys = _contacts(snap.contacts.get(i, []), counted, snap.client_of)
    goals, goal_keys = _goals(snap, period, {row[0] for row in cases})
    referrals, referral_keys = _referrals(snap.referrals.get(i, []), counted, snap.client_of)
    caseload_keys: dict[tuple[str, ...], int] = {
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
        closures=tuple(_closure(c, snap, period) for c in closed),
        key_sums={
            "caseload": caseload_keys,
            "contacts_by_mode": contact_keys,
            "contact_hours_by_mode": contact_keys,
            "goals_by_area_status": goal_keys,
            **referral_keys,
        },
        persons_left_out_key_sum=left_out_keys,
        opened_cases=tuple(OpenedCaseFact(c[8], c[3], c[7]) for c in opened),
        group_offers=tuple(_group_offers(snap.offers, period)),
        anonymous_contacts=tuple(
            AnonymousContactFact(mode, tuple(t for t in topics.split(",") if t), gender, key)
            for day, mode, topics, gender, key in snap.anonymous
            if period.start <= day <= period.end
        ),
        district_labels=dict(snap.districts),
    )


def _headcounts(text: str | None) -> dict[str, int]:
    """A stored headcount object; anything malformed counts as none (the import validated it)."""
    try:
        values = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(values, dict):
        return {}
    return {str(k): v for k, v in values.items() if type(v) is int and v > 0}


def _group_offers(offers: list[_Offer], period: Period) -> Iterable[GroupOfferFact]:
    """Offers active in the period, with their sessions dated in it."""
    for offer in offers:
        if offer.starts_on > period.end or (offer.ends_on is not None and offer.ends_on < period.start):
            continue
        sessions = [minutes for day, minutes in offer.sessions if period.start <= day <= period.end]
        yield GroupOfferFact(len(sessions), sum(sessions), offer.by_gender, offer.by_age_group, offer.record_key)


def _consents(consents: Iterable[tuple[date, date | None]], period: Period) -> bool:
    """A statistics consent that holds on the period's last day (the domain's rule)."""
    return any(consent_covers(given, withdrawn, period.end) for given, withdrawn in consents)


def _closure(c: CaseRow, snap: _Snapshot, period: Period) -> ClosureFact:
    """A closed case with its client's age group and progress between opening and closure."""
    client = snap.clients[c[1]]
    opened, closed = c[3], c[4]
    assert closed is not None

    def change(name: str, current: str | None) -> tuple[str | None, str | None]:
        entries = snap.progress.get((c[1], name), [])
        return value_at(entries, opened, current), value_at(entries, closed, current)

    german = german_level_change(*change("german_level", client.german_level))
    school = school_qualification_change(*change("school_qualification", client.school_qualification))
    reason, destination = c[5] or codes.UNKNOWN, c[6] or codes.UNKNOWN
    age = age_group(client.date_of_birth, period.end)
    return ClosureFact(reason, destination, opened, closed, c[7], age, german, school)


def _persons(
    snap: _Snapshot, period: Period, counted: set[int], left_out: set[int], cases: list[CaseRow]
) -> tuple[list[PersonFact], int]:
    """The counted persons, and the key sum of those left out for want of consent."""
    latest: dict[int, tuple[date, int, str]] = {}
    at_end: set[int] = set()
    end = period.end
    for case_id, client_id, case_type, opened, closed, *_ in cases:
        if (opened, case_id) > latest.get(client_id, (date.min, 0, ""))[:2]:
            latest[client_id] = (opened, case_id, case_type)
        if opened <= end and (closed is None or closed >= end):  # active on the last day (rules.is_active_in)
            at_end.add(client_id)
    persons = []
    for client_id in sorted(counted):
        c = snap.clients[client_id]
        persons.append(
            PersonFact(
                c.date_of_birth,
                c.gender,
                c.residence_status,
                c.country_of_birth,
                latest[client_id][2],
                client_id in at_end,
                c.record_key,
                c.district or codes.UNKNOWN,
            )
        )
    return persons, sum(snap.clients[c].record_key for c in left_out) % KEY_MODULUS


def _contacts(
    rows: list[tuple[int, str, int, int, int]], counted: set[int], client_of: dict[int, int]
) -> tuple[dict[str, tuple[int, int]], dict[tuple[str, ...], int]]:
    """(count, minutes) and key sum of the contacts per mode."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for case_id, mode, n, minutes, keys in rows:
        if client_of.get(case_id) in counted:
            totals[mode][0] += n
            totals[mode][1] += minutes
            totals[mode][2] += keys
    counts = {mode: (n, minutes) for mode, (n, minutes, _) in totals.items()}
    return counts, {(mode,): keys % KEY_MODULUS for mode, (_, _, keys) in totals.items()}


def _goals(
    snap: _Snapshot, period: Period, case_ids: set[int]
) -> tuple[dict[tuple[str, str], int], dict[tuple[str, ...], int]]:
    """Goals of the counted active cases, by area and their status on the last day (with key sums)."""
    counts: Counter[tuple[str, str]] = Counter()
    keys: Counter[tuple[str, ...]] = Counter()
    for goal_id, (case_id, area, agreed, key) in snap.goals.items():
        if case_id not in case_ids or (agreed is not None and agreed > period.end):
            continue
        history = snap.history.get(goal_id, [])
        at = bisect.bisect_right(history, (period.end, float("inf"), ""))
        if at == 0:
            continue  # no status yet on the last day
        counts[(area, history[at - 1][2])] += 1
        keys[(area, history[at - 1][2])] += key
    return dict(counts), {cell: total % KEY_MODULUS for cell, total in keys.items()}


def _referrals(
    rows: list[tuple[int, str, str, int, int]], counted: set[int], client_of: dict[int, int]
) -> tuple[dict[str, dict[str, int]], dict[str, dict[tuple[str, ...], int]]]:
    by_type: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    type_keys: Counter[tuple[str, ...]] = Counter()
    status_keys: Counter[tuple[str, ...]] = Counter()
    for case_id, partner_type, referral_status, n, keys in rows:
        if client_of.get(case_id) in counted:
            by_type[partner_type] += n
            by_status[referral_status] += n
            type_keys[(partner_type,)] += keys
            status_keys[(referral_status,)] += keys
    counts = {"referrals_by_partner_type": dict(by_type), "referrals_by_status": dict(by_status)}
    sums = {
        "referrals_by_partner_type": {k: v % KEY_MODULUS for k, v in type_keys.items()},
        "referrals_by_status": {k: v % KEY_MODULUS for k, v in status_keys.items()},
    }
    return counts, sums


def _key_sum(keys: Iterable[int]) -> int:
    return sum(keys) % KEY_MODULUS
