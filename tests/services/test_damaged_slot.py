"""A damaged key slot says so (``key_slot_damaged``) instead of "wrong user name or password",
without telling an outsider which accounts exist (issue 12, finding 15)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from jmd_desk.domain.errors import AuthError, StoreError
from jmd_desk.services import accounts, verify
from jmd_desk.store.keyfile import RECOVERY_SLOT, hashed_slot_id
from tests.conftest import ADMIN_PASSWORD, PASSWORDS, POLICY, sign_in


def keys_of(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".keys")


def edit_slot(store_path: Path, slot_id: str, change) -> None:
    keys = keys_of(store_path)
    doc = json.loads(keys.read_bytes())
    slot = next(s for s in doc["slots"] if s["id"] == slot_id)
    change(slot)
    keys.write_text(json.dumps(doc))


def slot_of(store_path: Path, name: str) -> str:
    return hashed_slot_id(json.loads(keys_of(store_path).read_bytes())["store_id"], name)


def flip_wrapped(slot: dict) -> None:
    data = bytearray(base64.b64decode(slot["wrapped_key"]))
    data[3] ^= 0x01
    slot["wrapped_key"] = base64.b64encode(bytes(data)).decode()


def test_altered_ciphertext_is_named_damaged_and_others_still_sign_in(store_path: Path, clock) -> None:
    edit_slot(store_path, slot_of(store_path, "berta"), flip_wrapped)
    with pytest.raises(StoreError) as info:
        accounts.sign_in(store_path, "berta", PASSWORDS["berta"], clock=clock, policy=POLICY)
    assert info.value.code == "key_slot_damaged"
    # Unknown accounts and wrong passwords still read alike.
    for name, password in (("niemand", "geraten-1234"), ("admin", "geraten-1234")):
        with pytest.raises(AuthError) as wrong:
            accounts.sign_in(store_path, name, password, clock=clock, policy=POLICY)
        assert wrong.value.code == "wrong_credentials"
    admin = sign_in(store_path, "admin", clock)  # one damaged slot does not lock out the office
    try:
        report = verify.verify_store(admin)
    finally:
        admin.close()
    user_list = next(r for r in report if r.name == "user_list")
    assert not user_list.ok and any(f.startswith("slot_damaged:") for f in user_list.findings)


def test_malformed_slot_json_is_named_damaged(store_path: Path, clock) -> None:
    edit_slot(store_path, slot_of(store_path, "admin"), lambda slot: slot.pop("nonce"))
    with pytest.raises(StoreError) as info:
        accounts.sign_in(store_path, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    assert info.value.code == "key_slot_damaged"
    sign_in(store_path, "berta", clock).close()


def test_damaged_recovery_slot_is_named_damaged(store_path: Path, clock, recovery_key) -> None:
    edit_slot(store_path, RECOVERY_SLOT, flip_wrapped)
    with pytest.raises(StoreError) as info:
        accounts.recover_access(store_path, recovery_key, "berta", "Neues-Passwort-2026!", clock=clock, policy=POLICY)
    assert info.value.code == "key_slot_damaged"


def test_damaged_signing_key_of_an_admin_slot_is_named_damaged(store_path: Path, clock) -> None:
    def flip_signing(slot: dict) -> None:
        data = bytearray(base64.b64decode(slot["signing_key"]["wrapped"]))
        data[0] ^= 0x01
        slot["signing_key"]["wrapped"] = base64.b64encode(bytes(data)).decode()
        slot.pop("check")  # as if written by a version without checksums: AES-GCM finds it

    edit_slot(store_path, slot_of(store_path, "admin"), flip_signing)
    with pytest.raises(StoreError) as info:
        accounts.sign_in(store_path, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    assert info.value.code == "key_slot_damaged"
