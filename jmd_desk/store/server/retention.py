"""Deletion runs on the office server through its narrow functions (``erasure_sql``): the
retention metadata, proposing, executing a confirmed run, the erasure register, and erasing
again what an erasure list names after the IT restored an older dump."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, datetime

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from jmd_desk.domain.audit_chain import AuditEntry
from jmd_desk.domain.erasure_list import Erasure
from jmd_desk.domain.errors import AuthError, JmdError, StoreError
from jmd_desk.domain.retention import DeletionRun
from jmd_desk.store.audit_repo import AuditRepository
from jmd_desk.store.retention_repo import RetentionRepository

# refusals of the functions (their "jmd:" marker) -> our error codes
_REFUSALS = {
    "jmd:deletion_needs_second_person": "deletion_needs_second_person",
    "jmd:deletion_needs_admin_and_team_lead": "deletion_needs_admin_and_team_lead",
    "jmd:deletion_already_decided": "deletion_already_decided",
    "jmd:deletion_legal_hold": "deletion_legal_hold_run",
    "jmd:unknown_deletion_run": "unknown_deletion_run",
}


def _typed(exc: DBAPIError) -> JmdError:
    text_of = str(exc.orig)
    for marker, code in _REFUSALS.items():
        if marker in text_of:
            return AuthError(code) if "needs" in code else JmdError(code)
    if "jmd:not_allowed" in text_of:
        return AuthError("not_permitted", roles="admin,team_lead")
    return StoreError("server_error", detail=type(exc.orig).__name__)


Events = Callable[[list[tuple]], list[AuditEntry]]  # type: ignore[type-arg]


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


class ServerRetention:
    """What an admin or a team lead may do about deletion on the server; every change is
    audited in the server's chain in the same transaction."""

    def __init__(self, engine: Engine, username: str, audit_key: bytes) -> None:
        self._engine = engine
        self._user = username
        self._audit_key = audit_key

    def _rows(self, statement: str, params: dict[str, object], events: Events | None = None) -> list[tuple]:  # type: ignore[type-arg]
        """Run one function call; ``events`` turns its rows into the audit events written with it."""
        try:
            with Session(self._engine) as session, session.begin():
                rows = [tuple(r) for r in session.execute(text(statement), params)]
                if events is not None:
                    AuditRepository(session, self._audit_key, keeps_head=False).append_many(events(rows))
                return rows
        except DBAPIError as exc:
            raise _typed(exc) from None

    def files(self) -> list[tuple[int, str, str, date | None]]:
        """(client id, client number, case type, closed on) of every file not on legal hold."""
        rows = self._rows("SELECT * FROM jmd_retention_files()", {})
        return [(int(cid), str(number), str(case_type), closed) for cid, number, case_type, closed in rows]

    def add_run(self, reason: str, client_ids: Iterable[int], now: datetime) -> int:
        """Record a proposed run (the table of runs holds ids only and is shared by the office)."""
        try:
            with Session(self._engine) as session, session.begin():
                run_id = RetentionRepository(session).add_run(reason, client_ids, self._user, _naive(now))
                entry = AuditEntry(now, self._user, "deletion_proposed", "deletion_run", run_id)
                AuditRepository(session, self._audit_key, keeps_head=False).append_many([entry])
                return run_id
        except DBAPIError as exc:
            raise _typed(exc) from None

    def run(self, run_id: int) -> DeletionRun:
        """One run (``not_found`` if there is none)."""
        with Session(self._engine) as session:
            return RetentionRepository(session).run(run_id)

    def execute(self, run_id: int, now: datetime) -> list[int]:
        """Delete a proposed run's files (the server checks the four eyes); returns their ids."""

        def events(rows: list[tuple]) -> list[AuditEntry]:  # type: ignore[type-arg]
            confirmed = AuditEntry(now, self._user, "deletion_confirmed", "deletion_run", run_id)
            return [confirmed, *(AuditEntry(now, self._user, "client_deleted", "client", r[0], r[0]) for r in rows)]

        rows = self._rows("SELECT * FROM jmd_execute_deletion_run(:r, :now)", {"r": run_id, "now": _naive(now)}, events)
        return [int(r[0]) for r in rows]

    def erasures(self) -> list[Erasure]:
        """The whole erasure register, oldest first."""
        with Session(self._engine) as session:
            return [Erasure(*row) for row in RetentionRepository(session).erasures()]

    def reapply(self, erasures: list[Erasure], now: datetime) -> list[int]:
        """Erase again what ``erasures`` names (admin; idempotent); returns the ids erased now."""
        entries = [
            {
                "client_id": e.client_id,
                "client_created_at": None if e.client_created_at is None else _naive(e.client_created_at).isoformat(),
                "run_id": e.run_id,
                "erased_at": _naive(e.erased_at).isoformat(),
            }
            for e in erasures
        ]

        def events(rows: list[tuple]) -> list[AuditEntry]:  # type: ignore[type-arg]
            again = (AuditEntry(now, self._user, "client_deleted", "client", r[0], r[0]) for r in rows)
            return [AuditEntry(now, self._user, "erasures_reapplied"), *again]

        rows = self._rows("SELECT * FROM jmd_reapply_erasures(CAST(:e AS jsonb))", {"e": json.dumps(entries)}, events)
        return [int(r[0]) for r in rows]
