"""Connection profiles: a small JSON file without secrets that names the office server.

``{"format": "jmd-desk-server", "version": 1, "host", "port", "database", "ca_file"}`` with
``ca_file`` relative to the profile. Everything about the server comes from here, never from
``PG*`` environment variables.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jmd_desk.domain.errors import StoreError

FORMAT = "jmd-desk-server"
VERSION = 1
MAX_PROFILE_BYTES = 64 * 1024
_KEYS = {"format", "version", "host", "port", "database", "ca_file"}
_HOST = re.compile(r"^[A-Za-z0-9.\-:\[\]]{1,253}$")
_DATABASE = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]{0,62}$")


@dataclass(frozen=True)
class ServerProfile:
    """Where the office server is and which CA vouches for it."""

    path: Path
    host: str
    port: int
    database: str
    ca_file: Path

    def to_json(self) -> dict[str, Any]:
        """The profile as written to its file (``ca_file`` relative to the profile)."""
        try:
            ca = str(self.ca_file.relative_to(self.path.parent))
        except ValueError:
            ca = str(self.ca_file)
        return {"format": FORMAT, "version": VERSION, "host": self.host, "port": self.port,
                "database": self.database, "ca_file": ca}  # fmt: skip


def _invalid(field: str) -> StoreError:
    return StoreError("server_profile_invalid", path=field)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PROFILE_BYTES + 1)
    except OSError:
        raise StoreError("server_profile_unreadable", path=str(path)) from None
    if len(data) > MAX_PROFILE_BYTES:
        raise _invalid("$")
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _invalid("$") from None
    if not isinstance(raw, dict):
        raise _invalid("$")
    return raw


def _check_fields(raw: dict[str, Any]) -> None:
    if raw.get("format") != FORMAT:
        raise _invalid("format")
    if raw.get("version") != VERSION:
        raise StoreError("server_profile_version", version=str(raw.get("version")))
    for key in sorted(set(raw) - _KEYS):
        raise _invalid(key)
    if not isinstance(raw.get("host"), str) or not _HOST.match(raw["host"]):
        raise _invalid("host")
    port = raw.get("port")
    if not isinstance(port, int) or isinstance(port, bool) or not 1 <= port <= 65535:
        raise _invalid("port")
    if not isinstance(raw.get("database"), str) or not _DATABASE.match(raw["database"]):
        raise _invalid("database")
    if not isinstance(raw.get("ca_file"), str) or not raw["ca_file"] or len(raw["ca_file"]) > 1000:
        raise _invalid("ca_file")


def load_profile(path: Path) -> ServerProfile:
    """Read and check a profile; the CA file must exist."""
    raw = _read(path)
    _check_fields(raw)
    ca_file = (path.parent / raw["ca_file"]).resolve()
    if not ca_file.is_file():
        raise StoreError("server_ca_missing", path=str(ca_file))
    return ServerProfile(path.resolve(), raw["host"], raw["port"], raw["database"], ca_file)
