"""Office settings kept inside the encrypted store (shared by every workstation of the store)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from jmd_desk.domain import codes
from jmd_desk.domain.errors import FieldError
from jmd_desk.domain.text import unsafe_character

AUTOLOCK_RANGE = (1, 15)
K_RANGE = (3, 10)
RETENTION_YEARS_RANGE = (1, 30)


def _default_retention() -> dict[str, int]:
    return {t: 3 for t in codes.CASE_TYPES}


@dataclass(frozen=True)
class OfficeSettings:
    """What the admin configures for the whole office."""

    office_name: str = ""
    autolock_minutes: int = 5
    statistics_k: int = 3
    statistics_legal_basis: bool = False
    retention_years: dict[str, int] = field(default_factory=_default_retention)
    backups_kept: int = 10

    @classmethod
    def from_values(cls, values: dict[str, Any]) -> OfficeSettings:
        """From stored values; unknown keys are ignored, missing ones take defaults."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})

    def problems(self) -> list[FieldError]:
        """Out-of-range values."""
        errors = []
        if len(self.office_name) > 200:
            errors.append(FieldError("office_name", "too_long", {"max": 200}))
        bad = unsafe_character(self.office_name)
        if bad is not None:
            errors.append(FieldError("office_name", "control_character", {"char": f"U+{ord(bad):04X}"}))
        checks = (
            ("autolock_minutes", self.autolock_minutes, AUTOLOCK_RANGE),
            ("statistics_k", self.statistics_k, K_RANGE),
            ("backups_kept", self.backups_kept, (1, 100)),
        )
        for name, value, (low, high) in checks:
            if not isinstance(value, int) or not low <= value <= high:
                errors.append(FieldError(name, "out_of_range", {"min": low, "max": high}))
        low, high = RETENTION_YEARS_RANGE
        for case_type, years in self.retention_years.items():
            if case_type not in codes.CASE_TYPES:
                errors.append(FieldError(f"retention_years.{case_type}", "unknown_code", {"value": case_type}))
            elif not isinstance(years, int) or not low <= years <= high:
                errors.append(FieldError(f"retention_years.{case_type}", "out_of_range", {"min": low, "max": high}))
        return errors
