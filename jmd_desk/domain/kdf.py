"""Argon2id cost parameters and the bounds within which any file may set them (DESIGN §3)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes, lanes."""

    memory_kib: int
    iterations: int
    lanes: int

    def at_least(self, floor: KdfParams) -> bool:
        """True if no parameter is below ``floor``."""
        return self.memory_kib >= floor.memory_kib and self.iterations >= floor.iterations and self.lanes >= floor.lanes

    def within(self, floor: KdfParams, ceiling: KdfParams) -> bool:
        """True if every parameter lies between ``floor`` and ``ceiling``."""
        return self.at_least(floor) and ceiling.at_least(self)


TEST_PARAMS = KdfParams(64, 1, 1)  # the test suite's cheap slots; lowest accepted value
DEFAULT_PARAMS = KdfParams(262_144, 3, 4)
FLOOR_PARAMS = KdfParams(65_536, 3, 1)
# Above this a key file or bundle could make every unlock exhaust memory or hang (DESIGN §3).
CEILING_PARAMS = KdfParams(524_288, 8, 8)


def parse_kdf_params(raw: dict[str, Any]) -> KdfParams:
    """KDF parameters read from a file: whole numbers, none above the ceiling, none below 1
    (the policy's floor is checked where the slot is used). Raises ValueError otherwise."""
    values = [raw["memory_kib"], raw["iterations"], raw["lanes"]]
    if not all(type(v) is int for v in values):
        raise ValueError("kdf parameters must be integers")
    params = KdfParams(*values)
    if not params.within(TEST_PARAMS, CEILING_PARAMS):
        raise ValueError("kdf parameters out of bounds")
    return params
