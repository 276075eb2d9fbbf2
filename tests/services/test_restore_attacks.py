"""Attacks on restore replayed against real stores (issue 12, finding 3): only an active admin
of the live store (or its recovery key) restores, a backup of another store is refused, and a
restore of an older backup leaves erased clients erased."""

from __future__ import annotations

import hashlib
import json
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from jmd_desk.domain.audit_chain import AuditFilter
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, JmdError, StoreError
from jmd_desk.domain.retention import REASON_REQUEST
from jmd_desk.services import accounts, audit, backups, clients, interchange, retention
from tests.conftest import ADMIN_PASSWORD, PASSWORDS, POLICY, db_key, set_own_password, sign_in
from tests.sqlcipher_pages import contains


def state(folder: Path) -> dict[str, str]:
    """Digest of every store file (lock file aside): 'nothing changed' is checked byte for byte."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.iterdir()
        if p.is_file() and not p.name.endswith((".lock", ".throttle"))
    }


def make_backup(store_path: Path, clock, target: Path) -> Path:
    session = sign_in(store_path, "admin", clock)
    try:
        return backups.create_backup(session, target)
    finally:
        session.close()


def test_deactivated_admin_cannot_restore_an_old_backup(store_path: Path, clock, tmp_path: Path) -> None:
    backup = make_backup(store_path, clock, tmp_path / "alt.jmdbackup")  # "it" is an admin in it
    admin = sign_in(store_path, "admin", clock)
    it = next(u for u in accounts.list_users(admin) if u.username == "it")
    accounts.update_user(admin, it.__class__(it.username, it.display_name, it.roles, active=False))
    admin.close()
    before = state(store_path.parent)
    with pytest.raises(AuthError):
        backups.restore(store_path, backup, "it", PASSWORDS["it"], clock=clock, policy=POLICY)
    with pytest.raises(AuthError) as info:  # an active account that is no admin
        backups.restore(store_path, backup, "berta", PASSWORDS["berta"], clock=clock, policy=POLICY)
    assert info.value.code == "restore_needs_live_admin"
    assert state(store_path.parent) == before


def test_deactivated_admin_with_a_planted_slot_is_still_refused(store_path: Path, clock, tmp_path: Path) -> None:
    """Even if the deactivated admin's slot were still in the key file, the live user list decides."""
    backup = make_backup(store_path, clock, tmp_path / "alt.jmdbackup")
    admin = sign_in(store_path, "admin", clock)
    with admin.uow(write=True) as uow:  # deactivate without removing the slot
        uow._session.execute(text("UPDATE users SET active = 0 WHERE username = 'it'"))  # type: ignore[union-attr]
    admin.close()
    before = state(store_path.parent)
    with pytest.raises(AuthError) as info:
        backups.restore(store_path, backup, "it", PASSWORDS["it"], clock=clock, policy=POLICY)
    assert info.value.code == "restore_needs_live_admin"
    assert state(store_path.parent) == before


def test_backup_of_another_store_is_refused(store_path: Path, clock, tmp_path: Path) -> None:
    other_path = tmp_path / "fremd" / "office.jmd"
    other, _ = accounts.create_store(other_path, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    foreign = backups.create_backup(other, tmp_path / "fremd.jmdbackup")
    other.close()
    before = state(store_path.parent)
    with pytest.raises(StoreError) as info:
        backups.restore(store_path, foreign, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    assert info.value.code == "restore_other_store"
    assert state(store_path.parent) == before


def test_recovery_key_of_the_live_store_restores(store_path: Path, clock, tmp_path: Path, recovery_key) -> None:
    backup = make_backup(store_path, clock, tmp_path / "b.jmdbackup")
    with pytest.raises(AuthError):
        backups.restore(store_path, backup, "admin", "not-the-key", recovery=True, clock=clock, policy=POLICY)
    seen = []
    result = backups.restore(
        store_path,
        backup,
        "admin",
        recovery_key,
        recovery=True,
        clock=clock,
        policy=POLICY,
        confirm=lambda p: not seen.append(p),
    )
    assert result.kept is not None and len(seen) == 1


def test_cancelled_restore_changes_nothing(store_path: Path, clock, tmp_path: Path) -> None:
    backup = make_backup(store_path, clock, tmp_path / "b.jmdbackup")
    before = state(store_path.parent)
    with pytest.raises(JmdError) as info:
        backups.restore(
            store_path, backup, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY, confirm=lambda p: False
        )
    assert info.value.code == "restore_cancelled"
    assert state(store_path.parent) == before


def erase(store_path: Path, clock, client_id: int) -> None:
    """Erasure on request by two independent people: the admin "it" and the team lead."""
    for user in ("it", "lead"):
        set_own_password(store_path, user, clock)
    it = sign_in(store_path, "it", clock)
    run_id = retention.propose_deletion(it, [client_id], REASON_REQUEST)
    it.close()
    lead = sign_in(store_path, "lead", clock)
    retention.confirm_deletion(lead, run_id)
    lead.close()


PLANTED = ("Loeschkandidatin", "Bleibtdamaier")


def _client(ref: str, name: str) -> dict:
    return {
        "ref": ref,
        "first_name": name,
        "last_name": f"{name}-Nachname",
        "date_of_birth": "2004-04-04",
        "consents": [],
        "cases": [
            {
                "ref": f"{ref}-1",
                "case_type": "counselling",
                "opened_on": "2025-01-10",
                "closed_on": None,
                "closure_reason": None,
                "destination": None,
                "goals": [],
                "follow_ups": [],
                "contacts": [{"date": "2025-02-01", "minutes": 30, "mode": "phone", "notes": f"Notiz {name}"}],
                "referrals": [],
            }
        ],
    }


def test_restoring_an_older_backup_leaves_erased_clients_erased(store_path: Path, clock, tmp_path: Path) -> None:
    clock.moment = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    admin = sign_in(store_path, "admin", clock)
    doc = {"format": "jmd-desk-interchange", "version": 1, "partners": [], "clients": [_client("a", PLANTED[0])]}
    doc["clients"].append(_client("b", PLANTED[1]))
    interchange.import_data(admin, json.dumps(doc).encode())
    backup = backups.create_backup(admin, tmp_path / "vorher.jmdbackup")
    target = next(c.id for c in clients.list_clients(admin) if c.first_name == PLANTED[0])
    admin.close()
    erase(store_path, clock, target)

    result = backups.restore(store_path, backup, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    assert result.erasures_reapplied == 1
    assert result.preview.deletion_runs_since == 1
    key = db_key(store_path, "admin", ADMIN_PASSWORD)
    assert not contains(store_path, key, PLANTED[0].encode())
    assert contains(store_path, key, PLANTED[1].encode())  # the search finds what is there
    admin = sign_in(store_path, "admin", clock)
    assert [c.first_name for c in clients.list_clients(admin)] == [PLANTED[1]]
    admin.close()
    # a second restore of the same old backup: the register travelled into the restored store
    backups.restore(store_path, backup, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    assert not contains(store_path, key, PLANTED[0].encode())


def test_reused_client_id_is_not_erased_by_the_register(store_path: Path, clock, tmp_path: Path) -> None:
    admin = sign_in(store_path, "admin", clock)
    doc = {"format": "jmd-desk-interchange", "version": 1, "partners": [], "clients": [_client("a", PLANTED[0])]}
    interchange.import_data(admin, json.dumps(doc).encode())
    target = clients.list_clients(admin)[0].id
    admin.close()
    erase(store_path, clock, target)
    admin = sign_in(store_path, "admin", clock)
    clock.moment = clock.moment.replace(hour=11)
    doc["clients"] = [_client("b", PLANTED[1])]
    interchange.import_data(admin, json.dumps(doc).encode())
    assert clients.list_clients(admin)[0].id == target  # SQLite hands out the freed id again
    backup = backups.create_backup(admin, tmp_path / "neu.jmdbackup")
    admin.close()
    result = backups.restore(store_path, backup, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    assert result.erasures_reapplied == 0
    admin = sign_in(store_path, "admin", clock)
    assert [c.first_name for c in clients.list_clients(admin)] == [PLANTED[1]]
    admin.close()


def test_admin_only_account_without_live_store_needs_admin_of_backup(store_path: Path, clock, tmp_path: Path) -> None:
    backup = make_backup(store_path, clock, tmp_path / "b.jmdbackup")
    fresh = tmp_path / "neu" / "office.jmd"
    with pytest.raises(AuthError):
        backups.restore(fresh, backup, "berta", PASSWORDS["berta"], clock=clock, policy=POLICY)
    backups.restore(fresh, backup, "it", PASSWORDS["it"], clock=clock, policy=POLICY)
    assert accounts.sign_in(fresh, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY).user.has(Role.ADMIN)


def _hostile_backup(path: Path, genuine: Path, member: str, data: bytes, compress: int) -> Path:
    """A backup whose manifest is genuine but one member is replaced by ``data``."""
    with zipfile.ZipFile(genuine) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info.filename, src.read(info), compress_type=zipfile.ZIP_STORED)
        dst.writestr(member, data, compress_type=compress)
    return path


def test_compressed_bomb_and_nested_manifest_are_refused_before_writing(
    store_path: Path, clock, tmp_path: Path
) -> None:
    genuine = make_backup(store_path, clock, tmp_path / "echt.jmdbackup")
    bomb = _hostile_backup(tmp_path / "bombe.jmdbackup", genuine, "store.jmd", bytes(200 << 20), zipfile.ZIP_DEFLATED)
    assert bomb.stat().st_size < 1 << 20
    nested = _hostile_backup(tmp_path / "tief.jmdbackup", genuine, "manifest.json", b"[" * 60_000, zipfile.ZIP_STORED)
    before = state(store_path.parent)
    for hostile in (bomb, nested):
        started = time.monotonic()
        with pytest.raises(StoreError) as info:
            backups.restore(store_path, hostile, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
        assert info.value.code == "backup_damaged"
        assert time.monotonic() - started < 10  # a hang guard, not a speed test
    assert state(store_path.parent) == before
    assert not any(p.name.startswith(".restore") for p in store_path.parent.iterdir())


def test_first_sign_in_after_a_restore_reports_no_throttle_reset(store_path: Path, clock, tmp_path: Path) -> None:
    """The restored store carries the backup's throttle token; the restore must carry the live
    file's token over, or the next sign-in reports a reset that did not happen."""
    backup = make_backup(store_path, clock, tmp_path / "b.jmdbackup")
    sign_in(store_path, "berta", clock).close()  # a new token in the file and the live store
    backups.restore(store_path, backup, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    admin = sign_in(store_path, "admin", clock)
    resets = audit.audit_events(admin, AuditFilter(action="throttle_file_reset"))
    admin.close()
    assert resets == []
