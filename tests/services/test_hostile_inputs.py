"""Hostile files and insiders' tricks replayed against real stores (issue 12, findings 5, 7, 8,
9, 10, 11, 12, 13, 14): each is refused with a specific error, quickly, changing nothing."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.audit_chain import AuditFilter
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, JmdError, StoreError, ValidationError
from jmd_desk.domain.interchange import load_json
from jmd_desk.domain.statistics import Period
from jmd_desk.reports import bundle
from jmd_desk.services import accounts, audit, interchange, settings, statistics
from jmd_desk.services.environment import kdf_policy_from_env
from jmd_desk.store import keyfile
from tests.conftest import ADMIN_PASSWORD, PASSWORDS, POLICY, TODAY, sign_in

QUARTER = Period.quarter("2026-Q3")
PASSPHRASE = "Statistik-Passwort-2026"


def digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.iterdir()
        if p.is_file() and not p.name.endswith((".lock", ".throttle"))
    }


# ------------------------------------------------------------------ finding 8: KDF bounds
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("memory_kib", 1 << 40),  # MemoryError before
        ("iterations", 10**12),  # a hang before
        ("lanes", 1 << 24),  # OverflowError before
        ("memory_kib", -5),
        ("iterations", "3"),
        ("lanes", 2.5),
    ],
)
def test_key_file_kdf_parameters_out_of_bounds_are_refused(store_path: Path, clock, field, value) -> None:
    keys = store_path.with_name(store_path.name + ".keys")
    doc = json.loads(keys.read_bytes())
    for slot in doc["slots"]:
        slot["kdf"][field] = value
    keys.write_text(json.dumps(doc))
    before = digests(store_path.parent)
    started = time.monotonic()
    with pytest.raises(StoreError) as info:
        sign_in(store_path, "admin", clock)
    assert info.value.code == "key_slot_damaged"  # the slot is unreadable; no derivation ran
    assert time.monotonic() - started < 10  # a hang guard, not a speed test
    assert digests(store_path.parent) == before


def test_nested_json_in_key_file_and_import_is_a_clear_error(store_path: Path, clock) -> None:
    keys = store_path.with_name(store_path.name + ".keys")
    keys.write_bytes(b"[" * 100_000)
    with pytest.raises(StoreError) as info:
        sign_in(store_path, "admin", clock)
    assert info.value.code == "keyfile_corrupt"
    with pytest.raises(ValidationError) as verr:
        load_json(b"[" * 100_000)
    assert verr.value.errors[0].code == "malformed_json"


def test_unknown_account_costs_the_same_derivation_as_a_real_one(store_path: Path, monkeypatch) -> None:
    used = []
    real = keyfile._derive
    key_file = keyfile.KeyFile.load(store_path.with_name(store_path.name + ".keys"))
    stronger = keyfile.KdfParams(256, 2, 2)  # not the policy's own parameters
    key_file = key_file.with_slot("user:admin", ADMIN_PASSWORD, bytes(32), stronger)
    monkeypatch.setattr(keyfile, "_derive", lambda secret, salt, p: used.append(p) or real(secret, salt, p))
    for slot_id in ("user:admin", key_file.slot_id_for("niemand")):
        with pytest.raises(AuthError):
            key_file.unwrap(slot_id, "falsch", POLICY)
    assert used == [stronger, stronger]


# ------------------------------------------------------------------ finding 7: bundles
def _sealed(payload: dict, kdf: dict | None = None) -> bytes:
    """A bundle sealed with the right passphrase around an arbitrary payload (an insider's)."""
    kdf = kdf or bundle.KDF
    salt, nonce = os.urandom(16), os.urandom(12)
    header = {
        "format": bundle.FORMAT,
        "version": bundle.VERSION,
        "period": {"from": QUARTER.start.isoformat(), "to": QUARTER.end.isoformat()},
        "source": "feindlich",
        "kdf": {"alg": "argon2id", **kdf, "salt": base64.b64encode(salt).decode()},
        "key_check": "",
    }
    if kdf["memory_kib"] <= bundle.KDF["memory_kib"] * 8 and kdf["iterations"] <= 8 and kdf["lanes"] <= 8:
        key, header["key_check"] = bundle._keys(PASSPHRASE, salt, kdf)
    else:
        key = os.urandom(32)
    ciphertext = AESGCM(key).encrypt(nonce, json.dumps(payload).encode(), bundle._header_bytes(header))
    document = {
        **header,
        "nonce": base64.b64encode(nonce).decode(),
        "ciphertext": base64.b64encode(ciphertext).decode(),
    }
    return json.dumps(document).encode()


def _payload(rows: list, table: str = "persons_by_gender") -> dict:
    return {"basis": "consent", "persons_left_out": 0, "tables": {table: rows}}


@pytest.mark.parametrize(
    "payload",
    [
        _payload([[["female"], 10**30, 0]]),
        _payload([[["female"], -4, 0]]),
        _payload([[["female"], 2.5, 0]]),
        _payload([[["female"], True, 0]]),
        _payload([[["female", "x"], 3, 0]]),
        _payload([[["female"], 3, 0]], table="salaries"),
        {"basis": "consent", "persons_left_out": -1, "tables": {}},
        _payload([[["female"], 3, 2**32]]),
        _payload([[["female"], 3, -1]]),
        _payload([[["female"], 3]]),
    ],
)
def test_bundle_with_impossible_counts_is_refused(payload: dict) -> None:
    with pytest.raises(JmdError) as info:
        statistics.merge_bundles([_sealed(payload)], PASSPHRASE, QUARTER)
    assert info.value.code == "bundle_counts_invalid"


def test_genuine_bundle_values_pass() -> None:
    raw = statistics.merge_bundles([_sealed(_payload([[["female"], 1_000_000, 7]]))], PASSPHRASE, QUARTER)
    assert raw.counts["persons_by_gender"] == {("female",): 1_000_000}


@pytest.mark.parametrize(
    "kdf",
    [
        {"memory_kib": 1 << 40, "iterations": 3, "lanes": 4},
        {"memory_kib": 65_536, "iterations": 10**9, "lanes": 4},
        {"memory_kib": 65_536, "iterations": 3, "lanes": 1 << 20},
        {"memory_kib": 1024, "iterations": 1, "lanes": 1},
    ],
)
def test_bundle_kdf_out_of_bounds_is_refused_fast(kdf: dict) -> None:
    started = time.monotonic()
    with pytest.raises(JmdError) as info:
        statistics.merge_bundles([_sealed(_payload([]), kdf)], PASSPHRASE, QUARTER)
    assert info.value.code in ("bundle_invalid", "bundle_tampered")
    assert time.monotonic() - started < 10  # a hang guard, not a speed test


def test_deeply_nested_bundle_is_invalid() -> None:
    with pytest.raises(JmdError) as info:
        statistics.merge_bundles([b"[" * 200_000], PASSPHRASE, QUARTER)
    assert info.value.code == "bundle_invalid"


# ------------------------------------------------------------------ finding 11: CSV formulas
@pytest.mark.parametrize("office", ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x","Klick")', "+1+cmd|x", "@SUM(A1)"])
def test_formula_in_office_name_is_neutralised_in_csv(store_path: Path, clock, office: str) -> None:
    admin = sign_in(store_path, "admin", clock)
    settings.save_office_settings(admin, replace(settings.office_settings(admin), office_name=office))
    data = statistics.export(admin, QUARTER, "csv").decode("utf-8-sig")
    admin.close()
    cells = [cell for line in data.splitlines() for cell in line.split(";")]
    assert not any(cell.lstrip('"').startswith(("=", "+", "@")) for cell in cells), cells[:6]
    assert any(office.replace('"', '""') in cell for cell in cells)


# ------------------------------------------------------------------ finding 12: hidden characters
@pytest.mark.parametrize("bad", ["\x00", "\u202e", "\x1b[31m", "\x07", "\r\n", "\u200b", "\u2028"])
def test_names_with_control_or_bidi_characters_are_refused(store_path: Path, clock, bad: str) -> None:
    doc = generate_document(1, today=TODAY.date(), seed=5, counsellors=["admin"])
    doc["clients"][0]["last_name"] = f"Mus{bad}ter"
    admin = sign_in(store_path, "admin", clock)
    with pytest.raises(ValidationError) as info:
        interchange.import_data(admin, json.dumps(doc).encode())
    assert any(e.code == "control_character" for e in info.value.errors)
    with pytest.raises(ValidationError):
        accounts.create_user(admin, "dora", f"Dora{bad}", frozenset({Role.COUNSELLOR}), "Dora-Passwort-1")
    with pytest.raises(ValidationError):
        settings.save_office_settings(admin, replace(settings.office_settings(admin), office_name=f"JMD{bad}"))
    admin.close()


def test_notes_keep_line_breaks_and_tabs(store_path: Path, clock) -> None:
    doc = generate_document(1, today=TODAY.date(), seed=5, counsellors=["admin"])
    doc["clients"][0]["cases"][0]["contacts"].append(
        {"date": doc["clients"][0]["cases"][0]["opened_on"], "minutes": 5, "mode": "phone", "notes": "a\n\tb"}
    )
    admin = sign_in(store_path, "admin", clock)
    interchange.import_data(admin, json.dumps(doc).encode())
    admin.close()


# ------------------------------------------------------------------ finding 10: admin-only accounts
def test_admin_only_account_reads_no_case_contents(store_path: Path, clock) -> None:
    it = sign_in(store_path, "it", clock)
    with pytest.raises(AuthError):
        interchange.export_data(it)
    me = next(u for u in accounts.list_users(it) if u.username == "it")
    with pytest.raises(ValidationError):
        accounts.update_user(it, replace(me, roles=frozenset({Role.ADMIN, Role.COUNSELLOR})))
    with pytest.raises(ValidationError):
        accounts.set_deputies(it, "berta", ["it"])
    assert "it" not in accounts.deputies_of(it, "berta")
    it.close()


# ------------------------------------------------------------------ finding 5: lock screen
def test_lock_drops_the_key_and_guesses_are_throttled_and_audited(store_path: Path, clock) -> None:
    session = sign_in(store_path, "berta", clock)
    session.lock()
    with pytest.raises(StoreError) as info, session.store.engine.connect():
        pass
    assert info.value.code == "store_locked"
    for _ in range(3):
        with pytest.raises(AuthError) as wrong:
            session.unlock("geraten-1234")
        assert wrong.value.code == "wrong_credentials"
    with pytest.raises(AuthError) as info2:
        session.unlock(PASSWORDS["berta"])  # even the right password waits now
    assert info2.value.code == "too_many_attempts"
    clock.moment = clock.moment.replace(minute=clock.moment.minute + 2)
    session.unlock(PASSWORDS["berta"])
    session.close()
    admin = sign_in(store_path, "admin", clock)
    failed = audit.audit_events(admin, AuditFilter(action="sign_in_failed"))
    admin.close()
    assert [e.user for e in failed] == ["berta"] * 3


# ------------------------------------------------------------------ findings 13, 14: the process
def test_program_switches_core_dumps_off_at_start(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import jmd_desk.cli.main as cli\n"
        "from jmd_desk.services import hardening\n"
        "cli.run = lambda *a, **k: print(hardening.core_dumps_disabled()) or 0\n"
        "from jmd_desk.app import main\n"
        "sys.exit(main(['verify', '--user', 'x']))\n"
    )
    env = {**os.environ, "JMD_DESK_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "True"


def test_fast_kdf_switch_is_ignored_by_an_installed_program(tmp_path: Path) -> None:
    installed = tmp_path / "site-packages"
    shutil.copytree(Path(__file__).resolve().parents[2] / "jmd_desk", installed / "jmd_desk")
    code = (
        "from jmd_desk.services.environment import kdf_policy_from_env\n"
        "print(kdf_policy_from_env({'JMD_DESK_INSECURE_FAST_KDF_FOR_TESTS': '1'}).floor.memory_kib)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(installed)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, check=True
    )
    assert result.stdout.strip() == str(keyfile.FLOOR_PARAMS.memory_kib)
    assert kdf_policy_from_env({"JMD_DESK_INSECURE_FAST_KDF_FOR_TESTS": "1"}) == POLICY  # the checkout's suite


# ------------------------------------------------------------------ finding 9: the throttle file
def test_deleting_the_throttle_file_is_audited(store_path: Path, clock) -> None:
    sign_in(store_path, "berta", clock).close()  # a token is in the file and in the store
    for _ in range(2):
        with pytest.raises(AuthError):
            accounts.sign_in(store_path, "berta", "geraten-9876", clock=clock, policy=POLICY)
    store_path.with_name(store_path.name + ".throttle").unlink()  # hide the failures
    sign_in(store_path, "berta", clock).close()
    admin = sign_in(store_path, "admin", clock)
    resets = audit.audit_events(admin, AuditFilter(action="throttle_file_reset"))
    admin.close()
    assert len(resets) == 1


def test_restore_checks_go_through_the_throttle(store_path: Path, clock, tmp_path: Path) -> None:
    from jmd_desk.services import backups  # noqa: PLC0415

    admin = sign_in(store_path, "admin", clock)
    backup = backups.create_backup(admin, tmp_path / "b.jmdbackup")
    admin.close()
    for _ in range(3):
        with pytest.raises(AuthError):
            backups.restore(store_path, backup, "admin", "geraten", clock=clock, policy=POLICY)
    with pytest.raises(AuthError) as info:
        backups.restore(store_path, backup, "admin", ADMIN_PASSWORD, clock=clock, policy=POLICY)
    assert info.value.code == "too_many_attempts"
