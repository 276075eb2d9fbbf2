"""The audit log's hash chain: each event's HMAC covers its fields and the previous hash."""

import hmac
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
