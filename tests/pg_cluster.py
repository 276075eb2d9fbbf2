"""A throwaway PostgreSQL cluster with TLS for the server tests.

``initdb``/``pg_ctl`` refuse to run as root, so as root the cluster belongs to ``nobody`` in a
temporary folder it owns. A CA and a server certificate (SAN localhost only, so 127.0.0.1 is a
name mismatch) are made with ``cryptography``; the server accepts only ``hostssl`` SCRAM-SHA-256 logins on 127.0.0.1 and
logs every statement (so tests can search the log for personal data).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

BIN_CANDIDATES = [Path(f"/usr/lib/postgresql/{v}/bin") for v in (18, 17, 16, 15)]
SUPERUSER = "jmd_super"
SUPERUSER_PASSWORD = "super-secret-Δ-1"


def find_bin_dir() -> Path | None:
    """The newest installed PostgreSQL ≥ 15 server binaries, or None."""
    for folder in BIN_CANDIDATES:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def make_ca(common: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A self-signed CA valid for a day."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common))
        .issuer_name(_name(common))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def make_server_cert(
    ca_key: ec.EllipticCurvePrivateKey, ca_cert: x509.Certificate, names: list[str]
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A server certificate signed by the CA for the given DNS names / IP addresses."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    alt: list[x509.GeneralName] = []
    for name in names:
        try:
            alt.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alt.append(x509.DNSName(name))
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(names[0]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(alt), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


@dataclass
class PgCluster:
    """A running throwaway cluster. ``ca_file`` verifies its certificate."""

    bin_dir: Path
    root: Path
    port: int
    tls: bool
    host: str = "localhost"

    @property
    def data_dir(self) -> Path:
        """PGDATA."""
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        """The server log (every statement)."""
        return self.root / "server.log"

    @property
    def ca_file(self) -> Path:
        """The CA certificate the profile points to."""
        return self.root / "ca.crt"

    def superuser_conninfo(self, dbname: str = "postgres") -> str:
        """libpq connection string for the cluster's superuser (verify-full when TLS is on)."""
        ssl = f"sslmode=verify-full sslrootcert={self.ca_file}" if self.tls else "sslmode=disable"
        return (
            f"host={self.host} port={self.port} dbname={dbname} user={SUPERUSER} password='{SUPERUSER_PASSWORD}' {ssl}"
        )

    def run_tool(self, tool: str, *args: str) -> subprocess.CompletedProcess[bytes]:
        """Run a client tool (pg_dump, psql) of the cluster's version as the test's user."""
        env = {"PATH": "/usr/bin:/bin", "PGPASSWORD": SUPERUSER_PASSWORD, "PGSSLROOTCERT": str(self.ca_file)}
        return subprocess.run([str(self.bin_dir / tool), *args], env=env, capture_output=True, check=True)

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        _as_owner(
            self, [str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "stop"], check=False
        )
        shutil.rmtree(self.root, ignore_errors=True)


def _owner() -> pwd.struct_passwd | None:
    """As root the cluster belongs to ``nobody``; otherwise to the current user."""
    return pwd.getpwnam("nobody") if os.geteuid() == 0 else None


def _as_owner(cluster: PgCluster, cmd: list[str], check: bool = True) -> subprocess.CompletedProcess[bytes]:
    owner = _owner()
    if owner is not None:
        cmd = [
            shutil.which("runuser", path="/usr/sbin:/sbin:/usr/bin:/bin") or "runuser",
            "-u",
            owner.pw_name,
            "--",
            *cmd,
        ]
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL": "C.UTF-8", "HOME": str(cluster.root)}
    return subprocess.run(cmd, env=env, capture_output=True, check=check, cwd=cluster.root)


def _write_certificates(root: Path) -> None:
    ca_key, ca_cert = make_ca("JMD Desk Test CA")
    key, cert = make_server_cert(ca_key, ca_cert, ["localhost"])
    (root / "ca.crt").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    (root / "server.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (root / "server.key").write_bytes(_pem_key(key))
    os.chmod(root / "server.key", 0o600)


def _configure(cluster: PgCluster, like_debian: bool) -> None:
    settings = [
        "listen_addresses = '127.0.0.1'",
        f"port = {cluster.port}",
        "unix_socket_directories = ''",
        "password_encryption = 'scram-sha-256'",
        "log_min_messages = 'info'",
        "max_connections = 60",
    ]
    if like_debian:  # a benchmark: Debian's defaults (no statement log, 128 MB cache, fsync)
        settings += ["shared_buffers = '128MB'"]
    else:  # tests: every statement in the log (searched for personal data), no fsync
        settings += ["log_statement = 'all'", "fsync = off", "shared_buffers = '32MB'"]
    if cluster.tls:
        settings += [
            "ssl = on",
            f"ssl_cert_file = '{cluster.root / 'server.crt'}'",
            f"ssl_key_file = '{cluster.root / 'server.key'}'",
        ]
    with (cluster.data_dir / "postgresql.conf").open("a") as conf:
        conf.write("\n".join(settings) + "\n")
    kind = "hostssl" if cluster.tls else "host"
    (cluster.data_dir / "pg_hba.conf").write_text(f"{kind} all all 127.0.0.1/32 scram-sha-256\n")


def start_cluster(tls: bool = True, like_debian: bool = False) -> PgCluster:
    """initdb, configure and start a cluster; raise RuntimeError with the tool's output on failure.

    ``like_debian``: the settings of a freshly installed Debian server, for benchmarks."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL server binaries not found")
    root = Path(tempfile.mkdtemp(prefix="jmd-pg-"))
    cluster = PgCluster(bin_dir, root, _free_port(), tls)
    if tls:
        _write_certificates(root)
    (root / "pwfile").write_text(SUPERUSER_PASSWORD + "\n")
    owner = _owner()
    if owner is not None:
        for path in [root, *root.iterdir()]:
            os.chown(path, owner.pw_uid, owner.pw_gid)
    initdb = [str(bin_dir / "initdb"), "-D", str(cluster.data_dir), "-U", SUPERUSER, "--pwfile", str(root / "pwfile")]
    try:
        _as_owner(cluster, [*initdb, "-A", "scram-sha-256", "-E", "UTF8", "--no-sync"])
        _configure(cluster, like_debian)
        pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(cluster.data_dir), "-l", str(cluster.log_file), "-w", "start"]
        _as_owner(cluster, pg_ctl)
    except subprocess.CalledProcessError as exc:
        log = cluster.log_file.read_text(errors="replace") if cluster.log_file.exists() else ""
        cluster.stop()
        raise RuntimeError(f"cluster failed: {exc.stderr.decode(errors='replace')} {log}") from None
    except OSError as exc:  # a tool missing (runuser): remove the folder with the test CA key too
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"cluster failed: {exc}") from None
    (root / "pwfile").unlink()
    return cluster
