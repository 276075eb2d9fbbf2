"""Throttling of failed sign-ins, per store, with a growing delay.

The counter is kept in a small file beside the store because the database cannot be read
before the key is unwrapped. It holds no names: attempted user names are stored only as
salted hashes, and are turned into audit events at the next successful sign-in. The delay
is the same whether or not the account exists.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from jmd_desk.domain.errors import AuthError
from jmd_desk.store.atomic import write_atomic

log = logging.getLogger("jmd_desk.services.throttle")  # codes and ids only, never names or notes

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 60
MAX_PENDING = 200


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` consecutive failures: 0, 0, 0, 2, 4, 8 … 60."""
    if failures < FREE_ATTEMPTS:
        return 0
    exponent = min(failures - FREE_ATTEMPTS + 1, MAX_DELAY_SECONDS.bit_length())
    return min(1 << exponent, MAX_DELAY_SECONDS)


def name_hash(store_id: str, username: str) -> str:
    """The salted hash under which an attempted user name is remembered."""
    return hashlib.sha256(f"{store_id}\x1f{username.strip().lower()}".encode()).hexdigest()[:24]


@dataclass
class ThrottleState:
    """Consecutive failures, the last one's time, and attempts not yet in the audit log."""

    failures: int = 0
    last_failure: str | None = None
    pending: list[dict[str, str]] = field(default_factory=list)
    token: str | None = None  # also kept in the store: a deleted or replaced file shows


class SignInThrottle:
    """Reads and writes ``<store>.throttle``."""

    def __init__(self, store_path: Path) -> None:
        self.path = store_path.with_name(store_path.name + ".throttle")

    def load(self) -> ThrottleState:
        """The current state (a missing or unreadable file counts as no failures)."""
        try:
            raw: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
            token = raw.get("token")
            return ThrottleState(
                int(raw.get("failures", 0)),
                raw.get("last_failure"),
                list(raw.get("pending", []))[-MAX_PENDING:],
                token if isinstance(token, str) else None,
            )
        except (OSError, ValueError, TypeError, AttributeError, RecursionError):
            return ThrottleState()

    def _save(self, state: ThrottleState) -> None:
        data = {
            "failures": state.failures,
            "last_failure": state.last_failure,
            "pending": state.pending,
            "token": state.token,
        }
        write_atomic(self.path, json.dumps(data).encode("utf-8"))

    def check(self, now: datetime) -> None:
        """Raise ``too_many_attempts`` while the delay after the last failure runs."""
        state = self.load()
        wait = delay_after(state.failures)
        if wait and state.last_failure:
            remaining = wait - (now - datetime.fromisoformat(state.last_failure)).total_seconds()
            if remaining > 0:
                log.info("sign-in refused: %d failures in a row, %d s left to wait", state.failures, remaining)
                raise AuthError("too_many_attempts", seconds=int(remaining) + 1)

    def failed(self, now: datetime, user_hash: str) -> int:
        """Count a failure; returns the delay before the next attempt (the token stays)."""
        state = self.load()
        state.failures += 1
        state.last_failure = now.isoformat()
        state.pending = [*state.pending, {"at": now.isoformat(timespec="seconds"), "user": user_hash}][-MAX_PENDING:]
        self._save(state)
        log.warning("failed sign-in, %d in a row", state.failures)
        return delay_after(state.failures)

    def succeeded(self, token: str) -> tuple[list[dict[str, str]], str | None]:
        """Reset the counter and write a new ``token``; returns the failed attempts to record
        in the audit log and the token the file held (None if it was missing)."""
        state = self.load()
        self._save(ThrottleState(token=token))
        return state.pending, state.token
