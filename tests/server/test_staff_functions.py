"""The team lead's and admin's narrow functions: metadata overview, reassigning, deputies,
password changes and resets (told at the next sign-in), all logged on the server."""

from __future__ import annotations

import json
from collections.abc import Iterator

import psycopg
import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, JmdError
from jmd_desk.services import server_cases
from jmd_desk.store.server import office
from jmd_desk.store.server.profile import ServerProfile, load_profile
from jmd_desk.store.server.server_store import ServerStore, StaffFunctions
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

DB = "staff"
PW = {"sf.ada": "Ada-Pw-1234", "sf.berta": "Berta-Pw-123", "sf.cem": "Cem-Pw-1234", "sf.lead": "Lead-Pw-123"}
ROLES = {"sf.berta": {Role.COUNSELLOR}, "sf.cem": {Role.COUNSELLOR}, "sf.lead": {Role.TEAM_LEAD}}


@pytest.fixture(scope="module")
def profile(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> ServerProfile:
    create_office_database(pg_cluster, DB)
    path = write_profile(tmp_path_factory.mktemp("sf"), pg_cluster, DB)
    the_profile = load_profile(path)
    office.setup(the_profile, OWNER, OWNER_PASSWORD, office.NewAccount("sf.ada", "Ada", frozenset(Role), PW["sf.ada"]),
                 POLICY)  # fmt: skip
    for name, roles in ROLES.items():
        office.add_user(the_profile, "sf.ada", PW["sf.ada"], office.NewAccount(name, name, frozenset(roles), PW[name]),
                        POLICY)  # fmt: skip
    doc = generate_document(4, today=TODAY.date(), seed=8, counsellors=["sf.berta"])
    doc["clients"][0]["first_name"] = "Leyla"
    server_cases.import_own_files(path, "sf.berta", PW["sf.berta"], json.dumps(doc).encode(), clock=FixedClock(TODAY),
                                  policy=POLICY)  # fmt: skip
    return the_profile


def _staff(profile: ServerProfile, user: str) -> Iterator[StaffFunctions]:
    store = ServerStore.open(profile, user, PW[user], POLICY)
    try:
        yield StaffFunctions(store)
    finally:
        store.close()


def _log(cluster: PgCluster) -> list[tuple[str, str, str]]:
    with psycopg.connect(cluster.superuser_conninfo(DB)) as su:
        return su.execute("SELECT login, action, subject FROM jmd_private.privileged_log ORDER BY id").fetchall()


def test_team_lead_sees_metadata_of_every_file_but_no_case_row(profile: ServerProfile) -> None:
    for lead in _staff(profile, "sf.lead"):
        overview = lead.team_overview()
    assert {r.client_id for r in overview} and len({r.client_id for r in overview}) == 4
    assert "Leyla" in {r.first_name for r in overview}
    assert all(r.counsellor == "sf.berta" for r in overview)
    assert all(r.case_type for r in overview)
    store = ServerStore.open(profile, "sf.lead", PW["sf.lead"], POLICY)
    try:
        assert store.client_names() == {}
    finally:
        store.close()


@pytest.mark.parametrize("user", ["sf.berta", "sf.cem"])
def test_only_the_team_lead_gets_the_overview(profile: ServerProfile, user: str) -> None:
    for functions in _staff(profile, user):
        with pytest.raises(AuthError):
            functions.team_overview()
        with pytest.raises(AuthError):
            functions.reassign(1, "sf.cem")


def test_reassigning_moves_access_and_is_logged(profile: ServerProfile, pg_cluster: PgCluster) -> None:
    for lead in _staff(profile, "sf.lead"):
        client_id = lead.team_overview()[0].client_id
        with pytest.raises(JmdError):
            lead.reassign(client_id, "sf.lead")  # not a counsellor
        lead.reassign(client_id, "sf.cem")
    cem = ServerStore.open(profile, "sf.cem", PW["sf.cem"], POLICY)
    try:
        assert list(cem.client_names()) == [client_id]
    finally:
        cem.close()
    assert ("sf.lead", "client_reassigned", f"{client_id} -> sf.cem") in _log(pg_cluster)
    for lead in _staff(profile, "sf.lead"):
        lead.reassign(client_id, "sf.berta")


def test_team_lead_sets_deputies_and_it_is_logged(profile: ServerProfile, pg_cluster: PgCluster) -> None:
    for lead in _staff(profile, "sf.lead"):
        lead.set_deputy("sf.berta", "sf.cem", True)
    cem = ServerStore.open(profile, "sf.cem", PW["sf.cem"], POLICY)
    try:
        assert len(cem.client_names()) == 4
    finally:
        cem.close()
    for lead in _staff(profile, "sf.lead"):
        lead.set_deputy("sf.berta", "sf.cem", False)
    assert ("sf.lead", "deputy_set", "sf.berta -> sf.cem") in _log(pg_cluster)
    assert ("sf.lead", "deputy_removed", "sf.berta -> sf.cem") in _log(pg_cluster)


def test_admin_reset_is_told_to_the_owner_once(profile: ServerProfile, pg_cluster: PgCluster) -> None:
    for admin in _staff(profile, "sf.ada"):
        admin.set_password("sf.cem", "Reset-By-Admin-1", POLICY)
    with pytest.raises(AuthError):
        ServerStore.open(profile, "sf.cem", PW["sf.cem"], POLICY)
    store = ServerStore.open(profile, "sf.cem", "Reset-By-Admin-1", POLICY)
    try:
        staff = StaffFunctions(store)
        resets = staff.take_password_resets()
        assert [by for by, _ in resets] == ["sf.ada"]
        assert staff.take_password_resets() == []
        staff.set_password("sf.cem", PW["sf.cem"], POLICY)  # her own change: nobody is told
    finally:
        store.close()
    store = ServerStore.open(profile, "sf.cem", PW["sf.cem"], POLICY)
    try:
        assert StaffFunctions(store).take_password_resets() == []
        assert len(store.office_key) == 32
    finally:
        store.close()
    actions = [(who, what) for who, what, subject in _log(pg_cluster) if subject == "sf.cem"]
    assert ("sf.ada", "password_reset") in actions and ("sf.cem", "password_changed") in actions


def test_a_counsellor_cannot_reset_a_colleague(profile: ServerProfile) -> None:
    for berta in _staff(profile, "sf.berta"):
        with pytest.raises(AuthError):
            berta.set_password("sf.cem", "Taken-Over-123", POLICY)
