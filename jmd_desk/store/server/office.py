"""Setting up the office server and its accounts (``server setup``, ``server add-user``).

The office data key (32 random bytes) encrypts the fields of §3b on the workstations. It is
wrapped per login exactly like a local key slot (Argon2id + AES-256-GCM, the office id and slot
id as associated data) in ``office_key_slots``, where each login reads only its own row, plus a
recovery slot that no application login can read.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

import psycopg

from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, StoreError
from jmd_desk.store.keyfile import RECOVERY_SLOT, KdfPolicy, KeyFile, Slot, new_db_key, new_recovery_key, user_slot_id
from jmd_desk.store.server import connection, database
from jmd_desk.store.server.login import login_secret
from jmd_desk.store.server.profile import ServerProfile

OFFICE_ID_KEY = "office_id"
_SQL_ERRORS = {
    "jmd:server_login_exists": "server_login_exists",
    "jmd:not_allowed": "not_permitted",
    "jmd:invalid_login": "bad_username",
    "jmd:unknown_user": "unknown_user",
    "jmd:deputy_not_counsellor": "deputy_not_counsellor",
    "jmd:unknown_client": "unknown_client",
    "jmd:import_for_other_counsellor": "import_for_refused",
}


@dataclass(frozen=True)
class NewAccount:
    """A login to create: JMD Desk user name, shown name, roles and initial password."""

    username: str
    display_name: str
    roles: frozenset[Role]
    password: str


def raise_typed(exc: BaseException) -> None:
    """Raise the typed error for a refusal of our SQL functions (their ``jmd:`` marker)."""
    text = str(exc)
    for marker, code in _SQL_ERRORS.items():
        if marker in text:
            if code == "not_permitted":
                raise AuthError(code, roles="admin") from None
            raise StoreError(code) from None
    raise StoreError("server_error", detail=type(exc).__name__) from None


def wrap_key(office_id: str, slot_id: str, secret: str, key: bytes, policy: KdfPolicy) -> str:
    keyfile = KeyFile(store_id=office_id, slots=()).with_slot(slot_id, secret, key, policy.params_for_new_slot())
    slot = keyfile.slot(slot_id)
    assert slot is not None
    return json.dumps(slot.to_json(), separators=(",", ":"))


def unwrap(office_id: str, slot_json: str, secret: str, policy: KdfPolicy) -> bytes:
    try:
        slot = Slot.from_json(json.loads(slot_json))
    except (ValueError, KeyError, TypeError):
        raise StoreError("office_key_invalid") from None
    return KeyFile(store_id=office_id, slots=(slot,)).unwrap(slot.slot_id, secret, policy)


def _check_owner(conn: psycopg.Connection, owner: str) -> None:
    row = conn.execute(
        "SELECT d.datdba = r.oid AND (r.rolcreaterole OR r.rolsuper) FROM pg_database d, pg_roles r "
        "WHERE d.datname = current_database() AND r.rolname = current_user"
    ).fetchone()
    if not row or not row[0]:
        raise StoreError("server_owner_not_owner", owner=owner)
    tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()
    if tables and tables[0]:
        raise StoreError("server_not_empty")


def _create_login(conn: psycopg.Connection, profile: ServerProfile, office_id: str, key: bytes,
                  account: NewAccount, policy: KdfPolicy) -> int:  # fmt: skip
    """Create the PostgreSQL login (SCRAM verifier only), the users row and the key slot at once."""
    secret = login_secret(account.password, profile.database, account.username)
    verifier = connection.scram_verifier(conn, account.username, secret)
    slot = wrap_key(office_id, user_slot_id(account.username), account.password, key, policy)
    roles = account.roles
    try:
        row = conn.execute(
            "SELECT jmd_create_login(%s, %s, %s, %s, %s, %s, %s)",
            (
                account.username,
                verifier,
                account.display_name,
                Role.COUNSELLOR in roles,
                Role.TEAM_LEAD in roles,
                Role.ADMIN in roles,
                slot,
            ),
        ).fetchone()
    except psycopg.Error as exc:
        raise_typed(exc)
    assert row is not None
    return int(row[0])


def setup(profile: ServerProfile, owner: str, owner_password: str, admin: NewAccount, policy: KdfPolicy) -> str:
    """Create schema, roles, policies, the office key and the first admin on an empty database.

    All or nothing: one transaction (PostgreSQL DDL and CREATE ROLE are transactional). Returns
    the recovery key, to be shown once.
    """
    engine = database.make_engine(profile, owner, owner_password, pool_size=1)
    try:
        with engine.connect() as sa_conn, sa_conn.begin():
            conn = sa_conn.connection.dbapi_connection
            assert isinstance(conn, psycopg.Connection)
            _check_owner(conn, owner)
            database.upgrade_on(sa_conn)
            office_id, key, recovery_key = secrets.token_hex(16), new_db_key(), new_recovery_key()
            conn.execute("INSERT INTO store_meta (key, value) VALUES (%s, %s)", (OFFICE_ID_KEY, office_id))
            recovery = wrap_key(office_id, RECOVERY_SLOT, recovery_key, key, policy)
            conn.execute("INSERT INTO office_key_slots (slot_id, login, slot) VALUES (%s, NULL, %s)",
                         (RECOVERY_SLOT, recovery))  # fmt: skip
            _create_login(conn, profile, office_id, key, admin, policy)
    finally:
        engine.dispose()
    return recovery_key


def sign_in(
    profile: ServerProfile, username: str, password: str, policy: KdfPolicy, secret: str | None = None
) -> tuple[psycopg.Connection, bytes]:
    """Log in with the derived secret (derived here unless given) and unwrap the office data key
    from the login's own slot."""
    secret = secret or login_secret(password, profile.database, username)
    conn = connection.connect(profile, username, secret)
    try:
        office_id = office_id_of(conn)
        row = conn.execute("SELECT slot FROM office_key_slots WHERE slot_id = %s", (user_slot_id(username),)).fetchone()
        if row is None:
            raise StoreError("office_key_invalid")
        key = unwrap(office_id, row[0], password, policy)
        conn.commit()
    except BaseException:
        conn.close()
        raise
    return conn, key


def office_id_of(conn: psycopg.Connection) -> str:
    try:
        row = conn.execute("SELECT value FROM store_meta WHERE key = %s", (OFFICE_ID_KEY,)).fetchone()
    except psycopg.errors.UndefinedTable:
        raise StoreError("server_not_set_up") from None
    if row is None:
        raise StoreError("server_not_set_up")
    return str(row[0])


def add_user(profile: ServerProfile, admin: str, admin_password: str, account: NewAccount, policy: KdfPolicy) -> int:
    """An admin creates a login for ``account`` (verifier, users row, key slot in one transaction)."""
    conn, key = sign_in(profile, admin, admin_password, policy)
    try:
        with conn.transaction():
            return _create_login(conn, profile, office_id_of(conn), key, account, policy)
    finally:
        conn.close()
