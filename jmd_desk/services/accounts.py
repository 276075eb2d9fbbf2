"""Creating a store, signing in and out, passwords, recovery and user accounts."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jmd_desk.domain.clock import Clock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import User
from jmd_desk.domain.errors import AuthError, FieldError, JmdError, StoreError, ValidationError
from jmd_desk.domain.fields import USERNAME_RE
from jmd_desk.domain.rules import password_problems
from jmd_desk.domain.text import unsafe_character
from jmd_desk.services.session import UserSession
from jmd_desk.services.throttle import SignInThrottle, name_hash
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.store.roster import RosterUser, new_signing_key
from jmd_desk.store.store import Store
from jmd_desk.store.uow import UnitOfWork

log = logging.getLogger("jmd_desk.services.accounts")  # codes and ids only, never names or notes

ALL_ROLES = frozenset(Role)
DISPLAY_NAME_MAX = 200


def normalise_username(username: str) -> str:
    """User names are compared in lower case without surrounding blanks."""
    return username.strip().lower()


def _check_username(username: str) -> None:
    if not USERNAME_RE.match(username):
        raise ValidationError([FieldError("username", "bad_username")])


def _check_display_name(display_name: str) -> None:
    bad = unsafe_character(display_name)
    if bad is not None:
        raise ValidationError([FieldError("display_name", "control_character", {"char": f"U+{ord(bad):04X}"})])
    if len(display_name) > DISPLAY_NAME_MAX:
        raise ValidationError([FieldError("display_name", "too_long", {"max": DISPLAY_NAME_MAX})])


def _check_password(password: str, username: str) -> None:
    problems = password_problems(password, username)
    if problems:
        raise ValidationError([FieldError("password", code) for code in problems])


def create_store(
    path: Path,
    username: str,
    password: str,
    *,
    display_name: str = "",
    clock: Clock,
    policy: KdfPolicy,
) -> tuple[UserSession, str]:
    """A new store whose first user holds all three roles; returns the session and the
    recovery key, which must be shown once and never stored by the program."""
    username = normalise_username(username)
    _check_username(username)
    _check_display_name(display_name)
    _check_password(password, username)
    store, recovery_key = Store.create(path, username, password, policy)
    user = User(username, display_name.strip() or username, ALL_ROLES)
    session = UserSession(store, user, clock, policy)
    try:
        with session.uow(write=True) as uow:
            user_id = uow.users.add(user, clock.now())
            session.audit(uow, "store_created")
            session.audit(uow, "user_created", "user", user_id)
            store.sign_users(roster_users(store, uow))
    except BaseException:
        store.discard()
        raise
    return session, recovery_key


def roster_users(store: Store, uow: UnitOfWork) -> tuple[RosterUser, ...]:
    """The accounts as the signed user list holds them (inside ``uow``'s transaction)."""
    return store.roster_users(uow.users.accounts())


def _signed_in(
    store: Store,
    username: str,
    clock: Clock,
    policy: KdfPolicy,
    action: str,
    *,
    password: str | None = None,
    check_user_list: bool = True,
) -> UserSession:
    """The session, after the signed user list was checked against the database (before
    anything is written); an admin's sign-in signs an audit checkpoint."""
    try:
        with UnitOfWork(store) as uow:
            user = uow.users.get(username)
            accounts = uow.users.accounts()
        if user is None or not user.active:
            log.info("sign-in refused: no active account of that name")
            raise AuthError("wrong_credentials")
        if check_user_list:
            _check_user_list(store, user, accounts, password, policy)
        session = UserSession(store, user, clock, policy)
        with session.uow(write=True) as uow:
            user_id = uow.users.id_of(username)
            session.audit(uow, action, "user", user_id)
        log.info("%s: user %s", action, user_id)
        if check_user_list and user.has(Role.ADMIN) and store.signing_key is not None:
            sign_checkpoint(session)  # never over a list that was not checked
    except BaseException:
        store.close()
        raise
    return session


def _check_user_list(
    store: Store, user: User, accounts: list[tuple[int, User]], password: str | None, policy: KdfPolicy
) -> None:
    if store.key_file.roster is None:
        if user.has(Role.ADMIN) and password is not None:
            _upgrade_key_file(store, user, accounts, password, policy)
        return
    # A damaged slot locks out only its owner (key_slot_damaged); verify names it.
    findings = [f for f in store.roster_findings(accounts, policy.floor) if not f.startswith("slot_damaged:")]
    if findings:
        raise StoreError("user_list_mismatch", detail="; ".join(findings[:3]))


def _upgrade_key_file(
    store: Store, user: User, accounts: list[tuple[int, User]], password: str, policy: KdfPolicy
) -> None:
    """A version 1 key file gets a signing key (in this admin's slot) and a signed user list at
    the first admin sign-in; other admin slots and the recovery slot get it with ``rekey``."""
    if store.signing_key is None:
        store.signing_key = new_signing_key()
    store.set_password(user.username, password, policy, admin=True, users=store.roster_users(accounts))


def sign_checkpoint(session: UserSession) -> None:
    """Sign the audit log's current head into the key file (admin sessions only)."""
    with session.uow() as uow:
        head = uow.audit.head()
        users = roster_users(session.local_store, uow)
    session.local_store.sign_users(users, checkpoint=head)


def open_throttled(path: Path, username: str, clock: Clock, opener: Callable[[], Store]) -> Store:
    """Run ``opener`` (any password check of the store at ``path``) unless failed attempts are
    being throttled; a wrong secret counts as a failure."""
    throttle = SignInThrottle(path)
    throttle.check(clock.now())
    try:
        return opener()
    except AuthError as exc:
        if exc.code == "wrong_credentials":
            throttle.failed(clock.now(), name_hash(_store_id(path), username))
        raise


def _store_id(path: Path) -> str:
    try:
        return Store.check_files(path).store_id
    except JmdError:
        return ""


def sign_in(
    path: Path,
    username: str,
    password: str,
    *,
    clock: Clock,
    policy: KdfPolicy,
    new_password: str | None = None,
) -> UserSession:
    """Unlock the store with a user's password and open a session for that user. After a
    re-key the one-time password only lets her set her own (``new_password``)."""
    username = normalise_username(username)
    if new_password is not None:
        _check_password(new_password, username)
    store = open_throttled(
        path, username, clock, lambda: Store.open(path, username=username, password=password, policy=policy)
    )
    session = _signed_in(store, username, clock, policy, "signed_in", password=password)
    session.record_failed_attempts()
    _own_password_first(session, password, new_password)
    return session


def _own_password_first(session: UserSession, password: str, new_password: str | None) -> None:
    """A one-time password opens nothing but the change to her own password."""
    try:
        with session.uow() as uow:
            must_change = session.username in uow.users.must_change_password()
        if must_change and new_password is None:
            raise AuthError("password_change_required")
        if new_password is not None:
            change_own_password(session, password, new_password)
    except BaseException:
        session.close()
        raise


def sign_in_to_verify(path: Path, username: str, password: str, *, clock: Clock, policy: KdfPolicy) -> UserSession:
    """Like ``sign_in`` but without refusing a store whose signed user list disagrees, so that
    ``verify`` can name what is wrong."""
    username = normalise_username(username)
    store = open_throttled(
        path, username, clock, lambda: Store.open(path, username=username, password=password, policy=policy)
    )
    session = _signed_in(store, username, clock, policy, "signed_in", check_user_list=False)
    session.record_failed_attempts()
    _own_password_first(session, password, None)
    return session


def recover_access(
    path: Path, recovery_key: str, username: str, new_password: str, *, clock: Clock, policy: KdfPolicy
) -> UserSession:
    """Unlock with the recovery key and give ``username`` a new password (forgotten password)."""
    username = normalise_username(username)
    _check_password(new_password, username)
    store = open_throttled(path, username, clock, lambda: Store.open(path, recovery_key=recovery_key, policy=policy))
    session = _signed_in(store, username, clock, policy, "signed_in_with_recovery_key")
    session.record_failed_attempts()
    try:
        with session.uow(write=True) as uow:
            session.audit(uow, "password_reset", "user", uow.users.id_of(username))
            users = roster_users(store, uow)
            store.set_password(username, new_password, policy, admin=session.user.has(Role.ADMIN), users=users)
    except BaseException:
        store.close()
        raise
    return session


def verify_password(session: UserSession, password: str) -> None:
    """Raise ``wrong_credentials`` unless ``password`` opens the signed-in user's slot."""
    if session.on_server:
        with session.uow() as uow:
            uow.server_logins().check_password(password, session.policy)
        return
    session.local_store.check_password(session.username, password, session.policy)


def change_own_password(session: UserSession, old_password: str, new_password: str) -> None:
    """Rewrite the user's own key slot (on the server also her login); the data stay untouched."""
    verify_password(session, old_password)
    _check_password(new_password, session.username)
    with session.uow(write=True) as uow:
        session.audit(uow, "password_changed", "user", uow.users.id_of(session.username))
        _store_password(session, uow, session.username, new_password, admin=session.user.has(Role.ADMIN))
        if not session.on_server:  # one-time passwords come from a local re-key only
            uow.users.set_must_change_password(uow.users.must_change_password() - {session.username})
    if session.on_server:
        session.renew_login(new_password)


def _store_password(session: UserSession, uow: UnitOfWork, username: str, password: str, *, admin: bool) -> None:
    """The account's key slot for ``password`` (on the server with its login secret), in ``uow``."""
    if session.on_server:
        uow.server_logins().set_password(username, password, session.policy)
        return
    users = roster_users(session.local_store, uow)
    session.local_store.set_password(username, password, session.policy, admin=admin, users=users)


# ------------------------------------------------------------------ user admin
def list_users(session: UserSession) -> list[User]:
    """All accounts (admin and team lead)."""
    session.require(Role.ADMIN, Role.TEAM_LEAD)
    with session.uow() as uow:
        return uow.users.all()


def create_user(session: UserSession, username: str, display_name: str, roles: frozenset[Role], password: str) -> User:
    """A new account with an initial password (admin only)."""
    session.require(Role.ADMIN)
    username = normalise_username(username)
    _check_username(username)
    _check_display_name(display_name)
    _check_password(password, username)
    if not roles:
        raise ValidationError([FieldError("roles", "required")])
    user = User(username, display_name.strip() or username, frozenset(roles))
    with session.uow(write=True) as uow:
        if uow.users.get(username) is not None:
            raise ValidationError([FieldError("username", "username_taken")])
        if session.on_server:  # login, users row and key slot at once
            user_id = uow.server_logins().create(user, password, session.policy)
        else:
            user_id = uow.users.add(user, session.clock.now())
        session.audit(uow, "user_created", "user", user_id)
        if not session.on_server:
            # Inside the transaction: if the key file cannot be written, the account is not created.
            _store_password(session, uow, username, password, admin=Role.ADMIN in roles)
    return user


def update_user(session: UserSession, user: User) -> None:
    """Change name, roles or active flag (admin only). Deactivating removes the key slot."""
    session.require(Role.ADMIN)
    _check_display_name(user.display_name)
    if not user.roles:
        raise ValidationError([FieldError("roles", "required")])
    with session.uow(write=True) as uow:
        old = uow.users.get(user.username)
        if old is None:
            raise JmdError("not_found", kind="user", id=user.username)
        if user.username == session.username and (Role.ADMIN not in user.roles or not user.active):
            raise ValidationError([FieldError("roles", "cannot_remove_own_admin")])
        if user.username == session.username and user.roles != old.roles:
            # An admin without case access must not give herself the counsellor role (DESIGN §3).
            raise ValidationError([FieldError("roles", "cannot_change_own_roles")])
        session.audit(uow, "user_updated", "user", uow.users.id_of(user.username))
        if session.on_server:  # the login follows: disabled with its key slot removed
            uow.server_logins().update(user)
            return
        uow.users.update(user)
        users = roster_users(session.local_store, uow)
        if old.active and not user.active:
            session.local_store.remove_user_slot(user.username, users)
        else:
            session.local_store.sign_users(users)


def reset_password(session: UserSession, username: str, new_password: str) -> None:
    """Set a new password for another account (admin only); also reactivates its slot."""
    session.require(Role.ADMIN)
    _check_password(new_password, username)
    with session.uow(write=True) as uow:
        user = uow.users.get(username)
        if user is None:
            raise JmdError("not_found", kind="user", id=username)
        if not user.active:
            # A deactivated account gets no working slot; reactivate it first.
            raise JmdError("user_inactive", user=username)
        session.audit(uow, "password_reset", "user", uow.users.id_of(username))
        _store_password(session, uow, username, new_password, admin=user.has(Role.ADMIN))
    if username == session.username:
        session.renew_login(new_password)


def set_deputies(session: UserSession, username: str, deputies: list[str]) -> None:
    """Who may work on ``username``'s files while they are away (admin or team lead)."""
    session.require(Role.ADMIN, Role.TEAM_LEAD)
    if session.username in deputies:
        # Nobody makes herself a deputy: that would open files her role does not (DESIGN §3).
        raise ValidationError([FieldError("deputies", "cannot_deputise_self")])
    with session.uow(write=True) as uow:
        for name in [username, *deputies]:
            if uow.users.get(name) is None:
                raise JmdError("not_found", kind="user", id=name)
        uow.users.set_deputies(username, sorted(set(deputies) - {username}))
        session.audit(uow, "deputies_changed", "user", uow.users.id_of(username))


def counsellor_names(session: UserSession) -> list[tuple[str, str]]:
    """(user name, display name) of active counsellors, for assigning files."""
    with session.uow() as uow:
        return [(u.username, u.display_name) for u in uow.users.all() if u.active and u.has(Role.COUNSELLOR)]


def deputies_of(session: UserSession, username: str) -> list[str]:
    """Who deputises for ``username``."""
    with session.uow() as uow:
        return uow.users.deputies_of(username)


# ------------------------------------------------------------------ re-key
@dataclass(frozen=True)
class RekeyResult:
    """Printed once for the admin to hand over: a one-time password per remaining account
    and the new recovery key. Nothing of it is stored in clear."""

    one_time_passwords: dict[str, str]
    recovery_key: str


def one_time_password() -> str:
    """16 characters in four groups, easy to read out and type."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
    text = "".join(secrets.choice(alphabet) for _ in range(16))
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def rekey(session: UserSession) -> RekeyResult:
    """Revoke every earlier key (DESIGN §3a): new database key and key file, a one-time
    password for each active account (changed at first sign-in) and a new recovery key.
    Refused on a store whose audit chain or signed user list shows tampering."""
    session.require(Role.ADMIN)
    store = session.local_store
    with session.uow() as uow:
        chain = uow.audit.verify()
        accounts = uow.users.accounts()
    findings = [f for f in store.roster_findings(accounts, session.policy.floor) if f != "user_list_unsigned"]
    if chain or findings:
        problems = [code for _, code in chain] + findings
        raise StoreError("rekey_refused", detail="; ".join(problems[:3]))
    one_time = {u.username: (one_time_password(), u.has(Role.ADMIN)) for _, u in accounts if u.active}
    recovery_key, _ = store.rekey(one_time, session.policy, store.roster_users(accounts))
    with session.uow(write=True) as uow:
        uow.users.set_must_change_password(set(one_time))
        session.audit(uow, "store_rekeyed")
    sign_checkpoint(session)
    return RekeyResult({name: password for name, (password, _) in one_time.items()}, recovery_key)


def rotate_recovery_key(session: UserSession) -> str:
    """A new recovery key (admin); the old one stops working. Shown once."""
    session.require(Role.ADMIN)
    with session.uow(write=True) as uow:
        session.audit(uow, "recovery_key_rotated")
        recovery_key = session.local_store.new_recovery_key(session.policy, roster_users(session.local_store, uow))
    return recovery_key
