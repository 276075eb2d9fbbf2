"""A counsellor's day through real widgets: new client (invalid, then valid), goal, contact,
referral blocked without consent and allowed with it, closing and reopening a case."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
)

from jmd_desk.domain.entities import Partner
from jmd_desk.services import audit, partners
from jmd_desk.ui.client_file_window import ClientFileWindow
from jmd_desk.ui.main_window import MainWindow
from jmd_desk.ui.widgets import CodeCombo, DateField
from tests.conftest import sign_in
from tests.ui.conftest import child, on_next_modal


def select_code(combo: CodeCombo, code: str) -> None:
    combo.setCurrentIndex(combo.findData(code))


def save(dialog) -> None:
    buttons = next(b for b in dialog.findChildren(QDialogButtonBox))
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


@pytest.fixture
def window(qtbot, store_path, clock, runner, ui_settings):
    session = sign_in(store_path, "berta", clock)
    partners.create_partner(session, Partner(name="Jobcenter Mitte", partner_type="jobcenter"))
    main = MainWindow(session, runner, ui_settings)
    qtbot.addWidget(main)
    main.show()
    yield main
    for w in list(main.file_windows.values()):
        w.form.set_client(w.file.client if w.file else None)
        w.close()
    if session.store.is_open:
        main.close()


def rows(view: QTableView) -> int:
    return view.model().rowCount()


def create_client(qtbot, window: MainWindow) -> ClientFileWindow:
    def fill_invalid(dialog) -> None:
        child(dialog, "first_name_edit", QLineEdit).setText("")
        child(dialog, "last_name_edit", QLineEdit).setText("Haddad")
        child(dialog, "email_edit", QLineEdit).setText("kein-at-zeichen")
        child(dialog, "date_of_birth_edit", DateField).set_value(date(1990, 1, 1))
        save(dialog)
        assert dialog.isVisible()
        assert child(dialog, "first_name_error", QLabel).isVisible()
        assert child(dialog, "email_error", QLabel).isVisible()
        child(dialog, "first_name_edit", QLineEdit).setText("Amira")
        child(dialog, "email_edit", QLineEdit).setText("amira@example.org")
        save(dialog)
        assert dialog.isVisible()
        assert not child(dialog, "first_name_error", QLabel).isVisible()
        assert "27" in child(dialog, "date_of_birth_error", QLabel).text()  # too old at intake
        child(dialog, "date_of_birth_edit", DateField).set_value(date(2008, 5, 17))
        child(dialog, "nationalities_edit", QLineEdit).setText("sy")
        select_code(child(dialog, "gender_edit", CodeCombo), "female")
        save(dialog)
        assert not dialog.isVisible()

    seen = on_next_modal(qtbot, fill_invalid)
    window.findChild(QPushButton, "new_client_button").click()
    assert seen
    assert len(window.file_windows) == 1
    file_window = next(iter(window.file_windows.values()))  # closed by the fixture: deleted on close
    assert file_window.file.client.nationalities == ("SY",)
    return file_window


def test_create_client_with_invalid_then_valid_data(qtbot, window) -> None:
    window.show_page("clients")
    file_window = create_client(qtbot, window)
    assert "Amira Haddad" in child(file_window, "file_header_label", QLabel).text()
    assert rows(window.clients.view) == 1


def test_goal_contact_referral_close_and_reopen(qtbot, window) -> None:
    fw = create_client(qtbot, window)

    def fill_goal(dialog) -> None:
        select_code(child(dialog, "area_edit", CodeCombo), "vocational")
        child(dialog, "title_edit", QLineEdit).setText("Ausbildungsplatz finden")
        save(dialog)

    on_next_modal(qtbot, fill_goal)
    child(fw, "add_goal_button", QPushButton).click()
    goal_table = child(fw, "goal_table", QTableView)
    assert rows(goal_table) == 1

    notes = child(fw, "contact_notes_edit", QPlainTextEdit)
    fw.tabs.setCurrentIndex(2)
    notes.setPlainText("Erstgespräch, Bewerbung besprochen")
    child(fw, "contact_minutes_spin").setValue(45)
    qtbot.keyClick(notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    contact_table = child(fw, "contact_table", QTableView)
    assert rows(contact_table) == 1
    assert notes.toPlainText() == ""
    assert fw.current_case().contacts[0].value.minutes == 45

    fw.tabs.setCurrentIndex(3)
    blocked = child(fw, "referral_blocked_label", QLabel)
    add_referral = child(fw, "add_referral_button", QPushButton)
    assert blocked.isVisible()
    assert not add_referral.isEnabled()

    def fill_consent(dialog) -> None:
        select_code(child(dialog, "scope_edit", CodeCombo), "referral_sharing")
        child(dialog, "form_version_edit", QLineEdit).setText("2025-01")
        save(dialog)

    on_next_modal(qtbot, fill_consent)
    child(fw, "give_consent_button", QPushButton).click()
    assert not blocked.isVisible()
    assert add_referral.isEnabled()

    def fill_referral(dialog) -> None:
        assert child(dialog, "partner_id_edit", QComboBox).currentText() == "Jobcenter Mitte"
        save(dialog)

    on_next_modal(qtbot, fill_referral)
    add_referral.click()
    assert rows(child(fw, "referral_table", QTableView)) == 1

    close_button = child(fw, "close_case_button", QPushButton)
    open_button = child(fw, "open_case_button", QPushButton)
    assert close_button.isEnabled() and not open_button.isEnabled()

    def fill_close(dialog) -> None:
        select_code(child(dialog, "closure_reason_edit", CodeCombo), "transition_regular_service")
        select_code(child(dialog, "destination_edit", CodeCombo), "vocational_training")
        save(dialog)

    on_next_modal(qtbot, fill_close)
    close_button.click()
    assert fw.file.cases[0].case.closure_reason == "transition_regular_service"
    assert open_button.isEnabled() and not close_button.isEnabled()

    def fill_open(dialog) -> None:
        select_code(child(dialog, "case_type_edit", CodeCombo), "case_management")
        save(dialog)

    on_next_modal(qtbot, fill_open)
    open_button.click()
    assert len(fw.file.cases) == 2
    assert fw.current_case().case.case_type == "case_management"
    assert child(fw, "case_combo", QComboBox).count() == 2
    assert rows(child(fw, "goal_table", QTableView)) == 0  # the new case starts empty


def test_unsaved_master_data_guard(qtbot, window, monkeypatch) -> None:
    fw = create_client(qtbot, window)
    child(fw, "phone_edit", QLineEdit).setText("0170 1234567")
    assert fw.has_unsaved_changes()
    asked = []
    monkeypatch.setattr("jmd_desk.ui.notify.confirm", lambda parent, text: asked.append(text) or False)
    fw.close()
    assert asked and fw.isVisible()
    child(fw, "save_client_button", QPushButton).click()
    assert not fw.has_unsaved_changes()
    assert fw.file.client.phone == "0170 1234567"
    assert QApplication.activeModalWidget() is None
    assert date.today() >= fw.file.cases[0].case.opened_on


def test_unknown_codes_round_trip_without_a_false_unsaved_warning(qtbot, window) -> None:
    fw = create_client(qtbot, window)
    child(fw, "nationalities_edit", QLineEdit).setText("Unknown, de")
    child(fw, "languages_edit", QLineEdit).setText("UNKNOWN")
    child(fw, "save_client_button", QPushButton).click()
    assert fw.file.client.nationalities == ("unknown", "DE")
    assert fw.file.client.languages == ("unknown",)
    fw.form.set_client(fw.file.client)
    assert not fw.has_unsaved_changes()


def test_a_closed_file_window_is_destroyed(qtbot, window) -> None:
    """Otherwise every file opened during a day stays in memory with its data."""
    fw = create_client(qtbot, window)
    gone: list[object] = []
    fw.destroyed.connect(lambda *_: gone.append(True))
    fw.close()
    qtbot.waitUntil(lambda: bool(gone), timeout=2000)
    assert window.file_windows == {}


def test_case_correction_with_typed_dates_is_saved_and_audited(qtbot, window) -> None:
    fw = create_client(qtbot, window)
    opened = fw.file.cases[0].case.opened_on

    def unreadable_then_valid(dialog) -> None:
        select_code(child(dialog, "case_type_edit", CodeCombo), "case_management")
        child(dialog, "opened_on_edit", DateField).setText("31.02.2026")
        save(dialog)
        assert dialog.isVisible()
        assert "TT.MM.JJJJ" in child(dialog, "opened_on_error", QLabel).text()
        child(dialog, "opened_on_edit", DateField).setText(opened.strftime("%d.%m.%y"))
        save(dialog)
        assert not dialog.isVisible()

    on_next_modal(qtbot, unreadable_then_valid)
    child(fw, "edit_case_button", QPushButton).click()
    case = fw.file.cases[0].case
    assert (case.case_type, case.opened_on, case.closed_on) == ("case_management", opened, None)
    events = audit.client_history(fw.session, fw.client_id)
    assert [e.entity_kind for e in events if e.action == "case_updated"] == ["case"]


def test_contact_form_shortcut_lands_in_the_date_even_on_the_contacts_tab(qtbot, window) -> None:
    fw = create_client(qtbot, window)
    date_field = child(fw, "contact_date_edit", DateField)
    fw.tabs.setCurrentIndex(0)
    fw.go_to_contact_form()  # Ctrl+K
    assert fw.tabs.currentIndex() == fw.contacts_tab_index
    assert fw.focusWidget() is date_field
    child(fw, "contact_minutes_spin").setFocus()
    fw.go_to_contact_form()  # again, from inside the form
    assert fw.focusWidget() is date_field
    assert date_field.selectedText() == date_field.text()  # typing replaces the date
