"""The throwaway TLS PostgreSQL cluster, started once per session for the server tests."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from tests.pg_cluster import PgCluster, find_bin_dir, start_cluster


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A running PostgreSQL ≥ 15 with TLS and SCRAM only (skipped when the binaries are missing)."""
    if find_bin_dir() is None:
        pytest.skip("PostgreSQL server binaries (Debian package postgresql) are not installed")
    cluster = start_cluster(tls=True)
    yield cluster
    cluster.stop()


def write_profile(
    folder: Path, cluster: PgCluster, database: str, host: str = "localhost", ca: Path | None = None
) -> Path:
    """A connection profile for ``database`` on the cluster, with a copy of the CA beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ca or cluster.ca_file, folder / "office-ca.crt")
    profile = {"format": "jmd-desk-server", "version": 1, "host": host, "port": cluster.port,
               "database": database, "ca_file": "office-ca.crt"}  # fmt: skip
    path = folder / "office.jmd-server"
    path.write_text(json.dumps(profile))
    return path


OWNER = "jmd_owner"
OWNER_PASSWORD = "Owner-Passwort-7"  # the office IT's login; not a JMD Desk account


def create_office_database(cluster: PgCluster, database: str) -> None:
    """What the office IT does: an owner login with CREATEROLE and an empty database it owns."""
    with psycopg.connect(cluster.superuser_conninfo(), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (OWNER,)).fetchone()
        if not exists:
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD {}").format(
                    sql.Identifier(OWNER), sql.Literal(OWNER_PASSWORD)
                )
            )
        conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(database), sql.Identifier(OWNER)))
