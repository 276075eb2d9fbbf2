"""Acceptance 5 (store level): two processes save the same client at once; one wins, the other
gets the conflict naming who saved; nothing is lost or merged silently."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import StoreError
from jmd_desk.services import server_cases
from jmd_desk.store.server import office
from jmd_desk.store.server.profile import load_profile
from jmd_desk.store.server.server_store import ServerStore, StaffFunctions
from jmd_desk.texts.messages import message
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

DB = "concurrency"
PW = {"cc.berta": "Berta-Pw-123", "cc.cem": "Cem-Pw-1234"}
SAVER = """
import json, sys, time
from pathlib import Path
from jmd_desk.domain.errors import StoreError
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.store.server.profile import load_profile
from jmd_desk.store.server.server_store import ServerStore
profile_path, user, password, client_id, seen, phone, start = sys.argv[1:]
store = ServerStore.open(load_profile(Path(profile_path)), user, password, KdfPolicy.insecure_for_tests())
time.sleep(max(0.0, float(start) - time.time()))
try:
    print(json.dumps({"saved": store.save_fields("clients", int(client_id), int(seen), {"phone": phone})}))
except StoreError as exc:
    print(json.dumps({"error": exc.code, "by": exc.params.get("by")}))
finally:
    store.close()
"""


@pytest.fixture(scope="module")
def profile_path(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    create_office_database(pg_cluster, DB)
    path = write_profile(tmp_path_factory.mktemp("cc"), pg_cluster, DB)
    profile = load_profile(path)
    office.setup(
        profile, OWNER, OWNER_PASSWORD, office.NewAccount("cc.ada", "Ada", frozenset(Role), "Ada-Pw-1234"), POLICY
    )
    for name, password in PW.items():
        account = office.NewAccount(name, name, frozenset({Role.COUNSELLOR}), password)
        office.add_user(profile, "cc.ada", "Ada-Pw-1234", account, POLICY)
    doc = generate_document(2, today=TODAY.date(), seed=6, counsellors=["cc.berta"])
    server_cases.import_own_files(path, "cc.berta", PW["cc.berta"], json.dumps(doc).encode(), clock=FixedClock(TODAY),
                                  policy=POLICY)  # fmt: skip
    berta = ServerStore.open(profile, "cc.berta", PW["cc.berta"], POLICY)
    try:
        StaffFunctions(berta).set_deputy("cc.berta", "cc.cem", True)
    finally:
        berta.close()
    return path


def _client(profile_path: Path) -> tuple[int, int]:
    store = ServerStore.open(load_profile(profile_path), "cc.berta", PW["cc.berta"], POLICY)
    try:
        client_id = min(store.client_names())
        return client_id, store.version_of("clients", client_id).version
    finally:
        store.close()


def test_two_processes_save_at_once_one_wins(profile_path: Path, pg_cluster: PgCluster) -> None:
    client_id, seen = _client(profile_path)
    start = time.time() + 4  # both have signed in by then
    procs = {
        user: subprocess.Popen(
            [
                sys.executable,
                "-c",
                SAVER,
                str(profile_path),
                user,
                PW[user],
                str(client_id),
                str(seen),
                f"0170 {user[-4:]}",
                str(start),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for user in PW
    }
    results = {user: json.loads(p.communicate(timeout=60)[0]) for user, p in procs.items()}
    winners = [u for u, r in results.items() if "saved" in r]
    losers = [u for u, r in results.items() if "error" in r]
    assert len(winners) == 1 and len(losers) == 1, results
    assert results[winners[0]]["saved"] == seen + 1
    assert results[losers[0]] == {"error": "edit_conflict", "by": winners[0]}
    store = ServerStore.open(load_profile(profile_path), "cc.berta", PW["cc.berta"], POLICY)
    try:
        version = store.version_of("clients", client_id)
        assert (version.version, version.changed_by) == (seen + 1, winners[0])
    finally:
        store.close()
    with psycopg.connect(pg_cluster.superuser_conninfo(DB)) as su:
        phone = su.execute("SELECT phone FROM clients WHERE id = %s", (client_id,)).fetchone()[0]
    assert winners[0][-4:] not in phone  # still sealed


def test_saving_an_old_version_names_who_saved_and_keeps_the_newer_data(profile_path: Path) -> None:
    client_id, seen = _client(profile_path)
    profile = load_profile(profile_path)
    cem = ServerStore.open(profile, "cc.cem", PW["cc.cem"], POLICY)
    berta = ServerStore.open(profile, "cc.berta", PW["cc.berta"], POLICY)
    try:
        assert cem.save_fields("clients", client_id, seen, {"address": "Neue Straße 1"}) == seen + 1
        with pytest.raises(StoreError) as caught:
            berta.save_fields("clients", client_id, seen, {"address": "Alte Straße 2"})
        assert caught.value.code == "edit_conflict"
        assert "cc.cem" in message(caught.value)
        with pytest.raises(StoreError):
            berta.save_fields("clients", client_id, seen + 1, {"counsellor": "cc.nobody"})  # RLS: not hers then
        assert berta.save_fields("clients", client_id, seen + 1, {"address": "Alte Straße 2"}) == seen + 2
    finally:
        cem.close()
        berta.close()
