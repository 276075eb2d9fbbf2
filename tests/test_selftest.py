"""``jmd-desk --self-test`` as the installed program runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_self_test_passes_and_leaves_nothing_behind(tmp_path: Path) -> None:
    scratch, home = tmp_path / "tmp", tmp_path / "home"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "JMD_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("JMD_DESK_INSECURE_FAST_KDF_FOR_TESTS", None)
    done = subprocess.run(
        [sys.executable, "-m", "jmd_desk", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "Selbsttest bestanden."
    assert sum(line.startswith("  ok ") for line in lines) == 6
    assert list(scratch.iterdir()) == []  # the temporary store is gone
    assert [p.name for p in home.rglob("*") if p.is_file()] == ["jmd-desk.log"]  # no store, no settings


def test_self_test_reports_a_missing_file(tmp_path: Path) -> None:
    """A bundle without its migrations must fail loudly, not pass."""
    env = {**os.environ, "TMPDIR": str(tmp_path), "JMD_DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    code = (
        "import sys; from pathlib import Path; from jmd_desk.store import migrate; "
        "migrate.script_location = lambda: Path('/nonexistent'); "
        "from jmd_desk.app import main; sys.exit(main(['--self-test']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 1
    assert "FEHLER files" in done.stdout and "/nonexistent/env.py" in done.stdout
