"""Opening a store: every failure has its own message and leaves the files byte-identical."""

from __future__ import annotations

import hashlib
import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from jmd_desk.domain.errors import AuthError, JmdError, StoreError
from jmd_desk.services import accounts
from jmd_desk.store.engine import connect
from jmd_desk.store.keyfile import KdfPolicy, KeyFile
from jmd_desk.store.store import Store
from jmd_desk.store.uow import UnitOfWork
from jmd_desk.texts.messages import message
from tests.conftest import ADMIN_PASSWORD, PASSWORDS, POLICY, sign_in


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file() and not p.name.endswith(".lock")}


def open_error(path: Path, password: str = ADMIN_PASSWORD) -> JmdError:
    with pytest.raises(JmdError) as info:
        Store.open(path, username="admin", password=password, policy=POLICY)
    return info.value


def test_store_file_is_encrypted(store_path: Path) -> None:
    header = store_path.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    assert b"SQLite" not in header


def test_special_character_password_unlocks(store_path: Path, clock) -> None:
    assert set("'\"\\;Äöü") <= set(ADMIN_PASSWORD)
    session = sign_in(store_path, "admin", clock)
    assert session.user.username == "admin"
    session.close()


def test_decomposed_umlauts_unlock_like_composed(store_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", ADMIN_PASSWORD)
    assert decomposed != ADMIN_PASSWORD
    Store.open(store_path, username="admin", password=decomposed, policy=POLICY).close()


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        ("wrong_password", "wrong_credentials"),
        ("unknown_user", "wrong_credentials"),
        ("empty_file", "store_empty"),
        ("garbage", "not_a_store"),
        ("truncated", "store_truncated"),
        ("missing_keyfile", "keyfile_missing"),
        ("foreign_keyfile", "not_a_store"),
    ],
)
def test_open_failures_are_specific_and_change_nothing(
    store_path: Path, template_store: Path, tmp_path: Path, damage: str, code: str
) -> None:
    keys = store_path.with_name(store_path.name + ".keys")
    password = ADMIN_PASSWORD
    if damage == "wrong_password":
        password = "not-the-password"
    elif damage == "unknown_user":
        pass
    elif damage == "empty_file":
        store_path.write_bytes(b"")
    elif damage == "garbage":
        store_path.write_bytes(os.urandom(40_960))
    elif damage == "truncated":
        data = store_path.read_bytes()
        store_path.write_bytes(data[: len(data) // 2])
    elif damage == "missing_keyfile":
        keys.unlink()
    elif damage == "foreign_keyfile":
        other, _ = Store.create(tmp_path / "other" / "x.jmd", "admin", ADMIN_PASSWORD, POLICY)
        other.close()
        shutil.copy2(tmp_path / "other" / "x.jmd.keys", keys)
    before = folder_state(store_path.parent)
    with pytest.raises(JmdError) as info:
        user = "nobody" if damage == "unknown_user" else "admin"
        Store.open(store_path, username=user, password=password, policy=POLICY)
    assert info.value.code == code
    assert folder_state(store_path.parent) == before
    text = message(info.value, "de")
    assert text and code not in text  # a real sentence, not the bare code
    # the lock was released: a correct open works again where the files are intact
    if damage in ("wrong_password", "unknown_user"):
        Store.open(store_path, username="admin", password=ADMIN_PASSWORD, policy=POLICY).close()


def test_wrong_password_and_unknown_user_give_the_same_error(store_path: Path) -> None:
    a = open_error(store_path, "nope-nope-nope")
    with pytest.raises(AuthError) as b:
        Store.open(store_path, username="ghost", password="nope-nope-nope", policy=POLICY)
    assert a.code == b.value.code == "wrong_credentials"


def test_missing_store_and_missing_database(tmp_path: Path, store_path: Path) -> None:
    assert open_error(tmp_path / "nothing.jmd").code == "store_not_found"
    store_path.unlink()
    assert open_error(store_path).code == "store_file_missing"


def test_newer_schema_is_refused_and_left_unchanged(store_path: Path) -> None:
    key_file = KeyFile.load(store_path.with_name(store_path.name + ".keys"))
    db_key = key_file.unwrap(key_file.user_slot("admin"), ADMIN_PASSWORD, POLICY)
    conn = connect(store_path, db_key)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.close()
    before = folder_state(store_path.parent)
    error = open_error(store_path)
    assert error.code == "schema_too_new"
    assert "ffff_from_the_future" in message(error, "de")
    assert folder_state(store_path.parent) == before


def test_password_change_rewrites_only_the_slot(store_path: Path, clock) -> None:
    keys = store_path.with_name(store_path.name + ".keys")
    session = sign_in(store_path, "berta", clock)
    session.store.engine.dispose()  # let SQLite checkpoint the sign-in's audit event first
    db_hash = digest(store_path)
    before_slots = {s.slot_id: s for s in KeyFile.load(keys).slots}
    store = session.store
    with UnitOfWork(store) as uow:
        users = store.roster_users(uow.users.accounts())
    store.set_password("berta", "Ganz-neues-Passwort-9", POLICY, admin=False, users=users)
    assert digest(store_path) == db_hash
    after_slots = {s.slot_id: s for s in KeyFile.load(keys).slots}
    changed = {sid for sid in before_slots if before_slots[sid] != after_slots[sid]}
    assert changed == {store.key_file.slot_id_for("berta")}
    session.close()
    with pytest.raises(AuthError):
        Store.open(store_path, username="berta", password=PASSWORDS["berta"], policy=POLICY)
    Store.open(store_path, username="berta", password="Ganz-neues-Passwort-9", policy=POLICY).close()


def test_change_own_password_service_checks_old_password(store_path: Path, clock) -> None:
    session = sign_in(store_path, "cem", clock)
    with pytest.raises(AuthError):
        accounts.change_own_password(session, "falsch-falsch", "Neues-Passwort-77")
    accounts.change_own_password(session, PASSWORDS["cem"], "Neues-Passwort-77")
    session.close()
    sign_in_ok = accounts.sign_in(store_path, "cem", "Neues-Passwort-77", clock=clock, policy=POLICY)
    sign_in_ok.close()


def test_recovery_key_unlocks_and_resets_a_password(store_path: Path, recovery_key: str, clock) -> None:
    Store.open(store_path, recovery_key=recovery_key.lower().replace("-", " "), policy=POLICY).close()
    session = accounts.recover_access(
        store_path, recovery_key, "admin", "Nach-Verlust-Neu-1", clock=clock, policy=POLICY
    )
    session.close()
    Store.open(store_path, username="admin", password="Nach-Verlust-Neu-1", policy=POLICY).close()
    with pytest.raises(AuthError):
        Store.open(store_path, recovery_key="AAAA-" * 12 + "AAAA", policy=POLICY)


def test_second_opener_gets_already_open(store_path: Path) -> None:
    store = Store.open(store_path, username="admin", password=ADMIN_PASSWORD, policy=POLICY)
    try:
        error = open_error(store_path)
        assert error.code == "store_in_use"
        assert "PID" in message(error, "de")
    finally:
        store.close()


def test_weak_slots_are_refused_by_production_policy(store_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        Store.open(store_path, username="admin", password=ADMIN_PASSWORD, policy=KdfPolicy())
    assert info.value.code == "weak_kdf"


def test_create_refuses_existing_store(store_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        Store.create(store_path, "admin", ADMIN_PASSWORD, POLICY)
    assert info.value.code == "store_exists"


def test_pragmas_of_a_keyed_connection(store_path: Path) -> None:
    key_file = KeyFile.load(store_path.with_name(store_path.name + ".keys"))
    conn = connect(store_path, key_file.unwrap(key_file.user_slot("admin"), ADMIN_PASSWORD, POLICY))
    try:

        def pragma(name: str) -> str:
            return str(conn.execute(f"PRAGMA {name}").fetchone()[0])

        assert pragma("cipher_memory_security") == "1"
        assert pragma("foreign_keys") == "1"
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == "2"  # FULL
        assert pragma("temp_store") == "2"  # MEMORY
        assert pragma("cipher_version")
    finally:
        conn.close()
