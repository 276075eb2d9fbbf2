"""The spreadsheet assistant: file → columns → values → preview with problems → import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QPushButton, QTableWidget, QWizard

from jmd_desk.services import interchange
from jmd_desk.services.sheet_import import load_mapping
from jmd_desk.ui.sheet_import_wizard import SheetImportWizard
from tests.conftest import TODAY
from tests.services.test_sheet_import import german_rows, write_xlsx
from tests.ui.conftest import child

pytestmark = pytest.mark.gui


def test_assistant_maps_previews_refuses_then_imports(qtbot, session_for, tmp_path: Path) -> None:
    cells = [r[0] for r in german_rows(12)]
    cells[6][3] = "32.01.2008"  # D8
    cells[2][2] = "w"  # C4: recognised without a mapping entry
    sheet = tmp_path / "liste.xlsx"
    write_xlsx(sheet, cells)
    session = session_for("berta")
    wizard = SheetImportWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()

    wizard.file_page.load_file(sheet)
    assert child(wizard, "sheet_combo", QComboBox).currentText() == "Klienten"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    # Every heading of the sheet was recognised from the field labels and usual headings.
    fields = [child(wizard, f"column_field_{i}", QComboBox).currentData() for i in range(7)]
    assert fields == [
        "last_name", "first_name", "gender", "date_of_birth", "country_of_birth", "nationalities", "languages"
    ]  # fmt: skip
    wizard.next()
    values = child(wizard, "values_table", QTableWidget)
    texts = {values.item(r, 1).text(): child(wizard, f"value_combo_{r}", QComboBox) for r in range(values.rowCount())}
    assert texts["weiblich"].currentData() == "female"
    assert texts["w"].currentData() == "female"
    assert texts["Syrien"].currentData() == "SY"
    assert texts["Dari"].currentData() == "fa"
    wizard.next()

    problems = child(wizard, "problems_list", QListWidget)
    assert [problems.item(i).text().split(":")[0] for i in range(problems.count())] == ["D8"]
    preview = child(wizard, "preview_table", QTableWidget)
    assert "Datum" in preview.item(6, 3).toolTip()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()

    wizard.save_mapping(tmp_path / "zuordnung.json")
    saved = load_mapping(tmp_path / "zuordnung.json", TODAY.date())
    assert saved.columns["Geburtsdatum"] == "date_of_birth"
    assert saved.values["gender"]["w"] == "female"
    assert json.loads((tmp_path / "zuordnung.json").read_text())["format"] == "jmd-desk-sheet-mapping"

    cells[6][3] = "31.01.2008"
    write_xlsx(sheet, cells)
    child(wizard, "reread_button", QPushButton).click()
    assert problems.count() == 0
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.summary is not None and wizard.summary.clients == 12
    assert child(wizard, "import_error_label", QLabel).text() == ""
    admin = session_for("admin")
    exported = json.loads(interchange.export_data(admin))
    assert {c["counsellor"] for c in exported["clients"]} == {"berta"}
    assert len(exported["clients"]) == 12


def test_assistant_reads_a_saved_mapping_and_names_bad_files(qtbot, session_for, tmp_path: Path) -> None:
    session = session_for("admin")
    wizard = SheetImportWizard(session)
    qtbot.addWidget(wizard)
    bad = tmp_path / "programm.xlsx"
    bad.write_bytes(b"MZ" + bytes(100))
    wizard.file_page.load_file(bad)
    status = child(wizard, "sheet_status_label", QLabel)
    assert ".xlsx" in status.text()
    assert not wizard.file_page.isComplete()
