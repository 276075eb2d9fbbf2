"""The office server's audit chain (DESIGN §3b) and ``verify --server``: a moved-in history
continues the server's chain under the office's audit key, no application login can break its
links, workstations appending at the same time queue up, and a change made as superuser shows."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.orm import Session

from jmd_desk.store.audit_repo import AuditRepository
from jmd_desk.store.server import connection
from jmd_desk.store.server.login import login_secret
from jmd_desk.store.server.profile import load_profile
from jmd_desk.store.server.server_store import ServerStore
from tests.cli.test_cli import run
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.test_statistics_server import COUNSELLORS, LEAD_PW, Office, make_office

LEAD = "va.lea"
BERTA, BERTA_PW = "va.berta", COUNSELLORS["st.berta"]


@pytest.fixture(scope="module")
def moved(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Office:
    return make_office(pg_cluster, tmp_path_factory.mktemp("audit"), "va_office", clients=12, prefix="va.")


def _verify(office: Office, home: Path) -> tuple[int, str]:
    result = run(["--server", str(office.profile), "verify", "--user", LEAD, "--password-stdin"], home, LEAD_PW + "\n")
    assert "Traceback" not in result.stderr, result.stderr[-2500:]
    return result.returncode, result.stdout + result.stderr


def test_workstations_appending_at_once_queue_up_and_the_chain_holds(moved: Office, tmp_path: Path) -> None:
    stores = [ServerStore.open(load_profile(moved.profile), name, pw, POLICY) for name, pw in
              ((LEAD, LEAD_PW), (BERTA, BERTA_PW))]  # fmt: skip
    first_inside = threading.Event()

    def append(store: ServerStore, hold: float) -> None:
        with Session(store.engine) as session, session.begin():
            AuditRepository(session, store.audit_key, keeps_head=False).append(TODAY, store.username, "test_event")
            first_inside.set()
            time.sleep(hold)  # the other workstation appends meanwhile

    try:
        slow = threading.Thread(target=append, args=(stores[0], 0.8))
        slow.start()
        assert first_inside.wait(10)
        append(stores[1], 0)  # waits for the first transaction, then attaches after it
        slow.join()
    finally:
        for store in stores:
            store.close()
    code, output = _verify(moved, tmp_path / "home")
    assert code == 0, output
    assert "audit_chain       OK" in output and "need_to_know      OK" in output and "tls" in output


def test_no_login_can_break_the_links_of_the_chain(moved: Office) -> None:
    profile = load_profile(moved.profile)
    secret = login_secret(BERTA_PW, moved.database, BERTA)
    with connection.connect(profile, BERTA, secret) as conn:
        last_seq, last_hash = conn.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
        at = (TODAY + timedelta(minutes=1)).isoformat(timespec="seconds")
        for seq, prev in ((last_seq + 5, last_hash), (last_seq + 1, "f" * 64), (last_seq, last_hash)):
            with pytest.raises(psycopg.Error):
                conn.execute(
                    'INSERT INTO audit_events (seq, at, "user", action, prev_hash, hash) '
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    (seq, at, BERTA, "forged", prev, "0" * 64),
                )
            conn.rollback()
        for statement in ("UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()


def test_verify_finds_an_event_changed_as_superuser(moved: Office, pg_cluster: PgCluster, tmp_path: Path) -> None:
    with psycopg.connect(pg_cluster.superuser_conninfo(moved.database), autocommit=True) as su:
        su.execute("UPDATE audit_events SET action = 'client_viewed' WHERE seq = 3")
    code, output = _verify(moved, tmp_path / "home")
    assert code != 0
    assert "audit_chain       FEHLER – #3: audit_tampered" in output
