"""User administration (Verwaltung) on both store kinds: accounts created, renamed, given other
roles, deactivated and reactivated, passwords reset by an admin and changed by their owner.

On the office server each step changes the PostgreSQL login and its key slot in one transaction;
the checks at the end of this file look at the server with a superuser and with the logins' own
secrets, not through the program.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, JmdError, ValidationError
from jmd_desk.services import accounts, clients
from jmd_desk.services.server_cases import sign_in_server
from jmd_desk.services.session import UserSession
from jmd_desk.store.server import connection
from jmd_desk.store.server.login import login_secret
from jmd_desk.store.server.profile import load_profile
from tests.conftest import PASSWORDS, POLICY
from tests.pg_cluster import PgCluster
from tests.services.conftest import SERVER_DB
from tests.services.test_casework import first_case, new_client

C = frozenset({Role.COUNSELLOR})
DORA_PW = "Dora-Passwort-1"

SignIn = Callable[[str, str], UserSession]


@pytest.fixture
def sign_in_as(backend: str, request: pytest.FixtureRequest, clock) -> Iterator[SignIn]:
    """``sign_in_as(user, password)`` on the test's store kind; a local store has one program
    instance, so earlier sessions are closed first. Everything is closed after the test."""
    opened: list[UserSession] = []

    def sign_in(user: str, password: str) -> UserSession:
        if backend == "server":
            profile = request.getfixturevalue("server_profile")
            session = sign_in_server(profile, user, password, clock=clock, policy=POLICY)
        else:
            for earlier in opened:
                earlier.close()
            path = request.getfixturevalue("store_path")
            session = accounts.sign_in(path, user, password, clock=clock, policy=POLICY)
        opened.append(session)
        return session

    yield sign_in
    for session in opened:
        session.close()


def test_user_admin(sign_in_as: SignIn) -> None:
    admin = sign_in_as("admin", PASSWORDS["admin"])
    with pytest.raises(ValidationError):
        accounts.create_user(admin, "berta", "Doppelt", C, "Passwort-12345")
    with pytest.raises(ValidationError):
        accounts.create_user(admin, "neu", "Neu", C, "kurz")
    user = accounts.create_user(admin, "Dora ", "Dora D.", C, DORA_PW)
    assert user.username == "dora"
    assert {u.username: u for u in accounts.list_users(admin)}["dora"] == user
    accounts.update_user(admin, replace(user, active=False))
    assert not {u.username: u for u in accounts.list_users(admin)}["dora"].active
    with pytest.raises(ValidationError):
        accounts.update_user(admin, replace(user, username="admin", display_name="A"))
    berta = sign_in_as("berta", PASSWORDS["berta"])
    with pytest.raises(AuthError):
        accounts.create_user(berta, "x1", "X", frozenset({Role.ADMIN}), "Passwort-12345")
    assert "x1" not in {u.username for u in accounts.list_users(sign_in_as("admin", PASSWORDS["admin"]))}


def test_new_account_signs_in_and_works_until_deactivated(sign_in_as: SignIn) -> None:
    admin = sign_in_as("admin", PASSWORDS["admin"])
    accounts.create_user(admin, "dora", "Dora D.", C, DORA_PW)
    dora = sign_in_as("dora", DORA_PW)
    client_id = clients.create_client(dora, new_client(), first_case())
    assert clients.client_file(dora, client_id).client.first_name == new_client().first_name
    admin = sign_in_as("admin", PASSWORDS["admin"])
    dora_user = next(u for u in accounts.list_users(admin) if u.username == "dora")
    accounts.update_user(admin, replace(dora_user, active=False))
    with pytest.raises(AuthError) as refused:
        sign_in_as("dora", DORA_PW)
    assert refused.value.code == "wrong_credentials"
    # Reactivated, the account opens again only with a password an admin sets.
    accounts.update_user(sign_in_as("admin", PASSWORDS["admin"]), dora_user)
    with pytest.raises(AuthError):
        sign_in_as("dora", DORA_PW)
    accounts.reset_password(sign_in_as("admin", PASSWORDS["admin"]), "dora", "Dora-Neu-Passwort-2")
    assert sign_in_as("dora", "Dora-Neu-Passwort-2").username == "dora"


def test_name_and_roles_change(sign_in_as: SignIn) -> None:
    admin = sign_in_as("admin", PASSWORDS["admin"])
    berta = next(u for u in accounts.list_users(admin) if u.username == "berta")
    accounts.update_user(admin, replace(berta, display_name="Berta Neu", roles=C | {Role.TEAM_LEAD}))
    again = sign_in_as("berta", PASSWORDS["berta"])
    assert again.user.display_name == "Berta Neu"
    assert again.user.roles == C | {Role.TEAM_LEAD}
    admin = sign_in_as("admin", PASSWORDS["admin"])
    me = admin.user
    with pytest.raises(ValidationError):
        accounts.update_user(admin, replace(me, roles=frozenset({Role.ADMIN})))  # not her own roles
    with pytest.raises(ValidationError):
        accounts.update_user(admin, replace(me, active=False))
    with pytest.raises(JmdError) as missing:
        accounts.update_user(admin, replace(me, username="nobody"))
    assert missing.value.code == "not_found"


def test_reset_by_an_admin_replaces_the_password_and_is_told(sign_in_as: SignIn, on_server: bool) -> None:
    admin = sign_in_as("admin", PASSWORDS["admin"])
    accounts.reset_password(admin, "cem", "Von-Admin-gesetzt-1")
    with pytest.raises(AuthError):
        sign_in_as("cem", PASSWORDS["cem"])
    cem = sign_in_as("cem", "Von-Admin-gesetzt-1")
    if on_server:
        assert [(n.reset_by, n.files_opened) for n in cem.password_resets] == [("admin", 0)]
        assert sign_in_as("cem", "Von-Admin-gesetzt-1").password_resets == ()  # told once
    with pytest.raises(JmdError) as inactive:
        admin = sign_in_as("admin", PASSWORDS["admin"])
        lead = next(u for u in accounts.list_users(admin) if u.username == "lead")
        accounts.update_user(admin, replace(lead, active=False))
        accounts.reset_password(admin, "lead", "Leitung-Neu-123")
    assert inactive.value.code == "user_inactive"


def test_own_password_change_keeps_the_session_working(sign_in_as: SignIn) -> None:
    berta = sign_in_as("berta", PASSWORDS["berta"])
    with pytest.raises(AuthError):
        accounts.change_own_password(berta, "falsch-falsch-1", "Berta-Neu-Pass-2")
    accounts.change_own_password(berta, PASSWORDS["berta"], "Berta-Neu-Pass-2")
    client_id = clients.create_client(berta, new_client(), first_case())  # fresh connections, new secret
    assert clients.client_file(berta, client_id).client.last_name == new_client().last_name
    assert sign_in_as("berta", "Berta-Neu-Pass-2").password_resets == ()
    with pytest.raises(AuthError):
        sign_in_as("berta", PASSWORDS["berta"])


# ----------------------------------------------------------------- on the server, seen directly
def _secret(user: str, password: str) -> str:
    return login_secret(password, SERVER_DB, user)


def _connect(profile_path: Path, user: str, password: str) -> psycopg.Connection:
    return connection.connect(load_profile(profile_path), user, _secret(user, password))


def _role(cluster: PgCluster, user: str) -> tuple[bool, str] | None:
    with psycopg.connect(cluster.superuser_conninfo(SERVER_DB)) as su:
        row = su.execute("SELECT rolcanlogin, rolpassword FROM pg_authid WHERE rolname = %s", (user,)).fetchone()
    return None if row is None else (bool(row[0]), str(row[1]))


def _privileged_log(cluster: PgCluster) -> list[tuple[str, str, str]]:
    with psycopg.connect(cluster.superuser_conninfo(SERVER_DB)) as su:
        return su.execute("SELECT login, action, subject FROM jmd_private.privileged_log ORDER BY id").fetchall()


@pytest.fixture
def admin_on_server(server_profile: Path, clock) -> Iterator[UserSession]:
    session = sign_in_server(server_profile, "admin", PASSWORDS["admin"], clock=clock, policy=POLICY)
    yield session
    session.close()


def test_server_login_is_created_with_a_scram_verifier_only(
    admin_on_server: UserSession, server_profile: Path, services_cluster: PgCluster
) -> None:
    accounts.create_user(admin_on_server, "dora", "Dora D.", C, DORA_PW)
    can_login, verifier = _role(services_cluster, "dora") or (False, "")
    assert can_login and verifier.startswith("SCRAM-SHA-256$4096:")
    assert DORA_PW not in verifier and _secret("dora", DORA_PW) not in verifier
    with _connect(server_profile, "dora", DORA_PW) as conn:
        assert conn.execute("SELECT count(*) FROM office_key_slots").fetchone() == (1,)  # her own slot only
        assert conn.execute("SELECT session_user").fetchone() == ("dora",)
    with pytest.raises(AuthError):
        connection.connect(load_profile(server_profile), "dora", DORA_PW)  # the password itself is no login
    assert ("admin", "login_created", "dora") in _privileged_log(services_cluster)


def test_disabled_login_cannot_log_in(
    admin_on_server: UserSession, server_profile: Path, services_cluster: PgCluster
) -> None:
    cem = next(u for u in accounts.list_users(admin_on_server) if u.username == "cem")
    accounts.update_user(admin_on_server, replace(cem, active=False))
    assert (_role(services_cluster, "cem") or (True, ""))[0] is False
    with pytest.raises(AuthError) as refused:
        _connect(server_profile, "cem", PASSWORDS["cem"])
    assert refused.value.code == "wrong_credentials"
    with psycopg.connect(services_cluster.superuser_conninfo(SERVER_DB)) as su:
        assert su.execute("SELECT count(*) FROM office_key_slots WHERE login = 'cem'").fetchone() == (0,)
    assert ("admin", "login_disabled", "cem") in _privileged_log(services_cluster)


def test_changed_password_works_with_the_new_login_secret_only(
    admin_on_server: UserSession, server_profile: Path, services_cluster: PgCluster
) -> None:
    accounts.reset_password(admin_on_server, "berta", "Berta-Reset-Pw-9")
    with pytest.raises(AuthError):
        _connect(server_profile, "berta", PASSWORDS["berta"])
    with _connect(server_profile, "berta", "Berta-Reset-Pw-9") as conn:
        assert conn.execute("SELECT session_user").fetchone() == ("berta",)
    assert ("admin", "password_reset", "berta") in _privileged_log(services_cluster)


def test_user_administration_functions_refuse_a_counsellor_calling_them_directly(
    server_profile: Path, services_cluster: PgCluster
) -> None:
    with _connect(server_profile, "berta", PASSWORDS["berta"]) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT jmd_update_login('cem', 'Cem', true, true, true, true)")
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE users SET is_admin = true WHERE username = 'berta'")
    with _connect(server_profile, "admin", PASSWORDS["admin"]) as conn, pytest.raises(psycopg.Error):
        conn.execute("SELECT jmd_update_login('admin', 'Ada', false, false, true, true)")  # her own roles
    assert _role(services_cluster, "cem") is not None


def test_an_admin_names_deputies_but_nobody_deputises_herself(
    server_profile: Path, services_cluster: PgCluster, clock
) -> None:
    it = sign_in_server(server_profile, "it", PASSWORDS["it"], clock=clock, policy=POLICY)  # admin only
    try:
        accounts.set_deputies(it, "berta", ["cem"])
        assert accounts.deputies_of(it, "berta") == ["cem"]
    finally:
        it.close()
    for user in ("admin", "cem"):  # admin holds every role; cem is a counsellor
        with (
            _connect(server_profile, user, PASSWORDS[user]) as conn,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            conn.execute("SELECT jmd_set_deputy('berta', %s, true)", (user,))
    with psycopg.connect(services_cluster.superuser_conninfo(SERVER_DB)) as su:
        assert su.execute("SELECT deputy FROM deputies WHERE username = 'berta'").fetchall() == [("cem",)]
