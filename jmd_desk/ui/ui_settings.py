"""Machine-local interface state in QSettings: language, geometry, column layouts, last store.

Never personal data: no names, no client numbers, no search texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from jmd_desk.services.environment import AppPaths

RECENT_KEPT = 6
STORE, SERVER = "store", "server"


@dataclass(frozen=True)
class Place:
    """Where to sign in: a local store file (``store``) or an office server profile (``server``)."""

    kind: str
    path: Path

    @property
    def on_server(self) -> bool:
        """True for an office server profile."""
        return self.kind == SERVER

    def key(self) -> str:
        """How the place is remembered: ``store:PATH`` or ``server:PATH``."""
        return f"{self.kind}:{self.path}"

    @classmethod
    def from_key(cls, key: str) -> Place | None:
        """The place remembered as ``key`` (None for anything else)."""
        kind, _, path = key.partition(":")
        return cls(kind, Path(path)) if kind in (STORE, SERVER) and path else None


class UiSettings:
    """Typed access to the INI file in the configuration folder."""

    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        paths.config_dir.mkdir(parents=True, exist_ok=True)
        self._s = QSettings(str(paths.config_dir / "jmd-desk-ui.ini"), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        """``de`` (default) or ``en``."""
        value = str(self._s.value("ui/language", "de"))
        return value if value in ("de", "en") else "de"

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)

    @property
    def last_store(self) -> str:
        """Path of the store opened last (a path, not data)."""
        return str(self._s.value("store/last", ""))

    @last_store.setter
    def last_store(self, value: str) -> None:
        self._s.setValue("store/last", value)

    @property
    def last_user(self) -> str:
        """User name signed in last, to prefill the login."""
        return str(self._s.value("store/last_user", ""))

    @last_user.setter
    def last_user(self, value: str) -> None:
        self._s.setValue("store/last_user", value)

    @property
    def recent_places(self) -> list[Place]:
        """Stores and server profiles signed in to lately, the last first (paths only)."""
        raw = self._s.value("store/recent", [])
        keys = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        places = [Place.from_key(str(k)) for k in keys[:RECENT_KEPT]]
        return [p for p in places if p is not None]

    def remember(self, place: Place) -> None:
        """Put ``place`` first in the recent list (and, for a store, as the last store)."""
        others = [p.key() for p in self.recent_places if p != place]
        self._s.setValue("store/recent", [place.key(), *others][:RECENT_KEPT])
        if not place.on_server:
            self.last_store = str(place.path)

    def state(self, key: str) -> QByteArray | None:
        """A saved widget state (geometry, header layout)."""
        value = self._s.value(f"state/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        """Save a widget state."""
        self._s.setValue(f"state/{key}", value)

    def sync(self) -> None:
        """Write to disk now."""
        self._s.sync()
