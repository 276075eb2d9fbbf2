"""Live refresh on the office server: a socket notifier on the change listener's connection
wakes the Qt thread, and after a short pause (one save changes several rows) the window reloads
what colleagues changed."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from jmd_desk.domain.errors import JmdError
from jmd_desk.services import live_updates
from jmd_desk.services.session import UserSession

log = logging.getLogger("jmd_desk.ui")
SETTLE_MS = 250  # gather the rows of one save into one refresh


class LiveRefresh(QObject):
    """Emits ``changed`` with the ids of the clients colleagues changed (empty: other data)."""

    changed = Signal(object)

    def __init__(self, session: UserSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.feed: live_updates.ChangeFeed | None = None
        self.notifier: QSocketNotifier | None = None
        self._clients: set[int] = set()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._deliver)

    def start(self) -> None:
        """Listen (nothing on a local store; a refused listener only means no live refresh)."""
        self.stop()
        try:
            self.feed = live_updates.watch(self.session)
        except JmdError as exc:
            log.warning("no live refresh: %s", exc.code)
            return
        if self.feed is None:
            return
        self.notifier = QSocketNotifier(self.feed.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._readable)

    def stop(self) -> None:
        """Stop listening (lock, sign-out)."""
        self._settle.stop()
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None
        if self.feed is not None:
            self.feed.close()
            self.feed = None

    def _readable(self) -> None:
        if self.feed is None:
            return
        try:
            changes = self.feed.pending()
        except JmdError as exc:  # the server went away: the next save or reload says so
            log.warning("live refresh stopped: %s", exc.code)
            self.stop()
            return
        if changes.count:
            self._clients |= changes.client_ids
            if not self._settle.isActive():  # never postponed further: a busy office still refreshes
                self._settle.start()

    def _deliver(self) -> None:
        clients, self._clients = frozenset(self._clients), set()
        self.changed.emit(clients)
