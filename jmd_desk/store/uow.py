"""Unit of work: one transaction, committed whole or rolled back whole."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from jmd_desk.domain.errors import StoreError
from jmd_desk.domain.interchange_model import ClientBundle, Document
from jmd_desk.store.additions_repo import AnonymousContactRepository, DistrictRepository, DocumentRepository
from jmd_desk.store.appointments_repo import AppointmentListRepository
from jmd_desk.store.audit_repo import AuditRepository
from jmd_desk.store.bulk import write_clients, write_document, write_offers, write_partners
from jmd_desk.store.clients_repo import ClientRepository
from jmd_desk.store.dashboard_repo import DashboardRepository
from jmd_desk.store.engine import classify
from jmd_desk.store.groups_repo import GroupOfferRepository
from jmd_desk.store.partners_repo import PartnerRepository
from jmd_desk.store.records_repo import (
    CaseRepository,
    ChildRepository,
    GoalRepository,
    case_appointment_repository,
    consent_repository,
    contact_repository,
    follow_up_repository,
    progress_repository,
    referral_repository,
)
from jmd_desk.store.register_repo import RegisterRepository
from jmd_desk.store.retention_repo import RetentionRepository
from jmd_desk.store.server.logins import ServerLogins
from jmd_desk.store.server.move_in import LocalSnapshot, take_snapshot
from jmd_desk.store.server.narrow import NarrowFunctions
from jmd_desk.store.server.server_store import ServerStore, classify_server_error
from jmd_desk.store.settings_repo import SettingsRepository
from jmd_desk.store.statistics_repo import StatisticsRepository
from jmd_desk.store.store import Store
from jmd_desk.store.users_repo import UserRepository

log = logging.getLogger("jmd_desk.store.uow")  # codes and ids only, never names or notes


class UnitOfWork:
    """``with UnitOfWork(store, write=True) as uow:`` gives repositories on one transaction.

    A writing unit takes SQLite's write lock at its start (``BEGIN IMMEDIATE``), so the audit
    chain and generated numbers never race. Leaving the block normally commits a writing
    unit; an exception, or a reading unit, rolls back.
    """

    def __init__(self, store: Store | ServerStore, *, write: bool = False) -> None:
        self._store = store
        self._write = write
        self._session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        engine = self._store.engine.execution_options(sqlite_begin="IMMEDIATE" if self._write else "DEFERRED")
        session = Session(bind=engine, expire_on_commit=False, autoflush=True)
        self._session = session
        self._seal = self._store.prepare_session(session) if isinstance(self._store, ServerStore) else None
        self.users = UserRepository(session)
        self.settings = SettingsRepository(session)
        self.partners = PartnerRepository(session)
        self.clients = ClientRepository(session)
        self.cases = CaseRepository(session)
        self.goals = GoalRepository(session)
        self.contacts = contact_repository(session)
        self.referrals = referral_repository(session)
        self.follow_ups = follow_up_repository(session)
        self.consents = consent_repository(session)
        self.progress = progress_repository(session)
        self.appointments = case_appointment_repository(session)
        self.group_offers = GroupOfferRepository(session)
        self.districts = DistrictRepository(session)
        self.anonymous_contacts = AnonymousContactRepository(session)
        self.documents = DocumentRepository(session)
        self.appointment_list = AppointmentListRepository(session)
        self.audit = AuditRepository(session, self._store.audit_key, keeps_head=self._seal is None)
        self.dashboard = DashboardRepository(session)
        self.statistics = StatisticsRepository(session)
        self.register = RegisterRepository(session)
        self.retention = RetentionRepository(session)
        return self

    def children(self, kind: str) -> ChildRepository[Any]:
        """The repository for an entity kind below a case or client."""
        by_kind: dict[str, ChildRepository[Any]] = {
            "goal": self.goals,
            "contact": self.contacts,
            "referral": self.referrals,
            "follow_up": self.follow_ups,
            "consent": self.consents,
        }
        return by_kind[kind]

    def write_document(self, document: Document, now: datetime, counsellor: str | None = None) -> list[int]:
        """Insert a whole interchange document; returns the new client ids in order."""
        assert self._session is not None
        return write_document(self._session, document, now, counsellor, seal=self._seal)

    def server_logins(self) -> ServerLogins:
        """User administration on the office server, in this transaction (StoreError locally)."""
        assert self._session is not None
        if not isinstance(self._store, ServerStore):
            raise StoreError("server_only_command")
        return ServerLogins(self._session, self._store)

    def narrow(self) -> NarrowFunctions:
        """The office server's audited functions that cross the rows (StoreError locally)."""
        assert self._session is not None
        if not isinstance(self._store, ServerStore):
            raise StoreError("server_only_command")
        return NarrowFunctions(self._session)

    def read_every_file(self) -> None:
        """The full export reads every file: on the office server through its audited function
        (admin and team lead; the rest of this transaction only). A local store reads all anyway."""
        assert self._session is not None
        if self._seal is not None:
            self._session.execute(text("SELECT jmd_open_export()"))

    # An import that streams its file writes in parts: districts and partners, the clients a
    # batch at a time, then what refers to clients (all in this one transaction).
    def write_partners(self, document: Document) -> list[int]:
        """Insert the document's districts and partners; returns the partners' ids."""
        assert self._session is not None
        return write_partners(self._session, document, seal=self._seal)

    def write_clients(self, clients: Sequence[ClientBundle], partner_ids: Sequence[int], now: datetime) -> list[int]:
        """Insert clients with all their records; returns their ids in order."""
        assert self._session is not None
        return write_clients(self._session, clients, partner_ids, now, seal=self._seal)

    def write_offers(
        self, document: Document, partner_ids: Sequence[int], client_ids: Sequence[int], counsellor: str | None
    ) -> None:
        """Insert the document's group offers and anonymous contacts."""
        assert self._session is not None
        write_offers(self._session, document, partner_ids, client_ids, counsellor, seal=self._seal)

    def snapshot_for_server(self, today: date) -> LocalSnapshot:
        """The whole store, its correction and audit history, to move into the office server."""
        assert self._session is not None
        return take_snapshot(self._session, today)

    def flush(self) -> None:
        """Send pending changes to the database (ids become known); stays in the transaction."""
        assert self._session is not None
        self._wrap(self._session.flush)

    def _wrap(self, func: Callable[[], None]) -> None:
        try:
            func()
        except (DBAPIError, StaleDataError) as exc:
            raise self._classify(exc) from None

    def _classify(self, exc: DBAPIError | StaleDataError) -> StoreError:
        if isinstance(self._store, ServerStore):
            return classify_server_error(exc)
        return classify(exc.orig or exc if isinstance(exc, DBAPIError) else exc)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session = self._session
        assert session is not None
        try:
            if exc_type is None and self._write:
                self._wrap(session.commit)
            else:
                if exc_type is not None:
                    log.debug("rolled back: %s", getattr(exc, "code", None) or exc_type.__name__)
                session.rollback()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
            self._session = None
        if isinstance(exc, DBAPIError | StaleDataError):
            raise self._classify(exc) from None
