"""``jmd-desk --server PROFILE import FILE --user ADMIN --counsellor NAME`` (§5): an admin imports
files on behalf of a counsellor through the server's audited function; a counsellor cannot."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.codes import Role
from jmd_desk.store.server import office
from jmd_desk.store.server.profile import load_profile
from tests.cli.test_cli import run
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

pytestmark = pytest.mark.slow
DB = "cli_import_for"
ADA_PW, DORA_PW = "Ada-Passwort-1", "Dora-Passwort-1"


@pytest.fixture(scope="module")
def profile(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    create_office_database(pg_cluster, DB)
    path = write_profile(tmp_path_factory.mktemp("cli-for"), pg_cluster, DB)
    the_profile = load_profile(path)
    admin = office.NewAccount("cif.ada", "Ada", frozenset({Role.ADMIN}), ADA_PW)
    office.setup(the_profile, OWNER, OWNER_PASSWORD, admin, POLICY)
    dora = office.NewAccount("cif.dora", "Dora", frozenset({Role.COUNSELLOR}), DORA_PW)
    office.add_user(the_profile, "cif.ada", ADA_PW, dora, POLICY)
    return path


def test_admin_imports_for_a_counsellor_from_the_command_line(
    profile: Path, pg_cluster: PgCluster, tmp_path: Path
) -> None:
    doc = generate_document(2, today=TODAY.date(), seed=5, counsellors=["cif.dora"])
    for client in doc["clients"]:
        client.pop("counsellor", None)  # they go to --counsellor
    data = tmp_path / "akten.json"
    data.write_text(json.dumps(doc))
    home = tmp_path / "home"
    refused = run(["--server", str(profile), "import", str(data), "--user", "cif.dora", "--counsellor", "cif.ada",
                   "--password-stdin"], home, f"{DORA_PW}\n")  # fmt: skip
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    result = run(["--server", str(profile), "import", str(data), "--user", "cif.ada", "--counsellor", "cif.dora",
                  "--password-stdin"], home, f"{ADA_PW}\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Importiert: 2 Klient*innen" in result.stdout
    with psycopg.connect(pg_cluster.superuser_conninfo(DB)) as su:
        owners = su.execute("SELECT counsellor FROM clients").fetchall()
        log = su.execute("SELECT login, action, subject FROM jmd_private.privileged_log").fetchall()
    assert owners == [("cif.dora",), ("cif.dora",)]
    assert ("cif.ada", "open_crossing:import_for", "cif.dora") in log
