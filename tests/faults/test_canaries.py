"""A whole session with canary names leaves no canary in any file the program wrote outside
its encrypted store (and none in the store's raw bytes either)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jmd_desk.store.keyfile import KeyFile
from tests.conftest import POLICY
from tests.faults.session_walk import PASSWORD
from tests.sqlcipher_pages import contains

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
CANARIES = ["Kanarienquell", "Zwitschergold", "Federlinghaus"]


def occurrences(folder: Path, needles: list[str]) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for needle in needles:
            for form in (needle.encode("utf-8"), needle.encode("utf-16-le"), needle.lower().encode()):
                if form in data:
                    hits.append(f"{path.relative_to(folder)}: {needle}")
    return hits


def test_session_walk_leaves_no_canary(tmp_path: Path) -> None:
    home, scratch, exports = tmp_path / "home", tmp_path / "tmp", tmp_path / "exports"
    for folder in (home, scratch, exports):
        folder.mkdir()
    store = home / "data" / "office.jmd"
    env = {
        **os.environ,
        "JMD_DESK_HOME": str(home),
        "TMPDIR": str(scratch),
        "QT_QPA_PLATFORM": "offscreen",
        "JMD_DESK_INSECURE_FAST_KDF_FOR_TESTS": "1",
        "XDG_RUNTIME_DIR": str(scratch / "runtime"),
        "HOME": str(home / "user"),
    }
    (scratch / "runtime").mkdir(mode=0o700)
    result = subprocess.run(
        [sys.executable, "-m", "tests.faults.session_walk", str(store), str(exports), *CANARIES],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0 and "done" in result.stdout, result.stdout + result.stderr
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert any(name.endswith("jmd-desk.log") for name in written)  # the log was written …
    assert (exports / "statistik.pdf").exists() and (exports / "sicherung.jmdbackup").exists()
    for folder in (home, scratch, exports):
        assert occurrences(folder, CANARIES) == [], folder  # … and holds no name
    key_file = KeyFile.load(store.with_name(store.name + ".keys"))
    key = key_file.unwrap(key_file.user_slot("leitung"), PASSWORD, POLICY)
    assert all(contains(store, key, c.encode()) for c in CANARIES)  # the names are there, encrypted
