"""Audit chain tampering, sign-in throttling, backups and verified restores."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.audit_chain import AuditFilter
from jmd_desk.domain.errors import AuthError, JmdError, StoreError
from jmd_desk.services import accounts, backups, interchange
from jmd_desk.services.verify import verify_store
from jmd_desk.store.store import Store
from jmd_desk.store.uow import UnitOfWork
from tests.conftest import ADMIN_PASSWORD, PASSWORDS, POLICY, TODAY, sign_in


def load(store_path: Path, clock, n: int = 20) -> dict:
    doc = generate_document(n, today=TODAY.date(), seed=31, counsellors=["admin"])
    doc["clients"][0]["first_name"] = "Kanarienvogel"
    session = sign_in(store_path, "admin", clock)
    interchange.import_data(session, json.dumps(doc).encode())
    session.close()
    return doc


def audit_problems(store_path: Path) -> set[str]:
    """The chain's problems, read without adding an event (no sign-in)."""
    store = Store.open(store_path, username="admin", password=ADMIN_PASSWORD, policy=POLICY)
    try:
        with UnitOfWork(store) as uow:
            return {code for _, code in uow.audit.verify()}
    finally:
        store.close()


def tamper(store_path: Path, clock, statement: str) -> None:
    session = sign_in(store_path, "admin", clock)
    with session.store.engine.begin() as conn:
        conn.execute(text(statement))
    session.close()


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("UPDATE audit_events SET action = 'client_viewed' WHERE seq = 3", {"audit_tampered"}),
        ("UPDATE audit_events SET user = 'mallory' WHERE seq = 2", {"audit_tampered"}),
        ("DELETE FROM audit_events WHERE seq = 4", {"audit_gap", "audit_broken_link"}),
        (
            "INSERT INTO audit_events "
            "(seq, at, user, action, entity_kind, entity_id, client_id, prev_hash, hash) "
            "SELECT 1000, at, user, action, entity_kind, entity_id, client_id, hash, hash FROM audit_events "
            "WHERE seq = (SELECT max(seq) FROM audit_events)",
            {"audit_tampered", "audit_gap", "audit_tail_removed"},
        ),
        ("DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)", {"audit_tail_removed"}),
        ("DELETE FROM audit_events WHERE seq > 5", {"audit_tail_removed"}),
    ],
)
def test_verify_detects_changed_inserted_and_removed_events(store_path, clock, statement, expected) -> None:
    load(store_path, clock, 3)
    assert audit_problems(store_path) == set()
    tamper(store_path, clock, statement)
    assert expected <= audit_problems(store_path)
    session = sign_in(store_path, "admin", clock)  # later events do not hide the damage
    results = {r.name: r for r in verify_store(session)}
    session.close()
    assert not results["audit_chain"].ok


def test_audit_holds_no_names_or_notes(store_path, clock) -> None:
    doc = load(store_path, clock)
    session = sign_in(store_path, "admin", clock)
    with session.uow() as uow:
        events = uow.audit.find(AuditFilter(limit=100_000))
    session.close()
    dump = json.dumps([e.__dict__ for e in events], default=str)
    for c in doc["clients"]:
        assert c["last_name"] not in dump and c["first_name"] not in dump
        for case in c["cases"]:
            for contact in case["contacts"]:
                assert contact["notes"] not in dump


def test_failed_sign_ins_are_throttled_and_audited(store_path, clock) -> None:
    for _ in range(2):
        with pytest.raises(AuthError):
            accounts.sign_in(store_path, "berta", "falsch-falsch", clock=clock, policy=POLICY)
    with pytest.raises(AuthError) as info:
        accounts.sign_in(store_path, "ghost", "falsch-falsch", clock=clock, policy=POLICY)
    assert info.value.code == "wrong_credentials"  # three free attempts, then a growing delay
    for user in ("berta", "ghost"):  # the delay does not tell whether an account exists
        with pytest.raises(AuthError) as info:
            accounts.sign_in(store_path, user, PASSWORDS.get(user, "x"), clock=clock, policy=POLICY)
        assert info.value.code == "too_many_attempts"
    throttle_file = store_path.with_name(store_path.name + ".throttle")
    assert b"berta" not in throttle_file.read_bytes() and b"ghost" not in throttle_file.read_bytes()
    clock.moment += timedelta(seconds=3)
    session = accounts.sign_in(store_path, "berta", PASSWORDS["berta"], clock=clock, policy=POLICY)
    session.close()
    admin = sign_in(store_path, "admin", clock)
    with admin.uow() as uow:
        failed = uow.audit.find(AuditFilter(action="sign_in_failed"))
    admin.close()
    assert sorted(e.user for e in failed) == ["?", "berta", "berta"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_restore_round_trip_reproduces_the_export(store_path, clock, tmp_path: Path) -> None:
    load(store_path, clock)
    session = sign_in(store_path, "admin", clock)
    before = interchange.export_data(session)
    backup = backups.create_backup(session, tmp_path / "sicherung.jmdbackup")
    session.close()
    assert backup.read_bytes()[:2] == b"PK"
    assert b"Kanarienvogel" not in backup.read_bytes()
    session = sign_in(store_path, "admin", clock)  # change something after the backup
    interchange.import_data(session, json.dumps(generate_document(3, today=TODAY.date(), seed=99)).encode())
    session.close()
    result = backups.restore(store_path, backup, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    assert result.kept is not None and result.kept.exists()
    session = sign_in(store_path, "admin", clock)
    assert interchange.export_data(session) == before
    session.close()


def test_damaged_backups_are_refused_and_change_nothing(store_path, clock, tmp_path: Path) -> None:
    load(store_path, clock, 5)
    session = sign_in(store_path, "admin", clock)
    backup = backups.create_backup(session, tmp_path / "s.jmdbackup")
    session.close()
    state = {p.name: digest(p) for p in store_path.parent.iterdir() if p.is_file() and p.suffix != ".lock"}
    truncated = tmp_path / "kurz.jmdbackup"
    truncated.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    flipped = tmp_path / "kaputt.jmdbackup"
    data = bytearray(backup.read_bytes())
    data[len(data) // 3] ^= 0xFF
    flipped.write_bytes(bytes(data))
    for bad in (truncated, flipped, tmp_path / "gibt-es-nicht.jmdbackup"):
        with pytest.raises(StoreError) as info:
            backups.restore(store_path, bad, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
        assert info.value.code in ("backup_damaged", "backup_not_found")
    with pytest.raises(JmdError):
        backups.restore(store_path, backup, "berta", PASSWORDS["berta"], clock=clock, policy=POLICY)
    after = {p.name: digest(p) for p in store_path.parent.iterdir() if p.is_file() and p.suffix != ".lock"}
    assert after == state
    assert not any(p.name.startswith(".restore") for p in store_path.parent.iterdir())


def test_automatic_backup_once_a_day_and_rotated(store_path, clock) -> None:
    session = sign_in(store_path, "berta", clock)
    first = backups.auto_backup(session)
    assert first is not None and backups.auto_backup(session) is None
    for _ in range(12):
        clock.moment += timedelta(days=1)
        backups.auto_backup(session)
    made = sorted(backups.backup_folder(session).glob("auto-*"))
    session.close()
    assert len(made) == 10  # the office default
    assert first not in made
