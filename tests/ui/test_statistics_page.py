"""The Statistik page: compute a quarter, preview with withheld cells, export, merge bundles."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTableWidget,
)

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.reports.statistics import TABLES
from jmd_desk.services import interchange, statistics
from jmd_desk.ui.statistics_page import StatisticsPage
from jmd_desk.ui.widgets import DateField
from tests.conftest import TODAY, sign_in
from tests.ui.conftest import child, wait_idle


def test_compute_preview_export_and_merge(
    qtbot, qtmodeltester, messages, store_path, clock, runner, tmp_path: Path
) -> None:
    admin = sign_in(store_path, "admin", clock)
    doc = generate_document(80, today=TODAY.date(), seed=5, counsellors=["admin"])
    interchange.import_data(admin, json.dumps(doc).encode())
    admin.close()
    session = sign_in(store_path, "lead", clock)
    try:
        page = StatisticsPage(session, runner)
        qtbot.addWidget(page)
        page.show()
        assert not child(page, "export_pdf_button", QPushButton).isEnabled()
        methods = child(page, "method_combo", QComboBox)
        assert methods.currentData() == "cell_key" and not child(page, "k_spin", QSpinBox).isEnabled()
        methods.setCurrentIndex(methods.findData("suppression"))
        assert child(page, "k_spin", QSpinBox).isEnabled()
        child(page, "compute_statistics_button", QPushButton).click()
        wait_idle(qtbot, runner)
        tables = child(page, "statistics_table_list", QListWidget)
        assert tables.count() == len(TABLES)
        view = child(page, "statistics_table_view", QTableView)
        qtmodeltester.check(page.model)
        assert view.model().rowCount() > 0
        withheld = []
        for row in range(tables.count()):
            tables.setCurrentRow(row)
            model = view.model()
            for r in range(model.rowCount()):
                for c in range(model.columnCount()):
                    index = model.index(r, c)
                    if index.data() == ".":
                        withheld.append(index.data(Qt.ItemDataRole.BackgroundRole))
        assert withheld and all(brush is not None for brush in withheld)
        for fmt in ("json", "csv", "pdf"):
            page.save(fmt, tmp_path / f"s.{fmt}")
        assert json.loads((tmp_path / "s.json").read_text())["tables"][0]["id"] == "caseload"
        child(page, "publication_register_button", QPushButton).click()
        dialog = page.findChild(QDialog, "publication_register_dialog")
        register = child(dialog, "publication_register_table", QTableWidget)
        assert register.rowCount() == 3 and register.item(0, 5).text() == "pdf"
        if os.environ.get("JMD_DESK_SHOTS"):  # to look at the page and the register
            page.resize(1280, 700)
            page.grab().save(str(Path(os.environ["JMD_DESK_SHOTS"]) / "statistics_page.png"))
            dialog.grab().save(str(Path(os.environ["JMD_DESK_SHOTS"]) / "register.png"))
        dialog.close()
        assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
        bundle = tmp_path / "b.json"
        bundle.write_bytes(statistics.create_bundle(session, page.period(), "Statistik-Passwort"))
        page.merge_files([bundle], "Statistik-Passwort")
        assert page.shown is not None and page.shown.report.period == page.period()
        child(page, "range_radio", QRadioButton).setChecked(True)
        child(page, "from_date_edit", DateField).set_value(TODAY.date())
        child(page, "to_date_edit", DateField).set_value(TODAY.date().replace(year=2025))
        child(page, "compute_statistics_button", QPushButton).click()
        assert messages.errors and "endet vor seinem Beginn" in messages.errors[-1]
        page.clear()
        assert page.model.rowCount() == 0
    finally:
        runner.wait()
        session.close()
