"""The login window shows before the heavy libraries are loaded (issue 11): SQLAlchemy, Alembic,
reportlab, openpyxl and the CLI are imported when first needed, not at start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "jmd_desk.cli")

# Runs the real start (``jmd-desk --store STORE gui``) and notes, when the first window is
# ready, which window it is and which of the heavy modules are loaded.
PROBE = """
import json, sys
from pathlib import Path
from jmd_desk.ui import application

heavy, out = json.loads(sys.argv[1]), Path(sys.argv[2])
original = application.AppController._report_ready

def report(self, stage):
    loaded = sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in heavy))
    dialog = self.dialog
    out.write_text(json.dumps({
        "stage": stage,
        "dialog": dialog.objectName() if dialog is not None else None,
        "visible": dialog is not None and dialog.isVisible(),
        "loaded": loaded,
    }))
    original(self, stage)

application.AppController._report_ready = report
from jmd_desk.app import main
sys.exit(main(["--store", sys.argv[3], "gui"]))
"""


def test_login_window_shows_before_store_reports_and_cli_are_imported(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "probe.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JMD_DESK_QUIT_WHEN_READY": "1",
        "JMD_DESK_READY_FILE": str(tmp_path / "ready.txt"),
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(HEAVY), str(out), str(store_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(out.read_text())
    assert probe["stage"] == "login"
    assert probe["dialog"] == "login_dialog" and probe["visible"]
    assert probe["loaded"] == []


def test_version_answers_without_starting_the_application() -> None:
    probe = "import json, sys; from jmd_desk.app import main; main(['--version']); print(json.dumps(list(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    version, modules = result.stdout.splitlines()
    assert version.startswith("JMD Desk ")
    slow = ("PySide6", "jmd_desk.ui", "jmd_desk.store", "jmd_desk.services.environment", "jmd_desk.arguments", *HEAVY)
    assert [m for m in json.loads(modules) if m.startswith(slow)] == []
