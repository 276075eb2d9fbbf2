"""Machine-local interface state in QSettings: language, geometry, column layouts, last store.

Never personal data: no names, no client numbers, no search texts.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from jmd_desk.services.environment import AppPaths


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
