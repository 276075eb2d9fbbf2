"""The throwaway TLS PostgreSQL cluster, started once per session for the server tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.pg_cluster import PgCluster, find_bin_dir, start_cluster


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A running PostgreSQL ≥ 15 with TLS and SCRAM only (skipped when the binaries are missing)."""
    if find_bin_dir() is None:
        pytest.skip("PostgreSQL server binaries (Debian package postgresql) are not installed")
    cluster = start_cluster(tls=True)
    yield cluster
    cluster.stop()
