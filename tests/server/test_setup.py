"""``server setup`` and ``server add-user``: schema, logins with verifiers only, key slots."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, StoreError
from jmd_desk.store.server import office
from jmd_desk.store.server.login import login_secret
from jmd_desk.store.server.profile import load_profile
from tests.conftest import POLICY
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

ALL = frozenset(Role)
# PostgreSQL logins are cluster-wide, so every test's database uses its own user names.


def _profile(tmp_path: Path, cluster: PgCluster, database: str):
    create_office_database(cluster, database)
    return load_profile(write_profile(tmp_path, cluster, database))


def test_setup_then_add_user_and_sign_in(pg_cluster: PgCluster, tmp_path: Path) -> None:
    profile = _profile(tmp_path, pg_cluster, "setup_ok")
    admin = office.NewAccount("ada", "Ada Admin", ALL, "Ada-Passwort-1")
    recovery = office.setup(profile, OWNER, OWNER_PASSWORD, admin, POLICY)
    assert len(recovery.replace("-", "")) == 52
    office.add_user(
        profile,
        "ada",
        "Ada-Passwort-1",
        office.NewAccount("berta", "Berta", frozenset({Role.COUNSELLOR}), "Berta-Pw-12"),
        POLICY,
    )
    conn_a, key_a = office.sign_in(profile, "ada", "Ada-Passwort-1", POLICY)
    conn_b, key_b = office.sign_in(profile, "berta", "Berta-Pw-12", POLICY)
    try:
        assert key_a == key_b and len(key_a) == 32
        # each login reads only its own key slot; the recovery slot is read by nobody
        assert conn_b.execute("SELECT slot_id FROM office_key_slots").fetchall() == [("user:berta",)]
    finally:
        conn_a.close()
        conn_b.close()
    with psycopg.connect(pg_cluster.superuser_conninfo("setup_ok")) as su:
        verifier = su.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'berta'").fetchone()[0]
        users = su.execute("SELECT username, is_counsellor, is_admin FROM users ORDER BY id").fetchall()
    assert verifier.startswith("SCRAM-SHA-256$")
    assert users == [("ada", True, True), ("berta", True, False)]
    log = pg_cluster.log_file.read_text(errors="replace")
    for secret in ("Ada-Passwort-1", "Berta-Pw-12", login_secret("Berta-Pw-12", "setup_ok", "berta")):
        assert secret not in log


def test_wrong_password_opens_nothing(pg_cluster: PgCluster, tmp_path: Path) -> None:
    profile = _profile(tmp_path, pg_cluster, "setup_wrong")
    office.setup(profile, OWNER, OWNER_PASSWORD, office.NewAccount("ada.w", "Ada", ALL, "Ada-Passwort-1"), POLICY)
    with pytest.raises(AuthError) as caught:
        office.sign_in(profile, "ada.w", "wrong-password", POLICY)
    assert caught.value.code == "wrong_credentials"


def test_setup_refuses_a_database_that_is_not_empty(pg_cluster: PgCluster, tmp_path: Path) -> None:
    profile = _profile(tmp_path, pg_cluster, "setup_twice")
    office.setup(profile, OWNER, OWNER_PASSWORD, office.NewAccount("ada.t", "Ada", ALL, "Ada-Passwort-1"), POLICY)
    with pytest.raises(StoreError) as caught:
        office.setup(profile, OWNER, OWNER_PASSWORD, office.NewAccount("ada2", "Ada", ALL, "Ada-Passwort-1"), POLICY)
    assert caught.value.code == "server_not_empty"


def test_failed_setup_leaves_nothing_behind(pg_cluster: PgCluster, tmp_path: Path) -> None:
    profile = _profile(tmp_path, pg_cluster, "setup_atomic")
    with pytest.raises(StoreError):  # the login name is taken on the cluster already
        office.setup(profile, OWNER, OWNER_PASSWORD, office.NewAccount("jmd_super", "X", ALL, "Pass-word-123"), POLICY)
    with psycopg.connect(pg_cluster.superuser_conninfo("setup_atomic")) as su:
        assert su.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0


def test_only_an_admin_adds_users(pg_cluster: PgCluster, tmp_path: Path) -> None:
    profile = _profile(tmp_path, pg_cluster, "setup_perm")
    office.setup(profile, OWNER, OWNER_PASSWORD, office.NewAccount("ada.p", "Ada", ALL, "Ada-Passwort-1"), POLICY)
    counsellor = office.NewAccount("cem", "Cem", frozenset({Role.COUNSELLOR}), "Cem-Passwort-1")
    office.add_user(profile, "ada.p", "Ada-Passwort-1", counsellor, POLICY)
    with pytest.raises(AuthError) as caught:
        office.add_user(profile, "cem", "Cem-Passwort-1", office.NewAccount("dora", "D", ALL, "Dora-Pw-123"), POLICY)
    assert caught.value.code == "not_permitted"
    with pytest.raises(StoreError) as exists:
        office.add_user(profile, "ada.p", "Ada-Passwort-1", counsellor, POLICY)
    assert exists.value.code == "server_login_exists"
