"""The audit log's hash chain: each event's HMAC covers its fields and the previous hash."""

import hmac
from dataclasses import dataclass
from datetime import date, datetime
from hashlib import sha256

GENESIS = "0" * 64


def event_hash(
    key: bytes,
    *,
    seq: int,
    at: str,
    user: str,
    action: str,
    entity_kind: str | None,
    entity_id: int | None,
    client_id: int | None,
    prev_hash: str,
) -> str:
    """HMAC-SHA256 over the canonical text of one event, chained to ``prev_hash``."""
    ids = ("" if value is None else str(value) for value in (entity_id, client_id))
    fields = (str(seq), at, user, action, entity_kind or "", *ids)
    message = "\x1f".join((*fields, prev_hash)).encode("utf-8")
    return hmac.new(key, message, sha256).hexdigest()


@dataclass(frozen=True)
class AuditEntry:
    """An event to append (the chain fields are computed on writing)."""

    at: datetime
    user: str
    action: str
    entity_kind: str | None = None
    entity_id: int | None = None
    client_id: int | None = None


@dataclass(frozen=True)
class AuditFilter:
    """Filters of the audit viewer; None means "any"."""

    user: str | None = None
    action: str | None = None
    entity_kind: str | None = None
    entity_ids: tuple[int, ...] | None = None
    client_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    limit: int = 5000
