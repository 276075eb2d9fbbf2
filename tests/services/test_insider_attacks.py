"""Insiders with a password (issue 12, findings 1, 2, 6, 15) replayed against real stores: a
counsellor unwraps the database key with her own password and edits rows, plants key slots,
cuts or rewrites the audit log. DESIGN §3a: the signed user list and the audit checkpoints
detect it; edits after the last admin checkpoint are the stated limit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from jmd_desk.domain.audit_chain import GENESIS, event_hash
from jmd_desk.domain.errors import AuthError, StoreError
from jmd_desk.services import accounts
from jmd_desk.services.verify import verify_store
from jmd_desk.store.engine import connect
from jmd_desk.store.keyfile import FLOOR_PARAMS, RECOVERY_SLOT, KeyFile
from jmd_desk.store.roster import slot_findings
from tests.conftest import ADMIN_PASSWORD, PASSWORDS, POLICY, db_key, sign_in


def keys_of(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".keys")


def as_insider(store_path: Path, *statements: str, user: str = "berta") -> None:
    """Open the database with the key from the insider's own slot and run SQL."""
    conn = connect(store_path, db_key(store_path, user, PASSWORDS[user]))
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def findings(store_path: Path, clock, user: str = "admin", password: str = ADMIN_PASSWORD) -> dict[str, tuple]:
    session = accounts.sign_in_to_verify(store_path, user, password, clock=clock, policy=POLICY)
    try:
        return {r.name: r.findings for r in verify_store(session) if not r.ok}
    finally:
        session.close()


def busy_office(store_path: Path, clock, rounds: int = 12) -> None:
    """Audit events from several sign-ins, ending with an admin sign-in (a checkpoint)."""
    for i in range(rounds):
        sign_in(store_path, "berta", clock).close()
        if i % 4 == 3:
            sign_in(store_path, "admin", clock).close()
    sign_in(store_path, "admin", clock).close()


def test_clean_store_verifies(store_path: Path, clock) -> None:
    busy_office(store_path, clock, 2)
    assert findings(store_path, clock) == {}


def test_counsellor_who_makes_herself_admin_is_refused_and_named(store_path: Path, clock) -> None:
    as_insider(store_path, "UPDATE users SET is_admin = 1, is_team_lead = 1 WHERE username = 'berta'")
    for user in ("berta", "admin"):
        with pytest.raises(StoreError) as info:
            sign_in(store_path, user, clock)
        assert info.value.code == "user_list_mismatch"
    assert findings(store_path, clock)["user_list"] == ("user_altered:berta",)


def test_added_and_removed_accounts_are_named(store_path: Path, clock) -> None:
    as_insider(
        store_path,
        "INSERT INTO users (username, display_name, is_counsellor, is_team_lead, is_admin, active, created_at) "
        "VALUES ('svc-sync', 'Sync', 0, 0, 1, 1, '2026-11-20 09:00:00')",
        "DELETE FROM users WHERE username = 'it'",
    )
    found = findings(store_path, clock)["user_list"]
    assert "user_extra:svc-sync" in found
    assert any(f.startswith("user_missing:") for f in found)


def test_planted_slots_are_refused_even_after_deactivation(store_path: Path, clock) -> None:
    key = db_key(store_path, "berta", PASSWORDS["berta"])
    key_file = KeyFile.load(keys_of(store_path))
    planted = key_file.with_slot(key_file.slot_id_for("svc-sync"), "Insider-Pass-1", key, key_file.slots[0].params)
    planted.save(keys_of(store_path))
    with pytest.raises(StoreError) as info:
        sign_in(store_path, "admin", clock)
    assert info.value.code == "user_list_mismatch"
    assert findings(store_path, clock)["user_list"] == (f"slot_extra:{key_file.slot_id_for('svc-sync')}",)
    key_file.save(keys_of(store_path))  # back to the genuine file
    # berta keeps a copy of her slot, is deactivated, and puts her slot back
    own_slot = key_file.slot(key_file.user_slot("berta"))
    admin = sign_in(store_path, "admin", clock)
    me = next(u for u in accounts.list_users(admin) if u.username == "berta")
    accounts.update_user(admin, me.__class__(me.username, me.display_name, me.roles, active=False))
    admin.close()
    current = KeyFile.load(keys_of(store_path))
    KeyFile(current.store_id, (*current.slots, own_slot), current.roster, current.public_key, current.signature).save(
        keys_of(store_path)
    )
    with pytest.raises((StoreError, AuthError)):
        sign_in(store_path, "berta", clock)
    assert "slot_extra" in findings(store_path, clock)["user_list"][0]


def test_deleted_or_weakened_slots_are_named(store_path: Path, clock) -> None:
    genuine = KeyFile.load(keys_of(store_path))
    genuine.without_slot(RECOVERY_SLOT).save(keys_of(store_path))
    assert findings(store_path, clock)["user_list"] == ("slot_missing:recovery",)
    doc = json.loads(genuine.to_bytes())
    for slot in doc["slots"]:
        if slot["id"] == genuine.user_slot("cem"):
            slot["kdf"]["lanes"] = 2  # other parameters than the signed ones
    keys_of(store_path).write_text(json.dumps(doc))
    found = findings(store_path, clock)["user_list"]
    assert f"slot_altered:{genuine.user_slot('cem')}" in found


def test_slots_below_the_production_floor_are_weak() -> None:
    signed = {"u-1": (65_536, 3, 4), "recovery": (65_536, 3, 4)}
    present = {"u-1": (65_536, 3, 4), "recovery": (65_536, 3, 4), "u-2": (64, 1, 1)}
    assert slot_findings(signed, present, FLOOR_PARAMS) == ["slot_extra:u-2", "slot_weak:u-2"]
    weakened = {**signed, "u-1": (8_192, 1, 1)}
    assert slot_findings(signed, weakened, FLOOR_PARAMS) == ["slot_altered:u-1", "slot_weak:u-1"]


def test_forged_signature_is_refused(store_path: Path, clock) -> None:
    doc = json.loads(keys_of(store_path).read_bytes())
    for user in doc["roster"]["users"]:
        user[2] = ["admin", "counsellor", "team_lead"]  # everybody may do everything
    keys_of(store_path).write_text(json.dumps(doc))
    with pytest.raises(StoreError) as info:
        sign_in(store_path, "berta", clock)
    assert info.value.code == "user_list_mismatch"
    assert findings(store_path, clock)["user_list"] == ("user_list_signature_invalid",)


def _rechain(store_path: Path, where: str = "") -> None:
    """What the insider does after deleting events: recompute every hash with the audit key
    (derived from the database key she holds) and move the recorded head."""
    key = db_key(store_path, "berta", PASSWORDS["berta"])
    audit_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"jmd-desk audit-hmac v1").derive(key)
    conn = connect(store_path, key)
    try:
        if where:
            conn.execute(f"DELETE FROM audit_events WHERE {where}")
        rows = conn.execute(
            "SELECT seq, at, user, action, entity_kind, entity_id, client_id FROM audit_events ORDER BY seq"
        ).fetchall()
        conn.execute("DELETE FROM audit_events")
        prev = GENESIS
        for seq, row in enumerate(rows, start=1):
            _, at, user, action, kind, entity_id, client_id = row
            digest = event_hash(
                audit_key,
                seq=seq,
                at=at,
                user=user,
                action=action,
                entity_kind=kind,
                entity_id=entity_id,
                client_id=client_id,
                prev_hash=prev,
            )
            conn.execute(
                "INSERT INTO audit_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, at, user, action, kind, entity_id, client_id, prev, digest),
            )
            prev = digest
        if rows:
            conn.execute("UPDATE store_meta SET value = ? WHERE key = 'audit_head'", (f"{len(rows)}:{prev}",))
        else:
            conn.execute("DELETE FROM store_meta WHERE key = 'audit_head'")
    finally:
        conn.close()


def test_deleted_and_rechained_events_before_a_checkpoint_are_detected(store_path: Path, clock) -> None:
    busy_office(store_path, clock)
    _rechain(store_path, "seq BETWEEN 5 AND 14 AND user = 'berta'")
    found = findings(store_path, clock)
    assert "audit_chain" not in found  # the chain itself looks perfect again …
    assert any("audit_rewritten_before_checkpoint" in f for f in found["audit_checkpoints"])  # … the checkpoint knows


def test_cut_tail_and_emptied_log_are_detected(store_path: Path, clock) -> None:
    busy_office(store_path, clock)
    _rechain(store_path, "seq > 10")  # cut the tail, head moved to match
    found = findings(store_path, clock)
    assert "audit_chain" not in found
    assert any("audit_cut_before_checkpoint" in f for f in found["audit_checkpoints"])
    _rechain(store_path, "1 = 1")  # delete everything
    found = findings(store_path, clock)
    assert any("audit_emptied" in f or "audit_cut" in f for f in found["audit_checkpoints"])


def test_limit_edits_after_the_last_checkpoint_are_not_detected(store_path: Path, clock) -> None:
    """DESIGN §3a: changes after the last admin checkpoint are only as safe as the key."""
    busy_office(store_path, clock, 2)
    session = sign_in(store_path, "berta", clock)  # events after the admin's checkpoint
    session.close()
    count_before = _count(store_path)
    _rechain(store_path, f"seq = {count_before}")  # berta's own newest event goes
    found = findings(store_path, clock)
    assert "audit_chain" not in found and "audit_checkpoints" not in found


def _count(store_path: Path) -> int:
    conn = connect(store_path, db_key(store_path, "admin", ADMIN_PASSWORD))
    try:
        return int(conn.execute("SELECT max(seq) FROM audit_events").fetchone()[0])
    finally:
        conn.close()


def test_old_key_file_does_not_bring_a_deactivated_account_back(store_path: Path, clock) -> None:
    old = keys_of(store_path).read_bytes()  # cem keeps a copy of an earlier key file
    admin = sign_in(store_path, "admin", clock)
    me = next(u for u in accounts.list_users(admin) if u.username == "cem")
    accounts.update_user(admin, me.__class__(me.username, me.display_name, me.roles, active=False))
    admin.close()
    keys_of(store_path).write_bytes(old)
    with pytest.raises((StoreError, AuthError)):
        sign_in(store_path, "cem", clock)
    assert "user_altered:cem" in findings(store_path, clock)["user_list"]


def test_reset_password_of_a_deactivated_account_is_refused(store_path: Path, clock) -> None:
    admin = sign_in(store_path, "admin", clock)
    me = next(u for u in accounts.list_users(admin) if u.username == "cem")
    accounts.update_user(admin, me.__class__(me.username, me.display_name, me.roles, active=False))
    with pytest.raises(Exception) as info:
        accounts.reset_password(admin, "cem", "Neues-Passwort-77")
    assert getattr(info.value, "code", "") == "user_inactive"
    admin.close()
    key_file = KeyFile.load(keys_of(store_path))
    assert key_file.slot(key_file.user_slot("cem")) is None


def test_key_file_names_no_accounts(store_path: Path) -> None:
    text = keys_of(store_path).read_text()
    for name in ("admin", "berta", "cem", "lead", '"it"', "user:"):
        assert name not in text.replace('"admin"', "").replace("team_lead", "") or name == "admin"
    assert "berta" not in text and "user:" not in text


def test_version_1_key_file_opens_and_is_upgraded_at_the_first_admin_sign_in(
    store_path: Path, clock, recovery_key: str
) -> None:
    key = db_key(store_path, "admin", ADMIN_PASSWORD)
    current = KeyFile.load(keys_of(store_path))
    old = KeyFile(current.store_id, ())
    params = current.slots[0].params
    for user, password in PASSWORDS.items():
        old = old.with_slot(f"user:{user}", password, key, params)
    old = old.with_slot(RECOVERY_SLOT, recovery_key, key, params)
    doc = json.loads(old.to_bytes())
    doc["version"] = 1
    keys_of(store_path).write_text(json.dumps(doc))
    sign_in(store_path, "berta", clock).close()  # a counsellor opens it as before
    assert KeyFile.load(keys_of(store_path)).roster is None
    sign_in(store_path, "admin", clock).close()  # the admin's sign-in signs the list
    upgraded = KeyFile.load(keys_of(store_path))
    assert upgraded.signature_ok() and upgraded.user_slot("admin").startswith("u-")
    sign_in(store_path, "berta", clock).close()  # her version 1 slot still counts
    # Only the upgrading admin's slot holds the office key: verify says a re-key is due.
    assert upgraded.slot(RECOVERY_SLOT).signing is None
    assert findings(store_path, clock) == {"office_key": ("recovery_slot_without_office_key", "rekey_recommended")}
    admin = sign_in(store_path, "admin", clock)
    try:
        accounts.rekey(admin)
        assert not [r for r in verify_store(admin) if not r.ok]
    finally:
        admin.close()
    assert KeyFile.load(keys_of(store_path)).slot(RECOVERY_SLOT).signing is not None
