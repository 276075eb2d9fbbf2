"""``import-sheet`` on the office server: the same checks by cell, then the clients arrive
sealed for the importing counsellor; naming another counsellor is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, ValidationError
from jmd_desk.domain.sheet_import import parse_mapping
from jmd_desk.services import sheet_import
from jmd_desk.store.server import office
from jmd_desk.store.server.profile import load_profile
from jmd_desk.store.server.server_store import ServerStore
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile
from tests.services.test_sheet_import import MAPPING, german_rows, write_xlsx

DB = "sheet_import"


@pytest.fixture(scope="module")
def profile_path(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    create_office_database(pg_cluster, DB)
    path = write_profile(tmp_path_factory.mktemp("si"), pg_cluster, DB)
    profile = load_profile(path)
    ada = office.NewAccount("si.ada", "Ada", frozenset(Role), "Ada-Pw-1234")
    office.setup(profile, OWNER, OWNER_PASSWORD, ada, POLICY)
    berta = office.NewAccount("si.berta", "Berta", frozenset({Role.COUNSELLOR}), "Berta-Pw-123")
    office.add_user(profile, "si.ada", "Ada-Pw-1234", berta, POLICY)
    return path


def test_sheet_import_on_the_server(profile_path: Path, tmp_path: Path) -> None:
    cells = [r[0] for r in german_rows(30)]
    cells[10][3] = "30.02.2008"  # D12
    sheet = tmp_path / "liste.xlsx"
    write_xlsx(sheet, cells)
    mapping = parse_mapping(json.dumps(MAPPING).encode(), TODAY.date())
    clock = FixedClock(TODAY)

    def run(counsellor: str | None = None):
        return sheet_import.import_sheet_to_server(
            profile_path, "si.berta", "Berta-Pw-123", sheet, mapping, counsellor, clock=clock, policy=POLICY
        )

    with pytest.raises(ValidationError) as caught:
        run()
    assert [(e.path, e.code) for e in caught.value.errors] == [("D12", "bad_sheet_date")]
    cells[10][3] = "28.02.2008"
    write_xlsx(sheet, cells)
    with pytest.raises(AuthError):
        run("si.ada")
    assert run().clients == 30
    store = ServerStore.open(load_profile(profile_path), "si.berta", "Berta-Pw-123", POLICY)
    try:
        names = store.client_names()
    finally:
        store.close()
    assert len(names) == 30
