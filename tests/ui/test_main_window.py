"""Pages of the main window, locking and unlocking, and the table models."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox, QStackedWidget, QTableView, QTableWidget

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.codes import Role
from jmd_desk.services import accounts, clients, interchange, partners
from jmd_desk.services.settings import office_settings
from jmd_desk.ui.account_dialogs import ChangePasswordDialog
from jmd_desk.ui.main_window import MainWindow
from jmd_desk.ui.widgets import CodeCombo
from tests.conftest import ADMIN_PASSWORD, PASSWORDS, TODAY, sign_in
from tests.ui.conftest import child, on_next_modal, wait_idle


def load(session, n: int = 25, seed: int = 3) -> None:
    doc = generate_document(n, today=TODAY.date(), seed=seed, counsellors=[session.username])
    doc["clients"][0]["first_name"], doc["clients"][0]["last_name"] = "Jürgen", "Müller"
    interchange.import_data(session, json.dumps(doc).encode())


@pytest.fixture
def make_window(qtbot, store_path, clock, runner, ui_settings):
    made = []

    def make(user: str, data: bool = True) -> MainWindow:
        if data:
            admin = sign_in(store_path, "admin", clock)
            load(admin)
            admin.close()
        session = sign_in(store_path, user, clock)
        window = MainWindow(session, runner, ui_settings)
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        if window.session.store.is_open:
            window.close()


def test_pages_follow_roles(make_window) -> None:
    admin_only = make_window("it", data=False)
    keys = [admin_only.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(admin_only.nav.count())]
    assert keys == ["partners", "data_protection", "admin"]
    admin_only.close()
    lead = make_window("lead", data=False)
    keys = [lead.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lead.nav.count())]
    assert keys == ["dashboard", "clients", "group_offers", "partners", "statistics", "data_protection"]


def test_search_as_you_type_ignores_case_and_accents(qtbot, make_window) -> None:
    window = make_window("admin")
    window.show_page("clients")
    view = child(window, "client_table", QTableView)
    assert view.model().rowCount() == 25
    search = child(window, "client_search_edit", QLineEdit)
    qtbot.keyClicks(search, "muller")
    qtbot.waitUntil(lambda: view.model().rowCount() == 1, timeout=3000)
    assert "Müller" in view.model().index(0, 1).data()
    search.setText("mueller")
    qtbot.waitUntil(lambda: view.model().rowCount() == 1 and "Müller" in view.model().index(0, 1).data())


def test_dashboard_entry_opens_the_file(qtbot, make_window) -> None:
    window = make_window("admin")
    views = [
        child(window, f"{name}_table", QTableView)
        for name in (
            "overdue_follow_ups",
            "goals_due",
            "referrals_waiting",
            "turning_27",
            "missing_processing_consent",
        )
    ]
    view = next(v for v in views if v.model().rowCount())
    index = view.model().index(0, 1)
    view.doubleClicked.emit(index)
    assert len(window.file_windows) == 1
    next(iter(window.file_windows.values())).close()


def test_lock_clears_models_and_unlocks_with_password(qtbot, make_window, runner) -> None:
    window = make_window("admin")
    window.show_page("clients")
    view = child(window, "client_table", QTableView)
    assert view.model().rowCount() == 25
    window.open_file(view.model().index(0, 0).data(Qt.ItemDataRole.UserRole + 1))
    file_window = next(iter(window.file_windows.values()))
    lock_action = window.findChild(QAction, "lock_action")
    assert lock_action.shortcut() == QKeySequence("Ctrl+L")
    lock_action.trigger()
    assert window.session.locked
    assert child(window, "root_stack", QStackedWidget).currentWidget() is window.lock_screen
    assert view.model().rowCount() == 0
    assert not file_window.isVisible() and file_window.file is None
    assert not window.session.store.is_unlocked
    password = child(window, "unlock_password_edit", QLineEdit)
    password.setText("falsches-passwort")
    child(window, "unlock_button", QPushButton).click()
    wait_idle(qtbot, runner)
    assert child(window, "unlock_error_label", QLabel).isVisible()
    assert window.session.locked
    password.setText(ADMIN_PASSWORD)
    qtbot.keyClick(password, Qt.Key.Key_Return)
    wait_idle(qtbot, runner)
    assert not window.session.locked
    assert view.model().rowCount() == 25
    assert file_window.isVisible() and file_window.file is not None
    file_window.close()


def test_idle_time_locks(qtbot, make_window) -> None:
    window = make_window("berta", data=False)
    window.idle.timer.setInterval(50)
    window.idle.timer.start()
    qtbot.waitUntil(lambda: window.session.locked, timeout=3000)


def test_partner_directory(qtbot, make_window) -> None:
    window = make_window("berta", data=False)
    window.show_page("partners")

    def fill(dialog) -> None:
        child(dialog, "name_edit", QLineEdit).setText("Schuldnerberatung Ost")
        combo = child(dialog, "partner_type_edit", CodeCombo)
        combo.setCurrentIndex(combo.findData("counselling_centre"))
        dialog.submit()

    on_next_modal(qtbot, fill)
    child(window, "new_partner_button", QPushButton).click()
    view = child(window, "partner_table", QTableView)
    assert view.model().rowCount() == 1
    view.selectRow(0)
    child(window, "toggle_partner_button", QPushButton).click()
    assert not partners.list_partners(window.session)[0].value.active
    child(window, "partner_search_edit", QLineEdit).setText("schuldner")
    assert view.model().rowCount() == 1
    child(window, "partner_search_edit", QLineEdit).setText("jobcenter")
    assert view.model().rowCount() == 0


def test_admin_creates_account_and_saves_settings(qtbot, make_window, messages) -> None:
    window = make_window("admin", data=False)
    window.show_page("admin")

    def fill(dialog) -> None:
        child(dialog, "username_edit", QLineEdit).setText("dora")
        child(dialog, "name_edit", QLineEdit).setText("Dora D.")
        child(dialog, "password_edit", QLineEdit).setText("Dora-Passwort-1")
        dialog.submit()

    on_next_modal(qtbot, fill)
    child(window, "new_user_button", QPushButton).click()
    assert child(window, "user_table", QTableView).model().rowCount() == 6
    window.admin.tabs.setCurrentIndex(1)
    child(window, "office_name_edit", QLineEdit).setText("JMD Musterstadt")
    child(window, "autolock_spin", QSpinBox).setValue(10)
    child(window, "statistics_k_spin", QSpinBox).setValue(5)
    fields = child(window, "statistics_fields_table", QTableWidget)
    assert (
        fields.rowCount() == 5
        and fields.item(0, 2).text() == "Sprache, Schule / Bildung, Familie / soziales Umfeld, Finanzen / Leistungen"
    )
    fields.item(1, 1).setText("Arbeit und Beruf")
    fields.item(1, 2).setText("Ausbildung / Beruf, finances")
    fields.item(0, 2).setText("Sprache, Schule / Bildung, Familie / soziales Umfeld")
    child(window, "add_field_button", QPushButton).click()
    assert fields.rowCount() == 6
    fields.setCurrentCell(5, 0)
    child(window, "remove_field_button", QPushButton).click()
    assert fields.rowCount() == 5
    child(window, "save_settings_button", QPushButton).click()
    saved = office_settings(window.session)
    assert (saved.office_name, saved.autolock_minutes, saved.statistics_k) == ("JMD Musterstadt", 10, 5)
    assert saved.statistics_fields[1] == {
        "code": "vocational",
        "label": "Arbeit und Beruf",
        "areas": ["vocational", "finances"],
    }
    assert window.idle.timer.interval() == 10 * 60_000
    assert messages.errors == []


def test_change_own_password(qtbot, make_window, store_path, clock) -> None:
    window = make_window("cem", data=False)
    dialog = ChangePasswordDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    child(dialog, "old_password_edit", QLineEdit).setText("falsch-falsch")
    child(dialog, "new_password_edit", QLineEdit).setText("Cem-Neu-Passwort-9")
    child(dialog, "new_password_repeat_edit", QLineEdit).setText("Cem-Neu-Passwort-9")
    dialog.submit()
    assert child(dialog, "change_password_error_label", QLabel).isVisible()
    child(dialog, "old_password_edit", QLineEdit).setText(PASSWORDS["cem"])
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    window.close()
    accounts.sign_in(store_path, "cem", "Cem-Neu-Passwort-9", clock=clock, policy=window.session.policy).close()


def test_team_lead_reads_but_cannot_edit(qtbot, make_window) -> None:
    window = make_window("lead")
    window.show_page("clients")
    view = child(window, "client_table", QTableView)
    window.open_file(view.model().index(0, 0).data(Qt.ItemDataRole.UserRole + 1))
    fw = next(iter(window.file_windows.values()))
    assert not child(fw, "add_goal_button", QPushButton).isEnabled()
    assert not child(fw, "save_contact_button", QPushButton).isEnabled()
    assert not clients.can_edit(window.session, fw.client_id)
    assert not window.session.user.has(Role.COUNSELLOR)
    fw.close()
