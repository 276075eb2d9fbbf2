"""Re-keying a local store (DESIGN §3a): the database is exported under a new random key, the
audit chain is re-hashed under the new audit key, and a new key file replaces the old one.
Earlier key files and backups no longer open the live store."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from jmd_desk.domain.audit_chain import GENESIS, event_hash
from jmd_desk.domain.errors import StoreError
from jmd_desk.store.engine import classify, connect


def export_rekeyed(source: Path, old_key: bytes, new_key: bytes) -> Path:
    """A copy of the database under ``new_key`` beside it (a temporary file); the caller moves
    it into place. Nothing is written to the source."""
    target = source.with_name(f".{source.name}.{secrets.token_hex(4)}.rekey")
    conn = connect(source, old_key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.execute(f"ATTACH DATABASE ? AS rekeyed KEY \"x'{new_key.hex()}'\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('rekeyed')").fetchall()
        conn.execute("DETACH DATABASE rekeyed")
    except sqlcipher.Error as exc:
        target.unlink(missing_ok=True)
        raise classify(exc) from None
    finally:
        conn.close()
    os.chmod(target, 0o600)
    return target


def rechain_audit(db: Path, key: bytes, audit_key: bytes, head_key: str) -> tuple[int, str]:
    """Hash every audit event again under ``audit_key`` (same events, same order); returns the
    new head. Used only on a chain that was verified under the old key just before."""
    conn = connect(db, key)
    try:
        conn.execute("BEGIN IMMEDIATE")
        rows = conn.execute(
            "SELECT seq, at, user, action, entity_kind, entity_id, client_id FROM audit_events ORDER BY seq"
        ).fetchall()
        prev, seq = GENESIS, 0
        for seq, at, user, action, kind, entity_id, client_id in rows:
            digest = event_hash(
                audit_key,
                seq=seq,
                at=at,
                user=user,
                action=action,
                entity_kind=kind,
                entity_id=entity_id,
                client_id=client_id,
                prev_hash=prev,
            )
            conn.execute("UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq))
            prev = digest
        conn.execute("UPDATE store_meta SET value = ? WHERE key = ?", (f"{seq}:{prev}", head_key))
        conn.execute("COMMIT")
    except sqlcipher.Error as exc:
        with contextlib.suppress(sqlcipher.Error):
            conn.execute("ROLLBACK")
        raise classify(exc) from None
    finally:
        conn.close()
    return seq, prev


def discard(path: Path) -> None:
    """Remove a rekeyed copy that is not used (and its WAL files)."""
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def check_no_error(path: Path) -> None:
    """The rekeyed copy must exist and not be empty."""
    if not path.exists() or path.stat().st_size == 0:
        raise StoreError("rekey_failed")
