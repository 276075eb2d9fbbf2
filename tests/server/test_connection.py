"""Profiles, the login secret contract, TLS verify-full and SCRAM-only logins."""

from __future__ import annotations

import base64
import hashlib
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from cryptography.hazmat.primitives import serialization

from jmd_desk.domain.errors import AuthError, StoreError
from jmd_desk.store.server import connection
from jmd_desk.store.server.login import login_salt, login_secret
from jmd_desk.store.server.profile import load_profile
from jmd_desk.texts.messages import message
from tests.pg_cluster import PgCluster, make_ca, start_cluster
from tests.server.conftest import write_profile

PASSWORD = "Grüße-aus-Köln-1"


@pytest.fixture(scope="module")
def plain_cluster() -> Iterator[PgCluster]:
    """A second cluster that speaks no TLS at all."""
    cluster = start_cluster(tls=False)
    yield cluster
    cluster.stop()


@pytest.fixture(scope="module")
def login_role(pg_cluster: PgCluster) -> str:
    """A login whose password was set only as a verifier computed here."""
    secret = login_secret(PASSWORD, "postgres", "paula")
    with psycopg.connect(pg_cluster.superuser_conninfo(), autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS paula")
        conn.execute("CREATE ROLE paula LOGIN")
        verifier = connection.scram_verifier(conn, "paula", secret)
        conn.execute(psycopg.sql.SQL("ALTER ROLE paula PASSWORD {}").format(psycopg.sql.Literal(verifier)))
    return verifier


def test_login_secret_follows_the_contract() -> None:
    expected_salt = hashlib.sha256(b"jmd-desk-login\x00office\x00berta").digest()[:16]
    assert login_salt("office", "berta") == expected_salt
    secret = login_secret("Passwort-ä", "office", "berta")
    assert "=" not in secret
    assert len(base64.urlsafe_b64decode(secret + "=")) == 32
    decomposed = unicodedata.normalize("NFD", "Passwort-ä")
    assert login_secret(decomposed, "office", "berta") == secret
    assert login_secret("Passwort-ä", "office", "cem") != secret
    assert login_secret("Passwort-ä", "office2", "berta") != secret


def test_verifier_is_stored_as_given_and_the_secret_logs_in(
    pg_cluster: PgCluster, login_role: str, tmp_path: Path
) -> None:
    assert login_role.startswith("SCRAM-SHA-256$4096:")
    with psycopg.connect(pg_cluster.superuser_conninfo()) as conn:
        stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'paula'").fetchone()[0]
    assert stored == login_role
    profile = load_profile(write_profile(tmp_path, pg_cluster, "postgres"))
    secret = login_secret(PASSWORD, "postgres", "paula")
    with connection.connect(profile, "paula", secret) as conn:
        ssl = conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[0]
        assert ssl is True
    log = pg_cluster.log_file.read_text(errors="replace")
    assert secret not in log
    assert PASSWORD not in log


def test_wrong_password_is_an_auth_error(pg_cluster: PgCluster, login_role: str, tmp_path: Path) -> None:
    profile = load_profile(write_profile(tmp_path, pg_cluster, "postgres"))
    with pytest.raises(AuthError) as caught:
        connection.connect(profile, "paula", login_secret("wrong", "postgres", "paula"))
    assert caught.value.code == "wrong_credentials"


def test_plaintext_server_is_refused(plain_cluster: PgCluster, tmp_path: Path, pg_cluster: PgCluster) -> None:
    profile = load_profile(write_profile(tmp_path, plain_cluster, "postgres", ca=pg_cluster.ca_file))
    with pytest.raises(StoreError) as caught:
        connection.connect(profile, "jmd_super", "irrelevant")
    assert caught.value.code == "server_no_tls"
    assert "verschlüsselt" in message(caught.value)


def test_untrusted_certificate_is_refused(pg_cluster: PgCluster, tmp_path: Path) -> None:
    _, other_ca = make_ca("Some other CA")
    other = tmp_path / "other-ca.crt"
    other.write_bytes(other_ca.public_bytes(serialization.Encoding.PEM))
    profile = load_profile(write_profile(tmp_path / "p", pg_cluster, "postgres", ca=other))
    with pytest.raises(StoreError) as caught:
        connection.connect(profile, "paula", "irrelevant")
    assert caught.value.code == "server_certificate_untrusted"
    assert "Zertifikat" in message(caught.value)


def test_certificate_for_another_name_is_refused(pg_cluster: PgCluster, tmp_path: Path) -> None:
    profile = load_profile(write_profile(tmp_path, pg_cluster, "postgres", host="127.0.0.1"))
    with pytest.raises(StoreError) as caught:
        connection.connect(profile, "paula", "irrelevant")
    assert caught.value.code == "server_certificate_mismatch"


def test_pg_environment_cannot_redirect_or_weaken(
    pg_cluster: PgCluster, login_role: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in {"PGSERVICE": "elsewhere", "PGSSLMODE": "disable", "PGHOST": "192.0.2.1",
                        "PGOPTIONS": "-c statement_timeout=1", "PGSSLROOTCERT": "/nonexistent"}.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    profile = load_profile(write_profile(tmp_path, pg_cluster, "postgres"))
    with connection.connect(profile, "paula", login_secret(PASSWORD, "postgres", "paula")) as conn:
        assert conn.execute("SHOW statement_timeout").fetchone()[0] == "0"


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"format": "other"}, "server_profile_invalid", "format"),
        ({"version": 2}, "server_profile_version", None),
        ({"port": "5432"}, "server_profile_invalid", "port"),
        ({"port": 70000}, "server_profile_invalid", "port"),
        ({"host": "a b"}, "server_profile_invalid", "host"),
        ({"database": "x; DROP"}, "server_profile_invalid", "database"),
        ({"password": "no secrets here"}, "server_profile_invalid", "password"),
        ({"ca_file": "missing.crt"}, "server_ca_missing", None),
    ],
)
def test_bad_profiles_are_refused(tmp_path: Path, change: dict, code: str, field: str | None) -> None:
    (tmp_path / "ca.crt").write_text("x")
    raw = {"format": "jmd-desk-server", "version": 1, "host": "db.office.example", "port": 5432,
           "database": "jmd", "ca_file": "ca.crt"}  # fmt: skip
    raw.update(change)
    path = tmp_path / "p.json"
    path.write_text(json.dumps(raw))
    with pytest.raises(StoreError) as caught:
        load_profile(path)
    assert caught.value.code == code
    if field:
        assert caught.value.params["path"] == field
    assert message(caught.value)


def test_profile_that_is_not_json_or_too_big(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    for content in (b"\xff\xfe", b"[1]", b"{" * 100_000):
        path.write_bytes(content)
        with pytest.raises(StoreError) as caught:
            load_profile(path)
        assert caught.value.code == "server_profile_invalid"
