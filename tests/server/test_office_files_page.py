"""The team lead's page "Büro" on the office server (issue 13): every file listed and searchable,
a file handed to another counsellor through the dialog, the legal hold switched on and off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QTableView

from jmd_desk.services import office_files, retention
from jmd_desk.ui.main_window import MainWindow
from jmd_desk.ui.views import selected_id
from tests.pg_cluster import PgCluster
from tests.server.desktop_office import ADMIN_PW, BERTA_PW, Office, make_office
from tests.server.desktop_window import main_window, sign_in
from tests.ui.conftest import MessageRecorder, child, on_next_modal, record_messages

DB = "offpage"


@pytest.fixture(scope="module")
def office(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Office:
    return make_office(pg_cluster, tmp_path_factory.mktemp(DB), DB)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageRecorder:
    return record_messages(monkeypatch)


@pytest.fixture
def main(qtbot, qapp: QApplication, office: Office) -> Iterator[MainWindow]:
    """The main window of the office's team lead (Ada holds every role)."""
    with main_window(qtbot, qapp, sign_in(office, office.admin, ADMIN_PW), "office_files") as window:
        yield window


def _select_first(main: MainWindow) -> int:
    view = child(main, "office_file_table", QTableView)
    view.selectRow(0)
    client_id = selected_id(view)
    assert client_id is not None
    return int(client_id)


def test_every_file_is_listed_and_searchable(main: MainWindow, messages: MessageRecorder) -> None:
    assert main.host.current_key() == "office_files"
    view = child(main, "office_file_table", QTableView)
    assert view.model().rowCount() == 3
    first = main.office_files.model.row_at(0)
    child(main, "office_search_edit", QLineEdit).setText(first.client_number)
    assert view.model().rowCount() == 1 and main.office_files.model.row_at(0) == first
    assert "1 von 3" in child(main, "office_count_label", QLabel).text()
    child(main, "office_search_edit", QLineEdit).setText("kein-solcher-name")
    assert view.model().rowCount() == 0
    assert messages.errors == []


def test_reassign_through_the_dialog(qtbot, main: MainWindow, office: Office, messages: MessageRecorder) -> None:
    client_id = _select_first(main)

    def choose(dialog) -> None:
        combo = child(dialog, "counsellor_combo", QComboBox)
        combo.setCurrentIndex(combo.findData(office.cem))
        dialog.submit()

    on_next_modal(qtbot, choose)
    child(main, "reassign_button", QPushButton).click()
    assert messages.errors == []
    moved = next(f for f in office_files.office_files(main.session) if f.client_id == client_id)
    assert moved.counsellor == office.cem
    assert next(f for f in main.office_files.model.rows() if f.client_id == client_id).counsellor == office.cem


def test_legal_hold_toggles(main: MainWindow, messages: MessageRecorder) -> None:
    client_id = _select_first(main)
    before = retention.legal_hold(main.session, client_id)
    hold = child(main, "legal_hold_button", QPushButton)
    hold.click()
    assert retention.legal_hold(main.session, client_id) is (not before)
    hold.click()
    assert retention.legal_hold(main.session, client_id) is before
    assert len(messages.questions) == 2 and len(messages.infos) == 2 and messages.errors == []
    messages.answer = False
    hold.click()
    assert retention.legal_hold(main.session, client_id) is before


def test_a_counsellor_has_no_office_page(qtbot, qapp: QApplication, office: Office) -> None:
    with main_window(qtbot, qapp, sign_in(office, office.berta, BERTA_PW), "clients") as window:
        assert "office_files" not in window.pages and "clients" in window.pages
