"""The signed user list of a local store (DESIGN §3a).

Who may do what is kept twice: in the ``users`` table and, signed with the office signing key
(Ed25519), in the key file: user ids, roles, the active flag, every slot id with its KDF
parameters, and audit checkpoints (event count and hash at each admin sign-in). The private
half of the signing key is wrapped only in admin slots and the recovery slot, so a counsellor
who extracts the database key can edit rows but cannot make the list agree again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

MAX_CHECKPOINTS = 200


@dataclass(frozen=True)
class RosterUser:
    """One account as the signed list knows it (``slot`` is the account's slot id)."""

    slot: str
    uid: int
    roles: tuple[str, ...]
    active: bool


@dataclass(frozen=True)
class Roster:
    """The signed content; ``serial`` grows with every signature."""

    store_id: str
    serial: int
    users: tuple[RosterUser, ...]
    slots: tuple[tuple[str, tuple[int, int, int]], ...]
    checkpoints: tuple[tuple[int, str], ...] = field(default=())

    def content(self) -> bytes:
        """Canonical bytes that are signed."""
        doc = {
            "store_id": self.store_id,
            "serial": self.serial,
            "users": [[u.slot, u.uid, list(u.roles), u.active] for u in sorted(self.users, key=lambda u: u.slot)],
            "slots": [[sid, list(kdf)] for sid, kdf in sorted(self.slots)],
            "checkpoints": [list(c) for c in self.checkpoints],
        }
        return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("utf-8")

    def with_checkpoint(self, seq: int, digest: str) -> Roster:
        """A copy with the audit head appended (the oldest dropped beyond the limit)."""
        if self.checkpoints and self.checkpoints[-1] == (seq, digest):
            return self
        return replace(self, checkpoints=(*self.checkpoints, (seq, digest))[-MAX_CHECKPOINTS:])

    def to_json(self) -> dict[str, Any]:
        """As stored in the key file."""
        raw: dict[str, Any] = json.loads(self.content())
        return raw

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Roster:
        """Parse; raises KeyError/ValueError/TypeError when malformed."""
        users = tuple(
            RosterUser(str(s), _int(uid), tuple(str(r) for r in roles), bool(a)) for s, uid, roles, a in raw["users"]
        )
        slots = tuple((str(sid), (_int(k[0]), _int(k[1]), _int(k[2]))) for sid, k in raw["slots"])
        checkpoints = tuple((_int(seq), str(h)) for seq, h in raw["checkpoints"])
        return cls(str(raw["store_id"]), _int(raw["serial"]), users, slots, checkpoints)


def _int(value: Any) -> int:
    if type(value) is not int:
        raise TypeError("not an integer")
    return value


def new_signing_key() -> bytes:
    """32 raw bytes of a fresh Ed25519 private key."""
    return Ed25519PrivateKey.generate().private_bytes_raw()


def public_key_of(private: bytes) -> bytes:
    """The raw public key belonging to ``private``."""
    return Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def sign(private: bytes, roster: Roster) -> bytes:
    """The signature of ``roster``."""
    return Ed25519PrivateKey.from_private_bytes(private).sign(b"jmd-desk roster v1\x00" + roster.content())


def signature_valid(public: bytes, roster: Roster, signature: bytes) -> bool:
    """True if ``signature`` over ``roster`` verifies with ``public``."""
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, b"jmd-desk roster v1\x00" + roster.content())
    except (InvalidSignature, ValueError):
        return False
    return True


def slot_findings(
    signed: dict[str, tuple[int, int, int]], present: dict[str, tuple[int, int, int]], floor: Any
) -> list[str]:
    """Slots in the key file that the signed list does not know, slots it lists that are gone,
    slots whose KDF parameters changed, and slots weaker than ``floor``."""
    found = [f"slot_extra:{sid}" for sid in present if sid not in signed]
    found += [f"slot_missing:{sid}" for sid in signed if sid not in present]
    found += [f"slot_altered:{sid}" for sid in present if sid in signed and signed[sid] != present[sid]]
    for sid, (memory, passes, lanes) in present.items():
        if memory < floor.memory_kib or passes < floor.iterations or lanes < floor.lanes:
            found.append(f"slot_weak:{sid}")
    return found
