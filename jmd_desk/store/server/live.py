"""Live refresh: colleagues' changes announced by the server (LISTEN/NOTIFY).

One extra autocommit connection per workstation listens on the change channel. The GUI watches
``fileno()`` with a socket notifier and calls ``pending()``, which never blocks; a command-line
caller can ``wait()``. Announcements carry ids only; what a listener may see it reloads through
the normal, row-level-secured queries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import psycopg

from jmd_desk.store.server import connection
from jmd_desk.store.server.profile import ServerProfile
from jmd_desk.store.server.security_sql import CHANGE_CHANNEL

MAX_PAYLOAD_BYTES = 2_000


@dataclass(frozen=True)
class Change:
    """One row changed on the server: table, operation, row id, client id, by whom."""

    table: str
    op: str
    row_id: int | None
    client_id: int | None
    by: str


def _parse(payload: str) -> Change | None:
    if len(payload) > MAX_PAYLOAD_BYTES:
        return None
    try:
        raw = json.loads(payload)
        return Change(
            str(raw["table"]), str(raw["op"]), _int(raw.get("id")), _int(raw.get("client_id")), str(raw["by"])
        )
    except (ValueError, KeyError, TypeError):
        return None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class ChangeListener:
    """``ChangeListener(profile, user, secret)``; ``close()`` when done."""

    def __init__(self, profile: ServerProfile, username: str, secret: str) -> None:
        self._conn = connection.connect(profile, username, secret, autocommit=True)
        self._conn.execute(f"LISTEN {CHANGE_CHANNEL}")

    def fileno(self) -> int:
        """The socket to watch (readable when announcements may be waiting)."""
        return self._conn.fileno()

    def pending(self) -> list[Change]:
        """Announcements that have arrived, without waiting."""
        return self.wait(0)

    def wait(self, seconds: float) -> list[Change]:
        """Announcements arriving within ``seconds`` (returns at the first batch)."""
        try:
            notes = list(self._conn.notifies(timeout=seconds, stop_after=1))
        except psycopg.Error as exc:
            raise connection.classify(exc) from None
        return [c for c in (_parse(n.payload) for n in notes) if c is not None]

    def close(self) -> None:
        """Stop listening."""
        self._conn.close()
