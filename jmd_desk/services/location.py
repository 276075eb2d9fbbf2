"""Warn when a store lies on a network drive."""

from __future__ import annotations

from pathlib import Path

from jmd_desk.domain.errors import JmdError
from jmd_desk.store.location import network_filesystem


def network_warning(path: Path, mounts: str | None = None) -> JmdError | None:
    """A warning (not an error) when ``path`` is on a network file system."""
    fs_type = network_filesystem(path.parent if not path.exists() else path, mounts)
    return JmdError("store_on_network", fs=fs_type) if fs_type else None
