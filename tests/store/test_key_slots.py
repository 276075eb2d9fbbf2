"""Several key slots made at once (a new store's user and recovery slots) open like slots made
one by one, whether their derivations ran side by side or not."""

from __future__ import annotations

import subprocess
import sys

import pytest

from jmd_desk.domain.errors import AuthError
from jmd_desk.store.keyfile import KeyFile, new_db_key
from tests.conftest import POLICY


def test_slots_made_together_each_open_with_their_own_secret_only() -> None:
    db_key, signing_key = new_db_key(), b"s" * 32
    params = POLICY.params_for_new_slot()
    old = KeyFile.new().with_slot("a", "old-secret-1", db_key, params)
    key_file = old.with_slots(
        [("a", "alpha-secret"), ("b", "beta-secret"), ("c", "gamma-secret")], db_key, params, signing_key
    )
    assert sorted(s.slot_id for s in key_file.slots) == ["a", "b", "c"]  # "a" replaced, not doubled
    for slot_id, secret in (("a", "alpha-secret"), ("b", "beta-secret"), ("c", "gamma-secret")):
        assert key_file.unlock(slot_id, secret, POLICY) == (db_key, signing_key)
    with pytest.raises(AuthError):
        key_file.unlock("a", "old-secret-1", POLICY)
    with pytest.raises(AuthError):
        key_file.unlock("b", "alpha-secret", POLICY)


def test_slots_with_several_lanes_are_made_one_after_another() -> None:
    """Two multi-lane Argon2id derivations at once can deadlock in OpenSSL's thread pool (seen
    with cryptography 50): such slots must never be derived side by side. Run in a child
    process, so that a deadlock fails the test instead of hanging the suite."""
    code = (
        "from jmd_desk.domain.kdf import KdfParams\n"
        "from jmd_desk.store.keyfile import KeyFile, new_db_key\n"
        "params = KdfParams(8192, 1, 4)\n"
        "for _ in range(40):\n"
        "    KeyFile.new().with_slots([('a', 'alpha-secret'), ('b', 'beta-secret')], new_db_key(), params)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], timeout=60, check=False, capture_output=True)
    assert done.returncode == 0, done.stderr
