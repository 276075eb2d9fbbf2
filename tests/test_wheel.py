"""The built wheel installs into a fresh virtual environment and creates a store there,
with its migrations taken from the wheel (not from the source tree)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from jmd_desk.domain.kdf import FLOOR_PARAMS, KdfParams

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


def _copy_sources(target: Path) -> None:
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in files:
        src = ROOT / name
        if src.is_file():
            dst = target / name
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)


def test_wheel_installs_and_inits(tmp_path: Path) -> None:
    src = tmp_path / "src"
    _copy_sources(src)
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(src)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("jmd_desk-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True, capture_output=True)
    # Dependencies come from this test environment; jmd_desk itself only from the wheel.
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    where = subprocess.run(
        [str(py), "-c", "import jmd_desk.store.migrate as m; print(m.script_location())"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.strip()
    assert where.startswith(str(env_dir)), where
    script = env_dir / ("Scripts" if os.name == "nt" else "bin") / "jmd-desk"
    # The fast-KDF switch is set on purpose: an installed program must ignore it. So this test
    # knowingly pays for production key slots (calibration plus three derivations at the floor
    # or above, a few seconds of the test's time; most of it is building the wheel).
    env = {
        **os.environ,
        "JMD_DESK_HOME": str(tmp_path / "home"),
        "JMD_DESK_INSECURE_FAST_KDF_FOR_TESTS": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    store = str(tmp_path / "w" / "office.jmd")

    def jmd_desk(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), *args],
            input="Wheel-Passwort-1\n",
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            check=False,
        )

    result = jmd_desk("--store", store, "init", "--user", "admin", "--password-stdin")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "w" / "office.jmd").stat().st_size > 0
    slots = json.loads((tmp_path / "w" / "office.jmd.keys").read_bytes())["slots"]
    assert slots and all(
        KdfParams(s["kdf"]["memory_kib"], s["kdf"]["iterations"], s["kdf"]["lanes"]).at_least(FLOOR_PARAMS)
        for s in slots
    )
    result = jmd_desk("--store", store, "verify", "--user", "admin", "--password-stdin")
    assert result.returncode == 0, result.stdout + result.stderr
    # Every shipped file (guide, licences, icon, translations, migrations) came with the wheel.
    result = jmd_desk("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
