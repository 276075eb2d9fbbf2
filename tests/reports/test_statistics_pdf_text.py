"""The statistics PDF read back with poppler: header words intact, chart values, office, fonts, no names."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.reports.statistics_output import table_rows
from jmd_desk.services import interchange, statistics
from tests.conftest import TODAY, sign_in
from tests.reports.test_statistics_methods import QUARTER

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
OFFICE = "JMD Musterstadt Nord"


@pytest.mark.parametrize("method", ["cell_key", "suppression", "internal"])
def test_pdf_text_fonts_and_office(store_path, clock, tmp_path: Path, method: str) -> None:
    doc = generate_document(150, today=TODAY.date(), seed=16, counsellors=["admin"])
    admin = sign_in(store_path, "admin", clock)
    interchange.import_data(admin, json.dumps(doc).encode())
    admin.close()
    lead = sign_in(store_path, "lead", clock)
    try:
        report = statistics.report_for(lead, QUARTER, method)
    finally:
        lead.close()
    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(statistics.render(report, "pdf", OFFICE, "de", TODAY.date()))
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = set(raw.split())
    for table in report.tables:
        for row in table_rows(table, "de")[:1]:
            for header in row:
                for word in header.replace("/", " ").split():
                    assert word in words, (table.id, word)  # never split inside a word
        for cell in table.cells:  # every published value is printed (table and chart labels)
            assert str(cell.value if cell.value is not None else ".") in words
    pages = raw.count("\f")
    assert raw.count(OFFICE) >= pages  # office name in every page header
    assert ("Intern – nicht zur Weitergabe" in raw) == (method == "internal")
    if method == "internal":
        assert raw.count("Intern – nicht zur Weitergabe") >= pages
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(re.search(r"\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$", line) for line in fonts), fonts
    for client in doc["clients"]:
        assert client["last_name"] not in raw and client["first_name"] not in raw
