"""User administration on the office server, inside a unit of work's transaction.

A person's PostgreSQL login, her ``users`` row and her key slot change together through the
audited functions of ``staff_sql`` (the application role may only read ``users``): creating a
login, changing name, roles or the active flag, and setting a password (her own, or an admin's
reset, which the owner is told about at her next sign-in). The caller's audit event is written
in the same transaction, so everything is committed or nothing.
"""

from __future__ import annotations

import psycopg
from sqlalchemy import text
from sqlalchemy.orm import Session

from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import User
from jmd_desk.domain.errors import AuthError, StoreError
from jmd_desk.store.keyfile import KdfPolicy, user_slot_id
from jmd_desk.store.server import connection, office
from jmd_desk.store.server.login import login_secret
from jmd_desk.store.server.narrow import call_scalar
from jmd_desk.store.server.server_store import ServerStore


class ServerLogins:
    """The login administration for one unit of work (its session) on a signed-in server."""

    def __init__(self, session: Session, store: ServerStore) -> None:
        self._s = session
        self._store = store

    def _raw(self) -> psycopg.Connection:
        raw = self._s.connection().connection.dbapi_connection
        assert isinstance(raw, psycopg.Connection)
        return raw

    def _call(self, statement: str, params: dict[str, object]) -> object:
        return call_scalar(self._s, statement, params)

    def _verifier_and_slot(self, username: str, password: str, policy: KdfPolicy) -> tuple[str, str]:
        """The SCRAM verifier of the derived login secret (computed here) and the wrapped office key."""
        raw = self._raw()
        secret = login_secret(password, self._store.profile.database, username)
        verifier = connection.scram_verifier(raw, username, secret)
        slot = office.wrap_key(office.office_id_of(raw), user_slot_id(username), password, self._store.office_key,
                               policy)  # fmt: skip
        return verifier, slot

    def create(self, user: User, password: str, policy: KdfPolicy) -> int:
        """A new login with its users row and key slot; returns the users row's id."""
        verifier, slot = self._verifier_and_slot(user.username, password, policy)
        roles = user.roles
        new_id = self._call(
            "SELECT jmd_create_login(:u, :v, :d, :c, :t, :a, :s)",
            {"u": user.username, "v": verifier, "d": user.display_name, "c": Role.COUNSELLOR in roles,
             "t": Role.TEAM_LEAD in roles, "a": Role.ADMIN in roles, "s": slot},
        )  # fmt: skip
        assert isinstance(new_id, int)
        return new_id

    def update(self, user: User) -> None:
        """Name, roles and active flag; deactivating disables the login and removes its key slot."""
        roles = user.roles
        self._call(
            "SELECT jmd_update_login(:u, :d, :c, :t, :a, :active)",
            {"u": user.username, "d": user.display_name, "c": Role.COUNSELLOR in roles,
             "t": Role.TEAM_LEAD in roles, "a": Role.ADMIN in roles, "active": user.active},
        )  # fmt: skip

    def set_password(self, username: str, password: str, policy: KdfPolicy) -> None:
        """A new login secret and key slot for ``username`` (own change, or an admin's reset)."""
        verifier, slot = self._verifier_and_slot(username, password, policy)
        self._call("SELECT jmd_set_login_password(:u, :v, :s)", {"u": username, "v": verifier, "s": slot})

    def check_password(self, password: str, policy: KdfPolicy) -> None:
        """``wrong_credentials`` unless ``password`` opens the signed-in person's own key slot."""
        username = self._store.username
        slot = self._s.execute(
            text("SELECT slot FROM office_key_slots WHERE slot_id = :id"), {"id": user_slot_id(username)}
        ).scalar()
        if slot is None:
            raise StoreError("office_key_invalid")
        try:
            key = office.unwrap(office.office_id_of(self._raw()), str(slot), password, policy)
        except AuthError:
            raise AuthError("wrong_credentials") from None
        if key != self._store.office_key:
            raise StoreError("office_key_invalid")
