"""``jmd-desk demo`` starts offscreen on a synthetic store and keeps running, silently."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_demo_starts_and_keeps_running_without_output(tmp_path: Path) -> None:
    ready = tmp_path / "ready.txt"
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JMD_DESK_HOME": str(tmp_path / "home"),
        "JMD_DESK_READY_FILE": str(ready),
        "TMPDIR": str(scratch),
    }
    env.pop("JMD_DESK_INSECURE_FAST_KDF_FOR_TESTS", None)  # the demo uses its own production-floor KDF
    process = subprocess.Popen(
        [sys.executable, "-m", "jmd_desk", "demo", "--clients", "200"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.1)
        assert ready.exists(), process.stderr.read() if process.poll() is not None else "not ready in time"
        time.sleep(1.5)
        assert process.poll() is None, "the demo stopped on its own"
    finally:
        process.terminate()
        out, err = process.communicate(timeout=20)
    assert err == "" and out == ""
    stage, seconds = ready.read_text().split()
    assert stage == "main" and float(seconds) > 0
    assert process.returncode == 0
    assert list(scratch.iterdir()) == []  # the throw-away demo store was removed on exit
