"""The office server's audit chain: the same HMAC chain as a local store's
(``domain/audit_chain.py``) under a key derived from the office data key, which the server
never holds. A server administrator can therefore not rewrite events unnoticed by ``verify``;
and the revision 0010 trigger keeps application logins from breaking the chain's links."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from jmd_desk.domain.audit_chain import event_hash

AUDIT_PURPOSE = b"jmd-desk server audit chain"


def server_audit_key(office_key: bytes) -> bytes:
    """The chain's HMAC key (HKDF-SHA256 of the office data key; the same on every workstation)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=AUDIT_PURPOSE).derive(office_key)


def rechained(events: Sequence[dict[str, Any]], last_seq: int, last_hash: str, key: bytes) -> list[dict[str, Any]]:
    """``events`` (audit rows in order) numbered after ``last_seq`` and chained after ``last_hash``
    under ``key``: a moved-in history continues the server's chain (its ids changed on the way,
    so its old hashes could not be checked on the server anyway)."""
    rows, prev = [], last_hash
    for offset, event in enumerate(events, start=1):
        row = {**event, "seq": last_seq + offset, "prev_hash": prev}
        row["hash"] = event_hash(
            key,
            seq=row["seq"],
            at=row["at"],
            user=row["user"],
            action=row["action"],
            entity_kind=row["entity_kind"],
            entity_id=row["entity_id"],
            client_id=row["client_id"],
            prev_hash=prev,
        )
        prev = row["hash"]
        rows.append(row)
    return rows
