"""The hash-chained audit log. The chain head is also kept in store_meta, so removing the
newest events is detected as well as changing, inserting or removing older ones."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from jmd_desk.domain.audit_chain import GENESIS, AuditEntry, AuditFilter, event_hash
from jmd_desk.domain.entities import AuditEvent
from jmd_desk.store.schema import AuditRecord, MetaRecord
from jmd_desk.store.server.audit_sql import CHAIN_LOCK

HEAD_KEY = "audit_head"
THROTTLE_KEY = "throttle_token"


def _event(r: AuditRecord) -> AuditEvent:
    return AuditEvent(
        r.seq,
        datetime.fromisoformat(r.at),
        r.user,
        r.action,
        r.entity_kind,
        r.entity_id,
        r.client_id,
        r.prev_hash,
        r.hash,
    )


class AuditRepository:
    """Appends to and reads the audit chain."""

    def __init__(self, session: Session, key: bytes, *, keeps_head: bool = True) -> None:
        self._s = session
        self._key = key
        # The office server's store_meta is read-only for application logins; its audit
        # table is INSERT-only for them, so removing the newest events needs the database owner.
        self._keeps_head = keeps_head

    def append(
        self,
        at: datetime,
        user: str,
        action: str,
        entity_kind: str | None = None,
        entity_id: int | None = None,
        client_id: int | None = None,
    ) -> None:
        """Add one event at the end of the chain (call inside a writing unit of work)."""
        self.append_many([AuditEntry(at, user, action, entity_kind, entity_id, client_id)])

    def append_many(self, entries: Sequence[AuditEntry]) -> None:
        """Add several events in one go, chained in the given order."""
        seq, prev = self._chain_end()
        rows = []
        for e in entries:
            seq += 1
            stamp = e.at.isoformat(timespec="seconds")
            digest = event_hash(
                self._key,
                seq=seq,
                at=stamp,
                user=e.user,
                action=e.action,
                entity_kind=e.entity_kind,
                entity_id=e.entity_id,
                client_id=e.client_id,
                prev_hash=prev,
            )
            rows.append(
                {
                    "seq": seq,
                    "at": stamp,
                    "user": e.user,
                    "action": e.action,
                    "entity_kind": e.entity_kind,
                    "entity_id": e.entity_id,
                    "client_id": e.client_id,
                    "prev_hash": prev,
                    "hash": digest,
                }
            )
            prev = digest
        if rows:
            self._s.execute(insert(AuditRecord), rows)
            if self._keeps_head:
                self._s.merge(MetaRecord(key=HEAD_KEY, value=f"{seq}:{prev}"))

    def throttle_token(self) -> str | None:
        """The token last written to the sign-in throttle file (None before the first)."""
        return self._s.scalar(select(MetaRecord.value).where(MetaRecord.key == THROTTLE_KEY))

    def set_throttle_token(self, token: str) -> None:
        """Remember the token just written to the throttle file."""
        self._s.merge(MetaRecord(key=THROTTLE_KEY, value=token))

    def head(self) -> tuple[int, str]:
        """The chain's end as (sequence number, hash): what an audit checkpoint signs."""
        return self._chain_end()

    def hash_at(self, seq: int) -> str | None:
        """The stored hash of event ``seq`` (None if there is no such event)."""
        return self._s.scalar(select(AuditRecord.hash).where(AuditRecord.seq == seq))

    def _chain_end(self) -> tuple[int, str]:
        """Where the next event attaches: after the recorded head, so that events removed from
        the end stay visible as a gap even after new events were added."""
        if self._s.get_bind().dialect.name == "postgresql":
            # several workstations append to the server's chain: one at a time until commit
            self._s.execute(text(CHAIN_LOCK))
        last = self._s.execute(
            select(AuditRecord.seq, AuditRecord.hash).order_by(AuditRecord.seq.desc()).limit(1)
        ).first()
        last_seq, last_hash = (last[0], last[1]) if last else (0, GENESIS)
        head = self._s.scalar(select(MetaRecord.value).where(MetaRecord.key == HEAD_KEY))
        if head is None:
            return last_seq, last_hash
        head_seq, head_hash = head.split(":", 1)
        return max(int(head_seq), last_seq), head_hash

    def find(self, flt: AuditFilter) -> list[AuditEvent]:
        """Events matching the filter, newest first."""
        query = select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(flt.limit)
        if flt.user:
            query = query.where(AuditRecord.user == flt.user)
        if flt.action:
            query = query.where(AuditRecord.action == flt.action)
        if flt.entity_kind:
            query = query.where(AuditRecord.entity_kind == flt.entity_kind)
        if flt.entity_ids is not None:
            query = query.where(AuditRecord.entity_id.in_(flt.entity_ids))
        if flt.client_id is not None:
            query = query.where(AuditRecord.client_id == flt.client_id)
        if flt.date_from:
            query = query.where(AuditRecord.at >= datetime.combine(flt.date_from, time()).isoformat())
        if flt.date_to:
            end = datetime.combine(flt.date_to + timedelta(days=1), time())
            query = query.where(AuditRecord.at < end.isoformat())
        return [_event(r) for r in self._s.scalars(query)]

    def actions(self) -> list[str]:
        """Distinct actions in the log (for the viewer's filter)."""
        return list(self._s.scalars(select(AuditRecord.action).distinct().order_by(AuditRecord.action)))

    def count(self) -> int:
        """Number of events."""
        return int(self._s.scalar(select(func.count(AuditRecord.seq))) or 0)

    def verify(self) -> list[tuple[int, str]]:
        """Problems in the chain as (seq, code): changed, inserted or removed events."""
        problems: list[tuple[int, str]] = []
        prev, expected_seq = GENESIS, 1
        last_seq, last_hash = 0, GENESIS
        for r in self._s.scalars(select(AuditRecord).order_by(AuditRecord.seq)):
            if r.seq != expected_seq:
                problems.append((r.seq, "audit_gap"))
            if r.prev_hash != prev:
                problems.append((r.seq, "audit_broken_link"))
            digest = event_hash(
                self._key,
                seq=r.seq,
                at=r.at,
                user=r.user,
                action=r.action,
                entity_kind=r.entity_kind,
                entity_id=r.entity_id,
                client_id=r.client_id,
                prev_hash=r.prev_hash,
            )
            if digest != r.hash:
                problems.append((r.seq, "audit_tampered"))
            prev, expected_seq = r.hash, r.seq + 1
            last_seq, last_hash = r.seq, r.hash
        head = self._s.scalar(select(MetaRecord.value).where(MetaRecord.key == HEAD_KEY))
        if head is not None and head != f"{last_seq}:{last_hash}":
            problems.append((last_seq, "audit_tail_removed"))
        return problems
