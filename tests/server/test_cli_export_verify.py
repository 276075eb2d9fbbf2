"""``export`` and ``verify`` on ``--server`` (DESIGN §5: they work as on a local store)."""

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
DB = "cli_export"


@pytest.fixture(scope="module")
def profile(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An office with an admin-and-team-lead (ex.ada) and a counsellor (ex.dora) with 3 files."""
    create_office_database(pg_cluster, DB)
    folder = tmp_path_factory.mktemp("export")
    path = write_profile(folder, pg_cluster, DB)
    home = folder / "home"
    steps = [
        (["server", "setup", "--owner", OWNER, "--admin", "ex.ada"], f"{OWNER_PASSWORD}\nAda-Passwort-1\n"),
        (
            ["server", "add-user", "ex.dora", "--role", "counsellor", "--user", "ex.ada"],
            "Ada-Passwort-1\nDora-Pw-123\n",
        ),
    ]
    doc = generate_document(3, today=TODAY.date(), seed=21, counsellors=["ex.dora"])
    doc["clients"][0]["first_name"] = "Xaverina"
    (folder / "akten.json").write_text(json.dumps(doc))
    steps.append((["import", str(folder / "akten.json"), "--user", "ex.dora"], "Dora-Pw-123\n"))
    for command, stdin in steps:
        result = run(["--server", str(path), *command, "--password-stdin"], home, stdin)
        assert result.returncode == 0, result.stderr
    return path


def test_full_export_on_the_server_reads_every_file_and_is_logged(
    profile: Path, pg_cluster: PgCluster, tmp_path: Path
) -> None:
    out = tmp_path / "export.json"
    result = run(["--server", str(profile), "export", str(out), "--user", "ex.ada", "--password-stdin"],
                 tmp_path / "home", "Ada-Passwort-1\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    exported = json.loads(out.read_text())["clients"]
    assert len(exported) == 3 and {c["counsellor"] for c in exported} == {"ex.dora"}
    assert "Xaverina" in {c["first_name"] for c in exported}  # opened on the workstation
    with psycopg.connect(pg_cluster.superuser_conninfo(DB)) as su:
        logged = su.execute("SELECT login FROM jmd_private.privileged_log WHERE action = 'full_export'").fetchall()
        audited = su.execute("SELECT count(*) FROM audit_events WHERE action = 'data_exported'").fetchone()[0]
    assert logged == [("ex.ada",)] and audited == 1


def test_a_counsellor_gets_no_full_export(profile: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    result = run(["--server", str(profile), "export", str(out), "--user", "ex.dora", "--password-stdin"],
                 tmp_path / "home", "Dora-Pw-123\n")  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and not out.exists()


def test_verify_on_the_server_finds_a_moved_sealed_value(profile: Path, pg_cluster: PgCluster, tmp_path: Path) -> None:
    command = ["--server", str(profile), "verify", "--user", "ex.dora", "--password-stdin"]
    good = run(command, tmp_path / "home", "Dora-Pw-123\n")
    assert good.returncode == 0, good.stdout + good.stderr
    assert [line.split()[:2] for line in good.stdout.splitlines()] == [
        ["tls", "OK"], ["sealed_fields", "OK"], ["audit_chain", "OK"], ["need_to_know", "OK"], ["schema", "OK"]
    ]  # fmt: skip
    with psycopg.connect(pg_cluster.superuser_conninfo(DB)) as su:  # someone with the owner's rights
        ids = [r[0] for r in su.execute("SELECT id FROM clients ORDER BY id").fetchall()]
        su.execute(
            "UPDATE clients SET last_name = (SELECT last_name FROM clients WHERE id = %s) WHERE id = %s",
            (ids[0], ids[1]),
        )
    bad = run(command, tmp_path / "home", "Dora-Pw-123\n")
    assert bad.returncode != 0
    assert f"clients#{ids[1]}.last_name: field_decrypt_failed" in bad.stdout
