"""The team lead's statistics on the office server: the same queries as a local store
(``StatisticsRepository``), read from the gated views of ``statistics_sql`` in one transaction
that the team lead opened through the audited ``jmd_open_statistics``."""

from __future__ import annotations

from datetime import date, datetime

import psycopg
from sqlalchemy import Engine, column, table, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased

from jmd_desk.domain.audit_chain import AuditEntry
from jmd_desk.domain.errors import AuthError, StoreError
from jmd_desk.domain.statistics import Period, PublishedReport, StatisticsFacts
from jmd_desk.store.audit_repo import AuditRepository
from jmd_desk.store.register_repo import RegisterRepository
from jmd_desk.store.server.statistics_sql import STATISTICS_VIEWS
from jmd_desk.store.settings_repo import SettingsRepository
from jmd_desk.store.statistics_repo import TABLES, StatisticsRepository, StatisticsSources


def _view_of(record: type) -> object:
    """The record class aliased onto its gated view (same column names, fewer columns)."""
    name = record.__tablename__  # type: ignore[attr-defined]
    view, (_, columns) = next((v, spec) for v, spec in STATISTICS_VIEWS.items() if spec[0] == name)
    source = table(view, *(column(c, record.__table__.c[c].type) for c in columns))  # type: ignore[attr-defined]
    return aliased(record, source.alias(name), adapt_on_names=True)


SERVER_SOURCES = StatisticsSources(*(_view_of(record) for record in TABLES))  # type: ignore[arg-type]


def _typed(exc: DBAPIError) -> AuthError | StoreError:
    if isinstance(exc.orig, psycopg.errors.InsufficientPrivilege):
        return AuthError("not_permitted", roles="team_lead")
    return StoreError("server_error", detail=type(exc.orig).__name__)


class ServerStatistics:
    """Statistics facts, office settings and the publication register on the server."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def settings(self) -> dict[str, object]:
        """The office settings as stored (readable by every login)."""
        with Session(self._engine) as session:
            return SettingsRepository(session).all()

    def facts_many(self, periods: list[Period], *, legal_basis: bool) -> list[StatisticsFacts]:
        """The facts of ``periods`` over the whole office (team lead; the opening is logged)."""
        start, end = min(p.start for p in periods), max(p.end for p in periods)
        try:
            with Session(self._engine) as session, session.begin():
                session.execute(text("SELECT jmd_open_statistics(:f, :t)"), {"f": start, "t": end})
                return StatisticsRepository(session, SERVER_SOURCES).facts_many(periods, legal_basis=legal_basis)
        except DBAPIError as exc:
            raise _typed(exc) from None

    def earlier(self, start: date, end: date, method: str) -> list[PublishedReport]:
        """Earlier register entries of the same period and method, oldest first."""
        with Session(self._engine) as session:
            return RegisterRepository(session).for_period(start, end, method)

    def record(
        self, now: datetime, user: str, entries: list[tuple[Period, str, int | None, str, str]], audit_key: bytes
    ) -> None:
        """Add register entries (period, method, k, output, cells hash) and their audit events, as
        on a local store, in one transaction."""
        try:
            with Session(self._engine) as session, session.begin():
                register, events = RegisterRepository(session), []
                for period, method, k, output, digest in entries:
                    entry_id = register.add(now, user, period, method, k, output, digest)
                    if output == "bundle":
                        events.append(AuditEntry(now, user, "statistics_bundle_created"))
                    events.append(AuditEntry(now, user, f"statistics_published_{output}", "published_report", entry_id))
                AuditRepository(session, audit_key, keeps_head=False).append_many(events)
        except DBAPIError as exc:
            raise _typed(exc) from None
