"""The version-2 widgets through pytest-qt: group offers page, file tab for appointments and
progress, districts in Verwaltung, attendance above the headcount shown at its field."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView

from jmd_desk.domain.entities import Appointment, Case, Client, District, GroupOffer
from jmd_desk.services import appointments, clients, groups, progress
from jmd_desk.ui.admin_page import AdminPage
from jmd_desk.ui.client_file_window import ClientFileWindow
from jmd_desk.ui.group_offers_page import GroupOffersPage
from tests.conftest import sign_in
from tests.ui.conftest import child, on_next_modal

OFFER = GroupOffer(
    "Elterncafé", "parents", date(2026, 9, 1), date(2026, 12, 18), participants_by_gender=(("female", 7),)
)


def save(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


@pytest.fixture
def berta(store_path, clock):
    session = sign_in(store_path, "berta", clock)
    yield session
    session.close()


def test_session_with_too_many_present_is_refused_at_the_field(qtbot, berta) -> None:
    offer_id = groups.create_offer(berta, OFFER)
    page = GroupOffersPage(berta)
    qtbot.addWidget(page)
    page.refresh()
    assert page.selected_offer().id == offer_id
    seen = []

    def fill(dialog) -> None:
        seen.append(dialog)
        child(dialog, "attendance_edit", QSpinBox).setValue(9)
        save(dialog)
        assert dialog.isVisible()  # refused: stays open with the message at the field
        assert child(dialog, "attendance_error", QLabel).text().startswith("mehr Anwesende")
        child(dialog, "attendance_edit", QSpinBox).setValue(6)
        save(dialog)

    on_next_modal(qtbot, fill)
    child(page, "add_session_button", QPushButton).click()
    assert seen
    assert [s.value.attendance for s in groups.offer_file(berta, offer_id).sessions] == [6]
    assert page.session_model.rowCount() == 1


def test_file_tab_turns_an_appointment_into_a_contact_and_records_progress(qtbot, berta) -> None:
    client_id = clients.create_client(
        berta, Client("Lina", "Yusuf", date(2007, 2, 3), german_level="A2"), Case("case_management", date(2026, 2, 2))
    )
    case_id = clients.client_file(berta, client_id).cases[0].id
    appointments.add_case_appointment(berta, case_id, Appointment(datetime(2026, 11, 19, 9, 0), 50, "phone"))
    window = ClientFileWindow(berta, client_id)
    qtbot.addWidget(window)
    tab = window.extras
    view = child(tab, "case_appointments_table", QTableView)
    view.selectRow(0)
    child(tab, "file_appointment_held_button", QPushButton).click()
    case = window.current_case()
    assert [(c.value.date, c.value.minutes, c.value.mode) for c in case.contacts] == [(date(2026, 11, 19), 50, "phone")]
    assert window.contacts.model.rowCount() == 1

    def record(dialog) -> None:
        value = child(dialog, "value_edit", QComboBox)
        value.setCurrentIndex(value.findData("B1"))
        save(dialog)
        assert not dialog.isVisible()

    on_next_modal(qtbot, record)
    child(tab, "add_progress_button", QPushButton).click()
    assert window.file.client.german_level == "B1"
    assert tab.progress_model.rowCount() == 1


def test_districts_are_kept_in_verwaltung(qtbot, store_path, clock, ui_settings) -> None:
    admin = sign_in(store_path, "admin", clock)
    try:
        page = AdminPage(admin, ui_settings)
        qtbot.addWidget(page)
        page.refresh()

        def add(dialog) -> None:
            child(dialog, "code_edit", QLineEdit).setText("hafen")
            child(dialog, "label_edit", QLineEdit).setText("Hafenviertel")
            save(dialog)

        on_next_modal(qtbot, add)
        child(page, "add_district_button", QPushButton).click()
        assert progress.list_districts(admin) == [District("hafen", "Hafenviertel")]
        assert page.districts.model.rowCount() == 1
        assert page.districts.model.index(0, 1).data(Qt.ItemDataRole.DisplayRole) == "Hafenviertel"
    finally:
        admin.close()
