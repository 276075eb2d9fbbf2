"""Keyed SQLCipher connections and the SQLAlchemy engine over them.

The database key is a random 32-byte key passed as a raw hex key; no password ever reaches
SQL. ``PRAGMA key`` is the first statement on every connection and is verified at once by
reading ``sqlite_master``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from jmd_desk.domain.errors import StoreError

_HEX_KEY = re.compile(r"^[0-9a-f]{64}$")
PAGE_CACHE_KIB = 32_768

# sqlite3 error text -> our code. A wrong key never gets here (the key slot catches it), so
# "not a database" means the file is not a store or belongs to another key file.
_ERROR_CODES = (
    ("file is not a database", "not_a_store"),
    ("malformed", "store_corrupt"),
    ("disk i/o error", "io_error"),
    ("database or disk is full", "disk_full"),
    ("database is locked", "store_busy"),
    ("unable to open database", "store_unreadable"),
    ("readonly", "store_read_only"),
)


def classify(exc: BaseException) -> StoreError:
    """Translate a driver error into a StoreError with a specific code."""
    text = str(exc).lower()
    for needle, code in _ERROR_CODES:
        if needle in text:
            return StoreError(code)
    return StoreError("store_error", detail=type(exc).__name__)


def connect(path: Path, key: bytes) -> sqlcipher.Connection:
    """Open, key and verify one connection; then apply the working pragmas."""
    hex_key = key.hex()
    if not _HEX_KEY.match(hex_key):
        raise StoreError("bad_key")
    # No statement cache: cached statements keep SQLite's small-allocation (lookaside) slots, so
    # later queries fall back to malloc — which cipher_memory_security turns into an mlock and
    # munlock per allocation, up to 40 times slower. Preparing a statement again costs microseconds.
    conn = sqlcipher.connect(str(path), timeout=10, check_same_thread=False, isolation_level=None, cached_statements=0)
    try:
        conn.execute(f"PRAGMA key = \"x'{hex_key}'\"")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute("PRAGMA cipher_memory_security = ON")
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise StoreError("sqlcipher_missing")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in (
            "foreign_keys = ON",
            "journal_mode = WAL",
            "synchronous = FULL",
            "temp_store = MEMORY",
            f"cache_size = -{PAGE_CACHE_KIB}",
        ):
            conn.execute(f"PRAGMA {pragma}")
    except sqlcipher.Error as exc:
        error = classify(exc)
        if error.code == "store_corrupt" and _only_truncated(conn):
            error = StoreError("store_truncated")
        conn.close()
        raise error from None
    except StoreError:
        conn.close()
        raise
    return conn


def _only_truncated(conn: sqlcipher.Connection) -> bool:
    """True if every page that is there passes its MAC: the file was cut off, not altered."""
    try:
        findings = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
    except sqlcipher.Error:
        return False
    return all("invalid size" in f for f in findings)


def check_not_truncated(conn: sqlcipher.Connection, path: Path) -> None:
    """A file shorter than its own page count says was cut off (copy, full disk, sync)."""
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return  # pages may legitimately live in the WAL until the next checkpoint
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    if os.path.getsize(path) < pages * page_size:
        raise StoreError("store_truncated")


def make_engine(path: Path, key: bytes) -> Engine:
    """An engine whose every pooled connection is keyed by ``connect``.

    Transactions are begun explicitly (the driver runs in autocommit mode), so a unit of work
    that writes can ask for ``BEGIN IMMEDIATE`` and hold the write lock from its first read.
    """
    creator: Callable[[], Any] = lambda: connect(path, key)  # noqa: E731
    engine = create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=creator,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        hide_parameters=True,  # error texts must never carry names or notes
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def locked_engine() -> Engine:
    """Stands in for the engine while a session is locked: it holds no key and every attempt
    to connect fails with ``store_locked``."""

    def refuse() -> Any:
        raise StoreError("store_locked")

    return create_engine("sqlite://", module=sqlcipher, creator=refuse, poolclass=QueuePool)
