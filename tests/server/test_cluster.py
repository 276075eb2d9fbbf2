"""The test cluster itself is what the README asks the office IT for: TLS and SCRAM only."""

from __future__ import annotations

import psycopg
import pytest

from tests.pg_cluster import PgCluster


def test_superuser_session_is_encrypted(pg_cluster: PgCluster) -> None:
    with psycopg.connect(pg_cluster.superuser_conninfo()) as conn:
        ssl, version = conn.execute("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
        method = conn.execute("SHOW password_encryption").fetchone()[0]
    assert ssl is True
    assert version.startswith("TLSv1.")
    assert method == "scram-sha-256"


def test_plaintext_login_is_refused_by_the_server(pg_cluster: PgCluster) -> None:
    plain = pg_cluster.superuser_conninfo().replace("sslmode=verify-full", "sslmode=disable")
    with pytest.raises(psycopg.OperationalError, match="no encryption"):
        psycopg.connect(plain)
