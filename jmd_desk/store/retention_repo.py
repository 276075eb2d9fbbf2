"""Retention queries, deletion runs and the deletion itself."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.retention import DeletionRun, DueFile, delete_after
from jmd_desk.store.mapping import plain_rows
from jmd_desk.store.schema import CaseRecord, ClientRecord, DeletionRunRecord, ErasureRecord


def _run(r: DeletionRunRecord) -> DeletionRun:
    ids = tuple(int(i) for i in r.client_ids.split(",") if i)
    return DeletionRun(r.id, r.reason, ids, r.proposed_by, r.proposed_at, r.status, r.decided_by, r.decided_at)


def due_files(
    rows: Iterable[tuple[int, str, str, date | None]], today: date, years_by_type: dict[str, int], default_years: int
) -> list[DueFile]:
    """Files whose cases are all closed and past retention on ``today``, from rows of
    (client id, client number, case type, closed on) of the files not on legal hold."""
    files: dict[int, tuple[str, list[tuple[str, date | None]]]] = {}
    for client_id, number, case_type, closed_on in rows:
        files.setdefault(client_id, (number, []))[1].append((case_type, closed_on))
    due = []
    for client_id, (number, cases) in files.items():
        if any(closed is None for _, closed in cases):
            continue
        until = max(delete_after(closed, years_by_type.get(t, default_years)) for t, closed in cases if closed)
        if until <= today:
            last_closed = max(closed for _, closed in cases if closed)
            due.append(DueFile(client_id, number, last_closed, until))
    return due


class RetentionRepository:
    """Which files are due, the runs, and deleting clients with everything below them."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def due(self, today: date, years_by_type: dict[str, int], default_years: int) -> list[DueFile]:
        """Files without legal hold whose cases are all closed and past retention on ``today``."""
        rows = self._s.execute(
            select(ClientRecord.id, ClientRecord.client_number, CaseRecord.case_type, CaseRecord.closed_on)
            .join(CaseRecord, CaseRecord.client_id == ClientRecord.id)
            .where(ClientRecord.legal_hold.is_(False))
            .order_by(ClientRecord.client_number)
        ).all()
        return due_files(rows, today, years_by_type, default_years)

    def add_run(self, reason: str, client_ids: Iterable[int], user: str, now: datetime) -> int:
        """Record a proposed run; returns its id."""
        record = DeletionRunRecord(
            reason=reason,
            client_ids=",".join(str(i) for i in sorted(set(client_ids))),
            proposed_by=user,
            proposed_at=now,
            status="proposed",
        )
        self._s.add(record)
        self._s.flush()
        return record.id

    def run(self, run_id: int) -> DeletionRun:
        """One run."""
        record = self._s.get(DeletionRunRecord, run_id)
        if record is None:
            raise JmdError("not_found", kind="deletion_run", id=run_id)
        return _run(record)

    def runs(self) -> list[DeletionRun]:
        """All runs, newest first."""
        return [_run(r) for r in self._s.scalars(select(DeletionRunRecord).order_by(DeletionRunRecord.id.desc()))]

    def decide(self, run_id: int, status: str, user: str, now: datetime) -> None:
        """Mark a run done or cancelled."""
        record = self._s.get(DeletionRunRecord, run_id)
        assert record is not None
        record.status, record.decided_by, record.decided_at = status, user, now

    def delete_clients(self, client_ids: Iterable[int], run_id: int | None, now: datetime) -> None:
        """Delete clients and note them in the erasure register; the database cascades to
        cases, records, consents and corrections."""
        ids = list(client_ids)
        if not ids:
            return
        query = select(ClientRecord.id, ClientRecord.created_at).where(ClientRecord.id.in_(ids))
        created = {cid: at for cid, at in self._s.execute(query)}
        self._s.add_all(
            ErasureRecord(client_id=cid, client_created_at=created.get(cid), run_id=run_id, erased_at=now)
            for cid in ids
        )
        self._s.execute(delete(ClientRecord).where(ClientRecord.id.in_(ids)))

    def erasures(self) -> list[tuple[int, datetime | None, int | None, datetime]]:
        """The erasure register: (client id, its creation time, run id, when erased)."""
        rows = self._s.execute(
            select(
                ErasureRecord.client_id, ErasureRecord.client_created_at, ErasureRecord.run_id, ErasureRecord.erased_at
            ).order_by(ErasureRecord.id)
        )
        return plain_rows(rows)

    def reapply_erasures(self, register: Iterable[tuple[int, datetime | None, int | None, datetime]]) -> list[int]:
        """Erase again every client of ``register`` that is present (same id and creation time;
        entries without a creation time match by id) and merge the register; returns the ids erased."""
        known = {(cid, created) for cid, created, _, _ in self.erasures()}
        present = {cid: at for cid, at in self._s.execute(select(ClientRecord.id, ClientRecord.created_at))}
        erased = []
        for cid, created, run_id, at in register:
            if cid in present and (created is None or present[cid] == created):
                erased.append(cid)
            if (cid, created) not in known:
                self._s.add(ErasureRecord(client_id=cid, client_created_at=created, run_id=run_id, erased_at=at))
                known.add((cid, created))
        if erased:
            self._s.execute(delete(ClientRecord).where(ClientRecord.id.in_(erased)))
        return sorted(set(erased))
