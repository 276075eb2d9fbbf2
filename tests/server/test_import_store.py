"""``server import-store``: a local store moves in all or nothing, with its histories."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, StoreError
from jmd_desk.services import accounts, clients, interchange, server_admin
from jmd_desk.store.server import office
from jmd_desk.store.server.profile import load_profile
from jmd_desk.store.server.server_store import ServerStore
from tests.cli.test_cli import run
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

C = frozenset({Role.COUNSELLOR})
PW = {"is.ada": "Ada-Passwort-1", "is.berta": "Berta-Passwort-1", "is.cem": "Cem-Passwort-1"}


def _local_store(folder: Path, clients_count: int = 30) -> Path:
    """A local store with two counsellors' clients, one correction and the usual audit trail."""
    path = folder / "local.jmd"
    clock = FixedClock(TODAY)
    admin, _ = accounts.create_store(path, "is.ada", "Local-Admin-1", clock=clock, policy=POLICY)
    accounts.create_user(admin, "is.berta", "Berta", C, "Local-Berta-1")
    accounts.create_user(admin, "is.cem", "Cem", C, "Local-Cem-12")
    doc = generate_document(clients_count, today=TODAY.date(), seed=11, counsellors=["is.berta", "is.cem"])
    interchange.import_data(admin, json.dumps(doc).encode())
    admin.close()
    berta = accounts.sign_in(path, "is.berta", "Local-Berta-1", clock=clock, policy=POLICY)
    own = next(r for r in clients.list_clients(berta))
    client = clients.client_file(berta, own.id).client
    clients.update_client(berta, own.id, replace(client, phone="0170 5550001"))
    berta.close()
    return path


def _people(profile, prefix: str, counsellors: list[str]) -> None:  # type: ignore[no-untyped-def]
    office.setup(profile, OWNER, OWNER_PASSWORD, office.NewAccount(f"{prefix}ada", "Ada", frozenset(Role),
                                                                  PW["is.ada"]), POLICY)  # fmt: skip
    for name in counsellors:
        office.add_user(
            profile, f"{prefix}ada", PW["is.ada"], office.NewAccount(name, name, C, "Server-Pw-123"), POLICY
        )


def test_a_local_store_moves_in_with_its_histories(pg_cluster: PgCluster, tmp_path: Path) -> None:
    create_office_database(pg_cluster, "is_move")
    profile_path = write_profile(tmp_path / "profile", pg_cluster, "is_move")
    profile = load_profile(profile_path)
    _people(profile, "is.", ["is.berta", "is.cem"])
    local = _local_store(tmp_path)
    moved = server_admin.import_store(profile_path, "is.ada", PW["is.ada"], local, "is.ada", "Local-Admin-1",
                                      clock=FixedClock(TODAY), policy=POLICY)  # fmt: skip
    assert moved == 30
    with psycopg.connect(pg_cluster.superuser_conninfo("is_move")) as su:
        per_counsellor = dict(su.execute("SELECT counsellor, count(*) FROM clients GROUP BY counsellor").fetchall())
        changes = su.execute("SELECT field, old_value, new_value FROM client_changes").fetchall()
        actions = [r[0] for r in su.execute("SELECT action FROM audit_events ORDER BY seq")]
        imported = su.execute("SELECT count(*) FROM audit_events WHERE action = 'client_imported'").fetchone()[0]
        crossings = su.execute(
            "SELECT login, action FROM jmd_private.privileged_log WHERE action LIKE 'open_%'"
        ).fetchall()
    assert sum(per_counsellor.values()) == 30 and set(per_counsellor) == {"is.berta", "is.cem"}
    assert [c[0] for c in changes] == ["phone"]
    assert "0170 5550001" not in str(changes)  # sealed like the field it came from
    assert actions[0] == "store_created" and imported == 30
    assert crossings == [("is.ada", "open_crossing:import_store")]
    store = ServerStore.open(profile, "is.berta", "Server-Pw-123", POLICY)
    try:
        names = store.client_names()
    finally:
        store.close()
    assert 0 < len(names) < 30  # Berta sees her own files only


def test_unknown_counsellors_and_non_admins_are_refused_and_nothing_moves(
    pg_cluster: PgCluster, tmp_path: Path
) -> None:
    create_office_database(pg_cluster, "is_refused")
    profile_path = write_profile(tmp_path / "profile", pg_cluster, "is_refused")
    profile = load_profile(profile_path)
    _people(profile, "is.r.", ["is.r.berta"])
    local = _local_store(tmp_path, clients_count=5)
    with pytest.raises(StoreError) as caught:
        server_admin.import_store(profile_path, "is.r.ada", PW["is.ada"], local, "is.ada", "Local-Admin-1",
                                  clock=FixedClock(TODAY), policy=POLICY)  # fmt: skip
    assert caught.value.code == "server_import_unknown_counsellors"
    assert "is.berta" in caught.value.params["names"]
    with pytest.raises(AuthError):
        server_admin.import_store(profile_path, "is.r.berta", "Server-Pw-123", local, "is.ada", "Local-Admin-1",
                                  clock=FixedClock(TODAY), policy=POLICY)  # fmt: skip
    with psycopg.connect(pg_cluster.superuser_conninfo("is_refused")) as su:
        assert su.execute("SELECT count(*) FROM clients").fetchone()[0] == 0
        assert su.execute("SELECT count(*) FROM audit_events").fetchone()[0] == 0


def test_a_counsellor_cannot_open_the_crossing(pg_cluster: PgCluster, tmp_path: Path) -> None:
    create_office_database(pg_cluster, "is_cross")
    profile = load_profile(write_profile(tmp_path / "profile", pg_cluster, "is_cross"))
    _people(profile, "is.x.", ["is.x.berta"])
    store = ServerStore.open(profile, "is.x.berta", "Server-Pw-123", POLICY)
    try:
        with store.engine.connect() as conn, pytest.raises(Exception, match="not_allowed"):
            conn.exec_driver_sql("SELECT jmd_open_crossing('import_store')")
    finally:
        store.close()


@pytest.mark.slow
def test_import_store_from_the_command_line(pg_cluster: PgCluster, tmp_path: Path) -> None:
    create_office_database(pg_cluster, "is_cli")
    profile_path = write_profile(tmp_path / "profile", pg_cluster, "is_cli")
    _people(load_profile(profile_path), "is.c.", [])
    local = tmp_path / "cli-local" / "local.jmd"
    admin, _ = accounts.create_store(local, "is.c.ada", "Local-Admin-1", clock=FixedClock(TODAY), policy=POLICY)
    admin.close()
    args = ["--server", str(profile_path), "server", "import-store", str(local), "--store-user", "is.c.ada",
            "--user", "is.c.ada", "--password-stdin"]  # fmt: skip
    result = run(args, tmp_path / "home", f"{PW['is.ada']}\nLocal-Admin-1\n")
    assert result.returncode == 0, result.stderr
    assert "Übertragen: 0 Akten" in result.stdout
