"""Colleagues' changes on the office server, for the views to refresh what they show (issue 13).

The server announces changed rows by id only; the views then reload through the normal use cases
(need-to-know checked as always). A local store has one user at a time and announces nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from jmd_desk.domain.errors import JmdError
from jmd_desk.services.session import UserSession
from jmd_desk.store.server.live import Change, ChangeListener
from jmd_desk.store.server.server_store import ServerStore

log = logging.getLogger("jmd_desk.services.live_updates")  # counts and codes only


@dataclass(frozen=True)
class ColleagueChanges:
    """What colleagues changed since the last look: the clients concerned (ids)."""

    client_ids: frozenset[int]
    count: int


def _client_of(change: Change) -> int | None:
    if change.client_id is not None:
        return change.client_id
    return change.row_id if change.table == "clients" else None


class ChangeFeed:
    """``watch(session)``; ``fileno()`` to wait on, ``pending()`` never blocks, ``close()``."""

    def __init__(self, session: UserSession, listener: ChangeListener) -> None:
        self._username = session.username
        self._listener = listener

    def fileno(self) -> int:
        """The socket that becomes readable when announcements arrive."""
        return self._listener.fileno()

    def pending(self) -> ColleagueChanges:
        """Announcements that arrived, without the user's own changes (raises StoreError when the
        connection is lost)."""
        changes = [c for c in self._listener.pending() if c.by != self._username]
        clients = frozenset(cid for cid in (_client_of(c) for c in changes) if cid is not None)
        return ColleagueChanges(clients, len(changes))

    def close(self) -> None:
        """Stop listening."""
        try:
            self._listener.close()
        except JmdError as exc:  # the connection was already gone
            log.info("change listener closed with %s", exc.code)


def watch(session: UserSession) -> ChangeFeed | None:
    """Listen for colleagues' changes (None on a local store)."""
    if not isinstance(session.store, ServerStore):
        return None
    return ChangeFeed(session, session.store.change_listener())
