"""The signed-in user's session: store, user, clock and the permission checks."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime

from jmd_desk.domain.audit_chain import AuditEntry
from jmd_desk.domain.clock import Clock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import User
from jmd_desk.domain.errors import AuthError, JmdError
from jmd_desk.services.throttle import SignInThrottle, name_hash
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.store.server.server_store import ServerStore
from jmd_desk.store.store import Store
from jmd_desk.store.uow import UnitOfWork

log = logging.getLogger("jmd_desk.services.session")  # codes and ids only, never names or notes


@dataclass(frozen=True)
class PasswordResetNotice:
    """An admin set this person's password: who, when, and how many files were opened with her
    account since then (she is told at her next sign-in)."""

    reset_by: str
    at: datetime
    files_opened: int


class UserSession:
    """Everything a use case needs to act on behalf of one signed-in user."""

    def __init__(self, store: Store | ServerStore, user: User, clock: Clock, policy: KdfPolicy) -> None:
        self.store = store
        self.user = user
        self.clock = clock
        self.policy = policy
        # Office server: an admin's resets of this person's password since she last signed in.
        self.password_resets: tuple[PasswordResetNotice, ...] = ()

    def renew_login(self, password: str) -> None:
        """Office server: the person changed her own password, so her login secret changed too."""
        if isinstance(self.store, ServerStore):
            self.store.renew_login(password)

    @property
    def on_server(self) -> bool:
        """True for a session on the office server (False: a local store)."""
        return isinstance(self.store, ServerStore)

    @property
    def local_store(self) -> Store:
        """The local store file (key slots, backups, re-encryption); on the office server those
        are the IT's (``local_store_only``)."""
        if not isinstance(self.store, Store):
            raise JmdError("local_store_only")
        return self.store

    @property
    def username(self) -> str:
        """The signed-in user's name."""
        return self.user.username

    def uow(self, *, write: bool = False) -> UnitOfWork:
        """A unit of work on the store (commit on success when ``write``)."""
        if not self.store.is_unlocked:
            raise AuthError("session_closed")
        return UnitOfWork(self.store, write=write)

    def audit(
        self,
        uow: UnitOfWork,
        action: str,
        kind: str | None = None,
        entity_id: int | None = None,
        client_id: int | None = None,
    ) -> None:
        """Record an audit event in the same transaction as the change it describes."""
        uow.audit.append(self.clock.now(), self.username, action, kind, entity_id, client_id)
        log.debug("audit event %s (%s %s, client %s)", action, kind, entity_id, client_id)

    def require(self, *roles: Role) -> None:
        """Raise ``not_permitted`` unless the user holds one of ``roles``."""
        if not any(self.user.has(r) for r in roles):
            log.info("refused: needs one of the roles %s", ",".join(r.value for r in roles))
            raise AuthError("not_permitted", roles=",".join(r.value for r in roles))

    def require_all(self, *roles: Role) -> None:
        """Raise ``not_permitted`` unless the user holds every one of ``roles``."""
        if not all(self.user.has(r) for r in roles):
            log.info("refused: needs all of the roles %s", "+".join(r.value for r in roles))
            raise AuthError("not_permitted", roles="+".join(r.value for r in roles))

    @property
    def locked(self) -> bool:
        """True while the session is locked (connections closed, key forgotten)."""
        return self.store.is_open and not self.store.is_unlocked

    def lock(self) -> None:
        """Lock the session: audit it, then close all connections and forget the key."""
        if self.locked:
            return
        with self.uow(write=True) as uow:
            self.audit(uow, "session_locked")
        self.store.suspend()

    def unlock(self, password: str) -> None:
        """Unlock with the same user's password (AuthError if wrong). Throttled like the
        sign-in; failed attempts reach the audit log when the store is open again."""
        if isinstance(self.store, ServerStore):
            self.store.resume(self.username, password, self.policy)  # the server counts failures
            with self.uow(write=True) as uow:
                self.audit(uow, "session_unlocked")
            return
        throttle = SignInThrottle(self.store.paths.db)
        throttle.check(self.clock.now())
        try:
            self.store.resume(self.username, password, self.policy)
        except AuthError as exc:
            if exc.code == "wrong_credentials":
                throttle.failed(self.clock.now(), name_hash(self.store.key_file.store_id, self.username))
            raise
        self.record_failed_attempts()
        with self.uow(write=True) as uow:
            self.audit(uow, "session_unlocked")

    def record_failed_attempts(self) -> None:
        """Failed password checks since the last success go into the audit log (with the user
        name where it belongs to an account, else ``?``)."""
        assert isinstance(self.store, Store), "the sign-in throttle file belongs to a local store"
        token = secrets.token_hex(8)
        pending, found = SignInThrottle(self.store.paths.db).succeeded(token)
        store_id = self.store.key_file.store_id
        with self.uow(write=True) as uow:
            names = {name_hash(store_id, u.username): u.username for u in uow.users.all()}
            entries = [
                AuditEntry(datetime.fromisoformat(p["at"]), names.get(p["user"], "?"), "sign_in_failed")
                for p in pending
            ]
            expected = uow.audit.throttle_token()
            if expected is not None and found != expected:
                # Someone deleted or replaced the waiting file: its failures are lost, say so.
                entries.append(AuditEntry(self.clock.now(), "?", "throttle_file_reset"))
            uow.audit.append_many(entries)
            uow.audit.set_throttle_token(token)

    def close(self) -> None:
        """Sign out: close the store and release its lock."""
        self.store.close()
