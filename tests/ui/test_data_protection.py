"""Data protection in the client: audit viewer, legal hold, access export, backups."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QTableView

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.services import interchange, retention
from jmd_desk.ui.main_window import MainWindow
from tests.conftest import TODAY, sign_in
from tests.ui.conftest import child


def test_audit_viewer_legal_hold_access_export_and_backup(
    qtbot, qtmodeltester, messages, store_path, clock, runner, ui_settings, tmp_path: Path
) -> None:
    session = sign_in(store_path, "admin", clock)
    doc = generate_document(10, today=TODAY.date(), seed=4, counsellors=["admin"])
    interchange.import_data(session, json.dumps(doc).encode())
    window = MainWindow(session, runner, ui_settings)
    qtbot.addWidget(window)
    window.show()
    try:
        window.show_page("data_protection")
        audit_table = child(window, "audit_table", QTableView)
        assert audit_table.model().rowCount() > 10
        qtmodeltester.check(window.data_protection.audit_model)
        child(window, "verify_chain_button", QPushButton).click()
        assert "unverändert" in child(window, "audit_chain_label", QLabel).text()
        action = window.data_protection.action_filter
        action.setCurrentIndex(action.findData("client_imported"))
        child(window, "audit_filter_button", QPushButton).click()
        assert audit_table.model().rowCount() == 10

        window.show_page("clients")
        view = child(window, "client_table", QTableView)
        window.open_file(view.model().index(0, 0).data(Qt.ItemDataRole.UserRole + 1))
        fw = next(iter(window.file_windows.values()))
        hold = child(fw, "legal_hold_check", QCheckBox)
        hold.click()
        assert retention.legal_hold(session, fw.client_id)
        paths = fw.write_access_export(tmp_path)
        assert [p.suffix for p in paths] == [".json", ".pdf"]
        assert json.loads(paths[0].read_text())["client"]["client_number"] == fw.file.client.client_number
        assert oct(paths[1].stat().st_mode & 0o777) == "0o600"
        fw.close()

        window.show_page("admin")
        window.admin.backup_to(tmp_path / "sicherung.jmdbackup")
        assert (tmp_path / "sicherung.jmdbackup").stat().st_size > 1000
        assert messages.errors == []
    finally:
        window.close()
    # closing made the automatic backup of the day
    assert list((store_path.parent / "backups").glob("auto-*.jmdbackup"))
