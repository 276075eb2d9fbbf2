"""``jmd-desk import-sheet`` as a real subprocess (DESIGN §5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import PASSWORD, run
from tests.services.test_sheet_import import MAPPING, german_rows, write_xlsx

pytestmark = pytest.mark.slow


def test_import_sheet_refuses_with_the_cell_then_imports(tmp_path: Path) -> None:
    store, home = tmp_path / "office" / "buero.jmd", tmp_path / "home"
    result = run(["--store", str(store), "init", "--user", "leitung", "--password-stdin"], home, PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    cells = [r[0] for r in german_rows(20)]
    cells[4][3] = "2008-13-01"
    sheet = tmp_path / "liste.xlsx"
    write_xlsx(sheet, cells)
    mapping = tmp_path / "zuordnung.json"
    mapping.write_text(json.dumps(MAPPING), encoding="utf-8")
    command = ["--store", str(store), "import-sheet", str(sheet), "--mapping", str(mapping)]
    command += ["--user", "leitung", "--password-stdin"]

    refused = run(command, home, PASSWORD + "\n")
    assert refused.returncode == 1
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "D6:" in refused.stderr and "Traceback" not in refused.stderr

    cells[4][3] = "01.12.2008"
    write_xlsx(sheet, cells)
    imported = run(command, home, PASSWORD + "\n")
    assert imported.returncode == 0, imported.stderr
    assert "20 Klient*innen" in imported.stdout

    bad_mapping = run([*command[:5], str(tmp_path / "fehlt.json"), *command[6:]], home, PASSWORD + "\n")
    assert bad_mapping.returncode == 1 and "fehlt.json" in bad_mapping.stderr
