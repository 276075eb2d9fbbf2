"""The key file beside a store: the database key wrapped once per user and once for recovery.

Each slot wraps the 32-byte database key with AES-256-GCM under a key derived from the
user's password (or the recovery key) by Argon2id. The store id, slot id and KDF parameters
are bound as associated data, so a slot cannot be moved to another store or weakened.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
import unicodedata
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from jmd_desk.domain.errors import AuthError, StoreError
from jmd_desk.domain.kdf import CEILING_PARAMS, DEFAULT_PARAMS, FLOOR_PARAMS, TEST_PARAMS, KdfParams, parse_kdf_params
from jmd_desk.store.atomic import write_atomic
from jmd_desk.store.roster import Roster, RosterUser, public_key_of, sign, signature_valid

__all__ = ["CEILING_PARAMS", "DEFAULT_PARAMS", "FLOOR_PARAMS", "KdfParams", "parse_kdf_params"]

FORMAT = "jmd-desk-keys"
VERSION = 2  # 2 adds the signed user list; version 1 files are still read and upgraded
READABLE_VERSIONS = (1, 2)
RECOVERY_SLOT = "recovery"
KEY_BYTES = 32


_INSECURE_TEST_PARAMS = TEST_PARAMS
MAX_KEY_FILE_BYTES = 1 << 20
MAX_SLOTS = 1000
UNKNOWN_PARAMS = KdfParams(0, 0, 0)  # of a slot whose parameters cannot be read


@dataclass(frozen=True)
class KdfPolicy:
    """Which KDF cost new slots get and which existing slots are acceptable.

    Production calibrates to about half a second and refuses slots below the floor.
    ``insecure_for_tests()`` is only for the test suite: it makes slots cheap and accepts them.
    """

    params: KdfParams | None = None
    floor: KdfParams = FLOOR_PARAMS
    target_seconds: float = 0.5

    @classmethod
    def insecure_for_tests(cls) -> KdfPolicy:
        """Cheap Argon2 for the test suite; never use in production."""
        return cls(params=_INSECURE_TEST_PARAMS, floor=_INSECURE_TEST_PARAMS)

    def params_for_new_slot(self) -> KdfParams:
        """Fixed parameters if set, else calibrated on this machine."""
        return self.params or calibrate(self.target_seconds, self.floor)


def _derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


def _new_slot(
    store_id: str, slot_id: str, secret: str, db_key: bytes, params: KdfParams, signing_key: bytes | None
) -> Slot:
    """A slot that wraps ``db_key`` (and the signing key, if given) under ``secret``."""
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _derive(normalise_secret(secret), salt, params)
    aad = _aad(store_id, slot_id, params, salt)
    wrapped = AESGCM(kek).encrypt(nonce, db_key, aad)
    signing = None
    if signing_key is not None:
        signing_nonce = os.urandom(12)
        signing = (signing_nonce, AESGCM(kek).encrypt(signing_nonce, signing_key, aad + b"\x00signing"))
    return Slot(slot_id, params, salt, nonce, wrapped, signing)


def calibrate(target_seconds: float = 0.5, floor: KdfParams = FLOOR_PARAMS) -> KdfParams:
    """Start from 256 MiB/3/4; halve memory on slow machines, add passes on fast ones."""
    params = DEFAULT_PARAMS
    salt = os.urandom(16)
    start = time.perf_counter()
    _derive(b"calibration", salt, params)
    elapsed = time.perf_counter() - start
    while elapsed > 2 * target_seconds and params.memory_kib // 2 >= floor.memory_kib:
        params = replace(params, memory_kib=params.memory_kib // 2)
        elapsed /= 2
    per_pass = elapsed / params.iterations
    wanted = round(target_seconds / per_pass) if per_pass > 0 else params.iterations
    return replace(params, iterations=max(params.iterations, min(wanted, CEILING_PARAMS.iterations)))


def normalise_secret(secret: str) -> bytes:
    """Passwords are NFC-normalised so composed and decomposed umlauts unlock alike."""
    return unicodedata.normalize("NFC", secret).encode("utf-8")


LEGACY_PREFIX = "user:"


def user_slot_id(username: str) -> str:
    """The slot id of a user account in key files of version 1 (names in clear)."""
    return f"{LEGACY_PREFIX}{username}"


def hashed_slot_id(store_id: str, username: str) -> str:
    """The slot id of a user account: a keyed hash of the name under the store id, so the key
    file does not list who has an account, and the slot is found without trying every one."""
    digest = hmac.new(store_id.encode("utf-8"), username.encode("utf-8"), hashlib.sha256).hexdigest()
    return "u-" + digest[:32]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class Slot:
    """One wrapped copy of the database key."""

    slot_id: str
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes
    signing: tuple[bytes, bytes] | None = None  # (nonce, wrapped office signing key)
    damaged: str | None = None  # the stored JSON of a slot that could not be read, kept as it is

    @classmethod
    def unreadable(cls, raw: Any) -> Slot:
        """A placeholder for a malformed slot or one whose checksum fails; it opens nothing."""
        slot_id = raw.get("id") if isinstance(raw, dict) else None
        try:
            kept = json.dumps(raw if isinstance(raw, dict) else {})
        except (TypeError, ValueError, RecursionError):
            kept = "{}"
        try:  # readable parameters still count in the signed-list comparison
            params = parse_kdf_params(raw["kdf"])
        except (KeyError, ValueError, TypeError):
            params = UNKNOWN_PARAMS
        zero = bytes(KEY_BYTES + 16)
        return cls(slot_id if isinstance(slot_id, str) else "", params, zero, zero, zero, None, kept)

    def to_json(self) -> dict[str, Any]:
        """The slot as stored in the key file, with a checksum of its contents."""
        if self.damaged is not None:
            return dict(json.loads(self.damaged))
        doc = self._content_json()
        doc["check"] = _checksum(doc)
        return doc

    def _content_json(self) -> dict[str, Any]:
        doc = self._base_json()
        if self.signing is not None:
            doc["signing_key"] = {"nonce": _b64(self.signing[0]), "wrapped": _b64(self.signing[1])}
        return doc

    def _base_json(self) -> dict[str, Any]:
        return {
            "id": self.slot_id,
            "kdf": {
                "alg": "argon2id",
                "memory_kib": self.params.memory_kib,
                "iterations": self.params.iterations,
                "lanes": self.params.lanes,
                "salt": _b64(self.salt),
            },
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped),
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Slot:
        """Parse a stored slot; raises KeyError/ValueError/TypeError on malformed input."""
        kdf = raw["kdf"]
        if kdf["alg"] != "argon2id":
            raise ValueError("unsupported kdf")
        params = parse_kdf_params(kdf)
        slot = cls(str(raw["id"]), params, _unb64(kdf["salt"]), _unb64(raw["nonce"]), _unb64(raw["wrapped_key"]))
        if len(slot.salt) != 16 or len(slot.nonce) != 12 or len(slot.wrapped) != KEY_BYTES + 16:
            raise ValueError("slot sizes")
        if "signing_key" in raw:
            signing = (_unb64(raw["signing_key"]["nonce"]), _unb64(raw["signing_key"]["wrapped"]))
            if len(signing[0]) != 12 or len(signing[1]) != KEY_BYTES + 16:
                raise ValueError("signing key sizes")
            slot = replace(slot, signing=signing)
        if "check" in raw and raw["check"] != _checksum(slot._content_json()):
            raise ValueError("slot checksum")
        return slot

    @classmethod
    def parse(cls, raw: Any) -> Slot:
        """A stored slot, or an ``unreadable`` placeholder: one damaged slot locks out only
        its owner (with ``key_slot_damaged``), not everyone."""
        try:
            return cls.from_json(raw)
        except (KeyError, ValueError, TypeError, AttributeError):
            return cls.unreadable(raw)


def _checksum(content: dict[str, Any]) -> str:
    """A plain hash of a slot's public contents. It is no protection against someone who edits
    the file on purpose (the signed list is); it tells accidental damage of the ciphertext from
    a wrong password, which AES-GCM alone cannot, without revealing anything."""
    data = json.dumps(content, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


def _aad(store_id: str, slot_id: str, params: KdfParams, salt: bytes) -> bytes:
    return json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "store_id": store_id,
            "slot_id": slot_id,
            "kdf": ["argon2id", params.memory_kib, params.iterations, params.lanes, _b64(salt)],
        },
        sort_keys=True,
        separators=(",", ":"),
    ).encode("utf-8")


@dataclass(frozen=True)
class KeyFile:
    """The parsed key file of one store, with its signed user list (None in version 1 files)."""

    store_id: str
    slots: tuple[Slot, ...]
    roster: Roster | None = None
    public_key: bytes | None = None
    signature: bytes | None = None

    @classmethod
    def new(cls) -> KeyFile:
        """An empty key file for a new store with a fresh store id."""
        return cls(store_id=secrets.token_hex(16), slots=())

    def slot(self, slot_id: str) -> Slot | None:
        """The slot with this id, if any."""
        return next((s for s in self.slots if s.slot_id == slot_id), None)

    def slot_id_for(self, username: str) -> str:
        """The id a user's slot gets when it is (re)written."""
        return hashed_slot_id(self.store_id, username)

    def user_slot(self, username: str) -> str:
        """The id of the user's slot as it is in this file (hashed, or a version 1 id)."""
        hashed = self.slot_id_for(username)
        legacy = user_slot_id(username)
        return legacy if self.slot(hashed) is None and self.slot(legacy) is not None else hashed

    def canonical(self, slot_id: str) -> str:
        """The hashed id for a version 1 id; other ids as they are."""
        if slot_id.startswith(LEGACY_PREFIX):
            return self.slot_id_for(slot_id[len(LEGACY_PREFIX) :])
        return slot_id

    def with_slot(
        self, slot_id: str, secret: str, db_key: bytes, params: KdfParams, signing_key: bytes | None = None
    ) -> KeyFile:
        """A copy in which ``slot_id`` wraps ``db_key`` (and, for admin and recovery slots, the
        office signing key) under ``secret``; added or replaced, a version 1 twin removed."""
        return self.with_slots([(slot_id, secret)], db_key, params, signing_key)

    def with_slots(
        self, pairs: Sequence[tuple[str, str]], db_key: bytes, params: KdfParams, signing_key: bytes | None = None
    ) -> KeyFile:
        """``with_slot`` for several (slot id, secret) pairs with the same keys and cost. The
        derivations run side by side (Argon2id releases the interpreter lock) when they use one
        lane and together need no more memory than one derivation at the default cost, e.g. the
        demo's slots. Never with several lanes: OpenSSL then runs each derivation on its own
        thread pool, and two at once can wait for each other's threads for ever."""

        def new_slot(pair: tuple[str, str]) -> Slot:
            return _new_slot(self.store_id, pair[0], pair[1], db_key, params, signing_key)

        if len(pairs) > 1 and params.lanes == 1 and params.memory_kib * len(pairs) <= DEFAULT_PARAMS.memory_kib:
            with ThreadPoolExecutor(len(pairs), thread_name_prefix="kdf") as pool:
                slots = list(pool.map(new_slot, pairs))
        else:
            slots = [new_slot(pair) for pair in pairs]
        replaced = {self.canonical(slot.slot_id) for slot in slots}
        others = tuple(s for s in self.slots if self.canonical(s.slot_id) not in replaced)
        return replace(self, slots=(*others, *slots))

    def without_slot(self, slot_id: str) -> KeyFile:
        """A copy without ``slot_id``."""
        return replace(self, slots=tuple(s for s in self.slots if s.slot_id != slot_id))

    def unwrap(self, slot_id: str, secret: str, policy: KdfPolicy) -> bytes:
        """The database key, if ``secret`` opens ``slot_id``."""
        return self.unlock(slot_id, secret, policy)[0]

    def unlock(self, slot_id: str, secret: str, policy: KdfPolicy) -> tuple[bytes, bytes | None]:
        """The database key and, if the slot holds it, the office signing key.

        An unknown slot costs the same time as a wrong password and gives the same error,
        so that the key file does not tell which accounts exist.
        """
        slot = self.slot(slot_id)
        if slot is None:
            # As costly as a real slot of this file, so timing does not tell which names exist.
            _derive(normalise_secret(secret), os.urandom(16), self._typical_params(policy))
            raise AuthError("wrong_credentials")
        if slot.damaged is not None:
            # Damage is reported only where it is told from a wrong password without the
            # password: a malformed slot or a failed checksum. Both are visible to anyone who
            # reads the key file, so saying so reveals nothing the file does not; and the slot
            # ids are keyed hashes, so a damaged slot of an unknown name cannot be asked for.
            # Ciphertext altered on purpose with a recomputed checksum still reads as a wrong
            # password: AES-GCM cannot tell without the password, and the signed list covers slot
            # ids and parameters, not contents. Reporting "damaged" after a failed decryption
            # would tell a guesser nothing new but would call every typo damage, so it is not done.
            raise StoreError("key_slot_damaged")
        if not slot.params.at_least(policy.floor):
            raise StoreError("weak_kdf")
        kek = _derive(normalise_secret(secret), slot.salt, slot.params)
        aad = _aad(self.store_id, slot.slot_id, slot.params, slot.salt)
        try:
            key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, aad)
        except InvalidTag:
            raise AuthError("wrong_credentials") from None
        signing = None
        if slot.signing is not None:
            try:
                signing = AESGCM(kek).decrypt(slot.signing[0], slot.signing[1], aad + b"\x00signing")
            except InvalidTag:  # the password was right: the slot itself is damaged
                raise StoreError("key_slot_damaged") from None
        return key, signing

    def _typical_params(self, policy: KdfPolicy) -> KdfParams:
        acceptable = [s.params for s in self.slots if s.damaged is None and s.params.at_least(policy.floor)]
        return max(acceptable, key=lambda p: (p.memory_kib, p.iterations), default=policy.params or FLOOR_PARAMS)

    # ------------------------------------------------------------ signed list
    def damaged_slots(self) -> tuple[str, ...]:
        """Canonical ids of slots that cannot be read."""
        return tuple(self.canonical(s.slot_id) for s in self.slots if s.damaged is not None)

    def roster_slots(self) -> tuple[tuple[str, tuple[int, int, int]], ...]:
        """Every slot's canonical id and KDF parameters, as the signed list holds them."""
        return tuple(
            (self.canonical(s.slot_id), (s.params.memory_kib, s.params.iterations, s.params.lanes)) for s in self.slots
        )

    def signed(
        self, signing_key: bytes, users: tuple[RosterUser, ...], checkpoint: tuple[int, str] | None = None
    ) -> KeyFile:
        """A copy whose user list (``users`` plus this file's slots) is signed again."""
        previous = self.roster
        roster = Roster(
            self.store_id,
            (previous.serial + 1) if previous else 1,
            tuple(sorted(users, key=lambda u: u.slot)),
            tuple(sorted(self.roster_slots())),
            previous.checkpoints if previous else (),
        )
        if checkpoint is not None:
            roster = roster.with_checkpoint(*checkpoint)
        if previous is not None and previous == replace(roster, serial=previous.serial) and self.signature_ok():
            return self
        return replace(self, roster=roster, public_key=public_key_of(signing_key), signature=sign(signing_key, roster))

    def list_matches(self, users: tuple[RosterUser, ...]) -> bool:
        """True if the signed list already says exactly this (so no new signature is needed)."""
        if self.roster is None:
            return False
        return set(self.roster.users) == set(users) and set(self.roster.slots) == set(self.roster_slots())

    def signature_ok(self) -> bool:
        """True if there is a signed list and its signature verifies with the file's public key."""
        if self.roster is None or self.public_key is None or self.signature is None:
            return False
        return signature_valid(self.public_key, self.roster, self.signature)

    # ------------------------------------------------------------ file
    def to_bytes(self) -> bytes:
        """Serialised key file (JSON)."""
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "store_id": self.store_id,
            "slots": [s.to_json() for s in self.slots],
        }
        if self.roster is not None and self.public_key is not None and self.signature is not None:
            doc["roster"] = self.roster.to_json()
            doc["public_key"] = _b64(self.public_key)
            doc["signature"] = _b64(self.signature)
        return (json.dumps(doc, indent=1) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        """Parse a key file; raises StoreError with a specific code when it cannot."""
        if len(data) > MAX_KEY_FILE_BYTES:
            raise StoreError("keyfile_corrupt")
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise StoreError("keyfile_corrupt") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise StoreError("keyfile_corrupt")
        if doc.get("version") not in READABLE_VERSIONS:
            raise StoreError("keyfile_unsupported", version=doc.get("version"))
        try:
            if len(doc["slots"]) > MAX_SLOTS:
                raise ValueError("too many slots")
            slots = tuple(Slot.parse(s) for s in doc["slots"])
            key_file = cls(store_id=str(doc["store_id"]), slots=slots)
            if "roster" in doc:
                roster = Roster.from_json(doc["roster"])
                key_file = replace(
                    key_file, roster=roster, public_key=_unb64(doc["public_key"]), signature=_unb64(doc["signature"])
                )
            return key_file
        except (KeyError, ValueError, TypeError, AttributeError):
            raise StoreError("keyfile_corrupt") from None

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """Read the key file at ``path``."""
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_KEY_FILE_BYTES + 1)
        except FileNotFoundError:
            raise StoreError("keyfile_missing", path=str(path)) from None
        except OSError as exc:
            raise StoreError("keyfile_unreadable", path=str(path), reason=exc.strerror) from None
        return cls.from_bytes(data)

    def save(self, path: Path) -> None:
        """Write atomically, readable by the owner only."""
        write_atomic(path, self.to_bytes())


def new_db_key() -> bytes:
    """A fresh random database key."""
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_key() -> str:
    """A 256-bit recovery key written as 13 groups of four Base32 characters."""
    text = base64.b32encode(secrets.token_bytes(32)).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def normalise_recovery_key(text: str) -> str:
    """Accept the recovery key with or without dashes, spaces and in any letter case."""
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    compact = compact.replace("0", "O").replace("1", "I").replace("8", "B")
    return "-".join(compact[i : i + 4] for i in range(0, len(compact), 4))
