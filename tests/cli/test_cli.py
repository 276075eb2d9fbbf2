"""The command line contract (DESIGN §5), run as real subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.store.store import Store
from tests.conftest import ADMIN_PASSWORD, POLICY, TODAY

pytestmark = pytest.mark.slow

PASSWORD = "Büro-Passwort;'\"\\ 2026"


def run(args: list[str], home: Path, stdin: str = "", tmp: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "JMD_DESK_HOME": str(home),
        "JMD_DESK_INSECURE_FAST_KDF_FOR_TESTS": "1",
        "JMD_DESK_LANG": "de",
    }
    if tmp is not None:
        env["TMPDIR"] = str(tmp)
    return subprocess.run(
        [sys.executable, "-m", "jmd_desk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def office(tmp_path: Path) -> tuple[Path, Path]:
    store = tmp_path / "office" / "buero.jmd"
    home = tmp_path / "home"
    result = run(["--store", str(store), "init", "--user", "leitung", "--password-stdin"], home, PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    key_line = result.stdout.strip().splitlines()[-1]
    assert len(key_line.replace("-", "")) == 52
    return store, home


def canary_document(tmp_path: Path) -> tuple[Path, list[str]]:
    doc = generate_document(12, today=TODAY.date(), seed=21, counsellors=["leitung"])
    canaries = ["Qwertzuia", "Yxcvbnmo", "Plokijuhz"]
    doc["clients"][0]["first_name"] = canaries[0]
    doc["clients"][1]["last_name"] = canaries[1]
    doc["clients"][2]["cases"][0]["contacts"].append(
        {
            "date": doc["clients"][2]["cases"][0]["opened_on"],
            "minutes": 30,
            "mode": "phone",
            "notes": f"Notiz {canaries[2]} vertraulich",
        }
    )
    path = tmp_path / "in" / "import.json"
    path.parent.mkdir()
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path, canaries


def grep_tree(folder: Path, needles: list[str]) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for needle in needles:
                for form in (needle.encode("utf-8"), needle.encode("utf-16-le")):
                    if form in data:
                        hits.append(f"{path}: {needle}")
    return hits


def test_init_import_export_verify_leave_no_plaintext(office: tuple[Path, Path], tmp_path: Path) -> None:
    store, home = office
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    source, canaries = canary_document(tmp_path)
    result = run(
        ["--store", str(store), "import", str(source), "--user", "leitung", "--password-stdin"],
        home,
        PASSWORD + "\n",
        scratch,
    )
    assert result.returncode == 0, result.stderr
    assert "12" in result.stdout
    out = tmp_path / "out" / "export.json"
    out.parent.mkdir()
    result = run(
        ["--store", str(store), "export", str(out), "--user", "leitung", "--password-stdin"],
        home,
        PASSWORD + "\n",
        scratch,
    )
    assert result.returncode == 0, result.stderr
    exported = out.read_text(encoding="utf-8")
    assert all(c in exported for c in canaries)
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    result = run(
        ["--store", str(store), "verify", "--user", "leitung", "--password-stdin"],
        home,
        PASSWORD + "\n",
        scratch,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    checks = dict(line.split() for line in result.stdout.splitlines())
    assert set(checks.values()) == {"OK"}
    assert {"cipher", "sqlite", "audit_chain", "audit_checkpoints", "user_list", "schema"} <= set(checks)
    assert store.read_bytes()[:16] != b"SQLite format 3\x00"
    for folder in (store.parent, scratch, home):
        assert grep_tree(folder, canaries) == []


def test_failures_print_one_line_and_exit_non_zero(office: tuple[Path, Path], tmp_path: Path) -> None:
    store, home = office
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "jmd-desk-interchange", "version": 1, "partners": [], "clients": [{"ref": "a", '
        '"first_name": "X", "last_name": "Y", "date_of_birth": "2010-13-01", "gender": "w"}]}'
    )
    cases = [
        (
            ["import", str(bad), "--user", "leitung", "--password-stdin"],
            PASSWORD,
            ["$.clients[0].date_of_birth", "$.clients[0].gender"],
        ),
        (["verify", "--user", "leitung", "--password-stdin"], "falsches-passwort", ["Passwort"]),
        (["verify", "--user", "niemand", "--password-stdin"], PASSWORD, ["Passwort"]),
        (["init", "--user", "leitung", "--password-stdin"], PASSWORD, ["bereits"]),
        (["export", str(tmp_path / "x.json"), "--user", "leitung"], "", ["--password-stdin"]),
    ]
    for args, password, needles in cases:
        result = run(["--store", str(store), *args], home, password + "\n" if password else "")
        assert result.returncode != 0, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        for needle in needles:
            assert needle in lines[0], (args, lines[0])
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_missing_store_message(tmp_path: Path) -> None:
    result = run(
        ["--store", str(tmp_path / "none.jmd"), "verify", "--user", "a", "--password-stdin"],
        tmp_path / "home",
        "irgendwas\n",
    )
    assert result.returncode != 0
    assert "jmd-desk init" in result.stderr


def test_second_process_gets_already_open(office: tuple[Path, Path], tmp_path: Path) -> None:
    store, home = office
    held = Store.open(store, username="leitung", password=PASSWORD, policy=POLICY)
    try:
        result = run(["--store", str(store), "verify", "--user", "leitung", "--password-stdin"], home, PASSWORD + "\n")
    finally:
        held.close()
    assert result.returncode != 0
    assert "bereits geöffnet" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_default_store_lives_in_the_data_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run(["init", "--user", "admin", "--password-stdin"], home, ADMIN_PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert (home / "data" / "office.jmd").is_file()
    assert (home / "data" / "office.jmd.keys").is_file()


def test_version_and_module_entry() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jmd_desk", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("JMD Desk ")


def test_stats_formats_bundles_and_merge(office: tuple[Path, Path], tmp_path: Path) -> None:
    store, home = office
    source, _ = canary_document(tmp_path)
    assert (
        run(
            ["--store", str(store), "import", str(source), "--user", "leitung", "--password-stdin"],
            home,
            PASSWORD + "\n",
        ).returncode
        == 0
    )
    for fmt in ("json", "csv", "pdf"):
        out = tmp_path / f"stat.{fmt}"
        result = run(
            [
                "--store",
                str(store),
                "stats",
                "--quarter",
                "2026-Q3",
                "--format",
                fmt,
                "-o",
                str(out),
                "--user",
                "leitung",
                "--password-stdin",
            ],
            home,
            PASSWORD + "\n",
        )
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 100
    data = json.loads((tmp_path / "stat.json").read_text())
    assert data["period"] == {"from": "2026-07-01", "to": "2026-09-30"}
    result = run(
        [
            "--store",
            str(store),
            "stats",
            "--from",
            "2026-01-01",
            "--to",
            "2026-06-30",
            "--format",
            "json",
            "-o",
            str(tmp_path / "range.json"),
            "--user",
            "leitung",
            "--password-stdin",
        ],
        home,
        PASSWORD + "\n",
    )
    assert result.returncode == 0, result.stderr
    bad = run(
        [
            "--store",
            str(store),
            "stats",
            "--quarter",
            "2026-Q5",
            "--format",
            "json",
            "-o",
            str(tmp_path / "x.json"),
            "--user",
            "leitung",
            "--password-stdin",
        ],
        home,
        PASSWORD + "\n",
    )
    assert bad.returncode != 0 and "2026-Q5" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    base = ["--store", str(store), "stats", "--format", "json", "--user", "leitung", "--password-stdin"]
    refused = run([*base, "--quarter", "2026-Q3", "-o", str(tmp_path / "k.json"), "--k", "5"], home, PASSWORD + "\n")
    assert refused.returncode != 0 and "--k" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "k.json").exists()
    free = [*base, "--from", "2026-07-02", "--to", "2026-09-30", "-o", str(tmp_path / "f.json")]
    refused = run([*free, "--method", "suppression"], home, PASSWORD + "\n")
    assert refused.returncode != 0 and "Kalenderquartale" in refused.stderr
    for method, k, expected in (("suppression", "4", 4), ("internal", None, None)):
        out = tmp_path / f"{method}.json"
        extra = ["--k", k] if k else []
        result = run([*base, "--quarter", "2026-Q3", "-o", str(out), "--method", method, *extra], home, PASSWORD + "\n")
        assert result.returncode == 0, result.stderr
        written = json.loads(out.read_text())
        assert (written["method"], written["k"], written["version"]) == (method, expected, 2)
    trend = tmp_path / "trend.json"
    trend_args = ["--store", str(store), "stats-trend", "--from-quarter", "2026-Q1", "--to-quarter", "2026-Q3"]
    trend_args += ["--format", "json", "-o", str(trend), "--user", "leitung", "--password-stdin"]
    result = run(trend_args, home, PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    periods = json.loads(trend.read_text())["periods"]
    assert [p["period"]["from"] for p in periods] == ["2026-01-01", "2026-04-01", "2026-07-01"]
    too_long = run([*trend_args[:4], "2023-Q1", *trend_args[5:]], home, PASSWORD + "\n")
    assert too_long.returncode != 0 and "12 Quartale" in too_long.stderr
    bundle = tmp_path / "bundle.json"
    result = run(
        [
            "--store",
            str(store),
            "stats-bundle",
            "--quarter",
            "2026-Q3",
            "-o",
            str(bundle),
            "--user",
            "leitung",
            "--password-stdin",
        ],
        home,
        PASSWORD + "\nStatistik-2026\n",
    )
    assert result.returncode == 0, result.stderr
    merged = tmp_path / "merged.json"
    result = run(
        [
            "stats-merge",
            str(bundle),
            "--quarter",
            "2026-Q3",
            "--format",
            "json",
            "-o",
            str(merged),
            "--passphrase-stdin",
        ],
        home,
        "Statistik-2026\n",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(merged.read_text())["tables"] == data["tables"]
    wrong = run(
        [
            "stats-merge",
            str(bundle),
            "--quarter",
            "2026-Q2",
            "--format",
            "json",
            "-o",
            str(merged),
            "--passphrase-stdin",
        ],
        home,
        "Statistik-2026\n",
    )
    assert wrong.returncode != 0 and "anderen Zeitraum" in wrong.stderr
