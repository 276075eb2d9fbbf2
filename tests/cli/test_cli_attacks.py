"""Hostile use of the command line (issue 12): restore and hostile files give one line on
stderr, a non-zero exit, no traceback and no changed file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.cli.test_cli import PASSWORD, office, run  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow


def digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.iterdir()
        if p.is_file() and not p.name.endswith((".lock", ".throttle"))
    }


def one_line_failure(result) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode not in (0,), result.stdout
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_restore_reads_the_live_password_then_shows_the_loss(office, tmp_path: Path) -> None:  # noqa: F811
    store, home = office
    backup = tmp_path / "b.jmdbackup"
    made = run(
        ["--store", str(store), "backup", str(backup), "--user", "leitung", "--password-stdin"], home, PASSWORD + "\n"
    )
    assert made.returncode == 0, made.stderr
    before = digests(store.parent)
    wrong = run(
        ["--store", str(store), "restore", str(backup), "--user", "leitung", "--password-stdin"], home, "falsch\n"
    )
    one_line_failure(wrong)
    assert digests(store.parent) == before
    done = run(
        ["--store", str(store), "restore", str(backup), "--user", "leitung", "--password-stdin"], home, PASSWORD + "\n"
    )
    assert done.returncode == 0, done.stderr
    assert "Verloren gehen:" in done.stdout and "zurückgespielt" in done.stdout


def test_verify_exits_3_and_names_an_altered_role(office, tmp_path: Path) -> None:  # noqa: F811
    from jmd_desk.store.engine import connect  # noqa: PLC0415
    from jmd_desk.store.keyfile import KeyFile  # noqa: PLC0415
    from tests.conftest import POLICY  # noqa: PLC0415

    store, home = office
    added = run(["--store", str(store), "verify", "--user", "leitung", "--password-stdin"], home, PASSWORD + "\n")
    assert added.returncode == 0, added.stdout + added.stderr
    key_file = KeyFile.load(store.with_name(store.name + ".keys"))
    conn = connect(store, key_file.unwrap(key_file.user_slot("leitung"), PASSWORD, POLICY))
    conn.execute("UPDATE users SET is_admin = 0 WHERE username = 'leitung'")
    conn.close()
    result = run(["--store", str(store), "verify", "--user", "leitung", "--password-stdin"], home, PASSWORD + "\n")
    assert result.returncode == 3, result.stdout + result.stderr
    assert "user_altered:leitung" in result.stdout and "Traceback" not in result.stderr
    refused = run(
        [
            "--store",
            str(store),
            "stats",
            "--quarter",
            "2026-Q3",
            "--format",
            "json",
            "-o",
            str(tmp_path / "s.json"),
            "--user",
            "leitung",
            "--password-stdin",
        ],
        home,
        PASSWORD + "\n",
    )
    one_line_failure(refused)


def test_rekey_prints_one_time_passwords_and_a_new_recovery_key(office) -> None:  # noqa: F811
    store, home = office
    result = run(["--store", str(store), "rekey", "--user", "leitung", "--password-stdin"], home, PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    one_time = next(line.split(": ", 1)[1] for line in lines if line.strip().startswith("leitung:"))
    assert len(lines[-1].replace("-", "")) == 52  # the new recovery key
    old = run(["--store", str(store), "verify", "--user", "leitung", "--password-stdin"], home, PASSWORD + "\n")
    one_line_failure(old)
    must = run(["--store", str(store), "verify", "--user", "leitung", "--password-stdin"], home, one_time + "\n")
    one_line_failure(must)
    assert "Einmal-Passwort" in must.stderr


def test_hostile_files_give_one_line_quickly_and_change_nothing(office, tmp_path: Path) -> None:  # noqa: F811
    import json  # noqa: PLC0415
    import resource  # noqa: PLC0415
    import time  # noqa: PLC0415
    import zipfile  # noqa: PLC0415

    store, home = office
    backup = tmp_path / "b.jmdbackup"
    assert run(["--store", str(store), "backup", str(backup)], home).returncode == 0
    bomb = tmp_path / "bombe.jmdbackup"
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(bomb, "w") as dst:
        for info in src.infolist():
            if info.filename != "store.jmd":
                dst.writestr(info.filename, src.read(info))
        dst.writestr("store.jmd", bytes(300 << 20), compress_type=zipfile.ZIP_DEFLATED)
    nested = tmp_path / "tief.json"
    nested.write_text("[" * 200_000)
    bundle = tmp_path / "b.json"
    bundle.write_text(json.dumps({"format": "jmd-desk-statistics-bundle", "kdf": {"memory_kib": 1 << 40}}))
    keys = store.with_name(store.name + ".keys")
    doc = json.loads(keys.read_text())
    for slot in doc["slots"]:
        slot["kdf"]["iterations"] = 10**12
    hostile_keys = json.dumps(doc)
    before = digests(store.parent)
    user = ["--user", "leitung", "--password-stdin"]
    cases = [
        (["--store", str(store), "restore", str(bomb), *user], PASSWORD + "\n", None),
        (["--store", str(store), "import", str(nested), *user], PASSWORD + "\n", None),
        (
            [
                "stats-merge",
                str(bundle),
                "--quarter",
                "2026-Q3",
                "--format",
                "json",
                "-o",
                str(tmp_path / "m.json"),
                "--passphrase-stdin",
            ],
            "Statistik-Passwort-1\n",
            None,
        ),
        (["--store", str(store), "verify", *user], PASSWORD + "\n", hostile_keys),
    ]
    original_keys = keys.read_text()
    for args, stdin, key_text in cases:
        if key_text is not None:
            keys.write_text(key_text)
        started = time.monotonic()
        result = run(args, home, stdin)
        # A guard against hangs (the old code took 25 s or never ended), with room for a loaded CI
        # machine; the typical time is about 2 s including interpreter start-up.
        assert time.monotonic() - started < 15, args
        one_line_failure(result)
        keys.write_text(original_keys)
        if "import" in args:  # the sign-in before the import is audited; nothing else changed
            before = digests(store.parent)
        assert digests(store.parent) == before, args
    assert not (tmp_path / "m.json").exists()
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 500 * 1024  # KiB on Linux
