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


# The Handlungsfelder of a municipal integration concept (DESIGN §7 goals_by_field): each field
# has a code, a label and the goal areas it covers.
DEFAULT_STATISTICS_FIELDS: tuple[dict[str, Any], ...] = (
    {
        "code": "education_social",
        "label": "Bildung und Soziales",
        "areas": ["language", "school", "family", "finances"],
    },
    {"code": "vocational", "label": "Ausbildung und Beruf", "areas": ["vocational"]},
    {"code": "participation", "label": "Teilhabe", "areas": ["participation", "residence"]},
    {"code": "health", "label": "Gesundheit", "areas": ["health"]},
    {"code": "housing", "label": "Wohnen", "areas": ["housing"]},
)
MAX_FIELDS = 12


def _default_fields() -> list[dict[str, Any]]:
    return [dict(f, areas=list(f["areas"])) for f in DEFAULT_STATISTICS_FIELDS]


def field_problems(fields_setting: Any) -> list[FieldError]:
    """A Handlungsfelder list must have unique codes, short labels and cover each goal area at most once."""
    name = "statistics_fields"
    if not isinstance(fields_setting, list) or not 1 <= len(fields_setting) <= MAX_FIELDS:
        return [FieldError(name, "out_of_range", {"min": 1, "max": MAX_FIELDS})]
    errors, codes_seen, areas_seen = [], set(), set()
    for i, entry in enumerate(fields_setting):
        code = entry.get("code") if isinstance(entry, dict) else None
        label = entry.get("label") if isinstance(entry, dict) else None
        areas = entry.get("areas") if isinstance(entry, dict) else None
        valid_code = isinstance(code, str) and code.isidentifier() and len(code) <= 40
        if not valid_code or code in codes_seen or code in (codes.UNKNOWN, codes.OTHER, "total"):
            errors.append(FieldError(f"{name}.{i}.code", "invalid", {"value": str(code)[:40]}))
        if not isinstance(label, str) or not 1 <= len(label) <= 80:
            errors.append(FieldError(f"{name}.{i}.label", "too_long", {"max": 80}))
        if not isinstance(areas, list) or any(a not in codes.AREAS or a in areas_seen for a in areas):
            errors.append(FieldError(f"{name}.{i}.areas", "invalid", {"value": str(areas)[:80]}))
        else:
            areas_seen.update(areas)
        codes_seen.add(code)
    return errors


@dataclass(frozen=True)
class OfficeSettings:
    """What the admin configures for the whole office."""

    office_name: str = ""
    autolock_minutes: int = 5
    statistics_k: int = 3
    statistics_legal_basis: bool = False
    retention_years: dict[str, int] = field(default_factory=_default_retention)
    backups_kept: int = 10
    statistics_fields: list[dict[str, Any]] = field(default_factory=_default_fields)

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
        errors += field_problems(self.statistics_fields)
        low, high = RETENTION_YEARS_RANGE
        for case_type, years in self.retention_years.items():
            if case_type not in codes.CASE_TYPES:
                errors.append(FieldError(f"retention_years.{case_type}", "unknown_code", {"value": case_type}))
            elif not isinstance(years, int) or not low <= years <= high:
                errors.append(FieldError(f"retention_years.{case_type}", "out_of_range", {"min": low, "max": high}))
        return errors
