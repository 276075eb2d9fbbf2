"""The ``server`` commands of DESIGN §5 as real subprocesses, and what --server refuses."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from jmd_desk.demo.synthetic import generate_document
from tests.cli.test_cli import run
from tests.conftest import TODAY
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def profile(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    create_office_database(pg_cluster, "cli_office")
    return write_profile(tmp_path_factory.mktemp("cli"), pg_cluster, "cli_office")


def test_setup_and_add_user_from_the_command_line(profile: Path, pg_cluster: PgCluster, tmp_path: Path) -> None:
    home = tmp_path / "home"
    setup = run(["--server", str(profile), "server", "setup", "--owner", OWNER, "--admin", "cli.ada",
                 "--password-stdin"], home, f"{OWNER_PASSWORD}\nAda-Passwort-1\n")  # fmt: skip
    assert setup.returncode == 0, setup.stderr
    assert len(setup.stdout.strip().splitlines()[-1].replace("-", "")) == 52
    add = run(["--server", str(profile), "server", "add-user", "cli.berta", "--role", "counsellor", "--user",
               "cli.ada", "--password-stdin"], home, "Ada-Passwort-1\nBerta-Passwort-1\n")  # fmt: skip
    assert add.returncode == 0, add.stderr
    with psycopg.connect(pg_cluster.superuser_conninfo("cli_office")) as su:
        rows = su.execute("SELECT username, is_counsellor, is_team_lead, is_admin FROM users ORDER BY id").fetchall()
    assert rows == [("cli.ada", True, True, True), ("cli.berta", True, False, False)]
    again = run(["--server", str(profile), "server", "add-user", "cli.berta", "--role", "counsellor", "--user",
                 "cli.ada", "--password-stdin"], home, "Ada-Passwort-1\nBerta-Passwort-1\n")  # fmt: skip
    assert again.returncode == 1
    assert "gibt es auf dem Datenbankserver schon" in again.stderr
    assert "Traceback" not in again.stderr
    wrong = run(["--server", str(profile), "server", "add-user", "cli.cem", "--role", "counsellor", "--user",
                 "cli.ada", "--password-stdin"], home, "falsch\nCem-Passwort-12\n")  # fmt: skip
    assert wrong.returncode == 1
    assert "Passwort ist falsch" in wrong.stderr


def test_a_counsellor_imports_her_files_from_the_command_line(
    profile: Path, pg_cluster: PgCluster, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    setup = run(["--server", str(profile), "server", "setup", "--owner", OWNER, "--admin", "cli.lead",
                 "--password-stdin"], home, f"{OWNER_PASSWORD}\nLead-Passwort-1\n")  # fmt: skip
    if setup.returncode != 0:  # the database was set up by the test before
        assert "nicht leer" in setup.stderr
        admin, admin_password = "cli.ada", "Ada-Passwort-1"
    else:
        admin, admin_password = "cli.lead", "Lead-Passwort-1"
    add = run(["--server", str(profile), "server", "add-user", "cli.dora", "--role", "counsellor", "--user", admin,
               "--password-stdin"], home, f"{admin_password}\nDora-Passwort-1\n")  # fmt: skip
    assert add.returncode == 0, add.stderr
    doc = generate_document(3, today=TODAY.date(), seed=12, counsellors=["cli.dora"])
    doc["clients"][0]["first_name"] = "Xaverina"
    data = tmp_path / "akten.json"
    data.write_text(json.dumps(doc))
    result = run(["--server", str(profile), "import", str(data), "--user", "cli.dora", "--password-stdin"], home,
                 "Dora-Passwort-1\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Importiert: 3 Klient*innen" in result.stdout
    with psycopg.connect(pg_cluster.superuser_conninfo("cli_office")) as su:
        rows = su.execute("SELECT first_name FROM clients WHERE counsellor = 'cli.dora'").fetchall()
    assert len(rows) == 3 and all("Xaverina" not in r[0] for r in rows)


@pytest.mark.parametrize("command", [["init", "--user", "x"], ["backup", "f.bak"], ["demo"],
                                     ["restore", "f.bak", "--user", "x"]])  # fmt: skip
def test_local_only_commands_are_refused(profile: Path, tmp_path: Path, command: list[str]) -> None:
    result = run(["--server", str(profile), *command], tmp_path / "home")
    assert result.returncode == 2
    assert "nur für eine lokale Datenablage" in result.stderr
    assert not (tmp_path / "home").exists() or not list((tmp_path / "home").rglob("*.jmd"))


def test_server_commands_need_a_profile(tmp_path: Path) -> None:
    result = run(["server", "setup", "--owner", "x", "--admin", "y", "--password-stdin"], tmp_path, "a\nb\n")
    assert result.returncode == 2
    assert "--server" in result.stderr


def test_plaintext_profile_problem_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "jmd-desk-server", "version": 1}')
    result = run(["--server", str(bad), "server", "setup", "--owner", "x", "--admin", "yy", "--password-stdin"],
                 tmp_path / "home", "a\nPasswort-123\n")  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "Serverprofil ist ungültig" in result.stderr
