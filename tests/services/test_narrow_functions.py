"""The office server's narrow audited functions of revision 0013 (§3b): an admin imports files on
behalf of a counsellor she names, and the team lead sets and clears a legal hold on any file.
Both are checked through the program and, for the attacks, directly with the logins' own secrets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.audit_chain import AuditFilter
from jmd_desk.domain.errors import AuthError, StoreError, ValidationError
from jmd_desk.services import audit, clients, retention, server_cases
from jmd_desk.services.session import UserSession
from jmd_desk.store.server import connection
from jmd_desk.store.server.login import login_secret
from jmd_desk.store.server.profile import load_profile
from tests.conftest import PASSWORDS, POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.services.conftest import SERVER_DB


def _document(counsellors: list[str], n: int = 3, seed: int = 21) -> bytes:
    doc = generate_document(n, today=TODAY.date(), seed=seed, counsellors=counsellors)
    return json.dumps(doc).encode()


def _direct(profile: Path, user: str) -> psycopg.Connection:
    """A login's own connection, as someone with psql and her password would have it."""
    secret = login_secret(PASSWORDS[user], SERVER_DB, user)
    return connection.connect(load_profile(profile), user, secret)


def _privileged_log(cluster: PgCluster) -> list[tuple[str, str, str]]:
    with psycopg.connect(cluster.superuser_conninfo(SERVER_DB)) as su:
        return su.execute("SELECT login, action, subject FROM jmd_private.privileged_log ORDER BY id").fetchall()


@pytest.fixture
def signed_in(server_profile: Path, clock) -> Iterator:
    opened: list[UserSession] = []

    def sign_in(user: str) -> UserSession:
        opened.append(server_cases.sign_in_server(server_profile, user, PASSWORDS[user], clock=clock, policy=POLICY))
        return opened[-1]

    yield sign_in
    for session in opened:
        session.close()


def test_admin_imports_files_for_the_counsellor_she_names(
    server_profile: Path, services_cluster: PgCluster, signed_in, clock
) -> None:
    summary = server_cases.import_for_counsellor(
        server_profile, "it", PASSWORDS["it"], _document(["berta"]), "berta", clock=clock, policy=POLICY
    )
    assert summary.clients == 3
    berta, cem = signed_in("berta"), signed_in("cem")
    mine = clients.list_clients(berta)
    assert len(mine) == 3 and all(c.last_name for c in mine)  # sealed with the office key, opened here
    assert clients.list_clients(cem) == []
    assert ("it", "open_crossing:import_for", "berta") in _privileged_log(services_cluster)
    events = audit.audit_events(signed_in("admin"), AuditFilter(user="it"))
    assert {"data_imported", "client_imported"} <= {e.action for e in events}


def test_import_for_a_counsellor_takes_no_file_of_another(
    server_profile: Path, services_cluster: PgCluster, signed_in, clock
) -> None:
    with pytest.raises(ValidationError) as other:
        server_cases.import_for_counsellor(
            server_profile, "it", PASSWORDS["it"], _document(["berta", "cem"], n=4), "berta", clock=clock,
            policy=POLICY,
        )  # fmt: skip
    assert {e.code for e in other.value.errors} == {"import_for_other_counsellor"}
    with pytest.raises(AuthError) as counsellor:  # a counsellor imports only for herself
        server_cases.import_for_counsellor(
            server_profile, "berta", PASSWORDS["berta"], _document(["cem"]), "cem", clock=clock, policy=POLICY
        )
    assert counsellor.value.code == "not_permitted"
    with pytest.raises(StoreError) as no_counsellor:
        server_cases.import_for_counsellor(
            server_profile, "it", PASSWORDS["it"], _document(["lead"]), "lead", clock=clock, policy=POLICY
        )
    assert no_counsellor.value.code == "deputy_not_counsellor"
    assert clients.list_clients(signed_in("berta")) == [] and clients.list_clients(signed_in("cem")) == []


def test_import_for_refused_when_called_directly(server_profile: Path) -> None:
    with _direct(server_profile, "berta") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT jmd_open_import_for('berta')")
    with _direct(server_profile, "it") as conn:
        conn.execute("SELECT jmd_open_import_for('berta')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="import_for_other_counsellor"):
            conn.execute("INSERT INTO clients (counsellor) VALUES ('cem')")
    with _direct(server_profile, "it") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO clients (counsellor) VALUES ('berta')")  # no crossing opened: refused


def test_team_lead_sets_and_clears_a_legal_hold(
    server_profile: Path, services_cluster: PgCluster, signed_in, clock
) -> None:
    server_cases.import_own_files(
        server_profile, "berta", PASSWORDS["berta"], _document(["berta"], n=1), clock=clock, policy=POLICY
    )
    berta, lead = signed_in("berta"), signed_in("lead")
    client_id = clients.list_clients(berta)[0].id
    assert clients.list_clients(lead) == []  # the team lead reads no case row
    retention.set_legal_hold(lead, client_id, True)
    assert retention.legal_hold(lead, client_id) and retention.legal_hold(berta, client_id)
    retention.set_legal_hold(lead, client_id, False)
    assert not retention.legal_hold(berta, client_id)
    log = _privileged_log(services_cluster)
    assert ("lead", "legal_hold_set", str(client_id)) in log and ("lead", "legal_hold_cleared", str(client_id)) in log
    held = audit.audit_events(signed_in("admin"), AuditFilter(user="lead", action="legal_hold_changed"))
    assert [e.client_id for e in held] == [client_id, client_id]
    with pytest.raises(StoreError) as missing:
        retention.set_legal_hold(lead, 999_999, True)
    assert missing.value.code == "unknown_client"


def test_legal_hold_function_refuses_a_counsellor_calling_it_directly(server_profile: Path, clock) -> None:
    server_cases.import_own_files(
        server_profile, "berta", PASSWORDS["berta"], _document(["berta"], n=1), clock=clock, policy=POLICY
    )
    for user in ("berta", "cem"):
        with _direct(server_profile, user) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT jmd_set_legal_hold((SELECT min(id) FROM clients), true)")
    with _direct(server_profile, "cem") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT jmd_legal_hold(1)")
