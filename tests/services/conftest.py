"""The services suite on both store kinds: ``session_for`` signs in to a local SQLCipher store
and, in a second variant, to an office server database on a throwaway TLS PostgreSQL.

The server variant has its own cluster (login roles are cluster-wide, and these tests use the
template accounts' plain names). One database is set up once with the five template accounts
and kept as a template; each test gets a fresh copy under the same name (the login secret is
bound to the database name) via ``CREATE DATABASE … TEMPLATE``. Tests that are about a local
file (backups, key files, SQLCipher pages) carry ``@pytest.mark.local_only``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, JmdError
from jmd_desk.services.server_cases import sign_in_server
from jmd_desk.store.server import office
from jmd_desk.store.server.profile import load_profile
from tests.conftest import ADMIN_PASSWORD, PASSWORDS, POLICY, opened_sessions, sign_in
from tests.pg_cluster import PgCluster, find_bin_dir, start_cluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

SERVER_DB = "services"
TEMPLATE_DB = "services_template"
ACCOUNTS = {
    "berta": ("Berta B.", frozenset({Role.COUNSELLOR})),
    "cem": ("Cem C.", frozenset({Role.COUNSELLOR})),
    "lead": ("Lea Leitung", frozenset({Role.TEAM_LEAD})),
    "it": ("IT Admin", frozenset({Role.ADMIN})),
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Local-only tests run once, on the local store."""
    keep, drop = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_server = callspec is not None and callspec.params.get("backend") == "server"
        (drop if on_server and item.get_closest_marker("local_only") else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session")
def services_cluster() -> Iterator[PgCluster]:
    """A TLS PostgreSQL for the server variants (skipped without the Debian package)."""
    if find_bin_dir() is None:
        pytest.skip("PostgreSQL server binaries (Debian package postgresql) are not installed")
    cluster = start_cluster(tls=True)
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def server_template(services_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The profile of an office database with the template accounts, set up once."""
    create_office_database(services_cluster, SERVER_DB)
    path = write_profile(tmp_path_factory.mktemp("services-server"), services_cluster, SERVER_DB)
    profile = load_profile(path)
    admin = office.NewAccount("admin", "Ada Admin", frozenset(Role), ADMIN_PASSWORD)
    office.setup(profile, OWNER, OWNER_PASSWORD, admin, POLICY)
    for name, (display, roles) in ACCOUNTS.items():
        office.add_user(
            profile, "admin", ADMIN_PASSWORD, office.NewAccount(name, display, roles, PASSWORDS[name]), POLICY
        )
    with psycopg.connect(services_cluster.superuser_conninfo(), autocommit=True) as su:
        su.execute(f"ALTER DATABASE {SERVER_DB} RENAME TO {TEMPLATE_DB}")
        logins = su.execute(_LOGINS, (APP_ROLE,)).fetchall()
    (path.parent / "logins.json").write_text(json.dumps(logins))
    return path


APP_ROLE = f"{SERVER_DB}_jmd_users"
_LOGINS = (
    "SELECT a.rolname::text, a.rolcanlogin, a.rolpassword FROM pg_authid a JOIN pg_auth_members m "
    "ON m.member = a.oid JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = %s"
)


def _restore_logins(su: psycopg.Connection, template: Path) -> None:
    """Logins are cluster-wide: undo what an earlier test did to them (new accounts, changed
    passwords, disabled logins), so that every test starts with the template's accounts."""
    kept = {name: (can_login, verifier) for name, can_login, verifier in json.loads(
        (template.parent / "logins.json").read_text())}  # fmt: skip
    for name, can_login, verifier in su.execute(_LOGINS, (APP_ROLE,)).fetchall():
        if name not in kept:
            su.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))
        elif (can_login, verifier) != kept[name]:
            login = sql.SQL("LOGIN" if kept[name][0] else "NOLOGIN")
            su.execute(sql.SQL("ALTER ROLE {} {} PASSWORD {}").format(
                sql.Identifier(name), login, sql.Literal(kept[name][1])))  # fmt: skip


@pytest.fixture
def server_profile(server_template: Path, services_cluster: PgCluster) -> Path:
    """A fresh copy of the template database for this test (under the profile's name)."""
    with psycopg.connect(services_cluster.superuser_conninfo(), autocommit=True) as su:
        su.execute(f"DROP DATABASE IF EXISTS {SERVER_DB} WITH (FORCE)")
        su.execute(f"CREATE DATABASE {SERVER_DB} TEMPLATE {TEMPLATE_DB} OWNER {OWNER}")
        _restore_logins(su, server_template)
    return server_template


@pytest.fixture(params=["local", "server"])
def backend(request: pytest.FixtureRequest) -> str:
    """Which store kind ``session_for`` opens."""
    return str(request.param)


@pytest.fixture
def session_for(backend: str, request: pytest.FixtureRequest, clock: FixedClock) -> Iterator:
    """``session_for("berta")`` signs in; all sessions are closed after the test."""
    if backend == "server":
        profile = request.getfixturevalue("server_profile")
        yield from opened_sessions(
            lambda user: sign_in_server(profile, user, PASSWORDS[user], clock=clock, policy=POLICY),
            one_at_a_time=False,
        )
    else:
        store_path = request.getfixturevalue("store_path")
        yield from opened_sessions(lambda user: sign_in(store_path, user, clock), one_at_a_time=True)


@pytest.fixture
def on_server(backend: str) -> bool:
    """True in the office-server variant."""
    return backend == "server"


@pytest.fixture
def refused(on_server: bool) -> Callable[[], Any]:
    """``with refused():`` a colleague's file: not permitted on a local store; on the server the
    row is hidden by row-level security, so it is not found at all."""

    def expect() -> Any:
        return pytest.raises(JmdError, match=r"^not_found\(") if on_server else pytest.raises(AuthError)

    return expect
