"""Office settings stored as JSON values inside the encrypted database."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jmd_desk.store.schema import MetaRecord, SettingRecord


class SettingsRepository:
    """Reads and writes ``settings`` (office) and ``store_meta`` (store facts)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def all(self) -> dict[str, Any]:
        """Every stored setting."""
        return {r.key: json.loads(r.value) for r in self._s.scalars(select(SettingRecord))}

    def set(self, key: str, value: Any) -> None:
        """Store one setting."""
        self._s.merge(SettingRecord(key=key, value=json.dumps(value)))

    def meta(self, key: str) -> str | None:
        """A store fact (``store_id``, ``created_at``)."""
        return self._s.scalar(select(MetaRecord.value).where(MetaRecord.key == key))
