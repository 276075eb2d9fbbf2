"""The consent rule is said twice: in the domain (``rules.consent_covers``) and in the store's
queries (the overview's "no processing consent" list in SQL, the statistics' consent filter).
On generated consent histories — given, withdrawn, several per client, every purpose, dates
on and around the deciding day — the clients the queries pick are exactly those the domain
rule picks."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from jmd_desk.domain.codes import CLOSURE_REASONS, CONSENT_SCOPES
from jmd_desk.domain.entities import Case, Consent
from jmd_desk.domain.rules import has_valid_consent, is_active_in
from jmd_desk.domain.statistics import Period
from jmd_desk.store.dashboard_repo import DashboardRepository
from jmd_desk.store.schema import CaseRecord, ClientRecord, ConsentRecord
from jmd_desk.store.statistics_repo import StatisticsRepository
from jmd_desk.store.store import Store
from tests.conftest import ADMIN_PASSWORD, POLICY

TODAY = date(2026, 11, 20)
QUARTER = Period.quarter("2026-Q3")
CLIENTS = 150  # below the overview's list limit, so that the list shows every client it picks


def _near(rng: random.Random, days: tuple[date, ...]) -> date:
    """A day on or next to one of the deciding days, or anywhere in the year around them."""
    if rng.random() < 0.7:
        return rng.choice(days) + timedelta(days=rng.choice((-1, 0, 1)))
    return TODAY - timedelta(days=rng.randrange(400))


def _history(rng: random.Random) -> tuple[list[Case], list[Consent]]:
    """One client's cases (open or closed, some outside the quarter) and consents (valid:
    never withdrawn before given; the same purpose possibly more than once)."""
    days = (TODAY, QUARTER.start, QUARTER.end)
    cases = []
    for _ in range(rng.randint(1, 2)):
        opened = _near(rng, days)
        closed = None if rng.random() < 0.5 else max(opened, _near(rng, days))
        cases.append(Case("case_management", opened, closed))
    consents = []
    for _ in range(rng.choice((0, 1, 1, 2, 3, 4))):
        given = _near(rng, days)
        withdrawn = None if rng.random() < 0.4 else max(given, _near(rng, days))
        consents.append(Consent(rng.choice(CONSENT_SCOPES), given, withdrawn_on=withdrawn))
    return cases, consents


def _write(session: Session, histories: list[tuple[list[Case], list[Consent]]]) -> list[int]:
    """The histories as rows; the record key of client i is i + 1, to find it among the persons."""
    now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    ids = []
    for i, (cases, consents) in enumerate(histories):
        client = ClientRecord(
            client_number=f"K-{i:05d}",
            first_name="Test",
            last_name=f"Person {i}",
            date_of_birth=date(2005, 1, 1),
            gender="female",
            country_of_birth="SY",
            residence_status="unknown",
            german_level="B1",
            record_key=i + 1,
            created_at=now,
            updated_at=now,
        )
        session.add(client)
        session.flush()
        for case in cases:
            session.add(
                CaseRecord(
                    client_id=client.id,
                    case_type=case.case_type,
                    opened_on=case.opened_on,
                    closed_on=case.closed_on,
                    closure_reason=CLOSURE_REASONS[0] if case.closed_on else None,
                )
            )
        for c in consents:
            session.add(
                ConsentRecord(
                    client_id=client.id,
                    scope=c.scope,
                    given_by="client",
                    given_on=c.given_on,
                    withdrawn_on=c.withdrawn_on,
                )
            )
        ids.append(client.id)
    session.commit()
    return ids


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    opened = Store.open(store_path, username="admin", password=ADMIN_PASSWORD, policy=POLICY)
    yield opened
    opened.close()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_queries_pick_exactly_the_clients_the_domain_rule_picks(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    histories = [_history(rng) for _ in range(CLIENTS)]
    with store.session() as session:
        ids = _write(session, histories)
        board = DashboardRepository(session).build(TODAY, None)
        facts = StatisticsRepository(session).facts(QUARTER, legal_basis=False)

    missing = {
        client_id
        for client_id, (cases, consents) in zip(ids, histories, strict=True)
        if any(c.is_open for c in cases) and not has_valid_consent(consents, "processing", TODAY)
    }
    assert {item.client_id for item in board.missing_processing_consent} == missing

    active = [any(is_active_in(c, QUARTER.start, QUARTER.end) for c in cases) for cases, _ in histories]
    counted = {
        i + 1
        for i, (cases, consents) in enumerate(histories)
        if active[i] and has_valid_consent(consents, "statistics", QUARTER.end)
    }
    assert {person.record_key for person in facts.persons} == counted
    assert facts.persons_left_out == sum(active) - len(counted)
    # the generated data reach both sides of the rule, on and next to the deciding days
    assert 0 < len(missing) < sum(any(c.is_open for c in cases) for cases, _ in histories)
    assert 0 < len(counted) < sum(active)
