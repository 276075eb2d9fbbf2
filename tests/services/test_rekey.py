"""Revocation by re-key (issue 12, finding 2; acceptance 3): after deactivation and ``rekey``
no earlier key file or backup slot opens the live store, and every remaining user signs in
with her one-time password and must set her own."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.errors import AuthError, JmdError
from jmd_desk.services import accounts, backups, clients, interchange
from jmd_desk.services.verify import verify_store
from jmd_desk.store.engine import connect
from jmd_desk.store.keyfile import KeyFile
from jmd_desk.store.store import Store
from tests.conftest import ADMIN_PASSWORD, PASSWORDS, POLICY, TODAY, db_key, sign_in


def keys_of(path: Path) -> Path:
    return path.with_name(path.name + ".keys")


def test_rekey_revokes_old_key_files_and_hands_out_one_time_passwords(
    store_path: Path, clock, tmp_path: Path, recovery_key: str
) -> None:
    admin = sign_in(store_path, "admin", clock)
    interchange.import_data(admin, json.dumps(generate_document(4, today=TODAY.date(), seed=8)).encode())
    before = sorted(c.client_number for c in clients.list_clients(admin))
    backup = backups.create_backup(admin, tmp_path / "alt.jmdbackup")
    old_keys = keys_of(store_path).read_bytes()  # cem kept a copy
    cem = next(u for u in accounts.list_users(admin) if u.username == "cem")
    accounts.update_user(admin, cem.__class__(cem.username, cem.display_name, cem.roles, active=False))
    result = accounts.rekey(admin)
    assert set(result.one_time_passwords) == {"admin", "berta", "lead", "it"}
    assert all(r.ok for r in verify_store(admin)), [r for r in verify_store(admin) if not r.ok]
    admin.close()

    # the old key file (with cem's slot) and the old recovery key no longer open the live store
    shutil.copy(keys_of(store_path), tmp_path / "neu.keys")
    keys_of(store_path).write_bytes(old_keys)
    with pytest.raises(JmdError):
        Store.open(store_path, username="cem", password=PASSWORDS["cem"], policy=POLICY)
    keys_of(store_path).write_bytes((tmp_path / "neu.keys").read_bytes())
    with pytest.raises(AuthError):
        Store.open(store_path, recovery_key=recovery_key, policy=POLICY)
    Store.open(store_path, recovery_key=result.recovery_key, policy=POLICY).close()
    # the old backup's key file does not open the live database either
    old_backup_keys = KeyFile.from_bytes(old_keys)
    old_db_key = old_backup_keys.unwrap(old_backup_keys.user_slot("berta"), PASSWORDS["berta"], POLICY)
    new_file = KeyFile.load(keys_of(store_path))
    assert new_file.slot(new_file.user_slot("berta")) is not None
    with pytest.raises(JmdError):
        Store.open(store_path, username="berta", password=PASSWORDS["berta"], policy=POLICY)
    assert old_db_key != new_file.unwrap(new_file.user_slot("admin"), result.one_time_passwords["admin"], POLICY)
    assert backup.exists()

    # one-time password: refused without a new one, accepted with it, then her own password works
    with pytest.raises(AuthError) as info:
        accounts.sign_in(store_path, "berta", result.one_time_passwords["berta"], clock=clock, policy=POLICY)
    assert info.value.code == "password_change_required"
    accounts.sign_in(
        store_path,
        "berta",
        result.one_time_passwords["berta"],
        clock=clock,
        policy=POLICY,
        new_password="Bertas-Eigenes-1",
    ).close()
    accounts.sign_in(store_path, "berta", "Bertas-Eigenes-1", clock=clock, policy=POLICY).close()
    admin = accounts.sign_in(
        store_path, "admin", result.one_time_passwords["admin"], clock=clock, policy=POLICY, new_password=ADMIN_PASSWORD
    )
    assert sorted(c.client_number for c in clients.list_clients(admin)) == before
    assert all(r.ok for r in verify_store(admin))
    admin.close()


def test_rekey_is_refused_on_a_tampered_store(store_path: Path, clock) -> None:
    conn = connect(store_path, db_key(store_path, "berta", PASSWORDS["berta"]))
    conn.execute("UPDATE users SET is_admin = 1 WHERE username = 'berta'")
    conn.close()
    admin = accounts.sign_in_to_verify(store_path, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    with pytest.raises(JmdError) as info:
        accounts.rekey(admin)
    assert info.value.code == "rekey_refused"
    admin.close()


def test_recovery_key_can_be_rotated(store_path: Path, clock, recovery_key: str) -> None:
    admin = sign_in(store_path, "admin", clock)
    fresh = accounts.rotate_recovery_key(admin)
    assert all(r.ok for r in verify_store(admin))
    admin.close()
    with pytest.raises(AuthError):
        Store.open(store_path, recovery_key=recovery_key, policy=POLICY)
    Store.open(store_path, recovery_key=fresh, policy=POLICY).close()
    berta = sign_in(store_path, "berta", clock)
    with pytest.raises(AuthError):
        accounts.rotate_recovery_key(berta)
    berta.close()
