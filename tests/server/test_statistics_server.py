"""Statistics on the office server (DESIGN §3b, §7): the same data in a local store and, moved in
with ``server import-store``, on the server give identical reports; only a team lead may count,
through the gated views, and every opening is logged on the server."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError
from jmd_desk.domain.statistics import Period
from jmd_desk.reports import bundle
from jmd_desk.services import (
    accounts,
    interchange,
    publication,
    retention,
    server_admin,
    server_retention,
    server_statistics,
    statistics,
)
from jmd_desk.services.server_cases import sign_in_server
from jmd_desk.store.server import connection, office
from jmd_desk.store.server.login import login_secret
from jmd_desk.store.server.profile import load_profile
from jmd_desk.store.server.statistics_sql import STATISTICS_VIEWS
from tests.cli.test_cli import run
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

LEAD, LEAD_PW = "st.lea", "Lea-Passwort-1"
COUNSELLORS = {"st.berta": "Berta-Passwort-1", "st.cem": "Cem-Passwort-12"}
LOCAL_PW = "Local-Admin-1"
QUARTERS = ("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3")
CLOCK = FixedClock(TODAY)


@dataclass(frozen=True)
class Office:
    """The same office twice: a local store and the server it moved into."""

    local: Path
    profile: Path
    database: str


def make_office(
    cluster: PgCluster, folder: Path, database: str, clients: int, seed: int = 5, prefix: str = "st."
) -> Office:
    """A local store with ``clients`` generated files of two counsellors, moved into a new server
    (logins are cluster-wide: each office of the tests has its own name ``prefix``)."""
    create_office_database(cluster, database)
    profile_path = write_profile(folder / "profile", cluster, database)
    profile = load_profile(profile_path)
    lead = prefix + LEAD.removeprefix("st.")
    counsellors = {prefix + name.removeprefix("st."): password for name, password in COUNSELLORS.items()}
    office.setup(profile, OWNER, OWNER_PASSWORD, office.NewAccount(lead, "Lea", frozenset(Role), LEAD_PW), POLICY)
    for name, password in counsellors.items():
        account = office.NewAccount(name, name, frozenset({Role.COUNSELLOR}), password)
        office.add_user(profile, lead, LEAD_PW, account, POLICY)
    local = folder / "local.jmd"
    admin, _ = accounts.create_store(local, lead, LOCAL_PW, clock=CLOCK, policy=POLICY)
    for name in counsellors:
        accounts.create_user(admin, name, name, frozenset({Role.COUNSELLOR}), "Local-Pw-1234")
    document = generate_document(clients, today=TODAY.date(), seed=seed, counsellors=list(counsellors))
    interchange.import_data(admin, json.dumps(document).encode())
    admin.close()
    moved = server_admin.import_store(profile_path, lead, LEAD_PW, local, lead, LOCAL_PW, clock=CLOCK, policy=POLICY)
    assert moved == clients
    return Office(local, profile_path, database)


def local_json(store: Path, period: Period, method: str, user: str = LEAD) -> bytes:
    session = accounts.sign_in(store, user, LOCAL_PW, clock=CLOCK, policy=POLICY)
    try:
        return statistics.export(session, period, "json", method=method)
    finally:
        session.close()


def server_json(profile: Path, period: Period, method: str, user: str = LEAD, password: str = LEAD_PW) -> bytes:
    return server_statistics.export_report(
        profile, user, password, period, "json", method=method, k=None, lang="de", clock=CLOCK, policy=POLICY
    )[0]


@pytest.fixture(scope="module")
def small(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Office:
    return make_office(pg_cluster, tmp_path_factory.mktemp("stats"), "st_small", clients=80)


@pytest.mark.parametrize("method", ["internal", "cell_key", "suppression"])
def test_the_server_counts_exactly_like_the_local_store(small: Office, method: str) -> None:
    for quarter in QUARTERS:
        period = Period.quarter(quarter)
        local = local_json(small.local, period, method)
        caseload = next(t for t in json.loads(local)["tables"] if t["id"] == "caseload")
        assert any(c["value"] for c in caseload["cells"]), quarter  # something to count
        assert server_json(small.profile, period, method) == local, (quarter, method)


def test_trend_and_bundle_agree_with_the_local_store(small: Office) -> None:
    session = accounts.sign_in(small.local, LEAD, LOCAL_PW, clock=CLOCK, policy=POLICY)
    try:
        local_trend = statistics.trend_export(session, "2025-Q4", "2026-Q3", "json")
        local_bundle = statistics.create_bundle(session, Period.quarter("2026-Q2"), "Statistik-Passwort-1")
    finally:
        session.close()
    server_trend = server_statistics.trend_export(small.profile, LEAD, LEAD_PW, "2025-Q4", "2026-Q3", "json",
                                                  method="cell_key", lang="de", clock=CLOCK, policy=POLICY)  # fmt: skip
    assert server_trend == local_trend
    period = Period.quarter("2026-Q2")
    server_bundle = server_statistics.create_bundle(small.profile, LEAD, LEAD_PW, period, "Statistik-Passwort-1",
                                                    clock=CLOCK, policy=POLICY)  # fmt: skip
    opened = [bundle.unseal(data, "Statistik-Passwort-1", period) for data in (local_bundle, server_bundle)]
    assert publication.raw_hash(opened[0][1]) == publication.raw_hash(opened[1][1])


def test_a_counsellor_may_not_count_the_office(small: Office, pg_cluster: PgCluster) -> None:
    with pytest.raises(AuthError) as refused:
        server_json(small.profile, Period.quarter("2026-Q2"), "internal", "st.berta", COUNSELLORS["st.berta"])
    assert refused.value.code == "not_permitted"
    # and the server itself refuses her, whatever the program does
    profile = load_profile(small.profile)
    secret = login_secret(COUNSELLORS["st.berta"], small.database, "st.berta")
    with connection.connect(profile, "st.berta", secret) as conn:
        for view in STATISTICS_VIEWS:
            assert conn.execute(f"SELECT count(*) FROM {view}").fetchone() == (0,), view
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT jmd_open_statistics('2026-04-01', '2026-06-30')")
        conn.rollback()
        for view in STATISTICS_VIEWS:  # the gate does not open for a counsellor's own transaction either
            assert conn.execute(f"SELECT count(*) FROM {view}").fetchone() == (0,), view


def test_the_views_hold_no_sealed_column_and_the_openings_are_logged(small: Office, pg_cluster: PgCluster) -> None:
    server_json(small.profile, Period.quarter("2026-Q1"), "internal")
    with psycopg.connect(pg_cluster.superuser_conninfo(small.database)) as su:
        columns = su.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_name LIKE 'jmd_stat_%'"
        ).fetchall()
        log = su.execute(
            "SELECT login, subject FROM jmd_private.privileged_log WHERE action = 'statistics_read'"
        ).fetchall()
        register = su.execute("SELECT user_name, output FROM published_reports").fetchall()
        audited = su.execute(
            "SELECT DISTINCT \"user\", action FROM audit_events WHERE action LIKE 'statistics%'"
        ).fetchall()
    sealed = {"first_name", "last_name", "phone", "email", "address", "guardian", "notes", "outcome", "title"}
    assert columns and not sealed & {c for _, c in columns}
    assert (LEAD, "2026-01-01..2026-03-31") in log
    assert (LEAD, "json") in register
    assert (LEAD, "statistics_published_json") in audited


def test_stats_on_the_server_from_the_command_line(small: Office, tmp_path: Path) -> None:
    out = tmp_path / "q2.json"
    result = run(["--server", str(small.profile), "stats", "--quarter", "2026-Q2", "--format", "json", "-o",
                  str(out), "--method", "internal", "--user", LEAD, "--password-stdin"],
                 tmp_path / "home", LEAD_PW + "\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == local_json(small.local, Period.quarter("2026-Q2"), "internal")
    refused = run(["--server", str(small.profile), "stats", "--quarter", "2026-Q2", "--format", "json", "-o",
                   str(tmp_path / "no.json"), "--user", "st.cem", "--password-stdin"],
                  tmp_path / "home", COUNSELLORS["st.cem"] + "\n")  # fmt: skip
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert not (tmp_path / "no.json").exists()


@pytest.mark.slow
def test_two_thousand_clients_move_in_and_count_the_same(pg_cluster: PgCluster, tmp_path: Path) -> None:
    """Acceptance 6 of issue 13: every record, audit and correction history arrives (the move-in
    compares the row counts of every table before committing) and ``stats`` is identical."""
    moved = make_office(pg_cluster, tmp_path, "st_large", clients=2000, seed=8, prefix="sl.")
    period = Period.quarter("2026-Q3")
    local = local_json(moved.local, period, "cell_key", "sl.lea")
    assert server_json(moved.profile, period, "cell_key", "sl.lea") == local


def test_the_server_finds_the_same_files_due_for_deletion(small: Office) -> None:
    session = accounts.sign_in(small.local, LEAD, LOCAL_PW, clock=CLOCK, policy=POLICY)
    try:
        local = [(f.client_number, f.last_closed_on, f.due_since) for f in retention.due_files(session)]
    finally:
        session.close()
    due = server_retention.due_files(small.profile, LEAD, LEAD_PW, clock=CLOCK, policy=POLICY)
    assert local and [(f.client_number, f.last_closed_on, f.due_since) for f in due] == local


def test_trend_and_bundle_on_the_server_from_the_command_line(small: Office, tmp_path: Path) -> None:
    home, server = tmp_path / "home", ["--server", str(small.profile)]
    trend = run([*server, "stats-trend", "--from-quarter", "2026-Q1", "--to-quarter", "2026-Q2", "--format", "json",
                 "-o", str(tmp_path / "trend.json"), "--user", LEAD, "--password-stdin"],
                home, LEAD_PW + "\n")  # fmt: skip
    assert trend.returncode == 0, trend.stderr
    assert json.loads((tmp_path / "trend.json").read_text())["format"] == "jmd-desk-statistics-trend"
    bundled = run([*server, "stats-bundle", "--quarter", "2026-Q2", "-o", str(tmp_path / "office.bundle"), "--user",
                   LEAD, "--password-stdin"], home, f"{LEAD_PW}\nStatistik-Passwort-1\n")  # fmt: skip
    assert bundled.returncode == 0, bundled.stderr
    merged = run(["stats-merge", str(tmp_path / "office.bundle"), "--quarter", "2026-Q2", "--format", "json", "-o",
                  str(tmp_path / "merged.json"), "--method", "suppression", "--passphrase-stdin"], home,
                 "Statistik-Passwort-1\n")  # fmt: skip
    assert merged.returncode == 0, merged.stderr
    assert json.loads((tmp_path / "merged.json").read_text())["method"] == "suppression"


def test_a_team_lead_session_on_the_server_counts_the_whole_office(small: Office) -> None:
    """The desktop client's path: the same use cases on a server session (not the CLI's)."""
    lead = sign_in_server(small.profile, LEAD, LEAD_PW, clock=CLOCK, policy=POLICY)
    try:
        for method in ("internal", "cell_key"):
            period = Period.quarter("2026-Q2")
            assert statistics.export(lead, period, "json", method=method) == local_json(small.local, period, method)
        due = [(f.client_number, f.due_since) for f in retention.due_files(lead)]
    finally:
        lead.close()
    session = accounts.sign_in(small.local, LEAD, LOCAL_PW, clock=CLOCK, policy=POLICY)
    try:
        assert due == [(f.client_number, f.due_since) for f in retention.due_files(session)]
    finally:
        session.close()
