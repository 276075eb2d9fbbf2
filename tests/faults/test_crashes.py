"""Crashes, a full disk and damaged files never leave a half-written or silently wrong store.

* 50 times: a writer is killed with SIGKILL at a random moment during imports and edits;
  afterwards every integrity check passes and every unit of work is either whole or absent.
* A full disk (RLIMIT_FSIZE) during a write and during a backup: clean error, store intact.
* 200 random byte flips in a store file: each gives a clean error or a failed check, never a
  crash and never different data.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.audit_chain import AuditFilter
from jmd_desk.domain.errors import JmdError
from jmd_desk.services import interchange
from jmd_desk.services.verify import verify_store
from tests.conftest import ADMIN_PASSWORD, copy_store, sign_in
from tests.faults.worker import BATCH, CONTACTS

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def start_worker(store: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "JMD_DESK_INSECURE_FAST_KDF_FOR_TESTS": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.faults.worker", str(store), "admin", ADMIN_PASSWORD, *extra],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.strip() == "ready", process.stderr.read() if process.stderr else line
    return process


def check_store(store: Path, clock) -> dict[str, int]:
    """Every integrity check passes and every unit of work is whole; returns counts."""
    session = sign_in(store, "admin", clock)
    try:
        results = verify_store(session)
        assert all(r.ok for r in results), [(r.name, r.findings) for r in results if not r.ok]
        people = json.loads(interchange.export_data(session))["clients"]
        with session.uow() as uow:
            events = Counter(e.action for e in uow.audit.find(AuditFilter(limit=1_000_000)))
    finally:
        session.close()
    by_batch = Counter(p["last_name"] for p in people if p["last_name"].startswith("Batch-"))
    assert all(n == BATCH for n in by_batch.values()), by_batch
    edit_contacts = edit_follow_ups = 0
    for person in people:
        assert len(person["cases"]) == 1
        contacts = person["cases"][0]["contacts"]
        assert len([c for c in contacts if c["notes"] != "edit"]) == CONTACTS
        edit_contacts += len([c for c in contacts if c["notes"] == "edit"])
        edit_follow_ups += len(person["cases"][0]["follow_ups"])
    assert events["client_imported"] == len(people)
    assert events["contact_added"] == edit_contacts
    assert events["follow_up_added"] == edit_follow_ups
    return {"clients": len(people), "edits": edit_contacts}


def test_kill_minus_nine_fifty_times(store_path: Path, clock) -> None:
    rng = random.Random(20261123)
    seen_clients = 0
    for _ in range(50):
        process = start_worker(store_path)
        time.sleep(rng.uniform(0.05, 0.6))
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
        counts = check_store(store_path, clock)
        assert counts["clients"] >= seen_clients  # committed work is never lost
        seen_clients = counts["clients"]
    assert seen_clients > 0


def test_full_disk_during_a_write_leaves_the_store_as_it_was(store_path: Path, clock) -> None:
    before = check_store(store_path, clock)
    size = store_path.stat().st_size
    process = start_worker(store_path, str(size + 48 * 1024))
    out, err = process.communicate(timeout=120)
    assert "error disk_full" in out or "error io_error" in out, out + err
    assert "Traceback" not in err
    after = check_store(store_path, clock)
    assert after["clients"] >= before["clients"]


def test_full_disk_during_a_backup(store_path: Path, clock, tmp_path: Path) -> None:
    session = sign_in(store_path, "admin", clock)
    interchange.import_data(session, json.dumps(generate_document(60, today=clock.today(), seed=2)).encode())
    export_before = interchange.export_data(session)
    session.close()
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from jmd_desk.domain.clock import SystemClock\n"
        "from jmd_desk.domain.errors import JmdError\n"
        "from jmd_desk.services import accounts, backups\n"
        "from jmd_desk.store.keyfile import KdfPolicy\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "s = accounts.sign_in(Path(sys.argv[1]), 'admin', sys.argv[2], clock=SystemClock(),"
        " policy=KdfPolicy.insecure_for_tests())\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))\n"
        "try:\n"
        "    backups.create_backup(s, Path(sys.argv[3]))\n"
        "except JmdError as exc:\n"
        "    print('error', exc.code)\n"
        "finally:\n"
        "    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))\n"
        "    s.close()\n"
    )
    target = tmp_path / "voll" / "sicherung.jmdbackup"
    result = subprocess.run(
        [sys.executable, "-c", script, str(store_path), ADMIN_PASSWORD, str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "JMD_DESK_INSECURE_FAST_KDF_FOR_TESTS": "1"},
    )
    assert (
        "error backup_failed" in result.stdout
        or "error disk_full" in result.stdout
        or "error io_error" in result.stdout
    ), result.stdout + result.stderr
    assert not target.exists()
    assert not target.parent.exists() or list(target.parent.iterdir()) == []  # no partial file left
    session = sign_in(store_path, "admin", clock)
    assert interchange.export_data(session) == export_before
    assert all(r.ok for r in verify_store(session))
    session.close()


def test_two_hundred_byte_flips(store_path: Path, template_store: Path, clock, tmp_path: Path) -> None:
    session = sign_in(store_path, "admin", clock)
    interchange.import_data(session, json.dumps(generate_document(25, today=clock.today(), seed=3)).encode())
    expected = interchange.export_data(session)
    session.close()
    original = store_path.read_bytes()
    rng = random.Random(7)
    outcomes: Counter[str] = Counter()
    for i in range(200):
        folder = tmp_path / f"f{i}"
        target = copy_store(store_path, folder)
        data = bytearray(original)
        offset = rng.randrange(len(data))
        data[offset] ^= 1 << rng.randrange(8)
        target.write_bytes(bytes(data))
        try:
            flipped = sign_in(target, "admin", clock)
        except JmdError as exc:
            outcomes[exc.code] += 1
        else:
            try:
                exported = interchange.export_data(flipped)
                checks = verify_store(flipped)
            except JmdError as exc:
                outcomes[exc.code] += 1
            else:
                assert not all(r.ok for r in checks) or exported == expected, offset
                outcomes["found by verify" if not all(r.ok for r in checks) else "identical"] += 1
            finally:
                flipped.close()
        shutil.rmtree(folder)
    assert outcomes["identical"] == 0, outcomes
