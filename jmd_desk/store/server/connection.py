"""Connections to the office server: TLS verify-full against the profile's CA, SCRAM only.

The security settings are given explicitly and ``PG*`` variables are removed from the process
before connecting, so nothing about the server comes from the environment (a stray ``PGSERVICE``
must not redirect the connection, a ``PGSSLCRL`` or ``PGOPTIONS`` must not change it).
"""

from __future__ import annotations

import os
from typing import Any

import psycopg

from jmd_desk.domain.errors import AuthError, StoreError
from jmd_desk.store.server.profile import ServerProfile

CONNECT_TIMEOUT_S = 10
SCRAM = b"scram-sha-256"

# libpq's error text -> our code (first match wins).
_ERROR_CODES = (
    ("server does not support ssl", "server_no_tls"),
    ("no encryption", "server_no_tls"),
    ("does not match host name", "server_certificate_mismatch"),
    ("certificate verify failed", "server_certificate_untrusted"),
    ("could not read root certificate", "server_ca_unreadable"),
    ("root certificate file", "server_ca_unreadable"),
    ("authentication method requirement", "server_auth_weak"),
    ("channel binding", "server_auth_weak"),
    ("password authentication failed", "wrong_credentials"),
    ("not permitted to log in", "wrong_credentials"),  # a disabled login: no more than for a wrong password
    ("does not exist", "wrong_credentials"),  # unknown role or database: say no more than for a wrong password
    ("timeout expired", "server_unreachable"),
    ("connection refused", "server_unreachable"),
    ("could not translate host name", "server_unreachable"),
    ("no route to host", "server_unreachable"),
)


def classify(exc: BaseException) -> StoreError | AuthError:
    """A specific error for a failed connection; never the server's text (it may name people)."""
    text = str(exc).lower()
    for needle, code in _ERROR_CODES:
        if needle in text:
            return AuthError(code) if code == "wrong_credentials" else StoreError(code)
    return StoreError("server_error", detail=type(exc).__name__)


def forget_pg_environment() -> None:
    """Remove ``PG*`` variables from this process: libpq reads every one not set explicitly
    (``PGSERVICE`` even when a service keyword is given empty), so they are dropped, not overridden."""
    for name in [n for n in os.environ if n.startswith("PG")]:
        del os.environ[name]


def conninfo(profile: ServerProfile, user: str, secret: str, application: str = "JMD Desk") -> dict[str, Any]:
    """The full set of libpq parameters for one login (nothing left for the environment)."""
    return dict(
        host=profile.host,
        port=str(profile.port),
        dbname=profile.database,
        user=user,
        password=secret,
        sslmode="verify-full",
        sslrootcert=str(profile.ca_file),
        require_auth="scram-sha-256",
        channel_binding="require",
        connect_timeout=str(CONNECT_TIMEOUT_S),
        application_name=application,
        client_encoding="UTF8",
        options="-c search_path=public -c jit=off",  # JIT: see planner_sql (also set on the database)
        sslcert="",  # no client certificate: the login is the person's SCRAM secret
        sslkey="",
        gssencmode="disable",
        target_session_attrs="any",
    )


def connect(profile: ServerProfile, user: str, secret: str, *, autocommit: bool = False) -> psycopg.Connection:
    """Open one verified, SCRAM-authenticated connection; translate failures to typed errors."""
    forget_pg_environment()
    try:
        return psycopg.connect(**conninfo(profile, user, secret), autocommit=autocommit)
    except psycopg.Error as exc:
        raise classify(exc) from exc


def scram_verifier(conn: psycopg.Connection, user: str, secret: str) -> str:
    """A SCRAM-SHA-256 verifier computed on this workstation by libpq (``PQencryptPasswordConn``).

    ``ALTER ROLE … PASSWORD '<verifier>'`` stores it as is; the secret never reaches the server.
    """
    verifier = conn.pgconn.encrypt_password(secret.encode("utf-8"), user.encode("utf-8"), SCRAM)
    return verifier.decode("ascii")
