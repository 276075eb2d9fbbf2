"""Use cases of the office server's administration: ``server setup`` and ``server add-user``.

Names and passwords are checked here as for a local store; the store layer does the SQL.
"""

from __future__ import annotations

from pathlib import Path

from jmd_desk.domain.clock import Clock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, FieldError, ValidationError
from jmd_desk.services import accounts
from jmd_desk.services.accounts import _check_password, _check_username, normalise_username
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.store.server import office
from jmd_desk.store.server.profile import ServerProfile, load_profile
from jmd_desk.store.server.server_store import ServerStore


def _account(username: str, display_name: str, roles: frozenset[Role], password: str) -> office.NewAccount:
    username = normalise_username(username)
    _check_username(username)
    _check_password(password, username)
    if not roles:
        raise ValidationError([FieldError("roles", "required")])
    return office.NewAccount(username, display_name.strip() or username, roles, password)


def open_profile(path: Path) -> ServerProfile:
    """Read and check a connection profile."""
    return load_profile(path)


def setup_server(
    profile_path: Path, owner: str, owner_password: str, admin: str, admin_password: str, *, policy: KdfPolicy
) -> str:
    """Set up an empty database; ``admin`` holds all three roles. Returns the recovery key."""
    account = _account(admin, admin, frozenset(Role), admin_password)
    return office.setup(open_profile(profile_path), owner.strip(), owner_password, account, policy)


def add_server_user(
    profile_path: Path,
    admin: str,
    admin_password: str,
    username: str,
    roles: frozenset[Role],
    password: str,
    *,
    policy: KdfPolicy,
    display_name: str = "",
) -> None:
    """An admin adds a person: her login, users row and key slot in one transaction."""
    account = _account(username, display_name, roles, password)
    office.add_user(open_profile(profile_path), normalise_username(admin), admin_password, account, policy)


def import_store(
    profile_path: Path,
    admin: str,
    admin_password: str,
    store_path: Path,
    store_user: str,
    store_password: str,
    *,
    clock: Clock,
    policy: KdfPolicy,
) -> int:
    """Move a local store into the server, all or nothing; returns the number of clients moved.

    ``store_user`` must be an admin of the local store (the move reads every file, like the
    full export, and is audited there); ``admin`` an admin on the server.
    """
    profile = open_profile(profile_path)
    local = accounts.sign_in(store_path, store_user, store_password, clock=clock, policy=policy)
    try:
        local.require(Role.ADMIN)
        with local.uow(write=True) as uow:
            snapshot = uow.snapshot_for_server(clock.today())
            local.audit(uow, "data_exported")
    finally:
        local.close()
    server = ServerStore.open(profile, normalise_username(admin), admin_password, policy)
    try:
        user = server.user()
        if user is None or not user.has(Role.ADMIN):
            raise AuthError("not_permitted", roles=Role.ADMIN.value)
        return server.move_in(snapshot, clock.now())
    finally:
        server.close()
