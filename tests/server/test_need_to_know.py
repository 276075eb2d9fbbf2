"""Acceptance 2: need-to-know is enforced by PostgreSQL itself, checked with plain libpq/psql
connections as each person's own login (not through the program's services)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest

from jmd_desk.domain.codes import Role
from jmd_desk.store.server import office
from jmd_desk.store.server.login import login_secret
from jmd_desk.store.server.profile import ServerProfile, load_profile
from jmd_desk.store.server.security_sql import CASE_TABLES
from tests.conftest import POLICY
from tests.pg_cluster import PgCluster
from tests.server.conftest import OWNER, OWNER_PASSWORD, create_office_database, write_profile

DB = "need_to_know"
C = frozenset({Role.COUNSELLOR})
PEOPLE = {
    # login: (roles, password)
    "nk.ada": (frozenset(Role), "Ada-Passwort-1"),
    "nk.anna": (C, "Anna-Passwort-1"),
    "nk.bea": (C, "Bea-Passwort-1"),
    "nk.lead": (frozenset({Role.TEAM_LEAD}), "Lead-Passwort-1"),
    "nk.it": (frozenset({Role.ADMIN}), "It-Passwort-123"),
}


@dataclass(frozen=True)
class Office:
    profile: ServerProfile
    cluster: PgCluster

    def conninfo(self, login: str) -> str:
        """Exactly what psql would use: the login's own derived secret, TLS verified."""
        secret = login_secret(PEOPLE[login][1], DB, login)
        return (
            f"host=localhost port={self.cluster.port} dbname={DB} user={login} password={secret} "
            f"sslmode=verify-full sslrootcert={self.cluster.ca_file}"
        )

    def connect(self, login: str) -> psycopg.Connection:
        return psycopg.connect(self.conninfo(login), autocommit=True)


def _add_case_data(conn: psycopg.Connection, counsellor: str) -> None:
    """One row in every case-data table for a client of ``counsellor`` (as that counsellor)."""
    client = conn.execute(
        "INSERT INTO clients (client_number, first_name, last_name, date_of_birth, dob_estimated, gender,"
        " country_of_birth, nationalities, languages, residence_status, german_level, counsellor, legal_hold,"
        " search_key, created_at, updated_at, record_key) VALUES (%s, 'x', 'y', '2008-01-01', false, 'female', 'SY',"
        " 'SY', 'ar', 'unknown', 'A1', %s, false, '', now(), now(), 1) RETURNING id",
        (f"2026-{abs(hash(counsellor)) % 9000 + 1000}", counsellor),
    ).fetchone()[0]
    case = conn.execute(
        "INSERT INTO cases (client_id, case_type, opened_on, record_key) VALUES (%s, 'counselling', '2026-01-05', 2)"
        " RETURNING id",
        (client,),
    ).fetchone()[0]
    goal = conn.execute(
        "INSERT INTO goals (case_id, area, title, status, responsible, record_key) VALUES (%s, 'school', 't', 'open',"
        " '', 3) RETURNING id",
        (case,),
    ).fetchone()[0]
    partner = conn.execute("INSERT INTO partners (name, partner_type, active, search_key) VALUES ('p', 'school',"
                           " true, '') RETURNING id").fetchone()[0]  # fmt: skip
    conn.execute("INSERT INTO goal_status_history (goal_id, valid_from, status) VALUES (%s, NULL, 'open')", (goal,))
    conn.execute("INSERT INTO contacts (case_id, date, minutes, mode, participants, topics, interpreter, notes,"
                 " record_key) VALUES (%s, '2026-01-06', 30, 'phone', '', '', false, 'n', 4)", (case,))  # fmt: skip
    conn.execute("INSERT INTO referrals (case_id, partner_id, date, area, status, record_key) VALUES (%s, %s,"
                 " '2026-01-07', 'school', 'open', 5)", (case, partner))  # fmt: skip
    conn.execute("INSERT INTO progress_entries (client_id, field, value, \"on\") VALUES (%s, 'german_level', 'A2',"
                 " '2026-03-01')", (client,))  # fmt: skip
    conn.execute("INSERT INTO documents (client_id, title, kind, file_name, media_type, added_on, size, content)"
                 " VALUES (%s, 't', 'letter', 'f.pdf', 'application/pdf', '2026-03-01', 1, 'x')",
                 (client,))  # fmt: skip
    conn.execute("INSERT INTO appointments (case_id, starts_at, minutes, mode, status) VALUES (%s, '2026-03-02 10:00',"
                 " 30, 'in_person', 'planned')", (case,))  # fmt: skip
    offer = conn.execute("INSERT INTO group_offers (title, kind, areas, starts_on, participants_by_gender,"
                         " participants_by_age_group, record_key) VALUES ('g', 'course', '', '2026-01-01', '{}', '{}',"
                         " 6) RETURNING id").fetchone()[0]  # fmt: skip
    conn.execute("INSERT INTO group_offer_clients (group_offer_id, client_id) VALUES (%s, %s)", (offer, client))
    conn.execute("INSERT INTO follow_ups (case_id, due_on, text, done) VALUES (%s, '2026-02-01', 'f', false)", (case,))
    conn.execute("INSERT INTO consents (client_id, scope, given_by, given_on) VALUES (%s, 'statistics', 'young_person',"
                 " '2026-01-05')", (client,))  # fmt: skip
    conn.execute("INSERT INTO client_changes (client_id, changed_at, \"user\", field, old_value, new_value)"
                 " VALUES (%s, now(), %s, 'phone', 'a', 'b')", (client, counsellor))  # fmt: skip


@pytest.fixture(scope="module")
def office_db(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    create_office_database(pg_cluster, DB)
    profile = load_profile(write_profile(tmp_path_factory.mktemp("nk"), pg_cluster, DB))
    admin_roles, admin_password = PEOPLE["nk.ada"]
    office.setup(
        profile, OWNER, OWNER_PASSWORD, office.NewAccount("nk.ada", "Ada", admin_roles, admin_password), POLICY
    )
    for login, (roles, password) in PEOPLE.items():
        if login != "nk.ada":
            office.add_user(profile, "nk.ada", admin_password, office.NewAccount(login, login, roles, password), POLICY)
    the_office = Office(profile, pg_cluster)
    with the_office.connect("nk.anna") as anna:
        _add_case_data(anna, "nk.anna")
    yield the_office


def _counts(conn: psycopg.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in CASE_TABLES}


def test_counsellor_reads_her_own_clients(office_db: Office) -> None:
    with office_db.connect("nk.anna") as anna:
        assert all(n >= 1 for n in _counts(anna).values())


@pytest.mark.parametrize("login", ["nk.bea", "nk.lead", "nk.it"])
def test_others_read_no_case_row(office_db: Office, login: str) -> None:
    with office_db.connect(login) as conn:
        assert _counts(conn) == dict.fromkeys(CASE_TABLES, 0)


def test_colleague_can_write_none(office_db: Office) -> None:
    with office_db.connect("nk.anna") as anna:
        client_id = anna.execute("SELECT id FROM clients").fetchone()[0]
        case_id = anna.execute("SELECT id FROM cases").fetchone()[0]
    with office_db.connect("nk.bea") as bea:
        for table, parent in CASE_TABLES.items():
            column = parent[0] if parent else "counsellor"
            assert bea.execute(f"UPDATE {table} SET {column} = {column}").rowcount == 0
            assert bea.execute(f"DELETE FROM {table}").rowcount == 0
        assert bea.execute("UPDATE clients SET counsellor = 'nk.bea' WHERE id = %s", (client_id,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bea.execute("INSERT INTO contacts (case_id, date, minutes, mode, participants, topics, interpreter)"
                        " VALUES (%s, '2026-03-01', 5, 'phone', '', '', false)", (case_id,))  # fmt: skip
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _add_case_data(bea, "nk.anna")  # a client in Anna's name
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bea.execute("INSERT INTO deputies (username, deputy) VALUES ('nk.anna', 'nk.bea')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bea.execute("SELECT jmd_set_deputy('nk.anna', 'nk.bea', true)")
    with office_db.connect("nk.anna") as anna:
        assert _counts(anna)["contacts"] == 1


def test_admin_only_account_cannot_create_case_rows(office_db: Office) -> None:
    with office_db.connect("nk.it") as it, pytest.raises(psycopg.errors.InsufficientPrivilege):
        _add_case_data(it, "nk.it")


def test_after_deputising_the_deputy_reads_and_writes(office_db: Office) -> None:
    with office_db.connect("nk.anna") as anna:
        anna.execute("SELECT jmd_set_deputy('nk.anna', 'nk.bea', true)")
        expected = _counts(anna)
    try:
        with office_db.connect("nk.bea") as bea:
            assert _counts(bea) == expected
            assert bea.execute("UPDATE follow_ups SET done = true").rowcount == 1
    finally:
        with office_db.connect("nk.anna") as anna:
            anna.execute("SELECT jmd_set_deputy('nk.anna', 'nk.bea', false)")
    with office_db.connect("nk.bea") as bea:
        assert _counts(bea) == dict.fromkeys(CASE_TABLES, 0)


@pytest.mark.parametrize("login", list(PEOPLE))
def test_audit_is_insert_only_for_every_login(office_db: Office, login: str) -> None:
    with office_db.connect(login) as conn:
        for statement in ("UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events",
                          "TRUNCATE audit_events"):  # fmt: skip
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        risky = conn.execute(
            "SELECT count(*) FROM pg_roles r WHERE r.rolname IN ('pg_write_all_data', 'pg_read_all_data',"
            " 'pg_write_server_files', 'pg_execute_server_program') AND pg_has_role(current_user, r.oid, 'MEMBER')"
        ).fetchone()[0]
        assert risky == 0
        own = conn.execute(
            "SELECT rolsuper OR rolcreaterole OR rolbypassrls FROM pg_roles WHERE rolname = current_user"
        )
        assert own.fetchone()[0] is False


def test_with_the_psql_client_itself(office_db: Office) -> None:
    psql = office_db.cluster.bin_dir / "psql"
    if not psql.exists():
        pytest.skip("psql is not installed")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    for login, expected in (("nk.bea", "0"), ("nk.anna", "1")):
        result = subprocess.run(
            [str(psql), "-X", "-A", "-t", "-d", office_db.conninfo(login), "-c", "SELECT count(*) FROM clients"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.strip() == expected


def test_logins_of_other_offices_cannot_connect(office_db: Office) -> None:
    with psycopg.connect(office_db.cluster.superuser_conninfo(), autocommit=True) as su:
        su.execute("DROP ROLE IF EXISTS nk_outsider")
        su.execute("CREATE ROLE nk_outsider LOGIN PASSWORD 'Outsider-Pw-1'")
    outsider = (
        f"host=localhost port={office_db.cluster.port} dbname={DB} user=nk_outsider password=Outsider-Pw-1 "
        f"sslmode=verify-full sslrootcert={office_db.cluster.ca_file}"
    )
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        psycopg.connect(outsider)
