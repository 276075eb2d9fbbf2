"""The ``server`` commands of DESIGN §5 as real subprocesses, and what --server refuses."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from tests.cli.test_cli import run
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
