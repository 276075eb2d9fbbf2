"""What the About dialog and support need to know: versions and folders."""

from __future__ import annotations

import platform
from importlib import metadata

from jmd_desk import __version__
from jmd_desk.services.session import UserSession
from jmd_desk.store.server.server_store import ServerStore

_DISTRIBUTIONS = ("PySide6-Essentials", "SQLAlchemy", "alembic", "sqlcipher3", "cryptography", "reportlab")


def component_versions(session: UserSession | None) -> list[tuple[str, str]]:
    """(component, version) of the program and what it is built on."""
    rows = [("JMD Desk", __version__), ("Python", platform.python_version())]
    for name in _DISTRIBUTIONS:
        try:
            rows.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            rows.append((name, "?"))
    if session is not None and session.store.is_unlocked and not session.on_server:
        rows += sorted(session.local_store.engine_versions().items())
    return rows


def store_location(session: UserSession) -> str:
    """Where the session's data are: the store file, or the office server's profile file."""
    store = session.store
    return str(store.profile.path if isinstance(store, ServerStore) else session.local_store.paths.db)
