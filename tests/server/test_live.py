"""Live refresh: a change saved in one process is announced to another within 2 seconds."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.services import server_cases
from jmd_desk.store.server import office
from jmd_desk.store.server.live import ChangeListener
from jmd_desk.store.server.login import login_secret
from jmd_desk.store.server.profile import load_profile
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

DB = "live"
WRITER = """
import sys, time
from pathlib import Path
from jmd_desk.store.server import connection
from jmd_desk.store.server.login import login_secret
from jmd_desk.store.server.profile import load_profile
profile = load_profile(Path(sys.argv[1]))
with connection.connect(profile, "lv.berta", login_secret("Berta-Pw-123", "live", "lv.berta")) as conn:
    conn.execute("UPDATE follow_ups SET done = true WHERE id = (SELECT min(id) FROM follow_ups)")
print(time.time())  # committed when the connection block ended
"""


@pytest.fixture(scope="module")
def profile_path(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    create_office_database(pg_cluster, DB)
    path = write_profile(tmp_path_factory.mktemp("live"), pg_cluster, DB)
    profile = load_profile(path)
    office.setup(
        profile, OWNER, OWNER_PASSWORD, office.NewAccount("lv.ada", "Ada", frozenset(Role), "Ada-Pw-1234"), POLICY
    )
    for name in ("lv.berta", "lv.cem"):
        account = office.NewAccount(name, name, frozenset({Role.COUNSELLOR}), name.title() + "-Pw-123")
        office.add_user(profile, "lv.ada", "Ada-Pw-1234", account, POLICY)
    doc = generate_document(3, today=TODAY.date(), seed=2, counsellors=["lv.berta"])
    server_cases.import_own_files(path, "lv.berta", "Lv.Berta-Pw-123", json.dumps(doc).encode(),
                                  clock=FixedClock(TODAY), policy=POLICY)  # fmt: skip
    return path


def test_a_change_in_another_process_arrives_within_two_seconds(profile_path: Path) -> None:
    profile = load_profile(profile_path)
    listener = ChangeListener(profile, "lv.cem", login_secret("Lv.Cem-Pw-123", DB, "lv.cem"))
    try:
        assert listener.pending() == []
        writer = WRITER.replace("Berta-Pw-123", "Lv.Berta-Pw-123")
        done = subprocess.run([sys.executable, "-c", writer, str(profile_path)], check=True, timeout=60,
                              capture_output=True, text=True)  # fmt: skip
        committed_at = float(done.stdout.strip())
        changes = listener.wait(2.0)
        arrived_at = time.time()
    finally:
        listener.close()
    assert [(c.table, c.op, c.by) for c in changes] == [("follow_ups", "update", "lv.berta")]
    assert changes[0].row_id is not None
    assert arrived_at - committed_at < 2.0


def test_announcements_carry_ids_only(profile_path: Path, pg_cluster: PgCluster) -> None:
    profile = load_profile(profile_path)
    listener = ChangeListener(profile, "lv.cem", login_secret("Lv.Cem-Pw-123", DB, "lv.cem"))
    try:
        doc = generate_document(1, today=TODAY.date(), seed=4, counsellors=["lv.berta"])
        doc["clients"][0]["first_name"] = "Zyxwvutsr"
        server_cases.import_own_files(profile_path, "lv.berta", "Lv.Berta-Pw-123", json.dumps(doc).encode(),
                                      clock=FixedClock(TODAY), policy=POLICY)  # fmt: skip
        changes = listener.wait(2.0)
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            more = listener.wait(0.2)
            if not more:
                break
            changes += more
    finally:
        listener.close()
    assert {c.table for c in changes} >= {"clients", "cases"}
    assert all(c.client_id is not None for c in changes if c.table in ("clients", "cases"))
    assert "Zyxwvutsr" not in repr(changes)
