"""Deletion runs on the office server (DESIGN §3b): proposed and confirmed by two people through
the server's deletion function, an erasure list (ids only) for the IT, and ``server
reapply-erasures`` after an older state came back (rows re-inserted as superuser)."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain import erasure_list
from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, JmdError
from jmd_desk.services import retention, server_cases, server_retention
from jmd_desk.services.server_cases import sign_in_server
from jmd_desk.store.server import connection, office
from jmd_desk.store.server.login import login_secret
from jmd_desk.store.server.profile import load_profile
from jmd_desk.store.server.server_store import ServerStore
from tests.cli.test_cli import run
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

CLOCK = FixedClock(TODAY)
PW = {"dl.ada": "Ada-Passwort-1", "dl.tom": "Tom-Passwort-1", "dl.berta": "Berta-Passwort-1"}
SAVED = ("clients", "cases", "contacts", "goals", "goal_status_history", "consents")


def _office(cluster: PgCluster, folder: Path, database: str, prefix: str = "dl.") -> Path:
    """Ada (all roles), Tom (team lead) and Berta (counsellor) with six files of her own
    (logins are cluster-wide: each office of the tests has its own ``prefix``)."""
    create_office_database(cluster, database)
    profile_path = write_profile(folder, cluster, database)
    profile = load_profile(profile_path)
    ada, berta = f"{prefix}ada", f"{prefix}berta"
    office.setup(profile, OWNER, OWNER_PASSWORD, office.NewAccount(ada, "Ada", frozenset(Role), PW["dl.ada"]), POLICY)
    for name, role in (("tom", Role.TEAM_LEAD), ("berta", Role.COUNSELLOR)):
        account = office.NewAccount(prefix + name, name, frozenset({role}), PW[f"dl.{name}"])
        office.add_user(profile, ada, PW["dl.ada"], account, POLICY)
    document = generate_document(6, today=TODAY.date(), seed=3, counsellors=[berta])
    server_cases.import_own_files(profile_path, berta, PW["dl.berta"], json.dumps(document).encode(),
                                  clock=CLOCK, policy=POLICY)  # fmt: skip
    return profile_path


def _berta_ids(profile_path: Path, prefix: str = "dl.") -> list[int]:
    store = ServerStore.open(load_profile(profile_path), f"{prefix}berta", PW["dl.berta"], POLICY)
    try:
        return sorted(store.client_names())
    finally:
        store.close()


def _counts(su: psycopg.Connection, ids: list[int]) -> dict[str, int]:
    return {
        "clients": su.execute("SELECT count(*) FROM clients WHERE id = ANY(%s)", (ids,)).fetchone()[0],
        "cases": su.execute("SELECT count(*) FROM cases WHERE client_id = ANY(%s)", (ids,)).fetchone()[0],
        "erasures": su.execute("SELECT count(*) FROM erasures WHERE client_id = ANY(%s)", (ids,)).fetchone()[0],
    }


def test_a_deletion_run_writes_an_erasure_list_that_cleans_a_restored_state(
    pg_cluster: PgCluster, tmp_path: Path
) -> None:
    profile = _office(pg_cluster, tmp_path / "profile", "dl_office")
    ids = _berta_ids(profile)
    doomed = ids[:2]
    with pytest.raises(AuthError):  # a counsellor neither proposes nor sees the retention list
        server_retention.propose_deletion(profile, "dl.berta", PW["dl.berta"], doomed, "request", clock=CLOCK,
                                          policy=POLICY)  # fmt: skip
    run_id = server_retention.propose_deletion(profile, "dl.tom", PW["dl.tom"], doomed, "request", clock=CLOCK,
                                               policy=POLICY)  # fmt: skip
    with pytest.raises(AuthError) as own:
        server_retention.confirm_deletion(profile, "dl.tom", PW["dl.tom"], run_id, clock=CLOCK, policy=POLICY)
    assert own.value.code == "deletion_needs_second_person"

    su = psycopg.connect(pg_cluster.superuser_conninfo("dl_office"), autocommit=True)
    for table in SAVED:  # what an older dump still holds
        su.execute(f"CREATE TABLE saved_{table} AS SELECT * FROM {table}")
    erased, list_path = server_retention.confirm_deletion(
        profile, "dl.ada", PW["dl.ada"], run_id, clock=CLOCK, policy=POLICY
    )
    assert erased == doomed
    assert _counts(su, doomed) == {"clients": 0, "cases": 0, "erasures": 2}
    assert _counts(su, ids[2:])["clients"] == 4
    office_id, entries = erasure_list.parse(list_path.read_bytes())
    assert sorted(e.client_id for e in entries) == doomed and all(e.run_id == run_id for e in entries)
    assert list_path.parent == profile.parent / "erasure-lists"
    numbers = [r[0] for r in su.execute("SELECT client_number FROM saved_clients").fetchall()]
    assert not any(n in list_path.read_text() for n in numbers)  # ids and times only
    assert su.execute("SELECT status, decided_by FROM deletion_runs WHERE id = %s", (run_id,)).fetchone() == (
        "done", "dl.ada")  # fmt: skip

    # the IT restores the older state: the erased rows are back, the register does not know them
    for table in SAVED:
        su.execute(f"INSERT INTO {table} SELECT * FROM saved_{table} ON CONFLICT DO NOTHING")
    su.execute("DELETE FROM erasures")
    assert _counts(su, doomed) == {"clients": 2, "cases": _counts(su, doomed)["cases"], "erasures": 0}

    home = tmp_path / "home"
    args = ["--server", str(profile), "server", "reapply-erasures", str(list_path), "--user", "dl.ada",
            "--password-stdin"]  # fmt: skip
    first = run(args, home, PW["dl.ada"] + "\n")
    assert first.returncode == 0, first.stderr
    assert "2 Akten erneut gelöscht" in first.stdout
    assert _counts(su, doomed) == {"clients": 0, "cases": 0, "erasures": 2}
    assert _counts(su, ids[2:])["clients"] == 4
    again = run(args, home, PW["dl.ada"] + "\n")  # idempotent
    assert again.returncode == 0 and "0 Akten erneut gelöscht" in again.stdout
    assert _counts(su, doomed)["erasures"] == 2
    log = su.execute("SELECT login, action FROM jmd_private.privileged_log WHERE action LIKE 'erasures%%' "
                     "OR action LIKE 'deletion%%'").fetchall()  # fmt: skip
    assert log == [("dl.ada", "deletion_run_executed"), ("dl.ada", "erasures_reapplied"),
                   ("dl.ada", "erasures_reapplied")]  # fmt: skip
    actions = [r[0] for r in su.execute("SELECT action FROM audit_events ORDER BY seq").fetchall()]
    assert actions == ["deletion_proposed", "deletion_confirmed", "client_deleted", "client_deleted",
                       "erasures_reapplied", "client_deleted", "client_deleted", "erasures_reapplied"]  # fmt: skip
    su.close()
    assert office_id
    checked = run(["--server", str(profile), "verify", "--user", "dl.ada", "--password-stdin"], home,
                  PW["dl.ada"] + "\n")  # fmt: skip
    assert checked.returncode == 0 and "audit_chain       OK" in checked.stdout, checked.stdout + checked.stderr


def test_only_an_admin_reapplies_and_only_a_valid_list_of_this_office(pg_cluster: PgCluster, tmp_path: Path) -> None:
    profile = _office(pg_cluster, tmp_path / "profile", "dl_refuse", "dr.")
    ids = _berta_ids(profile, "dr.")
    store = ServerStore.open(load_profile(profile), "dr.ada", PW["dl.ada"], POLICY)
    office_id = store.office_id()
    store.close()
    entry = erasure_list.Erasure(ids[0], None, None, TODAY.replace(tzinfo=None))
    good = erasure_list.dump(office_id, [entry], TODAY)
    with pytest.raises(AuthError):
        server_retention.reapply_erasures(profile, "dr.tom", PW["dl.tom"], [good], clock=CLOCK, policy=POLICY)
    with pytest.raises(JmdError) as other:
        foreign = erasure_list.dump("another-office", [entry], TODAY)
        server_retention.reapply_erasures(profile, "dr.ada", PW["dl.ada"], [foreign], clock=CLOCK, policy=POLICY)
    assert other.value.code == "erasure_list_other_office"
    broken = json.loads(good)
    broken["erasures"][0]["client_id"] = "1; DROP TABLE clients"
    for bad in (b"\x00garbage", json.dumps(broken).encode(), good + b"{"):
        with pytest.raises(JmdError) as invalid:
            server_retention.reapply_erasures(profile, "dr.ada", PW["dl.ada"], [good, bad], clock=CLOCK, policy=POLICY)
        assert invalid.value.code == "erasure_list_invalid"
    assert _berta_ids(profile, "dr.") == ids  # nothing was erased by a refused call
    # the server refuses a counsellor's direct call, whatever the program does
    secret = login_secret(PW["dl.berta"], "dl_refuse", "dr.berta")
    with connection.connect(load_profile(profile), "dr.berta", secret) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT jmd_reapply_erasures('[]'::jsonb)")
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM jmd_execute_deletion_run(1, now()::timestamp)")
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM jmd_retention_files()")
    server_retention.reapply_erasures(profile, "dr.ada", PW["dl.ada"], [good], clock=CLOCK, policy=POLICY)
    assert _berta_ids(profile, "dr.") == ids[1:]


def test_deletion_through_server_sessions_uses_the_server_functions(pg_cluster: PgCluster, tmp_path: Path) -> None:
    """The desktop client's path: services.retention on server sessions (not the CLI's)."""
    profile = _office(pg_cluster, tmp_path / "profile", "dl_session", "ds.")
    ids = _berta_ids(profile, "ds.")
    tom = sign_in_server(profile, "ds.tom", PW["dl.tom"], clock=CLOCK, policy=POLICY)
    try:
        run_id = retention.propose_deletion(tom, ids[:1], "request")
    finally:
        tom.close()
    ada = sign_in_server(profile, "ds.ada", PW["dl.ada"], clock=CLOCK, policy=POLICY)
    try:
        assert retention.confirm_deletion(ada, run_id) == ids[:1]
        assert [r.status for r in retention.deletion_runs(ada)] == ["done"]
    finally:
        ada.close()
    assert _berta_ids(profile, "ds.") == ids[1:]
    assert (profile.parent / "erasure-lists" / f"dl_session-erasures-run-{run_id}.json").is_file()
