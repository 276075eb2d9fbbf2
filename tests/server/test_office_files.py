"""The team lead's office files on the server (issue 13): every file with its names for her, refused
to a counsellor; reassigning moves the file under row-level security and is logged on the server and
in the app's audit chain; an inactive, unknown or non-counsellor account is refused."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from jmd_desk.domain.audit_chain import AuditFilter
from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, JmdError
from jmd_desk.domain.readmodels import ClientSummary
from jmd_desk.services import accounts, audit, clients, office_files, server_cases
from jmd_desk.services.session import UserSession
from jmd_desk.store.server import office as server_office
from jmd_desk.store.server.profile import load_profile
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.desktop_office import ADMIN_PW, BERTA_PW, CEM_PW, Office, make_office

DB = "offiles"
DORA_PW, GINA_PW, LENA_PW = "Dora-Pw-1234", "Gina-Pw-1234", "Lena-Pw-1234"


@pytest.fixture(scope="module")
def office(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Office:
    """Berta's three files; Dora a second counsellor, Gina an inactive one, Lena only team lead."""
    the_office = make_office(pg_cluster, tmp_path_factory.mktemp(DB), DB)
    profile = load_profile(the_office.profile)
    for name, password, roles in (
        (f"{DB}.dora", DORA_PW, {Role.COUNSELLOR}),
        (f"{DB}.gina", GINA_PW, {Role.COUNSELLOR}),
        (f"{DB}.lena", LENA_PW, {Role.TEAM_LEAD}),
    ):
        account = server_office.NewAccount(name, name.title(), frozenset(roles), password)
        server_office.add_user(profile, the_office.admin, ADMIN_PW, account, POLICY)
    admin = _sign_in(the_office.profile, the_office.admin, ADMIN_PW)
    try:
        gina = next(u for u in accounts.list_users(admin) if u.username == f"{DB}.gina")
        accounts.update_user(admin, replace(gina, active=False))
    finally:
        admin.store.close()
    return the_office


def _sign_in(profile: Path, user: str, password: str) -> UserSession:
    return server_cases.sign_in_server(profile, user, password, clock=FixedClock(TODAY), policy=POLICY)


@pytest.fixture
def lead(office: Office) -> Iterator[UserSession]:
    session = _sign_in(office.profile, f"{DB}.lena", LENA_PW)
    yield session
    session.store.close()


def _visible(office: Office, user: str, password: str) -> set[int]:
    session = _sign_in(office.profile, user, password)
    try:
        return {c.id for c in server_cases_clients(session)}
    finally:
        session.store.close()


def server_cases_clients(session: UserSession) -> list[ClientSummary]:
    """The normal client list, under row-level security."""
    return clients.list_clients(session)


def test_team_lead_sees_every_file_with_names(office: Office, lead: UserSession) -> None:
    files = office_files.office_files(lead)
    assert len(files) == 3 and len({f.client_id for f in files}) == 3
    assert all(f.name.strip(", ") and "," in f.name for f in files)
    assert {f.counsellor for f in files} <= {office.berta, f"{DB}.dora"}
    assert [f.client_number for f in files] == sorted(f.client_number for f in files)
    assert all(f.case_type and f.opened_on for f in files)
    assert server_cases_clients(lead) == []  # her normal list stays under row-level security


@pytest.mark.parametrize("who", ["berta", "cem"])
def test_a_counsellor_is_refused(office: Office, who: str) -> None:
    user, password = (office.berta, BERTA_PW) if who == "berta" else (office.cem, CEM_PW)
    session = _sign_in(office.profile, user, password)
    try:
        with pytest.raises(AuthError):
            office_files.office_files(session)
        with pytest.raises(AuthError):
            office_files.reassign_file(session, 1, office.cem)
    finally:
        session.store.close()


def test_reassign_moves_the_file_and_is_audited(office: Office, lead: UserSession, pg_cluster: PgCluster) -> None:
    dora = f"{DB}.dora"
    file = next(f for f in office_files.office_files(lead) if f.counsellor == office.berta)
    assert file.client_id in _visible(office, office.berta, BERTA_PW)
    assert file.client_id not in _visible(office, dora, DORA_PW)
    office_files.reassign_file(lead, file.client_id, dora)
    assert file.client_id in _visible(office, dora, DORA_PW)
    assert file.client_id not in _visible(office, office.berta, BERTA_PW)
    moved = next(f for f in office_files.office_files(lead) if f.client_id == file.client_id)
    assert moved.counsellor == dora
    events = audit.audit_events(lead, AuditFilter(action="client_reassigned"))
    assert [(e.user, e.client_id) for e in events] == [(f"{DB}.lena", file.client_id)]
    with psycopg.connect(pg_cluster.superuser_conninfo(DB)) as su:
        log = su.execute("SELECT login, action, subject FROM jmd_private.privileged_log").fetchall()
    assert (f"{DB}.lena", "client_reassigned", f"{file.client_id} -> {dora}") in log


@pytest.mark.parametrize("target", ["gina", "lena", "nobody"])
def test_reassign_to_no_active_counsellor_is_refused_and_changes_nothing(
    office: Office, lead: UserSession, target: str
) -> None:
    before = office_files.office_files(lead)
    with pytest.raises(JmdError) as refused:
        office_files.reassign_file(lead, before[0].client_id, f"{DB}.{target}")
    assert refused.value.code == "reassign_not_counsellor"
    assert office_files.office_files(lead) == before


def test_unknown_file_is_refused(lead: UserSession, office: Office) -> None:
    with pytest.raises(JmdError) as refused:
        office_files.reassign_file(lead, 999_999, office.cem)
    assert refused.value.code == "unknown_client"
